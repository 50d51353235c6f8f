package fr.comptoir.fiscal;

import java.nio.charset.StandardCharsets;
import java.security.PublicKey;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Checks one fiscal chain as it is stored (decision 0031): numbers without gaps or repeats, each signed
 * record following the one before it, every signature made by a known key over the record's own fields, and
 * the perpetual grand total of tickets adding up. Works on the records alone: a live journal or an archive.
 */
public final class ChainVerifier {

    /** Something wrong with a chain; {@code seq} is the record it concerns (null: the chain as a whole). */
    public record Finding(String chain, Long seq, String problem) {
        @Override
        public String toString() {
            return chain + (seq == null ? "" : " #" + seq) + ": " + problem;
        }
    }

    /**
     * Where an archive's chain starts when it does not start at the chain's first record: the record just before
     * the period, as the terminal had it (covered by the archive's own signature).
     */
    public record Opening(long seq, String signature, Long perpetualCents) {
    }

    /** What was checked. */
    public record Result(String chain, int records, int signed, List<Finding> findings) {
    }

    private ChainVerifier() {
    }

    /**
     * @param asStored the chain's records in the order they are stored (not sorted by their numbers: a swap shows)
     * @param keys     the public keys the records may name, by id
     * @param trusted  when not empty, the only key ids accepted (the terminal's key as the platform registered it)
     * @param opening  the record before the first one given, or null when the first given is the chain's first
     */
    public static Result verify(String chain, List<FiscalRecord> asStored, Map<String, PublicKey> keys, Set<String> trusted,
                                Opening opening) {
        return verify(chain, asStored, keys, trusted, opening, r -> true);
    }

    /**
     * Like {@link #verify(String, List, Map, Set, Opening)}, checking the signature only of the records
     * {@code signatureChecked} picks (every other check is made on every record). Signatures are checked on
     * every core: each costs about a millisecond.
     */
    public static Result verify(String chain, List<FiscalRecord> asStored, Map<String, PublicKey> keys, Set<String> trusted,
                                Opening opening, java.util.function.Predicate<FiscalRecord> signatureChecked) {
        List<FiscalRecord> toCheck = new ArrayList<>();
        List<Finding> findings = new ArrayList<>();
        boolean tickets = "TICKETS".equals(chain);
        long expectedSeq = opening == null ? 1 : opening.seq() + 1;
        String previous = opening == null ? null : opening.signature();
        Long perpetual = opening == null ? Long.valueOf(0) : opening.perpetualCents();
        List<FiscalRecord> legacy = new ArrayList<>();
        boolean seenSigned = opening != null;
        int signed = 0;
        for (FiscalRecord r : asStored) {
            if (r.seq() > expectedSeq) {
                findings.add(new Finding(chain, r.seq(), expectedSeq == r.seq() - 1
                        ? "record " + expectedSeq + " is missing before it (deleted)"
                        : "records " + expectedSeq + " to " + (r.seq() - 1) + " are missing before it (deleted)"));
            } else if (r.seq() < expectedSeq) {
                findings.add(new Finding(chain, r.seq(), "comes after record " + (expectedSeq - 1)
                        + ": numbered out of order (records moved, inserted or repeated)"));
            }
            expectedSeq = Math.max(expectedSeq, r.seq() + 1);
            Long amount = null;
            if (tickets) {
                try {
                    amount = TicketFigures.of(r.body()).totalCents();
                } catch (IllegalArgumentException e) {
                    findings.add(new Finding(chain, r.seq(), "its content is not a readable ticket (" + e.getMessage() + ")"));
                }
            }
            if (!r.signed()) {
                if (seenSigned) {
                    findings.add(new Finding(chain, r.seq(), "is not signed, after signed records (inserted)"));
                } else {
                    legacy.add(r);
                    if (perpetual != null && amount != null) {
                        perpetual += amount;
                    }
                }
                continue;
            }
            signed++;
            String expectedPrevious = seenSigned ? previous
                    : legacy.isEmpty() ? FiscalRecord.GENESIS
                    : FiscalRecord.LEGACY_PREFIX + legacyDigest(legacy);
            if (!seenSigned && !legacy.isEmpty() && !expectedPrevious.equals(r.previousSignature())) {
                findings.add(new Finding(chain, r.seq(), "the unsigned records before it (written before records were signed) "
                        + "are not the ones it was chained to (changed, removed or added)"));
            } else if (expectedPrevious != null && !expectedPrevious.equals(r.previousSignature())) {
                findings.add(new Finding(chain, r.seq(), "does not follow the record before it: a record was removed, "
                        + "inserted or moved here"));
            }
            seenSigned = true;
            PublicKey key = keys.get(r.keyId());
            if (key == null) {
                findings.add(new Finding(chain, r.seq(), "is signed with key " + r.keyId() + ", which is not one of the terminal's keys"));
            } else if (!trusted.isEmpty() && !trusted.contains(r.keyId())) {
                findings.add(new Finding(chain, r.seq(), "is signed with key " + r.keyId() + ", not with the key given to check against"));
            } else if (signatureChecked.test(r)) {
                toCheck.add(r);
            }
            if (tickets) {
                Long expected = perpetual == null || amount == null ? null : perpetual + amount;
                if (r.perpetualCents() == null) {
                    findings.add(new Finding(chain, r.seq(), "a ticket without its perpetual grand total"));
                } else if (expected != null && expected.longValue() != r.perpetualCents()) {
                    findings.add(new Finding(chain, r.seq(), "perpetual grand total " + r.perpetualCents() + " does not add up: "
                            + "the tickets before it and its own total make " + expected));
                }
                perpetual = r.perpetualCents();
            }
            previous = r.signature();
        }
        toCheck.parallelStream()
                .filter(r -> !SigningKey.verify(keys.get(r.keyId()), r.signedText().getBytes(StandardCharsets.UTF_8), decode(r.signature())))
                .map(r -> new Finding(chain, r.seq(), "has been altered: its signature does not match its content"))
                .sequential().forEach(findings::add);
        findings.sort(java.util.Comparator.comparing((Finding f) -> f.seq() == null ? Long.MAX_VALUE : f.seq()));
        return new Result(chain, asStored.size(), signed, findings);
    }

    /** The digest that binds a chain's unsigned records (written before records were signed) to its first signed one. */
    public static String legacyDigest(List<FiscalRecord> unsigned) {
        StringBuilder b = new StringBuilder();
        for (FiscalRecord r : unsigned) {
            b.append(new FiscalRecord(r.chain(), r.seq(), r.recordedAt(), r.kind(), r.staffId(), r.format(), r.body(),
                    null, null, null, null).signedText()).append('\n');
        }
        return FiscalRecord.sha256Hex(b.toString());
    }

    private static byte[] decode(String base64) {
        try {
            return Base64.getDecoder().decode(base64);
        } catch (IllegalArgumentException e) {
            return new byte[0];
        }
    }
}
