package fr.comptoir.centralapi;

import fr.comptoir.catalog.Product;
import fr.comptoir.catalog.StockLevel;
import fr.comptoir.customers.Customer;
import fr.comptoir.customers.CustomerNote;
import fr.comptoir.orders.Order;
import fr.comptoir.staff.StaffMember;
import fr.comptoir.stores.Store;

import java.util.List;

/**
 * A change feed of the central platform: its name in the contract and the record type it carries.
 * The order of {@link #ALL} is the order of a sync: records referred to come before those referring.
 */
public final class Feed<T> {

    public static final Feed<Store> STORES = new Feed<>("stores", Store.class);
    public static final Feed<StaffMember> STAFF = new Feed<>("staff", StaffMember.class);
    public static final Feed<Product> PRODUCTS = new Feed<>("products", Product.class);
    public static final Feed<fr.comptoir.catalog.PriceList> PRICE_LISTS = new Feed<>("price-lists", fr.comptoir.catalog.PriceList.class);
    public static final Feed<StockLevel> STOCK = new Feed<>("stock", StockLevel.class);
    public static final Feed<fr.comptoir.catalog.Promotion> PROMOTIONS = new Feed<>("promotions", fr.comptoir.catalog.Promotion.class);
    public static final Feed<Customer> CUSTOMERS = new Feed<>("customers", Customer.class);
    public static final Feed<CustomerNote> CUSTOMER_NOTES = new Feed<>("customer-notes", CustomerNote.class);
    public static final Feed<Order> ORDERS = new Feed<>("orders", Order.class);
    public static final Feed<fr.comptoir.pickups.Pickup> PICKUPS = new Feed<>("pickups", fr.comptoir.pickups.Pickup.class);

    public static final List<Feed<?>> ALL = List.of(STORES, STAFF, PRODUCTS, PRICE_LISTS, STOCK, PROMOTIONS, CUSTOMERS, CUSTOMER_NOTES, ORDERS, PICKUPS);

    private final String name;
    private final Class<T> type;

    private Feed(String name, Class<T> type) {
        this.name = name;
        this.type = type;
    }

    public String name() {
        return name;
    }

    public Class<T> type() {
        return type;
    }

    @Override
    public String toString() {
        return name;
    }
}
