// SPDX-License-Identifier: Apache-2.0
package vn.ytcs.app.window;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import vn.ytcs.app.i18n.Formats;
import vn.ytcs.app.i18n.Messages;
import vn.ytcs.app.i18n.ScoreTexts;
import vn.ytcs.core.catalog.DerivedValue;
import vn.ytcs.core.catalog.Indicator;
import vn.ytcs.core.catalog.Rule;
import vn.ytcs.core.catalog.Tier;
import vn.ytcs.core.commune.CommuneProfile;
import vn.ytcs.core.figures.CommuneYear;
import vn.ytcs.core.hamlet.Hamlet;
import vn.ytcs.core.scoring.DerivedValues;
import vn.ytcs.core.scoring.IndicatorScore;
import vn.ytcs.core.staff.Employment;
import vn.ytcs.core.staff.Profession;
import vn.ytcs.core.staff.StaffMember;
import vn.ytcs.core.unit.SocioRegion;
import vn.ytcs.core.unit.Unit;

/** The assessment page's sentences: an indicator's rule in plain words, where a derived value comes from. */
final class AssessmentTexts {

    /** Names listed before "…". */
    private static final int NAMES_SHOWN = 4;

    private final Messages m;
    private final Formats formats;
    private final ScoreTexts score;

    AssessmentTexts(Messages messages) {
        this.m = messages;
        this.formats = new Formats(messages.locale());
        this.score = new ScoreTexts(messages);
    }

    /** How the indicator awards its points, for the commune (its vùng's or region's thresholds). */
    String rule(Indicator indicator, Unit commune) {
        String max = score.number(indicator.maxPoints());
        String text;
        Rule rule = indicator.rule();
        if (rule instanceof Rule.YesNo) {
            text = m.get("assessment.rule.yesNo", max);
        } else if (rule instanceof Rule.Checklist c) {
            text = m.get("assessment.rule.checklist", score.number(c.cap()));
        } else if (rule instanceof Rule.Norm n) {
            text = m.get("assessment.rule.norm", tiers(n.tiers(), true, true));
        } else {
            Rule.Threshold t = (Rule.Threshold) rule;
            boolean atLeast = t.direction() == Rule.Direction.AT_LEAST;
            boolean percent = "percent".equals(t.unit());
            if (t.variantsBy() == null) {
                text = tiers(t.tiers(), atLeast, percent);
            } else {
                String key = t.variantsBy() == Rule.VariantKey.VUNG ? (commune.vung() == null ? null : commune.vung().toString())
                        : commune.region() == null ? null : commune.region().name();
                String variant = key == null ? null : t.variantsBy() == Rule.VariantKey.VUNG ? m.get("score.vung", key)
                        : m.label("region", SocioRegion.valueOf(key));
                List<Tier> tiers = key == null ? null : t.variants().get(key);
                if (key == null) {
                    text = m.get(t.variantsBy() == Rule.VariantKey.VUNG ? "assessment.rule.noVung" : "assessment.rule.noRegion");
                } else if (tiers == null) {
                    text = m.get("assessment.rule.unknownVariant", variant);
                } else {
                    text = m.get("assessment.rule.variant", variant, tiers(tiers, atLeast, percent));
                }
            }
            text = m.get(percent ? "assessment.rule.percent" : "assessment.rule.number") + " " + text;
        }
        return indicator.veto() ? text + " " + m.get("assessment.rule.veto") : text;
    }

    /** "at least 95 %: 4 points; at least 90 %: 2 points; below: 0". */
    private String tiers(List<Tier> tiers, boolean atLeast, boolean percent) {
        String steps = tiers.stream().map(t -> m.get(atLeast ? "assessment.rule.tierAtLeast" : "assessment.rule.tierAtMost",
                percent ? score.percent(t.threshold()) : score.number(t.threshold()), score.number(t.points())))
                .collect(Collectors.joining("; "));
        return steps + "; " + m.get(atLeast ? "assessment.rule.below" : "assessment.rule.above");
    }

    /** The items of a checklist with their points. */
    String item(Rule.Item item) {
        return m.get("assessment.item", item.name().in(m.locale()), score.number(item.points()));
    }

    /** Where a derived value comes from in the register: "2 bác sĩ cơ hữu: Nguyễn Văn A, …". */
    String source(DerivedValue value, CommuneProfile p, int period) {
        if (p.station().isEmpty() && value != DerivedValue.HAMLET_WORKER_SHARE && value != DerivedValue.INSURANCE_COVERAGE
                && value != DerivedValue.HEALTH_RECORD_COVERAGE) {
            return m.get("assessment.source.noStation");
        }
        List<StaffMember> staff = p.staff();
        switch (value) {
            case PERMANENT_DOCTOR: {
                List<StaffMember> doctors = staff.stream()
                        .filter(s -> s.profession().isDoctor() && s.employment() == Employment.PERMANENT).toList();
                return doctors.isEmpty() ? m.get("assessment.source.noPermanentDoctor")
                        : m.get("assessment.source.permanentDoctors", doctors.size(), names(doctors));
            }
            case ANY_DOCTOR: {
                List<StaffMember> doctors = staff.stream().filter(s -> s.profession().isDoctor()).toList();
                return doctors.isEmpty() ? m.get("assessment.source.noDoctor")
                        : m.get("assessment.source.doctors", doctors.size(), names(doctors));
            }
            case MIDWIFE_OR_OBSTETRIC_ASSISTANT: {
                List<StaffMember> midwives = staff.stream()
                        .filter(s -> s.profession() == Profession.HO_SINH || s.profession() == Profession.Y_SI_SAN_NHI).toList();
                return midwives.isEmpty() ? m.get("assessment.source.noMidwife")
                        : m.get("assessment.source.midwives", midwives.size(), names(midwives));
            }
            case STAFF_COUNT: {
                Map<Employment, Long> by = staff.stream().collect(Collectors.groupingBy(StaffMember::employment, Collectors.counting()));
                return m.get("assessment.source.staff", staff.size(), by.getOrDefault(Employment.PERMANENT, 0L),
                        by.getOrDefault(Employment.ROTATING, 0L), by.getOrDefault(Employment.CONTRACT, 0L));
            }
            case HAMLET_WORKER_SHARE: {
                if (p.hamlets().isEmpty()) {
                    return m.get("assessment.source.noHamlets");
                }
                List<String> unserved = p.hamlets().stream().filter(h -> !p.servedByTrainedWorker(h)).map(Hamlet::name).toList();
                String served = m.get("assessment.source.hamlets", p.hamletsWithTrainedWorker(), p.hamlets().size());
                return unserved.isEmpty() ? served : served + " " + m.get("assessment.source.hamletsWithout", list(unserved));
            }
            case INSURANCE_COVERAGE:
            case HEALTH_RECORD_COVERAGE: {
                Optional<CommuneYear> f = DerivedValues.figuresFor(p, period);
                if (f.isEmpty() || f.get().population() == null) {
                    return m.get("assessment.source.noFigures", Integer.toString(period));
                }
                Integer part = value == DerivedValue.INSURANCE_COVERAGE ? f.get().insured() : f.get().healthRecords();
                if (part == null) {
                    return m.get("assessment.source.noFigures", Integer.toString(period));
                }
                return m.get(value == DerivedValue.INSURANCE_COVERAGE ? "assessment.source.insured" : "assessment.source.records",
                        Integer.toString(f.get().year()), formats.integer(part), formats.integer(f.get().population()));
            }
            case FAMILY_DOCTOR_MODEL:
            default:
                return m.get(p.station().get().familyDoctorModel() ? "assessment.source.familyDoctor" : "assessment.source.noFamilyDoctor",
                        p.station().get().name());
        }
    }

    /** The register section a link goes back to. */
    String section(AssessmentViewModel.Section section) {
        return switch (section) {
            case STATION -> m.get("assessment.link.station");
            case STAFF -> m.get("assessment.link.staff");
            case HAMLETS -> m.get("assessment.link.hamlets");
            case FIGURES -> m.get("assessment.link.figures");
        };
    }

    /** "3/4 · Partly met", or what is missing. */
    String points(IndicatorScore s) {
        if (s == null) {
            return "";
        }
        String points = score.number(s.points()) + "/" + score.number(s.max());
        return s.status() == IndicatorScore.Status.MET ? points + " · " + score.status(s.status())
                : points + " · " + score.status(s.status()) + (s.status() == IndicatorScore.Status.NOT_APPLICABLE ? "" : ": " + score.reason(s));
    }

    String number(BigDecimal value) {
        return score.number(value);
    }

    private static String names(List<StaffMember> staff) {
        return list(staff.stream().map(StaffMember::fullName).toList());
    }

    private static String list(List<String> names) {
        String shown = names.stream().limit(NAMES_SHOWN).collect(Collectors.joining(", "));
        return names.size() > NAMES_SHOWN ? shown + ", …" : shown;
    }
}
