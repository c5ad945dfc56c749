// SPDX-License-Identifier: Apache-2.0
package vn.ytcs.core.service;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import vn.ytcs.core.station.Station;
import vn.ytcs.core.station.StationKind;
import vn.ytcs.core.store.Store;
import vn.ytcs.core.text.VietText;
import vn.ytcs.core.unit.Lineage;
import vn.ytcs.core.unit.Unit;

/**
 * What each commune holds on a day, through its lineage ({@link Lineage}): the units whose records
 * are its register, its station and its health points. The rule is stated here once, for the
 * profiles that are scored and the register that is edited: the station is the commune's own, else
 * that of the merged commune whose code it took (each merged commune kept one station; the new
 * unit reuses the code of one of its parts), else the first by code; every other station of the
 * lineage is a health point (điểm y tế) of it.
 */
final class Holdings {

    /** A commune's holding: the units of its register (itself first), its station, its health points. */
    record Holding(List<UUID> units, Optional<Station> station, List<Station> healthPoints) {
        List<Station> all() {
            List<Station> out = new ArrayList<>();
            station.ifPresent(out::add);
            out.addAll(healthPoints);
            return out;
        }
    }

    private Holdings() {
    }

    /** @param day the day of the lineage; null: every succession, whatever its day */
    static Map<UUID, Holding> of(Store store, List<Unit> communes, LocalDate day) {
        Lineage lineage = Lineage.of(store.units().successions());
        Map<UUID, List<UUID>> units = new HashMap<>();
        Set<UUID> all = new LinkedHashSet<>();
        for (Unit c : communes) {
            List<UUID> register = lineage.registerOf(c.id(), day);
            units.put(c.id(), register);
            all.addAll(register);
        }
        Map<UUID, List<Station>> stationsByUnit = store.stations().stationsOf(all).stream()
                .collect(Collectors.groupingBy(Station::unitId));
        Set<UUID> predecessors = new LinkedHashSet<>(all);
        communes.forEach(c -> predecessors.remove(c.id()));
        Map<UUID, Unit> older = predecessors.isEmpty() ? Map.of()
                : store.units().units(predecessors).stream().collect(Collectors.toMap(Unit::id, Function.identity()));
        Map<UUID, Holding> out = new HashMap<>();
        for (Unit c : communes) {
            List<Station> stations = new ArrayList<>();
            units.get(c.id()).forEach(u -> stations.addAll(stationsByUnit.getOrDefault(u, List.of())));
            out.put(c.id(), holding(c.id(), c.code(), units.get(c.id()), stations,
                    u -> older.containsKey(u) ? older.get(u).code() : null));
        }
        return out;
    }

    /**
     * The rule itself, for a commune (or a new unit not made yet: {@code self} null) of this code
     * holding these units and stations; {@code codeOf} gives a unit's code, null when not known.
     */
    static Holding holding(UUID self, String code, List<UUID> units, List<Station> stations, Function<UUID, String> codeOf) {
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
