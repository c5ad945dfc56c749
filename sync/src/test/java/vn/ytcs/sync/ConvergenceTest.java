// SPDX-License-Identifier: Apache-2.0
package vn.ytcs.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.UUID;
import java.util.stream.LongStream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import vn.ytcs.core.service.RegisterService;
import vn.ytcs.core.site.SiteRole;
import vn.ytcs.core.staff.Employment;
import vn.ytcs.core.staff.Profession;
import vn.ytcs.core.staff.Sex;
import vn.ytcs.core.staff.StaffMember;
import vn.ytcs.core.station.Station;
import vn.ytcs.core.station.StationKind;
import vn.ytcs.core.store.RecordState;
import vn.ytcs.core.store.SyncStore;
import vn.ytcs.core.unit.Unit;
import vn.ytcs.core.unit.UnitType;
import vn.ytcs.sync.pack.PackageImporter;
import vn.ytcs.sync.pack.PackageWriter;

/**
 * Three sites (a province and two districts) edit at random and exchange packages in random
 * orders; in the end all hold the same register, and every edit is applied, kept in a conflict,
 * or was overwritten by an edit made after it had arrived.
 */
class ConvergenceTest {

    @TempDir
    Path dir;

    /** One edit: which field of which record got which value, at which version. */
    record Edit(String site, String kind, UUID id, String field, Object value, String version) {
    }

    /**
     * A few seeds in every build; the long run sets {@code -Dytcs.convergence.seeds=N} (README,
     * "Long runs") and prints the tally of edits and conflicts of every seed.
     */
    static LongStream seeds() {
        Long one = Long.getLong("ytcs.convergence.seed");
        if (one != null) {
            return LongStream.of(one);
        }
        long n = Long.getLong("ytcs.convergence.seeds", 6);
        return LongStream.rangeClosed(1, n);
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void sitesConvergeAndNoEditIsLostSilently(long seed) throws Exception {
        Random rnd = new Random(seed);
        Path stick = Files.createDirectories(dir.resolve("stick"));
        Path root = dir.resolve("seed-" + seed);
        // Each computer's clock drifts and is sometimes put back, within the day the sync tolerates.
        DriftingClock pc = new DriftingClock(), ac = new DriftingClock(), bc = new DriftingClock();
        List<DriftingClock> clocks = List.of(pc, ac, bc);
        try (Sites p = new Sites(root.resolve("p"), "Sở Y tế", SiteRole.PROVINCE, pc);
             Sites a = new Sites(root.resolve("a"), "TTYT A", SiteRole.DISTRICT, ac);
             Sites b = new Sites(root.resolve("b"), "TTYT B", SiteRole.DISTRICT, bc)) {
            List<Sites> all = List.of(p, a, b);
            seed(a, "A", rnd);
            seed(b, "B", rnd);
            // First contact: each district sends its register, the province trusts it and answers.
            for (Sites d : List.of(a, b)) {
                PackageWriter.Exported first = PackageWriter.export(d.store, d.keys, null, true, stick, false);
                p.importer.trustSender(first.file());
                PackageImporter.Result r = p.importer.importFile(first.file(), false);
                d.importer.trustSender(r.receipt());
                d.importer.importFile(r.receipt(), false);
            }
            for (Sites d : List.of(a, b)) {
                exchange(p, d, stick, false);
            }

            List<Edit> edits = new ArrayList<>();
            for (int round = 0; round < 30; round++) {
                int at = rnd.nextInt(3);
                Sites s = all.get(at);
                clocks.get(at).shift(Duration.ofMinutes(rnd.nextInt(241) - 120));
                Edit e = edit(s, rnd);
                if (e != null) {
                    edits.add(e);
                }
                if (rnd.nextInt(3) == 0) {
                    Sites d = rnd.nextBoolean() ? a : b;
                    if (rnd.nextBoolean()) {
                        exchange(d, p, stick, rnd.nextBoolean());
                    } else {
                        exchange(p, d, stick, rnd.nextBoolean());
                    }
                }
            }
            // Quiet rounds until nothing moves.
            for (int i = 0; i < 3; i++) {
                exchange(a, p, stick, true);
                exchange(b, p, stick, true);
                exchange(p, a, stick, true);
                exchange(p, b, stick, true);
            }
            List<String> expected = p.dump();
            assertEquals(expected, a.dump(), "district A converged with the province");
            assertEquals(expected, b.dump(), "district B converged with the province");

            for (Edit e : edits) {
                assertTrue(accounted(e, edits, all), () -> "edit lost silently: " + e + "\nedits of the field: "
                        + edits.stream().filter(x -> x.id().equals(e.id()) && x.field().equals(e.field())).toList()
                        + "\nfinal: " + p.store.sync().find(e.kind(), e.id()).orElseThrow()
                        + "\nconflicts: " + all.stream().flatMap(s -> s.store.sync().conflicts(true).stream()
                                .filter(c -> c.recordId().equals(e.id()))).toList());
            }
            int conflicts = all.stream().mapToInt(s -> s.store.sync().conflicts(false).size()).sum();
            System.out.println("seed " + seed + ": " + edits.size() + " edits " + new java.util.TreeMap<>(edits.stream()
                    .collect(java.util.stream.Collectors.groupingBy(Edit::field, java.util.stream.Collectors.counting())))
                    + ", " + conflicts + " conflicts kept, clock offsets "
                    + clocks.stream().map(c -> c.offset().toMinutes() + " min").toList());
        }
    }

    /** Exports everything the receiver has not acknowledged and imports it, with or without the receipt back. */
    private static void exchange(Sites from, Sites to, Path stick, boolean receipt) {
        PackageWriter.Exported pkg = PackageWriter.export(from.store, from.keys, to.keys.site().id(), false, stick, false);
        PackageImporter.Result r = to.importer.importFile(pkg.file(), false);
        if (receipt && r.receipt() != null) {
            from.importer.importFile(r.receipt(), false);
        }
    }

    private static void seed(Sites site, String prefix, Random rnd) {
        site.store.write("seed", w -> {
            Unit district = new Unit(UUID.randomUUID(), prefix, false, "Huyện " + prefix, UnitType.HUYEN, null,
                    LocalDate.of(2020, 1, 1), null, null, null, false, null);
            w.save(district);
            for (int c = 0; c < 2; c++) {
                Unit commune = new Unit(UUID.randomUUID(), prefix + c, false, "Xã " + prefix + c, UnitType.XA, district.id(),
                        LocalDate.of(2020, 1, 1), null, 2, null, false, null);
                w.save(commune);
                Station station = new Station(UUID.randomUUID(), commune.id(), "Trạm Y tế xã " + prefix + c,
                        StationKind.STATION, null, null, null, false);
                w.save(station);
                for (int i = 0; i < 3; i++) {
                    w.save(new StaffMember(UUID.randomUUID(), station.id(), "Nhân viên " + prefix + c + i, Sex.F,
                            1980 + rnd.nextInt(20), Profession.DIEU_DUONG, Employment.PERMANENT, null, null));
                }
            }
            return null;
        });
    }

    /**
     * A random edit of a random station or staff member this site holds, made through the edit
     * service the window and the command line use: a changed field, a new member, a member who
     * left, or an undo of the site's last edit (which may tombstone a member it added). Null when
     * the undo found its record changed since (by an import): nothing was written.
     */
    private static Edit edit(Sites site, Random rnd) {
        SyncStore sync = site.store.sync();
        List<RecordState> records = new ArrayList<>();
        sync.changesSince(0, s -> {
            if (!s.deleted() && (s.kind().equals("station") || s.kind().equals("staff"))) {
                records.add(s);
            }
        });
        RecordState r = records.get(rnd.nextInt(records.size()));
        String value = "v" + rnd.nextInt(1000);
        RegisterService register = site.register;
        int what = rnd.nextInt(10);
        String kind = r.kind();
        UUID id = r.id();
        String field;
        Object newValue;
        if (what == 0) {
            Optional<RegisterService.Undoable> last = register.lastChange();
            if (last.isEmpty()) {
                return null;
            }
            try {
                register.undo();
            } catch (RegisterService.ChangedSince e) {
                return null;
            }
            RegisterService.Undoable u = last.get();
            kind = u.kind().name();
            id = u.id();
            if (u.before() == null) {
                field = "deleted";
                newValue = true;
            } else {
                field = u.after().keySet().stream()
                        .filter(f -> !String.valueOf(u.after().get(f)).equals(String.valueOf(u.before().get(f))))
                        .findFirst().orElse(null);
                if (field == null) {
                    return null;
                }
                newValue = u.before().get(field);
            }
        } else if (r.kind().equals("station")) {
            Station s = stationOf(r);
            field = rnd.nextBoolean() ? "phone" : "address";
            newValue = value;
            register.save(field.equals("phone") ? new Station(s.id(), s.unitId(), s.name(), s.kind(), s.parentStationId(),
                    s.address(), value, s.familyDoctorModel())
                    : new Station(s.id(), s.unitId(), s.name(), s.kind(), s.parentStationId(), value, s.phone(),
                    s.familyDoctorModel()));
        } else if (what == 1) {
            StaffMember m = staffOf(r);
            StaffMember added = new StaffMember(UUID.randomUUID(), m.stationId(), "Người mới " + value, Sex.M, 1990,
                    Profession.BAC_SI, Employment.PERMANENT, LocalDate.of(2024, 1, 1), null);
            register.save(added);
            id = added.id();
            field = "full_name";
            newValue = added.fullName();
        } else if (what == 2) {
            field = "end_date";
            newValue = LocalDate.of(2025, 1 + rnd.nextInt(12), 1);
            register.leaveStaff(r.id(), (LocalDate) newValue);
        } else {
            StaffMember m = staffOf(r);
            boolean name = rnd.nextBoolean();
            field = name ? "full_name" : "birth_year";
            newValue = name ? "Người " + value : 1960 + rnd.nextInt(40);
            register.save(name ? new StaffMember(m.id(), m.stationId(), (String) newValue, m.sex(), m.birthYear(), m.profession(),
                    m.employment(), m.startDate(), m.endDate())
                    : new StaffMember(m.id(), m.stationId(), m.fullName(), m.sex(), (Integer) newValue, m.profession(),
                    m.employment(), m.startDate(), m.endDate()));
        }
        String version = sync.find(kind, id).orElseThrow().fieldVersions().get(field);
        return new Edit(site.keys.site().name(), kind, id, field, newValue, version);
    }

    private static Station stationOf(RecordState r) {
        Map<String, Object> f = r.fields();
        return new Station(r.id(), (UUID) f.get("unit_id"), (String) f.get("name"), StationKind.valueOf((String) f.get("station_kind")),
                (UUID) f.get("parent_station_id"), (String) f.get("address"), (String) f.get("phone"),
                (Boolean) f.get("family_doctor_model"));
    }

    private static StaffMember staffOf(RecordState r) {
        Map<String, Object> f = r.fields();
        return new StaffMember(r.id(), (UUID) f.get("station_id"), (String) f.get("full_name"), Sex.valueOf((String) f.get("sex")),
                (Integer) f.get("birth_year"), Profession.valueOf((String) f.get("profession")),
                Employment.valueOf((String) f.get("employment")), (LocalDate) f.get("start_date"), (LocalDate) f.get("end_date"));
    }

    private static boolean sameValue(Object a, Object b) {
        return String.valueOf(a).equals(String.valueOf(b));
    }

    /** Applied (the final value), kept in a conflict somewhere, or overwritten by an edit made after it arrived. */
    private static boolean accounted(Edit e, List<Edit> edits, List<Sites> all) {
        RecordState finalState = all.get(0).store.sync().find(e.kind(), e.id()).orElseThrow();
        Object finalValue = e.field().equals("deleted") ? finalState.deleted() : finalState.fields().get(e.field());
        if (String.valueOf(e.value()).equals(String.valueOf(finalValue))) {
            return true;
        }
        for (Sites s : all) {
            for (SyncStore.Conflict c : s.store.sync().conflicts(false)) {
                if (c.recordId().equals(e.id()) && c.field().equals(e.field())
                        && (e.version().equals(c.otherVersion()) || e.version().equals(c.keptVersion()))) {
                    return true;
                }
                // The same value, stamped again since by a site that kept it (the province relays what
                // it keeps): what the edit wanted waits in the conflict for the owner's word.
                if (c.recordId().equals(e.id()) && c.field().equals(e.field())
                        && (sameValue(e.value(), c.otherValue()) && c.otherVersion().compareTo(e.version()) > 0
                        || sameValue(e.value(), c.keptValue()) && c.keptVersion().compareTo(e.version()) > 0)) {
                    return true;
                }
            }
        }
        // Overwritten knowingly: the site that made a later edit of the field had this edit's version.
        for (Sites s : all) {
            if (s.store.sync().seen(e.id(), e.field(), e.version())) {
                for (Edit later : edits) {
                    if (later != e && later.id().equals(e.id()) && later.field().equals(e.field())
                            && later.version().compareTo(e.version()) > 0) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    /** A computer clock that runs with the real one, offset by as much as it has drifted or been put back. */
    static final class DriftingClock extends java.time.Clock {
        private volatile Duration offset = Duration.ZERO;

        void shift(Duration by) {
            offset = offset.plus(by);
        }

        Duration offset() {
            return offset;
        }

        @Override
        public java.time.ZoneId getZone() {
            return java.time.ZoneOffset.UTC;
        }

        @Override
        public java.time.Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public java.time.Instant instant() {
            return java.time.Instant.now().plus(offset);
        }
    }
}
