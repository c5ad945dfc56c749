// SPDX-License-Identifier: Apache-2.0
package vn.ytcs.core.unit;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;

/**
 * The one rule of a merger's records, for a reorganisation applied from a file and for the demo:
 * the new unit begins on the day with the vùng and region of the commune whose code it takes (else
 * the first merged), the merged communes end on that day, and a succession joins each to it.
 */
public final class Merger {

    /** The records a merger writes: the new unit, the merged communes as they end, one succession each. */
    public record Result(Unit made, List<Unit> ended, List<UnitSuccession> successions) {
    }

    private Merger() {
    }

    /**
     * @param successionId the id of the succession from a merged commune (random for a file,
     *                     derived for the demo, so that every site holds the same records)
     */
    public static Result merge(UUID id, String code, String name, UnitType type, UUID parentId, LocalDate day,
                               List<Unit> merged, Function<Unit, UUID> successionId) {
        if (merged.isEmpty()) {
            throw new IllegalArgumentException("a merger of no commune into " + code);
        }
        Unit kept = merged.stream().filter(u -> u.code().equals(code)).findFirst().orElse(merged.get(0));
        Unit made = new Unit(id, code, true, name, type, parentId, day, null, kept.vung(), kept.region(),
                merged.stream().anyMatch(Unit::demo), null);
        List<Unit> ended = new ArrayList<>();
        List<UnitSuccession> successions = new ArrayList<>();
        for (Unit old : merged) {
            ended.add(new Unit(old.id(), old.code(), old.codeOfficial(), old.name(), old.type(), old.parentId(),
                    old.validFrom(), day, old.vung(), old.region(), old.demo(), old.note()));
            successions.add(new UnitSuccession(successionId.apply(old), old.id(), made.id(), day));
        }
        return new Result(made, List.copyOf(ended), List.copyOf(successions));
    }
}
