package fr.comptoir.activation;

import fr.comptoir.DeviceConfig;
import fr.comptoir.centralapi.CentralRejectedException;
import fr.comptoir.centralapi.CentralUnreachableException;
import fr.comptoir.uikit.I18n;
import fr.comptoir.uikit.TaskRunner;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

import java.net.URI;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * State and actions of the first-start screen: activate on a central platform (address + code) or on
 * the embedded demo store. Bad input is refused with a message and changes nothing. JavaFX thread only.
 */
public final class ActivationViewModel {

    /** What activation needs from the rest of the app; blocking, run through the {@link TaskRunner}. */
    public interface Activator {
        DeviceConfig activate(String url, String code);

        DeviceConfig activateDemo();
    }

    private final StringProperty url = new SimpleStringProperty("");
    private final StringProperty code = new SimpleStringProperty("");
    private final StringProperty error = new SimpleStringProperty("");
    private final BooleanProperty busy = new SimpleBooleanProperty(false);
    /** What is being done while busy, in words, from the first moment. */
    private final StringProperty progress = new SimpleStringProperty("");

    private final Activator activator;
    private final TaskRunner runner;
    private final I18n i18n;
    private final Consumer<DeviceConfig> onActivated;

    public ActivationViewModel(Activator activator, TaskRunner runner, I18n i18n, Consumer<DeviceConfig> onActivated) {
        this.activator = activator;
        this.runner = runner;
        this.i18n = i18n;
        this.onActivated = onActivated;
    }

    public StringProperty urlProperty() {
        return url;
    }

    public StringProperty codeProperty() {
        return code;
    }

    public StringProperty errorProperty() {
        return error;
    }

    public BooleanProperty busyProperty() {
        return busy;
    }

    public void useDemoStore() {
        start(activator::activateDemo, i18n.get("activation.demoBusy"));
    }

    public StringProperty progressProperty() {
        return progress;
    }

    public void activate() {
        String address = url.get() == null ? "" : url.get().strip();
        String activationCode = code.get() == null ? "" : code.get().strip();
        if (!isHttpAddress(address)) {
            error.set(i18n.get("activation.error.url"));
            return;
        }
        if (activationCode.isEmpty()) {
            error.set(i18n.get("activation.error.code"));
            return;
        }
        start(() -> activator.activate(address, activationCode), i18n.get("activation.busy"));
    }

    static boolean isHttpAddress(String s) {
        try {
            URI uri = URI.create(s);
            return ("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) && uri.getHost() != null;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private void start(Supplier<DeviceConfig> work, String saying) {
        if (busy.get()) {
            return;
        }
        busy.set(true);
        progress.set(saying);
        error.set("");
        runner.run(work::get, device -> {
            busy.set(false);
            onActivated.accept(device);
        }, failure -> {
            busy.set(false);
            error.set(describe(failure));
        });
    }

    /**
     * The data folder's provisioning file did not activate this terminal: why, in the person's words, with
     * what the file said (when it could be read) ready to be checked and activated by hand.
     */
    public void provisioningFailed(fr.comptoir.Provisioning file, Throwable failure) {
        if (file != null && !file.demo()) {
            url.set(file.platformUrl());
            code.set(file.activationCode());
        }
        String why = failure instanceof fr.comptoir.Provisioning.Invalid ? failure.getMessage() : describe(failure);
        error.set(i18n.get("activation.error.provisioning", fr.comptoir.Provisioning.FILE, why));
    }

    private String describe(Throwable failure) {
        if (failure instanceof CentralUnreachableException) {
            return i18n.get("activation.error.unreachable");
        }
        if (failure instanceof CentralRejectedException r) {
            // Said in the person's language from the refusal's type and code; the platform's own words (often
            // English) only as a quoted detail for head office.
            if ("invalid-activation-code".equals(r.code()) || r.reason() == CentralRejectedException.Reason.NOT_FOUND) {
                return i18n.get("activation.error.badCode");
            }
            if (r.reason() == CentralRejectedException.Reason.CREDENTIALS) {
                return i18n.get("activation.error.notAllowed");
            }
            return i18n.get("activation.error.rejected", r.detail() != null ? r.detail() : r.title());
        }
        return i18n.get("activation.error.other", failure.getMessage());
    }
}
