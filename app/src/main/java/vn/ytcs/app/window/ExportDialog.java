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
import vn.ytcs.app.i18n.SyncTexts;
import vn.ytcs.core.site.Site;

/**
 * Exporting a package: who signs it (this site's name and fingerprint) and for whom, USB sticks
 * offered first (looked for in the background), or any folder; progress while it is written and
 * checked. Writing waits until a place is chosen.
 */
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
        this.stage = SyncDialogs.modal(owner, m.get("sync.export.title"), body, 660, 480, stylesheet);
        full.setText(m.get("cli.option.full"));
        gzip.setText(m.get("cli.option.gzip"));
        vm.step().addListener((o, a, b) -> render());
        vm.self().addListener((o, a, b) -> render());
        vm.drives().addListener((o, a, b) -> render());
        render();
        vm.describeExport();
    }

    Stage stage() {
        return stage;
    }

    private void render() {
        body.getChildren().clear();
        Label title = new Label(m.get("sync.export.title"));
        title.getStyleClass().add(Styles.TITLE);
        body.getChildren().add(title);
        Site self = vm.self().get();
        if (self != null) {
            Site to = vm.receiver().get();
            Label who = new Label(m.get("sync.export.signedBy", SyncTexts.siteName(self.name()),
                    self.fingerprint() == null ? "–" : self.fingerprint(),
                    to == null ? m.get("cli.export.anyone") : SyncTexts.siteName(to.name())));
            who.setWrapText(true);
            who.setId("own-site");
            who.getStyleClass().add(Styles.FACTS);
            body.getChildren().add(who);
        }
        switch (vm.step().get()) {
            case WORKING -> body.getChildren().addAll(SyncDialogs.progress(vm.progress(), m.get("sync.export.writing")),
                    SyncDialogs.stop(vm::cancel, m));
            case DONE -> {
                var e = vm.exported().get();
                Label done = new Label(m.get("sync.export.done", e.file().toString(), Integer.toString(e.manifest().sequence()),
                        e.manifest().total()));
                done.setWrapText(true);
                done.getStyleClass().add(Styles.CARD);
                body.getChildren().addAll(done, buttons(null));
            }
            case CANCELLED -> {
                Label stopped = new Label(m.get("sync.export.cancelled"));
                stopped.setWrapText(true);
                body.getChildren().addAll(stopped, buttons(null));
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
        List<Path> drives = vm.drives().get();
        Button export = new Button(m.get("sync.export.write"));
        if (drives == null) {
            body.getChildren().add(new Label(m.get("sync.export.looking")));
        } else {
            body.getChildren().add(new Label(m.get(drives.isEmpty() ? "sync.export.noDrive" : "sync.export.drives")));
            targets.getToggles().clear();
            for (Path drive : drives) {
                RadioButton r = new RadioButton(drive.toString());
                r.setToggleGroup(targets);
                r.setUserData(drive);
                body.getChildren().add(r);
            }
            if (chosen == null && !targets.getToggles().isEmpty() && targets.getSelectedToggle() == null) {
                targets.selectToggle(targets.getToggles().get(0));
            }
        }
        Button other = new Button(m.get("sync.export.otherFolder"));
        Label otherLabel = new Label(chosen == null ? "" : chosen.toString());
        other.setOnAction(e -> {
            DirectoryChooser chooser = new DirectoryChooser();
            var dir = chooser.showDialog(stage);
            if (dir != null) {
                choose(dir.toPath());
            }
        });
        body.getChildren().addAll(new HBox(10, other, otherLabel), full, gzip);
        Label hint = new Label(m.get("sync.export.chooseFirst"));
        hint.setId("export-hint");
        // Nothing to write to yet: say so, rather than a button that does nothing.
        export.disableProperty().bind(targets.selectedToggleProperty().isNull().and(
                javafx.beans.binding.Bindings.createBooleanBinding(() -> chosen == null)));
        hint.visibleProperty().bind(export.disableProperty());
        export.setDefaultButton(true);
        export.setId("export");
        export.setOnAction(e -> {
            Path target = target();
            if (target != null) {
                writingTo = target;
                vm.export(target, full.isSelected(), gzip.isSelected());
            }
        });
        body.getChildren().addAll(hint, buttons(export));
    }

    private Path target() {
        return targets.getSelectedToggle() != null ? (Path) targets.getSelectedToggle().getUserData() : chosen;
    }

    /** Chooses a folder (the folder chooser, tests). */
    void choose(Path folder) {
        chosen = folder;
        targets.selectToggle(null);
        render();
    }

    private HBox buttons(Button primary) {
        return primary == null ? SyncDialogs.buttons(stage, m) : SyncDialogs.buttons(stage, m, primary);
    }
}
