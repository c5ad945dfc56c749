// SPDX-License-Identifier: Apache-2.0
package vn.ytcs.bench;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import vn.ytcs.core.demo.DemoLoader;
import vn.ytcs.app.root.Ytcs;
import vn.ytcs.core.service.CommuneRegister;
import vn.ytcs.core.service.RegisterService;
import vn.ytcs.core.service.ScoringService;
import vn.ytcs.core.staff.StaffMember;
import vn.ytcs.core.task.Progress;
import vn.ytcs.core.unit.Unit;
import vn.ytcs.core.unit.UnitTree;

/**
 * {@code ytcs-bench benchmark-edit}: what the commune page of the window does, beside the bare
 * database work of the same rows, in the same process. Saving one edit and seeing the rescored
 * commune is the register service's save (validation, one transaction with audit rows and field
 * versions), the commune's register read again and its scorecard; its baseline a plain JDBC
 * UPDATE of the same row (auto-commit). Opening a commune's page is the scorecard and the
 * register of the commune; its baseline plain JDBC SELECTs of the rows the page shows. The
 * baselines run on a copy of the same database, so that neither sees the other's cache.
 */
@Command(name = "benchmark-edit", description = "saving an edit and opening a commune page, beside bare JDBC")
final class EditBenchmark implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--rounds", defaultValue = "201")
    int rounds;

    @Option(names = "--warmup", defaultValue = "30")
    int warmup;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        Path dir = Files.createTempDirectory("ytcs-bench-edit");
        Path copy = Files.createTempDirectory("ytcs-bench-edit-jdbc");
        try {
            try (Ytcs ytcs = Ytcs.open(dir, "benchmark")) {
                ytcs.register().loadDemo(DemoLoader.World.BOTH, Progress.NONE);
            }
            try (var files = Files.list(dir)) {
                for (Path f : files.filter(f -> f.getFileName().toString().endsWith(".mv.db")).toList()) {
                    Files.copy(f, copy.resolve(f.getFileName()));
                }
            }
            try (Ytcs ytcs = Ytcs.open(dir, "benchmark");
                 Connection jdbc = DriverManager.getConnection("jdbc:h2:file:" + copy.resolve("ytcs").toAbsolutePath()
                         + ";DB_CLOSE_ON_EXIT=FALSE", "ytcs", "")) {
                run(out, ytcs, jdbc);
            }
        } finally {
            for (Path d : List.of(dir, copy)) {
                try (var files = Files.walk(d)) {
                    files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
                }
            }
        }
        return 0;
    }

    private void run(PrintWriter out, Ytcs ytcs, Connection jdbc) throws Exception {
        RegisterService register = ytcs.register();
        ScoringService scoring = ytcs.scoring();
        LocalDate day = register.defaultAsOf(LocalDate.now());
        UnitTree tree = register.tree(day);
        int period = scoring.period(null, day);
        Unit commune = tree.communes().stream().filter(u -> u.name().equals("Hỏa Lựu")).findFirst()
                .orElse(tree.communes().get(0));
        StaffMember member = register.communeRegister(commune).staff().get(0);
        UUID station = member.stationId();
        out.printf(Locale.ROOT, "Edit benchmark: commune %s, staff member %s; %d rounds after %d warm-up, median%n",
                commune.name(), member.id().toString().substring(0, 8), rounds, warmup);

        PreparedStatement update = jdbc.prepareStatement("UPDATE STAFF SET FULL_NAME = ? WHERE ID = ?");
        PreparedStatement stations = jdbc.prepareStatement("SELECT * FROM STATION WHERE UNIT_ID = ? AND DELETED = FALSE");
        PreparedStatement staff = jdbc.prepareStatement("SELECT * FROM STAFF WHERE STATION_ID = ? AND DELETED = FALSE");
        PreparedStatement hamlets = jdbc.prepareStatement("SELECT * FROM HAMLET WHERE COMMUNE_ID = ? AND DELETED = FALSE");
        PreparedStatement workers = jdbc.prepareStatement("SELECT w.* FROM HAMLET_WORKER w JOIN HAMLET h ON w.HAMLET_ID = h.ID"
                + " WHERE h.COMMUNE_ID = ? AND w.DELETED = FALSE");
        PreparedStatement figures = jdbc.prepareStatement("SELECT * FROM COMMUNE_YEAR WHERE UNIT_ID = ? AND DELETED = FALSE");

        int total = warmup + rounds;
        double[] bareWrite = new double[rounds];
        double[] save = new double[rounds];
        double[] saveAndRescore = new double[rounds];
        double[] bareRead = new double[rounds];
        double[] page = new double[rounds];
        long sink = 0;
        for (int i = 0; i < total; i++) {
            String name = member.fullName() + (i % 2 == 0 ? " A" : " B") + i;
            long t0 = System.nanoTime();
            update.setString(1, name);
            update.setObject(2, member.id());
            sink += update.executeUpdate();
            long t1 = System.nanoTime();

            StaffMember changed = new StaffMember(member.id(), member.stationId(), name, member.sex(), member.birthYear(),
                    member.profession(), member.employment(), member.startDate(), member.endDate());
            register.save(changed);
            long t2 = System.nanoTime();
            CommuneRegister read = register.communeRegister(commune);
            ScoringService.Scored scored = scoring.scored(tree, List.of(commune), period, day);
            sink += read.staff().size() + scored.results().size();
            long t3 = System.nanoTime();

            sink += rows(stations, commune.id()) + rows(staff, station) + rows(hamlets, commune.id())
                    + rows(workers, commune.id()) + rows(figures, commune.id());
            long t4 = System.nanoTime();
            ScoringService.Scored opened = scoring.scored(tree, List.of(commune), period, day);
            CommuneRegister shown = register.communeRegister(commune);
            sink += opened.results().size() + shown.hamlets().size();
            long t5 = System.nanoTime();
            if (i >= warmup) {
                int r = i - warmup;
                bareWrite[r] = ms(t0, t1);
                save[r] = ms(t1, t2);
                saveAndRescore[r] = ms(t1, t3);
                bareRead[r] = ms(t3, t4);
                page[r] = ms(t4, t5);
            }
        }
        if (sink == 42) {
            out.print("");
        }
        double w = median(bareWrite);
        double s = median(save);
        double sr = median(saveAndRescore);
        double r = median(bareRead);
        double p = median(page);
        out.printf(Locale.ROOT, "  baseline: plain JDBC UPDATE of the row:     %8.2f ms%n", w);
        out.printf(Locale.ROOT, "  save through RegisterService:               %8.2f ms  (%.1f× baseline)%n", s, s / w);
        out.printf(Locale.ROOT, "  save + read register + rescore the commune: %8.2f ms  (%.1f× baseline, +%.2f ms; target ≤ 50 ms)%n",
                sr, sr / w, sr - w);
        out.printf(Locale.ROOT, "  baseline: plain JDBC SELECT of the page's rows: %8.2f ms%n", r);
        out.printf(Locale.ROOT, "  open a commune's page (score + register):   %8.2f ms  (%.1f× baseline; target ≤ 100 ms)%n",
                p, p / r);
        out.flush();
    }

    private static long rows(PreparedStatement st, UUID id) throws Exception {
        st.setObject(1, id);
        long n = 0;
        try (ResultSet rs = st.executeQuery()) {
            int columns = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                for (int c = 1; c <= columns; c++) {
                    rs.getObject(c);
                }
                n++;
            }
        }
        return n;
    }

    private static double ms(long from, long to) {
        return (to - from) / 1e6;
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }
}
