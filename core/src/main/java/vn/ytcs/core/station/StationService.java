// SPDX-License-Identifier: Apache-2.0
package vn.ytcs.core.station;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Reads health stations. */
public interface StationService {

    /** The main station of a commune (not its health points). */
    Optional<Station> stationOf(UUID communeId);

    /** Every station and health point of the given communes, in no particular order. */
    List<Station> stationsOf(java.util.Collection<UUID> communeIds);
}
