package fr.comptoir.sale;

/** The till's receipt printer. Blocking (device I/O): off the JavaFX thread. */
public interface ReceiptPrinter {

    /** Prints a receipt (lines of at most 42 characters) and cuts the paper. */
    void print(String receiptText);

    /**
     * Prints a receipt with a QR code of {@code code} under it (the ticket number, scanned at the returns
     * counter), then cuts the paper. A printer that cannot draw one prints the receipt alone.
     */
    default void print(String receiptText, String code) {
        print(receiptText);
    }

    /** Opens the cash drawer wired to the printer. */
    void openDrawer();
}
