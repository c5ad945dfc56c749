// SPDX-License-Identifier: Apache-2.0
package vn.ytcs.core.station;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import vn.ytcs.core.text.VietText;

/**
 * What a commune holds through its lineage: the units whose records are its register (itself
 * first), its station and its health points (điểm y tế). The rule is stated here once, for the
 * register, the scored profiles, a reorganisation's preview and the demo: the station is the
 * commune's own, else that of the merged commune whose code it took (each merged commune kept one
 * station; the new unit reuses the code of one of its parts), else the first by code; every other
 * station of the lineage is one of its health points.
 */
public record Holding(List<UUID> units, Optional<Station> station, List<Station> healthPoints) {

    /** The station first, then the health points. */
    public List<Station> all() {
        List<Station> out = new ArrayList<>();
        station.ifPresent(out::add);
        out.addAll(healthPoints);
        return out;
    }

    /**
     * The holding of a commune ({@code self}; null for a new unit not made yet) of this code, whose
     * register is these units with these stations; {@code codeOf} gives a unit's code, null when not known.
     */
    public static Holding of(UUID self, String code, List<UUID> units, List<Station> stations, Function<UUID, String> codeOf) {
        Comparator<Station> preference = Comparator
                .comparing((Station s) -> !s.unitId().equals(self))
                .thenComparing(s -> !code.equals(codeOf.apply(s.unitId())))
                .thenComparing(s -> codeOf.apply(s.unitId()) == null ? "" : codeOf.apply(s.unitId()))
                .thenComparing(Station::id);
        Optional<Station> main = stations.stream().filter(s -> s.kind() == StationKind.STATION).min(preference);
        List<Station> points = stations.stream().filter(s -> main.map(m -> !m.id().equals(s.id())).orElse(true))
                .sorted(VietText.order(Station::name)).toList();
        return new Holding(units, main, points);
    }
}
