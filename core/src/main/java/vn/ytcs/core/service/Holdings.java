// SPDX-License-Identifier: Apache-2.0
package vn.ytcs.core.service;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import vn.ytcs.core.station.Holding;
import vn.ytcs.core.station.Station;
import vn.ytcs.core.store.Store;
import vn.ytcs.core.unit.Lineage;
import vn.ytcs.core.unit.Unit;

/**
 * What each commune holds on a day, read from the store through its lineage ({@link Lineage}) and
 * decided by the one rule of {@link Holding}.
 */
final class Holdings {

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
            out.put(c.id(), Holding.of(c.id(), c.code(), units.get(c.id()), stations,
                    u -> older.containsKey(u) ? older.get(u).code() : null));
        }
        return out;
    }
}
