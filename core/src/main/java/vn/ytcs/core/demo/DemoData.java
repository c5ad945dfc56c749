// SPDX-License-Identifier: Apache-2.0
package vn.ytcs.core.demo;

import java.util.List;
import vn.ytcs.core.figures.CommuneYear;
import vn.ytcs.core.hamlet.Hamlet;
import vn.ytcs.core.hamlet.HamletWorker;
import vn.ytcs.core.staff.StaffMember;
import vn.ytcs.core.station.Station;
import vn.ytcs.core.unit.Unit;
import vn.ytcs.core.unit.UnitSuccession;

/** The generated demo register, parents before children in every list; successions join its two worlds. */
public record DemoData(List<Unit> units, List<Station> stations, List<StaffMember> staff, List<Hamlet> hamlets,
                       List<HamletWorker> workers, List<CommuneYear> figures, List<UnitSuccession> successions) {
}
