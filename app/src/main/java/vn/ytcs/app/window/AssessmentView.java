// SPDX-License-Identifier: Apache-2.0
package vn.ytcs.app.window;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import javafx.beans.value.ChangeListener;
import javafx.beans.value.ObservableValue;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.geometry.Rectangle2D;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Control;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Screen;
import javafx.stage.Stage;
import javafx.stage.Window;
import javafx.util.StringConverter;
import org.controlsfx.validation.ValidationMessage;
import org.controlsfx.validation.decoration.GraphicValidationDecoration;
import vn.ytcs.app.i18n.FieldProblems;
import vn.ytcs.app.i18n.Formats;
import vn.ytcs.app.i18n.Labels;
import vn.ytcs.app.i18n.Messages;
import vn.ytcs.app.i18n.ScoreTexts;
import vn.ytcs.core.assessment.Assessment;
import vn.ytcs.core.assessment.AssessmentState;
import vn.ytcs.core.catalog.Catalog;
import vn.ytcs.core.catalog.Criterion;
import vn.ytcs.core.catalog.Rule;
import vn.ytcs.core.record.FieldProblem;
import vn.ytcs.core.scoring.CommuneScoring;
import vn.ytcs.core.scoring.CriterionScore;
import vn.ytcs.core.scoring.Scorecard;

/**
 * A commune's assessment of a period in its own window: the checklist on the left, criterion by
 * criterion, the scorecard of what is typed on the right, the workflow on top. Enter in a row
 * saves its answer, Esc puts back what is saved.
 */
final class AssessmentView {

    private final AssessmentViewModel vm;
    private final Messages m;
    private final Labels labels;
    private final Formats formats;
    private final AssessmentTexts texts;
    private final Consumer<AssessmentViewModel.Section> showRegister;
    private final Stage stage = new Stage();
    private final BorderPane root = new BorderPane();
    private final VBox checklist = new VBox(6);
    private final ScrollPane scoreScroll = new ScrollPane();
    private final Label state = new Label();
    private final Label stepsLine = new Label();
    private final Label lockedNote = new Label();
    private final Label message = new Label();
    private final HBox stepButtons = new HBox(8);
    private final TextField decisionNumber = new TextField();
    private final DatePicker decisionDate = new DatePicker();
    private final ComboBox<Integer> period = new ComboBox<>();
    private final Button undo = new Button();
    private final ProgressIndicator busy = new ProgressIndicator();
    private final GraphicValidationDecoration decoration = new GraphicValidationDecoration();
    private final List<Runnable> unbind = new ArrayList<>();
    private List<CriterionView> criterionViews = List.of();

    private record CriterionView(Criterion criterion, Label head) {
    }

    AssessmentView(Window owner, AssessmentViewModel vm, Messages messages, List<String> stylesheets,
                   Consumer<AssessmentViewModel.Section> showRegister, Runnable closed) {
        this.vm = vm;
        this.m = messages;
        this.labels = new Labels(messages);
        this.formats = new Formats(messages.locale());
        this.texts = new AssessmentTexts(messages);
        this.showRegister = showRegister;

        root.setTop(header());
        ScrollPane listScroll = new ScrollPane(checklist);
        listScroll.setFitToWidth(true);
        listScroll.setId("assessment-checklist");
        checklist.setPadding(new Insets(8, 14, 14, 14));
        scoreScroll.setFitToWidth(true);
        scoreScroll.setPrefWidth(500);
        scoreScroll.setMinWidth(420);
        scoreScroll.setId("assessment-scorecard");
        HBox.setHgrow(listScroll, Priority.ALWAYS);
        HBox center = new HBox(listScroll, scoreScroll);
        root.setCenter(center);

        listen(vm.rows(), (o, a, b) -> buildChecklist());
        listen(vm.scored(), (o, a, b) -> showScore());
        listen(vm.assessment(), (o, a, b) -> showState());
        listen(vm.catalog(), (o, a, b) -> showState());
        listen(vm.steps(), (o, a, b) -> showState());
        listen(vm.role(), (o, a, b) -> showState());
        listen(vm.locked(), (o, a, b) -> showState());
        listen(vm.error(), (o, a, b) -> showMessage());
        listen(vm.stepProblems(), (o, a, b) -> showStepProblems());
        listen(vm.periods(), (o, a, b) -> period.getItems().setAll(b));
        listen(vm.period(), (o, a, b) -> period.setValue(b.intValue()));
        busy.visibleProperty().bind(vm.busy());
        undo.disableProperty().bind(vm.canUndo().not().or(vm.busy()));
        unbind.add(() -> {
            busy.visibleProperty().unbind();
            undo.disableProperty().unbind();
        });

        Scene scene = new Scene(root);
        scene.getStylesheets().addAll(stylesheets);
        stage.setScene(scene);
        stage.initOwner(owner);
        stage.setTitle(m.get("assessment.window", labels.unit(vm.commune())));
        Rectangle2D screen = Screen.getPrimary().getVisualBounds();
        stage.setWidth(Math.min(1366, screen.getWidth()));
        stage.setHeight(Math.min(768, screen.getHeight()));
        stage.setOnHidden(e -> {
            unbind.forEach(Runnable::run);
            unbind.clear();
            closed.run();
        });
        stage.setOnCloseRequest(e -> {
            if (!unsaved().isEmpty()) {
                e.consume();
                askBeforeClosing(stylesheets.isEmpty() ? null : stylesheets.get(0));
            }
        });
        buildChecklist();
        showState();
        showScore();
    }

    Stage stage() {
        return stage;
    }

    /** Answers typed and not saved. */
    private List<AssessmentViewModel.Row> unsaved() {
        List<AssessmentViewModel.Row> rows = vm.rows().get();
        return rows == null ? List.of() : rows.stream().filter(r -> r.dirty().get()).toList();
    }

    /**
     * Closing with answers typed and not saved asks first: save them (the window closes once every
     * one is saved; one refused stays open, its problem beside it), leave them, or stay.
     */
    private void askBeforeClosing(String stylesheet) {
        EditorDialogs.unsaved(stage, m, stylesheet, stage.getTitle(), choice -> {
            switch (choice) {
                case SAVE -> {
                    javafx.beans.value.ChangeListener<Boolean> done = new javafx.beans.value.ChangeListener<>() {
                        @Override
                        public void changed(javafx.beans.value.ObservableValue<? extends Boolean> o, Boolean was, Boolean busy) {
                            if (busy) {
                                return;
                            }
                            List<AssessmentViewModel.Row> left = unsaved();
                            if (left.isEmpty()) {
                                vm.busy().removeListener(this);
                                stage.close();
                            } else if (left.stream().allMatch(r -> !r.problems().get().isEmpty())) {
                                vm.busy().removeListener(this);
                            }
                        }
                    };
                    vm.busy().addListener(done);
                    unsaved().forEach(vm::save);
                }
                case DISCARD -> {
                    unsaved().forEach(vm::revert);
                    stage.close();
                }
                case STAY -> {
                }
            }
        });
    }

    private <T> void listen(ObservableValue<T> value, ChangeListener<T> listener) {
        value.addListener(listener);
        unbind.add(() -> value.removeListener(listener));
    }

    private Node header() {
        Label title = new Label(m.get("assessment.title", labels.unit(vm.commune())));
        title.getStyleClass().add(Styles.TITLE);
        period.setId("assessment-period");
        period.setConverter(new StringConverter<>() {
            @Override
            public String toString(Integer year) {
                return year == null ? "" : Integer.toString(year);
            }

            @Override
            public Integer fromString(String s) {
                return null;
            }
        });
        period.getItems().setAll(vm.periods().get());
        period.setValue(vm.period().get());
        period.valueProperty().addListener((o, a, b) -> {
            if (b != null && b != vm.period().get()) {
                vm.choosePeriod(b);
            }
        });
        Label periodLabel = new Label(m.get("assessment.period"));
        periodLabel.setLabelFor(period);
        undo.setText(m.get("assessment.undo"));
        undo.setId("assessment-undo");
        undo.setOnAction(e -> vm.undo());
        busy.setMaxSize(22, 22);
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox top = new HBox(12, title, spacer, busy, periodLabel, period, undo);
        top.setAlignment(Pos.CENTER_LEFT);

        state.setId("assessment-state");
        state.getStyleClass().add(Styles.FACTS);
        decisionNumber.setPromptText(m.get("assessment.decisionNumber"));
        decisionNumber.setId("decision-number");
        decisionNumber.setPrefColumnCount(12);
        decisionDate.setPromptText(m.get("assessment.decisionDate"));
        decisionDate.setId("decision-date");
        decisionDate.setPrefWidth(150);
        stepButtons.setAlignment(Pos.CENTER_LEFT);
        HBox workflow = new HBox(10, state, stepButtons);
        workflow.setAlignment(Pos.CENTER_LEFT);
        stepsLine.setId("assessment-steps");
        stepsLine.getStyleClass().add(Styles.NOTE);
        stepsLine.setWrapText(true);
        lockedNote.setId("assessment-locked");
        lockedNote.getStyleClass().add(Styles.WARNING);
        lockedNote.setWrapText(true);
        lockedNote.managedProperty().bind(lockedNote.visibleProperty());
        message.setId("assessment-message");
        message.getStyleClass().add(Styles.WARNING_TEXT);
        message.setWrapText(true);
        message.managedProperty().bind(message.visibleProperty());
        message.setVisible(false);
        VBox box = new VBox(6, top, workflow, stepsLine, lockedNote, message);
        box.setPadding(new Insets(12, 16, 8, 16));
        return box;
    }

    /** The state, the steps it may take, who made the steps so far and when. */
    private void showState() {
        Assessment a = vm.assessment().get();
        Catalog c = vm.catalog().get();
        stepButtons.getChildren().clear();
        if (c == null) {
            state.setText(m.get("assessment.noCatalog", Integer.toString(vm.period().get())));
        } else if (a == null) {
            state.setText(m.get("assessment.notStarted", c.id()));
        } else {
            state.setText(m.get("assessment.state", m.label("assessmentState", a.state()), c.id()));
            for (AssessmentState to : vm.nextStates()) {
                stepButtons.getChildren().addAll(stepControls(to));
            }
        }
        List<String> steps = vm.steps().get().stream().map(s -> m.get("assessment.step",
                m.label("assessmentState", s.to()), s.actor(), formats.moment(s.at() == null ? null : s.at().toInstant())))
                .toList();
        stepsLine.setText(steps.isEmpty() ? "" : m.get("assessment.steps", String.join("; ", steps)));
        lockedNote.setVisible(vm.locked().get());
        if (a != null && a.recognition().isPresent()) {
            lockedNote.setText(m.get("assessment.locked", a.decisionNumber(), formats.date(a.decisionDate())));
        }
    }

    private List<Node> stepControls(AssessmentState to) {
        Button b = new Button(switch (to) {
            case DRAFT -> m.get("assessment.to.draft");
            case SUBMITTED -> m.get("assessment.to.submitted");
            case REVIEWED -> m.get("assessment.to.reviewed");
            case RECOGNISED -> m.get("assessment.to.recognised");
        });
        b.setId("to-" + to.name().toLowerCase(java.util.Locale.ROOT));
        b.disableProperty().bind(vm.busy());
        unbind.add(b.disableProperty()::unbind);
        if (to != AssessmentState.RECOGNISED) {
            b.setOnAction(e -> vm.move(to, null, null));
            return List.of(b);
        }
        if (!vm.mayRecognise()) {
            b.disableProperty().unbind();
            b.setDisable(true);
            Label note = new Label(m.get("assessment.recogniseProvince"));
            note.getStyleClass().add(Styles.NOTE);
            return List.of(b, note);
        }
        b.setOnAction(e -> vm.move(to, decisionNumber.getText(), decisionDate.getValue()));
        return List.of(decisionNumber, decisionDate, b);
    }

    private void showStepProblems() {
        decoration.removeDecorations(decisionNumber);
        decoration.removeDecorations(decisionDate);
        List<String> lines = new ArrayList<>();
        for (FieldProblem p : vm.stepProblems().get()) {
            String text = FieldProblems.text(p, m);
            Control target = "decision_date".equals(p.field()) ? decisionDate : decisionNumber;
            String field = "decision_date".equals(p.field()) ? m.get("assessment.decisionDate") : m.get("assessment.decisionNumber");
            decoration.applyValidationDecoration(ValidationMessage.error(target, field + ": " + text));
            lines.add(field + ": " + text);
        }
        message.setText(String.join("\n", lines));
        message.setVisible(!lines.isEmpty());
    }

    private void showMessage() {
        Throwable e = vm.error().get();
        message.setText(e == null ? "" : vn.ytcs.app.i18n.Failures.describe(e, m));
        message.setVisible(e != null);
    }

    private void showScore() {
        CommuneScoring.Result r = vm.scored().get();
        VBox box = new VBox(8);
        box.setPadding(new Insets(8, 14, 14, 14));
        Label head = new Label(m.get("assessment.live"));
        head.getStyleClass().add(Styles.SECTION);
        box.getChildren().add(head);
        if (r != null) {
            box.getChildren().add(card(r));
        }
        scoreScroll.setContent(box);
        if (r != null) {
            for (CriterionView cv : criterionViews) {
                r.scorecard().criteria().stream().filter(cs -> cs.criterion().code().equals(cv.criterion().code())).findFirst()
                        .ifPresent(cs -> cv.head().setText(criterionHead(cs)));
            }
        }
    }

    /** The scorecard, narrow enough to sit beside the checklist: verdict, total, criteria, what fails, the way to pass. */
    private Node card(CommuneScoring.Result r) {
        Scorecard c = r.scorecard();
        ScoreTexts t = new ScoreTexts(m);
        Label verdict = new Label(m.get(c.passed() ? "score.passed" : "score.failed"));
        verdict.getStyleClass().add(c.passed() ? Styles.PASS : Styles.FAIL);
        verdict.setMinWidth(Region.USE_PREF_SIZE);
        verdict.setId("live-verdict");
        Label total = new Label(m.get("window.score.total", t.number(c.points()), t.number(c.max()), t.total(c), c.catalog().id()));
        total.setId("live-total");
        total.setWrapText(true);
        total.getStyleClass().add(Styles.FACTS);
        HBox head = new HBox(10, verdict, total);
        head.setAlignment(Pos.CENTER_LEFT);
        VBox box = new VBox(6, head);
        if (c.provisional()) {
            box.getChildren().add(note(m.get("score.provisional", c.draftsUsed().size()), Styles.NOTE));
        }
        for (CriterionScore cs : c.criteria()) {
            Label name = new Label(cs.criterion().code() + " " + cs.criterion().name().in(m.locale()));
            name.setWrapText(true);
            ProgressBar bar = new ProgressBar(cs.max().signum() == 0 ? 1
                    : cs.points().divide(cs.max(), java.math.MathContext.DECIMAL64).doubleValue());
            bar.setPrefWidth(200);
            bar.getStyleClass().add(cs.meetsMinimum() ? Styles.BAR_OK : Styles.BAR_LOW);
            Label value = new Label(t.number(cs.points()) + "/" + t.number(cs.max()) + " · " + t.criterion(cs, c.catalog()));
            if (!cs.meetsMinimum()) {
                value.getStyleClass().add(Styles.WARNING_TEXT);
            }
            HBox line = new HBox(10, bar, value);
            line.setAlignment(Pos.CENTER_LEFT);
            box.getChildren().addAll(name, line);
        }
        if (!c.failures().isEmpty()) {
            box.getChildren().add(note(m.get("score.failures.title"), Styles.SUBHEADING));
            t.failures(c.failures(), c.catalog()).forEach(f -> box.getChildren().add(note("• " + f, Styles.WARNING_TEXT)));
        }
        if (c.plan().isPresent() && !c.plan().get().isEmpty()) {
            box.getChildren().add(note(m.get("score.plan.title", c.plan().get().size()), Styles.SUBHEADING));
            c.plan().get().forEach(p -> box.getChildren().add(note("• " + p.indicator().code() + " " + t.name(p.indicator())
                    + " (+" + t.number(p.recoverable()) + ")", null)));
        } else if (c.plan().isEmpty()) {
            box.getChildren().add(note("• " + m.get("score.plan.none"), Styles.WARNING_TEXT));
        }
        box.setId("live-scorecard");
        return box;
    }

    private static Label note(String text, String style) {
        Label label = new Label(text);
        label.setWrapText(true);
        if (style != null) {
            label.getStyleClass().add(style);
        }
        return label;
    }

    private String criterionHead(CriterionScore cs) {
        return m.get("assessment.criterion", cs.criterion().code(), cs.criterion().name().in(m.locale()),
                texts.number(cs.points()), texts.number(cs.max()));
    }

    private void buildChecklist() {
        checklist.getChildren().clear();
        Catalog c = vm.catalog().get();
        if (c == null) {
            return;
        }
        List<CriterionView> views = new ArrayList<>();
        for (Criterion criterion : c.criteria()) {
            Label head = new Label(criterion.code() + " " + criterion.name().in(m.locale()));
            head.getStyleClass().add(Styles.SECTION);
            head.setWrapText(true);
            views.add(new CriterionView(criterion, head));
            checklist.getChildren().add(head);
            for (AssessmentViewModel.Row row : vm.rows().get()) {
                if (row.indicator().criterion().equals(criterion.code())) {
                    checklist.getChildren().add(row(row));
                }
            }
        }
        criterionViews = views;
        showScore();
    }

    /** One indicator: its name and points, its rule, then its answer, note and evidence, or where the register gives it. */
    private Node row(AssessmentViewModel.Row row) {
        String code = row.indicator().code();
        String id = nodeId(code);
        Label name = new Label(code + " · " + row.indicator().name().in(m.locale()));
        name.setWrapText(true);
        name.getStyleClass().add(Styles.SUBHEADING);
        name.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(name, Priority.ALWAYS);
        Label points = new Label();
        points.setId("points-" + id);
        points.setWrapText(true);
        points.setMaxWidth(300);
        points.setMinWidth(120);
        Runnable showPoints = () -> {
            points.setText(texts.points(row.score().get()));
            points.getStyleClass().remove(Styles.WARNING_TEXT);
            if (row.score().get() != null && row.score().get().recoverable().signum() > 0 && row.score().get().applies()) {
                points.getStyleClass().add(Styles.WARNING_TEXT);
            }
        };
        showPoints.run();
        listen(row.score(), (o, a, b) -> showPoints.run());
        HBox top = new HBox(12, name, points);
        Label rule = new Label(texts.rule(row.indicator(), vm.commune()));
        rule.getStyleClass().add(Styles.NOTE);
        rule.setWrapText(true);
        VBox box = new VBox(4, top, rule);
        box.setPadding(new Insets(6, 0, 8, 0));
        box.setId("row-" + id);

        if (row.derived()) {
            Label source = new Label(m.get("assessment.fromRegister",
                    texts.source(row.indicator().derived(), vm.profile().get(), vm.period().get())));
            source.setId("source-" + id);
            source.setWrapText(true);
            source.getStyleClass().add(Styles.FACTS);
            box.getChildren().add(source);
            row.section().ifPresent(s -> {
                Hyperlink link = new Hyperlink(texts.section(s));
                link.setId("link-" + id);
                link.setOnAction(e -> showRegister.accept(s));
                box.getChildren().add(link);
            });
            return box;
        }

        Control answer = answer(row);
        CheckBox notApplicable = new CheckBox(m.get("assessment.notApplicable"));
        notApplicable.setId("na-" + id);
        notApplicable.selectedProperty().bindBidirectional(row.notApplicable());
        TextField note = new TextField();
        note.setId("note-" + id);
        note.setPromptText(m.get("assessment.note"));
        note.textProperty().bindBidirectional(row.note());
        note.setPrefColumnCount(14);
        TextField evidence = new TextField();
        evidence.setId("evidence-" + id);
        evidence.setPromptText(m.get("assessment.evidence"));
        evidence.textProperty().bindBidirectional(row.evidence());
        evidence.setPrefColumnCount(14);
        HBox.setHgrow(note, Priority.ALWAYS);
        HBox.setHgrow(evidence, Priority.ALWAYS);
        Button save = new Button(m.get("assessment.save"));
        save.setId("save-" + id);
        save.setFocusTraversable(false); // Enter saves from any field of the row
        save.setOnAction(e -> vm.save(row));
        save.disableProperty().bind(row.dirty().not().or(vm.busy()).or(vm.locked()));
        Button clear = new Button(m.get("assessment.clear"));
        clear.setId("clear-" + id);
        clear.setFocusTraversable(false);
        clear.setOnAction(e -> vm.clear(row));
        clear.disableProperty().bind(vm.busy().or(vm.locked()));
        unbind.add(() -> {
            save.disableProperty().unbind();
            clear.disableProperty().unbind();
            notApplicable.selectedProperty().unbindBidirectional(row.notApplicable());
            note.textProperty().unbindBidirectional(row.note());
            evidence.textProperty().unbindBidirectional(row.evidence());
        });
        answer.disableProperty().bind(row.notApplicable().or(vm.locked()));
        notApplicable.disableProperty().bind(vm.locked());
        note.editableProperty().bind(vm.locked().not());
        evidence.editableProperty().bind(vm.locked().not());
        if (answer instanceof TextField || answer instanceof ComboBox) {
            HBox line = new HBox(8, answer, notApplicable, note, evidence, save, clear);
            line.setAlignment(Pos.CENTER_LEFT);
            box.getChildren().add(line);
        } else {
            HBox line = new HBox(8, notApplicable, note, evidence, save, clear);
            line.setAlignment(Pos.CENTER_LEFT);
            box.getChildren().addAll(answer, line);
        }
        Label dirty = new Label(m.get("assessment.unsaved"));
        dirty.getStyleClass().add(Styles.NOTE);
        dirty.visibleProperty().bind(row.dirty());
        dirty.managedProperty().bind(row.dirty());
        Label unreadable = new Label(m.get("assessment.unreadable"));
        unreadable.getStyleClass().add(Styles.WARNING_TEXT);
        unreadable.visibleProperty().bind(row.unreadable());
        unreadable.managedProperty().bind(row.unreadable());
        Label problem = new Label();
        problem.setId("problem-" + id);
        problem.getStyleClass().add(Styles.WARNING_TEXT);
        problem.setWrapText(true);
        problem.managedProperty().bind(problem.visibleProperty());
        problem.setVisible(false);
        box.getChildren().addAll(dirty, unreadable, problem);
        Runnable showProblems = () -> {
            decoration.removeDecorations(answer);
            decoration.removeDecorations(note);
            decoration.removeDecorations(evidence);
            decoration.removeDecorations(notApplicable);
            List<String> lines = new ArrayList<>();
            for (FieldProblem p : row.problems().get()) {
                String text = FieldProblems.text(p, m);
                Control target = switch (p.field()) {
                    case "note" -> note;
                    case "evidence" -> evidence;
                    case "not_applicable" -> notApplicable;
                    default -> answer;
                };
                String field = switch (p.field()) {
                    case "note" -> m.get("assessment.note");
                    case "evidence" -> m.get("assessment.evidence");
                    default -> m.get("assessment.answer");
                };
                decoration.applyValidationDecoration(ValidationMessage.error(target, text));
                lines.add(field + ": " + text);
            }
            problem.setText(String.join("\n", lines));
            problem.setVisible(!lines.isEmpty());
        };
        listen(row.problems(), (o, a, b) -> showProblems.run());
        box.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (e.getTarget() instanceof ComboBox<?> combo && combo.isShowing()) {
                return;
            }
            if (e.getCode() == KeyCode.ENTER) {
                vm.save(row);
                e.consume();
            } else if (e.getCode() == KeyCode.ESCAPE) {
                vm.revert(row);
                e.consume();
            }
        });
        return box;
    }

    /** A node id for the indicator: its code without the dots a CSS selector would read as a class ("TC5-21"). */
    static String nodeId(String code) {
        return code.replace('.', '-');
    }

    /** The answer's control by its rule: yes/no as a choice, the items of a checklist as boxes, a number as text. */
    private Control answer(AssessmentViewModel.Row row) {
        String code = row.indicator().code();
        String id = nodeId(code);
        Rule rule = row.indicator().rule();
        if (rule instanceof Rule.YesNo) {
            String yes = m.get("score.value.yes");
            String no = m.get("score.value.no");
            ComboBox<String> combo = new ComboBox<>();
            combo.getItems().addAll("", yes, no);
            combo.setId("answer-" + id);
            combo.setPrefWidth(110);
            combo.setPromptText(m.get("assessment.choose"));
            Runnable fromRow = () -> {
                String v = row.value().get();
                String folded = vn.ytcs.core.text.VietText.fold(v == null ? "" : v).toLowerCase(java.util.Locale.ROOT);
                String shown = folded.isBlank() ? "" : folded.equals(vn.ytcs.core.text.VietText.fold(yes).toLowerCase(java.util.Locale.ROOT))
                        || folded.equals("yes") || folded.equals("co") ? yes : no;
                if (!java.util.Objects.equals(combo.getValue(), shown)) {
                    combo.setValue(shown);
                }
            };
            fromRow.run();
            listen(row.value(), (o, a, b) -> fromRow.run());
            combo.valueProperty().addListener((o, a, b) -> {
                String typed = b == null ? "" : b;
                if (!typed.equals(row.value().get()) && !(typed.isEmpty() && row.value().get() == null)) {
                    row.value().set(typed);
                }
            });
            return combo;
        }
        if (rule instanceof Rule.Checklist c) {
            VBox items = new VBox(4);
            items.setId("answer-" + id);
            List<CheckBox> boxes = new ArrayList<>();
            for (Rule.Item item : c.items()) {
                CheckBox box = new CheckBox(texts.item(item));
                box.setId("item-" + id + "-" + item.code());
                box.setUserData(item.code());
                box.setWrapText(true);
                boxes.add(box);
            }
            boolean[] updating = {false};
            Runnable fromRow = () -> {
                Set<String> chosen = new LinkedHashSet<>();
                for (String part : (row.value().get() == null ? "" : row.value().get()).split("[,;]")) {
                    if (!part.isBlank()) {
                        chosen.add(part.strip());
                    }
                }
                updating[0] = true;
                boxes.forEach(b -> b.setSelected(chosen.contains((String) b.getUserData())));
                updating[0] = false;
            };
            fromRow.run();
            listen(row.value(), (o, a, b) -> fromRow.run());
            for (CheckBox box : boxes) {
                box.selectedProperty().addListener((o, a, b) -> {
                    if (!updating[0]) {
                        row.value().set(String.join(", ", boxes.stream().filter(CheckBox::isSelected)
                                .map(x -> (String) x.getUserData()).toList()));
                    }
                });
            }
            items.getChildren().addAll(boxes);
            // A VBox is no Control: wrap it so that it is disabled and decorated as one.
            javafx.scene.control.TitledPane pane = new javafx.scene.control.TitledPane(m.get("assessment.items"), items);
            pane.setCollapsible(false);
            pane.setFocusTraversable(false);
            pane.setId("answer-" + id);
            items.setId(null);
            return pane;
        }
        TextField field = new TextField();
        field.setId("answer-" + id);
        field.setPrefColumnCount(8);
        boolean percent = rule instanceof Rule.Threshold t && "percent".equals(t.unit());
        field.setPromptText(m.get(percent ? "assessment.percentPrompt" : "assessment.numberPrompt"));
        field.textProperty().bindBidirectional(row.value());
        unbind.add(() -> field.textProperty().unbindBidirectional(row.value()));
        return field;
    }
}
