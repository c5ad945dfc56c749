// SPDX-License-Identifier: Apache-2.0
package vn.ytcs.sync.pack;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import vn.ytcs.core.record.RecordKinds;
import vn.ytcs.core.store.RecordState;
import vn.ytcs.core.store.SyncStore;

/**
 * Which commune records belong to (through their station, hamlet or assessment) and what the
 * communes are called: learnt from the records as they pass, the rest looked up in the database a
 * batch at a time, one query per kind, never one per record.
 */
public final class Communes {

    /** A commune's type (a UnitType name) and name. */
    public record Named(String unitType, String name) {
    }

    /** The kinds a record can belong to its commune through (stations, hamlets, assessments), from the declarations. */
    private static final Set<String> THROUGH = RecordKinds.all().stream().flatMap(k -> k.communeThrough().stream())
            .collect(Collectors.toUnmodifiableSet());

    private final SyncStore sync;
    /** Records of those kinds seen so far, by id: their fields (empty when the database has none). */
    private final Map<UUID, Optional<Map<String, Object>>> parents = new HashMap<>();
    private final Map<UUID, Named> names = new HashMap<>();

    public Communes(SyncStore sync) {
        this.sync = sync;
    }

    /** Learns a batch of records (in package order) and looks up the parents they need that are not known yet. */
    public void learn(Collection<RecordState> batch) {
        batch.forEach(this::remember);
        Map<String, List<UUID>> missing = new HashMap<>();
        for (RecordState r : batch) {
            RecordKinds.communeOf(r.kind(), r.id(), r.fields(), (kind, id) -> {
                if (!parents.containsKey(id)) {
                    missing.computeIfAbsent(kind, k -> new ArrayList<>()).add(id);
                }
                return Optional.empty();
            });
        }
        missing.forEach((kind, ids) -> {
            sync.findAll(kind, ids).values().forEach(this::remember);
            ids.forEach(id -> parents.putIfAbsent(id, Optional.empty()));
        });
    }

    private void remember(RecordState r) {
        if (THROUGH.contains(r.kind())) {
            parents.put(r.id(), Optional.of(r.fields()));
        }
        if (r.kind().equals("unit") && "COMMUNE".equals(r.fields().get("unit_level"))) {
            names.put(r.id(), new Named((String) r.fields().get("unit_type"), (String) r.fields().get("name")));
        }
    }

    /**
     * The commune of a record {@link #learn learnt} before, as its kind's declaration says; null for
     * none (districts, targets, catalogs…).
     */
    public UUID of(RecordState r) {
        return RecordKinds.communeOf(r.kind(), r.id(), r.fields(), (kind, id) -> parents.getOrDefault(id, Optional.empty()));
    }

    /** Looks up, in one query, the names of the communes not learnt from the records. */
    public void name(Collection<UUID> communes) {
        List<UUID> missing = communes.stream().filter(id -> id != null && !names.containsKey(id)).toList();
        sync.findAll("unit", missing).values().forEach(u ->
                names.put(u.id(), new Named((String) u.fields().get("unit_type"), (String) u.fields().get("name"))));
    }

    /** A commune's type and name once {@link #name named}; null when nobody knows it. */
    public Named name(UUID commune) {
        return names.get(commune);
    }

    /** What people call a record: a person's full name, a unit's, station's or hamlet's name, a year, a code; null for none. */
    public static String nameOf(RecordState r) {
        if (r == null) {
            return null;
        }
        for (String field : List.of("full_name", "name", "name_vi", "figure_year", "period", "indicator_code", "catalog_id",
                "code")) {
            Object v = r.fields().get(field);
            if (v != null) {
                return v.toString();
            }
        }
        return null;
    }
}
