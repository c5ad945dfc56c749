// SPDX-License-Identifier: Apache-2.0
package vn.ytcs.app.window;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javafx.geometry.Rectangle2D;
import javafx.scene.Node;
import javafx.scene.control.ComboBox;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.stage.Screen;
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
import vn.ytcs.core.demo.DemoLoader;
import vn.ytcs.core.store.Store;

/** How the window fits the screen, takes the keyboard and remembers the user's choices, under Monocle at 1366x768. */
@Tag("gui")
@ExtendWith(ApplicationExtension.class)
class WindowHabitsTest extends WindowTest {

    @TempDir
    static Path dir;
    final AtomicInteger chooserOpened = new AtomicInteger();

    @BeforeAll
    static void loadDemo() {
        try (Store store = Store.open(dir)) {
            DemoLoader.load(store, "test");
        }
    }

    @Start
    void start(Stage stage) {
        start(stage, dir, Messages.VIETNAMESE);
        app.packageChooser = w -> {
            chooserOpened.incrementAndGet();
            return null;
        };
    }

    private void waitForTheRegister(FxRobot robot) throws Exception {
        try {
            WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> !robot.lookup("#import-package").query().isDisabled());
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AssertionError("the register was not shown; the log says: "
                    + java.nio.file.Files.readString(vn.ytcs.app.log.LogFile.of(dir)), e);
        }
    }

    @Test
    void choosingTheLanguageWithTheKeyboardDoesNotOpenTheImport(FxRobot robot) throws Exception {
        waitForTheRegister(robot);
        robot.interact(() -> robot.lookup("#language").query().requestFocus());
        robot.type(KeyCode.DOWN);
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> Messages.ENGLISH.equals(language(robot).getValue()));
        // The Enter or Space a user presses to confirm the choice.
        robot.type(KeyCode.ENTER).type(KeyCode.SPACE);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(0, chooserOpened.get(), "the import's file chooser stays closed");
        assertSame(language(robot), stage.getScene().getFocusOwner(), "the keyboard stays on the language list");
        robot.type(KeyCode.UP);
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> Messages.VIETNAMESE.equals(language(robot).getValue()));
        assertEquals(0, chooserOpened.get());
        robot.interact(() -> robot.lookup("#import-package").query().requestFocus());
        robot.type(KeyCode.SPACE);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(1, chooserOpened.get(), "the import button itself still answers the keyboard");
    }

    @Test
    void theWindowFitsTheScreenAndStartsInTheSearch(FxRobot robot) throws Exception {
        Rectangle2D screen = Screen.getPrimary().getVisualBounds();
        assertEquals(768, screen.getHeight(), "Monocle's screen is set to 1366x768 in app/pom.xml");
        assertTrue(stage.getHeight() <= screen.getHeight() && stage.getWidth() <= screen.getWidth(),
                stage.getWidth() + "x" + stage.getHeight() + " on " + screen);
        assertTrue(stage.getY() >= screen.getMinY() && stage.getY() + stage.getHeight() <= screen.getMaxY());
        Node search = robot.lookup("#unit-filter").query();
        assertSame(search, stage.getScene().getFocusOwner());
        waitForTheRegister(robot);
        robot.write("hoa luu");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("hoa luu", ((TextField) search).getText(), "typed straight into the search");
    }

    @Test
    void theSearchHasAButtonThatClearsIt(FxRobot robot) throws Exception {
        waitForTheRegister(robot);
        TextField search = robot.lookup("#unit-filter").queryAs(TextField.class);
        robot.clickOn(search).write("vi thanh");
        WaitForAsyncUtils.waitForFxEvents();
        Node clear = robot.from(search).lookup(".clear-button").query();
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> clear.getOpacity() > 0.9); // it fades in
        robot.clickOn(clear);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("", search.getText());
    }

    @Test
    void sizePlaceAndLanguageAreRememberedAcrossARestart(FxRobot robot) throws Exception {
        waitForTheRegister(robot);
        robot.interact(() -> {
            language(robot).setValue(Messages.ENGLISH);
            stage.setX(60);
            stage.setY(40);
            stage.setWidth(1000);
            stage.setHeight(640);
        });
        robot.interact(() -> {
            app.stop();
            stage.close();
        });

        YtcsApp.configure(dir, null); // no --lang: the language chosen last
        robot.interact(() -> {
            stage = new Stage();
            app = new YtcsApp();
            app.start(stage);
        });
        waitForTheRegister(robot); // closing before the database is open would leave it open
        assertEquals(Messages.ENGLISH, language(robot).getValue());
        assertEquals(Messages.of(Messages.ENGLISH).get("app.title"), stage.getTitle());
        assertEquals(new Rectangle2D(60, 40, 1000, 640), new Rectangle2D(stage.getX(), stage.getY(), stage.getWidth(), stage.getHeight()));
    }

    private static ComboBox<Locale> language(FxRobot robot) {
        return robot.lookup("#language").queryAs(ComboBox.class);
    }
}
