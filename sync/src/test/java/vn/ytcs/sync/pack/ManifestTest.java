// SPDX-License-Identifier: Apache-2.0
package vn.ytcs.sync.pack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.ytcs.core.demo.DemoLoader;
import vn.ytcs.core.site.SiteRole;
import vn.ytcs.core.store.Store;
import vn.ytcs.sync.site.SiteKeys;

/** A package file is named by its sender's name and sequence, so that a province can tell whose stick it holds. */
class ManifestTest {

    private static final OffsetDateTime CREATED = OffsetDateTime.of(2025, 6, 30, 23, 30, 0, 0, ZoneOffset.UTC);

    @TempDir
    Path dir;

    @Test
    void theFileNameSaysWhoSentItWhichNumberAndWhen() {
        assertEquals("ttyt-huyen-vi-thuy-3f2a91bc-12-20250630.ytcs.json",
                Manifest.fileName("TTYT huyện Vị Thủy", "3F2A-91BC-07DE-55A1", 12, CREATED, false));
        assertEquals("so-y-te-hau-giang-3f2a91bc-1-20250630.ytcs.json.gz",
                Manifest.fileName("Sở Y tế Hậu Giang", "3F2A-91BC-07DE-55A1", 1, CREATED, true));
        assertEquals("ytcs-3f2a91bc-2-20250630.ytcs.json", Manifest.fileName("…", "3F2A-91BC-07DE-55A1", 2, CREATED, false),
                "a name without a letter to keep");
        String longName = Manifest.fileName("Trung tâm Y tế khu vực " + "Châu Thành ".repeat(20), "3F2A-91BC-07DE-55A1", 3,
                CREATED, false);
        assertTrue(longName.length() <= 80, longName);
        assertTrue(longName.matches("[a-z0-9-]+\\.ytcs\\.json"), longName);
    }

    @Test
    void twoSitesOfOneNameNeverWriteTheSameFileName() {
        assertNotEquals(Manifest.fileName("TTYT huyện Vị Thủy", "3F2A-91BC-07DE-55A1", 1, CREATED, false),
                Manifest.fileName("TTYT huyen Vi Thuy", "77C0-1D2E-07DE-55A1", 1, CREATED, false));
    }

    @Test
    void anExportIsWrittenUnderItsSendersName() throws Exception {
        try (Store store = Store.open(dir.resolve("district"))) {
            SiteKeys keys = SiteKeys.loadOrCreate(store, "TTYT huyện Vị Thủy", SiteRole.DISTRICT);
            DemoLoader.load(store, "lan");
            PackageWriter.Exported exported = PackageWriter.export(store, keys, null, false,
                    Files.createDirectories(dir.resolve("stick")), true);
            String fingerprint = keys.site().fingerprint().replace("-", "").toLowerCase(java.util.Locale.ROOT).substring(0, 8);
            assertEquals("ttyt-huyen-vi-thuy-" + fingerprint + "-1-"
                    + exported.manifest().created().toLocalDate().toString().replace("-", "") + ".ytcs.json.gz",
                    exported.file().getFileName().toString());
            assertEquals(exported.manifest().fileName(true), exported.file().getFileName().toString());
            assertEquals(keys.site().id(), PackageReader.inspect(exported.file()).manifest().sender(),
                    "the site's id is in the manifest");
        }
    }
}
