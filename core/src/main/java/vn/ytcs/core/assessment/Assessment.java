// SPDX-License-Identifier: Apache-2.0
package vn.ytcs.core.assessment;

import java.time.LocalDate;
import java.util.Objects;
import java.util.UUID;

/**
 * An assessment of a commune for a period (a year) against a catalog.
 *
 * @param decisionNumber the province's recognition decision, once recognised
 */
public record Assessment(UUID id, UUID unitId, int period, String catalogId, AssessmentState state,
                         String decisionNumber, LocalDate decisionDate) {

    public Assessment {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(unitId, "unitId");
        Objects.requireNonNull(catalogId, "catalogId");
        Objects.requireNonNull(state, "state");
        if (state == AssessmentState.RECOGNISED && (decisionNumber == null || decisionDate == null)) {
            throw new IllegalArgumentException("a recognised assessment needs its decision number and date");
        }
    }

    /** The recognition, when the assessment is recognised. */
    public java.util.Optional<Recognition> recognition() {
        return state == AssessmentState.RECOGNISED ? java.util.Optional.of(new Recognition(decisionNumber, decisionDate))
                : java.util.Optional.empty();
    }
}
