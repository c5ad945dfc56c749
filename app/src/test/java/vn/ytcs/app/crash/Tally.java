// SPDX-License-Identifier: Apache-2.0
package vn.ytcs.app.crash;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;

/**
 * Counts one crash scenario's trials: how they ended, what the folders held after them and what failed; prints the
 * summary line and fails the scenario when any trial broke an invariant. A trial's folder is deleted once counted (kept
 * first, with {@code -Dytcs.crash.keep}, when it failed).
 */
final class Tally {

    final String scenario;
    final String moment;
    final int planned;
    final long started = System.nanoTime();
    long mark = started;
    final Map<ProgramRun.End, Integer> ends = new EnumMap<>(ProgramRun.End.class);
    final Map<String, Integer> states = new TreeMap<>();
    final Map<String, Integer> failures = new TreeMap<>();
    final List<String> examples = new ArrayList<>();
    final List<String> notes = new ArrayList<>();
    int trials;
    int failed;
    int kept;

    Tally(String scenario, String moment, int planned) {
        this.scenario = scenario;
        this.moment = moment;
        this.planned = planned;
    }

    /** A line printed under the summary; also starts the clock of the first trial. */
    void note(String note) {
        notes.add(note);
        mark = System.nanoTime();
    }

    void record(int i, String how, ProgramRun.Outcome o, List<String> stateLabels, Collection<String> failureTexts,
                Path trial) {
        trials++;
        ends.merge(o.end(), 1, Integer::sum);
        new HashSet<>(stateLabels).forEach(s -> states.merge(s, 1, Integer::sum));
        Set<String> kinds = new TreeSet<>();
        for (String text : failureTexts) {
            int colon = text.indexOf(':');
            kinds.add(colon < 0 ? text : text.substring(0, colon));
        }
        kinds.forEach(k -> failures.merge(k, 1, Integer::sum));
        long now = System.nanoTime();
        if (CrashHarnessTest.VERBOSE) {
            System.out.println("  " + scenario + " trial " + i + " (" + how + ", " + o.describe() + ", trial "
                    + TimeUnit.NANOSECONDS.toMillis(now - mark) + " ms): " + stateLabels
                    + (failureTexts.isEmpty() ? "" : " FAILED " + failureTexts));
        }
        mark = now;
        if (!failureTexts.isEmpty()) {
            failed++;
            if (examples.size() < 8) {
                examples.add("trial " + i + " (" + how + ", " + o.describe() + "): " + String.join("; ", failureTexts));
            }
            keep(trial);
        }
        Folders.delete(trial);
    }

    private void keep(Path trial) {
        if (CrashHarnessTest.KEEP != null && kept < 3) {
            kept++;
            Folders.copy(trial, Path.of(CrashHarnessTest.KEEP).resolve(trial.getFileName()));
        }
    }

    void finish() {
        String line = "[crash] " + scenario + ": " + trials + " trials in "
                + TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - started) + " s (seed " + CrashHarnessTest.SEED + "); killed before "
                + moment + " " + ends.getOrDefault(ProgramRun.End.KILLED_BEFORE, 0) + ", after it "
                + ends.getOrDefault(ProgramRun.End.KILLED_AFTER, 0) + ", ran to the end "
                + ends.getOrDefault(ProgramRun.End.COMPLETED, 0) + "; states " + states + "; "
                + (failed == 0 ? "no failures" : "FAILED " + failed + "/" + trials + " " + failures);
        CrashHarnessTest.SUMMARY.add(line);
        notes.forEach(n -> CrashHarnessTest.SUMMARY.add("[crash]   " + n));
        examples.forEach(e -> CrashHarnessTest.SUMMARY.add("[crash]   " + e));
        System.out.println(line);
        notes.forEach(n -> System.out.println("  " + n));
        examples.forEach(e -> System.out.println("  " + e));
        assertEquals(planned, trials, "every planned trial ran");
        if (failed > 0) {
            fail(scenario + ": " + failed + " of " + trials + " trials broke an invariant " + failures + "\n"
                    + String.join("\n", examples));
        }
    }
}
