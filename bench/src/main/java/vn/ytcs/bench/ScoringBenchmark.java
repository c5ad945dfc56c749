// SPDX-License-Identifier: Apache-2.0
package vn.ytcs.bench;

import java.io.PrintWriter;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import vn.ytcs.core.assessment.Assessment;
import vn.ytcs.core.catalog.Catalog;
import vn.ytcs.core.catalog.Catalogs;
import vn.ytcs.core.catalog.Indicator;
import vn.ytcs.core.catalog.Rule;
import vn.ytcs.core.service.RegisterService;
import vn.ytcs.core.service.ScoringService;
import vn.ytcs.core.demo.DemoLoader;
import vn.ytcs.core.scoring.Answer;
import vn.ytcs.core.scoring.CommuneFacts;
import vn.ytcs.core.scoring.Scorecard;
import vn.ytcs.core.scoring.Scorer;
import vn.ytcs.core.store.Store;
import vn.ytcs.core.unit.SocioRegion;
import vn.ytcs.core.unit.Unit;
import vn.ytcs.core.unit.UnitTree;
import vn.ytcs.core.unit.UnitType;

/**
 * {@code ytcs benchmark}: scoring speed beside baselines measured in the same run. For
 * developers; figures in README. Hidden from the users' help.
 */
@Command(name = "benchmark", description = "scoring speed beside baselines measured in the same run")
final class ScoringBenchmark implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--communes", defaultValue = "10000")
    int communes;

    @Option(names = "--rounds", defaultValue = "7")
    int rounds;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        Catalog catalog = Catalogs.shipped().byId("QD1300-2023").orElseThrow();
        List<CommuneFacts> facts = synthetic(catalog, communes, new Random(42));
        out.printf(Locale.ROOT, "Scoring benchmark: %d synthetic communes against %s (%d indicators), %d rounds, median%n",
                communes, catalog.id(), catalog.indicators().size(), rounds);

        // Baseline: read every value of every commune, as the scorer must, without scoring.
        double[] pair = medians(() -> {
            long sink = 0;
            for (CommuneFacts f : facts) {
                for (Indicator i : catalog.indicators()) {
                    Answer a = f.values().get(i.code());
                    sink += a == null ? 1 : a.hashCode();
                }
            }
            return sink;
        }, () -> {
            long passed = 0;
            for (CommuneFacts f : facts) {
                Scorecard c = Scorer.score(catalog, f);
                passed += c.passed() ? 1 : 0;
            }
            return passed;
        });
        double base = pair[0];
        double score = pair[1];
        out.printf(Locale.ROOT, "  baseline (read the same values):  %8.1f ms  %,10.0f communes/s%n", base, communes / base * 1000);
        out.printf(Locale.ROOT, "  pure scorer (one core):           %8.1f ms  %,10.0f communes/s  (%.1f× baseline; target ≥ 50,000/s)%n",
                score, communes / score * 1000, score / base);

        Path dir = Files.createTempDirectory("ytcs-bench");
        try (Store store = Store.open(dir)) {
            DemoLoader.load(store, "benchmark");
            LocalDate day = store.units().defaultAsOf(LocalDate.now());
            UnitTree tree = store.units().tree(day);
            List<Unit> all = tree.communes();
            int period = day.getYear();
            RegisterService register = new RegisterService(store, "benchmark");
            ScoringService scoring = new ScoringService(store, Catalogs::shipped, register);
            double[] db = medians(() -> {
                var profiles = register.profiles(tree, all, day);
                List<Assessment> assessments = store.assessments().assessmentsOf(all.stream().map(Unit::id).toList(), period);
                return (long) profiles.size() + store.assessments().answersOf(assessments.stream().map(Assessment::id).toList()).size();
            }, () -> (long) scoring.score(tree, all, period, day).size());
            double read = db[0];
            double rescore = db[1];
            out.printf(Locale.ROOT, "Demo province from the database (%d communes, period %d):%n", all.size(), period);
            out.printf(Locale.ROOT, "  baseline (read the same rows):     %8.1f ms%n", read);
            out.printf(Locale.ROOT, "  rescore the province:              %8.1f ms  (%.2f× baseline; target < 200 ms)%n", rescore,
                    rescore / read);
        } finally {
            try (var files = Files.walk(dir)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
        return 0;
    }

    /**
     * Median wall times in milliseconds of a baseline and the work measured, rounds interleaved so
     * that both see the same machine, after three warm-up rounds.
     */
    private double[] medians(Supplier<Long> baseline, Supplier<Long> work) {
        long sink = 0;
        for (int i = 0; i < 3; i++) {
            sink += baseline.get() + work.get();
        }
        double[] base = new double[rounds];
        double[] measured = new double[rounds];
        for (int i = 0; i < rounds; i++) {
            long t0 = System.nanoTime();
            sink += baseline.get();
            long t1 = System.nanoTime();
            sink += work.get();
            long t2 = System.nanoTime();
            base[i] = (t1 - t0) / 1e6;
            measured[i] = (t2 - t1) / 1e6;
        }
        if (sink == 42) {
            spec.commandLine().getOut().print("");
        }
        Arrays.sort(base);
        Arrays.sort(measured);
        return new double[] {base[rounds / 2], measured[rounds / 2]};
    }

    /** Communes with a value for every indicator, drawn around each rule's thresholds. */
    static List<CommuneFacts> synthetic(Catalog catalog, int count, Random rnd) {
        List<CommuneFacts> out = new ArrayList<>(count);
        UnitType[] types = {UnitType.XA, UnitType.PHUONG, UnitType.THI_TRAN};
        SocioRegion[] regions = SocioRegion.values();
        for (int n = 0; n < count; n++) {
            Map<String, Answer> values = new HashMap<>();
            for (Indicator i : catalog.indicators()) {
                Rule rule = i.rule();
                if (rule instanceof Rule.YesNo) {
                    values.put(i.code(), new Answer.Flag(rnd.nextInt(10) < 8));
                } else if (rule instanceof Rule.Checklist c) {
                    Set<String> present = new HashSet<>();
                    c.items().forEach(item -> {
                        if (rnd.nextInt(10) < 8) {
                            present.add(item.code());
                        }
                    });
                    values.put(i.code(), new Answer.Items(present));
                } else if (rule instanceof Rule.Norm) {
                    values.put(i.code(), Answer.Amount.of(4 + rnd.nextInt(8)));
                } else {
                    values.put(i.code(), new Answer.Amount(BigDecimal.valueOf(rnd.nextInt(1000), 1)));
                }
            }
            out.add(new CommuneFacts("B" + n, "Xã " + n, types[rnd.nextInt(types.length)], 1 + rnd.nextInt(3),
                    regions[rnd.nextInt(regions.length)], 3000 + rnd.nextInt(20000), values, Set.of()));
        }
        return out;
    }
}
