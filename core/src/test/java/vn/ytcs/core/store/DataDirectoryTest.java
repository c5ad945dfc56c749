// SPDX-License-Identifier: Apache-2.0
package vn.ytcs.core.store;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

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
}
