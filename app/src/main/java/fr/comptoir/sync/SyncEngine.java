package fr.comptoir.sync;

import fr.comptoir.centralapi.CentralFailedException;
import fr.comptoir.centralapi.CentralPlatform;
import fr.comptoir.centralapi.CentralPlatformException;
import fr.comptoir.centralapi.CentralProtocolException;
import fr.comptoir.centralapi.CentralRejectedException;
import fr.comptoir.centralapi.CentralUnreachableException;
import fr.comptoir.centralapi.DeliveryReceipt;
import fr.comptoir.centralapi.Feed;
import fr.comptoir.centralapi.FeedPage;
import fr.comptoir.centralapi.FeedRestartException;
import fr.comptoir.centralapi.FeedSummary;
import fr.comptoir.centralapi.PendingWrite;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Set;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Keeps the cache and the central platform in step: delivers the outbox (idempotency keys, backoff, in
 * order per record), then reads every change feed from its cursor, one transaction per page, and now and
 * then checks each feed's count against the platform's to find a cache that drifted.
 *
 * <p>All sync work runs on one background thread, so pulls and deliveries never overlap. The
 * synchronous methods ({@link #syncOnce()}, {@link #drainOutbox()}) are for the command line and
 * tests; the app uses {@link #start()} and {@link #requestSync()}. Listeners are called on the sync
 * thread with an immutable {@link SyncStatus}.
 */
public final class SyncEngine implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(SyncEngine.class);

    /** A write the platform keeps failing on (not a refusal, not an outage) is set aside for a person after this many tries. */
    public static final int MAX_WRITE_FAILURES = 10;

    /** Feed pages read ahead of the one being applied, at most (memory: a page is at most a page size of records). */
    static final int PAGES_AHEAD = 8;

    /** Pages already read are applied together, in one transaction, up to this many changes. */
    static final int CHANGES_PER_TRANSACTION = 10_000;

    /**
     * How the engine paces itself.
     *
     * @param consistencyCheckInterval how often each feed's count is compared with the platform's (zero: at every sync)
     */
    public record Settings(int pageSize, Duration pullInterval, Duration heartbeatInterval, Duration maxBackoff,
                           Duration consistencyCheckInterval) {
        public static final Settings DEFAULT = new Settings(1000, Duration.ofSeconds(60), Duration.ofSeconds(5), Duration.ofSeconds(30),
                Duration.ofMinutes(15));

        public Settings(int pageSize, Duration pullInterval, Duration heartbeatInterval, Duration maxBackoff) {
            this(pageSize, pullInterval, heartbeatInterval, maxBackoff, Duration.ofMinutes(15));
        }
    }

    /**
     * What one {@link #syncOnce()} did.
     *
     * @param error            why reading the platform failed, or null
     * @param pendingWrites    writes still waiting after the sync
     * @param needsAttention   writes waiting for a person
     * @param deliveryProblem  why the oldest waiting write was not delivered, or null
     * @param reReadFeeds      feeds found to have drifted from the platform and read again
     * @param millisByFeed     how long reading and applying each feed took
     */
    public record Report(int delivered, Map<String, Integer> changesByFeed, String error, long pendingWrites, long needsAttention,
                         String deliveryProblem, List<String> reReadFeeds, Map<String, Long> millisByFeed) {
        /** The cache was brought up to date. */
        public boolean ok() {
            return error == null;
        }

        /** Nothing is left to deliver and nothing waits for a person. */
        public boolean allDelivered() {
            return pendingWrites == 0 && needsAttention == 0;
        }
    }

    private final CentralPlatform central;
    private final FeedCache cache;
    private final OutboxStore outbox;
    private final Clock clock;
    private final Settings settings;
    private final List<Consumer<SyncStatus>> listeners = new CopyOnWriteArrayList<>();
    private final ScheduledExecutorService worker;
    private final java.util.concurrent.ExecutorService fetcher;

    private volatile Connectivity connectivity = Connectivity.UNKNOWN;
    private volatile boolean running;
    private volatile String currentFeed;
    private volatile double progress = -1;
    private volatile String lastError;
    private volatile long lastContactAt;
    private volatile long lastConsistencyCheck;
    /** Time spent on each feed during the current {@link #syncOnce()} (sync thread only). */
    private final Map<String, Long> feedMillis = new LinkedHashMap<>();

    public SyncEngine(CentralPlatform central, FeedCache cache, OutboxStore outbox, Clock clock, Settings settings) {
        this.central = central;
        this.cache = cache;
        this.outbox = outbox;
        this.clock = clock;
        this.settings = settings;
        this.lastConsistencyCheck = clock.millis();
        this.worker = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "comptoir-sync");
            t.setDaemon(true);
            return t;
        });
        this.fetcher = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "comptoir-sync-fetch");
            t.setDaemon(true);
            return t;
        });
    }

    public void addListener(Consumer<SyncStatus> listener) {
        listeners.add(listener);
    }

    /** Starts the schedule: heartbeat (outbox, liveness) and periodic incremental sync, first sync now. */
    public void start() {
        worker.scheduleWithFixedDelay(this::guarded, 0, settings.pullInterval().toMillis(), TimeUnit.MILLISECONDS);
        worker.scheduleWithFixedDelay(() -> guardedRun(this::heartbeat), settings.heartbeatInterval().toMillis(),
                settings.heartbeatInterval().toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Asks for a sync as soon as the sync thread is free; returns at once. */
    public Future<?> requestSync() {
        return worker.submit(this::guarded);
    }

    /** Asks for the outbox to be delivered as soon as the sync thread is free; returns at once. */
    public Future<?> requestDelivery() {
        return worker.submit(() -> guardedRun(this::drainOutbox));
    }

    private void guarded() {
        guardedRun(this::syncOnce);
    }

    private void guardedRun(Runnable r) {
        try {
            r.run();
        } catch (RuntimeException e) {
            if (worker.isShutdown() || Thread.currentThread().isInterrupted()) {
                // The terminal is closing: the work in hand stops where it is, to go on at the next start.
                LOG.info("Sync stopped as the terminal closes: {}", e.getMessage());
                return;
            }
            LOG.error("Sync failed unexpectedly", e);
            lastError = "Unexpected sync failure: " + e.getMessage();
            publish();
        }
    }

    /** Delivers the outbox, then pulls every feed to its end, checking now and then that the cache has not drifted. Blocking. */
    public synchronized Report syncOnce() {
        running = true;
        publish();
        Map<String, Integer> changes = new LinkedHashMap<>();
        feedMillis.clear();
        List<String> reRead = new ArrayList<>();
        int delivered = 0;
        String error = null;
        try {
            delivered = drainOutbox();
            pullAll(changes);
            // The platform answered: writes that were waiting out a backoff go now rather than at the next
            // heartbeat, and what they changed centrally is read back at once.
            int late = drainOutbox();
            if (late > 0) {
                delivered += late;
                pullAll(changes);
            }
            if (consistencyCheckDue()) {
                reRead.addAll(reReadDriftedFeeds(changes));
            }
            lastError = null;
        } catch (CentralUnreachableException e) {
            error = e.getMessage();
            goOffline(error);
        } catch (CentralProtocolException | CentralFailedException e) {
            error = "Unexpected answer from the central platform: " + e.getMessage();
            LOG.warn("Sync stopped: {}", error);
            lastError = error;
        } catch (CentralRejectedException | FeedRestartException e) {
            error = "The central platform refused the sync: " + e.getMessage();
            LOG.warn("Sync stopped: {}", error);
            lastError = error;
        } finally {
            running = false;
            currentFeed = null;
            progress = -1;
            publish();
        }
        return new Report(delivered, changes, error, outbox.pendingCount(), outbox.needsAttentionCount(),
                outbox.oldestPendingProblem().orElse(null), List.copyOf(reRead),
                java.util.Collections.unmodifiableMap(new LinkedHashMap<>(feedMillis)));
    }

    private boolean consistencyCheckDue() {
        long now = clock.millis();
        if (now - lastConsistencyCheck < settings.consistencyCheckInterval().toMillis()) {
            return false;
        }
        lastConsistencyCheck = now;
        return true;
    }

    /**
     * Compares each feed's record count with what the platform says a reader at the same cursor holds; a
     * feed that differs (a page lost or applied out of place, a damaged row) is read again from the start,
     * which also removes what the platform no longer has. A feed the platform has moved past since is left
     * for the next check: its counts cannot be compared.
     */
    private List<String> reReadDriftedFeeds(Map<String, Integer> changes) {
        List<String> reRead = new ArrayList<>();
        List<FeedSummary> summaries = central.feedSummaries();
        for (int i = 0; i < Feed.ALL.size(); i++) {
            Feed<?> feed = Feed.ALL.get(i);
            FeedSummary summary = summaries.stream().filter(f -> f.feed().equals(feed.name())).findFirst().orElse(null);
            FeedState state = cache.state(feed);
            if (summary == null || state.cursor() == null || !summary.cursor().equals(state.cursor())) {
                continue;
            }
            long held = cache.platformRecordCount(feed);
            if (held != summary.count()) {
                LOG.warn("Feed {} drifted from the central platform: {} records here, {} there; reading it again", feed, held, summary.count());
                cache.restart(feed);
                changes.merge(feed.name(), pullFeedFromCursor(feed, i, Feed.ALL.size()), Integer::sum);
                reRead.add(feed.name());
            }
        }
        return reRead;
    }

    private void pullAll(Map<String, Integer> changes) {
        List<Feed<?>> feeds = Feed.ALL;
        for (int i = 0; i < feeds.size(); i++) {
            changes.merge(feeds.get(i).name(), pullFeed(feeds.get(i), i, feeds.size()), Integer::sum);
        }
    }

    private <T> int pullFeed(Feed<T> feed, int index, int feedCount) {
        try {
            return pullFeedFromCursor(feed, index, feedCount);
        } catch (FeedRestartException e) {
            // The platform no longer knows our position (restored, or its data was rebuilt): read it all again.
            LOG.info("Feed {} must be read again from the start: {}", feed, e.getMessage());
            cache.restart(feed);
            return pullFeedFromCursor(feed, index, feedCount);
        }
    }

    private <T> int pullFeedFromCursor(Feed<T> feed, int index, int feedCount) {
        currentFeed = feed.name();
        long started = System.nanoTime();
        long total = -1;
        int received = 0;
        String cursor = cache.state(feed).cursor();
        // Pages are read on the fetch thread, outside any database lock (scans and searches read meanwhile),
        // while those already read are applied here, several in one transaction with the last one's cursor.
        try (PageReader<T> reader = new PageReader<>(fetcher, central, feed, cursor, settings.pageSize(), PAGES_AHEAD)) {
            boolean more = true;
            while (more) {
                List<PageReader.Fetched<T>> pages = reader.next(CHANGES_PER_TRANSACTION);
                PageReader.Fetched<T> firstPage = pages.get(0);
                PageReader.Fetched<T> lastPage = pages.get(pages.size() - 1);
                FeedPage applied = cache.applyPage(feed, (stored, handler) -> {
                    if (!java.util.Objects.equals(stored, firstPage.askedCursor())) {
                        throw new IllegalStateException("Feed " + feed + " moved from " + firstPage.askedCursor() + " to " + stored
                                + " while a page was read");
                    }
                    int count = 0;
                    for (PageReader.Fetched<T> p : pages) {
                        p.changes().forEach(c -> c.accept(handler));
                        count += p.page().changeCount();
                    }
                    return new FeedPage(lastPage.page().nextCursor(), lastPage.page().hasMore(), count, firstPage.page().remaining());
                }, clock.millis());
                goOnline();
                if (received == 0 && firstPage.page().remaining() >= 0) {
                    total = firstPage.page().changeCount() + firstPage.page().remaining();
                }
                received += applied.changeCount();
                more = applied.hasMore();
                double inFeed = total > 0 ? Math.min(1.0, received / (double) total) : (more ? 0.5 : 1.0);
                progress = (index + inFeed) / feedCount;
                publish();
            }
        } finally {
            feedMillis.merge(feed.name(), (System.nanoTime() - started) / 1_000_000, Long::sum);
        }
        return received;
    }

    /**
     * Delivers due outbox writes, oldest first, keeping the order of each record's writes, until none is due
     * or the platform is unreachable. A write the platform refuses goes to the "needs attention" list; a
     * write it fails on waits out a backoff (and after {@link #MAX_WRITE_FAILURES} tries goes to the list);
     * either way the writes of other records go on.
     *
     * @return how many writes were delivered
     */
    public synchronized int drainOutbox() {
        int delivered = 0;
        Set<Long> tried = new HashSet<>();
        while (true) {
            List<PendingWrite> batch = outbox.due(clock.millis(), 50).stream().filter(w -> !tried.contains(w.id())).toList();
            if (batch.isEmpty()) {
                break;
            }
            for (PendingWrite w : batch) {
                tried.add(w.id());
                Delivery d = deliverOne(w);
                if (d == Delivery.SENT) {
                    delivered++;
                } else if (d == Delivery.STOP) {
                    return delivered;
                }
            }
        }
        return delivered;
    }

    private enum Delivery { SENT, SET_ASIDE, STOP }

    private Delivery deliverOne(PendingWrite w) {
        try {
            DeliveryReceipt receipt = central.deliver(w, checkpoint -> outbox.saveCheckpoint(w.id(), checkpoint));
            outbox.markSent(w.id(), receipt.bodyJson(), clock.millis());
            goOnline();
            return Delivery.SENT;
        } catch (CentralRejectedException e) {
            goOnline();
            if (e.reason() == CentralRejectedException.Reason.CREDENTIALS) {
                outbox.markRetry(w.id(), e.getMessage(), clock.millis() + settings.maxBackoff().toMillis());
                lastError = "The central platform does not accept this terminal's credentials: " + e.getMessage();
                LOG.warn(lastError);
                return Delivery.STOP;
            }
            LOG.warn("The central platform refused write {} ({}): {}", w.id(), w.kind(), e.getMessage());
            outbox.markNeedsAttention(w.id(), "Refused by the central platform: " + e.getMessage());
            return Delivery.SET_ASIDE;
        } catch (IllegalArgumentException e) {
            // The write itself is malformed (a bug or a damaged row): set it aside instead of blocking its record.
            LOG.error("Write {} ({}) cannot be sent: {}", w.id(), w.kind(), e.getMessage());
            outbox.markNeedsAttention(w.id(), "This write cannot be sent: " + e.getMessage());
            return Delivery.SET_ASIDE;
        } catch (CentralUnreachableException e) {
            outbox.markRetry(w.id(), e.getMessage(), clock.millis() + backoff(w.attempts()));
            goOffline(e.getMessage());
            return Delivery.STOP;
        } catch (CentralProtocolException | CentralFailedException | FeedRestartException e) {
            goOnline();
            if (w.attempts() + 1 >= MAX_WRITE_FAILURES) {
                LOG.error("Write {} ({}) set aside after {} failed tries: {}", w.id(), w.kind(), w.attempts() + 1, e.getMessage());
                outbox.markNeedsAttention(w.id(), "Gave up after " + (w.attempts() + 1) + " tries: " + e.getMessage());
                return Delivery.SET_ASIDE;
            }
            LOG.warn("Write {} ({}) failed, will try again: {}", w.id(), w.kind(), e.getMessage());
            outbox.markRetry(w.id(), e.getMessage(), clock.millis() + backoff(w.attempts()));
            return Delivery.SET_ASIDE;
        } finally {
            publish();
        }
    }

    private long backoff(int attemptsSoFar) {
        long ms = 1000L << Math.min(attemptsSoFar, 10);
        return Math.min(ms, settings.maxBackoff().toMillis());
    }

    /** Checks that the platform is still there (a cheap health call), then delivers pending writes. */
    synchronized void heartbeat() {
        try {
            central.health();
            goOnline();
        } catch (CentralUnreachableException e) {
            goOffline(e.getMessage());
            return;
        } catch (CentralPlatformException e) {
            lastError = e.getMessage();
            publish();
            return;
        }
        if (outbox.pendingCount() > 0) {
            drainOutbox();
        }
    }

    private void goOnline() {
        lastContactAt = clock.millis();
        if (connectivity != Connectivity.ONLINE) {
            if (connectivity == Connectivity.OFFLINE) {
                LOG.info("Central platform reachable again");
            }
            connectivity = Connectivity.ONLINE;
            outbox.makeDueNow();
            lastError = null;
            publish();
        }
    }

    private void goOffline(String error) {
        lastError = error;
        if (connectivity != Connectivity.OFFLINE) {
            LOG.warn("Central platform unreachable, working offline: {}", error);
            connectivity = Connectivity.OFFLINE;
        }
        publish();
    }

    public SyncStatus status() {
        Map<String, Long> lastSuccess = new LinkedHashMap<>();
        for (FeedState s : cache.states()) {
            lastSuccess.put(s.feed(), s.lastSuccessAt());
        }
        long pending = outbox.pendingCount();
        return new SyncStatus(connectivity, running, currentFeed, progress, java.util.Collections.unmodifiableMap(lastSuccess),
                pending, outbox.needsAttentionCount(), lastError, lastContactAt,
                pending == 0 ? null : outbox.oldestPendingProblem().orElse(null));
    }

    private void publish() {
        if (listeners.isEmpty()) {
            return;
        }
        SyncStatus s = status();
        for (Consumer<SyncStatus> l : listeners) {
            l.accept(s);
        }
    }

    @Override
    public void close() {
        worker.shutdownNow();
        fetcher.shutdownNow();
        try {
            worker.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
