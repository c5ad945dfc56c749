// SPDX-License-Identifier: Apache-2.0
package vn.ytcs.core.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.ytcs.core.assessment.Assessment;
import vn.ytcs.core.assessment.AssessmentAnswer;
import vn.ytcs.core.assessment.AssessmentState;
import vn.ytcs.core.catalog.Catalog;
import vn.ytcs.core.catalog.Catalogs;
import vn.ytcs.core.catalog.Indicator;
import vn.ytcs.core.catalog.Rule;
import vn.ytcs.core.figures.CommuneYear;
import vn.ytcs.core.record.FieldProblem;
import vn.ytcs.core.record.FieldRule;
import vn.ytcs.core.record.RecordKind;
import vn.ytcs.core.record.RecordKinds;
import vn.ytcs.core.scoring.FactsReader;
import vn.ytcs.core.unit.Unit;
import vn.ytcs.core.unit.UnitType;

/**
 * The writer checks every record against its kind's declaration before anything is written, and
 * the declarations agree with the tables of the real migrated database.
 */
class RecordRulesTest {

    private static final Catalog CATALOG = Catalogs.shipped().forPeriod(2025).orElseThrow();

    @TempDir
    Path dir;

    private final Unit province = new Unit(UUID.randomUUID(), "93", true, "Hậu Giang", UnitType.TINH, null,
            LocalDate.of(2004, 1, 1), null, null, null, false, null);
    private final Unit commune = new Unit(UUID.randomUUID(), "31471", true, "Hỏa Lựu", UnitType.XA, province.id(),
            LocalDate.of(2004, 1, 1), null, 2, null, false, null);
    private final Assessment assessment = new Assessment(UUID.randomUUID(), commune.id(), 2025, CATALOG.id(),
            AssessmentState.DRAFT, null, null);

    private static Indicator percent() {
        return CATALOG.indicators().stream().filter(i -> !i.isDerived() && i.rule() instanceof Rule.Threshold t
                && "percent".equals(t.unit())).findFirst().orElseThrow();
    }

    private static Indicator yesNo() {
        return CATALOG.indicators().stream().filter(i -> !i.isDerived() && i.rule() instanceof Rule.YesNo).findFirst()
                .orElseThrow();
    }

    /** The defect: a percentage stored as the text "97" made every scorecard of its commune fail, and the window with it. */
    @Test
    void anAnswerThatDoesNotFitItsIndicatorIsRefusedOnWriteAndTheStoredAnswersStillScore() throws Exception {
        AssessmentAnswer good = new AssessmentAnswer(UUID.randomUUID(), assessment.id(), yesNo().code(), "true", false,
                null, "Sổ A, trang 3");
        AssessmentAnswer bad = new AssessmentAnswer(UUID.randomUUID(), assessment.id(), percent().code(), "\"97\"", false,
                null, null);
        try (Store store = Store.open(dir, Catalogs::shipped)) {
            store.write("lan", w -> {
                w.save(province);
                w.save(commune);
                w.save(assessment);
                w.save(good);
                return null;
            });
            StoreException refused = assertThrows(StoreException.class, () -> store.write("lan", w -> {
                w.save(bad);
                return null;
            }));
            assertEquals(StoreException.Reason.INVALID_RECORD, refused.reason());
            FieldProblem p = refused.problems().get(0);
            assertEquals(List.of("assessment_answer", bad.id(), "answer_value", FieldProblem.Problem.ANSWER_NOT_NUMBER),
                    List.of(p.kind(), p.record(), p.field(), p.problem()));
            // The same answer in a batch of new records, its assessment in the same batch: refused, nothing written.
            Assessment next = new Assessment(UUID.randomUUID(), commune.id(), 2026, CATALOG.id(), AssessmentState.DRAFT,
                    null, null);
            AssessmentAnswer alsoBad = new AssessmentAnswer(UUID.randomUUID(), next.id(), yesNo().code(), "\"có\"", false,
                    null, null);
            StoreException batch = assertThrows(StoreException.class, () -> store.write("lan", w -> {
                w.createAll(List.of(next, alsoBad));
                return null;
            }));
            assertEquals(FieldProblem.Problem.ANSWER_NOT_YES_NO, batch.problems().get(0).problem());
            assertEquals(List.of(), store.assessments().assessmentsOf(List.of(commune.id()), 2026));
            List<AssessmentAnswer> stored = store.assessments().answersOf(List.of(assessment.id()));
            assertEquals(List.of(good), stored);
            ObjectMapper json = new ObjectMapper();
            for (AssessmentAnswer a : stored) {
                FactsReader.answer(CATALOG.indicator(a.indicatorCode()).orElseThrow(), json.readTree(a.value()), "test", "$");
            }
        }
        assertEquals(0, count("SELECT COUNT(*) FROM ASSESSMENT_ANSWER WHERE ID = '" + bad.id() + "'"));
    }

    @Test
    void aRuleTheDatabaseCannotStateIsCheckedByTheWriterAndEveryProblemIsNamed() throws Exception {
        CommuneYear year = new CommuneYear(UUID.randomUUID(), commune.id(), 2025, 8000, null, 90000, 9000, null, null);
        try (Store store = Store.open(dir)) {
            StoreException e = assertThrows(StoreException.class, () -> store.write("lan", w -> {
                w.save(province);
                w.save(commune);
                w.save(year);
                return null;
            }));
            assertEquals(List.of("insured MORE_THAN [90000, population, 8000]", "health_records MORE_THAN [9000, population, 8000]"),
                    e.problems().stream().map(p -> p.field() + " " + p.problem() + " " + p.args()).toList());
            assertTrue(store.units().tree(LocalDate.of(2025, 1, 1)).isEmpty(), "nothing of the transaction is written");
        }
    }

    /** Every declared field is a column of its table, of its type, NOT NULL exactly when required, as long as declared. */
    @Test
    void theDeclarationsAgreeWithTheMigratedDatabase() throws Exception {
        try (Store store = Store.open(dir)) {
            store.localSite();
        }
        List<String> disagreements = new ArrayList<>();
        try (Connection c = connect()) {
            for (RecordKind<?> kind : RecordKinds.all()) {
                Map<String, String[]> columns = new HashMap<>();
                try (ResultSet rs = c.createStatement().executeQuery("SELECT COLUMN_NAME, DATA_TYPE, IS_NULLABLE, "
                        + "CHARACTER_MAXIMUM_LENGTH FROM INFORMATION_SCHEMA.COLUMNS WHERE TABLE_NAME = '"
                        + kind.table().toUpperCase(java.util.Locale.ROOT) + "'")) {
                    while (rs.next()) {
                        columns.put(rs.getString(1).toLowerCase(java.util.Locale.ROOT),
                                new String[] {rs.getString(2), rs.getString(3), rs.getString(4)});
                    }
                }
                if (columns.isEmpty()) {
                    disagreements.add(kind.name() + ": no table " + kind.table());
                    continue;
                }
                for (String bookkeeping : List.of("id", "site_id", "version", "updated_at", "deleted", "change_seq",
                        "field_versions")) {
                    if (columns.remove(bookkeeping) == null) {
                        disagreements.add(kind.table() + " lacks " + bookkeeping);
                    }
                }
                for (FieldRule<?> f : kind.fields()) {
                    String[] col = columns.remove(f.name());
                    String where = kind.name() + "." + f.name();
                    if (col == null) {
                        disagreements.add(where + ": no column");
                        continue;
                    }
                    if (!sqlTypes(f.type()).contains(col[0])) {
                        disagreements.add(where + ": " + col[0] + " for " + f.type().getSimpleName());
                    }
                    if (f.required() != "NO".equals(col[1])) {
                        disagreements.add(where + ": required " + f.required() + ", nullable " + col[1]);
                    }
                    if (col[0].equals("CHARACTER VARYING")) {
                        int length = Integer.parseInt(col[2]);
                        boolean fits = f.values() != null ? f.maxLength() <= length : f.maxLength() == length;
                        if (!fits) {
                            disagreements.add(where + ": " + f.maxLength() + " characters, column " + length);
                        }
                    }
                }
                columns.keySet().forEach(extra -> disagreements.add(kind.name() + "." + extra + ": column not declared"));
            }
            int checkedLists = 0;
            for (RecordKind<?> kind : RecordKinds.all()) {
                for (FieldRule<?> f : kind.fields()) {
                    if (f.values() != null) {
                        List<String> checked = checkValues(c, kind.table(), f.name());
                        checkedLists += checked.isEmpty() ? 0 : 1;
                        if (!checked.isEmpty() && !new java.util.TreeSet<>(checked).equals(new java.util.TreeSet<>(f.values()))) {
                            disagreements.add(kind.name() + "." + f.name() + ": CHECK " + checked + ", declared " + f.values());
                        }
                    }
                }
            }
            assertTrue(checkedLists >= 12, "the CHECK constraints were read: " + checkedLists);
        }
        assertEquals(List.of(), disagreements);
    }

    /** The values a CHECK constraint of the table lists for the column ("col IN ('A', 'B')"), or none. */
    private static List<String> checkValues(Connection c, String table, String column) throws SQLException {
        List<String> out = new ArrayList<>();
        try (ResultSet rs = c.createStatement().executeQuery("SELECT cc.CHECK_CLAUSE FROM INFORMATION_SCHEMA.CHECK_CONSTRAINTS cc "
                + "JOIN INFORMATION_SCHEMA.TABLE_CONSTRAINTS tc ON tc.CONSTRAINT_NAME = cc.CONSTRAINT_NAME WHERE tc.TABLE_NAME = '"
                + table.toUpperCase(java.util.Locale.ROOT) + "'")) {
            while (rs.next()) {
                String clause = rs.getString(1);
                var in = java.util.regex.Pattern.compile("\"" + column.toUpperCase(java.util.Locale.ROOT)
                        + "\"\\s+IN\\s*\\(([^)]*)\\)").matcher(clause);
                if (in.find()) {
                    var quoted = java.util.regex.Pattern.compile("'([^']*)'").matcher(in.group(1));
                    while (quoted.find()) {
                        out.add(quoted.group(1));
                    }
                }
            }
        }
        return out;
    }

    private static List<String> sqlTypes(Class<?> type) {
        return switch (type.getSimpleName()) {
            case "String" -> List.of("CHARACTER VARYING", "CHARACTER LARGE OBJECT");
            case "Integer" -> List.of("INTEGER");
            case "BigDecimal" -> List.of("NUMERIC", "DECIMAL");
            case "Boolean" -> List.of("BOOLEAN");
            case "LocalDate" -> List.of("DATE");
            case "UUID" -> List.of("UUID");
            default -> List.of();
        };
    }

    private long count(String sql) throws SQLException {
        try (Connection c = connect(); ResultSet rs = c.createStatement().executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private Connection connect() throws SQLException {
        return DriverManager.getConnection("jdbc:h2:file:" + dir.resolve(Store.DATABASE_NAME) + ";IFEXISTS=TRUE", "ytcs", "");
    }
}
