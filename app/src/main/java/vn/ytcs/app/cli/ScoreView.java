// SPDX-License-Identifier: Apache-2.0
package vn.ytcs.app.cli;

import java.io.PrintWriter;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import vn.ytcs.app.i18n.Messages;
import vn.ytcs.app.i18n.ScoreTexts;
import vn.ytcs.core.assessment.Assessment;
import vn.ytcs.core.assessment.Recognition;
import vn.ytcs.core.scoring.CriterionScore;
import vn.ytcs.core.scoring.Failure;
import vn.ytcs.core.scoring.IndicatorScore;
import vn.ytcs.core.scoring.Scorecard;

/** Scorecards for the terminal and as JSON. */
final class ScoreView {

    record IndicatorRow(int number, String code, String criterion, String name, String value, BigDecimal points,
                        BigDecimal max, String status, String reason, boolean draft, boolean derived) {
    }

    record CriterionRow(String code, String name, BigDecimal points, BigDecimal max, BigDecimal percent, boolean meetsMinimum) {
    }

    record GapRow(String code, String name, BigDecimal recoverable, String reason) {
    }

    record FailureRow(String kind, String subject, String text) {
    }

    record AssessmentRow(String state, String decisionNumber, LocalDate decisionDate, LocalDate recognitionExpires,
                         String recognitionStanding) {
    }

    /**
     * @param registerOnly no assessment was entered for the period: only values from the register were scored
     * @param note         that, in a sentence; null otherwise
     */
    record CardJson(String code, String name, Integer period, String catalog, int catalogRevision, String catalogLabel, AssessmentRow assessment,
                    boolean registerOnly, String note, BigDecimal points, BigDecimal max, BigDecimal percent, boolean passed, boolean provisional,
                    List<String> draftIndicators, List<FailureRow> failures, List<CriterionRow> criteria,
                    List<GapRow> gaps, List<String> plan, List<String> missingData, List<IndicatorRow> indicators) {
    }

    /** Marks a commune of the table scored from the register alone. */
    private static final String REGISTER_ONLY_MARK = "*";

    private final Messages m;
    private final ScoreTexts texts;

    ScoreView(Messages messages) {
        this.m = messages;
        this.texts = new ScoreTexts(messages);
    }

    /** The card as JSON; {@code registerOnly} when it was scored from the register with no assessment for the period. */
    CardJson json(Scorecard card, Integer period, Optional<Assessment> assessment, boolean registerOnly, LocalDate today) {
        var lang = m.locale();
        return new CardJson(card.facts().code(), card.facts().name(), period, card.catalog().id(), card.catalog().revision(),
                CatalogRevisionCommands.label(m, card.catalog().id(), card.catalog().revision()),
                assessment.map(a -> new AssessmentRow(a.state().name(), a.decisionNumber(), a.decisionDate(),
                        a.recognition().map(Recognition::expires).orElse(null),
                        a.recognition().map(r -> r.on(today).name()).orElse(null))).orElse(null),
                registerOnly, registerOnly ? registerOnly(period) : null,
                card.points(), card.max(), ScoreTexts.totalValue(card), card.passed(), card.provisional(),
                card.draftsUsed().stream().map(i -> i.code()).toList(),
                card.failures().stream().map(f -> new FailureRow(kind(f), subject(f), texts.failure(f, card.catalog()))).toList(),
                card.criteria().stream().map(c -> new CriterionRow(c.criterion().code(), c.criterion().name().in(lang),
                        c.points(), c.max(), ScoreTexts.criterionValue(c, card.catalog()), c.meetsMinimum())).toList(),
                card.gaps().stream().map(g -> new GapRow(g.indicator().code(), texts.name(g.indicator()), g.recoverable(),
                        texts.reason(g))).toList(),
                card.plan().map(p -> p.stream().map(s -> s.indicator().code()).toList()).orElse(null),
                card.missingData().stream().map(s -> s.indicator().code()).toList(),
                card.indicators().stream().map(s -> new IndicatorRow(s.indicator().number(), s.indicator().code(),
                        s.indicator().criterion(), texts.name(s.indicator()), texts.value(s), s.points(), s.max(),
                        s.status().name(), texts.reason(s), s.draft(), s.indicator().isDerived())).toList());
    }

    private static String kind(Failure f) {
        return f instanceof Failure.TotalBelow ? "TOTAL" : f instanceof Failure.CriterionBelow ? "CRITERION" : "VETO";
    }

    private static String subject(Failure f) {
        return f instanceof Failure.CriterionBelow c ? c.criterion() : f instanceof Failure.VetoAtZero v ? v.indicator() : null;
    }

    /** The sentence for a card scored from the register alone. */
    private String registerOnly(Integer period) {
        return m.get("score.registerOnly", period == null ? "" : Integer.toString(period));
    }

    /**
     * One line per commune, then how many pass; a commune with no assessment for the period is
     * marked, and the mark explained under the table.
     */
    void table(PrintWriter out, List<String[]> labels, List<Scorecard> cards, List<Boolean> registerOnly, Integer period) {
        TextTable table = new TextTable(m.get("col.code"), m.get("col.commune"), m.get("col.points"), m.get("col.result"),
                m.get("col.failing"), m.get("col.plan"));
        for (int i = 0; i < cards.size(); i++) {
            Scorecard c = cards.get(i);
            table.add(labels.get(i)[0], labels.get(i)[1],
                    texts.number(c.points()) + "/" + texts.number(c.max()) + " (" + texts.total(c) + ")",
                    m.get(c.passed() ? "score.passed" : "score.failed") + (registerOnly.get(i) ? " " + REGISTER_ONLY_MARK : ""),
                    c.failures().size(), c.plan().map(p -> Integer.toString(p.size())).orElse("–"));
        }
        table.print(out);
        long passed = cards.stream().filter(Scorecard::passed).count();
        out.println(m.get("cli.score.total", passed, cards.size()));
        long unassessed = registerOnly.stream().filter(b -> b).count();
        if (unassessed > 0) {
            out.println(REGISTER_ONLY_MARK + " " + m.get("cli.score.registerOnly", unassessed, cards.size(),
                    period == null ? "" : Integer.toString(period)));
        }
        if (cards.stream().anyMatch(Scorecard::provisional)) {
            out.println(m.get("score.provisional.short"));
        }
    }

    /** Everything about one commune; {@code registerOnly} when no assessment was entered for the period. */
    void detail(PrintWriter out, String title, Scorecard c, boolean registerOnly, Integer period) {
        out.println(title);
        out.println(m.get("score.summary", texts.number(c.points()), texts.number(c.max()), texts.total(c),
                m.get(c.passed() ? "score.passed" : "score.failed"),
                CatalogRevisionCommands.label(m, c.catalog().id(), c.catalog().revision())));
        if (registerOnly) {
            out.println(registerOnly(period));
        }
        if (c.provisional()) {
            out.println(m.get("score.provisional", c.draftsUsed().size()));
        }
        out.println();
        TextTable criteria = new TextTable(m.get("col.criterion"), m.get("col.points"), m.get("col.minimum"));
        for (CriterionScore cs : c.criteria()) {
            criteria.add(cs.criterion().code() + " " + cs.criterion().name().in(m.locale()),
                    texts.number(cs.points()) + "/" + texts.number(cs.max()) + " (" + texts.criterion(cs, c.catalog()) + ")",
                    m.get(cs.meetsMinimum() ? "score.meets" : "score.below"));
        }
        criteria.print(out);
        if (!c.failures().isEmpty()) {
            out.println();
            out.println(m.get("score.failures.title"));
            texts.failures(c.failures(), c.catalog()).forEach(f -> out.println("  - " + f));
        }
        if (!c.gaps().isEmpty()) {
            out.println();
            out.println(m.get("score.gaps.title"));
            for (IndicatorScore g : c.gaps()) {
                out.println("  " + m.get("score.gap", g.indicator().code(), texts.number(g.recoverable()), texts.reason(g)));
            }
        }
        out.println();
        if (c.plan().isEmpty()) {
            out.println(m.get("score.plan.none"));
        } else if (!c.plan().get().isEmpty()) {
            out.println(m.get("score.plan.title", c.plan().get().size()));
            c.plan().get().forEach(p -> out.println("  - " + p.indicator().code() + " " + texts.name(p.indicator())
                    + " (+" + texts.number(p.recoverable()) + ")"));
        }
    }
}
