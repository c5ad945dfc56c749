// SPDX-License-Identifier: Apache-2.0
package vn.ytcs.app.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import vn.ytcs.core.text.VietText;

/**
 * A plain text table with padded columns, for terminals: at most {@link #WIDTH} characters a
 * line, the widest columns wrapped at spaces when the cells would not fit otherwise. A word is
 * cut only when it is longer than half a line; a table whose words cannot fit is wider.
 */
final class TextTable {

    /** Longest cell shown; register texts are far shorter. */
    private static final int CELL_LENGTH = 1000;
    /** Widest line printed: a terminal or a printout of 100 columns shows it whole. */
    static final int WIDTH = 100;
    /** Narrowest a column is wrapped to; a column narrower than this by nature keeps its width. */
    private static final int NARROWEST = 10;
    private static final String GAP = "  ";

    private final List<String[]> rows = new ArrayList<>();

    TextTable(String... header) {
        rows.add(header);
    }

    void add(Object... cells) {
        String[] row = new String[cells.length];
        for (int i = 0; i < cells.length; i++) {
            // Cells show register text, some of it from other sites' packages: never a terminal control sequence.
            row[i] = cells[i] == null ? "" : VietText.printable(cells[i].toString(), CELL_LENGTH);
        }
        rows.add(row);
    }

    void print(PrintWriter out) {
        int[] width = widths();
        for (int r = 0; r < rows.size(); r++) {
            List<List<String>> cells = new ArrayList<>();
            int lines = 1;
            for (int i = 0; i < width.length; i++) {
                List<String> wrapped = wrap(rows.get(r)[i], width[i]);
                cells.add(wrapped);
                lines = Math.max(lines, wrapped.size());
            }
            for (int l = 0; l < lines; l++) {
                StringBuilder line = new StringBuilder();
                for (int i = 0; i < width.length; i++) {
                    String part = l < cells.get(i).size() ? cells.get(i).get(l) : "";
                    line.append(part);
                    if (i < width.length - 1) {
                        line.append(" ".repeat(width[i] - length(part))).append(GAP);
                    }
                }
                out.println(line.toString().stripTrailing());
            }
            if (r == 0) {
                int total = GAP.length() * (width.length - 1);
                for (int w : width) {
                    total += w;
                }
                out.println("-".repeat(total));
            }
        }
    }

    /**
     * Each column as wide as its widest cell or its header. When the line is too wide, a header
     * longer than its cells wraps first (to two lines or so, the table's rows stay one line
     * each), then the widest column is narrowed one character at a time until the line fits.
     */
    private int[] widths() {
        int columns = rows.get(0).length;
        int[] width = new int[columns];
        int[] body = new int[columns];
        int[] wrapped = new int[columns];
        for (int i = 0; i < columns; i++) {
            for (int r = 1; r < rows.size(); r++) {
                body[i] = Math.max(body[i], length(rows.get(r)[i]));
            }
            String header = rows.get(0)[i];
            int word = longestWord(header);
            width[i] = Math.max(body[i], length(header));
            wrapped[i] = Math.min(width[i], Math.max(body[i], Math.max(word, (length(header) + 1) / 2)));
        }
        int over = GAP.length() * (columns - 1) - WIDTH;
        for (int w : width) {
            over += w;
        }
        over = narrow(width, wrapped, over);
        // A word is not cut (a code, an id the user copies) unless it is longer than half a line.
        int[] narrowest = new int[columns];
        for (String[] row : rows) {
            for (int i = 0; i < columns; i++) {
                narrowest[i] = Math.max(narrowest[i], Math.min(WIDTH / 2, longestWord(row[i])));
            }
        }
        for (int i = 0; i < columns; i++) {
            narrowest[i] = Math.min(width[i], Math.max(NARROWEST, narrowest[i]));
        }
        narrow(width, narrowest, over);
        return width;
    }

    /** Narrows the widest column above its floor, one character at a time, while the line is over; returns what is left over. */
    private static int narrow(int[] width, int[] floor, int over) {
        while (over > 0) {
            int widest = -1;
            for (int i = 0; i < width.length; i++) {
                if (width[i] > floor[i] && (widest < 0 || width[i] > width[widest])) {
                    widest = i;
                }
            }
            if (widest < 0) {
                return over; // too many columns to fit: wider than WIDTH rather than unreadable
            }
            width[widest]--;
            over--;
        }
        return over;
    }

    /** The cell in lines of at most {@code width} characters, broken at spaces where it can be. */
    static List<String> wrap(String cell, int width) {
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (String word : cell.split(" +")) {
            while (length(word) > width) {
                if (line.length() > 0) {
                    lines.add(line.toString());
                    line.setLength(0);
                }
                int cut = word.offsetByCodePoints(0, width);
                lines.add(word.substring(0, cut));
                word = word.substring(cut);
            }
            if (line.length() > 0 && length(line.toString()) + 1 + length(word) > width) {
                lines.add(line.toString());
                line.setLength(0);
            }
            if (line.length() > 0) {
                line.append(' ');
            }
            line.append(word);
        }
        if (line.length() > 0 || lines.isEmpty()) {
            lines.add(line.toString());
        }
        return lines;
    }

    private static int longestWord(String s) {
        int longest = 0;
        for (String word : s.split(" +")) {
            longest = Math.max(longest, length(word));
        }
        return longest;
    }

    private static int length(String s) {
        return s.codePointCount(0, s.length());
    }
}
