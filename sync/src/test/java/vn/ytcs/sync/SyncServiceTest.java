// SPDX-License-Identifier: Apache-2.0
package vn.ytcs.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.OffsetDateTime;
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
import vn.ytcs.core.store.SyncStore;
import vn.ytcs.core.task.Progress;
import vn.ytcs.core.unit.Unit;
import vn.ytcs.core.unit.UnitType;
import vn.ytcs.sync.merge.ConflictResolver;
import vn.ytcs.sync.pack.PackageImporter;

/** The sync service as the surfaces use it: preview and apply agree, cancel writes nothing, conflicts read by name. */
class SyncServiceTest {

    @TempDir
    Path dir;
    Sites district;
    Sites province;
    Path stick;
    Unit commune;
    Station station;
    StaffMember nurse;

    @BeforeEach
    void setUp() throws Exception {
        stick = Files.createDirectories(dir.resolve("stick"));
        district = new Sites(dir.resolve("district"), "TTYT Châu Thành", SiteRole.DISTRICT);
        province = new Sites(dir.resolve("province"), "Sở Y tế", SiteRole.PROVINCE);
        district.store.write("lan", w -> {
            commune = new Unit(UUID.randomUUID(), "CT01", false, "Đông Phú", UnitType.XA, null, LocalDate.of(2020, 1, 1), null, 2,
                    null, false, null);
            w.save(commune);
            station = new Station(UUID.randomUUID(), commune.id(), "Trạm Y tế xã Đông Phú", StationKind.STATION, null, "Ấp 1",
                    "0293 111", false);
            w.save(station);
            nurse = new StaffMember(UUID.randomUUID(), station.id(), "Trần Thị Lan", Sex.F, 1985, Profession.HO_SINH,
                    Employment.PERMANENT, null, null);
            w.save(nurse);
            for (int i = 0; i < 1200; i++) {
                w.save(new StaffMember(UUID.randomUUID(), station.id(), "Người " + i, Sex.M, 1990, Profession.HO_SINH,
                        Employment.PERMANENT, null, null));
            }
            return null;
        });
    }

    @AfterEach
    void tearDown() {
        district.close();
        province.close();
    }

    /** First contact both ways. */
    private void meet() {
        Path first = district.importer.export(stick, true, false, Progress.NONE).file();
        province.importer.trustSender(first);
        Path receipt = province.importer.importFile(first, false).receipt();
        district.importer.trustSender(receipt);
        district.importer.importFile(receipt, false);
    }

    /** Two edits through the edit service the window and the command line use. */
    private void edit(Sites site, String phone, String nurseName) {
        site.register.save(new Station(station.id(), station.unitId(), station.name(), station.kind(), null,
                station.address(), phone, false));
        site.register.save(new StaffMember(nurse.id(), nurse.stationId(), nurseName, Sex.F, 1985, Profession.HO_SINH,
                Employment.PERMANENT, null, null));
    }

    @Test
    void thePreviewSaysWhatTheApplyThenDoes() throws Exception {
        meet();
        edit(district, "0293 222", "Trần Thị Lan Anh");
        edit(province, "0293 999", "Trần T. Lan");
        Path up = district.importer.export(stick, false, false, Progress.NONE).file();
        try (SyncService.Incoming incoming = province.importer.stage(up, Progress.NONE)) {
            assertTrue(incoming.trusted());
            PackageImporter.Result preview = incoming.preview(Progress.NONE);
            PackageImporter.Result applied = incoming.apply(Progress.NONE);
            assertEquals(PackageImporter.Outcome.DRY_RUN, preview.outcome());
            assertEquals(List.of(preview.created(), preview.changed(), preview.deleted(), preview.conflictCount()),
                    List.of(applied.created(), applied.changed(), applied.deleted(), applied.conflictCount()));
            assertEquals(2, applied.conflictCount(), "the phone and the nurse's name, changed on both sides");
            assertEquals("Đông Phú", preview.byCommune().get(commune.id()).name, "the preview names the commune");
            assertEquals(2, preview.byCommune().get(commune.id()).changed);
        }
    }

    @Test
    void aLeaveRecordedOnBothSidesWithDifferentDaysIsAConflictInThePreview() throws Exception {
        meet();
        district.register.leaveStaff(nurse.id(), LocalDate.of(2025, 3, 31));
        province.register.leaveStaff(nurse.id(), LocalDate.of(2025, 4, 30));
        Path up = district.importer.export(stick, false, false, Progress.NONE).file();
        try (SyncService.Incoming incoming = province.importer.stage(up, Progress.NONE)) {
            PackageImporter.Result preview = incoming.preview(Progress.NONE);
            assertEquals(1, preview.conflictCount(), "the end date, set on both sides");
            incoming.apply(Progress.NONE);
        }
        assertEquals(List.of("end_date"), province.importer.conflicts().stream().map(SyncService.ConflictView::field).toList());
        assertTrue(province.register.record(StaffMember.class, nurse.id()).endDate() != null, "left, on either day");
    }

    @Test
    void aCancelledApplyWritesNothingAndTheImportWorksAfterwards() throws Exception {
        Path first = district.importer.export(stick, true, false, Progress.NONE).file();
        province.importer.trustSender(first);
        List<String> before = province.dump();
        List<Long> told = new ArrayList<>();
        Progress cancelMidway = new Progress() {
            @Override
            public void update(long done, long total) {
                told.add(done);
            }

            @Override
            public boolean cancelled() {
                return told.stream().anyMatch(d -> d >= 1000 && d < 2000);
            }
        };
        try (SyncService.Incoming incoming = province.importer.stage(first, Progress.NONE)) {
            assertThrows(Progress.Cancelled.class, () -> incoming.apply(cancelMidway));
            assertEquals(before, province.dump(), "nothing of a cancelled import is written");
            assertEquals(0, province.store.sites().peer(district.keys.site().id()).lastReceived());
            assertEquals(PackageImporter.Outcome.APPLIED, incoming.apply(Progress.NONE).outcome(), "the same copy applies later");
        }
        assertFalse(told.isEmpty(), "progress was told");
    }

    @Test
    void aCancelWhileCopyingLeavesNoCopy() throws Exception {
        Path first = district.importer.export(stick, true, false, Progress.NONE).file();
        Progress cancelled = new Progress() {
            @Override
            public void update(long done, long total) {
            }

            @Override
            public boolean cancelled() {
                return true;
            }
        };
        assertThrows(Progress.Cancelled.class, () -> province.importer.stage(first, cancelled));
        try (var files = Files.list(province.store.dataDir().resolve(PackageImporter.STAGING))) {
            assertEquals(0, files.count());
        }
    }

    @Test
    void conflictsAreListedByTheNamesOfTheirRecordsAndResolvedByAShortId() throws Exception {
        meet();
        edit(district, "0293 222", "Trần Thị Lan Anh");
        edit(province, "0293 999", "Trần T. Lan");
        province.importer.importFile(district.importer.export(stick, false, false, Progress.NONE).file(), false);
        List<SyncService.ConflictView> open = province.importer.conflicts();
        assertEquals(2, open.size());
        SyncService.ConflictView phone = open.stream().filter(c -> c.field().equals("phone")).findFirst().orElseThrow();
        SyncService.ConflictView name = open.stream().filter(c -> c.field().equals("full_name")).findFirst().orElseThrow();
        assertEquals("Trạm Y tế xã Đông Phú", phone.recordName());
        assertEquals("Đông Phú", phone.commune().name());
        assertEquals("XA", phone.commune().unitType());
        assertEquals("Trần Thị Lan Anh", name.recordName(), "the staff member as the record holds her now");
        assertEquals("Đông Phú", name.commune().name(), "her commune, through her station");
        assertEquals("TTYT Châu Thành", phone.otherSiteName());
        assertEquals("0293 999", phone.mine());
        assertEquals(SyncService.SHORT_ID, phone.shortId().length());
        assertTrue(phone.id().toString().startsWith(phone.shortId()));

        assertEquals(ConflictNotFound.Reason.TOO_SHORT,
                assertThrows(ConflictNotFound.class, () -> province.importer.resolve("abc", ConflictResolver.Keep.MINE)).reason());
        assertEquals(ConflictNotFound.Reason.UNKNOWN, assertThrows(ConflictNotFound.class,
                () -> province.importer.resolve("ffffffff-ffff", ConflictResolver.Keep.MINE)).reason());
        assertEquals(phone.id(), province.importer.resolve(phone.shortId().toUpperCase(), ConflictResolver.Keep.MINE).id());
        assertEquals(List.of(name.id()), province.importer.conflicts().stream().map(SyncService.ConflictView::id).toList());
        assertEquals("0293 999", province.store.stations().stationOf(commune.id()).orElseThrow().phone());
    }

    @Test
    void twoConflictsSharingTheirFirstCharactersNeedALongerPrefix() throws Exception {
        UUID a = UUID.fromString("abcdef01-2345-4000-8000-000000000001");
        UUID b = UUID.fromString("abcdef01-2345-4000-8000-000000000002");
        String version = district.store.sync().nextVersion();
        province.store.write("hoa", w -> {
            for (UUID id : List.of(a, b)) {
                w.sync().addConflict(new SyncStore.Conflict(id, OffsetDateTime.now(), "unit", UUID.randomUUID(), "name", "A",
                        version, "B", version, district.keys.site().id(), "p.ytcs.json", null, null, true));
            }
            return null;
        });
        List<SyncService.ConflictView> open = province.importer.conflicts();
        assertEquals(List.of(a.toString(), b.toString()), open.stream().map(SyncService.ConflictView::shortId).toList(),
                "only the whole id tells them apart");
        assertNull(open.get(0).recordName(), "a record this site does not hold has no name");
        ConflictNotFound e = assertThrows(ConflictNotFound.class,
                () -> province.importer.resolve("abcdef01-2345", ConflictResolver.Keep.MINE));
        assertEquals(ConflictNotFound.Reason.AMBIGUOUS, e.reason());
        assertEquals(List.of(a.toString(), b.toString()), e.matches());
    }

    @Test
    void resolvingAUnitConflictAuditsItUnderItsTable() throws Exception {
        meet();
        district.store.write("lan", w -> {
            w.save(new Unit(commune.id(), "CT01", false, "Đông Phú A", UnitType.XA, null, LocalDate.of(2020, 1, 1), null, 2, null,
                    false, null));
            return null;
        });
        province.store.write("hoa", w -> {
            w.save(new Unit(commune.id(), "CT01", false, "Đông Phú B", UnitType.XA, null, LocalDate.of(2020, 1, 1), null, 2, null,
                    false, null));
            return null;
        });
        province.importer.importFile(district.importer.export(stick, false, false, Progress.NONE).file(), false);
        SyncService.ConflictView c = province.importer.conflicts().get(0);
        assertEquals("Đông Phú A", c.recordName());
        assertEquals("XA", c.unitType());
        assertNull(c.commune(), "a commune is not its own commune");
        province.importer.resolve(c.shortId(), ConflictResolver.Keep.MINE);
        List<String> tables = new ArrayList<>();
        province.store.sync().exportAudit(List.of(commune.id()), e -> {
            if ("name".equals(e.field()) && "Đông Phú B".equals(e.newValue())) {
                tables.add(e.table());
            }
        });
        assertFalse(tables.isEmpty());
        assertTrue(tables.stream().allMatch("admin_unit"::equals), "audited under its table, not its kind: " + tables);
    }

    @Test
    void anExportGoesToTheOnlyTrustedSiteElseToAnyoneAndANamedReceiverWins() throws Exception {
        assertTrue(district.importer.receiver(null).isEmpty(), "no site trusted yet: the first site to import it");
        Path first = district.importer.export(stick, true, false, Progress.NONE).file();
        assertNull(district.importer.export(stick, true, false, Progress.NONE).receiver());
        province.importer.trustSender(first);
        district.importer.trustSender(province.importer.importFile(first, false).receipt());
        UUID p = province.keys.site().id();
        assertEquals(p, district.importer.receiver(null).orElseThrow());
        assertEquals(p, district.importer.export(stick, false, false, Progress.NONE).receiver().id());
        UUID other = UUID.randomUUID();
        assertEquals(other, district.importer.receiver(other).orElseThrow());
    }
}
