package fr.comptoir.pickups;

/** The ready notice sent again, or an expired order returned to stock ({@code approvedBy} then required). */
public record PickupDeskAction(String orderId, String orderNumber, String deviceId, String staffId, String at, String approvedBy) {
}
