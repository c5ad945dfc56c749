// SPDX-License-Identifier: Apache-2.0
package vn.ytcs.app.i18n;

import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;
import vn.ytcs.core.catalog.Catalog;
import vn.ytcs.core.catalog.Indicator;
import vn.ytcs.core.catalog.Rule;
import vn.ytcs.core.catalog.Tier;
import vn.ytcs.core.json.DocumentException;
import vn.ytcs.core.scoring.Answer;
import vn.ytcs.core.scoring.CriterionScore;
import vn.ytcs.core.scoring.Failure;
import vn.ytcs.core.scoring.IndicatorScore;
import vn.ytcs.core.scoring.Scorecard;
import vn.ytcs.core.text.VietText;
import vn.ytcs.core.unit.SocioRegion;

/** Scorecards in sentences a health officer reads: reasons, failing conditions, values. */
public final class ScoreTexts {

    private final Messages m;
    private final Formats formats;

    public ScoreTexts(Messages messages) {
        this.m = messages;
        this.formats = new Formats(messages.locale());
    }

    /** Points and other numbers that decide nothing by themselves. */
    public String number(BigDecimal value) {
        return formats.number(value);
    }

    /** A percentage the catalog or the targets set (a minimum, a threshold), exactly: "16,5%". */
    public String percent(BigDecimal limit) {
        return formats.limit(limit);
    }

    /** The commune's total as a percentage, shown on the right side of the catalog's minimum ("79,9%"). */
    public String total(Scorecard card) {
        return formats.percent(card.points(), card.max(), List.of(card.catalog().passRule().minTotalPercent()));
    }

    /** A criterion as a percentage of its own maximum, shown on the right side of the catalog's minimum. */
    public String criterion(CriterionScore c, Catalog catalog) {
        return formats.percent(c.points(), c.max(), List.of(catalog.passRule().minCriterionPercent()));
    }

    /** The same numbers for machine-readable output, so that it says what the screen says. */
    public static BigDecimal totalValue(Scorecard card) {
        return Formats.percentValue(card.points(), card.max(), List.of(card.catalog().passRule().minTotalPercent()));
    }

    public static BigDecimal criterionValue(CriterionScore c, Catalog catalog) {
        return Formats.percentValue(c.points(), c.max(), List.of(catalog.passRule().minCriterionPercent()));
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
        if (rule instanceof Rule.Threshold t && s.value() != null && s.target() != null) {
            String key = t.direction() == Rule.Direction.AT_LEAST ? "score.detail.atLeast" : "score.detail.atMost";
            boolean percent = "percent".equals(t.unit());
            return " " + m.get(key, value(s), percent ? percent(s.target()) : formats.number(s.target(), List.of(s.target())));
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
        List<BigDecimal> thresholds = thresholds(s);
        if (v instanceof Answer.Amount a) {
            return s.indicator().rule() instanceof Rule.Threshold t && "percent".equals(t.unit())
                    ? formats.percent(a.value(), thresholds) : formats.number(a.value(), thresholds);
        }
        if (v instanceof Answer.Share share) {
            return formats.share(share.part(), share.whole(), thresholds);
        }
        Answer.Items items = (Answer.Items) v;
        return items.codes().stream().sorted().collect(Collectors.joining(", "));
    }

    /** The thresholds that decide how the indicator's value scores: those of its tiers (of its commune's variant). */
    private static List<BigDecimal> thresholds(IndicatorScore s) {
        List<Tier> tiers = List.of();
        if (s.indicator().rule() instanceof Rule.Threshold t) {
            tiers = t.variantsBy() == null ? t.tiers() : s.variant() == null ? List.of()
                    : Objects.requireNonNullElse(t.variants().get(s.variant()), List.of());
        }
        return tiers.stream().map(Tier::threshold).toList();
    }

    /** A failing condition of the pass rule. */
    public String failure(Failure f, Catalog catalog) {
        if (f instanceof Failure.TotalBelow t) {
            return m.get("score.failure.total", formats.percent(t.points(), t.max(), List.of(t.minimum())), percent(t.minimum()));
        }
        if (f instanceof Failure.CriterionBelow c) {
            String name = catalog.criteria().stream().filter(x -> x.code().equals(c.criterion())).findFirst()
                    .map(x -> x.name().in(m.locale())).orElse("");
            return m.get("score.failure.criterion", c.criterion(), name, formats.percent(c.points(), c.max(), List.of(c.minimum())),
                    percent(c.minimum()));
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

    /**
     * A refused JSON document: the file, the place in it, what is wrong, all in the user's language
     * (the validator's and the parser's English stays out). The file's own words (names, values,
     * the path) are shown through {@link VietText#printable}.
     */
    public String document(DocumentException e) {
        String detail = e.detail() == null ? "" : e.detail();
        String said = switch (e.problem()) {
            case SCHEMA -> e.rule() != null ? schemaRule(e) : VietText.printable(detail, SHOWN);
            case NOT_JSON -> e.line() > 0 ? m.get("document.at", Long.toString(e.line()), Long.toString(e.column()))
                    : VietText.printable(detail, SHOWN);
            case TOO_LARGE -> megabytes(detail);
            case WRONG_VALUE -> types(detail);
            default -> VietText.printable(detail, SHOWN);
        };
        String found = e.found() == null ? "" : VietText.printable(e.found(), VietText.NAME_LENGTH);
        return m.get("document.error." + e.problem().name(), VietText.printable(e.source(), SHOWN), where(e), said, found);
    }

    /** The bad field's path, and the record it belongs to when the reader could tell ("… (xã A1 "Xã Thử")"). */
    private String where(DocumentException e) {
        String path = VietText.printable(e.path(), SHOWN);
        DocumentException.Subject s = e.subject();
        if (s == null || s.code() == null) {
            return path;
        }
        String code = VietText.printable(s.code(), VietText.NAME_LENGTH);
        return s.name() == null ? m.get("document.where.communeCode", path, code)
                : m.get("document.where.commune", path, code, VietText.printable(s.name(), VietText.NAME_LENGTH));
    }

    /** Longest file name, path or value shown in a refusal. */
    private static final int SHOWN = 300;

    private String schemaRule(DocumentException e) {
        boolean types = e.rule() == DocumentException.SchemaRule.TYPE;
        String expected = e.expected() == null ? "" : types ? types(e.expected()) : VietText.printable(e.expected(), SHOWN);
        String found = e.found() == null ? "" : types ? types(e.found()) : VietText.printable(e.found(), VietText.NAME_LENGTH);
        return m.get("document.schema." + e.rule().name(), expected, found);
    }

    /** JSON type names ("integer", or "string, null") in words. */
    private String types(String names) {
        StringBuilder out = new StringBuilder();
        for (String name : names.split(",\\s*")) {
            String word = switch (name.strip()) {
                case "string" -> m.get("document.type.string");
                case "number" -> m.get("document.type.number");
                case "integer" -> m.get("document.type.integer");
                case "boolean" -> m.get("document.type.boolean");
                case "object" -> m.get("document.type.object");
                case "array" -> m.get("document.type.array");
                case "null" -> m.get("document.type.null");
                default -> VietText.printable(name.strip(), VietText.NAME_LENGTH);
            };
            out.append(out.length() == 0 ? "" : " / ").append(word);
        }
        return out.toString();
    }

    private String megabytes(String bytes) {
        try {
            return m.get("document.megabytes", Long.toString(Long.parseLong(bytes) / (1024 * 1024)));
        } catch (NumberFormatException e) {
            return VietText.printable(bytes, SHOWN);
        }
    }
}
