// SPDX-License-Identifier: Apache-2.0
package vn.ytcs.core.scoring;

import java.math.BigDecimal;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import vn.ytcs.core.catalog.DerivedValue;
import vn.ytcs.core.commune.CommuneProfile;
import vn.ytcs.core.figures.CommuneYear;
import vn.ytcs.core.staff.Profession;

/** The values an assessment takes from the register, never typed twice. */
public final class DerivedValues {

    private DerivedValues() {
    }

    /**
     * Every derived value the register can give for the commune in the period; a value it cannot
     * give (no station, no figures for the period) is left out, and scores as missing data.
     */
    public static Map<DerivedValue, Answer> of(CommuneProfile p, int period) {
        Map<DerivedValue, Answer> out = new EnumMap<>(DerivedValue.class);
        if (p.station().isPresent()) {
            out.put(DerivedValue.PERMANENT_DOCTOR, new Answer.Flag(p.permanentDoctors() > 0));
            out.put(DerivedValue.ANY_DOCTOR, new Answer.Flag(p.doctors() > 0));
            out.put(DerivedValue.MIDWIFE_OR_OBSTETRIC_ASSISTANT, new Answer.Flag(p.staff().stream()
                    .anyMatch(m -> m.profession() == Profession.HO_SINH || m.profession() == Profession.Y_SI_SAN_NHI)));
            out.put(DerivedValue.STAFF_COUNT, new Answer.Amount(BigDecimal.valueOf(p.staff().size())));
            out.put(DerivedValue.FAMILY_DOCTOR_MODEL, new Answer.Flag(p.station().get().familyDoctorModel()));
        }
        if (!p.hamlets().isEmpty()) {
            out.put(DerivedValue.HAMLET_WORKER_SHARE, percent(p.hamletsWithTrainedWorker(), p.hamlets().size()));
        }
        figuresFor(p, period).ifPresent(f -> {
            if (f.population() != null && f.population() > 0) {
                if (f.insured() != null) {
                    out.put(DerivedValue.INSURANCE_COVERAGE, percent(f.insured(), f.population()));
                }
                if (f.healthRecords() != null) {
                    out.put(DerivedValue.HEALTH_RECORD_COVERAGE, percent(f.healthRecords(), f.population()));
                }
            }
        });
        return out;
    }

    /** The figures of the period, or of the latest year before it. */
    public static Optional<CommuneYear> figuresFor(CommuneProfile p, int period) {
        return p.figures().stream().filter(f -> f.year() <= period).reduce((a, b) -> b.year() > a.year() ? b : a);
    }

    /** part / whole, exact: the scorer compares it with thresholds, the screen decides how to show it. */
    static Answer.Share percent(long part, long whole) {
        return new Answer.Share(part, whole);
    }
}
