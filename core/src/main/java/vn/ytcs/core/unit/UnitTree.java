// SPDX-License-Identifier: Apache-2.0
package vn.ytcs.core.unit;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Predicate;
import vn.ytcs.core.text.VietText;

/**
 * The unit hierarchy on one day: roots are units whose parent is absent, children are sorted
 * by type (cities and wards first, as the province lists them) and then by Vietnamese collation.
 */
public final class UnitTree {

    /** Sorts siblings: by type in enum order, then by name in Vietnamese collation. */
    public static final Comparator<Unit> SIBLING_ORDER =
            Comparator.<Unit, UnitType>comparing(Unit::type).thenComparing(VietText.order(Unit::name));

    private final Map<UUID, Unit> byId = new LinkedHashMap<>();
    private final Map<UUID, List<Unit>> children = new HashMap<>();
    private final List<Unit> roots = new ArrayList<>();

    public UnitTree(Collection<Unit> units) {
        for (Unit u : units) {
            byId.put(u.id(), u);
        }
        for (Unit u : units) {
            if (u.parentId() != null && byId.containsKey(u.parentId())) {
                children.computeIfAbsent(u.parentId(), k -> new ArrayList<>()).add(u);
            } else {
                roots.add(u);
            }
        }
        roots.sort(SIBLING_ORDER);
        children.values().forEach(list -> list.sort(SIBLING_ORDER));
    }

    public List<Unit> roots() {
        return List.copyOf(roots);
    }

    public List<Unit> children(Unit unit) {
        return List.copyOf(children.getOrDefault(unit.id(), List.of()));
    }

    public Optional<Unit> get(UUID id) {
        return Optional.ofNullable(id == null ? null : byId.get(id));
    }

    public Optional<Unit> parent(Unit unit) {
        return get(unit.parentId());
    }

    public boolean isEmpty() {
        return byId.isEmpty();
    }

    public int size() {
        return byId.size();
    }

    /** All units, depth first in tree order. */
    public List<Unit> all() {
        List<Unit> out = new ArrayList<>(byId.size());
        roots.forEach(r -> collect(r, out, u -> true));
        return out;
    }

    /** The unit and everything below it, depth first, filtered. */
    public List<Unit> below(Unit unit, Predicate<Unit> keep) {
        List<Unit> out = new ArrayList<>();
        collect(unit, out, keep);
        return out;
    }

    /** Communes under the unit (the unit itself if it is one), in tree order. */
    public List<Unit> communesUnder(Unit unit) {
        return below(unit, u -> u.level() == UnitLevel.COMMUNE);
    }

    /** Every commune of the tree, in tree order. */
    public List<Unit> communes() {
        List<Unit> out = new ArrayList<>();
        roots.forEach(r -> collect(r, out, u -> u.level() == UnitLevel.COMMUNE));
        return out;
    }

    private void collect(Unit unit, List<Unit> out, Predicate<Unit> keep) {
        if (keep.test(unit)) {
            out.add(unit);
        }
        for (Unit child : children.getOrDefault(unit.id(), List.of())) {
            collect(child, out, keep);
        }
    }

    /**
     * The units to show for a search: those whose name or code matches the query (diacritics and
     * case ignored), their ancestors, so that they stay reachable in the tree, and, below a match,
     * all its descendants. An empty query keeps everything.
     */
    public java.util.Set<UUID> visibleFor(String query) {
        java.util.Set<UUID> keep = new java.util.HashSet<>();
        if (VietText.fold(query).isEmpty()) {
            keep.addAll(byId.keySet());
            return keep;
        }
        for (Unit u : byId.values()) {
            if (VietText.matches(u.name(), query) || u.code().equalsIgnoreCase(query.trim())) {
                for (Unit a = u; a != null; a = get(a.parentId()).orElse(null)) {
                    keep.add(a.id());
                }
                below(u, x -> true).forEach(x -> keep.add(x.id()));
            }
        }
        return keep;
    }
}
