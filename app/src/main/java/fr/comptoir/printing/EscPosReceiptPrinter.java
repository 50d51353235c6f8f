package fr.comptoir.printing;

import com.github.anastaciocintra.escpos.EscPos;
import com.github.anastaciocintra.escpos.EscPosConst;
import com.github.anastaciocintra.escpos.Style;
import fr.comptoir.sale.ReceiptPrinter;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.function.Supplier;

/**
 * ESC/POS receipt printing through escpos-coffee: to a network printer (raw TCP, port 9100, the usual
 * way store printers are attached) or, for the demo and tests, to a file per receipt. Code page 858
 * carries the euro sign and French accents.
 */
public final class EscPosReceiptPrinter implements ReceiptPrinter {

    private final Supplier<OutputStream> output;

    public EscPosReceiptPrinter(Supplier<OutputStream> output) {
        this.output = output;
    }

    /** A printer at {@code host:port} on the store's network. */
    public static EscPosReceiptPrinter network(String host, int port) {
        return new EscPosReceiptPrinter(() -> {
            try {
                Socket socket = new Socket();
                socket.connect(new InetSocketAddress(host, port), 3_000);
                return socket.getOutputStream();
            } catch (IOException e) {
                throw new UncheckedIOException("The receipt printer at " + host + ":" + port + " does not answer", e);
            }
        });
    }

    /** Each receipt as an ESC/POS file in {@code dir}, as a printer would receive it. */
    public static EscPosReceiptPrinter files(Path dir) {
        return new EscPosReceiptPrinter(() -> {
            try {
                Files.createDirectories(dir);
                return Files.newOutputStream(dir.resolve("receipt-" + Instant.now().toEpochMilli() + ".escpos"));
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot write the receipt file", e);
            }
        });
    }

    @Override
    public void openDrawer() {
        try (EscPos escpos = new EscPos(output.get())) {
            escpos.pulsePin(EscPos.PinConnector.Pin_2, 120, 240);
        } catch (IOException e) {
            throw new UncheckedIOException("The cash drawer could not be opened: " + e.getMessage(), e);
        }
    }

    @Override
    public void print(String receiptText) {
        print(receiptText, null);
    }

    @Override
    public void print(String receiptText, String code) {
        try (EscPos escpos = new EscPos(output.get())) {
            escpos.initializePrinter();
            escpos.setCharacterCodeTable(EscPos.CharacterCodeTable.CP858_Euro);
            Style normal = new Style();
            Style bold = new Style().setBold(true);
            Style center = new Style().setJustification(EscPosConst.Justification.Center);
            String[] lines = receiptText.split("\n", -1);
            for (int i = 0; i < lines.length; i++) {
                String line = lines[i];
                if (i == 0) {
                    escpos.writeLF(center.setBold(true), line.strip());
                } else if (line.startsWith("TOTAL")) {
                    escpos.writeLF(bold, line);
                } else {
                    escpos.writeLF(normal, line);
                }
            }
            if (code != null && !code.isBlank()) {
                // The ticket number as a QR code, drawn by the printer: the returns counter scans it.
                escpos.feed(1);
                escpos.write(new com.github.anastaciocintra.escpos.barcode.QRCode().setSize(6)
                        .setJustification(EscPosConst.Justification.Center), code);
            }
            escpos.feed(5).cut(EscPos.CutMode.FULL);
        } catch (IOException e) {
            throw new UncheckedIOException("The receipt could not be printed: " + e.getMessage(), e);
        }
    }
}
