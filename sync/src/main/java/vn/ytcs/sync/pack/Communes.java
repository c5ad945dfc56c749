// SPDX-License-Identifier: Apache-2.0
package vn.ytcs.sync.pack;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
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

    /** The kinds whose records name their commune, and the field that does. */
    private static final Map<String, String> COMMUNE_FIELD = Map.of("station", "unit_id", "commune_year", "unit_id",
            "assessment", "unit_id", "hamlet", "commune_id");
    /** The kinds that belong to a commune through a parent record: the parent's kind and the field naming it. */
    private static final Map<String, String[]> PARENT = Map.of("staff", new String[] {"station", "station_id"},
            "hamlet_worker", new String[] {"hamlet", "hamlet_id"},
            "assessment_answer", new String[] {"assessment", "assessment_id"});

    private final SyncStore sync;
    /** Stations, hamlets and assessments: their commune (empty when they have none). */
    private final Map<UUID, Optional<UUID>> parents = new HashMap<>();
    private final Map<UUID, Named> names = new HashMap<>();

    public Communes(SyncStore sync) {
        this.sync = sync;
    }

    /** Learns a batch of records (in package order) and looks up the parents they need that are not known yet. */
    public void learn(Collection<RecordState> batch) {
        Map<String, List<UUID>> missing = new HashMap<>();
        for (RecordState r : batch) {
            remember(r);
            String[] parent = PARENT.get(r.kind());
            if (parent != null && r.fields().get(parent[1]) instanceof UUID id && !parents.containsKey(id)) {
                missing.computeIfAbsent(parent[0], k -> new ArrayList<>()).add(id);
            }
        }
        missing.forEach((kind, ids) -> {
            sync.findAll(kind, ids).values().forEach(this::remember);
            ids.forEach(id -> parents.putIfAbsent(id, Optional.empty()));
        });
    }

    private void remember(RecordState r) {
        String field = COMMUNE_FIELD.get(r.kind());
        if (field != null && !r.kind().equals("commune_year")) {
            parents.put(r.id(), Optional.ofNullable((UUID) r.fields().get(field)));
        }
        if (r.kind().equals("unit") && "COMMUNE".equals(r.fields().get("unit_level"))) {
            names.put(r.id(), new Named((String) r.fields().get("unit_type"), (String) r.fields().get("name")));
        }
    }

    /** The commune of a record {@link #learn learnt} before; null for none (districts, targets, catalogs…). */
    public UUID of(RecordState r) {
        if (r.kind().equals("unit")) {
            return "COMMUNE".equals(r.fields().get("unit_level")) ? r.id() : null;
        }
        String field = COMMUNE_FIELD.get(r.kind());
        if (field != null) {
            return (UUID) r.fields().get(field);
        }
        String[] parent = PARENT.get(r.kind());
        if (parent != null && r.fields().get(parent[1]) instanceof UUID id) {
            return parents.getOrDefault(id, Optional.empty()).orElse(null);
        }
        return null;
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
