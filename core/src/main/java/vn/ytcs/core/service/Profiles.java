// SPDX-License-Identifier: Apache-2.0
package vn.ytcs.core.service;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import vn.ytcs.core.commune.CommuneProfile;
import vn.ytcs.core.figures.CommuneYear;
import vn.ytcs.core.hamlet.Hamlet;
import vn.ytcs.core.hamlet.HamletWorker;
import vn.ytcs.core.staff.StaffMember;
import vn.ytcs.core.station.Holding;
import vn.ytcs.core.station.Station;
import vn.ytcs.core.store.Store;
import vn.ytcs.core.unit.Unit;
import vn.ytcs.core.unit.UnitTree;

/** Loads commune profiles in a handful of queries, however many communes are asked for. */
final class Profiles {

    private final Store store;

    Profiles(Store store) {
        this.store = store;
    }

    /**
     * Profiles of the communes, in the order given. Staff and hamlet workers who had left by the
     * day, and hamlets abolished by then, are not counted; a commune formed by a merger counts the
     * staff of every station and the hamlets of every commune merged into it by the day.
     */
    List<CommuneProfile> load(UnitTree tree, List<Unit> communes, LocalDate asOf) {
        List<UUID> ids = communes.stream().map(Unit::id).toList();
        if (ids.isEmpty()) {
            return List.of();
        }
        // Each commune's register through its lineage: a merged commune carries on those merged into it.
        Map<UUID, Holding> holdings = Holdings.of(store, communes, asOf);
        List<UUID> registerIds = holdings.values().stream().flatMap(h -> h.units().stream()).distinct().toList();
        List<UUID> stationIds = holdings.values().stream().flatMap(h -> h.all().stream()).map(Station::id).toList();
        Map<UUID, List<StaffMember>> staffByStation = stationIds.isEmpty() ? Map.of()
                : store.staff().staffOf(stationIds).stream().filter(m -> m.activeOn(asOf))
                        .collect(Collectors.groupingBy(StaffMember::stationId, Collectors.toList()));
        List<Hamlet> hamlets = store.hamlets().hamletsOf(registerIds).stream().filter(h -> h.existsOn(asOf)).toList();
        Map<UUID, List<Hamlet>> hamletsByUnit = hamlets.stream()
                .collect(Collectors.groupingBy(Hamlet::communeId, Collectors.toList()));
        Map<UUID, List<HamletWorker>> workers = hamlets.isEmpty() ? Map.of()
                : store.hamlets().workersOf(hamlets.stream().map(Hamlet::id).toList()).stream().filter(w -> w.activeOn(asOf))
                        .collect(Collectors.groupingBy(HamletWorker::hamletId, Collectors.toList()));
        Map<UUID, List<CommuneYear>> figures = store.figures().figuresOf(ids).stream()
                .collect(Collectors.groupingBy(CommuneYear::unitId, Collectors.toList()));

        List<CommuneProfile> out = new ArrayList<>(communes.size());
        for (Unit c : communes) {
            Holding holding = holdings.get(c.id());
            List<StaffMember> staff = new ArrayList<>();
            holding.all().forEach(s -> staff.addAll(staffByStation.getOrDefault(s.id(), List.of())));
            List<Hamlet> own = new ArrayList<>();
            holding.units().forEach(u -> own.addAll(hamletsByUnit.getOrDefault(u, List.of())));
            Map<UUID, List<HamletWorker>> ownWorkers = new HashMap<>();
            own.forEach(h -> ownWorkers.put(h.id(), workers.getOrDefault(h.id(), List.of())));
            // Figures are the commune's own: a year belongs to the units of its time.
            out.add(new CommuneProfile(c, tree.parent(c), holding.station(), holding.healthPoints(), List.copyOf(staff), List.copyOf(own), ownWorkers,
                    figures.getOrDefault(c.id(), List.of())));
        }
        return out;
    }
}
