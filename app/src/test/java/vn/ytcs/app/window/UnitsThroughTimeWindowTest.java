// SPDX-License-Identifier: Apache-2.0
package vn.ytcs.app.window;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Label;
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

/**
 * The demo reorganised by the official 2025 mapping: the window opens on today's Cần Thơ, and the
 * day chosen in the header shows Hậu Giang as it was, each under the boundaries of its own time.
 */
@Tag("gui")
@ExtendWith(ApplicationExtension.class)
class UnitsThroughTimeWindowTest extends WindowTest {

    @TempDir
    static Path dir;
    private static final java.util.Deque<Locale> LANGUAGES = new java.util.ArrayDeque<>(
            java.util.List.of(Messages.VIETNAMESE, Messages.ENGLISH));
    private static Locale locale;

    @BeforeAll
    static void reorganisedDemo() throws Exception {
        Path mapping = dir.resolve("haugiang-merger-2025.csv");
        try (InputStream in = DemoLoader.class.getResourceAsStream("haugiang-merger-2025.csv")) {
            Files.copy(in, mapping);
        }
        try (Ytcs ytcs = Ytcs.open(dir.resolve("data"), "lan")) {
            ytcs.register().loadDemo(DemoLoader.World.OLD_STRUCTURE, Progress.NONE);
            ytcs.unitImport().apply(ytcs.unitImport().plan(Path.of("..", "docs", "examples", "cantho-2025.csv")));
            ytcs.reorganisation().apply(ytcs.reorganisation().plan(mapping, "92"));
        }
    }

    @Start
    void start(Stage stage) {
        locale = LANGUAGES.isEmpty() ? Messages.ENGLISH : LANGUAGES.poll();
        start(stage, dir.resolve("data"), locale);
    }

    private static TreeView<Unit> tree(FxRobot robot) {
        return robot.lookup("#unit-tree").queryAs(TreeView.class);
    }

    private static boolean rootIs(FxRobot robot, String name) {
        TreeView<Unit> t = tree(robot);
        return t.getRoot() != null && t.getRoot().getValue() != null && name.equals(t.getRoot().getValue().name());
    }

    private void walk(FxRobot robot) throws Exception {
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> rootIs(robot, "Cần Thơ"));
        assertEquals(28, tree(robot).getRoot().getChildren().size(), "today: the 28 communes of the new city");
        robot.interact(() -> tree(robot).getSelectionModel().select(tree(robot).getRoot().getChildren().stream()
                .filter(i -> i.getValue().code().equals("31338")).findFirst().orElseThrow()));
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> FxLookup.present(robot, n -> n instanceof Label l
                && l.getText() != null && l.getText().contains("Trạm Y tế xã Tân Tiến")));
        String formed = Messages.of(locale).get("window.commune.formedFrom", "01/07/2025", "").split(":")[0];
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> FxLookup.present(robot, n -> n instanceof Label l
                && "unit-history".equals(l.getId()) && l.getText().startsWith(formed) && l.getText().contains("(31336)")
                && l.getText().contains("(31339)")));
        robot.interact(() -> Screenshots.saveQuietly(stage.getScene(), "through-time-2026-" + locale.getLanguage()));

        DatePicker day = robot.lookup("#as-of").queryAs(DatePicker.class);
        robot.interact(() -> day.setValue(LocalDate.of(2025, 6, 30)));
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> rootIs(robot, "Hậu Giang"));
        assertEquals(8, tree(robot).getRoot().getChildren().size(), "30/06/2025: Hậu Giang's eight districts");
        robot.interact(() -> Screenshots.saveQuietly(stage.getScene(), "through-time-2025-" + locale.getLanguage()));
        assertTrue(app.viewModel().asOf().get().equals(LocalDate.of(2025, 6, 30)));
    }

    @Test
    void todayIsCanThoAndTheHeaderShowsHauGiangAsItWas(FxRobot robot) throws Exception {
        walk(robot);
    }

    @Test
    void inEnglishToo(FxRobot robot) throws Exception {
        walk(robot);
    }
}
