package fr.comptoir.customers.ui;

import fr.comptoir.catalog.VariantInfo;
import fr.comptoir.customers.ClientelingService;
import fr.comptoir.customers.Customer;
import fr.comptoir.customers.CustomerFile;
import fr.comptoir.customers.CustomerFileReader;
import fr.comptoir.customers.CustomerMatch;
import fr.comptoir.customers.CustomerQuery;
import fr.comptoir.customers.OnlineCart;
import fr.comptoir.uikit.I18n;
import fr.comptoir.uikit.TaskRunner;
import javafx.scene.Node;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The Customers feature's wiring for one signed-in associate: search, the customer's file, a new
 * customer, and a compact picker other screens use. Built by the window for each session; what it needs
 * from elsewhere comes in as {@link Services} and the {@link SaleBasket} port. JavaFX thread.
 */
public final class CustomersFeature {

    /** The customer file's way into the sale being rung up (the only thing Customers knows of selling). */
    public interface SaleBasket {
        boolean holdsCart(String cartId);

        void attach(Customer customer);

        /** "Continue in store": the cart's lines go into the sale (blocking, off the JavaFX thread); false when already there. */
        boolean continueInStore(OnlineCart cart, Map<String, VariantInfo> catalogue, Customer customer);
    }

    /**
     * What the Customers screens read and write. Blocking calls: they run through the {@link TaskRunner}.
     *
     * @param centralSearch   the central platform's customer search (online only)
     * @param liveCarts       the customer's online carts, live from the central platform
     * @param productSearch   products by name, for the wishlist
     * @param requestDelivery asks sync to deliver what was just written
     */
    public record Services(Function<CustomerQuery, List<CustomerMatch>> localSearch, Function<String, List<Customer>> centralSearch,
                           ClientelingService clienteling, CustomerFileReader files, Function<String, List<OnlineCart>> liveCarts,
                           Function<String, List<VariantInfo>> productSearch, Runnable requestDelivery) {
    }

    private final Services services;
    private final SaleBasket basket;
    private final Supplier<ClientelingService.Author> author;
    private final BooleanSupplier online;
    /** The pause in typing after which the central platform is asked (one request per pause, not per keystroke). */
    static final java.time.Duration CENTRAL_SEARCH_PAUSE = java.time.Duration.ofMillis(300);

    private final TaskRunner runner;
    private final TaskRunner network;
    private final I18n i18n;
    private final fr.comptoir.uikit.ScanRouter scans;
    private final javafx.beans.value.ObservableValue<fr.comptoir.sync.SyncStatus> syncStatus;
    /** What was searched when Customers was last left (JavaFX thread). */
    private String lastQuery = "";

    /** @param network runs the calls to the central platform (threads of their own) */
    public CustomersFeature(Services services, SaleBasket basket, Supplier<ClientelingService.Author> author, BooleanSupplier online,
                            TaskRunner runner, TaskRunner network, I18n i18n, fr.comptoir.uikit.ScanRouter scans,
                            javafx.beans.value.ObservableValue<fr.comptoir.sync.SyncStatus> syncStatus) {
        this.syncStatus = syncStatus;
        this.services = services;
        this.basket = basket;
        this.author = author;
        this.online = online;
        this.runner = runner;
        this.network = network;
        this.i18n = i18n;
        this.scans = scans;
    }

    /** A search as the Customers screen and the pickers use it: local first, the central platform when online. */
    public CustomerSearchViewModel search() {
        return new CustomerSearchViewModel(q -> services.localSearch().apply(q), services.centralSearch(), online, runner, network,
                CENTRAL_SEARCH_PAUSE, i18n);
    }

    /** The Customers screen. */
    public Node screen() {
        CustomersView[] view = new CustomersView[1];
        CustomerSearchViewModel search = search();
        // Coming back to Customers finds the search as it was left.
        search.queryProperty().set(lastQuery);
        search.queryProperty().addListener((obs, old, now) -> lastQuery = now == null ? "" : now);
        view[0] = new CustomersView(search, i18n, this::profile, () -> view[0].show(newCustomerForm(view[0])));
        // A loyalty card scanned here finds its holder, whatever has the focus.
        scans.routeWhileShown(view[0].root(), view[0]::scanned);
        return view[0].root();
    }

    /** A compact search whose choice goes to {@code onChosen}. */
    public Node picker(Consumer<Customer> onChosen) {
        return new CustomerPicker(search(), i18n, onChosen).root();
    }

    private Node newCustomerForm(CustomersView view) {
        ClientelingService svc = services.clienteling();
        NewCustomerViewModel vm = new NewCustomerViewModel(new NewCustomerViewModel.Services() {
            @Override
            public Map<String, String> validate(String f, String l, String e, String p) {
                return svc.validate(f, l, e, p);
            }

            @Override
            public List<Customer> likelyDuplicates(String e, String p) {
                return svc.likelyDuplicates(e, p);
            }

            @Override
            public Customer create(String f, String l, String e, String p, boolean ec, boolean sc, boolean shown) {
                Customer c = svc.create(f, l, e, p, ec, sc, shown, author.get());
                services.requestDelivery().run();
                return c;
            }
        }, runner, i18n, created -> view.show(profile(created)));
        return new NewCustomerView(vm, i18n, view::showPlaceholder).root();
    }

    private Node profile(Customer known) {
        String customerId = known.id();
        CustomerFileReader files = services.files();
        ClientelingService svc = services.clienteling();
        CustomerProfileViewModel vm = new CustomerProfileViewModel(new CustomerProfileViewModel.Services() {
            @Override
            public Optional<CustomerFile> read(String id) {
                return files.read(id);
            }

            @Override
            public List<OnlineCart> liveCarts(String id) {
                return services.liveCarts().apply(id);
            }

            @Override
            public void keepCarts(String id, List<OnlineCart> carts) {
                files.keepCarts(id, carts);
            }

            @Override
            public Map<String, VariantInfo> variants(Set<String> ids) {
                return files.variants(ids);
            }

            @Override
            public void addNote(String id, String text) {
                svc.addNote(id, text, author.get());
                services.requestDelivery().run();
            }

            @Override
            public void savePreferences(Customer c, Customer.Preferences p) {
                svc.setPreferences(c, p, author.get());
                services.requestDelivery().run();
            }

            @Override
            public List<VariantInfo> searchProducts(String text) {
                return services.productSearch().apply(text);
            }

            @Override
            public void addToWishlist(String id, String variantId) {
                svc.addToWishlist(id, variantId, author.get());
                services.requestDelivery().run();
            }

            @Override
            public void removeFromWishlist(String id, String variantId) {
                svc.removeFromWishlist(id, variantId, author.get());
                services.requestDelivery().run();
            }

            @Override
            public boolean continueCart(OnlineCart cart, Map<String, VariantInfo> catalogue, Customer customer) {
                return basket.continueInStore(cart, catalogue, customer);
            }
        }, runner, i18n, online, basket::holdsCart, basket::attach);
        // What the list knew shows at once; the whole file fills in as it is read.
        vm.preview(known);
        vm.load(customerId);
        javafx.scene.Parent view = new CustomerProfileView(vm, i18n).root();
        // When the terminal's waiting writes change (delivered, set aside), the header's count follows; the
        // listener goes with the view.
        javafx.beans.value.ChangeListener<fr.comptoir.sync.SyncStatus> delivered = (obs, old, now) -> {
            if (old == null || now == null || old.pendingWrites() != now.pendingWrites()) {
                vm.refreshPending();
            }
        };
        syncStatus.addListener(delivered);
        view.sceneProperty().addListener((obs, old, scene) -> {
            if (old != null && scene == null) {
                syncStatus.removeListener(delivered);
            }
        });
        return view;
    }
}
