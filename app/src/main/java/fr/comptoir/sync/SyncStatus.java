package fr.comptoir.sync;

import java.util.Map;

/**
 * A snapshot of the sync state, for the status bar, the Sync screen and the {@code status} command.
 *
 * @param lastSuccessByFeed epoch millis of the last successful read per feed (0: never)
 * @param progress          0..1 while a sync runs and its size is known, else -1
 * @param lastError         the last failure of a sync in words a person can act on, or null
 * @param deliveryProblem   why writes are still waiting (the last error of the oldest one), or null when none waits or
 *                          none was refused a delivery yet
 */
public record SyncStatus(Connectivity connectivity, boolean running, String currentFeed, double progress,
                         Map<String, Long> lastSuccessByFeed, long pendingWrites, long needsAttention,
                         String lastError, long lastContactAt, String deliveryProblem) {

    /** When the least recently synced feed was last brought up to date; 0 when some feed never was. */
    public long dataAsOf() {
        return lastSuccessByFeed.values().stream().mapToLong(Long::longValue).min().orElse(0);
    }

    public boolean initialSyncDone() {
        return !lastSuccessByFeed.isEmpty() && lastSuccessByFeed.values().stream().allMatch(t -> t > 0);
    }
}
