// SPDX-License-Identifier: Apache-2.0
package vn.ytcs.app.window;

import java.nio.file.Path;
import java.util.Locale;
import javafx.application.Application;

/** Opens the window and returns when it is closed. */
public final class WindowLauncher {

    private WindowLauncher() {
    }

    /** @param locale the language asked for on the command line; null for the one last chosen in the window */
    public static void launch(Path dataDir, Locale locale) {
        YtcsApp.configure(dataDir, locale);
        Application.launch(YtcsApp.class);
    }
}
