package fr.comptoir.storage;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.locks.ReentrantLock;

/**
 * One SQLite file opened in WAL mode: one writer connection guarded by a lock, for transactions, and a
 * few reader connections of their own for {@link #read}, so that a scan or a search never waits behind a
 * page being written (WAL lets readers see the last commit while a writer works).
 *
 * <p>SQLite allows one writer at a time; funnelling every write through one connection keeps
 * transactions simple and avoids SQLITE_BUSY inside the app. A read made inside a transaction, on its
 * thread, joins that transaction and sees its writes. Any thread except the JavaFX application thread
 * may call it.
 */
public final class SqliteDatabase implements AutoCloseable {

    /** Work done inside a transaction, given the connection. */
    @FunctionalInterface
    public interface SqlWork<T> {
        T run(Connection connection) throws SQLException;
    }

    /** Reader connections kept open at most; more readers at once wait for one to be free. */
    static final int READERS = 3;

    private final Path file;
    private final Connection connection;
    private final ReentrantLock lock = new ReentrantLock();
    private int transactionDepth;
    private final java.util.concurrent.BlockingQueue<Connection> idleReaders = new java.util.concurrent.LinkedBlockingQueue<>();
    private final java.util.concurrent.Semaphore readerSlots = new java.util.concurrent.Semaphore(READERS);
    private final java.util.List<Connection> allReaders = new java.util.concurrent.CopyOnWriteArrayList<>();
    private volatile boolean closed;

    private SqliteDatabase(Path file, Connection connection) {
        this.file = file;
        this.connection = connection;
    }

    /** Opens (creating if needed) the database file and applies the migrations of {@code migrationSet}. */
    public static SqliteDatabase open(Path file, String migrationSet) {
        return open(file, migrationSet, Durability.NORMAL);
    }

    /**
     * How hard a commit tries to reach the disk. {@link #FULL} syncs the write-ahead log at every commit, so
     * that a power cut right after a commit cannot undo it; {@link #NORMAL} syncs at checkpoints only (a power
     * cut may lose the last commits, a crash of the process never does).
     */
    public enum Durability { NORMAL, FULL }

    /** As {@link #open(Path, String)}, committing with the given durability. */
    public static SqliteDatabase open(Path file, String migrationSet, Durability durability) {
        return open(file, migrationSet, durability, false);
    }

    /**
     * A connection to {@code file}. sqlite-jdbc would otherwise run {@code SELECT last_insert_rowid()} after every
     * insert in case generated keys are asked for; Comptoir never asks (it reads {@code last_insert_rowid()}
     * itself where it needs it), and that query was a fifth of the time of a first sync (issue 14).
     */
    static Connection connect(Path file) throws java.sql.SQLException {
        java.util.Properties p = new java.util.Properties();
        p.setProperty("jdbc.get_generated_keys", "false");
        return DriverManager.getConnection("jdbc:sqlite:" + file.toAbsolutePath(), p);
    }

    /**
     * As {@link #open(Path, String, Durability)}; with {@code checkFirst}, SQLite's quick integrity check runs
     * before anything is written to the file (migrations included), and a damaged file is refused with a
     * {@link StorageException.Kind#DAMAGED} failure, left as it was.
     */
    public static SqliteDatabase open(Path file, String migrationSet, Durability durability, boolean checkFirst) {
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            Connection c = connect(file);
            try (Statement s = c.createStatement()) {
                s.execute("PRAGMA busy_timeout=5000");
                s.execute("PRAGMA journal_mode=WAL");
                s.execute("PRAGMA synchronous=" + durability.name());
                s.execute("PRAGMA foreign_keys=ON");
            } catch (SQLException e) {
                c.close();
                throw e;
            }
            SqliteDatabase db = new SqliteDatabase(file, c);
            try {
                if (checkFirst) {
                    java.util.List<String> problems = db.integrityProblems("quick_check");
                    if (!problems.isEmpty()) {
                        throw new StorageException(file.getFileName() + " is damaged: " + String.join("; ", problems.subList(0, Math.min(3, problems.size()))),
                                null, StorageException.Kind.DAMAGED);
                    }
                }
                Migrations.apply(db, migrationSet);
            } catch (RuntimeException e) {
                db.close();
                throw e;
            }
            return db;
        } catch (SQLException | IOException e) {
            throw new StorageException("Cannot open database " + file.getFileName() + ": " + e.getMessage(), e);
        } catch (StorageException e) {
            throw new StorageException("Cannot open database " + file.getFileName() + ": " + e.getMessage(), e, e.kind());
        }
    }

    public Path file() {
        return file;
    }

    /**
     * Runs {@code work} in one transaction: committed when it returns, rolled back when it throws.
     * Called again from inside {@code work} (same thread), it joins the outer transaction.
     */
    public <T> T inTransaction(SqlWork<T> work) {
        lock.lock();
        if (transactionDepth > 0) {
            transactionDepth++;
            try {
                return work.run(connection);
            } catch (SQLException e) {
                throw new StorageException(e.getMessage(), e);
            } finally {
                transactionDepth--;
                lock.unlock();
            }
        }
        transactionDepth = 1;
        try {
            connection.setAutoCommit(false);
            try {
                T result = work.run(connection);
                connection.commit();
                return result;
            } catch (SQLException | RuntimeException | Error e) {
                rollbackQuietly(e);
                if (e instanceof SQLException sql) {
                    throw new StorageException(sql.getMessage(), sql);
                }
                throw e;
            } finally {
                connection.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw new StorageException(e.getMessage(), e);
        } finally {
            transactionDepth = 0;
            lock.unlock();
        }
    }

    /**
     * Runs read-only {@code work} on a reader connection of its own (never waiting for a writer), or, inside a
     * transaction of this thread, on the transaction's connection. Reader connections refuse writes.
     */
    public <T> T read(SqlWork<T> work) {
        if (lock.isHeldByCurrentThread()) {
            try {
                return work.run(connection);
            } catch (SQLException e) {
                throw new StorageException(e.getMessage(), e);
            }
        }
        Connection reader = borrowReader();
        try {
            return work.run(reader);
        } catch (SQLException e) {
            throw new StorageException(e.getMessage(), e);
        } finally {
            idleReaders.add(reader);
            readerSlots.release();
        }
    }

    private Connection borrowReader() {
        try {
            readerSlots.acquire();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StorageException("Interrupted while waiting to read " + file.getFileName(), e);
        }
        Connection c = idleReaders.poll();
        if (c != null) {
            return c;
        }
        try {
            if (closed) {
                throw new StorageException("Database " + file.getFileName() + " is closed");
            }
            c = connect(file);
            try (Statement s = c.createStatement()) {
                s.execute("PRAGMA busy_timeout=5000");
                s.execute("PRAGMA query_only=ON");
            }
            allReaders.add(c);
            return c;
        } catch (SQLException | RuntimeException e) {
            readerSlots.release();
            throw e instanceof StorageException se ? se : new StorageException("Cannot read " + file.getFileName() + ": " + e.getMessage(), e);
        }
    }

    /**
     * Runs {@code work} alone on the writer connection, outside {@link #inTransaction}: for work that needs
     * the writer's own state (its change counter) or manages its own commits (a bulk load).
     */
    public <T> T withWriter(SqlWork<T> work) {
        lock.lock();
        try {
            return work.run(connection);
        } catch (SQLException e) {
            throw new StorageException(e.getMessage(), e);
        } finally {
            lock.unlock();
        }
    }

    /** SQLite's quick integrity check: false when the file is damaged. */
    public boolean passesQuickCheck() {
        return integrityProblems("quick_check").isEmpty();
    }

    /**
     * What SQLite's {@code quick_check} or {@code integrity_check} finds wrong, empty when the file is sound.
     * A file too damaged to be read at all counts as one problem.
     */
    public java.util.List<String> integrityProblems(String check) {
        if (!check.equals("quick_check") && !check.equals("integrity_check")) {
            throw new IllegalArgumentException(check);
        }
        try {
            return read(c -> {
                java.util.List<String> problems = new java.util.ArrayList<>();
                try (Statement s = c.createStatement(); java.sql.ResultSet rs = s.executeQuery("PRAGMA " + check)) {
                    while (rs.next()) {
                        if (!"ok".equals(rs.getString(1))) {
                            problems.add(rs.getString(1));
                        }
                    }
                }
                return problems;
            });
        } catch (StorageException e) {
            if (e.kind() == StorageException.Kind.BUSY) {
                throw e;
            }
            return java.util.List.of(String.valueOf(e.getMessage()));
        }
    }

    /**
     * Copies the database, as it is at one instant, to {@code target} with SQLite's backup API, from a
     * connection of its own so that the app's work goes on meanwhile. Any thread.
     */
    public void backupTo(Path target) {
        try (Connection c = connect(file);
             Statement s = c.createStatement()) {
            s.execute("PRAGMA busy_timeout=5000");
            s.executeUpdate("backup to \"" + target.toAbsolutePath() + "\"");
        } catch (SQLException e) {
            throw new StorageException("Cannot back up " + file.getFileName() + ": " + e.getMessage(), e);
        }
    }

    private void rollbackQuietly(Throwable cause) {
        try {
            connection.rollback();
        } catch (SQLException rollbackFailure) {
            cause.addSuppressed(rollbackFailure);
        }
    }

    /** Whether {@link #close} was called: a read that failed after it says nothing about the file. */
    public boolean isClosed() {
        return closed;
    }

    @Override
    public void close() {
        lock.lock();
        try {
            closed = true;
            for (Connection reader : allReaders) {
                try {
                    reader.close();
                } catch (SQLException e) {
                    org.slf4j.LoggerFactory.getLogger(SqliteDatabase.class).warn("A reader of {} did not close: {}", file.getFileName(), e.toString());
                }
            }
            connection.close();
        } catch (SQLException e) {
            throw new StorageException(e.getMessage(), e);
        } finally {
            lock.unlock();
        }
    }
}
