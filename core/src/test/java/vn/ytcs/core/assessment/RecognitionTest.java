// SPDX-License-Identifier: Apache-2.0
package vn.ytcs.core.assessment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class RecognitionTest {

    private final Recognition r = new Recognition("123/QĐ-UBND", LocalDate.of(2024, 11, 15));

    @Test
    void lastsThreeYearsAndWarnsSixMonthsBefore() {
        assertEquals(LocalDate.of(2027, 11, 15), r.expires());
        assertEquals(Recognition.Standing.VALID, r.on(LocalDate.of(2027, 5, 14)));
        assertEquals(Recognition.Standing.EXPIRING_SOON, r.on(LocalDate.of(2027, 5, 15)));
        assertEquals(Recognition.Standing.EXPIRING_SOON, r.on(LocalDate.of(2027, 11, 14)));
        assertEquals(Recognition.Standing.EXPIRED, r.on(LocalDate.of(2027, 11, 15)));
    }

    @Test
    void workflowStepsAndTheirRules() {
        assertTrue(AssessmentState.DRAFT.next().contains(AssessmentState.SUBMITTED));
        assertTrue(AssessmentState.SUBMITTED.next().contains(AssessmentState.RECOGNISED), "review may be skipped since 2025");
        assertTrue(AssessmentState.RECOGNISED.next().isEmpty());
        var problems = vn.ytcs.core.record.RecordKinds.ASSESSMENT.problems(new Assessment(UUID.randomUUID(),
                UUID.randomUUID(), 2024, "QD1300-2023", AssessmentState.RECOGNISED, null, null),
                vn.ytcs.core.record.RecordContext.ALONE);
        assertEquals(java.util.List.of("decision_number", "decision_date"),
                problems.stream().map(vn.ytcs.core.record.FieldProblem::field).toList(),
                "a recognition needs the number and the date of its decision");
    }
}
