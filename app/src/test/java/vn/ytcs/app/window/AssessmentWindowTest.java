// SPDX-License-Identifier: Apache-2.0
package vn.ytcs.app.window;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeView;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import javafx.stage.Window;
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
import vn.ytcs.core.assessment.AssessmentState;
import vn.ytcs.core.task.Progress;
import vn.ytcs.core.unit.Unit;

/** The assessment entry in the real window, headless under Monocle, on the demo province. */
@Tag("gui")
@ExtendWith(ApplicationExtension.class)
class AssessmentWindowTest extends WindowTest {

    private static final String IMMUNISATION = "TC5-21";

    @TempDir
    static Path demoDir;
    /** A commune whose 2025 assessment is being drafted. */
    static String communeName;

    @BeforeAll
    static void loadDemo() {
        try (Ytcs ytcs = Ytcs.open(demoDir, "test")) {
            ytcs.register().loadDemo(DemoLoader.World.OLD_STRUCTURE, Progress.NONE);
            LocalDate day = ytcs.register().defaultAsOf(LocalDate.now());
            communeName = ytcs.register().tree(day).communes().stream()
                    .filter(u -> ytcs.register().assessment(u.id(), 2025).map(a -> a.state() == AssessmentState.DRAFT).orElse(false))
                    .findFirst().orElseThrow().name();
        }
    }

    @Start
    void start(Stage stage) {
        start(stage, demoDir, Messages.VIETNAMESE);
    }

    @Test
    void enteringAnAnswerChangesItsPointsAndUndoBringsThemBack(FxRobot robot) throws Exception {
        openCommune(robot);
        Stage assessment = openAssessment(robot);
        Label points = robot.lookup("#points-" + IMMUNISATION).queryAs(Label.class);
        String before = points.getText();
        TextField answer = robot.lookup("#answer-" + IMMUNISATION).queryAs(TextField.class);
        String saved = answer.getText();
        // 4 points from 95 %: type a value on the other side of the threshold.
        String typed = before.startsWith("4/4") ? "10" : "96";

        scrollTo(robot, robot.lookup("#row-" + IMMUNISATION).query());
        robot.clickOn(answer);
        robot.interact(answer::selectAll);
        robot.write(typed);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(typed, answer.getText());
        String typedPoints = points.getText();
        assertNotEquals(before, typedPoints, "the points follow what is typed, before saving");
        assertTrue(typedPoints.startsWith(typed.equals("10") ? "0/4" : "4/4"), typedPoints);
        Button save = robot.lookup("#save-" + IMMUNISATION).queryAs(Button.class);
        assertFalse(save.isDisabled(), "unsaved");

        robot.type(KeyCode.ENTER);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, save::isDisabled);
        assertEquals(typedPoints, points.getText());
        Button undo = robot.lookup("#assessment-undo").queryAs(Button.class);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !undo.isDisabled());
        robot.interact(() -> Screenshots.saveQuietly(assessment.getScene(), "assessment-vi"));

        // Esc puts back what is saved.
        robot.clickOn(answer);
        robot.write("5");
        WaitForAsyncUtils.waitForFxEvents();
        robot.type(KeyCode.ESCAPE);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(typed, answer.getText());

        robot.interact(undo::fire);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> before.equals(points.getText()));
        assertEquals(saved, answer.getText());

        // Derived indicators are shown, not typed, and link back to the register.
        assertTrue(robot.lookup("#answer-TC2-06").tryQuery().isEmpty());
        Label source = robot.lookup("#source-TC2-06").queryAs(Label.class);
        assertTrue(source.getText().startsWith("Lấy từ sổ đăng ký"), source.getText());
        Hyperlink link = robot.lookup("#link-TC2-06").queryAs(Hyperlink.class);
        assertEquals("Sửa trong sổ: nhân lực của trạm", link.getText());
        robot.interact(link::fire);

        // English: the window in the other language, the assessment opened again.
        robot.interact(assessment::close);
        ComboBox<java.util.Locale> language = robot.lookup("#language").queryAs(ComboBox.class);
        robot.interact(() -> language.setValue(Messages.ENGLISH));
        try {
            WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#open-assessment").tryQuery()
                    .map(n -> ((Button) n).getText().equals("Enter assessment")).orElse(false));
        } catch (java.util.concurrent.TimeoutException e) {
            robot.lookup((Node n) -> n instanceof Label || n instanceof Button).queryAll()
                    .forEach(n -> System.out.println("SHOWN " + n.getId() + " " + (n instanceof Label l ? l.getText() : ((Button) n).getText())));
            throw e;
        }
        Stage english = openAssessment(robot);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> FxLookup.present(robot, n -> n instanceof Label l
                && l.getText() != null && l.getText().startsWith("State: being drafted")));
        robot.interact(() -> Screenshots.saveQuietly(english.getScene(), "assessment-en"));
        assertTrue(Files.size(Screenshots.DIR.resolve("assessment-en.png")) > 10_000);
        robot.interact(english::close);
    }

    @Test
    void closingWithAnAnswerTypedAndNotSavedAsksFirst(FxRobot robot) throws Exception {
        openCommune(robot);
        Stage assessment = openAssessment(robot);
        TextField answer = robot.lookup("#answer-" + IMMUNISATION).queryAs(TextField.class);
        String saved = answer.getText();
        String typed = "55".equals(saved) ? "56" : "55";
        robot.interact(() -> answer.setText(typed));

        robot.interact(() -> assessment.fireEvent(new javafx.stage.WindowEvent(assessment,
                javafx.stage.WindowEvent.WINDOW_CLOSE_REQUEST)));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#unsaved-guard").tryQuery().isPresent());
        press(robot, "Ở lại");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#unsaved-guard").tryQuery().isEmpty());
        assertTrue(assessment.isShowing(), "staying keeps the window");
        assertEquals(typed, answer.getText(), "and what was typed");

        robot.interact(() -> assessment.fireEvent(new javafx.stage.WindowEvent(assessment,
                javafx.stage.WindowEvent.WINDOW_CLOSE_REQUEST)));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#unsaved-guard").tryQuery().isPresent());
        press(robot, "Bỏ thay đổi");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !assessment.isShowing());
        Stage again = openAssessment(robot);
        assertEquals(saved, robot.lookup("#answer-" + IMMUNISATION).queryAs(TextField.class).getText(), "nothing was saved");
        robot.interact(again::close);
    }

    private static void press(FxRobot robot, String text) {
        robot.interact(() -> robot.lookup((Node n) -> n instanceof Button b && text.equals(b.getText())).queryButton().fire());
    }

    /** Scrolls the checklist so that the row shows, as a user scrolling to it would. */
    private static void scrollTo(FxRobot robot, Node row) {
        robot.interact(() -> {
            javafx.scene.control.ScrollPane scroll = robot.lookup("#assessment-checklist").queryAs(javafx.scene.control.ScrollPane.class);
            double room = scroll.getContent().getBoundsInLocal().getHeight() - scroll.getViewportBounds().getHeight();
            scroll.setVvalue(Math.min(1, Math.max(0, row.getBoundsInParent().getMinY() - 40) / room));
        });
        WaitForAsyncUtils.waitForFxEvents();
    }

    private void openCommune(FxRobot robot) throws Exception {
        TreeView<Unit> tree = robot.lookup("#unit-tree").queryAs(TreeView.class);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> tree.getRoot() != null && tree.getRoot().getValue() != null);
        robot.interact(() -> {
            List<TreeItem<Unit>> all = new ArrayList<>();
            items(tree.getRoot(), all);
            tree.getSelectionModel().select(all.stream().filter(i -> communeName.equals(i.getValue().name())).findFirst().orElseThrow());
        });
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#open-assessment").tryQuery().isPresent());
    }

    /** Opens the assessment from the commune page and waits for its checklist. */
    private Stage openAssessment(FxRobot robot) throws Exception {
        Button open = robot.lookup("#open-assessment").queryAs(Button.class);
        robot.interact(open::fire);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#points-" + IMMUNISATION).tryQuery()
                .map(n -> !((Label) n).getText().isEmpty()).orElse(false));
        Node row = robot.lookup("#row-" + IMMUNISATION).query();
        Window w = row.getScene().getWindow();
        assertTrue(w != stage && w instanceof Stage, "its own window");
        Stage s = (Stage) w;
        assertTrue(s.getWidth() <= 1366 && s.getHeight() <= 768, s.getWidth() + "x" + s.getHeight());
        return s;
    }

    private static void items(TreeItem<Unit> item, List<TreeItem<Unit>> out) {
        if (item.getValue() != null) {
            out.add(item);
        }
        item.getChildren().forEach(c -> items(c, out));
    }
}
