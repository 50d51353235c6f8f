package fr.comptoir.sale;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

/**
 * A payment terminal for the demo and tests. The amount's last cents choose the answer, so that every
 * case can be shown at the counter: ...01 declined, ...02 cancelled by the customer, ...03 the card is
 * charged but the answer never reaches the till (time-out; {@link #status} then finds the approval),
 * ...04 no answer and nothing charged (time-out; {@link #status} finds nothing); anything else is approved
 * after {@code delayMillis}. Refunds of amounts ending in ...01 are declined.
 *
 * <p>Like a real terminal it remembers its transactions on its own, apart from the till's journal: in a
 * ledger file written and flushed to disk before it answers, so that after the till crashes, asking it
 * what became of a reference still tells the truth. Thread-safe.
 */
public final class SimulatedPaymentTerminal implements PaymentTerminal {

    private final long delayMillis;
    private final Path ledger;
    private final Map<String, Outcome> known = new HashMap<>();

    /** A terminal that forgets everything when the process ends (view-model tests). */
    public SimulatedPaymentTerminal(long delayMillis) {
        this(delayMillis, null);
    }

    /** @param ledger the terminal's own memory (a file outside the till's journal), or null for none */
    public SimulatedPaymentTerminal(long delayMillis, Path ledger) {
        this.delayMillis = delayMillis;
        this.ledger = ledger;
        if (ledger != null) {
            load();
        }
    }

    @Override
    public Outcome charge(long amountCents, String reference) {
        Outcome refused = refusedAtOnce(amountCents, reference);
        if (refused != null) {
            return refused;
        }
        int cents = (int) (amountCents % 100);
        if (cents == 4) {
            return new Outcome.TimedOut();
        }
        Outcome outcome = switch (cents) {
            case 1 -> new Outcome.Declined("insufficient funds");
            case 2 -> new Outcome.Cancelled();
            default -> new Outcome.Approved("************" + (4000 + ThreadLocalRandom.current().nextInt(6000)),
                    String.format("%06d", ThreadLocalRandom.current().nextInt(1_000_000)), "SIM-" + reference);
        };
        remember("charge", reference, amountCents, outcome);
        return cents == 3 ? new Outcome.TimedOut() : outcome;
    }

    @Override
    public synchronized Outcome status(String reference) {
        return known.getOrDefault(reference, new Outcome.NotFound());
    }

    @Override
    public Outcome refund(long amountCents, String reference) {
        Outcome refused = refusedAtOnce(amountCents, reference);
        if (refused != null) {
            return refused;
        }
        Outcome outcome = amountCents % 100 == 1 ? new Outcome.Declined("refund refused by the card issuer")
                : new Outcome.Approved("************" + (4000 + ThreadLocalRandom.current().nextInt(6000)),
                        String.format("%06d", ThreadLocalRandom.current().nextInt(1_000_000)), "SIM-R-" + reference);
        remember("refund", reference, amountCents, outcome);
        return outcome;
    }

    /** Total charged and approved, in cents, as the terminal's own ledger says (tests, the crash harness). */
    public synchronized long approvedChargesCents() {
        return approvedCharges.values().stream().mapToLong(Long::longValue).sum();
    }

    private final Map<String, Long> approvedCharges = new HashMap<>();

    /**
     * What the terminal answers before the customer does anything: a bad amount, a reference it already
     * took (a terminal never takes one twice: it answers what it did the first time), or no answer when
     * interrupted; null when the payment goes on.
     */
    private Outcome refusedAtOnce(long amountCents, String reference) {
        if (amountCents <= 0) {
            return new Outcome.Declined("invalid amount");
        }
        synchronized (this) {
            Outcome earlier = known.get(reference);
            if (earlier != null) {
                return earlier;
            }
        }
        return waited() ? null : new Outcome.TimedOut();
    }

    private boolean waited() {
        try {
            Thread.sleep(delayMillis);
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private synchronized void remember(String op, String reference, long amountCents, Outcome outcome) {
        if (ledger != null) {
            String line = String.join("\t", op, reference, Long.toString(amountCents), encode(outcome)) + "\n";
            try {
                Files.createDirectories(ledger.toAbsolutePath().getParent());
                try (FileChannel ch = FileChannel.open(ledger, StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.APPEND)) {
                    ch.write(ByteBuffer.wrap(line.getBytes(StandardCharsets.UTF_8)));
                    ch.force(true);
                }
            } catch (IOException e) {
                throw new UncheckedIOException("The payment terminal cannot keep its ledger", e);
            }
        }
        known.put(reference, outcome);
        if (op.equals("charge") && outcome instanceof Outcome.Approved) {
            approvedCharges.put(reference, amountCents);
        }
    }

    private void load() {
        if (!Files.exists(ledger)) {
            return;
        }
        try {
            for (String line : Files.readAllLines(ledger, StandardCharsets.UTF_8)) {
                String[] f = line.split("\t", -1);
                if (f.length < 4) {
                    continue; // the last line of a crash mid-write: that payment was never answered
                }
                Outcome o = decode(f, 3);
                known.put(f[1], o);
                if (f[0].equals("charge") && o instanceof Outcome.Approved) {
                    approvedCharges.put(f[1], Long.parseLong(f[2]));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("The payment terminal cannot read its ledger", e);
        }
    }

    private static String encode(Outcome o) {
        if (o instanceof Outcome.Approved a) {
            return "APPROVED\t" + a.maskedPan() + "\t" + a.authorisationCode() + "\t" + a.terminalReference();
        }
        if (o instanceof Outcome.Declined d) {
            return "DECLINED\t" + d.reason();
        }
        return o instanceof Outcome.Cancelled ? "CANCELLED" : "NOTFOUND";
    }

    private static Outcome decode(String[] f, int at) {
        return switch (f[at]) {
            case "APPROVED" -> f.length > at + 3 ? new Outcome.Approved(f[at + 1], f[at + 2], f[at + 3]) : new Outcome.NotFound();
            case "DECLINED" -> f.length > at + 1 ? new Outcome.Declined(f[at + 1]) : new Outcome.NotFound();
            case "CANCELLED" -> new Outcome.Cancelled();
            default -> new Outcome.NotFound();
        };
    }
}
