// SPDX-License-Identifier: Apache-2.0
package vn.ytcs.core.scoring;

import java.util.Map;
import java.util.Set;
import vn.ytcs.core.unit.SocioRegion;
import vn.ytcs.core.unit.UnitType;

/**
 * Everything the scorer knows of a commune: its attributes and one answer per indicator code.
 *
 * @param notApplicable indicator codes declared not applicable in the assessment
 */
public record CommuneFacts(String code, String name, UnitType type, Integer vung, SocioRegion region,
                           Integer population, Map<String, Answer> values, Set<String> notApplicable) {

    public CommuneFacts {
        values = Map.copyOf(values);
        notApplicable = Set.copyOf(notApplicable);
    }

    /** The same commune with one answer replaced, for what-if questions. */
    public CommuneFacts with(String indicator, Answer answer) {
        var copy = new java.util.HashMap<>(values);
        copy.put(indicator, answer);
        return new CommuneFacts(code, name, type, vung, region, population, copy, notApplicable);
    }
}
