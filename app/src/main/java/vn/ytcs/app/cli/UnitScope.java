// SPDX-License-Identifier: Apache-2.0
package vn.ytcs.app.cli;

import java.time.LocalDate;
import java.util.List;
import picocli.CommandLine.Option;
import vn.ytcs.core.commune.CommuneProfile;
import vn.ytcs.core.commune.CommuneProfiles;
import vn.ytcs.core.store.Store;
import vn.ytcs.core.unit.Unit;
import vn.ytcs.core.unit.UnitTree;

/** The {@code --unit CODE} option shared by the commands: all communes, or those under one unit. */
final class UnitScope {

    @Option(names = "--unit", paramLabel = "CODE", descriptionKey = "cli.option.unit")
    String code;

    /** The unit named by --unit on the day, refused when there is none. */
    Unit unit(Store store, LocalDate day, YtcsCommand parent) {
        return store.units().byCode(code, day).orElseThrow(() ->
                new CliFailure(parent.messages.get("cli.error.unknownUnit", code, parent.format(day))));
    }

    /** Every commune of the tree, or the communes under --unit. */
    List<Unit> communes(Store store, UnitTree tree, LocalDate day, YtcsCommand parent) {
        return code == null ? tree.communes() : tree.communesUnder(unit(store, day, parent));
    }

    List<CommuneProfile> profiles(Store store, LocalDate day, YtcsCommand parent) {
        UnitTree tree = store.units().tree(day);
        return new CommuneProfiles(store).load(tree, communes(store, tree, day, parent), day);
    }
}
