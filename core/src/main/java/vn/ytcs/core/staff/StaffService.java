// SPDX-License-Identifier: Apache-2.0
package vn.ytcs.core.staff;

import java.util.Collection;
import java.util.List;
import java.util.UUID;

/** Reads the staff of stations. */
public interface StaffService {

    /** Staff of the given stations, sorted by Vietnamese collation of their given name, then full name. */
    List<StaffMember> staffOf(Collection<UUID> stationIds);
}
