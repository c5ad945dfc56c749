// SPDX-License-Identifier: Apache-2.0
package vn.ytcs.core.scoring;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import vn.ytcs.core.assessment.AssessmentAnswer;
import vn.ytcs.core.catalog.Catalog;
import vn.ytcs.core.catalog.DerivedValue;
import vn.ytcs.core.catalog.Indicator;
import vn.ytcs.core.commune.CommuneProfile;
import vn.ytcs.core.figures.CommuneYear;
import vn.ytcs.core.json.DocumentException;

/** Builds the scorer's facts for a commune: its attributes, its entered answers and its derived values. */
public final class FactsAssembler {

    private static final ObjectMapper JSON = new ObjectMapper();

    private FactsAssembler() {
    }

    public static CommuneFacts of(Catalog catalog, CommuneProfile profile, List<AssessmentAnswer> answers, int period) {
        Map<String, Answer> values = new HashMap<>();
        Set<String> notApplicable = new HashSet<>();
        for (AssessmentAnswer a : answers) {
            Optional<Indicator> indicator = catalog.indicator(a.indicatorCode());
            if (indicator.isEmpty() || indicator.get().isDerived()) {
                continue; // an answer for another catalog, or one the register now gives
            }
            if (a.notApplicable()) {
                notApplicable.add(a.indicatorCode());
            } else if (a.value() != null) {
                values.put(a.indicatorCode(), parse(indicator.get(), a));
            }
        }
        Map<DerivedValue, Answer> derived = DerivedValues.of(profile, period);
        for (Indicator indicator : catalog.indicators()) {
            if (indicator.isDerived() && derived.containsKey(indicator.derived())) {
                values.put(indicator.code(), derived.get(indicator.derived()));
            }
        }
        Integer population = DerivedValues.figuresFor(profile, period).map(CommuneYear::population).orElse(null);
        var unit = profile.commune();
        return new CommuneFacts(unit.code(), unit.name(), unit.type(), unit.vung(), unit.region(), population, values,
                notApplicable);
    }

    private static Answer parse(Indicator indicator, AssessmentAnswer a) {
        String source = "assessment " + a.assessmentId();
        String at = "$." + a.indicatorCode();
        JsonNode node;
        try {
            node = JSON.readTree(a.value());
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new DocumentException(source, at, DocumentException.Problem.NOT_JSON, a.value());
        }
        return FactsReader.answer(indicator, node, source, at);
    }
}
