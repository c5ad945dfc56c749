// SPDX-License-Identifier: Apache-2.0
package vn.ytcs.app.crash;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;

/**
 * The real program in a child JVM ({@code java -cp <test class path> vn.ytcs.app.Launcher --data-dir DIR ...}),
 * its output in files beside the data folder, killed with SIGKILL ({@link Process#destroyForcibly()} on Linux and
 * macOS; TerminateProcess on Windows) at a chosen moment.
 */
final class ProgramRun {

    /** How long a run may take before the harness calls it hung. */
    static final long TIMEOUT_MILLIS = 120_000;

    /** Poll interval while watching for a moment: short enough to land inside a few milliseconds. */
    private static final long POLL_NANOS = 250_000;

    /** How a run ended. */
    enum End {
        /** Killed before the watched moment (or at a random time before it). */
        KILLED_BEFORE,
        /** Killed after the watched moment was seen. */
        KILLED_AFTER,
        /** The program ended by itself before the kill. */
        COMPLETED
    }

    /**
     * What happened: how it ended, its exit code (137 or -1 style codes when killed), when the moment was seen and
     * when it was killed, in milliseconds after the start.
     */
    record Outcome(End end, int exitCode, long momentMillis, long killMillis, long totalMillis, String out, String err) {

        boolean killed() {
            return end != End.COMPLETED;
        }

        String describe() {
            return end + " exit=" + exitCode + (momentMillis >= 0 ? " moment@" + momentMillis + "ms" : "")
                    + (killMillis >= 0 ? " kill@" + killMillis + "ms" : "") + " total=" + totalMillis + "ms";
        }
    }

    private final Process process;
    private final long started;
    private final Path outFile;
    private final Path errFile;

    private ProgramRun(Process process, long started, Path outFile, Path errFile) {
        this.process = process;
        this.started = started;
        this.outFile = outFile;
        this.errFile = errFile;
    }

    /** A class-data archive every child JVM maps its classes from, once one has been written. */
    private static volatile Path archive;

    /** Starts {@code ytcs --data-dir DATA ARGS...}; its output goes to {@code logs/<name>.out|.err}. */
    static ProgramRun start(Path dataDir, Path logs, String name, String... args) {
        return start(null, dataDir, logs, name, args);
    }

    /**
     * Starts the program and, when it ends normally, keeps the classes it loaded in a class-data archive (JDK 13+
     * dynamic AppCDS) for {@link #useArchive}: the children that start from it need about a third less CPU.
     */
    static ProgramRun startArchiving(Path archive, Path dataDir, Path logs, String name, String... args) {
        return start(archive, dataDir, logs, name, args);
    }

    /** Lets the later children start from an archive written by {@link #startArchiving}, once its run has ended. */
    static void useArchive(Path file) {
        if (Files.isRegularFile(file)) {
            archive = file;
        }
    }

    private static ProgramRun start(Path dumpTo, Path dataDir, Path logs, String name, String... args) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        // Small, quick JVMs: the machine is shared, and the harness starts hundreds of them.
        command.addAll(List.of("-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-Xss1m", "-Dfile.encoding=UTF-8",
                "-Djava.awt.headless=true", "-Xlog:cds=off", "-Xlog:cds+dynamic=off"));
        Path archive = ProgramRun.archive;
        if (dumpTo != null) {
            command.add("-XX:ArchiveClassesAtExit=" + dumpTo);
        } else if (archive != null) {
            command.add("-XX:SharedArchiveFile=" + archive);
        }
        command.add("-cp");
        command.add(classPath());
        command.add("vn.ytcs.app.Launcher");
        command.add("--data-dir");
        command.add(dataDir.toString());
        command.addAll(List.of(args));
        try {
            Files.createDirectories(logs);
            Path out = logs.resolve(name + ".out");
            Path err = logs.resolve(name + ".err");
            ProcessBuilder builder = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile());
            builder.environment().remove("YTCS_DATA_DIR");
            builder.environment().put("YTCS_LANG", "en");
            long t0 = System.nanoTime();
            return new ProgramRun(builder.start(), t0, out, err);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The child's class path; {@link #packClassPath} replaces its folders with jars. */
    private static volatile String classPath = testClassPath();

    /** Surefire keeps the real class path here when it starts tests through a manifest-only jar. */
    private static String testClassPath() {
        String surefire = System.getProperty("surefire.test.class.path");
        return surefire != null && !surefire.isBlank() ? surefire : System.getProperty("java.class.path");
    }

    static String classPath() {
        return classPath;
    }

    /**
     * Packs the class folders of the class path (target/classes of app, sync and core) into jars in the given folder
     * and runs the children from those: a class-data archive can only be made from jars. Test classes are left out.
     */
    static synchronized void packClassPath(Path folder) {
        List<String> entries = new ArrayList<>();
        int n = 0;
        try {
            Files.createDirectories(folder);
            for (String entry : testClassPath().split(java.io.File.pathSeparator)) {
                Path p = Path.of(entry);
                if (!Files.isDirectory(p)) {
                    entries.add(entry);
                } else if (!p.getFileName().toString().equals("test-classes")) {
                    Path jar = folder.resolve("classes-" + n++ + ".jar");
                    jar(p, jar);
                    entries.add(jar.toString());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        classPath = String.join(java.io.File.pathSeparator, entries);
    }

    private static void jar(Path dir, Path jar) throws IOException {
        try (var out = new java.util.jar.JarOutputStream(Files.newOutputStream(jar));
             var files = Files.walk(dir)) {
            out.setLevel(java.util.zip.Deflater.BEST_SPEED);
            for (Path p : (Iterable<Path>) files.sorted()::iterator) {
                if (p.equals(dir)) {
                    continue;
                }
                String name = dir.relativize(p).toString().replace(java.io.File.separatorChar, '/');
                boolean folder = Files.isDirectory(p);
                out.putNextEntry(new java.util.jar.JarEntry(folder ? name + "/" : name));
                if (!folder) {
                    Files.copy(p, out);
                }
                out.closeEntry();
            }
        }
    }

    long elapsedMillis() {
        return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
    }

    /** Lets it run to its end; the observer is called at every poll (to note when files appear). */
    Outcome finish(BooleanSupplier observer) {
        return watch(observer, -1, -1);
    }

    /**
     * Kills it {@code delayMillis} after its start unless it ends first, noting whether the moment (a file appearing)
     * came before the kill.
     */
    Outcome killAfter(long delayMillis, BooleanSupplier moment) {
        return watch(moment, -1, delayMillis);
    }

    /**
     * Watches for a moment (a file appearing), polling every quarter millisecond, and kills the program
     * {@code delayNanos} after it is seen (0: at once). When the program ends by itself first, it is not killed.
     */
    Outcome killAtMoment(BooleanSupplier moment, long delayNanos) {
        return watch(moment, delayNanos, -1);
    }

    /** The moment is always watched; it brings the kill forward only when {@code delayNanos >= 0}. */
    private Outcome watch(BooleanSupplier moment, long delayNanos, long deadlineMillis) {
        long seen = -1;
        long killAt = deadlineMillis >= 0 ? started + TimeUnit.MILLISECONDS.toNanos(deadlineMillis) : Long.MAX_VALUE;
        long hang = started + TimeUnit.MILLISECONDS.toNanos(TIMEOUT_MILLIS);
        while (true) {
            long now = System.nanoTime();
            if (seen < 0 && moment.getAsBoolean()) {
                seen = now;
                if (delayNanos >= 0) {
                    killAt = Math.min(killAt, now + delayNanos);
                }
            }
            if (now >= killAt) {
                kill();
                return outcome(seen >= 0 ? End.KILLED_AFTER : End.KILLED_BEFORE, seen, now);
            }
            if (!process.isAlive()) {
                return outcome(End.COMPLETED, seen, -1);
            }
            if (now >= hang) {
                kill();
                throw new AssertionError("the program did not end within " + TIMEOUT_MILLIS + " ms: " + read(errFile));
            }
            LockSupport.parkNanos(POLL_NANOS);
        }
    }

    private void kill() {
        process.destroyForcibly();
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                throw new AssertionError("a killed program did not end");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    private Outcome outcome(End end, long seenNanos, long killNanos) {
        try {
            process.waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
        long total = System.nanoTime() - started;
        return new Outcome(end, process.exitValue(), seenNanos < 0 ? -1 : TimeUnit.NANOSECONDS.toMillis(seenNanos - started),
                killNanos < 0 ? -1 : TimeUnit.NANOSECONDS.toMillis(killNanos - started), TimeUnit.NANOSECONDS.toMillis(total),
                read(outFile), read(errFile));
    }

    private static String read(Path file) {
        try {
            return Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : "";
        } catch (IOException e) {
            return "(unreadable: " + e + ")";
        }
    }
}
