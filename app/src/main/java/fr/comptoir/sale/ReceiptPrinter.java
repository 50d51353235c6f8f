package fr.comptoir.sale;

/** The till's receipt printer. Blocking (device I/O): off the JavaFX thread. */
public interface ReceiptPrinter {

    /** Prints a receipt (lines of at most 42 characters) and cuts the paper. */
    void print(String receiptText);

    /** Opens the cash drawer wired to the printer. */
    void openDrawer();
}
