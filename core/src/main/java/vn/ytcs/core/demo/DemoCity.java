// SPDX-License-Identifier: Apache-2.0
package vn.ytcs.core.demo;

import static vn.ytcs.core.demo.DemoProvince.id;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import vn.ytcs.core.figures.CommuneYear;
import vn.ytcs.core.text.VietText;
import vn.ytcs.core.unit.Merger;
import vn.ytcs.core.unit.Unit;
import vn.ytcs.core.unit.UnitNames;
import vn.ytcs.core.unit.UnitSuccession;
import vn.ytcs.core.unit.UnitType;

/**
 * The demo's second world: the ex-Hậu Giang part of thành phố Cần Thơ from 1 July 2025
 * (Resolution 1668/NQ-UBTVQH15, shipped as haugiang-merger-2025.csv): the city, regional health
 * centres, the 28 new communes each formed from the old ones by {@link Merger}, and their 2025 and
 * 2026 figures. Stations, staff and hamlets stay on the old communes, whose register the new ones
 * carry on; no record is moved.
 *
 * <p>Which communes each regional health centre serves is illustrative: no source here gives it.
 * Each new commune goes to the centre of the old district most of its communes came from, each old
 * district's centre becoming one regional centre, the two Long Mỹ centres one.
 */
public final class DemoCity {

    public static final String CITY_CODE = "92";
    public static final LocalDate DAY = DemoProvince.VALID_TO;
    public static final List<Integer> YEARS = List.of(2025, 2026);

    /** Old district code → the regional health centre serving its former area (illustrative). */
    private static final Map<String, String> CENTRE_OF = Map.of("930", "930", "931", "931", "932", "932", "933", "933",
            "934", "934", "935", "935", "936", "936", "937", "936");
    static final String CENTRE_NOTE = "Minh họa: không có nguồn cho biết trung tâm y tế khu vực nào phục vụ xã nào.";

    /** A row of the shipped mapping. */
    private record Row(String oldCode, String oldDistrict, String newCode, String newName) {
    }

    private DemoCity() {
    }

    /** Both worlds: the register before 2025 with everything of the new units added, the old units' 2025 figures left out. */
    public static DemoData after(DemoData before) {
        Random rnd = new Random(DemoProvince.SEED + 2);
        Map<String, Unit> old = before.units().stream().filter(u -> u.validTo() != null && u.validTo().equals(DAY))
                .collect(Collectors.toMap(Unit::code, Function.identity()));
        List<Unit> units = new ArrayList<>(before.units());
        Unit city = new Unit(id("unit", CITY_CODE + "@" + DAY), CITY_CODE, true, "Cần Thơ", UnitType.THANH_PHO_TW, null,
                DAY, null, null, DemoProvince.REGION, true, null);
        units.add(city);
        Map<String, Unit> centres = new LinkedHashMap<>();
        for (String district : new java.util.TreeSet<>(CENTRE_OF.values())) {
            // Named after the old district it grew from: the two Long Mỹ (936 huyện, 937 thị xã) share the name.
            Unit centre = new Unit(id("unit", "KV" + district + "@" + DAY), "KV" + district, false, old.get(district).name(),
                    UnitType.KHU_VUC_YTE, city.id(), DAY, null, null, DemoProvince.REGION, true, CENTRE_NOTE);
            centres.put(district, centre);
            units.add(centre);
        }
        Map<String, List<Row>> byNew = new LinkedHashMap<>();
        for (Row r : mapping()) {
            byNew.computeIfAbsent(r.newCode(), k -> new ArrayList<>()).add(r);
        }
        List<UnitSuccession> successions = new ArrayList<>();
        List<CommuneYear> figures = new ArrayList<>(before.figures().stream().filter(f -> f.year() < DAY.getYear()).toList());
        Map<UUID, CommuneYear> lastOld = before.figures().stream().filter(f -> f.year() == DAY.getYear() - 1)
                .collect(Collectors.toMap(CommuneYear::unitId, Function.identity()));
        for (List<Row> group : byNew.values()) {
            Row first = group.get(0);
            List<Unit> merged = group.stream().map(r -> old.get(r.oldCode())).toList();
            Merger.Result m = Merger.merge(id("unit", first.newCode() + "@" + DAY), first.newCode(),
                    UnitNames.shortName(first.newName()), UnitNames.communeTypeOf(first.newName()),
                    centres.get(CENTRE_OF.get(district(group, first))).id(), DAY, merged,
                    o -> id("succession", o.code() + ">" + first.newCode() + "@" + DAY));
            units.add(m.made());
            successions.addAll(m.successions());
            figuresOf(m.made(), merged.stream().map(u -> lastOld.get(u.id())).toList(), rnd, figures);
        }
        return new DemoData(List.copyOf(units), before.stations(), before.staff(), before.hamlets(), before.workers(),
                List.copyOf(figures), List.copyOf(successions));
    }

    /** The old district most of the group's communes came from; a tie goes to that of the commune whose code is kept. */
    private static String district(List<Row> group, Row first) {
        Map<String, Long> count = group.stream().collect(Collectors.groupingBy(Row::oldDistrict, Collectors.counting()));
        String kept = group.stream().filter(r -> r.oldCode().equals(first.newCode())).map(Row::oldDistrict).findFirst()
                .orElse(first.oldDistrict());
        return count.entrySet().stream()
                .max(Comparator.<Map.Entry<String, Long>>comparingLong(Map.Entry::getValue)
                        .thenComparing(e -> e.getKey().equals(kept)))
                .orElseThrow().getKey();
    }

    /** The merged communes' 2024 figures summed, growing about 1 % a year, coverage rising a little. */
    private static void figuresOf(Unit commune, List<CommuneYear> parts, Random rnd, List<CommuneYear> out) {
        double population = parts.stream().mapToDouble(f -> f.population()).sum();
        double insured = parts.stream().mapToDouble(f -> f.insured()).sum() / population;
        double records = parts.stream().mapToDouble(f -> f.healthRecords()).sum() / population;
        double children = parts.stream().mapToDouble(f -> f.childrenUnder5()).sum() / population;
        double births = parts.stream().mapToDouble(f -> f.births()).sum() / population;
        for (int year : YEARS) {
            int p = (int) Math.round(population * Math.pow(1.009, year - (DAY.getYear() - 1)));
            insured = Math.min(0.99, insured + rnd.nextDouble() * 0.015);
            records = Math.min(0.99, records + rnd.nextDouble() * 0.02);
            out.add(new CommuneYear(id("figures", commune.code() + "@" + DAY + "/" + year), commune.id(), year, p,
                    (int) Math.round(p / 3.7), (int) Math.round(p * insured), (int) Math.round(p * records),
                    (int) Math.round(p * children), (int) Math.round(p * births)));
        }
    }

    /** The shipped mapping, as the national resolution gives it. */
    private static List<Row> mapping() {
        return DemoProvince.table("haugiang-merger-2025.csv").stream().map(r -> {
            if (!LocalDate.parse(r.get("effective_date").strip()).equals(DAY)) {
                throw new IllegalStateException("the shipped mapping has a row of another day: " + r);
            }
            return new Row(r.get("old_code").strip(), r.get("old_district_code").strip(), r.get("new_code").strip(),
                    VietText.nfc(r.get("new_name").strip()));
        }).toList();
    }
}
