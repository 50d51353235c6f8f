package fr.comptoir.sale.ui;

import fr.comptoir.sale.SaleRecord;
import fr.comptoir.uikit.I18n;
import fr.comptoir.uikit.Notice;
import fr.comptoir.uikit.TaskRunner;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.util.List;
import java.util.function.BiConsumer;
import java.util.function.Function;

/**
 * The last sales of this till: a duplicate of the one chosen, printed or e-mailed again. Printing and
 * queuing the e-mail run in the background; each says how it went. JavaFX thread only.
 */
public final class ReprintViewModel {

    private final ObservableList<SaleRecord> sales;
    private final Function<SaleRecord, String> duplicateOf;
    private final BiConsumer<SaleRecord, String> print;
    private final BiConsumer<SaleRecord, String> email;
    private final Function<String, String> emailOfCustomer;
    private final TaskRunner runner;
    private final I18n i18n;
    private final ObjectProperty<SaleRecord> chosen = new SimpleObjectProperty<>();
    private final StringProperty duplicate = new SimpleStringProperty("");
    private final StringProperty emailTo = new SimpleStringProperty("");
    private final Notice notice = new Notice();

    /**
     * @param print           prints a numbered duplicate of a sale, the preview's text given (blocking: journal, printer I/O)
     * @param email           queues a copy of the sale's receipt to an address (blocking: journal)
     * @param emailOfCustomer the address on file for a customer id, or null (blocking: cache)
     */
    public ReprintViewModel(List<SaleRecord> sales, Function<SaleRecord, String> duplicateOf, BiConsumer<SaleRecord, String> print,
                            BiConsumer<SaleRecord, String> email, Function<String, String> emailOfCustomer, TaskRunner runner, I18n i18n) {
        this.sales = FXCollections.observableArrayList(sales);
        this.duplicateOf = duplicateOf;
        this.print = print;
        this.email = email;
        this.emailOfCustomer = emailOfCustomer;
        this.runner = runner;
        this.i18n = i18n;
    }

    public void choose(SaleRecord sale) {
        chosen.set(sale);
        notice.clear();
        duplicate.set(sale == null ? "" : duplicateOf.apply(sale));
        emailTo.set("");
        if (sale != null && sale.customerId() != null) {
            runner.run(() -> emailOfCustomer.apply(sale.customerId()), address -> {
                if (sale == chosen.get() && address != null && emailTo.get().isBlank()) {
                    emailTo.set(address);
                }
            }, failure -> { });
        }
    }

    /** Prints the duplicate of the sale chosen. */
    public void print() {
        SaleRecord sale = chosen.get();
        if (sale == null) {
            notice.warn(i18n.get("reprint.chooseFirst"));
            return;
        }
        String text = duplicate.get();
        runner.run(() -> {
            print.accept(sale, text);
            return null;
        }, x -> notice.confirm(i18n.get("reprint.printed", sale.ticketNumber())),
                failure -> notice.error(i18n.get("reprint.printFailed", failure.getMessage())));
    }

    /** Queues an e-mailed copy of the sale chosen to the address typed (or the customer's). */
    public void email() {
        SaleRecord sale = chosen.get();
        if (sale == null) {
            notice.warn(i18n.get("reprint.chooseFirst"));
            return;
        }
        String to = emailTo.get() == null ? "" : emailTo.get().strip();
        if (!fr.comptoir.common.EmailAddresses.looksValid(to)) {
            notice.error(i18n.get("newCustomer.invalidEmail"));
            return;
        }
        runner.run(() -> {
            email.accept(sale, to);
            return null;
        }, x -> notice.confirm(i18n.get("pay.emailQueued", to)), failure -> notice.error(failure.getMessage()));
    }

    public ObservableList<SaleRecord> sales() { return sales; }

    public ObjectProperty<SaleRecord> chosenProperty() { return chosen; }

    public StringProperty duplicateProperty() { return duplicate; }

    public StringProperty emailToProperty() { return emailTo; }

    public Notice notice() { return notice; }
}
