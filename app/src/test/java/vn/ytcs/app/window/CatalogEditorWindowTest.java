// SPDX-License-Identifier: Apache-2.0
package vn.ytcs.app.window;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import javafx.scene.control.TreeItem;
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
import vn.ytcs.core.demo.DemoLoader;
import vn.ytcs.app.i18n.Messages;
import vn.ytcs.app.root.Ytcs;
import vn.ytcs.core.site.SiteRole;
import vn.ytcs.core.task.Progress;

/**
 * The province opens the standard from the toolbar, edits a draft indicator, sees the problem as it
 * types, previews the communes' scores, and saves the revision: the window as a user drives it.
 */
@Tag("gui")
@ExtendWith(ApplicationExtension.class)
class CatalogEditorWindowTest extends WindowTest {

    @TempDir
    static Path demoDir;
    private static Locale locale = Messages.VIETNAMESE;

    @BeforeAll
    static void loadDemo() {
        try (Ytcs ytcs = Ytcs.open(demoDir, "lan")) {
            ytcs.register().loadDemo(DemoLoader.World.BOTH, Progress.NONE);
            ytcs.sync().setup("Sở Y tế Hậu Giang", SiteRole.PROVINCE);
        }
    }

    @Start
    void start(Stage stage) {
        start(stage, demoDir, locale);
    }

    private Stage editor(FxRobot robot) throws Exception {
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> !robot.lookup("#open-catalog").queryAs(Button.class).isDisabled());
        robot.interact(() -> robot.lookup("#open-catalog").queryAs(Button.class).fire());
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> FxLookup.present(robot, n -> "catalog-tree".equals(n.getId())
                && ((TreeView<?>) n).getRoot() != null && !((TreeView<?>) n).getRoot().getChildren().isEmpty()));
        Stage[] s = new Stage[1];
        robot.interact(() -> s[0] = (Stage) robot.lookup("#catalog-editor").query().getScene().getWindow());
        return s[0];
    }

    private static void select(FxRobot robot, String code) {
        robot.interact(() -> {
            TreeView<Object> tree = robot.lookup("#catalog-tree").queryAs(TreeView.class);
            for (TreeItem<Object> c : tree.getRoot().getChildren()) {
                for (TreeItem<Object> i : c.getChildren()) {
                    if (((CatalogDraft.IndicatorDraft) i.getValue()).code().equals(code)) {
                        tree.getSelectionModel().select(i);
                    }
                }
            }
        });
    }

    @Test
    void theProvinceEditsADraftIndicatorPreviewsAndSaves(FxRobot robot) throws Exception {
        Messages m = Messages.of(Messages.VIETNAMESE);
        Stage editor = editor(robot);
        assertTrue(editor.getWidth() <= 1366 && editor.getHeight() <= 768, "fits a 1366×768 screen");
        select(robot, "TC6.28");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#ind-tiers").tryQuery().isPresent());
        robot.interact(() -> robot.lookup("#ind-tiers").queryAs(TextField.class).setText("70: 1; 80: 3"));
        ListView<CatalogEditorViewModel.Problem> problems = robot.lookup("#catalog-problems").queryAs(ListView.class);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> problems.getItems().size() == 1);
        assertEquals(m.get("catalogEditor.rule.TIERS_ORDER", "TC6.28", "≥ 70 (1), ≥ 80 (3)", m.get("catalogEditor.field.tiers")),
                problems.getItems().get(0).text());
        assertTrue(robot.lookup("#catalog-save").queryAs(Button.class).isDisabled(), "no save while a problem remains");
        robot.interact(() -> Screenshots.saveQuietly(editor.getScene(), "catalog-editor-problem-vi"));

        robot.interact(() -> robot.lookup("#ind-tiers").queryAs(TextField.class).setText("80: 3; 70: 1"));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> problems.getItems().isEmpty());
        robot.interact(() -> robot.lookup("#catalog-preview").queryAs(Button.class).fire());
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> robot.lookup("#catalog-preview-summary").tryQuery().isPresent());
        String summary = robot.lookup("#catalog-preview-summary").queryAs(Label.class).getText();
        assertTrue(summary.startsWith("28 xã"), summary);
        robot.interact(() -> Screenshots.saveQuietly(editor.getScene(), "catalog-editor-preview-vi"));

        robot.interact(() -> robot.lookup("#catalog-reason").queryAs(TextField.class).setText("Ngưỡng BHYT theo hướng dẫn của Sở"));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !robot.lookup("#catalog-save").queryAs(Button.class).isDisabled());
        robot.interact(() -> robot.lookup("#catalog-save").queryAs(Button.class).fire());
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> FxLookup.present(robot, n -> "catalog-message".equals(n.getId())
                && n.isVisible() && ((Label) n).getText().startsWith("Đã lưu")));
        assertTrue(editor.getTitle().contains("1"), editor.getTitle());
        robot.interact(editor::close);
        locale = Messages.ENGLISH;
    }

    @Test
    void inEnglishTheSameEditorAndItsPreview(FxRobot robot) throws Exception {
        // Runs after the Vietnamese test (alphabetical order of the methods is not promised: it only needs a province).
        Stage editor = editor(robot);
        select(robot, "TC7.35");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#variant-TAY_NGUYEN-open").tryQuery().isPresent());
        // Down to the thresholds by region, as the province scrolls to them.
        robot.interact(() -> robot.lookup("#catalog-form-scroll").queryAs(javafx.scene.control.ScrollPane.class).setVvalue(1));
        WaitForAsyncUtils.waitForFxEvents();
        robot.interact(() -> Screenshots.saveQuietly(editor.getScene(), "catalog-editor-" + locale.getLanguage()));
        robot.interact(() -> robot.lookup("#variant-TAY_NGUYEN-tiers").queryAs(TextField.class).setText("24: 1"));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !robot.lookup("#catalog-preview").queryAs(Button.class).isDisabled());
        robot.interact(() -> robot.lookup("#catalog-preview").queryAs(Button.class).fire());
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> robot.lookup("#catalog-preview-summary").tryQuery().isPresent());
        robot.interact(() -> Screenshots.saveQuietly(editor.getScene(), "catalog-editor-preview-" + locale.getLanguage()));
        robot.interact(() -> robot.lookup("#catalog-discard").queryAs(Button.class).fire());
        robot.interact(editor::close);
    }
}
