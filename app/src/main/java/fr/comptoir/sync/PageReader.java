package fr.comptoir.sync;

import fr.comptoir.centralapi.CentralPlatform;
import fr.comptoir.centralapi.CentralUnreachableException;
import fr.comptoir.centralapi.ChangeHandler;
import fr.comptoir.centralapi.Feed;
import fr.comptoir.centralapi.FeedPage;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Reads a feed's pages from the platform on a thread of its own while the sync thread applies the ones
 * already read (issue 14): the network and the disk work at the same time. At most {@code ahead} pages wait
 * in memory. A page is held whole before it is handed over, and a failure is handed over in its place,
 * after the pages read before it, so that what came whole is still applied.
 */
final class PageReader<T> implements AutoCloseable {

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(PageReader.class);

    /** A page read whole from the platform, not applied yet. */
    record Fetched<T>(String askedCursor, FeedPage page, List<Consumer<ChangeHandler<T>>> changes) {
    }

    private final CentralPlatform central;
    private final Feed<T> feed;
    private final int pageSize;
    private final BlockingQueue<Object> queue;
    private final Future<?> task;
    private volatile boolean stopped;

    PageReader(ExecutorService fetcher, CentralPlatform central, Feed<T> feed, String cursor, int pageSize, int ahead) {
        this.central = central;
        this.feed = feed;
        this.pageSize = pageSize;
        this.queue = new ArrayBlockingQueue<>(ahead);
        this.task = fetcher.submit(() -> readFrom(cursor));
    }

    private void readFrom(String cursor) {
        String at = cursor;
        boolean first = true;
        try {
            while (!stopped) {
                Fetched<T> page = fetch(at, first);
                first = false;
                hand(page);
                if (!page.page().hasMore()) {
                    return;
                }
                at = page.page().nextCursor();
            }
        } catch (RuntimeException | Error e) {
            hand(e);
        }
    }

    /**
     * The first page comes with the count of what remains (for the progress bar). Counting is the
     * platform's costliest answer on a large feed: when it times out, the page is asked again without it,
     * and the feed loads with an indeterminate progress rather than not at all (issue 14).
     */
    private Fetched<T> fetch(String cursor, boolean withRemaining) {
        if (!withRemaining) {
            return fetchPage(cursor, false);
        }
        try {
            return fetchPage(cursor, true);
        } catch (CentralUnreachableException e) {
            if (!(e.getCause() instanceof java.io.InterruptedIOException)) {
                throw e;
            }
            LOG.warn("Feed {}: the first page with its remaining count timed out ({}); asking for it without the count", feed, e.getMessage());
            return fetchPage(cursor, false);
        }
    }

    private Fetched<T> fetchPage(String cursor, boolean withRemaining) {
        List<Consumer<ChangeHandler<T>>> changes = new ArrayList<>();
        FeedPage page = central.pull(feed, cursor, pageSize, withRemaining, new ChangeHandler<T>() {
            @Override
            public void upsert(T item) {
                changes.add(h -> h.upsert(item));
            }

            @Override
            public void delete(String id) {
                changes.add(h -> h.delete(id));
            }
        });
        return new Fetched<>(cursor, page, changes);
    }

    private void hand(Object pageOrFailure) {
        try {
            while (!stopped) {
                if (queue.offer(pageOrFailure, 100, TimeUnit.MILLISECONDS)) {
                    return;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * The next page, waiting for it, with the pages already read after it, up to {@code maxChanges} changes
     * in all: they are applied in one transaction. Throws the failure that stopped the reading, once the
     * pages read before it have been taken.
     */
    @SuppressWarnings("unchecked")
    List<Fetched<T>> next(int maxChanges) {
        Object first;
        try {
            first = queue.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CancellationException("Sync interrupted while reading feed " + feed);
        }
        if (first instanceof RuntimeException e) {
            throw e;
        }
        if (first instanceof Error e) {
            throw e;
        }
        List<Fetched<T>> pages = new ArrayList<>();
        pages.add((Fetched<T>) first);
        int changes = pages.get(0).changes().size();
        while (changes < maxChanges && pages.get(pages.size() - 1).page().hasMore()) {
            Object more = queue.peek();
            if (!(more instanceof Fetched<?>)) {
                break;
            }
            queue.poll();
            pages.add((Fetched<T>) more);
            changes += pages.get(pages.size() - 1).changes().size();
        }
        return pages;
    }

    @Override
    public void close() {
        stopped = true;
        task.cancel(true);
        queue.clear();
    }
}
