// SPDX-License-Identifier: Apache-2.0
package vn.ytcs.sync.pack;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import vn.ytcs.core.catalog.Catalogs;
import vn.ytcs.core.change.Hlc;
import vn.ytcs.core.record.FieldProblem;
import vn.ytcs.core.record.FieldRule;
import vn.ytcs.core.record.Parents;
import vn.ytcs.core.record.RecordContext;
import vn.ytcs.core.record.RecordKind;
import vn.ytcs.core.record.RecordKinds;
import vn.ytcs.core.store.RecordState;
import vn.ytcs.core.store.SyncKinds;
import vn.ytcs.core.store.SyncStore;
import vn.ytcs.sync.pack.PackageRefused.Reason;

/**
 * Checks one record or audit entry of a package: shape, types, and the rules of its kind as
 * {@link RecordKinds} declares them (the same the writer applies), so that a package can only
 * bring what this site could have entered itself.
 */
final class RecordCheck {

    private static final Set<String> RECORD_KEYS = Set.of("kind", "id", "owner", "version", "deleted", "fields", "fieldVersions");
    private static final Set<String> AUDIT_KEYS = Set.of("recordId", "table", "action", "field", "oldValue", "newValue",
            "actor", "at", "site", "version");

    private RecordCheck() {
    }

    static RecordState record(JsonNode n, String label, String file) {
        return record(n, label, file, null);
    }

    /**
     * The record, checked on its own and, with a context, against the records it reads (an
     * answer against its indicator in the catalog of its assessment).
     */
    static RecordState record(JsonNode n, String label, String file, Context context) {
        for (var it = n.fieldNames(); it.hasNext(); ) {
            String key = it.next();
            if (!RECORD_KEYS.contains(key)) {
                throw new PackageRefused(file, label, key, Reason.UNKNOWN_VALUE, "unexpected field");
            }
        }
        String kindName = text(n, "kind", label, file);
        RecordKind<?> kind = RecordKinds.find(kindName)
                .orElseThrow(() -> new PackageRefused(file, label, "kind", Reason.UNKNOWN_VALUE, kindName));
        UUID id = uuid(n, "id", label, file);
        String where = label + " (" + kindName + " " + id + ")";
        UUID owner = uuid(n, "owner", where, file);
        String version = text(n, "version", where, file);
        hlc(version, where, "version", file);
        JsonNode deleted = required(n, "deleted", where, file);
        if (!deleted.isBoolean()) {
            throw new PackageRefused(file, where, "deleted", Reason.WRONG_TYPE, "true / false");
        }
        JsonNode fieldsNode = required(n, "fields", where, file);
        if (!fieldsNode.isObject()) {
            throw new PackageRefused(file, where, "fields", Reason.WRONG_TYPE, "object");
        }
        Map<String, Object> values = new LinkedHashMap<>();
        for (var it = fieldsNode.fields(); it.hasNext(); ) {
            var e = it.next();
            String field = e.getKey();
            FieldRule<?> rule = kind.field(field)
                    .orElseThrow(() -> new PackageRefused(file, where, "fields." + field, Reason.UNKNOWN_VALUE, "no such field"));
            try {
                values.put(field, Values.read(e.getValue(), rule.type()));
            } catch (IllegalArgumentException ex) {
                throw new PackageRefused(file, where, "fields." + field, Reason.WRONG_TYPE,
                        rule.type().getSimpleName() + ": " + ex.getMessage());
            }
        }
        for (FieldRule<?> f : kind.fields()) {
            if (!values.containsKey(f.name())) {
                throw new PackageRefused(file, where, "fields." + f.name(), Reason.MISSING_FIELD, null);
            }
        }
        refuse(kind.check(id, values, context == null ? RecordContext.ALONE : context.rules), where, file);
        JsonNode versionsNode = required(n, "fieldVersions", where, file);
        if (!versionsNode.isObject()) {
            throw new PackageRefused(file, where, "fieldVersions", Reason.WRONG_TYPE, "object");
        }
        Map<String, String> versions = new LinkedHashMap<>();
        for (var it = versionsNode.fields(); it.hasNext(); ) {
            var e = it.next();
            if (kind.field(e.getKey()).isEmpty() && !e.getKey().equals("deleted")) {
                throw new PackageRefused(file, where, "fieldVersions." + e.getKey(), Reason.UNKNOWN_VALUE, "no such field");
            }
            if (!e.getValue().isTextual()) {
                throw new PackageRefused(file, where, "fieldVersions." + e.getKey(), Reason.WRONG_TYPE, "version");
            }
            hlc(e.getValue().textValue(), where, "fieldVersions." + e.getKey(), file);
            versions.put(e.getKey(), e.getValue().textValue());
        }
        // A field not listed last changed at the record's version.
        for (FieldRule<?> f : kind.fields()) {
            versions.putIfAbsent(f.name(), version);
        }
        versions.putIfAbsent("deleted", version);
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("id", id);
        fields.putAll(values);
        RecordState state = new RecordState(kindName, id, owner, version, deleted.booleanValue(), fields, versions);
        if (context != null) {
            context.passed(state, values);
        }
        return state;
    }

    /** The first problem as the refusal of the package (the writer reports them all; a package needs one). */
    private static void refuse(List<FieldProblem> problems, String where, String file) {
        if (problems.isEmpty()) {
            return;
        }
        FieldProblem p = problems.get(0);
        Reason reason = switch (p.problem()) {
            case REQUIRED, REQUIRED_WHEN -> Reason.MISSING_FIELD;
            case WRONG_TYPE -> Reason.WRONG_TYPE;
            case NOT_IN_LIST, UNKNOWN_FIELD, UNKNOWN_INDICATOR, DERIVED_INDICATOR -> Reason.UNKNOWN_VALUE;
            default -> Reason.OUT_OF_RANGE;
        };
        throw new PackageRefused(file, where, "fields." + p.field(), reason, detail(p));
    }

    /** The values a problem concerns, as the refusal shows them ("90000 > population 8000"). */
    private static String detail(FieldProblem p) {
        List<Object> a = p.args();
        return switch (p.problem()) {
            case REQUIRED -> "null";
            case NOT_IN_LIST, WRONG_TYPE, ANSWER_UNREADABLE, ANSWER_NOT_YES_NO, ANSWER_NOT_NUMBER, ANSWER_NEGATIVE,
                 ANSWER_NOT_PERCENT, ANSWER_NOT_ITEMS, ANSWER_UNKNOWN_ITEM, NOT_APPLICABLE_WITH_VALUE, UNKNOWN_INDICATOR,
                 DERIVED_INDICATOR -> String.valueOf(a.get(0));
            case TOO_LONG -> a.get(0) + " > " + a.get(1) + " characters";
            case OUT_OF_RANGE -> a.get(0) + " ∉ [" + a.get(1) + ", " + a.get(2) + "]";
            case MORE_THAN -> a.get(0) + " > " + a.get(1) + " " + a.get(2);
            case EARLIER_THAN -> a.get(0) + " < " + a.get(1) + " " + a.get(2);
            case NOT_AFTER -> a.get(0) + " ≤ " + a.get(1) + " " + a.get(2);
            case SAME_AS -> "= " + a.get(0);
            case DOES_NOT_MATCH -> a.get(0) + " ≠ " + a.get(1) + " " + a.get(2);
            case REQUIRED_WHEN -> a.get(0) + " " + a.get(1);
            case UNKNOWN_FIELD, NOT_APPLICABLE_WITHOUT_REASON -> p.problem().name();
            case CATALOG_INVALID -> a.get(0) + " " + a.get(1);
        };
    }

    /**
     * The checks of a package's records against the records they read (an answer against its
     * indicator in the catalog of its assessment): those before it in the package, then the
     * database. Keeps what later records may read (assessments), nothing else.
     */
    static final class Context {
        private final Map<UUID, Map<String, Object>> passed = new HashMap<>();
        private final Set<String> kept = new HashSet<>();
        private final RecordContext rules;

        /**
         * @param database the live records of the receiving database
         * @param catalogs the catalogs answers are checked against (null gives none: answers unchecked)
         */
        Context(Parents database, Supplier<Catalogs> catalogs) {
            RecordKinds.all().forEach(k -> kept.addAll(k.looksUp()));
            Parents inPackage = (kind, id) -> Optional.ofNullable(passed.get(id));
            this.rules = new RecordContext(inPackage.or(database), catalogs);
        }

        /** Keeps a checked record that later records may read. */
        private void passed(RecordState s, Map<String, Object> values) {
            if (kept.contains(s.kind())) {
                if (s.deleted()) {
                    passed.remove(s.id());
                } else {
                    passed.put(s.id(), values);
                }
            }
        }
    }

    /** The kinds in package order: a kind's index stands for it in an {@link IdTable}. */
    private static final List<String> KINDS = SyncKinds.all();
    /** Per kind, its reference fields and the kind each points to. */
    private static final Map<String, Map<String, String>> REFERENCES_BY_KIND = new HashMap<>();

    static {
        for (RecordKind<?> kind : RecordKinds.all()) {
            for (FieldRule<?> f : kind.fields()) {
                if (f.references() != null) {
                    REFERENCES_BY_KIND.computeIfAbsent(kind.name(), k -> new LinkedHashMap<>()).put(f.name(), f.references());
                }
            }
        }
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
