package fr.comptoir;

/**
 * This terminal's activation: which central platform it talks to, as which device, for which store.
 *
 * @param demo true when the central platform is the embedded demo one, started by the app itself
 */
public record DeviceConfig(String platformUrl, boolean demo, String deviceId, String storeId, String storeName, String accessToken) {
}
