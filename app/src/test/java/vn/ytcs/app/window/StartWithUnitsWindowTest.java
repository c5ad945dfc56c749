// SPDX-License-Identifier: Apache-2.0
package vn.ytcs.app.window;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.Label;
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

/** A real office's first start (issue 11): who this site is, then its official unit list; a broken list is said, nothing changed. */
@Tag("gui")
@ExtendWith(ApplicationExtension.class)
class StartWithUnitsWindowTest extends WindowTest {

    @TempDir
    static Path emptyDir;

    @Start
    void start(Stage stage) {
        start(stage, emptyDir.resolve("data"), Messages.VIETNAMESE);
    }

    @Test
    void aRealOfficeStartsWithItsUnitList(FxRobot robot) throws Exception {
        Path other = emptyDir.resolve("data");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#load-units").tryQuery().isPresent());
        robot.interact(() -> robot.lookup("#site-name").queryAs(javafx.scene.control.TextField.class)
                .setText("Trung tâm Y tế khu vực Vị Thanh"));
        robot.interact(() -> Screenshots.saveQuietly(stage.getScene(), "empty-vi"));
        // A list that is not one: said on the page, nothing changed.
        Path broken = other.resolveSibling("broken-units.csv");
        java.nio.file.Files.writeString(broken, "code,name\n93,Hậu Giang\n");
        robot.interact(() -> app.viewModel().startWithUnits("X", vn.ytcs.core.site.SiteRole.DISTRICT, broken));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#units-problem").queryAs(Label.class).isVisible());
        assertTrue(robot.lookup("#units-problem").queryAs(Label.class).getText().contains("thiếu cột \"type\""),
                robot.lookup("#units-problem").queryAs(Label.class).getText());
        robot.interact(() -> app.viewModel().startWithUnits("Trung tâm Y tế khu vực Vị Thanh",
                vn.ytcs.core.site.SiteRole.REGIONAL_CENTRE, Path.of("..", "docs", "examples", "haugiang-units-before-2025.csv")));
        TreeView<Unit> tree = robot.lookup("#unit-tree").queryAs(TreeView.class);
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> tree.getRoot() != null && tree.getRoot().getValue() != null);
        assertEquals("Hậu Giang", tree.getRoot().getValue().name());
        assertEquals(8, tree.getRoot().getChildren().size());
        assertTrue(robot.lookup("#site").queryAs(javafx.scene.control.Hyperlink.class).getText()
                .contains("Trung tâm Y tế khu vực Vị Thanh"));
        assertFalse(FxLookup.present(robot, n -> n instanceof Label l && "DỮ LIỆU MẪU".equals(l.getText()) && l.isVisible()),
                "real units, not the demo");
    }
}
