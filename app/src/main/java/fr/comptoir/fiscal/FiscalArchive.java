package fr.comptoir.fiscal;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PublicKey;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * An archive of a terminal's fiscal chains over a period, in an open format (JSON, schema in
 * {@code docs/fiscal-archive.schema.json}), with a detached signature of its exact bytes by the terminal's
 * key ({@code <archive>.sig}, DER, as {@code openssl dgst -sha256 -verify} reads it). It holds everything
 * needed to check it: the records, where each chain stood just before the period, and the public keys.
 *
 * @param format     {@link #FORMAT}
 * @param software   the software and version that wrote it
 * @param signedBy   the id of the key that signed the archive file
 */
public record FiscalArchive(String format, String software, String createdAt, Terminal terminal, String periodStart, String periodEnd,
                            String signedBy, List<Key> keys, List<Chain> chains) {

    public static final String FORMAT = "comptoir-fiscal-archive/1";

    /** Which terminal the records are from. */
    public record Terminal(String deviceId, String storeId, String installationId) {
    }

    /** A public key the records may name. */
    public record Key(String keyId, String algorithm, String publicKey) {
    }

    /**
     * One chain's records of the period, in order; {@code opening} is the record just before the first one
     * (null when the first one is the chain's first).
     */
    public record Chain(String chain, ChainVerifier.Opening opening, List<FiscalRecord> records) {
    }

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    /** Writes the archive and its signature; returns the archive file. */
    public Path write(Path file, SigningKey key) throws IOException {
        if (!key.id().equals(signedBy)) {
            throw new IllegalArgumentException("The archive names key " + signedBy + " but is signed with " + key.id());
        }
        byte[] bytes = JSON.writeValueAsBytes(this);
        Files.createDirectories(file.toAbsolutePath().getParent());
        Files.write(file, bytes);
        Files.write(signatureOf(file), key.sign(bytes));
        return file;
    }

    public static Path signatureOf(Path archive) {
        return archive.resolveSibling(archive.getFileName() + ".sig");
    }

    /**
     * Checks an archive file on its own: its own signature, then every chain in it.
     *
     * @param trustedKey the terminal's public key as the platform registered it; null to check against the
     *                   keys the archive carries (proves it is whole and consistent, not who made it)
     */
    public static VerificationReport verify(Path file, PublicKey trustedKey) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        List<ChainVerifier.Finding> other = new ArrayList<>();
        FiscalArchive a;
        try {
            a = JSON.readValue(bytes, FiscalArchive.class);
        } catch (IOException e) {
            other.add(new ChainVerifier.Finding("ARCHIVE", null, "is not a readable archive: " + e.getMessage()));
            return new VerificationReport(List.of(), other);
        }
        if (!FORMAT.equals(a.format())) {
            other.add(new ChainVerifier.Finding("ARCHIVE", null, "is in format " + a.format() + ", not " + FORMAT));
        }
        Map<String, PublicKey> keys = new LinkedHashMap<>();
        for (Key k : a.keys() == null ? List.<Key>of() : a.keys()) {
            try {
                PublicKey pk = SigningKey.publicKeyFromPem(k.publicKey());
                if (SigningKey.idOf(pk).equals(k.keyId())) {
                    keys.put(k.keyId(), pk);
                } else {
                    other.add(new ChainVerifier.Finding("KEYS", null, "key " + k.keyId() + " is not the key its id names (replaced)"));
                }
            } catch (IllegalArgumentException e) {
                other.add(new ChainVerifier.Finding("KEYS", null, "key " + k.keyId() + " cannot be read: " + e.getMessage()));
            }
        }
        Set<String> trusted = Set.of();
        if (trustedKey != null) {
            String id = SigningKey.idOf(trustedKey);
            keys.put(id, trustedKey);
            trusted = Set.of(id);
        }
        Path sig = signatureOf(file);
        PublicKey archiveKey = keys.get(a.signedBy());
        if (!Files.exists(sig)) {
            other.add(new ChainVerifier.Finding("ARCHIVE", null, "its signature file " + sig.getFileName() + " is missing"));
        } else if (archiveKey == null || (!trusted.isEmpty() && !trusted.contains(a.signedBy()))) {
            other.add(new ChainVerifier.Finding("ARCHIVE", null, "is signed with key " + a.signedBy() + ", which is not the terminal's"));
        } else if (!SigningKey.verify(archiveKey, bytes, Files.readAllBytes(sig))) {
            other.add(new ChainVerifier.Finding("ARCHIVE", null, "has been changed since it was made: its signature does not match"));
        }
        List<ChainVerifier.Result> results = new ArrayList<>();
        for (Chain c : a.chains() == null ? List.<Chain>of() : a.chains()) {
            results.add(ChainVerifier.verify(c.chain(), c.records() == null ? List.of() : c.records(), keys, trusted, c.opening()));
        }
        return new VerificationReport(results, other);
    }
}
