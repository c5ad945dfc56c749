// SPDX-License-Identifier: Apache-2.0
package vn.ytcs.app.window;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Supplier;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.value.ChangeListener;
import javafx.beans.value.ObservableValue;
import javafx.collections.FXCollections;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.MouseButton;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import vn.ytcs.app.i18n.Formats;
import vn.ytcs.app.i18n.Labels;
import vn.ytcs.app.i18n.Messages;
import vn.ytcs.core.commune.CommuneProfile;
import vn.ytcs.core.figures.CommuneYear;
import vn.ytcs.core.hamlet.Hamlet;
import vn.ytcs.core.hamlet.HamletWorker;
import vn.ytcs.core.hamlet.WorkerRole;
import vn.ytcs.core.scoring.CommuneScoring;
import vn.ytcs.core.service.CommuneRegister;
import vn.ytcs.core.staff.StaffMember;
import vn.ytcs.core.station.Station;
import vn.ytcs.core.unit.Unit;

/**
 * A commune's page: its scorecard, then its register (station and health points, vùng, figures
 * of a chosen year, staff, hamlets and their workers) with the buttons that open each editor in
 * the form above the page. Binds to {@link RegisterEditingViewModel}; read-only without one.
 */
final class CommuneView {

    private final Messages m;
    private final Labels labels;
    private final Formats formats;
    private final Supplier<String> stylesheet;
    private final List<Runnable> unbind = new ArrayList<>();
    private RegisterEditingViewModel editing;
    private final VBox register = new VBox(10);
    private final VBox formSlot = new VBox();
    private ScrollPane scroll;
    private BorderPane pane;
    /** The bar above the page: undo, the status of the last save, and the page's other actions. */
    private HBox bar;
    private final VBox content = new VBox();
    private CommuneProfile profile;
    private UUID selectedHamlet;
    /** Rows selected, kept by id while the page is read again after a save. */
    private UUID selectedStaff;
    private UUID selectedWorker;
    /** The button that opened the form: the keyboard goes back to it when the form closes. */
    private String returnFocus;

    CommuneView(Messages messages, Supplier<String> stylesheet) {
        this.m = messages;
        this.labels = new Labels(messages);
        this.formats = new Formats(messages.locale());
        this.stylesheet = stylesheet;
    }

    /**
     * The page with its editors: the open form stays above the scrolling page (it never scrolls
     * away), the status of the last save and the undo beside it.
     */
    BorderPane page(CommuneProfile p, CommuneScoring.Result scored, RegisterEditingViewModel vm) {
        this.editing = vm;
        this.profile = p;
        content.getChildren().setAll(head(p, scored), register);
        register.setPadding(new Insets(0, 20, 20, 20));
        scroll = new ScrollPane(content);
        scroll.setFitToWidth(true);
        scroll.setId("commune-view");

        Button undo = new Button(m.get("editor.undo"));
        undo.setId("editor-undo");
        undo.setTooltip(new javafx.scene.control.Tooltip(m.get("editor.undo.tooltip")));
        undo.disableProperty().bind(vm.canUndo().not().or(vm.busy()));
        undo.setOnAction(e -> vm.undo());
        Label status = new Label();
        status.setId("editor-status");
        status.getStyleClass().add(Styles.NOTE);
        status.textProperty().bind(vm.status());
        bar = new HBox(10, undo, status);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.setPadding(new Insets(6, 20, 6, 20));
        bar.getStyleClass().add(Styles.EDITOR_BAR);

        pane = new BorderPane(scroll);
        pane.setTop(new VBox(formSlot, bar));
        pane.setId("commune-page");
        KeyCombination ctrlZ = new KeyCodeCombination(KeyCode.Z, KeyCombination.SHORTCUT_DOWN);
        pane.setOnKeyPressed(e -> {
            if (ctrlZ.match(e) && vm.editor().get() == null) {
                vm.undo();
                e.consume();
            }
        });

        listen(vm.data(), (o, a, b) -> showRegister(profile));
        listen(vm.showFormer(), (o, a, b) -> showRegister(profile));
        listen(vm.year(), (o, a, b) -> showRegister(profile));
        listen(vm.editor(), (o, a, b) -> showForm());
        showRegister(p);
        showForm();
        return pane;
    }

    /**
     * The same commune rescored (after a save): its scorecard and figures replaced in place, the
     * form, the focus and the scroll left as they are.
     */
    BorderPane update(CommuneProfile p, CommuneScoring.Result scored) {
        this.profile = p;
        content.getChildren().set(0, head(p, scored));
        showRegister(p);
        return pane;
    }

    /** Adds an action of the page (opening the assessment) to the bar above it, first. */
    void addAction(Node action) {
        bar.getChildren().add(0, action);
    }

    ScrollPane scroll() {
        return scroll;
    }

    void dispose() {
        unbind.forEach(Runnable::run);
        unbind.clear();
    }

    private <T> void listen(ObservableValue<T> value, ChangeListener<T> listener) {
        value.addListener(listener);
        unbind.add(() -> value.removeListener(listener));
    }

    private VBox head(CommuneProfile p, CommuneScoring.Result scored) {
        Label title = new Label(labels.unit(p.commune()));
        title.getStyleClass().add(Styles.TITLE);
        String district = p.district().map(labels::unit).orElse("");
        Label subtitle = new Label(p.commune().vung() == null
                ? m.get("window.commune.subtitleNoVung", district, labels.code(p.commune()))
                : m.get("window.commune.subtitle", district, labels.code(p.commune()), p.commune().vung().toString()));
        subtitle.getStyleClass().add(Styles.SUBTITLE);
        VBox box = new VBox(10, title, subtitle);
        box.setPadding(new Insets(16, 20, 20, 20));
        if (scored != null) {
            box.getChildren().add(section(m.get("window.score.title", Integer.toString(scored.period()))));
            box.getChildren().add(new ScorecardView(m).build(scored));
        }
        return box;
    }

    /** The commune's history (issue 11): what it was formed from, or what it became, and when. */
    private void history(CommuneRegister.History h) {
        if (!h.formedFrom().isEmpty()) {
            Label l = facts(m.get("window.commune.formedFrom", formats.date(h.formedFrom().get(0).day()),
                    String.join(", ", h.formedFrom().stream().map(x -> labels.unit(x.unit()) + " (" + x.unit().code() + ")").toList())));
            l.setId("unit-history");
            register.getChildren().add(l);
        }
        for (CommuneRegister.Step b : h.became()) {
            Label l = facts(m.get("window.commune.became", formats.date(b.day()), labels.unit(b.unit()) + " (" + b.unit().code() + ")"));
            l.setId("unit-history");
            register.getChildren().add(l);
        }
    }

    private Node stationFacts(CommuneProfile p) {
        VBox box = new VBox(6, facts(m.get("window.station.facts", p.staff().size(), p.doctors(), p.permanentDoctors())));
        if (p.permanentDoctors() == 0) {
            Label warning = new Label(m.get("window.station.noPermanentDoctor"));
            warning.getStyleClass().add(Styles.WARNING);
            warning.setId("no-permanent-doctor");
            box.getChildren().add(warning);
        }
        return box;
    }

    private void showForm() {
        EditorViewModel<?> form = editing.editor().get();
        if (form == null) {
            formSlot.getChildren().clear();
            restoreFocus();
            return;
        }
        Node owner = register.getScene() == null ? null : register.getScene().getFocusOwner();
        if (owner != null && owner.getId() != null && register.lookup("#" + owner.getId()) == owner) {
            returnFocus = owner.getId();
        }
        EditorForm view = new EditorForm(form, m, editing::closeEditor, () -> history(form.recordId(), form.title()));
        formSlot.getChildren().setAll(view.build());
        view.focus();
    }

    private void history(UUID id, String title) {
        editing.history(id, rows -> EditorDialogs.history(register.getScene() == null ? null : register.getScene().getWindow(),
                m, stylesheet.get(), title, rows));
    }

    /** The register part of the page, as the view model last read it. */
    private void showRegister(CommuneProfile p) {
        CommuneRegister r = editing.data().get();
        register.getChildren().clear();
        if (r == null) {
            register.getChildren().add(facts(m.get("window.loading")));
            return;
        }
        history(r.history());
        register.getChildren().add(section(m.get("window.station.title")));
        Button editStation = button(r.station().isPresent() ? "editor.station.edit" : "editor.station.add", "edit-station",
                () -> editing.editStation());
        if (r.station().isPresent()) {
            Station s = r.station().get();
            Label name = new Label(s.name());
            name.getStyleClass().add(Styles.CARD);
            name.setId("station-name");
            Button history = button("editor.history", "station-history", () -> history(s.id(), s.name()));
            HBox line = new HBox(10, name, editStation, history);
            line.setAlignment(Pos.CENTER_LEFT);
            register.getChildren().add(line);
            String contact = m.get("editor.station.contact", blank(s.address()), blank(s.phone()));
            register.getChildren().add(facts(contact));
            register.getChildren().add(stationFacts(p));
        } else {
            register.getChildren().addAll(facts(m.get("window.station.none")), editStation);
        }
        register.getChildren().add(facts(r.healthPoints().isEmpty() ? m.get("editor.healthPoints.none")
                : m.get("editor.healthPoints", String.join(", ", r.healthPoints().stream().map(Station::name).toList()))));
        register.getChildren().add(zone(r.commune()));
        register.getChildren().add(figures());

        register.getChildren().add(section(m.get("window.staff.title")));
        register.getChildren().add(staff());
        register.getChildren().add(section(m.get("window.hamlets.title")));
        register.getChildren().add(hamlets(r));
        restoreFocus();
    }

    private void restoreFocus() {
        if (editing.editor().get() != null || returnFocus == null) {
            return;
        }
        Node n = register.lookup("#" + returnFocus);
        if (n != null && !n.isDisabled()) {
            n.requestFocus();
        } else {
            Node add = register.lookup("#add-staff");
            if (add != null && (register.getScene() == null || register.getScene().getFocusOwner() == null
                    || register.getScene().getFocusOwner().getScene() == null)) {
                add.requestFocus();
            }
        }
    }

    private Node zone(Unit u) {
        String text = m.get("editor.zone.text", u.vung() == null ? "–" : u.vung().toString(),
                u.region() == null ? "–" : m.label("region", u.region()));
        Label label = facts(text);
        label.setId("zone");
        HBox line = new HBox(10, label);
        line.setAlignment(Pos.CENTER_LEFT);
        if (editing.province().get()) {
            line.getChildren().add(button("editor.zone.edit", "edit-zone", () -> editing.editZone()));
        } else {
            Label note = new Label(m.get("editor.zone.provinceAssigns"));
            note.getStyleClass().add(Styles.NOTE);
            note.setId("zone-note");
            line.getChildren().add(note);
        }
        return line;
    }

    private Node figures() {
        ComboBox<Integer> years = new ComboBox<>(FXCollections.observableArrayList(editing.years()));
        years.setValue(editing.year().get());
        years.setId("figures-year");
        years.valueProperty().addListener((o, a, b) -> {
            if (b != null) {
                editing.year().set(b);
            }
        });
        Label label = new Label(m.get("editor.figures.year"));
        label.setLabelFor(years);
        String values = editing.figures().map(this::figureValues).orElse(m.get("window.figures.none"));
        Label shown = facts(values);
        shown.setId("figures-values");
        HBox line = new HBox(10, label, years, shown, button("editor.figures.edit", "edit-figures",
                () -> editing.editFigures()));
        line.setAlignment(Pos.CENTER_LEFT);
        return line;
    }

    private String figureValues(CommuneYear f) {
        return m.get("window.figures.values", formats.integer(f.population()), formats.share(f.insured(), f.population()),
                formats.share(f.healthRecords(), f.population()), formats.integer(f.childrenUnder5()));
    }

    private Node staff() {
        List<StaffMember> shown = editing.staff();
        TableView<StaffMember> table = new TableView<>(FXCollections.observableArrayList(shown));
        table.getColumns().add(column(m.get("col.fullName"), StaffMember::fullName, 220));
        table.getColumns().add(column(m.get("col.sex"), s -> labels.sex(s.sex()), 70));
        table.getColumns().add(column(m.get("col.birthYear"), s -> s.birthYear() == null ? "" : s.birthYear().toString(), 90));
        table.getColumns().add(column(m.get("col.profession"), s -> labels.of("profession", s.profession()), 210));
        table.getColumns().add(column(m.get("col.employment"), s -> labels.of("employment", s.employment()), 110));
        table.getColumns().add(column(m.get("col.startDate"), s -> formats.date(s.startDate()), 100));
        table.getColumns().add(column(m.get("editor.col.endDate"), s -> formats.date(s.endDate()), 100));
        table.setPlaceholder(new Label(m.get(editing.showFormer().get() ? "editor.staff.noFormer" : "editor.staff.none")));
        fitRows(table, shown.size());
        table.setId("staff-table");
        Button add = button("editor.staff.add", "add-staff", () -> editing.addStaff());
        add.setDisable(editing.data().get().station().isEmpty());
        Button edit = selectionButton(table, "editor.staff.edit", "edit-staff", s -> editing.editStaff(s));
        Button leave = selectionButton(table, "editor.staff.leave", "leave-staff", s -> editing.leaveStaff(s));
        Button history = selectionButton(table, "editor.history", "staff-history", s -> history(s.id(), s.fullName()));
        CheckBox former = new CheckBox(m.get("editor.staff.showFormer"));
        former.setId("show-former");
        former.setSelected(editing.showFormer().get());
        former.selectedProperty().addListener((o, a, b) -> editing.showFormer().set(b));
        openOnEnter(table, s -> editing.editStaff(s));
        shown.stream().filter(s -> s.id().equals(selectedStaff)).findFirst().ifPresent(s -> table.getSelectionModel().select(s));
        table.getSelectionModel().selectedItemProperty().addListener((o, a, b) -> selectedStaff = b == null ? null : b.id());
        HBox buttons = new HBox(8, add, edit, leave, history, former);
        buttons.setAlignment(Pos.CENTER_LEFT);
        return new VBox(6, buttons, table);
    }

    private Node hamlets(CommuneRegister r) {
        long served = r.hamlets().stream().filter(h -> h.existsOn(editing.day()))
                .filter(h -> r.workersOf(h).stream().anyMatch(w -> w.activeOn(editing.day()) && w.trained()
                        && w.role() == WorkerRole.HEALTH_WORKER)).count();
        long existing = r.hamlets().stream().filter(h -> h.existsOn(editing.day())).count();
        Label facts = facts(m.get("window.hamlets.facts", existing, served));
        TableView<Hamlet> table = new TableView<>(FXCollections.observableArrayList(r.hamlets()));
        table.getColumns().add(column(m.get("col.hamlet"), h -> h.existsOn(editing.day()) ? h.name()
                : m.get("editor.hamlet.abolished", h.name(), formats.date(h.abolishedOn())), 230));
        table.getColumns().add(column(m.get("editor.field.hamletKind"), h -> m.label("hamletKind", h.kind()), 90));
        table.getColumns().add(column(m.get("col.households"), h -> formats.integer(h.households()), 80));
        table.getColumns().add(column(m.get("col.healthWorker"), h -> worker(r, h, WorkerRole.HEALTH_WORKER), 230));
        table.getColumns().add(column(m.get("col.midwife"), h -> worker(r, h, WorkerRole.VILLAGE_MIDWIFE), 230));
        fitRows(table, r.hamlets().size());
        table.setId("hamlet-table");
        Button add = button("editor.hamlet.add", "add-hamlet", () -> editing.addHamlet());
        Button edit = selectionButton(table, "editor.hamlet.edit", "edit-hamlet", h -> editing.editHamlet(h));
        Button abolish = selectionButton(table, "editor.hamlet.abolish", "abolish-hamlet", h -> editing.abolishHamlet(h));
        Button history = selectionButton(table, "editor.history", "hamlet-history", h -> history(h.id(), h.name()));
        openOnEnter(table, h -> editing.editHamlet(h));
        HBox buttons = new HBox(8, add, edit, abolish, history);
        buttons.setAlignment(Pos.CENTER_LEFT);

        VBox workers = new VBox(6);
        table.getSelectionModel().selectedItemProperty().addListener((o, a, b) -> {
            selectedHamlet = b == null ? null : b.id();
            workers.getChildren().setAll(b == null ? List.of(facts(m.get("editor.workers.select"))) : List.of(workers(r, b)));
        });
        workers.getChildren().setAll(facts(m.get("editor.workers.select")));
        r.hamlets().stream().filter(h -> h.id().equals(selectedHamlet)).findFirst()
                .ifPresent(h -> table.getSelectionModel().select(h));
        return new VBox(6, facts, buttons, table, workers);
    }

    private String worker(CommuneRegister r, Hamlet h, WorkerRole role) {
        return r.workersOf(h).stream().filter(w -> w.role() == role && w.activeOn(editing.day())).findFirst()
                .map(w -> w.fullName() + " · " + trainingText(w))
                .orElse(role == WorkerRole.HEALTH_WORKER ? m.get("window.hamlet.noWorker") : "");
    }

    /** Months of training, flagged when short of what the role requires. */
    private String trainingText(HamletWorker w) {
        String months = Integer.toString(w.trainingMonths());
        return w.trainingMonths() < w.role().requiredTrainingMonths()
                ? m.get("window.hamlet.undertrained", months, Integer.toString(w.role().requiredTrainingMonths()))
                : m.get("editor.worker.months", months);
    }

    private Node workers(CommuneRegister r, Hamlet h) {
        List<HamletWorker> all = r.workersOf(h);
        TableView<HamletWorker> table = new TableView<>(FXCollections.observableArrayList(all));
        table.getColumns().add(column(m.get("col.fullName"), HamletWorker::fullName, 220));
        table.getColumns().add(column(m.get("col.sex"), w -> labels.sex(w.sex()), 70));
        table.getColumns().add(column(m.get("editor.field.workerRole"), w -> m.label("workerRole", w.role()), 180));
        table.getColumns().add(column(m.get("col.training"), w -> w.active() ? Integer.toString(w.trainingMonths())
                : m.get("window.hamlet.inactive", Integer.toString(w.trainingMonths())), 140));
        table.getColumns().add(column(m.get("editor.col.endDate"), w -> formats.date(w.endDate()), 120));
        table.setPlaceholder(new Label(m.get("editor.workers.none")));
        fitRows(table, all.size());
        table.setId("worker-table");
        Button addWorker = button("editor.worker.addHealthWorker", "add-worker",
                () -> editing.addWorker(h, WorkerRole.HEALTH_WORKER));
        Button addMidwife = button("editor.worker.addMidwife", "add-midwife",
                () -> editing.addWorker(h, WorkerRole.VILLAGE_MIDWIFE));
        Button edit = selectionButton(table, "editor.worker.edit", "edit-worker", w -> editing.editWorker(w));
        Button leave = selectionButton(table, "editor.worker.leave", "leave-worker", w -> editing.leaveWorker(w));
        Button history = selectionButton(table, "editor.history", "worker-history", w -> history(w.id(), w.fullName()));
        openOnEnter(table, w -> editing.editWorker(w));
        all.stream().filter(w -> w.id().equals(selectedWorker)).findFirst().ifPresent(w -> table.getSelectionModel().select(w));
        table.getSelectionModel().selectedItemProperty().addListener((o, a, b) -> selectedWorker = b == null ? null : b.id());
        HBox buttons = new HBox(8, addWorker, addMidwife, edit, leave, history);
        buttons.setAlignment(Pos.CENTER_LEFT);
        Label title = new Label(m.get("editor.workers.title", h.name()));
        title.getStyleClass().add(Styles.SUBHEADING);
        return new VBox(6, title, buttons, table);
    }

    private Button button(String key, String id, Runnable action) {
        Button b = new Button(m.get(key));
        b.setId(id);
        b.setOnAction(e -> action.run());
        return b;
    }

    private <T> Button selectionButton(TableView<T> table, String key, String id, java.util.function.Consumer<T> action) {
        Button b = new Button(m.get(key));
        b.setId(id);
        b.disableProperty().bind(table.getSelectionModel().selectedItemProperty().isNull());
        b.setOnAction(e -> {
            T item = table.getSelectionModel().getSelectedItem();
            if (item != null) {
                action.accept(item);
            }
        });
        return b;
    }

    /** Enter or a double click on a row opens it in the form. */
    private static <T> void openOnEnter(TableView<T> table, java.util.function.Consumer<T> open) {
        table.setOnKeyPressed(e -> {
            T item = table.getSelectionModel().getSelectedItem();
            if (e.getCode() == KeyCode.ENTER && item != null) {
                open.accept(item);
                e.consume();
            }
        });
        table.setOnMouseClicked(e -> {
            T item = table.getSelectionModel().getSelectedItem();
            if (e.getButton() == MouseButton.PRIMARY && e.getClickCount() == 2 && item != null) {
                open.accept(item);
            }
        });
    }

    private String blank(String s) {
        return s == null || s.isBlank() ? "–" : s;
    }

    private static <T> TableColumn<T, String> column(String title, Function<T, String> value, double width) {
        TableColumn<T, String> column = new TableColumn<>(title);
        column.setCellValueFactory(c -> new ReadOnlyStringWrapper(value.apply(c.getValue())));
        column.setPrefWidth(width);
        return column;
    }

    /** Tables show all their rows: the page scrolls, not each table. */
    private static void fitRows(TableView<?> table, int rows) {
        table.setFixedCellSize(30);
        table.setPrefHeight(36 + Math.max(rows, 1) * 30 + 4);
        table.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
    }

    private static Label section(String text) {
        Label label = new Label(text);
        label.getStyleClass().add(Styles.SECTION);
        return label;
    }

    private static Label facts(String text) {
        Label label = new Label(text);
        label.getStyleClass().add(Styles.FACTS);
        label.setWrapText(true);
        return label;
    }
}
