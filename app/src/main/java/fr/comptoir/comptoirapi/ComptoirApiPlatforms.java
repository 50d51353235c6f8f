package fr.comptoir.comptoirapi;

import fr.comptoir.centralapi.CentralPlatform;
import fr.comptoir.centralapi.PlatformFactory;

import java.util.function.Supplier;

/** {@link PlatformFactory} for the Comptoir Commerce API over HTTP ({@link HttpCentralPlatform}). */
public final class ComptoirApiPlatforms implements PlatformFactory {

    private final RetryPolicy retryPolicy;

    public ComptoirApiPlatforms(RetryPolicy retryPolicy) {
        this.retryPolicy = retryPolicy;
    }

    @Override
    public CentralPlatform connect(String address, Supplier<Credentials> credentials) {
        return new HttpCentralPlatform(address, () -> {
            Credentials c = credentials.get();
            return c == null ? null : new HttpCentralPlatform.Credentials(c.storeId(), c.accessToken());
        }, HttpCentralPlatform.defaultClient(), retryPolicy);
    }
}
