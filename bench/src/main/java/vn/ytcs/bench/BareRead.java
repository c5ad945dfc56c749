// SPDX-License-Identifier: Apache-2.0
package vn.ytcs.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * The baseline of {@link StartupBenchmark}: a JVM with H2 alone on its class path opens the data
 * folder's database read-only and prints the units {@code ytcs units} prints. Nothing from YTCS.
 */
public final class BareRead {

    private BareRead() {
    }

    /** Arguments: the data folder, the day (YYYY-MM-DD). */
    public static void main(String[] args) throws SQLException {
        String url = "jdbc:h2:file:" + java.nio.file.Path.of(args[0]).resolve("ytcs").toAbsolutePath()
                + ";DB_CLOSE_ON_EXIT=FALSE;ACCESS_MODE_DATA=r";
        StringBuilder out = new StringBuilder();
        try (Connection c = DriverManager.getConnection(url, "ytcs", "");
             PreparedStatement st = c.prepareStatement("SELECT * FROM ADMIN_UNIT WHERE DELETED = FALSE AND VALID_FROM <= ?"
                     + " AND (VALID_TO IS NULL OR VALID_TO > ?)")) {
            java.sql.Date day = java.sql.Date.valueOf(args[1]);
            st.setDate(1, day);
            st.setDate(2, day);
            try (ResultSet rs = st.executeQuery()) {
                int columns = rs.getMetaData().getColumnCount();
                while (rs.next()) {
                    for (int i = 1; i <= columns; i++) {
                        rs.getObject(i);
                    }
                    out.append(rs.getString("NAME")).append("  [").append(rs.getString("CODE")).append("]\n");
                }
            }
        }
        System.out.print(out);
    }
}
