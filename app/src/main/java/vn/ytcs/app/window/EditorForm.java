// SPDX-License-Identifier: Apache-2.0
package vn.ytcs.app.window;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import javafx.collections.MapChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Control;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;
import org.controlsfx.validation.Severity;
import org.controlsfx.validation.ValidationResult;
import org.controlsfx.validation.ValidationSupport;
import vn.ytcs.app.i18n.Formats;
import vn.ytcs.app.i18n.Messages;

/**
 * The form of one record on the commune page, bound to its {@link EditorViewModel}: a label, a
 * control and the rule it breaks in plain words for each field (two fields a row, so that the
 * form fits above the page at 1366×768), ControlsFX decorations on the controls at fault. Enter
 * saves, Esc cancels; the tab order is the fields', then save, cancel, history.
 */
final class EditorForm {

    private final EditorViewModel<?> vm;
    private final Messages m;
    private final Runnable cancel;
    private final Runnable history;
    private final ValidationSupport validation = new ValidationSupport();
    private final List<Control> controls = new ArrayList<>();

    EditorForm(EditorViewModel<?> vm, Messages messages, Runnable cancel, Runnable history) {
        this.vm = vm;
        this.m = messages;
        this.cancel = cancel;
        this.history = history;
    }

    Node build() {
        Label title = new Label(vm.title());
        title.getStyleClass().add(Styles.SUBHEADING);
        GridPane grid = new GridPane();
        grid.setHgap(8);
        grid.setVgap(2);
        for (int c = 0; c < 2; c++) {
            ColumnConstraints label = new ColumnConstraints();
            label.setMinWidth(Region.USE_PREF_SIZE);
            ColumnConstraints control = new ColumnConstraints(200, 260, 320);
            control.setHgrow(Priority.SOMETIMES);
            grid.getColumnConstraints().addAll(label, control);
        }
        int i = 0;
        for (EditorViewModel.Field f : vm.fields()) {
            int col = (i % 2) * 2;
            int row = (i / 2) * 2;
            Label label = new Label(m.get(f.label()));
            Control control = control(f);
            control.setId("field-" + f.name());
            label.setLabelFor(control);
            controls.add(control);
            Label problem = new Label();
            problem.setId("problem-" + f.name());
            problem.getStyleClass().add(Styles.WARNING_TEXT);
            problem.setWrapText(true);
            problem.setMaxWidth(320);
            // Clear of the decoration ControlsFX puts on the control's lower left corner.
            problem.setPadding(new Insets(0, 0, 0, 10));
            problem.setText(vm.problems().getOrDefault(f.name(), ""));
            VBox cell = new VBox(1, control, problem);
            if (f.previous() != null) {
                Label previous = new Label(m.get("editor.figures.previous", f.previous()));
                previous.getStyleClass().add(Styles.NOTE);
                previous.setId("previous-" + f.name());
                cell.getChildren().add(1, previous);
            }
            grid.add(label, col, row);
            grid.add(cell, col + 1, row);
            GridPane.setValignment(label, javafx.geometry.VPos.TOP);
            label.setPadding(new Insets(5, 0, 0, 0));
            validation.registerValidator(control, false, (Control c, Object value) -> {
                String text = vm.problems().get(f.name());
                return ValidationResult.fromMessageIf(c, text == null ? "" : text, Severity.ERROR, text != null);
            });
            vm.problems().addListener((MapChangeListener<String, String>) ch -> {
                if (ch.getKey().equals(f.name())) {
                    problem.setText(vm.problems().getOrDefault(f.name(), ""));
                }
            });
            i++;
        }
        vm.problems().addListener((MapChangeListener<String, String>) ch -> validation.revalidate());

        Label failure = new Label();
        failure.setId("editor-failure");
        failure.getStyleClass().add(Styles.WARNING_TEXT);
        failure.setWrapText(true);
        failure.textProperty().bind(vm.failure());
        failure.managedProperty().bind(failure.textProperty().isNotEmpty());

        Button save = new Button(m.get("editor.save"));
        save.setId("editor-save");
        save.setOnAction(e -> vm.save());
        save.disableProperty().bind(vm.busy());
        Button cancelButton = new Button(m.get("editor.cancel"));
        cancelButton.setId("editor-cancel");
        cancelButton.setOnAction(e -> cancel.run());
        Button historyButton = new Button(m.get("editor.history"));
        historyButton.setId("editor-history");
        historyButton.setOnAction(e -> history.run());
        ProgressIndicator busy = new ProgressIndicator();
        busy.setMaxSize(20, 20);
        busy.visibleProperty().bind(vm.busy());
        Label keys = new Label(m.get("editor.keys"));
        keys.getStyleClass().add(Styles.NOTE);
        HBox buttons = new HBox(8, save, cancelButton, historyButton, busy, keys);
        buttons.setAlignment(Pos.CENTER_LEFT);

        VBox box = new VBox(6, title, grid, failure, buttons);
        box.setPadding(new Insets(10, 20, 10, 20));
        box.getStyleClass().add(Styles.EDITOR);
        box.setId("editor-form");
        box.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == KeyCode.ENTER && e.getTarget() instanceof Button b) {
                b.fire(); // Enter on cancel or history does what the button says
                e.consume();
            } else if (e.getCode() == KeyCode.ENTER) {
                vm.save();
                e.consume();
            } else if (e.getCode() == KeyCode.ESCAPE) {
                cancel.run();
                e.consume();
            }
        });
        return box;
    }

    /** Puts the keyboard in the first field. */
    void focus() {
        if (!controls.isEmpty()) {
            controls.get(0).requestFocus();
        }
    }

    private Control control(EditorViewModel.Field f) {
        return switch (f.type()) {
            case CHOICE -> choice(f);
            case DATE -> date(f);
            default -> text(f);
        };
    }

    private TextField text(EditorViewModel.Field f) {
        TextField field = new TextField((String) vm.value(f.name()).get());
        field.textProperty().addListener((o, a, b) -> vm.set(f.name(), b));
        if (f.type() == EditorViewModel.Type.WHOLE) {
            field.setPrefColumnCount(8);
        }
        return field;
    }

    private ComboBox<Object> choice(EditorViewModel.Field f) {
        ComboBox<Object> box = new ComboBox<>();
        box.getItems().addAll(f.choices());
        box.setValue(vm.value(f.name()).get());
        box.setMaxWidth(Double.MAX_VALUE);
        box.setConverter(new StringConverter<>() {
            @Override
            public String toString(Object value) {
                return value instanceof Enum<?> e ? label(f, e) : "";
            }

            @Override
            public Object fromString(String s) {
                return null;
            }
        });
        box.valueProperty().addListener((o, a, b) -> vm.set(f.name(), b));
        return box;
    }

    private String label(EditorViewModel.Field f, Enum<?> e) {
        String prefix = switch (f.name()) {
            case "sex" -> "sex";
            case "profession" -> "profession";
            case "employment" -> "employment";
            case "hamlet_kind" -> "hamletKind";
            case "worker_role" -> "workerRole";
            default -> "region";
        };
        return m.label(prefix, e);
    }

    /** A date typed as dd/mm/yyyy, or picked from the calendar; the text typed is what the view model reads. */
    private DatePicker date(EditorViewModel.Field f) {
        DatePicker picker = new DatePicker();
        Formats formats = new Formats(m.locale());
        picker.setConverter(new StringConverter<>() {
            @Override
            public String toString(LocalDate d) {
                return formats.date(d);
            }

            @Override
            public LocalDate fromString(String s) {
                try {
                    return s == null || s.isBlank() ? null
                            : LocalDate.parse(s.strip(), java.time.format.DateTimeFormatter.ofPattern("d/M/uuuu"));
                } catch (java.time.format.DateTimeParseException e) {
                    return picker.getValue();
                }
            }
        });
        picker.setPromptText("dd/mm/yyyy");
        picker.getEditor().setText((String) vm.value(f.name()).get());
        picker.getEditor().textProperty().addListener((o, a, b) -> vm.set(f.name(), b));
        picker.valueProperty().addListener((o, a, b) -> {
            String text = formats.date(b);
            if (!text.equals(picker.getEditor().getText())) {
                picker.getEditor().setText(text);
            }
        });
        picker.setMaxWidth(Double.MAX_VALUE);
        return picker;
    }
}
