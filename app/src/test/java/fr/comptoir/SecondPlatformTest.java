package fr.comptoir;

import fr.comptoir.catalog.Gtin;
import fr.comptoir.catalog.Product;
import fr.comptoir.catalog.StockLevel;
import fr.comptoir.catalog.Variant;
import fr.comptoir.centralapi.CentralPlatform;
import fr.comptoir.centralapi.ChangeHandler;
import fr.comptoir.centralapi.DeliveryReceipt;
import fr.comptoir.centralapi.DeviceActivation;
import fr.comptoir.centralapi.Feed;
import fr.comptoir.centralapi.FeedPage;
import fr.comptoir.centralapi.FeedSummary;
import fr.comptoir.centralapi.PendingWrite;
import fr.comptoir.centralapi.PlatformHealth;
import fr.comptoir.customers.Customer;
import fr.comptoir.customers.OnlineCart;
import fr.comptoir.sale.BasketLine;
import fr.comptoir.sale.Checkout;
import fr.comptoir.sale.SaleCompletion;
import fr.comptoir.sale.SaleRecord;
import fr.comptoir.staff.PinHasher;
import fr.comptoir.staff.Role;
import fr.comptoir.staff.SignInResult;
import fr.comptoir.staff.StaffMember;
import fr.comptoir.stores.Store;
import fr.comptoir.testing.TestOptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Another central platform, in memory, opened through the same factory as the Commerce API: the app
 * activates on it, syncs from it, signs in, sells and delivers to it, and no feature or sync code knows
 * the difference (the Medusa connector will be one more factory).
 */
class SecondPlatformTest {

    @TempDir
    Path home;

    /** A platform with one store, one manager, one product and one customer; it keeps what it is told. */
    static class InMemoryPlatform implements CentralPlatform {
        final Map<Feed<?>, List<Object>> feeds = Map.of(
                Feed.STORES, List.of(new Store("st-mem", "MEM", "Magasin en mémoire", "Lyon", Store.StoreType.STORE)),
                Feed.STAFF, List.of(new StaffMember("stf-mem-1", "st-mem", "Alix Mémoire", Role.MANAGER, PinHasher.hash("2468"), true)),
                Feed.PRODUCTS, List.of(new Product("prd-m", "REF-M", "Écharpe", "Maison", "Accessoires", 2000,
                        List.of(new Variant("prd-m-1", "REF-M-U", Gtin.withCheckDigit("376999000001"), null, "Rouge", 3_500)))),
                Feed.STOCK, List.of(new StockLevel("st-mem:prd-m-1", "prd-m-1", "st-mem", 12, 0)),
                Feed.CUSTOMERS, List.of(new Customer("cus-m", "Jeanne", "Mémoire", null, null, null, Customer.LoyaltyTier.NONE, 0, false, false,
                        "2024-01-01")));
        final List<PendingWrite> delivered = new ArrayList<>();

        @Override
        public PlatformHealth health() {
            return new PlatformHealth("in memory", "1");
        }

        @Override
        public DeviceActivation activate(String activationCode, String deviceName, String installationId,
                                         fr.comptoir.fiscal.SigningKeyRegistration signingKey) {
            return new DeviceActivation("dev-mem-" + installationId.substring(0, 8), "st-mem", "Magasin en mémoire", "token-mem");
        }

        @Override
        @SuppressWarnings("unchecked")
        public <T> FeedPage pull(Feed<T> feed, String cursor, int limit, boolean withRemaining, ChangeHandler<T> handler) {
            List<Object> records = feeds.getOrDefault(feed, List.of());
            int from = cursor == null ? 0 : Integer.parseInt(cursor);
            int to = Math.min(records.size(), from + limit);
            for (Object r : records.subList(from, to)) {
                handler.upsert((T) r);
            }
            return new FeedPage(Integer.toString(to), to < records.size(), to - from, records.size() - to);
        }

        @Override
        public List<FeedSummary> feedSummaries() {
            return List.of();
        }

        @Override
        public List<Customer> searchCustomers(String query, int limit) {
            return List.of();
        }

        @Override
        public List<StockLevel> liveStock(String variantId) {
            return List.of();
        }

        @Override
        public long giftCardBalance(String number) {
            return 0;
        }

        @Override
        public String redeemGiftCard(String number, long amountCents, String saleReference, String idempotencyKey) {
            throw new UnsupportedOperationException("no gift cards here");
        }

        @Override
        public List<OnlineCart> cartsOf(String customerId) {
            return List.of();
        }

        @Override
        public fr.comptoir.pickups.Pickup pickup(String orderId) {
            throw new UnsupportedOperationException("no click-and-collect here");
        }

        @Override
        public java.util.Map<String, Integer> returnedSoFar(String orderId) {
            throw new UnsupportedOperationException("no returns here");
        }

        @Override
        public String issueStoreCredit(long amountCents, String saleReference, String customerId, String idempotencyKey) {
            throw new UnsupportedOperationException("no store credit here");
        }

        @Override
        public synchronized DeliveryReceipt deliver(PendingWrite write, fr.comptoir.centralapi.WriteProgress progress) {
            boolean again = delivered.stream().anyMatch(w -> w.idempotencyKey().equals(write.idempotencyKey()));
            if (!again) {
                delivered.add(write);
            }
            return new DeliveryReceipt("{}", again);
        }
    }

    @Test
    void theAppActivatesSyncsSellsAndDeliversOnAnotherPlatformThroughTheSameFactory() {
        InMemoryPlatform platform = new InMemoryPlatform();
        List<String> addresses = new ArrayList<>();
        AppContext.Options options = TestOptions.fastTinyDemo().withPlatforms((address, credentials) -> {
            addresses.add(address);
            return platform;
        });
        try (AppContext ctx = AppContext.open(home, Clock.systemUTC(), options)) {
            DeviceConfig device = ctx.activate("memory:store", "ANY");
            assertThat(device.storeId()).isEqualTo("st-mem");
            ctx.connect();
            assertThat(ctx.sync().syncOnce().ok()).isTrue();
            assertThat(ctx.cache().counts()).containsEntry("products", 1L).containsEntry("customers", 1L).containsEntry("staff", 1L);
            assertThat(ctx.signIn().signIn("stf-mem-1", "2468")).isInstanceOf(SignInResult.SignedIn.class);

            var item = ctx.catalog().byCode(Gtin.withCheckDigit("376999000001"), "st-mem").orElseThrow();
            assertThat(item.availableHere()).isEqualTo(12);
            Checkout paid = new Checkout(item.priceCents());
            paid.payCash(5_000);
            SaleRecord sale = ctx.saleCompletion().complete("sale-mem-1", List.of(new BasketLine(item.variantId(), item.sku(), item.label(), 1,
                    item.priceCents(), item.vatRateBasisPoints(), null)), null, Set.of(), null, paid,
                    new SaleCompletion.Seller("st-mem", "MEM", device.deviceId(), "stf-mem-1", "Alix Mémoire"));
            assertThat(ctx.catalog().byCode(Gtin.withCheckDigit("376999000001"), "st-mem").orElseThrow().availableHere()).isEqualTo(11);

            assertThat(ctx.sync().drainOutbox()).isEqualTo(2);
            assertThat(platform.delivered).extracting(PendingWrite::kind).containsExactlyInAnyOrder(fr.comptoir.common.WriteKind.STAFF_EVENT.wire(), fr.comptoir.common.WriteKind.SALE_RECORDED.wire());
            assertThat(platform.delivered).anySatisfy(w -> assertThat(w.payloadJson()).contains(sale.ticketNumber()));
            assertThat(addresses).containsOnly("memory:store");
        }
    }

    /**
     * A platform without idempotency keys, on which a sale takes two requests (create the order, then capture
     * its payment), like Medusa v2. Doing the first step twice would make two orders.
     */
    static final class TwoStepPlatform extends InMemoryPlatform {
        final List<String> orders = new ArrayList<>();
        final List<String> captures = new ArrayList<>();
        boolean cutBeforeCapture = true;

        @Override
        public synchronized DeliveryReceipt deliver(PendingWrite write, fr.comptoir.centralapi.WriteProgress progress) {
            if (!write.kind().equals(fr.comptoir.common.WriteKind.SALE_RECORDED.wire())) {
                return super.deliver(write, progress);
            }
            String order = write.checkpoint();
            if (order == null) {
                order = "ord-" + (orders.size() + 1);
                orders.add(order);
                progress.save(order);
            }
            if (cutBeforeCapture) {
                cutBeforeCapture = false;
                throw new fr.comptoir.centralapi.CentralUnreachableException("network cut after the order was created", null);
            }
            captures.add(order);
            return new DeliveryReceipt("{}", false);
        }
    }

    @Test
    void aMultiStepWriteCutHalfwayResumesFromItsCheckpointEvenAfterARestart() {
        TwoStepPlatform platform = new TwoStepPlatform();
        AppContext.Options options = TestOptions.fastTinyDemo().withPlatforms((address, credentials) -> platform);
        String deviceId;
        try (AppContext ctx = AppContext.open(home, Clock.systemUTC(), options)) {
            deviceId = ctx.activate("memory:store", "ANY").deviceId();
            ctx.connect();
            assertThat(ctx.sync().syncOnce().ok()).isTrue();
            var item = ctx.catalog().byCode(Gtin.withCheckDigit("376999000001"), "st-mem").orElseThrow();
            Checkout paid = new Checkout(item.priceCents());
            paid.payCash(item.priceCents());
            ctx.saleCompletion().complete("sale-two-steps", List.of(new BasketLine(item.variantId(), item.sku(), item.label(), 1,
                    item.priceCents(), item.vatRateBasisPoints(), null)), null, Set.of(), null, paid,
                    new SaleCompletion.Seller("st-mem", "MEM", deviceId, "stf-mem-1", "Alix Mémoire"));

            assertThat(ctx.sync().drainOutbox()).isZero();
            assertThat(platform.orders).containsExactly("ord-1");
            assertThat(platform.captures).isEmpty();
        }
        // The terminal restarts: what the first try did is known from the outbox alone.
        try (AppContext ctx = AppContext.open(home, Clock.systemUTC(), options)) {
            ctx.connect();
            ctx.outbox().makeDueNow();
            assertThat(ctx.sync().drainOutbox()).isEqualTo(1);
            assertThat(platform.orders).as("the order is not created a second time").containsExactly("ord-1");
            assertThat(platform.captures).containsExactly("ord-1");
            assertThat(ctx.outbox().pendingCount()).isZero();
        }
    }
}
