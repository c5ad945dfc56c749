// SPDX-License-Identifier: Apache-2.0
package vn.ytcs.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.ytcs.core.site.SiteRole;
import vn.ytcs.sync.pack.PackageReader;
import vn.ytcs.sync.pack.PackageRefused;
import vn.ytcs.sync.pack.PackageRefused.Reason;

/**
 * Nothing is built from a package before its signature is checked, and nothing unbounded is built
 * after: a manifest, a record or an audit entry larger than any YTCS writes is refused as such.
 */
class BoundsTest {

    @TempDir
    static Path dir;
    static Sites district;
    static Sites province;
    static Path stick;
    static List<String> before;

    @BeforeAll
    static void setUp() throws Exception {
        stick = Files.createDirectories(dir.resolve("stick"));
        district = new Sites(dir.resolve("district"), "TTYT Châu Thành", SiteRole.DISTRICT);
        province = new Sites(dir.resolve("province"), "Sở Y tế", SiteRole.PROVINCE);
        province.importer.trustSender(Forge.pack(stick, district.keys, province.keys.site().id(), 1, "", ""));
        before = province.dump();
    }

    @AfterAll
    static void tearDown() {
        district.close();
        province.close();
    }

    private static PackageRefused refused(Path file, Reason reason) {
        PackageRefused e = assertThrows(PackageRefused.class, () -> province.importer.importFile(file, false));
        assertEquals(reason, e.reason(), e.getMessage());
        assertEquals(file.toString(), e.file());
        assertEquals(before, province.dump(), "a refused package changes nothing");
        return e;
    }

    /** A unit record; of an invented unit type ("PHU_THUY") where a test needs a record that is refused once built. */
    private static String unit(String type, String extraFields) {
        return "{\"kind\":\"unit\",\"id\":\"" + UUID.randomUUID() + "\",\"owner\":\"" + district.keys.site().id()
                + "\",\"version\":\"" + Forge.version(district.keys) + "\",\"deleted\":false,\"fields\":{\"code\":\"X1\","
                + "\"code_official\":false,\"name\":\"Xã Một\",\"unit_level\":\"COMMUNE\",\"unit_type\":\"" + type + "\","
                + "\"parent_id\":null,\"valid_from\":\"2020-01-01\",\"valid_to\":null,\"vung\":null,\"demo\":false,"
                + "\"note\":null,\"socio_region\":null" + extraFields + "},\"fieldVersions\":{}}";
    }

    private static String members(int n) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < n; i++) {
            out.append(",\"k").append(i).append("\":0");
        }
        return out.toString();
    }

    @Test
    void theSignatureIsCheckedBeforeAnyRecordIsBuilt() throws Exception {
        // A package whose record is bad (an invented unit type) and whose signature is not the sender's:
        // the signature is what is refused, so the record was never built.
        Path file = Forge.pack(stick, district.keys, province.keys.site().id(), 1, unit("PHU_THUY", ""), "\"unit\":1", "",
                UnaryOperator.identity(), UnaryOperator.identity(),
                f -> f.replaceFirst("\"signature\":\"[^\"]*\"", "\"signature\":\""
                        + java.util.Base64.getEncoder().encodeToString(new byte[64]) + "\""));
        refused(file, Reason.BAD_SIGNATURE);
        // Signed for real, the same record is refused for what it is.
        PackageRefused e = refused(Forge.pack(stick, district.keys, province.keys.site().id(), 1, unit("PHU_THUY", ""), "\"unit\":1"),
                Reason.UNKNOWN_VALUE);
        assertEquals("fields.unit_type", e.field());
    }

    @Test
    void aManifestLargerThanAnyIsRefusedWithoutReadingItAll() throws Exception {
        Path file = Forge.pack(stick, district.keys, province.keys.site().id(), 1, "", "", "", UnaryOperator.identity(),
                m -> m.substring(0, m.length() - 1) + members(100_000) + "}", UnaryOperator.identity());
        PackageRefused e = refused(file, Reason.TOO_MANY_VALUES);
        assertEquals("$.manifest", e.field());
    }

    @Test
    void aRecordLargerThanAnyIsRefusedBeforeItIsBuilt() throws Exception {
        // One record with a hundred thousand members, signed for real: refused as too large, at the record.
        Path file = Forge.pack(stick, district.keys, province.keys.site().id(), 1,
                unit("XA", "").replace("\"fieldVersions\":{}", "\"fieldVersions\":{\"x\":0" + members(100_000) + "}"), "\"unit\":1");
        PackageRefused e = refused(file, Reason.TOO_MANY_VALUES);
        assertEquals("records[0]", e.record());
        // Unsigned, the same: refused by the scan, before the signature is even looked at.
        Path unsigned = Forge.pack(stick, district.keys, province.keys.site().id(), 1, "{\"kind\":\"unit\"" + members(100_000) + "}",
                "\"unit\":1", "", UnaryOperator.identity(), UnaryOperator.identity(), f -> f.replace("\"signature\":\"", "\"signature\":\"AAAA"));
        assertEquals("records[0]", refused(unsigned, Reason.TOO_MANY_VALUES).record());
        // And texts: a few long strings in one audit entry add up.
        String text = "\"" + "a".repeat(PackageReader.MAX_STRING - 10) + "\"";
        String audit = "{\"recordId\":\"" + UUID.randomUUID() + "\",\"table\":\"ADMIN_UNIT\",\"action\":\"UPDATE\",\"field\":" + text
                + ",\"oldValue\":" + text + ",\"newValue\":" + text + ",\"actor\":" + text + ",\"at\":" + text + ",\"site\":\""
                + district.keys.site().id() + "\",\"version\":\"" + Forge.version(district.keys) + "\"}";
        Path texts = Forge.pack(stick, district.keys, province.keys.site().id(), 1, "", "", audit, UnaryOperator.identity(),
                UnaryOperator.identity(), UnaryOperator.identity());
        assertEquals("audit[0]", refused(texts, Reason.TOO_MUCH_TEXT).record());
    }

    @Test
    void anAuditEntryWithMembersNoAuditHasIsRefused() throws Exception {
        String audit = "{\"recordId\":\"" + UUID.randomUUID() + "\",\"table\":\"ADMIN_UNIT\",\"action\":\"CREATE\",\"field\":null,"
                + "\"oldValue\":null,\"newValue\":null,\"actor\":\"lan\",\"at\":\"2026-11-24T09:12:00Z\",\"site\":\""
                + district.keys.site().id() + "\",\"version\":\"" + Forge.version(district.keys) + "\",\"note\":\"x\"}";
        PackageRefused e = refused(Forge.pack(stick, district.keys, province.keys.site().id(), 1, "", "", audit,
                UnaryOperator.identity(), UnaryOperator.identity(), UnaryOperator.identity()), Reason.UNKNOWN_VALUE);
        assertEquals("audit[0]", e.record());
        assertEquals("note", e.field());
    }

    @Test
    void moreRecordsThanTheManifestCountsIsRefusedBeforeAnyRecordIsBuilt() throws Exception {
        // Two records (that would be refused once built) where the manifest counts one, and no signature:
        // the scan counts them and refuses the package before building any.
        Path file = Forge.pack(stick, district.keys, province.keys.site().id(), 1, unit("PHU_THUY", "") + "," + unit("PHU_THUY", ""),
                "\"unit\":1", "",
                UnaryOperator.identity(), UnaryOperator.identity(), f -> f.replace("\"signature\":\"", "\"signature\":\"AAAA"));
        refused(file, Reason.COUNTS_MISMATCH);
    }
}
