// SPDX-License-Identifier: Apache-2.0
package vn.ytcs.core.station;

import java.util.UUID;

/** A health station (trạm y tế) of a commune-level unit, and whether it runs the family-doctor model. */
public record Station(UUID id, UUID unitId, String name, StationKind kind, UUID parentStationId,
                      String address, String phone, boolean familyDoctorModel) {

    /** The name a commune's station goes by until the office gives another: "Trạm Y tế xã Hỏa Lựu". */
    public static String nameFor(vn.ytcs.core.unit.Unit commune) {
        String word = switch (commune.type()) {
            case XA -> "xã ";
            case PHUONG -> "phường ";
            case THI_TRAN -> "thị trấn ";
            case DAC_KHU -> "đặc khu ";
            default -> "";
        };
        return "Trạm Y tế " + word + commune.name();
    }
}
