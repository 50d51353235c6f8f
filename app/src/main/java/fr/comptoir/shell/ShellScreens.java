package fr.comptoir.shell;

import fr.comptoir.AppContext;
import fr.comptoir.DeviceConfig;
import fr.comptoir.activation.ActivationView;
import fr.comptoir.activation.ActivationViewModel;
import fr.comptoir.staff.StaffSession;
import fr.comptoir.staff.ui.SignInView;
import fr.comptoir.staff.ui.SignInViewModel;
import fr.comptoir.uikit.I18n;
import fr.comptoir.uikit.StatusBarViewModel;
import fr.comptoir.uikit.TaskRunner;
import javafx.scene.Node;
import javafx.scene.Parent;

import java.time.Duration;
import java.util.Locale;
import java.util.function.Consumer;

/**
 * The wiring of the window's own screens, from the composition root's services: activation, sign-in (and
 * lock), Sync and Settings. The window only says which to show and what happens next. JavaFX thread.
 */
final class ShellScreens {

    private final AppContext context;
    private final TaskRunner runner;

    ShellScreens(AppContext context, TaskRunner runner) {
        this.context = context;
        this.runner = runner;
    }

    /** Why the data folder's provisioning file did not activate this terminal: the file when it could be read, and the failure. */
    record ProvisioningFailure(fr.comptoir.Provisioning file, RuntimeException cause) {
    }

    /**
     * Activates the terminal with the data folder's provisioning file, if it is not activated and there is
     * one (issue 15). Blocking: off the JavaFX thread. Returns why it did not, or null.
     */
    static ProvisioningFailure provision(fr.comptoir.AppContext context) {
        fr.comptoir.Provisioning file = null;
        try {
            java.util.Optional<fr.comptoir.Provisioning> read = fr.comptoir.Provisioning.read(context.home());
            if (read.isPresent() && context.device().isEmpty()) {
                file = read.get();
                context.activate(file);
            }
            return null;
        } catch (fr.comptoir.Provisioning.Invalid | fr.comptoir.centralapi.CentralPlatformException e) {
            org.slf4j.LoggerFactory.getLogger(ShellScreens.class).warn("{} did not activate this terminal: {}", fr.comptoir.Provisioning.FILE,
                    e.getMessage());
            return new ProvisioningFailure(file, e);
        }
    }

    /** First start: the demo store or a central platform, in the language chosen. */
    Parent activation(I18n i18n, Runnable onActivated, Consumer<Locale> onLanguage) {
        return activation(i18n, onActivated, onLanguage, null);
    }

    /** As above, saying first why the provisioning file did not activate the terminal ({@code provisioning} not null). */
    Parent activation(I18n i18n, Runnable onActivated, Consumer<Locale> onLanguage, ProvisioningFailure provisioning) {
        ActivationViewModel vm = new ActivationViewModel(new ActivationViewModel.Activator() {
            @Override
            public DeviceConfig activate(String url, String code) {
                DeviceConfig d = context.activate(url, code);
                context.connect();
                return d;
            }

            @Override
            public DeviceConfig activateDemo() {
                DeviceConfig d = context.activateDemo();
                context.connect();
                return d;
            }
        }, runner, i18n, d -> onActivated.run());
        if (provisioning != null) {
            vm.provisioningFailed(provisioning.file(), provisioning.cause());
        }
        return new ActivationView(vm, i18n, onLanguage).root();
    }

    /**
     * Who signs in, and their PIN. On a locked screen ({@code locked} not null) that person is chosen first;
     * someone else signing in signs them out.
     */
    Parent signIn(I18n i18n, StaffSession locked, Consumer<StaffSession> onSignedIn, Consumer<Throwable> onJournalFailed) {
        DeviceConfig device = context.device().orElseThrow();
        SignInViewModel vm = new SignInViewModel(() -> context.staffDirectory().activeStaff(device.storeId()),
                (id, pin) -> context.signIn().signIn(id, pin), runner, i18n, s -> {
            if (locked != null && !locked.staff().id().equals(s.staff().id())) {
                runner.run(() -> {
                    context.signIn().signOut(locked);
                    return null;
                }, x -> { }, onJournalFailed);
            }
            onSignedIn.accept(s);
        });
        SignInView view = new SignInView(vm, i18n, locked == null ? null : i18n.get("signIn.locked", locked.staff().displayName()), device.demo());
        vm.load(locked == null ? null : locked.staff().id());
        return view.root();
    }

    /** Feeds, waiting writes, and the refused writes a manager resolves with their PIN. */
    Node sync(I18n i18n, StatusBarViewModel status, StaffSession session) {
        DeviceConfig device = context.device().orElseThrow();
        SyncViewModel vm = new SyncViewModel(context.cache()::counts, context.cache()::states, context.outbox(),
                new fr.comptoir.staff.ManagerApproval(context.staffDirectory(), device.storeId())::approve, session.staff().id(),
                context.recordCodec(), () -> context.sync().requestSync(), runner, i18n);
        return new SyncView(vm, status, i18n, device.demo() ? i18n.get("sync.demoPlatform") : device.platformUrl()).root();
    }

    /** Language, inactivity lock, the discount associates may give (a manager changes it), this terminal. */
    Node settings(I18n i18n, TerminalSettings settings, boolean manager, Consumer<Locale> onLanguage, Consumer<Duration> onLockDelay,
                  fr.comptoir.uikit.ScanRouter scans) {
        SettingsView view = new SettingsView(i18n, context.device().orElseThrow(), settings.lockDelay(), onLanguage, onLockDelay,
                new SettingsView.DiscountSetting(settings.discountPolicy().approvalThresholdBasisPoints(), manager,
                        settings::changeDiscountThreshold),
                new SettingsView.LineVoidSetting(settings.lineVoidNeedsManager(), manager, settings::changeLineVoidNeedsManager),
                new SettingsView.ScannerSetting(settings.scannerPrefix(), settings.scannerSuffix(), settings.scanErrorSound(), manager,
                        (prefix, suffix) -> {
                            settings.changeScannerFrame(prefix, suffix);
                            scans.frame(settings.scannerPrefix(), settings.scannerSuffix());
                        }, settings::changeScanErrorSound),
                new SettingsView.CashRefundSetting(settings.cashRefundLimitCents(), manager, settings::changeCashRefundLimit),
                new SettingsView.CashRefundSetting(settings.tillDifferenceLimitCents(), manager, settings::changeTillDifferenceLimit));
        Node root = view.root();
        // On Settings a scan shows what the scanner sent (prefix and suffix taken off): the set-up is checked here.
        scans.routeWhileShown(root, code -> view.showTestScan(code, i18n));
        return root;
    }
}
