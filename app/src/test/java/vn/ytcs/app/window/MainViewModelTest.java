// SPDX-License-Identifier: Apache-2.0
package vn.ytcs.app.window;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.ytcs.core.store.StoreException;
import vn.ytcs.core.unit.Unit;

/** The window's logic without JavaFX running: both executors run work at once. */
class MainViewModelTest {

    @TempDir
    Path dir;

    private MainViewModel vm;

    private MainViewModel open(Path folder) {
        vm = new MainViewModel(folder, Runnable::run, Runnable::run, () -> LocalDate.of(2026, 11, 25), "test");
        vm.open();
        return vm;
    }

    @AfterEach
    void close() {
        if (vm != null) {
            vm.close();
        }
    }

    @Test
    void anEmptyDatabaseOffersTheDemoAndLoadsIt() {
        open(dir);
        assertEquals(MainViewModel.Phase.EMPTY, vm.phase().get());
        vm.loadDemo();
        assertEquals(MainViewModel.Phase.READY, vm.phase().get());
        assertEquals(1 + 7 + 28, vm.tree().get().size(), "Cần Thơ, its regional centres and communes");
        assertTrue(vm.demo().get());
        assertEquals(LocalDate.of(2026, 11, 25), vm.asOf().get(), "today: the demo holds today's units");
    }

    @Test
    void filterIgnoresDiacriticsAndKeepsTheAncestors() {
        open(dir);
        vm.loadDemo();
        Unit hoaLuu = vm.tree().get().communes().stream().filter(u -> u.name().equals("Hỏa Lựu")).findFirst().orElseThrow();
        Unit viTan = vm.tree().get().communes().stream().filter(u -> u.name().equals("Vị Tân")).findFirst().orElseThrow();
        vm.filter().set("hoa luu");
        assertTrue(vm.visible().get().contains(hoaLuu.id()));
        assertTrue(vm.visible().get().contains(hoaLuu.parentId()));
        assertFalse(vm.visible().get().contains(viTan.id()));
        assertEquals(3, vm.visible().get().size(), "city, regional centre, commune");
        vm.filter().set("");
        assertEquals(36, vm.visible().get().size());
    }

    @Test
    void selectingACommuneShowsItsStationAndADistrictItsSummary() {
        open(dir);
        vm.loadDemo();
        Unit hoaLuu = vm.tree().get().communes().stream().filter(u -> u.name().equals("Hỏa Lựu")).findFirst().orElseThrow();
        vm.select(hoaLuu);
        // Today's Hỏa Lựu took Tân Tiến's code: it keeps Tân Tiến's station, the other two are its health points.
        assertEquals("Trạm Y tế xã Tân Tiến", vm.profile().get().station().orElseThrow().name());
        assertNull(vm.summary().get());
        Unit viThanh = vm.tree().get().get(hoaLuu.parentId()).orElseThrow();
        vm.select(viThanh);
        assertNull(vm.profile().get());
        assertEquals(3, vm.summary().get().communes());
    }

    @Test
    void aCommuneThatCannotBeShownSaysSoOnItsOwnPageAndTheNextSelectionStartsAfresh() throws Exception {
        open(dir);
        vm.loadDemo();
        vm.close();
        // An answer an older version let through: the scorer cannot read it.
        try (var db = java.sql.DriverManager.getConnection("jdbc:h2:file:" + dir.resolve("ytcs").toAbsolutePath(), "ytcs", "");
             var update = db.prepareStatement("UPDATE assessment_answer SET answer_value = 'not json{' WHERE assessment_id ="
                     + " (SELECT a.id FROM assessment a JOIN admin_unit u ON u.id = a.unit_id"
                     + " WHERE u.name = 'Hỏa Lựu' AND a.period = 2026) AND indicator_code ="
                     + " (SELECT MIN(indicator_code) FROM assessment_answer x JOIN assessment a ON a.id = x.assessment_id"
                     + " JOIN admin_unit u ON u.id = a.unit_id WHERE u.name = 'Hỏa Lựu' AND a.period = 2026"
                     + " AND x.answer_value IS NOT NULL)")) {
            assertEquals(1, update.executeUpdate());
        }
        open(dir);
        Unit hoaLuu = vm.tree().get().communes().stream().filter(u -> u.name().equals("Hỏa Lựu")).findFirst().orElseThrow();
        Unit viTan = vm.tree().get().communes().stream().filter(u -> u.name().equals("Vị Tân")).findFirst().orElseThrow();
        vm.select(hoaLuu);
        assertTrue(vm.pageError().get() != null, "the commune's page says what went wrong");
        assertEquals(MainViewModel.Phase.READY, vm.phase().get(), "the window itself stays usable");
        assertFalse(vm.busy().get());
        vm.select(viTan);
        assertNull(vm.pageError().get());
        assertEquals("Trạm Y tế xã Vị Tân", vm.profile().get().station().orElseThrow().name());
        assertTrue(vm.scored().get() != null);
    }

    @Test
    void aWindowClosedWhileItsDatabaseOpensLetsTheFolderGo() {
        java.util.List<Runnable> queued = new java.util.ArrayList<>();
        MainViewModel early = new MainViewModel(dir, queued::add, Runnable::run, () -> LocalDate.of(2026, 11, 25), "test");
        early.open();
        early.close();
        queued.forEach(Runnable::run);
        try (vn.ytcs.core.store.Store again = vn.ytcs.core.store.Store.open(dir)) {
            assertEquals(dir.toAbsolutePath(), again.dataDir().toAbsolutePath(), "not refused as in use");
        }
    }

    @Test
    void aDemoLoadCancelledLeavesTheDatabaseEmpty() {
        java.util.List<Runnable> queued = new java.util.ArrayList<>();
        vm = new MainViewModel(dir, queued::add, Runnable::run, () -> LocalDate.of(2026, 11, 25), "test");
        vm.open();
        queued.remove(0).run();
        assertEquals(MainViewModel.Phase.EMPTY, vm.phase().get());
        vm.loadDemo();
        assertEquals(MainViewModel.Phase.LOADING_DEMO, vm.phase().get());
        vm.cancelDemo();
        queued.remove(0).run();
        assertEquals(MainViewModel.Phase.EMPTY, vm.phase().get(), "offered again, nothing half-loaded");
        vm.loadDemo();
        queued.remove(0).run();
        assertEquals(MainViewModel.Phase.READY, vm.phase().get());
        assertEquals(36, vm.tree().get().size());
        assertEquals(1.0, vm.demoProgress().get(), 1e-9, "the last figure reached the window before it finished");
        vm.close();
        queued.forEach(Runnable::run);
        vm = null;
    }

    @Test
    void aDamagedDatabaseIsReportedNotOverwritten() throws Exception {
        Files.writeString(dir.resolve("ytcs.mv.db"), "not a database");
        open(dir);
        assertEquals(MainViewModel.Phase.FAILED, vm.phase().get());
        assertEquals(StoreException.Reason.DAMAGED, ((StoreException) vm.error().get()).reason());
        assertEquals("not a database", Files.readString(dir.resolve("ytcs.mv.db")));
    }
}
