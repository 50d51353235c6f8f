package fr.comptoir.pickups;

import java.util.List;

/**
 * A click-and-collect order in this store's pickup queue, as the central platform's {@code pickups} feed
 * carries it (decision 0004: the record is the wire shape). Everything the desk needs offline is here: the
 * lines with what was picked, collected or refused, who may collect, the money, the shelf, and the pickup
 * code's hash (never the code).
 *
 * @param promisedAt      when the customer was told it would be ready
 * @param expiresAt       after this an uncollected order is expired (set when it becomes ready)
 * @param totalCents      what the order costs, promotions included
 * @param paidCents       what the customer paid online before collecting (the whole total, a deposit, or 0)
 * @param settledInStoreCents money taken at the desk at earlier hand-overs (a balance)
 * @param refundedCents   money the platform refunded on the web payment at earlier hand-overs
 * @param shelf           where the prepared order waits (a shelf or bin), or null before it is put away
 * @param pickupCodeHash  the pickup code hashed like PINs, checked offline
 * @param pickupCodeBucket {@link PickupCode#bucket} of the code: finds the order from a typed code without
 *                        keeping the code
 * @param handovers       the hand-overs made so far, oldest first (a partly collected order has one or more)
 */
public record Pickup(String orderId, String orderNumber, String storeId, PickupStatus status, String customerId,
                     PickupCustomer customer, List<String> proxies, String placedAt, String promisedAt, String readyAt,
                     String expiresAt, long totalCents, long paidCents, long settledInStoreCents, long refundedCents,
                     String shelf, String pickupCodeHash, String pickupCodeBucket, List<PickupLine> lines,
                     List<PickupHandover> handovers, String readyNoticeSentAt) {

    public Pickup {
        proxies = proxies == null ? List.of() : List.copyOf(proxies);
        lines = lines == null ? List.of() : List.copyOf(lines);
        handovers = handovers == null ? List.of() : List.copyOf(handovers);
    }

    /** The customer the order is for, as the desk finds and greets them. */
    public record PickupCustomer(String firstName, String lastName, String phone, String email) {
        public String fullName() {
            return ((firstName == null ? "" : firstName) + " " + (lastName == null ? "" : lastName)).strip();
        }
    }

    /**
     * One line of the order.
     *
     * @param lineTotalCents what the customer pays for the whole line, promotions included: refunds and
     *                       balances are worked out from it to the cent ({@link PickupMoney})
     * @param picked         units found and put with the order during preparation
     * @param missing        units that could not be found (the platform was told)
     * @param collected      units handed over so far
     * @param refused        units the customer refused at the desk (refunded)
     * @param location       where the item is kept in the store (aisle and bay, "A3-12"), for the pick list; null
     *                       when the platform does not know
     */
    public record PickupLine(String lineId, String variantId, String sku, String ean, String name, String size, String colour,
                       int quantity, long lineTotalCents, int vatRateBasisPoints, int picked, int missing, int collected,
                       int refused, String location) {

        /** A line whose place in the store is not known. */
        public PickupLine(String lineId, String variantId, String sku, String ean, String name, String size, String colour, int quantity,
                          long lineTotalCents, int vatRateBasisPoints, int picked, int missing, int collected, int refused) {
            this(lineId, variantId, sku, ean, name, size, colour, quantity, lineTotalCents, vatRateBasisPoints, picked, missing, collected,
                    refused, null);
        }

        /** The same line, kept at {@code where} in the store. */
        public PickupLine withLocation(String where) {
            return new PickupLine(lineId, variantId, sku, ean, name, size, colour, quantity, lineTotalCents, vatRateBasisPoints, picked, missing,
                    collected, refused, where);
        }

        /** The same line after preparation or a hand-over: units picked, missing, collected and refused so far. */
        public PickupLine progressed(int picked, int missing, int collected, int refused) {
            return new PickupLine(lineId, variantId, sku, ean, name, size, colour, quantity, lineTotalCents, vatRateBasisPoints, picked,
                    missing, collected, refused, location);
        }

        /** Units still to hand over: neither collected, refused nor missing. */
        public int open() {
            return quantity - collected - refused - missing;
        }
    }

    /** A hand-over already made: when, by which terminal, in which store. */
    public record PickupHandover(String at, String deviceId, String storeId, String staffId) {
    }

    /** The most recent hand-over, or null. */
    public PickupHandover lastHandover() {
        return handovers.isEmpty() ? null : handovers.get(handovers.size() - 1);
    }

    /** Units still to hand over, over all lines. */
    public int openUnits() {
        return lines.stream().mapToInt(PickupLine::open).sum();
    }
}
