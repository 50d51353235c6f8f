package fr.comptoir.printing;

import fr.comptoir.sale.BasketLine;
import fr.comptoir.sale.Payment;
import fr.comptoir.sale.SaleRecord;
import fr.comptoir.sale.Vat;
import fr.comptoir.sale.ui.ReceiptText;
import fr.comptoir.uikit.I18n;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ReceiptArchiveTest {

    @TempDir
    Path dir;

    static SaleRecord sale() {
        List<BasketLine> lines = List.of(
                new BasketLine("v1", "S1", "Pull col roulé · Écru · M", 2, 129_999, 2000, null, 0, null, null, null, "Maille", 52_000, "−20 % maille"),
                new BasketLine("v2", "S2", "Thé Earl Grey", 1, 699, 550, null));
        long total = lines.stream().mapToLong(BasketLine::totalCents).sum();
        return new SaleRecord("sale-1", "PAR01-ABC-000007", "st", "dev", "s", "Léo Martin", "cus-1", "Hélène Martin",
                "2026-11-20T15:42:00Z", lines, List.of(Payment.cash(total)), total, 0, Vat.breakdown(lines), List.of(), null, null);
    }

    @Test
    void keepsTheReceiptAsTextAndAsAnEightyMillimetrePdfThatReadsTheSame() throws Exception {
        String text = ReceiptText.of(sale(), "Comptoir Paris Rivoli", new I18n(Locale.FRENCH), false);
        Path pdf = new ReceiptArchive(dir).save("PAR01-ABC-000007", text);

        assertThat(Files.readString(dir.resolve("PAR01-ABC-000007.txt"))).isEqualTo(text);
        try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
            assertThat(doc.getNumberOfPages()).isEqualTo(1);
            assertThat(doc.getPage(0).getMediaBox().getWidth()).isCloseTo(226.77f, org.assertj.core.data.Offset.offset(0.1f));
            String read = new PDFTextStripper().getText(doc);
            // Thousands in French use a narrow no-break space, which the PDF carries as a plain no-break space.
            assertThat(read).contains("Comptoir Paris Rivoli").contains("Ticket PAR01-ABC-000007").contains("Hélène Martin")
                    .contains("-20 % maille");
            String total = text.lines().filter(l -> l.startsWith("TOTAL")).findFirst().orElseThrow();
            assertThat(normalise(read)).contains(normalise(total)).contains("TOTAL 2 086,97 €").contains("Client : Hélène Martin");
        }
        assertThat(dir).isDirectoryNotContaining("glob:**.part");
    }

    @Test
    void thePdfCarriesTheTicketNumberAsAQrCodeThatAScannerReadsBack() throws Exception {
        String text = ReceiptText.of(sale(), "Comptoir Paris Rivoli", new I18n(Locale.ENGLISH), false);
        Path pdf = new ReceiptArchive(dir).save("PAR01-ABC-000007", text, "PAR01-ABC-000007");
        try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
            java.awt.image.BufferedImage page = new org.apache.pdfbox.rendering.PDFRenderer(doc).renderImageWithDPI(0, 200);
            int[] pixels = page.getRGB(0, 0, page.getWidth(), page.getHeight(), null, 0, page.getWidth());
            com.google.zxing.BinaryBitmap bitmap = new com.google.zxing.BinaryBitmap(new com.google.zxing.common.HybridBinarizer(
                    new com.google.zxing.RGBLuminanceSource(page.getWidth(), page.getHeight(), pixels)));
            assertThat(new com.google.zxing.qrcode.QRCodeReader().decode(bitmap).getText()).isEqualTo("PAR01-ABC-000007");
            assertThat(new PDFTextStripper().getText(doc)).as("the text is all there above it").contains("Ticket PAR01-ABC-000007");
        }
    }

    @Test
    void aTicketNumberThatIsNotOneWritesNothing() {
        assertThatThrownBy(() -> new ReceiptArchive(dir).save("../../etc/passwd", "x")).isInstanceOf(IllegalArgumentException.class);
        assertThat(dir).isEmptyDirectory();
    }

    /** Spaces of every kind as one plain space, as a PDF reader may give them back. */
    private static String normalise(String s) {
        return s.replaceAll("[\\s\\u00a0\\u202f]+", " ").strip();
    }
}
