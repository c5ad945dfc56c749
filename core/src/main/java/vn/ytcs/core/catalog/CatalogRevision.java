// SPDX-License-Identifier: Apache-2.0
package vn.ytcs.core.catalog;

import java.time.OffsetDateTime;

/**
 * A revision of a catalog as a site holds it: 0 is the catalog as shipped (no one made it here,
 * no reason), 1, 2, … the province's revisions, each made from another ({@code basedOn}).
 * {@code catalog().revision()} is this revision's number.
 */
public record CatalogRevision(Catalog catalog, int revision, String madeBy, OffsetDateTime madeAt, String reason,
                              int basedOn) {

    public boolean shipped() {
        return revision == 0;
    }

    /** The catalog with its revision number set to {@code revision} (the document's own number is left behind). */
    public static Catalog numbered(Catalog c, int revision) {
        return c.revision() == revision ? c : new Catalog(c.id(), revision, c.title(), c.legalSource(), c.effectiveFrom(),
                c.effectiveTo(), c.passRule(), c.criteria(), c.indicators(), c.notes());
    }
}
