package fr.comptoir.shell;

import fr.comptoir.sync.FeedState;
import fr.comptoir.sync.OutboxEntry;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/** The Sync screen: what the cache holds per feed, when it was last synced, and "Sync now". JavaFX thread only. */
public final class SyncViewModel {

    /** One line of the table, ready to show. */
    public record FeedRow(String feed, String label, long records, String lastSync) {
    }

    /** A write the central platform refused for good, as a person reads it. */
    public record AttentionRow(String what, String when, String problem) {
    }

    private record Snapshot(Map<String, Long> counts, List<FeedState> states, List<OutboxEntry> attention) {
    }

    private final ObservableList<FeedRow> rows = FXCollections.observableArrayList();
    private final ObservableList<AttentionRow> attentionRows = FXCollections.observableArrayList();
    private final Supplier<Map<String, Long>> counts;
    private final Supplier<List<FeedState>> states;
    private final Supplier<List<OutboxEntry>> attention;
    private final Runnable requestSync;
    private final TaskRunner runner;
    private final I18n i18n;

    public SyncViewModel(Supplier<Map<String, Long>> counts, Supplier<List<FeedState>> states,
                         Supplier<List<OutboxEntry>> attention, Runnable requestSync, TaskRunner runner, I18n i18n) {
        this.counts = counts;
        this.states = states;
        this.attention = attention;
        this.requestSync = requestSync;
        this.runner = runner;
        this.i18n = i18n;
    }

    public ObservableList<FeedRow> rows() {
        return rows;
    }

    /** The "needs attention" list: writes refused by the central platform, for a person to resolve. */
    public ObservableList<AttentionRow> attentionRows() {
        return attentionRows;
    }

    /** Reads the cache's figures in the background and updates the table. */
    public void refresh() {
        runner.run(() -> new Snapshot(counts.get(), states.get(), attention.get()), snap -> {
            List<FeedRow> list = new ArrayList<>();
            DateTimeFormatter f = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.SHORT).withLocale(i18n.locale())
                    .withZone(ZoneId.systemDefault());
            for (FeedState s : snap.states()) {
                list.add(new FeedRow(s.feed(), i18n.get("feed." + s.feed()), snap.counts().getOrDefault(s.feed(), 0L),
                        s.lastSuccessAt() == 0 ? i18n.get("sync.never") : f.format(Instant.ofEpochMilli(s.lastSuccessAt()))));
            }
            rows.setAll(list);
            attentionRows.setAll(snap.attention().stream().map(e -> new AttentionRow(i18n.get("write." + e.kind()),
                    f.format(Instant.ofEpochMilli(e.createdAt())), e.lastError())).toList());
        }, failure -> rows.clear());
    }

    public void syncNow() {
        requestSync.run();
    }
}
