package fr.comptoir.sale;

import fr.comptoir.catalog.VariantInfo;
import fr.comptoir.common.OutboxWrite;
import fr.comptoir.common.StoreJournal;
import fr.comptoir.customers.OnlineCart;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * "Continue in store": an online cart becomes lines of the store basket at today's prices, and the
 * central platform is told (through the outbox, so offline too) that the cart was continued here. The
 * idempotency key is the cart and basket, so a second touch or a retry never continues it twice; the
 * web cart itself is kept by the platform, marked as continued, never silently dropped.
 */
public final class CartTakeover {

    private final StoreJournal journal;
    private final Clock clock;

    /** Payload of the "continued in store" write. */
    public record CartContinued(String cartId, String storeId, String deviceId, String staffId, String basketId, String at) {
    }

    public CartTakeover(StoreJournal journal, Clock clock) {
        this.journal = journal;
        this.clock = clock;
    }

    /**
     * The lines the cart would add, at the catalogue's current price; lines whose variant the catalogue no
     * longer knows are left out (and returned in {@code skipped}).
     */
    public record Plan(List<BasketLine> lines, List<OnlineCart.CartLine> skipped) {
    }

    public static Plan plan(OnlineCart cart, Map<String, VariantInfo> catalogue) {
        List<BasketLine> lines = new ArrayList<>();
        List<OnlineCart.CartLine> skipped = new ArrayList<>();
        for (OnlineCart.CartLine l : cart.lines()) {
            VariantInfo v = catalogue.get(l.variantId());
            if (v == null || l.quantity() < 1) {
                skipped.add(l);
            } else {
                lines.add(new BasketLine(v.variantId(), v.sku(), v.label(), l.quantity(), v.priceCents(), v.vatRateBasisPoints(), cart.id(),
                        v.category()));
            }
        }
        return new Plan(lines, skipped);
    }

    /**
     * Records the takeover (blocking: disk) and returns the plan to add to the basket; returns null when
     * this basket already holds the cart.
     */
    public Plan record(OnlineCart cart, Plan plan, Basket basket, String storeId, String deviceId, String staffId) {
        if (basket.containsCart(cart.id())) {
            return null;
        }
        CartContinued payload = new CartContinued(cart.id(), storeId, deviceId, staffId, basket.saleId(), clock.instant().toString());
        journal.appendWithOutbox("cart.continued", staffId,
                new OutboxWrite(fr.comptoir.common.WriteKind.CART_CONTINUED, "cart-continued:" + cart.id() + ":" + basket.saleId(), "cart:" + cart.id(), payload));
        return plan;
    }
}
