// SPDX-License-Identifier: Apache-2.0
package vn.ytcs.app.cli;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import vn.ytcs.app.i18n.Messages;
import vn.ytcs.app.window.WindowLauncher;
import vn.ytcs.core.store.DataDirectory;
import vn.ytcs.core.store.Store;

/** {@code ytcs [options] [command]}: with no command, opens the window. */
@Command(name = "ytcs", sortOptions = false, usageHelpAutoWidth = true,
        subcommands = {DemoCommand.class, UnitsCommand.class, StationsCommand.class, StaffCommand.class,
            ScoreCommand.class, TargetsCommand.class, CatalogCommand.class, SyncCommands.Export.class,
            SyncCommands.Import.class, SyncCommands.Conflicts.class, SyncCommands.SiteCmd.class})
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
        WindowLauncher.launch(DataDirectory.resolve(dataDir), messages.locale());
        return Cli.WINDOW_CLOSED;
    }

    /** Opens the store of the chosen data folder; the caller closes it. */
    Store openStore() {
        checkLanguage();
        Store store = Store.open(DataDirectory.resolve(dataDir));
        store.notices().forEach(n -> spec.commandLine().getErr().println(vn.ytcs.app.i18n.StoreMessages.notice(n, messages)));
        return store;
    }

    /** The day to read the hierarchy at: --as-of, else the store's default for today. */
    LocalDate asOf(Store store) {
        return asOf != null ? asOf : store.units().defaultAsOf(LocalDate.now());
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
