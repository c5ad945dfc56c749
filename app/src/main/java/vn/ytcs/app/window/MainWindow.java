// SPDX-License-Identifier: Apache-2.0
package vn.ytcs.app.window;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;
import javafx.beans.value.ChangeListener;
import javafx.beans.value.ObservableValue;
import javafx.application.Platform;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.control.TreeCell;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeView;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;
import org.controlsfx.control.PopOver;
import org.controlsfx.control.textfield.TextFields;
import vn.ytcs.app.i18n.Failures;
import vn.ytcs.app.i18n.Formats;
import vn.ytcs.app.i18n.Labels;
import vn.ytcs.app.i18n.Messages;
import vn.ytcs.app.i18n.StoreMessages;
import vn.ytcs.app.i18n.SyncTexts;
import vn.ytcs.core.site.Site;
import vn.ytcs.core.unit.Unit;
import vn.ytcs.core.unit.UnitTree;

/**
 * The main window: the unit tree with its search on the left, the selected unit on the right.
 * Built in code; it binds to {@link MainViewModel} and forwards the user's intents to it.
 */
public final class MainWindow {

    private final MainViewModel vm;
    private final Messages m;
    private final Labels labels;
    private final Formats formats;
    private final BorderPane root = new BorderPane();
    private final StackPane main = new StackPane();
    private final VBox noticeBar = new VBox(4);
    private final TreeView<Unit> tree = new TreeView<>();
    private final TextField search = TextFields.createClearableTextField();
    private final ComboBox<Locale> language = new ComboBox<>();
    private final Hyperlink site = new Hyperlink();
    private PopOver about;
    private final javafx.scene.control.DatePicker asOf = new javafx.scene.control.DatePicker();
    private final Label demoBadge = new Label();
    private final Label noMatch = new Label();
    private final List<Runnable> unbind = new ArrayList<>();
    /** The editors of the commune shown; kept while the same commune is shown again after a save. */
    private RegisterEditingViewModel editing;
    private CommuneView page;
    private boolean guarding;

    /** What the toolbar's sync buttons open. */
    public interface SyncActions {
        void importPackage();

        void exportPackage();
    }

    private final SyncActions sync;

    public MainWindow(MainViewModel vm, Messages messages, Consumer<Locale> changeLanguage, SyncActions sync) {
        this.sync = sync;
        this.vm = vm;
        this.m = messages;
        this.labels = new Labels(messages);
        this.formats = new Formats(messages.locale());
        // Notices stay in full, wrapped, above the content (ControlsFX's NotificationPane was tried:
        // its bar covers the search and cuts a long notice to one line).
        root.setTop(new VBox(toolbar(changeLanguage), noticeBar));
        root.setLeft(sidebar());
        root.setCenter(main);

        listen(vm.phase(), (o, a, b) -> showMain());
        listen(vm.profile(), (o, a, b) -> showMain());
        listen(vm.summary(), (o, a, b) -> showMain());
        listen(vm.busy(), (o, a, b) -> showMain());
        listen(vm.pageError(), (o, a, b) -> showMain());
        listen(vm.tree(), (o, a, b) -> rebuildTree());
        listen(vm.visible(), (o, a, b) -> rebuildTree());
        listen(vm.asOf(), (o, a, b) -> showAsOf());
        listen(vm.demo(), (o, a, b) -> demoBadge.setVisible(b));
        listen(vm.notices(), (o, a, b) -> showNotices());
        listen(vm.site(), (o, a, b) -> showSite());
        search.setText(vm.filter().get());
        search.textProperty().bindBidirectional(vm.filter());
        unbind.add(() -> search.textProperty().unbindBidirectional(vm.filter()));
        tree.getSelectionModel().selectedItemProperty().addListener((o, a, b) -> {
            if (b != null && b.getValue() != vm.selected().get()) {
                if (guarding) {
                    return;
                }
                if (editing != null && editing.unsaved()) {
                    // Back to the page with the form until the user says what becomes of its changes.
                    guarding = true;
                    tree.getSelectionModel().select(a);
                    guarding = false;
                    beforeLeaving(() -> tree.getSelectionModel().select(b));
                    return;
                }
                vm.select(b.getValue());
            }
        });
        demoBadge.setVisible(vm.demo().get());
        showAsOf();
        showSite();
        showNotices();
        rebuildTree();
        showMain();
    }

    public Parent root() {
        return root;
    }

    /** Puts the keyboard in the search: what a user opening the window does first. */
    public void focusSearch() {
        search.requestFocus();
    }

    /**
     * Puts the keyboard back on the language list, in the window rebuilt in the new language: a
     * user choosing with the arrow keys goes on from there (else the focus falls to the first
     * button, and the Enter or Space that follows opens the import).
     */
    public void focusLanguage() {
        language.requestFocus();
    }

    /** Detaches from the view model, before a window in another language takes over. */
    public void dispose() {
        if (about != null) {
            about.hide(javafx.util.Duration.ZERO);
        }
        unbind.forEach(Runnable::run);
        unbind.clear();
        if (page != null) {
            page.dispose();
        }
    }

    private <T> void listen(ObservableValue<T> value, ChangeListener<T> listener) {
        value.addListener(listener);
        unbind.add(() -> value.removeListener(listener));
    }

    private Node toolbar(Consumer<Locale> changeLanguage) {
        Label title = new Label(m.get("app.title"));
        title.getStyleClass().add(Styles.APP_TITLE);
        demoBadge.setText(m.get("app.demoBadge"));
        demoBadge.getStyleClass().add(Styles.DEMO_BADGE);
        demoBadge.setTooltip(new Tooltip(m.get("app.demoBadge.tooltip")));
        demoBadge.managedProperty().bind(demoBadge.visibleProperty());

        language.getItems().addAll(Messages.VIETNAMESE, Messages.ENGLISH);
        language.setConverter(new StringConverter<>() {
            @Override
            public String toString(Locale locale) {
                return locale == null ? "" : "en".equals(locale.getLanguage()) ? "English" : "Tiếng Việt";
            }

            @Override
            public Locale fromString(String s) {
                return null;
            }
        });
        language.setValue(m.locale());
        language.setId("language");
        language.valueProperty().addListener((o, a, b) -> {
            if (b != null && !b.equals(m.locale())) {
                if (!unsaved()) {
                    changeLanguage.accept(b);
                    return;
                }
                // The window is built anew in the other language: an open form asks first, and the
                // chooser shows the language in use until the user has chosen.
                Platform.runLater(() -> language.setValue(m.locale()));
                beforeLeaving(() -> changeLanguage.accept(b));
            }
        });
        Label languageLabel = new Label(m.get("window.language"));
        Button importButton = new Button(m.get("window.import"));
        importButton.setId("import-package");
        importButton.setOnAction(e -> sync.importPackage());
        Button exportButton = new Button(m.get("window.export"));
        exportButton.setId("export-package");
        exportButton.setOnAction(e -> sync.exportPackage());
        Button catalogButton = new Button(m.get("window.catalog"));
        catalogButton.setId("open-catalog");
        catalogButton.setMnemonicParsing(true);
        catalogButton.setOnAction(e -> openCatalog());
        catalogButton.disableProperty().bind(vm.phase().isNotEqualTo(MainViewModel.Phase.READY));
        importButton.disableProperty().bind(vm.phase().isNotEqualTo(MainViewModel.Phase.READY)
                .and(vm.phase().isNotEqualTo(MainViewModel.Phase.EMPTY)));
        exportButton.disableProperty().bind(vm.phase().isNotEqualTo(MainViewModel.Phase.READY));

        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        site.setId("site");
        site.getStyleClass().add(Styles.SITE);
        site.setOnAction(e -> showAbout());
        // On a 1366-pixel screen the site's name gives way first: titles, buttons and the day keep their width.
        for (Region r : new Region[] {title, demoBadge, catalogButton, importButton, exportButton, languageLabel, language}) {
            r.setMinWidth(Region.USE_PREF_SIZE);
        }
        site.setMinWidth(120);
        HBox bar = new HBox(10, title, site, demoBadge, spacer, catalogButton, importButton, exportButton, daySelector(),
                languageLabel, language);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.getStyleClass().add(Styles.TOOLBAR);
        return bar;
    }

    private Node sidebar() {
        search.setPromptText(m.get("window.filter.prompt"));
        search.setId("unit-filter");
        tree.setId("unit-tree");
        tree.setShowRoot(true);
        tree.setCellFactory(t -> new TreeCell<>() {
            @Override
            protected void updateItem(Unit unit, boolean empty) {
                super.updateItem(unit, empty);
                setText(empty || unit == null ? null : labels.unit(unit));
            }
        });
        VBox.setVgrow(tree, Priority.ALWAYS);
        noMatch.setWrapText(true);
        noMatch.getStyleClass().add(Styles.PLACEHOLDER);
        noMatch.managedProperty().bind(noMatch.visibleProperty());
        noMatch.setVisible(false);
        VBox side = new VBox(8, search, noMatch, tree);
        side.setPadding(new Insets(10));
        side.setPrefWidth(340);
        side.getStyleClass().add(Styles.SIDEBAR);
        return side;
    }

    private void showAsOf() {
        if (vm.asOf().get() != null && !vm.asOf().get().equals(asOf.getValue())) {
            asOf.setValue(vm.asOf().get());
        }
    }

    /**
     * The day the register is shown as of (issue 11): each day under the boundaries of its own time,
     * Hậu Giang's communes before 1 July 2025, Cần Thơ's after. Typed as dd/mm/yyyy or picked.
     */
    private Node daySelector() {
        java.time.format.DateTimeFormatter typed = java.time.format.DateTimeFormatter.ofPattern("d/M/uuuu");
        asOf.setId("as-of");
        asOf.setPrefWidth(140);
        asOf.setConverter(new StringConverter<>() {
            @Override
            public String toString(java.time.LocalDate day) {
                return day == null ? "" : formats.date(day);
            }

            @Override
            public java.time.LocalDate fromString(String text) {
                try {
                    return text == null || text.isBlank() ? null : java.time.LocalDate.parse(text.strip(), typed);
                } catch (java.time.format.DateTimeParseException e) {
                    return vm.asOf().get(); // not a day: the day shown stays
                }
            }
        });
        asOf.valueProperty().addListener((o, a, b) -> {
            if (b != null && !b.equals(vm.asOf().get())) {
                if (!unsaved()) {
                    vm.showDay(b);
                    return;
                }
                // An open form first, as for another unit or language.
                javafx.application.Platform.runLater(() -> asOf.setValue(vm.asOf().get()));
                beforeLeaving(() -> vm.showDay(b));
            }
        });
        asOf.disableProperty().bind(vm.phase().isNotEqualTo(MainViewModel.Phase.READY));
        Label label = new Label(m.get("window.asOf.label"));
        label.setLabelFor(asOf);
        label.setMnemonicParsing(true);
        label.setMinWidth(Region.USE_PREF_SIZE);
        asOf.setMinWidth(Region.USE_PREF_SIZE);
        HBox box = new HBox(6, label, asOf);
        box.setAlignment(Pos.CENTER_LEFT);
        box.getStyleClass().add(Styles.DAY);
        return box;
    }

    /** The tree holds only the units visible for the search; a search expands every branch. */
    private void rebuildTree() {
        UnitTree units = vm.tree().get();
        Set<UUID> visible = vm.visible().get();
        boolean searching = !vm.filter().get().isBlank();
        Unit selected = vm.selected().get();
        List<TreeItem<Unit>> roots = new ArrayList<>();
        TreeItem<Unit>[] toSelect = new TreeItem[1];
        for (Unit r : units.roots()) {
            if (visible.contains(r.id())) {
                roots.add(item(units, r, visible, searching, selected, toSelect));
            }
        }
        TreeItem<Unit> top;
        if (roots.size() == 1) {
            top = roots.get(0);
            tree.setShowRoot(true);
        } else {
            top = new TreeItem<>();
            top.getChildren().addAll(roots);
            tree.setShowRoot(false);
        }
        top.setExpanded(true);
        tree.setRoot(top);
        if (toSelect[0] != null) {
            tree.getSelectionModel().select(toSelect[0]);
        }
        noMatch.setText(m.get("window.noMatch", vm.filter().get()));
        noMatch.setVisible(searching && roots.isEmpty());
    }

    private TreeItem<Unit> item(UnitTree units, Unit unit, Set<UUID> visible, boolean expand, Unit selected,
                                TreeItem<Unit>[] toSelect) {
        TreeItem<Unit> item = new TreeItem<>(unit);
        item.setExpanded(expand || unit.parentId() == null);
        if (selected != null && selected.id().equals(unit.id())) {
            toSelect[0] = item;
        }
        for (Unit child : units.children(unit)) {
            if (visible.contains(child.id())) {
                item.getChildren().add(item(units, child, visible, expand, selected, toSelect));
            }
        }
        return item;
    }

    private void showMain() {
        main.getChildren().setAll(switch (vm.phase().get()) {
            case OPENING -> progress(m.get("window.opening"));
            case LOADING_DEMO -> demoProgress();
            case EMPTY -> emptyPane();
            case FAILED -> failure();
            case READY -> detail();
        });
    }

    private Node detail() {
        if (vm.pageError().get() != null) {
            return failure(vm.pageError().get());
        }
        if (vm.profile().get() != null) {
            Unit commune = vm.profile().get().commune();
            if (page != null && editing != null && editing.commune().id().equals(commune.id())) {
                return page.update(vm.profile().get(), vm.scored().get());
            }
            if (page != null) {
                page.dispose();
            }
            editing = vm.editing(commune, m);
            editing.load();
            page = new CommuneView(m, this::stylesheet);
            Node shown = page.page(vm.profile().get(), vm.scored().get(), editing);
            page.addAction(assessmentButton());
            return shown;
        }
        editing = null;
        if (page != null) {
            page.dispose();
            page = null;
        }
        if (vm.busy().get()) {
            return progress(m.get("window.loading"));
        }
        vn.ytcs.core.service.ScoringService.UnitSummary summary = vm.summary().get();
        if (summary != null) {
            Label title = new Label(labels.unit(summary.unit()));
            title.getStyleClass().add(Styles.TITLE);
            Label facts = new Label(m.get("window.unit.summary", summary.communes(), summary.withoutPermanentDoctor(),
                    summary.meetingStandard(), Integer.toString(summary.period())));
            facts.getStyleClass().add(Styles.FACTS);
            Label hint = placeholder(m.get("window.select"));
            Button reorganise = new Button(m.get("reorg.open"));
            reorganise.setId("open-reorganise");
            reorganise.setOnAction(e -> {
                ReorganiseViewModel r = vm.reorganisation();
                if (r != null) {
                    new ReorganiseDialog(root.getScene().getWindow(), r, m, stylesheet()).stage().show();
                }
            });
            VBox box = new VBox(12, title, facts, hint, reorganise);
            box.setPadding(new Insets(16, 20, 20, 20));
            return box;
        }
        return placeholder(m.get("window.select"));
    }

    /** Whether the commune page has a form open with changes not saved. */
    public boolean unsaved() {
        return editing != null && editing.unsaved();
    }

    /**
     * Runs {@code leave} once the open form's changes are saved or discarded, as the user chooses
     * (save, discard, stay); at once when nothing is unsaved.
     */
    public void beforeLeaving(Runnable leave) {
        if (!unsaved()) {
            leave.run();
            return;
        }
        EditorViewModel<?> form = editing.editor().get();
        EditorDialogs.unsaved(root.getScene() == null ? null : root.getScene().getWindow(), m, stylesheet(), form.title(),
                choice -> {
                    switch (choice) {
                        case SAVE -> {
                            form.done().addListener((o, a, b) -> {
                                if (b) {
                                    leave.run();
                                }
                            });
                            form.save();
                        }
                        case DISCARD -> {
                            editing.closeEditor();
                            leave.run();
                        }
                        case STAY -> {
                        }
                    }
                });
    }

    private String stylesheet() {
        return java.util.Objects.requireNonNull(MainWindow.class.getResource("/vn/ytcs/app/app.css")).toExternalForm();
    }

    /** Opens the commune's assessment in its own window (issue 9); closing it shows the commune rescored. */
    private Node assessmentButton() {
        Button open = new Button(m.get("assessment.open"));
        open.setId("open-assessment");
        open.setOnAction(e -> {
            AssessmentViewModel a = vm.assessment(m.locale());
            if (a != null) {
                new AssessmentView(root.getScene().getWindow(), a, m, root.getScene().getStylesheets(), this::showRegister,
                        () -> vm.select(vm.selected().get())).stage().show();
                a.load();
            }
        });
        return open;
    }

    /** Opens the catalog in force in its own window (issue 10): edited at the province, shown elsewhere. */
    private void openCatalog() {
        CatalogEditorViewModel c = vm.catalogEditor(m);
        if (c != null) {
            new CatalogEditorView(root.getScene().getWindow(), c, m, root.getScene().getStylesheets()).stage().show();
            c.load();
        }
    }

    /** Brings the commune's page forward at the register section that feeds a derived indicator. */
    private void showRegister(AssessmentViewModel.Section section) {
        ((javafx.stage.Stage) root.getScene().getWindow()).toFront();
        ScrollPane scroll = page == null ? null : page.scroll();
        if (scroll == null) {
            return;
        }
        Node target = scroll.getContent().lookup(switch (section) {
            case STAFF -> "#staff-table";
            case HAMLETS -> "#hamlet-table";
            default -> "#station-name"; // the station, its figures just below
        });
        if (target != null) {
            double y = target.getBoundsInParent().getMinY();
            double room = scroll.getContent().getBoundsInLocal().getHeight() - scroll.getViewportBounds().getHeight();
            scroll.setVvalue(room <= 0 ? 0 : Math.min(1, y / room));
            target.requestFocus();
        }
    }

    private Node emptyPane() {
        Label title = new Label(m.get("window.empty.title"));
        title.getStyleClass().add(Styles.TITLE);
        Label text = placeholder(m.get("window.empty.text", vm.dataDir().toString()));
        Button load = new Button(m.get("window.empty.loadDemo"));
        load.setId("load-demo");
        load.setDefaultButton(true);
        load.setOnAction(e -> vm.loadDemo());

        // A real office: who this site is, then its units from the official list (issue 11).
        Label own = new Label(m.get("window.empty.own"));
        own.getStyleClass().add(Styles.SUBHEADING);
        TextField name = new TextField();
        name.setId("site-name");
        name.setPromptText(m.get("window.empty.siteName.prompt"));
        ComboBox<vn.ytcs.core.site.SiteRole> role = new ComboBox<>();
        role.setId("site-role");
        role.getItems().addAll(vn.ytcs.core.site.SiteRole.values());
        role.setValue(vn.ytcs.core.site.SiteRole.REGIONAL_CENTRE); // since July 2025 the district centres serve as regional ones
        role.setConverter(new StringConverter<>() {
            @Override
            public String toString(vn.ytcs.core.site.SiteRole r) {
                return r == null ? "" : m.get("siteRole." + r.name());
            }

            @Override
            public vn.ytcs.core.site.SiteRole fromString(String s) {
                return null;
            }
        });
        Button units = new Button(m.get("window.empty.loadUnits"));
        units.setId("load-units");
        units.setOnAction(e -> {
            javafx.stage.FileChooser chooser = new javafx.stage.FileChooser();
            chooser.setTitle(m.get("window.empty.loadUnits"));
            chooser.getExtensionFilters().add(new javafx.stage.FileChooser.ExtensionFilter(m.get("window.empty.csv"), "*.csv"));
            java.io.File file = chooser.showOpenDialog(root.getScene().getWindow());
            if (file != null) {
                vm.startWithUnits(name.getText(), role.getValue(), file.toPath());
            }
        });
        units.disableProperty().bind(vm.busy());
        Label problem = new Label();
        problem.setId("units-problem");
        problem.setWrapText(true);
        problem.getStyleClass().add(Styles.WARNING);
        problem.managedProperty().bind(problem.visibleProperty());
        Runnable said = () -> {
            Throwable t = vm.startProblem().get();
            problem.setVisible(t != null);
            problem.setText(t == null ? "" : Failures.describe(t, m));
        };
        listen(vm.startProblem(), (o, a, b) -> said.run());
        said.run();
        HBox who = new HBox(8, name, role);
        HBox.setHgrow(name, Priority.ALWAYS);
        VBox ownBox = new VBox(8, own, placeholder(m.get("window.empty.own.text")), who, units, problem);
        ownBox.setMaxWidth(560);

        VBox box = new VBox(16, title, text, load, new javafx.scene.control.Separator(), ownBox);
        box.setAlignment(Pos.CENTER);
        box.setMaxWidth(560);
        return box;
    }

    private void showNotices() {
        noticeBar.getChildren().setAll(vm.notices().get().stream().map(n -> {
            Label label = new Label(StoreMessages.notice(n, m));
            label.setWrapText(true);
            label.getStyleClass().add(Styles.WARNING);
            return label;
        }).toList());
    }

    /** This site's name and role in the header: packages and receipts name it so, and the province sees it. */
    private void showSite() {
        Site s = vm.site().get();
        site.setVisible(s != null);
        site.setManaged(s != null);
        if (s == null) {
            return;
        }
        site.setText(m.get("window.site", SyncTexts.siteName(s.name()), m.get("siteRole." + s.role().name())));
        site.setTooltip(new Tooltip(s.fingerprint() == null ? m.get("window.site.noKey")
                : m.get("window.site.fingerprint", s.fingerprint())));
    }

    /** "About this site": what another site reads back over the phone before trusting this one. */
    private void showAbout() {
        Site s = vm.site().get();
        if (s == null) {
            return;
        }
        Label name = new Label(SyncTexts.siteName(s.name()));
        name.getStyleClass().add(Styles.TITLE);
        Label role = new Label(m.get("siteRole." + s.role().name()));
        role.getStyleClass().add(Styles.SUBTITLE);
        VBox box = new VBox(10, name, role);
        if (s.fingerprint() == null) {
            box.getChildren().add(placeholder(m.get("window.site.noKey")));
        } else {
            Label fingerprint = new Label(s.fingerprint());
            fingerprint.getStyleClass().add(Styles.FINGERPRINT);
            fingerprint.setId("site-fingerprint");
            box.getChildren().addAll(new Label(m.get("window.site.about.fingerprint")), fingerprint);
        }
        Label id = new Label(m.get("window.site.about.id", s.id().toString()));
        id.getStyleClass().add(Styles.NOTE);
        box.getChildren().addAll(id, placeholder(m.get("window.site.about.setup")));
        box.setPadding(new Insets(14));
        box.setMaxWidth(460);
        box.setId("about-site");
        about = new PopOver(box);
        about.setTitle(m.get("window.site.about.title"));
        about.setHeaderAlwaysVisible(true);
        about.setDetachable(false);
        about.setArrowLocation(PopOver.ArrowLocation.TOP_LEFT);
        about.show(site);
    }

    private Node failure() {
        return failure(vm.error().get());
    }

    /** The demo being written, how far it got, and a way to stop it. */
    private Node demoProgress() {
        ProgressBar bar = new ProgressBar();
        bar.setPrefWidth(320);
        bar.progressProperty().bind(vm.demoProgress());
        unbind.add(bar.progressProperty()::unbind);
        Button cancel = new Button(m.get("window.cancel"));
        cancel.setId("cancel-demo");
        cancel.setCancelButton(true);
        cancel.setOnAction(e -> vm.cancelDemo());
        VBox box = new VBox(12, new Label(m.get("window.loadingDemo")), bar, cancel);
        box.setAlignment(Pos.CENTER);
        return box;
    }

    private Node failure(Throwable e) {
        String text = e == null ? m.get("error.unexpected", "") : Failures.describe(e, m);
        Label title = new Label(m.get("window.error.title"));
        title.getStyleClass().add(Styles.TITLE);
        Label label = placeholder(text);
        label.getStyleClass().add(Styles.WARNING);
        VBox box = new VBox(12, title, label);
        box.setAlignment(Pos.CENTER);
        box.setMaxWidth(620);
        return box;
    }

    private static Node progress(String text) {
        ProgressIndicator indicator = new ProgressIndicator();
        indicator.setMaxSize(56, 56);
        VBox box = new VBox(12, indicator, new Label(text));
        box.setAlignment(Pos.CENTER);
        return box;
    }

    private static Label placeholder(String text) {
        Label label = new Label(text);
        label.setWrapText(true);
        label.getStyleClass().add(Styles.PLACEHOLDER);
        return label;
    }
}
