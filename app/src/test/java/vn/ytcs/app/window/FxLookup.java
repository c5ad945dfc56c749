// SPDX-License-Identifier: Apache-2.0
package vn.ytcs.app.window;

import java.util.function.Predicate;
import javafx.scene.Node;
import org.testfx.api.FxRobot;

/** Lookups made on the FX thread: pages are rebuilt there while a test waits for them. */
final class FxLookup {

    private FxLookup() {
    }

    /** Whether a node of the scene matches, looked at on the FX thread. */
    static boolean present(FxRobot robot, Predicate<Node> match) {
        boolean[] found = new boolean[1];
        robot.interact(() -> found[0] = robot.lookup(match::test).tryQuery().isPresent());
        return found[0];
    }
}
