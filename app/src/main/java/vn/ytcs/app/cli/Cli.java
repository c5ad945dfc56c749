// SPDX-License-Identifier: Apache-2.0
package vn.ytcs.app.cli;

import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import picocli.CommandLine;
import picocli.CommandLine.ParameterException;
import vn.ytcs.app.i18n.Failures;
import vn.ytcs.app.i18n.Messages;

/** Runs the command line: one command and an exit code, or the window when no command is given. */
public final class Cli {

    public static final int OK = 0;
    /** Something unexpected failed; the message says what. */
    public static final int FAILED = 1;
    /** The input was refused; nothing was changed. */
    public static final int REFUSED = 2;
    /** The window was opened and closed again: the JVM ends by itself. */
    public static final int WINDOW_CLOSED = -1;

    private Cli() {
    }

    /** Runs the arguments; output and errors go to the given streams as UTF-8. */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        Messages messages = Messages.of(languageOf(args));
        PrintWriter outWriter = new PrintWriter(new java.io.OutputStreamWriter(out, StandardCharsets.UTF_8), true);
        PrintWriter errWriter = new PrintWriter(new java.io.OutputStreamWriter(err, StandardCharsets.UTF_8), true);
        CommandLine cli = new CommandLine(new YtcsCommand(messages));
        cli.setResourceBundle(messages.bundle());
        cli.setOut(outWriter);
        cli.setErr(errWriter);
        cli.setCaseInsensitiveEnumValuesAllowed(true);
        ValueWords.register(cli);
        ValueWords.listIn(cli, messages);
        cli.setParameterExceptionHandler((ParameterException e, String[] a) -> {
            errWriter.println(messages.get("cli.error.usage", usageProblem(e, messages)));
            return REFUSED;
        });
        // One line in the user's language, never a stack trace: picocli's own handler would print one.
        cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            errWriter.println(describe(e, messages));
            return e instanceof CliFailure || Failures.isRefusal(e) ? REFUSED : FAILED;
        });
        try {
            return cli.execute(args);
        } catch (RuntimeException | Error e) {
            // Not an Exception from a command (those reach the handler above): an Error, or a failure inside picocli.
            errWriter.println(describe(e, messages));
            return FAILED;
        } finally {
            outWriter.flush();
            errWriter.flush();
        }
    }

    /** Picocli's own messages are English: the common ones are said again in the user's language. */
    private static String usageProblem(ParameterException e, Messages messages) {
        if (e instanceof CommandLine.UnmatchedArgumentException u && !u.getUnmatched().isEmpty()) {
            return messages.get("cli.error.unknownArgument", u.getUnmatched().get(0));
        }
        if (e instanceof CommandLine.MissingParameterException missing && !missing.getMissing().isEmpty()
                && missing.getMissing().get(0) instanceof CommandLine.Model.OptionSpec o) {
            return messages.get("cli.error.missingValue", o.longestName());
        }
        if (e instanceof CommandLine.MissingParameterException missing && !missing.getMissing().isEmpty()
                && missing.getMissing().get(0) instanceof CommandLine.Model.PositionalParamSpec p) {
            return messages.get("cli.error.missingParameter", p.paramLabel());
        }
        if (e.getValue() != null && e.getArgSpec() instanceof CommandLine.Model.OptionSpec o) {
            ValueWords<?> words = ValueWords.of(o.type());
            return words != null ? messages.get("cli.error.badWord", e.getValue(), o.longestName(), words.firstWords())
                    : messages.get("cli.error.badValue", e.getValue(), o.longestName(), o.paramLabel());
        }
        return e.getMessage();
    }

    private static String describe(Throwable e, Messages messages) {
        return e instanceof CliFailure ? e.getMessage() : Failures.describe(e, messages);
    }

    /** The language must be known before parsing, so that parse errors are in it too. */
    private static Locale languageOf(String[] args) {
        for (int i = 0; i < args.length; i++) {
            String value = null;
            if (args[i].equals("--lang") && i + 1 < args.length) {
                value = args[i + 1];
            } else if (args[i].startsWith("--lang=")) {
                value = args[i].substring("--lang=".length());
            }
            Locale parsed = Messages.parseLanguage(value);
            if (parsed != null) {
                return parsed;
            }
        }
        Locale fromEnv = Messages.parseLanguage(System.getenv("YTCS_LANG"));
        return fromEnv != null ? fromEnv : Messages.VIETNAMESE;
    }
}
