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

    /**
     * A field both sides changed, or one the sender may not change: what stays for now and what is
     * kept aside.
     *
     * @param keptLocal whether the value that stays is this site's own (else the incoming one)
     */
    public record FieldConflict(String field, Object keptValue, String keptVersion, Object otherValue, String otherVersion,
                                boolean keptLocal) {
    }

    /**
     * The outcome for one record.
     *
     * @param merged    the record to write; null when nothing changes locally
     * @param changed   fields whose local value changes
     * @param restamped fields whose kept value was stamped anew here (to be audited, so that other sites know
     *                  this site had seen what it settled)
     */
    public record Result(RecordState merged, boolean created, List<String> changed, List<FieldConflict> conflicts,
                         List<String> restamped) {
    }

    private Merger() {
    }

    /**
     * @param seenLocally  whether this site has already seen a version of a field (its audit knows it)
     * @param seenBySender whether the package shows that its sender had seen a version of a field
     * @param newVersion   a fresh local version, for re-stamping the owner's value after a conflict
     * @param ownership    who may change what: a change its author may not make here is kept aside,
     *                     not applied (a record new here is checked by the importer before)
     */
    public static Result merge(RecordState local, RecordState incoming, BiPredicate<String, String> seenLocally,
                               BiPredicate<String, String> seenBySender, Supplier<String> newVersion, Ownership ownership) {
        if (local == null) {
            return new Result(incoming, true, List.copyOf(incoming.fields().keySet()), List.of(), List.of());
        }
        Map<String, Object> fields = new LinkedHashMap<>(local.fields());
        Map<String, String> versions = new LinkedHashMap<>(local.fieldVersions());
        boolean deleted = local.deleted();
        List<String> changed = new ArrayList<>();
        List<FieldConflict> conflicts = new ArrayList<>();
        Set<String> refused = new java.util.HashSet<>();
        List<String> restamped = new ArrayList<>();
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
            if (incomingWins && !Objects.equals(valueIn, valueLocal) && !ownership.applies(local, field, valueIn, site(vi))) {
                // Not the author's to change here: a proposal for the owner, never applied silently.
                refused.add(field);
                conflicts.add(new FieldConflict(field, valueLocal, vl == null ? vi : vl, valueIn, vi, true));
                if (vl != null && ownership.mayRestamp(local, field)) {
                    // The value that stays is stamped anew so that it wins on every site.
                    versions.put(field, newVersion.get());
                    restamped.add(field);
                }
                continue;
            }
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
                conflicts.add(new FieldConflict(field, keptValue, keptVersion, otherValue, otherVersion, !keptIncoming));
                if (!keptVersion.equals(winnerVersion)) {
                    // The owner's value is the older one: stamp it anew so that it wins on every site.
                    winnerVersion = newVersion.get();
                    winnerValue = keptValue;
                    restamped.add(field);
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
        // One side deleted what the other edited, neither having seen the other's change.
        String vlDel = local.fieldVersions().get("deleted");
        String viDel = incoming.fieldVersions().get("deleted");
        boolean incomingDeletes = incoming.deleted() && !local.deleted() && viDel != null && !viDel.equals(vlDel)
                && !seenLocally.test("deleted", viDel) && !refused.contains("deleted");
        boolean localDeleted = local.deleted() && !incoming.deleted() && vlDel != null && !vlDel.equals(viDel)
                && !seenBySender.test("deleted", vlDel);
        String localEdit = unseenEdit(local.fieldVersions(), incoming.fieldVersions(), seenBySender);
        String incomingEdit = unseenEdit(incoming.fieldVersions(), local.fieldVersions(),
                (field, version) -> refused.contains(field) || seenLocally.test(field, version));
        if ((incomingDeletes && localEdit != null) || (localDeleted && incomingEdit != null)) {
            String deletion = incomingDeletes ? viDel : vlDel;
            String edit = incomingDeletes ? localEdit : incomingEdit;
            UUID owner = local.owner();
            Boolean keepDeleted = site(deletion).equals(owner) ? Boolean.TRUE : site(edit).equals(owner) ? Boolean.FALSE : null;
            if (keepDeleted == null) {
                keepDeleted = deleted; // neither is the owner: the later change, as for any field
            }
            String keptVersion = keepDeleted ? deletion : edit;
            String otherVersion = keepDeleted ? edit : deletion;
            // The local side made the deletion when the incoming side made the edit, and the other way round.
            boolean keptLocal = keepDeleted != incomingDeletes;
            conflicts.add(new FieldConflict("deleted", keepDeleted, keptVersion, !keepDeleted, otherVersion, keptLocal));
            if (keepDeleted != deleted) {
                deleted = keepDeleted;
                versions.put("deleted", newVersion.get());
                changed.add("deleted");
                restamped.add("deleted");
            }
        }
        if (versions.equals(local.fieldVersions())) {
            return new Result(null, false, List.of(), conflicts, List.of());
        }
        String version = versions.values().stream().map(Hlc::parse).max(Hlc::compareTo).map(Hlc::toString)
                .orElse(local.version());
        return new Result(new RecordState(local.kind(), local.id(), local.owner(), version, deleted, fields, versions),
                false, changed, conflicts, restamped);
    }

    /** The latest version of a field (other than "deleted") that one side changed and the other has not seen. */
    private static String unseenEdit(Map<String, String> mine, Map<String, String> theirs, BiPredicate<String, String> seen) {
        String latest = null;
        for (var e : mine.entrySet()) {
            if (e.getKey().equals("deleted") || e.getValue().equals(theirs.get(e.getKey())) || seen.test(e.getKey(), e.getValue())) {
                continue;
            }
            if (latest == null || Hlc.parse(e.getValue()).compareTo(Hlc.parse(latest)) > 0) {
                latest = e.getValue();
            }
        }
        return latest;
    }

    private static UUID site(String version) {
        return Hlc.parse(version).site();
    }
}
