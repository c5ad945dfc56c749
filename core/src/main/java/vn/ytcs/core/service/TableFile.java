// SPDX-License-Identifier: Apache-2.0
package vn.ytcs.core.service;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * A CSV file of an office (a unit list, a succession mapping) as rows of named values: the header
 * names the columns (any order, any case, a byte-order mark ignored), values are stripped, rows are
 * numbered as a spreadsheet shows them (the header is row 1).
 */
public final class TableFile {

    /** What is wrong with a row of an office's file, one value per sentence the user may see. */
    public enum Kind {
        /** The file cannot be read as CSV (the detail says why). */
        UNREADABLE,
        /** A required column is not in the header: the column. */
        MISSING_COLUMN,
        /** A required value is empty. */
        EMPTY,
        /** Not a date YYYY-MM-DD. */
        BAD_DATE,
        /** No commune had this code the day before the reorganisation. */
        UNKNOWN_CODE,
        /** The name does not match the commune of the code (after NFC and tone marks): detail is the register's name. */
        NAME_MISMATCH,
        /** The commune is mapped twice on the day: detail is the other new code (a split, not supported yet). */
        MAPPED_TWICE,
        /** The codes go round in a circle on the day: detail is the circle. */
        CYCLE,
        /** Another unit has the code on a day the new one would: detail is its name. */
        OVERLAP,
        /** None of the communes going into the new one has a station left to take their staff. */
        NO_STATION,
        /** The type is not one of the unit types (or the name does not say it): the value. */
        UNKNOWN_TYPE,
        /** The parent code names no unit on the day, and none was given. */
        UNKNOWN_PARENT,
        /** The same unit has two names, or two days, in the file: detail is the other. */
        INCONSISTENT,
        /** The code is given twice in the file for overlapping days: detail is the other row. */
        DUPLICATE,
        /** The parent is not a level above (a commune under a commune): detail is the parent's name. */
        WRONG_LEVEL
    }

    /** A row, column and value that cannot be taken in (row 0: the file as a whole). */
    public record Problem(int row, String column, Kind kind, String value, String detail) {
    }

    /** Refused: every problem of the file, nothing changed. */
    public static final class Refused extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final transient Path file;
        private final transient List<Problem> problems;

        Refused(Path file, List<Problem> problems) {
            super(file + ": " + problems);
            this.file = file;
            this.problems = List.copyOf(problems);
        }

        public Path file() {
            return file;
        }

        public List<Problem> problems() {
            return problems;
        }
    }

    /** A row: its number and its values by lower-case column name ("" where empty or absent). */
    record Line(int row, Map<String, String> values) {
        String get(String column) {
            return values.getOrDefault(column, "");
        }

        /** Whether every one of the columns has a value; each empty one is a problem of its own. */
        boolean filled(List<String> columns, List<Problem> problems) {
            boolean ok = true;
            for (String c : columns) {
                if (get(c).isEmpty()) {
                    problems.add(new Problem(row, c, Kind.EMPTY, "", null));
                    ok = false;
                }
            }
            return ok;
        }

        /** The value, or null when empty. */
        String optional(String column) {
            String v = get(column);
            return v.isEmpty() ? null : v;
        }
    }

    /** The rows, and what is wrong with the file as a whole: unreadable (with why), or columns missing. */
    record Read(List<Line> lines, String unreadable, List<String> missing) {
    }

    private TableFile() {
    }

    static Read read(Path file, List<String> required) {
        CsvMapper csv = new CsvMapper().enable(CsvParser.Feature.TRIM_SPACES).enable(CsvParser.Feature.SKIP_EMPTY_LINES);
        List<Line> lines = new ArrayList<>();
        Set<String> header = new LinkedHashSet<>();
        try (InputStream in = Files.newInputStream(file);
             MappingIterator<Map<String, String>> it = csv.readerFor(Map.class)
                     .with(CsvSchema.emptySchema().withHeader()).readValues(in)) {
            int row = 1;
            while (it.hasNext()) {
                Map<String, String> raw = it.next();
                Map<String, String> v = new HashMap<>();
                raw.forEach((k, x) -> v.put(column(k), x == null ? "" : x.strip()));
                header.addAll(v.keySet());
                lines.add(new Line(++row, v));
            }
        } catch (IOException | RuntimeException e) {
            return new Read(List.of(), e.getMessage() == null ? e.toString() : e.getMessage(), List.of());
        }
        List<String> missing = lines.isEmpty() ? List.of()
                : required.stream().filter(c -> !header.contains(c)).toList();
        return new Read(List.copyOf(lines), null, missing);
    }

    private static String column(String name) {
        return name.replace("\uFEFF", "").strip().toLowerCase(Locale.ROOT);
    }
}
