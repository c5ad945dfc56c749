// SPDX-License-Identifier: Apache-2.0
package vn.ytcs.core.record;

import static vn.ytcs.core.record.FieldRule.choice;
import static vn.ytcs.core.record.FieldRule.date;
import static vn.ytcs.core.record.FieldRule.decimal;
import static vn.ytcs.core.record.FieldRule.flag;
import static vn.ytcs.core.record.FieldRule.reference;
import static vn.ytcs.core.record.FieldRule.text;
import static vn.ytcs.core.record.FieldRule.whole;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import vn.ytcs.core.assessment.Assessment;
import vn.ytcs.core.assessment.AssessmentAnswer;
import vn.ytcs.core.assessment.AssessmentState;
import vn.ytcs.core.directive.Target;
import vn.ytcs.core.figures.CommuneYear;
import vn.ytcs.core.hamlet.Hamlet;
import vn.ytcs.core.hamlet.HamletKind;
import vn.ytcs.core.hamlet.HamletWorker;
import vn.ytcs.core.hamlet.WorkerRole;
import vn.ytcs.core.record.FieldProblem.Problem;
import vn.ytcs.core.staff.Employment;
import vn.ytcs.core.staff.Profession;
import vn.ytcs.core.staff.Sex;
import vn.ytcs.core.staff.StaffMember;
import vn.ytcs.core.station.Station;
import vn.ytcs.core.station.StationKind;
import vn.ytcs.core.unit.SocioRegion;
import vn.ytcs.core.unit.Unit;
import vn.ytcs.core.unit.UnitLevel;
import vn.ytcs.core.unit.UnitSuccession;
import vn.ytcs.core.unit.UnitType;

/**
 * The register's record kinds, each declared once, in the order packages list them (parents
 * before children). Adding a kind: a migration for its table, a declaration here.
 */
public final class RecordKinds {

    /** People of one commune, at most: more is a typing or encoding error, not a commune. */
    public static final int MAX_PEOPLE = 2_000_000;
    /** Years the register holds figures and assessments for. */
    public static final int FIRST_YEAR = 2000;
    public static final int LAST_YEAR = 2100;
    /** Longest text a package carries in one value (a catalog document). */
    public static final int MAX_TEXT = 1 << 20;

    public static final RecordKind<Unit> UNIT = RecordKind.<Unit>builder("unit", "admin_unit", Unit.class, Unit::id)
            .field(text("code", 10, Unit::code).needed())
            .field(flag("code_official", Unit::codeOfficial))
            .field(text("name", 200, Unit::name).needed())
            .field(choice("unit_level", UnitLevel.values(), (Unit u) -> u.type() == null ? null : u.type().level()).needed())
            .field(choice("unit_type", UnitType.values(), Unit::type).needed())
            .field(reference("parent_id", "unit", Unit::parentId))
            .field(date("valid_from", Unit::validFrom).needed())
            .field(date("valid_to", Unit::validTo))
            .field(whole("vung", 1, 3, Unit::vung))
            .field(flag("demo", Unit::demo))
            .field(text("note", 400, Unit::note))
            .field(choice("socio_region", SocioRegion.values(), Unit::region))
            .rule(after("valid_to", "valid_from"))
            .rule((v, c, out) -> {
                // The level is the type's: a package carries both, and they must agree.
                UnitLevel level = UnitType.valueOf((String) v.get("unit_type")).level();
                if (!level.name().equals(v.get("unit_level"))) {
                    out.add("unit_level", Problem.DOES_NOT_MATCH, v.get("unit_level"), "unit_type", v.get("unit_type"));
                }
            })
            .commune(new RecordKind.Commune.Self("unit_level", UnitLevel.COMMUNE.name()))
            .build();

    public static final RecordKind<UnitSuccession> SUCCESSION = RecordKind.<UnitSuccession>builder("succession",
                    "unit_succession", UnitSuccession.class, UnitSuccession::id)
            .field(reference("from_unit_id", "unit", UnitSuccession::fromUnit).needed())
            .field(reference("to_unit_id", "unit", UnitSuccession::toUnit).needed())
            .field(date("effective_date", UnitSuccession::effective).needed())
            .rule((v, c, out) -> {
                if (v.get("to_unit_id").equals(v.get("from_unit_id"))) {
                    out.add("to_unit_id", Problem.SAME_AS, "from_unit_id");
                }
            })
            .build();

    public static final RecordKind<Station> STATION = RecordKind.<Station>builder("station", "station", Station.class, Station::id)
            .field(reference("unit_id", "unit", Station::unitId).needed())
            .field(text("name", 200, Station::name).needed())
            .field(choice("station_kind", StationKind.values(), Station::kind).needed())
            .field(reference("parent_station_id", "station", Station::parentStationId))
            .field(text("address", 400, Station::address))
            .field(text("phone", 40, Station::phone))
            .field(flag("family_doctor_model", Station::familyDoctorModel))
            .commune(new RecordKind.Commune.Field("unit_id"))
            .build();

    public static final RecordKind<StaffMember> STAFF = RecordKind.<StaffMember>builder("staff", "staff", StaffMember.class,
                    StaffMember::id)
            .field(reference("station_id", "station", StaffMember::stationId).needed())
            .field(text("full_name", 200, StaffMember::fullName).needed())
            .field(choice("sex", Sex.values(), StaffMember::sex).needed())
            .field(whole("birth_year", 1930, 2020, StaffMember::birthYear))
            .field(choice("profession", Profession.values(), StaffMember::profession).needed())
            .field(choice("employment", Employment.values(), StaffMember::employment).needed())
            .field(date("start_date", StaffMember::startDate))
            .field(date("end_date", StaffMember::endDate))
            .rule(notEarlier("end_date", "start_date"))
            .commune(new RecordKind.Commune.Through("station_id"))
            .build();

    public static final RecordKind<Hamlet> HAMLET = RecordKind.<Hamlet>builder("hamlet", "hamlet", Hamlet.class, Hamlet::id)
            .field(reference("commune_id", "unit", Hamlet::communeId).needed())
            .field(text("name", 200, Hamlet::name).needed())
            .field(choice("hamlet_kind", HamletKind.values(), Hamlet::kind).needed())
            .field(whole("households", 0, MAX_PEOPLE, Hamlet::households))
            .field(date("abolished_on", Hamlet::abolishedOn))
            .commune(new RecordKind.Commune.Field("commune_id"))
            .build();

    public static final RecordKind<HamletWorker> HAMLET_WORKER = RecordKind.<HamletWorker>builder("hamlet_worker",
                    "hamlet_worker", HamletWorker.class, HamletWorker::id)
            .field(reference("hamlet_id", "hamlet", HamletWorker::hamletId).needed())
            .field(text("full_name", 200, HamletWorker::fullName).needed())
            .field(choice("sex", Sex.values(), HamletWorker::sex).needed())
            .field(choice("worker_role", WorkerRole.values(), HamletWorker::role).needed())
            .field(whole("training_months", 0, 120, HamletWorker::trainingMonths).needed())
            .field(flag("active", HamletWorker::active))
            .field(date("end_date", HamletWorker::endDate))
            .commune(new RecordKind.Commune.Through("hamlet_id"))
            .build();

    /** The counts of a commune's year that are parts of its population. */
    private static final List<String> PARTS_OF_POPULATION = List.of("households", "insured", "health_records",
            "children_under5", "births");

    public static final RecordKind<CommuneYear> COMMUNE_YEAR = RecordKind.<CommuneYear>builder("commune_year",
                    "commune_year", CommuneYear.class, CommuneYear::id)
            .field(reference("unit_id", "unit", CommuneYear::unitId).needed())
            .field(whole("figure_year", FIRST_YEAR, LAST_YEAR, CommuneYear::year).needed())
            .field(whole("population", 0, MAX_PEOPLE, CommuneYear::population))
            .field(whole("households", 0, MAX_PEOPLE, CommuneYear::households))
            .field(whole("insured", 0, MAX_PEOPLE, CommuneYear::insured))
            .field(whole("health_records", 0, MAX_PEOPLE, CommuneYear::healthRecords))
            .field(whole("children_under5", 0, MAX_PEOPLE, CommuneYear::childrenUnder5))
            .field(whole("births", 0, MAX_PEOPLE, CommuneYear::births))
            .rule((v, c, out) -> {
                Integer population = (Integer) v.get("population");
                for (String part : PARTS_OF_POPULATION) {
                    Integer n = (Integer) v.get(part);
                    if (population != null && n != null && n > population) {
                        out.add(part, Problem.MORE_THAN, n, "population", population);
                    }
                }
            })
            .commune(new RecordKind.Commune.Field("unit_id"))
            .build();

    public static final RecordKind<Assessment> ASSESSMENT = RecordKind.<Assessment>builder("assessment", "assessment",
                    Assessment.class, Assessment::id)
            .field(reference("unit_id", "unit", Assessment::unitId).needed())
            .field(whole("period", FIRST_YEAR, LAST_YEAR, Assessment::period).needed())
            .field(text("catalog_id", 40, Assessment::catalogId).needed())
            .field(choice("state", AssessmentState.values(), Assessment::state).needed())
            .field(text("decision_number", 100, Assessment::decisionNumber))
            .field(date("decision_date", Assessment::decisionDate))
            // A recognition is the province's decision: its number and date say which.
            .rule(requiredWhen("decision_number", "state", AssessmentState.RECOGNISED.name()))
            .rule(requiredWhen("decision_date", "state", AssessmentState.RECOGNISED.name()))
            .commune(new RecordKind.Commune.Field("unit_id"))
            .build();

    public static final RecordKind<AssessmentAnswer> ASSESSMENT_ANSWER = RecordKind.<AssessmentAnswer>builder(
                    "assessment_answer", "assessment_answer", AssessmentAnswer.class, AssessmentAnswer::id)
            .field(reference("assessment_id", "assessment", AssessmentAnswer::assessmentId).needed())
            .field(text("indicator_code", 40, AssessmentAnswer::indicatorCode).needed())
            .field(text(AnswerFit.VALUE, 2000, AssessmentAnswer::value))
            .field(flag("not_applicable", AssessmentAnswer::notApplicable))
            .field(text("note", 2000, AssessmentAnswer::note))
            .field(text("evidence", 500, AssessmentAnswer::evidence))
            .rule(new AnswerFit(), "assessment")
            .commune(new RecordKind.Commune.Through("assessment_id"))
            .build();

    public static final RecordKind<Target> TARGET = RecordKind.<Target>builder("target", "target", Target.class,
                    RecordKinds::targetId)
            .field(text("code", 40, Target::code).needed())
            .field(text("name_vi", 400, (Target t) -> t.name() == null ? null : t.name().vi()).needed())
            .field(text("name_en", 400, (Target t) -> t.name() == null ? null : t.name().en()))
            .field(choice("measure", Target.Measure.values(), Target::measure).needed())
            .field(choice("comparison", Target.Comparison.values(), Target::comparison).needed())
            .field(decimal("target_value", 0, 100, Target::value).needed())
            .field(whole("due_year", FIRST_YEAR, LAST_YEAR, Target::dueYear).needed())
            .build();

    /**
     * A revision of a catalog as the province made it (1, 2, …; 0 is the shipped catalog, never a
     * row): the whole document, who made it, when, why, and the revision it was made from.
     */
    public static final RecordKind<Void> CATALOG = RecordKind.<Void>builder("catalog", "catalog_document", null, v -> null)
            .field(text("catalog_id", 40, (Void v) -> null).needed())
            .field(whole("revision", 1, Integer.MAX_VALUE, (Void v) -> null).needed())
            .field(text("document", MAX_TEXT, (Void v) -> null).needed())
            .field(text("made_by", 200, (Void v) -> null).needed())
            .field(text("made_at", 40, (Void v) -> null).needed())
            .field(text("reason", 2000, (Void v) -> null).needed())
            .field(whole("based_on", 0, Integer.MAX_VALUE, (Void v) -> null).needed())
            .rule((v, c, out) -> {
                // A revision's document is a whole valid catalog of the same id (docs/decisions/0009).
                try {
                    vn.ytcs.core.catalog.Catalog cat = vn.ytcs.core.catalog.CatalogReader.read(
                            ((String) v.get("document")).getBytes(StandardCharsets.UTF_8), "document");
                    if (!cat.id().equals(v.get("catalog_id"))) {
                        out.add("catalog_id", Problem.DOES_NOT_MATCH, v.get("catalog_id"), "document", cat.id());
                    }
                } catch (vn.ytcs.core.json.DocumentException e) {
                    out.add("document", Problem.CATALOG_INVALID, e.path(), e.problem().name());
                }
            })
            .rule((v, c, out) -> {
                if (((Integer) v.get("based_on")) >= ((Integer) v.get("revision"))) {
                    out.add("based_on", Problem.MORE_THAN, v.get("based_on"), "revision", v.get("revision"));
                }
            })
            .build();

    /** Kinds only a province creates and changes (docs/decisions/0006-ownership.md). */
    private static final java.util.Set<String> PROVINCE_KINDS = java.util.Set.of("target", "catalog");

    /** Fields of district records that the province assigns. */
    private static final Map<String, java.util.Set<String>> PROVINCE_FIELDS = Map.of(
            "unit", java.util.Set.of("vung", "socio_region"),
            "assessment", java.util.Set.of("decision_number", "decision_date"));

    private static final Map<String, RecordKind<?>> BY_NAME = new LinkedHashMap<>();

    static {
        for (RecordKind<?> k : List.of(UNIT, SUCCESSION, STATION, STAFF, HAMLET, HAMLET_WORKER, COMMUNE_YEAR, ASSESSMENT,
                ASSESSMENT_ANSWER, TARGET, CATALOG)) {
            BY_NAME.put(k.name(), k);
        }
    }

    private RecordKinds() {
    }

    /** Every kind, parents before children: the order a package lists them and an import applies them. */
    public static List<RecordKind<?>> all() {
        return List.copyOf(BY_NAME.values());
    }

    public static Optional<RecordKind<?>> find(String name) {
        return Optional.ofNullable(BY_NAME.get(name));
    }

    /** The kind of the name; throws IllegalArgumentException for a name no kind has. */
    public static RecordKind<?> byName(String name) {
        return find(name).orElseThrow(() -> new IllegalArgumentException("unknown kind: " + name));
    }

    /** The kind whose record type the record has. */
    @SuppressWarnings("unchecked")
    public static <T> RecordKind<T> of(T record) {
        for (RecordKind<?> k : BY_NAME.values()) {
            if (k.type().filter(t -> t.isInstance(record)).isPresent()) {
                return (RecordKind<T>) k;
            }
        }
        throw new IllegalArgumentException("not a register record: " + record.getClass().getName());
    }

    /**
     * The commune a record of the named kind belongs to, or null for none: what a package's
     * preview groups its changes by.
     */
    public static UUID communeOf(String kind, UUID id, Map<String, Object> values, Parents parents) {
        return byName(kind).communeOf(id, values, parents);
    }

    /** Whether only a province creates and changes records of the kind. */
    public static boolean provinceKind(String kind) {
        return PROVINCE_KINDS.contains(kind);
    }

    /**
     * Whether setting the field to the value is the province's to do, whoever owns the record:
     * the one statement of it, for sync's ownership and for the editors alike.
     */
    public static boolean provinceField(String kind, String field, Object value) {
        return PROVINCE_KINDS.contains(kind) || PROVINCE_FIELDS.getOrDefault(kind, java.util.Set.of()).contains(field)
                // Recognition is the province's decision; the district moves an assessment up to "reviewed".
                || (ASSESSMENT.name().equals(kind) && "state".equals(field) && AssessmentState.RECOGNISED.name().equals(value));
    }

    /** Targets are identified by their code: the same code gives the same record on every site. */
    private static UUID targetId(Target t) {
        return t.code() == null ? null
                : UUID.nameUUIDFromBytes(("ytcs-target:" + t.code()).getBytes(StandardCharsets.UTF_8));
    }

    /** {@code later}, when given, is after {@code earlier}. */
    private static RecordKind.Rule after(String later, String earlier) {
        return (v, c, out) -> {
            LocalDate a = (LocalDate) v.get(later);
            LocalDate b = (LocalDate) v.get(earlier);
            if (a != null && b != null && !a.isAfter(b)) {
                out.add(later, Problem.NOT_AFTER, a, earlier, b);
            }
        };
    }

    /** {@code later}, when given, is not before {@code earlier}. */
    private static RecordKind.Rule notEarlier(String later, String earlier) {
        return (v, c, out) -> {
            LocalDate a = (LocalDate) v.get(later);
            LocalDate b = (LocalDate) v.get(earlier);
            if (a != null && b != null && a.isBefore(b)) {
                out.add(later, Problem.EARLIER_THAN, a, earlier, b);
            }
        };
    }

    private static RecordKind.Rule requiredWhen(String field, String other, String value) {
        return (v, c, out) -> {
            Object f = v.get(field);
            if (value.equals(v.get(other)) && (f == null || f.toString().isBlank())) {
                out.add(field, Problem.REQUIRED_WHEN, other, value);
            }
        };
    }
}
