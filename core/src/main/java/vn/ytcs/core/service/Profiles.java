// SPDX-License-Identifier: Apache-2.0
package vn.ytcs.core.service;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import vn.ytcs.core.figures.CommuneYear;
import vn.ytcs.core.hamlet.Hamlet;
import vn.ytcs.core.hamlet.HamletWorker;
import vn.ytcs.core.staff.StaffMember;
import vn.ytcs.core.station.Station;
import vn.ytcs.core.station.StationKind;
import vn.ytcs.core.store.Store;
import vn.ytcs.core.unit.Unit;
import vn.ytcs.core.unit.UnitTree;
import vn.ytcs.core.commune.CommuneProfile;

/** Loads commune profiles in a handful of queries, however many communes are asked for. */
final class Profiles {

    private final Store store;

    Profiles(Store store) {
        this.store = store;
    }

    /**
     * Profiles of the communes, in the order given. Staff and hamlet workers who had left by the
     * day, and hamlets abolished by then, are not counted.
     */
    List<CommuneProfile> load(UnitTree tree, List<Unit> communes, LocalDate asOf) {
        List<UUID> ids = communes.stream().map(Unit::id).toList();
        if (ids.isEmpty()) {
            return List.of();
        }
        Map<UUID, Station> stationByCommune = new HashMap<>();
        for (Station s : store.stations().stationsOf(ids)) {
            if (s.kind() == StationKind.STATION) {
                stationByCommune.merge(s.unitId(), s, (a, b) -> a.id().compareTo(b.id()) <= 0 ? a : b);
            }
        }
        List<UUID> stationIds = stationByCommune.values().stream().map(Station::id).toList();
        Map<UUID, List<StaffMember>> staffByStation = stationIds.isEmpty() ? Map.of()
                : store.staff().staffOf(stationIds).stream().filter(m -> m.activeOn(asOf))
                        .collect(Collectors.groupingBy(StaffMember::stationId, Collectors.toList()));
        List<Hamlet> hamlets = store.hamlets().hamletsOf(ids).stream().filter(h -> h.existsOn(asOf)).toList();
        Map<UUID, List<Hamlet>> hamletsByCommune = hamlets.stream()
                .collect(Collectors.groupingBy(Hamlet::communeId, Collectors.toList()));
        Map<UUID, List<HamletWorker>> workers = hamlets.isEmpty() ? Map.of()
                : store.hamlets().workersOf(hamlets.stream().map(Hamlet::id).toList()).stream().filter(w -> w.activeOn(asOf))
                        .collect(Collectors.groupingBy(HamletWorker::hamletId, Collectors.toList()));
        Map<UUID, List<CommuneYear>> figures = store.figures().figuresOf(ids).stream()
                .collect(Collectors.groupingBy(CommuneYear::unitId, Collectors.toList()));

        List<CommuneProfile> out = new ArrayList<>(communes.size());
        for (Unit c : communes) {
            Optional<Station> station = Optional.ofNullable(stationByCommune.get(c.id()));
            List<Hamlet> own = hamletsByCommune.getOrDefault(c.id(), List.of());
            Map<UUID, List<HamletWorker>> ownWorkers = new HashMap<>();
            own.forEach(h -> ownWorkers.put(h.id(), workers.getOrDefault(h.id(), List.of())));
            out.add(new CommuneProfile(c, tree.parent(c), station,
                    station.map(s -> staffByStation.getOrDefault(s.id(), List.of())).orElse(List.of()),
                    own, ownWorkers, figures.getOrDefault(c.id(), List.of())));
        }
        return out;
    }
}
