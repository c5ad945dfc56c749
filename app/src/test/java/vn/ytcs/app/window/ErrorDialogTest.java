// SPDX-License-Identifier: Apache-2.0
package vn.ytcs.app.window;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import javafx.application.Platform;
import javafx.scene.control.Button;
import javafx.scene.control.DialogPane;
import javafx.scene.input.Clipboard;
import javafx.stage.Stage;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;
import vn.ytcs.app.i18n.Messages;
import vn.ytcs.app.log.LogFile;

/** An error nothing expected: a dialog in plain words, its details on the clipboard at a click, and in the log. */
@Tag("gui")
@ExtendWith(ApplicationExtension.class)
class ErrorDialogTest extends WindowTest {

    @TempDir
    static Path dir;

    @Start
    void start(Stage stage) {
        start(stage, dir, Messages.ENGLISH);
    }

    @Test
    void anUncaughtErrorOnTheFxThreadShowsADialogWhoseDetailsCanBeCopied(FxRobot robot) throws Exception {
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> robot.lookup("#load-demo").tryQuery().isPresent());
        Platform.runLater(() -> {
            throw new IllegalStateException("the scorecard lost its catalog");
        });
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#error-dialog").tryQuery().isPresent());
        DialogPane pane = robot.lookup("#error-dialog").queryAs(DialogPane.class);
        assertEquals("The program ran into an unexpected error", pane.getHeaderText());
        assertTrue(pane.getContentText().contains("the scorecard lost its catalog"), pane.getContentText());
        assertTrue(!pane.getContentText().contains("IllegalStateException"), "plain words, no class names: " + pane.getContentText());
        assertTrue(pane.getContentText().contains(LogFile.of(dir).toString()), "says where the details are");
        robot.interact(() -> Screenshots.saveQuietly(pane.getScene(), "uncaught-en"));

        robot.clickOn("#copy-details");
        AtomicReference<String> copied = new AtomicReference<>();
        robot.interact(() -> copied.set(Clipboard.getSystemClipboard().getString()));
        assertTrue(copied.get().startsWith("java.lang.IllegalStateException: the scorecard lost its catalog"), copied.get());
        assertTrue(copied.get().contains("\tat vn.ytcs.app.window.ErrorDialogTest"), "the stack trace: " + copied.get());
        assertTrue(robot.lookup("#error-dialog").tryQuery().isPresent(), "copying leaves the dialog open");
        assertEquals("Copied", robot.lookup("#copy-details").queryAs(Button.class).getText());

        String log = Files.readString(LogFile.of(dir));
        assertTrue(log.contains("Uncaught error in thread JavaFX Application Thread") && log.contains("the scorecard lost its catalog")
                && log.contains("\tat vn.ytcs.app.window.ErrorDialogTest"), log);
    }

    @Test
    void anUncaughtErrorOnAnotherThreadShowsTheDialogToo(FxRobot robot) throws Exception {
        Thread t = new Thread(() -> {
            throw new IllegalArgumentException("a worker tripped");
        }, "ytcs-test-worker");
        t.start();
        t.join();
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#error-dialog").tryQuery().isPresent());
        assertTrue(robot.lookup("#error-dialog").queryAs(DialogPane.class).getContentText().contains("a worker tripped"));
        robot.interact(() -> ((Stage) robot.lookup("#error-dialog").query().getScene().getWindow()).close());
    }
}
