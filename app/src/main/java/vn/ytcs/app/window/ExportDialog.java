// SPDX-License-Identifier: Apache-2.0
package vn.ytcs.app.window;

import java.nio.file.Path;
import java.util.List;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.RadioButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.stage.DirectoryChooser;
import javafx.stage.Stage;
import javafx.stage.Window;
import vn.ytcs.app.i18n.Failures;
import vn.ytcs.app.i18n.Messages;

/** Exporting a package: USB sticks offered first, or any folder; progress while it is written and checked. */
final class ExportDialog {

    private final SyncViewModel vm;
    private final Messages m;
    private final VBox body = new VBox(12);
    private final Stage stage;
    private final ToggleGroup targets = new ToggleGroup();
    private final CheckBox full = new CheckBox();
    private final CheckBox gzip = new CheckBox();
    private Path chosen;
    /** The folder of the export under way, named when the failure names none. */
    private Path writingTo;

    ExportDialog(Window owner, SyncViewModel vm, Messages messages, String stylesheet) {
        this.vm = vm;
        this.m = messages;
        this.stage = SyncDialogs.modal(owner, m.get("sync.export.title"), body, 660, 440, stylesheet);
        full.setText(m.get("cli.option.full"));
        gzip.setText(m.get("cli.option.gzip"));
        vm.step().addListener((o, a, b) -> render());
        render();
    }

    Stage stage() {
        return stage;
    }

    private void render() {
        body.getChildren().clear();
        Label title = new Label(m.get("sync.export.title"));
        title.getStyleClass().add(Styles.TITLE);
        body.getChildren().add(title);
        switch (vm.step().get()) {
            case WORKING -> body.getChildren().add(SyncDialogs.progress(m.get("sync.export.writing")));
            case DONE -> {
                var e = vm.exported().get();
                Label done = new Label(m.get("sync.export.done", e.file().toString(), Integer.toString(e.manifest().sequence()),
                        e.manifest().total()));
                done.setWrapText(true);
                done.getStyleClass().add(Styles.CARD);
                body.getChildren().addAll(done, buttons(null));
            }
            case FAILED -> {
                Throwable failure = vm.failure().get();
                String known = Failures.known(failure, m, writingTo);
                Label error = new Label(known != null ? known : m.get("sync.export.failed", Failures.detail(failure)));
                error.setWrapText(true);
                error.getStyleClass().add(Styles.WARNING);
                body.getChildren().addAll(error, buttons(null));
            }
            default -> choose();
        }
    }

    private void choose() {
        List<Path> drives = RemovableDrives.find();
        body.getChildren().add(new Label(m.get(drives.isEmpty() ? "sync.export.noDrive" : "sync.export.drives")));
        for (Path drive : drives) {
            RadioButton r = new RadioButton(drive.toString());
            r.setToggleGroup(targets);
            r.setUserData(drive);
            body.getChildren().add(r);
        }
        if (!targets.getToggles().isEmpty() && targets.getSelectedToggle() == null) {
            targets.selectToggle(targets.getToggles().get(0));
        }
        Button other = new Button(m.get("sync.export.otherFolder"));
        Label otherLabel = new Label(chosen == null ? "" : chosen.toString());
        other.setOnAction(e -> {
            DirectoryChooser chooser = new DirectoryChooser();
            var dir = chooser.showDialog(stage);
            if (dir != null) {
                chosen = dir.toPath();
                targets.selectToggle(null);
                otherLabel.setText(chosen.toString());
            }
        });
        body.getChildren().addAll(new HBox(10, other, otherLabel), full, gzip);
        Button export = new Button(m.get("sync.export.write"));
        export.setDefaultButton(true);
        export.setId("export");
        export.setOnAction(e -> {
            Path target = targets.getSelectedToggle() != null ? (Path) targets.getSelectedToggle().getUserData() : chosen;
            if (target != null) {
                writingTo = target;
                vm.export(target, full.isSelected(), gzip.isSelected());
            }
        });
        body.getChildren().add(buttons(export));
    }

    /** Preselects a folder (tests, and a folder chosen earlier). */
    void choose(Path folder) {
        chosen = folder;
        targets.selectToggle(null);
        render();
    }

    private HBox buttons(Button primary) {
        return primary == null ? SyncDialogs.buttons(stage, m) : SyncDialogs.buttons(stage, m, primary);
    }
}
