package fr.comptoir.fiscal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * One record of a fiscal chain as it is kept, exported and verified (decision 0031).
 *
 * @param chain             the chain's name ({@code TICKETS}, {@code DUPLICATES}, {@code CLOSINGS}, {@code TECHNICAL})
 * @param seq               its number in its chain, from 1, without gaps
 * @param recordedAt        when it was written, epoch milliseconds
 * @param kind              what it records ({@code sale.completed}, {@code staff.sign_in}, ...)
 * @param staffId           who did it, or null
 * @param format            the form its body is written in ({@code RecordFormat})
 * @param body              the record itself, canonical JSON
 * @param keyId             the key that signed it, or null for a record written before records were signed
 * @param perpetualCents    for tickets: the perpetual grand total including this ticket; null otherwise
 * @param previousSignature the signature of the record before it in its chain (see {@link #GENESIS})
 * @param signature         base64 DER ECDSA signature over {@link #signedText()}, or null when unsigned
 */
public record FiscalRecord(String chain, long seq, long recordedAt, String kind, String staffId, int format, String body,
                           String keyId, Long perpetualCents, String previousSignature, String signature) {

    /** What the first signed record of a chain names as its predecessor when the chain has no earlier record. */
    public static final String GENESIS = "genesis";
    /** The prefix of what the first signed record names when unsigned records came before it: their digest follows. */
    public static final String LEGACY_PREFIX = "unsigned-sha256:";

    public boolean signed() {
        return signature != null;
    }

    /**
     * The exact text the signature covers, one field per line, UTF-8, no final newline: it can be rebuilt
     * with a text editor and checked with OpenSSL (see docs/fiscal-journal.md).
     */
    public String signedText() {
        return "comptoir-fiscal-record/1\n"
                + "key=" + nz(keyId) + "\n"
                + "chain=" + chain + "\n"
                + "seq=" + seq + "\n"
                + "recorded-at=" + recordedAt + "\n"
                + "kind=" + kind + "\n"
                + "staff=" + nz(staffId) + "\n"
                + "format=" + format + "\n"
                + "perpetual-total-cents=" + (perpetualCents == null ? "" : perpetualCents) + "\n"
                + "body-sha256=" + sha256Hex(body) + "\n"
                + "previous=" + nz(previousSignature);
    }

    public FiscalRecord signedBy(SigningKey key, Long perpetual, String previous) {
        FiscalRecord unsigned = new FiscalRecord(chain, seq, recordedAt, kind, staffId, format, body, key.id(), perpetual, previous, null);
        String sig = java.util.Base64.getEncoder().encodeToString(key.sign(unsigned.signedText().getBytes(StandardCharsets.UTF_8)));
        return new FiscalRecord(chain, seq, recordedAt, kind, staffId, format, body, key.id(), perpetual, previous, sig);
    }

    /**
     * What travels with the record to the platform, as the {@code Fiscal-Proof} header of its request: every
     * field of {@link #signedText()} but the body's digest (the platform has the body), then the signature;
     * {@code name=value} pairs separated by {@code ;}, values percent-encoded (UTF-8).
     */
    public String proof() {
        return "chain=" + enc(chain) + ";seq=" + seq + ";recorded-at=" + recordedAt + ";kind=" + enc(kind) + ";staff=" + enc(nz(staffId))
                + ";format=" + format + ";perpetual-total-cents=" + (perpetualCents == null ? "" : perpetualCents)
                + ";key=" + enc(nz(keyId)) + ";previous=" + enc(nz(previousSignature)) + ";signature=" + enc(nz(signature));
    }

    /** The record a {@link #proof()} describes, with the body it came with. */
    public static FiscalRecord fromProof(String proof, String body) {
        java.util.Map<String, String> f = new java.util.HashMap<>();
        for (String part : proof.split(";")) {
            int eq = part.indexOf('=');
            if (eq > 0) {
                f.put(part.substring(0, eq), java.net.URLDecoder.decode(part.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        try {
            String perpetual = f.getOrDefault("perpetual-total-cents", "");
            return new FiscalRecord(f.get("chain"), Long.parseLong(f.get("seq")), Long.parseLong(f.get("recorded-at")), f.get("kind"),
                    emptyToNull(f.get("staff")), Integer.parseInt(f.get("format")), body, emptyToNull(f.get("key")),
                    perpetual.isEmpty() ? null : Long.valueOf(perpetual), emptyToNull(f.get("previous")), emptyToNull(f.get("signature")));
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("Not a fiscal proof: " + proof, e);
        }
    }

    private static String enc(String s) {
        return java.net.URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    private static String emptyToNull(String s) {
        return s == null || s.isEmpty() ? null : s;
    }

    /**
     * The text a person compares with a receipt: the signature's characters 9 to 12 and the four before its last
     * four (its first characters are the same on every signature: DER's header).
     */
    public static String extract(String signature) {
        if (signature == null || signature.length() < 16) {
            return signature == null ? "" : signature;
        }
        return signature.substring(8, 12) + signature.substring(signature.length() - 8, signature.length() - 4);
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }

    public static String sha256Hex(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
