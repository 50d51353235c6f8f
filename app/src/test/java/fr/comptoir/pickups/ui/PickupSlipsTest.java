package fr.comptoir.pickups.ui;

import fr.comptoir.pickups.Handover;
import fr.comptoir.pickups.Pickup;
import fr.comptoir.pickups.PickupMoney;
import fr.comptoir.pickups.PickupStatus;
import fr.comptoir.uikit.I18n;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

class PickupSlipsTest {

    static final Pickup AFTER = new Pickup("o1", "W00012345", "st-par01", PickupStatus.PARTLY_COLLECTED, "cus-1",
            new Pickup.PickupCustomer("Hélène", "Martin", null, null), List.of(), null, null, "2026-12-01T10:00:00Z", "2026-12-08T10:00:00Z",
            9_597, 9_597, 0, 3_599, "B-04", null, null,
            List.of(new Pickup.PickupLine("l1", "v1", "R", null, "Robe longue fleurie", "M", "Écru", 1, 5_998, 2000, 1, 0, 1, 0),
                    new Pickup.PickupLine("l2", "v2", "M", null, "Mocassins en cuir velours", "41", "Bleu marine", 1, 3_599, 2000, 1, 0, 0, 1),
                    new Pickup.PickupLine("l3", "v3", "C", null, "Ceinture", null, "Noir", 1, 0, 2000, 1, 0, 0, 0)),
            List.of(new Pickup.PickupHandover("2026-12-02T11:30:00Z", "dev-1", "st-par01", "stf")), null);

    @Test
    void theHandOverReceiptSaysWhatWasTakenRefusedAndLeftWithTheRefundOnFortyTwoColumns() {
        Handover h = new Handover("h1", "o1", "W00012345", "st-par01", "dev-1", "stf", "2026-12-02T11:30:00Z", 0,
                new Handover.HandoverVerification(Handover.Method.PICKUP_CODE, "Hélène Martin", false, null, null),
                List.of(new Handover.HandoverLine("l1", 1, 0, null, null),
                        new Handover.HandoverLine("l2", 0, 1, PickupMoney.RefusalReason.DAMAGED, Handover.Restock.DAMAGED)),
                0, 3_599, null, false, null);
        String fr = PickupSlips.handoverReceipt(AFTER, h, "Comptoir Paris Rivoli", new I18n(Locale.FRENCH));
        assertThat(fr.lines()).allMatch(l -> l.length() <= 42);
        assertThat(fr).contains("Remise d'une commande", "W00012345", "Remis :", "1 × Robe longue fleurie Écru taille M",
                "Refusés :", "(abîmé)", "1 article(s) restent à retirer.", "35,99 €", "Retiré par Hélène Martin, avec le code de");
        String en = PickupSlips.handoverReceipt(AFTER, h, "Comptoir Paris Rivoli", new I18n(Locale.ENGLISH));
        assertThat(en).contains("Collected:", "Refused:", "(damaged)", "Refunded on your web payment", "35,99 €");
    }

    @Test
    void thePickupSlipNamesTheOrderTheCustomerAndTheShelf() {
        String slip = PickupSlips.pickupSlip(AFTER, "Comptoir Paris Rivoli", new I18n(Locale.FRENCH));
        assertThat(slip.lines()).allMatch(l -> l.length() <= 42);
        assertThat(slip).contains("RETRAIT EN MAGASIN", "W00012345", "Hélène Martin", "Rayon B-04", "1 × Ceinture Noir");
    }
}
