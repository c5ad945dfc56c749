// SPDX-License-Identifier: Apache-2.0
package vn.ytcs.sync.site;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.HexFormat;
import vn.ytcs.core.site.Site;
import vn.ytcs.core.site.SiteRole;
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
     * role are used only when the site is created.
     */
    public static SiteKeys loadOrCreate(Store store, String name, SiteRole role) {
        Path file = keyFile(store.dataDir());
        try {
            Site local = store.localSite();
            if (Files.exists(file)) {
                PrivateKey privateKey = KeyFactory.getInstance(ALGORITHM)
                        .generatePrivate(new PKCS8EncodedKeySpec(Files.readAllBytes(file)));
                if (local.publicKey() == null) {
                    throw new IllegalStateException("key file without a registered public key: " + file);
                }
                PublicKey publicKey = publicKey(local.publicKey());
                return new SiteKeys(new KeyPair(publicKey, privateKey), local);
            }
            KeyPair pair = KeyPairGenerator.getInstance(ALGORITHM).generateKeyPair();
            Files.createDirectories(file.getParent());
            SafeFiles.write(file, out -> out.write(pair.getPrivate().getEncoded()));
            String encoded = Base64.getEncoder().encodeToString(pair.getPublic().getEncoded());
            Site configured = store.sites().configureLocal(local.publicKey() == null && name != null ? name : local.name(),
                    role != null ? role : local.role(), encoded, fingerprint(encoded));
            return new SiteKeys(pair, configured);
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException("cannot read or create the site key " + file, e);
        }
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
