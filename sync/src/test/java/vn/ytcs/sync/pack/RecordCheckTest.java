// SPDX-License-Identifier: Apache-2.0
package vn.ytcs.sync.pack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import vn.ytcs.core.catalog.Catalog;
import vn.ytcs.core.catalog.Catalogs;
import vn.ytcs.core.catalog.Indicator;
import vn.ytcs.core.catalog.Rule;
import vn.ytcs.core.record.Parents;
import vn.ytcs.core.store.RecordState;

/** The package check reads the kinds' declarations: the same rules as the writer, answers against their indicators. */
class RecordCheckTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Catalog CATALOG = Catalogs.shipped().forPeriod(2025).orElseThrow();
    private static final UUID SITE = UUID.randomUUID();
    private static final String VERSION = "0191f0c2a1b3-0000-" + SITE;
    private final UUID commune = UUID.randomUUID();
    private final UUID assessment = UUID.randomUUID();

    private static ObjectNode record(String kind, UUID id, Map<String, Object> fields) {
        ObjectNode n = JSON.createObjectNode();
        n.put("kind", kind).put("id", id.toString()).put("owner", SITE.toString()).put("version", VERSION).put("deleted", false);
        n.set("fields", JSON.valueToTree(fields));
        n.putObject("fieldVersions");
        return n;
    }

    private ObjectNode assessment(String catalog) {
        var f = new java.util.LinkedHashMap<String, Object>();
        f.put("unit_id", commune.toString());
        f.put("period", 2025);
        f.put("catalog_id", catalog);
        f.put("state", "DRAFT");
        f.put("decision_number", null);
        f.put("decision_date", null);
        return record("assessment", assessment, f);
    }

    private ObjectNode answer(Indicator indicator, String value) {
        var f = new java.util.LinkedHashMap<String, Object>();
        f.put("assessment_id", assessment.toString());
        f.put("indicator_code", indicator.code());
        f.put("answer_value", value);
        f.put("not_applicable", false);
        f.put("note", null);
        f.put("evidence", null);
        return record("assessment_answer", UUID.randomUUID(), f);
    }

    private static Indicator percent() {
        return CATALOG.indicators().stream().filter(i -> !i.isDerived() && i.rule() instanceof Rule.Threshold t
                && "percent".equals(t.unit())).findFirst().orElseThrow();
    }

    @Test
    void anAnswerIsCheckedAgainstItsIndicatorInTheCatalogOfItsAssessmentInThePackage() {
        RecordCheck.Context context = new RecordCheck.Context(Parents.NONE, Catalogs::shipped);
        RecordCheck.record(assessment(CATALOG.id()), "records[0]", "p.ytcs.json", context);
        RecordCheck.record(answer(percent(), "97.5"), "records[1]", "p.ytcs.json", context);
        PackageRefused e = assertThrows(PackageRefused.class,
                () -> RecordCheck.record(answer(percent(), "\"97\""), "records[2]", "p.ytcs.json", context));
        assertEquals(PackageRefused.Reason.OUT_OF_RANGE, e.reason());
        assertEquals("fields.answer_value", e.field());
        assertEquals("\"97\"", e.detail());
        // Without a context (the check of one record alone) the answer cannot be judged.
        RecordCheck.record(answer(percent(), "\"97\""), "records[2]", "p.ytcs.json");
    }

    @Test
    void anAnswerWhoseAssessmentIsInTheDatabaseIsCheckedAgainstItsCatalog() throws Exception {
        JsonNode stored = assessment(CATALOG.id());
        RecordState state = RecordCheck.record(stored, "x", "db");
        Parents database = (kind, id) -> id.equals(assessment) ? Optional.of(state.fields()) : Optional.empty();
        RecordCheck.Context context = new RecordCheck.Context(database, Catalogs::shipped);
        PackageRefused e = assertThrows(PackageRefused.class,
                () -> RecordCheck.record(answer(percent(), "140"), "records[0]", "p.ytcs.json", context));
        assertEquals("fields.answer_value", e.field());
        var f = new java.util.LinkedHashMap<String, Object>();
        f.put("assessment_id", assessment.toString());
        f.put("indicator_code", "TC999");
        f.put("answer_value", "true");
        f.put("not_applicable", false);
        f.put("note", null);
        f.put("evidence", null);
        PackageRefused unknown = assertThrows(PackageRefused.class, () -> RecordCheck.record(
                record("assessment_answer", UUID.randomUUID(), f), "records[1]", "p.ytcs.json", context));
        assertEquals(PackageRefused.Reason.UNKNOWN_VALUE, unknown.reason());
        assertEquals("fields.indicator_code", unknown.field());
    }

    @Test
    void theRulesAcrossFieldsOfTheDeclarationHoldInPackagesToo() {
        var f = new java.util.LinkedHashMap<String, Object>();
        f.put("station_id", UUID.randomUUID().toString());
        f.put("full_name", "Lê Văn Tư");
        f.put("sex", "M");
        f.put("birth_year", 1980);
        f.put("profession", "BAC_SI");
        f.put("employment", "PERMANENT");
        f.put("start_date", "2020-01-01");
        f.put("end_date", "2019-12-31");
        PackageRefused e = assertThrows(PackageRefused.class,
                () -> RecordCheck.record(record("staff", UUID.randomUUID(), f), "records[0]", "p.ytcs.json"));
        assertEquals(PackageRefused.Reason.OUT_OF_RANGE, e.reason());
        assertEquals("fields.end_date", e.field());
        f.put("end_date", null);
        f.put("full_name", "   ");
        PackageRefused blank = assertThrows(PackageRefused.class,
                () -> RecordCheck.record(record("staff", UUID.randomUUID(), f), "records[0]", "p.ytcs.json"));
        assertEquals(PackageRefused.Reason.MISSING_FIELD, blank.reason());
        assertEquals("fields.full_name", blank.field());
    }
}
