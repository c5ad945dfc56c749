// SPDX-License-Identifier: Apache-2.0
package vn.ytcs.app.window;

import java.math.MathContext;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import vn.ytcs.app.i18n.Messages;
import vn.ytcs.app.i18n.ScoreTexts;
import vn.ytcs.core.assessment.Assessment;
import vn.ytcs.core.scoring.CommuneScoring;
import vn.ytcs.core.scoring.CriterionScore;
import vn.ytcs.core.scoring.IndicatorScore;
import vn.ytcs.core.scoring.Scorecard;

/** A commune's scorecard: pass or fail, the criteria as bars, what fails, the gaps and the shortest way to pass. */
final class ScorecardView {

    /** Gaps listed on screen; the command line and the printout give all of them. */
    private static final int GAPS_SHOWN = 10;

    private final Messages m;
    private final ScoreTexts texts;

    ScorecardView(Messages messages) {
        this.m = messages;
        this.texts = new ScoreTexts(messages);
    }

    VBox build(CommuneScoring.Result result) {
        Scorecard c = result.scorecard();
        Label verdict = new Label(m.get(c.passed() ? "score.passed" : "score.failed"));
        verdict.getStyleClass().add(c.passed() ? Styles.PASS : Styles.FAIL);
        verdict.setId("verdict");
        Label total = new Label(m.get("window.score.total", texts.number(c.points()), texts.number(c.max()),
                texts.total(c), new vn.ytcs.app.i18n.Labels(m).catalog(c.catalog().id(), c.catalog().revision())));
        total.getStyleClass().add(Styles.FACTS);
        HBox head = new HBox(12, verdict, total);
        head.setAlignment(Pos.CENTER_LEFT);
        VBox box = new VBox(8, head);
        result.assessment().map(this::assessment).ifPresent(box.getChildren()::add);
        if (c.provisional()) {
            Label provisional = new Label(m.get("score.provisional", c.draftsUsed().size()));
            provisional.getStyleClass().add(Styles.NOTE);
            provisional.setWrapText(true);
            box.getChildren().add(provisional);
        }
        box.getChildren().add(criteria(c));
        if (!c.failures().isEmpty()) {
            box.getChildren().add(subheading(m.get("score.failures.title")));
            texts.failures(c.failures(), c.catalog()).forEach(f -> box.getChildren().add(bullet(f, Styles.WARNING_TEXT)));
        }
        if (c.plan().isPresent() && !c.plan().get().isEmpty()) {
            box.getChildren().add(subheading(m.get("score.plan.title", c.plan().get().size())));
            for (IndicatorScore p : c.plan().get()) {
                box.getChildren().add(bullet(p.indicator().code() + " " + texts.name(p.indicator()) + " (+"
                        + texts.number(p.recoverable()) + ")", null));
            }
        } else if (c.plan().isEmpty()) {
            box.getChildren().add(bullet(m.get("score.plan.none"), Styles.WARNING_TEXT));
        }
        if (!c.missingData().isEmpty()) {
            box.getChildren().add(subheading(m.get("window.score.missing", c.missingData().size())));
            c.missingData().forEach(s -> box.getChildren().add(bullet(s.indicator().code() + " " + texts.name(s.indicator())
                    + " – " + texts.reason(s), Styles.NOTE)));
        }
        if (!c.gaps().isEmpty()) {
            box.getChildren().add(subheading(m.get("window.score.gaps", Math.min(GAPS_SHOWN, c.gaps().size()), c.gaps().size())));
            c.gaps().stream().limit(GAPS_SHOWN).forEach(g -> {
                Label line = bullet(m.get("score.gap", g.indicator().code(), texts.number(g.recoverable()), texts.reason(g)), null);
                line.setTooltip(new Tooltip(texts.name(g.indicator())));
                box.getChildren().add(line);
            });
        }
        box.setId("scorecard");
        return box;
    }

    private Label assessment(Assessment a) {
        String state = m.label("assessmentState", a.state());
        String text = a.recognition().map(r -> m.get("window.score.recognised", r.decisionNumber(),
                new vn.ytcs.app.i18n.Formats(m.locale()).date(r.decided()),
                new vn.ytcs.app.i18n.Formats(m.locale()).date(r.expires()),
                m.label("recognition", r.on(java.time.LocalDate.now())))).orElse(m.get("window.score.assessment",
                Integer.toString(a.period()), state));
        Label label = new Label(text);
        label.getStyleClass().add(Styles.FACTS);
        return label;
    }

    private GridPane criteria(Scorecard c) {
        GridPane grid = new GridPane();
        grid.setHgap(12);
        grid.setVgap(4);
        int row = 0;
        for (CriterionScore cs : c.criteria()) {
            Label name = new Label(cs.criterion().code() + " " + cs.criterion().name().in(m.locale()));
            name.setMaxWidth(470);
            name.setTooltip(new Tooltip(name.getText()));
            ProgressBar bar = new ProgressBar(cs.max().signum() == 0 ? 1
                    : cs.points().divide(cs.max(), MathContext.DECIMAL64).doubleValue());
            bar.setPrefWidth(180);
            bar.getStyleClass().add(cs.meetsMinimum() ? Styles.BAR_OK : Styles.BAR_LOW);
            Label value = new Label(texts.number(cs.points()) + "/" + texts.number(cs.max()) + " · "
                    + texts.criterion(cs, c.catalog()));
            if (!cs.meetsMinimum()) {
                value.getStyleClass().add(Styles.WARNING_TEXT);
            }
            grid.addRow(row++, name, bar, value);
        }
        return grid;
    }

    private static Label subheading(String text) {
        Label label = new Label(text);
        label.getStyleClass().add(Styles.SUBHEADING);
        return label;
    }

    private static Label bullet(String text, String style) {
        Label label = new Label("• " + text);
        label.setWrapText(true);
        if (style != null) {
            label.getStyleClass().add(style);
        }
        return label;
    }
}
