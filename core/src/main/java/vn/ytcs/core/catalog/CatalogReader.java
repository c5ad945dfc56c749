// SPDX-License-Identifier: Apache-2.0
package vn.ytcs.core.catalog;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
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
import vn.ytcs.core.unit.UnitType;

/**
 * Reads a catalog (format {@code ytcs-catalog/1}): schema first, then the rules a schema cannot
 * state ({@link CatalogRules}: unique codes, criterion sums, rules that fit their derived values,
 * tiers in order, every vùng or region given or left open).
 */
public final class CatalogReader {

    public static final String SCHEMA = "catalog-v1";

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

        List<Criterion> criteria = new ArrayList<>();
        for (JsonNode c : root.get("criteria")) {
            criteria.add(new Criterion(c.get("code").asText(), text(c.get("name")), c.get("maxPoints").decimalValue()));
        }

        List<Indicator> indicators = new ArrayList<>();
        JsonNode is = root.get("indicators");
        for (int i = 0; i < is.size(); i++) {
            indicators.add(indicator(is.get(i), "$.indicators[" + i + "]"));
        }
        JsonNode to = root.get("effectiveTo");
        Catalog catalog = new Catalog(root.get("id").asText(), root.get("revision").asInt(), text(root.get("title")),
                VietText.nfc(root.get("legalSource").asText()), LocalDate.parse(root.get("effectiveFrom").asText()),
                to == null || to.isNull() ? null : LocalDate.parse(to.asText()), passRule, criteria, indicators,
                root.has("notes") ? text(root.get("notes")) : null);
        List<CatalogRules.Violation> broken = CatalogRules.violations(catalog);
        if (!broken.isEmpty()) {
            CatalogRules.Violation first = broken.get(0);
            throw problem(first.path(), first.kind(), first.detail());
        }
        return catalog;
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
        return new Indicator(n.get("number").asInt(), n.get("code").asText(), n.get("criterion").asText(),
                text(n.get("name")), max, provenance, n.path("veto").asBoolean(false), applies, derived, rule,
                n.has("unmetReason") ? text(n.get("unmetReason")) : null);
    }

    private Rule rule(JsonNode r, String at, BigDecimal max) {
        return switch (r.get("kind").asText()) {
            case "yesNo" -> new Rule.YesNo();
            case "threshold" -> threshold(r, at);
            case "checklist" -> checklist(r, max);
            case "norm" -> new Rule.Norm(r.get("formula").asText(), tiers(r.get("tiers")));
            default -> throw problem(at + ".kind", Problem.SCHEMA, r.get("kind").asText());
        };
    }

    private static Provenance provenance(JsonNode p) {
        return "confirmed".equals(p.get("status").asText())
                ? new Provenance(true, VietText.nfc(p.get("source").asText()), null)
                : Provenance.draft(p.has("note") ? VietText.nfc(p.get("note").asText()) : null);
    }

    private Rule threshold(JsonNode r, String at) {
        Rule.Direction direction = "atMost".equals(r.get("direction").asText()) ? Rule.Direction.AT_MOST : Rule.Direction.AT_LEAST;
        String unit = r.path("unit").asText("number");
        if (r.has("tiers") && r.has("variantsBy")) {
            // The scorer would use the variants and silently drop the tiers: the author meant one of them.
            throw problem(at, Problem.EXCLUSIVE_FIELDS, "tiers / variants");
        }
        List<Tier> tiers = r.has("tiers") ? tiers(r.get("tiers")) : List.of();
        if (!r.has("variantsBy")) {
            return new Rule.Threshold(direction, unit, tiers, null, Map.of());
        }
        Rule.VariantKey key = "vung".equals(r.get("variantsBy").asText()) ? Rule.VariantKey.VUNG : Rule.VariantKey.REGION;
        Map<String, List<Tier>> variants = new LinkedHashMap<>();
        var fields = r.get("variants").fields();
        while (fields.hasNext()) {
            var e = fields.next();
            variants.put(e.getKey(), e.getValue().isNull() ? null : tiers(e.getValue()));
        }
        Map<String, Provenance> provenance = new LinkedHashMap<>();
        var given = r.path("variantProvenance").fields();
        while (given.hasNext()) {
            var e = given.next();
            provenance.put(e.getKey(), provenance(e.getValue()));
        }
        return new Rule.Threshold(direction, unit, tiers, key, java.util.Collections.unmodifiableMap(variants),
                java.util.Collections.unmodifiableMap(provenance));
    }

    /** A checklist without a cap is capped at the indicator's maximum. */
    private static Rule checklist(JsonNode r, BigDecimal max) {
        List<Rule.Item> items = new ArrayList<>();
        for (JsonNode item : r.get("items")) {
            items.add(new Rule.Item(item.get("code").asText(), text(item.get("name")), item.get("points").decimalValue()));
        }
        return new Rule.Checklist(items, r.has("cap") ? r.get("cap").decimalValue() : max);
    }

    private static List<Tier> tiers(JsonNode list) {
        List<Tier> tiers = new ArrayList<>();
        for (JsonNode t : list) {
            tiers.add(new Tier(t.get("threshold").decimalValue(), t.get("points").decimalValue()));
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
