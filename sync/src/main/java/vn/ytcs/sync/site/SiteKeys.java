// SPDX-License-Identifier: Apache-2.0
package vn.ytcs.sync.site;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.InvalidKeyException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.spec.InvalidKeySpecException;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.HexFormat;
import vn.ytcs.core.site.Site;
import vn.ytcs.core.site.SiteRole;
import vn.ytcs.core.store.DataDirectory;
import vn.ytcs.core.store.Store;
import vn.ytcs.core.io.SafeFiles;

/**
 * This site's Ed25519 key pair (JDK built-in): created on first start, the private key kept in
 * the data folder ({@code keys/site.key}), the public key and its fingerprint in the site's row.
 */
public final class SiteKeys {

    private static final String ALGORITHM = "Ed25519";

    private final KeyPair pair;
    private final Site site;

    private SiteKeys(KeyPair pair, Site site) {
        this.pair = pair;
        this.site = site;
    }

    /** The key file of a data folder. */
    public static Path keyFile(Path dataDir) {
        return dataDir.resolve("keys").resolve("site.key");
    }

    /**
     * Loads this site's keys, creating them (and naming the site) the first time. The name and
     * role are used only when the site is created. Once a public key is registered, the key file
     * must hold its private key: a file that does not (a key file copied from another site,
     * damaged, or gone) is refused with a {@link SiteKeyException}, never replaced, as every
     * package signed with another key would be rejected by the sites that trust this one. A key
     * file without a registered public key (a first start stopped between the two) signed
     * nothing yet, and is replaced by a fresh pair.
     */
    public static SiteKeys loadOrCreate(Store store, String name, SiteRole role) {
        Path file = keyFile(store.dataDir());
        try {
            Site local = store.localSite();
            if (local.publicKey() != null) {
                return new SiteKeys(new KeyPair(publicKey(local.publicKey()), privateKey(file, local.publicKey())), local);
            }
            KeyPair pair = KeyPairGenerator.getInstance(ALGORITHM).generateKeyPair();
            Files.createDirectories(file.getParent());
            SafeFiles.write(file, out -> out.write(pair.getPrivate().getEncoded()));
            DataDirectory.secure(store.dataDir());
            String encoded = Base64.getEncoder().encodeToString(pair.getPublic().getEncoded());
            Site configured = store.sites().configureLocal(name != null ? name : local.name(),
                    role != null ? role : local.role(), encoded, fingerprint(encoded));
            return new SiteKeys(pair, configured);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot read or create the site key " + file, e);
        }
    }

    /** The private key of the file, checked against the registered public key by signing a probe with it. */
    private static PrivateKey privateKey(Path file, String registered) throws IOException, GeneralSecurityException {
        if (!Files.exists(file)) {
            throw new SiteKeyException(SiteKeyException.Reason.MISSING, file, null);
        }
        PrivateKey key;
        byte[] probe = ("ytcs key check " + file).getBytes(StandardCharsets.UTF_8);
        byte[] signature;
        try {
            key = KeyFactory.getInstance(ALGORITHM).generatePrivate(new PKCS8EncodedKeySpec(Files.readAllBytes(file)));
            java.security.Signature s = java.security.Signature.getInstance(ALGORITHM);
            s.initSign(key);
            s.update(probe);
            signature = s.sign();
        } catch (InvalidKeySpecException | InvalidKeyException | IllegalArgumentException e) {
            throw new SiteKeyException(SiteKeyException.Reason.DAMAGED, file, e);
        }
        if (!verify(registered, probe, signature)) {
            throw new SiteKeyException(SiteKeyException.Reason.MISMATCH, file, null);
        }
        return key;
    }

    public static PublicKey publicKey(String base64) throws GeneralSecurityException {
        return KeyFactory.getInstance(ALGORITHM).generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(base64)));
    }

    /**
     * The fingerprint people read aloud on the phone: the first 8 bytes of the SHA-256 of the
     * public key, as four groups of four hexadecimal digits ("3F2A-91BC-07DE-55A1").
     */
    public static String fingerprint(String publicKeyBase64) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(Base64.getDecoder().decode(publicKeyBase64));
            String hex = HexFormat.of().withUpperCase().formatHex(digest, 0, 8);
            return hex.substring(0, 4) + "-" + hex.substring(4, 8) + "-" + hex.substring(8, 12) + "-" + hex.substring(12, 16);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    public KeyPair pair() {
        return pair;
    }

    public Site site() {
        return site;
    }

    /** Signs bytes (a payload's SHA-256) with this site's private key. */
    public byte[] sign(byte[] message) {
        try {
            java.security.Signature s = java.security.Signature.getInstance(ALGORITHM);
            s.initSign(pair.getPrivate());
            s.update(message);
            return s.sign();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Checks a signature made by the holder of the public key. */
    public static boolean verify(String publicKeyBase64, byte[] message, byte[] signature) {
        try {
            java.security.Signature s = java.security.Signature.getInstance(ALGORITHM);
            s.initVerify(publicKey(publicKeyBase64));
            s.update(message);
            return s.verify(signature);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            return false;
        }
    }
}
