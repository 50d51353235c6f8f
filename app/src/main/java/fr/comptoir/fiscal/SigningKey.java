package fr.comptoir.fiscal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.AclEntry;
import java.nio.file.attribute.AclEntryPermission;
import java.nio.file.attribute.AclEntryType;
import java.nio.file.attribute.AclFileAttributeView;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipal;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * The terminal's fiscal signing key: ECDSA on P-256 with SHA-256 (decision 0031). Made once, at activation,
 * in the data folder's {@code keys/} folder, readable by the terminal's own account only; the private key
 * never leaves it. Its id is the start of the SHA-256 of its public key, named by every record it signs.
 */
public final class SigningKey {

    public static final String ALGORITHM = "SHA256withECDSA";
    public static final String FOLDER = "keys";
    public static final String PRIVATE_FILE = "fiscal-signing-key.p8";
    public static final String PUBLIC_FILE = "fiscal-signing-key.pub.pem";

    private final PrivateKey privateKey;
    private final PublicKey publicKey;
    private final String id;

    private SigningKey(PrivateKey privateKey, PublicKey publicKey) {
        this.privateKey = privateKey;
        this.publicKey = publicKey;
        this.id = idOf(publicKey);
    }

    /** A new key kept in memory only (tests, and the demo's throw-away journals). */
    public static SigningKey generate() {
        try {
            KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
            g.initialize(new ECGenParameterSpec("secp256r1"));
            KeyPair p = g.generateKeyPair();
            return new SigningKey(p.getPrivate(), p.getPublic());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("This Java runtime cannot make P-256 keys", e);
        }
    }

    /** The key kept in this data folder, if there is one that can be read. */
    public static Optional<SigningKey> load(Path home) {
        Path file = home.resolve(FOLDER).resolve(PRIVATE_FILE);
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        try {
            KeyFactory f = KeyFactory.getInstance("EC");
            PrivateKey priv = f.generatePrivate(new PKCS8EncodedKeySpec(Files.readAllBytes(file)));
            PublicKey pub = publicKeyFromPem(Files.readString(home.resolve(FOLDER).resolve(PUBLIC_FILE)));
            SigningKey k = new SigningKey(priv, pub);
            k.verify(new byte[] {1}, k.sign(new byte[] {1})); // the two halves belong together
            return Optional.of(k);
        } catch (java.nio.file.AccessDeniedException e) {
            // Not a damaged key: this account may not read it. It must never be set aside and replaced for that.
            throw fr.comptoir.datafolder.DataFolderAccess.denied(home);
        } catch (IOException | GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalStateException("The fiscal signing key in " + file + " cannot be read: " + e.getMessage(), e);
        }
    }

    /** Makes a new key and keeps it in the data folder, readable by this account only (by the till's accounts in a shared folder). */
    public static SigningKey create(Path home) {
        SigningKey k = generate();
        Path dir = home.resolve(FOLDER);
        try {
            Files.createDirectories(dir);
            fr.comptoir.datafolder.DataFolderAccess.restrict(home, dir, true);
            write(home, dir.resolve(PUBLIC_FILE), k.publicKeyPem().getBytes(java.nio.charset.StandardCharsets.US_ASCII), false);
            write(home, dir.resolve(PRIVATE_FILE), k.privateKey.getEncoded(), true);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot keep the fiscal signing key in " + dir, e);
        }
        return k;
    }

    private static void write(Path home, Path file, byte[] bytes, boolean secret) throws IOException {
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        Files.deleteIfExists(tmp);
        Files.createFile(tmp);
        if (secret) {
            fr.comptoir.datafolder.DataFolderAccess.restrict(home, tmp, false);
        }
        Files.write(tmp, bytes);
        try (var ch = java.nio.channels.FileChannel.open(tmp, java.nio.file.StandardOpenOption.WRITE)) {
            ch.force(true);
        }
        try {
            Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    public String id() {
        return id;
    }

    public PublicKey publicKey() {
        return publicKey;
    }

    public byte[] sign(byte[] data) {
        try {
            Signature s = Signature.getInstance(ALGORITHM);
            s.initSign(privateKey);
            s.update(data);
            return s.sign();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Cannot sign with the fiscal key", e);
        }
    }

    private void verify(byte[] data, byte[] signature) throws GeneralSecurityException {
        if (!verify(publicKey, data, signature)) {
            throw new GeneralSecurityException("the private key does not match the public key");
        }
    }

    /** Whether a signature (DER, as OpenSSL makes them) was made over these bytes by this public key's private half. */
    public static boolean verify(PublicKey key, byte[] data, byte[] signature) {
        try {
            Signature s = Signature.getInstance(ALGORITHM);
            s.initVerify(key);
            s.update(data);
            return s.verify(signature);
        } catch (java.security.SignatureException e) {
            return false; // not a signature at all
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Cannot verify a fiscal signature", e);
        }
    }

    public String publicKeyPem() {
        return pem(publicKey);
    }

    public static String pem(PublicKey key) {
        return "-----BEGIN PUBLIC KEY-----\n" + Base64.getMimeEncoder(64, "\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII))
                .encodeToString(key.getEncoded()) + "\n-----END PUBLIC KEY-----\n";
    }

    public static PublicKey publicKeyFromPem(String pem) {
        String b64 = pem.replace("-----BEGIN PUBLIC KEY-----", "").replace("-----END PUBLIC KEY-----", "").replaceAll("\\s", "");
        try {
            return KeyFactory.getInstance("EC").generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(b64)));
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("Not an EC public key in PEM form: " + e.getMessage(), e);
        }
    }

    /** The first 16 hexadecimal digits of the SHA-256 of the key's X.509 encoding. */
    public static String idOf(PublicKey key) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(key.getEncoded()), 0, 8);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
