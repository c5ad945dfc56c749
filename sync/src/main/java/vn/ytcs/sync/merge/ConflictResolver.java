// SPDX-License-Identifier: Apache-2.0
package vn.ytcs.sync.merge;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import vn.ytcs.core.store.RecordState;
import vn.ytcs.core.store.Store;
import vn.ytcs.core.store.SyncKinds;
import vn.ytcs.core.store.SyncStore;

/**
 * Settles a kept conflict. "Mine" is the value this site held when the conflict was found,
 * "theirs" the value that came in, whichever of the two stayed for now; taking the one that was
 * kept aside writes it as a new edit that travels on to the other sites.
 */
public final class ConflictResolver {

    /** Which value to keep. */
    public enum Keep {
        MINE, THEIRS
    }

    private ConflictResolver() {
    }

    /** Returns false when there is no open conflict with that id. */
    public static boolean resolve(Store store, UUID conflictId, Keep keep, String actor) {
        return store.write(actor, w -> {
            SyncStore sync = w.sync();
            SyncStore.Conflict c = sync.conflicts(true).stream().filter(x -> x.id().equals(conflictId)).findFirst().orElse(null);
            if (c == null) {
                return false;
            }
            // The value kept aside is mine when the one that stayed is theirs.
            boolean takeOther = (keep == Keep.MINE) != c.keptIsLocal();
            if (takeOther) {
                RecordState current = sync.find(c.kind(), c.recordId()).orElseThrow();
                Map<String, Object> fields = new LinkedHashMap<>(current.fields());
                Map<String, String> versions = new LinkedHashMap<>(current.fieldVersions());
                String version = sync.nextVersion();
                boolean deleted = current.deleted();
                if (c.field().equals("deleted")) {
                    deleted = Boolean.parseBoolean(c.otherValue());
                } else {
                    fields.put(c.field(), parse(c.otherValue(), SyncKinds.fields(c.kind()).get(c.field())));
                }
                versions.put(c.field(), version);
                sync.put(new RecordState(c.kind(), c.recordId(), current.owner(), version, deleted, fields, versions));
                sync.addAudit(java.util.List.of(new SyncStore.AuditEntry(c.recordId(), SyncKinds.tableName(c.kind()),
                        "UPDATE", c.field().toUpperCase(java.util.Locale.ROOT), c.keptValue(), c.otherValue(), actor,
                        OffsetDateTime.now(), store.localSite().id(), version)));
            }
            sync.markResolved(conflictId, keep.name());
            return true;
        });
    }

    private static Object parse(String text, Class<?> type) {
        if (text == null) {
            return null;
        }
        if (type == Integer.class) {
            return Integer.valueOf(text);
        } else if (type == Long.class) {
            return Long.valueOf(text);
        } else if (type == Boolean.class) {
            return Boolean.valueOf(text);
        } else if (type == BigDecimal.class) {
            return new BigDecimal(text);
        } else if (type == UUID.class) {
            return UUID.fromString(text);
        } else if (type == LocalDate.class) {
            return LocalDate.parse(text);
        } else if (type == OffsetDateTime.class) {
            return OffsetDateTime.parse(text);
        }
        return text;
    }
}
