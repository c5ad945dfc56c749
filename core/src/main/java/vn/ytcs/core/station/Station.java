// SPDX-License-Identifier: Apache-2.0
package vn.ytcs.core.station;

import java.util.UUID;

/** A health station (trạm y tế) of a commune-level unit, and whether it runs the family-doctor model. */
public record Station(UUID id, UUID unitId, String name, StationKind kind, UUID parentStationId,
                      String address, String phone, boolean familyDoctorModel) {
}
