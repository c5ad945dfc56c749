// SPDX-License-Identifier: Apache-2.0
package vn.ytcs.core.unit;

import java.time.LocalDate;
import java.util.UUID;

/**
 * An administrative unit as of its validity period.
 *
 * @param code         national code, or a provisional one when {@code codeOfficial} is false
 * @param validTo      first day on which the unit no longer exists; null while it does
 * @param vung         region 1, 2 or 3 assigned by the provincial Department of Health; null if not set
 * @param region       socio-economic region; null if not set
 * @param demo         part of the synthetic demo data set
 * @param note         free remark, e.g. that a name is unconfirmed
 */
public record Unit(UUID id, String code, boolean codeOfficial, String name, UnitType type, UUID parentId,
                   LocalDate validFrom, LocalDate validTo, Integer vung, SocioRegion region, boolean demo, String note) {

    public UnitLevel level() {
        return type.level();
    }

    /** Whether the unit exists on the given day. */
    public boolean validOn(LocalDate day) {
        return !day.isBefore(validFrom) && (validTo == null || day.isBefore(validTo));
    }
}
