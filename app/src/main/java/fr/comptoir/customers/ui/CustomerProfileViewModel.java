package fr.comptoir.customers.ui;

import fr.comptoir.catalog.VariantInfo;
import fr.comptoir.common.Money;
import fr.comptoir.customers.ClientelingService;
import fr.comptoir.customers.Customer;
import fr.comptoir.customers.CustomerFile;
import fr.comptoir.customers.CustomerNote;
import fr.comptoir.customers.OnlineCart;
import fr.comptoir.orders.Order;
import fr.comptoir.orders.OrderLine;
import fr.comptoir.uikit.DataAge;
import fr.comptoir.uikit.I18n;
import fr.comptoir.uikit.TaskRunner;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * The customer view (360°): who they are, consent and loyalty, spend, the order history of every
 * channel down to the lines, notes, preferences and wishlist, and their online carts (live when online,
 * the last copy with its age when not). JavaFX thread only.
 */
public final class CustomerProfileViewModel {

    /** What the view needs from the rest of the app; each call blocks and runs through the {@link TaskRunner}. */
    public interface Services {
        java.util.Optional<CustomerFile> read(String customerId);

        List<OnlineCart> liveCarts(String customerId);

        void keepCarts(String customerId, List<OnlineCart> carts);

        Map<String, VariantInfo> variants(Set<String> ids);

        void addNote(String customerId, String text);

        void savePreferences(Customer customer, Customer.Preferences preferences);

        List<VariantInfo> searchProducts(String text);

        void addToWishlist(String customerId, String variantId);

        void removeFromWishlist(String customerId, String variantId);

        /** Takes the cart over into the basket; false when the basket already holds it. */
        boolean continueCart(OnlineCart cart, Map<String, VariantInfo> catalogue, Customer customer);
    }

    /** One wishlist entry: the variant and how to show it. */
    public record WishItem(String variantId, String label) {
    }

    /** One order of the history, ready to show. */
    public record OrderRow(String id, String date, String channel, String where, String number, String status, String total,
                           List<String> lines) {
    }

    /** One online cart line: price then and now, availability here. */
    public record CartLineRow(String label, int quantity, String priceThen, String priceNow, boolean priceChanged, String availability) {
    }

    /** One online cart, ready to show. */
    public record CartRow(OnlineCart cart, String title, List<CartLineRow> lines, boolean continued) {
    }

    private final ObjectProperty<Customer> customer = new SimpleObjectProperty<>();
    private final StringProperty heading = new SimpleStringProperty("");
    private final StringProperty loyalty = new SimpleStringProperty("");
    private final StringProperty contact = new SimpleStringProperty("");
    private final StringProperty consent = new SimpleStringProperty("");
    private final StringProperty spend = new SimpleStringProperty("");
    private final StringProperty favourites = new SimpleStringProperty("");
    private final StringProperty dataAge = new SimpleStringProperty("");
    private final StringProperty cartsStatus = new SimpleStringProperty("");
    private final StringProperty message = new SimpleStringProperty("");
    private final StringProperty noteDraft = new SimpleStringProperty("");
    private final StringProperty sizes = new SimpleStringProperty("");
    private final StringProperty categories = new SimpleStringProperty("");
    private final StringProperty brands = new SimpleStringProperty("");
    private final BooleanProperty busy = new SimpleBooleanProperty(false);
    private final ObservableList<OrderRow> orders = FXCollections.observableArrayList();
    private final ObservableList<CustomerNote> notes = FXCollections.observableArrayList();
    private final ObservableList<WishItem> wishlist = FXCollections.observableArrayList();
    private final ObservableList<VariantInfo> productResults = FXCollections.observableArrayList();
    private final StringProperty productQuery = new SimpleStringProperty("");
    private long productGeneration;
    private final ObservableList<CartRow> carts = FXCollections.observableArrayList();
    private final ObjectProperty<Map<String, Long>> spendByQuarter = new SimpleObjectProperty<>(Map.of());

    private final Services services;
    private final TaskRunner runner;
    private final I18n i18n;
    private final BooleanSupplier online;
    private final Function<String, Boolean> basketHoldsCart;
    private final Consumer<Customer> attach;
    private String customerId;
    private Map<String, VariantInfo> items = Map.of();

    public CustomerProfileViewModel(Services services, TaskRunner runner, I18n i18n, BooleanSupplier online,
                                    Function<String, Boolean> basketHoldsCart, Consumer<Customer> attach) {
        this.services = services;
        this.runner = runner;
        this.i18n = i18n;
        this.online = online;
        this.basketHoldsCart = basketHoldsCart;
        this.attach = attach;
        productQuery.addListener((obs, old, text) -> searchProducts(text));
    }

    private void searchProducts(String text) {
        long mine = ++productGeneration;
        if (text == null || text.strip().length() < 2) {
            productResults.clear();
            return;
        }
        runner.run(() -> services.searchProducts(text.strip()), found -> {
            if (mine == productGeneration) {
                productResults.setAll(found);
            }
        }, failure -> productResults.clear());
    }

    public void addToWishlist(VariantInfo v) {
        if (customerId == null || wishlist.stream().anyMatch(w -> w.variantId().equals(v.variantId()))) {
            return;
        }
        runner.run(() -> {
            services.addToWishlist(customer.get().id(), v.variantId());
            return null;
        }, x -> {
            productQuery.set("");
            message.set(i18n.get("wishlist.added", v.label()));
            load(customerId);
        }, failure -> message.set(failure.getMessage()));
    }

    public void removeFromWishlist(WishItem item) {
        runner.run(() -> {
            services.removeFromWishlist(customer.get().id(), item.variantId());
            return null;
        }, x -> load(customerId), failure -> message.set(failure.getMessage()));
    }

    /**
     * Writes were delivered (or set aside) since the file was read: the header's count of changes still
     * waiting is read again, and nothing else moves (a note or preferences being typed stay as they are).
     */
    public void refreshPending() {
        String id = customerId;
        if (id == null) {
            return;
        }
        runner.run(() -> services.read(id), file -> file.ifPresent(f -> {
            if (id.equals(customerId)) {
                dataAge.set(header(f));
            }
        }), failure -> org.slf4j.LoggerFactory.getLogger(CustomerProfileViewModel.class)
                .warn("The customer's waiting changes could not be counted again", failure));
    }

    private String header(CustomerFile f) {
        return i18n.get("customer.dataAge", DataAge.describe(i18n, f.dataAsOf(), System.currentTimeMillis()))
                + (f.profile().pendingEdits() > 0 ? " · " + i18n.get("customer.pendingEdits", f.profile().pendingEdits()) : "");
    }

    /** Shows at once what is already known of the customer (from the search list), before the file is read. */
    public void preview(Customer c) {
        if (customer.get() != null) {
            return;
        }
        heading.set(c.fullName());
        loyalty.set(c.loyaltyCard() == null ? i18n.get("customer.noCard")
                : i18n.get("customer.loyalty", i18n.get("tier." + c.loyaltyTier().name()), c.loyaltyPoints(), c.loyaltyCard()));
    }

    public void load(String id) {
        customerId = id;
        busy.set(true);
        runner.run(() -> services.read(id), file -> {
            busy.set(false);
            if (file.isEmpty()) {
                message.set(i18n.get("customer.notFound"));
                return;
            }
            show(file.get());
            refreshCarts(file.get());
        }, failure -> {
            busy.set(false);
            message.set(failure.getMessage());
        });
    }

    private void show(CustomerFile f) {
        Customer c = f.profile().customer();
        customer.set(c);
        items = new HashMap<>(f.items());
        heading.set(c.fullName());
        loyalty.set(c.loyaltyCard() == null ? i18n.get("customer.noCard")
                : i18n.get("customer.loyalty", i18n.get("tier." + c.loyaltyTier().name()), c.loyaltyPoints(), c.loyaltyCard()));
        contact.set(String.join("\n", nonNull(c.email(), i18n.get("customer.noEmail")), nonNull(fr.comptoir.customers.PhoneNumbers.display(c.phone()), i18n.get("customer.noPhone"))));
        consent.set(i18n.get("customer.consent", yesNo(c.emailConsent()), yesNo(c.smsConsent())));
        spend.set(i18n.get("customer.spend", money(f.insights().lifetimeSpendCents()), f.insights().orderCount()));
        favourites.set(i18n.get("customer.favourites",
                f.insights().favouriteCategories().isEmpty() ? "—" : String.join(", ", f.insights().favouriteCategories()),
                f.insights().favouriteSizes().isEmpty() ? "—" : String.join(", ", f.insights().favouriteSizes())));
        dataAge.set(header(f));
        Map<String, Long> quarters = new java.util.LinkedHashMap<>();
        f.insights().spendByQuarter().forEach((key, cents) ->
                quarters.put(i18n.get("quarter", key.substring(0, 4), key.substring(6)), cents));
        spendByQuarter.set(quarters);
        sizes.set(String.join(", ", c.preferences().sizes()));
        categories.set(String.join(", ", c.preferences().categories()));
        brands.set(String.join(", ", c.preferences().brands()));
        notes.setAll(f.profile().notes());
        wishlist.setAll(c.wishlist().stream().map(v -> new WishItem(v, items.containsKey(v) ? items.get(v).label() : v)).toList());
        DateTimeFormatter date = i18n.date();
        List<OrderRow> rows = new ArrayList<>();
        for (Order o : f.orders()) {
            List<String> lines = new ArrayList<>();
            for (OrderLine l : o.lines()) {
                lines.add(i18n.get("order.line", l.quantity(), l.name(), money(l.unitPriceCents()))
                        + (l.returnedQuantity() > 0 ? " · " + i18n.get("order.returned", l.returnedQuantity()) : ""));
            }
            String where = o.storeId() == null ? i18n.get("order.home") : f.storeNames().getOrDefault(o.storeId(), o.storeId());
            rows.add(new OrderRow(o.id(), date.format(Instant.parse(o.placedAt())), i18n.get("channel." + o.channel().name()), where,
                    o.number(), i18n.get("status." + o.status().name()), money(o.totalCents()), lines));
        }
        orders.setAll(rows);
        if (f.cachedCarts() != null) {
            showCarts(f.cachedCarts().carts());
            cartsStatus.set(i18n.get("carts.cached", DataAge.describe(i18n, f.cachedCarts().fetchedAt(), System.currentTimeMillis())));
        } else {
            carts.clear();
            cartsStatus.set(i18n.get("carts.unknown"));
        }
    }

    /** Live carts when online; otherwise the cached copy stays, with its age. */
    private void refreshCarts(CustomerFile f) {
        if (!online.getAsBoolean()) {
            if (f.cachedCarts() != null) {
                cartsStatus.set(i18n.get("carts.offline", DataAge.describe(i18n, f.cachedCarts().fetchedAt(), System.currentTimeMillis())));
            } else {
                cartsStatus.set(i18n.get("carts.offlineNone"));
            }
            return;
        }
        String id = f.profile().customer().id();
        record Live(List<OnlineCart> carts, Map<String, VariantInfo> variants) {
        }
        runner.run(() -> {
            List<OnlineCart> live = services.liveCarts(id);
            services.keepCarts(id, live);
            Set<String> ids = new LinkedHashSet<>();
            live.forEach(c -> c.lines().forEach(l -> ids.add(l.variantId())));
            return new Live(live, services.variants(ids));
        }, live -> {
            items.putAll(live.variants());
            showCarts(live.carts());
            cartsStatus.set(live.carts().isEmpty() ? i18n.get("carts.none") : i18n.get("carts.live"));
        }, failure -> {
            if (f.cachedCarts() != null) {
                cartsStatus.set(i18n.get("carts.offline", DataAge.describe(i18n, f.cachedCarts().fetchedAt(), System.currentTimeMillis())));
            } else {
                cartsStatus.set(i18n.get("carts.offlineNone"));
            }
        });
    }

    private void showCarts(List<OnlineCart> list) {
        DateTimeFormatter when = i18n.dateTime();
        List<CartRow> rows = new ArrayList<>();
        for (OnlineCart cart : list) {
            List<CartLineRow> lines = new ArrayList<>();
            for (OnlineCart.CartLine l : cart.lines()) {
                VariantInfo v = items.get(l.variantId());
                String now = v == null ? "—" : money(v.priceCents());
                boolean changed = v != null && v.priceCents() != l.priceWhenAddedCents();
                String availability = v == null ? i18n.get("carts.unknownItem")
                        : v.availableHere() >= l.quantity() ? i18n.get("carts.inStock", v.availableHere()) : i18n.get("carts.notHere");
                lines.add(new CartLineRow(v == null ? l.name() : v.label(), l.quantity(), money(l.priceWhenAddedCents()), now, changed, availability));
            }
            rows.add(new CartRow(cart, i18n.get("carts.title", i18n.get("channel." + cart.channel().name()),
                    when.format(Instant.parse(cart.updatedAt()))), lines, basketHoldsCart.apply(cart.id())));
        }
        carts.setAll(rows);
    }

    public void continueInStore(CartRow row) {
        Customer c = customer.get();
        if (c == null || row.continued()) {
            return;
        }
        busy.set(true);
        Map<String, VariantInfo> catalogue = Map.copyOf(items);
        runner.run(() -> services.continueCart(row.cart(), catalogue, c), done -> {
            busy.set(false);
            message.set(done ? i18n.get("carts.continued") : i18n.get("carts.alreadyInBasket"));
            carts.replaceAll(r -> r.cart().id().equals(row.cart().id()) ? new CartRow(r.cart(), r.title(), r.lines(), true) : r);
        }, failure -> {
            busy.set(false);
            message.set(failure.getMessage());
        });
    }

    public void addNote() {
        String text = noteDraft.get() == null ? "" : noteDraft.get().strip();
        if (text.isEmpty()) {
            message.set(i18n.get("notes.empty"));
            return;
        }
        if (text.length() > ClientelingService.MAX_NOTE) {
            message.set(i18n.get("notes.tooLong", ClientelingService.MAX_NOTE));
            return;
        }
        runner.run(() -> {
            services.addNote(customerId, text);
            return null;
        }, x -> {
            noteDraft.set("");
            message.set(i18n.get("notes.saved"));
            load(customerId);
        }, failure -> message.set(failure.getMessage()));
    }

    public void savePreferences() {
        Customer c = customer.get();
        if (c == null) {
            return;
        }
        Customer.Preferences p = new Customer.Preferences(split(sizes.get()), split(categories.get()), split(brands.get()));
        runner.run(() -> {
            services.savePreferences(c, p);
            return null;
        }, x -> {
            message.set(i18n.get("preferences.saved"));
            load(customerId);
        }, failure -> message.set(failure.getMessage()));
    }

    public void attachToBasket() {
        if (customer.get() != null) {
            attach.accept(customer.get());
            message.set(i18n.get("customer.attached", customer.get().fullName()));
        }
    }

    static List<String> split(String s) {
        if (s == null) {
            return List.of();
        }
        return Arrays.stream(s.split("[,;]")).map(String::strip).filter(x -> !x.isEmpty()).distinct().toList();
    }

    private String money(long cents) {
        return Money.ofCents(cents).format(i18n.formats());
    }

    private String yesNo(boolean b) {
        return i18n.get(b ? "common.yes" : "common.no");
    }

    private static String nonNull(String s, String fallback) {
        return s == null || s.isBlank() ? fallback : s;
    }

    public ObjectProperty<Customer> customerProperty() { return customer; }
    public StringProperty headingProperty() { return heading; }
    public StringProperty loyaltyProperty() { return loyalty; }
    public StringProperty contactProperty() { return contact; }
    public StringProperty consentProperty() { return consent; }
    public StringProperty spendProperty() { return spend; }
    public StringProperty favouritesProperty() { return favourites; }
    public StringProperty dataAgeProperty() { return dataAge; }
    public StringProperty cartsStatusProperty() { return cartsStatus; }
    public StringProperty messageProperty() { return message; }
    public StringProperty noteDraftProperty() { return noteDraft; }
    public StringProperty sizesProperty() { return sizes; }
    public StringProperty categoriesProperty() { return categories; }
    public StringProperty brandsProperty() { return brands; }
    public BooleanProperty busyProperty() { return busy; }
    public ObservableList<OrderRow> orders() { return orders; }
    public ObservableList<CustomerNote> notes() { return notes; }
    public ObservableList<WishItem> wishlist() { return wishlist; }
    public ObservableList<VariantInfo> productResults() { return productResults; }
    public StringProperty productQueryProperty() { return productQuery; }
    public ObservableList<CartRow> carts() { return carts; }
    public ObjectProperty<Map<String, Long>> spendByQuarterProperty() { return spendByQuarter; }
}
