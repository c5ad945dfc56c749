// SPDX-License-Identifier: Apache-2.0
package vn.ytcs.core.service;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import vn.ytcs.core.service.TableFile.Kind;
import vn.ytcs.core.service.TableFile.Problem;
import vn.ytcs.core.store.Store;
import vn.ytcs.core.unit.Unit;
import vn.ytcs.core.unit.UnitNames;
import vn.ytcs.core.unit.UnitType;

/**
 * Loads an official unit list (issue 11): CSV with the columns {@code code, name, type,
 * parent_code, valid_from} (and optionally {@code valid_to}), parents before or after their
 * children, the parent named by its code on the unit's first day (in the file or the register).
 * Verified whole, then written in one transaction; a unit already held (same code, same first
 * day) is left as it is, so that the same list imported twice changes nothing.
 */
public final class UnitImport {

    public static final List<String> REQUIRED = List.of("code", "name", "type", "valid_from");

    /** A unit of the list, and whether the register held it already. */
    public record Entry(int row, Unit unit, boolean held) {
    }

    /** What the list would add. */
    public record Plan(Path file, List<Entry> entries) {
        public long added() {
            return entries.stream().filter(e -> !e.held()).count();
        }
    }

    private final Store store;
    private final String actor;

    public UnitImport(Store store, String actor) {
        this.store = store;
        this.actor = actor;
    }

    /** Reads and verifies the list; {@link TableFile.Refused} with every problem, nothing changed. */
    public Plan plan(Path file) {
        List<Problem> problems = new ArrayList<>();
        TableFile.Read read = TableFile.read(file, REQUIRED);
        if (read.unreadable() != null) {
            throw new TableFile.Refused(file, List.of(new Problem(0, null, Kind.UNREADABLE, file.toString(), read.unreadable())));
        }
        if (!read.missing().isEmpty()) {
            throw new TableFile.Refused(file, read.missing().stream().map(c -> new Problem(1, c, Kind.MISSING_COLUMN, c, null)).toList());
        }
        record Typed(TableFile.Line line, String code, String name, UnitType type, LocalDate from, LocalDate to) {
        }
        List<Typed> typed = new ArrayList<>();
        Map<String, Typed> byCode = new HashMap<>();
        for (TableFile.Line l : read.lines()) {
            boolean ok = l.filled(REQUIRED, problems);
            LocalDate from = date(l, "valid_from", problems);
            LocalDate to = date(l, "valid_to", problems);
            UnitType type = l.get("type").isEmpty() ? null : UnitNames.type(l.get("type"), l.optional("parent_code") == null);
            if (!l.get("type").isEmpty() && type == null) {
                problems.add(new Problem(l.row(), "type", Kind.UNKNOWN_TYPE, l.get("type"), null));
                ok = false;
            }
            if (!ok || from == null || (l.optional("valid_to") != null && to == null)) {
                continue;
            }
            Typed t = new Typed(l, l.get("code"), UnitNames.shortName(l.get("name")), type, from, to);
            Typed twice = byCode.putIfAbsent(t.code() + "/" + from, t);
            if (twice != null) {
                problems.add(new Problem(l.row(), "code", Kind.DUPLICATE, t.code(), Integer.toString(twice.line().row())));
                continue;
            }
            typed.add(t);
        }
        // Ids first, so that a child may come before its parent in the file.
        Map<String, Unit> made = new HashMap<>();
        List<Entry> entries = new ArrayList<>();
        for (Typed t : typed) {
            Optional<Unit> held = store.units().byCodeAnyDay(t.code()).stream().filter(u -> u.validFrom().equals(t.from())).findFirst();
            if (held.isPresent() && !UnitNames.same(held.get().name(), t.name())) {
                problems.add(new Problem(t.line().row(), "name", Kind.INCONSISTENT, t.name(), held.get().name()));
            }
            if (held.isEmpty()) {
                store.units().byCodeAnyDay(t.code()).stream()
                        .filter(u -> (u.validTo() == null || u.validTo().isAfter(t.from()))
                                && (t.to() == null || u.validFrom().isBefore(t.to())))
                        .findFirst().ifPresent(o -> problems.add(new Problem(t.line().row(), "code", Kind.OVERLAP, t.code(), o.name())));
            }
            made.put(t.code() + "/" + t.from(), held.orElse(null));
        }
        for (Typed t : typed) {
            Unit held = made.get(t.code() + "/" + t.from());
            UUID parentId = null;
            String parentCode = t.line().optional("parent_code");
            if (parentCode != null) {
                // The parent held in the register on the unit's first day, else the one the file makes.
                Unit parent = store.units().byCode(parentCode, t.from()).orElse(null);
                Typed parentRow = typed.stream().filter(x -> x.code().equals(parentCode) && !x.from().isAfter(t.from())
                        && (x.to() == null || x.to().isAfter(t.from()))).findFirst().orElse(null);
                UnitType parentType = parent != null ? parent.type() : parentRow != null ? parentRow.type() : null;
                if (parentType == null) {
                    problems.add(new Problem(t.line().row(), "parent_code", Kind.UNKNOWN_PARENT, parentCode, null));
                    continue;
                }
                if (parentType.level().ordinal() >= t.type().level().ordinal()) {
                    problems.add(new Problem(t.line().row(), "parent_code", Kind.WRONG_LEVEL, parentCode,
                            parent != null ? parent.name() : parentRow.name()));
                    continue;
                }
                parentId = parent != null ? parent.id() : id(parentRow.code(), parentRow.from());
            }
            Unit unit = held != null ? held : new Unit(id(t.code(), t.from()), t.code(), true, t.name(), t.type(), parentId,
                    t.from(), t.to(), null, null, false, null);
            entries.add(new Entry(t.line().row(), unit, held != null));
        }
        if (!problems.isEmpty()) {
            problems.sort(java.util.Comparator.comparingInt(Problem::row));
            throw new TableFile.Refused(file, problems);
        }
        return new Plan(file, List.copyOf(entries));
    }

    /** Writes the units the register does not hold yet, each commune with its station, in one transaction. */
    public Plan apply(Plan plan) {
        if (plan.added() == 0) {
            return plan;
        }
        store.write(actor, w -> {
            // Parents first: a unit's parent must be there when it is written.
            List<Entry> todo = new ArrayList<>(plan.entries().stream().filter(e -> !e.held()).toList());
            todo.sort(java.util.Comparator.comparingInt(e -> e.unit().level().ordinal()));
            todo.forEach(e -> w.save(e.unit()));
            // Every commune has its station (trạm y tế): staff are added to it, the office renames it as it likes.
            todo.stream().map(Entry::unit).filter(u -> u.level() == vn.ytcs.core.unit.UnitLevel.COMMUNE)
                    .forEach(u -> w.save(new vn.ytcs.core.station.Station(id("station:" + u.code(), u.validFrom()), u.id(),
                            vn.ytcs.core.station.Station.nameFor(u), vn.ytcs.core.station.StationKind.STATION, null, null, null,
                            false)));
            return null;
        });
        return plan;
    }


    /** The same unit of the same list gets the same id on every machine: imported at two sites, it is one unit. */
    private static UUID id(String code, LocalDate from) {
        return UUID.nameUUIDFromBytes(("ytcs-unit:" + code + ":" + from).getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    private static LocalDate date(TableFile.Line l, String column, List<Problem> problems) {
        String v = l.get(column);
        if (v.isEmpty()) {
            return null;
        }
        try {
            return LocalDate.parse(v);
        } catch (DateTimeParseException e) {
            problems.add(new Problem(l.row(), column, Kind.BAD_DATE, v, null));
            return null;
        }
    }
}
