// SPDX-License-Identifier: Apache-2.0
package vn.ytcs.core.catalog;

import java.util.Set;
import vn.ytcs.core.unit.UnitType;

/** The communes an indicator applies to; an empty set means every type, or every vùng. */
public record AppliesTo(Set<UnitType> unitTypes, Set<Integer> vung) {

    public static final AppliesTo ALL = new AppliesTo(Set.of(), Set.of());

    public AppliesTo {
        unitTypes = Set.copyOf(unitTypes);
        vung = Set.copyOf(vung);
    }

    /** A commune whose vùng is unknown is held to indicators limited by vùng. */
    public boolean covers(UnitType type, Integer communeVung) {
        return (unitTypes.isEmpty() || unitTypes.contains(type))
                && (vung.isEmpty() || communeVung == null || vung.contains(communeVung));
    }
}
