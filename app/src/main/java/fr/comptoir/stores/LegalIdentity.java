package fr.comptoir.stores;

/**
 * Who sells, as French rules want it printed on every ticket: the company's name and the store's address,
 * its SIRET (14 digits) and its intra-community VAT number.
 */
public record LegalIdentity(String companyName, String address, String siret, String vatNumber) {
}
