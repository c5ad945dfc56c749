// SPDX-License-Identifier: Apache-2.0
package vn.ytcs.core.record;

import java.util.function.Supplier;
import vn.ytcs.core.catalog.Catalogs;

/**
 * What the rules that look beyond one record need: the records it refers to, and the catalogs
 * an answer is checked against (the shipped ones, later the province's too), asked for only
 * when an answer is checked.
 *
 * @param catalogs gives null when answers are not to be checked against their indicators
 */
public record RecordContext(Parents parents, Supplier<Catalogs> catalogs) {

    /** One record on its own: rules that need other records or catalogs are left unchecked. */
    public static final RecordContext ALONE = new RecordContext(Parents.NONE, () -> null);

    public RecordContext {
        parents = parents == null ? Parents.NONE : parents;
        catalogs = catalogs == null ? () -> null : catalogs;
    }

    public static RecordContext of(Parents parents, Catalogs catalogs) {
        return new RecordContext(parents, () -> catalogs);
    }
}
