package fr.comptoir.stores;

/** A shop or a warehouse of the chain: a stock location and, for shops, a place where staff sell. */
public record Store(String id, String code, String name, String city, StoreType type) {

    public enum StoreType { STORE, WAREHOUSE }
}
