// SPDX-License-Identifier: Apache-2.0
package vn.ytcs.core.catalog;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Writes a catalog as a {@code ytcs-catalog/1} document, the form {@link CatalogReader} reads:
 * what the window's editor saves as a revision, so that a revision made in the window and one
 * imported from a file are the same kind of record.
 */
public final class CatalogWriter {

    private static final JsonNodeFactory NODES = JsonNodeFactory.withExactBigDecimals(true);
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
            .enable(JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN);

    private CatalogWriter() {
    }

    /** The document, UTF-8, with the catalog's own revision number (at least 1, as the format asks). */
    public static byte[] write(Catalog c) {
        ObjectNode root = NODES.objectNode();
        root.put("format", "ytcs-catalog/1");
        root.put("id", c.id());
        root.put("revision", Math.max(1, c.revision()));
        root.set("title", text(c.title()));
        root.put("legalSource", c.legalSource());
        if (c.notes() != null) {
            root.set("notes", text(c.notes()));
        }
        root.put("effectiveFrom", c.effectiveFrom().toString());
        if (c.effectiveTo() == null) {
            root.putNull("effectiveTo");
        } else {
            root.put("effectiveTo", c.effectiveTo().toString());
        }
        ObjectNode pass = root.putObject("passRule");
        pass.put("minTotalPercent", c.passRule().minTotalPercent());
        pass.put("minCriterionPercent", c.passRule().minCriterionPercent());
        pass.put("vetoAtZero", c.passRule().vetoAtZero());
        pass.put("notApplicable", c.passRule().notApplicable().name().toLowerCase(Locale.ROOT));
        ArrayNode criteria = root.putArray("criteria");
        for (Criterion cr : c.criteria()) {
            ObjectNode n = criteria.addObject();
            n.put("code", cr.code());
            n.set("name", text(cr.name()));
            n.put("maxPoints", cr.maxPoints());
        }
        ArrayNode indicators = root.putArray("indicators");
        c.indicators().forEach(i -> indicators.add(indicator(i)));
        try {
            return JSON.writeValueAsString(root).getBytes(StandardCharsets.UTF_8);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a catalog tree cannot fail to serialise", e);
        }
    }

    private static ObjectNode indicator(Indicator i) {
        ObjectNode n = NODES.objectNode();
        n.put("number", i.number());
        n.put("code", i.code());
        n.put("criterion", i.criterion());
        n.set("name", text(i.name()));
        n.put("maxPoints", i.maxPoints());
        n.set("provenance", provenance(i.provenance()));
        n.put("veto", i.veto());
        if (!i.appliesTo().unitTypes().isEmpty() || !i.appliesTo().vung().isEmpty()) {
            ObjectNode a = n.putObject("appliesTo");
            if (!i.appliesTo().unitTypes().isEmpty()) {
                ArrayNode types = a.putArray("unitTypes");
                i.appliesTo().unitTypes().stream().sorted().forEach(t -> types.add(t.name()));
            }
            if (!i.appliesTo().vung().isEmpty()) {
                ArrayNode vung = a.putArray("vung");
                i.appliesTo().vung().stream().sorted().forEach(vung::add);
            }
        }
        n.put("input", i.isDerived() ? "derived" : "entered");
        if (i.isDerived()) {
            n.put("derived", i.derived().name());
        }
        n.set("rule", rule(i.rule()));
        if (i.unmetReason() != null) {
            n.set("unmetReason", text(i.unmetReason()));
        }
        return n;
    }

    private static ObjectNode rule(Rule rule) {
        ObjectNode r = NODES.objectNode();
        r.put("kind", CatalogRules.kind(rule));
        if (rule instanceof Rule.Threshold t) {
            r.put("unit", t.unit());
            r.put("direction", t.direction() == Rule.Direction.AT_MOST ? "atMost" : "atLeast");
            if (t.variantsBy() == null) {
                r.set("tiers", tiers(t.tiers()));
            } else {
                r.put("variantsBy", t.variantsBy() == Rule.VariantKey.VUNG ? "vung" : "region");
                ObjectNode variants = r.putObject("variants");
                for (Map.Entry<String, List<Tier>> e : t.variants().entrySet()) {
                    if (e.getValue() == null) {
                        variants.putNull(e.getKey());
                    } else {
                        variants.set(e.getKey(), tiers(e.getValue()));
                    }
                }
                if (!t.variantProvenance().isEmpty()) {
                    ObjectNode p = r.putObject("variantProvenance");
                    t.variantProvenance().forEach((k, v) -> p.set(k, provenance(v)));
                }
            }
        } else if (rule instanceof Rule.Checklist c) {
            ArrayNode items = r.putArray("items");
            for (Rule.Item item : c.items()) {
                ObjectNode n = items.addObject();
                n.put("code", item.code());
                n.set("name", text(item.name()));
                n.put("points", item.points());
            }
            if (c.cap() != null) {
                r.put("cap", c.cap());
            }
        } else if (rule instanceof Rule.Norm norm) {
            r.put("formula", norm.formula());
            r.set("tiers", tiers(norm.tiers()));
        }
        return r;
    }

    private static ArrayNode tiers(List<Tier> tiers) {
        ArrayNode a = NODES.arrayNode();
        for (Tier t : tiers) {
            ObjectNode n = a.addObject();
            n.put("threshold", t.threshold());
            n.put("points", t.points());
        }
        return a;
    }

    private static ObjectNode provenance(Provenance p) {
        ObjectNode n = NODES.objectNode();
        n.put("status", p.confirmed() ? "confirmed" : "draft");
        if (p.confirmed()) {
            n.put("source", p.source());
        } else if (p.note() != null) {
            n.put("note", p.note());
        }
        return n;
    }

    private static ObjectNode text(Text t) {
        ObjectNode n = NODES.objectNode();
        n.put("vi", t.vi());
        if (t.en() != null) {
            n.put("en", t.en());
        }
        return n;
    }
}
