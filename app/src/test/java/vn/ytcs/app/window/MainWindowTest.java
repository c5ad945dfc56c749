// SPDX-License-Identifier: Apache-2.0
package vn.ytcs.app.window;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.scene.Node;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
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
import vn.ytcs.app.i18n.Messages;
import vn.ytcs.app.i18n.ScoreTexts;
import vn.ytcs.app.root.Ytcs;
import vn.ytcs.core.demo.DemoLoader;
import vn.ytcs.core.scoring.Scorecard;
import vn.ytcs.core.store.Store;
import vn.ytcs.core.unit.Unit;
import vn.ytcs.core.unit.UnitTree;

/** The real window, headless under Monocle, on the demo province. */
@Tag("gui")
@ExtendWith(ApplicationExtension.class)
class MainWindowTest extends WindowTest {

    @TempDir
    static Path demoDir;
    /** Hỏa Lựu's scorecard, scored here by the scoring service for the day and period the window shows. */
    static Scorecard hoaLuu;

    @BeforeAll
    static void loadDemo() {
        try (Store store = Store.open(demoDir)) {
            DemoLoader.load(store, "test");
        }
        try (Ytcs ytcs = Ytcs.open(demoDir, "test")) {
            LocalDate day = ytcs.register().defaultAsOf(LocalDate.now());
            UnitTree tree = ytcs.register().tree(day);
            Unit commune = tree.communes().stream().filter(u -> u.name().equals("Hỏa Lựu")).findFirst().orElseThrow();
            hoaLuu = ytcs.scoring().score(tree, List.of(commune), ytcs.scoring().period(null, day), day).get(0).scorecard();
        }
    }

    @Start
    void start(Stage stage) {
        start(stage, demoDir, Messages.VIETNAMESE);
    }

    @Test
    void filteringHoaLuuFindsHoaLuuWithItsDiacritics(FxRobot robot) throws Exception {
        TreeView<Unit> tree = robot.lookup("#unit-tree").queryAs(TreeView.class);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> tree.getRoot() != null && tree.getRoot().getValue() != null);
        // The whole of a 1366x768 screen, for the screenshots in docs/.
        robot.interact(() -> stage.setMaximized(true));
        robot.interact(() -> Screenshots.saveQuietly(stage.getScene(), "main-vi-start"));

        robot.clickOn("#unit-filter").write("hoa luu");
        WaitForAsyncUtils.waitForFxEvents();
        List<String> shown = labels(tree.getRoot());
        assertEquals(List.of("Thành phố Cần Thơ", "Trung tâm Y tế khu vực Vị Thanh", "Xã Hỏa Lựu"), shown);

        select(robot, tree, "Hỏa Lựu");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#commune-view").tryQuery().isPresent());
        // The scroll pane's content joins the scene graph with its skin, on the next pulse.
        // Today's Hỏa Lựu took xã Tân Tiến's code, and with it Tân Tiến's station.
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> hasLabel(robot, "Trạm Y tế xã Tân Tiến"));
        assertTrue(robot.lookup("#scorecard").tryQuery().isPresent(), "the commune shows its scorecard");
        assertShowsTheScorecard(robot, Messages.of(Messages.VIETNAMESE));
        assertTrue(robot.lookup((Node n) -> n instanceof Label l && l.getText() != null && l.getText().contains("Tỉnh chưa nhập ngưỡng"))
                .tryQuery().isEmpty(), "stunting has a (draft) Mekong Delta threshold: no gap left for the province");
        assertTrue(robot.lookup((Node n) -> n instanceof Label l && l.getText() != null
                && l.getText().startsWith("Điểm tạm tính: 46 chỉ tiêu")).tryQuery().isPresent(),
                "the draft threshold counts among the drafts that make the score provisional");
        robot.interact(() -> Screenshots.saveQuietly(stage.getScene(), "main-vi"));

        ComboBox<java.util.Locale> language = robot.lookup("#language").queryAs(ComboBox.class);
        robot.interact(() -> language.setValue(Messages.ENGLISH));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> hasLabel(robot, "Commune Hỏa Lựu"));
        assertTrue(hasLabel(robot, "Station staff"));
        assertShowsTheScorecard(robot, Messages.of(Messages.ENGLISH));
        robot.interact(() -> Screenshots.saveQuietly(stage.getScene(), "main-en"));
        assertTrue(Files.size(Screenshots.DIR.resolve("main-en.png")) > 10_000);
    }

    @Test
    void aDistrictShowsHowManyStationsLackAPermanentDoctor(FxRobot robot) throws Exception {
        TreeView<Unit> tree = robot.lookup("#unit-tree").queryAs(TreeView.class);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> tree.getRoot() != null && tree.getRoot().getValue() != null);
        select(robot, tree, "Vị Thanh");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS,
                () -> robot.lookup((Node n) -> n instanceof Label l && l.getText() != null && l.getText().startsWith("3 xã, phường, thị trấn")).tryQuery().isPresent());
    }

    /** The verdict and the total shown are those of the scorecard, in the language shown. */
    private static void assertShowsTheScorecard(FxRobot robot, Messages m) {
        Label verdict = robot.lookup("#verdict").queryAs(Label.class);
        assertEquals(m.get(hoaLuu.passed() ? "score.passed" : "score.failed"), verdict.getText());
        assertTrue(verdict.getStyleClass().contains(hoaLuu.passed() ? Styles.PASS : Styles.FAIL), verdict.getStyleClass().toString());
        ScoreTexts texts = new ScoreTexts(m);
        String total = m.get("window.score.total", texts.number(hoaLuu.points()), texts.number(hoaLuu.max()),
                texts.total(hoaLuu), new vn.ytcs.app.i18n.Labels(m).catalog(hoaLuu.catalog().id(), 0)); // the shipped one: revision 0
        assertTrue(hasLabel(robot, total), "shows " + total);
        for (String failure : texts.failures(hoaLuu.failures(), hoaLuu.catalog())) {
            assertTrue(robot.lookup((Node n) -> n instanceof Label l && l.getText() != null && l.getText().contains(failure))
                    .tryQuery().isPresent(), "names the failing condition " + failure);
        }
    }

    /** Selects the unit as a click would; the robot's mouse is flaky on cells being recycled. */
    private static void select(FxRobot robot, TreeView<Unit> tree, String name) {
        robot.interact(() -> {
            List<TreeItem<Unit>> all = new ArrayList<>();
            items(tree.getRoot(), all);
            tree.getSelectionModel().select(all.stream().filter(i -> name.equals(i.getValue().name())).findFirst().orElseThrow());
        });
    }

    private static void items(TreeItem<Unit> item, List<TreeItem<Unit>> out) {
        if (item.getValue() != null) {
            out.add(item);
        }
        item.getChildren().forEach(c -> items(c, out));
    }

    private static boolean hasLabel(FxRobot robot, String text) {
        return robot.lookup((Node n) -> n instanceof Label l && text.equals(l.getText())).tryQuery().isPresent();
    }

    private static List<String> labels(TreeItem<Unit> root) {
        List<String> out = new ArrayList<>();
        collect(root, out);
        return out;
    }

    private static void collect(TreeItem<Unit> item, List<String> out) {
        if (item.getValue() != null) {
            out.add(new vn.ytcs.app.i18n.Labels(Messages.of(Messages.VIETNAMESE)).unit(item.getValue()));
        }
        item.getChildren().forEach(c -> collect(c, out));
    }
}
