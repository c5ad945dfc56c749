// SPDX-License-Identifier: Apache-2.0
package vn.ytcs.core.service;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import vn.ytcs.core.assessment.Assessment;
import vn.ytcs.core.assessment.AssessmentAnswer;
import vn.ytcs.core.catalog.Catalog;
import vn.ytcs.core.catalog.Catalogs;
import vn.ytcs.core.commune.CommuneProfile;
import vn.ytcs.core.directive.Target;
import vn.ytcs.core.directive.Targets;
import vn.ytcs.core.progress.TargetProgress;
import vn.ytcs.core.progress.TargetTracker;
import vn.ytcs.core.catalog.CatalogReader;
import vn.ytcs.core.scoring.CommuneFacts;
import vn.ytcs.core.scoring.CommuneScoring;
import vn.ytcs.core.scoring.FactsReader;
import vn.ytcs.core.scoring.Scorecard;
import vn.ytcs.core.scoring.Scorer;
import vn.ytcs.core.store.Store;
import vn.ytcs.core.unit.Unit;
import vn.ytcs.core.unit.UnitLevel;
import vn.ytcs.core.unit.UnitTree;

/**
 * Scorecards, summaries and target roll-ups, each for a period with the catalog in force for it.
 * The catalogs are injected: those shipped, and later the province's.
 */
public final class ScoringService {

    /**
     * A district or province: its communes, those lacking a permanent doctor, those meeting the
     * standard in the period.
     */
    public record UnitSummary(Unit unit, int communes, long withoutPermanentDoctor, long meetingStandard, int period) {
    }

    /** A unit's progress on every target in force. */
    public record UnitProgress(Unit unit, List<TargetProgress> targets) {
    }

    /**
     * A commune of a scope: scored when a catalog was in force for the period, else only its profile.
     */
    public record Scored(int period, Optional<Catalog> catalog, List<CommuneProfile> profiles,
                         List<CommuneScoring.Result> results) {
    }

    /** A commune of a standalone facts file with its scorecard. */
    public record FileScore(CommuneFacts facts, Scorecard scorecard) {
    }

    private final Store store;
    private final Supplier<Catalogs> catalogs;
    private final RegisterService register;

    /** @param catalogs read when first needed: a command that scores nothing never parses them */
    public ScoringService(Store store, Supplier<Catalogs> catalogs, RegisterService register) {
        this.store = store;
        this.catalogs = catalogs;
        this.register = register;
    }

    /**
     * The period rule, stated once: the year asked for, else the year of the day shown, unless the
     * day's units hold no assessment of it and do of the year before. A year belongs to the units
     * of its time: on 30/06/2025 Hậu Giang's communes show 2024, the last they were assessed for,
     * 2025 being the communes' formed on 1 July; and early in a year, before its first assessment,
     * the year just assessed.
     */
    public int period(Integer requested, LocalDate day) {
        if (requested != null) {
            return requested;
        }
        int year = day.getYear();
        boolean yearBefore = !store.assessments().anyAssessedOn(day, year) && store.assessments().anyAssessedOn(day, year - 1);
        return yearBefore ? year - 1 : year;
    }

    /** The catalog for assessing the period, or empty when none was in force. */
    public Optional<Catalog> catalogFor(int period) {
        return catalogs.get().forPeriod(period);
    }

    /**
     * Scores a standalone facts file against a catalog file, with no register: for checking a
     * catalog or a commune's figures before they are entered. Either file refused names itself.
     */
    public static List<FileScore> scoreFiles(Path catalogFile, Path factsFile) {
        Catalog catalog = CatalogReader.read(catalogFile);
        return FactsReader.read(factsFile, catalog).stream().map(f -> new FileScore(f, Scorer.score(catalog, f))).toList();
    }

    /** The catalogs this site knows. */
    public Catalogs catalogs() {
        return catalogs.get();
    }

    /** Scorecards of the communes, in the order given; empty when no catalog was in force. */
    public List<CommuneScoring.Result> score(UnitTree tree, List<Unit> communes, int period, LocalDate day) {
        return scored(tree, communes, period, day).results();
    }

    /** The communes' profiles and, when a catalog was in force for the period, their scorecards. */
    public Scored scored(UnitTree tree, List<Unit> communes, int period, LocalDate day) {
        return scored(register.profiles(tree, communes, day), communes, period, catalogFor(period));
    }

    private Scored scored(List<CommuneProfile> profiles, List<Unit> communes, int period, Optional<Catalog> catalog) {
        if (catalog.isEmpty() || profiles.isEmpty()) {
            return new Scored(period, catalog, profiles, List.of());
        }
        Catalog c = catalog.get();
        Map<UUID, Assessment> byUnit = new HashMap<>();
        for (Assessment a : store.assessments().assessmentsOf(communes.stream().map(Unit::id).toList(), period)) {
            if (a.catalogId().equals(c.id())) {
                byUnit.put(a.unitId(), a);
            }
        }
        Map<UUID, List<AssessmentAnswer>> answers = byUnit.isEmpty() ? Map.of()
                : store.assessments().answersOf(byUnit.values().stream().map(Assessment::id).toList()).stream()
                        .collect(Collectors.groupingBy(AssessmentAnswer::assessmentId));
        return new Scored(period, catalog, profiles, CommuneScoring.score(c, profiles, period, byUnit, answers));
    }

    /**
     * The commune's scorecard for the period with answers that are not saved yet (an assessment
     * being typed): pure, in memory, as {@link #scored} would score them once saved. Empty when no
     * catalog was in force for the period.
     *
     * @param assessment the commune's assessment of the period, or null when none was started
     */
    public Optional<CommuneScoring.Result> scoreDraft(CommuneProfile profile, int period, Assessment assessment,
                                                      List<AssessmentAnswer> answers) {
        Optional<Catalog> catalog = catalogFor(period);
        if (catalog.isEmpty()) {
            return Optional.empty();
        }
        Assessment a = assessment != null ? assessment : new Assessment(new UUID(0, 0), profile.commune().id(), period,
                catalog.get().id(), vn.ytcs.core.assessment.AssessmentState.DRAFT, null, null);
        CommuneScoring.Result r = CommuneScoring.score(catalog.get(), List.of(profile), period,
                Map.of(profile.commune().id(), a), Map.of(a.id(), answers)).get(0);
        return Optional.of(assessment != null ? r : new CommuneScoring.Result(r.profile(), period, Optional.empty(), r.scorecard()));
    }

    /** A commune scored under the catalog in force and under an edited one. */
    public record Compared(Unit commune, Scorecard now, Scorecard edited) {
        public boolean changed() {
            return now.passed() != edited.passed() || now.points().compareTo(edited.points()) != 0
                    || now.max().compareTo(edited.max()) != 0;
        }
    }

    /**
     * How the communes would score for the period under an edited revision of the catalog in force,
     * beside how they score now: what the province sees before it saves a revision. The register is
     * read once; both scorings are pure. Empty when no catalog was in force for the period, or
     * the edited one is of another catalog.
     */
    public List<Compared> compare(UnitTree tree, List<Unit> communes, int period, LocalDate day, Catalog edited) {
        Optional<Catalog> now = catalogFor(period);
        if (now.isEmpty() || !now.get().id().equals(edited.id())) {
            return List.of();
        }
        List<CommuneProfile> profiles = register.profiles(tree, communes, day);
        List<CommuneScoring.Result> before = scored(profiles, communes, period, now).results();
        List<CommuneScoring.Result> after = scored(profiles, communes, period, Optional.of(edited)).results();
        List<Compared> out = new ArrayList<>(before.size());
        for (int i = 0; i < before.size(); i++) {
            out.add(new Compared(before.get(i).commune(), before.get(i).scorecard(), after.get(i).scorecard()));
        }
        return out;
    }

    /** A district's or province's summary for the period of the day. */
    public UnitSummary summary(UnitTree tree, Unit unit, LocalDate day) {
        Scored s = scored(tree, tree.communesUnder(unit), period(null, day), day);
        return new UnitSummary(unit, s.profiles().size(),
                s.profiles().stream().filter(p -> p.permanentDoctors() == 0).count(),
                s.results().stream().filter(r -> r.scorecard().passed()).count(), s.period());
    }

    /** The units a target report covers: the one asked for, else each province and its districts. */
    public List<Unit> targetUnits(UnitTree tree, Unit scope) {
        if (scope != null) {
            return List.of(scope);
        }
        List<Unit> units = new ArrayList<>();
        for (Unit root : tree.roots()) {
            units.add(root);
            tree.children(root).stream().filter(u -> u.level() == UnitLevel.DISTRICT).forEach(units::add);
        }
        return units;
    }

    /** Progress of each unit on the Directive 25 targets in force, from the communes under it. */
    public List<UnitProgress> targets(UnitTree tree, List<Unit> units, int period, LocalDate day) {
        List<Target> targets = Targets.inForce(register.targets());
        // Each commune scored once, however many of the units it lies under.
        Set<Unit> scope = new java.util.LinkedHashSet<>();
        units.forEach(u -> scope.addAll(tree.communesUnder(u)));
        List<CommuneScoring.Result> all = score(tree, List.copyOf(scope), period, day);
        List<UnitProgress> out = new ArrayList<>(units.size());
        for (Unit u : units) {
            Set<Unit> under = new HashSet<>(tree.communesUnder(u));
            List<CommuneScoring.Result> mine = all.stream().filter(r -> under.contains(r.commune())).toList();
            out.add(new UnitProgress(u, TargetTracker.progress(targets, u, mine, period)));
        }
        return out;
    }
}
