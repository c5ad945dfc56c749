// SPDX-License-Identifier: Apache-2.0
package vn.ytcs.core.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SafeFilesTest {

    @TempDir
    Path stick;

    private List<String> names() throws IOException {
        try (Stream<Path> files = Files.list(stick)) {
            return files.map(f -> f.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void aWriteThatFailsLeavesNothingAndWhatAKilledWriteLeftIsRemovedByTheNext() throws Exception {
        assertThrows(IOException.class, () -> SafeFiles.write(stick.resolve("a.ytcs.json"), out -> {
            out.write("{\"half".getBytes(StandardCharsets.UTF_8));
            throw new IOException("stick pulled out");
        }));
        assertEquals(List.of(), names(), "no half file, no temporary file");

        // A killed export leaves its temporary file: named so that a user sees what it is.
        Path leftover = stick.resolve(SafeFiles.UNFINISHED_PREFIX + "b.ytcs.json.123.tmp");
        Files.writeString(leftover, "{\"half");
        SafeFiles.write(stick.resolve("c.ytcs.json"), out -> out.write("{}".getBytes(StandardCharsets.UTF_8)));
        assertFalse(Files.exists(leftover));
        assertEquals(List.of("c.ytcs.json"), names());
        assertEquals("{}", Files.readString(stick.resolve("c.ytcs.json")));
    }
}
