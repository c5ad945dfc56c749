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
        assertEquals(84, vm.tree().get().size());
        assertTrue(vm.demo().get());
        assertEquals(LocalDate.of(2025, 6, 30), vm.asOf().get(), "the demo's last day before the 2025 reform");
    }

    @Test
    void filterIgnoresDiacriticsAndKeepsTheAncestors() {
        open(dir);
        vm.loadDemo();
        Unit hoaLuu = vm.tree().get().communes().stream().filter(u -> u.name().equals("Hỏa Lựu")).findFirst().orElseThrow();
        Unit hoaTien = vm.tree().get().communes().stream().filter(u -> u.name().equals("Hỏa Tiến")).findFirst().orElseThrow();
        vm.filter().set("hoa luu");
        assertTrue(vm.visible().get().contains(hoaLuu.id()));
        assertTrue(vm.visible().get().contains(hoaLuu.parentId()));
        assertFalse(vm.visible().get().contains(hoaTien.id()));
        assertEquals(3, vm.visible().get().size(), "province, city, commune");
        vm.filter().set("");
        assertEquals(84, vm.visible().get().size());
    }

    @Test
    void selectingACommuneShowsItsStationAndADistrictItsSummary() {
        open(dir);
        vm.loadDemo();
        Unit hoaLuu = vm.tree().get().communes().stream().filter(u -> u.name().equals("Hỏa Lựu")).findFirst().orElseThrow();
        vm.select(hoaLuu);
        assertEquals("Trạm Y tế xã Hỏa Lựu", vm.profile().get().station().orElseThrow().name());
        assertNull(vm.summary().get());
        Unit viThanh = vm.tree().get().get(hoaLuu.parentId()).orElseThrow();
        vm.select(viThanh);
        assertNull(vm.profile().get());
        assertEquals(9, vm.summary().get().communes());
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
