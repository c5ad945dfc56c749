// SPDX-License-Identifier: Apache-2.0
package vn.ytcs.core.catalog;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import vn.ytcs.core.json.DocumentException;
import vn.ytcs.core.json.DocumentException.Problem;
import vn.ytcs.core.json.JsonDocuments;
import vn.ytcs.core.text.VietText;
import vn.ytcs.core.unit.SocioRegion;
import vn.ytcs.core.unit.UnitType;

/**
 * Reads a catalog (format {@code ytcs-catalog/1}): schema first, then the rules a schema cannot
 * state (unique codes, criterion sums, rules that fit their derived values).
 */
public final class CatalogReader {

    public static final String SCHEMA = "catalog-v1";
    /** Formulas a {@code norm} rule may name. */
    public static final Set<String> FORMULAS = Set.of(StaffNorm.CIRCULAR_03_2023);

    private final String source;

    private CatalogReader(String source) {
        this.source = source;
    }

    public static Catalog read(Path file) {
        return new CatalogReader(file.toString()).parse(JsonDocuments.read(file, SCHEMA));
    }

    public static Catalog readResource(String resource) {
        return new CatalogReader(resource).parse(JsonDocuments.readResource(resource, SCHEMA));
    }

    public static Catalog read(byte[] bytes, String source) {
        return new CatalogReader(source).parse(JsonDocuments.read(bytes, source, SCHEMA));
    }

    private Catalog parse(JsonNode root) {
        JsonNode pass = root.get("passRule");
        PassRule passRule = new PassRule(pass.get("minTotalPercent").decimalValue(),
                pass.get("minCriterionPercent").decimalValue(), pass.get("vetoAtZero").asBoolean(),
                PassRule.NotApplicable.valueOf(pass.path("notApplicable").asText("exclude").toUpperCase(Locale.ROOT)));

        Map<String, Criterion> criteria = new LinkedHashMap<>();
        JsonNode cs = root.get("criteria");
        for (int i = 0; i < cs.size(); i++) {
            JsonNode c = cs.get(i);
            Criterion criterion = new Criterion(c.get("code").asText(), text(c.get("name")), c.get("maxPoints").decimalValue());
            if (criteria.put(criterion.code(), criterion) != null) {
                throw problem("$.criteria[" + i + "].code", Problem.DUPLICATE, criterion.code());
            }
        }

        List<Indicator> indicators = new ArrayList<>();
        Set<String> codes = new HashSet<>();
        Set<Integer> numbers = new HashSet<>();
        Map<String, BigDecimal> sums = new HashMap<>();
        JsonNode is = root.get("indicators");
        for (int i = 0; i < is.size(); i++) {
            String at = "$.indicators[" + i + "]";
            Indicator indicator = indicator(is.get(i), at);
            if (!codes.add(indicator.code())) {
                throw problem(at + ".code", Problem.DUPLICATE, indicator.code());
            }
            if (!numbers.add(indicator.number())) {
                throw problem(at + ".number", Problem.DUPLICATE, Integer.toString(indicator.number()));
            }
            if (!criteria.containsKey(indicator.criterion())) {
                throw problem(at + ".criterion", Problem.UNKNOWN_REFERENCE, indicator.criterion());
            }
            sums.merge(indicator.criterion(), indicator.maxPoints(), BigDecimal::add);
            indicators.add(indicator);
        }
        int ci = 0;
        for (Criterion c : criteria.values()) {
            BigDecimal sum = sums.getOrDefault(c.code(), BigDecimal.ZERO);
            if (sum.compareTo(c.maxPoints()) != 0) {
                throw problem("$.criteria[" + ci + "].maxPoints", Problem.CRITERION_SUM,
                        c.code() + ": " + c.maxPoints().toPlainString() + " ≠ " + sum.toPlainString());
            }
            ci++;
        }
        JsonNode to = root.get("effectiveTo");
        return new Catalog(root.get("id").asText(), root.get("revision").asInt(), text(root.get("title")),
                VietText.nfc(root.get("legalSource").asText()), LocalDate.parse(root.get("effectiveFrom").asText()),
                to == null || to.isNull() ? null : LocalDate.parse(to.asText()), passRule,
                List.copyOf(criteria.values()), indicators, root.has("notes") ? text(root.get("notes")) : null);
    }

    private Indicator indicator(JsonNode n, String at) {
        BigDecimal max = n.get("maxPoints").decimalValue();
        Provenance provenance = provenance(n.get("provenance"));
        AppliesTo applies = AppliesTo.ALL;
        if (n.has("appliesTo")) {
            Set<UnitType> types = EnumSet.noneOf(UnitType.class);
            n.get("appliesTo").path("unitTypes").forEach(t -> types.add(UnitType.valueOf(t.asText())));
            Set<Integer> vung = new HashSet<>();
            n.get("appliesTo").path("vung").forEach(v -> vung.add(v.asInt()));
            applies = new AppliesTo(types, vung);
        }
        DerivedValue derived = "derived".equals(n.get("input").asText()) ? DerivedValue.valueOf(n.get("derived").asText()) : null;
        Rule rule = rule(n.get("rule"), at + ".rule", max);
        if (derived != null && !fits(derived, rule)) {
            throw problem(at + ".rule.kind", Problem.RULE_MISMATCH, derived + " / " + n.get("rule").get("kind").asText());
        }
        return new Indicator(n.get("number").asInt(), n.get("code").asText(), n.get("criterion").asText(),
                text(n.get("name")), max, provenance, n.path("veto").asBoolean(false), applies, derived, rule,
                n.has("unmetReason") ? text(n.get("unmetReason")) : null);
    }

    private static boolean fits(DerivedValue derived, Rule rule) {
        return switch (derived) {
            case PERMANENT_DOCTOR, ANY_DOCTOR, MIDWIFE_OR_OBSTETRIC_ASSISTANT, FAMILY_DOCTOR_MODEL -> rule instanceof Rule.YesNo;
            case STAFF_COUNT -> rule instanceof Rule.Norm;
            case HAMLET_WORKER_SHARE, INSURANCE_COVERAGE, HEALTH_RECORD_COVERAGE -> rule instanceof Rule.Threshold;
        };
    }

    private Rule rule(JsonNode r, String at, BigDecimal max) {
        return switch (r.get("kind").asText()) {
            case "yesNo" -> new Rule.YesNo();
            case "threshold" -> threshold(r, at, max);
            case "checklist" -> checklist(r, at, max);
            case "norm" -> {
                String formula = r.get("formula").asText();
                if (!FORMULAS.contains(formula)) {
                    throw problem(at + ".formula", Problem.UNKNOWN_REFERENCE, formula);
                }
                yield new Rule.Norm(formula, tiers(r.get("tiers"), at + ".tiers", max));
            }
            default -> throw problem(at + ".kind", Problem.SCHEMA, r.get("kind").asText());
        };
    }

    private static Provenance provenance(JsonNode p) {
        return "confirmed".equals(p.get("status").asText())
                ? new Provenance(true, VietText.nfc(p.get("source").asText()), null)
                : Provenance.draft(p.has("note") ? VietText.nfc(p.get("note").asText()) : null);
    }

    private Rule threshold(JsonNode r, String at, BigDecimal max) {
        Rule.Direction direction = "atMost".equals(r.get("direction").asText()) ? Rule.Direction.AT_MOST : Rule.Direction.AT_LEAST;
        String unit = r.path("unit").asText("number");
        if (r.has("tiers") && r.has("variantsBy")) {
            // The scorer would use the variants and silently drop the tiers: the author meant one of them.
            throw problem(at, Problem.EXCLUSIVE_FIELDS, "tiers / variants");
        }
        List<Tier> tiers = r.has("tiers") ? tiers(r.get("tiers"), at + ".tiers", max) : List.of();
        if (!r.has("variantsBy")) {
            return new Rule.Threshold(direction, unit, tiers, null, Map.of());
        }
        Rule.VariantKey key = "vung".equals(r.get("variantsBy").asText()) ? Rule.VariantKey.VUNG : Rule.VariantKey.REGION;
        Map<String, List<Tier>> variants = new LinkedHashMap<>();
        var fields = r.get("variants").fields();
        while (fields.hasNext()) {
            var e = fields.next();
            String variantAt = at + ".variants." + e.getKey();
            boolean known = key == Rule.VariantKey.VUNG ? Set.of("1", "2", "3").contains(e.getKey())
                    : EnumSet.allOf(SocioRegion.class).stream().anyMatch(s -> s.name().equals(e.getKey()));
            if (!known) {
                throw problem(variantAt, Problem.UNKNOWN_REFERENCE, e.getKey());
            }
            variants.put(e.getKey(), e.getValue().isNull() ? null : tiers(e.getValue(), variantAt, max));
        }
        Map<String, Provenance> provenance = new LinkedHashMap<>();
        var given = r.path("variantProvenance").fields();
        while (given.hasNext()) {
            var e = given.next();
            if (!variants.containsKey(e.getKey())) {
                // Provenance of a variant the rule does not have: a typing error in the key.
                throw problem(at + ".variantProvenance." + e.getKey(), Problem.UNKNOWN_REFERENCE, e.getKey());
            }
            provenance.put(e.getKey(), provenance(e.getValue()));
        }
        return new Rule.Threshold(direction, unit, tiers, key, java.util.Collections.unmodifiableMap(variants),
                java.util.Collections.unmodifiableMap(provenance));
    }

    private Rule checklist(JsonNode r, String at, BigDecimal max) {
        List<Rule.Item> items = new ArrayList<>();
        Set<String> codes = new HashSet<>();
        JsonNode list = r.get("items");
        for (int i = 0; i < list.size(); i++) {
            JsonNode item = list.get(i);
            if (!codes.add(item.get("code").asText())) {
                throw problem(at + ".items[" + i + "].code", Problem.DUPLICATE, item.get("code").asText());
            }
            items.add(new Rule.Item(item.get("code").asText(), text(item.get("name")), item.get("points").decimalValue()));
        }
        BigDecimal cap = r.has("cap") ? r.get("cap").decimalValue() : max;
        if (cap.compareTo(max) > 0) {
            throw problem(at + ".cap", Problem.OUT_OF_RANGE, cap.toPlainString() + " > " + max.toPlainString());
        }
        return new Rule.Checklist(items, cap);
    }

    private List<Tier> tiers(JsonNode list, String at, BigDecimal max) {
        List<Tier> tiers = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            Tier t = new Tier(list.get(i).get("threshold").decimalValue(), list.get(i).get("points").decimalValue());
            if (t.points().compareTo(max) > 0) {
                throw problem(at + "[" + i + "].points", Problem.OUT_OF_RANGE,
                        t.points().toPlainString() + " > " + max.toPlainString());
            }
            tiers.add(t);
        }
        return List.copyOf(tiers);
    }

    private static Text text(JsonNode t) {
        return new Text(VietText.nfc(t.get("vi").asText()), t.has("en") ? VietText.nfc(t.get("en").asText()) : null);
    }

    private DocumentException problem(String path, Problem problem, String detail) {
        return new DocumentException(source, path, problem, detail);
    }
}
