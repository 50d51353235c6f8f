package fr.comptoir.sale;

import fr.comptoir.common.OutboxWrite;
import fr.comptoir.common.StoreJournal;

/**
 * Asks the central platform to e-mail a sale's receipt to the customer, through the outbox so that it
 * also works offline (it leaves when the platform is back, once). Blocking (disk).
 */
public final class ReceiptEmail {

    /** Payload of the write. */
    public record Request(String saleId, String email, String language) {
    }

    private final StoreJournal journal;

    public ReceiptEmail(StoreJournal journal) {
        this.journal = journal;
    }

    public void send(SaleRecord sale, String email, String language, String staffId) {
        refuseTraining(sale);
        if (!fr.comptoir.common.EmailAddresses.looksValid(email)) {
            throw new IllegalArgumentException("invalid-email");
        }
        // Ordered with its sale: the platform must know the sale before it can e-mail its receipt.
        journal.appendWithOutbox("receipt.email", staffId, new OutboxWrite(fr.comptoir.common.WriteKind.RECEIPT_EMAIL, "receipt-email:" + sale.id(), sale.id(),
                new Request(sale.id(), email.strip(), language)));
    }

    /**
     * Another copy of a sale's receipt, asked later (from the last sales of the till): a request of its own,
     * under its own idempotency key, still after its sale.
     */
    public void sendCopy(SaleRecord sale, String email, String language, String staffId) {
        refuseTraining(sale);
        if (!fr.comptoir.common.EmailAddresses.looksValid(email)) {
            throw new IllegalArgumentException("invalid-email");
        }
        journal.appendWithOutbox("receipt.email.copy", staffId, new OutboxWrite(fr.comptoir.common.WriteKind.RECEIPT_EMAIL,
                "receipt-email:" + sale.id() + ":copy-" + java.util.UUID.randomUUID(), sale.id(), new Request(sale.id(), email.strip(), language)));
    }

    /** A training ticket is never sent to the platform, so neither is its receipt. */
    private static void refuseTraining(SaleRecord sale) {
        if (sale.trainingTicket()) {
            throw new IllegalArgumentException("training-not-emailed");
        }
    }
}
