// SPDX-License-Identifier: Apache-2.0
package vn.ytcs.core.io;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

/**
 * Writes that never leave half a file: into a temporary file beside the target, flushed to the
 * device, then renamed over the target in one step. A stick pulled out (or a program killed)
 * mid-write leaves at most a temporary file named {@code YTCS-UNFINISHED-…}, so that a user who
 * sees it knows what it is; the next write into the same folder removes it.
 */
public final class SafeFiles {

    /** How temporary files begin: plain words on a Windows desktop, where hidden dot-files show. */
    public static final String UNFINISHED_PREFIX = "YTCS-UNFINISHED-";
    private static final String UNFINISHED_SUFFIX = ".tmp";

    /** What writes the content. */
    @FunctionalInterface
    public interface Content {
        void writeTo(OutputStream out) throws IOException;
    }

    private SafeFiles() {
    }

    public static void write(Path target, Content content) throws IOException {
        Path dir = target.toAbsolutePath().getParent();
        removeUnfinished(dir);
        Path temp = Files.createTempFile(dir, UNFINISHED_PREFIX + target.getFileName() + ".", UNFINISHED_SUFFIX);
        try {
            try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE);
                 OutputStream out = Channels.newOutputStream(channel)) {
                content.writeTo(out);
                out.flush();
                channel.force(true);
            }
            moveDurably(temp, target);
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    /**
     * Renames a complete file (already on the device) over the target in one step and makes the
     * rename itself durable where the platform allows it.
     */
    public static void moveDurably(Path source, Path target) throws IOException {
        try (FileChannel channel = FileChannel.open(source, StandardOpenOption.WRITE)) {
            channel.force(true);
        }
        try {
            Files.move(source, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(source, target, StandardCopyOption.REPLACE_EXISTING);
        }
        syncDirectory(target.toAbsolutePath().getParent());
    }

    /**
     * Removes what killed writes left in a folder. One YTCS writes into a folder at a time (one
     * process per data folder, and a stick is in one PC), so any such file is a leftover.
     */
    public static void removeUnfinished(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return;
        }
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir, UNFINISHED_PREFIX + "*" + UNFINISHED_SUFFIX)) {
            for (Path f : files) {
                Files.deleteIfExists(f);
            }
        }
    }

    /** Makes a rename durable where the platform allows it (not on Windows, where it is not needed). */
    private static void syncDirectory(Path dir) {
        try (FileChannel channel = FileChannel.open(dir, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException | UnsupportedOperationException e) {
            // Directories cannot be opened on every file system; the file itself is already on the device.
        }
    }
}
