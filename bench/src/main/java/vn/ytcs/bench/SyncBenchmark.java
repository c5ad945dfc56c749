// SPDX-License-Identifier: Apache-2.0
package vn.ytcs.bench;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import vn.ytcs.core.assessment.Assessment;
import vn.ytcs.core.assessment.AssessmentAnswer;
import vn.ytcs.core.catalog.Catalog;
import vn.ytcs.core.catalog.Catalogs;
import vn.ytcs.core.catalog.Indicator;
import vn.ytcs.core.demo.DemoAssessments;
import vn.ytcs.core.assessment.AssessmentState;
import vn.ytcs.core.figures.CommuneYear;
import vn.ytcs.core.hamlet.Hamlet;
import vn.ytcs.core.hamlet.HamletKind;
import vn.ytcs.core.site.SiteRole;
import vn.ytcs.core.staff.Employment;
import vn.ytcs.core.staff.Profession;
import vn.ytcs.core.staff.Sex;
import vn.ytcs.core.staff.StaffMember;
import vn.ytcs.core.station.Station;
import vn.ytcs.core.station.StationKind;
import vn.ytcs.core.store.Store;
import vn.ytcs.core.unit.Unit;
import vn.ytcs.core.unit.UnitType;
import vn.ytcs.sync.pack.PackageImporter;
import vn.ytcs.sync.pack.PackageWriter;
import vn.ytcs.sync.site.SiteKeys;

/**
 * {@code ytcs benchmark-sync}: a national-scale register exported and imported into an empty
 * database, beside baselines in the same run (a plain Jackson write of the same rows, Jackson's
 * streaming parse of the same file, plain JDBC batch inserts of the same rows). For developers.
 */
@Command(name = "benchmark-sync", description = "a national-scale export and import beside baselines in the same run")
final class SyncBenchmark implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--communes", defaultValue = "10000")
    int communes;

    @Option(names = "--keep")
    boolean keep;

    @Option(names = "--export-only", description = "measure the export and its baseline, not the import")
    boolean exportOnly;

    private PrintWriter out;

    @Override
    public Integer call() throws Exception {
        out = spec.commandLine().getOut();
        Path dir = Files.createTempDirectory("ytcs-sync-bench");
        try {
            run(dir);
        } finally {
            if (!keep) {
                try (var files = Files.walk(dir)) {
                    files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
                }
            }
        }
        return 0;
    }

    private void run(Path dir) throws Exception {
        long t0 = System.nanoTime();
        Path stick = Files.createDirectories(dir.resolve("stick"));
        Path pkg;
        double export;
        double exportHeap;
        double write;
        int records;
        try (Store source = Store.open(dir.resolve("source"))) {
            SiteKeys keys = SiteKeys.loadOrCreate(source, "Nguồn", SiteRole.PROVINCE);
            records = generate(source);
            out.printf(Locale.ROOT, "Generated %,d records (%d communes) in %.0f s%n", records, communes, (System.nanoTime() - t0) / 1e9);
            out.flush();
            resetPeaks();
            long a = System.nanoTime();
            pkg = PackageWriter.export(source, keys, null, true, stick, false).file();
            export = (System.nanoTime() - a) / 1e6;
            exportHeap = peakHeapMb();
            write = jacksonWrite(dir.resolve("source"), dir.resolve("baseline-write.json"), source);
        }
        long size = Files.size(pkg);
        long maxHeap = Runtime.getRuntime().maxMemory() >> 20;
        if (exportOnly) {
            out.printf(Locale.ROOT, "Package: %,d records, %,d MB, max heap %d MB%n", records, size >> 20, maxHeap);
            printExport(export, exportHeap, write);
            return;
        }
        double parse = jacksonParse(pkg);
        double insert = jdbcInsert(dir.resolve("source"), dir.resolve("baseline-insert"));
        double imported;
        double importHeap;
        try (Store target = Store.open(dir.resolve("target"))) {
            SiteKeys keys = SiteKeys.loadOrCreate(target, "Đích", SiteRole.DISTRICT);
            vn.ytcs.sync.SyncService importer = new vn.ytcs.sync.SyncService(target, keys, "benchmark");
            importer.trustSender(pkg);
            resetPeaks();
            long a = System.nanoTime();
            PackageImporter.Result r = importer.importFile(pkg, false);
            imported = (System.nanoTime() - a) / 1e6;
            importHeap = peakHeapMb();
            if (r.created() != records) {
                throw new IllegalStateException("imported " + r.created() + " of " + records);
            }
        }
        out.printf(Locale.ROOT, "Package: %,d records, %,d MB, max heap %d MB%n", records, size >> 20, maxHeap);
        printExport(export, exportHeap, write);
        out.printf(Locale.ROOT, "  import (verify, merge, apply, receipt):  %8.0f ms  peak heap %4.0f MB%n", imported, importHeap);
        out.printf(Locale.ROOT, "  baseline: Jackson streaming parse        %8.0f ms%n", parse);
        out.printf(Locale.ROOT, "  baseline: plain JDBC batch insert        %8.0f ms%n", insert);
        out.printf(Locale.ROOT, "  import / (parse + insert) = %.2f× (target ≤ 2×); peak heap target ≤ 512 MB%n", imported / (parse + insert));
    }

    private void printExport(double export, double exportHeap, double write) {
        out.printf(Locale.ROOT, "  export (write, hash, sign, read back):   %8.0f ms  peak heap %4.0f MB%n", export, exportHeap);
        out.printf(Locale.ROOT, "  baseline: plain Jackson write of the rows %8.0f ms  → %.2f× (target ≤ 1.5×)%n", write, export / write);
    }

    /** A synthetic national register: communes with a station, 10 staff, 8 hamlets, 3 years of figures, one assessment of 47 answers. */
    private int generate(Store store) {
        Random rnd = new Random(7);
        int total = 0;
        int perDistrict = 100;
        LocalDate from = LocalDate.of(2020, 1, 1);
        for (int d = 0; d < (communes + perDistrict - 1) / perDistrict; d++) {
            int district = d;
            total += store.write("benchmark", w -> {
                List<Object> units = new ArrayList<>();
                List<Object> stations = new ArrayList<>();
                List<Object> staff = new ArrayList<>();
                List<Object> hamlets = new ArrayList<>();
                List<Object> years = new ArrayList<>();
                List<Object> assessments = new ArrayList<>();
                List<Object> answers = new ArrayList<>();
                Unit du = new Unit(UUID.randomUUID(), "D" + district, false, "Huyện " + district, UnitType.HUYEN, null, from, null,
                        null, null, false, null);
                units.add(du);
                for (int c = 0; c < perDistrict && district * perDistrict + c < communes; c++) {
                    Unit cu = new Unit(UUID.randomUUID(), "C" + district + "_" + c, false, "Xã Thử Nghiệm " + c, UnitType.XA, du.id(),
                            from, null, 1 + rnd.nextInt(3), null, false, null);
                    units.add(cu);
                    Station st = new Station(UUID.randomUUID(), cu.id(), "Trạm Y tế xã Thử Nghiệm " + c, StationKind.STATION,
                            null, "Ấp 1", "0293 000 000", rnd.nextBoolean());
                    stations.add(st);
                    for (int i = 0; i < 10; i++) {
                        staff.add(new StaffMember(UUID.randomUUID(), st.id(), "Nguyễn Thị Hồng Nhung " + i, Sex.F,
                                1970 + rnd.nextInt(30), Profession.values()[rnd.nextInt(Profession.values().length)],
                                Employment.PERMANENT, from, null));
                    }
                    for (int h = 0; h < 8; h++) {
                        hamlets.add(new Hamlet(UUID.randomUUID(), cu.id(), "Ấp " + (h + 1), HamletKind.AP, 300 + rnd.nextInt(500), null));
                    }
                    for (int y = 2023; y <= 2025; y++) {
                        years.add(new CommuneYear(UUID.randomUUID(), cu.id(), y, 8000, 2100, 7600, 7000, 560, 110));
                    }
                    Assessment a = new Assessment(UUID.randomUUID(), cu.id(), 2025, "QD1300-2023", AssessmentState.DRAFT, null, null);
                    assessments.add(a);
                    // Answers as an assessor enters them: one per entered indicator, each fitting its rule.
                    for (Indicator indicator : CATALOG.indicators()) {
                        if (!indicator.isDerived()) {
                            answers.add(new AssessmentAnswer(UUID.randomUUID(), a.id(), indicator.code(),
                                    DemoAssessments.value(indicator, cu, 0.7, rnd), false, null, "Hồ sơ " + indicator.code()));
                        }
                    }
                }
                for (List<Object> list : List.of(units, stations, staff, hamlets, years, assessments, answers)) {
                    w.createAll(list);
                }
                return units.size() + stations.size() + staff.size() + hamlets.size() + years.size() + assessments.size()
                        + answers.size();
            });
        }
        return total;
    }

    private static final Catalog CATALOG = Catalogs.shipped().byId("QD1300-2023").orElseThrow();

    private static final String[] TABLES = {"ADMIN_UNIT", "STATION", "STAFF", "HAMLET", "COMMUNE_YEAR", "ASSESSMENT",
        "ASSESSMENT_ANSWER", "AUDIT_LOG"};

    private static Connection connect(Path dataDir) throws Exception {
        return DriverManager.getConnection("jdbc:h2:file:" + dataDir.resolve(Store.DATABASE_NAME).toAbsolutePath(), "ytcs", "");
    }

    /**
     * Baseline: the same rows read with JDBC and written with Jackson's streaming generator, nothing
     * else; the rows streamed as the export streams them (lazily, as read), not first kept whole.
     */
    private double jacksonWrite(Path sourceDir, Path file, Store open) throws Exception {
        open.close();
        long a = System.nanoTime();
        try (Connection c = connect(sourceDir); JsonGenerator g = new JsonFactory().createGenerator(file.toFile(), JsonEncoding.UTF8)) {
            try (Statement lazy = c.createStatement()) {
                lazy.execute("SET LAZY_QUERY_EXECUTION TRUE");
            }
            g.writeStartArray();
            for (String table : TABLES) {
                try (Statement s = c.createStatement()) {
                    s.setFetchSize(1000);
                    try (ResultSet rs = s.executeQuery("SELECT * FROM " + table)) {
                        ResultSetMetaData md = rs.getMetaData();
                        while (rs.next()) {
                            g.writeStartObject();
                            for (int i = 1; i <= md.getColumnCount(); i++) {
                                // Text kept as a CLOB (field versions, documents) written as its text, not as a handle.
                                Object v = md.getColumnType(i) == java.sql.Types.CLOB ? rs.getString(i) : rs.getObject(i);
                                g.writeFieldName(md.getColumnLabel(i).toLowerCase(Locale.ROOT));
                                if (v == null) {
                                    g.writeNull();
                                } else if (v instanceof Number n) {
                                    g.writeNumber(n.toString());
                                } else if (v instanceof Boolean b) {
                                    g.writeBoolean(b);
                                } else {
                                    g.writeString(v.toString());
                                }
                            }
                            g.writeEndObject();
                        }
                    }
                }
            }
            g.writeEndArray();
        }
        return (System.nanoTime() - a) / 1e6;
    }

    /** Baseline: Jackson's streaming parser over the same package file, every token, nothing built. */
    private static double jacksonParse(Path file) throws Exception {
        long a = System.nanoTime();
        long tokens = 0;
        try (JsonParser p = new JsonFactory().createParser(file.toFile())) {
            while (p.nextToken() != null) {
                tokens++;
            }
        }
        if (tokens == 0) {
            throw new IllegalStateException();
        }
        return (System.nanoTime() - a) / 1e6;
    }

    /** Baseline: the same rows inserted into an empty, migrated database with plain JDBC batches. */
    private static double jdbcInsert(Path sourceDir, Path targetDir) throws Exception {
        Store.open(targetDir).close();
        long a = System.nanoTime();
        try (Connection src = connect(sourceDir); Connection dst = connect(targetDir)) {
            dst.setAutoCommit(false);
            try (Statement s = src.createStatement(); ResultSet rs = s.executeQuery("SELECT ID, NAME, ROLE, CREATED_AT FROM SITE");
                 PreparedStatement ps = dst.prepareStatement(
                         "INSERT INTO SITE (ID, NAME, ROLE, IS_LOCAL, CREATED_AT) VALUES (?, ?, ?, FALSE, ?)")) {
                while (rs.next()) {
                    for (int i = 1; i <= 4; i++) {
                        ps.setObject(i, rs.getObject(i));
                    }
                    ps.executeUpdate();
                }
            }
            for (String table : TABLES) {
                try (Statement s = src.createStatement()) {
                    s.setFetchSize(1000);
                    try (ResultSet rs = s.executeQuery("SELECT * FROM " + table)) {
                        ResultSetMetaData md = rs.getMetaData();
                        int n = md.getColumnCount();
                        StringBuilder sql = new StringBuilder("INSERT INTO " + table + " VALUES (");
                        for (int i = 1; i <= n; i++) {
                            sql.append(i == 1 ? "?" : ",?");
                        }
                        sql.append(")");
                        try (PreparedStatement ps = dst.prepareStatement(sql.toString())) {
                            int batch = 0;
                            while (rs.next()) {
                                for (int i = 1; i <= n; i++) {
                                    ps.setObject(i, rs.getObject(i));
                                }
                                ps.addBatch();
                                if (++batch % 1000 == 0) {
                                    ps.executeBatch();
                                }
                            }
                            ps.executeBatch();
                        }
                    }
                }
            }
            dst.commit();
        }
        return (System.nanoTime() - a) / 1e6;
    }

    /** The largest heap in use, sampled every 20 ms (summing each pool's own peak would overstate it). */
    private static volatile long peak;
    private static Thread sampler;

    private static void resetPeaks() {
        System.gc();
        peak = 0;
        if (sampler == null) {
            sampler = new Thread(() -> {
                var memory = ManagementFactory.getMemoryMXBean();
                while (true) {
                    peak = Math.max(peak, memory.getHeapMemoryUsage().getUsed());
                    try {
                        Thread.sleep(20);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            }, "heap-sampler");
            sampler.setDaemon(true);
            sampler.start();
        }
    }

    private static double peakHeapMb() {
        return peak / 1048576.0;
    }
}
