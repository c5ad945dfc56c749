// SPDX-License-Identifier: Apache-2.0
package vn.ytcs.app.window;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Executor;
import java.util.function.Supplier;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import vn.ytcs.app.i18n.Failures;
import vn.ytcs.app.i18n.Messages;
import vn.ytcs.app.root.Ytcs;
import vn.ytcs.core.assessment.AnswerValues;
import vn.ytcs.core.assessment.Assessment;
import vn.ytcs.core.assessment.AssessmentAnswer;
import vn.ytcs.core.assessment.AssessmentState;
import vn.ytcs.core.catalog.Catalog;
import vn.ytcs.core.catalog.Indicator;
import vn.ytcs.core.commune.CommuneProfile;
import vn.ytcs.core.json.DocumentException;
import vn.ytcs.core.record.FieldProblem;
import vn.ytcs.core.scoring.CommuneScoring;
import vn.ytcs.core.scoring.IndicatorScore;
import vn.ytcs.core.service.RegisterService;
import vn.ytcs.core.service.ScoringService;
import vn.ytcs.core.site.SiteRole;
import vn.ytcs.core.store.Store;
import vn.ytcs.core.store.StoreException;
import vn.ytcs.core.unit.Unit;
import vn.ytcs.core.unit.UnitTree;

/**
 * The assessment of one commune for a period: the checklist of the catalog in force, what is
 * saved and what is being typed, the scorecard of what is typed (scored in memory as the user
 * types, no database), and the workflow's steps. Every read and write runs on the background
 * executor; state is published on the UI executor, so it is tested without JavaFX.
 */
public final class AssessmentViewModel {

    /** The part of the commune's register page that feeds a derived indicator. */
    public enum Section {
        STATION, STAFF, HAMLETS, FIGURES
    }

    /** A step of the workflow as the audit holds it: from (null when it started there), to, who, when. */
    public record Step(AssessmentState from, AssessmentState to, String actor, OffsetDateTime at) {
    }

    /** One indicator of the checklist: what is saved and what is being typed. */
    public final class Row {
        private final Indicator indicator;
        private final StringProperty value = new SimpleStringProperty("");
        private final BooleanProperty notApplicable = new SimpleBooleanProperty();
        private final StringProperty note = new SimpleStringProperty("");
        private final StringProperty evidence = new SimpleStringProperty("");
        private final ObjectProperty<List<FieldProblem>> problems = new SimpleObjectProperty<>(List.of());
        private final ObjectProperty<IndicatorScore> score = new SimpleObjectProperty<>();
        private final BooleanProperty dirty = new SimpleBooleanProperty();
        private final BooleanProperty unreadable = new SimpleBooleanProperty();
        private AssessmentAnswer saved;
        private boolean resetting;

        private Row(Indicator indicator) {
            this.indicator = indicator;
            value.addListener((o, a, b) -> edited());
            notApplicable.addListener((o, a, b) -> edited());
            note.addListener((o, a, b) -> edited());
            evidence.addListener((o, a, b) -> edited());
        }

        private void edited() {
            if (resetting) {
                return;
            }
            dirty.set(!matchesSaved());
            recompute();
        }

        private boolean matchesSaved() {
            return Objects.equals(typed(saved), value.get()) && notApplicable.get() == (saved != null && saved.notApplicable())
                    && Objects.equals(text(saved == null ? null : saved.note()), note.get())
                    && Objects.equals(text(saved == null ? null : saved.evidence()), evidence.get());
        }

        private String typed(AssessmentAnswer a) {
            return a == null || a.value() == null ? "" : AnswerValues.toTyped(indicator.rule(), a.value(), locale);
        }

        /** Puts back what is saved. */
        private void reset() {
            resetting = true;
            try {
                value.set(typed(saved));
                notApplicable.set(saved != null && saved.notApplicable());
                note.set(text(saved == null ? null : saved.note()));
                evidence.set(text(saved == null ? null : saved.evidence()));
            } finally {
                resetting = false;
            }
            dirty.set(false);
            problems.set(List.of());
        }

        /** The answer as typed, for the live scorecard; null when nothing would be saved. */
        private AssessmentAnswer draft(UUID assessmentId) {
            if (!dirty.get() || locked.get()) {
                return saved;
            }
            String stored = notApplicable.get() ? null : AnswerValues.fromTyped(indicator.rule(), value.get());
            if (stored == null && !notApplicable.get()) {
                return null;
            }
            return new AssessmentAnswer(saved == null ? UUID.randomUUID() : saved.id(), assessmentId, indicator.code(), stored,
                    notApplicable.get(), note.get(), evidence.get());
        }

        public Indicator indicator() {
            return indicator;
        }

        /** True when the register gives the value: shown, never typed. */
        public boolean derived() {
            return indicator.isDerived();
        }

        /** The register section that feeds a derived indicator. */
        public Optional<Section> section() {
            if (!indicator.isDerived()) {
                return Optional.empty();
            }
            return Optional.of(switch (indicator.derived()) {
                case PERMANENT_DOCTOR, ANY_DOCTOR, MIDWIFE_OR_OBSTETRIC_ASSISTANT, STAFF_COUNT -> Section.STAFF;
                case HAMLET_WORKER_SHARE -> Section.HAMLETS;
                case INSURANCE_COVERAGE, HEALTH_RECORD_COVERAGE -> Section.FIGURES;
                case FAMILY_DOCTOR_MODEL -> Section.STATION;
            });
        }

        /** The answer as typed: "có", "55,6", "a, c" ({@link AnswerValues#fromTyped} reads it). */
        public StringProperty value() {
            return value;
        }

        public BooleanProperty notApplicable() {
            return notApplicable;
        }

        /** A note; the reason when not applicable. */
        public StringProperty note() {
            return note;
        }

        /** Where the proof is: a document number or a file name. */
        public StringProperty evidence() {
            return evidence;
        }

        /** Why the last save was refused, each naming its field; empty when it was not. */
        public ReadOnlyObjectProperty<List<FieldProblem>> problems() {
            return problems;
        }

        /** How the indicator scores with what is typed. */
        public ReadOnlyObjectProperty<IndicatorScore> score() {
            return score;
        }

        /** True when what is typed differs from what is saved. */
        public ReadOnlyBooleanProperty dirty() {
            return dirty;
        }

        /** True when what is typed cannot be scored (the live scorecard counts what is saved instead). */
        public ReadOnlyBooleanProperty unreadable() {
            return unreadable;
        }

        /** The saved answer; null when none. */
        public AssessmentAnswer saved() {
            return saved;
        }
    }

    private final Supplier<Ytcs> ytcs;
    private final Executor background;
    private final Executor ui;
    private final BackgroundTasks tasks;
    private final UnitTree tree;
    private final Unit commune;
    private final LocalDate day;
    private final Locale locale;

    private final IntegerProperty period = new SimpleIntegerProperty();
    private final ObjectProperty<List<Integer>> periods = new SimpleObjectProperty<>(List.of());
    private final ObjectProperty<Catalog> catalog = new SimpleObjectProperty<>();
    private final ObjectProperty<CommuneProfile> profile = new SimpleObjectProperty<>();
    private final ObjectProperty<Assessment> assessment = new SimpleObjectProperty<>();
    private final ObjectProperty<List<Row>> rows = new SimpleObjectProperty<>(List.of());
    private final ObjectProperty<List<Step>> steps = new SimpleObjectProperty<>(List.of());
    private final ObjectProperty<CommuneScoring.Result> scored = new SimpleObjectProperty<>();
    private final ObjectProperty<List<FieldProblem>> stepProblems = new SimpleObjectProperty<>(List.of());
    private final ObjectProperty<Throwable> error = new SimpleObjectProperty<>();
    private final BooleanProperty busy = new SimpleBooleanProperty();
    private final BooleanProperty locked = new SimpleBooleanProperty();
    private final BooleanProperty canUndo = new SimpleBooleanProperty();
    private final ObjectProperty<SiteRole> role = new SimpleObjectProperty<>();
    private final ObjectProperty<Long> lastScoreNanos = new SimpleObjectProperty<>(0L);
    private ScoringService scoring;

    /**
     * @param ytcs the open register (called on the background executor)
     * @param tree the hierarchy of the day shown; {@code day} decides who counts as current staff
     */
    public AssessmentViewModel(Supplier<Ytcs> ytcs, Executor background, Executor ui, UnitTree tree, Unit commune,
                               LocalDate day, Integer period, Locale locale) {
        this.ytcs = ytcs;
        this.background = background;
        this.ui = ui;
        this.tasks = new BackgroundTasks(background, ui);
        this.tree = tree;
        this.commune = commune;
        this.day = day;
        this.locale = locale;
        this.period.set(period != null ? period : day.getYear());
    }

    /** What the register holds on the assessment, read in one go on the background executor. */
    private record Loaded(int period, List<Integer> periods, Catalog catalog, CommuneProfile profile, Assessment assessment,
                          List<AssessmentAnswer> answers, List<Step> steps, SiteRole role, boolean canUndo) {
    }

    private Loaded read(int requested) {
        Ytcs y = ytcs.get();
        RegisterService r = y.register();
        ScoringService s = y.scoring();
        int p = s.period(requested, day);
        List<Integer> years = new ArrayList<>();
        for (int year = s.period(null, day) - 3; year <= s.period(null, day) + 1; year++) {
            if (s.catalogFor(year).isPresent() || year == p) {
                years.add(year);
            }
        }
        Catalog c = s.catalogFor(p).orElse(null);
        CommuneProfile pr = r.profiles(tree, List.of(commune), day).get(0);
        Assessment a = r.assessment(commune.id(), p).orElse(null);
        List<AssessmentAnswer> answers = a == null ? List.of() : r.answers(a.id());
        List<Step> st = a == null ? List.of() : steps(r.history(a.id()));
        return new Loaded(p, years, c, pr, a, answers, st, r.localSite().role(), r.lastChange().isPresent());
    }

    private static List<Step> steps(List<Store.AuditEntry> history) {
        List<Step> out = new ArrayList<>();
        for (Store.AuditEntry e : history) {
            if ("state".equals(e.field()) && e.newValue() != null && !e.newValue().equals(e.oldValue())) {
                out.add(new Step(state(e.oldValue()), state(e.newValue()), e.actor(), e.changedAt()));
            }
        }
        return out;
    }

    private static AssessmentState state(String stored) {
        if (stored == null) {
            return null;
        }
        try {
            return AssessmentState.valueOf(stored.replace("\"", "").strip());
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** Reads the commune's assessment of the period. */
    public void load() {
        run(p -> read(period.get()), null);
    }

    /** Shows another period's assessment; answers typed and not saved are dropped. */
    public void choosePeriod(int year) {
        period.set(year);
        rows.set(List.of());
        load();
    }

    /** Saves the row's answer (a blank answer, not marked not applicable, clears it); refused problems stay by the row. */
    public void save(Row row) {
        if (locked.get() || row.derived() || busy.get()) {
            return;
        }
        String stored = row.notApplicable.get() ? null : AnswerValues.fromTyped(row.indicator.rule(), row.value.get());
        if (stored == null && !row.notApplicable.get()) {
            if (row.saved == null) {
                row.reset();
                return;
            }
            clear(row);
            return;
        }
        UUID communeId = commune.id();
        int p = period.get();
        String code = row.indicator.code();
        boolean na = row.notApplicable.get();
        String note = row.note.get();
        String evidence = row.evidence.get();
        run(x -> {
            ytcs.get().register().answer(communeId, p, code, stored, na, note, evidence);
            return read(p);
        }, row);
    }

    /** Removes the row's saved answer. */
    public void clear(Row row) {
        if (locked.get() || row.derived() || busy.get()) {
            return;
        }
        UUID communeId = commune.id();
        int p = period.get();
        String code = row.indicator.code();
        run(x -> {
            ytcs.get().register().clearAnswer(communeId, p, code);
            return read(p);
        }, row);
    }

    /** Puts back what is saved in the row. */
    public void revert(Row row) {
        row.reset();
        recompute();
    }

    /** Takes back the last change saved (an answer or a step), by writing a change that restores it. */
    public void undo() {
        if (busy.get()) {
            return;
        }
        int p = period.get();
        run(x -> {
            ytcs.get().register().undo();
            return read(p);
        }, null);
    }

    /** Moves the assessment to the state; recognising it takes the decision's number and date. */
    public void move(AssessmentState to, String decisionNumber, LocalDate decisionDate) {
        if (busy.get() || assessment.get() == null) {
            return;
        }
        UUID communeId = commune.id();
        int p = period.get();
        stepProblems.set(List.of());
        run(x -> {
            ytcs.get().register().moveAssessment(communeId, p, to, decisionNumber, decisionDate);
            return read(p);
        }, null);
    }

    /** The states the assessment may move to now. */
    public List<AssessmentState> nextStates() {
        Assessment a = assessment.get();
        return a == null ? List.of() : List.copyOf(a.state().next());
    }

    /** Only the province recognises an assessment. */
    public boolean mayRecognise() {
        return role.get() == SiteRole.PROVINCE;
    }

    private void run(java.util.function.Function<vn.ytcs.core.task.Progress, Loaded> work, Row row) {
        busy.set(true);
        error.set(null);
        tasks.run(work, loaded -> {
            busy.set(false);
            publish(loaded, row);
        }, e -> {
            busy.set(false);
            if (e instanceof StoreException s && !s.problems().isEmpty()) {
                if (row != null) {
                    row.problems.set(s.problems());
                } else {
                    stepProblems.set(s.problems());
                }
            } else {
                error.set(e);
            }
        });
    }

    private void publish(Loaded l, Row saved) {
        scoring = ytcs.get().scoring(); // the pure scorer in memory: no database
        periods.set(l.periods());
        period.set(l.period());
        profile.set(l.profile());
        role.set(l.role());
        canUndo.set(l.canUndo());
        steps.set(l.steps());
        locked.set(l.assessment() != null && l.assessment().state() == AssessmentState.RECOGNISED);
        stepProblems.set(List.of());
        boolean sameCatalog = catalog.get() != null && l.catalog() != null && catalog.get().id().equals(l.catalog().id())
                && !rows.get().isEmpty();
        catalog.set(l.catalog());
        assessment.set(l.assessment());
        Map<String, AssessmentAnswer> byCode = new HashMap<>();
        l.answers().forEach(a -> byCode.put(a.indicatorCode(), a));
        List<Row> list = sameCatalog ? rows.get() : l.catalog() == null ? List.of()
                : l.catalog().indicators().stream().map(Row::new).toList();
        for (Row r : list) {
            r.saved = byCode.get(r.indicator.code());
            if (!r.dirty.get() || r == saved || locked.get()) {
                r.reset();
            } else {
                r.dirty.set(!r.matchesSaved());
            }
        }
        if (!sameCatalog) {
            rows.set(list);
        }
        recompute();
    }

    /** Scores what is typed, in memory; an answer the scorer cannot read counts as saved and is flagged. */
    private void recompute() {
        if (scoring == null || catalog.get() == null || profile.get() == null) {
            scored.set(null);
            return;
        }
        long start = System.nanoTime();
        Assessment a = assessment.get();
        UUID id = a == null ? new UUID(0, 0) : a.id();
        List<Row> all = rows.get();
        java.util.Set<String> unreadable = new java.util.HashSet<>();
        CommuneScoring.Result result = null;
        for (int attempt = 0; attempt <= all.size() && result == null; attempt++) {
            List<AssessmentAnswer> answers = new ArrayList<>();
            for (Row r : all) {
                AssessmentAnswer d = unreadable.contains(r.indicator.code()) ? r.saved : r.draft(id);
                if (d != null && !r.derived()) {
                    answers.add(d);
                }
            }
            try {
                result = scoring.scoreDraft(profile.get(), period.get(), a, answers).orElse(null);
                break;
            } catch (DocumentException e) {
                String code = e.path() == null ? "" : e.path().replaceFirst("^\\$\\.", "");
                if (!unreadable.add(code)) {
                    break;
                }
            }
        }
        for (Row r : all) {
            r.unreadable.set(unreadable.contains(r.indicator.code()));
        }
        scored.set(result);
        Map<String, IndicatorScore> byCode = new HashMap<>();
        if (result != null) {
            result.scorecard().indicators().forEach(s -> byCode.put(s.indicator().code(), s));
        }
        for (Row r : all) {
            r.score.set(byCode.get(r.indicator.code()));
        }
        lastScoreNanos.set(System.nanoTime() - start);
    }

    private static String text(String s) {
        return s == null ? "" : s;
    }

    public Unit commune() {
        return commune;
    }

    public LocalDate day() {
        return day;
    }

    /** The period shown. */
    public IntegerProperty period() {
        return period;
    }

    /** The periods the user may choose: those with a catalog in force, around the day shown. */
    public ReadOnlyObjectProperty<List<Integer>> periods() {
        return periods;
    }

    /** The catalog in force for the period; null when none was. */
    public ReadOnlyObjectProperty<Catalog> catalog() {
        return catalog;
    }

    public ReadOnlyObjectProperty<CommuneProfile> profile() {
        return profile;
    }

    /** The commune's assessment of the period; null until an answer starts it. */
    public ReadOnlyObjectProperty<Assessment> assessment() {
        return assessment;
    }

    /** Every indicator of the catalog, in its order (criterion by criterion). */
    public ReadOnlyObjectProperty<List<Row>> rows() {
        return rows;
    }

    /** The workflow's steps, oldest first, with who made each and when. */
    public ReadOnlyObjectProperty<List<Step>> steps() {
        return steps;
    }

    /** The scorecard of what is typed; null when no catalog was in force. */
    public ReadOnlyObjectProperty<CommuneScoring.Result> scored() {
        return scored;
    }

    /** Why the last step was refused (the decision's number or date missing), each naming its field. */
    public ReadOnlyObjectProperty<List<FieldProblem>> stepProblems() {
        return stepProblems;
    }

    /** What went wrong with the last action, when it was not a field's problem; null when nothing did. */
    public ReadOnlyObjectProperty<Throwable> error() {
        return error;
    }

    /** True while the register is read or written. */
    public ReadOnlyBooleanProperty busy() {
        return busy;
    }

    /** True when the assessment is recognised: nothing in it changes. */
    public ReadOnlyBooleanProperty locked() {
        return locked;
    }

    /** True when the last change saved in this session can be taken back. */
    public ReadOnlyBooleanProperty canUndo() {
        return canUndo;
    }

    /** This site's role: only a province recognises. */
    public ReadOnlyObjectProperty<SiteRole> role() {
        return role;
    }

    /** How long the last live rescoring took, in nanoseconds. */
    public ReadOnlyObjectProperty<Long> lastScoreNanos() {
        return lastScoreNanos;
    }

    /** The row of the indicator. */
    public Row row(String code) {
        return rows.get().stream().filter(r -> r.indicator.code().equals(code)).findFirst().orElseThrow();
    }
}
