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
 * One SQLite file opened in WAL mode, with a single shared connection guarded by a lock.
 *
 * <p>SQLite allows one writer at a time; funnelling every access through one connection keeps
 * transactions simple and avoids SQLITE_BUSY inside the app. Any thread except the JavaFX
 * application thread may call it.
 */
public final class SqliteDatabase implements AutoCloseable {

    /** Work done inside a transaction, given the connection. */
    @FunctionalInterface
    public interface SqlWork<T> {
        T run(Connection connection) throws SQLException;
    }

    private final Path file;
    private final Connection connection;
    private final ReentrantLock lock = new ReentrantLock();
    private int transactionDepth;

    private SqliteDatabase(Path file, Connection connection) {
        this.file = file;
        this.connection = connection;
    }

    /** Opens (creating if needed) the database file and applies the migrations of {@code migrationSet}. */
    public static SqliteDatabase open(Path file, String migrationSet) {
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            Connection c = DriverManager.getConnection("jdbc:sqlite:" + file.toAbsolutePath());
            try (Statement s = c.createStatement()) {
                s.execute("PRAGMA journal_mode=WAL");
                s.execute("PRAGMA synchronous=NORMAL");
                s.execute("PRAGMA foreign_keys=ON");
                s.execute("PRAGMA busy_timeout=5000");
            }
            SqliteDatabase db = new SqliteDatabase(file, c);
            try {
                Migrations.apply(db, migrationSet);
            } catch (RuntimeException e) {
                db.close();
                throw e;
            }
            return db;
        } catch (SQLException | IOException e) {
            throw new StorageException("Cannot open database " + file.getFileName() + ": " + e.getMessage(), e);
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

    /** Runs read-only {@code work} outside an explicit transaction. */
    public <T> T read(SqlWork<T> work) {
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
        return read(c -> {
            try (Statement s = c.createStatement(); java.sql.ResultSet rs = s.executeQuery("PRAGMA quick_check")) {
                return rs.next() && "ok".equals(rs.getString(1));
            }
        });
    }

    private void rollbackQuietly(Throwable cause) {
        try {
            connection.rollback();
        } catch (SQLException rollbackFailure) {
            cause.addSuppressed(rollbackFailure);
        }
    }

    @Override
    public void close() {
        lock.lock();
        try {
            connection.close();
        } catch (SQLException e) {
            throw new StorageException(e.getMessage(), e);
        } finally {
            lock.unlock();
        }
    }
}
