package fr.comptoir.fiscal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Supplier;

/**
 * The signing key of the terminal whose data folder this is (decision 0031): loaded from {@code keys/} on
 * first need, or made there when there is none. A key file that cannot be read is set aside, never
 * overwritten, and a new key is made: records name the key they were signed with, so the change shows in the
 * chains and the new key is registered with the platform like the first. Blocking (disk).
 */
public final class TerminalKey implements Supplier<SigningKey> {

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(TerminalKey.class);

    private final Path home;
    private SigningKey key;

    public TerminalKey(Path home) {
        this.home = home;
    }

    @Override
    public synchronized SigningKey get() {
        ensure();
        return key;
    }

    /** Loads the key, or makes it; true when a new key was made (it must then be registered with the platform). */
    public synchronized boolean ensure() {
        if (key != null) {
            return false;
        }
        try {
            java.util.Optional<SigningKey> kept = SigningKey.load(home);
            if (kept.isPresent()) {
                key = kept.get();
                return false;
            }
        } catch (IllegalStateException e) {
            Path file = home.resolve(SigningKey.FOLDER).resolve(SigningKey.PRIVATE_FILE);
            Path aside = file.resolveSibling(SigningKey.PRIVATE_FILE + ".unreadable-" + System.currentTimeMillis());
            LOG.error("The fiscal signing key cannot be read ({}); it is kept as {} and a new key is made", e.getMessage(), aside.getFileName());
            try {
                Files.move(file, aside);
            } catch (IOException moveFailed) {
                throw new IllegalStateException("The fiscal signing key cannot be read nor set aside: " + moveFailed.getMessage(), e);
            }
        }
        key = SigningKey.create(home);
        LOG.info("Fiscal signing key {} made in the data folder", key.id());
        return true;
    }
}
