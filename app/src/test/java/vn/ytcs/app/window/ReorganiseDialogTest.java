// SPDX-License-Identifier: Apache-2.0
package vn.ytcs.app.window;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.TreeView;
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
import vn.ytcs.app.root.Ytcs;
import vn.ytcs.core.demo.DemoLoader;
import vn.ytcs.core.task.Progress;
import vn.ytcs.core.unit.Unit;

/** The 2025 mapping checked, previewed and applied in the window: the tree then shows today's 28 communes. */
@Tag("gui")
@ExtendWith(ApplicationExtension.class)
class ReorganiseDialogTest extends WindowTest {

    @TempDir
    static Path dir;
    static Path mapping;

    @BeforeAll
    static void demoAndTheNewCity() throws Exception {
        mapping = dir.resolve("haugiang-merger-2025.csv");
        try (InputStream in = DemoLoader.class.getResourceAsStream("haugiang-merger-2025.csv")) {
            Files.copy(in, mapping);
        }
        try (Ytcs ytcs = Ytcs.open(dir.resolve("data"), "lan")) {
            ytcs.register().loadDemo(DemoLoader.World.OLD_STRUCTURE, Progress.NONE);
            ytcs.unitImport().apply(ytcs.unitImport().plan(Path.of("..", "docs", "examples", "cantho-2025.csv")));
        }
    }

    @Start
    void start(Stage stage) {
        start(stage, dir.resolve("data"), Messages.VIETNAMESE);
    }

    @Test
    void theMappingIsCheckedPreviewedAndApplied(FxRobot robot) throws Exception {
        TreeView<Unit> tree = robot.lookup("#unit-tree").queryAs(TreeView.class);
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> tree.getRoot() != null && tree.getRoot().getValue() != null);
        robot.interact(() -> tree.getSelectionModel().select(tree.getRoot()));
        // First in English, checked and previewed only, then in Vietnamese, applied.
        ComboBox<java.util.Locale> language = robot.lookup("#language").queryAs(ComboBox.class);
        robot.interact(() -> language.setValue(Messages.ENGLISH));
        Stage english = preview(robot, Messages.ENGLISH);
        assertEquals(Messages.of(Messages.ENGLISH).get("reorg.check"), robot.lookup("#reorg-check").queryAs(Button.class).getText());
        robot.interact(() -> Screenshots.saveQuietly(english.getScene(), "reorganise-preview-en"));
        robot.interact(english::close);
        // The window was built anew in English: its chooser is a new one.
        ComboBox<java.util.Locale> rebuilt = robot.lookup("#language").queryAs(ComboBox.class);
        robot.interact(() -> rebuilt.setValue(Messages.VIETNAMESE));
        Stage dialog = preview(robot, Messages.VIETNAMESE);
        robot.interact(() -> Screenshots.saveQuietly(dialog.getScene(), "reorganise-preview-vi"));
        robot.interact(() -> robot.from(dialog.getScene().getRoot()).lookup("#reorg-apply").queryAs(Button.class).fire());
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> robot.from(dialog.getScene().getRoot()).lookup("#reorg-summary")
                .tryQueryAs(Label.class).map(l -> l.getText() != null && l.getText().contains("Đã áp dụng 28")).orElse(false));
        robot.interact(dialog::close);
        // Today's tree: the new city and its communes.
        robot.interact(() -> app.viewModel().showDay(java.time.LocalDate.of(2026, 12, 1)));
        TreeView<Unit> today = robot.lookup("#unit-tree").queryAs(TreeView.class);
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> today.getRoot() != null && today.getRoot().getValue() != null
                && "92".equals(today.getRoot().getValue().code()));
        assertEquals(28, today.getRoot().getChildren().size());
        assertTrue(robot.lookup("#reorg-problem").tryQuery().isEmpty());
    }

    /** Opens the dialog from the selected unit's page, checks the mapping and waits for its preview of 28 new units. */
    private static Stage preview(FxRobot robot, java.util.Locale language) throws Exception {
        String open = Messages.of(language).get("reorg.open");
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> robot.lookup("#open-reorganise").tryQueryAs(Button.class)
                .map(b -> open.equals(b.getText())).orElse(false));
        robot.interact(() -> robot.lookup("#open-reorganise").queryAs(Button.class).fire());
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#reorg-file").tryQuery().isPresent());
        robot.interact(() -> {
            robot.lookup("#reorg-file").queryAs(TextField.class).setText(mapping.toString());
            robot.lookup("#reorg-parent").queryAs(TextField.class).setText("92");
            robot.lookup("#reorg-check").queryAs(Button.class).fire();
        });
        Stage dialog = (Stage) robot.lookup("#reorg-file").query().getScene().getWindow();
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> robot.from(dialog.getScene().getRoot()).lookup("#reorg-table").tryQuery().isPresent());
        assertEquals(28, robot.from(dialog.getScene().getRoot()).lookup("#reorg-table").queryAs(TableView.class).getItems().size());
        return dialog;
    }
}
