// SPDX-License-Identifier: Apache-2.0
package vn.ytcs.app.cli;

import java.time.LocalDate;
import java.util.List;
import vn.ytcs.app.i18n.Messages;
import vn.ytcs.core.commune.CommuneProfile;
import vn.ytcs.core.commune.CommuneProfiles;
import vn.ytcs.core.store.Store;
import vn.ytcs.core.unit.Unit;
import vn.ytcs.core.unit.UnitTree;

/** The communes a command works on: all of them, or those under {@code --unit CODE}. */
final class Scope {

    private Scope() {
    }

    static List<CommuneProfile> profiles(Store store, LocalDate day, String unitCode, Messages messages) {
        UnitTree tree = store.units().tree(day);
        List<Unit> communes;
        if (unitCode == null) {
            communes = tree.communes();
        } else {
            Unit unit = store.units().byCode(unitCode, day)
                    .orElseThrow(() -> new CliFailure(messages.get("cli.error.unknownUnit", unitCode, new vn.ytcs.app.i18n.Formats(messages.locale()).date(day))));
            communes = tree.communesUnder(unit);
        }
        return new CommuneProfiles(store).load(tree, communes, day);
    }
}
