// SPDX-License-Identifier: Apache-2.0
package vn.ytcs.app.window;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import vn.ytcs.core.catalog.AppliesTo;
import vn.ytcs.core.catalog.Catalog;
import vn.ytcs.core.catalog.CatalogRules;
import vn.ytcs.core.catalog.Criterion;
import vn.ytcs.core.catalog.DerivedValue;
import vn.ytcs.core.catalog.Indicator;
import vn.ytcs.core.catalog.Provenance;
import vn.ytcs.core.catalog.Rule;
import vn.ytcs.core.catalog.Text;
import vn.ytcs.core.catalog.Tier;
import vn.ytcs.core.unit.SocioRegion;
import vn.ytcs.core.unit.UnitType;

/**
 * A catalog as the editor's fields hold it: text as typed, one draft per criterion and indicator.
 * {@link #build()} turns it back into a catalog, or says which field cannot be read; the rules a
 * catalog must keep are {@link CatalogRules}'s, not repeated here.
 */
public final class CatalogDraft {

    /** A field of a criterion or indicator that does not read as what it must be. */
    public enum Unreadable {
        /** Not a number: a maximum, a cap, a checklist item's points. */
        NUMBER,
        /** Tiers not in the form "95: 3; 90: 2". */
        TIERS,
        /** Checklist items not one per line "code: points: name". */
        ITEMS,
        /** A confirmed indicator or variant without its source. */
        SOURCE,
        /** A name left empty. */
        NAME
    }

    /** A field that cannot be read: the criterion or indicator, which field, the text typed. */
    record FieldProblem(String subject, String field, Unreadable problem, String text) {
    }

    /** The catalog, when every field reads, and the fields that do not. */
    record Built(Catalog catalog, List<FieldProblem> unreadable) {
    }

    static final class CriterionDraft {
        final Criterion base;
        String nameVi;
        String nameEn;
        String maxPoints;

        CriterionDraft(Criterion c) {
            base = c;
            nameVi = c.name().vi();
            nameEn = c.name().en() == null ? "" : c.name().en();
            maxPoints = TierText.number(c.maxPoints());
        }
    }

    /**
     * A variant's thresholds: tiers typed, or left open; and where they come from when not from
     * the indicator's own provenance ({@code own}: draft thresholds beside confirmed ones).
     */
    static final class VariantDraft {
        String tiers = "";
        boolean open = true;
        boolean own;
        boolean draft = true;
        String source = "";
        String note = "";
    }

    static final class IndicatorDraft {
        final Indicator base;
        String nameVi;
        String nameEn;
        String criterion;
        String maxPoints;
        boolean veto;
        DerivedValue derived;
        final Set<UnitType> unitTypes = EnumSet.noneOf(UnitType.class);
        final Set<Integer> vung = new TreeSet<>();
        boolean confirmed;
        String source;
        String note;
        String kind;
        Rule.Direction direction = Rule.Direction.AT_LEAST;
        String unit = "percent";
        Rule.VariantKey variantsBy;
        String tiers = "";
        final Map<String, VariantDraft> variants = new LinkedHashMap<>();
        String items = "";
        String cap = "";
        String formula = vn.ytcs.core.catalog.StaffNorm.CIRCULAR_03_2023;

        IndicatorDraft(Indicator i) {
            base = i;
            nameVi = i.name().vi();
            nameEn = i.name().en() == null ? "" : i.name().en();
            criterion = i.criterion();
            maxPoints = TierText.number(i.maxPoints());
            veto = i.veto();
            derived = i.derived();
            unitTypes.addAll(i.appliesTo().unitTypes());
            vung.addAll(i.appliesTo().vung());
            confirmed = i.provenance().confirmed();
            source = i.provenance().source() == null ? "" : i.provenance().source();
            note = i.provenance().note() == null ? "" : i.provenance().note();
            kind = CatalogRules.kind(i.rule());
            if (i.rule() instanceof Rule.Threshold t) {
                direction = t.direction();
                unit = t.unit();
                tiers = TierText.format(t.tiers());
                variantsBy(t.variantsBy());
                if (t.variantsBy() != null) {
                    t.variants().forEach((k, v) -> {
                        VariantDraft d = variants.computeIfAbsent(k, x -> new VariantDraft());
                        d.open = v == null;
                        d.tiers = v == null ? "" : TierText.format(v);
                        Provenance p = t.variantProvenance().get(k);
                        d.own = p != null;
                        d.draft = p == null ? !i.provenance().confirmed() : !p.confirmed();
                        d.source = p != null && p.source() != null ? p.source() : "";
                        d.note = p != null && p.note() != null ? p.note() : "";
                    });
                }
            } else if (i.rule() instanceof Rule.Checklist c) {
                StringBuilder s = new StringBuilder();
                c.items().forEach(it -> s.append(s.length() == 0 ? "" : "\n").append(it.code()).append(": ")
                        .append(TierText.number(it.points())).append(": ").append(it.name().vi()));
                items = s.toString();
                cap = c.cap() == null ? "" : TierText.number(c.cap());
            } else if (i.rule() instanceof Rule.Norm n) {
                formula = n.formula();
                tiers = TierText.format(n.tiers());
            }
        }

        /** Thresholds by vùng or region: every key gets a row, left open until filled. */
        void variantsBy(Rule.VariantKey key) {
            variantsBy = key;
            if (key == null) {
                return;
            }
            List<String> keys = key == Rule.VariantKey.VUNG ? List.of("1", "2", "3")
                    : EnumSet.allOf(SocioRegion.class).stream().map(Enum::name).toList();
            variants.keySet().retainAll(keys);
            keys.forEach(k -> variants.computeIfAbsent(k, x -> new VariantDraft()));
        }

        String code() {
            return base.code();
        }
    }

    final Catalog base;
    final List<CriterionDraft> criteria = new ArrayList<>();
    final List<IndicatorDraft> indicators = new ArrayList<>();

    CatalogDraft(Catalog c) {
        base = c;
        c.criteria().forEach(x -> criteria.add(new CriterionDraft(x)));
        c.indicators().forEach(x -> indicators.add(new IndicatorDraft(x)));
    }

    List<IndicatorDraft> indicatorsOf(String criterion) {
        return indicators.stream().filter(i -> i.criterion.equals(criterion)).toList();
    }

    Built build() {
        List<FieldProblem> problems = new ArrayList<>();
        List<Criterion> cs = new ArrayList<>();
        for (CriterionDraft c : criteria) {
            cs.add(new Criterion(c.base.code(), text(c.base.code(), c.nameVi, c.nameEn, problems),
                    number(c.base.code(), "maxPoints", c.maxPoints, problems)));
        }
        List<Indicator> is = new ArrayList<>();
        for (IndicatorDraft d : indicators) {
            is.add(indicator(d, problems));
        }
        if (!problems.isEmpty()) {
            return new Built(null, List.copyOf(problems));
        }
        Catalog c = new Catalog(base.id(), base.revision(), base.title(), base.legalSource(), base.effectiveFrom(),
                base.effectiveTo(), base.passRule(), cs, is, base.notes());
        return new Built(c, List.of());
    }

    private static Indicator indicator(IndicatorDraft d, List<FieldProblem> problems) {
        String code = d.code();
        BigDecimal max = number(code, "maxPoints", d.maxPoints, problems);
        Provenance provenance = provenance(code, "source", d.confirmed, d.source, d.note, problems);
        Rule rule = switch (d.kind) {
            case "threshold" -> threshold(d, problems);
            case "checklist" -> checklist(d, max, problems);
            case "norm" -> new Rule.Norm(d.formula, tiers(code, "tiers", d.tiers, problems));
            default -> new Rule.YesNo();
        };
        return new Indicator(d.base.number(), code, d.criterion, text(code, d.nameVi, d.nameEn, problems), max, provenance,
                d.veto, new AppliesTo(d.unitTypes, d.vung), d.derived, rule, d.base.unmetReason());
    }

    private static Rule threshold(IndicatorDraft d, List<FieldProblem> problems) {
        if (d.variantsBy == null) {
            return new Rule.Threshold(d.direction, d.unit, tiers(d.code(), "tiers", d.tiers, problems), null, Map.of());
        }
        Map<String, List<Tier>> variants = new LinkedHashMap<>();
        Map<String, Provenance> provenance = new LinkedHashMap<>();
        d.variants.forEach((k, v) -> {
            variants.put(k, v.open ? null : tiers(d.code(), "variant." + k, v.tiers, problems));
            if (v.own && !v.open) {
                // A variant confirmed from the indicator's own source needs no source of its own.
                String source = v.source.isBlank() && d.confirmed ? d.source : v.source;
                provenance.put(k, provenance(d.code(), "variant." + k, !v.draft, source, v.note, problems));
            }
        });
        return new Rule.Threshold(d.direction, d.unit, List.of(), d.variantsBy, java.util.Collections.unmodifiableMap(variants),
                java.util.Collections.unmodifiableMap(provenance));
    }

    private static Rule checklist(IndicatorDraft d, BigDecimal max, List<FieldProblem> problems) {
        List<Rule.Item> items = new ArrayList<>();
        Map<String, Rule.Item> before = new LinkedHashMap<>();
        if (d.base.rule() instanceof Rule.Checklist c) {
            c.items().forEach(it -> before.put(it.code(), it));
        }
        for (String line : d.items.split("\n")) {
            if (line.isBlank()) {
                continue;
            }
            String[] parts = line.split(":", 3);
            BigDecimal points = parts.length == 3 ? TierText.parseNumber(parts[1]) : null;
            if (points == null || parts[0].isBlank() || parts[2].isBlank()) {
                problems.add(new FieldProblem(d.code(), "items", Unreadable.ITEMS, line.strip()));
                continue;
            }
            String code = parts[0].strip();
            Rule.Item was = before.get(code);
            String en = was == null ? null : was.name().en();
            items.add(new Rule.Item(code, new Text(parts[2].strip(), en), points));
        }
        BigDecimal cap = d.cap.isBlank() ? max : number(d.code(), "cap", d.cap, problems);
        return new Rule.Checklist(items, cap);
    }

    private static Provenance provenance(String subject, String field, boolean confirmed, String source, String note,
                                         List<FieldProblem> problems) {
        if (confirmed) {
            if (source == null || source.isBlank()) {
                problems.add(new FieldProblem(subject, field, Unreadable.SOURCE, ""));
            }
            return new Provenance(true, source == null ? "" : source.strip(), null);
        }
        return Provenance.draft(note == null || note.isBlank() ? null : note.strip());
    }

    private static List<Tier> tiers(String subject, String field, String typed, List<FieldProblem> problems) {
        List<Tier> tiers = TierText.parse(typed);
        if (tiers == null) {
            problems.add(new FieldProblem(subject, field, Unreadable.TIERS, typed.strip()));
            return List.of();
        }
        return tiers;
    }

    private static BigDecimal number(String subject, String field, String typed, List<FieldProblem> problems) {
        BigDecimal n = TierText.parseNumber(typed);
        if (n == null) {
            problems.add(new FieldProblem(subject, field, Unreadable.NUMBER, typed.strip()));
            return BigDecimal.ZERO;
        }
        return n;
    }

    private static Text text(String subject, String vi, String en, List<FieldProblem> problems) {
        if (vi == null || vi.isBlank()) {
            problems.add(new FieldProblem(subject, "name", Unreadable.NAME, ""));
            return new Text("?", null);
        }
        return new Text(vn.ytcs.core.text.VietText.nfc(vi.strip()),
                en == null || en.isBlank() ? null : vn.ytcs.core.text.VietText.nfc(en.strip()));
    }
}
