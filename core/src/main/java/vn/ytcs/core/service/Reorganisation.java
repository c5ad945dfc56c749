// SPDX-License-Identifier: Apache-2.0
package vn.ytcs.core.service;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import vn.ytcs.core.assessment.Assessment;
import vn.ytcs.core.assessment.AssessmentState;
import vn.ytcs.core.service.TableFile.Kind;
import vn.ytcs.core.service.TableFile.Problem;
import vn.ytcs.core.station.Holding;
import vn.ytcs.core.station.Station;
import vn.ytcs.core.store.Store;
import vn.ytcs.core.text.VietText;
import vn.ytcs.core.unit.Merger;
import vn.ytcs.core.unit.Unit;
import vn.ytcs.core.unit.UnitLevel;
import vn.ytcs.core.unit.UnitNames;
import vn.ytcs.core.unit.UnitSuccession;
import vn.ytcs.core.unit.UnitType;

/**
 * Applies a reorganisation (issue 11, docs/decisions/0010-reorganisation.md): a succession mapping
 * (CSV: old code and name, new code and name, effective date, optionally the clause and the new
 * unit's parent) is read and verified whole, previewed per new unit, then applied in one
 * transaction after a backup. Nothing is moved: each new commune gets successions from the old
 * ones, which end on the day, and carries their register on ({@link vn.ytcs.core.unit.Lineage}).
 * Applying the same mapping again changes nothing. Merges only: a commune mapped to two new units
 * on one day (a split) is refused.
 */
public final class Reorganisation {

    /** Columns the mapping must have; {@code clause_1668} and {@code new_parent_code} are optional. */
    public static final List<String> REQUIRED = List.of("old_code", "old_name", "new_code", "new_name", "effective_date");

    /** A row of the mapping as read. */
    public record Row(int row, String oldCode, String oldName, String newCode, String newName, LocalDate effective,
                      String clause, String parentCode) {
    }

    /**
     * A new unit of the plan: its code, name, type and parent, the communes going into it, the
     * station it keeps and those becoming its health points, the staff and hamlets it carries on,
     * the open assessments left with the communes that end.
     *
     * @param applied whether this file already made it (nothing will change for it)
     */
    public record NewUnit(String code, String name, UnitType type, LocalDate from, Unit parent, List<Unit> merged,
                          Optional<Station> station, List<Station> healthPoints, int staff, int hamlets,
                          int openAssessments, boolean applied) {
    }

    /** What the mapping would do; {@link #apply} does exactly this. */
    public record Plan(Path file, List<Row> rows, List<NewUnit> units) {
        public boolean nothingToDo() {
            return units.stream().allMatch(NewUnit::applied);
        }
    }

    private final Store store;
    private final String actor;

    public Reorganisation(Store store, String actor) {
        this.store = store;
        this.actor = actor;
    }

    /**
     * Reads and verifies the mapping, and says what it would do; {@link TableFile.Refused} with every
     * problem, by row and column, when it cannot be applied as it is.
     *
     * @param parentCode the unit the new communes go under when a row names none (e.g. the new province, 92)
     */
    public Plan plan(Path file, String parentCode) {
        List<Problem> problems = new ArrayList<>();
        List<Row> rows = read(file, problems);
        if (problems.stream().anyMatch(p -> p.kind() == Kind.UNREADABLE || p.kind() == Kind.MISSING_COLUMN)) {
            throw new TableFile.Refused(file, problems);
        }
        // The rows that read are verified too: every problem of the file is said at once.
        List<UnitSuccession> successions = store.units().successions();
        Map<String, List<Row>> byNew = new LinkedHashMap<>();
        Map<String, Row> oldSeen = new HashMap<>();
        Map<Row, Unit> oldUnits = new HashMap<>();
        for (Row r : rows) {
            Row twice = oldSeen.putIfAbsent(r.effective() + "/" + r.oldCode(), r);
            if (twice != null && !twice.newCode().equals(r.newCode())) {
                problems.add(new Problem(r.row(), "old_code", Kind.MAPPED_TWICE, r.oldCode(), twice.newCode()));
            }
            Optional<Unit> old = oldUnit(r);
            if (old.isEmpty()) {
                problems.add(new Problem(r.row(), "old_code", Kind.UNKNOWN_CODE, r.oldCode(), null));
            } else {
                oldUnits.put(r, old.get());
                if (!UnitNames.same(old.get().name(), r.oldName())) {
                    problems.add(new Problem(r.row(), "old_name", Kind.NAME_MISMATCH, r.oldName(), old.get().name()));
                }
            }
            byNew.computeIfAbsent(r.effective() + "/" + r.newCode(), k -> new ArrayList<>()).add(r);
        }
        cycles(rows, problems);
        // What the old communes hold the day before, read once per day for the whole file.
        Map<LocalDate, Map<UUID, Holding>> held = new HashMap<>();
        for (Row r : rows) {
            if (oldUnits.containsKey(r)) {
                held.computeIfAbsent(r.effective(), d -> Holdings.of(store, rows.stream().filter(x -> x.effective().equals(d))
                        .map(oldUnits::get).filter(java.util.Objects::nonNull).distinct().toList(), d.minusDays(1)));
            }
        }
        List<NewUnit> units = new ArrayList<>();
        for (List<Row> group : byNew.values()) {
            Row first = group.get(0);
            for (Row r : group) {
                if (!UnitNames.same(r.newName(), first.newName())) {
                    problems.add(new Problem(r.row(), "new_name", Kind.INCONSISTENT, r.newName(), first.newName()));
                }
            }
            UnitType type = UnitNames.communeTypeOf(first.newName());
            if (type == null) {
                problems.add(new Problem(first.row(), "new_name", Kind.UNKNOWN_TYPE, first.newName(), null));
                continue;
            }
            List<Unit> merged = group.stream().map(oldUnits::get).filter(java.util.Objects::nonNull).distinct().toList();
            if (merged.size() < group.size()) {
                continue; // an unknown old code, said above
            }
            Optional<Unit> made = madeBefore(first, merged, successions);
            // The new unit lives from the day on: no other unit may have its code on any day from then.
            Optional<Unit> other = made.isPresent() ? Optional.empty() : store.units().byCodeAnyDay(first.newCode()).stream()
                    .filter(u -> u.validTo() == null || u.validTo().isAfter(first.effective()))
                    .filter(u -> merged.stream().noneMatch(m -> m.id().equals(u.id()))).findFirst();
            other.ifPresent(o -> problems.add(new Problem(first.row(), "new_code", Kind.OVERLAP, first.newCode(), o.name())));
            Unit parent = parent(first, parentCode, merged, problems);
            Preview p = preview(first.newCode(), first.effective(), merged, held.get(first.effective()));
            if (p.station().isEmpty() && made.isEmpty()) {
                problems.add(new Problem(first.row(), "new_code", Kind.NO_STATION, first.newCode(), null));
            }
            units.add(new NewUnit(first.newCode(), UnitNames.shortName(first.newName()), type, first.effective(), parent, merged,
                    p.station(), p.points(), p.staff(), p.hamlets(), p.open(), made.isPresent()));
        }
        if (!problems.isEmpty()) {
            problems.sort(java.util.Comparator.comparingInt(Problem::row));
            throw new TableFile.Refused(file, problems);
        }
        return new Plan(file, rows, List.copyOf(units));
    }

    /**
     * Applies the plan in one transaction, after a backup: each new unit, the old communes ending
     * on the day, a succession from each to it. Units the file already made are left as they are.
     */
    public Plan apply(Plan plan) {
        if (plan.nothingToDo()) {
            return plan;
        }
        store.backup("before-reorganisation");
        store.write(actor, w -> {
            for (NewUnit n : plan.units()) {
                if (n.applied()) {
                    continue;
                }
                Merger.Result m = Merger.merge(UUID.randomUUID(), n.code(), n.name(), n.type(),
                        n.parent() == null ? null : n.parent().id(), n.from(), n.merged(), old -> UUID.randomUUID());
                w.save(m.made());
                m.ended().forEach(w::save);
                m.successions().forEach(w::save);
            }
            return null;
        });
        return plan;
    }

    /** A new unit a package makes, formed on the day from these units (as the package's successions say). */
    public record Arrival(String code, String name, UnitType type, LocalDate from, List<UUID> formedFrom) {
    }

    /**
     * A reorganisation that arrives in a package, before it is applied (a site still on the old
     * structure): each new unit previewed as a mapping file's is, what the old communes hold read
     * once per day. Units not held here are left out of what a new unit merges; a new unit that
     * merges none of them is left out.
     */
    public List<NewUnit> arriving(List<Arrival> arrivals) {
        Map<UUID, Unit> held = new HashMap<>();
        store.units().units(arrivals.stream().flatMap(a -> a.formedFrom().stream()).distinct().toList()).stream()
                .filter(u -> u.level() == UnitLevel.COMMUNE).forEach(u -> held.put(u.id(), u));
        Map<LocalDate, Map<UUID, Holding>> holdings = new HashMap<>();
        List<NewUnit> out = new ArrayList<>();
        for (Arrival a : arrivals) {
            List<Unit> merged = a.formedFrom().stream().map(held::get).filter(java.util.Objects::nonNull)
                    .sorted(java.util.Comparator.comparing(Unit::code)).toList();
            if (merged.isEmpty()) {
                continue;
            }
            Map<UUID, Holding> day = holdings.computeIfAbsent(a.from(), d -> Holdings.of(store, arrivals.stream()
                    .filter(x -> x.from().equals(d)).flatMap(x -> x.formedFrom().stream()).map(held::get)
                    .filter(java.util.Objects::nonNull).distinct().toList(), d.minusDays(1)));
            Preview p = preview(a.code(), a.from(), merged, day);
            out.add(new NewUnit(a.code(), a.name(), a.type(), a.from(), null, merged, p.station(), p.points(), p.staff(),
                    p.hamlets(), p.open(), false));
        }
        return List.copyOf(out);
    }

    /** What the new unit would hold: the same rule as the register's ({@link Holdings}), before it exists. */
    private record Preview(Optional<Station> station, List<Station> points, int staff, int hamlets, int open) {
    }

    private Preview preview(String code, LocalDate from, List<Unit> merged, Map<UUID, Holding> holdings) {
        List<Station> stations = new ArrayList<>();
        Set<UUID> units = new java.util.LinkedHashSet<>();
        for (Unit m : merged) {
            Holding h = holdings.get(m.id());
            stations.addAll(h.all());
            units.addAll(h.units());
        }
        Map<UUID, String> codes = new HashMap<>();
        merged.forEach(u -> codes.put(u.id(), u.code()));
        Holding made = Holding.of(null, code, List.copyOf(units), stations, codes::get);
        LocalDate day = from.minusDays(1);
        int staff = stations.isEmpty() ? 0 : (int) store.staff().staffOf(stations.stream().map(Station::id).toList()).stream()
                .filter(m -> m.activeOn(day)).count();
        int hamlets = (int) store.hamlets().hamletsOf(units).stream().filter(h -> h.existsOn(day)).count();
        int open = 0;
        for (int period = from.getYear(); period <= from.getYear() + 1; period++) {
            for (Assessment a : store.assessments().assessmentsOf(merged.stream().map(Unit::id).toList(), period)) {
                if (a.state() != AssessmentState.RECOGNISED) {
                    open++;
                }
            }
        }
        return new Preview(made.station(), made.healthPoints(), staff, hamlets, open);
    }

    /** The commune of the old code on the day before the reorganisation (it ends on the day once applied). */
    private Optional<Unit> oldUnit(Row r) {
        return store.units().byCode(r.oldCode(), r.effective().minusDays(1)).filter(u -> u.level() == UnitLevel.COMMUNE);
    }

    /** The new unit this file made on an earlier run: every old commune has a succession into one unit of the code. */
    private Optional<Unit> madeBefore(Row first, List<Unit> merged, List<UnitSuccession> successions) {
        Set<UUID> targets = new HashSet<>();
        for (Unit m : merged) {
            Optional<UnitSuccession> s = successions.stream()
                    .filter(x -> x.fromUnit().equals(m.id()) && x.effective().equals(first.effective())).findFirst();
            if (s.isEmpty()) {
                return Optional.empty();
            }
            targets.add(s.get().toUnit());
        }
        if (targets.size() != 1) {
            return Optional.empty();
        }
        return store.units().units(targets).stream().filter(u -> u.code().equals(first.newCode())).findFirst();
    }

    private Unit parent(Row first, String parentCode, List<Unit> merged, List<Problem> problems) {
        String code = first.parentCode() != null ? first.parentCode() : parentCode;
        if (code == null) {
            problems.add(new Problem(first.row(), "new_parent_code", Kind.UNKNOWN_PARENT, "", null));
            return null;
        }
        Optional<Unit> p = store.units().byCode(code, first.effective());
        if (p.isEmpty()) {
            problems.add(new Problem(first.row(), first.parentCode() != null ? "new_parent_code" : "--parent",
                    Kind.UNKNOWN_PARENT, code, null));
            return null;
        }
        return p.get();
    }

    /** Codes going round on one day (A into B, B into A), own code kept aside: a typing error, never a reorganisation. */
    private static void cycles(List<Row> rows, List<Problem> problems) {
        Map<String, Map<String, String>> edges = new HashMap<>();
        Map<String, Row> rowOf = new HashMap<>();
        for (Row r : rows) {
            if (!r.oldCode().equals(r.newCode())) {
                edges.computeIfAbsent(r.effective().toString(), k -> new HashMap<>()).put(r.oldCode(), r.newCode());
                rowOf.put(r.effective() + "/" + r.oldCode(), r);
            }
        }
        edges.forEach((day, next) -> {
            Set<String> reported = new HashSet<>();
            for (String start : next.keySet()) {
                List<String> path = new ArrayList<>(List.of(start));
                String at = next.get(start);
                while (at != null && !path.contains(at) && path.size() <= next.size()) {
                    path.add(at);
                    at = next.get(at);
                }
                if (at != null && at.equals(start) && reported.add(new java.util.TreeSet<>(path).toString())) {
                    Row r = rowOf.get(day + "/" + start);
                    problems.add(new Problem(r.row(), "new_code", Kind.CYCLE, r.newCode(), String.join(" → ", path) + " → " + start));
                }
            }
        });
    }

    /** The rows of the file; problems by row (the header is row 1) and column. */
    static List<Row> read(Path file, List<Problem> problems) {
        TableFile.Read read = TableFile.read(file, REQUIRED);
        if (read.unreadable() != null) {
            problems.add(new Problem(0, null, Kind.UNREADABLE, file.toString(), read.unreadable()));
            return List.of();
        }
        read.missing().forEach(c -> problems.add(new Problem(1, c, Kind.MISSING_COLUMN, c, null)));
        if (!read.missing().isEmpty()) {
            return List.of();
        }
        List<Row> rows = new ArrayList<>();
        for (TableFile.Line l : read.lines()) {
            boolean ok = l.filled(REQUIRED, problems);
            LocalDate day = null;
            if (!l.get("effective_date").isEmpty()) {
                try {
                    day = LocalDate.parse(l.get("effective_date"));
                } catch (DateTimeParseException e) {
                    problems.add(new Problem(l.row(), "effective_date", Kind.BAD_DATE, l.get("effective_date"), null));
                    ok = false;
                }
            }
            if (ok) {
                String clause = l.optional("clause_1668") != null ? l.optional("clause_1668") : l.optional("clause");
                rows.add(new Row(l.row(), l.get("old_code"), VietText.nfc(l.get("old_name")), l.get("new_code"),
                        VietText.nfc(l.get("new_name")), day, clause, l.optional("new_parent_code")));
            }
        }
        return rows;
    }
}
