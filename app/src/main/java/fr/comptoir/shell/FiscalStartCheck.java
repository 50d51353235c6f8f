package fr.comptoir.shell;

import fr.comptoir.AppContext;
import fr.comptoir.fiscal.ChainVerifier;
import fr.comptoir.fiscal.VerificationReport;
import fr.comptoir.uikit.I18n;

/**
 * The till does not start selling on a fiscal journal that fails verification (decision 0031): a record
 * altered, missing or moved means the books cannot be trusted, and nothing may be added to them until head
 * office has looked. Run on the start's background thread.
 */
final class FiscalStartCheck {

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(FiscalStartCheck.class);

    /** The journal failed verification; the context is closed. */
    static final class Refused extends RuntimeException {
        final transient VerificationReport report;

        Refused(VerificationReport report) {
            super("The fiscal journal failed verification: " + report.findings().size() + " problem(s)");
            this.report = report;
        }
    }

    private FiscalStartCheck() {
    }

    /** @throws Refused when the journal's chains do not verify */
    static void require(AppContext ctx) {
        long t0 = System.nanoTime();
        VerificationReport report = ctx.verifyFiscalJournalAtStart();
        LOG.info("Fiscal journal checked at start in {} ms: {}", (System.nanoTime() - t0) / 1_000_000, report.ok() ? "OK" : "PROBLEMS");
        if (!report.ok()) {
            report.findings().forEach(f -> LOG.error("Fiscal journal: {}", f));
            ctx.close();
            throw new Refused(report);
        }
    }

    /**
     * Verifies every signature of the journal on a background thread, after the start; when one fails, the
     * window is told (on the JavaFX thread) and selling stops there.
     */
    static void verifyFullyInBackground(AppContext ctx, java.util.function.Consumer<Throwable> onRefused) {
        Thread t = new Thread(() -> {
            long t0 = System.nanoTime();
            try {
                VerificationReport report = ctx.verifyFiscalJournal();
                LOG.info("Fiscal journal verified in full in {} ms: {}", (System.nanoTime() - t0) / 1_000_000, report.ok() ? "OK" : "PROBLEMS");
                if (!report.ok()) {
                    report.findings().forEach(f -> LOG.error("Fiscal journal: {}", f));
                    javafx.application.Platform.runLater(() -> onRefused.accept(new Refused(report)));
                }
            } catch (RuntimeException e) {
                LOG.error("The fiscal journal could not be verified in full", e);
            }
        }, "comptoir-fiscal-check");
        t.setDaemon(true);
        t.start();
    }

    /** The start screen when the start failed: what happened and what to do, no spinner. */
    static javafx.scene.Parent failurePane(I18n i18n, Throwable failure) {
        javafx.scene.control.Label text = fr.comptoir.uikit.Ui.label(describe(i18n, failure), "title-3");
        text.setId("start-failure");
        text.setMaxWidth(760);
        javafx.scene.layout.VBox box = new javafx.scene.layout.VBox(24, fr.comptoir.uikit.Ui.label(i18n.get("app.startStopped"), "title-2", "danger"), text);
        box.setAlignment(javafx.geometry.Pos.CENTER);
        box.setPadding(new javafx.geometry.Insets(48));
        return box;
    }

    /** What the start screen says when the start failed. */
    static String describe(I18n i18n, Throwable failure) {
        if (failure instanceof Refused r) {
            ChainVerifier.Finding first = r.report.findings().get(0);
            return i18n.get("app.fiscalRefused", r.report.findings().size(), first.toString());
        }
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof fr.comptoir.storage.StorageException s && s.kind() == fr.comptoir.storage.StorageException.Kind.NEWER) {
                // A downgrade: said plainly, and nothing was touched.
                return i18n.get("app.newerData", fr.comptoir.Version.number());
            }
            if (t instanceof fr.comptoir.datafolder.DataFolderAccess.Denied d) {
                return i18n.get("app.dataFolderDenied", System.getProperty("user.name"), d.folder());
            }
        }
        return i18n.get("app.startFailed", failure.getMessage());
    }
}
