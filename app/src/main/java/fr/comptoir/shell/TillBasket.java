package fr.comptoir.shell;

import fr.comptoir.AppContext;
import fr.comptoir.sale.Basket;
import fr.comptoir.sale.BasketAutosave;
import fr.comptoir.sale.SaleRecovery;
import fr.comptoir.sale.ui.SellFeature;
import fr.comptoir.uikit.I18n;
import fr.comptoir.uikit.TaskRunner;
import javafx.application.Platform;
import javafx.scene.Node;

import java.util.function.Consumer;

/**
 * The till's one basket, across sessions and languages: at the first sign-in after a start it takes back the
 * sale that was being rung up when the app stopped (crash, power cut), then it is saved at every change.
 * JavaFX thread.
 */
final class TillBasket {

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(TillBasket.class);

    private final Basket basket = new Basket();
    private BasketAutosave autosave;
    /** Said once on the Sell screen (the restored sale). */
    private String sellNotice;
    /** The restored sale already had payments: its Sell screen opens on its payment, once. */
    private boolean resumePayment;

    Basket basket() {
        return basket;
    }

    BasketAutosave autosave() {
        return autosave;
    }

    /**
     * Recovers the sale in progress once per start, then runs {@code then} with whether a sale came back (the
     * window opens Sell).
     *
     * @param tell where a failure the person must know of is said (the status bar)
     */
    void recoverOnce(AppContext context, TaskRunner runner, I18n i18n, Consumer<String> tell, Consumer<Boolean> then) {
        if (autosave != null) {
            then.accept(false);
            return;
        }
        autosave = new BasketAutosave(context.parkedSales(), context.clock(),
                failure -> Platform.runLater(() -> tell.accept(i18n.get("sell.autosaveFailed", failure.getMessage()))));
        SaleRecovery recovery = new SaleRecovery(context.parkedSales(), context.paymentJournal(), context.salePayments());
        runner.run(recovery::recover, saved -> {
            boolean restored = saved.isPresent() && basket.lines().isEmpty();
            if (restored) {
                basket.restore(saved.get().sale());
                resumePayment = saved.get().paymentsStarted();
                sellNotice = i18n.get("sell.restored", saved.get().sale().lines().size());
            }
            autosave.watch(basket);
            then.accept(restored);
        }, failure -> {
            LOG.error("The sale in progress could not be read back", failure);
            tell.accept(i18n.get("sell.restoreFailed", failure.getMessage()));
            autosave.watch(basket);
            then.accept(false);
        });
    }

    /** The Sell screen; a sale restored with payments already taken goes straight back to its payment, once. */
    Node sellScreen(SellFeature sell) {
        boolean toPayment = resumePayment;
        String notice = sellNotice;
        resumePayment = false;
        sellNotice = null;
        return sell.screen(toPayment, notice);
    }

    void close() {
        if (autosave != null) {
            autosave.close();
        }
    }
}
