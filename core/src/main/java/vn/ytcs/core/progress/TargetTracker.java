// SPDX-License-Identifier: Apache-2.0
package vn.ytcs.core.progress;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import vn.ytcs.core.commune.CommuneProfile;
import vn.ytcs.core.figures.CommuneYear;
import vn.ytcs.core.scoring.CommuneScoring;
import vn.ytcs.core.scoring.DerivedValues;
import vn.ytcs.core.directive.Target;
import vn.ytcs.core.unit.Unit;

/** Rolls commune registers and scorecards up into progress on each target. Pure. */
public final class TargetTracker {

    private TargetTracker() {
    }

    /** Progress of the unit on every target, from the results of the communes under it. */
    public static List<TargetProgress> progress(List<Target> targets, Unit unit, List<CommuneScoring.Result> communes,
                                                int period) {
        List<TargetProgress> out = new ArrayList<>(targets.size());
        for (Target t : targets) {
            out.add(progress(t, unit, communes, period));
        }
        return out;
    }

    static TargetProgress progress(Target t, Unit unit, List<CommuneScoring.Result> communes, int period) {
        if (t.measure() == Target.Measure.NOT_IN_REGISTER) {
            return new TargetProgress(t, unit, 0, 0, false, List.of());
        }
        long num = 0;
        long den = 0;
        List<Unit> holding = new ArrayList<>();
        for (CommuneScoring.Result r : communes) {
            long[] part = part(t.measure(), r, period);
            if (part == null) {
                continue;
            }
            num += part[0];
            den += part[1];
            if (part[1] > 0 && !t.metBy(part[0], part[1])) {
                holding.add(r.profile().commune());
            }
        }
        if (den == 0) {
            return new TargetProgress(t, unit, 0, 0, false, List.copyOf(holding));
        }
        boolean met = t.metBy(num, den);
        // Once the unit meets the target, no commune holds it back (e.g. 30 % of communes with a family doctor).
        return new TargetProgress(t, unit, num, den, met, met ? List.of() : List.copyOf(holding));
    }

    /** A commune's numerator and denominator for the measure; null when its register cannot say. */
    private static long[] part(Target.Measure measure, CommuneScoring.Result r, int period) {
        CommuneProfile p = r.profile();
        switch (measure) {
            case INSURANCE_COVERAGE, HEALTH_RECORD_COVERAGE -> {
                Optional<CommuneYear> f = DerivedValues.figuresFor(p, period);
                if (f.isEmpty() || f.get().population() == null || f.get().population() == 0) {
                    return null;
                }
                Integer covered = measure == Target.Measure.INSURANCE_COVERAGE ? f.get().insured() : f.get().healthRecords();
                return covered == null ? null : new long[] {covered, f.get().population()};
            }
            case FAMILY_DOCTOR_COMMUNES -> {
                return new long[] {p.station().map(s -> s.familyDoctorModel()).orElse(false) ? 1 : 0, 1};
            }
            case PERMANENT_DOCTOR_STATIONS -> {
                return p.station().isEmpty() ? null : new long[] {p.permanentDoctors() > 0 ? 1 : 0, 1};
            }
            case TRAINED_HAMLET_WORKERS -> {
                return new long[] {p.hamletsWithTrainedWorker(), p.hamlets().size()};
            }
            case COMMUNES_MEETING_STANDARD -> {
                return new long[] {r.scorecard().passed() ? 1 : 0, 1};
            }
            default -> {
                return null;
            }
        }
    }
}
