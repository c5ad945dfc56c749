// SPDX-License-Identifier: Apache-2.0
package vn.ytcs.app.cli;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import vn.ytcs.app.root.Ytcs;
import vn.ytcs.app.i18n.Messages;
import vn.ytcs.app.i18n.StoreMessages;
import vn.ytcs.app.window.WindowLauncher;

/** {@code ytcs [options] [command]}: with no command, opens the window. */
@Command(name = "ytcs", sortOptions = false, usageHelpAutoWidth = true,
        subcommands = {DemoCommand.class, UnitsCommand.class, StationsCommand.class, StaffCommand.class,
            ScoreCommand.class, TargetsCommand.class, CatalogCommand.class, SyncCommands.Export.class,
            SyncCommands.Import.class, SyncCommands.Conflicts.class, SyncCommands.SiteCmd.class,
            HamletCommands.Hamlets.class, HamletCommands.Worker.class, RegisterEdits.Figures.class,
            RegisterEdits.StationGroup.class, RegisterEdits.UnitGroup.class, AssessmentCommands.Answer.class,
            AssessmentCommands.AssessmentGroup.class, RegisterEdits.History.class, RegisterEdits.Settings.class,
            ReorganiseCommand.class})
public final class YtcsCommand implements Callable<Integer> {

    final Messages messages;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Option(names = "--data-dir", paramLabel = "DIR", descriptionKey = "cli.option.dataDir", scope = picocli.CommandLine.ScopeType.INHERIT)
    Path dataDir;

    @Option(names = "--lang", paramLabel = "vi|en", descriptionKey = "cli.option.lang", scope = picocli.CommandLine.ScopeType.INHERIT)
    String lang;

    @Option(names = "--as-of", paramLabel = "YYYY-MM-DD", descriptionKey = "cli.option.asOf", scope = picocli.CommandLine.ScopeType.INHERIT)
    LocalDate asOf;

    @Option(names = {"-h", "--help"}, usageHelp = true, descriptionKey = "cli.option.help", scope = picocli.CommandLine.ScopeType.INHERIT)
    boolean help;

    YtcsCommand(Messages messages) {
        this.messages = messages;
    }

    @Override
    public Integer call() {
        checkLanguage();
        // The window remembers the language last chosen in it; --lang or YTCS_LANG, when given, wins.
        boolean asked = lang != null || Messages.parseLanguage(System.getenv("YTCS_LANG")) != null;
        WindowLauncher.launch(Ytcs.dataDir(dataDir), asked ? messages.locale() : null);
        return Cli.WINDOW_CLOSED;
    }

    /** Opens the chosen data folder and its services; the caller closes it. */
    Ytcs open() {
        checkLanguage();
        Ytcs ytcs = Ytcs.open(Ytcs.dataDir(dataDir));
        ytcs.register().notices().forEach(n -> spec.commandLine().getErr().println(StoreMessages.notice(n, messages)));
        return ytcs;
    }

    /** The day to read the hierarchy at: --as-of, else the register's default for today. */
    LocalDate asOf(Ytcs ytcs) {
        return asOf != null ? asOf : ytcs.register().defaultAsOf(LocalDate.now());
    }

    /** A day as the user's language writes it. */
    String format(LocalDate day) {
        return new vn.ytcs.app.i18n.Formats(messages.locale()).date(day);
    }

    private void checkLanguage() {
        if (lang != null && Messages.parseLanguage(lang) == null) {
            throw new CliFailure(messages.get("cli.error.lang", lang));
        }
    }
}
