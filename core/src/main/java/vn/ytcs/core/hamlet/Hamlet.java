// SPDX-License-Identifier: Apache-2.0
package vn.ytcs.core.hamlet;

import java.util.UUID;

/**
 * A hamlet (ấp, khu vực…) of a commune.
 *
 * @param abolishedOn the day it ceased to exist (merged or dissolved); kept in the register with its history
 */
public record Hamlet(UUID id, UUID communeId, String name, HamletKind kind, Integer households,
                     java.time.LocalDate abolishedOn) {

    /** Whether the hamlet still existed on the day. */
    public boolean existsOn(java.time.LocalDate day) {
        return abolishedOn == null || abolishedOn.isAfter(day);
    }
}
