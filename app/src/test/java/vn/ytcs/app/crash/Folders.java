// SPDX-License-Identifier: Apache-2.0
package vn.ytcs.app.crash;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipInputStream;

/** The files the crash harness looks at: packages on a stick, backups, whole data folders to copy and delete. */
final class Folders {

    private Folders() {
    }

    /** Finished packages in a folder (not the temporary files beside them). */
    static List<Path> packages(Path folder) {
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(p -> {
                String n = p.getFileName().toString();
                return !n.startsWith(".") && (n.endsWith(".ytcs.json") || n.endsWith(".ytcs.json.gz"));
            }).sorted().toList();
        } catch (IOException e) {
            return List.of();
        }
    }

    static Set<String> names(Path folder) {
        try (Stream<Path> files = Files.list(folder)) {
            return files.map(p -> p.getFileName().toString()).collect(Collectors.toSet());
        } catch (IOException e) {
            return Set.of();
        }
    }

    /**
     * Every zip in backups/ must open, read through (entries and their checksums) and hold a database. Other files (a
     * backup being written under a temporary name) may remain after a kill.
     */
    static List<String> badBackups(Path backups) {
        List<String> bad = new ArrayList<>();
        for (String name : new TreeSet<>(names(backups))) {
            Path file = backups.resolve(name);
            if (name.toLowerCase(Locale.ROOT).endsWith(".zip")) {
                String problem = zipProblem(file);
                if (problem != null) {
                    bad.add("a damaged zip remains in backups/: " + name + " (" + size(file) + " bytes, " + problem + ")");
                }
            }
        }
        return bad;
    }

    /** How many zips backups/ holds, and how many of them are whole. */
    static String backupsLabel(Path backups) {
        Set<String> all = names(backups);
        long zips = all.stream().filter(n -> n.endsWith(".zip")).count();
        long whole = all.stream().filter(n -> n.endsWith(".zip") && validZip(backups.resolve(n))).count();
        return "after the kill: " + zips + " zip(s) in backups/, " + whole + " whole"
                + (all.size() > zips ? ", " + (all.size() - zips) + " other file(s)" : "");
    }

    /** Cheap enough to poll: the zip's central directory is there (it is written last). */
    static boolean zipOpens(Path file) {
        try (ZipFile zip = new ZipFile(file.toFile())) {
            return zip.size() >= 0;
        } catch (IOException e) {
            return false;
        }
    }

    static boolean validZip(Path file) {
        return zipProblem(file) == null;
    }

    private static String zipProblem(Path file) {
        try (ZipFile zip = new ZipFile(file.toFile())) {
            if (zip.stream().noneMatch(e -> e.getName().endsWith(".mv.db"))) {
                return "no database inside";
            }
        } catch (IOException e) {
            return e.getMessage();
        }
        try (ZipInputStream in = new ZipInputStream(Files.newInputStream(file))) {
            byte[] buffer = new byte[1 << 16];
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                while (in.read(buffer) >= 0) {
                    // reading through checks each entry's CRC
                }
            }
        } catch (IOException e) {
            return e.getMessage();
        }
        return null;
    }

    private static long size(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            return -1;
        }
    }

    static void copy(Path from, Path to) {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path p : (Iterable<Path>) files::iterator) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void delete(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : (Iterable<Path>) files.sorted(Comparator.reverseOrder())::iterator) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
