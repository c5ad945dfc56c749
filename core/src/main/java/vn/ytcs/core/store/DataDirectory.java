// SPDX-License-Identifier: Apache-2.0
package vn.ytcs.core.store;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

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

    /** Folders YTCS keeps in a data folder. */
    private static final Set<String> OWN_FOLDERS = Set.of("backups", "keys", "receipts", "logs", "staging");
    private static final Set<PosixFilePermission> FOLDER = PosixFilePermissions.fromString("rwx------");
    private static final Set<PosixFilePermission> FILE = PosixFilePermissions.fromString("rw-------");

    /**
     * Makes a data folder private to its user where the file system has POSIX permissions: the
     * database files and the key file rw-------, the folders YTCS keeps in it rwx------, and the
     * folder itself rwx------ when it holds nothing but YTCS's own files (a folder named with
     * --data-dir that holds other things, such as a home folder, keeps its permissions). Symbolic
     * links are not followed. Best effort: a file system that refuses leaves the data as it was,
     * still usable.
     * <p>
     * On Windows nothing is done: the per-user AppData folder is already private to its user (its
     * access list grants only the user, SYSTEM and the administrators), and a folder chosen with
     * --data-dir keeps the access list it inherits, as its owner set it. Rewriting access lists
     * (AclFileAttributeView) could lock out the user's backup tools, so YTCS leaves them alone.
     */
    public static void secure(Path dataDir) {
        if (Files.getFileAttributeView(dataDir, PosixFileAttributeView.class, LinkOption.NOFOLLOW_LINKS) == null) {
            return;
        }
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(dataDir)) {
            boolean onlyOurs = true;
            for (Path entry : entries) {
                String name = entry.getFileName().toString();
                if (Files.isSymbolicLink(entry)) {
                    onlyOurs = false;
                } else if (OWN_FOLDERS.contains(name) && Files.isDirectory(entry, LinkOption.NOFOLLOW_LINKS)) {
                    restrict(entry, FOLDER);
                    if (name.equals("keys")) {
                        try (DirectoryStream<Path> keys = Files.newDirectoryStream(entry)) {
                            for (Path key : keys) {
                                if (Files.isRegularFile(key, LinkOption.NOFOLLOW_LINKS)) {
                                    restrict(key, FILE);
                                }
                            }
                        }
                    }
                } else if (isDatabaseFile(name) && Files.isRegularFile(entry, LinkOption.NOFOLLOW_LINKS)) {
                    restrict(entry, FILE);
                } else {
                    onlyOurs = false;
                }
            }
            if (onlyOurs) {
                restrict(dataDir, FOLDER);
            }
        } catch (IOException | UnsupportedOperationException | SecurityException e) {
            // Not ours to change (another owner, a file system without permissions): the data stays usable.
        }
    }

    /** The store's files: H2's ytcs.mv.db, ytcs.trace.db, ytcs.lock.db, its temporary ytcs.*.db, and the folder lock. */
    private static boolean isDatabaseFile(String name) {
        return name.equals(Store.LOCK_NAME)
                || name.startsWith(Store.DATABASE_NAME + ".") && (name.endsWith(".db") || name.endsWith(".tempFile"));
    }

    private static void restrict(Path path, Set<PosixFilePermission> permissions) throws IOException {
        PosixFileAttributeView view = Files.getFileAttributeView(path, PosixFileAttributeView.class, LinkOption.NOFOLLOW_LINKS);
        if (view != null && !view.readAttributes().permissions().equals(permissions)) {
            view.setPermissions(permissions);
        }
    }
}
