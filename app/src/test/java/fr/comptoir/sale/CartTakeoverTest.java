package fr.comptoir.sale;

import fr.comptoir.catalog.VariantInfo;
import fr.comptoir.customers.OnlineCart;
import fr.comptoir.storage.SqliteDatabase;
import fr.comptoir.storage.SqliteJournal;
import fr.comptoir.storage.SqliteOutbox;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CartTakeoverTest {

    @TempDir
    Path dir;

    final OnlineCart cart = new OnlineCart("cart-1", "cus-1", OnlineCart.Channel.WEB, OnlineCart.Status.OPEN, "2026-11-20T10:00:00Z",
            List.of(new OnlineCart.CartLine("v1", "SKU1", "Robe", "M", "Noir", 1, 4999),
                    new OnlineCart.CartLine("v2", "SKU2", "Vase", null, null, 2, 1999),
                    new OnlineCart.CartLine("gone", "X", "Plus vendu", null, null, 1, 999)));
    final Map<String, VariantInfo> catalogue = Map.of(
            "v1", new VariantInfo("v1", "SKU1", "376", "Robe portefeuille", "M", "Noir", 3999, 2000, 2),
            "v2", new VariantInfo("v2", "SKU2", "376", "Vase en grès", null, null, 1999, 2000, 0));

    @Test
    void linesComeAtTodaysPriceAndUnknownItemsAreLeftOut() {
        CartTakeover.Plan plan = CartTakeover.plan(cart, catalogue);
        assertThat(plan.lines()).extracting(BasketLine::unitPriceCents).containsExactly(3999L, 1999L);
        assertThat(plan.lines()).allMatch(l -> "cart-1".equals(l.fromCartId()));
        assertThat(plan.skipped()).extracting(OnlineCart.CartLine::variantId).containsExactly("gone");
    }

    @Test
    void aCartIsContinuedOnceWithOneOutboxWriteEvenWhenTouchedTwice() {
        try (SqliteDatabase db = SqliteDatabase.open(dir.resolve("journal.db"), "journal")) {
            SqliteJournal journal = new SqliteJournal(db, fr.comptoir.storage.CanonicalJson.codec(), Clock.systemUTC());
            CartTakeover takeover = new CartTakeover(journal, Clock.systemUTC());
            Basket basket = new Basket();
            CartTakeover.Plan plan = CartTakeover.plan(cart, catalogue);

            assertThat(takeover.record(cart, plan, basket, "st", "dev", "stf")).isNotNull();
            plan.lines().forEach(basket::add);
            assertThat(takeover.record(cart, plan, basket, "st", "dev", "stf")).isNull();

            assertThat(basket.totalCents()).isEqualTo(3999 + 2 * 1999);
            assertThat(basket.itemCount()).isEqualTo(3);
            assertThat(new SqliteOutbox(db).pendingCount()).isEqualTo(1);
            assertThat(journal.pendingPayloads(fr.comptoir.common.WriteKind.CART_CONTINUED)).singleElement().asString()
                    .contains("\"cartId\":\"cart-1\"").contains(basket.saleId());
        }
    }

    @Test
    void basketLinesRefuseNonsense() {
        assertThatThrownBy(() -> new BasketLine("v", "s", "l", 0, 100, 2000, null)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new BasketLine("v", "s", "l", 1, -1, 2000, null)).isInstanceOf(IllegalArgumentException.class);
    }
}
