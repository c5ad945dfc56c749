// SPDX-License-Identifier: Apache-2.0
package vn.ytcs.core.service;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import vn.ytcs.core.figures.CommuneYear;
import vn.ytcs.core.hamlet.Hamlet;
import vn.ytcs.core.hamlet.HamletWorker;
import vn.ytcs.core.staff.StaffMember;
import vn.ytcs.core.station.Station;
import vn.ytcs.core.unit.Unit;

/**
 * All the register holds on one commune, current and former alike, for its page and its editors:
 * the day decides what is shown as current ({@link StaffMember#activeOn}, {@link Hamlet#existsOn},
 * {@link HamletWorker#activeOn}).
 *
 * @param station      the main station, if one is registered
 * @param healthPoints the commune's health points (điểm y tế), under the station
 * @param staff        everyone who ever worked at the station, Vietnamese order
 * @param hamlets      every hamlet, abolished ones too, Vietnamese order
 * @param workers      every worker by hamlet id, those who left too
 * @param figures      the yearly figures, oldest year first
 */
public record CommuneRegister(Unit commune, Optional<Station> station, List<Station> healthPoints,
                              List<StaffMember> staff, List<Hamlet> hamlets, Map<UUID, List<HamletWorker>> workers,
                              List<CommuneYear> figures, History history) {

    /** A step of a unit's history: the other unit, and the day. */
    public record Step(Unit unit, java.time.LocalDate day) {
    }

    /** What the unit was formed from, and what it became, each with the day (issue 11). */
    public record History(List<Step> formedFrom, List<Step> became) {
        public static final History NONE = new History(List.of(), List.of());
    }

    public List<HamletWorker> workersOf(Hamlet hamlet) {
        return workers.getOrDefault(hamlet.id(), List.of());
    }

    /** Staff working at the station on the day, or those who had left by then. */
    public List<StaffMember> staff(LocalDate day, boolean former) {
        return staff.stream().filter(m -> m.activeOn(day) != former).toList();
    }

    /** The figures of the year, if entered. */
    public Optional<CommuneYear> figures(int year) {
        return figures.stream().filter(f -> f.year() == year).findFirst();
    }
}
