package fr.comptoir.centralapi;

/**
 * The port to the retailer's central commerce platform. Everything Comptoir learns from, or tells,
 * the central platform goes through here; {@code fr.comptoir.comptoirapi.HttpCentralPlatform} implements it
 * for the Comptoir Commerce API, a later connector will implement it for Medusa v2. This package holds the
 * port only: no HTTP, no JSON.
 *
 * <p>Calls block on the network: never call them from the JavaFX application thread.
 * Failures are {@link CentralPlatformException}s: {@link CentralUnreachableException} when the
 * platform could not be reached or answered with a temporary failure (the store is offline),
 * {@link CentralRejectedException} when it refused the request (with a typed reason),
 * {@link FeedRestartException} when a feed must be read again from the start,
 * {@link CentralFailedException} when the platform failed on this one request, and
 * {@link CentralProtocolException} when its answer was not what the contract says.
 */
public interface CentralPlatform {

    /** Cheap liveness check; returns the platform's name and version. */
    PlatformHealth health();

    /**
     * Exchanges an activation code for this terminal's identity and credentials. {@code installationId} is the
     * data folder's own id: a retry of this activation gets the same device, another installation a new one.
     * {@code signingKey} is the terminal's public fiscal key, registered with the device (decision 0031).
     */
    DeviceActivation activate(String activationCode, String deviceName, String installationId,
                              fr.comptoir.fiscal.SigningKeyRegistration signingKey);

    /**
     * Reads one page of a change feed after {@code cursor} (null: from the beginning) and hands every
     * change to {@code handler} as it is parsed, so a large page never sits whole in memory.
     *
     * @param withRemaining ask the platform to say how many changes remain after this page (for progress)
     */
    <T> FeedPage pull(Feed<T> feed, String cursor, int limit, boolean withRemaining, ChangeHandler<T> handler);

    /**
     * For each feed, how many records a fully synced terminal holds and at which cursor; empty when the
     * platform cannot say. Used to find a cache that drifted.
     */
    java.util.List<FeedSummary> feedSummaries();

    /** Customers matching {@code query} (name, email, phone, loyalty card) on the platform, best first. */
    java.util.List<fr.comptoir.customers.Customer> searchCustomers(String query, int limit);

    /** Live stock of a variant in every location. */
    java.util.List<fr.comptoir.catalog.StockLevel> liveStock(String variantId);

    /** A gift card's or store credit's balance in cents; 404 rejection when unknown. */
    long giftCardBalance(String number);

    /**
     * Takes {@code amountCents} off a gift card or store credit, once per idempotency key; 422 rejection
     * when the balance does not cover it. Returns the redemption's reference.
     */
    String redeemGiftCard(String number, long amountCents, String saleReference, String idempotencyKey);

    /** The customer's open online carts, live. */
    java.util.List<fr.comptoir.customers.OnlineCart> cartsOf(String customerId);

    /**
     * One order of this store's pickup queue as the platform has it now (the desk freshens its cache before a
     * hand-over when it can); {@link CentralRejectedException} with NOT_FOUND when it is not this store's.
     */
    fr.comptoir.pickups.Pickup pickup(String orderId);

    /**
     * Units of each line of an order that came back so far, as the platform's ledger has them now (every terminal
     * and channel): the returns counter asks before taking anything back when it can.
     */
    java.util.Map<String, Integer> returnedSoFar(String orderId);

    /**
     * Issues store credit of {@code amountCents} (a return refunded as credit), once per key; returns the
     * credit's number, spent afterwards like a gift card.
     */
    String issueStoreCredit(long amountCents, String saleReference, String customerId, String idempotencyKey);

    /**
     * Delivers one write from the outbox. The idempotency key makes retries safe: a platform that has
     * already applied it answers with the original result instead of applying it again. A platform that
     * needs several requests for one write saves its progress through {@code progress} after each step it
     * applied, and resumes from {@link PendingWrite#checkpoint()} on the next try.
     *
     * @throws IllegalArgumentException when this write cannot be sent at all (a kind or a format this
     *                                  version does not know, a damaged payload): nothing was sent
     */
    DeliveryReceipt deliver(PendingWrite write, WriteProgress progress);
}
