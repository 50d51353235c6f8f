package fr.comptoir.fiscal;

/**
 * A terminal's public signing key as the platform registers it ({@code POST /v1/signing-keys},
 * or within the activation request): what anyone checking the terminal's records verifies them with.
 *
 * @param publicKey X.509 SubjectPublicKeyInfo in PEM form
 */
public record SigningKeyRegistration(String keyId, String algorithm, String publicKey) {

    public static SigningKeyRegistration of(SigningKey key) {
        return new SigningKeyRegistration(key.id(), SigningKey.ALGORITHM, key.publicKeyPem());
    }
}
