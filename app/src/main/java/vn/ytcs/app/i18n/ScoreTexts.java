// SPDX-License-Identifier: Apache-2.0
package vn.ytcs.app.i18n;

import java.math.BigDecimal;
import java.text.NumberFormat;
import java.util.List;
import java.util.stream.Collectors;
import vn.ytcs.core.catalog.Catalog;
import vn.ytcs.core.catalog.Indicator;
import vn.ytcs.core.catalog.Rule;
import vn.ytcs.core.json.DocumentException;
import vn.ytcs.core.scoring.Answer;
import vn.ytcs.core.scoring.Failure;
import vn.ytcs.core.scoring.IndicatorScore;
import vn.ytcs.core.unit.SocioRegion;

/** Scorecards in sentences a health officer reads: reasons, failing conditions, values. */
public final class ScoreTexts {

    private final Messages m;
    private final NumberFormat number;

    public ScoreTexts(Messages messages) {
        this.m = messages;
        this.number = NumberFormat.getNumberInstance(messages.locale());
        number.setMaximumFractionDigits(2);
    }

    public String number(BigDecimal value) {
        return value == null ? "–" : number.format(value);
    }

    /** "82,5%" in Vietnamese, "82.5%" in English. */
    public String percent(BigDecimal value) {
        return m.get("score.percent", number(value));
    }

    public String name(Indicator indicator) {
        return indicator.name().in(m.locale());
    }

    /** Why the indicator scored as it did, in one sentence. */
    public String reason(IndicatorScore s) {
        Indicator ind = s.indicator();
        switch (s.status()) {
            case MET:
                return m.get("score.reason.met");
            case NOT_APPLICABLE:
                return m.get("score.reason.notApplicable");
            case MISSING_DATA:
                return switch (s.missing()) {
                    case UNKNOWN_THRESHOLD -> m.get("score.reason.unknownThreshold", variant(s.variant()));
                    case NO_VUNG -> m.get("score.reason.noVung");
                    case NO_REGION -> m.get("score.reason.noRegion");
                    case NO_POPULATION -> m.get("score.reason.noPopulation");
                    case NO_VALUE -> ind.isDerived() ? m.get("score.reason.noRegisterValue") : m.get("score.reason.noValue");
                };
            default:
                break;
        }
        String what = ind.unmetReason() != null ? ind.unmetReason().in(m.locale()) : m.get("score.reason.unmet", name(ind));
        return what + detail(s);
    }

    private String detail(IndicatorScore s) {
        Rule rule = s.indicator().rule();
        if (rule instanceof Rule.Norm && s.value() instanceof Answer.Amount a) {
            return " " + m.get("score.detail.norm", number(a.value()), Integer.toString(s.norm()));
        }
        if (rule instanceof Rule.Threshold t && s.value() instanceof Answer.Amount a && s.target() != null) {
            String key = t.direction() == Rule.Direction.AT_LEAST ? "score.detail.atLeast" : "score.detail.atMost";
            boolean percent = "percent".equals(t.unit());
            return " " + m.get(key, percent ? percent(a.value()) : number(a.value()),
                    percent ? percent(s.target()) : number(s.target()));
        }
        if (rule instanceof Rule.Checklist c && !s.missingItems().isEmpty()) {
            String missing = c.items().stream().filter(i -> s.missingItems().contains(i.code()))
                    .map(i -> i.name().in(m.locale())).collect(Collectors.joining("; "));
            return " " + m.get("score.detail.checklist", missing);
        }
        return "";
    }

    /** The answer as a person would write it. */
    public String value(IndicatorScore s) {
        Answer v = s.value();
        if (v == null) {
            return "";
        }
        if (v instanceof Answer.Flag f) {
            return m.get(f.yes() ? "score.value.yes" : "score.value.no");
        }
        if (v instanceof Answer.Amount a) {
            return s.indicator().rule() instanceof Rule.Threshold t && "percent".equals(t.unit()) ? percent(a.value())
                    : number(a.value());
        }
        Answer.Items items = (Answer.Items) v;
        return items.codes().stream().sorted().collect(Collectors.joining(", "));
    }

    /** A failing condition of the pass rule. */
    public String failure(Failure f, Catalog catalog) {
        if (f instanceof Failure.TotalBelow t) {
            return m.get("score.failure.total", percent(t.percent()), percent(t.minimum()));
        }
        if (f instanceof Failure.CriterionBelow c) {
            String name = catalog.criteria().stream().filter(x -> x.code().equals(c.criterion())).findFirst()
                    .map(x -> x.name().in(m.locale())).orElse("");
            return m.get("score.failure.criterion", c.criterion(), name, percent(c.percent()), percent(c.minimum()));
        }
        Failure.VetoAtZero v = (Failure.VetoAtZero) f;
        String name = catalog.indicator(v.indicator()).map(this::name).orElse("");
        return m.get("score.failure.veto", v.indicator(), name);
    }

    public List<String> failures(List<Failure> failures, Catalog catalog) {
        return failures.stream().map(f -> failure(f, catalog)).toList();
    }

    public String status(IndicatorScore.Status status) {
        return m.label("status", status);
    }

    private String variant(String key) {
        if (key == null) {
            return "";
        }
        for (SocioRegion r : SocioRegion.values()) {
            if (r.name().equals(key)) {
                return m.label("region", r);
            }
        }
        return m.get("score.vung", key);
    }

    /** A refused JSON document: the file, the place in it, what is wrong. */
    public String document(DocumentException e) {
        return m.get("document.error." + e.problem().name(), e.source(), e.path(), e.detail() == null ? "" : e.detail());
    }
}
