// SPDX-License-Identifier: Apache-2.0
package vn.ytcs.core.catalog;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/** One version of the national commune-health standard, as data. */
public record Catalog(String id, int revision, Text title, String legalSource, LocalDate effectiveFrom,
                      LocalDate effectiveTo, PassRule passRule, List<Criterion> criteria, List<Indicator> indicators,
                      Text notes) {

    public Catalog {
        criteria = List.copyOf(criteria);
        indicators = List.copyOf(indicators);
    }

    /** A catalog without notes. */
    public Catalog(String id, int revision, Text title, String legalSource, LocalDate effectiveFrom,
                   LocalDate effectiveTo, PassRule passRule, List<Criterion> criteria, List<Indicator> indicators) {
        this(id, revision, title, legalSource, effectiveFrom, effectiveTo, passRule, criteria, indicators, null);
    }

    public boolean inForceOn(LocalDate day) {
        return !day.isBefore(effectiveFrom) && (effectiveTo == null || day.isBefore(effectiveTo));
    }

    public List<Indicator> indicatorsOf(Criterion criterion) {
        return indicators.stream().filter(i -> i.criterion().equals(criterion.code())).toList();
    }

    public Optional<Indicator> indicator(String code) {
        return indicators.stream().filter(i -> i.code().equals(code)).findFirst();
    }

    /** Indicators still marked draft: a score that uses them is provisional. */
    public List<Indicator> drafts() {
        return indicators.stream().filter(Indicator::isDraft).toList();
    }
}
