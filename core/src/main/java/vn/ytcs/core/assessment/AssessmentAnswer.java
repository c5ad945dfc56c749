// SPDX-License-Identifier: Apache-2.0
package vn.ytcs.core.assessment;

import java.util.UUID;

/**
 * One entered answer of an assessment.
 *
 * @param value    the value as JSON text: {@code true}, {@code 18.5}, {@code ["a","b"]}; null when not answered
 * @param evidence where the proof is kept (file name, folder, page of the evidence file)
 */
public record AssessmentAnswer(UUID id, UUID assessmentId, String indicatorCode, String value, boolean notApplicable,
                               String note, String evidence) {
}
