// SPDX-License-Identifier: Apache-2.0
package vn.ytcs.core.scoring;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import vn.ytcs.core.assessment.Assessment;
import vn.ytcs.core.assessment.AssessmentAnswer;
import vn.ytcs.core.catalog.Catalog;
import vn.ytcs.core.catalog.Catalogs;
import vn.ytcs.core.commune.CommuneProfile;
import vn.ytcs.core.commune.CommuneProfiles;
import vn.ytcs.core.store.Store;
import vn.ytcs.core.unit.Unit;
import vn.ytcs.core.unit.UnitTree;

/** Scores communes of the register for a period, each with the catalog in force for it. */
public final class CommuneScoring {

    /** A commune's scorecard with the assessment it came from (absent: only register values). */
    public record Result(CommuneProfile profile, int period, Optional<Assessment> assessment, Scorecard scorecard) {

        public Unit commune() {
            return profile.commune();
        }
    }

    private final Store store;
    private final Catalogs catalogs;

    public CommuneScoring(Store store, Catalogs catalogs) {
        this.store = store;
        this.catalogs = catalogs;
    }

    /** The catalog for the period, or empty when none was in force. */
    public Optional<Catalog> catalogFor(int period) {
        return catalogs.forPeriod(period);
    }

    /** Scorecards of the communes, in the order given; empty when no catalog was in force. */
    public List<Result> score(UnitTree tree, List<Unit> communes, int period, LocalDate asOf) {
        Optional<Catalog> found = catalogFor(period);
        if (found.isEmpty() || communes.isEmpty()) {
            return List.of();
        }
        Catalog catalog = found.get();
        List<CommuneProfile> profiles = new CommuneProfiles(store).load(tree, communes, asOf);
        Map<UUID, Assessment> byUnit = new HashMap<>();
        for (Assessment a : store.assessments().assessmentsOf(communes.stream().map(Unit::id).toList(), period)) {
            if (a.catalogId().equals(catalog.id())) {
                byUnit.put(a.unitId(), a);
            }
        }
        Map<UUID, List<AssessmentAnswer>> answers = byUnit.isEmpty() ? Map.of()
                : store.assessments().answersOf(byUnit.values().stream().map(Assessment::id).toList()).stream()
                        .collect(Collectors.groupingBy(AssessmentAnswer::assessmentId));
        List<Result> out = new ArrayList<>(profiles.size());
        for (CommuneProfile p : profiles) {
            Optional<Assessment> assessment = Optional.ofNullable(byUnit.get(p.commune().id()));
            List<AssessmentAnswer> own = assessment.map(a -> answers.getOrDefault(a.id(), List.of())).orElse(List.of());
            CommuneFacts facts = FactsAssembler.of(catalog, p, own, period);
            out.add(new Result(p, period, assessment, Scorer.score(catalog, facts)));
        }
        return out;
    }
}
