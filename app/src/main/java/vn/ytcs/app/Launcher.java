// SPDX-License-Identifier: Apache-2.0
package vn.ytcs.app;

import vn.ytcs.app.cli.Cli;

/**
 * Entry point of ytcs.jar. Not a JavaFX Application subclass: launched from the class path,
 * such a main class would fail before JavaFX is on the module path.
 */
public final class Launcher {

    private Launcher() {
    }

    public static void main(String[] args) {
        int code = Cli.run(args, System.out, System.err);
        if (code != Cli.WINDOW_CLOSED) {
            System.exit(code);
        }
    }
}
