// SPDX-License-Identifier: Apache-2.0
package vn.ytcs.core.demo;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
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
import vn.ytcs.core.unit.UnitType;

/**
 * The demo province: Hậu Giang before 1 July 2025, with its real 8 district-level units and 75
 * communes (names, types and 2019 census populations from shared/domain/haugiang-units.md), and
 * synthetic stations, staff, hamlets and yearly figures generated from a fixed seed. Every unit
 * is marked as demo data and carries a provisional code ("HG…"), never an official one.
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
    private static final String UNCERTAIN = "Tên hoặc loại chưa được xác nhận (dữ liệu mẫu)";

    /** A commune row of the source table; population 0 where the census figure is unknown. */
    private record C(UnitType type, String name, int population, boolean uncertain) {
    }

    private record D(UnitType type, String name, List<C> communes) {
    }

    private static C xa(String name, int pop) {
        return new C(UnitType.XA, name, pop, false);
    }

    private static C phuong(String name, int pop) {
        return new C(UnitType.PHUONG, name, pop, false);
    }

    private static C thiTran(String name, int pop) {
        return new C(UnitType.THI_TRAN, name, pop, false);
    }

    private static C uncertain(C c) {
        return new C(c.type(), c.name(), c.population(), true);
    }

    private static final List<D> DISTRICTS = List.of(
            new D(UnitType.THANH_PHO, "Vị Thanh", List.of(
                    phuong("I", 5628), phuong("III", 10703), phuong("IV", 12754), phuong("V", 7270),
                    phuong("VII", 7809), xa("Hỏa Lựu", 6862), xa("Hỏa Tiến", 4263), xa("Tân Tiến", 7060),
                    xa("Vị Tân", 11027))),
            new D(UnitType.THANH_PHO, "Ngã Bảy", List.of(
                    phuong("Ngã Bảy", 10538), phuong("Lái Hiếu", 8783), phuong("Hiệp Thành", 11842),
                    uncertain(phuong("Hiệp Lợi", 7731)), xa("Đại Thành", 11074), xa("Tân Thành", 7879))),
            new D(UnitType.THI_XA, "Long Mỹ", List.of(
                    phuong("Thuận An", 15660), phuong("Trà Lồng", 4378), phuong("Bình Thạnh", 0),
                    uncertain(phuong("Vĩnh Tường", 0)), xa("Long Bình", 16766), xa("Long Phú", 9206),
                    xa("Long Trị", 16094), xa("Long Trị A", 0), xa("Tân Phú", 8830))),
            new D(UnitType.HUYEN, "Long Mỹ", List.of(
                    thiTran("Vĩnh Viễn", 0), xa("Lương Nghĩa", 9997), xa("Lương Tâm", 8890),
                    xa("Thuận Hòa", 10461), xa("Thuận Hưng", 9113), xa("Vĩnh Thuận Đông", 12237),
                    xa("Vĩnh Viễn A", 6993), xa("Xà Phiên", 15367))),
            new D(UnitType.HUYEN, "Châu Thành", List.of(
                    thiTran("Ngã Sáu", 7291), thiTran("Mái Dầm", 11594), xa("Đông Phú", 9593),
                    xa("Đông Phước", 9744), xa("Đông Phước A", 9866), xa("Đông Thạnh", 8861),
                    xa("Phú An", 3599), xa("Phú Hữu", 21262))),
            new D(UnitType.HUYEN, "Châu Thành A", List.of(
                    thiTran("Một Ngàn", 6330), thiTran("Rạch Gòi", 9407), thiTran("Cái Tắc", 10184),
                    uncertain(thiTran("Bảy Ngàn", 0)), xa("Nhơn Nghĩa A", 9927), xa("Tân Hòa", 13708),
                    xa("Tân Phú Thạnh", 13563), xa("Thạnh Xuân", 10624), xa("Trường Long A", 10752),
                    xa("Trường Long Tây", 8142))),
            new D(UnitType.HUYEN, "Phụng Hiệp", List.of(
                    thiTran("Cây Dương", 7214), thiTran("Kinh Cùng", 8488), thiTran("Búng Tàu", 0),
                    xa("Bình Thành", 9242), xa("Hiệp Hưng", 16440), xa("Hòa An", 16559), xa("Hòa Mỹ", 17110),
                    xa("Long Thạnh", 14772), xa("Phụng Hiệp", 6335), xa("Phương Bình", 15335),
                    xa("Phương Phú", 9827), xa("Tân Bình", 0), uncertain(xa("Tân Long", 0)),
                    xa("Tân Phước Hưng", 0), uncertain(xa("Thạnh Hòa", 0)))),
            new D(UnitType.HUYEN, "Vị Thủy", List.of(
                    thiTran("Nàng Mau", 0), xa("Vị Bình", 0), xa("Vị Đông", 0), xa("Vị Thắng", 0),
                    xa("Vị Thanh", 0), xa("Vị Thủy", 0), xa("Vị Trung", 0), xa("Vĩnh Thuận Tây", 0),
                    xa("Vĩnh Trung", 0), xa("Vĩnh Tường", 0))));

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
        int d = 0;
        for (D district : DISTRICTS) {
            d++;
            String dCode = String.format("HG%02d", d);
            Unit du = new Unit(id("unit", dCode), dCode, false, district.name(), district.type(), province.id(),
                    VALID_FROM, VALID_TO, null, REGION, true, null);
            units.add(du);
            int c = 0;
            for (C commune : district.communes()) {
                c++;
                String cCode = dCode + String.format("%02d", c);
                int vung = commune.type() == UnitType.XA ? (rnd.nextInt(6) == 0 ? 3 : 2) : 1;
                Unit cu = new Unit(id("unit", cCode), cCode, false, commune.name(), commune.type(), du.id(),
                        VALID_FROM, VALID_TO, vung, REGION, true, commune.uncertain() ? UNCERTAIN : null);
                units.add(cu);
                int population = commune.population() > 0 ? commune.population() : 5000 + rnd.nextInt(9000);
                Station station = new Station(id("station", cCode), cu.id(), "Trạm Y tế " + typeWord(cu.type()) + " "
                        + cu.name(), StationKind.STATION, null, null, null, rnd.nextInt(10) < 3);
                stations.add(station);
                staffOf(station, population, rnd, staff);
                hamletsOf(cu, rnd, hamlets, workers);
                figuresOf(cu, population, rnd, figures);
            }
        }
        return new DemoData(units, stations, staff, hamlets, workers, figures);
    }

    private static String typeWord(UnitType type) {
        return switch (type) {
            case XA -> "xã";
            case PHUONG -> "phường";
            case THI_TRAN -> "thị trấn";
            default -> "";
        };
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
    private static UUID id(String kind, String key) {
        return UUID.nameUUIDFromBytes(("ytcs-demo:" + kind + ":" + key).getBytes(StandardCharsets.UTF_8));
    }
}
