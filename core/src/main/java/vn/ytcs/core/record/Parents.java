// SPDX-License-Identifier: Apache-2.0
package vn.ytcs.core.record;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Finds the records a record refers to, as field maps (column name to stored value): what the
 * rules that look beyond one record need (an answer's assessment, a staff member's station).
 */
@FunctionalInterface
public interface Parents {

    /** Finds nothing: rules that need another record are left unchecked. */
    Parents NONE = (kind, id) -> Optional.empty();

    /** The live record of the kind with the id, or empty when there is none. */
    Optional<Map<String, Object>> find(String kind, UUID id);

    /** Looks here first, then in {@code next} (e.g. the records of a package, then the database). */
    default Parents or(Parents next) {
        return (kind, id) -> {
            Optional<Map<String, Object>> found = find(kind, id);
            return found.isPresent() ? found : next.find(kind, id);
        };
    }

    /** Remembers what it found (and what it did not), for a run of records that share parents. */
    default Parents cached() {
        Map<UUID, Optional<Map<String, Object>>> seen = new HashMap<>();
        return (kind, id) -> seen.computeIfAbsent(id, k -> find(kind, k));
    }
}
