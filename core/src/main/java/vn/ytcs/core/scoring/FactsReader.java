// SPDX-License-Identifier: Apache-2.0
package vn.ytcs.core.scoring;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import vn.ytcs.core.catalog.Catalog;
import vn.ytcs.core.catalog.Indicator;
import vn.ytcs.core.catalog.Rule;
import vn.ytcs.core.json.DocumentException;
import vn.ytcs.core.json.DocumentException.Problem;
import vn.ytcs.core.json.JsonDocuments;
import vn.ytcs.core.text.VietText;
import vn.ytcs.core.unit.SocioRegion;
import vn.ytcs.core.unit.UnitType;

/** Reads a facts file ({@code ytcs-facts/1}) and checks every value against the catalog's rules. */
public final class FactsReader {

    public static final String SCHEMA = "facts-v1";

    private FactsReader() {
    }

    public static List<CommuneFacts> read(Path file, Catalog catalog) {
        String source = file.toString();
        JsonNode root = JsonDocuments.read(file, SCHEMA, (tree, refusal) -> located(tree, refusal, catalog));
        List<CommuneFacts> out = new ArrayList<>();
        Set<String> codes = new HashSet<>();
        JsonNode communes = root.get("communes");
        for (int i = 0; i < communes.size(); i++) {
            JsonNode c = communes.get(i);
            try {
                out.add(commune(c, "$.communes[" + i + "]", source, catalog, codes));
            } catch (DocumentException e) {
                throw e.about(subject(c));
            }
        }
        return out;
    }

    private static CommuneFacts commune(JsonNode c, String at, String source, Catalog catalog, Set<String> codes) {
        String code = c.get("code").asText();
        if (!codes.add(code)) {
            throw new DocumentException(source, at + ".code", Problem.DUPLICATE, code);
        }
        Map<String, Answer> values = new HashMap<>();
        var fields = c.path("values").fields();
        while (fields.hasNext()) {
            var e = fields.next();
            String valueAt = at + ".values." + e.getKey();
            Indicator indicator = catalog.indicator(e.getKey())
                    .orElseThrow(() -> new DocumentException(source, valueAt, Problem.UNKNOWN_REFERENCE, e.getKey()));
            values.put(e.getKey(), answer(indicator, e.getValue(), source, valueAt));
        }
        Set<String> notApplicable = new HashSet<>();
        JsonNode na = c.path("notApplicable");
        for (int j = 0; j < na.size(); j++) {
            String indicator = na.get(j).asText();
            if (catalog.indicator(indicator).isEmpty()) {
                throw new DocumentException(source, at + ".notApplicable[" + j + "]", Problem.UNKNOWN_REFERENCE, indicator);
            }
            notApplicable.add(indicator);
        }
        JsonNode population = c.get("population");
        if (population != null && !population.canConvertToInt()) {
            // The schema bounds it below only; no commune has billions of people, and the norm counts in int.
            throw new DocumentException(source, at + ".population", Problem.OUT_OF_RANGE,
                    population.asText() + " > " + Integer.MAX_VALUE);
        }
        return new CommuneFacts(code, VietText.nfc(c.get("name").asText()), UnitType.valueOf(c.get("unitType").asText()),
                c.has("vung") ? c.get("vung").asInt() : null,
                c.has("region") ? SocioRegion.valueOf(c.get("region").asText()) : null,
                population != null ? population.intValue() : null, values, notApplicable);
    }

    private static final Pattern IN_COMMUNE = Pattern.compile("^\\$\\.communes\\[(\\d+)](.*)$");
    private static final Pattern VALUE = Pattern.compile("^\\.values\\.([^.\\[]+\\.[^.\\[]+)$");

    /**
     * A refusal of the schema or the parser, said of the commune it falls in; a value of the wrong
     * type is said against its indicator's rule ("a number", not "one of the allowed forms").
     */
    private static DocumentException located(JsonNode root, DocumentException refusal, Catalog catalog) {
        Matcher in = IN_COMMUNE.matcher(refusal.path());
        if (!in.matches()) {
            return refusal;
        }
        JsonNode c = root.path("communes").path(Integer.parseInt(in.group(1)));
        DocumentException said = refusal;
        Matcher value = VALUE.matcher(in.group(2));
        if (refusal.problem() == Problem.SCHEMA && value.matches() && c.path("values").has(value.group(1))) {
            var indicator = catalog.indicator(value.group(1));
            if (indicator.isPresent()) {
                try {
                    answer(indicator.get(), c.path("values").get(value.group(1)), refusal.source(), refusal.path());
                } catch (DocumentException byRule) {
                    said = byRule;
                }
            }
        }
        return c.isObject() ? said.about(subject(c)) : said;
    }

    private static DocumentException.Subject subject(JsonNode commune) {
        JsonNode code = commune.path("code");
        JsonNode name = commune.path("name");
        return new DocumentException.Subject(code.isTextual() ? code.textValue() : null, name.isTextual() ? VietText.nfc(name.textValue()) : null);
    }

    /** The answer a JSON value gives an indicator, refused when it does not fit the rule. */
    public static Answer answer(Indicator indicator, JsonNode value, String source, String at) {
        Rule rule = indicator.rule();
        if (rule instanceof Rule.YesNo) {
            if (!value.isBoolean()) {
                throw DocumentException.wrongValue(source, at, "true / false", value.toString());
            }
            return new Answer.Flag(value.booleanValue());
        }
        if (rule instanceof Rule.Checklist checklist) {
            if (!value.isArray()) {
                throw DocumentException.wrongValue(source, at, "[\"a\", \"b\", …]", value.toString());
            }
            Set<String> known = new HashSet<>();
            checklist.items().forEach(item -> known.add(item.code()));
            Set<String> present = new HashSet<>();
            for (int i = 0; i < value.size(); i++) {
                String item = value.get(i).asText();
                if (!known.contains(item)) {
                    throw new DocumentException(source, at + "[" + i + "]", Problem.UNKNOWN_REFERENCE, item);
                }
                present.add(item);
            }
            return new Answer.Items(present);
        }
        if (!value.isNumber()) {
            throw DocumentException.wrongValue(source, at, "number", value.toString());
        }
        if (value.decimalValue().signum() < 0) {
            throw new DocumentException(source, at, Problem.OUT_OF_RANGE, value.asText());
        }
        Rule.Threshold threshold = rule instanceof Rule.Threshold t ? t : null;
        if (threshold != null && "percent".equals(threshold.unit()) && value.decimalValue().compareTo(java.math.BigDecimal.valueOf(100)) > 0) {
            throw new DocumentException(source, at, Problem.OUT_OF_RANGE, value.asText() + " > 100");
        }
        return new Answer.Amount(value.decimalValue());
    }
}
