// SPDX-License-Identifier: Apache-2.0
package vn.ytcs.app.window;

import java.util.List;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.stage.Modality;
import javafx.stage.Window;
import vn.ytcs.app.i18n.Messages;

/** The small dialogs of the register editors: a record's history, and the unsaved-changes guard. */
final class EditorDialogs {

    /** What the user chose with changes not saved. */
    enum Choice {
        SAVE, DISCARD, STAY
    }

    private EditorDialogs() {
    }

    /** When, who, which field, old → new; shown without blocking, closed with Esc or Enter. */
    static Dialog<Void> history(Window owner, Messages m, String stylesheet, String title,
                                List<RegisterEditingViewModel.HistoryRow> rows) {
        TableView<RegisterEditingViewModel.HistoryRow> table = new TableView<>(FXCollections.observableArrayList(rows));
        table.getColumns().add(column(m.get("editor.history.when"), RegisterEditingViewModel.HistoryRow::when, 140));
        table.getColumns().add(column(m.get("editor.history.who"), RegisterEditingViewModel.HistoryRow::who, 120));
        table.getColumns().add(column(m.get("editor.history.field"), RegisterEditingViewModel.HistoryRow::field, 150));
        table.getColumns().add(column(m.get("editor.history.before"), RegisterEditingViewModel.HistoryRow::before, 260));
        table.getColumns().add(column(m.get("editor.history.after"), RegisterEditingViewModel.HistoryRow::after, 260));
        table.setPlaceholder(new Label(m.get("editor.history.empty")));
        table.setPrefSize(960, 360);
        table.setId("history-table");
        Dialog<Void> dialog = new Dialog<>();
        dialog.initOwner(owner);
        dialog.initModality(Modality.WINDOW_MODAL);
        dialog.setTitle(m.get("editor.history.title", title));
        dialog.setHeaderText(m.get("editor.history.title", title));
        dialog.getDialogPane().setContent(table);
        dialog.getDialogPane().getButtonTypes().add(new ButtonType(m.get("editor.close"), ButtonBar.ButtonData.CANCEL_CLOSE));
        dialog.getDialogPane().getStylesheets().add(stylesheet);
        dialog.getDialogPane().setId("history-dialog");
        dialog.show();
        return dialog;
    }

    /**
     * Asks what to do with the form's changes before leaving the page or closing the window:
     * save, discard or stay. Does not block; {@code chosen} gets the answer (Esc is "stay").
     */
    static Alert unsaved(Window owner, Messages m, String stylesheet, String form, java.util.function.Consumer<Choice> chosen) {
        ButtonType save = new ButtonType(m.get("editor.guard.save"), ButtonBar.ButtonData.YES);
        ButtonType discard = new ButtonType(m.get("editor.guard.discard"), ButtonBar.ButtonData.NO);
        ButtonType stay = new ButtonType(m.get("editor.guard.stay"), ButtonBar.ButtonData.CANCEL_CLOSE);
        Alert alert = new Alert(Alert.AlertType.CONFIRMATION, m.get("editor.guard.text", form), save, discard, stay);
        alert.initOwner(owner);
        alert.setTitle(m.get("editor.guard.title"));
        alert.setHeaderText(m.get("editor.guard.title"));
        alert.getDialogPane().getStylesheets().add(stylesheet);
        alert.getDialogPane().setId("unsaved-guard");
        alert.getDialogPane().setPrefWidth(520);
        alert.setOnHidden(e -> {
            ButtonType result = alert.getResult();
            chosen.accept(result == save ? Choice.SAVE : result == discard ? Choice.DISCARD : Choice.STAY);
        });
        alert.show();
        return alert;
    }

    private static <T> TableColumn<T, String> column(String title, Function<T, String> value, double width) {
        TableColumn<T, String> column = new TableColumn<>(title);
        column.setCellValueFactory(c -> new ReadOnlyStringWrapper(value.apply(c.getValue())));
        column.setPrefWidth(width);
        return column;
    }
}
