// SPDX-License-Identifier: Apache-2.0
package vn.ytcs.app.window;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Folders where a USB stick is likely mounted, offered first when exporting. Java cannot ask
 * whether a drive is removable, so this follows each system's habits: drive letters other than
 * the system drive on Windows, /media, /run/media and /Volumes elsewhere.
 */
final class RemovableDrives {

    private RemovableDrives() {
    }

    static List<Path> find() {
        List<Path> out = new ArrayList<>();
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        if (os.contains("win")) {
            String system = System.getenv().getOrDefault("SystemDrive", "C:").toUpperCase(Locale.ROOT);
            for (File root : File.listRoots()) {
                if (!root.getPath().toUpperCase(Locale.ROOT).startsWith(system) && root.canWrite()) {
                    out.add(root.toPath());
                }
            }
            return out;
        }
        String user = System.getProperty("user.name", "");
        for (Path base : List.of(Path.of("/media", user), Path.of("/run/media", user), Path.of("/media"), Path.of("/Volumes"))) {
            if (Files.isDirectory(base)) {
                try (var children = Files.list(base)) {
                    children.filter(p -> Files.isDirectory(p) && Files.isWritable(p) && !out.contains(p)
                            && !p.equals(Path.of("/media", user))).forEach(out::add);
                } catch (java.io.IOException e) {
                    // an unreadable mount point is simply not offered
                }
            }
        }
        return out;
    }
}
