// SPDX-License-Identifier: Apache-2.0
package vn.ytcs.core.staff;

import java.time.LocalDate;
import java.util.UUID;

/** A person working at a station. {@code endDate} is null while they still work there. */
public record StaffMember(UUID id, UUID stationId, String fullName, Sex sex, Integer birthYear,
                          Profession profession, Employment employment, LocalDate startDate, LocalDate endDate) {

    /** Works at the station on the given day. */
    public boolean activeOn(LocalDate day) {
        return (startDate == null || !startDate.isAfter(day)) && (endDate == null || endDate.isAfter(day));
    }
}
