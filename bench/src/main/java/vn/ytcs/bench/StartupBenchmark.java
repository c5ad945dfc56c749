// SPDX-License-Identifier: Apache-2.0
package vn.ytcs.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code benchmark-start}: {@code ytcs units} on the demo, launched as README says, beside a bare
 * JVM with H2 alone on its class path opening the same file and reading the same rows
 * ({@link BareRead}), and the same command launched as an installed program will be (its own
 * class-data archive and {@link #LAUNCHER_FLAGS}); rounds interleaved, median wall time of each process.
 */
@Command(name = "benchmark-start",
        description = "a read-only command (ytcs units) beside a bare JVM reading the same rows with H2 alone")
final class StartupBenchmark implements Callable<Integer> {

    /** The day the demo's units are read at: the last day its register has units. */
    private static final String DEMO_DAY = "2025-06-30";

    @Spec
    CommandSpec spec;

    /** The flags a launcher (the installer's, issue 15) starts the program with, beside its class-data archive. */
    static final List<String> LAUNCHER_FLAGS = List.of("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC");

    @Option(names = "--app", defaultValue = "app/target", description = "the folder of ytcs.jar and its lib/")
    Path app;

    @Option(names = "--rounds", defaultValue = "9")
    int rounds;

    private PrintWriter out;

    @Override
    public Integer call() throws Exception {
        out = spec.commandLine().getOut();
        Path jar = app.resolve("ytcs.jar");
        Path h2;
        try (var libs = Files.list(app.resolve("lib"))) {
            h2 = libs.filter(p -> p.getFileName().toString().matches("h2-.*\\.jar")).findFirst().orElseThrow();
        }
        Path dir = Files.createTempDirectory("ytcs-start-bench");
        try {
            Path data = dir.resolve("data");
            Path bareJar = bareJar(dir);
            run(List.of("-jar", jar.toString(), "--data-dir", data.toString(), "demo"), dir.resolve("demo.txt"));
            List<String> ytcs = List.of("-jar", jar.toString(), "--data-dir", data.toString(), "units");
            // What a launcher can add that `java -jar` cannot: a class-data archive of the program made
            // once (here, as the installer's build will), C1 alone and the serial collector, which
            // suit a short command on a two-core office PC.
            Path ytcsArchive = dir.resolve("ytcs.jsa");
            run(concat(List.of("-XX:ArchiveClassesAtExit=" + ytcsArchive), ytcs), dir.resolve("archive-ytcs.txt"));
            List<String> launched = concat(concat(List.of("-XX:SharedArchiveFile=" + ytcsArchive), LAUNCHER_FLAGS), ytcs);
            List<String> bare = List.of("-cp", bareJar + java.io.File.pathSeparator + h2, BareRead.class.getName(),
                    data.toString(), DEMO_DAY);
            // The bare JVM with a class-data archive of its own, made here: what the JVM alone can gain the same way.
            Path bareArchive = dir.resolve("bare.jsa");
            run(concat(List.of("-XX:ArchiveClassesAtExit=" + bareArchive), bare), dir.resolve("archive.txt"));
            List<String> bareCds = concat(List.of("-XX:SharedArchiveFile=" + bareArchive), bare);

            Path units = dir.resolve("units.txt");
            Path bareOut = dir.resolve("bare.txt");
            for (int i = 0; i < 2; i++) {
                run(ytcs, units);
                run(launched, units);
                run(bare, bareOut);
                run(bareCds, bareOut);
            }
            long listed = Files.readAllLines(units).stream().filter(l -> l.contains("[")).count();
            long read = Files.readAllLines(bareOut).size();
            if (listed != read) {
                throw new IllegalStateException("ytcs units listed " + listed + " units, the bare JVM read " + read);
            }
            double[] y = new double[rounds];
            double[] l = new double[rounds];
            double[] b = new double[rounds];
            double[] bc = new double[rounds];
            for (int i = 0; i < rounds; i++) {
                y[i] = run(ytcs, units);
                l[i] = run(launched, units);
                b[i] = run(bare, bareOut);
                bc[i] = run(bareCds, bareOut);
            }
            double ym = median(y);
            double lm = median(l);
            double bm = median(b);
            double bcm = median(bc);
            out.printf(Locale.ROOT, "ytcs units on the demo (%d units), %d rounds interleaved, median wall time per process%n",
                    listed, rounds);
            out.printf(Locale.ROOT, "  bare JVM, H2 alone, same file, same rows:      %6.0f ms  (classes loaded: %d)  baseline%n",
                    bm, classes(bare, dir));
            out.printf(Locale.ROOT, "  ytcs units, java -jar as README says:          %6.0f ms  (classes loaded: %d)  → %.2f×%n",
                    ym, classes(ytcs, dir), ym / bm);
            out.printf(Locale.ROOT, "  ytcs units, launched with %s: %6.0f ms  → %.2f× (target ≤ 1.5×)%n",
                    "its archive, " + String.join(" ", LAUNCHER_FLAGS), lm, lm / bm);
            out.printf(Locale.ROOT, "  the bare JVM with its own class-data archive:  %6.0f ms  (launched ytcs → %.2f×)%n", bcm, lm / bcm);
            out.printf(Locale.ROOT, "  all rounds (ms): java -jar %s%n                   launched %s%n                   bare     %s%n",
                    Arrays.toString(round(y)), Arrays.toString(round(l)), Arrays.toString(round(b)));
        } finally {
            try (var files = Files.walk(dir)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
        return 0;
    }

    /** A jar holding the baseline's one class, so that its JVM has H2 and nothing else. */
    private static Path bareJar(Path dir) throws IOException {
        Path jar = dir.resolve("bare.jar");
        String entry = BareRead.class.getName().replace('.', '/') + ".class";
        try (JarOutputStream zip = new JarOutputStream(Files.newOutputStream(jar));
             InputStream in = BareRead.class.getClassLoader().getResourceAsStream(entry)) {
            zip.putNextEntry(new JarEntry(entry));
            in.transferTo(zip);
            zip.closeEntry();
        }
        return jar;
    }

    /** Runs a JVM (this one's java) to its end; returns its wall time in milliseconds. */
    private static double run(List<String> args, Path output) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(ProcessHandle.current().info().command().orElse("java"));
        command.addAll(args);
        long t0 = System.nanoTime();
        Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile()).start();
        int code = p.waitFor();
        double ms = (System.nanoTime() - t0) / 1e6;
        if (code != 0) {
            throw new IllegalStateException(String.join(" ", command) + " exited " + code + ": " + Files.readString(output));
        }
        return ms;
    }

    private static long classes(List<String> args, Path dir) throws IOException, InterruptedException {
        Path log = dir.resolve("classes.txt");
        run(concat(List.of("-Xlog:class+load=info:file=" + log), args), dir.resolve("out.txt"));
        try (var lines = Files.lines(log)) {
            return lines.count();
        }
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }

    private static long[] round(double[] values) {
        return Arrays.stream(values).mapToLong(Math::round).toArray();
    }
}
