// SPDX-License-Identifier: Apache-2.0
package vn.ytcs.app.window;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.TreeView;
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
import vn.ytcs.core.unit.Unit;

/** A first start on an empty database: the window offers the demo and loads it. */
@Tag("gui")
@ExtendWith(ApplicationExtension.class)
class EmptyDatabaseWindowTest extends WindowTest {

    @TempDir
    static Path emptyDir;

    @Start
    void start(Stage stage) {
        start(stage, emptyDir, Messages.ENGLISH);
    }

    @Test
    void theDemoButtonLoadsTheProvince(FxRobot robot) throws Exception {
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#load-demo").tryQuery().isPresent());
        robot.interact(() -> Screenshots.saveQuietly(stage.getScene(), "empty-en"));
        robot.clickOn("#load-demo");
        TreeView<Unit> tree = robot.lookup("#unit-tree").queryAs(TreeView.class);
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> tree.getRoot() != null && tree.getRoot().getValue() != null);
        assertEquals("Cần Thơ", tree.getRoot().getValue().name(), "today's units first");
        assertEquals(7, tree.getRoot().getChildren().size(), "its regional health centres");
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> robot.lookup("DEMO DATA").tryQuery().isPresent());
    }
}
