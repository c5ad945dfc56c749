// SPDX-License-Identifier: Apache-2.0
package vn.ytcs.sync;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.ytcs.core.site.Site;
import vn.ytcs.core.site.SiteRole;
import vn.ytcs.core.store.Store;
import vn.ytcs.sync.site.SiteKeyException;
import vn.ytcs.sync.site.SiteKeys;

/** The key file on disk: private to the user, and checked against the public key the other sites trust. */
class SiteKeysTest {

    @TempDir
    Path dir;

    /** Creates a site with its keys; returns its registered public key. */
    private String site(Path data, String name) {
        try (Store store = Store.open(data)) {
            return SiteKeys.loadOrCreate(store, name, SiteRole.DISTRICT).site().publicKey();
        }
    }

    private SiteKeyException refused(Path data) {
        try (Store store = Store.open(data)) {
            return assertThrows(SiteKeyException.class, () -> SiteKeys.loadOrCreate(store, null, null));
        }
    }

    private static String registered(Path data) {
        try (Store store = Store.open(data)) {
            return store.localSite().publicKey();
        }
    }

    @Test
    void theKeyFileAndItsFolderArePrivateToTheUser() throws Exception {
        Assumptions.assumeTrue(FileSystems.getDefault().supportedFileAttributeViews().contains("posix"), "POSIX permissions");
        Path data = dir.resolve("a");
        site(data, "A");
        Path key = SiteKeys.keyFile(data);
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(key)));
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(key.getParent())));
    }

    @Test
    void aKeyFileOfAnotherSiteIsRefusedAndNotReplaced() throws Exception {
        Path a = dir.resolve("a");
        Path b = dir.resolve("b");
        String keyOfA = site(a, "A");
        site(b, "B");
        byte[] other = Files.readAllBytes(SiteKeys.keyFile(b));
        Files.write(SiteKeys.keyFile(a), other);
        SiteKeyException e = refused(a);
        assertEquals(SiteKeyException.Reason.MISMATCH, e.reason());
        assertEquals(SiteKeys.keyFile(a), e.file());
        assertArrayEquals(other, Files.readAllBytes(SiteKeys.keyFile(a)), "the file is left for the user to replace");
        assertEquals(keyOfA, registered(a), "the key the other sites trust stays registered");
    }

    @Test
    void aDamagedOrMissingKeyFileIsRefusedAndNoNewKeyIsMade() throws Exception {
        Path a = dir.resolve("a");
        String keyOfA = site(a, "A");
        Files.writeString(SiteKeys.keyFile(a), "not a key", StandardCharsets.UTF_8);
        assertEquals(SiteKeyException.Reason.DAMAGED, refused(a).reason());
        Files.delete(SiteKeys.keyFile(a));
        assertEquals(SiteKeyException.Reason.MISSING, refused(a).reason());
        assertTrue(Files.notExists(SiteKeys.keyFile(a)), "no new key file");
        assertEquals(keyOfA, registered(a));
    }

    @Test
    void aKeyFileWithoutARegisteredPublicKeyIsReplacedByAFreshPair() throws Exception {
        // A first start stopped after writing the key file and before registering its public key.
        Path b = dir.resolve("b");
        site(b, "B");
        Path a = dir.resolve("a");
        Store.open(a).close();
        Files.createDirectories(SiteKeys.keyFile(a).getParent());
        Files.copy(SiteKeys.keyFile(b), SiteKeys.keyFile(a));
        byte[] stale = Files.readAllBytes(SiteKeys.keyFile(a));
        try (Store store = Store.open(a)) {
            SiteKeys keys = SiteKeys.loadOrCreate(store, "A", SiteRole.DISTRICT);
            Site site = keys.site();
            assertEquals("A", site.name());
            byte[] message = "a payload hash".getBytes(StandardCharsets.US_ASCII);
            assertTrue(SiteKeys.verify(site.publicKey(), message, keys.sign(message)), "the new pair belongs together");
            assertEquals(site.publicKey(), store.localSite().publicKey());
        }
        assertNotEquals(new String(stale, StandardCharsets.ISO_8859_1),
                new String(Files.readAllBytes(SiteKeys.keyFile(a)), StandardCharsets.ISO_8859_1));
        try (Store store = Store.open(a)) {
            SiteKeys again = SiteKeys.loadOrCreate(store, null, null);
            assertEquals("A", again.site().name(), "and it loads as this site's key from then on");
        }
    }
}
