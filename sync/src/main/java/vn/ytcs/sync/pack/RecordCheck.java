// SPDX-License-Identifier: Apache-2.0
package vn.ytcs.sync.pack;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import vn.ytcs.core.assessment.AssessmentState;
import vn.ytcs.core.change.Hlc;
import vn.ytcs.core.hamlet.HamletKind;
import vn.ytcs.core.hamlet.WorkerRole;
import vn.ytcs.core.staff.Employment;
import vn.ytcs.core.staff.Profession;
import vn.ytcs.core.staff.Sex;
import vn.ytcs.core.station.StationKind;
import vn.ytcs.core.store.RecordState;
import vn.ytcs.core.store.SyncKinds;
import vn.ytcs.core.store.SyncStore;
import vn.ytcs.core.directive.Target;
import vn.ytcs.core.unit.SocioRegion;
import vn.ytcs.core.unit.UnitLevel;
import vn.ytcs.core.unit.UnitType;
import vn.ytcs.sync.pack.PackageRefused.Reason;

/** Checks one record or audit entry of a package: shape, types, and values a register can hold. */
final class RecordCheck {

    private static final Set<String> RECORD_KEYS = Set.of("kind", "id", "owner", "version", "deleted", "fields", "fieldVersions");
    private static final Set<String> AUDIT_KEYS = Set.of("recordId", "table", "action", "field", "oldValue", "newValue",
            "actor", "at", "site", "version");
    private static final Map<String, Set<String>> ENUMS = new HashMap<>();
    /** Which kind each reference field points to. */
    private static final Map<String, String> REFERENCES = Map.ofEntries(
            Map.entry("unit.parent_id", "unit"), Map.entry("succession.from_unit_id", "unit"),
            Map.entry("succession.to_unit_id", "unit"), Map.entry("station.unit_id", "unit"),
            Map.entry("station.parent_station_id", "station"), Map.entry("staff.station_id", "station"),
            Map.entry("hamlet.commune_id", "unit"), Map.entry("hamlet_worker.hamlet_id", "hamlet"),
            Map.entry("commune_year.unit_id", "unit"), Map.entry("assessment.unit_id", "unit"),
            Map.entry("assessment_answer.assessment_id", "assessment"));
    /** Counts a commune can have, at most: more is a typing or encoding error, not a commune. */
    private static final int MAX_POPULATION = 2_000_000;
    private static final int MAX_COUNT = 100_000_000;

    static {
        values("unit.unit_level", UnitLevel.values());
        values("unit.unit_type", UnitType.values());
        values("unit.socio_region", SocioRegion.values());
        values("station.station_kind", StationKind.values());
        values("staff.sex", Sex.values());
        values("hamlet_worker.sex", Sex.values());
        values("staff.profession", Profession.values());
        values("staff.employment", Employment.values());
        values("hamlet.hamlet_kind", HamletKind.values());
        values("hamlet_worker.worker_role", WorkerRole.values());
        values("assessment.state", AssessmentState.values());
        values("target.measure", Target.Measure.values());
        values("target.comparison", Target.Comparison.values());
    }

    private RecordCheck() {
    }

    private static void values(String field, Enum<?>[] constants) {
        ENUMS.put(field, Arrays.stream(constants).map(Enum::name).collect(Collectors.toSet()));
    }

    static RecordState record(JsonNode n, String label, String file) {
        for (var it = n.fieldNames(); it.hasNext(); ) {
            String key = it.next();
            if (!RECORD_KEYS.contains(key)) {
                throw new PackageRefused(file, label, key, Reason.UNKNOWN_VALUE, "unexpected field");
            }
        }
        String kind = text(n, "kind", label, file);
        if (!SyncKinds.known(kind)) {
            throw new PackageRefused(file, label, "kind", Reason.UNKNOWN_VALUE, kind);
        }
        UUID id = uuid(n, "id", label, file);
        String where = label + " (" + kind + " " + id + ")";
        UUID owner = uuid(n, "owner", where, file);
        String version = text(n, "version", where, file);
        hlc(version, where, "version", file);
        JsonNode deleted = required(n, "deleted", where, file);
        if (!deleted.isBoolean()) {
            throw new PackageRefused(file, where, "deleted", Reason.WRONG_TYPE, "true / false");
        }
        Map<String, Class<?>> types = SyncKinds.fields(kind);
        Map<String, Integer> lengths = SyncKinds.maxLengths(kind);
        Set<String> mandatory = SyncKinds.required(kind);
        JsonNode fieldsNode = required(n, "fields", where, file);
        if (!fieldsNode.isObject()) {
            throw new PackageRefused(file, where, "fields", Reason.WRONG_TYPE, "object");
        }
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("id", id);
        for (var it = fieldsNode.fields(); it.hasNext(); ) {
            var e = it.next();
            String field = e.getKey();
            Class<?> type = types.get(field);
            if (type == null || field.equals("id")) {
                throw new PackageRefused(file, where, "fields." + field, Reason.UNKNOWN_VALUE, "no such field");
            }
            Object value;
            try {
                value = Values.read(e.getValue(), type);
            } catch (IllegalArgumentException ex) {
                throw new PackageRefused(file, where, "fields." + field, Reason.WRONG_TYPE, type.getSimpleName() + ": " + ex.getMessage());
            }
            check(kind, field, value, lengths.get(field), where, file);
            fields.put(field, value);
        }
        for (String field : types.keySet()) {
            if (!fields.containsKey(field)) {
                throw new PackageRefused(file, where, "fields." + field, Reason.MISSING_FIELD, null);
            }
            if (fields.get(field) == null && mandatory.contains(field)) {
                throw new PackageRefused(file, where, "fields." + field, Reason.MISSING_FIELD, "null");
            }
        }
        if ("commune_year".equals(kind)) {
            Integer population = (Integer) fields.get("population");
            for (String count : new String[] {"insured", "health_records", "children_under5", "births", "households"}) {
                Integer v = (Integer) fields.get(count);
                if (population != null && v != null && v > population) {
                    throw new PackageRefused(file, where, "fields." + count, Reason.OUT_OF_RANGE, v + " > population " + population);
                }
            }
        }
        JsonNode versionsNode = required(n, "fieldVersions", where, file);
        if (!versionsNode.isObject()) {
            throw new PackageRefused(file, where, "fieldVersions", Reason.WRONG_TYPE, "object");
        }
        Map<String, String> versions = new LinkedHashMap<>();
        for (var it = versionsNode.fields(); it.hasNext(); ) {
            var e = it.next();
            if (!types.containsKey(e.getKey()) && !e.getKey().equals("deleted")) {
                throw new PackageRefused(file, where, "fieldVersions." + e.getKey(), Reason.UNKNOWN_VALUE, "no such field");
            }
            if (!e.getValue().isTextual()) {
                throw new PackageRefused(file, where, "fieldVersions." + e.getKey(), Reason.WRONG_TYPE, "version");
            }
            hlc(e.getValue().textValue(), where, "fieldVersions." + e.getKey(), file);
            versions.put(e.getKey(), e.getValue().textValue());
        }
        // A field not listed last changed at the record's version.
        for (String field : types.keySet()) {
            if (!field.equals("id")) {
                versions.putIfAbsent(field, version);
            }
        }
        versions.putIfAbsent("deleted", version);
        return new RecordState(kind, id, owner, version, deleted.booleanValue(), fields, versions);
    }

    private static void check(String kind, String field, Object value, Integer maxLength, String where, String file) {
        if (value == null) {
            return;
        }
        Set<String> allowed = ENUMS.get(kind + "." + field);
        if (allowed != null && !allowed.contains(value)) {
            throw new PackageRefused(file, where, "fields." + field, Reason.UNKNOWN_VALUE, value.toString());
        }
        if (value instanceof String s && maxLength != null && s.length() > maxLength) {
            throw new PackageRefused(file, where, "fields." + field, Reason.OUT_OF_RANGE, s.length() + " > " + maxLength + " characters");
        }
        if (value instanceof Integer i) {
            int max = field.equals("population") ? MAX_POPULATION : MAX_COUNT;
            if (i < 0 || i > max) {
                throw new PackageRefused(file, where, "fields." + field, Reason.OUT_OF_RANGE, i.toString());
            }
        }
    }

    /** The kinds in package order: a kind's index stands for it in an {@link IdTable}. */
    private static final java.util.List<String> KINDS = SyncKinds.all();
    /** Per kind, its reference fields and the kind each points to. */
    private static final Map<String, Map<String, String>> REFERENCES_BY_KIND = new HashMap<>();

    static {
        REFERENCES.forEach((field, target) -> REFERENCES_BY_KIND
                .computeIfAbsent(field.substring(0, field.indexOf('.')), k -> new HashMap<>())
                .put(field.substring(field.indexOf('.') + 1), target));
    }

    static int kindIndex(String kind) {
        return KINDS.indexOf(kind);
    }

    static String kind(int index) {
        return KINDS.get(index);
    }

    /** Adds the record's references to other records, by the kind they point to. */
    static void references(RecordState s, IdTable out) {
        Map<String, String> fields = REFERENCES_BY_KIND.get(s.kind());
        if (fields == null) {
            return;
        }
        fields.forEach((field, target) -> {
            if (s.fields().get(field) instanceof UUID id) {
                out.add(kindIndex(target), id);
            }
        });
    }

    static SyncStore.AuditEntry audit(JsonNode n, String label, String file) {
        for (var it = n.fieldNames(); it.hasNext(); ) {
            String key = it.next();
            if (!AUDIT_KEYS.contains(key)) {
                throw new PackageRefused(file, label, key, Reason.UNKNOWN_VALUE, "unexpected field");
            }
        }
        String action = text(n, "action", label, file);
        if (!Set.of("CREATE", "UPDATE", "DELETE").contains(action)) {
            throw new PackageRefused(file, label, "action", Reason.UNKNOWN_VALUE, action);
        }
        OffsetDateTime at;
        try {
            at = OffsetDateTime.parse(text(n, "at", label, file));
        } catch (java.time.format.DateTimeParseException e) {
            throw new PackageRefused(file, label, "at", Reason.WRONG_TYPE, n.get("at").asText());
        }
        String version = text(n, "version", label, file);
        hlc(version, label, "version", file);
        return new SyncStore.AuditEntry(uuid(n, "recordId", label, file), text(n, "table", label, file).toUpperCase(java.util.Locale.ROOT),
                action, nullableText(n, "field", label, file), nullableText(n, "oldValue", label, file),
                nullableText(n, "newValue", label, file), text(n, "actor", label, file), at, uuid(n, "site", label, file), version);
    }

    private static JsonNode required(JsonNode n, String field, String where, String file) {
        JsonNode v = n.get(field);
        if (v == null) {
            throw new PackageRefused(file, where, field, Reason.MISSING_FIELD, null);
        }
        return v;
    }

    private static String text(JsonNode n, String field, String where, String file) {
        JsonNode v = required(n, field, where, file);
        if (!v.isTextual()) {
            throw new PackageRefused(file, where, field, Reason.WRONG_TYPE, v.toString());
        }
        return v.textValue();
    }

    private static String nullableText(JsonNode n, String field, String where, String file) {
        JsonNode v = required(n, field, where, file);
        if (v.isNull()) {
            return null;
        }
        if (!v.isTextual()) {
            throw new PackageRefused(file, where, field, Reason.WRONG_TYPE, v.toString());
        }
        String s = v.textValue();
        return field.equals("field") ? s.toUpperCase(java.util.Locale.ROOT) : s;
    }

    private static UUID uuid(JsonNode n, String field, String where, String file) {
        String s = text(n, field, where, file);
        try {
            return UUID.fromString(s);
        } catch (IllegalArgumentException e) {
            throw new PackageRefused(file, where, field, Reason.WRONG_TYPE, s);
        }
    }

    private static void hlc(String s, String where, String field, String file) {
        try {
            Hlc.parse(s);
        } catch (IllegalArgumentException e) {
            throw new PackageRefused(file, where, field, Reason.WRONG_TYPE, s);
        }
    }
}
