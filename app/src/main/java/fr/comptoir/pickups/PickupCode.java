package fr.comptoir.pickups;

import fr.comptoir.staff.PinHasher;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The pickup code a customer receives, and the QR code of their confirmation e-mail.
 *
 * <p>The code is 6 digits. The QR code (and the barcode under it) carries {@code CP1-<order number>-<code>}:
 * only capitals, digits and hyphens, which every scanner types the same whatever the keyboard layout; the
 * desk scans it, finds the order and checks the code in one go. A code is never kept in clear: the platform
 * sends its PBKDF2 hash (checked offline, like PINs) and a 16-bit {@link #bucket} that lets a typed code find
 * its order among thousands without revealing it (each bucket holds about one code in 65,536).
 */
public final class PickupCode {

    /** What starts the text of a pickup QR code (format 1). */
    public static final String QR_PREFIX = "CP1-";
    private static final Pattern CODE = Pattern.compile("\\d{6}");

    private PickupCode() {
    }

    /** What a customer's QR code says: the order number and the pickup code. */
    public record Scanned(String orderNumber, String code) {
    }

    /** The text of the QR code for an order. */
    public static String qr(String orderNumber, String code) {
        return QR_PREFIX + orderNumber + "-" + code;
    }

    /** Reads a scanned QR code; empty when the text is not one (another barcode, a typed search). */
    public static Optional<Scanned> parseQr(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String t = text.strip().toUpperCase(java.util.Locale.ROOT);
        if (!t.startsWith(QR_PREFIX)) {
            return Optional.empty();
        }
        int last = t.lastIndexOf('-');
        if (last <= QR_PREFIX.length()) {
            return Optional.empty();
        }
        String number = t.substring(QR_PREFIX.length(), last);
        String code = t.substring(last + 1);
        return isCode(code) && !number.isBlank() ? Optional.of(new Scanned(number, code)) : Optional.empty();
    }

    /** Whether {@code text} has the form of a pickup code (6 digits, spaces allowed as typed). */
    public static boolean isCode(String text) {
        return text != null && CODE.matcher(text.replace(" ", "")).matches();
    }

    /** The code's bucket: 4 hex characters of a SHA-256, the same on the platform and at the desk. */
    public static String bucket(String code) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(("comptoir-pickup-code:" + code.replace(" ", ""))
                    .getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 2);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 missing from this Java runtime", e);
        }
    }

    /** Whether {@code code} is the order's code (its hash checked offline; tens of milliseconds). */
    public static boolean matches(String code, Pickup pickup) {
        return code != null && PinHasher.matches(code.replace(" ", ""), pickup.pickupCodeHash());
    }
}
