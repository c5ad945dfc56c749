// SPDX-License-Identifier: Apache-2.0
package vn.ytcs.app.cli;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Runs the command line in-process on a data folder and keeps what it printed. */
final class CliRunner {

    record Result(int code, String out, String err) {
    }

    private CliRunner() {
    }

    static Result run(Path dataDir, String... args) {
        List<String> all = new ArrayList<>(List.of("--data-dir", dataDir.toString()));
        all.addAll(List.of(args));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = Cli.run(all.toArray(String[]::new), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Result(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    /**
     * The text of one column of the first table in the output, its wrapped lines joined by spaces:
     * columns start where the header's words do, after the two spaces that part columns.
     */
    static String column(String out, int index) {
        List<String> lines = out.lines().toList();
        int dashes = 0;
        while (!lines.get(dashes).startsWith("---")) {
            dashes++;
        }
        // The header's first line has a word at every column's start; its wrapped lines and the title above have fewer.
        List<Integer> starts = List.of();
        for (int h = Math.max(0, dashes - 4); h < dashes; h++) {
            int[] head = lines.get(h).codePoints().toArray();
            List<Integer> found = new ArrayList<>(List.of(0));
            for (int i = 2; i < head.length; i++) {
                if (head[i - 1] == ' ' && head[i - 2] == ' ' && head[i] != ' ') {
                    found.add(i);
                }
            }
            starts = found.size() > starts.size() ? found : starts;
        }
        StringBuilder text = new StringBuilder();
        for (String line : lines.subList(dashes + 1, lines.size())) {
            if (line.isBlank()) {
                break;
            }
            int[] cps = line.codePoints().toArray();
            int from = Math.min(starts.get(index), cps.length);
            int to = index + 1 < starts.size() ? Math.min(starts.get(index + 1), cps.length) : cps.length;
            text.append(' ').append(new String(cps, from, to - from).strip());
        }
        return text.toString().replaceAll("\\s+", " ");
    }
}
