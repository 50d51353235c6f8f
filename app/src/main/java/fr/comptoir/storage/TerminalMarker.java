package fr.comptoir.storage;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;
import java.util.Properties;
import java.util.UUID;

/**
 * What a data folder knows of itself outside its databases ({@code terminal.properties}): its own random
 * installation id, drawn once, so that two terminals on one machine never share an identity; and whether
 * it was activated, so that a terminal whose journal disappeared or was replaced by an empty one is never
 * started on a fresh journal without a person deciding so. Written atomically. Blocking (disk).
 */
public final class TerminalMarker {

    public static final String FILE = "terminal.properties";

    private final Path file;
    private final Properties props;

    private TerminalMarker(Path file, Properties props) {
        this.file = file;
        this.props = props;
    }

    /** Reads the folder's marker, creating it (with a new installation id) on the folder's first use. */
    public static TerminalMarker openOrCreate(Path home) {
        Path file = home.resolve(FILE);
        Properties p = new Properties();
        try {
            Files.createDirectories(home);
            if (Files.exists(file)) {
                try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                    p.load(r);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + file, e);
        }
        TerminalMarker m = new TerminalMarker(file, p);
        if (p.getProperty("installation.id", "").isBlank()) {
            p.setProperty("installation.id", UUID.randomUUID().toString());
            m.save();
        }
        return m;
    }

    /** This data folder's own id, never shared with another folder. */
    public String installationId() {
        return props.getProperty("installation.id");
    }

    /** The activation this folder's journal holds, when it was activated: device id and store id. */
    public Optional<String> activatedDevice() {
        return Optional.ofNullable(props.getProperty("activated.device"));
    }

    public String activatedStore() {
        return props.getProperty("activated.store", "");
    }

    /** Notes that the journal of this folder now holds an activation. */
    public void activated(String deviceId, String storeId) {
        props.setProperty("activated.device", deviceId);
        props.setProperty("activated.store", storeId);
        save();
    }

    /**
     * The highest ticket number this terminal may have given: reserved here, outside the journal, before a
     * ticket beyond it is given, so that a journal rebuilt after damage never gives a number twice.
     */
    /** How far each fiscal chain was last verified in full, signature by signature (decision 0031). */
    public synchronized long fiscalVerifiedUpTo(String chain) {
        return Long.parseLong(props.getProperty("fiscal.verified." + chain, "0"));
    }

    /** Notes how far the fiscal chains were just verified in full. */
    public synchronized void fiscalVerified(java.util.Map<String, Long> upTo) {
        upTo.forEach((chain, seq) -> props.setProperty("fiscal.verified." + chain, Long.toString(seq)));
        save();
    }

    public synchronized long ticketsReservedUpTo() {
        return Long.parseLong(props.getProperty("tickets.reserved", "0"));
    }

    /** Reserves ticket numbers up to {@code upTo}, durably (the file is flushed to disk). */
    public synchronized void reserveTickets(long upTo) {
        if (upTo > ticketsReservedUpTo()) {
            props.setProperty("tickets.reserved", Long.toString(upTo));
            save();
        }
    }

    /** Forgets the activation: a person decided to start this terminal on a new journal. */
    public void forgetActivation() {
        props.remove("activated.device");
        props.remove("activated.store");
        save();
    }

    private synchronized void save() {
        Path tmp = file.resolveSibling(FILE + ".tmp");
        try {
            java.io.StringWriter text = new java.io.StringWriter();
            props.store(text, "Comptoir terminal: identity of this data folder. Keep it with journal.db.");
            try (java.nio.channels.FileChannel ch = java.nio.channels.FileChannel.open(tmp, java.nio.file.StandardOpenOption.CREATE,
                    java.nio.file.StandardOpenOption.WRITE, java.nio.file.StandardOpenOption.TRUNCATE_EXISTING)) {
                ch.write(java.nio.ByteBuffer.wrap(text.toString().getBytes(StandardCharsets.UTF_8)));
                ch.force(true);
            }
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write " + file, e);
        }
    }
}
