package fr.comptoir.comptoirapi;

import fr.comptoir.centralapi.CentralPlatform;
import fr.comptoir.centralapi.PendingWrite;
import fr.comptoir.centralapi.PlatformFactory;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.SimpleRequest;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.ValidationReport;
import fr.comptoir.AppContext;
import fr.comptoir.catalog.VariantInfo;
import fr.comptoir.customers.ClientelingService;
import fr.comptoir.customers.Customer;
import fr.comptoir.customers.OnlineCart;
import fr.comptoir.sale.Basket;
import fr.comptoir.sale.BasketLine;
import fr.comptoir.sale.CartTakeover;
import fr.comptoir.sale.Checkout;
import fr.comptoir.sale.ReceiptEmail;
import fr.comptoir.sale.SaleCompletion;
import fr.comptoir.sale.SaleRecord;
import fr.comptoir.sale.TillAudit;
import fr.comptoir.sale.TillEvent;
import fr.comptoir.sync.SyncEngine;
import fr.comptoir.testing.TestOptions;
import okhttp3.Interceptor;
import okhttp3.Response;
import okio.Buffer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.lang.reflect.Modifier;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the client really sends and what the demo platform really answers both follow
 * docs/commerce-api.yaml: the real features (activation, sync, sign-in, clienteling, a cart taken over,
 * a sale, a receipt e-mail, a till event, gift cards, live stock, central search) run over loopback
 * HTTP; every exchange is checked against the contract by an OpenAPI validator (path, method,
 * parameters, headers, request body schema, answer status and schema).
 */
class ContractConformanceTest {

    @TempDir
    Path home;

    /** One exchange as it went over the wire. */
    record Exchange(String method, String path, java.util.Map<String, List<String>> query, String contentType, String idempotencyKey,
                    String authorization, String body, int status, String answerType, String answer) {
        @Override
        public String toString() {
            return method + " " + path + " -> " + status;
        }
    }

    /** Records every exchange the client makes, as sent and as answered. */
    static final class Recorder implements Interceptor {
        final List<Exchange> exchanges = Collections.synchronizedList(new ArrayList<>());

        @Override
        public Response intercept(Chain chain) throws IOException {
            okhttp3.Request request = chain.request();
            String body = null;
            String contentType = null;
            if (request.body() != null) {
                Buffer buffer = new Buffer();
                request.body().writeTo(buffer);
                body = buffer.readUtf8();
                contentType = request.body().contentType() == null ? null : request.body().contentType().toString();
            }
            java.util.Map<String, List<String>> query = new java.util.LinkedHashMap<>();
            for (String name : request.url().queryParameterNames()) {
                query.put(name, request.url().queryParameterValues(name));
            }
            Response response = chain.proceed(request);
            String answer = response.peekBody(Long.MAX_VALUE).string();
            exchanges.add(new Exchange(request.method(), request.url().encodedPath(), query, contentType, request.header("Idempotency-Key"),
                    request.header("Authorization"), body, response.code(), response.header("Content-Type"), answer));
            return response;
        }
    }

    @Test
    void everyExchangeOfTheRealFeaturesFollowsTheContract() throws Exception {
        Recorder recorder = new Recorder();
        Set<String> called = ConcurrentHashMap.newKeySet();
        Set<String> delivered = ConcurrentHashMap.newKeySet();
        AppContext.Options options = TestOptions.fastTinyDemo().withPlatforms((address, credentials) -> {
            CentralPlatform http = new HttpCentralPlatform(address, () -> {
                PlatformFactory.Credentials c = credentials.get();
                return c == null ? null : new HttpCentralPlatform.Credentials(c.storeId(), c.accessToken());
            }, HttpCentralPlatform.defaultClient().newBuilder().addInterceptor(recorder).build(), TestOptions.fastTinyDemo().retryPolicy());
            // Notes which operations of the port the scenario went through.
            return (CentralPlatform) Proxy.newProxyInstance(CentralPlatform.class.getClassLoader(), new Class<?>[]{CentralPlatform.class},
                    (proxy, method, args) -> {
                        called.add(method.getName());
                        if (args != null && args.length >= 1 && args[0] instanceof PendingWrite w) {
                            delivered.add(w.kind());
                        }
                        try {
                            return method.invoke(http, args);
                        } catch (InvocationTargetException e) {
                            throw e.getCause();
                        }
                    });
        });

        try (AppContext first = AppContext.open(home, Clock.systemUTC(), options)) {
            first.activateDemo();
        }
        // A terminal activated by a version that did not sign (or whose key was lost) makes a key and registers
        // it through the outbox.
        try (var files = java.nio.file.Files.walk(home.resolve(fr.comptoir.fiscal.SigningKey.FOLDER))) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
        }
        try (AppContext ctx = AppContext.open(home, Clock.systemUTC(), options)) {
            ctx.connect();
            assertThat(ctx.sync().syncOnce().ok()).isTrue();
            String storeId = ctx.device().orElseThrow().storeId();
            String deviceId = ctx.device().orElseThrow().deviceId();
            String staffId = "stf-par01-2";

            // Reads made on the associate's behalf.
            assertThat(ctx.central().health()).isNotNull();
            assertThat(ctx.central().feedSummaries()).isNotEmpty();
            assertThat(ctx.centralCustomerSearch("martin")).isNotEmpty();
            VariantInfo item = ctx.catalog().search("pull", storeId, 1).get(0);
            assertThat(ctx.liveStockElsewhere(item.variantId(), storeId)).isPresent();
            assertThat(ctx.giftCards().balance("GC-1000-0002")).isEqualTo(2000);
            assertThat(ctx.giftCards().redeem("GC-1000-0002", 500, "sale-gift", "key-gift")).isNotEmpty();

            // Every kind of write, made by the feature that makes it.
            assertThat(ctx.signIn().signIn(staffId, "1234")).isInstanceOf(fr.comptoir.staff.SignInResult.SignedIn.class);
            ClientelingService.Author author = new ClientelingService.Author(staffId, "Léo Martin", storeId);
            ClientelingService clienteling = ctx.clienteling();
            Customer zoe = clienteling.create("Zoé", "Lefèvre", "zoe.lefevre@example.fr", "07 98 76 54 32", true, false, true, author);
            clienteling.addNote(zoe.id(), "Cherche une robe pour un mariage.", author);
            Customer helene = clienteling.profile("cus-1").orElseThrow().customer();
            clienteling.setPreferences(helene, new Customer.Preferences(List.of("M"), helene.preferences().categories(),
                    helene.preferences().brands()), author);
            clienteling.addToWishlist("cus-1", item.variantId(), author);
            clienteling.removeFromWishlist("cus-1", item.variantId(), author);

            OnlineCart cart = ctx.liveCarts("cus-1").stream().filter(c -> c.status() == OnlineCart.Status.OPEN).findFirst().orElseThrow();
            var catalogue = ctx.catalog().variants(cart.lines().stream().map(OnlineCart.CartLine::variantId).toList(), storeId);
            Basket basket = new Basket();
            CartTakeover.Plan plan = ctx.cartTakeover().record(cart, CartTakeover.plan(cart, catalogue), basket, storeId, deviceId, staffId);
            plan.lines().forEach(basket::add);
            basket.add(new BasketLine(item.variantId(), item.sku(), item.label(), 1, item.priceCents(), item.vatRateBasisPoints(), null));

            Checkout cash = new Checkout(basket.totalCents());
            cash.payCash(basket.totalCents());
            SaleCompletion.Seller seller = new SaleCompletion.Seller(storeId, "PAR01", deviceId, staffId, "Léo Martin");
            SaleRecord sale = ctx.saleCompletion().complete(basket.saleId(), basket.lines(), helene, Set.of(cart.id()), null, cash, seller);
            new ReceiptEmail(ctx.journal()).send(sale, "helene.martin@example.fr", "fr", staffId);
            TillAudit.journaled(ctx.journal(), ctx.clock(), storeId, deviceId, staffId)
                    .record(TillEvent.Type.DRAWER_OPENED, "stf-par01-1", 0, "no-sale");

            // The pickup desk: prepare, notice, hand over with a refused line, return an expired order to stock.
            fr.comptoir.pickups.PickupDesk desk = ctx.pickupDesk();
            fr.comptoir.pickups.PickupQueue queue = ctx.pickupQueue();
            java.time.Instant now = java.time.Instant.now();
            fr.comptoir.pickups.Pickup toPrepare = queue.pickup(queue.tab(fr.comptoir.pickups.PickupQueue.Tab.TO_PREPARE, now, 1).get(0).orderId())
                    .orElseThrow();
            desk.markReady(toPrepare, "C-07", java.util.Map.of(toPrepare.lines().get(0).lineId(), 0), staffId);
            fr.comptoir.pickups.Pickup ready = fr.comptoir.pickups.PickupDeskTest.readyOrder(ctx);
            ready = desk.open(ready.orderId()).orElseThrow().pickup();
            desk.resendNotice(ready, staffId);
            String code = fr.comptoir.demo.DemoDataGenerator.demoPickupCode(ready.orderNumber());
            List<fr.comptoir.pickups.PickupMoney.LineOutcome> outcomes = new ArrayList<>();
            for (fr.comptoir.pickups.Pickup.PickupLine l : ready.lines()) {
                outcomes.add(new fr.comptoir.pickups.PickupMoney.LineOutcome(l.lineId(), outcomes.isEmpty() ? 0 : l.open(),
                        outcomes.isEmpty() ? l.open() : 0, outcomes.isEmpty() ? fr.comptoir.pickups.PickupMoney.RefusalReason.DAMAGED : null));
            }
            fr.comptoir.pickups.PickupDesk.Done handed = desk.handOver(ready, fr.comptoir.pickups.PickupDeskTest.byCode(ready), code, outcomes,
                    java.util.Map.of(ready.lines().get(0).lineId(), fr.comptoir.pickups.Handover.Restock.DAMAGED), staffId, null, false);
            desk.emailReceipt(handed.handover(), "helene.martin@example.fr", "fr", staffId);
            // An order with a balance: the till's sale (lines ORDER:<orderId>) and the hand-over naming it.
            fr.comptoir.pickups.Pickup owing = fr.comptoir.pickups.PickupDeskTest.orderWithBalance(ctx);
            fr.comptoir.pickups.PickupDeskTest.takeBalanceAtTill(ctx, desk, owing, owing.lines().stream()
                    .map(l -> new fr.comptoir.pickups.PickupMoney.LineOutcome(l.lineId(), l.open(), 0, null)).toList(), false, true);
            // The returns counter: the platform's ledger asked, an item of a web order back, refunded on its online payment.
            fr.comptoir.orders.Order webOrder = fr.comptoir.returns.ReturnsOverHttpTest.webOrderWithAPromotion(ctx);
            fr.comptoir.returns.ReturnCounter counter = ctx.returnCounter();
            fr.comptoir.returns.ReturnCounter.ReturnableOrder opened = counter.open(webOrder.id(), java.util.Map.of()).orElseThrow();
            assertThat(opened.live()).as("asked of the platform").isTrue();
            fr.comptoir.returns.ReturnsOverHttpTest.refundOnline(ctx, counter.comingBack(opened, List.of(new fr.comptoir.returns.ReturnCounter.Choice(
                    fr.comptoir.returns.ReturnsOverHttpTest.promoted(webOrder).id(), 1, fr.comptoir.sale.ReturnOf.Reason.DAMAGED,
                    fr.comptoir.sale.ReturnOf.Restock.DAMAGED)), null), webOrder.number());
            fr.comptoir.orders.OrderLine kept = webOrder.lines().stream().filter(l -> l.quantity() == 1 && l.returnedQuantity() == 0).findFirst()
                    .orElse(fr.comptoir.returns.ReturnsOverHttpTest.promoted(webOrder));
            fr.comptoir.returns.ReturnsOverHttpTest.refundAsCredit(ctx, counter.comingBack(counter.open(webOrder.id(), java.util.Map.of()).orElseThrow(),
                    List.of(new fr.comptoir.returns.ReturnCounter.Choice(kept.id(), 1, fr.comptoir.sale.ReturnOf.Reason.OTHER,
                            fr.comptoir.sale.ReturnOf.Restock.SELLABLE)), null));
            fr.comptoir.pickups.Pickup expired = queue.tab(fr.comptoir.pickups.PickupQueue.Tab.OVERDUE, now, 100).stream()
                    .filter(r -> r.status() == fr.comptoir.pickups.PickupStatus.EXPIRED).map(r -> queue.pickup(r.orderId()).orElseThrow())
                    .findFirst().orElseThrow();
            desk.returnToStock(expired, staffId, "stf-par01-1");

            // The till: opened with a float, cash taken out, closed with its count, then the day (Z).
            fr.comptoir.till.Till till = ctx.till();
            till.open(fr.comptoir.till.CashCount.EMPTY.with(fr.comptoir.till.Denomination.NOTE_20, 5), staffId);
            till.move(fr.comptoir.till.CashMovement.Direction.OUT, fr.comptoir.till.CashMovement.Reason.SAFE_DROP, 5_000, null, staffId);
            till.closeSession(fr.comptoir.till.CashCount.EMPTY.with(fr.comptoir.till.Denomination.NOTE_50, 1), null, staffId, "stf-par01-1", 500);
            till.z(staffId);

            SyncEngine.Report report = ctx.sync().syncOnce();
            assertThat(report.ok()).as(report.error()).isTrue();
            assertThat(ctx.outbox().pendingCount()).isZero();
            assertThat(ctx.outbox().needsAttentionCount()).isZero();
            assertThat(delivered).as("the scenario delivers every kind of write").containsAll(Arrays.stream(fr.comptoir.common.WriteKind.values()).map(fr.comptoir.common.WriteKind::wire).toList());
        }

        OpenApiInteractionValidator validator = OpenApiInteractionValidator
                .createForSpecificationUrl(Path.of("..", "docs", "commerce-api.yaml").toAbsolutePath().toUri().toString()).build();
        List<String> problems = new ArrayList<>();
        for (Exchange e : List.copyOf(recorder.exchanges)) {
            ValidationReport report = validator.validate(request(e), response(e));
            report.getMessages().stream().filter(m -> m.getLevel() == ValidationReport.Level.ERROR)
                    .forEach(m -> problems.add(e + ": " + m.getKey() + " " + m.getMessage()));
            if (!e.method().equals("GET")) {
                assertThat(e.idempotencyKey()).as("%s carries an Idempotency-Key", e).isNotBlank();
            }
        }
        assertThat(problems).as("exchanges that break the contract").isEmpty();
        // The scenario went through every operation of the port (a new one must be added to it) and every kind
        // of write above, so every request the client can make was checked.
        Set<String> port = Arrays.stream(CentralPlatform.class.getMethods()).filter(m -> !m.isDefault() && !Modifier.isStatic(m.getModifiers()))
                .map(Method::getName).collect(Collectors.toSet());
        assertThat(called).as("operations of CentralPlatform the scenario used").containsAll(port);
        assertThat(recorder.exchanges).extracting(Exchange::method).contains("GET", "POST", "PUT", "PATCH", "DELETE");
    }

    @Test
    void theValidatorCatchesABodyThatBreaksTheContract() {
        OpenApiInteractionValidator validator = OpenApiInteractionValidator
                .createForSpecificationUrl(Path.of("..", "docs", "commerce-api.yaml").toAbsolutePath().toUri().toString()).build();
        SimpleRequest noNote = SimpleRequest.Builder.post("/v1/customers/cus-1/notes").withContentType("application/json")
                .withHeader("Idempotency-Key", "k-1").withAuthorization("Bearer t").withBody("{\"customerId\":\"cus-1\"}").build();
        assertThat(validator.validateRequest(noNote).hasErrors()).isTrue();
    }

    private static SimpleRequest request(Exchange e) {
        SimpleRequest.Builder b = new SimpleRequest.Builder(e.method(), e.path());
        e.query().forEach(b::withQueryParam);
        if (e.contentType() != null) {
            b.withContentType(e.contentType());
        }
        if (e.idempotencyKey() != null) {
            b.withHeader("Idempotency-Key", e.idempotencyKey());
        }
        if (e.authorization() != null) {
            b.withAuthorization(e.authorization());
        }
        if (e.body() != null && !e.body().isEmpty()) {
            b.withBody(e.body());
        }
        return b.build();
    }

    private static SimpleResponse response(Exchange e) {
        SimpleResponse.Builder b = SimpleResponse.Builder.status(e.status());
        if (e.answerType() != null) {
            b.withContentType(e.answerType());
        }
        if (!e.answer().isEmpty()) {
            b.withBody(e.answer());
        }
        return b.build();
    }
}
