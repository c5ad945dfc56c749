// SPDX-License-Identifier: Apache-2.0
package vn.ytcs.app.log;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.ytcs.app.cli.Cli;

/** The log file of a real data folder, through SLF4J and Logback as the program uses them. */
class LogFileTest {

    private static final Logger LOG = LoggerFactory.getLogger(LogFileTest.class);

    @TempDir
    Path dir;

    @Test
    void anErrorIsWrittenWithItsStackTrace() throws Exception {
        LogFile.writeTo(dir);
        LOG.error("Import of {} failed", "district-7.ytcs.json", new IllegalStateException("checksum of the payload"));
        String log = Files.readString(LogFile.of(dir), StandardCharsets.UTF_8);
        assertTrue(log.contains("ERROR"), log);
        assertTrue(log.contains("Import of district-7.ytcs.json failed"), log);
        assertTrue(log.contains("java.lang.IllegalStateException: checksum of the payload"), log);
        assertTrue(log.contains("\tat vn.ytcs.app.log.LogFileTest.anErrorIsWrittenWithItsStackTrace"), "the stack trace: " + log);
    }

    @Test
    void theFileRollsOverAndKeepsAFewOldOnes() throws Exception {
        LogFile.writeTo(dir);
        String line = "x".repeat(1000);
        // Past the limit, then a line after the size is next looked at (once a second).
        for (int i = 0; i < 2 * LogFile.MAX_SIZE_MB * 1024; i++) {
            LOG.info("{} {}", i, line);
        }
        Thread.sleep(1100);
        LOG.info("after the limit");
        Path logs = LogFile.of(dir).getParent();
        assertTrue(Files.exists(logs.resolve("ytcs.1.log")), "rolled over");
        assertTrue(Files.readString(LogFile.of(dir)).contains("after the limit"), "a fresh file goes on");
        assertTrue(Files.size(LogFile.of(dir)) < LogFile.MAX_SIZE_MB * 1024 * 1024);
        try (var files = Files.list(logs)) {
            assertTrue(files.count() <= LogFile.KEPT + 1);
        }
    }

    @Test
    void theCommandLinePrintsNoLogLinesAndLogsTheStoreOpening() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = Cli.run(new String[] {"units", "--data-dir", dir.toString(), "--lang", "en"},
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        assertEquals(Cli.OK, code, err.toString(StandardCharsets.UTF_8));
        String printed = out.toString(StandardCharsets.UTF_8) + err.toString(StandardCharsets.UTF_8);
        assertFalse(printed.contains("INFO") || printed.contains("Store open") || printed.contains("flyway"), printed);
        assertTrue(Files.readString(LogFile.of(dir)).contains("Store open at " + dir), "the log keeps what the screen does not");
    }

    @Test
    void aSecondFolderTakesTheLogOver() throws Exception {
        Path other = Files.createDirectories(dir.resolve("other"));
        LogFile.writeTo(dir);
        LogFile.writeTo(dir);
        LOG.info("first folder");
        LogFile.writeTo(other);
        LOG.info("second folder");
        assertTrue(Files.readString(LogFile.of(dir)).contains("first folder"));
        assertFalse(Files.readString(LogFile.of(dir)).contains("second folder"));
        assertTrue(Files.readString(LogFile.of(other)).contains("second folder"));
    }
}
