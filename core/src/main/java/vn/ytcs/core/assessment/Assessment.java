// SPDX-License-Identifier: Apache-2.0
package vn.ytcs.core.assessment;

import java.time.LocalDate;
import java.util.UUID;

/**
 * An assessment of a commune for a period (a year) against a catalog.
 *
 * @param decisionNumber the province's recognition decision, once recognised (its rules, this one among
 *                       them, are declared in {@code vn.ytcs.core.record.RecordKinds#ASSESSMENT})
 */
public record Assessment(UUID id, UUID unitId, int period, String catalogId, AssessmentState state,
                         String decisionNumber, LocalDate decisionDate) {

    /** The recognition, when the assessment is recognised. */
    public java.util.Optional<Recognition> recognition() {
        return state == AssessmentState.RECOGNISED ? java.util.Optional.of(new Recognition(decisionNumber, decisionDate))
                : java.util.Optional.empty();
    }
}
