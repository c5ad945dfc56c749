// SPDX-License-Identifier: Apache-2.0
package vn.ytcs.core.assessment;

import java.util.EnumSet;
import java.util.Set;

/**
 * Where an assessment stands: drafted by the station or the district, submitted for appraisal,
 * reviewed, recognised by the province's decision. Since 2025 the body that reviews is not
 * settled, so the review step may be skipped: a submitted assessment may be recognised directly.
 */
public enum AssessmentState {
    DRAFT, SUBMITTED, REVIEWED, RECOGNISED;

    /** States this one may move to; an assessment sent back returns to draft. */
    public Set<AssessmentState> next() {
        return switch (this) {
            case DRAFT -> EnumSet.of(SUBMITTED);
            case SUBMITTED -> EnumSet.of(REVIEWED, RECOGNISED, DRAFT);
            case REVIEWED -> EnumSet.of(RECOGNISED, DRAFT);
            case RECOGNISED -> EnumSet.noneOf(AssessmentState.class);
        };
    }
}
