package fr.comptoir.uikit;

import fr.comptoir.sync.Connectivity;
import fr.comptoir.sync.SyncStatus;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.LongProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleLongProperty;
import javafx.beans.property.SimpleObjectProperty;

import java.util.Map;

/**
 * The sync state as the screens show it: online or offline, how old the data is, pending writes and why
 * they are still waiting, and failures the person must know of. {@link #accept(SyncStatus)} may be called
 * from any thread; the properties change on the JavaFX thread.
 */
public final class StatusBarViewModel {

    private final ObjectProperty<SyncStatus> status = new SimpleObjectProperty<>(
            new SyncStatus(Connectivity.UNKNOWN, false, null, -1, Map.of(), 0, 0, null, 0, null));
    private final javafx.beans.property.StringProperty notice = new javafx.beans.property.SimpleStringProperty();
    private final LongProperty now = new SimpleLongProperty(System.currentTimeMillis());
    private final I18n i18n;
    private final java.util.function.Consumer<Runnable> fxThread;

    /** @param fxThread how to get onto the JavaFX thread ({@code Platform::runLater}, or {@code Runnable::run} in tests) */
    public StatusBarViewModel(I18n i18n, java.util.function.Consumer<Runnable> fxThread) {
        this.i18n = i18n;
        this.fxThread = fxThread;
    }

    public void accept(SyncStatus s) {
        fxThread.accept(() -> {
            status.set(s);
            now.set(System.currentTimeMillis());
        });
    }

    /** A failure the person at the till must know of (a save that failed), shown until the next one. JavaFX thread. */
    public void notice(String text) {
        notice.set(text);
    }

    /**
     * What is wrong, in words, or empty: a failure told by {@link #notice}, else why writes are still waiting
     * (the platform refused or failed them, or cannot be reached), else why the last sync failed.
     */
    public StringBinding problemText() {
        return Bindings.createStringBinding(() -> {
            SyncStatus s = status.get();
            if (notice.get() != null) {
                return notice.get();
            }
            if (s.pendingWrites() > 0 && s.deliveryProblem() != null) {
                return i18n.get("status.waitingBecause", s.deliveryProblem());
            }
            if (s.lastError() != null && s.connectivity() != Connectivity.OFFLINE) {
                return s.lastError();
            }
            return "";
        }, status, notice);
    }

    /** Moves the clock on, so that "5 min old" becomes "6 min old" without a new status. */
    public void tick(long nowMillis) {
        now.set(nowMillis);
    }

    public ObjectProperty<SyncStatus> statusProperty() {
        return status;
    }

    public StringBinding connectivityText() {
        return Bindings.createStringBinding(() -> {
            SyncStatus s = status.get();
            if (s.running() && s.connectivity() != Connectivity.OFFLINE) {
                return i18n.get("status.syncing");
            }
            return switch (s.connectivity()) {
                case ONLINE -> i18n.get("status.online");
                case OFFLINE -> i18n.get("status.offline");
                case UNKNOWN -> i18n.get("status.unknown");
            };
        }, status);
    }

    public StringBinding dataAgeText() {
        return Bindings.createStringBinding(() -> i18n.get("status.data",
                DataAge.describe(i18n, status.get().dataAsOf(), now.get())), status, now);
    }

    public StringBinding pendingText() {
        return Bindings.createStringBinding(() -> i18n.get("status.pending", status.get().pendingWrites()), status);
    }

    public StringBinding attentionText() {
        return Bindings.createStringBinding(() -> i18n.get("status.attention", status.get().needsAttention()), status);
    }
}
