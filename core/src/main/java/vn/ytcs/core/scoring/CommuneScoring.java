// SPDX-License-Identifier: Apache-2.0
package vn.ytcs.core.scoring;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import vn.ytcs.core.assessment.Assessment;
import vn.ytcs.core.assessment.AssessmentAnswer;
import vn.ytcs.core.catalog.Catalog;
import vn.ytcs.core.commune.CommuneProfile;
import vn.ytcs.core.unit.Unit;

/**
 * Scores loaded communes for a period against one catalog. Pure: what the register holds is read
 * by the scoring service and handed in.
 */
public final class CommuneScoring {

    /** A commune's scorecard with the assessment it came from (absent: only register values). */
    public record Result(CommuneProfile profile, int period, Optional<Assessment> assessment, Scorecard scorecard) {

        public Unit commune() {
            return profile.commune();
        }
    }

    private CommuneScoring() {
    }

    /**
     * Scorecards of the communes, in the order of the profiles.
     *
     * @param assessments each commune's assessment of the period against this catalog, by commune id
     * @param answers     each assessment's answers, by assessment id
     */
    public static List<Result> score(Catalog catalog, List<CommuneProfile> profiles, int period,
                                     Map<UUID, Assessment> assessments, Map<UUID, List<AssessmentAnswer>> answers) {
        List<Result> out = new ArrayList<>(profiles.size());
        for (CommuneProfile p : profiles) {
            Optional<Assessment> assessment = Optional.ofNullable(assessments.get(p.commune().id()));
            List<AssessmentAnswer> own = assessment.map(a -> answers.getOrDefault(a.id(), List.of())).orElse(List.of());
            CommuneFacts facts = FactsAssembler.of(catalog, p, own, period);
            out.add(new Result(p, period, assessment, Scorer.score(catalog, facts)));
        }
        return out;
    }
}
