// SPDX-License-Identifier: Apache-2.0
package vn.ytcs.core.assessment;

import java.util.Collection;
import java.util.List;
import java.util.UUID;

/** Reads assessments and their answers. */
public interface AssessmentService {

    /** Assessments of the communes for the period, any catalog. */
    List<Assessment> assessmentsOf(Collection<UUID> unitIds, int period);

    /** Whether any unit that exists on the day has an assessment for the period. */
    boolean anyAssessedOn(java.time.LocalDate day, int period);

    /** Answers of the assessments. */
    List<AssessmentAnswer> answersOf(Collection<UUID> assessmentIds);
}
