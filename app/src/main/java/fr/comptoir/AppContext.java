package fr.comptoir;

import fr.comptoir.centralapi.CentralPlatform;
import fr.comptoir.centralapi.DeviceActivation;
import fr.comptoir.comptoirapi.RetryPolicy;
import fr.comptoir.demo.DemoCentralServer;
import fr.comptoir.demo.DemoDataGenerator;
import fr.comptoir.demo.DemoPlatformStore;
import fr.comptoir.demo.DemoSize;
import fr.comptoir.staff.SignInService;
import fr.comptoir.datafolder.DataFolderAccess;
import fr.comptoir.storage.SqliteDatabase;
import fr.comptoir.storage.SqliteFeedCache;
import fr.comptoir.storage.SqliteJournal;
import fr.comptoir.storage.SqliteOutbox;
import fr.comptoir.storage.SqliteSettings;
import fr.comptoir.storage.SqliteStaffDirectory;
import fr.comptoir.storage.DataFolderLock;
import fr.comptoir.storage.JournalBackups;
import fr.comptoir.storage.JournalUnavailableException;
import fr.comptoir.storage.StorageException;
import fr.comptoir.storage.TerminalMarker;
import fr.comptoir.sync.SyncEngine;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;

/**
 * The composition root: opens the two databases, and once the terminal is activated, the central
 * platform client, the sync engine and sign-in. Wiring is by constructor, here and nowhere else.
 *
 * <p>Opening and activation touch the disk and the network: call them off the JavaFX thread.
 */
public final class AppContext implements AutoCloseable {

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(AppContext.class);

    /** The terminal's settings a provisioning file may give: the screens' language ({@code fr}, {@code en}), the receipt printer. */
    public static final String LANGUAGE_SETTING = "ui.language";
    public static final String PRINTER_SETTING = "printer.address";

    /** Choices that differ between the real app, tests and the command line. */
    public record Options(DemoSize demoSize, SyncEngine.Settings syncSettings, RetryPolicy retryPolicy, long paymentTerminalDelayMillis,
                          java.time.Duration journalBackupInterval, fr.comptoir.centralapi.PlatformFactory platforms) {

        public Options(DemoSize demoSize, SyncEngine.Settings syncSettings, RetryPolicy retryPolicy, long paymentTerminalDelayMillis,
                       java.time.Duration journalBackupInterval) {
            this(demoSize, syncSettings, retryPolicy, paymentTerminalDelayMillis, journalBackupInterval, null);
        }

        /** The central platform the terminal is configured for: the Comptoir Commerce API unless another is given. */
        public fr.comptoir.centralapi.PlatformFactory platformFactory() {
            return platforms != null ? platforms : new fr.comptoir.comptoirapi.ComptoirApiPlatforms(retryPolicy);
        }

        /** The same options, with another central platform. */
        public Options withPlatforms(fr.comptoir.centralapi.PlatformFactory other) {
            return new Options(demoSize, syncSettings, retryPolicy, paymentTerminalDelayMillis, journalBackupInterval, other);
        }
        public Options(DemoSize demoSize, SyncEngine.Settings syncSettings, RetryPolicy retryPolicy) {
            this(demoSize, syncSettings, retryPolicy, 1500);
        }

        public Options(DemoSize demoSize, SyncEngine.Settings syncSettings, RetryPolicy retryPolicy, long paymentTerminalDelayMillis) {
            this(demoSize, syncSettings, retryPolicy, paymentTerminalDelayMillis, java.time.Duration.ofMinutes(5));
        }

        public static Options defaults() {
            return new Options(DemoSize.SMALL, SyncEngine.Settings.DEFAULT, RetryPolicy.DEFAULT);
        }
    }

    public static final String JOURNAL_FILE = "journal.db";
    static final String CACHE_FILE = "cache.db";

    private final Path home;
    private final Clock clock;
    private final Options options;
    private final SqliteDatabase journalDb;
    private final SqliteDatabase cacheDb;
    private final SqliteSettings settings;
    private final SqliteJournal journal;
    private final SqliteOutbox outbox;
    private final SqliteFeedCache cache;
    private final SqliteStaffDirectory staffDirectory;
    private final String cacheRecoveryNote;
    private final TerminalMarker marker;
    private final JournalBackups backups;
    private DataFolderLock folderLock;

    private final fr.comptoir.storage.SqliteCustomerSearch customerSearch;
    private final fr.comptoir.storage.SqliteClienteling clientelingStore;
    private final fr.comptoir.storage.SqliteCustomerHistory customerHistory;
    private final fr.comptoir.catalog.CatalogReader catalog;
    private final fr.comptoir.storage.SqliteCatalog cachedCatalog;
    private final fr.comptoir.sale.SaleCompletion saleCompletion;
    private final fr.comptoir.storage.SqliteParkedSales parkedSales;
    private final fr.comptoir.customers.ClientelingService clienteling;
    private final fr.comptoir.storage.SqlitePickups pickups;
    private final fr.comptoir.sale.CartTakeover cartTakeover;
    private final fr.comptoir.storage.SqlitePaymentJournal payments;
    private fr.comptoir.sale.PaymentTerminal paymentTerminal;

    private DemoCentralServer demoServer;
    private CentralPlatform central;
    private SyncEngine sync;
    private SignInService signIn;
    private DeviceConfig device;
    private final fr.comptoir.fiscal.TerminalKey terminalKey;
    private final fr.comptoir.till.TrainingMode training = new fr.comptoir.till.TrainingMode();
    private final fr.comptoir.storage.SqliteFiscalBook fiscalBook;

    private AppContext(Path home, Clock clock, Options options, TerminalMarker marker, SqliteDatabase journalDb, SqliteDatabase cacheDb,
                       String cacheRecoveryNote) {
        this.home = home;
        this.marker = marker;
        this.clock = clock;
        this.options = options;
        this.journalDb = journalDb;
        this.cacheDb = cacheDb;
        this.cacheRecoveryNote = cacheRecoveryNote;
        this.settings = new SqliteSettings(journalDb);
        this.terminalKey = new fr.comptoir.fiscal.TerminalKey(home);
        this.fiscalBook = new fr.comptoir.storage.SqliteFiscalBook(terminalKey);
        this.journal = new SqliteJournal(journalDb, fr.comptoir.storage.CanonicalJson.codec(), clock, new SqliteJournal.TicketReservation() {
            @Override
            public long reservedUpTo() {
                return marker.ticketsReservedUpTo();
            }

            @Override
            public void reserve(long upTo) {
                marker.reserveTickets(upTo);
            }
        }, fiscalBook);
        this.outbox = new SqliteOutbox(journalDb, fr.comptoir.storage.CanonicalJson.codec(), clock, fiscalBook);
        this.payments = new fr.comptoir.storage.SqlitePaymentJournal(journalDb, fr.comptoir.storage.CanonicalJson.codec(), clock);
        this.cache = new SqliteFeedCache(cacheDb, fr.comptoir.storage.CanonicalJson.codec());
        this.staffDirectory = new SqliteStaffDirectory(cacheDb);
        this.customerSearch = new fr.comptoir.storage.SqliteCustomerSearch(cacheDb);
        this.clientelingStore = new fr.comptoir.storage.SqliteClienteling(cacheDb, fr.comptoir.storage.CanonicalJson.codec(), cache);
        this.customerHistory = new fr.comptoir.storage.SqliteCustomerHistory(cacheDb);
        this.cachedCatalog = new fr.comptoir.storage.SqliteCatalog(cacheDb, clock);
        this.catalog = new fr.comptoir.catalog.WithLocalSales(cachedCatalog, journal::unconfirmedSales);
        this.saleCompletion = new fr.comptoir.sale.SaleCompletion(journal, clock, training::active);
        this.parkedSales = new fr.comptoir.storage.SqliteParkedSales(journalDb, fr.comptoir.storage.CanonicalJson.codec());
        this.clienteling = new fr.comptoir.customers.ClientelingService(clientelingStore, journal, fr.comptoir.storage.CanonicalJson.codec(), clock);
        this.pickups = new fr.comptoir.storage.SqlitePickups(cacheDb, fr.comptoir.storage.CanonicalJson.codec(), java.time.ZoneId.systemDefault());
        this.cartTakeover = new fr.comptoir.sale.CartTakeover(journal, clock);
        this.device = readDevice().orElse(null);
        this.backups = new JournalBackups(journalDb, home, clock);
        backups.start(options.journalBackupInterval());
    }

    /**
     * Opens Comptoir's data in {@code home}. The journal (the store's own, unsynced work) is checked and
     * opened as it is, never replaced: a missing, emptied or damaged journal of an activated terminal, or one
     * held by another program, stops the start with a {@link JournalUnavailableException} that says what to
     * do. A damaged cache is set aside and rebuilt empty, to be filled again by sync; a cache held by another
     * program is not damaged and is left alone.
     */
    public static AppContext open(Path home, Clock clock, Options options) {
        DataFolderAccess.requireWritable(home);
        DataFolderLock lock = DataFolderLock.acquire(home, java.time.Duration.ofSeconds(10));
        try {
            AppContext ctx = openUnlocked(home, clock, options, true);
            ctx.folderLock = lock;
            try {
                ctx.keepSigningKey();
            } catch (RuntimeException e) {
                ctx.close();
                throw e;
            }
            DataFolderAccess.shareWithGroup(home);
            return ctx;
        } catch (RuntimeException e) {
            lock.close();
            throw e;
        }
    }

    /**
     * Opens the data folder to look at it, without taking it: for {@code comptoir status} while the app runs.
     * Writes nothing the running app would not (migrations are already applied by it).
     */
    public static AppContext inspect(Path home, Clock clock, Options options) {
        DataFolderAccess.requireWritable(home);
        AppContext ctx = openUnlocked(home, clock, options, false);
        ctx.backups.stop();
        return ctx;
    }

    /**
     * Opens the folder's files; {@code owner} when this process holds the folder's lock (not for a look by
     * {@code status}), and may then set aside a cache that a check in the background found damaged.
     */
    private static AppContext openUnlocked(Path home, Clock clock, Options options, boolean owner) {
        TerminalMarker marker = TerminalMarker.openOrCreate(home);
        SqliteDatabase journalDb = openJournal(home, marker);
        try {
            SqliteDatabase cacheDb;
            String note = null;
            Path checkFailed = home.resolve(CACHE_CHECK_FAILED);
            try {
                if (owner && Files.exists(checkFailed)) {
                    throw new StorageException(readQuietly(checkFailed), null, StorageException.Kind.DAMAGED);
                }
                // Not checked page by page here: a large store's cache takes seconds to check (half a minute after a
                // reboot), and the sign-in screen would wait for it. A file that is not a database at all still fails
                // here; the pages are checked in the background (checkCacheInBackground) and a damaged cache is set
                // aside at the next start. The journal, the store's own work, is still checked before anything.
                cacheDb = SqliteDatabase.open(home.resolve(CACHE_FILE), "cache", SqliteDatabase.Durability.NORMAL, false);
            } catch (StorageException e) {
                if (e.kind() != StorageException.Kind.DAMAGED) {
                    throw e.kind() == StorageException.Kind.BUSY
                            ? new StorageException("The cache (" + CACHE_FILE + ") is in use by another program. Close it (or the other "
                            + "Comptoir) and start again; nothing was changed.", e, StorageException.Kind.BUSY) : e;
                }
                note = setAsideDamagedCache(home, e);
                deleteQuietly(checkFailed);
                cacheDb = SqliteDatabase.open(home.resolve(CACHE_FILE), "cache");
            }
            return new AppContext(home, clock, options, marker, journalDb, cacheDb, note);
        } catch (RuntimeException e) {
            journalDb.close();
            throw e;
        }
    }

    private static SqliteDatabase openJournal(Path home, TerminalMarker marker) {
        Path file = home.resolve(JOURNAL_FILE);
        boolean activated = marker.activatedDevice().isPresent();
        String what = "This terminal was activated (device " + marker.activatedDevice().orElse("?") + ", store " + marker.activatedStore()
                + ") and its journal (" + file + ") held the store's work not yet sent to the central platform. ";
        String todo = "Stop Comptoir and run 'comptoir journal recover' to rebuild it from what can be read and the newest backup in "
                + home.resolve(JournalBackups.FOLDER) + ", or, if the journal is truly lost, 'comptoir journal reset --confirm' to start "
                + "a new one (the terminal must then be activated again). See docs/operations.md.";
        if (activated && (!Files.exists(file) || sizeOf(file) == 0)) {
            throw new JournalUnavailableException(JournalUnavailableException.Reason.MISSING, what + "That journal is missing. " + todo, null);
        }
        SqliteDatabase db;
        try {
            db = SqliteDatabase.open(file, "journal", SqliteDatabase.Durability.FULL, true);
        } catch (StorageException e) {
            if (e.kind() == StorageException.Kind.BUSY) {
                throw new JournalUnavailableException(JournalUnavailableException.Reason.BUSY, "The journal (" + file
                        + ") is in use by another program: close it (or the other Comptoir) and start again. Nothing was changed.", e);
            }
            if (e.kind() == StorageException.Kind.DAMAGED) {
                throw new JournalUnavailableException(JournalUnavailableException.Reason.DAMAGED, "The journal (" + file + ") is damaged ("
                        + e.getMessage() + "). " + todo, e);
            }
            throw e;
        }
        Optional<String> device = new SqliteSettings(db).get("device.id");
        if (activated && device.isEmpty()) {
            db.close();
            throw new JournalUnavailableException(JournalUnavailableException.Reason.EMPTY, what
                    + "The journal found there is a new, empty one. " + todo, null);
        }
        if (!activated && device.isPresent()) {
            // A terminal activated before the marker existed: the marker learns it now.
            marker.activated(device.get(), new SqliteSettings(db).get("store.id").orElse(""));
        }
        return db;
    }

    private static String setAsideDamagedCache(Path home, StorageException cause) {
        String suffix = ".damaged-" + System.currentTimeMillis();
        try {
            for (String f : new String[]{CACHE_FILE, CACHE_FILE + "-wal", CACHE_FILE + "-shm"}) {
                Path p = home.resolve(f);
                if (Files.exists(p)) {
                    Files.move(p, home.resolve(f + suffix), StandardCopyOption.REPLACE_EXISTING);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("The cache is damaged and cannot be set aside", e);
        }
        LOG.warn("The cache was damaged ({}); set aside as {} and rebuilt", cause.getMessage(), CACHE_FILE + suffix);
        return "The local cache was damaged (" + cause.getMessage() + "); it was set aside as " + CACHE_FILE + suffix
                + " and is being rebuilt from the central platform. No unsynced work was lost.";
    }

    /** The marker a failed check of the cache leaves: its next start sets the cache aside and rebuilds it. */
    static final String CACHE_CHECK_FAILED = "cache.check-failed";

    /**
     * Checks every page of the cache (SQLite's quick_check) on a thread of its own, once the app has started; a
     * damaged cache is logged and marked, to be set aside and rebuilt at the next start. For the app, not for
     * commands (they end before a large cache is read through).
     */
    public void checkCacheInBackground() {
        Thread t = new Thread(() -> {
            try {
                checkCache();
            } catch (RuntimeException e) {
                LOG.warn("The cache's check in the background stopped: {}", e.toString());
            }
        }, "comptoir-cache-check");
        t.setDaemon(true);
        t.setPriority(Thread.MIN_PRIORITY);
        t.start();
    }

    /** The check {@link #checkCacheInBackground} runs: what SQLite found wrong, empty when the cache is sound. */
    public java.util.List<String> checkCache() {
        long started = System.nanoTime();
        java.util.List<String> problems = cacheDb.integrityProblems("quick_check");
        if (cacheDb.isClosed()) {
            // The terminal closed while the check ran: its reader was closed under it, which is no damage.
            return java.util.List.of();
        }
        if (problems.isEmpty()) {
            LOG.info("Cache checked in {} ms: OK", (System.nanoTime() - started) / 1_000_000);
            return problems;
        }
        String found = String.join("; ", problems.subList(0, Math.min(3, problems.size())));
        try {
            Files.writeString(home.resolve(CACHE_CHECK_FAILED), CACHE_FILE + " is damaged: " + found);
        } catch (IOException e) {
            throw new UncheckedIOException("The cache is damaged (" + found + ") and this could not be noted for the next start", e);
        }
        LOG.error("The cache is damaged ({}): it will be set aside and rebuilt at the next start; no unsynced work is in it", found);
        return problems;
    }

    private static String readQuietly(Path file) {
        try {
            return Files.readString(file).strip();
        } catch (IOException e) {
            return CACHE_FILE + " failed its check (" + e.getMessage() + ")";
        }
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            LOG.warn("{} could not be deleted: {}", file.getFileName(), e.toString());
        }
    }

    private static long sizeOf(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            return 0;
        }
    }

    /** Why the cache had to be rebuilt at start, or empty when it did not. */
    public Optional<String> cacheRecoveryNote() {
        return Optional.ofNullable(cacheRecoveryNote);
    }

    public Path home() {
        return home;
    }

    public Clock clock() {
        return clock;
    }

    public Optional<DeviceConfig> device() {
        return Optional.ofNullable(device);
    }

    private Optional<DeviceConfig> readDevice() {
        Optional<String> token = settings.get("device.token");
        if (token.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new DeviceConfig(settings.get("platform.url").orElse(""), settings.get("platform.demo").map(Boolean::parseBoolean).orElse(false),
                settings.get("device.id").orElseThrow(), settings.get("store.id").orElseThrow(),
                settings.get("store.name").orElse(""), token.get()));
    }

    /**
     * An activated terminal signs with its key from the start: one made by a version that did not sign, or
     * made again because the kept one could not be read, is registered with the platform through the outbox
     * (the first one is registered with the activation). A new version of the software is journaled as a technical event.
     */
    private void keepSigningKey() {
        // The key first: any record signed below would otherwise make it without registering it.
        if (device().isPresent() && terminalKey.ensure()) {
            fr.comptoir.fiscal.SigningKey k = terminalKey.get();
            journal.appendWithOutbox("fiscal.signing-key", null, new fr.comptoir.common.OutboxWrite(fr.comptoir.common.WriteKind.SIGNING_KEY,
                    "signing-key:" + k.id(), "signing-key", fr.comptoir.fiscal.SigningKeyRegistration.of(k)));
        }
        String version = fr.comptoir.Version.number();
        String before = settings.get("software.version").orElse(null);
        if (device().isPresent() && !version.equals(before)) {
            // A new version of the software on this terminal is a technical event of its chain (decision 0031).
            java.util.Map<String, String> change = new java.util.TreeMap<>();
            change.put("from", before == null ? "" : before);
            change.put("to", version);
            journal.recordTechnical("software.version-changed", null, change);
            settings.put("software.version", version);
        }
    }

    /**
     * Checks every record of this terminal's fiscal chains (signatures, numbering, order, perpetual totals;
     * decision 0031). Blocking (disk; about a second per 10,000 records).
     */
    public fr.comptoir.fiscal.VerificationReport verifyFiscalJournal() {
        fr.comptoir.fiscal.VerificationReport report = journalDb.read(fr.comptoir.storage.SqliteFiscalBook::read).verify(java.util.Set.of(), r -> true);
        if (report.ok()) {
            java.util.Map<String, Long> upTo = new java.util.HashMap<>();
            report.chains().forEach(r -> upTo.put(r.chain(), (long) r.records()));
            marker.fiscalVerified(upTo);
        }
        return report;
    }

    /**
     * The check made before the till starts (decision 0031): every number, link, key and total of every record,
     * and the signatures of the records written since the last full verification plus one in a hundred of the
     * older ones, so that a start takes a moment even after years of records. The full verification follows in
     * the background ({@link #verifyFiscalJournal()}). Blocking (disk).
     */
    public fr.comptoir.fiscal.VerificationReport verifyFiscalJournalAtStart() {
        java.util.Random sample = new java.util.Random();
        return journalDb.read(fr.comptoir.storage.SqliteFiscalBook::read).verify(java.util.Set.of(),
                r -> r.seq() > marker.fiscalVerifiedUpTo(r.chain()) || sample.nextInt(100) == 0);
    }

    /**
     * Exports this terminal's fiscal records written from {@code from} (inclusive) to {@code to} (exclusive) as a
     * signed archive in {@code folder} (decision 0031). Blocking (disk).
     *
     * @return the archive file; its signature is beside it ({@code .sig})
     */
    public Path exportFiscalArchive(java.time.Instant from, java.time.Instant to, Path folder) throws IOException {
        return exportFiscalArchive(from, to, folder, false);
    }

    /**
     * Like {@link #exportFiscalArchive(java.time.Instant, java.time.Instant, Path)}; training tickets are archived
     * apart: {@code training} exports them alone, otherwise they are left out.
     */
    public Path exportFiscalArchive(java.time.Instant from, java.time.Instant to, Path folder, boolean training) throws IOException {
        String trainingChain = fr.comptoir.common.FiscalChain.TRAINING.name();
        fr.comptoir.fiscal.SigningKey key = terminalKey.get();
        record Content(java.util.List<fr.comptoir.fiscal.FiscalArchive.Chain> chains, java.util.List<fr.comptoir.fiscal.FiscalArchive.Key> keys) {
        }
        Content content = journalDb.read(c -> new Content(fr.comptoir.storage.SqliteFiscalBook.period(c, from.toEpochMilli(), to.toEpochMilli(),
                chain -> chain.equals(trainingChain) == training),
                fr.comptoir.storage.SqliteFiscalBook.archiveKeys(c)));
        java.util.List<fr.comptoir.fiscal.FiscalArchive.Key> keys = new java.util.ArrayList<>(content.keys());
        if (keys.stream().noneMatch(k -> k.keyId().equals(key.id()))) {
            keys.add(new fr.comptoir.fiscal.FiscalArchive.Key(key.id(), fr.comptoir.fiscal.SigningKey.ALGORITHM, key.publicKeyPem()));
        }
        String deviceId = device().map(DeviceConfig::deviceId).orElse("not-activated");
        fr.comptoir.fiscal.FiscalArchive archive = new fr.comptoir.fiscal.FiscalArchive(fr.comptoir.fiscal.FiscalArchive.FORMAT,
                fr.comptoir.Version.software(), clock.instant().toString(),
                new fr.comptoir.fiscal.FiscalArchive.Terminal(deviceId, device().map(DeviceConfig::storeId).orElse(""), installationId()),
                from.toString(), to.toString(), key.id(), keys, content.chains());
        String name = (training ? "comptoir-training-" : "comptoir-fiscal-") + deviceId + "-" + from.toString().replace(':', '-') + "-" + to.toString().replace(':', '-') + ".json";
        return archive.write(folder.resolve(name), key);
    }

    private fr.comptoir.till.Till till;

    /** Training mode of this terminal (decision 0032); off at every start. */
    public fr.comptoir.till.TrainingMode training() {
        return training;
    }

    /** Starts or ends training mode, supervised by {@code manager}; journaled as a till event. Blocking (journal). */
    public void training(boolean on, fr.comptoir.staff.StaffMember manager) {
        DeviceConfig d = device().orElseThrow();
        fr.comptoir.sale.TillAudit.journaled(journal, clock, d.storeId(), d.deviceId(), manager.id()).record(
                on ? fr.comptoir.sale.TillEvent.Type.TRAINING_STARTED : fr.comptoir.sale.TillEvent.Type.TRAINING_ENDED, manager.id(), 0,
                "training");
        if (on) {
            training.start(new fr.comptoir.till.TrainingMode.Session(manager.id(), manager.displayName(), clock.instant().toString()));
        } else {
            training.end();
        }
    }

    /**
     * Payments while training: cash, and card on a simulated terminal of its own (no real card is ever charged);
     * no gift card or store credit is touched.
     */
    public fr.comptoir.sale.SalePayments trainingPayments() {
        fr.comptoir.sale.PaymentTerminal simulated = new fr.comptoir.sale.SimulatedPaymentTerminal(options.paymentTerminalDelayMillis(),
                home.resolve("payment-terminal").resolve("training-terminal.log"));
        fr.comptoir.sale.GiftCards none = new fr.comptoir.sale.GiftCards() {
            @Override
            public long balance(String number) {
                throw new IllegalStateException("Gift cards are not used in training mode");
            }

            @Override
            public String redeem(String number, long amountCents, String saleReference, String key) {
                throw new IllegalStateException("Gift cards are not used in training mode");
            }

            @Override
            public String issueCredit(long amountCents, String saleReference, String customerId, String key) {
                throw new IllegalStateException("Store credit is not issued in training mode");
            }
        };
        return new fr.comptoir.sale.SalePayments(payments, simulated, none);
    }

    /** The count difference above which a manager must accept it when the till is closed, in cents (default 5.00). */
    public long tillDifferenceLimitCents() {
        try {
            return settings.get("till.differenceLimitCents").map(String::strip).map(Long::parseLong).filter(c -> c >= 0).orElse(500L);
        } catch (NumberFormatException e) {
            return 500L;
        }
    }

    /** This terminal's till: cash sessions and closings (decision 0032). Blocking the first time (journal). */
    public synchronized fr.comptoir.till.Till till() {
        if (till == null) {
            DeviceConfig d = device().orElseThrow(() -> new IllegalStateException("This terminal is not activated"));
            till = new fr.comptoir.till.Till(new fr.comptoir.storage.SqliteTill(journalDb, fr.comptoir.storage.CanonicalJson.codec(), clock, journal),
                    clock, java.time.ZoneId.systemDefault(), d.storeId(), d.deviceId());
        }
        return till;
    }

    /** The proofs receipts carry: the seller's legal identity, the software, the ticket's place in its signed chain. */
    public fr.comptoir.sale.ReceiptProofs receiptProofs() {
        return new fr.comptoir.sale.ReceiptProofs() {
            @Override
            public fr.comptoir.sale.ReceiptProof original(fr.comptoir.sale.SaleRecord sale) {
                return proof(sale, 0);
            }

            @Override
            public fr.comptoir.sale.ReceiptProof duplicate(fr.comptoir.sale.SaleRecord sale, String staffId, Copy how) {
                return proof(sale, journal.recordDuplicate(sale.id(), sale.ticketNumber(), how.name(), staffId).copyNumber());
            }

            private fr.comptoir.sale.ReceiptProof proof(fr.comptoir.sale.SaleRecord sale, int copy) {
                fr.comptoir.stores.LegalIdentity seller = staffDirectory.store(sale.storeId()).map(fr.comptoir.stores.Store::legal).orElse(null);
                boolean trainingTicket = sale.trainingTicket();
                java.util.Optional<fr.comptoir.fiscal.FiscalRecord> r = trainingTicket ? journal.trainingRecord(sale.id()) : journal.ticketRecord(sale.id());
                return new fr.comptoir.sale.ReceiptProof(seller, fr.comptoir.Version.software(), r.map(fr.comptoir.fiscal.FiscalRecord::seq).orElse(0L),
                        r.map(x -> fr.comptoir.fiscal.FiscalRecord.extract(x.signature())).orElse(""), sale.lines().size(), copy, trainingTicket);
            }
        };
    }

    /** This terminal's public signing key in PEM form (made now if there is none yet). Blocking (disk). */
    public String signingKeyPem() {
        return terminalKey.get().publicKeyPem();
    }

    /** Activates this terminal against the central platform at {@code url}. Blocking. */
    public synchronized DeviceConfig activate(String url, String activationCode) {
        CentralPlatform anonymous = options.platformFactory().connect(url, () -> null);
        terminalKey.ensure();
        DeviceActivation a = anonymous.activate(activationCode.strip(), deviceName(), marker.installationId(),
                fr.comptoir.fiscal.SigningKeyRegistration.of(terminalKey.get()));
        return saveDevice(new DeviceConfig(url, false, a.deviceId(), a.storeId(), a.storeName(), a.accessToken()));
    }

    /**
     * Activates this terminal with the data folder's {@link Provisioning} file when it is not activated yet
     * and there is one (issue 15): the file's language and printer are kept first, then the terminal is
     * activated as the file says. Blocking (network, disk).
     *
     * @return the device, or empty when there is no file
     * @throws Provisioning.Invalid when the file cannot be used (nothing of it is applied); the platform's
     *                              exceptions when the activation fails
     */
    public synchronized Optional<DeviceConfig> activateFromProvisioning() {
        if (device != null) {
            return Optional.of(device);
        }
        return Provisioning.read(home).map(this::activate);
    }

    /** Activates this terminal as a provisioning file says: its language and printer kept first. Blocking (network, disk). */
    public synchronized DeviceConfig activate(Provisioning p) {
        LOG.info("Activating this terminal as {} says: {}", Provisioning.FILE, p.describe());
        if (p.language() != null) {
            settings.put(LANGUAGE_SETTING, p.language());
        }
        if (p.printerAddress() != null) {
            settings.put(PRINTER_SETTING, p.printerAddress());
        }
        DeviceConfig d = p.demo() ? activateDemo() : activate(p.platformUrl(), p.activationCode());
        LOG.info("Activated from {}: store {}, device {}", Provisioning.FILE, d.storeId(), d.deviceId());
        return d;
    }

    /** Activates this terminal on the embedded demo central platform, starting it. Blocking. */
    public synchronized DeviceConfig activateDemo() {
        startDemoServer();
        CentralPlatform anonymous = options.platformFactory().connect(demoServer.baseUrl(), () -> null);
        terminalKey.ensure();
        DeviceActivation a = anonymous.activate(DemoDataGenerator.DEMO_ACTIVATION_CODE, deviceName(), marker.installationId(),
                fr.comptoir.fiscal.SigningKeyRegistration.of(terminalKey.get()));
        return saveDevice(new DeviceConfig("", true, a.deviceId(), a.storeId(), a.storeName(), a.accessToken()));
    }

    private DeviceConfig saveDevice(DeviceConfig d) {
        settings.put("platform.url", d.platformUrl());
        settings.put("platform.demo", Boolean.toString(d.demo()));
        settings.put("device.id", d.deviceId());
        settings.put("store.id", d.storeId());
        settings.put("store.name", d.storeName());
        settings.put("device.token", d.accessToken());
        marker.activated(d.deviceId(), d.storeId());
        device = d;
        return d;
    }

    /** How head office sees this terminal: the machine's name and the start of this data folder's own id. */
    private String deviceName() {
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName();
        } catch (IOException e) {
            host = "Comptoir terminal";
        }
        return host + " #" + marker.installationId().substring(0, 8);
    }

    /** This data folder's own id (see {@link TerminalMarker}). */
    public String installationId() {
        return marker.installationId();
    }

    /** The journal's rolling backups. */
    public JournalBackups journalBackups() {
        return backups;
    }

    /**
     * Builds the central platform client, sync engine and sign-in for the activated terminal (starting
     * the embedded demo platform in demo mode). Does not start the sync schedule. Blocking.
     */
    public synchronized void connect() {
        if (device == null) {
            throw new IllegalStateException("This terminal is not activated");
        }
        if (sync != null) {
            return;
        }
        String url = device.platformUrl();
        if (device.demo()) {
            startDemoServer();
            url = demoServer.baseUrl();
        }
        DeviceConfig d = device;
        central = options.platformFactory().connect(url, () -> new fr.comptoir.centralapi.PlatformFactory.Credentials(d.storeId(), d.accessToken()));
        sync = new SyncEngine(central, cache, outbox, clock, options.syncSettings());
        // The connection lost and back are technical events of the till's chain (decision 0031).
        java.util.concurrent.atomic.AtomicReference<fr.comptoir.sync.Connectivity> seen = new java.util.concurrent.atomic.AtomicReference<>();
        sync.addListener(s -> {
            fr.comptoir.sync.Connectivity now = s.connectivity();
            fr.comptoir.sync.Connectivity was = seen.getAndSet(now);
            if (now != fr.comptoir.sync.Connectivity.UNKNOWN && was != null && was != fr.comptoir.sync.Connectivity.UNKNOWN && was != now) {
                try {
                    journal.recordTechnical(now == fr.comptoir.sync.Connectivity.OFFLINE ? "network.offline" : "network.online", null,
                            java.util.Map.of("at", clock.instant().toString()));
                } catch (RuntimeException e) {
                    LOG.error("The connection change could not be journaled", e);
                }
            }
        });
        signIn = new SignInService(staffDirectory, journal, clock, d.storeId(), d.deviceId(), settings.failedSignIns());
        till(); // read now, off the screens' thread: whether the till is open is then known without the disk
    }

    private void startDemoServer() {
        if (demoServer != null) {
            return;
        }
        try {
            DemoPlatformStore store = DemoPlatformStore.openOrGenerate(home.resolve("demo-platform"), options.demoSize(), 42L,
                    LocalDate.now(clock));
            demoServer = DemoCentralServer.start(store, 0);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start the demo central platform", e);
        }
    }

    public SyncEngine sync() {
        return requireConnected(sync);
    }

    public SignInService signIn() {
        return requireConnected(signIn);
    }

    public CentralPlatform central() {
        return requireConnected(central);
    }

    private <T> T requireConnected(T t) {
        if (t == null) {
            throw new IllegalStateException("Not connected: call connect() after activation");
        }
        return t;
    }

    public fr.comptoir.storage.SqliteCustomerSearch customerSearch() {
        return customerSearch;
    }

    /** Stock of other stores and the warehouse, as the cache holds it. */
    public fr.comptoir.catalog.StockElsewhere stockElsewhere() {
        return cachedCatalog;
    }

    /**
     * The stock of {@code variantId} in the other locations, live from the central platform, the largest
     * first; empty when the platform cannot be asked now (the cache's copy is then {@link #stockElsewhere()}).
     * Blocking (network).
     */
    public Optional<java.util.List<fr.comptoir.catalog.LocationStock>> liveStockElsewhere(String variantId, String storeId) {
        try {
            Map<String, String> names = storeNames();
            return Optional.of(central().liveStock(variantId).stream()
                    .filter(s -> !s.locationId().equals(storeId) && s.available() > 0)
                    .map(s -> new fr.comptoir.catalog.LocationStock(s.locationId(), names.getOrDefault(s.locationId(), s.locationId()),
                            staffDirectory.store(s.locationId()).map(st -> st.type() == fr.comptoir.stores.Store.StoreType.WAREHOUSE).orElse(false),
                            s.available()))
                    .sorted(java.util.Comparator.comparingInt(fr.comptoir.catalog.LocationStock::available).reversed())
                    .toList());
        } catch (fr.comptoir.centralapi.CentralPlatformException offline) {
            LOG.info("Live stock of {} not available ({}): the cached copy is shown", variantId, offline.getMessage());
            return Optional.empty();
        }
    }

    /** The central platform's customer search (online only). Blocking (network). */
    public java.util.List<fr.comptoir.customers.Customer> centralCustomerSearch(String query) {
        return central().searchCustomers(query, 10);
    }

    /** The customer's open online carts, live from the central platform. Blocking (network). */
    public java.util.List<fr.comptoir.customers.OnlineCart> liveCarts(String customerId) {
        return central().cartsOf(customerId);
    }

    /** The sales this till recorded last, newest first. Blocking (disk). */
    public java.util.List<fr.comptoir.sale.SaleRecord> recentSales(int limit) {
        fr.comptoir.common.JsonCodec codec = fr.comptoir.storage.CanonicalJson.codec();
        return journal.recentSales(limit).stream().map(j -> codec.decode(j, fr.comptoir.sale.SaleRecord.class)).toList();
    }

    /** How old the cached copy of a feed is, as epoch millis of its last successful read (0: never). Blocking. */
    public long feedAsOf(fr.comptoir.centralapi.Feed<?> feed) {
        return cache.state(feed).lastSuccessAt();
    }

    /** Store names by id, from the cache. Blocking. */
    public java.util.Map<String, String> storeNames() {
        return customerHistory.storeNames();
    }

    public fr.comptoir.sale.ParkedSales parkedSales() {
        return parkedSales;
    }

    public fr.comptoir.sale.SaleCompletion saleCompletion() {
        return saleCompletion;
    }

    /**
     * The receipt printer: the network printer in the {@code printer.address} setting ({@code host:port}),
     * else ESC/POS files under {@code receipts/} (demo, tests).
     */
    public fr.comptoir.sale.ReceiptPrinter receiptPrinter() {
        java.util.Optional<String> address = settings.get(PRINTER_SETTING);
        if (address.isPresent() && address.get().matches("[^:]+:\\d{1,5}")) {
            String[] hp = address.get().split(":");
            return fr.comptoir.printing.EscPosReceiptPrinter.network(hp[0], Integer.parseInt(hp[1]));
        }
        return fr.comptoir.printing.EscPosReceiptPrinter.files(home.resolve("receipts"));
    }

    /** Where every receipt is kept as text and PDF ({@code receipts/} in the home folder). */
    public fr.comptoir.printing.ReceiptArchive receiptArchive() {
        return new fr.comptoir.printing.ReceiptArchive(home.resolve("receipts"));
    }

    /**
     * Gift cards and store credit, checked and spent on the central platform (online only); the platform's
     * typed refusals become the sale's own ({@link fr.comptoir.sale.GiftCards.Refused}, {@code Unavailable}).
     */
    public fr.comptoir.sale.GiftCards giftCards() {
        return new fr.comptoir.sale.GiftCards() {
            @Override
            public long balance(String number) {
                return translated(() -> central().giftCardBalance(number));
            }

            @Override
            public String redeem(String number, long amountCents, String saleReference, String key) {
                return translated(() -> central().redeemGiftCard(number, amountCents, saleReference, key));
            }

            @Override
            public String issueCredit(long amountCents, String saleReference, String customerId, String key) {
                return translated(() -> central().issueStoreCredit(amountCents, saleReference, customerId, key));
            }

            private <T> T translated(java.util.function.Supplier<T> call) {
                try {
                    return call.get();
                } catch (fr.comptoir.centralapi.CentralRejectedException e) {
                    throw new fr.comptoir.sale.GiftCards.Refused(e.reason() == fr.comptoir.centralapi.CentralRejectedException.Reason.NOT_FOUND,
                            e.detail());
                } catch (fr.comptoir.centralapi.CentralPlatformException e) {
                    throw new fr.comptoir.sale.GiftCards.Unavailable(e.getMessage(), e);
                }
            }
        };
    }

    /**
     * The payment terminal of this till: the simulated one (its own ledger in {@code payment-terminal/}, as a
     * real terminal remembers its transactions apart from the till) until a real terminal's driver is configured.
     */
    public synchronized fr.comptoir.sale.PaymentTerminal paymentTerminal() {
        if (paymentTerminal == null) {
            paymentTerminal = new fr.comptoir.sale.SimulatedPaymentTerminal(options.paymentTerminalDelayMillis(),
                    home.resolve("payment-terminal").resolve("simulated-terminal.log"));
        }
        return paymentTerminal;
    }

    /** The journal of payments of sales in progress. */
    public fr.comptoir.sale.PaymentJournal paymentJournal() {
        return payments;
    }

    /** The payments of sales in progress: journaled before they are asked, settled after, looked up after a crash. */
    public fr.comptoir.sale.SalePayments salePayments() {
        return new fr.comptoir.sale.SalePayments(payments, paymentTerminal(), giftCards());
    }

    public fr.comptoir.catalog.CatalogReader catalog() {
        return catalog;
    }

    public fr.comptoir.customers.ClientelingService clienteling() {
        return clienteling;
    }

    /**
     * The returns counter of this terminal: orders of every channel as cached, this store's published policy,
     * and this terminal's own returns not confirmed yet (decision 0030).
     */
    public fr.comptoir.returns.ReturnCounter returnCounter() {
        DeviceConfig d = device().orElseThrow();
        fr.comptoir.returns.ReturnCounter counter = new fr.comptoir.returns.ReturnCounter(new fr.comptoir.storage.SqliteOrders(cacheDb), journal,
                fr.comptoir.storage.CanonicalJson.codec(), ids -> {
                    java.util.Map<String, String> categories = new java.util.HashMap<>();
                    catalog().variants(ids, d.storeId()).forEach((id, v) -> {
                        if (v.category() != null) {
                            categories.put(id, v.category());
                        }
                    });
                    return categories;
                }, () -> staffDirectory.store(d.storeId()).map(fr.comptoir.stores.Store::policy).orElse(fr.comptoir.stores.ReturnPolicy.DEFAULT),
                clock);
        counter.findOwnTicketsIn(() -> recentSales(300));
        counter.askLive(orderId -> {
            if (sync() == null || sync().status().connectivity() != fr.comptoir.sync.Connectivity.ONLINE) {
                throw new IllegalStateException("offline");
            }
            return central().returnedSoFar(orderId);
        });
        return counter;
    }

    /** This store's pickup queue, as cached (works offline). */
    public fr.comptoir.pickups.PickupQueue pickupQueue() {
        return pickups;
    }

    /**
     * The pickup desk of this terminal: it freshens an order from the platform when it can (a short wait, then
     * the cache), journals every change with its outbox entry.
     */
    public fr.comptoir.pickups.PickupDesk pickupDesk() {
        DeviceConfig d = device().orElseThrow();
        return new fr.comptoir.pickups.PickupDesk(pickups, journal, fr.comptoir.storage.CanonicalJson.codec(), clock, d.storeId(), d.deviceId(),
                orderId -> {
            if (sync() == null || sync().status().connectivity() != fr.comptoir.sync.Connectivity.ONLINE) {
                throw new IllegalStateException("offline");
            }
            return central().pickup(orderId);
        }, new fr.comptoir.pickups.PickupDesk.WrongCodes() {
            // In the terminal's settings: neither leaving the screen nor a restart lifts a wrong-code lock.
            @Override
            public int count(String orderId) {
                return settings.get("pickup.wrongCodes." + orderId).map(Integer::parseInt).orElse(0);
            }

            @Override
            public void set(String orderId, int count) {
                if (count <= 0) {
                    settings.remove("pickup.wrongCodes." + orderId);
                } else {
                    settings.put("pickup.wrongCodes." + orderId, Integer.toString(count));
                }
            }
        });
    }

    public fr.comptoir.sale.CartTakeover cartTakeover() {
        return cartTakeover;
    }

    /** The customer view's reader, for this terminal's store. */
    public fr.comptoir.customers.CustomerFileReader customerFiles() {
        String storeId = device().map(DeviceConfig::storeId).orElseThrow();
        return new fr.comptoir.customers.CustomerFileReader(clienteling, customerHistory, clientelingStore, catalog,
                () -> cache.state(fr.comptoir.centralapi.Feed.CUSTOMERS).lastSuccessAt(), storeId, clock);
    }

    public SqliteFeedCache cache() {
        return cache;
    }

    public SqliteOutbox outbox() {
        return outbox;
    }

    /** How the terminal's own records (outbox payloads included) are written and read: its canonical form. */
    public fr.comptoir.common.JsonCodec recordCodec() {
        return fr.comptoir.storage.CanonicalJson.codec();
    }

    public SqliteJournal journal() {
        return journal;
    }

    public SqliteStaffDirectory staffDirectory() {
        return staffDirectory;
    }

    public SqliteSettings settings() {
        return settings;
    }

    /** The embedded demo platform, when this terminal runs on it. */
    public Optional<DemoCentralServer> demoServer() {
        return Optional.ofNullable(demoServer);
    }

    @Override
    public synchronized void close() {
        if (sync != null) {
            sync.close();
        }
        if (demoServer != null) {
            demoServer.close();
            demoServer.store().close();
        }
        backups.close();
        cacheDb.close();
        journalDb.close();
        // Also after a look (status): opening a new folder makes its files.
        DataFolderAccess.shareWithGroup(home);
        if (folderLock != null) {
            folderLock.close();
        }
    }
}
