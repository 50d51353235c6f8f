package fr.comptoir.sale;

/** The proofs a ticket's receipts carry (decision 0031). Blocking (journal, cache): any thread but the JavaFX one. */
public interface ReceiptProofs {

    /** How a duplicate went out. */
    enum Copy { PRINTED, EMAILED }

    /** The proofs of the ticket's original receipt. */
    ReceiptProof original(SaleRecord sale);

    /**
     * Records a duplicate of the ticket in the chain of duplicates, with the next copy number of that ticket,
     * and gives its proofs.
     */
    ReceiptProof duplicate(SaleRecord sale, String staffId, Copy how);
}
