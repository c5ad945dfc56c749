// SPDX-License-Identifier: Apache-2.0
package vn.ytcs.sync.merge;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.BiPredicate;
import java.util.function.Supplier;
import vn.ytcs.core.change.Hlc;
import vn.ytcs.core.store.RecordState;

/**
 * Merges an incoming record into the local one, field by field. The later version of each field
 * wins, so that every site ends in the same state whatever the order packages arrive in. When
 * both sides changed the same field without having seen each other's change, it is a conflict:
 * the owning site's value stays (re-stamped with a new version when it was the earlier one, so
 * that it wins everywhere), and the other value is handed back to be kept in a conflict record.
 */
public final class Merger {

    /** A field both sides changed: what stays for now and what is kept aside. */
    public record FieldConflict(String field, Object keptValue, String keptVersion, Object otherValue, String otherVersion) {
    }

    /**
     * The outcome for one record.
     *
     * @param merged  the record to write; null when nothing changes locally
     * @param changed fields whose local value changes
     */
    public record Result(RecordState merged, boolean created, List<String> changed, List<FieldConflict> conflicts) {
    }

    private Merger() {
    }

    /**
     * @param seenLocally  whether this site has already seen a version of a field (its audit knows it)
     * @param seenBySender whether the package shows that its sender had seen a version of a field
     * @param newVersion   a fresh local version, for re-stamping the owner's value after a conflict
     */
    public static Result merge(RecordState local, RecordState incoming, BiPredicate<String, String> seenLocally,
                               BiPredicate<String, String> seenBySender, Supplier<String> newVersion) {
        if (local == null) {
            return new Result(incoming, true, List.copyOf(incoming.fields().keySet()), List.of());
        }
        Map<String, Object> fields = new LinkedHashMap<>(local.fields());
        Map<String, String> versions = new LinkedHashMap<>(local.fieldVersions());
        boolean deleted = local.deleted();
        List<String> changed = new ArrayList<>();
        List<FieldConflict> conflicts = new ArrayList<>();
        Set<String> names = new TreeSet<>(incoming.fieldVersions().keySet());
        for (String field : names) {
            String vi = incoming.fieldVersions().get(field);
            String vl = versions.get(field);
            if (vi == null || vi.equals(vl)) {
                continue;
            }
            Object valueIn = field.equals("deleted") ? (Object) incoming.deleted() : incoming.fields().get(field);
            Object valueLocal = field.equals("deleted") ? (Object) deleted : fields.get(field);
            boolean incomingWins = vl == null || Hlc.parse(vi).compareTo(Hlc.parse(vl)) > 0;
            boolean concurrent = vl != null && !seenLocally.test(field, vi) && !seenBySender.test(field, vl)
                    && !Objects.equals(valueIn, valueLocal);
            String winnerVersion = incomingWins ? vi : vl;
            Object winnerValue = incomingWins ? valueIn : valueLocal;
            if (concurrent) {
                UUID owner = local.owner();
                boolean inFromOwner = site(vi).equals(owner);
                boolean localFromOwner = site(vl).equals(owner);
                Object keptValue = winnerValue;
                String keptVersion = winnerVersion;
                if (inFromOwner != localFromOwner) {
                    keptValue = inFromOwner ? valueIn : valueLocal;
                    keptVersion = inFromOwner ? vi : vl;
                }
                boolean keptIncoming = keptVersion.equals(vi);
                Object otherValue = keptIncoming ? valueLocal : valueIn;
                String otherVersion = keptIncoming ? vl : vi;
                conflicts.add(new FieldConflict(field, keptValue, keptVersion, otherValue, otherVersion));
                if (!keptVersion.equals(winnerVersion)) {
                    // The owner's value is the older one: stamp it anew so that it wins on every site.
                    winnerVersion = newVersion.get();
                    winnerValue = keptValue;
                }
            }
            if (!winnerVersion.equals(vl)) {
                versions.put(field, winnerVersion);
                if (field.equals("deleted")) {
                    deleted = (Boolean) winnerValue;
                } else {
                    fields.put(field, winnerValue);
                }
                if (!Objects.equals(winnerValue, valueLocal)) {
                    changed.add(field);
                }
            }
        }
        if (versions.equals(local.fieldVersions())) {
            return new Result(null, false, List.of(), conflicts);
        }
        String version = versions.values().stream().map(Hlc::parse).max(Hlc::compareTo).map(Hlc::toString)
                .orElse(local.version());
        return new Result(new RecordState(local.kind(), local.id(), local.owner(), version, deleted, fields, versions),
                false, changed, conflicts);
    }

    private static UUID site(String version) {
        return Hlc.parse(version).site();
    }
}
