package fr.comptoir.sale.ui;

import fr.comptoir.sale.BasketLine;
import fr.comptoir.sale.Payment;
import fr.comptoir.sale.SaleRecord;
import fr.comptoir.sale.Vat;
import fr.comptoir.uikit.I18n;
import fr.comptoir.uikit.Notice;
import fr.comptoir.uikit.TaskRunner;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

class ReprintViewModelTest {

    static SaleRecord sale(String id, String ticket, String customerId) {
        List<BasketLine> lines = List.of(new BasketLine("v1", "S1", "Robe", 1, 5_999, 2000, null));
        return new SaleRecord(id, ticket, "st", "d", "s", "Léo Martin", customerId, customerId == null ? null : "Hélène Martin",
                "2026-11-20T15:42:00Z", lines, List.of(Payment.cash(5_999)), 5_999, 0, Vat.breakdown(lines), List.of(), null, null);
    }

    final List<String> printed = new ArrayList<>();
    final List<String> emailed = new ArrayList<>();
    boolean printerOut;

    ReprintViewModel vm() {
        return new ReprintViewModel(List.of(sale("s1", "PAR01-1", "cus-1"), sale("s2", "PAR01-2", null)),
                s -> "*** DUPLICATE *** " + s.ticketNumber(), (sale, text) -> {
                    if (printerOut) {
                        throw new IllegalStateException("no paper");
                    }
                    printed.add(text + " [QR " + sale.ticketNumber() + "]");
                }, (s, to) -> emailed.add(s.ticketNumber() + " → " + to),
                id -> id.equals("cus-1") ? "helene.martin@example.fr" : null, TaskRunner.direct(), new I18n(Locale.ENGLISH));
    }

    @Test
    void theDuplicateChosenIsPrintedOrEmailedAgainAndEachSaysHowItWent() {
        ReprintViewModel vm = vm();
        vm.print();
        assertThat(vm.notice().kind()).isEqualTo(Notice.Kind.WARNING);
        assertThat(printed).isEmpty();

        vm.choose(vm.sales().get(0));
        assertThat(vm.duplicateProperty().get()).isEqualTo("*** DUPLICATE *** PAR01-1");
        assertThat(vm.emailToProperty().get()).as("the customer's address on file").isEqualTo("helene.martin@example.fr");
        vm.print();
        assertThat(printed).containsExactly("*** DUPLICATE *** PAR01-1 [QR PAR01-1]");
        assertThat(vm.notice().textProperty().get()).isEqualTo("Duplicate of ticket PAR01-1 printed.");
        vm.email();
        assertThat(emailed).containsExactly("PAR01-1 → helene.martin@example.fr");
        assertThat(vm.notice().kind()).isEqualTo(Notice.Kind.CONFIRMATION);

        vm.choose(vm.sales().get(1));
        assertThat(vm.emailToProperty().get()).isEmpty();
        vm.emailToProperty().set("not an address");
        vm.email();
        assertThat(vm.notice().kind()).isEqualTo(Notice.Kind.ERROR);
        assertThat(emailed).hasSize(1);
        printerOut = true;
        vm.print();
        assertThat(vm.notice().kind()).isEqualTo(Notice.Kind.ERROR);
        assertThat(vm.notice().textProperty().get()).contains("no paper");
        assertThat(printed).hasSize(1);
    }
}
