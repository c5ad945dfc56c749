// SPDX-License-Identifier: Apache-2.0
package vn.ytcs.app.window;

import java.nio.file.Path;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.stage.Stage;
import javafx.stage.Window;
import vn.ytcs.app.i18n.Failures;
import vn.ytcs.app.i18n.Formats;
import vn.ytcs.app.i18n.Labels;
import vn.ytcs.app.i18n.Messages;
import vn.ytcs.core.service.Reorganisation;
import vn.ytcs.core.station.Station;

/**
 * The reorganisation dialog (issue 11): a mapping file and the unit the new ones go under, checked
 * whole, the preview per new unit, then applied. Thin: the work is {@link ReorganiseViewModel}'s.
 */
final class ReorganiseDialog {

    private final ReorganiseViewModel vm;
    private final Messages m;
    private final VBox body = new VBox(12);
    private final Stage stage;
    private final TextField file = new TextField();
    private final TextField parent = new TextField();
    private final VBox result = new VBox(8);

    ReorganiseDialog(Window owner, ReorganiseViewModel vm, Messages m, String stylesheet) {
        this.vm = vm;
        this.m = m;
        this.stage = SyncDialogs.modal(owner, m.get("reorg.window"), body, 1100, 680, stylesheet);
        Label title = new Label(m.get("reorg.window"));
        title.getStyleClass().add(Styles.TITLE);
        Label help = new Label(m.get("reorg.help"));
        help.setWrapText(true);
        help.getStyleClass().add(Styles.NOTE);
        file.setId("reorg-file");
        file.setPromptText(m.get("reorg.file.prompt"));
        HBox.setHgrow(file, Priority.ALWAYS);
        Button choose = new Button(m.get("reorg.choose"));
        choose.setOnAction(e -> {
            FileChooser chooser = new FileChooser();
            chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("CSV", "*.csv"));
            java.io.File f = chooser.showOpenDialog(stage);
            if (f != null) {
                file.setText(f.toString());
            }
        });
        parent.setId("reorg-parent");
        parent.setPromptText(m.get("reorg.parent.prompt"));
        parent.setPrefColumnCount(8);
        Button check = new Button(m.get("reorg.check"));
        check.setId("reorg-check");
        check.setDefaultButton(true);
        check.setOnAction(e -> {
            if (!file.getText().isBlank()) {
                vm.check(Path.of(file.getText().strip()), parent.getText());
            }
        });
        ProgressIndicator busy = new ProgressIndicator();
        busy.setMaxSize(22, 22);
        busy.visibleProperty().bind(vm.busy());
        Label parentLabel = new Label(m.get("reorg.parent"));
        parentLabel.setLabelFor(parent);
        HBox line = new HBox(8, file, choose, parentLabel, parent, check, busy);
        line.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        VBox.setVgrow(result, Priority.ALWAYS);
        body.getChildren().addAll(title, help, line, result);
        vm.plan().addListener((o, a, b) -> show());
        vm.problem().addListener((o, a, b) -> show());
        vm.done().addListener((o, a, b) -> show());
        show();
    }

    Stage stage() {
        return stage;
    }

    private void show() {
        result.getChildren().clear();
        if (vm.problem().get() != null) {
            Label problem = new Label(Failures.describe(vm.problem().get(), m));
            problem.setWrapText(true);
            problem.setId("reorg-problem");
            problem.getStyleClass().add(Styles.WARNING);
            result.getChildren().addAll(problem, SyncDialogs.buttons(stage, m));
            return;
        }
        Reorganisation.Plan p = vm.plan().get();
        if (p == null) {
            result.getChildren().add(SyncDialogs.buttons(stage, m));
            return;
        }
        long communes = p.units().stream().mapToLong(u -> u.merged().size()).sum();
        String key = vm.done().get() ? "reorg.done" : p.nothingToDo() ? "cli.reorg.already" : "reorg.preview";
        Label summary = new Label(m.get("cli.reorg.summary", p.file().toString(), p.units().size(), communes) + " "
                + m.get(key, p.units().size()));
        summary.setWrapText(true);
        summary.setId("reorg-summary");
        summary.getStyleClass().add(Styles.CARD);
        TableView<Reorganisation.NewUnit> table = table(p.units(), m);
        table.setId("reorg-table");
        VBox.setVgrow(table, Priority.ALWAYS);
        result.getChildren().addAll(summary, table);
        if (!vm.done().get() && !p.nothingToDo()) {
            Button apply = new Button(m.get("reorg.apply", p.units().size()));
            apply.setId("reorg-apply");
            apply.disableProperty().bind(vm.busy());
            apply.setOnAction(e -> vm.apply());
            result.getChildren().add(SyncDialogs.buttons(stage, m, apply));
        } else {
            result.getChildren().add(SyncDialogs.buttons(stage, m));
        }
    }

    /** The new units, one row each: this dialog's preview and an import's alike. */
    static TableView<Reorganisation.NewUnit> table(java.util.List<Reorganisation.NewUnit> units, Messages m) {
        Labels labels = new Labels(m);
        Formats formats = new Formats(m.locale());
        TableView<Reorganisation.NewUnit> table = new TableView<>(FXCollections.observableArrayList(units));
        table.getColumns().add(column(m.get("col.code"), Reorganisation.NewUnit::code, 70));
        table.getColumns().add(column(m.get("col.newUnit"), u -> labels.unit(u.type().name(), u.name()), 170));
        table.getColumns().add(column(m.get("col.from"), u -> formats.date(u.from()), 90));
        table.getColumns().add(column(m.get("col.mergedFrom"), u -> String.join(", ", u.merged().stream().map(labels::unit).toList()), 300));
        table.getColumns().add(column(m.get("col.keptStation"), u -> u.station().map(Station::name).orElse("–"), 200));
        table.getColumns().add(column(m.get("col.healthPoints"), u -> Integer.toString(u.healthPoints().size()), 80));
        table.getColumns().add(column(m.get("col.staff"), u -> Integer.toString(u.staff()), 70));
        table.getColumns().add(column(m.get("col.hamlets"), u -> Integer.toString(u.hamlets()), 50));
        return table;
    }

    private static TableColumn<Reorganisation.NewUnit, String> column(String title,
                                                                     java.util.function.Function<Reorganisation.NewUnit, String> value,
                                                                     double width) {
        TableColumn<Reorganisation.NewUnit, String> c = new TableColumn<>(title);
        c.setCellValueFactory(d -> new ReadOnlyStringWrapper(value.apply(d.getValue())));
        c.setPrefWidth(width);
        return c;
    }
}
