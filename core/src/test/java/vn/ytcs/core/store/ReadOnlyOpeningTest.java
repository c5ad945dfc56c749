// SPDX-License-Identifier: Apache-2.0
package vn.ytcs.core.store;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationInfoService;
import org.flywaydb.core.api.MigrationState;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.ytcs.core.unit.Unit;
import vn.ytcs.core.unit.UnitType;

/**
 * A store is opened read-only and stays so until its first write: the schema is probed without
 * Flyway, a session that only reads changes not a byte of the file, and reads running on other
 * threads when the first write comes are not cut off.
 */
class ReadOnlyOpeningTest {

    @TempDir
    Path dir;

    private final Unit province = new Unit(UUID.randomUUID(), "93", true, "Hậu Giang", UnitType.TINH, null,
            LocalDate.of(2004, 1, 1), null, null, null, false, null);

    private String url() {
        return "jdbc:h2:file:" + dir.resolve("ytcs").toAbsolutePath();
    }

    private void execute(String... sql) throws Exception {
        try (Connection c = DriverManager.getConnection(url(), "ytcs", ""); Statement st = c.createStatement()) {
            for (String s : sql) {
                st.execute(s);
            }
        }
    }

    private SchemaProbe.State probe() throws Exception {
        try (Connection c = DriverManager.getConnection(url() + ";ACCESS_MODE_DATA=r", "ytcs", "")) {
            return SchemaProbe.of(c);
        }
    }

    /** What Flyway itself makes of the schema, as the store asked it before the probe. */
    private SchemaProbe.State flyway() {
        MigrationInfoService info = Flyway.configure().dataSource(url() + ";ACCESS_MODE_DATA=r", "ytcs", "")
                .locations("classpath:db/migration").load().info();
        boolean pending = info.pending().length > 0;
        for (MigrationInfo m : info.applied()) {
            if (m.getState() == MigrationState.FUTURE_SUCCESS || m.getState() == MigrationState.FUTURE_FAILED) {
                return SchemaProbe.State.NEWER;
            }
            pending |= m.getState().isFailed();
        }
        return pending ? SchemaProbe.State.PENDING : SchemaProbe.State.CURRENT;
    }

    private static final String HISTORY = "INSERT INTO \"flyway_schema_history\" (\"installed_rank\", \"version\","
            + " \"description\", \"type\", \"script\", \"checksum\", \"installed_by\", \"execution_time\", \"success\") VALUES ";

    @Test
    void theProbeTellsWhatFlywayTellsInEveryStateOfTheSchema() throws Exception {
        Files.createDirectories(dir);
        Flyway.configure().dataSource(url(), "ytcs", "").locations("classpath:db/migration").target("7").load().migrate();
        assertEquals(SchemaProbe.State.PENDING, flyway(), "one migration to go");
        assertEquals(flyway(), probe());

        Flyway.configure().dataSource(url(), "ytcs", "").locations("classpath:db/migration").load().migrate();
        assertEquals(SchemaProbe.State.CURRENT, flyway());
        assertEquals(flyway(), probe());

        execute("UPDATE \"flyway_schema_history\" SET \"success\" = FALSE WHERE \"version\" = '8'");
        assertEquals(SchemaProbe.State.PENDING, flyway(), "a failed migration");
        assertEquals(flyway(), probe());

        execute("UPDATE \"flyway_schema_history\" SET \"success\" = TRUE WHERE \"version\" = '8'",
                HISTORY + "(99, '8.1', 'from the future', 'SQL', 'V8_1__future.sql', 0, 'ytcs', 1, TRUE)");
        assertEquals(SchemaProbe.State.NEWER, flyway(), "a migration of a newer YTCS");
        assertEquals(flyway(), probe());

        execute("DELETE FROM \"flyway_schema_history\" WHERE \"installed_rank\" = 99",
                HISTORY + "(99, '9', 'failed in the future', 'SQL', 'V9__future.sql', 0, 'ytcs', 1, FALSE)");
        assertEquals(SchemaProbe.State.NEWER, flyway(), "a failed migration of a newer YTCS");
        assertEquals(flyway(), probe());

        execute("DROP TABLE \"flyway_schema_history\"");
        assertEquals(SchemaProbe.State.PENDING, flyway(), "tables without their history");
        assertEquals(flyway(), probe());
    }

    @Test
    void aSessionThatOnlyReadsLeavesTheFileAsItFoundIt() throws Exception {
        try (Store store = Store.open(dir)) {
            store.write("lan", w -> {
                w.save(province);
                return null;
            });
        }
        Path file = Store.databaseFile(dir);
        byte[] before = Files.readAllBytes(file);
        try (Store store = Store.open(dir)) {
            assertEquals(1, store.units().tree(LocalDate.of(2025, 1, 1)).all().size());
            assertTrue(store.sync().find("unit", province.id()).isPresent());
            store.localSite();
        }
        assertArrayEquals(before, Files.readAllBytes(file), "not a byte changed");
        // Nor a file more: closing leaves no H2 trace of errors it made itself.
        assertTrue(Files.notExists(dir.resolve(Store.DATABASE_NAME + ".trace.db")), "no trace file");

        try (Store store = Store.open(dir)) {
            store.write("lan", w -> {
                w.save(new Unit(province.id(), "93", true, "Tỉnh Hậu Giang", UnitType.TINH, null,
                        LocalDate.of(2004, 1, 1), null, null, null, false, null));
                return null;
            });
            assertEquals("Tỉnh Hậu Giang", store.sync().find("unit", province.id()).orElseThrow().fields().get("name"),
                    "the first write reopens the database for writing, and the session goes on");
        }
        try (Store store = Store.open(dir)) {
            assertEquals("Tỉnh Hậu Giang", store.sync().find("unit", province.id()).orElseThrow().fields().get("name"));
        }
    }

    @Test
    void readsOnOtherThreadsGoOnWhileTheFirstWriteReopensTheDatabase() throws Exception {
        try (Store store = Store.open(dir)) {
            store.write("lan", w -> {
                w.save(province);
                return null;
            });
        }
        ExecutorService readers = Executors.newFixedThreadPool(4);
        try (Store store = Store.open(dir)) {
            CountDownLatch started = new CountDownLatch(4);
            List<Future<Integer>> reads = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                reads.add(readers.submit(() -> {
                    started.countDown();
                    int n = 0;
                    for (int i = 0; i < 200; i++) {
                        n += store.units().tree(LocalDate.of(2025, 1, 1)).all().size();
                    }
                    return n;
                }));
            }
            started.await();
            store.write("lan", w -> {
                w.save(new Unit(UUID.randomUUID(), "94", true, "Sóc Trăng", UnitType.TINH, null,
                        LocalDate.of(2004, 1, 1), null, null, null, false, null));
                return null;
            });
            for (Future<Integer> r : reads) {
                assertTrue(r.get() >= 200, "every read answered");
            }
            assertEquals(2, store.units().tree(LocalDate.of(2025, 1, 1)).all().size());
        } finally {
            readers.shutdownNow();
        }
        assertFalse(Files.exists(dir.resolve("ytcs-migrating.mv.db")));
    }
}
