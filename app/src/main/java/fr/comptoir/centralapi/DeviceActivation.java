package fr.comptoir.centralapi;

/** A terminal's identity, given by the central platform in exchange for an activation code. */
public record DeviceActivation(String deviceId, String storeId, String storeName, String accessToken) {
}
