// SPDX-License-Identifier: Apache-2.0
package vn.ytcs.core.service;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import vn.ytcs.core.assessment.Assessment;
import vn.ytcs.core.assessment.AssessmentAnswer;
import vn.ytcs.core.assessment.AssessmentState;
import vn.ytcs.core.catalog.Catalogs;
import vn.ytcs.core.commune.CommuneProfile;
import vn.ytcs.core.demo.DemoLoader;
import vn.ytcs.core.directive.Target;
import vn.ytcs.core.directive.Targets;
import vn.ytcs.core.hamlet.Hamlet;
import vn.ytcs.core.hamlet.HamletWorker;
import vn.ytcs.core.record.FieldProblem;
import vn.ytcs.core.record.FieldRule;
import vn.ytcs.core.record.RecordKind;
import vn.ytcs.core.record.RecordKinds;
import vn.ytcs.core.site.Site;
import vn.ytcs.core.site.SiteRole;
import vn.ytcs.core.staff.StaffMember;
import vn.ytcs.core.station.Holding;
import vn.ytcs.core.station.Station;
import vn.ytcs.core.store.Store;
import vn.ytcs.core.store.StoreException;
import vn.ytcs.core.task.Progress;
import vn.ytcs.core.unit.SocioRegion;
import vn.ytcs.core.unit.Unit;
import vn.ytcs.core.unit.UnitSuccession;
import vn.ytcs.core.unit.UnitTree;

/**
 * The register as the surfaces see it: read "as of" a day into read models, and changed only
 * through here. The window and the command line call this, never the store.
 */
public final class RegisterService {

    /** Thrown when this site's role may not make the change (e.g. targets are the province's). */
    public static final class NotPermitted extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final transient SiteRole role;
        private final String what;

        public NotPermitted(SiteRole role, String what) {
            super(what + " not permitted for " + role);
            this.role = role;
            this.what = what;
        }

        /** This site's role. */
        public SiteRole role() {
            return role;
        }

        /** What was refused: a kind's name ({@code targets}, {@code unit}) or a kind's field ({@code unit.vung}). */
        public String what() {
            return what;
        }
    }

    /** Thrown when a record asked for by id is not in the register (or was deleted). */
    public static final class NotFound extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final String kind;
        private final String id;

        public NotFound(String kind, Object id) {
            super("no " + kind + " " + id);
            this.kind = kind;
            this.id = String.valueOf(id);
        }

        /** The record kind's name ({@code staff}, {@code hamlet}…, or {@code unit} for a code). */
        public String kind() {
            return kind;
        }

        /** The id or code asked for. */
        public String id() {
            return id;
        }
    }

    /** Thrown when an assessment may not be changed: it is recognised (a correction starts a new one). */
    public static final class Locked extends RuntimeException {
        private static final long serialVersionUID = 1L;

        public Locked(UUID assessment) {
            super("assessment " + assessment + " is recognised: locked");
        }
    }

    /** Thrown when an assessment may not move from its state to the one asked for. */
    public static final class StepNotAllowed extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final transient AssessmentState from;
        private final transient AssessmentState to;

        public StepNotAllowed(AssessmentState from, AssessmentState to) {
            super(from + " → " + to + " not allowed");
            this.from = from;
            this.to = to;
        }

        public AssessmentState from() {
            return from;
        }

        public AssessmentState to() {
            return to;
        }
    }

    /** Thrown when undo finds the record changed since (by an import or another edit): nothing is undone. */
    public static final class ChangedSince extends RuntimeException {
        private static final long serialVersionUID = 1L;

        public ChangedSince(UUID id) {
            super("record " + id + " changed since the edit");
        }
    }

    /**
     * The last change saved through this service, which {@link #undo()} can take back.
     *
     * @param before the record's values before the save; null when the save created it
     * @param after  its values after the save
     */
    public record Undoable(RecordKind<?> kind, UUID id, Map<String, Object> before, Map<String, Object> after) {
    }

    private final Store store;
    private final String actor;
    private final Profiles profiles;
    private final Supplier<Catalogs> catalogs;
    private volatile Undoable last;

    public RegisterService(Store store, String actor) {
        this(store, actor, Catalogs::shipped);
    }

    /** @param catalogs the catalogs in force (shipped and the province's): a new assessment takes the period's */
    public RegisterService(Store store, String actor, Supplier<Catalogs> catalogs) {
        this.store = store;
        this.actor = actor;
        this.profiles = new Profiles(store);
        this.catalogs = catalogs;
    }

    /** Who is recorded in the audit of edits made here. */
    public String actor() {
        return actor;
    }

    /** The day to show when the user has not chosen one: today, or the last day the hierarchy held data. */
    public LocalDate defaultAsOf(LocalDate today) {
        return store.units().defaultAsOf(today);
    }

    /** The hierarchy as it stood on the day. */
    public UnitTree tree(LocalDate day) {
        return store.units().tree(day);
    }

    /** The unit that carried the code on the day (a code alone never identifies a unit). */
    public Optional<Unit> unit(String code, LocalDate day) {
        return store.units().byCode(code, day);
    }

    /** Every commune of the tree when {@code scope} is null, else the communes under it (or it, when a commune). */
    public List<Unit> communes(UnitTree tree, Unit scope) {
        return scope == null ? tree.communes() : tree.communesUnder(scope);
    }

    /** The unit with the id, whatever the day. */
    public Optional<Unit> unit(UUID id) {
        return store.find(Unit.class, id);
    }

    /** The live register record of the type with the id; {@link NotFound} when there is none. */
    public <T> T record(Class<T> type, UUID id) {
        return store.find(type, id).orElseThrow(() -> new NotFound(kindName(type), id));
    }

    private static String kindName(Class<?> type) {
        return RecordKinds.all().stream().filter(k -> k.type().filter(type::equals).isPresent()).findFirst()
                .map(RecordKind::name).orElse(type.getSimpleName());
    }

    /** Everything the register holds on the commune, current and former, in a handful of queries. */
    public CommuneRegister communeRegister(Unit commune) {
        // Through its lineage, whatever the day: a merged commune's page holds what it carries on.
        Holding holding = Holdings.of(store, List.of(commune), null).get(commune.id());
        List<UUID> ids = List.of(commune.id());
        Optional<Station> station = holding.station();
        List<Station> points = holding.healthPoints();
        List<StaffMember> staff = holding.all().isEmpty() ? List.of()
                : store.staff().staffOf(holding.all().stream().map(Station::id).toList());
        List<Hamlet> hamlets = store.hamlets().hamletsOf(holding.units());
        Map<UUID, List<HamletWorker>> workers = hamlets.isEmpty() ? Map.of()
                : store.hamlets().workersOf(hamlets.stream().map(Hamlet::id).toList()).stream()
                        .collect(Collectors.groupingBy(HamletWorker::hamletId, Collectors.toList()));
        return new CommuneRegister(commune, station, points, staff, hamlets, workers, store.figures().figuresOf(ids),
                history(commune));
    }

    /** What the unit was formed from and what it became, from its successions. */
    public CommuneRegister.History history(Unit unit) {
        List<UnitSuccession> steps = store.units().successions(unit);
        if (steps.isEmpty()) {
            return CommuneRegister.History.NONE;
        }
        Map<UUID, Unit> others = store.units().units(steps.stream()
                .map(s -> s.toUnit().equals(unit.id()) ? s.fromUnit() : s.toUnit()).toList()).stream()
                .collect(Collectors.toMap(Unit::id, u -> u));
        List<CommuneRegister.Step> from = new ArrayList<>();
        List<CommuneRegister.Step> became = new ArrayList<>();
        for (UnitSuccession s : steps) {
            if (s.toUnit().equals(unit.id()) && others.containsKey(s.fromUnit())) {
                from.add(new CommuneRegister.Step(others.get(s.fromUnit()), s.effective()));
            } else if (others.containsKey(s.toUnit())) {
                became.add(new CommuneRegister.Step(others.get(s.toUnit()), s.effective()));
            }
        }
        from.sort(Comparator.comparing((CommuneRegister.Step x) -> x.unit().code()));
        return new CommuneRegister.History(List.copyOf(from), List.copyOf(became));
    }

    /** Profiles of the communes on the day, in the order given, in a handful of queries. */
    public List<CommuneProfile> profiles(UnitTree tree, List<Unit> communes, LocalDate day) {
        return profiles.load(tree, communes, day);
    }

    /** Whether the register holds the demo province. */
    public boolean demoLoaded() {
        return DemoLoader.isLoaded(store);
    }

    /** Loads the demo into an empty register, in one transaction. */
    public DemoLoader.Outcome loadDemo(DemoLoader.World world, Progress progress) {
        return DemoLoader.load(store, actor, world, progress);
    }

    /**
     * Every problem the record has against its kind's one declaration (required, list of values,
     * range, length, rules across fields, references, an answer that fits its indicator), each
     * naming its field, for an editor to show beside the field. Empty when the record may be saved.
     */
    public <T> List<FieldProblem> check(T record) {
        RecordKind<T> kind = RecordKinds.of(record);
        return kind.problems(record, store.recordContext());
    }

    /**
     * Saves a register record (created, or what differs changed), with its audit rows and field
     * versions, in one transaction. A record with problems is refused with all of them
     * ({@link StoreException#problems()}) and nothing changes.
     */
    public <T> void save(T record) {
        // What undo takes back is known once the transaction is in: a refused or failed one leaves the last as it was.
        last = store.write(actor, w -> saveIn(w, record));
    }

    /** Saves the record inside the writer's transaction; returns the change, for {@link #undo()} to take back. */
    private <T> Undoable saveIn(vn.ytcs.core.store.RegisterWriter w, T record) {
        RecordKind<T> kind = RecordKinds.of(record);
        UUID id = kind.idOf(record);
        Map<String, Object> after = kind.values(record);
        Map<String, Object> before = w.sync().find(kind.name(), id).filter(s -> !s.deleted())
                .map(s -> fieldsOnly(kind, s.fields())).orElse(null);
        refuseProvinceFields(kind, before, after);
        w.saveValues(kind, id, after);
        return new Undoable(kind, id, before, after);
    }

    /** A district changes none of the fields the province assigns (ownership, RecordKinds.provinceField). */
    private void refuseProvinceFields(RecordKind<?> kind, Map<String, Object> before, Map<String, Object> after) {
        SiteRole role = store.localSite().role();
        if (role == SiteRole.PROVINCE) {
            return;
        }
        if (before == null && RecordKinds.provinceKind(kind.name())) {
            throw new NotPermitted(role, kind.name());
        }
        for (FieldRule<?> f : kind.fields()) {
            Object was = before == null ? null : before.get(f.name());
            Object now = after.get(f.name());
            boolean changed = before != null && !Objects.equals(was, now);
            if (changed && RecordKinds.provinceField(kind.name(), f.name(), now)
                    || before == null && f.name().equals("state") && RecordKinds.provinceField(kind.name(), f.name(), now)) {
                throw new NotPermitted(role, kind.name() + "." + f.name());
            }
        }
    }

    private static Map<String, Object> fieldsOnly(RecordKind<?> kind, Map<String, Object> stored) {
        Map<String, Object> out = new LinkedHashMap<>();
        kind.fields().forEach(f -> out.put(f.name(), stored.get(f.name())));
        return out;
    }

    /** The last change saved here in this session, if undo can still take it back. */
    public Optional<Undoable> lastChange() {
        return Optional.ofNullable(last);
    }

    /**
     * Takes back the last saved change by writing a new change that restores the values before it
     * (a record it created becomes a tombstone), so that sync sees it like any other edit. Refused
     * with {@link ChangedSince} when the record no longer holds what that save wrote.
     */
    public Optional<Undoable> undo() {
        Undoable u = last;
        if (u == null) {
            return Optional.empty();
        }
        store.write(actor, w -> {
            Map<String, Object> now = w.sync().find(u.kind().name(), u.id()).filter(s -> !s.deleted())
                    .map(s -> fieldsOnly(u.kind(), s.fields())).orElse(null);
            if (now == null || !sameValues(now, u.after())) {
                throw new ChangedSince(u.id());
            }
            if (u.before() == null) {
                w.delete(u.kind(), u.id());
            } else {
                w.saveValues(u.kind(), u.id(), u.before());
            }
            return null;
        });
        last = null;
        return Optional.of(u);
    }

    private static boolean sameValues(Map<String, Object> a, Map<String, Object> b) {
        for (Map.Entry<String, Object> e : b.entrySet()) {
            Object x = RecordKind.stored(a.get(e.getKey()));
            Object y = RecordKind.stored(e.getValue());
            if (!Objects.equals(x == null ? null : x.toString(), y == null ? null : y.toString())) {
                return false;
            }
        }
        return true;
    }

    /** Records that the staff member left the station on the day; the record stays, with its history. */
    public StaffMember leaveStaff(UUID id, LocalDate on) {
        StaffMember m = record(StaffMember.class, id);
        StaffMember left = new StaffMember(m.id(), m.stationId(), m.fullName(), m.sex(), m.birthYear(), m.profession(),
                m.employment(), m.startDate(), on);
        save(left);
        return left;
    }

    /** Records that the hamlet worker left on the day; the record stays, with its history. */
    public HamletWorker leaveWorker(UUID id, LocalDate on) {
        HamletWorker w = record(HamletWorker.class, id);
        HamletWorker left = new HamletWorker(w.id(), w.hamletId(), w.fullName(), w.sex(), w.role(), w.trainingMonths(),
                w.active(), on);
        save(left);
        return left;
    }

    /** Records that the hamlet was abolished on the day; it stays, with its workers and history. */
    public Hamlet abolishHamlet(UUID id, LocalDate on) {
        Hamlet h = record(Hamlet.class, id);
        Hamlet abolished = new Hamlet(h.id(), h.communeId(), h.name(), h.kind(), h.households(), on);
        save(abolished);
        return abolished;
    }

    /** Sets the commune's vùng and socio-economic region: the province's to assign. */
    public Unit assignZone(UUID communeId, Integer vung, SocioRegion region) {
        Unit u = unit(communeId).orElseThrow(() -> new NotFound("unit", communeId));
        Unit assigned = new Unit(u.id(), u.code(), u.codeOfficial(), u.name(), u.type(), u.parentId(), u.validFrom(),
                u.validTo(), vung, region, u.demo(), u.note());
        save(assigned);
        return assigned;
    }

    /** What the audit holds on the record, oldest first: who changed which field when, old → new. */
    public List<Store.AuditEntry> history(UUID recordId) {
        return store.history(recordId);
    }

    /** The commune's assessment of the period, if one was started. */
    public Optional<Assessment> assessment(UUID communeId, int period) {
        return store.assessments().assessmentsOf(List.of(communeId), period).stream()
                .min(Comparator.comparing(Assessment::id));
    }

    /** The answers of the assessment. */
    public List<AssessmentAnswer> answers(UUID assessmentId) {
        return store.assessments().answersOf(List.of(assessmentId));
    }

    /**
     * Sets one entered answer of the commune's assessment of the period, starting the assessment
     * (a draft against the catalog in force for the period) when there is none. A recognised
     * assessment is {@link Locked}. {@code value} is the stored JSON value
     * ({@link vn.ytcs.core.assessment.AnswerValues#fromTyped}); problems are refused with every field named.
     */
    public AssessmentAnswer answer(UUID communeId, int period, String indicator, String value, boolean notApplicable,
                                   String note, String evidence) {
        Optional<Assessment> existing = assessment(communeId, period);
        Assessment a = existing.orElseGet(() -> draft(communeId, period));
        if (a.state() == AssessmentState.RECOGNISED) {
            throw new Locked(a.id());
        }
        UUID id = existing.isEmpty() ? UUID.randomUUID() : answers(a.id()).stream()
                .filter(x -> x.indicatorCode().equals(indicator)).map(AssessmentAnswer::id)
                .findFirst().orElseGet(UUID::randomUUID);
        AssessmentAnswer answer = new AssessmentAnswer(id, a.id(), indicator, value, notApplicable, blankToNull(note),
                blankToNull(evidence));
        // A new draft and its first answer are one change: an answer refused leaves no empty assessment behind.
        last = store.write(actor, w -> {
            if (existing.isEmpty()) {
                saveIn(w, a);
            }
            return saveIn(w, answer);
        });
        return answer;
    }

    /** Removes the answer of the indicator (a tombstone that travels); false when there was none. */
    public boolean clearAnswer(UUID communeId, int period, String indicator) {
        Optional<Assessment> a = assessment(communeId, period);
        if (a.isEmpty()) {
            return false;
        }
        if (a.get().state() == AssessmentState.RECOGNISED) {
            throw new Locked(a.get().id());
        }
        Optional<AssessmentAnswer> answer = answers(a.get().id()).stream()
                .filter(x -> x.indicatorCode().equals(indicator)).findFirst();
        if (answer.isEmpty()) {
            return false;
        }
        RecordKind<AssessmentAnswer> kind = RecordKinds.ASSESSMENT_ANSWER;
        store.write(actor, w -> {
            w.delete(kind, answer.get().id());
            return null;
        });
        last = null;
        return true;
    }

    /**
     * Moves the commune's assessment of the period to the state, as its workflow allows
     * ({@link AssessmentState#next()}); recognising it is the province's, with the decision's
     * number and date. The audit keeps who made each step and when.
     */
    public Assessment moveAssessment(UUID communeId, int period, AssessmentState to, String decisionNumber,
                                     LocalDate decisionDate) {
        Assessment a = assessment(communeId, period).orElseThrow(() -> new NotFound("assessment", period));
        if (!a.state().next().contains(to)) {
            throw new StepNotAllowed(a.state(), to);
        }
        Assessment moved = new Assessment(a.id(), a.unitId(), a.period(), a.catalogId(), to,
                to == AssessmentState.RECOGNISED ? blankToNull(decisionNumber) : a.decisionNumber(),
                to == AssessmentState.RECOGNISED ? decisionDate : a.decisionDate());
        save(moved);
        return moved;
    }

    private Assessment draft(UUID communeId, int period) {
        String catalog = catalogs.get().forPeriod(period).map(vn.ytcs.core.catalog.Catalog::id)
                .orElseThrow(() -> new NotFound("catalog", period));
        return new Assessment(UUID.randomUUID(), communeId, period, catalog, AssessmentState.DRAFT, null, null);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }

    /** The name written in the audit for edits made on this computer, when set in this site's settings. */
    public Optional<String> userName() {
        return store.meta(USER_NAME).filter(s -> !s.isBlank());
    }

    /** Sets the name written in the audit for edits made here from the next start; blank clears it. */
    public void setUserName(String name) {
        store.write(actor, w -> {
            w.putMeta(USER_NAME, name == null ? "" : name.strip());
            return null;
        });
    }

    private static final String USER_NAME = "site.user_name";

    /** The Directive 25 targets this site holds. */
    public List<Target> targets() {
        return store.targets();
    }

    /** What a targets import did. */
    public record TargetsImported(int read, int removed) {
    }

    /**
     * Replaces the province's targets with those of the file, all at once (targets not in the
     * file are removed); only a province sets them. A file refused changes nothing.
     */
    public TargetsImported importTargets(Path file) {
        SiteRole role = store.localSite().role();
        if (role != SiteRole.PROVINCE) {
            throw new NotPermitted(role, "targets");
        }
        List<Target> targets = Targets.read(file);
        return new TargetsImported(targets.size(), store.write(actor, w -> w.replaceTargets(targets)));
    }

    /** This site: its name, role and key fingerprint. */
    public Site localSite() {
        return store.localSite();
    }

    /** What opening the database found to tell: a repair it made, a clock behind the data, a demo made by an earlier YTCS. */
    public List<Store.Notice> notices() {
        if (!DemoLoader.outdated(store)) {
            return store.notices();
        }
        List<Store.Notice> all = new ArrayList<>(store.notices());
        all.add(new Store.Notice(Store.Notice.Kind.OLD_DEMO, store.dataDir().toString()));
        return List.copyOf(all);
    }

    /** The data folder this register lives in. */
    public Path dataDir() {
        return store.dataDir();
    }
}
