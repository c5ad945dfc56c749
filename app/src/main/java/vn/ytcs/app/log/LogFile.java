// SPDX-License-Identifier: Apache-2.0
package vn.ytcs.app.log;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.rolling.FixedWindowRollingPolicy;
import ch.qos.logback.core.rolling.RollingFileAppender;
import ch.qos.logback.core.rolling.SizeBasedTriggeringPolicy;
import ch.qos.logback.core.util.FileSize;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.slf4j.LoggerFactory;

/**
 * The log of a data folder: {@code <data>/logs/ytcs.log}, rolled over at {@value #MAX_SIZE_MB} MB
 * keeping {@value #KEPT} older files. The user reads plain words on the screen or the command line;
 * this file keeps the details (stack traces) for whoever helps them. Nothing is ever logged to
 * the console: the command line's output is read by scripts and tests.
 */
public final class LogFile {

    /** The appender's name, so that a second call for the same folder is recognised. */
    private static final String APPENDER = "ytcs-file";
    /** The file's name without ".log"; the older files add their number. */
    private static final String NAME = "ytcs";
    static final int MAX_SIZE_MB = 5;
    static final int KEPT = 5;

    private LogFile() {
    }

    /** Where the log of a data folder is. */
    public static Path of(Path dataDir) {
        return dataDir.resolve("logs").resolve(NAME + ".log");
    }

    /**
     * Sends the log to this data folder's file from now on (until then, {@link QuietStart} logs nowhere).
     * Calling it again for another folder moves the log there; for the same folder it does nothing.
     */
    public static synchronized void writeTo(Path dataDir) {
        if (!(LoggerFactory.getILoggerFactory() instanceof LoggerContext context)) {
            return; // another SLF4J binding (a developer's classpath): leave it be
        }
        Path file = of(dataDir).toAbsolutePath();
        Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
        if (root.getAppender(APPENDER) instanceof RollingFileAppender<ILoggingEvent> current) {
            if (Path.of(current.getFile()).equals(file)) {
                return;
            }
            root.detachAppender(current);
            current.stop();
        }

        PatternLayoutEncoder encoder = new PatternLayoutEncoder();
        encoder.setContext(context);
        encoder.setCharset(StandardCharsets.UTF_8);
        encoder.setPattern("%d{yyyy-MM-dd HH:mm:ss.SSS} %-5level [%thread] %logger{36} - %msg%n");
        encoder.start();

        RollingFileAppender<ILoggingEvent> appender = new RollingFileAppender<>();
        appender.setContext(context);
        appender.setName(APPENDER);
        appender.setFile(file.toString());
        appender.setEncoder(encoder);

        FixedWindowRollingPolicy rolling = new FixedWindowRollingPolicy();
        rolling.setContext(context);
        rolling.setParent(appender);
        rolling.setFileNamePattern(file.resolveSibling(NAME + ".%i.log").toString());
        rolling.setMinIndex(1);
        rolling.setMaxIndex(KEPT);
        rolling.start();

        SizeBasedTriggeringPolicy<ILoggingEvent> trigger = new SizeBasedTriggeringPolicy<>();
        trigger.setContext(context);
        trigger.setMaxFileSize(FileSize.valueOf(MAX_SIZE_MB + "MB"));
        // Logback looks at the size once a minute by default; this program logs little, so look more often.
        trigger.setCheckIncrement(ch.qos.logback.core.util.Duration.buildBySeconds(1));
        trigger.start();

        appender.setRollingPolicy(rolling);
        appender.setTriggeringPolicy(trigger);
        appender.start();
        root.addAppender(appender);
    }
}
