// SPDX-License-Identifier: Apache-2.0
package vn.ytcs.core.commune;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import vn.ytcs.core.figures.CommuneYear;
import vn.ytcs.core.hamlet.Hamlet;
import vn.ytcs.core.hamlet.HamletWorker;
import vn.ytcs.core.hamlet.WorkerRole;
import vn.ytcs.core.staff.Employment;
import vn.ytcs.core.staff.StaffMember;
import vn.ytcs.core.station.Station;
import vn.ytcs.core.unit.Unit;

/**
 * Everything the register holds on one commune as of a day: its station, the station's staff
 * then, the hamlets that existed then with the workers who served them, and its yearly figures.
 *
 * @param district the unit above the commune, if any
 * @param station  the main station; empty if none is registered
 * @param healthPoints the other stations of its register: those of the communes merged into it (điểm y tế)
 * @param workers  workers by hamlet id
 * @param figures  oldest year first
 */
public record CommuneProfile(Unit commune, Optional<Unit> district, Optional<Station> station, List<Station> healthPoints,
                             List<StaffMember> staff, List<Hamlet> hamlets, Map<UUID, List<HamletWorker>> workers,
                             List<CommuneYear> figures) {

    public List<HamletWorker> workersOf(Hamlet hamlet) {
        return workers.getOrDefault(hamlet.id(), List.of());
    }

    /** Whether a trained health worker serves the hamlet: the one rule of hamlet coverage. */
    public boolean servedByTrainedWorker(Hamlet hamlet) {
        return workersOf(hamlet).stream().anyMatch(w -> w.role() == WorkerRole.HEALTH_WORKER && w.trained());
    }

    /** Hamlets served by a trained, active health worker. */
    public long hamletsWithTrainedWorker() {
        return hamlets.stream().filter(this::servedByTrainedWorker).count();
    }

    /** Doctors (bác sĩ) on the staff, of any employment. */
    public long doctors() {
        return staff.stream().filter(m -> m.profession().isDoctor()).count();
    }

    /** Doctors on the station's own staff (cơ hữu). */
    public long permanentDoctors() {
        return staff.stream().filter(m -> m.profession().isDoctor() && m.employment() == Employment.PERMANENT).count();
    }

    /** The most recent year with figures. */
    public Optional<CommuneYear> latestFigures() {
        return figures.stream().max(Comparator.comparingInt(CommuneYear::year));
    }
}
