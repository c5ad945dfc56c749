// SPDX-License-Identifier: Apache-2.0
package vn.ytcs.app.i18n;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Map;

/**
 * The names of the register's fields (by column name, as {@code RecordKinds} declares them) and
 * their stored values in the user's language: what the editors label, the history shows and a
 * refusal names. One table for the window and the command line.
 */
public final class FieldLabels {

    /** Label keys of every field the editors and the history name, by column name. */
    private static final Map<String, String> KEYS = Map.ofEntries(
            Map.entry("name", "editor.field.name"),
            Map.entry("address", "editor.field.address"),
            Map.entry("phone", "editor.field.phone"),
            Map.entry("family_doctor_model", "editor.field.familyDoctorModel"),
            Map.entry("full_name", "editor.field.fullName"),
            Map.entry("sex", "editor.field.sex"),
            Map.entry("birth_year", "editor.field.birthYear"),
            Map.entry("profession", "editor.field.profession"),
            Map.entry("employment", "editor.field.employment"),
            Map.entry("start_date", "editor.field.startDate"),
            Map.entry("end_date", "editor.field.endDate"),
            Map.entry("hamlet_kind", "editor.field.hamletKind"),
            Map.entry("households", "editor.field.households"),
            Map.entry("abolished_on", "editor.field.abolishedOn"),
            Map.entry("worker_role", "editor.field.workerRole"),
            Map.entry("training_months", "editor.field.trainingMonths"),
            Map.entry("active", "editor.field.active"),
            Map.entry("population", "editor.field.population"),
            Map.entry("insured", "editor.field.insured"),
            Map.entry("health_records", "editor.field.healthRecords"),
            Map.entry("children_under5", "editor.field.childrenUnder5"),
            Map.entry("births", "editor.field.births"),
            Map.entry("figure_year", "editor.field.year"),
            Map.entry("vung", "editor.field.vung"),
            Map.entry("socio_region", "editor.field.region"),
            Map.entry("state", "editor.field.state"),
            Map.entry("decision_number", "assessment.decisionNumber"),
            Map.entry("decision_date", "assessment.decisionDate"),
            Map.entry("deleted", "editor.field.deleted"));

    /** Bundle prefixes of the fields that hold a constant. */
    private static final Map<String, String> CONSTANTS = Map.of("sex", "sex", "profession", "profession",
            "employment", "employment", "hamlet_kind", "hamletKind", "worker_role", "workerRole",
            "socio_region", "region", "state", "assessmentState");

    private FieldLabels() {
    }

    /** The bundle key of the field's label, or null for a field without one. */
    public static String key(String column) {
        return KEYS.get(column.toLowerCase(Locale.ROOT));
    }

    /** The field's label in the user's language; the column name for a field without one. */
    public static String label(String column, Messages m) {
        String key = key(column);
        return key == null ? column : m.get(key);
    }

    /** A stored value (as the audit keeps it) as the user reads it: "–" for none, dates and constants in words. */
    public static String value(String column, String stored, Messages m) {
        if (stored == null || stored.isEmpty()) {
            return "–";
        }
        String field = column.toLowerCase(Locale.ROOT);
        if (CONSTANTS.containsKey(field)) {
            return m.get(CONSTANTS.get(field) + "." + stored);
        }
        if ("deleted".equals(field) || "active".equals(field) || "family_doctor_model".equals(field)) {
            return m.get(Boolean.parseBoolean(stored) ? "editor.yes" : "editor.no");
        }
        try {
            return new Formats(m.locale()).date(LocalDate.parse(stored));
        } catch (DateTimeParseException e) {
            return stored;
        }
    }
}
