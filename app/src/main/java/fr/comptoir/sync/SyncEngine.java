package fr.comptoir.sync;

import fr.comptoir.centralapi.CentralPlatform;
import fr.comptoir.centralapi.CentralPlatformException;
import fr.comptoir.centralapi.CentralProtocolException;
import fr.comptoir.centralapi.CentralRejectedException;
import fr.comptoir.centralapi.CentralUnreachableException;
import fr.comptoir.centralapi.DeliveryReceipt;
import fr.comptoir.centralapi.Feed;
import fr.comptoir.centralapi.FeedPage;
import fr.comptoir.centralapi.PendingWrite;

import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Keeps the cache and the central platform in step: delivers the outbox in order (idempotency keys,
 * backoff), then reads every change feed from its cursor, one transaction per page.
 *
 * <p>All sync work runs on one background thread, so pulls and deliveries never overlap. The
 * synchronous methods ({@link #syncOnce()}, {@link #drainOutbox()}) are for the command line and
 * tests; the app uses {@link #start()} and {@link #requestSync()}. Listeners are called on the sync
 * thread with an immutable {@link SyncStatus}.
 */
public final class SyncEngine implements AutoCloseable {

    /** How the engine paces itself. */
    public record Settings(int pageSize, Duration pullInterval, Duration heartbeatInterval, Duration maxBackoff) {
        public static final Settings DEFAULT = new Settings(1000, Duration.ofSeconds(60), Duration.ofSeconds(5), Duration.ofSeconds(30));
    }

    /** What one {@link #syncOnce()} did. */
    public record Report(int delivered, Map<String, Integer> changesByFeed, String error) {
        public boolean ok() {
            return error == null;
        }
    }

    private final CentralPlatform central;
    private final FeedCache cache;
    private final OutboxStore outbox;
    private final Clock clock;
    private final Settings settings;
    private final List<Consumer<SyncStatus>> listeners = new CopyOnWriteArrayList<>();
    private final ScheduledExecutorService worker;

    private volatile Connectivity connectivity = Connectivity.UNKNOWN;
    private volatile boolean running;
    private volatile String currentFeed;
    private volatile double progress = -1;
    private volatile String lastError;
    private volatile long lastContactAt;

    public SyncEngine(CentralPlatform central, FeedCache cache, OutboxStore outbox, Clock clock, Settings settings) {
        this.central = central;
        this.cache = cache;
        this.outbox = outbox;
        this.clock = clock;
        this.settings = settings;
        this.worker = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "comptoir-sync");
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
            lastError = "Unexpected sync failure: " + e.getMessage();
            publish();
        }
    }

    /** Delivers the outbox, then pulls every feed to its end. Blocking. */
    public synchronized Report syncOnce() {
        running = true;
        publish();
        Map<String, Integer> changes = new LinkedHashMap<>();
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
            lastError = null;
        } catch (CentralUnreachableException e) {
            error = e.getMessage();
            goOffline(error);
        } catch (CentralProtocolException e) {
            error = "Unexpected answer from the central platform: " + e.getMessage();
            lastError = error;
        } catch (CentralRejectedException e) {
            error = "The central platform refused the sync: " + e.getMessage();
            lastError = error;
        } finally {
            running = false;
            currentFeed = null;
            progress = -1;
            publish();
        }
        return new Report(delivered, changes, error);
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
        } catch (CentralRejectedException e) {
            if (e.status() != 410) {
                throw e;
            }
            // The platform no longer knows our position (restored, or its data was rebuilt): read it all again.
            cache.restart(feed);
            return pullFeedFromCursor(feed, index, feedCount);
        }
    }

    private <T> int pullFeedFromCursor(Feed<T> feed, int index, int feedCount) {
        currentFeed = feed.name();
        boolean first = true;
        long total = -1;
        int received = 0;
        FeedPage page;
        do {
            boolean askRemaining = first;
            page = cache.applyPage(feed,
                    (cursor, handler) -> central.pull(feed, cursor, settings.pageSize(), askRemaining, handler),
                    clock.millis());
            goOnline();
            received += page.changeCount();
            if (first && page.remaining() >= 0) {
                total = page.changeCount() + page.remaining();
            }
            first = false;
            double inFeed = total > 0 ? Math.min(1.0, received / (double) total) : (page.hasMore() ? 0.5 : 1.0);
            progress = (index + inFeed) / feedCount;
            publish();
        } while (page.hasMore());
        return received;
    }

    /**
     * Delivers due outbox writes, oldest first, until the outbox is empty or the platform is unreachable.
     * A write the platform refuses for good goes to the "needs attention" list and the next one goes on.
     *
     * @return how many writes were delivered
     */
    public synchronized int drainOutbox() {
        int delivered = 0;
        while (true) {
            Optional<PendingWrite> next = outbox.nextDue(clock.millis());
            if (next.isEmpty()) {
                break;
            }
            PendingWrite w = next.get();
            try {
                DeliveryReceipt receipt = central.deliver(w);
                outbox.markSent(w.id(), receipt.bodyJson(), clock.millis());
                delivered++;
                goOnline();
            } catch (CentralRejectedException e) {
                goOnline();
                if (e.status() == 401 || e.status() == 403) {
                    outbox.markRetry(w.id(), e.getMessage(), clock.millis() + settings.maxBackoff().toMillis());
                    lastError = "The central platform does not accept this terminal's credentials: " + e.getMessage();
                    break;
                }
                outbox.markNeedsAttention(w.id(), e.getMessage());
            } catch (IllegalArgumentException e) {
                // The write itself is malformed (a bug or a damaged row): set it aside instead of blocking the queue.
                outbox.markNeedsAttention(w.id(), e.getMessage());
            } catch (CentralUnreachableException | CentralProtocolException e) {
                outbox.markRetry(w.id(), e.getMessage(), clock.millis() + backoff(w.attempts()));
                if (e instanceof CentralUnreachableException) {
                    goOffline(e.getMessage());
                } else {
                    lastError = "Unexpected answer from the central platform: " + e.getMessage();
                }
                break;
            } finally {
                publish();
            }
        }
        return delivered;
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
            connectivity = Connectivity.ONLINE;
            outbox.makeDueNow();
            lastError = null;
            publish();
        }
    }

    private void goOffline(String error) {
        lastError = error;
        if (connectivity != Connectivity.OFFLINE) {
            connectivity = Connectivity.OFFLINE;
        }
        publish();
    }

    public SyncStatus status() {
        Map<String, Long> lastSuccess = new LinkedHashMap<>();
        for (FeedState s : cache.states()) {
            lastSuccess.put(s.feed(), s.lastSuccessAt());
        }
        return new SyncStatus(connectivity, running, currentFeed, progress, java.util.Collections.unmodifiableMap(lastSuccess),
                outbox.pendingCount(), outbox.needsAttentionCount(), lastError, lastContactAt);
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
        try {
            worker.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
