// SPDX-License-Identifier: Apache-2.0
package vn.ytcs.sync.pack;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.ytcs.core.site.SiteRole;
import vn.ytcs.core.staff.Employment;
import vn.ytcs.core.staff.Profession;
import vn.ytcs.core.staff.Sex;
import vn.ytcs.core.staff.StaffMember;
import vn.ytcs.core.station.Station;
import vn.ytcs.core.station.StationKind;
import vn.ytcs.core.store.Store;
import vn.ytcs.core.task.Progress;
import vn.ytcs.core.unit.Unit;
import vn.ytcs.core.unit.UnitType;
import vn.ytcs.sync.SyncService;
import vn.ytcs.sync.site.SiteKeys;

/**
 * An import reads its package at most twice: once as it is copied from the stick (scanned, hashed
 * and its signature checked on the way), once from the copy to apply it. Before the sync service,
 * a command-line import read it six times (copy, scan, hash, check, audit, records).
 */
class ReadCountTest {

    @TempDir
    Path dir;
    Store district;
    Store province;
    SiteKeys districtKeys;
    SyncService atDistrict;
    SyncService atProvince;
    Path stick;
    final List<Path> passes = new ArrayList<>();

    @BeforeEach
    void setUp() throws Exception {
        stick = Files.createDirectories(dir.resolve("stick"));
        district = Store.open(dir.resolve("district"));
        province = Store.open(dir.resolve("province"));
        districtKeys = SiteKeys.loadOrCreate(district, "TTYT Châu Thành", SiteRole.DISTRICT);
        SiteKeys.loadOrCreate(province, "Sở Y tế", SiteRole.PROVINCE);
        atDistrict = new SyncService(district, "lan");
        atProvince = new SyncService(province, "hoa");
        district.write("lan", w -> {
            for (int i = 0; i < 1500; i++) {
                Unit u = new Unit(UUID.randomUUID(), "X" + i, false, "Xã Số " + i, UnitType.XA, null, LocalDate.of(2020, 1, 1),
                        null, 2, null, false, null);
                w.save(u);
                Station s = new Station(UUID.randomUUID(), u.id(), "Trạm Y tế xã Số " + i, StationKind.STATION, null, null, null,
                        false);
                w.save(s);
                w.save(new StaffMember(UUID.randomUUID(), s.id(), "Nguyễn Thị " + i, Sex.F, 1988, Profession.HO_SINH,
                        Employment.PERMANENT, null, null));
            }
            return null;
        });
        PackageReader.passes = passes::add;
    }

    @AfterEach
    void tearDown() {
        PackageReader.passes = p -> { };
        district.close();
        province.close();
    }

    private Path export(boolean gzip) {
        return atDistrict.export(stick, true, gzip, Progress.NONE).file();
    }

    @Test
    void anImportReadsItsPackageTwiceAPreviewTwiceAndTheWindowOnceMore() throws Exception {
        for (boolean gzip : new boolean[] {false, true}) {
            Path pkg = export(gzip);
            atProvince.trustSender(pkg);
            passes.clear();
            assertEquals(PackageImporter.Outcome.DRY_RUN, atProvince.importFile(pkg, true).outcome());
            assertEquals(2, passes.size(), "a preview on the command line: " + passes);

            passes.clear();
            PackageImporter.Result r = atProvince.importFile(pkg, false);
            assertEquals(PackageImporter.Outcome.APPLIED, r.outcome());
            assertEquals(gzip ? 0 : 4500, r.created(), "the second, full package brings nothing new");
            assertEquals(2, passes.size(), "an import: the copy from the stick, then one pass over the copy: " + passes);
            assertEquals(pkg, passes.get(0), "the stick is read once");

            passes.clear();
            assertEquals(PackageImporter.Outcome.ALREADY_IMPORTED, atProvince.importFile(pkg, false).outcome());
            assertEquals(1, passes.size(), "a package imported before is known from its copy's scan: " + passes);

            if (!gzip) {
                atDistrict.trustSender(r.receipt());
            }
            passes.clear();
            assertEquals(PackageImporter.Outcome.RECEIPT, atDistrict.importFile(r.receipt(), false).outcome());
            assertEquals(1, passes.size(), "a receipt is read once: " + passes);
        }
    }

    @Test
    void theWindowStagesOnceTrustsAndPreviewsFromTheCopyAndAppliesFromIt() throws Exception {
        Path pkg = export(false);
        passes.clear();
        try (SyncService.Incoming incoming = atProvince.stage(pkg, Progress.NONE)) {
            assertEquals(false, incoming.trusted());
            incoming.trust();
            assertEquals(1, passes.size(), "trusting the sender reads nothing again: " + passes);
            assertEquals(PackageImporter.Outcome.DRY_RUN, incoming.preview(Progress.NONE).outcome());
            assertEquals(PackageImporter.Outcome.APPLIED, incoming.apply(Progress.NONE).outcome());
        }
        assertEquals(3, passes.size(), "the copy, the preview, the apply: " + passes);
        assertEquals(pkg, passes.get(0));
        assertEquals(passes.get(1), passes.get(2), "preview and apply read the same staged copy");
    }
}
