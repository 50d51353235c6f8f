package fr.comptoir.printing;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Keeps a copy of every receipt in a folder, as text and as a PDF on 80 mm paper (what the demo store
 * "prints" without a printer, and what a manager can send or archive). Files are written whole under
 * a temporary name and then moved, so a crash never leaves half a receipt. Blocking (disk).
 */
public final class ReceiptArchive {

    /** 80 mm receipt paper, in PDF points. */
    private static final float PAPER_WIDTH = 80 / 25.4f * 72;
    private static final float MARGIN = 12;
    private static final float FONT_SIZE = 8;
    private static final float LEADING = 10;

    private final Path dir;

    public ReceiptArchive(Path dir) {
        this.dir = dir;
    }

    /** Writes {@code <ticket>.txt} and {@code <ticket>.pdf}; returns the PDF's path. */
    public Path save(String ticketNumber, String receiptText) {
        return save(ticketNumber, receiptText, null);
    }

    /**
     * As {@link #save(String, String)}, the PDF with a QR code of {@code code} under the receipt (the ticket
     * number, as printed on paper), or none when null.
     */
    public Path save(String ticketNumber, String receiptText, String code) {
        if (!ticketNumber.matches("[A-Za-z0-9._-]+")) {
            throw new IllegalArgumentException("Not a ticket number: " + ticketNumber);
        }
        try {
            Files.createDirectories(dir);
            writeAtomically(dir.resolve(ticketNumber + ".txt"), tmp -> Files.writeString(tmp, receiptText));
            Path pdf = dir.resolve(ticketNumber + ".pdf");
            writeAtomically(pdf, tmp -> writePdf(receiptText, code, tmp));
            return pdf;
        } catch (IOException e) {
            throw new UncheckedIOException("The receipt could not be saved: " + e.getMessage(), e);
        }
    }

    private interface Writer {
        void write(Path tmp) throws IOException;
    }

    private static void writeAtomically(Path target, Writer writer) throws IOException {
        Path tmp = target.resolveSibling(target.getFileName() + ".part");
        writer.write(tmp);
        Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    /** One page as long as the receipt, in Courier so that the 42 columns line up as on paper. */
    static void writePdf(String receiptText, Path file) throws IOException {
        writePdf(receiptText, null, file);
    }

    /** Size of one module of the QR code, in points (a 25-module code is about 3 cm wide). */
    private static final float QR_MODULE = 3.4f;

    static void writePdf(String receiptText, String code, Path file) throws IOException {
        String[] lines = receiptText.split("\n", -1);
        com.google.zxing.common.BitMatrix qr = code == null ? null : qr(code);
        float qrSize = qr == null ? 0 : qr.getWidth() * QR_MODULE;
        float height = 2 * MARGIN + lines.length * LEADING + qrSize;
        try (PDDocument doc = new PDDocument()) {
            PDPage page = new PDPage(new PDRectangle(PAPER_WIDTH, height));
            doc.addPage(page);
            PDType1Font regular = new PDType1Font(Standard14Fonts.FontName.COURIER);
            PDType1Font bold = new PDType1Font(Standard14Fonts.FontName.COURIER_BOLD);
            try (PDPageContentStream out = new PDPageContentStream(doc, page)) {
                out.beginText();
                out.setLeading(LEADING);
                out.newLineAtOffset(MARGIN, height - MARGIN - FONT_SIZE);
                for (int i = 0; i < lines.length; i++) {
                    boolean strong = i == 0 || lines[i].startsWith("TOTAL");
                    out.setFont(strong ? bold : regular, FONT_SIZE);
                    out.showText(printable(lines[i], regular));
                    out.newLine();
                }
                out.endText();
                if (qr != null) {
                    // Under the text, centred: the ticket number, as the printer draws it on paper.
                    float left = (PAPER_WIDTH - qrSize) / 2;
                    for (int y = 0; y < qr.getHeight(); y++) {
                        for (int x = 0; x < qr.getWidth(); x++) {
                            if (qr.get(x, y)) {
                                out.addRect(left + x * QR_MODULE, MARGIN + qrSize - (y + 1) * QR_MODULE, QR_MODULE, QR_MODULE);
                            }
                        }
                    }
                    out.fill();
                }
            }
            doc.getDocumentInformation().setTitle(lines.length > 0 ? lines[0].strip() : "Receipt");
            doc.save(file.toFile());
        }
    }

    /** The QR code of {@code code} (a quiet zone of one module around it). */
    static com.google.zxing.common.BitMatrix qr(String code) {
        try {
            return new com.google.zxing.qrcode.QRCodeWriter().encode(code, com.google.zxing.BarcodeFormat.QR_CODE, 0, 0,
                    java.util.Map.of(com.google.zxing.EncodeHintType.MARGIN, 1));
        } catch (com.google.zxing.WriterException e) {
            throw new IllegalArgumentException("No QR code for " + code, e);
        }
    }

    /**
     * The standard PDF fonts carry Western European characters (accents, €, ×); a few typographic
     * ones French formatting uses are swapped for their plain look-alikes, anything else for '?'.
     */
    static String printable(String line, PDType1Font font) {
        StringBuilder b = new StringBuilder(line.length());
        line.codePoints().forEach(cp -> {
            int c = switch (cp) {
                case 0x202F, 0x2007, 0x2009 -> 0x00A0;
                case 0x2212, 0x2010, 0x2011 -> '-';
                default -> cp;
            };
            String s = Character.toString(c);
            b.append(canEncode(font, s) ? s : "?");
        });
        return b.toString();
    }

    private static boolean canEncode(PDType1Font font, String s) {
        try {
            font.encode(s);
            return true;
        } catch (IOException | IllegalArgumentException e) {
            return false;
        }
    }
}
