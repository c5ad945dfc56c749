// SPDX-License-Identifier: Apache-2.0
package vn.ytcs.app.window;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.ytcs.core.demo.DemoLoader;
import vn.ytcs.app.i18n.Messages;
import vn.ytcs.app.root.Ytcs;
import vn.ytcs.core.figures.CommuneYear;
import vn.ytcs.core.hamlet.Hamlet;
import vn.ytcs.core.hamlet.HamletWorker;
import vn.ytcs.core.hamlet.WorkerRole;
import vn.ytcs.core.scoring.CommuneScoring;
import vn.ytcs.core.scoring.Failure;
import vn.ytcs.core.site.SiteRole;
import vn.ytcs.core.staff.Employment;
import vn.ytcs.core.staff.Profession;
import vn.ytcs.core.staff.Sex;
import vn.ytcs.core.staff.StaffMember;
import vn.ytcs.core.task.Progress;
import vn.ytcs.core.unit.SocioRegion;
import vn.ytcs.core.unit.Unit;

/**
 * The register editors of the commune page without JavaFX running, against a real H2 file with
 * the demo: both executors run work at once, so every step is done when the call returns.
 */
class RegisterEditingViewModelTest {

    private static final Failure DOCTOR_VETO = new Failure.VetoAtZero("TC2.06");
    private static final Messages VI = Messages.of(Messages.VIETNAMESE);

    @TempDir
    Path dir;

    private MainViewModel main;
    private Unit commune;
    private RegisterEditingViewModel vm;

    @BeforeEach
    void openTheDemo() {
        try (Ytcs ytcs = Ytcs.open(dir, "test")) {
            ytcs.register().loadDemo(DemoLoader.World.OLD_STRUCTURE, Progress.NONE);
        }
        main = new MainViewModel(dir, Runnable::run, Runnable::run, () -> LocalDate.of(2026, 11, 25), "cán bộ huyện");
        main.open();
        commune = withoutPermanentDoctor();
        main.select(commune);
        vm = main.editing(commune, VI);
        vm.load();
    }

    @AfterEach
    void close() {
        main.close();
    }

    /** A demo commune whose station has no permanent doctor, which the doctor indicator vetoes. */
    private Unit withoutPermanentDoctor() {
        for (Unit u : main.tree().get().communes()) {
            main.select(u);
            CommuneScoring.Result r = main.scored().get();
            if (r != null && main.profile().get().station().isPresent() && main.profile().get().permanentDoctors() == 0
                    && r.scorecard().failures().contains(DOCTOR_VETO)) {
                return u;
            }
        }
        throw new AssertionError("the demo has a commune without a permanent doctor");
    }

    private boolean vetoed() {
        return main.scored().get().scorecard().failures().contains(DOCTOR_VETO);
    }

    private EditorViewModel<StaffMember> doctor(String name) {
        EditorViewModel<StaffMember> form = vm.addStaff();
        form.set("full_name", name);
        form.set("sex", Sex.F);
        form.set("birth_year", "1985");
        form.set("profession", Profession.BAC_SI);
        form.set("employment", Employment.PERMANENT);
        form.set("start_date", "01/01/2024");
        return form;
    }

    @Test
    void aPermanentDoctorAddedLiftsTheDoctorVetoAndLeavingBringsItBack() {
        assertTrue(vetoed());
        int before = vm.staff().size();
        EditorViewModel<StaffMember> form = doctor("Nguyễn Thị Hoa");
        assertTrue(form.dirty().get());
        form.save();
        assertTrue(form.done().get(), form.problems() + " " + form.failure().get());
        assertNull(vm.editor().get(), "the form closes after the save");
        assertEquals(before + 1, vm.staff().size(), "the page reads the register again");
        assertEquals(1, main.profile().get().permanentDoctors(), "the page is rescored");
        assertFalse(vetoed(), "the doctor indicator no longer vetoes the commune");
        assertEquals(VI.get("editor.saved.staff"), vm.status().get());

        StaffMember hoa = vm.staff().stream().filter(s -> s.fullName().equals("Nguyễn Thị Hoa")).findFirst().orElseThrow();
        EditorViewModel<StaffMember> leave = vm.leaveStaff(hoa);
        assertEquals(List.of("end_date"), leave.fields().stream().map(EditorViewModel.Field::name).toList());
        leave.set("end_date", "30/06/2025");
        leave.save();
        assertTrue(leave.done().get(), leave.problems().toString());
        assertTrue(vetoed(), "the veto is back once the doctor has left");
        assertEquals(before, vm.staff().size(), "she is no longer current staff");
        vm.showFormer().set(true);
        assertTrue(vm.staff().stream().anyMatch(s -> s.id().equals(hoa.id()) && LocalDate.of(2025, 6, 30).equals(s.endDate())),
                "she is kept among the former staff, with the day she left");
    }

    @Test
    void validationNamesEachFieldInPlainWordsBeforeAnythingIsSaved() {
        EditorViewModel<StaffMember> fresh = vm.addStaff();
        fresh.set("birth_year", "1985");
        assertNull(fresh.problems().get("full_name"), "a field not yet typed in is not flagged while typing elsewhere");
        fresh.save();
        assertEquals("bắt buộc, chưa được nhập", fresh.problems().get("full_name"), "but it is once a save is asked for");
        assertFalse(fresh.done().get());

        EditorViewModel<StaffMember> form = doctor("Trần Văn Bình");
        form.set("birth_year", "1900");
        assertEquals(VI.get("field.problem.OUT_OF_RANGE", "1900", "1930", "2020"), form.problems().get("birth_year"));
        form.set("birth_year", "năm");
        assertEquals("cần một số nguyên, không phải \"năm\"", form.problems().get("birth_year"));
        form.set("birth_year", "1985");
        assertNull(form.problems().get("birth_year"), "the message goes once the field is right");
        form.set("full_name", "");
        assertEquals("bắt buộc, chưa được nhập", form.problems().get("full_name"));
        int staff = vm.staff().size();
        form.save();
        assertFalse(form.done().get());
        assertEquals(staff, vm.staff().size(), "nothing was saved");

        StaffMember someone = vm.staff().get(0);
        EditorViewModel<StaffMember> edit = vm.editStaff(someone);
        edit.set("start_date", "01/03/2020");
        edit.save();
        EditorViewModel<StaffMember> leave = vm.leaveStaff(vm.staff().stream().filter(s -> s.id().equals(someone.id()))
                .findFirst().orElseThrow());
        leave.set("end_date", "01/02/2020");
        assertEquals("ngày 01/02/2020 sớm hơn Từ ngày (01/03/2020)", leave.problems().get("end_date"));
        leave.set("end_date", "31/02/2020");
        assertEquals("cần ngày dạng ngày/tháng/năm (vd. 01/07/2025), không phải \"31/02/2020\"", leave.problems().get("end_date"));

        EditorViewModel<CommuneYear> figures = vm.editFigures();
        figures.set("population", "1.000");
        figures.set("insured", "1200");
        assertEquals("1200 lớn hơn Dân số (1000)", figures.problems().get("insured"));

        Hamlet hamlet = vm.data().get().hamlets().get(0);
        EditorViewModel<HamletWorker> worker = vm.addWorker(hamlet, WorkerRole.HEALTH_WORKER);
        worker.set("full_name", "Lê Thị Cúc");
        worker.set("sex", Sex.F);
        worker.set("training_months", "-1");
        assertEquals(VI.get("field.problem.OUT_OF_RANGE", "-1", "0", "120"), worker.problems().get("training_months"));
        worker.set("training_months", "");
        assertEquals("bắt buộc, chưa được nhập", worker.problems().get("training_months"));
    }

    @Test
    void dirtyFollowsWhatDiffersFromTheSavedRecord() {
        StaffMember someone = vm.staff().get(0);
        EditorViewModel<StaffMember> form = vm.editStaff(someone);
        assertFalse(form.dirty().get());
        assertFalse(vm.unsaved());
        form.set("full_name", someone.fullName() + " A");
        assertTrue(form.dirty().get());
        assertTrue(vm.unsaved(), "the page knows it has changes not saved");
        form.set("full_name", someone.fullName() + "  ");
        assertFalse(form.dirty().get(), "spaces around a name change nothing");
        form.set("full_name", "Tên Mới");
        form.save();
        assertFalse(form.dirty().get());
        assertFalse(vm.unsaved());
    }

    @Test
    void undoTakesBackTheLastSaveAsANewChange() {
        doctor("Phạm Văn Đức").save();
        assertFalse(vetoed());
        assertTrue(vm.canUndo().get());
        vm.undo();
        assertTrue(vetoed(), "the doctor added is gone again");
        assertFalse(vm.canUndo().get());
        assertEquals(VI.get("editor.undone"), vm.status().get());
        assertTrue(vm.staff().stream().noneMatch(s -> s.fullName().equals("Phạm Văn Đức")));

        Hamlet hamlet = vm.data().get().hamlets().get(0);
        EditorViewModel<Hamlet> rename = vm.editHamlet(hamlet);
        rename.set("name", "Ấp Mới");
        rename.save();
        assertEquals("Ấp Mới", vm.data().get().hamlets().stream().filter(h -> h.id().equals(hamlet.id())).findFirst()
                .orElseThrow().name());
        vm.undo();
        assertEquals(hamlet.name(), vm.data().get().hamlets().stream().filter(h -> h.id().equals(hamlet.id())).findFirst()
                .orElseThrow().name(), "the old name is back");
        List<RegisterEditingViewModel.HistoryRow> rows = new ArrayList<>();
        vm.history(hamlet.id(), rows::addAll);
        assertEquals(List.of(new RegisterEditingViewModel.HistoryRow(rows.get(rows.size() - 2).when(), "cán bộ huyện", "Tên",
                        hamlet.name(), "Ấp Mới"),
                new RegisterEditingViewModel.HistoryRow(rows.get(rows.size() - 1).when(), "cán bộ huyện", "Tên", "Ấp Mới",
                        hamlet.name())), rows.subList(rows.size() - 2, rows.size()),
                "the history names the field by its label, who and old → new; the undo is a change of its own");
    }

    @Test
    void aHamletIsAbolishedWithADayAndKeptAndItsWorkerLeaves() {
        Hamlet hamlet = vm.data().get().hamlets().get(0);
        EditorViewModel<HamletWorker> add = vm.addWorker(hamlet, WorkerRole.VILLAGE_MIDWIFE);
        add.set("full_name", "Võ Thị Én");
        add.set("sex", Sex.F);
        add.set("training_months", "6");
        add.save();
        assertTrue(add.done().get(), add.problems().toString());
        HamletWorker en = vm.data().get().workersOf(hamlet).stream().filter(w -> w.fullName().equals("Võ Thị Én"))
                .findFirst().orElseThrow();
        assertTrue(en.activeOn(vm.day()));
        EditorViewModel<HamletWorker> leave = vm.leaveWorker(en);
        leave.save();
        assertTrue(leave.done().get());
        assertFalse(vm.data().get().workersOf(hamlet).stream().filter(w -> w.id().equals(en.id())).findFirst().orElseThrow()
                .activeOn(vm.day()), "she left on the day shown, and is kept");

        EditorViewModel<Hamlet> abolish = vm.abolishHamlet(hamlet);
        abolish.set("abolished_on", "01/01/2025");
        abolish.save();
        Hamlet kept = vm.data().get().hamlets().stream().filter(h -> h.id().equals(hamlet.id())).findFirst().orElseThrow();
        assertEquals(LocalDate.of(2025, 1, 1), kept.abolishedOn());
        assertFalse(kept.existsOn(vm.day()));
    }

    @Test
    void figuresOfAYearShowLastYearBesideEachField() {
        Integer year = vm.year().get();
        assertNotNull(year);
        CommuneYear last = vm.data().get().figures(year).orElseThrow();
        vm.year().set(year + 1);
        EditorViewModel<CommuneYear> form = vm.editFigures();
        EditorViewModel.Field population = form.fields().stream().filter(f -> f.name().equals("population")).findFirst()
                .orElseThrow();
        assertEquals(new vn.ytcs.app.i18n.Formats(VI.locale()).integer(last.population()), population.previous());
        form.set("population", Integer.toString(last.population() + 10));
        form.set("insured", Integer.toString(last.population()));
        form.save();
        assertTrue(form.done().get(), form.problems().toString());
        assertEquals(last.population() + 10, vm.data().get().figures(year + 1).orElseThrow().population());
        assertTrue(vm.years().contains(year + 1));
    }

    @Test
    void theZoneIsTheProvincesToAssign() {
        assertFalse(vm.province().get());
        assertNull(vm.editZone(), "a district sees the vùng read-only");
        main.close();

        try (Ytcs ytcs = Ytcs.open(dir, "test")) {
            ytcs.sync().setup("Sở Y tế Hậu Giang", SiteRole.PROVINCE);
        }
        main = new MainViewModel(dir, Runnable::run, Runnable::run, () -> LocalDate.of(2026, 11, 25), "tỉnh");
        main.open();
        main.select(commune);
        vm = main.editing(commune, VI);
        vm.load();
        assertTrue(vm.province().get());
        EditorViewModel<Unit> zone = vm.editZone();
        zone.set("vung", "4");
        assertEquals(VI.get("field.problem.OUT_OF_RANGE", "4", "1", "3"), zone.problems().get("vung"));
        zone.set("vung", "2");
        zone.set("socio_region", SocioRegion.DONG_BANG_SONG_CUU_LONG);
        zone.save();
        assertTrue(zone.done().get(), zone.problems() + " " + zone.failure().get());
        assertEquals(2, vm.data().get().commune().vung());
    }
}
