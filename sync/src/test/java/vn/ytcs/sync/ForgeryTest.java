// SPDX-License-Identifier: Apache-2.0
package vn.ytcs.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.ytcs.core.site.Site;
import vn.ytcs.core.site.SiteRole;
import vn.ytcs.core.site.SiteService.PeerState;
import vn.ytcs.core.unit.Unit;
import vn.ytcs.core.unit.UnitType;
import vn.ytcs.sync.pack.PackageImporter;
import vn.ytcs.sync.pack.PackageRefused;
import vn.ytcs.sync.pack.PackageRefused.Reason;
import vn.ytcs.sync.pack.PackageWriter;
import vn.ytcs.sync.pack.Receipt;

/**
 * Forgeries made with a trusted site's real key: what is used must be exactly what was signed.
 * A key twice anywhere, a member that should not be there, a value of the wrong type: refused, with
 * the field, and nothing changes.
 */
class ForgeryTest {

    private static final String COUNTS = "\"created\":2,\"changed\":0,\"deleted\":0,\"conflicts\":0";
    private static final String FORGED = "\"created\":4242,\"changed\":0,\"deleted\":0,\"conflicts\":0";

    @TempDir
    static Path dir;
    static Sites district;
    static Sites province;
    static Path stick;
    static String hash;
    static List<String> provinceBefore;
    static String unitRecord;
    static String unitId;

    @BeforeAll
    static void setUp() throws Exception {
        stick = Files.createDirectories(dir.resolve("stick"));
        district = new Sites(dir.resolve("district"), "TTYT Châu Thành", SiteRole.DISTRICT);
        province = new Sites(dir.resolve("province"), "Sở Y tế", SiteRole.PROVINCE);
        district.store.write("lan", w -> {
            w.save(new Unit(UUID.randomUUID(), "CT01", false, "Xã Đông Phú", UnitType.XA, null, LocalDate.of(2020, 1, 1),
                    null, 2, null, false, null));
            return null;
        });
        PackageWriter.Exported first = PackageWriter.export(district.store, district.keys, null, true, stick, false);
        hash = first.manifest().payloadSha256();
        JsonNode unit = new ObjectMapper().readTree(first.file().toFile()).get("payload").get("records").get(0);
        unitRecord = unit.toString();
        unitId = unit.get("id").asText();
        province.importer.trustSender(first.file());
        Path receipt = province.importer.importFile(first.file(), false).receipt();
        district.importer.trustSender(receipt);
        provinceBefore = province.dump();
    }

    @AfterAll
    static void tearDown() {
        district.close();
        province.close();
    }

    // ---- receipts ----

    private static String body(String acknowledges, String counts, String extra) {
        Site p = province.keys.site();
        return "{\"site\":\"" + p.id() + "\",\"name\":\"" + p.name() + "\",\"role\":\"" + p.role() + "\",\"publicKey\":\""
                + p.publicKey() + "\",\"fingerprint\":\"" + p.fingerprint() + "\",\"acknowledges\":{" + acknowledges
                + "},\"applied\":\"2026-11-26T10:05:12Z\",\"outcome\":\"APPLIED\",\"counts\":{" + counts + "}" + extra + "}";
    }

    private static String acknowledges(String sequence) {
        return "\"sender\":\"" + district.keys.site().id() + "\",\"sequence\":" + sequence + ",\"payloadSha256\":\"" + hash + "\"";
    }

    private static String genuine() {
        return body(acknowledges("1"), COUNTS, "");
    }

    /** The district imports a forged receipt: refused at the field, and what it knows of the province stays. */
    private static PackageRefused receiptRefused(Path file, Reason reason, String field) {
        UUID p = province.keys.site().id();
        PeerState before = district.store.sites().peer(p);
        List<String> register = district.dump();
        PackageRefused e = assertThrows(PackageRefused.class, () -> district.importer.importFile(file, false),
                "a forged receipt must be refused");
        assertEquals(reason, e.reason(), e.getMessage());
        assertEquals(field, e.field(), e.getMessage());
        assertEquals(file.toString(), e.file());
        assertEquals(before, district.store.sites().peer(p), "a refused receipt changes nothing");
        assertEquals(register, district.dump());
        return e;
    }

    @Test
    void aSecondReceiptAppendedAfterTheSignedOneIsRefused() throws Exception {
        // The bytes signed run from the first receipt to the signature, the second receipt included,
        // so that a reader hashing "what lies before the signature" finds the signature good.
        String signed = genuine() + ",\"receipt\":" + body(acknowledges("9"), FORGED, "");
        receiptRefused(Forge.receipt(stick, province.keys, signed, ""), Reason.DUPLICATE_KEY, "$.receipt");
    }

    @Test
    void aKeyTwiceInsideTheReceiptIsRefused() throws Exception {
        receiptRefused(Forge.receipt(stick, province.keys, body(acknowledges("1"), COUNTS, ",\"counts\":{" + FORGED + "}"), ""),
                Reason.DUPLICATE_KEY, "$.receipt.counts");
        receiptRefused(Forge.receipt(stick, province.keys, body(acknowledges("1") + ",\"sequence\":9", COUNTS, ""), ""),
                Reason.DUPLICATE_KEY, "$.receipt.acknowledges.sequence");
        receiptRefused(Forge.receipt(stick, province.keys, body(acknowledges("1"), COUNTS + ",\"created\":4242", ""), ""),
                Reason.DUPLICATE_KEY, "$.receipt.counts.created");
        receiptRefused(Forge.receipt(stick, province.keys, body(acknowledges("1"), COUNTS, ",\"outcome\":\"APPLIED\""), ""),
                Reason.DUPLICATE_KEY, "$.receipt.outcome");
    }

    @Test
    void aKeyTwiceAtTheTopIsRefused() throws Exception {
        // A first signature inside the signed text, then the real one; and a second format member.
        String first = Forge.sign(province.keys, Forge.sha256(genuine()));
        receiptRefused(Forge.receipt(stick, province.keys, genuine() + ",\"signature\":\"" + first + "\"", ""),
                Reason.DUPLICATE_KEY, "$.signature");
        receiptRefused(Forge.receipt(stick, province.keys, genuine() + ",\"format\":\"ytcs-receipt/1\"", ""),
                Reason.DUPLICATE_KEY, "$.format");
    }

    @Test
    void anythingButFormatReceiptAndSignatureIsRefused() throws Exception {
        receiptRefused(Forge.receipt(stick, province.keys, genuine(), ",\"note\":\"4242\""), Reason.UNKNOWN_VALUE, "$.note");
        receiptRefused(Forge.receipt(stick, province.keys, body(acknowledges("1"), COUNTS, ",\"note\":1"), ""),
                Reason.UNKNOWN_VALUE, "$.receipt.note");
        receiptRefused(Forge.receipt(stick, province.keys, body(acknowledges("1"), COUNTS + ",\"bonus\":1", ""), ""),
                Reason.UNKNOWN_VALUE, "$.receipt.counts.bonus");
        receiptRefused(Forge.receipt(stick, province.keys, body(acknowledges("1"), "\"created\":2,\"changed\":0,\"deleted\":0", ""), ""),
                Reason.MISSING_FIELD, "$.receipt.counts.conflicts");
    }

    @Test
    void valuesOfTheWrongTypeAreRefused() throws Exception {
        receiptRefused(Forge.receipt(stick, province.keys, body(acknowledges("\"9\""), COUNTS, ""), ""),
                Reason.WRONG_TYPE, "$.receipt.acknowledges.sequence");
        receiptRefused(Forge.receipt(stick, province.keys, body(acknowledges("1"), COUNTS.replace("\"created\":2", "\"created\":-1"), ""), ""),
                Reason.OUT_OF_RANGE, "$.receipt.counts.created");
        receiptRefused(Forge.receipt(stick, province.keys, body(acknowledges("1"), COUNTS.replace("\"created\":2", "\"created\":2.5"), ""), ""),
                Reason.WRONG_TYPE, "$.receipt.counts.created");
        receiptRefused(Forge.receipt(stick, province.keys, genuine().replace("\"APPLIED\"", "\"ACCEPTED_EVERYTHING\""), ""),
                Reason.UNKNOWN_VALUE, "$.receipt.outcome");
        receiptRefused(Forge.receipt(stick, province.keys, genuine().replace(hash, "not-a-hash"), ""),
                Reason.WRONG_TYPE, "$.receipt.acknowledges.payloadSha256");
    }

    @Test
    void anOversizedReceiptIsRefusedBeforeItIsParsed() throws Exception {
        String name = province.keys.site().name();
        Path big = Forge.receipt(stick, province.keys, genuine().replace("\"name\":\"" + name + "\"",
                "\"name\":\"" + name + " " + "x".repeat(64 * 1024) + "\""), "");
        PackageRefused e = assertThrows(PackageRefused.class, () -> Receipt.read(big, district.importer.trust()));
        assertEquals(Reason.TOO_LARGE, e.reason(), e.getMessage());
    }

    @Test
    void theGenuineReceiptIsTakenIn() throws Exception {
        Path file = Forge.receipt(stick, province.keys, genuine(), "");
        Receipt r = Receipt.read(file, district.importer.trust());
        assertEquals(2, r.created());
        assertEquals(1, r.sequence());
    }

    // ---- packages ----

    /** A unit record as the district writes it, with a new id and the test's additions. */
    private static String record(String fields, String versions, String deleted) {
        String v = Forge.version(district.keys);
        String r = unitRecord.replace(unitId, UUID.randomUUID().toString()).replaceFirst("\"version\":\"[^\"]*\"", "\"version\":\"" + v + "\"");
        return r.replace("\"deleted\":false", "\"deleted\":false" + deleted)
                .replace("\"name\":\"Xã Đông Phú\"", "\"name\":\"Xã Đông Phú\"" + fields)
                .replace("\"fieldVersions\":{}", "\"fieldVersions\":{\"name\":\"" + v + "\"" + versions + "}");
    }

    private static String audit(String extra) {
        return "{\"recordId\":\"" + UUID.randomUUID() + "\",\"table\":\"ADMIN_UNIT\",\"action\":\"CREATE\",\"field\":null,"
                + "\"oldValue\":null,\"newValue\":null,\"actor\":\"lan\"" + extra + ",\"at\":\"2026-11-24T09:12:00Z\",\"site\":\""
                + district.keys.site().id() + "\",\"version\":\"" + Forge.version(district.keys) + "\"}";
    }

    private static Path pack(String records, String audit, UnaryOperator<String> payload, UnaryOperator<String> manifest,
                             UnaryOperator<String> file) throws Exception {
        return Forge.pack(stick, district.keys, province.keys.site().id(), 2, records, "\"unit\":1", audit, payload, manifest, file);
    }

    private static void packageRefused(Path file, String record, String field) {
        PackageRefused e = assertThrows(PackageRefused.class, () -> province.importer.importFile(file, false));
        assertEquals(Reason.DUPLICATE_KEY, e.reason(), e.getMessage());
        assertEquals(file.toString(), e.file());
        if (record == null) {
            assertNull(e.record(), e.getMessage());
        } else {
            assertEquals(record, e.record(), e.getMessage());
        }
        assertEquals(field, e.field(), e.getMessage());
        assertEquals(provinceBefore, province.dump(), "a refused package changes nothing");
    }

    @Test
    void aKeyTwiceAnywhereInAPackageIsRefusedWithTheRecordAndTheField() throws Exception {
        UnaryOperator<String> same = UnaryOperator.identity();
        String good = record("", "", "");
        // The package as a whole is sound: accepted as it is (checked with a dry run, which writes nothing).
        assertEquals(PackageImporter.Outcome.DRY_RUN, province.importer.importFile(pack(good, audit(""), same, same, same), true).outcome());

        packageRefused(pack(record(",\"name\":\"Xã Giả\"", "", ""), "", same, same, same), "records[0]", "fields.name");
        packageRefused(pack(record("", "", ",\"deleted\":true"), "", same, same, same), "records[0]", "deleted");
        packageRefused(pack(record("", ",\"name\":\"" + Forge.version(district.keys) + "\"", ""), "", same, same, same),
                "records[0]", "fieldVersions.name");
        packageRefused(pack(good, audit(",\"actor\":\"kẻ giả\""), same, same, same), "audit[0]", "actor");
        packageRefused(pack(good, "", p -> p.replace("\"full\":false}", "\"full\":false,\"sequence\":2}"), same, same),
                null, "$.payload.header.sequence");
        packageRefused(pack(good, "", p -> p.replace(",\"audit\":[]", ",\"records\":[],\"audit\":[]"), same, same),
                null, "$.payload.records");
        packageRefused(pack(good, "", same, m -> m.replace("\"full\":false,", "\"full\":false,\"sequence\":3,"), same),
                null, "$.manifest.sequence");
        packageRefused(pack(good, "", same, m -> m.replace("\"role\":", "\"name\":\"Sở Y tế\",\"role\":"), same),
                null, "$.manifest.sender.name");
        packageRefused(pack(good, "", same, same, f -> f.replace(",\"signature\":", ",\"format\":\"ytcs-package/1\",\"signature\":")),
                null, "$.format");
        packageRefused(pack(good, "", same, same, f -> f.substring(0, f.length() - 1) + ",\"payload\":{}}"), null, "$.payload");
    }
}
