// SPDX-License-Identifier: Apache-2.0
package vn.ytcs.core.store;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.ytcs.core.change.Hlc;
import vn.ytcs.core.unit.Unit;
import vn.ytcs.core.unit.UnitType;

/** Opening a data folder after the things an office PC lives through: an upgrade, a kill, a clock gone back. */
class StoreIntegrityTest {

    @TempDir
    Path dir;

    private final Unit province = new Unit(UUID.randomUUID(), "93", true, "Hậu Giang", UnitType.TINH, null,
            LocalDate.of(2004, 1, 1), null, null, null, false, null);

    private void execute(Path data, String... sql) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:h2:file:" + data.resolve("ytcs").toAbsolutePath(), "ytcs", "");
             Statement st = c.createStatement()) {
            for (String s : sql) {
                st.execute(s);
            }
        }
    }

    @Test
    void aNewSiteIsNamedAfterItsComputerSoThatTwoOfficesAreToldApart() throws Exception {
        String computer = System.getenv("COMPUTERNAME");
        Path hostname = Path.of("/etc/hostname");
        if ((computer == null || computer.isBlank()) && Files.isReadable(hostname)) {
            computer = Files.readAllLines(hostname).stream().findFirst().orElse("");
        }
        try (Store store = Store.open(dir)) {
            String name = store.localSite().name();
            assertEquals(computer == null || computer.isBlank() ? "YTCS" : "YTCS " + computer.strip(), name);
        }
    }

    @Test
    void aDatabaseFromANewerYtcsIsRefusedAndLeftUntouched() throws Exception {
        Store.open(dir).close();
        execute(dir, "INSERT INTO \"flyway_schema_history\" (\"installed_rank\", \"version\", \"description\", \"type\","
                + " \"script\", \"checksum\", \"installed_by\", \"execution_time\", \"success\")"
                + " VALUES (99, '99', 'from the future', 'SQL', 'V99__future.sql', 0, 'ytcs', 1, TRUE)");
        Path file = Store.databaseFile(dir);
        byte[] before = Files.readAllBytes(file);
        StoreException e = assertThrows(StoreException.class, () -> Store.open(dir).close());
        assertEquals(StoreException.Reason.NEWER_SCHEMA, e.reason());
        assertArrayEquals(before, Files.readAllBytes(file), "not a byte of the newer database changed");
        assertEquals(StoreException.Reason.NEWER_SCHEMA,
                assertThrows(StoreException.class, () -> Store.open(dir).close()).reason(), "and it stays refused");
    }

    @Test
    void theClockIsSeededAtOpenSoThatAClockGoneBackNeverIssuesAnOlderVersion() throws Exception {
        UUID site;
        try (Store store = Store.open(dir)) {
            site = store.localSite().id();
            store.write("lan", w -> {
                w.save(province);
                return null;
            });
        }
        // Written while the PC's clock was ten days ahead; the clock has since been set right.
        Hlc ahead = new Hlc(Instant.now().plus(Duration.ofDays(10)).toEpochMilli(), 0, site);
        execute(dir, "UPDATE admin_unit SET version = '" + ahead + "', field_versions = NULL",
                "UPDATE app_meta SET meta_value = '" + ahead + "' WHERE meta_key = 'clock.high'");
        try (Store store = Store.open(dir)) {
            assertEquals(Store.Notice.Kind.CLOCK_BEHIND, store.notices().get(0).kind(), "the user is told the clock is behind");
            store.write("lan", w -> {
                w.save(new Unit(province.id(), "93", true, "Tỉnh Hậu Giang", UnitType.TINH, null,
                        LocalDate.of(2004, 1, 1), null, null, null, false, null));
                return null;
            });
            Hlc edit = Hlc.parse(store.sync().find("unit", province.id()).orElseThrow().fieldVersions().get("name"));
            assertTrue(edit.compareTo(ahead) > 0, "the edit made after the clock went back sorts after " + ahead + ": " + edit);
        }
        try (Store store = Store.open(dir)) {
            Hlc high = Hlc.parse(store.meta("clock.high").orElseThrow());
            assertTrue(high.compareTo(ahead) > 0, "the clock's high mark is kept with the write");
        }
    }

    @Test
    void whatAKilledStartLeftBehindIsRemovedAndTheFolderOpens() throws Exception {
        Store.open(dir).close();
        Files.writeString(dir.resolve("ytcs-migrating.mv.db"), "half a migration");
        Files.writeString(Files.createDirectories(dir.resolve("backups")).resolve("ytcs-20261201-before-import.zip.partial"),
                "half a backup");
        try (Store store = Store.open(dir)) {
            assertTrue(store.notices().isEmpty());
        }
        assertFalse(Files.exists(dir.resolve("ytcs-migrating.mv.db")));
        assertFalse(Files.exists(dir.resolve("backups").resolve("ytcs-20261201-before-import.zip.partial")));
    }

    @Test
    void aFirstStartKilledHalfwayThroughTheSchemaIsSetAsideAndStartedAgain() throws Exception {
        // What an older YTCS left when killed during its first migration: some tables, no history of them.
        Files.createDirectories(dir);
        execute(dir, "CREATE TABLE app_meta (meta_key VARCHAR(100) PRIMARY KEY, meta_value VARCHAR(4000) NOT NULL)");
        try (Store store = Store.open(dir)) {
            assertEquals(Store.Notice.Kind.SET_ASIDE, store.notices().get(0).kind());
            assertTrue(Files.exists(Path.of(store.notices().get(0).subject())), "the old file is kept");
            store.write("lan", w -> {
                w.save(province);
                return null;
            });
        }
        try (Store store = Store.open(dir)) {
            assertTrue(store.notices().isEmpty(), "repaired once, then opens as usual");
            assertTrue(store.sync().find("unit", province.id()).isPresent());
        }
    }

    /** A database of schema 5 holding a unit, as the YTCS before this one left it. */
    private void schemaFiveWithAUnit() throws Exception {
        Files.createDirectories(dir);
        Flyway.configure().dataSource("jdbc:h2:file:" + dir.resolve("ytcs").toAbsolutePath(), "ytcs", "")
                .locations("classpath:db/migration").target("5").load().migrate();
        execute(dir, "INSERT INTO site (id, name, role, is_local, created_at) VALUES ('" + UUID.randomUUID()
                        + "', 'TTYT', 'DISTRICT', TRUE, CURRENT_TIMESTAMP)",
                "INSERT INTO admin_unit (id, code, code_official, name, unit_type, unit_level, valid_from, site_id, version,"
                        + " updated_at, deleted, demo) VALUES ('" + province.id() + "', '93', TRUE, 'Hậu Giang', 'TINH',"
                        + " 'PROVINCE', DATE '2004-01-01', (SELECT id FROM site), '000000000001-0000-" + UUID.randomUUID()
                        + "', CURRENT_TIMESTAMP, FALSE, FALSE)");
    }

    @Test
    void anUpgradeCutOffByAnOlderYtcsIsRestoredFromTheBackupTakenBeforeIt() throws Exception {
        schemaFiveWithAUnit();
        Path backups = Files.createDirectories(dir.resolve("backups"));
        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(backups.resolve("ytcs-20261130-120000-000-before-migration.zip")))) {
            zip.putNextEntry(new ZipEntry("ytcs.mv.db"));
            Files.copy(Store.databaseFile(dir), zip);
            zip.closeEntry();
        }
        // Then the upgrade to 6 was killed after its first statement (the old YTCS migrated in place).
        execute(dir, "ALTER TABLE sync_conflict ADD COLUMN kept_is_local BOOLEAN");
        try (Store store = Store.open(dir)) {
            assertEquals(Store.Notice.Kind.RESTORED_FROM_BACKUP, store.notices().get(0).kind());
            assertEquals("Hậu Giang", store.sync().find("unit", province.id()).orElseThrow().fields().get("name"),
                    "the register of the backup is there, on the new schema");
        }
        try (Store store = Store.open(dir)) {
            assertTrue(store.notices().isEmpty());
        }
    }

    @Test
    void aHalfMigratedRegisterWithoutABackupIsRefusedAndKeptNeverSetAside() throws Exception {
        schemaFiveWithAUnit();
        execute(dir, "ALTER TABLE sync_conflict ADD COLUMN kept_is_local BOOLEAN");
        StoreException e = assertThrows(StoreException.class, () -> Store.open(dir).close());
        assertEquals(StoreException.Reason.DAMAGED, e.reason());
        execute(dir, "ALTER TABLE sync_conflict DROP COLUMN kept_is_local");
        try (Store store = Store.open(dir)) {
            assertEquals("Hậu Giang", store.sync().find("unit", province.id()).orElseThrow().fields().get("name"),
                    "the register stayed where it was");
        }
    }
}
