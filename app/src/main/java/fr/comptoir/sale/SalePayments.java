package fr.comptoir.sale;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Takes the payments of a sale so that none is ever taken twice: each is journaled as asked before the
 * card terminal or the platform hears of it, under a reference that stays the same at every retry, and
 * settled from the answer at once, on the thread that received it. When an answer is lost (time-out,
 * network, a crash of the till) the payment stays "asked" until {@link #resume} finds out what became of
 * it: the terminal is asked about its reference, a gift card redemption is sent again with its key (the
 * platform answers with the first redemption if it made one). Blocking (disk, terminal, network): off the
 * JavaFX thread.
 */
public final class SalePayments {

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(SalePayments.class);

    private final PaymentJournal journal;
    private final PaymentTerminal terminal;
    private final GiftCards giftCards;

    public SalePayments(PaymentJournal journal, PaymentTerminal terminal, GiftCards giftCards) {
        this.journal = journal;
        this.terminal = terminal;
        this.giftCards = giftCards;
    }

    /**
     * Where the sale's payments stand.
     *
     * @param taken      payments taken, to count as paid
     * @param unresolved payments asked whose outcome is still unknown: nothing else may be taken until they are known
     */
    public record Standing(List<Payment> taken, List<PaymentJournal.Intent> unresolved) {
        public long takenCents() {
            return taken.stream().mapToLong(Payment::amountCents).sum();
        }

    }

    /** The sale's payments, after trying to settle every one still asked. */
    public Standing resume(String saleId) {
        for (PaymentJournal.Intent i : journal.of(saleId)) {
            if (i.state() == PaymentJournal.State.ASKED) {
                settleAsked(i);
            }
        }
        return standing(saleId);
    }

    /**
     * The sale's payments as journaled, without asking anyone. Cash is one payment, net of what was handed
     * back (a cash payment taken by mistake and removed leaves nothing); each journal entry stays.
     */
    public Standing standing(String saleId) {
        List<Payment> taken = new ArrayList<>();
        List<PaymentJournal.Intent> unresolved = new ArrayList<>();
        long cash = 0;
        int cashAt = -1;
        for (PaymentJournal.Intent i : journal.of(saleId)) {
            if (i.state() == PaymentJournal.State.APPROVED) {
                if (i.payment().tender() == Payment.Tender.CASH) {
                    cash += i.payment().amountCents();
                    cashAt = cashAt < 0 ? taken.size() : cashAt;
                } else {
                    taken.add(i.payment());
                }
            } else if (i.state() == PaymentJournal.State.ASKED) {
                unresolved.add(i);
            }
        }
        if (cashAt >= 0 && cash != 0) {
            // Where the first cash was taken, so that the payments keep their order.
            taken.add(cashAt, Payment.cash(cash));
        }
        return new Standing(List.copyOf(taken), List.copyOf(unresolved));
    }

    /**
     * The cash taken for this sale, handed back (a quick-cash button touched by mistake, a customer who pays
     * by card after all): journaled as cash given back, before the sale is recorded. Cards and gift cards are
     * not undone here: they are refunded.
     *
     * @return the amount handed back
     * @throws IllegalStateException "no-cash" when no cash was taken for the sale
     */
    public long removeCash(String saleId) {
        long cash = standing(saleId).taken().stream().filter(p -> p.tender() == Payment.Tender.CASH).mapToLong(Payment::amountCents).sum();
        if (cash <= 0) {
            throw new IllegalStateException("no-cash");
        }
        journal.taken(saleId, Payment.cash(-cash));
        return cash;
    }

    private void settleAsked(PaymentJournal.Intent i) {
        try {
            switch (i.tender()) {
                case CARD -> settleCard(i, terminal.status(i.reference()));
                case GIFT_CARD -> redeem(i, i.detail());
                case CASH -> journal.approve(i.id(), Payment.cash(i.amountCents()));
                case ONLINE -> journal.approve(i.id(), Payment.onlineRefund(-i.amountCents(), i.detail()));
                case STORE_CREDIT -> issue(i, i.detail());
            }
        } catch (GiftCards.Refused refused) {
            LOG.info("Gift card payment {} of sale {} refused on resume: {}", i.reference(), i.saleId(), refused.getMessage());
        } catch (RuntimeException stillUnknown) {
            // The terminal or the platform cannot say yet: the payment stays unresolved, and the screen says so.
            LOG.warn("Payment {} of sale {} still unresolved: {}", i.reference(), i.saleId(), stillUnknown.toString());
        }
    }

    /** Cash kept in the drawer (or, negative, handed back for a refund), journaled before the till counts it. */
    public Payment cash(String saleId, long keptCents) {
        if (keptCents == 0) {
            throw new IllegalArgumentException("cash-amount");
        }
        Payment p = Payment.cash(keptCents);
        journal.taken(saleId, p);
        return p;
    }

    /**
     * Refunds {@code cents} on the online payment of the web or app order {@code orderNumber}: journaled with the
     * ticket, carried out by the platform when it records the return (nothing to ask now, offline too).
     */
    public Payment onlineRefund(String saleId, long cents, String orderNumber) {
        if (cents <= 0) {
            throw new IllegalArgumentException("refund-amount");
        }
        PaymentJournal.Intent intent = journal.ask(saleId, Payment.Tender.ONLINE, -cents, orderNumber);
        Payment p = Payment.onlineRefund(cents, orderNumber);
        journal.approve(intent.id(), p);
        return p;
    }

    /**
     * Refunds {@code cents} as store credit issued by the platform (online only), for the customer named if any:
     * journaled first, issued once per payment reference (sent again after a crash), its number kept with the
     * payment for the receipt. Throws {@link GiftCards.Refused} or {@link GiftCards.Unavailable}.
     */
    public Payment storeCredit(String saleId, long cents, String customerId) {
        if (cents <= 0) {
            throw new IllegalArgumentException("refund-amount");
        }
        return issue(journal.ask(saleId, Payment.Tender.STORE_CREDIT, -cents, customerId), customerId);
    }

    private Payment issue(PaymentJournal.Intent intent, String customerId) {
        String number;
        try {
            number = giftCards.issueCredit(-intent.amountCents(), intent.saleId(), customerId, intent.reference());
        } catch (GiftCards.Refused refused) {
            journal.refuse(intent.id(), refused.getMessage());
            throw refused;
        }
        Payment p = new Payment(Payment.Tender.STORE_CREDIT, intent.amountCents(), "****" + number.substring(Math.max(0, number.length() - 4)),
                null, number);
        journal.approve(intent.id(), p);
        return p;
    }

    /**
     * Charges the card. A time-out is followed at once by asking the terminal what became of the payment;
     * only when the terminal cannot say either is {@link PaymentTerminal.Outcome.TimedOut} returned, and the
     * payment stays unresolved (see {@link #resume}).
     */
    public PaymentTerminal.Outcome card(String saleId, long amountCents) {
        if (amountCents <= 0) {
            throw new IllegalArgumentException("card-amount");
        }
        PaymentJournal.Intent intent = journal.ask(saleId, Payment.Tender.CARD, amountCents, null);
        PaymentTerminal.Outcome outcome = terminal.charge(amountCents, intent.reference());
        if (outcome instanceof PaymentTerminal.Outcome.TimedOut) {
            outcome = terminal.status(intent.reference());
        }
        return settleCard(intent, outcome);
    }

    /**
     * Gives {@code amountCents} back to the card presented (a return): journaled as a negative card payment
     * before the terminal is asked, looked up like a charge when its answer is lost.
     */
    public PaymentTerminal.Outcome cardRefund(String saleId, long amountCents) {
        if (amountCents <= 0) {
            throw new IllegalArgumentException("refund-amount");
        }
        PaymentJournal.Intent intent = journal.ask(saleId, Payment.Tender.CARD, -amountCents, null);
        PaymentTerminal.Outcome outcome = terminal.refund(amountCents, intent.reference());
        if (outcome instanceof PaymentTerminal.Outcome.TimedOut) {
            outcome = terminal.status(intent.reference());
        }
        return settleCard(intent, outcome);
    }

    private PaymentTerminal.Outcome settleCard(PaymentJournal.Intent intent, PaymentTerminal.Outcome outcome) {
        if (outcome instanceof PaymentTerminal.Outcome.Approved a) {
            journal.approve(intent.id(), new Payment(Payment.Tender.CARD, intent.amountCents(), a.maskedPan(), a.authorisationCode(),
                    a.terminalReference()));
        } else if (outcome instanceof PaymentTerminal.Outcome.Declined d) {
            journal.refuse(intent.id(), "declined: " + d.reason());
        } else if (outcome instanceof PaymentTerminal.Outcome.Cancelled) {
            journal.refuse(intent.id(), "cancelled by the customer");
        } else if (outcome instanceof PaymentTerminal.Outcome.NotFound) {
            journal.refuse(intent.id(), "never reached the terminal");
            // Nothing was charged: to the person at the till this is a payment that did not go through.
            return new PaymentTerminal.Outcome.Cancelled();
        }
        return outcome;
    }

    /**
     * Pays with a gift card or store credit (online only): at most what is left and what the card holds.
     * Throws when the card is unknown or empty, or the platform cannot be reached; in the last case a
     * redemption that was sent stays unresolved until {@link #resume} sends it again.
     *
     * @return the payment taken
     */
    public Payment giftCard(String saleId, String number, long amountCents, long remainingCents) {
        String n = number == null ? "" : number.strip().toUpperCase(Locale.ROOT);
        if (!n.matches("[A-Z0-9\\-]{6,32}")) {
            throw new IllegalArgumentException("gift-card-number");
        }
        long balance = giftCards.balance(n);
        long amount = Math.min(Math.min(amountCents, remainingCents), balance);
        if (amount <= 0) {
            throw new IllegalArgumentException("gift-card-empty");
        }
        return redeem(journal.ask(saleId, Payment.Tender.GIFT_CARD, amount, n), n);
    }

    private Payment redeem(PaymentJournal.Intent intent, String number) {
        String redemption;
        try {
            redemption = giftCards.redeem(number, intent.amountCents(), intent.saleId(), intent.reference());
        } catch (GiftCards.Refused refused) {
            journal.refuse(intent.id(), refused.getMessage());
            throw refused;
        }
        // The card's number is a bearer value: only its last digits are kept, as for bank cards.
        Payment p = new Payment(Payment.Tender.GIFT_CARD, intent.amountCents(), "****" + number.substring(number.length() - 4), null, redemption);
        journal.approve(intent.id(), p);
        return p;
    }
}
