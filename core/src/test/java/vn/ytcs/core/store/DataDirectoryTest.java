// SPDX-License-Identifier: Apache-2.0
package vn.ytcs.core.store;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DataDirectoryTest {

    private final Path home = Path.of("/home/an");

    @Test
    void explicitFolderWinsOverEnvironment() {
        assertEquals(Path.of("/data/x"), DataDirectory.resolve(Path.of("/data/x"), Map.of(DataDirectory.ENV, "/env"), "Linux", home));
        assertEquals(Path.of("/env"), DataDirectory.resolve(null, Map.of(DataDirectory.ENV, "/env"), "Linux", home));
    }

    @Test
    void perUserDefaults() {
        assertEquals(Path.of("/home/an/.local/share/ytcs"), DataDirectory.resolve(null, Map.of(), "Linux", home));
        assertEquals(Path.of("C:/Users/an/AppData/Roaming", "YTCS"),
                DataDirectory.resolve(null, Map.of("APPDATA", "C:/Users/an/AppData/Roaming"), "Windows 10", home));
    }
    @TempDir
    Path dir;

    private static String permissions(Path p) throws Exception {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(p));
    }

    private static void posixOnly() {
        Assumptions.assumeTrue(FileSystems.getDefault().supportedFileAttributeViews().contains("posix"), "POSIX permissions");
    }

    @Test
    void aNewDataFolderAndItsDatabaseArePrivateToTheUser() throws Exception {
        posixOnly();
        Path data = dir.resolve("new");
        try (Store store = Store.open(data)) {
            store.backup("test");
        }
        assertEquals("rwx------", permissions(data));
        assertEquals("rw-------", permissions(Store.databaseFile(data)));
        Store.open(data).close();
        assertEquals("rwx------", permissions(data.resolve("backups")), "the backups folder too, from the next start");
    }

    @Test
    void anOlderWorldReadableFolderIsMadePrivateWhenItIsOpened() throws Exception {
        posixOnly();
        Path data = dir.resolve("old");
        Store.open(data).close();
        Files.setPosixFilePermissions(data, PosixFilePermissions.fromString("rwxr-xr-x"));
        Files.setPosixFilePermissions(Store.databaseFile(data), PosixFilePermissions.fromString("rw-r--r--"));
        Path keys = Files.createDirectories(data.resolve("keys"));
        Files.setPosixFilePermissions(keys, PosixFilePermissions.fromString("rwxr-xr-x"));
        Path key = Files.write(keys.resolve("site.key"), new byte[] {1});
        Files.setPosixFilePermissions(key, PosixFilePermissions.fromString("rw-r--r--"));
        Store.open(data).close();
        assertEquals("rwx------", permissions(data));
        assertEquals("rw-------", permissions(Store.databaseFile(data)));
        assertEquals("rwx------", permissions(keys));
        assertEquals("rw-------", permissions(key));
    }

    @Test
    void aFolderThatAlsoHoldsOtherThingsKeepsItsPermissionsButTheDatabaseIsPrivate() throws Exception {
        posixOnly();
        Path shared = Files.createDirectories(dir.resolve("shared"));
        Files.setPosixFilePermissions(shared, PosixFilePermissions.fromString("rwxr-xr-x"));
        Files.writeString(shared.resolve("notes.txt"), "not YTCS's");
        Store.open(shared).close();
        assertEquals("rwxr-xr-x", permissions(shared), "a folder YTCS does not own alone is not locked");
        assertEquals("rw-------", permissions(Store.databaseFile(shared)));
    }
}
