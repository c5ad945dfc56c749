// SPDX-License-Identifier: Apache-2.0
package vn.ytcs.core.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where a database's schema stands against the migrations this YTCS carries, read from Flyway's
 * history table with one query: what Flyway's own {@code info()} tells about it, without
 * starting Flyway (half a second of a read-only command's start). Flyway runs only to migrate.
 */
final class SchemaProbe {

    /** The migrations' folder on the class path, as Flyway is configured. */
    static final String LOCATION = "db/migration";

    private static final String HISTORY = "flyway_schema_history";
    private static final Pattern MIGRATION = Pattern.compile("V([0-9][0-9._]*)__.*\\.sql");

    enum State {
        /** Every migration this YTCS carries is applied, and none it does not know. */
        CURRENT,
        /** A migration is missing or failed: migrating repairs or restores it. */
        PENDING,
        /** A migration newer than any this YTCS carries was applied: a newer YTCS wrote it. */
        NEWER
    }

    private static volatile List<List<BigInteger>> known;

    private SchemaProbe() {
    }

    /** Reads the state; the connection may be read-only. */
    static State of(Connection c) throws SQLException {
        try (PreparedStatement st = c.prepareStatement(
                "SELECT COUNT(*) FROM INFORMATION_SCHEMA.TABLES WHERE TABLE_SCHEMA = SCHEMA() AND TABLE_NAME = ?")) {
            st.setString(1, HISTORY);
            try (ResultSet rs = st.executeQuery()) {
                if (!rs.next() || rs.getInt(1) == 0) {
                    return State.PENDING;
                }
            }
        }
        List<List<BigInteger>> versions = known();
        List<BigInteger> latest = versions.get(versions.size() - 1);
        Set<List<BigInteger>> applied = new HashSet<>();
        boolean failed = false;
        try (Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT \"version\", \"success\" FROM \"" + HISTORY + "\"")) {
            while (rs.next()) {
                String version = rs.getString(1);
                if (version == null) {
                    // The history table's own creation, not a migration.
                    continue;
                }
                List<BigInteger> v = parse(version);
                if (ORDER.compare(v, latest) > 0) {
                    return State.NEWER;
                }
                if (rs.getBoolean(2)) {
                    applied.add(v);
                } else {
                    failed = true;
                }
            }
        }
        return failed || !applied.containsAll(versions) ? State.PENDING : State.CURRENT;
    }

    /** The versions of the migrations on the class path, oldest first. */
    static List<List<BigInteger>> known() {
        if (known == null) {
            known = scan();
        }
        return known;
    }

    private static List<List<BigInteger>> scan() {
        List<String> names = new ArrayList<>();
        try {
            var urls = SchemaProbe.class.getClassLoader().getResources(LOCATION);
            while (urls.hasMoreElements()) {
                URL url = urls.nextElement();
                if (url.getProtocol().equals("jar")) {
                    JarURLConnection jar = (JarURLConnection) url.openConnection();
                    jar.setUseCaches(false);
                    try (var file = jar.getJarFile()) {
                        file.stream().map(e -> e.getName()).filter(n -> n.startsWith(LOCATION + "/"))
                                .map(n -> n.substring(LOCATION.length() + 1)).forEach(names::add);
                    }
                } else {
                    try (var files = Files.list(Path.of(url.toURI()))) {
                        files.map(f -> f.getFileName().toString()).forEach(names::add);
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
        List<List<BigInteger>> versions = new ArrayList<>();
        for (String name : names) {
            Matcher m = MIGRATION.matcher(name);
            if (m.matches()) {
                versions.add(parse(m.group(1)));
            }
        }
        if (versions.isEmpty()) {
            throw new IllegalStateException("no migrations in " + LOCATION);
        }
        versions.sort(ORDER);
        return List.copyOf(versions);
    }

    /** A version as Flyway reads it: numbers separated by dots or underscores. */
    static List<BigInteger> parse(String version) {
        List<BigInteger> parts = new ArrayList<>();
        for (String p : version.split("[._]")) {
            parts.add(new BigInteger(p));
        }
        // 1.0 is 1: trailing zeros do not make another version.
        while (parts.size() > 1 && parts.get(parts.size() - 1).signum() == 0) {
            parts.remove(parts.size() - 1);
        }
        return List.copyOf(parts);
    }

    static final Comparator<List<BigInteger>> ORDER = (a, b) -> {
        for (int i = 0; i < Math.max(a.size(), b.size()); i++) {
            BigInteger x = i < a.size() ? a.get(i) : BigInteger.ZERO;
            BigInteger y = i < b.size() ? b.get(i) : BigInteger.ZERO;
            int c = x.compareTo(y);
            if (c != 0) {
                return c;
            }
        }
        return 0;
    };
}
