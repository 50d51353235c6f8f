package fr.comptoir.storage;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;

/**
 * One Comptoir at a time on a data folder: an operating-system lock on {@code comptoir.lock}, held
 * while the folder is open. Two processes selling on one journal would each believe its view is the
 * whole truth. The lock goes with the process, however it ends (a crash, {@code kill -9}, a power cut),
 * so a stale lock never blocks the next start; a process still dying is waited for, briefly.
 */
public final class DataFolderLock implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(DataFolderLock.class);
    public static final String FILE = "comptoir.lock";

    private final FileChannel channel;
    private final FileLock lock;

    private DataFolderLock(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    /** Takes the folder's lock, waiting up to {@code patience} for another process to let it go. */
    public static DataFolderLock acquire(Path home, Duration patience) {
        Path file = home.resolve(FILE);
        long deadline = System.nanoTime() + patience.toNanos();
        boolean told = false;
        try {
            Files.createDirectories(home);
            FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            while (true) {
                FileLock lock;
                try {
                    lock = channel.tryLock();
                } catch (OverlappingFileLockException heldHere) {
                    lock = null;
                }
                if (lock != null) {
                    return new DataFolderLock(channel, lock);
                }
                if (System.nanoTime() > deadline) {
                    channel.close();
                    throw new StorageException("Another Comptoir is using this data folder (" + home.toAbsolutePath()
                            + "): stop it first, then start again. Nothing was changed.", null, StorageException.Kind.BUSY);
                }
                if (!told) {
                    LOG.warn("Waiting for another Comptoir to let go of {}", home.toAbsolutePath());
                    told = true;
                }
                Thread.sleep(50);
            }
        } catch (IOException e) {
            throw new StorageException("Cannot lock the data folder " + home.toAbsolutePath() + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StorageException("Interrupted while waiting for the data folder " + home.toAbsolutePath(), e);
        }
    }

    @Override
    public void close() {
        try {
            lock.release();
            channel.close();
        } catch (IOException e) {
            LOG.warn("The data folder's lock did not close cleanly: {}", e.toString());
        }
    }
}
