// SPDX-License-Identifier: Apache-2.0
package vn.ytcs.app.window;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.UUID;
import java.util.concurrent.Executor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.ytcs.core.site.SiteRole;
import vn.ytcs.core.station.Station;
import vn.ytcs.core.station.StationKind;
import vn.ytcs.core.store.Store;
import vn.ytcs.core.task.Progress;
import vn.ytcs.core.unit.Unit;
import vn.ytcs.core.unit.UnitType;
import vn.ytcs.sync.SyncService;
import vn.ytcs.sync.pack.PackageImporter;
import vn.ytcs.sync.site.SiteKeys;

/** The import and export dialogs' view model, without JavaFX: real stores, executors the test runs by hand. */
class SyncViewModelTest {

    @TempDir
    Path dir;
    Store district;
    Store province;
    SyncService atDistrict;
    SyncService atProvince;
    Path stick;
    /** The background executor: work waits here until the test runs it. */
    final Deque<Runnable> queued = new ArrayDeque<>();
    final Executor background = queued::add;
    final Executor ui = Runnable::run;
    int reloads;

    @BeforeEach
    void setUp() throws Exception {
        stick = Files.createDirectories(dir.resolve("stick"));
        district = Store.open(dir.resolve("district"));
        province = Store.open(dir.resolve("province"));
        atDistrict = new SyncService(district, SiteKeys.loadOrCreate(district, "TTYT Châu Thành", SiteRole.DISTRICT), "lan");
        atProvince = new SyncService(province, SiteKeys.loadOrCreate(province, "Sở Y tế", SiteRole.PROVINCE), "hoa");
        district.write("lan", w -> {
            Unit u = new Unit(UUID.randomUUID(), "CT01", false, "Đông Phú", UnitType.XA, null, LocalDate.of(2020, 1, 1), null, 2,
                    null, false, null);
            w.save(u);
            w.save(new Station(UUID.randomUUID(), u.id(), "Trạm Y tế xã Đông Phú", StationKind.STATION, null, null, null, false));
            return null;
        });
    }

    @AfterEach
    void tearDown() {
        district.close();
        province.close();
    }

    private void runQueued() {
        while (!queued.isEmpty()) {
            queued.poll().run();
        }
    }

    private SyncViewModel vm(SyncService sync) {
        Store store = sync == atDistrict ? district : province;
        vn.ytcs.core.service.CatalogService.InForce inForce = new vn.ytcs.core.service.CatalogService.InForce();
        inForce.bind(store);
        return new SyncViewModel(() -> sync, () -> new vn.ytcs.core.service.CatalogService(store, "test", inForce),
                () -> new vn.ytcs.core.service.Reorganisation(store, "test"), background,
                ui, () -> reloads++);
    }

    @Test
    void aReceiptFromASiteNotTrustedYetOffersTheTrustStepThenIsTakenIn() throws Exception {
        Path pkg = atDistrict.export(stick, true, false, Progress.NONE).file();
        atProvince.trustSender(pkg);
        Path receipt = atProvince.importFile(pkg, false).receipt();

        SyncViewModel vm = vm(atDistrict);
        vm.open(receipt);
        runQueued();
        assertEquals(SyncViewModel.Step.UNTRUSTED, vm.step().get(), "was: an unexpected error; " + vm.failure().get());
        assertTrue(vm.isReceipt());
        assertEquals("Sở Y tế", vm.untrusted().get().name());
        assertEquals(province.localSite().fingerprint(), vm.untrusted().get().fingerprint());
        assertEquals(district.localSite().fingerprint(), vm.self().get().fingerprint(), "our fingerprint beside theirs");
        vm.trustAndPreview();
        runQueued();
        assertEquals(SyncViewModel.Step.DONE, vm.step().get(), String.valueOf(vm.failure().get()));
        assertEquals(PackageImporter.Outcome.RECEIPT, vm.result().get().outcome());
        assertEquals(1, district.sites().peer(province.localSite().id()).acknowledged());
    }

    @Test
    void aPackageIsStagedOnceTrustedPreviewedAndAppliedAndTheCopyGoesWithTheDialog() throws Exception {
        Path pkg = atDistrict.export(stick, true, false, Progress.NONE).file();
        SyncViewModel vm = vm(atProvince);
        vm.open(pkg);
        runQueued();
        assertEquals(SyncViewModel.Step.UNTRUSTED, vm.step().get());
        assertEquals("TTYT Châu Thành", vm.untrusted().get().name());
        // The sender's package vanishes from the stick: the staged copy is what is trusted, previewed and applied.
        Files.delete(pkg);
        vm.trustAndPreview();
        runQueued();
        assertEquals(SyncViewModel.Step.PREVIEW, vm.step().get(), String.valueOf(vm.refused().get()));
        assertEquals(2, vm.result().get().created());
        vm.apply();
        runQueued();
        assertEquals(SyncViewModel.Step.DONE, vm.step().get(), String.valueOf(vm.failure().get()));
        assertEquals(PackageImporter.Outcome.APPLIED, vm.result().get().outcome());
        assertEquals(1, reloads, "the window shows what came in");
        vm.close();
        runQueued();
        try (var files = Files.list(province.dataDir().resolve(PackageImporter.STAGING))) {
            assertEquals(0, files.count(), "closing the dialog removes the staged copy");
        }
    }

    @Test
    void cancellingTheApplyWritesNothing() throws Exception {
        Path pkg = atDistrict.export(stick, true, false, Progress.NONE).file();
        atProvince.trustSender(pkg);
        SyncViewModel vm = vm(atProvince);
        vm.open(pkg);
        runQueued();
        assertEquals(SyncViewModel.Step.PREVIEW, vm.step().get());
        vm.apply();
        assertEquals(SyncViewModel.Step.WORKING, vm.step().get());
        assertEquals(SyncViewModel.Work.APPLYING, vm.work().get());
        vm.cancel();
        runQueued();
        assertEquals(SyncViewModel.Step.CANCELLED, vm.step().get());
        assertEquals(0, province.sites().peer(district.localSite().id()).lastReceived(), "nothing was imported");
        assertEquals(0, reloads);
    }

    @Test
    void theExportDialogLearnsWhoSignsForWhomAndTheDrivesInTheBackground() throws Exception {
        SyncViewModel vm = vm(atDistrict);
        vm.describeExport();
        assertNull(vm.drives().get(), "nothing probed on the calling (FX) thread");
        assertEquals(1, queued.size());
        runQueued();
        assertNotNull(vm.drives().get());
        assertEquals("TTYT Châu Thành", vm.self().get().name());
        assertNull(vm.receiver().get(), "no site trusted yet: for the first site to import it");
        vm.export(stick, true, false);
        runQueued();
        assertEquals(SyncViewModel.Step.DONE, vm.step().get(), String.valueOf(vm.failure().get()));
        assertEquals(1, vm.exported().get().manifest().sequence());
    }
}
