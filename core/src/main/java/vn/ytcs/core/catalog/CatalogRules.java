// SPDX-License-Identifier: Apache-2.0
package vn.ytcs.core.catalog;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import vn.ytcs.core.json.DocumentException.Problem;
import vn.ytcs.core.unit.SocioRegion;

/**
 * The rules of a catalog that its schema cannot state, stated once: the reader refuses a file by
 * the first of them, the window's editor lists all of them as the province types. Each problem
 * names the JSON path of the field (as a file of the catalog would have it) and the criterion or
 * indicator it belongs to.
 */
public final class CatalogRules {

    /** Formulas a {@code norm} rule may name. */
    public static final Set<String> FORMULAS = Set.of(StaffNorm.CIRCULAR_03_2023);

    /**
     * One broken rule; {@code kind} is the sentence a refused file gets.
     *
     * @param path    JSON path of the field, e.g. {@code $.indicators[34].rule.variants.TAY_NGUYEN}
     * @param subject the criterion or indicator code the field belongs to
     * @param detail  what the sentence quotes (a code, "10 ≠ 9", a region key)
     */
    public record Violation(String path, String subject, Problem kind, String detail) {
    }

    private CatalogRules() {
    }

    /** Every broken rule, in the order of the catalog (criteria, then indicators, then criterion sums). */
    public static List<Violation> violations(Catalog c) {
        List<Violation> out = new ArrayList<>();
        Set<String> criteria = new HashSet<>();
        for (int i = 0; i < c.criteria().size(); i++) {
            Criterion cr = c.criteria().get(i);
            if (!criteria.add(cr.code())) {
                out.add(new Violation("$.criteria[" + i + "].code", cr.code(), Problem.DUPLICATE, cr.code()));
            }
        }
        Set<String> codes = new HashSet<>();
        Set<Integer> numbers = new HashSet<>();
        Map<String, BigDecimal> sums = new HashMap<>();
        for (int i = 0; i < c.indicators().size(); i++) {
            Indicator ind = c.indicators().get(i);
            String at = "$.indicators[" + i + "]";
            if (!codes.add(ind.code())) {
                out.add(new Violation(at + ".code", ind.code(), Problem.DUPLICATE, ind.code()));
            }
            if (!numbers.add(ind.number())) {
                out.add(new Violation(at + ".number", ind.code(), Problem.DUPLICATE, Integer.toString(ind.number())));
            }
            if (!criteria.contains(ind.criterion())) {
                out.add(new Violation(at + ".criterion", ind.code(), Problem.UNKNOWN_REFERENCE, ind.criterion()));
            }
            sums.merge(ind.criterion(), ind.maxPoints(), BigDecimal::add);
            rule(ind, at, out);
        }
        for (int i = 0; i < c.criteria().size(); i++) {
            Criterion cr = c.criteria().get(i);
            BigDecimal sum = sums.getOrDefault(cr.code(), BigDecimal.ZERO);
            if (sum.compareTo(cr.maxPoints()) != 0) {
                out.add(new Violation("$.criteria[" + i + "].maxPoints", cr.code(), Problem.CRITERION_SUM,
                        cr.code() + ": " + plain(cr.maxPoints()) + " ≠ " + plain(sum)));
            }
        }
        return List.copyOf(out);
    }

    private static void rule(Indicator ind, String at, List<Violation> out) {
        Rule rule = ind.rule();
        String r = at + ".rule";
        if (ind.derived() != null && !fits(ind.derived(), rule)) {
            out.add(new Violation(r + ".kind", ind.code(), Problem.RULE_MISMATCH, ind.derived() + " / " + kind(rule)));
        }
        BigDecimal max = ind.maxPoints();
        if (rule instanceof Rule.Threshold t) {
            if (t.variantsBy() == null) {
                tiers(ind, t.direction(), t.tiers(), r + ".tiers", max, out);
                return;
            }
            Set<String> keys = t.variantsBy() == Rule.VariantKey.VUNG ? Set.of("1", "2", "3")
                    : EnumSet.allOf(SocioRegion.class).stream().map(Enum::name).collect(Collectors.toSet());
            for (Map.Entry<String, List<Tier>> e : t.variants().entrySet()) {
                String variantAt = r + ".variants." + e.getKey();
                if (!keys.contains(e.getKey())) {
                    out.add(new Violation(variantAt, ind.code(), Problem.UNKNOWN_REFERENCE, e.getKey()));
                } else if (e.getValue() != null) {
                    tiers(ind, t.direction(), e.getValue(), variantAt, max, out);
                }
            }
            // Every vùng or region is given thresholds or explicitly left open (null): one forgotten would score as missing data.
            keys.stream().filter(k -> !t.variants().containsKey(k)).sorted(order(t.variantsBy()))
                    .forEach(k -> out.add(new Violation(r + ".variants", ind.code(), Problem.VARIANT_MISSING, k)));
            for (String k : t.variantProvenance().keySet()) {
                if (!t.variants().containsKey(k)) {
                    // Provenance of a variant the rule does not have: a typing error in the key.
                    out.add(new Violation(r + ".variantProvenance." + k, ind.code(), Problem.UNKNOWN_REFERENCE, k));
                }
            }
        } else if (rule instanceof Rule.Norm n) {
            if (!FORMULAS.contains(n.formula())) {
                out.add(new Violation(r + ".formula", ind.code(), Problem.UNKNOWN_REFERENCE, n.formula()));
            }
            tiers(ind, Rule.Direction.AT_LEAST, n.tiers(), r + ".tiers", max, out);
        } else if (rule instanceof Rule.Checklist cl) {
            Set<String> items = new HashSet<>();
            for (int i = 0; i < cl.items().size(); i++) {
                Rule.Item item = cl.items().get(i);
                if (!items.add(item.code())) {
                    out.add(new Violation(r + ".items[" + i + "].code", ind.code(), Problem.DUPLICATE, item.code()));
                }
                if (item.points().compareTo(max) > 0) {
                    out.add(new Violation(r + ".items[" + i + "].points", ind.code(), Problem.OUT_OF_RANGE,
                            plain(item.points()) + " > " + plain(max)));
                }
            }
            if (cl.cap() != null && cl.cap().compareTo(max) > 0) {
                out.add(new Violation(r + ".cap", ind.code(), Problem.OUT_OF_RANGE, plain(cl.cap()) + " > " + plain(max)));
            }
        }
    }

    /**
     * Tiers are tried in order and the first met gives its points, so they go from the hardest to
     * the easiest (descending thresholds for "at least", ascending for "at most") with points
     * falling: a tier out of order would never be reached, or would give more for less.
     */
    private static void tiers(Indicator ind, Rule.Direction direction, List<Tier> tiers, String at, BigDecimal max,
                              List<Violation> out) {
        for (int i = 0; i < tiers.size(); i++) {
            Tier t = tiers.get(i);
            if (t.points().compareTo(max) > 0) {
                out.add(new Violation(at + "[" + i + "].points", ind.code(), Problem.OUT_OF_RANGE,
                        plain(t.points()) + " > " + plain(max)));
            }
            if (i > 0) {
                Tier before = tiers.get(i - 1);
                int step = t.threshold().compareTo(before.threshold());
                boolean easier = direction == Rule.Direction.AT_LEAST ? step < 0 : step > 0;
                if (!easier || t.points().compareTo(before.points()) >= 0) {
                    out.add(new Violation(at + "[" + i + "]", ind.code(), Problem.TIERS_ORDER,
                            sign(direction) + plain(before.threshold()) + " (" + plain(before.points()) + "), "
                                    + sign(direction) + plain(t.threshold()) + " (" + plain(t.points()) + ")"));
                }
            }
        }
    }

    /** Whether a rule can score the kind of value the register gives. */
    public static boolean fits(DerivedValue derived, Rule rule) {
        return switch (derived) {
            case PERMANENT_DOCTOR, ANY_DOCTOR, MIDWIFE_OR_OBSTETRIC_ASSISTANT, FAMILY_DOCTOR_MODEL -> rule instanceof Rule.YesNo;
            case STAFF_COUNT -> rule instanceof Rule.Norm;
            case HAMLET_WORKER_SHARE, INSURANCE_COVERAGE, HEALTH_RECORD_COVERAGE -> rule instanceof Rule.Threshold;
        };
    }

    /** The rule's kind as a catalog file names it. */
    public static String kind(Rule rule) {
        if (rule instanceof Rule.Threshold) {
            return "threshold";
        }
        if (rule instanceof Rule.Checklist) {
            return "checklist";
        }
        if (rule instanceof Rule.Norm) {
            return "norm";
        }
        return "yesNo";
    }

    /** Vùng 1, 2, 3; regions in the order of {@link SocioRegion}. */
    public static java.util.Comparator<String> order(Rule.VariantKey key) {
        return key == Rule.VariantKey.VUNG ? java.util.Comparator.naturalOrder()
                : java.util.Comparator.comparingInt(k -> SocioRegion.valueOf(k).ordinal());
    }

    private static String sign(Rule.Direction d) {
        return d == Rule.Direction.AT_MOST ? "≤ " : "≥ ";
    }

    private static String plain(BigDecimal d) {
        return d.stripTrailingZeros().toPlainString();
    }
}
