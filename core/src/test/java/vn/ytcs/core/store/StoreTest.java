// SPDX-License-Identifier: Apache-2.0
package vn.ytcs.core.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.text.Normalizer;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.ytcs.core.staff.Employment;
import vn.ytcs.core.staff.Profession;
import vn.ytcs.core.staff.Sex;
import vn.ytcs.core.staff.StaffMember;
import vn.ytcs.core.station.Station;
import vn.ytcs.core.station.StationKind;
import vn.ytcs.core.unit.Unit;
import vn.ytcs.core.unit.UnitType;

class StoreTest {

    private static final LocalDate DAY = LocalDate.of(2024, 6, 1);

    @TempDir
    Path dir;

    private final Unit province = new Unit(UUID.randomUUID(), "93", true, "Hậu Giang", UnitType.TINH, null,
            LocalDate.of(2004, 1, 1), null, null, null, false, null);
    private final Unit commune = new Unit(UUID.randomUUID(), "31471", true, "Hỏa Lựu", UnitType.XA, province.id(),
            LocalDate.of(2004, 1, 1), LocalDate.of(2025, 7, 1), 2, null, false, null);
    private final Station station = new Station(UUID.randomUUID(), commune.id(), "Trạm Y tế xã Hỏa Lựu",
            StationKind.STATION, null, null, null, false);

    @Test
    void migratesANewFileAndKeepsItsSiteAcrossReopening() throws Exception {
        UUID site;
        try (Store store = Store.open(dir)) {
            site = store.localSite().id();
        }
        assertTrue(Files.exists(Store.databaseFile(dir)));
        try (Store store = Store.open(dir)) {
            assertEquals(site, store.localSite().id());
        }
        assertEquals(1, count("SELECT COUNT(*) FROM \"flyway_schema_history\" WHERE \"version\" = '1' AND \"success\""));
    }

    @Test
    void storesTextAsNfcAndReadsTheTreeAsOfADay() throws Exception {
        String decomposed = Normalizer.normalize("Hỏa Lựu", Normalizer.Form.NFD);
        try (Store store = Store.open(dir)) {
            store.write("test", w -> {
                w.save(province);
                w.save(new Unit(commune.id(), commune.code(), true, decomposed, UnitType.XA, province.id(),
                        commune.validFrom(), commune.validTo(), 2, null, false, null));
                return null;
            });
            var tree = store.units().tree(DAY);
            assertEquals(2, tree.size());
            Unit read = tree.children(tree.roots().get(0)).get(0);
            assertEquals("Hỏa Lựu", read.name());
            assertTrue(Normalizer.isNormalized(read.name(), Normalizer.Form.NFC));
            assertEquals(1, store.units().tree(LocalDate.of(2025, 7, 1)).size(), "the commune ended on 1 July 2025");
            assertEquals(LocalDate.of(2024, 6, 1), store.units().defaultAsOf(DAY));
            assertEquals("Hỏa Lựu", store.units().byCode("31471", DAY).orElseThrow().name());
        }
    }

    @Test
    void updateWritesOneAuditRowPerChangedFieldAndANewVersion() throws Exception {
        StaffMember member = new StaffMember(UUID.randomUUID(), station.id(), "Nguyễn Văn An", Sex.M, 1980,
                Profession.Y_SI_DA_KHOA, Employment.PERMANENT, LocalDate.of(2010, 1, 1), null);
        try (Store store = Store.open(dir)) {
            store.write("an", w -> {
                w.save(province);
                w.save(commune);
                w.save(station);
                w.save(member);
                return null;
            });
            String before = version(member.id());
            store.write("binh", w -> {
                w.save(new StaffMember(member.id(), station.id(), "Nguyễn Văn An", Sex.M, 1980, Profession.BAC_SI,
                        Employment.PERMANENT, LocalDate.of(2010, 1, 1), LocalDate.of(2026, 1, 1)));
                w.save(station);
                return null;
            });
            assertTrue(version(member.id()).compareTo(before) > 0);
            assertEquals(List.of(Profession.BAC_SI), store.staff().staffOf(List.of(station.id())).stream()
                    .map(StaffMember::profession).toList());
        }
        assertEquals(List.of("CREATE null null null", "UPDATE PROFESSION Y_SI_DA_KHOA BAC_SI",
                "UPDATE END_DATE null 2026-01-01"), audit(member.id()));
        assertEquals(List.of("CREATE null null null"), audit(station.id()), "saving an unchanged record writes nothing");
        assertEquals(2, count("SELECT COUNT(*) FROM AUDIT_LOG WHERE ACTOR = 'binh'"), "two fields changed");
    }

    @Test
    void aFailedWriteLeavesNothingBehind() throws Exception {
        try (Store store = Store.open(dir)) {
            assertThrows(IllegalStateException.class, () -> store.write("test", w -> {
                w.save(province);
                w.save(commune);
                throw new IllegalStateException("power cut");
            }));
            assertTrue(store.units().tree(DAY).isEmpty());
        }
        assertEquals(0, count("SELECT COUNT(*) FROM AUDIT_LOG"));
    }

    @Test
    void aRecordBreakingARuleIsRefusedWithItsReason() {
        try (Store store = Store.open(dir)) {
            StoreException e = assertThrows(StoreException.class, () -> store.write("test", w -> {
                w.save(station);
                return null;
            }));
            assertEquals(StoreException.Reason.INVALID_RECORD, e.reason());
        }
    }

    @Test
    void deleteLeavesATombstoneThatReadsDoNotReturn() throws Exception {
        try (Store store = Store.open(dir)) {
            store.write("test", w -> {
                w.save(province);
                w.save(commune);
                return null;
            });
            store.write("test", w -> {
                w.delete(vn.ytcs.core.record.RecordKinds.UNIT, commune.id());
                return null;
            });
            assertEquals(1, store.units().tree(DAY).size());
        }
        assertEquals(1, count("SELECT COUNT(*) FROM ADMIN_UNIT WHERE DELETED"));
    }

    @Test
    void aSecondOpenOfTheSameFolderIsRefusedAsInUse() {
        try (Store store = Store.open(dir)) {
            StoreException e = assertThrows(StoreException.class, () -> Store.open(dir));
            assertEquals(StoreException.Reason.IN_USE, e.reason());
        }
    }

    @Test
    void aFileThatIsNotADatabaseIsReportedAsDamagedAndKept() throws Exception {
        Path file = Store.databaseFile(dir);
        Files.writeString(file, "this is a spreadsheet, not a database");
        StoreException e = assertThrows(StoreException.class, () -> Store.open(dir));
        assertEquals(StoreException.Reason.DAMAGED, e.reason());
        assertEquals("this is a spreadsheet, not a database", Files.readString(file));
    }

    @Test
    void backupWritesAZipBesideTheDatabaseThatRestoresTheDataAsItWas() throws Exception {
        StaffMember member = new StaffMember(UUID.randomUUID(), station.id(), "Nguyễn Văn An", Sex.M, 1980,
                Profession.BAC_SI, Employment.PERMANENT, LocalDate.of(2010, 1, 1), null);
        Path zip;
        UUID site;
        try (Store store = Store.open(dir)) {
            site = store.localSite().id();
            store.write("an", w -> {
                w.save(province);
                w.save(commune);
                w.save(station);
                w.save(member);
                return null;
            });
            zip = store.backup("manual");
            // A change after the backup is not in it.
            store.write("an", w -> {
                w.save(new StaffMember(member.id(), station.id(), "Nguyễn Văn An", Sex.M, 1980, Profession.BAC_SI,
                        Employment.PERMANENT, LocalDate.of(2010, 1, 1), LocalDate.of(2026, 1, 1)));
                return null;
            });
        }
        assertTrue(Files.isRegularFile(zip));
        assertTrue(zip.startsWith(dir.resolve("backups")));

        // Restoring is unpacking the database file into a data folder.
        Path restored = Files.createDirectories(dir.resolve("restored"));
        try (java.util.zip.ZipFile archive = new java.util.zip.ZipFile(zip.toFile())) {
            var entry = archive.getEntry(Store.DATABASE_NAME + ".mv.db");
            assertTrue(entry != null, "the zip holds the database file");
            try (var in = archive.getInputStream(entry)) {
                Files.copy(in, Store.databaseFile(restored));
            }
        }
        try (Store store = Store.open(restored)) {
            assertEquals(site, store.localSite().id(), "the same site");
            assertEquals(List.of("Hỏa Lựu"), store.units().tree(DAY).communes().stream().map(Unit::name).toList());
            assertEquals(List.of(member), store.staff().staffOf(List.of(station.id())), "the staff as they were at the backup");
        }
        assertEquals(1, count("SELECT COUNT(*) FROM STAFF WHERE ID = '" + member.id() + "' AND END_DATE IS NOT NULL"),
                "the original keeps the later change");
    }

    private String version(UUID id) throws SQLException {
        try (Connection c = connect(); ResultSet rs = c.createStatement()
                .executeQuery("SELECT VERSION FROM STAFF WHERE ID = '" + id + "'")) {
            rs.next();
            return rs.getString(1);
        }
    }

    private List<String> audit(UUID id) throws SQLException {
        List<String> rows = new ArrayList<>();
        try (Connection c = connect(); ResultSet rs = c.createStatement().executeQuery(
                "SELECT ACTION, FIELD, OLD_VALUE, NEW_VALUE FROM AUDIT_LOG WHERE RECORD_ID = '" + id + "' ORDER BY ID")) {
            while (rs.next()) {
                rows.add(rs.getString(1) + " " + rs.getString(2) + " " + rs.getString(3) + " " + rs.getString(4));
            }
        }
        return rows;
    }

    private long count(String sql) throws SQLException {
        try (Connection c = connect(); ResultSet rs = c.createStatement().executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private Connection connect() throws SQLException {
        return DriverManager.getConnection("jdbc:h2:file:" + dir.resolve(Store.DATABASE_NAME) + ";IFEXISTS=TRUE", "ytcs", "");
    }
}
