// SPDX-License-Identifier: Apache-2.0
package vn.ytcs.core.store;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

/** Where a user's data lives: the database, backups, keys and logs. */
public final class DataDirectory {

    /** Environment variable that overrides the default folder. */
    public static final String ENV = "YTCS_DATA_DIR";

    private DataDirectory() {
    }

    /**
     * The folder to use: the explicit one if given, else {@value #ENV}, else the per-user default
     * of the operating system.
     */
    public static Path resolve(Path explicit, Map<String, String> env, String osName, Path home) {
        if (explicit != null) {
            return explicit.toAbsolutePath();
        }
        String fromEnv = env.get(ENV);
        if (fromEnv != null && !fromEnv.isBlank()) {
            return Path.of(fromEnv).toAbsolutePath();
        }
        String os = osName.toLowerCase(Locale.ROOT);
        if (os.contains("win")) {
            String appData = env.get("APPDATA");
            return appData != null ? Path.of(appData, "YTCS") : home.resolve("AppData/Roaming/YTCS");
        }
        if (os.contains("mac")) {
            return home.resolve("Library/Application Support/YTCS");
        }
        String xdg = env.get("XDG_DATA_HOME");
        return (xdg != null && !xdg.isBlank() ? Path.of(xdg) : home.resolve(".local/share")).resolve("ytcs");
    }

    /** The folder for this process, from its environment. */
    public static Path resolve(Path explicit) {
        return resolve(explicit, System.getenv(), System.getProperty("os.name"), Path.of(System.getProperty("user.home")));
    }
}
