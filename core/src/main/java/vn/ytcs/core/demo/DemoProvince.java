// SPDX-License-Identifier: Apache-2.0
package vn.ytcs.core.demo;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import vn.ytcs.core.figures.CommuneYear;
import vn.ytcs.core.hamlet.Hamlet;
import vn.ytcs.core.hamlet.HamletKind;
import vn.ytcs.core.hamlet.HamletWorker;
import vn.ytcs.core.hamlet.WorkerRole;
import vn.ytcs.core.staff.Employment;
import vn.ytcs.core.staff.Profession;
import vn.ytcs.core.staff.Sex;
import vn.ytcs.core.staff.StaffMember;
import vn.ytcs.core.station.Station;
import vn.ytcs.core.station.StationKind;
import vn.ytcs.core.unit.SocioRegion;
import vn.ytcs.core.unit.Unit;
import vn.ytcs.core.unit.UnitNames;
import vn.ytcs.core.unit.UnitType;

/**
 * The demo province: Hậu Giang before 1 July 2025, with its real 8 district-level units and 75
 * communes under their official codes, names and types (the national statistics office's list,
 * shipped as haugiang-codes-2025.csv), 2019 census populations (shared/domain/haugiang-units.md),
 * and synthetic stations, staff, hamlets and yearly figures generated from a fixed seed. Every
 * unit is marked as demo data; the codes and names are official, the rest is not.
 */
public final class DemoProvince {

    /** Seed of the synthetic part; changing it changes every demo figure the tests rely on. */
    public static final long SEED = 93_2025L;
    /** The province's national code (confirmed). */
    public static final String PROVINCE_CODE = "93";
    /** Day from which the demo units are valid; the district level ended on 1 July 2025. */
    public static final LocalDate VALID_FROM = LocalDate.of(2020, 1, 1);
    public static final LocalDate VALID_TO = LocalDate.of(2025, 7, 1);
    public static final List<Integer> YEARS = List.of(2023, 2024, 2025);

    /** Hậu Giang lies in the Mekong delta. */
    public static final SocioRegion REGION = SocioRegion.DONG_BANG_SONG_CUU_LONG;

    /** A commune of the source table by its name as written today; population 0 where the census figure is unknown. */
    private record C(String name, int population) {
    }

    /** A district-level unit of the source table by its official code, with its communes' 2019 populations. */
    private record D(String code, List<C> communes) {
    }

    private static C c(String name, int pop) {
        return new C(name, pop);
    }

    /**
     * The 2019 census populations (shared/domain/haugiang-units.md), by district code and commune
     * name; codes, official names and types come from the official list (haugiang-codes-2025.csv).
     * Phú An, long dissolved, is Phú Tân (31379), whose population is not known here.
     */
    private static final List<D> DISTRICTS = List.of(
            new D("930", List.of(c("I", 5628), c("III", 10703), c("IV", 12754), c("V", 7270), c("VII", 7809),
                    c("Hỏa Lựu", 6862), c("Hỏa Tiến", 4263), c("Tân Tiến", 7060), c("Vị Tân", 11027))),
            new D("931", List.of(c("Ngã Bảy", 10538), c("Lái Hiếu", 8783), c("Hiệp Thành", 11842), c("Hiệp Lợi", 7731),
                    c("Đại Thành", 11074), c("Tân Thành", 7879))),
            new D("937", List.of(c("Thuận An", 15660), c("Trà Lồng", 4378), c("Bình Thạnh", 0), c("Vĩnh Tường", 0),
                    c("Long Bình", 16766), c("Long Phú", 9206), c("Long Trị", 16094), c("Long Trị A", 0), c("Tân Phú", 8830))),
            new D("936", List.of(c("Vĩnh Viễn", 0), c("Lương Nghĩa", 9997), c("Lương Tâm", 8890), c("Thuận Hòa", 10461),
                    c("Thuận Hưng", 9113), c("Vĩnh Thuận Đông", 12237), c("Vĩnh Viễn A", 6993), c("Xà Phiên", 15367))),
            new D("933", List.of(c("Ngã Sáu", 7291), c("Mái Dầm", 11594), c("Đông Phú", 9593), c("Đông Phước", 9744),
                    c("Đông Phước A", 9866), c("Đông Thạnh", 8861), c("Phú Tân", 0), c("Phú Hữu", 21262))),
            new D("932", List.of(c("Một Ngàn", 6330), c("Rạch Gòi", 9407), c("Cái Tắc", 10184), c("Bảy Ngàn", 0),
                    c("Nhơn Nghĩa A", 9927), c("Tân Hòa", 13708), c("Tân Phú Thạnh", 13563), c("Thạnh Xuân", 10624),
                    c("Trường Long A", 10752), c("Trường Long Tây", 8142))),
            new D("934", List.of(c("Cây Dương", 7214), c("Kinh Cùng", 8488), c("Búng Tàu", 0), c("Bình Thành", 9242),
                    c("Hiệp Hưng", 16440), c("Hòa An", 16559), c("Hòa Mỹ", 17110), c("Long Thạnh", 14772),
                    c("Phụng Hiệp", 6335), c("Phương Bình", 15335), c("Phương Phú", 9827), c("Tân Bình", 0),
                    c("Tân Long", 0), c("Tân Phước Hưng", 0), c("Thạnh Hòa", 0))),
            new D("935", List.of(c("Nàng Mau", 0), c("Vị Bình", 0), c("Vị Đông", 0), c("Vị Thắng", 0), c("Vị Thanh", 0),
                    c("Vị Thủy", 0), c("Vị Trung", 0), c("Vĩnh Thuận Tây", 0), c("Vĩnh Trung", 0), c("Vĩnh Tường", 0))));

    /** A row of the official list: code, name as the list spells it, type, the code of its parent. */
    record Official(String code, String name, UnitType type, String parent) {

        /** The name without its type word, tone marks as written today: "Xã Hoả Lựu" → "Hỏa Lựu". */
        String shortName() {
            return UnitNames.shortName(name);
        }
    }

    /** The official list of Hậu Giang's units before 1 July 2025, as shipped beside this class. */
    static List<Official> officialList() {
        return table("haugiang-codes-2025.csv").stream()
                .map(r -> new Official(r.get("code").strip(), r.get("name").strip(), type(r.get("type")), r.get("district_code").strip()))
                .toList();
    }

    /** The rows of a table shipped beside this class, by column name. */
    static List<Map<String, String>> table(String resource) {
        try (InputStream in = DemoProvince.class.getResourceAsStream(resource);
             MappingIterator<Map<String, String>> rows = new CsvMapper().readerFor(Map.class)
                     .with(CsvSchema.emptySchema().withHeader()).readValues(in)) {
            return List.copyOf(rows.readAll());
        } catch (IOException e) {
            throw new UncheckedIOException("the shipped table " + resource, e);
        }
    }

    private static UnitType type(String word) {
        UnitType t = UnitNames.type(word, false);
        if (t == null) {
            throw new IllegalStateException("unit type \"" + word + "\" in the official list");
        }
        return t;
    }

    private static final String[] FAMILY = {"Nguyễn", "Trần", "Lê", "Phạm", "Huỳnh", "Võ", "Phan", "Trương",
        "Bùi", "Đặng", "Đỗ", "Ngô", "Hồ", "Dương", "Lý", "Châu", "Lâm", "Thái", "Tô", "Đoàn"};
    private static final String[] MIDDLE_M = {"Văn", "Minh", "Hoàng", "Quốc", "Thanh", "Hữu", "Công", "Đức"};
    private static final String[] MIDDLE_F = {"Thị", "Ngọc", "Thanh", "Kim", "Thị Mỹ", "Thị Thu", "Bích", "Hồng"};
    private static final String[] GIVEN_M = {"An", "Bình", "Cường", "Dũng", "Hải", "Hiếu", "Hùng", "Khang", "Khoa",
        "Lộc", "Long", "Nam", "Nghĩa", "Phúc", "Phước", "Quang", "Sơn", "Tài", "Thắng", "Thành", "Toàn", "Trí",
        "Trung", "Tuấn", "Vinh"};
    private static final String[] GIVEN_F = {"Anh", "Châu", "Diễm", "Dung", "Giang", "Hà", "Hạnh", "Hằng", "Hoa",
        "Hương", "Lan", "Linh", "Loan", "Mai", "My", "Ngân", "Nhung", "Oanh", "Phượng", "Tâm", "Thảo", "Thủy",
        "Trang", "Tuyết", "Vân", "Yến"};
    private static final String[] HAMLET_NAMES = {"Thạnh Lợi", "Mỹ Hòa", "Long Hòa", "Tân Long", "Hòa Lợi", "Phú Lợi",
        "Tân Hiệp", "Bình Hòa", "Thạnh Phú", "Long An", "Nhơn Thuận", "Tân Thạnh", "Xẻo Cao", "Kinh Giữa",
        "Rạch Gốc", "Cái Sơn", "Mương Lộ", "Phú Quới", "Vĩnh Hiệp", "Đông An", "Tây Sơn", "Bình An", "Hòa Đức",
        "Láng Sen"};

    private DemoProvince() {
    }

    /** The demo data set, the same on every machine and every run. */
    public static DemoData generate() {
        Random rnd = new Random(SEED);
        List<Unit> units = new ArrayList<>();
        List<Station> stations = new ArrayList<>();
        List<StaffMember> staff = new ArrayList<>();
        List<Hamlet> hamlets = new ArrayList<>();
        List<HamletWorker> workers = new ArrayList<>();
        List<CommuneYear> figures = new ArrayList<>();

        Unit province = new Unit(id("unit", PROVINCE_CODE), PROVINCE_CODE, true, "Hậu Giang", UnitType.TINH, null,
                VALID_FROM, VALID_TO, null, REGION, true, null);
        units.add(province);
        List<Official> official = officialList();
        for (D district : DISTRICTS) {
            Official od = official.stream().filter(o -> o.code().equals(district.code())).findFirst()
                    .orElseThrow(() -> new IllegalStateException("district " + district.code() + " not in the official list"));
            Unit du = new Unit(id("unit", od.code()), od.code(), true, od.shortName(), od.type(), province.id(),
                    VALID_FROM, VALID_TO, null, REGION, true, null);
            units.add(du);
            List<Official> communes = official.stream().filter(o -> o.parent().equals(od.code())).toList();
            if (communes.size() != district.communes().size()) {
                throw new IllegalStateException("district " + od.code() + ": " + communes.size() + " communes in the official list, "
                        + district.communes().size() + " in the census table");
            }
            for (C commune : district.communes()) {
                Official oc = communes.stream().filter(o -> o.shortName().equals(commune.name())).findFirst()
                        .orElseThrow(() -> new IllegalStateException(commune.name() + " not in the official list of " + od.code()));
                int vung = oc.type() == UnitType.XA ? (rnd.nextInt(6) == 0 ? 3 : 2) : 1;
                Unit cu = new Unit(id("unit", oc.code()), oc.code(), true, oc.shortName(), oc.type(), du.id(),
                        VALID_FROM, VALID_TO, vung, REGION, true, null);
                units.add(cu);
                int population = commune.population() > 0 ? commune.population() : 5000 + rnd.nextInt(9000);
                Station station = new Station(id("station", oc.code()), cu.id(), Station.nameFor(cu), StationKind.STATION, null,
                        null, null, rnd.nextInt(10) < 3);
                stations.add(station);
                staffOf(station, population, rnd, staff);
                hamletsOf(cu, rnd, hamlets, workers);
                figuresOf(cu, population, rnd, figures);
            }
        }
        return new DemoData(units, stations, staff, hamlets, workers, figures, List.of());
    }

    /** 5–12 staff; about 1 station in 7 has no doctor and 1 in 7 only a rotating one. */
    private static void staffOf(Station station, int population, Random rnd, List<StaffMember> out) {
        int size = Math.min(12, Math.max(5, 5 + (population - 6000) / 2500 + rnd.nextInt(3) - 1));
        List<Profession> mix = new ArrayList<>();
        List<Employment> terms = new ArrayList<>();
        int doctorCase = rnd.nextInt(7);
        if (doctorCase == 0) {
            mix.add(Profession.Y_SI_DA_KHOA);
            terms.add(Employment.PERMANENT);
        } else if (doctorCase == 1) {
            mix.add(Profession.BAC_SI);
            terms.add(Employment.ROTATING);
        } else {
            mix.add(rnd.nextInt(5) == 0 ? Profession.BAC_SI_YHDP : Profession.BAC_SI);
            terms.add(Employment.PERMANENT);
        }
        mix.add(rnd.nextInt(8) == 0 ? Profession.Y_SI_SAN_NHI : Profession.HO_SINH);
        mix.add(Profession.DIEU_DUONG);
        mix.add(Profession.Y_SI_DA_KHOA);
        mix.add(Profession.DUOC_SI);
        Profession[] extra = {Profession.Y_SI_YHCT, Profession.DIEU_DUONG, Profession.HO_SINH,
            Profession.KY_THUAT_VIEN, Profession.OTHER, Profession.Y_SI_DA_KHOA};
        while (mix.size() < size) {
            mix.add(extra[rnd.nextInt(extra.length)]);
        }
        while (terms.size() < mix.size()) {
            terms.add(rnd.nextInt(9) == 0 ? Employment.CONTRACT : Employment.PERMANENT);
        }
        Set<String> names = new HashSet<>();
        for (int i = 0; i < mix.size(); i++) {
            Sex sex = mix.get(i) == Profession.HO_SINH || rnd.nextInt(5) < 3 ? Sex.F : Sex.M;
            String name = uniqueName(sex, rnd, names);
            int birthYear = 1966 + rnd.nextInt(36);
            LocalDate start = LocalDate.of(Math.max(birthYear + 22, 1990 + rnd.nextInt(34)), 1 + rnd.nextInt(12), 1);
            if (start.isAfter(LocalDate.of(2025, 6, 1))) {
                start = LocalDate.of(2025, 6, 1);
            }
            out.add(new StaffMember(id("staff", station.id() + "/" + i), station.id(), name, sex, birthYear,
                    mix.get(i), terms.get(i), start, null));
        }
    }

    /** 4–12 hamlets; about 1 in 9 has no health worker, some have one with too little training. */
    private static void hamletsOf(Unit commune, Random rnd, List<Hamlet> hamlets, List<HamletWorker> workers) {
        int count = 4 + rnd.nextInt(9);
        boolean ward = commune.type() == UnitType.PHUONG;
        List<String> pool = new ArrayList<>(List.of(HAMLET_NAMES));
        java.util.Collections.shuffle(pool, rnd);
        boolean numbered = ward || rnd.nextInt(3) == 0;
        Set<String> names = new HashSet<>();
        for (int i = 0; i < count; i++) {
            String name = ward ? "Khu vực " + (i + 1) : numbered ? "Ấp " + (i + 1) : "Ấp " + pool.get(i);
            Hamlet hamlet = new Hamlet(id("hamlet", commune.code() + "/" + i), commune.id(), name,
                    ward ? HamletKind.KHU_VUC : HamletKind.AP, 180 + rnd.nextInt(700), null);
            hamlets.add(hamlet);
            int roll = rnd.nextInt(18);
            if (roll >= 2) {
                Sex sex = rnd.nextInt(3) == 0 ? Sex.M : Sex.F;
                int training = roll == 2 ? 1 + rnd.nextInt(2) : 3 + rnd.nextInt(7);
                workers.add(new HamletWorker(id("worker", hamlet.id().toString()), hamlet.id(),
                        uniqueName(sex, rnd, names), sex, WorkerRole.HEALTH_WORKER, training, roll != 3, null));
            }
            if (!ward && rnd.nextInt(6) == 0) {
                workers.add(new HamletWorker(id("midwife", hamlet.id().toString()), hamlet.id(),
                        uniqueName(Sex.F, rnd, names), Sex.F, WorkerRole.VILLAGE_MIDWIFE, 6 + rnd.nextInt(7), true, null));
            }
        }
    }

    /** Figures grow about 1 % a year from the census base; coverage rises towards the 2030 targets. */
    private static void figuresOf(Unit commune, int base, Random rnd, List<CommuneYear> out) {
        double insured = 0.86 + rnd.nextDouble() * 0.08;
        double records = 0.78 + rnd.nextDouble() * 0.14;
        for (int year : YEARS) {
            int population = (int) Math.round(base * Math.pow(1.009, year - 2019));
            insured = Math.min(0.99, insured + rnd.nextDouble() * 0.02);
            records = Math.min(0.99, records + rnd.nextDouble() * 0.03);
            out.add(new CommuneYear(id("figures", commune.code() + "/" + year), commune.id(), year, population,
                    (int) Math.round(population / 3.7), (int) Math.round(population * insured),
                    (int) Math.round(population * records), (int) Math.round(population * (0.065 + rnd.nextDouble() * 0.015)),
                    (int) Math.round(population * (0.012 + rnd.nextDouble() * 0.004))));
        }
    }

    private static String uniqueName(Sex sex, Random rnd, Set<String> taken) {
        while (true) {
            String name = FAMILY[rnd.nextInt(FAMILY.length)] + " "
                    + (sex == Sex.M ? MIDDLE_M[rnd.nextInt(MIDDLE_M.length)] : MIDDLE_F[rnd.nextInt(MIDDLE_F.length)]) + " "
                    + (sex == Sex.M ? GIVEN_M[rnd.nextInt(GIVEN_M.length)] : GIVEN_F[rnd.nextInt(GIVEN_F.length)]);
            if (taken.add(name)) {
                return name;
            }
        }
    }

    /** Stable ids: the same demo record has the same UUID everywhere. */
    static UUID id(String kind, String key) {
        return UUID.nameUUIDFromBytes(("ytcs-demo:" + kind + ":" + key).getBytes(StandardCharsets.UTF_8));
    }
}
