package fr.comptoir.pickups;

import fr.comptoir.common.OutboxWrite;
import fr.comptoir.common.StoreJournal;
import fr.comptoir.common.WriteKind;

import java.text.Normalizer;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * The pickup desk's work on one store's queue, online and offline (decision 0028). Every change is journaled
 * with its outbox entry in one transaction and delivered by the sync engine with its idempotency key; the
 * cache shows it at once ({@link PickupQueue#applyLocal}) until the platform's record comes back.
 *
 * <p>A hand-over is one round of an order: its key ({@link Handover#key}) makes this terminal unable to journal
 * the same round twice, whatever its cache says; another terminal's hand-over of that round is refused by the
 * platform and lands in the Sync screen's needs-attention list. Online, the order is freshened from the
 * platform first, so a hand-over made elsewhere is refused at the desk before anything is given.
 * Blocking (disk, PBKDF2, network): off the JavaFX thread.
 */
public final class PickupDesk {

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(PickupDesk.class);

    /** Wrong pickup codes for one order before a manager's PIN is needed. */
    public static final int WRONG_CODES_BEFORE_MANAGER = 3;

    /** A refusal the desk shows as it is (the key names the rule; its detail what the person needs). */
    public static final class Refused extends fr.comptoir.common.Refusal {
        public Refused(String key, String detail) {
            super(key, detail);
        }
    }

    /** What checking a code gave. */
    public enum CodeCheck { RIGHT, WRONG, LOCKED }

    /** What a hand-over journaled, and the order as the desk now shows it. */
    public record Done(Handover handover, Pickup after) {
    }

    private final PickupQueue queue;
    private final StoreJournal journal;
    private final Clock clock;
    private final String storeId;
    private final String deviceId;
    private final Function<String, Pickup> live;
    private final WrongCodes wrongCodes;
    private final fr.comptoir.common.JsonCodec json;

    /**
     * Wrong pickup codes per order, kept where a restart or leaving the screen does not forget them (the
     * terminal's settings): a wrong-code lock that a restart lifts would be no lock.
     */
    public interface WrongCodes {
        int count(String orderId);

        void set(String orderId, int count);

        /** Kept in memory only (tests). */
        static WrongCodes inMemory() {
            Map<String, Integer> counts = new ConcurrentHashMap<>();
            return new WrongCodes() {
                @Override
                public int count(String orderId) {
                    return counts.getOrDefault(orderId, 0);
                }

                @Override
                public void set(String orderId, int count) {
                    if (count <= 0) {
                        counts.remove(orderId);
                    } else {
                        counts.put(orderId, count);
                    }
                }
            };
        }
    }

    /**
     * @param live the platform's current record of an order (throws when it cannot be asked: the desk then
     *             goes on with its cache); null for a desk that never asks
     */
    public PickupDesk(PickupQueue queue, StoreJournal journal, fr.comptoir.common.JsonCodec json, Clock clock, String storeId, String deviceId,
                      Function<String, Pickup> live) {
        this(queue, journal, json, clock, storeId, deviceId, live, WrongCodes.inMemory());
    }

    /** @param json reads back the hand-overs this terminal journaled (as the outbox keeps them) */
    public PickupDesk(PickupQueue queue, StoreJournal journal, fr.comptoir.common.JsonCodec json, Clock clock, String storeId, String deviceId,
                      Function<String, Pickup> live, WrongCodes wrongCodes) {
        this.json = json;
        this.wrongCodes = wrongCodes;
        this.queue = queue;
        this.journal = journal;
        this.clock = clock;
        this.storeId = storeId;
        this.deviceId = deviceId;
        this.live = live;
    }

    /**
     * The order, freshened from the platform when it answers (its record replaces the cached one unless this
     * desk has a change of it not delivered yet), else as cached.
     *
     * @return the order, and whether it came from the platform just now
     */
    public Optional<Opened> open(String orderId) {
        Optional<Pickup> cached = queue.pickup(orderId);
        if (live != null && cached.isPresent() && !hasPendingChange(orderId)) {
            try {
                Pickup fresh = live.apply(orderId);
                if (fresh != null && fresh.orderId().equals(orderId)) {
                    queue.applyLocal(fresh);
                    return Optional.of(new Opened(fresh, true));
                }
            } catch (RuntimeException offline) {
                // The platform cannot be asked now: the cached record is what the desk works with (decision 0028).
                return Optional.of(new Opened(cached.get(), false));
            }
        }
        return cached.map(p -> new Opened(p, false));
    }

    /** An order opened at the desk; {@code live}: as the platform has it now, not only as cached. */
    public record Opened(Pickup pickup, boolean live) {
    }

    private boolean hasPendingChange(String orderId) {
        for (WriteKind kind : List.of(WriteKind.PICKUP_HANDOVER, WriteKind.PICKUP_READY, WriteKind.PICKUP_RETURN_TO_STOCK)) {
            for (String payload : journal.pendingPayloads(kind)) {
                if (payload.contains("\"orderId\":\"" + orderId + "\"")) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Checks a typed or scanned code against the order's hash, offline; after too many wrong ones, a manager. */
    public synchronized CodeCheck checkCode(Pickup p, String code) {
        int wrong = wrongCodes.count(p.orderId());
        if (wrong >= WRONG_CODES_BEFORE_MANAGER) {
            return CodeCheck.LOCKED;
        }
        if (PickupCode.matches(code, p)) {
            if (wrong > 0) {
                wrongCodes.set(p.orderId(), 0);
            }
            return CodeCheck.RIGHT;
        }
        wrongCodes.set(p.orderId(), wrong + 1);
        return wrong + 1 >= WRONG_CODES_BEFORE_MANAGER ? CodeCheck.LOCKED : CodeCheck.WRONG;
    }

    /** Wrong codes left before a manager is needed. */
    public int codesLeft(String orderId) {
        return Math.max(0, WRONG_CODES_BEFORE_MANAGER - wrongCodes.count(orderId));
    }

    /** A manager lets the desk try codes again for this order. */
    public void unlockCodes(String orderId) {
        wrongCodes.set(orderId, 0);
    }

    /**
     * Hands over one round of an order.
     *
     * @param code       the pickup code for a {@link Handover.Method#PICKUP_CODE} verification (checked here again,
     *                   never kept); ignored for an identity check
     * @param approvedBy the manager who approved, needed for an expired order
     * @throws Refused  when the order cannot be handed over this way (the key says why); nothing is journaled
     * @throws PickupMoney.Invalid when the outcomes do not fit the order
     */
    public Done handOver(Pickup p, Handover.HandoverVerification verification, String code, List<PickupMoney.LineOutcome> outcomes,
                         Map<String, Handover.Restock> restock, String staffId, String approvedBy, boolean offline) {
        Handover h = prepare(p, verification, code, outcomes, restock, staffId, approvedBy, offline);
        if (h.dueCents() > 0) {
            throw new Refused("pickup.balanceAtTill", p.orderNumber());
        }
        try {
            journal.appendWithOutbox(JOURNAL_EVENT, staffId, new OutboxWrite(WriteKind.PICKUP_HANDOVER, Handover.key(p.orderId(), h.round()),
                    orderKey(p.orderId()), h));
        } catch (RuntimeException e) {
            if (String.valueOf(e.getMessage()).contains("UNIQUE") || (e.getCause() != null && String.valueOf(e.getCause().getMessage()).contains("UNIQUE"))) {
                throw new Refused("pickup.alreadyHandedOverHere", p.orderNumber());
            }
            throw e;
        }
        return new Done(h, recorded(p, h));
    }

    /** What the journal calls a hand-over. */
    public static final String JOURNAL_EVENT = "pickup.handover";

    /** The record a pickup's writes are delivered in order with. */
    public static String orderKey(String orderId) {
        return "pickup:" + orderId;
    }

    /**
     * Checks and works out a hand-over without journaling it: for an order with a balance due, the till journals
     * it with the sale that takes the money ({@code Handover#settledBy}, decision 0029); then {@link #recorded}.
     *
     * @throws Refused  as {@link #handOver}, and when this terminal already journaled this round
     * @throws PickupMoney.Invalid when the outcomes do not fit the order
     */
    public Handover prepare(Pickup p, Handover.HandoverVerification verification, String code, List<PickupMoney.LineOutcome> outcomes,
                            Map<String, Handover.Restock> restock, String staffId, String approvedBy, boolean offline) {
        Instant now = clock.instant();
        boolean expired = p.status() == PickupStatus.EXPIRED || (p.expiresAt() != null && now.isAfter(Instant.parse(p.expiresAt())));
        switch (p.status()) {
            case TO_PREPARE -> throw new Refused("pickup.notReady", p.orderNumber());
            case COLLECTED -> throw new Refused("pickup.alreadyCollected", p.lastHandover() == null ? p.orderNumber() : p.lastHandover().at());
            case CANCELLED -> throw new Refused("pickup.cancelled", p.orderNumber());
            default -> { }
        }
        if (expired && (approvedBy == null || approvedBy.isBlank())) {
            throw new Refused("pickup.expiredNeedsManager", p.orderNumber());
        }
        verify(p, verification, code);
        PickupMoney.Settlement money = PickupMoney.settle(p, outcomes);
        if (outcomes.stream().allMatch(o -> o.collect() == 0 && o.refuse() == 0)) {
            throw new Refused("pickup.nothingChosen", null);
        }
        int round = p.handovers().size();
        List<Handover.HandoverLine> lines = outcomes.stream().filter(o -> o.collect() > 0 || o.refuse() > 0)
                .map(o -> new Handover.HandoverLine(o.lineId(), o.collect(), o.refuse(), o.reason(),
                        o.refuse() > 0 ? restock.getOrDefault(o.lineId(), Handover.Restock.SELLABLE) : null)).toList();
        if (pendingRound(p.orderId(), round)) {
            throw new Refused("pickup.alreadyHandedOverHere", p.orderNumber());
        }
        return new Handover("handover-" + UUID.randomUUID(), p.orderId(), p.orderNumber(), storeId, deviceId, staffId, now.toString(),
                round, verification, lines, money.dueCents(), money.refundCents(), approvedBy, offline, null);
    }

    /**
     * A hand-over journaled (here, or by the till with its balance): the cache shows the order as it now is, and
     * the wrong codes of the order are forgotten.
     *
     * @return the order as the desk now shows it
     */
    public Pickup recorded(Pickup p, Handover h) {
        Pickup after = applied(p, h);
        queue.applyLocal(after);
        if (wrongCodes.count(p.orderId()) > 0) {
            // Handed over (by identity after wrong codes): nothing left to count for this order.
            wrongCodes.set(p.orderId(), 0);
        }
        return after;
    }

    private boolean pendingRound(String orderId, int round) {
        String key = Handover.key(orderId, round);
        return journal.pendingPayloads(WriteKind.PICKUP_HANDOVER).stream().map(this::handoverOf)
                .anyMatch(h -> h != null && Handover.key(h.orderId(), h.round()).equals(key));
    }

    private Handover handoverOf(String payload) {
        try {
            return json.decode(payload, Handover.class);
        } catch (RuntimeException e) {
            LOG.warn("A pending hand-over could not be read back: it is left to the sync engine", e);
            return null;
        }
    }

    /**
     * Shows in the cache the hand-overs journaled here that the platform has not confirmed yet, when the cache
     * does not show them (a crash between the journal's commit and the cache's, or a hand-over journaled by the
     * till with its balance). Blocking (disk): off the JavaFX thread.
     *
     * @return how many orders were brought up to date
     */
    public int showPendingHandovers() {
        int shown = 0;
        List<Handover> pending = new ArrayList<>();
        journal.pendingPayloads(WriteKind.PICKUP_HANDOVER).forEach(payload -> {
            Handover h = handoverOf(payload);
            if (h != null) {
                pending.add(h);
            }
        });
        pending.sort(java.util.Comparator.comparingInt(Handover::round));
        for (Handover h : pending) {
            Optional<Pickup> cached = queue.pickup(h.orderId());
            if (cached.isPresent() && cached.get().handovers().size() == h.round()) {
                recorded(cached.get(), h);
                shown++;
            }
        }
        return shown;
    }

    private static void verify(Pickup p, Handover.HandoverVerification v, String code) {
        if (v == null || v.method() == null || v.collectorName() == null || v.collectorName().isBlank()) {
            throw new Refused("pickup.verificationRequired", null);
        }
        if (v.method() == Handover.Method.PICKUP_CODE) {
            if (!PickupCode.matches(code, p)) {
                throw new Refused("pickup.wrongCode", null);
            }
            return;
        }
        if (v.idDocument() == null || v.idDocumentEnd() == null || !v.idDocumentEnd().matches("[A-Za-z0-9]{2,4}")) {
            throw new Refused("pickup.idDocumentRequired", null);
        }
        if (v.proxy() && p.proxies().stream().noneMatch(n -> same(n, v.collectorName()))) {
            throw new Refused("pickup.proxyNotAllowed", v.collectorName());
        }
        if (!v.proxy() && p.customer() != null && !same(p.customer().fullName(), v.collectorName())) {
            throw new Refused("pickup.notTheCustomer", v.collectorName());
        }
    }

    private static boolean same(String a, String b) {
        return fold(a).equals(fold(b));
    }

    private static String fold(String s) {
        return Normalizer.normalize(s == null ? "" : s, Normalizer.Form.NFD).replaceAll("\\p{M}", "").toLowerCase(Locale.ROOT)
                .replaceAll("[^a-z0-9]+", " ").strip();
    }

    /** The order as it is after the hand-over, as the platform will have it. */
    private Pickup applied(Pickup p, Handover h) {
        Map<String, Handover.HandoverLine> byLine = new HashMap<>();
        h.lines().forEach(l -> byLine.put(l.lineId(), l));
        List<Pickup.PickupLine> lines = new ArrayList<>();
        for (Pickup.PickupLine l : p.lines()) {
            Handover.HandoverLine a = byLine.get(l.lineId());
            lines.add(a == null ? l : l.progressed(l.picked(), l.missing(), l.collected() + a.collected(), l.refused() + a.refused()));
        }
        boolean allDone = lines.stream().allMatch(l -> l.open() == 0);
        List<Pickup.PickupHandover> rounds = new ArrayList<>(p.handovers());
        rounds.add(new Pickup.PickupHandover(h.at(), deviceId, storeId, h.staffId()));
        return new Pickup(p.orderId(), p.orderNumber(), p.storeId(), allDone ? PickupStatus.COLLECTED : PickupStatus.PARTLY_COLLECTED,
                p.customerId(), p.customer(), p.proxies(), p.placedAt(), p.promisedAt(), p.readyAt(), p.expiresAt(), p.totalCents(),
                p.paidCents(), p.settledInStoreCents() + h.dueCents(), p.refundedCents() + h.refundCents(), p.shelf(),
                p.pickupCodeHash(), p.pickupCodeBucket(), lines, rounds, p.readyNoticeSentAt());
    }

    /** The order is prepared: its shelf, and per line the units missing (the rest were found). */
    public Pickup markReady(Pickup p, String shelf, Map<String, Integer> missing, String staffId) {
        if (p.status() != PickupStatus.TO_PREPARE && p.status() != PickupStatus.READY) {
            throw new Refused("pickup.notPreparable", p.orderNumber());
        }
        String where = shelf == null ? "" : shelf.strip().toUpperCase(Locale.ROOT);
        if (where.isEmpty() || where.length() > 12) {
            throw new Refused("pickup.shelfRequired", null);
        }
        List<PickupPrepared.PreparedLine> lines = new ArrayList<>();
        List<Pickup.PickupLine> after = new ArrayList<>();
        long refund = 0;
        for (Pickup.PickupLine l : p.lines()) {
            int m = missing.getOrDefault(l.lineId(), 0);
            if (m < 0 || m > l.quantity()) {
                throw new Refused("pickup.missingOutOfRange", l.name());
            }
            lines.add(new PickupPrepared.PreparedLine(l.lineId(), l.quantity() - m, m));
            refund += PickupMoney.worth(l, m);
            after.add(l.progressed(l.quantity() - m, m, l.collected(), l.refused()));
        }
        Instant now = clock.instant();
        PickupPrepared body = new PickupPrepared(p.orderId(), p.orderNumber(), deviceId, staffId, now.toString(), where, lines);
        journal.appendWithOutbox("pickup.ready", staffId, new OutboxWrite(WriteKind.PICKUP_READY,
                "pickup-ready:" + p.orderId() + ":" + UUID.randomUUID(), "pickup:" + p.orderId(), body));
        boolean nothingLeft = after.stream().allMatch(l -> l.missing() == l.quantity());
        boolean first = p.status() == PickupStatus.TO_PREPARE;
        Pickup ready = new Pickup(p.orderId(), p.orderNumber(), p.storeId(), nothingLeft ? PickupStatus.CANCELLED : PickupStatus.READY,
                p.customerId(), p.customer(), p.proxies(), p.placedAt(), p.promisedAt(), first ? now.toString() : p.readyAt(),
                first ? now.plus(java.time.Duration.ofDays(7)).toString() : p.expiresAt(), p.totalCents(), p.paidCents(),
                p.settledInStoreCents(), first ? Math.min(p.paidCents() + p.settledInStoreCents(), p.refundedCents() + refund) : p.refundedCents(),
                where, p.pickupCodeHash(), p.pickupCodeBucket(), first ? after : p.lines(), p.handovers(),
                first ? now.toString() : p.readyNoticeSentAt());
        queue.applyLocal(ready);
        return ready;
    }

    /**
     * E-mails the receipt of a hand-over (through the platform, once, offline too: it leaves when the platform
     * is back, after its hand-over).
     */
    public void emailReceipt(Handover h, String email, String language, String staffId) {
        if (!fr.comptoir.common.EmailAddresses.looksValid(email)) {
            throw new Refused("pickup.invalidEmail", email);
        }
        journal.appendWithOutbox("pickup.receipt-email", staffId, new OutboxWrite(WriteKind.PICKUP_RECEIPT_EMAIL,
                "pickup-receipt-email:" + h.orderId() + ":" + h.round() + ":" + UUID.randomUUID(), "pickup:" + h.orderId(),
                new HandoverReceiptEmail(h.orderId(), h.orderNumber(), h.round(), email.strip(), language)));
    }

    /** "Your order is ready" sent again (e-mail and SMS as the customer consented). */
    public void resendNotice(Pickup p, String staffId) {
        if (p.status() != PickupStatus.READY && p.status() != PickupStatus.PARTLY_COLLECTED) {
            throw new Refused("pickup.notReady", p.orderNumber());
        }
        journal.appendWithOutbox("pickup.notice", staffId, new OutboxWrite(WriteKind.PICKUP_NOTICE, "pickup-notice:" + UUID.randomUUID(),
                "pickup:" + p.orderId(), new PickupDeskAction(p.orderId(), p.orderNumber(), deviceId, staffId, clock.instant().toString(), null)));
    }

    /** An expired order cancelled and its items put back on sale, with a manager's approval. */
    public Pickup returnToStock(Pickup p, String staffId, String approvedBy) {
        Instant now = clock.instant();
        boolean expired = p.status() == PickupStatus.EXPIRED || (p.expiresAt() != null && now.isAfter(Instant.parse(p.expiresAt())));
        if (!expired || p.status() == PickupStatus.COLLECTED || p.status() == PickupStatus.CANCELLED) {
            throw new Refused("pickup.notExpired", p.expiresAt());
        }
        if (approvedBy == null || approvedBy.isBlank()) {
            throw new Refused("pickup.returnNeedsManager", null);
        }
        journal.appendWithOutbox("pickup.return-to-stock", staffId, new OutboxWrite(WriteKind.PICKUP_RETURN_TO_STOCK,
                "pickup-return:" + p.orderId(), "pickup:" + p.orderId(),
                new PickupDeskAction(p.orderId(), p.orderNumber(), deviceId, staffId, now.toString(), approvedBy)));
        Pickup cancelled = new Pickup(p.orderId(), p.orderNumber(), p.storeId(), PickupStatus.CANCELLED, p.customerId(), p.customer(),
                p.proxies(), p.placedAt(), p.promisedAt(), p.readyAt(), p.expiresAt(), p.totalCents(), p.paidCents(),
                p.settledInStoreCents(), p.refundedCents(), p.shelf(), p.pickupCodeHash(), p.pickupCodeBucket(), p.lines(), p.handovers(),
                p.readyNoticeSentAt());
        queue.applyLocal(cancelled);
        return cancelled;
    }
}
