// SPDX-License-Identifier: Apache-2.0
package vn.ytcs.app.window;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import javafx.beans.value.ChangeListener;
import javafx.beans.value.ObservableValue;
import javafx.collections.FXCollections;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.geometry.Rectangle2D;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.TreeCell;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeView;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.Screen;
import javafx.stage.Stage;
import javafx.stage.Window;
import javafx.util.StringConverter;
import vn.ytcs.app.i18n.Formats;
import vn.ytcs.app.i18n.Labels;
import vn.ytcs.app.i18n.Messages;
import vn.ytcs.core.catalog.CatalogRevision;
import vn.ytcs.core.catalog.DerivedValue;
import vn.ytcs.core.catalog.Rule;
import vn.ytcs.core.service.ScoringService;
import vn.ytcs.core.text.VietText;
import vn.ytcs.core.unit.UnitType;

/**
 * The catalog editor window (issue 10): criteria and indicators on the left, the selected one's
 * form in the middle, every problem of the edit below as the province types, the preview of the
 * communes' scores in its own tab, and the reason and the save. Thin: the drafts, the checks, the
 * preview and the save are {@link CatalogEditorViewModel}'s.
 */
final class CatalogEditorView {

    private static final List<UnitType> COMMUNE_TYPES = List.of(UnitType.XA, UnitType.PHUONG, UnitType.THI_TRAN,
            UnitType.DAC_KHU);
    private static final List<String> KINDS = List.of("yesNo", "threshold", "checklist", "norm");

    private final CatalogEditorViewModel vm;
    private final Messages m;
    private final Labels labels;
    private final Formats formats;
    private final Stage stage = new Stage();
    private final TreeView<Object> tree = new TreeView<>();
    private final VBox form = new VBox(10);
    private final ListView<CatalogEditorViewModel.Problem> problems = new ListView<>();
    private final Label problemCount = new Label();
    private final Label header = new Label();
    private final Label info = new Label();
    private final Label message = new Label();
    private final VBox preview = new VBox(10);
    private final Tab previewTab = new Tab();
    private final TabPane tabs = new TabPane();
    private final List<Runnable> unbind = new ArrayList<>();
    private Object selected;

    CatalogEditorView(Window owner, CatalogEditorViewModel vm, Messages messages, List<String> stylesheets) {
        this.vm = vm;
        this.m = messages;
        this.labels = new Labels(messages);
        this.formats = new Formats(messages.locale());

        BorderPane root = new BorderPane();
        root.setId("catalog-editor");
        header.getStyleClass().add(Styles.TITLE);
        info.setWrapText(true);
        info.getStyleClass().add(Styles.NOTE);
        message.setWrapText(true);
        message.managedProperty().bind(message.visibleProperty());
        VBox top = new VBox(4, header, info, message);
        top.setPadding(new Insets(12, 16, 8, 16));
        root.setTop(top);

        tree.setId("catalog-tree");
        tree.setShowRoot(false);
        tree.setCellFactory(t -> new TreeCell<>() {
            @Override
            protected void updateItem(Object item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty || item == null ? null : itemText(item));
            }
        });
        tree.getSelectionModel().selectedItemProperty().addListener((o, a, b) -> {
            selected = b == null ? null : b.getValue();
            showForm();
        });
        tree.setPrefWidth(360);

        ScrollPane formScroll = new ScrollPane(form);
        formScroll.setFitToWidth(true);
        formScroll.setId("catalog-form-scroll");
        form.setPadding(new Insets(12, 16, 16, 16));
        form.setId("catalog-form");
        Tab editTab = new Tab(m.get("catalogEditor.tab.edit"), formScroll);
        editTab.setClosable(false);
        ScrollPane previewScroll = new ScrollPane(preview);
        previewScroll.setFitToWidth(true);
        previewScroll.setFitToHeight(true);
        preview.setPadding(new Insets(12, 16, 16, 16));
        previewTab.setText(m.get("catalogEditor.tab.preview"));
        previewTab.setContent(previewScroll);
        previewTab.setClosable(false);
        tabs.getTabs().addAll(editTab, previewTab);
        tabs.setId("catalog-tabs");
        SplitPane center = new SplitPane(tree, tabs);
        center.setDividerPositions(0.3);
        root.setCenter(center);

        problems.setId("catalog-problems");
        problems.setPrefHeight(96);
        problems.setCellFactory(l -> new javafx.scene.control.ListCell<>() {
            @Override
            protected void updateItem(CatalogEditorViewModel.Problem p, boolean empty) {
                super.updateItem(p, empty);
                setText(empty || p == null ? null : p.text());
                setWrapText(true);
            }
        });
        // Enter or a double click on a problem goes to the criterion or indicator it names.
        problems.setOnMouseClicked(e -> {
            if (e.getClickCount() == 2) {
                goTo(problems.getSelectionModel().getSelectedItem());
            }
        });
        problems.setOnKeyPressed(e -> {
            if (e.getCode() == javafx.scene.input.KeyCode.ENTER) {
                goTo(problems.getSelectionModel().getSelectedItem());
            }
        });
        problemCount.setId("catalog-problem-count");
        TextField reason = new TextField();
        reason.setId("catalog-reason");
        reason.setPromptText(m.get("catalogEditor.reason.prompt"));
        reason.textProperty().bindBidirectional(vm.reason());
        unbind.add(() -> reason.textProperty().unbindBidirectional(vm.reason()));
        HBox.setHgrow(reason, Priority.ALWAYS);
        Button previewButton = new Button(m.get("catalogEditor.preview"));
        previewButton.setId("catalog-preview");
        previewButton.setOnAction(e -> vm.preview());
        Button save = new Button(m.get("catalogEditor.save"));
        save.setId("catalog-save");
        save.setDefaultButton(true);
        save.setOnAction(e -> vm.save());
        Button discard = new Button(m.get("catalogEditor.discard"));
        discard.setId("catalog-discard");
        discard.setOnAction(e -> vm.discard());
        Button close = new Button(m.get("catalogEditor.close"));
        close.setId("catalog-close");
        close.setCancelButton(true);
        close.setOnAction(e -> stage.close());
        ProgressIndicator busy = new ProgressIndicator();
        busy.setMaxSize(22, 22);
        busy.visibleProperty().bind(vm.busy());
        previewButton.disableProperty().bind(vm.busy().or(vm.problems().isNotEqualTo(List.of()).or(vm.dirty().not())));
        save.disableProperty().bind(vm.canSave().not());
        discard.disableProperty().bind(vm.dirty().not().or(vm.busy()));
        unbind.add(() -> {
            busy.visibleProperty().unbind();
            previewButton.disableProperty().unbind();
            save.disableProperty().unbind();
            discard.disableProperty().unbind();
        });
        Label reasonLabel = new Label(m.get("catalogEditor.reason"));
        reasonLabel.setLabelFor(reason);
        reasonLabel.setMnemonicParsing(true);
        HBox actions = new HBox(8, reasonLabel, reason, busy, previewButton, save, discard, close);
        actions.setAlignment(Pos.CENTER_LEFT);
        VBox bottom = new VBox(6, problemCount, problems, actions);
        bottom.setPadding(new Insets(8, 16, 12, 16));
        root.setBottom(bottom);

        listen(vm.draft(), (o, a, b) -> rebuildTree());
        listen(vm.revision(), (o, a, b) -> showHeader());
        listen(vm.editable(), (o, a, b) -> {
            showHeader();
            showForm();
        });
        listen(vm.problems(), (o, a, b) -> showProblems());
        listen(vm.comparison(), (o, a, b) -> showPreview());
        listen(vm.error(), (o, a, b) -> showMessage());
        listen(vm.message(), (o, a, b) -> showMessage());

        Scene scene = new Scene(root);
        scene.getStylesheets().addAll(stylesheets);
        stage.setScene(scene);
        stage.initOwner(owner);
        stage.setTitle(m.get("catalogEditor.window"));
        Rectangle2D screen = Screen.getPrimary().getVisualBounds();
        stage.setWidth(Math.min(1366, screen.getWidth()));
        stage.setHeight(Math.min(768, screen.getHeight()));
        stage.setOnCloseRequest(e -> {
            if (vm.dirty().get()) {
                e.consume();
                EditorDialogs.unsaved(stage, m, stylesheets.isEmpty() ? null : stylesheets.get(0),
                        m.get("catalogEditor.window"), choice -> {
                            switch (choice) {
                                case SAVE -> {
                                    if (vm.canSave().get()) {
                                        vm.save();
                                    } else {
                                        reason.requestFocus();
                                    }
                                }
                                case DISCARD -> {
                                    vm.discard();
                                    stage.close();
                                }
                                case STAY -> {
                                }
                            }
                        });
            }
        });
        stage.setOnHidden(e -> {
            unbind.forEach(Runnable::run);
            unbind.clear();
        });
        showHeader();
        showProblems();
        showPreview();
        showMessage();
    }

    Stage stage() {
        return stage;
    }

    private <T> void listen(ObservableValue<T> value, ChangeListener<T> listener) {
        value.addListener(listener);
        unbind.add(() -> value.removeListener(listener));
    }

    private void showHeader() {
        CatalogRevision r = vm.revision().get();
        if (r == null) {
            header.setText(m.get("catalogEditor.window"));
            info.setText(m.get("catalogEditor.loading"));
            return;
        }
        header.setText(r.catalog().title().in(m.locale()) + " · " + labels.catalog(r.catalog().id(), r.revision()));
        String made = r.shipped() ? m.get("catalog.rev.shippedReason")
                : m.get("catalogEditor.madeBy", r.madeBy(), r.madeAt() == null ? "?" : formats.date(r.madeAt().toLocalDate()),
                        r.reason());
        info.setText(made + (vm.editable().get() ? "" : " " + m.get("catalogEditor.readOnly")));
        stage.setTitle(m.get("catalogEditor.window") + " · " + labels.catalog(r.catalog().id(), r.revision()));
    }

    private void showMessage() {
        String e = vm.error().get();
        String done = vm.message().get();
        message.getStyleClass().removeAll(Styles.WARNING, Styles.PASS);
        message.setVisible(e != null || done != null);
        message.setText(e != null ? e : done);
        message.getStyleClass().add(e != null ? Styles.WARNING : Styles.PASS);
        message.setId("catalog-message");
    }

    private void rebuildTree() {
        CatalogDraft d = vm.draft().get();
        TreeItem<Object> root = new TreeItem<>();
        if (d != null) {
            for (CatalogDraft.CriterionDraft c : d.criteria) {
                TreeItem<Object> item = new TreeItem<>(c);
                item.setExpanded(true);
                d.indicatorsOf(c.base.code()).forEach(i -> item.getChildren().add(new TreeItem<>(i)));
                root.getChildren().add(item);
            }
        }
        tree.setRoot(root);
        if (!root.getChildren().isEmpty()) {
            tree.getSelectionModel().select(root.getChildren().get(0));
        }
    }

    private String itemText(Object item) {
        Set<String> flagged = vm.problems().get().stream().map(CatalogEditorViewModel.Problem::subject)
                .collect(Collectors.toSet());
        if (item instanceof CatalogDraft.CriterionDraft c) {
            return (flagged.contains(c.base.code()) ? "⚠ " : "") + c.base.code() + " · " + name(c.nameVi, c.nameEn)
                    + " (" + c.maxPoints + ")";
        }
        CatalogDraft.IndicatorDraft i = (CatalogDraft.IndicatorDraft) item;
        return (flagged.contains(i.code()) ? "⚠ " : "") + i.code() + " · " + name(i.nameVi, i.nameEn)
                + (i.confirmed ? "" : " · " + m.get("catalog.draft"));
    }

    private String name(String vi, String en) {
        return "en".equals(m.locale().getLanguage()) && en != null && !en.isBlank() ? en : vi;
    }

    private void showProblems() {
        List<CatalogEditorViewModel.Problem> list = vm.problems().get();
        problems.setItems(FXCollections.observableArrayList(list));
        problemCount.setText(list.isEmpty() ? m.get("catalogEditor.problems.none") : m.get("catalogEditor.problems", list.size()));
        problemCount.getStyleClass().removeAll(Styles.WARNING_TEXT, Styles.NOTE);
        problemCount.getStyleClass().add(list.isEmpty() ? Styles.NOTE : Styles.WARNING_TEXT);
        tree.refresh();
    }

    private void goTo(CatalogEditorViewModel.Problem p) {
        if (p == null || tree.getRoot() == null) {
            return;
        }
        for (TreeItem<Object> c : tree.getRoot().getChildren()) {
            if (c.getValue() instanceof CatalogDraft.CriterionDraft cd && cd.base.code().equals(p.subject())) {
                tree.getSelectionModel().select(c);
                return;
            }
            for (TreeItem<Object> i : c.getChildren()) {
                if (((CatalogDraft.IndicatorDraft) i.getValue()).code().equals(p.subject())) {
                    tree.getSelectionModel().select(i);
                    tree.scrollTo(tree.getRow(i));
                    return;
                }
            }
        }
    }

    // --- the form ---

    private void showForm() {
        form.getChildren().clear();
        form.setDisable(!vm.editable().get());
        if (selected instanceof CatalogDraft.CriterionDraft c) {
            criterionForm(c);
        } else if (selected instanceof CatalogDraft.IndicatorDraft i) {
            indicatorForm(i);
        }
    }

    private void criterionForm(CatalogDraft.CriterionDraft c) {
        Label title = new Label(m.get("catalogEditor.criterion", c.base.code()));
        title.getStyleClass().add(Styles.SUBTITLE);
        GridPane g = grid();
        int row = 0;
        row = add(g, row, "catalogEditor.label.nameVi", text("crit-name-vi", c.nameVi, v -> c.nameVi = v));
        row = add(g, row, "catalogEditor.label.nameEn", text("crit-name-en", c.nameEn, v -> c.nameEn = v));
        add(g, row, "catalogEditor.label.maxPoints", text("crit-max", c.maxPoints, v -> {
            c.maxPoints = v;
            tree.refresh();
        }));
        form.getChildren().addAll(title, g, note(m.get("catalogEditor.criterion.sum")));
    }

    private void indicatorForm(CatalogDraft.IndicatorDraft i) {
        Label title = new Label(m.get("catalogEditor.indicator", i.code(), Integer.toString(i.base.number())));
        title.getStyleClass().add(Styles.SUBTITLE);
        GridPane g = grid();
        int row = 0;
        row = add(g, row, "catalogEditor.label.nameVi", text("ind-name-vi", i.nameVi, v -> {
            i.nameVi = v;
            tree.refresh();
        }));
        row = add(g, row, "catalogEditor.label.nameEn", text("ind-name-en", i.nameEn, v -> i.nameEn = v));
        CatalogDraft d = vm.draft().get();
        ComboBox<String> criterion = combo("ind-criterion", d.criteria.stream().map(c -> c.base.code()).toList(),
                i.criterion, c -> c, v -> {
                    i.criterion = v;
                    rebuildTreeKeeping(i);
                });
        row = add(g, row, "catalogEditor.label.criterion", criterion);
        row = add(g, row, "catalogEditor.label.maxPoints", text("ind-max", i.maxPoints, v -> i.maxPoints = v));
        CheckBox veto = check("ind-veto", m.get("catalogEditor.veto"), i.veto, v -> i.veto = v);
        row = add(g, row, "catalogEditor.label.veto", veto);

        FlowPane applies = new FlowPane(10, 6);
        for (UnitType t : COMMUNE_TYPES) {
            applies.getChildren().add(check("ind-type-" + t.name(), m.label("unitType", t), i.unitTypes.contains(t),
                    v -> toggle(i.unitTypes, t, v)));
        }
        for (int v = 1; v <= 3; v++) {
            int vung = v;
            applies.getChildren().add(check("ind-vung-" + v, m.get("catalogEditor.vung", Integer.toString(v)),
                    i.vung.contains(v), b -> toggle(i.vung, vung, b)));
        }
        row = add(g, row, "catalogEditor.label.appliesTo", new VBox(4, applies, note(m.get("catalogEditor.appliesTo.all"))));

        List<DerivedValue> inputs = new ArrayList<>();
        inputs.add(null);
        inputs.addAll(List.of(DerivedValue.values()));
        row = add(g, row, "catalogEditor.label.input", combo("ind-input", inputs, i.derived,
                v -> v == null ? m.get("catalogEditor.input.entered") : m.get("catalogEditor.input.derived", m.label("derived", v)),
                v -> i.derived = v));

        CheckBox confirmed = check("ind-confirmed", m.get("catalogEditor.confirmed"), i.confirmed, v -> {
            i.confirmed = v;
            tree.refresh();
        });
        TextField source = text("ind-source", i.source, v -> i.source = v);
        source.setPromptText(m.get("catalogEditor.source.prompt"));
        TextField draftNote = text("ind-note", i.note, v -> i.note = v);
        draftNote.setPromptText(m.get("catalogEditor.note.prompt"));
        row = add(g, row, "catalogEditor.label.provenance", new VBox(4, confirmed, source, draftNote));

        VBox ruleBox = new VBox(8);
        ComboBox<String> kind = combo("ind-kind", KINDS, i.kind, k -> m.get("catalogEditor.kind." + k), v -> {
            i.kind = v;
            ruleForm(i, ruleBox);
        });
        row = add(g, row, "catalogEditor.label.rule", kind);
        ruleForm(i, ruleBox);
        form.getChildren().addAll(title, g, ruleBox);
    }

    private void ruleForm(CatalogDraft.IndicatorDraft i, VBox box) {
        box.getChildren().clear();
        GridPane g = grid();
        int row = 0;
        switch (i.kind) {
            case "threshold" -> {
                row = add(g, row, "catalogEditor.label.direction", combo("ind-direction", List.of(Rule.Direction.values()),
                        i.direction, d -> m.get("catalogEditor.direction." + d.name()), v -> i.direction = v));
                row = add(g, row, "catalogEditor.label.unit", combo("ind-unit", List.of("percent", "count", "number"), i.unit,
                        u -> m.get("catalogEditor.unit." + u), v -> i.unit = v));
                List<Rule.VariantKey> by = new ArrayList<>();
                by.add(null);
                by.addAll(List.of(Rule.VariantKey.values()));
                row = add(g, row, "catalogEditor.label.variantsBy", combo("ind-variants-by", by, i.variantsBy,
                        k -> m.get("catalogEditor.variantsBy." + (k == null ? "NONE" : k.name())), v -> {
                            i.variantsBy(v);
                            ruleForm(i, box);
                        }));
                if (i.variantsBy == null) {
                    add(g, row, "catalogEditor.label.tiers", text("ind-tiers", i.tiers, v -> i.tiers = v));
                    box.getChildren().addAll(g, note(m.get("catalogEditor.tiers.help")));
                } else {
                    box.getChildren().addAll(g, variants(i), note(m.get("catalogEditor.tiers.help")));
                }
            }
            case "checklist" -> {
                TextArea items = new TextArea(i.items);
                items.setId("ind-items");
                items.setPrefRowCount(Math.max(3, (int) i.items.lines().count()));
                items.setWrapText(true);
                items.textProperty().addListener((o, a, b) -> {
                    i.items = b;
                    vm.changed();
                });
                row = add(g, row, "catalogEditor.label.items", items);
                add(g, row, "catalogEditor.label.cap", text("ind-cap", i.cap, v -> i.cap = v));
                box.getChildren().addAll(g, note(m.get("catalogEditor.items.help")));
            }
            case "norm" -> {
                row = add(g, row, "catalogEditor.label.formula", new Label(i.formula));
                add(g, row, "catalogEditor.label.tiers", text("ind-tiers", i.tiers, v -> i.tiers = v));
                box.getChildren().addAll(g, note(m.get("catalogEditor.norm.help")));
            }
            default -> box.getChildren().add(note(m.get("catalogEditor.yesNo.help")));
        }
    }

    /** One row per vùng or region: its tiers, or left open; draft or confirmed with a source. */
    private Node variants(CatalogDraft.IndicatorDraft i) {
        GridPane g = grid();
        g.add(bold(m.get("catalogEditor.variant.key")), 0, 0);
        g.add(bold(m.get("catalogEditor.label.tiers")), 1, 0);
        g.add(bold(m.get("catalogEditor.variant.open")), 2, 0);
        g.add(bold(m.get("catalogEditor.variant.draft")), 3, 0);
        g.add(bold(m.get("catalogEditor.variant.source")), 4, 0);
        int row = 1;
        for (var e : i.variants.entrySet()) {
            CatalogDraft.VariantDraft v = e.getValue();
            String id = "variant-" + e.getKey();
            Label key = new Label(vm.variant(e.getKey()));
            key.setWrapText(true);
            key.setMaxWidth(220);
            TextField tiers = text(id + "-tiers", v.tiers, t -> v.tiers = t);
            tiers.setDisable(v.open);
            CheckBox open = new CheckBox();
            open.setId(id + "-open");
            open.setSelected(v.open);
            open.setAccessibleText(m.get("catalogEditor.variant.open") + " " + key.getText());
            open.selectedProperty().addListener((o, a, b) -> {
                v.open = b;
                tiers.setDisable(b);
                vm.changed();
            });
            CheckBox draft = new CheckBox();
            draft.setId(id + "-draft");
            draft.setSelected(v.draft);
            draft.setAccessibleText(m.get("catalogEditor.variant.draft") + " " + key.getText());
            TextField source = text(id + "-source", v.source, t -> {
                v.source = t;
                v.own = true;
            });
            if (!v.note.isBlank()) {
                // A draft's note says where its thresholds were taken from: shown on the row, kept as it is.
                javafx.scene.control.Tooltip.install(key, new javafx.scene.control.Tooltip(v.note));
                source.setPromptText(v.note);
            }
            draft.selectedProperty().addListener((o, a, b) -> {
                v.draft = b;
                v.own = true;
                vm.changed();
            });
            g.addRow(row++, key, tiers, open, draft, source);
        }
        ColumnConstraints keyCol = new ColumnConstraints(160, 220, 260);
        ColumnConstraints tiersCol = new ColumnConstraints(140, 200, Double.MAX_VALUE);
        tiersCol.setHgrow(Priority.ALWAYS);
        g.getColumnConstraints().setAll(keyCol, tiersCol, new ColumnConstraints(), new ColumnConstraints(),
                new ColumnConstraints(120, 200, Double.MAX_VALUE));
        return g;
    }

    private void rebuildTreeKeeping(CatalogDraft.IndicatorDraft keep) {
        Object was = keep;
        rebuildTree();
        for (TreeItem<Object> c : tree.getRoot().getChildren()) {
            for (TreeItem<Object> i : c.getChildren()) {
                if (i.getValue() == was) {
                    tree.getSelectionModel().select(i);
                }
            }
        }
    }

    private static <T> void toggle(Set<T> set, T value, boolean on) {
        if (on) {
            set.add(value);
        } else {
            set.remove(value);
        }
    }

    private TextField text(String id, String value, Consumer<String> write) {
        TextField f = new TextField(value);
        f.setId(id);
        f.textProperty().addListener((o, a, b) -> {
            write.accept(b);
            vm.changed();
        });
        return f;
    }

    private CheckBox check(String id, String text, boolean value, Consumer<Boolean> write) {
        CheckBox c = new CheckBox(text);
        c.setId(id);
        c.setSelected(value);
        c.selectedProperty().addListener((o, a, b) -> {
            write.accept(b);
            vm.changed();
        });
        return c;
    }

    private <T> ComboBox<T> combo(String id, List<T> items, T value, java.util.function.Function<T, String> show,
                                  Consumer<T> write) {
        ComboBox<T> c = new ComboBox<>(FXCollections.observableArrayList(items));
        c.setId(id);
        c.setConverter(new StringConverter<>() {
            @Override
            public String toString(T t) {
                return items.contains(t) ? show.apply(t) : "";
            }

            @Override
            public T fromString(String s) {
                return null;
            }
        });
        // A null choice (entered by hand, one threshold for all) is shown by the cells too.
        c.setCellFactory(l -> new javafx.scene.control.ListCell<>() {
            @Override
            protected void updateItem(T t, boolean empty) {
                super.updateItem(t, empty);
                setText(empty ? null : show.apply(t));
            }
        });
        c.setButtonCell(c.getCellFactory().call(null));
        c.setValue(value);
        c.valueProperty().addListener((o, a, b) -> {
            write.accept(b);
            vm.changed();
        });
        return c;
    }

    private static GridPane grid() {
        GridPane g = new GridPane();
        g.setHgap(10);
        g.setVgap(8);
        ColumnConstraints label = new ColumnConstraints(150, 170, 220);
        ColumnConstraints field = new ColumnConstraints(200, 520, Double.MAX_VALUE);
        field.setHgrow(Priority.ALWAYS);
        g.getColumnConstraints().setAll(label, field);
        return g;
    }

    private int add(GridPane g, int row, String labelKey, Node field) {
        Label l = new Label(m.get(labelKey));
        l.setWrapText(true);
        l.setLabelFor(field);
        GridPane.setValignment(l, javafx.geometry.VPos.TOP);
        g.addRow(row, l, field);
        return row + 1;
    }

    private static Label note(String text) {
        Label l = new Label(text);
        l.setWrapText(true);
        l.getStyleClass().add(Styles.NOTE);
        return l;
    }

    private static Label bold(String text) {
        Label l = new Label(text);
        l.getStyleClass().add(Styles.SUBHEADING);
        return l;
    }

    // --- the preview ---

    private void showPreview() {
        List<ScoringService.Compared> rows = vm.comparison().get();
        preview.getChildren().clear();
        if (rows == null) {
            preview.getChildren().add(note(m.get("catalogEditor.preview.none")));
            return;
        }
        long passNow = rows.stream().filter(r -> r.now().passed()).count();
        long passEdited = rows.stream().filter(r -> r.edited().passed()).count();
        long changed = rows.stream().filter(ScoringService.Compared::changed).count();
        Label summary = new Label(m.get("catalogEditor.preview.summary", rows.size(), passNow, passEdited, changed));
        summary.setWrapText(true);
        summary.setId("catalog-preview-summary");
        summary.getStyleClass().add(Styles.FACTS);
        java.text.Collator collator = VietText.collator();
        List<ScoringService.Compared> sorted = new ArrayList<>(rows);
        sorted.sort(Comparator.comparing((ScoringService.Compared r) -> !r.changed())
                .thenComparing(r -> r.commune().name(), collator));
        TableView<ScoringService.Compared> table = new TableView<>(FXCollections.observableArrayList(sorted));
        table.setId("catalog-preview-table");
        table.getColumns().add(column(m.get("catalogEditor.preview.commune"), r -> labels.unit(r.commune()), 240));
        table.getColumns().add(column(m.get("catalogEditor.preview.now"), r -> points(r.now()), 150));
        table.getColumns().add(column(m.get("catalogEditor.preview.edited"), r -> points(r.edited()), 150));
        table.getColumns().add(column(m.get("catalogEditor.preview.change"), r -> change(r), 260));
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        VBox.setVgrow(table, Priority.ALWAYS);
        preview.getChildren().addAll(summary, table);
        if (tabs.getSelectionModel().getSelectedItem() != previewTab) {
            tabs.getSelectionModel().select(previewTab);
        }
    }

    private String points(vn.ytcs.core.scoring.Scorecard s) {
        return formats.number(s.points()) + " / " + formats.number(s.max()) + " · "
                + m.get(s.passed() ? "score.passed" : "score.failed");
    }

    private String change(ScoringService.Compared r) {
        if (!r.changed()) {
            return "";
        }
        java.math.BigDecimal delta = r.edited().points().subtract(r.now().points());
        String points = (delta.signum() > 0 ? "+" : "") + formats.number(delta);
        if (r.now().passed() != r.edited().passed()) {
            return points + " · " + m.get(r.edited().passed() ? "catalogEditor.preview.nowPasses" : "catalogEditor.preview.nowFails");
        }
        return points;
    }

    private static TableColumn<ScoringService.Compared, String> column(String title,
                                                                      java.util.function.Function<ScoringService.Compared, String> value,
                                                                      double width) {
        TableColumn<ScoringService.Compared, String> c = new TableColumn<>(title);
        c.setCellValueFactory(d -> new javafx.beans.property.ReadOnlyStringWrapper(value.apply(d.getValue())));
        c.setPrefWidth(width);
        return c;
    }
}
