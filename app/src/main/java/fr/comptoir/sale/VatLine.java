package fr.comptoir.sale;

/**
 * One line of a receipt's VAT breakdown: for one rate, the tax-inclusive total, the VAT in it and the
 * base without VAT (base + vat = total, to the cent).
 */
public record VatLine(int rateBasisPoints, long baseCents, long vatCents, long totalCents) {
}
