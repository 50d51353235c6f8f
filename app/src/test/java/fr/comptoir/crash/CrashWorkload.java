package fr.comptoir.crash;

import fr.comptoir.AppContext;
import fr.comptoir.DeviceConfig;
import fr.comptoir.catalog.Gtin;
import fr.comptoir.catalog.VariantInfo;
import fr.comptoir.comptoirapi.RetryPolicy;
import fr.comptoir.customers.ClientelingService;
import fr.comptoir.demo.DemoSize;
import fr.comptoir.sale.Basket;
import fr.comptoir.sale.BasketAutosave;
import fr.comptoir.sale.BasketLine;
import fr.comptoir.sale.Checkout;
import fr.comptoir.sale.GiftCards;
import fr.comptoir.sale.ReceiptEmail;
import fr.comptoir.sale.SaleCompletion;
import fr.comptoir.sale.SalePayments;
import fr.comptoir.sale.SaleRecord;
import fr.comptoir.sale.SaleRecovery;
import fr.comptoir.sale.TillAudit;
import fr.comptoir.sale.TillEvent;
import fr.comptoir.sync.SyncEngine;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;

/**
 * The child process of the crash harness: a till that sells as fast as it can through the app's real
 * code (basket and its autosave, payments journaled then asked, sale completion, clienteling edits, new
 * customers, till events, e-mailed receipts) while sync delivers in the background, until it is killed.
 * At start it does what the screens do after a crash: the sale in progress comes back and is completed
 * as the same sale, its payments counted, never asked again.
 *
 * <p>Each purchase carries a marker (its first line's price, {@link #MARKER_BASE} + its number), so the
 * harness can tell one purchase recorded twice under two sale ids from two purchases. The next purchase's
 * number comes from what the journal holds, never from memory.
 *
 * <p>Arguments: {@code home platformUrl seed mode}; mode {@code run} (until killed) or {@code finish}
 * (complete what is in progress, deliver everything, then exit 0).
 */
public final class CrashWorkload {

    static final long MARKER_BASE = 100_000;
    static final String GIFT_CARD = "GC-9999-0001";
    static final String STAFF = "stf-par01-2";

    public static void main(String[] args) throws Exception {
        Path home = Path.of(args[0]);
        String url = args[1];
        SplittableRandom random = new SplittableRandom(Long.parseLong(args[2]));
        boolean finish = args[3].equals("finish");
        AppContext.Options options = new AppContext.Options(DemoSize.TINY,
                new SyncEngine.Settings(500, Duration.ofHours(1), Duration.ofMillis(150), Duration.ofMillis(200), Duration.ofHours(1)),
                new RetryPolicy(2, Duration.ofMillis(5), Duration.ofMillis(20)), 0, Duration.ofSeconds(2));
        AppContext ctx = AppContext.open(home, Clock.systemUTC(), options);
        if (ctx.device().isEmpty()) {
            ctx.activate(url, "DEMO");
        }
        ctx.connect();
        DeviceConfig d = ctx.device().orElseThrow();
        // As the app does: nobody sells before the store's data has arrived once.
        while (!ctx.sync().status().initialSyncDone()) {
            ctx.sync().syncOnce();
        }
        if (!finish) {
            ctx.sync().start();
        }
        Till till = new Till(ctx, d, random);
        till.recoverSaleInProgress(finish);
        System.out.println("READY");
        System.out.flush();
        if (finish) {
            deliverEverything(ctx);
            ctx.close();
            System.out.println("FINISHED");
            System.exit(0);
        }
        while (true) {
            till.onePurchase();
        }
    }

    private static void deliverEverything(AppContext ctx) throws InterruptedException {
        for (int i = 0; i < 600; i++) {
            SyncEngine.Report r = ctx.sync().syncOnce();
            if (r.pendingWrites() == 0) {
                return;
            }
            Thread.sleep(100);
        }
        throw new IllegalStateException("writes still pending after the finish: " + ctx.outbox().pendingCount());
    }

    /** One till, as the screens drive it. */
    static final class Till {
        final AppContext ctx;
        final DeviceConfig device;
        final SplittableRandom random;
        final Basket basket = new Basket();
        final BasketAutosave autosave;
        final SalePayments money;
        final SaleCompletion.Seller seller;
        final ClientelingService.Author author;
        final TillAudit audit;
        final List<VariantInfo> catalogue;

        Till(AppContext ctx, DeviceConfig device, SplittableRandom random) {
            this.ctx = ctx;
            this.device = device;
            this.random = random;
            this.autosave = new BasketAutosave(ctx.parkedSales(), ctx.clock(), e -> {
                throw new IllegalStateException("autosave failed", e);
            });
            this.money = ctx.salePayments();
            String code = ctx.staffDirectory().store(device.storeId()).map(fr.comptoir.stores.Store::code).orElse("ST");
            this.seller = new SaleCompletion.Seller(device.storeId(), code, device.deviceId(), STAFF, "Léo Martin");
            this.author = new ClientelingService.Author(STAFF, "Léo Martin", device.storeId());
            this.audit = TillAudit.journaled(ctx.journal(), ctx.clock(), device.storeId(), device.deviceId(), STAFF);
            this.catalogue = java.util.stream.IntStream.rangeClosed(1, 20)
                    .mapToObj(i -> ctx.catalog().byCode(Gtin.withCheckDigit(String.format("376%09d", i)), device.storeId()))
                    .flatMap(Optional::stream).toList();
        }

        /** What the first sign-in after a crash does: the sale in progress comes back and is completed. */
        void recoverSaleInProgress(boolean finish) throws InterruptedException {
            if (Boolean.getBoolean("crash.transcript")) {
                ctx.parkedSales().inProgress().ifPresent(p -> System.out.println("SAVED " + p.saleId() + " at " + p.parkedAt() + " purchase "
                        + (p.lines().get(0).unitPriceCents() - MARKER_BASE) + " newest recorded " + nextPurchase()));
            }
            Optional<SaleRecovery.Recovered> recovered = new SaleRecovery(ctx.parkedSales(), ctx.paymentJournal(), money).recover();
            if (recovered.isPresent()) {
                basket.restore(recovered.get().sale());
                System.out.println("RESTORED " + basket.saleId() + " purchase " + (basket.lines().get(0).unitPriceCents() - MARKER_BASE));
            }
            autosave.watch(basket);
            if (!basket.lines().isEmpty()) {
                payAndComplete(finish);
            }
        }

        /** The number of the next purchase: one more than the newest the journal recorded. */
        long nextPurchase() {
            List<String> newest = ctx.journal().recentSales(1);
            return newest.isEmpty() ? 1 : marker(fr.comptoir.storage.CanonicalJson.codec().decode(newest.get(0), SaleRecord.class)) + 1;
        }

        static long marker(SaleRecord sale) {
            return sale.lines().get(0).unitPriceCents() - MARKER_BASE;
        }

        void onePurchase() throws InterruptedException {
            long k = nextPurchase();
            VariantInfo first = catalogue.get(random.nextInt(catalogue.size()));
            basket.add(new BasketLine(first.variantId(), first.sku(), first.label(), 1, MARKER_BASE + k, first.vatRateBasisPoints(), null,
                    first.category()));
            for (int i = random.nextInt(3); i > 0; i--) {
                VariantInfo v = catalogue.get(random.nextInt(catalogue.size()));
                basket.add(v.variantId(), v.sku(), v.label(), v.priceCents(), v.vatRateBasisPoints(), v.category(), 1 + random.nextInt(2));
            }
            SaleRecord sale = payAndComplete(false);
            // Other writes of the shift, now and then, each told to the platform once.
            switch (random.nextInt(6)) {
                case 0 -> ctx.clienteling().addNote("cus-" + (1 + random.nextInt(100)), "crash note " + k, author);
                case 1 -> ctx.clienteling().create("Crash", "Client " + k, "crash-" + k + "@example.fr", null, true, false, true, author);
                case 2 -> audit.record(TillEvent.Type.DRAWER_OPENED, "stf-par01-1", 0, "crash " + k);
                case 3 -> new ReceiptEmail(ctx.journal()).send(sale, "crash-receipt-" + k + "@example.fr", "fr", STAFF);
                case 4 -> handOverAPickup();
                default -> {
                }
            }
            ctx.sync().requestDelivery();
        }

        /**
         * The pickup desk, offline as far as it knows: the next current order of the queue, verified by its code, all
         * of it handed over. After a kill between the hand-over's commit and the cache's update, the cache still says
         * ready: the desk refuses that round again ({@code pickup.alreadyHandedOverHere}) and takes the next order.
         */
        void handOverAPickup() {
            fr.comptoir.pickups.PickupDesk desk = ctx.pickupDesk();
            java.time.Instant now = java.time.Instant.now();
            for (fr.comptoir.pickups.PickupQueue.Tab tab : List.of(fr.comptoir.pickups.PickupQueue.Tab.READY,
                    fr.comptoir.pickups.PickupQueue.Tab.PARTLY_COLLECTED)) {
                for (fr.comptoir.pickups.PickupQueue.Row row : ctx.pickupQueue().tab(tab, now, 100)) {
                    if (row.overdue()) {
                        continue;
                    }
                    fr.comptoir.pickups.Pickup p = ctx.pickupQueue().pickup(row.orderId()).orElseThrow();
                    String code = fr.comptoir.demo.DemoDataGenerator.demoPickupCode(p.orderNumber());
                    List<fr.comptoir.pickups.PickupMoney.LineOutcome> all = p.lines().stream().filter(l -> l.open() > 0)
                            .map(l -> new fr.comptoir.pickups.PickupMoney.LineOutcome(l.lineId(), l.open(), 0, null)).toList();
                    if (fr.comptoir.pickups.PickupMoney.settle(p, all).dueCents() > 0) {
                        continue;
                    }
                    try {
                        desk.handOver(p, new fr.comptoir.pickups.Handover.HandoverVerification(fr.comptoir.pickups.Handover.Method.PICKUP_CODE,
                                p.customer().fullName(), false, null, null), code, all, java.util.Map.of(), STAFF, null, true);
                        return;
                    } catch (fr.comptoir.pickups.PickupDesk.Refused alreadyHere) {
                        // Handed over before the kill; the cache has not heard yet: the next order.
                    }
                }
            }
        }

        /** The payment screen: the basket saved first, then tenders until paid, then the sale recorded once. */
        SaleRecord payAndComplete(boolean patient) throws InterruptedException {
            autosave.flush();
            String saleId = basket.saleId();
            long due = basket.totalCents();
            SalePayments.Standing standing = money.resume(saleId);
            while (!standing.unresolved().isEmpty()) {
                // "Check again" until the terminal or the platform can say.
                Thread.sleep(50);
                standing = money.resume(saleId);
            }
            long left = due - standing.takenCents();
            if (left > 0 && !patient) {
                switch (random.nextInt(4)) {
                    case 1 -> money.card(saleId, left);
                    case 2 -> money.card(saleId, Math.max(1, left / 2 - random.nextInt(5)));
                    case 3 -> {
                        try {
                            money.giftCard(saleId, GIFT_CARD, Math.max(1, left / 3), left);
                        } catch (GiftCards.Unavailable | GiftCards.Refused e) {
                            // Offline or refused: another tender.
                        }
                    }
                    default -> {
                    }
                }
                standing = money.resume(saleId);
                while (!standing.unresolved().isEmpty()) {
                    Thread.sleep(50);
                    standing = money.resume(saleId);
                }
                left = due - standing.takenCents();
            }
            if (left > 0) {
                money.cash(saleId, left);
            }
            Checkout paid = new Checkout(due, money.standing(saleId).taken(), 0);
            SaleRecord sale = ctx.saleCompletion().complete(saleId, basket.lines(), basket.customer(), basket.cartIds(), basket.deliveryAddress(),
                    paid, seller);
            System.out.println("RECORDED " + saleId + " purchase " + (basket.lines().get(0).unitPriceCents() - MARKER_BASE));
            basket.clear();
            return sale;
        }
    }
}
