package fr.comptoir.sale;

/**
 * What a receipt shows to prove it is the till's (French rules for cash register software): who sells (company,
 * address, SIRET, VAT number), the software and its version, the ticket's number in the signed chain of tickets,
 * an extract of its signature, its line count, and for a copy its number ("DUPLICATA n° N").
 *
 * @param seller     the seller's legal identity (null when the platform gave none)
 * @param copyNumber 0 for the original, N for the Nth duplicate
 * @param training   a ticket of training mode: printed as worth nothing (decision 0032)
 */
public record ReceiptProof(fr.comptoir.stores.LegalIdentity seller, String software, long sequence, String signatureExtract, int lineCount,
                           int copyNumber, boolean training) {

    public ReceiptProof(fr.comptoir.stores.LegalIdentity seller, String software, long sequence, String signatureExtract, int lineCount,
                        int copyNumber) {
        this(seller, software, sequence, signatureExtract, lineCount, copyNumber, false);
    }
}
