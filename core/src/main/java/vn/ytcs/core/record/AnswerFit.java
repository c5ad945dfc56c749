// SPDX-License-Identifier: Apache-2.0
package vn.ytcs.core.record;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import vn.ytcs.core.catalog.Catalog;
import vn.ytcs.core.catalog.Indicator;
import vn.ytcs.core.catalog.Rule;
import vn.ytcs.core.record.FieldProblem.Problem;

/**
 * An entered answer fits its indicator's rule in the catalog of its assessment: yes or no, a
 * number (a percentage at most 100), items of the checklist; not applicable only with a reason
 * and no value. What is stored is what the scorer can read, so that one bad answer can never
 * break the scorecard of its commune.
 */
final class AnswerFit implements RecordKind.Rule {

    private static final ObjectMapper JSON = new ObjectMapper().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    static final String VALUE = "answer_value";

    @Override
    public void check(Map<String, Object> values, RecordContext context, Problems out) {
        String value = (String) values.get(VALUE);
        boolean notApplicable = Boolean.TRUE.equals(values.get("not_applicable"));
        if (notApplicable) {
            if (value != null) {
                out.add(VALUE, Problem.NOT_APPLICABLE_WITH_VALUE, value);
            }
            Object note = values.get("note");
            if (note == null || note.toString().isBlank()) {
                out.add("note", Problem.NOT_APPLICABLE_WITHOUT_REASON);
            }
        }
        Optional<Catalog> catalog = catalogOf((UUID) values.get("assessment_id"), context);
        if (catalog.isEmpty()) {
            return; // a catalog this program does not know (yet): its rules cannot be read
        }
        String code = (String) values.get("indicator_code");
        Optional<Indicator> indicator = catalog.get().indicator(code);
        if (indicator.isEmpty()) {
            out.add("indicator_code", Problem.UNKNOWN_INDICATOR, code, catalog.get().id());
            return;
        }
        if (value == null || notApplicable) {
            return;
        }
        if (indicator.get().isDerived()) {
            out.add(VALUE, Problem.DERIVED_INDICATOR, code);
            return;
        }
        fits(indicator.get().rule(), value, out);
    }

    private static Optional<Catalog> catalogOf(UUID assessment, RecordContext context) {
        vn.ytcs.core.catalog.Catalogs catalogs = context.catalogs().get();
        if (catalogs == null || assessment == null) {
            return Optional.empty();
        }
        return context.parents().find("assessment", assessment)
                .map(a -> (String) a.get("catalog_id"))
                .flatMap(catalogs::byId);
    }

    private static void fits(Rule rule, String value, Problems out) {
        JsonNode node;
        try {
            node = JSON.readTree(value);
        } catch (JsonProcessingException e) {
            out.add(VALUE, Problem.ANSWER_UNREADABLE, value);
            return;
        }
        if (rule instanceof Rule.YesNo) {
            if (!node.isBoolean()) {
                out.add(VALUE, Problem.ANSWER_NOT_YES_NO, value);
            }
        } else if (rule instanceof Rule.Checklist checklist) {
            Set<String> items = checklist.items().stream().map(Rule.Item::code).collect(Collectors.toCollection(java.util.TreeSet::new));
            if (!node.isArray()) {
                out.add(VALUE, Problem.ANSWER_NOT_ITEMS, value, String.join(", ", items));
                return;
            }
            for (JsonNode item : node) {
                if (!item.isTextual() || !items.contains(item.textValue())) {
                    out.add(VALUE, Problem.ANSWER_UNKNOWN_ITEM, item.isTextual() ? item.textValue() : item.toString(),
                            String.join(", ", items));
                    return;
                }
            }
        } else if (!node.isNumber() || !Double.isFinite(node.doubleValue())) {
            out.add(VALUE, Problem.ANSWER_NOT_NUMBER, value);
        } else if (node.decimalValue().signum() < 0) {
            out.add(VALUE, Problem.ANSWER_NEGATIVE, value);
        } else if (rule instanceof Rule.Threshold t && "percent".equals(t.unit()) && node.decimalValue().compareTo(HUNDRED) > 0) {
            out.add(VALUE, Problem.ANSWER_NOT_PERCENT, value);
        }
    }
}
