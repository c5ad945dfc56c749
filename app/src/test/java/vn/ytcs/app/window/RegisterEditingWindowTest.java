// SPDX-License-Identifier: Apache-2.0
package vn.ytcs.app.window;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeView;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import javafx.stage.WindowEvent;
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
import vn.ytcs.app.i18n.ScoreTexts;
import vn.ytcs.app.root.Ytcs;
import vn.ytcs.core.catalog.Catalog;
import vn.ytcs.core.hamlet.Hamlet;
import vn.ytcs.core.scoring.CommuneScoring;
import vn.ytcs.core.scoring.Failure;
import vn.ytcs.core.service.ScoringService;
import vn.ytcs.core.staff.Employment;
import vn.ytcs.core.staff.Profession;
import vn.ytcs.core.staff.Sex;
import vn.ytcs.core.staff.StaffMember;
import vn.ytcs.core.task.Progress;
import vn.ytcs.core.unit.Unit;
import vn.ytcs.core.unit.UnitTree;

/** The register editors in the real window, headless under Monocle, on the demo province. */
@Tag("gui")
@ExtendWith(ApplicationExtension.class)
class RegisterEditingWindowTest extends WindowTest {

    private static final Failure DOCTOR_VETO = new Failure.VetoAtZero("TC2.06");

    @TempDir
    static Path demoDir;
    /** A commune whose station has no permanent doctor, and another one. */
    static String commune;
    static String other;
    static Catalog catalog;

    @BeforeAll
    static void loadDemo() {
        try (Ytcs ytcs = Ytcs.open(demoDir, "test")) {
            ytcs.register().loadDemo(DemoLoader.World.OLD_STRUCTURE, Progress.NONE);
            LocalDate day = ytcs.register().defaultAsOf(LocalDate.now());
            UnitTree tree = ytcs.register().tree(day);
            ScoringService.Scored scored = ytcs.scoring().scored(tree, tree.communes(), ytcs.scoring().period(null, day), day);
            CommuneScoring.Result without = scored.results().stream()
                    .filter(r -> r.profile().station().isPresent() && r.profile().permanentDoctors() == 0)
                    .filter(r -> r.scorecard().failures().contains(DOCTOR_VETO)).findFirst().orElseThrow();
            commune = without.commune().name();
            other = scored.results().stream().map(CommuneScoring.Result::commune).map(Unit::name)
                    .filter(n -> !n.equals(commune)).findFirst().orElseThrow();
            catalog = without.scorecard().catalog();
        }
    }

    @Start
    void start(Stage stage) {
        start(stage, demoDir, Messages.VIETNAMESE);
    }

    @Test
    void aPermanentDoctorLiftsTheVetoAndHerLeavingBringsItBack(FxRobot robot) throws Exception {
        open(robot, commune);
        Messages m = Messages.of(Messages.VIETNAMESE);
        String veto = new ScoreTexts(m).failures(List.of(DOCTOR_VETO), catalog).get(0);
        assertTrue(hasLabelContaining(robot, veto), "the doctor indicator vetoes the commune: " + veto);

        scrollTo(robot, "#add-staff");
        fire(robot, "#add-staff");
        waitFor(robot, "#editor-form");
        robot.clickOn("#field-full_name");
        robot.interact(() -> {
            robot.lookup("#field-full_name").queryAs(TextField.class).setText("Nguyễn Thị Hoa");
            robot.lookup("#field-sex").queryAs(ComboBox.class).setValue(Sex.F);
            robot.lookup("#field-profession").queryAs(ComboBox.class).setValue(Profession.BAC_SI);
            robot.lookup("#field-employment").queryAs(ComboBox.class).setValue(Employment.PERMANENT);
            robot.lookup("#field-birth_year").queryAs(TextField.class).setText("1900");
        });
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#problem-birth_year").queryAs(Label.class)
                .getText().equals(m.get("field.problem.OUT_OF_RANGE", "1900", "1930", "2020")));
        robot.type(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
        Thread.sleep(300);
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(robot.lookup("#editor-form").tryQuery().isPresent(), "a year out of range is not saved");
        assertTrue(hasLabelContaining(robot, veto));
        robot.interact(() -> Screenshots.saveQuietly(stage.getScene(), "editor-staff-vi"));

        robot.interact(() -> robot.lookup("#field-birth_year").queryAs(TextField.class).setText("1985"));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#problem-birth_year").queryAs(Label.class)
                .getText().isEmpty());
        robot.clickOn("#field-full_name");
        robot.type(KeyCode.ENTER);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#editor-form").tryQuery().isEmpty());
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !hasLabelContaining(robot, veto));
        assertTrue(hasLabelContaining(robot, m.get("editor.saved.staff")));

        // The page reads the register again and is rescored: each step rebuilds the tables, keeping the selection.
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> staffNamed(robot, "Nguyễn Thị Hoa"));
        robot.interact(() -> {
            TableView<StaffMember> staff = robot.lookup("#staff-table").queryAs(TableView.class);
            staff.getSelectionModel().select(staff.getItems().stream()
                    .filter(s -> s.fullName().equals("Nguyễn Thị Hoa")).findFirst().orElseThrow());
        });
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !robot.lookup("#leave-staff").queryAs(Button.class).isDisabled());
        fire(robot, "#leave-staff");
        waitFor(robot, "#field-end_date");
        robot.clickOn("#field-end_date");
        robot.type(KeyCode.ENTER);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#editor-form").tryQuery().isEmpty());
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> hasLabelContaining(robot, veto));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !staffNamed(robot, "Nguyễn Thị Hoa"));
        robot.interact(() -> robot.lookup("#show-former").queryAs(javafx.scene.control.CheckBox.class).setSelected(true));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> staffNamed(robot, "Nguyễn Thị Hoa"));

        // Undo (Ctrl+Z on the page) takes the leaving back: the doctor is current again and the veto goes.
        robot.interact(() -> robot.lookup("#editor-undo").queryAs(Button.class).requestFocus());
        robot.press(KeyCode.CONTROL).press(KeyCode.Z).release(KeyCode.Z).release(KeyCode.CONTROL);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !hasLabelContaining(robot, veto));
    }

    @Test
    void leavingThePageOrClosingTheWindowWithChangesAsksFirst(FxRobot robot) throws Exception {
        open(robot, commune);
        fire(robot, "#edit-station");
        waitFor(robot, "#field-name");
        String name = robot.lookup("#field-name").queryAs(TextField.class).getText();
        robot.interact(() -> robot.lookup("#field-name").queryAs(TextField.class).setText(name + " (mới)"));

        TreeView<Unit> tree = robot.lookup("#unit-tree").queryAs(TreeView.class);
        select(robot, tree, other);
        waitFor(robot, "#unsaved-guard");
        robot.interact(() -> Screenshots.saveQuietly(guard(robot).getScene(), "editor-guard-vi"));
        assertEquals(commune, tree.getSelectionModel().getSelectedItem().getValue().name(), "the page stays until answered");
        clickButton(robot, "Ở lại");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#unsaved-guard").tryQuery().isEmpty());
        assertEquals(name + " (mới)", robot.lookup("#field-name").queryAs(TextField.class).getText(), "nothing was lost");

        robot.interact(() -> stage.fireEvent(new WindowEvent(stage, WindowEvent.WINDOW_CLOSE_REQUEST)));
        waitFor(robot, "#unsaved-guard");
        assertTrue(stage.isShowing(), "the window stays open until answered");
        clickButton(robot, "Ở lại");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#unsaved-guard").tryQuery().isEmpty());
        assertTrue(stage.isShowing());

        // Another language builds the window anew: the form asks first, and staying keeps both.
        ComboBox<Locale> language = robot.lookup("#language").queryAs(ComboBox.class);
        robot.interact(() -> language.setValue(Messages.ENGLISH));
        waitFor(robot, "#unsaved-guard");
        clickButton(robot, "Ở lại");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#unsaved-guard").tryQuery().isEmpty());
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> "vi".equals(language.getValue().getLanguage()));
        assertEquals(name + " (mới)", robot.lookup("#field-name").queryAs(TextField.class).getText(), "nothing was lost");

        select(robot, tree, other);
        waitFor(robot, "#unsaved-guard");
        clickButton(robot, "Lưu");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> hasLabel(robot, "Xã " + other) || hasLabelContaining(robot, other));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> tree.getSelectionModel().getSelectedItem().getValue().name().equals(other));
        open(robot, commune);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> hasLabel(robot, name + " (mới)"));

        fire(robot, "#edit-station");
        waitFor(robot, "#field-name");
        robot.interact(() -> robot.lookup("#field-name").queryAs(TextField.class).setText("Bỏ đi"));
        select(robot, tree, other);
        waitFor(robot, "#unsaved-guard");
        clickButton(robot, "Bỏ thay đổi");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> tree.getSelectionModel().getSelectedItem().getValue().name().equals(other));
        open(robot, commune);
        assertTrue(hasLabel(robot, name + " (mới)"), "the discarded name was not saved");
        assertFalse(hasLabel(robot, "Bỏ đi"));
    }

    @Test
    void screenshotsOfEachEditorInBothLanguages(FxRobot robot) throws Exception {
        robot.interact(() -> stage.setMaximized(true));
        open(robot, commune);
        shoot(robot, "vi");
        ComboBox<Locale> language = robot.lookup("#language").queryAs(ComboBox.class);
        robot.interact(() -> language.setValue(Messages.ENGLISH));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> hasLabel(robot, "Station staff"));
        waitFor(robot, "#add-staff");
        shoot(robot, "en");

        assertTrue(robot.lookup("#zone-note").tryQuery().isPresent(), "a district sees the vùng read-only, with why");
        assertTrue(robot.lookup("#edit-zone").tryQuery().isEmpty());
        fire(robot, "#edit-station");
        waitFor(robot, "#field-name");
        robot.interact(() -> robot.lookup("#field-name").queryAs(TextField.class).setText("Station"));
        TreeView<Unit> tree = robot.lookup("#unit-tree").queryAs(TreeView.class);
        select(robot, tree, other);
        waitFor(robot, "#unsaved-guard");
        robot.interact(() -> Screenshots.saveQuietly(guard(robot).getScene(), "editor-guard-en"));
        clickButton(robot, "Stay");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#unsaved-guard").tryQuery().isEmpty());
        robot.clickOn("#field-name");
        robot.type(KeyCode.ESCAPE);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#editor-form").tryQuery().isEmpty());
    }

    private void shoot(FxRobot robot, String lang) throws Exception {
        scrollTo(robot, "#station-name");
        robot.interact(() -> Screenshots.saveQuietly(stage.getScene(), "editor-page-" + lang));
        fire(robot, "#edit-station");
        waitFor(robot, "#editor-form");
        robot.interact(() -> Screenshots.saveQuietly(stage.getScene(), "editor-station-" + lang));
        robot.type(KeyCode.ESCAPE);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#editor-form").tryQuery().isEmpty());

        if (lang.equals("en")) {
            scrollTo(robot, "#add-staff");
            fire(robot, "#add-staff");
            waitFor(robot, "#editor-form");
            robot.interact(() -> robot.lookup("#field-birth_year").queryAs(TextField.class).setText("1900"));
            WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !robot.lookup("#problem-birth_year").queryAs(Label.class)
                    .getText().isEmpty());
            robot.interact(() -> Screenshots.saveQuietly(stage.getScene(), "editor-staff-en"));
            robot.type(KeyCode.ESCAPE);
            WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#editor-form").tryQuery().isEmpty());
        }

        TableView<Hamlet> hamlets = robot.lookup("#hamlet-table").queryAs(TableView.class);
        robot.interact(() -> hamlets.getSelectionModel().select(0));
        waitFor(robot, "#add-worker");
        scrollTo(robot, "#hamlet-table");
        fire(robot, "#add-worker");
        waitFor(robot, "#editor-form");
        robot.interact(() -> robot.lookup("#field-training_months").queryAs(TextField.class).setText("-1"));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !robot.lookup("#problem-training_months").queryAs(Label.class)
                .getText().isEmpty());
        robot.interact(() -> Screenshots.saveQuietly(stage.getScene(), "editor-worker-" + lang));
        robot.type(KeyCode.ESCAPE);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#editor-form").tryQuery().isEmpty());

        fire(robot, "#edit-hamlet");
        waitFor(robot, "#editor-form");
        robot.interact(() -> Screenshots.saveQuietly(stage.getScene(), "editor-hamlet-" + lang));
        robot.type(KeyCode.ESCAPE);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#editor-form").tryQuery().isEmpty());

        fire(robot, "#edit-figures");
        waitFor(robot, "#editor-form");
        robot.interact(() -> {
            TextField population = robot.lookup("#field-population").queryAs(TextField.class);
            robot.lookup("#field-insured").queryAs(TextField.class)
                    .setText(Integer.toString(Integer.parseInt(population.getText()) + 100));
        });
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !robot.lookup("#problem-insured").queryAs(Label.class)
                .getText().isEmpty());
        robot.interact(() -> Screenshots.saveQuietly(stage.getScene(), "editor-figures-" + lang));
        robot.type(KeyCode.ESCAPE);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#editor-form").tryQuery().isEmpty());

        fire(robot, "#station-history");
        waitFor(robot, "#history-dialog");
        DialogPane history = robot.lookup("#history-dialog").queryAs(DialogPane.class);
        robot.interact(() -> Screenshots.saveQuietly(history.getScene(), "editor-history-" + lang));
        robot.interact(() -> ((Stage) history.getScene().getWindow()).close());
    }

    // ---- helpers ----

    private void open(FxRobot robot, String name) throws Exception {
        // The whole of a 1366x768 screen, for the screenshots in docs/.
        robot.interact(() -> stage.setMaximized(true));
        TreeView<Unit> tree = robot.lookup("#unit-tree").queryAs(TreeView.class);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> tree.getRoot() != null && tree.getRoot().getValue() != null);
        select(robot, tree, name);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#add-staff").tryQuery().isPresent());
    }

    /** Scrolls the commune page so that the node is at the top of what it shows. */
    private static void scrollTo(FxRobot robot, String id) {
        robot.interact(() -> {
            javafx.scene.control.ScrollPane scroll = robot.lookup("#commune-view").queryAs(javafx.scene.control.ScrollPane.class);
            Node node = robot.lookup(id).query();
            Node content = scroll.getContent();
            double y = content.sceneToLocal(node.localToScene(0, 0)).getY();
            double range = content.getLayoutBounds().getHeight() - scroll.getViewportBounds().getHeight();
            scroll.setVvalue(range <= 0 ? 0 : Math.min(1, Math.max(0, (y - 10) / range)));
        });
        WaitForAsyncUtils.waitForFxEvents();
    }

    private static void fire(FxRobot robot, String id) {
        robot.interact(() -> robot.lookup(id).queryAs(Button.class).fire());
    }

    private static void waitFor(FxRobot robot, String id) throws Exception {
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup(id).tryQuery().isPresent());
    }

    /** Whether the staff table shown lists the name (looked up on the FX thread: the page may be rebuilding). */
    private static boolean staffNamed(FxRobot robot, String name) {
        boolean[] found = new boolean[1];
        robot.interact(() -> found[0] = robot.lookup("#staff-table").tryQuery()
                .map(t -> ((TableView<?>) t).getItems().stream().anyMatch(s -> ((StaffMember) s).fullName().equals(name)))
                .orElse(false));
        return found[0];
    }

    private static DialogPane guard(FxRobot robot) {
        return robot.lookup("#unsaved-guard").queryAs(DialogPane.class);
    }

    private static void clickButton(FxRobot robot, String text) {
        Button b = robot.from(guard(robot)).lookup((Node n) -> n instanceof Button x && text.equals(x.getText()))
                .queryAs(Button.class);
        robot.interact(b::fire);
    }

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
        return FxLookup.present(robot, n -> n instanceof Label l && text.equals(l.getText()));
    }

    private static boolean hasLabelContaining(FxRobot robot, String text) {
        return FxLookup.present(robot, n -> n instanceof Label l && l.getText() != null && l.getText().contains(text));
    }
}
