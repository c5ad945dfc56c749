// SPDX-License-Identifier: Apache-2.0
package vn.ytcs.app.cli;

import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import picocli.CommandLine;
import picocli.CommandLine.ParameterException;
import vn.ytcs.app.i18n.StoreMessages;
import vn.ytcs.app.i18n.Messages;
import vn.ytcs.app.i18n.ScoreTexts;
import vn.ytcs.app.i18n.SyncTexts;
import vn.ytcs.core.json.DocumentException;
import vn.ytcs.sync.pack.PackageRefused;
import vn.ytcs.core.store.StoreException;

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
        cli.setParameterExceptionHandler((ParameterException e, String[] a) -> {
            errWriter.println(messages.get("cli.error.usage", usageProblem(e, messages)));
            return REFUSED;
        });
        cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            errWriter.println(describe(e, messages));
            return e instanceof CliFailure || e instanceof DocumentException || e instanceof PackageRefused
                    || e instanceof StoreException s && StoreMessages.isRefusal(s) ? REFUSED : FAILED;
        });
        try {
            return cli.execute(args);
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
        if (e.getValue() != null && e.getArgSpec() instanceof CommandLine.Model.OptionSpec o) {
            return messages.get("cli.error.badValue", e.getValue(), o.longestName(), o.paramLabel());
        }
        return e.getMessage();
    }

    private static String describe(Exception e, Messages messages) {
        if (e instanceof CliFailure) {
            return e.getMessage();
        }
        if (e instanceof StoreException s) {
            return StoreMessages.describe(s, messages);
        }
        if (e instanceof DocumentException d) {
            return new ScoreTexts(messages).document(d);
        }
        if (e instanceof PackageRefused p) {
            return SyncTexts.refused(p, messages);
        }
        return messages.get("error.unexpected", String.valueOf(e.getMessage()));
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
