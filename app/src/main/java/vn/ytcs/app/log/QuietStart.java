// SPDX-License-Identifier: Apache-2.0
package vn.ytcs.app.log;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.Configurator;
import ch.qos.logback.core.spi.ContextAwareBase;
import ch.qos.logback.core.status.NopStatusListener;

/**
 * Logback's start, in code rather than an XML file (reading one costs a read-only command a
 * fifth of a second): no appender until {@link LogFile} knows the data folder, never the console
 * (scripts and tests read the command line's output), libraries only when they warn.
 */
public final class QuietStart extends ContextAwareBase implements Configurator {

    @Override
    public ExecutionStatus configure(LoggerContext context) {
        context.getStatusManager().add(new NopStatusListener());
        context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME).setLevel(Level.INFO);
        for (String library : new String[] {"org.jooq", "com.networknt", "com.zaxxer"}) {
            context.getLogger(library).setLevel(Level.WARN);
        }
        return ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY;
    }
}
