// SPDX-License-Identifier: Apache-2.0
package vn.ytcs.app.cli;

import java.time.LocalDate;
import java.util.UUID;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import vn.ytcs.app.root.Ytcs;
import vn.ytcs.core.staff.Employment;
import vn.ytcs.core.staff.Profession;
import vn.ytcs.core.staff.Sex;
import vn.ytcs.core.staff.StaffMember;
import vn.ytcs.core.station.Station;
import vn.ytcs.core.unit.Unit;

/** {@code ytcs staff add|set|leave}: the staff of a commune's station. */
final class StaffEdits {

    private static final String KIND = "staff";

    private StaffEdits() {
    }

    /** {@code staff add}: a new staff member of the commune's main station. */
    @Command(name = "add")
    static final class Add extends EditCommand {
        @Option(names = "--unit", required = true, paramLabel = "CODE", descriptionKey = "cli.option.commune")
        String unit;
        @Option(names = "--name", required = true, paramLabel = "NAME", descriptionKey = "cli.option.fullName")
        String name;
        @Option(names = "--profession", required = true, paramLabel = "WORD", descriptionKey = "cli.option.profession")
        Profession profession;
        @Option(names = "--employment", required = true, paramLabel = "WORD", descriptionKey = "cli.option.employment")
        Employment employment;
        @Option(names = "--sex", paramLabel = "WORD", descriptionKey = "cli.option.sex")
        Sex sex;
        @Option(names = "--birth-year", paramLabel = "YYYY", descriptionKey = "cli.option.birthYear")
        Integer birthYear;
        @Option(names = "--from", paramLabel = "YYYY-MM-DD", descriptionKey = "cli.option.from")
        LocalDate from;

        @Override
        int edit(Ytcs ytcs) {
            Unit commune = commune(ytcs, unit);
            Station station = station(ytcs, commune);
            StaffMember m = new StaffMember(UUID.randomUUID(), station.id(), name.strip(), sex, birthYear, profession,
                    employment, from, null);
            ytcs.register().save(m);
            return added(KIND, m.id(), m.fullName(), m);
        }
    }

    /** {@code staff set ID}: changes the fields given, keeps the others. */
    @Command(name = "set")
    static final class Set extends EditCommand {
        @Parameters(index = "0", paramLabel = "ID", descriptionKey = "cli.param.staffId")
        String id;
        @Option(names = "--name", paramLabel = "NAME", descriptionKey = "cli.option.fullName")
        String name;
        @Option(names = "--sex", paramLabel = "WORD", descriptionKey = "cli.option.sex")
        Sex sex;
        @Option(names = "--birth-year", paramLabel = "YYYY", descriptionKey = "cli.option.birthYear")
        Integer birthYear;
        @Option(names = "--profession", paramLabel = "WORD", descriptionKey = "cli.option.profession")
        Profession profession;
        @Option(names = "--employment", paramLabel = "WORD", descriptionKey = "cli.option.employment")
        Employment employment;
        @Option(names = "--from", paramLabel = "YYYY-MM-DD", descriptionKey = "cli.option.from")
        LocalDate from;

        @Override
        int edit(Ytcs ytcs) {
            UUID key = id(id);
            needAny("--name, --sex, --birth-year, --profession, --employment, --from", name, sex, birthYear, profession,
                    employment, from);
            StaffMember m = ytcs.register().record(StaffMember.class, key);
            StaffMember changed = new StaffMember(m.id(), m.stationId(), name == null ? m.fullName() : name.strip(),
                    or(sex, m.sex()), or(birthYear, m.birthYear()), or(profession, m.profession()),
                    or(employment, m.employment()), or(from, m.startDate()), m.endDate());
            return change(ytcs, KIND, m.id(), changed.fullName(), m, changed);
        }
    }

    /** {@code staff leave ID --on DATE}: the day the member left; the record and its history stay. */
    @Command(name = "leave")
    static final class Leave extends EditCommand {
        @Parameters(index = "0", paramLabel = "ID", descriptionKey = "cli.param.staffId")
        String id;
        @Option(names = "--on", required = true, paramLabel = "YYYY-MM-DD", descriptionKey = "cli.option.leftOn")
        LocalDate on;

        @Override
        int edit(Ytcs ytcs) {
            StaffMember left = ytcs.register().leaveStaff(id(id), on);
            return saved(KIND, left.id(), left.fullName(), left);
        }
    }
}
