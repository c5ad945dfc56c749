// SPDX-License-Identifier: Apache-2.0
package vn.ytcs.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.ytcs.core.demo.DemoLoader;
import vn.ytcs.core.site.SiteRole;
import vn.ytcs.sync.pack.PackageImporter;
import vn.ytcs.sync.pack.PackageRefused;
import vn.ytcs.sync.pack.PackageWriter;

/** A district sends its register to the province on a "stick"; the province confirms with a receipt. */
class RoundTripTest {

    @TempDir
    Path dir;

    @Test
    void districtToProvinceAndBackWithAReceipt() throws Exception {
        Path stick = Files.createDirectories(dir.resolve("stick"));
        try (Sites district = new Sites(dir.resolve("district"), "TTYT huyện Châu Thành", SiteRole.DISTRICT);
             Sites province = new Sites(dir.resolve("province"), "Sở Y tế Hậu Giang", SiteRole.PROVINCE)) {
            DemoLoader.load(district.store, "lan");
            PackageWriter.Exported first = PackageWriter.export(district.store, district.keys, null, false, stick, false);
            assertTrue(Files.exists(first.file()));
            assertEquals(1, first.manifest().sequence());

            PackageRefused unknown = assertThrows(PackageRefused.class, () -> province.importer.importFile(first.file(), false));
            assertEquals(PackageRefused.Reason.UNKNOWN_SENDER, unknown.reason());
            assertEquals(district.keys.site().fingerprint(), PackageImporter.inspect(first.file()).fingerprint());
            province.importer.trustSender(first.file());

            PackageImporter.Result preview = province.importer.importFile(first.file(), true);
            assertEquals(PackageImporter.Outcome.DRY_RUN, preview.outcome());
            assertEquals(first.manifest().total(), preview.created());
            assertTrue(province.dump().isEmpty(), "a dry run writes nothing");

            PackageImporter.Result applied = province.importer.importFile(first.file(), false);
            assertEquals(PackageImporter.Outcome.APPLIED, applied.outcome());
            assertNotNull(applied.receipt());
            List<String> afterFirst = province.dump();
            assertEquals(district.dump(), afterFirst, "the province holds exactly the district's register");

            PackageImporter.Result again = province.importer.importFile(first.file(), false);
            assertEquals(PackageImporter.Outcome.ALREADY_IMPORTED, again.outcome());
            assertEquals(afterFirst, province.dump(), "importing twice changes nothing");

            assertEquals(PackageRefused.Reason.UNKNOWN_SENDER, assertThrows(PackageRefused.class,
                    () -> district.importer.importFile(applied.receipt(), false)).reason(), "the province is not trusted yet");
            district.importer.trustSender(applied.receipt());
            assertEquals(PackageImporter.Outcome.RECEIPT, district.importer.importFile(applied.receipt(), false).outcome());
            assertEquals(1, district.store.sites().peer(province.keys.site().id()).acknowledged());

            // Nothing changed since: the next incremental package is empty.
            PackageWriter.Exported second = PackageWriter.export(district.store, district.keys, province.keys.site().id(), false,
                    stick, true);
            assertEquals(2, second.manifest().sequence());
            assertEquals(0, second.manifest().total());
            assertEquals(PackageImporter.Outcome.APPLIED, province.importer.importFile(second.file(), false).outcome());
            assertEquals(afterFirst, province.dump());
        }
    }
}
