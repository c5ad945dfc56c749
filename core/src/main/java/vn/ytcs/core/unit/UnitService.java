// SPDX-License-Identifier: Apache-2.0
package vn.ytcs.core.unit;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/** Reads the administrative hierarchy as of a day. */
public interface UnitService {

    /**
     * The day to show by default: today if units are valid today, else the last day on which
     * the register had units (a database of pre-2025 units shows them as they last were).
     */
    LocalDate defaultAsOf(LocalDate today);

    /** Every unit valid on the day, as a tree sorted by Vietnamese collation. */
    UnitTree tree(LocalDate asOf);

    /** The unit with this code valid on the day. */
    Optional<Unit> byCode(String code, LocalDate asOf);

    /** Successions recorded for the unit, in either direction. */
    List<UnitSuccession> successions(Unit unit);

    /** Every succession recorded, oldest first: a province's whole history is a few hundred rows. */
    List<UnitSuccession> successions();

    /** The units with these ids, whatever the day. */
    List<Unit> units(java.util.Collection<java.util.UUID> ids);

    /** Every unit that has had this code, oldest first: a code alone never names a unit, code and validity do. */
    List<Unit> byCodeAnyDay(String code);
}
