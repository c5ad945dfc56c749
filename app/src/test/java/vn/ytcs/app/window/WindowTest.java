// SPDX-License-Identifier: Apache-2.0
package vn.ytcs.app.window;

import java.nio.file.Path;
import java.util.Locale;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.testfx.api.FxRobot;

/** Starts the real application on a data folder for a window test, and stops it (closing its database) after. */
abstract class WindowTest {

    protected YtcsApp app;
    protected Stage stage;

    protected void start(Stage stage, Path dataDir, Locale locale) {
        this.stage = stage;
        YtcsApp.configure(dataDir, locale);
        app = new YtcsApp();
        app.start(stage);
    }

    @AfterEach
    void stopApp(FxRobot robot) {
        robot.interact(() -> {
            app.stop();
            stage.close();
        });
    }
}
