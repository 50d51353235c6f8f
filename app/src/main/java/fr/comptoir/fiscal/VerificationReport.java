package fr.comptoir.fiscal;

import java.util.ArrayList;
import java.util.List;

/** What checking a terminal's fiscal chains found: per chain, and about the journal or archive as a whole. */
public record VerificationReport(List<ChainVerifier.Result> chains, List<ChainVerifier.Finding> other) {

    public List<ChainVerifier.Finding> findings() {
        List<ChainVerifier.Finding> all = new ArrayList<>();
        chains.forEach(c -> all.addAll(c.findings()));
        all.addAll(other);
        return all;
    }

    public boolean ok() {
        return findings().isEmpty();
    }

    /** The report as the verifier prints it: one line per chain, then one per finding. */
    public List<String> lines() {
        List<String> lines = new ArrayList<>();
        for (ChainVerifier.Result r : chains) {
            lines.add(String.format("%-10s %7d records, %7d signed: %s", r.chain(), r.records(), r.signed(),
                    r.findings().isEmpty() ? "OK" : r.findings().size() + " problem(s)"));
        }
        for (ChainVerifier.Finding f : findings()) {
            lines.add("PROBLEM " + f);
        }
        lines.add(ok() ? "Verified: every record is in place, unaltered, signed and chained." : "NOT VERIFIED: " + findings().size() + " problem(s).");
        return lines;
    }
}
