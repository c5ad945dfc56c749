// SPDX-License-Identifier: Apache-2.0
package vn.ytcs.core.demo;

import static vn.ytcs.core.demo.DemoProvince.id;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.UUID;
import java.util.stream.Collectors;
import vn.ytcs.core.assessment.Assessment;
import vn.ytcs.core.assessment.AssessmentAnswer;
import vn.ytcs.core.assessment.AssessmentState;
import vn.ytcs.core.catalog.Catalog;
import vn.ytcs.core.catalog.Indicator;
import vn.ytcs.core.catalog.Rule;
import vn.ytcs.core.catalog.Tier;
import vn.ytcs.core.commune.CommuneProfile;
import vn.ytcs.core.hamlet.Hamlet;
import vn.ytcs.core.hamlet.HamletWorker;
import vn.ytcs.core.scoring.FactsAssembler;
import vn.ytcs.core.scoring.Scorer;
import vn.ytcs.core.station.Holding;
import vn.ytcs.core.station.Station;
import vn.ytcs.core.unit.Lineage;
import vn.ytcs.core.unit.Unit;
import vn.ytcs.core.unit.UnitLevel;

/**
 * Synthetic assessments against the catalog in force, from a fixed seed: the old communes for 2024
 * (and 2025 in the demo of the old structure alone), the communes formed on 1 July 2025 for 2025
 * and 2026, each scored on its own register (a new commune's is that of the communes merged into
 * it). Each commune has a quality level, so that some meet the standard and others fall short on
 * different indicators. A first-period assessment that passes is recognised.
 */
public final class DemoAssessments {

    /** Periods of the old communes; the second only where no new unit holds it. */
    public static final List<Integer> PERIODS = List.of(2024, 2025);

    /** Assessments and their answers, parents first. */
    public record Result(List<Assessment> assessments, List<AssessmentAnswer> answers) {
    }

    private DemoAssessments() {
    }

    public static Result generate(DemoData data, Catalog catalog) {
        Random before = new Random(DemoProvince.SEED + 1);
        Random after = new Random(DemoProvince.SEED + 3);
        boolean bothWorlds = !data.successions().isEmpty();
        List<Assessment> assessments = new ArrayList<>();
        List<AssessmentAnswer> answers = new ArrayList<>();
        Map<UUID, Unit> units = data.units().stream().collect(Collectors.toMap(Unit::id, u -> u));
        Lineage lineage = Lineage.of(data.successions());
        for (Unit commune : data.units()) {
            if (commune.level() != UnitLevel.COMMUNE) {
                continue;
            }
            boolean formed = !commune.validFrom().isBefore(DemoCity.DAY);
            Random rnd = formed ? after : before;
            List<Integer> periods = formed ? DemoCity.YEARS : PERIODS;
            double quality = 0.62 + rnd.nextDouble() * 0.36;
            CommuneProfile profile = profile(data, commune, units, lineage);
            for (int period : periods) {
                quality = Math.min(0.99, quality + rnd.nextDouble() * 0.05);
                UUID id = id("assessment", commune.code() + (formed ? "@" + DemoCity.DAY : "") + "/" + period + "/" + catalog.id());
                List<AssessmentAnswer> own = new ArrayList<>();
                for (Indicator indicator : catalog.indicators()) {
                    if (indicator.isDerived() || !indicator.appliesTo().covers(commune.type(), commune.vung())) {
                        continue;
                    }
                    own.add(new AssessmentAnswer(id("answer", id + "/" + indicator.code()), id, indicator.code(),
                            value(indicator, commune, quality, rnd), false, null,
                            "Hồ sơ minh chứng " + period + ", mục " + indicator.number()));
                }
                boolean passes = Scorer.score(catalog, FactsAssembler.of(catalog, profile, own, period)).passed();
                boolean first = period == periods.get(0);
                Assessment assessment = first && passes
                        ? new Assessment(id, commune.id(), period, catalog.id(), AssessmentState.RECOGNISED,
                                (100 + rnd.nextInt(800)) + "/QĐ-UBND", LocalDate.of(period, 11, 1).plusDays(rnd.nextInt(50)))
                        : new Assessment(id, commune.id(), period, catalog.id(),
                                first ? AssessmentState.REVIEWED : rnd.nextBoolean() ? AssessmentState.SUBMITTED : AssessmentState.DRAFT,
                                null, null);
                // Drawn all the same, so that the old communes' 2024 assessments are those of every demo.
                if (!formed && bothWorlds && period >= DemoCity.DAY.getYear()) {
                    continue;
                }
                assessments.add(assessment);
                answers.addAll(own);
            }
        }
        return new Result(assessments, answers);
    }

    /** A plausible answer that fits the indicator's rule: with probability {@code quality} it is fully met. */
    public static String value(Indicator indicator, Unit commune, double quality, Random rnd) {
        Rule rule = indicator.rule();
        if (rule instanceof Rule.YesNo) {
            return Boolean.toString(rnd.nextDouble() < quality);
        }
        if (rule instanceof Rule.Checklist c) {
            List<String> present = c.items().stream().filter(i -> rnd.nextDouble() < quality + 0.05)
                    .map(i -> "\"" + i.code() + "\"").toList();
            return "[" + String.join(",", present) + "]";
        }
        Rule.Threshold t = (Rule.Threshold) rule;
        List<Tier> tiers = t.tiers();
        if (t.variantsBy() != null) {
            String key = t.variantsBy() == Rule.VariantKey.VUNG ? String.valueOf(commune.vung())
                    : commune.region() == null ? null : commune.region().name();
            tiers = key == null ? null : t.variants().get(key);
            if (tiers == null) {
                // Threshold unknown for this commune: enter a measured value all the same.
                tiers = t.variants().values().stream().filter(v -> v != null).findFirst().orElse(List.of());
            }
        }
        return number(tiers, t.direction(), t.unit(), quality, rnd);
    }

    private static String number(List<Tier> tiers, Rule.Direction direction, String unit, double quality, Random rnd) {
        if (tiers.isEmpty()) {
            return "0";
        }
        boolean up = direction == Rule.Direction.AT_LEAST;
        Tier best = tiers.stream().max(Comparator.comparing(Tier::points)).orElseThrow();
        Tier worst = tiers.stream().min(Comparator.comparing(Tier::threshold, up ? Comparator.naturalOrder() : Comparator.reverseOrder())).orElseThrow();
        double roll = rnd.nextDouble();
        double x;
        double top = best.threshold().doubleValue();
        double bottom = worst.threshold().doubleValue();
        double span = Math.max(1, Math.abs(top - bottom));
        if (roll < quality) {
            x = up ? top + rnd.nextDouble() * span * 0.5 : top - rnd.nextDouble() * span * 0.5;
        } else if (roll < quality + (1 - quality) / 2) {
            x = bottom + (top - bottom) * rnd.nextDouble();
        } else {
            x = up ? bottom - rnd.nextDouble() * span : bottom + rnd.nextDouble() * span;
        }
        if ("percent".equals(unit)) {
            x = Math.max(0, Math.min(100, x));
        }
        x = Math.max(0, x);
        BigDecimal value = BigDecimal.valueOf(x).setScale("count".equals(unit) ? 0 : 1, RoundingMode.HALF_UP);
        return value.toPlainString();
    }

    /** The register of one demo commune through its lineage, as the store would return it (the rule of {@link Holding}). */
    private static CommuneProfile profile(DemoData data, Unit commune, Map<UUID, Unit> units, Lineage lineage) {
        List<UUID> register = lineage.registerOf(commune.id(), null);
        List<Station> stations = data.stations().stream().filter(s -> register.contains(s.unitId())).toList();
        Holding holding = Holding.of(commune.id(), commune.code(), register, stations, u -> units.get(u).code());
        List<UUID> stationIds = holding.all().stream().map(Station::id).toList();
        List<Hamlet> hamlets = data.hamlets().stream().filter(h -> register.contains(h.communeId())).toList();
        Map<UUID, List<HamletWorker>> workers = new HashMap<>();
        hamlets.forEach(h -> workers.put(h.id(), data.workers().stream().filter(w -> w.hamletId().equals(h.id())).toList()));
        return new CommuneProfile(commune, Optional.ofNullable(units.get(commune.parentId())), holding.station(), holding.healthPoints(),
                data.staff().stream().filter(m -> stationIds.contains(m.stationId())).toList(),
                hamlets, workers, data.figures().stream().filter(f -> f.unitId().equals(commune.id())).toList());
    }
}
