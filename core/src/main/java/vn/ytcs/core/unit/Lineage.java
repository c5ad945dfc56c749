// SPDX-License-Identifier: Apache-2.0
package vn.ytcs.core.unit;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Whose register a unit carries on (issue 11, docs/decisions/0010-reorganisation.md): a commune
 * formed by a merger keeps the stations, staff and hamlets of the communes merged into it where
 * they are, under the old units, so that the past stays as it was; from the merger's day the new
 * commune's register is its own records and theirs, and theirs of those merged into them before.
 */
public final class Lineage {

    private final Map<UUID, List<UnitSuccession>> into = new HashMap<>();

    private Lineage(List<UnitSuccession> successions) {
        for (UnitSuccession s : successions) {
            into.computeIfAbsent(s.toUnit(), k -> new ArrayList<>()).add(s);
        }
    }

    public static Lineage of(List<UnitSuccession> successions) {
        return new Lineage(successions);
    }

    /**
     * The unit, then every unit that lives on in it by the day (null: whatever the day), nearest
     * first; just the unit when none does.
     */
    public List<UUID> registerOf(UUID unit, LocalDate day) {
        Set<UUID> out = new LinkedHashSet<>();
        List<UUID> next = new ArrayList<>(List.of(unit));
        while (!next.isEmpty()) {
            List<UUID> after = new ArrayList<>();
            for (UUID u : next) {
                if (out.add(u)) {
                    for (UnitSuccession s : into.getOrDefault(u, List.of())) {
                        if (day == null || !s.effective().isAfter(day)) {
                            after.add(s.fromUnit());
                        }
                    }
                }
            }
            next = after;
        }
        return List.copyOf(out);
    }

    /** The units that went into this one, each once, whatever the day. */
    public List<UnitSuccession> into(UUID unit) {
        return into.getOrDefault(unit, List.of());
    }
}
