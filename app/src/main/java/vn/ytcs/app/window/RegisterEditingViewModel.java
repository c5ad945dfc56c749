// SPDX-License-Identifier: Apache-2.0
package vn.ytcs.app.window;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import vn.ytcs.app.i18n.Failures;
import vn.ytcs.app.i18n.FieldLabels;
import vn.ytcs.app.i18n.Formats;
import vn.ytcs.app.i18n.Messages;
import vn.ytcs.core.figures.CommuneYear;
import vn.ytcs.core.hamlet.Hamlet;
import vn.ytcs.core.hamlet.HamletKind;
import vn.ytcs.core.hamlet.HamletWorker;
import vn.ytcs.core.hamlet.WorkerRole;
import vn.ytcs.core.service.CommuneRegister;
import vn.ytcs.core.service.RegisterService;
import vn.ytcs.core.site.SiteRole;
import vn.ytcs.core.staff.Employment;
import vn.ytcs.core.staff.Profession;
import vn.ytcs.core.staff.Sex;
import vn.ytcs.core.staff.StaffMember;
import vn.ytcs.core.station.Station;
import vn.ytcs.core.station.StationKind;
import vn.ytcs.core.store.Store;
import vn.ytcs.core.unit.SocioRegion;
import vn.ytcs.core.unit.Unit;

/**
 * The register of one commune as its page edits it: station, staff (current, or former on
 * demand), hamlets and their workers, the figures of a chosen year, the vùng and region (the
 * province's). Opens one form at a time ({@link #editor()}); each save is one transaction of the
 * register service with the audit user, then the page reads the register again and the commune
 * is rescored. Undo takes back the last save; every record's history is one call away.
 */
public final class RegisterEditingViewModel {

    /** One line of a record's history, ready to show. */
    public record HistoryRow(String when, String who, String field, String before, String after) {
    }

    private final Supplier<RegisterService> register;
    private final Executor background;
    private final Executor ui;
    private final Messages m;
    private final Unit commune;
    private final LocalDate day;
    private final Runnable rescore;
    private final Runnable unitsChanged;
    private final Formats formats;

    private final ObjectProperty<CommuneRegister> data = new SimpleObjectProperty<>();
    private final BooleanProperty showFormer = new SimpleBooleanProperty();
    private final ObjectProperty<Integer> year = new SimpleObjectProperty<>();
    private final BooleanProperty province = new SimpleBooleanProperty();
    private final BooleanProperty canUndo = new SimpleBooleanProperty();
    private final BooleanProperty busy = new SimpleBooleanProperty();
    private final StringProperty status = new SimpleStringProperty("");
    private final ObjectProperty<EditorViewModel<?>> editor = new SimpleObjectProperty<>();

    /**
     * @param rescore      asks the page to score the commune again (after a save or an undo)
     * @param unitsChanged asks the window to read the units again and rescore (after the vùng or region changed)
     */
    public RegisterEditingViewModel(Supplier<RegisterService> register, Executor background, Executor ui,
                                    Messages messages, Unit commune, LocalDate day, Runnable rescore,
                                    Runnable unitsChanged) {
        this.register = register;
        this.background = background;
        this.ui = ui;
        this.m = messages;
        this.commune = commune;
        this.day = day;
        this.rescore = rescore;
        this.unitsChanged = unitsChanged;
        this.formats = new Formats(messages.locale());
    }

    /** Reads the commune's register in the background. */
    public void load() {
        busy.set(true);
        background.execute(() -> {
            try {
                RegisterService r = register.get();
                CommuneRegister read = r.communeRegister(r.unit(commune.id()).orElse(commune));
                boolean isProvince = r.localSite().role() == SiteRole.PROVINCE;
                boolean undo = r.lastChange().isPresent();
                ui.execute(() -> {
                    busy.set(false);
                    province.set(isProvince);
                    canUndo.set(undo);
                    if (year.get() == null) {
                        year.set(read.figures().isEmpty() ? day.getYear() : read.figures().get(read.figures().size() - 1).year());
                    }
                    data.set(read);
                });
            } catch (RuntimeException e) {
                ui.execute(() -> {
                    busy.set(false);
                    status.set(Failures.describe(e, m));
                });
            }
        });
    }

    public Unit commune() {
        return commune;
    }

    public LocalDate day() {
        return day;
    }

    /** The commune's register as last read; null until read. */
    public ReadOnlyObjectProperty<CommuneRegister> data() {
        return data;
    }

    /** Show the staff who left instead of those working. */
    public BooleanProperty showFormer() {
        return showFormer;
    }

    /** The year whose figures are shown and edited. */
    public ObjectProperty<Integer> year() {
        return year;
    }

    /** Whether this site is the province, which assigns the vùng and region. */
    public ReadOnlyBooleanProperty province() {
        return province;
    }

    public ReadOnlyBooleanProperty canUndo() {
        return canUndo;
    }

    /** A save, an undo or a read is running. */
    public ReadOnlyBooleanProperty busy() {
        return busy;
    }

    /** What the last save or undo did, or why it failed, in plain words. */
    public ReadOnlyStringProperty status() {
        return status;
    }

    /** The form open on the page; null when none. */
    public ReadOnlyObjectProperty<EditorViewModel<?>> editor() {
        return editor;
    }

    /** Whether a form is open with changes not saved. */
    public boolean unsaved() {
        return editor.get() != null && editor.get().dirty().get();
    }

    /** Closes the form, dropping what it had not saved. */
    public void closeEditor() {
        editor.set(null);
    }

    /** The staff shown: working on the day, or those who had left by then. */
    public List<StaffMember> staff() {
        CommuneRegister r = data.get();
        return r == null ? List.of() : r.staff(day, showFormer.get());
    }

    /** The years one can choose: those with figures, and the year after the last (or this year). */
    public List<Integer> years() {
        CommuneRegister r = data.get();
        List<Integer> out = new ArrayList<>();
        if (r != null) {
            r.figures().forEach(f -> out.add(f.year()));
        }
        int next = out.isEmpty() ? day.getYear() : out.get(out.size() - 1) + 1;
        out.add(next);
        if (year.get() != null && !out.contains(year.get())) {
            out.add(year.get());
            out.sort(Integer::compare);
        }
        return out;
    }

    /** The figures of the chosen year, if entered. */
    public Optional<CommuneYear> figures() {
        CommuneRegister r = data.get();
        return r == null || year.get() == null ? Optional.empty() : r.figures(year.get());
    }

    // ---- the forms ----

    /** The station's name, address and phone; a commune without one gets its station. */
    public EditorViewModel<Station> editStation() {
        Station s = data.get().station().orElse(new Station(UUID.randomUUID(), commune.id(), null, StationKind.STATION,
                null, null, null, false));
        Map<String, Object> initial = Map.of("name", nz(s.name()), "address", nz(s.address()), "phone", nz(s.phone()));
        return open(new EditorViewModel<>(m.get("editor.station.title"), s.id(), List.of(
                EditorViewModel.Field.text("name", FieldLabels.key("name")),
                EditorViewModel.Field.text("address", FieldLabels.key("address")),
                EditorViewModel.Field.text("phone", FieldLabels.key("phone"))), initial,
                v -> new Station(s.id(), s.unitId(), (String) v.get("name"), s.kind(), s.parentStationId(),
                        (String) v.get("address"), (String) v.get("phone"), s.familyDoctorModel()),
                this::saved, register, background, ui, m,
                x -> afterSave("editor.saved.station")));
    }

    /** A new staff member of the station (permanent, from the day shown, unless changed). */
    public EditorViewModel<StaffMember> addStaff() {
        UUID station = data.get().station().map(Station::id).orElse(null);
        return staffForm(m.get("editor.staff.addTitle"), new StaffMember(UUID.randomUUID(), station, null, null, null,
                null, Employment.PERMANENT, null, null), false);
    }

    /** Name, sex, birth year, profession, employment and start date of a staff member. */
    public EditorViewModel<StaffMember> editStaff(StaffMember s) {
        return staffForm(m.get("editor.staff.editTitle", s.fullName()), s, false);
    }

    /** The day the staff member left: the record stays, with its history. */
    public EditorViewModel<StaffMember> leaveStaff(StaffMember s) {
        return staffForm(m.get("editor.staff.leaveTitle", s.fullName()), s, true);
    }

    private EditorViewModel<StaffMember> staffForm(String title, StaffMember s, boolean leaving) {
        Map<String, Object> initial = new LinkedHashMap<>();
        initial.put("full_name", s.fullName());
        initial.put("sex", s.sex());
        initial.put("birth_year", s.birthYear());
        initial.put("profession", s.profession());
        initial.put("employment", s.employment());
        initial.put("start_date", s.startDate());
        initial.put("end_date", leaving && s.endDate() == null ? day : s.endDate());
        List<EditorViewModel.Field> fields = leaving
                ? List.of(EditorViewModel.Field.date("end_date", FieldLabels.key("end_date")))
                : List.of(EditorViewModel.Field.text("full_name", FieldLabels.key("full_name")),
                        EditorViewModel.Field.choice("sex", FieldLabels.key("sex"), Arrays.asList(Sex.values())),
                        EditorViewModel.Field.whole("birth_year", FieldLabels.key("birth_year")),
                        EditorViewModel.Field.choice("profession", FieldLabels.key("profession"), Arrays.asList(Profession.values())),
                        EditorViewModel.Field.choice("employment", FieldLabels.key("employment"), Arrays.asList(Employment.values())),
                        EditorViewModel.Field.date("start_date", FieldLabels.key("start_date")));
        Function<Map<String, Object>, StaffMember> build = v -> new StaffMember(s.id(), s.stationId(),
                (String) pick(v, initial, "full_name"), (Sex) pick(v, initial, "sex"), (Integer) pick(v, initial, "birth_year"),
                (Profession) pick(v, initial, "profession"), (Employment) pick(v, initial, "employment"),
                (LocalDate) pick(v, initial, "start_date"), leaving ? (LocalDate) v.get("end_date") : s.endDate());
        return open(new EditorViewModel<>(title, s.id(), fields, initial, build, this::saved, register, background, ui, m,
                x -> afterSave(leaving ? "editor.saved.left" : "editor.saved.staff")));
    }

    /** A new hamlet of the commune (ấp unless changed). */
    public EditorViewModel<Hamlet> addHamlet() {
        return hamletForm(m.get("editor.hamlet.addTitle"), new Hamlet(UUID.randomUUID(), commune.id(), null, HamletKind.AP,
                null, null), false);
    }

    /** A hamlet's name, kind and households. */
    public EditorViewModel<Hamlet> editHamlet(Hamlet h) {
        return hamletForm(m.get("editor.hamlet.editTitle", h.name()), h, false);
    }

    /** The day the hamlet was abolished (merged or dissolved); it stays, with its workers and history. */
    public EditorViewModel<Hamlet> abolishHamlet(Hamlet h) {
        return hamletForm(m.get("editor.hamlet.abolishTitle", h.name()), h, true);
    }

    private EditorViewModel<Hamlet> hamletForm(String title, Hamlet h, boolean abolishing) {
        Map<String, Object> initial = new LinkedHashMap<>();
        initial.put("name", h.name());
        initial.put("hamlet_kind", h.kind());
        initial.put("households", h.households());
        initial.put("abolished_on", abolishing && h.abolishedOn() == null ? day : h.abolishedOn());
        List<EditorViewModel.Field> fields = abolishing
                ? List.of(EditorViewModel.Field.date("abolished_on", FieldLabels.key("abolished_on")))
                : List.of(EditorViewModel.Field.text("name", FieldLabels.key("name")),
                        EditorViewModel.Field.choice("hamlet_kind", FieldLabels.key("hamlet_kind"), Arrays.asList(HamletKind.values())),
                        EditorViewModel.Field.whole("households", FieldLabels.key("households")));
        Function<Map<String, Object>, Hamlet> build = v -> new Hamlet(h.id(), h.communeId(), (String) pick(v, initial, "name"),
                (HamletKind) pick(v, initial, "hamlet_kind"), (Integer) pick(v, initial, "households"),
                abolishing ? (LocalDate) v.get("abolished_on") : h.abolishedOn());
        return open(new EditorViewModel<>(title, h.id(), fields, initial, build, this::saved, register, background, ui, m,
                x -> afterSave(abolishing ? "editor.saved.abolished" : "editor.saved.hamlet")));
    }

    /** A new health worker or village midwife of the hamlet. */
    public EditorViewModel<HamletWorker> addWorker(Hamlet h, WorkerRole role) {
        return workerForm(m.get("editor.worker.addTitle", h.name()), new HamletWorker(UUID.randomUUID(), h.id(), null, null,
                role, 0, true, null), false);
    }

    /** A worker's name, sex, role and months of training. */
    public EditorViewModel<HamletWorker> editWorker(HamletWorker w) {
        return workerForm(m.get("editor.worker.editTitle", w.fullName()), w, false);
    }

    /** The day the worker left; the record stays, with its history. */
    public EditorViewModel<HamletWorker> leaveWorker(HamletWorker w) {
        return workerForm(m.get("editor.worker.leaveTitle", w.fullName()), w, true);
    }

    private EditorViewModel<HamletWorker> workerForm(String title, HamletWorker w, boolean leaving) {
        Map<String, Object> initial = new LinkedHashMap<>();
        initial.put("full_name", w.fullName());
        initial.put("sex", w.sex());
        initial.put("worker_role", w.role());
        initial.put("training_months", w.trainingMonths());
        initial.put("end_date", leaving && w.endDate() == null ? day : w.endDate());
        List<EditorViewModel.Field> fields = leaving
                ? List.of(EditorViewModel.Field.date("end_date", FieldLabels.key("end_date")))
                : List.of(EditorViewModel.Field.text("full_name", FieldLabels.key("full_name")),
                        EditorViewModel.Field.choice("sex", FieldLabels.key("sex"), Arrays.asList(Sex.values())),
                        EditorViewModel.Field.choice("worker_role", FieldLabels.key("worker_role"), Arrays.asList(WorkerRole.values())),
                        EditorViewModel.Field.whole("training_months", FieldLabels.key("training_months")).needed());
        Function<Map<String, Object>, HamletWorker> build = v -> {
            Integer months = (Integer) pick(v, initial, "training_months");
            return new HamletWorker(w.id(), w.hamletId(), (String) pick(v, initial, "full_name"), (Sex) pick(v, initial, "sex"),
                    (WorkerRole) pick(v, initial, "worker_role"), months == null ? 0 : months, w.active(),
                    leaving ? (LocalDate) v.get("end_date") : w.endDate());
        };
        return open(new EditorViewModel<>(title, w.id(), fields, initial, build, this::saved, register, background, ui, m,
                x -> afterSave(leaving ? "editor.saved.left" : "editor.saved.worker")));
    }

    /** The figures of the chosen year, each beside last year's. */
    public EditorViewModel<CommuneYear> editFigures() {
        int y = year.get();
        CommuneRegister r = data.get();
        CommuneYear f = r.figures(y).orElse(new CommuneYear(UUID.randomUUID(), commune.id(), y, null, null, null, null, null,
                null));
        Optional<CommuneYear> last = r.figures(y - 1);
        Map<String, Object> initial = new LinkedHashMap<>();
        initial.put("population", f.population());
        initial.put("households", f.households());
        initial.put("insured", f.insured());
        initial.put("health_records", f.healthRecords());
        initial.put("children_under5", f.childrenUnder5());
        initial.put("births", f.births());
        List<EditorViewModel.Field> fields = new ArrayList<>();
        for (String column : initial.keySet()) {
            String previous = last.map(l -> formats.integer(figure(l, column))).orElse("–");
            fields.add(EditorViewModel.Field.whole(column, FieldLabels.key(column)).withPrevious(previous));
        }
        Function<Map<String, Object>, CommuneYear> build = v -> new CommuneYear(f.id(), f.unitId(), y,
                (Integer) v.get("population"), (Integer) v.get("households"), (Integer) v.get("insured"),
                (Integer) v.get("health_records"), (Integer) v.get("children_under5"), (Integer) v.get("births"));
        return open(new EditorViewModel<>(m.get("window.figures.title", Integer.toString(y)), f.id(),
                fields, initial, build, this::saved, register, background, ui, m,
                x -> afterSave("editor.saved.figures")));
    }

    private static Integer figure(CommuneYear f, String column) {
        return switch (column) {
            case "population" -> f.population();
            case "households" -> f.households();
            case "insured" -> f.insured();
            case "health_records" -> f.healthRecords();
            case "children_under5" -> f.childrenUnder5();
            default -> f.births();
        };
    }

    /** The commune's vùng and socio-economic region: the province's to assign; null on another site. */
    public EditorViewModel<Unit> editZone() {
        if (!province.get()) {
            return null;
        }
        Unit u = data.get().commune();
        Map<String, Object> initial = new LinkedHashMap<>();
        initial.put("vung", u.vung());
        initial.put("socio_region", u.region());
        Function<Map<String, Object>, Unit> build = v -> new Unit(u.id(), u.code(), u.codeOfficial(), u.name(), u.type(),
                u.parentId(), u.validFrom(), u.validTo(), (Integer) v.get("vung"), (SocioRegion) v.get("socio_region"),
                u.demo(), u.note());
        return open(new EditorViewModel<>(m.get("editor.zone.title"), u.id(), List.of(
                EditorViewModel.Field.whole("vung", FieldLabels.key("vung")),
                EditorViewModel.Field.choice("socio_region", FieldLabels.key("socio_region"), Arrays.asList(SocioRegion.values()))),
                initial, build, x -> register.get().assignZone(x.id(), x.vung(), x.region()), register, background, ui, m,
                x -> afterSave("editor.saved.zone", unitsChanged)));
    }

    private <T> EditorViewModel<T> open(EditorViewModel<T> form) {
        editor.set(form);
        return form;
    }

    /** Runs on the background executor: one transaction of the register service. */
    private <T> T saved(T record) {
        register.get().save(record);
        return record;
    }

    private void afterSave(String what) {
        afterSave(what, rescore);
    }

    private void afterSave(String what, Runnable rescored) {
        editor.set(null);
        status.set(m.get(what));
        canUndo.set(true);
        load();
        rescored.run();
    }

    /** Takes back the last save (a new change that restores the values, and syncs like any other). */
    public void undo() {
        if (busy.get()) {
            return;
        }
        busy.set(true);
        background.execute(() -> {
            try {
                Optional<RegisterService.Undoable> undone = register.get().undo();
                boolean unit = undone.filter(u -> u.kind().name().equals("unit")).isPresent();
                ui.execute(() -> {
                    busy.set(false);
                    canUndo.set(false);
                    status.set(m.get(undone.isPresent() ? "editor.undone" : "editor.nothingToUndo"));
                    load();
                    (unit ? unitsChanged : rescore).run();
                });
            } catch (RuntimeException e) {
                ui.execute(() -> {
                    busy.set(false);
                    status.set(Failures.describe(e, m));
                });
            }
        });
    }

    /** The record's history, oldest first, handed to {@code shown} on the UI executor. */
    public void history(UUID recordId, Consumer<List<HistoryRow>> shown) {
        background.execute(() -> {
            try {
                List<Store.AuditEntry> entries = register.get().history(recordId);
                List<HistoryRow> rows = entries.stream().map(this::row).toList();
                ui.execute(() -> shown.accept(rows));
            } catch (RuntimeException e) {
                ui.execute(() -> status.set(Failures.describe(e, m)));
            }
        });
    }

    private HistoryRow row(Store.AuditEntry e) {
        String when = e.changedAt() == null ? "" : formats.moment(e.changedAt().toInstant());
        if ("CREATE".equals(e.action())) {
            return new HistoryRow(when, e.actor(), m.get("editor.history.created"), "", "");
        }
        String field = e.field() == null ? "" : e.field();
        return new HistoryRow(when, e.actor(), FieldLabels.label(field, m), FieldLabels.value(field, e.oldValue(), m),
                FieldLabels.value(field, e.newValue(), m));
    }

    private static Object pick(Map<String, Object> read, Map<String, Object> initial, String field) {
        return read.containsKey(field) ? read.get(field) : initial.get(field);
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}
