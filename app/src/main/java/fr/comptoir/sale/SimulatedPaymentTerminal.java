package fr.comptoir.sale;

import java.util.concurrent.ThreadLocalRandom;

/**
 * A payment terminal for the demo and tests. The amount's last cents choose the answer, so that every
 * case can be shown at the counter: ...01 declined, ...02 cancelled by the customer, ...03 no answer
 * (time-out); anything else is approved after {@code delayMillis}.
 */
public final class SimulatedPaymentTerminal implements PaymentTerminal {

    private final long delayMillis;

    public SimulatedPaymentTerminal(long delayMillis) {
        this.delayMillis = delayMillis;
    }

    @Override
    public Outcome charge(long amountCents, String reference) {
        if (amountCents <= 0) {
            return new Outcome.Declined("invalid amount");
        }
        try {
            Thread.sleep(delayMillis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Outcome.TimedOut();
        }
        return switch ((int) (amountCents % 100)) {
            case 1 -> new Outcome.Declined("insufficient funds");
            case 2 -> new Outcome.Cancelled();
            case 3 -> new Outcome.TimedOut();
            default -> new Outcome.Approved("************" + (4000 + ThreadLocalRandom.current().nextInt(6000)),
                    String.format("%06d", ThreadLocalRandom.current().nextInt(1_000_000)), "SIM-" + reference);
        };
    }
}
