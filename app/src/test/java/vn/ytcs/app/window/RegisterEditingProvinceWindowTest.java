// SPDX-License-Identifier: Apache-2.0
package vn.ytcs.app.window;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import javafx.scene.Node;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeView;
import javafx.scene.input.KeyCode;
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
import vn.ytcs.core.demo.DemoLoader;
import vn.ytcs.app.i18n.Messages;
import vn.ytcs.app.root.Ytcs;
import vn.ytcs.core.site.SiteRole;
import vn.ytcs.core.task.Progress;
import vn.ytcs.core.unit.SocioRegion;
import vn.ytcs.core.unit.Unit;

/** At a province, the commune page assigns the vùng and region; the page and its subtitle follow. */
@Tag("gui")
@ExtendWith(ApplicationExtension.class)
class RegisterEditingProvinceWindowTest extends WindowTest {

    @TempDir
    static Path demoDir;

    @BeforeAll
    static void loadDemo() {
        try (Ytcs ytcs = Ytcs.open(demoDir, "test")) {
            ytcs.register().loadDemo(DemoLoader.World.OLD_STRUCTURE, Progress.NONE);
            ytcs.sync().setup("Sở Y tế Hậu Giang", SiteRole.PROVINCE);
        }
    }

    @Start
    void start(Stage stage) {
        start(stage, demoDir, Messages.VIETNAMESE);
    }

    @Test
    void theProvinceAssignsTheVungAndTheRegion(FxRobot robot) throws Exception {
        robot.interact(() -> stage.setMaximized(true));
        TreeView<Unit> tree = robot.lookup("#unit-tree").queryAs(TreeView.class);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> tree.getRoot() != null && tree.getRoot().getValue() != null);
        robot.interact(() -> {
            List<TreeItem<Unit>> all = new ArrayList<>();
            items(tree.getRoot(), all);
            tree.getSelectionModel().select(all.stream().filter(i -> "Hỏa Lựu".equals(i.getValue().name())).findFirst().orElseThrow());
        });
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#edit-zone").tryQuery().isPresent());
        assertTrue(robot.lookup("#zone-note").tryQuery().isEmpty(), "no read-only note at the province");

        robot.interact(() -> robot.lookup("#edit-zone").queryAs(javafx.scene.control.Button.class).fire());
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#field-vung").tryQuery().isPresent());
        robot.interact(() -> robot.lookup("#field-vung").queryAs(TextField.class).setText("4"));
        Messages m = Messages.of(Messages.VIETNAMESE);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#problem-vung").queryAs(Label.class).getText()
                .equals(m.get("field.problem.OUT_OF_RANGE", "4", "1", "3")));
        robot.interact(() -> Screenshots.saveQuietly(stage.getScene(), "editor-zone-vi"));

        robot.interact(() -> {
            robot.lookup("#field-vung").queryAs(TextField.class).setText("3");
            robot.lookup("#field-socio_region").queryAs(ComboBox.class).setValue(SocioRegion.DONG_BANG_SONG_CUU_LONG);
        });
        robot.clickOn("#field-vung");
        robot.type(KeyCode.ENTER);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#editor-form").tryQuery().isEmpty());
        // The page is rebuilt after the save (the units are read again): the label may be absent for a moment.
        String zone = m.get("editor.zone.text", "3", m.label("region", SocioRegion.DONG_BANG_SONG_CUU_LONG));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> FxLookup.present(robot, n -> n instanceof Label l
                && "zone".equals(l.getId()) && zone.equals(l.getText())));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> FxLookup.present(robot, n -> n instanceof Label l
                && l.getText() != null && l.getText().endsWith("· Vùng 3")));
        assertEquals("Hỏa Lựu", tree.getSelectionModel().getSelectedItem().getValue().name(), "the page stays on the commune");

        ComboBox<Locale> language = robot.lookup("#language").queryAs(ComboBox.class);
        robot.interact(() -> language.setValue(Messages.ENGLISH));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#edit-zone").tryQuery().isPresent());
        robot.interact(() -> robot.lookup("#edit-zone").queryAs(javafx.scene.control.Button.class).fire());
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#field-vung").tryQuery().isPresent());
        robot.interact(() -> Screenshots.saveQuietly(stage.getScene(), "editor-zone-en"));
    }

    private static void items(TreeItem<Unit> item, List<TreeItem<Unit>> out) {
        if (item.getValue() != null) {
            out.add(item);
        }
        item.getChildren().forEach(c -> items(c, out));
    }
}
