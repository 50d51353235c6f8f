package fr.comptoir.sale;

import fr.comptoir.printing.EscPosReceiptPrinter;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.net.ServerSocket;
import java.nio.charset.Charset;
import java.util.concurrent.CompletableFuture;

import static org.assertj.core.api.Assertions.assertThat;

class EscPosReceiptPrinterTest {

    static final String RECEIPT = "   Comptoir Paris Rivoli\nHélène · 2 × 29,99 €\nTOTAL            59,98 €\n";

    static boolean contains(byte[] all, byte[] part) {
        outer:
        for (int i = 0; i <= all.length - part.length; i++) {
            for (int j = 0; j < part.length; j++) {
                if (all[i + j] != part[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }

    @Test
    void printsTheTextInCodePage858AndCutsThePaper() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new EscPosReceiptPrinter(() -> out).print(RECEIPT);
        byte[] bytes = out.toByteArray();
        assertThat(contains(bytes, new byte[]{0x1B, 0x40})).as("initialise").isTrue();
        assertThat(contains(bytes, new byte[]{0x1D, 0x56})).as("cut").isTrue();
        assertThat(contains(bytes, "59,98 ".getBytes(Charset.forName("cp858")))).isTrue();
        assertThat(contains(bytes, "€".getBytes(Charset.forName("cp858")))).as("euro in cp858").isTrue();
        assertThat(contains(bytes, "Hélène".getBytes(Charset.forName("cp858")))).isTrue();
    }

    @Test
    void aTicketNumberIsPrintedAsAQrCodeBeforeTheCut() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new EscPosReceiptPrinter(() -> out).print(RECEIPT, "PAR01-ABC-000007");
        byte[] bytes = out.toByteArray();
        // GS ( k: the QR code's model, size, data stored, then printed.
        assertThat(contains(bytes, new byte[]{0x1D, 0x28, 0x6B})).as("a QR code command").isTrue();
        assertThat(contains(bytes, "PAR01-ABC-000007".getBytes(Charset.forName("cp858")))).isTrue();
        ByteArrayOutputStream plain = new ByteArrayOutputStream();
        new EscPosReceiptPrinter(() -> plain).print(RECEIPT);
        assertThat(contains(plain.toByteArray(), new byte[]{0x1D, 0x28, 0x6B})).as("none without a code").isFalse();
    }

    @Test
    void opensTheDrawerWithAPulse() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new EscPosReceiptPrinter(() -> out).openDrawer();
        assertThat(contains(out.toByteArray(), new byte[]{0x1B, 0x70})).isTrue();
    }

    @Test
    void printsToANetworkPrinterOnLoopback() throws Exception {
        try (ServerSocket printer = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            CompletableFuture<byte[]> received = CompletableFuture.supplyAsync(() -> {
                try (var socket = printer.accept(); InputStream in = socket.getInputStream()) {
                    return in.readAllBytes();
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            EscPosReceiptPrinter.network("127.0.0.1", printer.getLocalPort()).print(RECEIPT);
            byte[] bytes = received.get(10, java.util.concurrent.TimeUnit.SECONDS);
            assertThat(contains(bytes, "TOTAL".getBytes(Charset.forName("cp858")))).isTrue();
        }
    }
}
