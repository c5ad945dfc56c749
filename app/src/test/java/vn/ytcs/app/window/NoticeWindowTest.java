// SPDX-License-Identifier: Apache-2.0
package vn.ytcs.app.window;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import javafx.scene.Node;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;
import vn.ytcs.app.i18n.Messages;
import vn.ytcs.core.change.Hlc;
import vn.ytcs.core.demo.DemoLoader;
import vn.ytcs.core.store.Store;

/** What the opening of the database found is shown above the window's content, in the user's language. */
@Tag("gui")
@ExtendWith(ApplicationExtension.class)
class NoticeWindowTest extends WindowTest {

    @TempDir
    static Path dataDir;

    @BeforeAll
    static void aDatabaseWrittenWhileTheClockWasTenDaysAhead() {
        try (Store store = Store.open(dataDir)) {
            DemoLoader.load(store, "test");
            Hlc ahead = new Hlc(Instant.now().plus(Duration.ofDays(10)).toEpochMilli(), 0, store.localSite().id());
            store.write("test", w -> {
                w.putMeta("clock.high", ahead.toString());
                return null;
            });
        }
    }

    @Start
    void start(Stage stage) {
        start(stage, dataDir, Messages.VIETNAMESE);
    }

    private static boolean shows(FxRobot robot, String text) {
        return robot.lookup((Node n) -> n instanceof Label l && l.getText() != null && l.getText().contains(text)).tryQuery().isPresent();
    }

    @Test
    void aClockBehindTheDataIsShownInBothLanguages(FxRobot robot) throws Exception {
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> shows(robot, "đồng hồ máy này"));
        robot.interact(() -> Screenshots.saveQuietly(stage.getScene(), "notice-clock-vi"));
        ComboBox<java.util.Locale> language = robot.lookup("#language").queryAs(ComboBox.class);
        robot.interact(() -> language.setValue(Messages.ENGLISH));
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> shows(robot, "this computer's clock"));
        robot.interact(() -> Screenshots.saveQuietly(stage.getScene(), "notice-clock-en"));
        assertTrue(shows(robot, "Please set the date and time"));
    }
}
