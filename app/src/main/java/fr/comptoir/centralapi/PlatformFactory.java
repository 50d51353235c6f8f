package fr.comptoir.centralapi;

import java.util.function.Supplier;

/**
 * Opens the central platform a terminal is configured for. The composition root asks this factory,
 * never a given implementation, so that another platform (the Comptoir Commerce API over HTTP today; a
 * Medusa v2 connector later; an in-memory one in tests) is one more factory, and no feature or sync code
 * changes.
 */
@FunctionalInterface
public interface PlatformFactory {

    /** Who the terminal is once activated. */
    record Credentials(String storeId, String accessToken) {
    }

    /**
     * @param address     where the platform is, as the terminal was configured (a URL for the Commerce API)
     * @param credentials the terminal's credentials, or a supplier of null before activation
     */
    CentralPlatform connect(String address, Supplier<Credentials> credentials);
}
