package fr.comptoir.stores;

/**
 * A shop or a warehouse of the chain: a stock location and, for shops, a place where staff sell.
 *
 * @param returnPolicy what the shop takes back (null: {@link ReturnPolicy#DEFAULT})
 * @param legal        who sells there, printed on tickets (null when the platform does not say)
 */
public record Store(String id, String code, String name, String city, StoreType type, ReturnPolicy returnPolicy, LegalIdentity legal) {

    /** A store publishing no return policy of its own. */
    public Store(String id, String code, String name, String city, StoreType type) {
        this(id, code, name, city, type, null, null);
    }

    public Store(String id, String code, String name, String city, StoreType type, ReturnPolicy returnPolicy) {
        this(id, code, name, city, type, returnPolicy, null);
    }

    /** The policy that applies here. */
    public ReturnPolicy policy() {
        return returnPolicy == null ? ReturnPolicy.DEFAULT : returnPolicy;
    }

    public enum StoreType { STORE, WAREHOUSE }
}
