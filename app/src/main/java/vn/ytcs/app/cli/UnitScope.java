// SPDX-License-Identifier: Apache-2.0
package vn.ytcs.app.cli;

import java.time.LocalDate;
import java.util.List;
import picocli.CommandLine.Option;
import vn.ytcs.app.root.Ytcs;
import vn.ytcs.core.commune.CommuneProfile;
import vn.ytcs.core.unit.Unit;
import vn.ytcs.core.unit.UnitTree;

/** The {@code --unit CODE} option shared by the commands: all communes, or those under one unit. */
final class UnitScope {

    @Option(names = "--unit", paramLabel = "CODE", descriptionKey = "cli.option.unit")
    String code;

    /** The unit named by --unit on the day (null without --unit), refused when there is none. */
    Unit unit(Ytcs ytcs, LocalDate day, YtcsCommand parent) {
        if (code == null) {
            return null;
        }
        return ytcs.register().unit(code, day).orElseThrow(() ->
                new CliFailure(parent.messages.get("cli.error.unknownUnit", code, parent.format(day))));
    }

    /** Every commune of the tree, or the communes under --unit. */
    List<Unit> communes(Ytcs ytcs, UnitTree tree, LocalDate day, YtcsCommand parent) {
        return ytcs.register().communes(tree, unit(ytcs, day, parent));
    }

    List<CommuneProfile> profiles(Ytcs ytcs, LocalDate day, YtcsCommand parent) {
        UnitTree tree = ytcs.register().tree(day);
        return ytcs.register().profiles(tree, communes(ytcs, tree, day, parent), day);
    }
}
