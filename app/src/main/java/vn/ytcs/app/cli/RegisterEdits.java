// SPDX-License-Identifier: Apache-2.0
package vn.ytcs.app.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;
import vn.ytcs.app.i18n.FieldLabels;
import vn.ytcs.app.i18n.Formats;
import vn.ytcs.app.i18n.Labels;
import vn.ytcs.app.i18n.Messages;
import vn.ytcs.app.root.Ytcs;
import vn.ytcs.core.figures.CommuneYear;
import vn.ytcs.core.station.Station;
import vn.ytcs.core.store.Store;
import vn.ytcs.core.text.VietText;
import vn.ytcs.core.unit.SocioRegion;
import vn.ytcs.core.unit.Unit;

/** {@code figures set}, {@code station set}, {@code unit set}, {@code history ID} and {@code settings user}. */
final class RegisterEdits {

    private RegisterEdits() {
    }

    /** A command that needs a subcommand. */
    abstract static class Group implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(),
                    ((YtcsCommand) spec.root().userObject()).messages.get("cli.error.subcommand", String.join(", ",
                            spec.subcommands().keySet())));
        }
    }

    @Command(name = "figures", subcommands = SetFigures.class)
    static final class Figures extends Group {
    }

    /** {@code figures set}: creates or changes the commune's figures of the year; fields not given stay. */
    @Command(name = "set")
    static final class SetFigures extends EditCommand {
        @Option(names = "--unit", required = true, paramLabel = "CODE", descriptionKey = "cli.option.commune")
        String unit;
        @Option(names = "--year", required = true, paramLabel = "YYYY", descriptionKey = "cli.option.year")
        int year;
        @Option(names = "--population", paramLabel = "N", descriptionKey = "cli.option.population")
        Integer population;
        @Option(names = "--households", paramLabel = "N", descriptionKey = "cli.option.households")
        Integer households;
        @Option(names = "--insured", paramLabel = "N", descriptionKey = "cli.option.insured")
        Integer insured;
        @Option(names = "--managed-records", paramLabel = "N", descriptionKey = "cli.option.managedRecords")
        Integer managedRecords;
        @Option(names = "--children-under5", paramLabel = "N", descriptionKey = "cli.option.childrenUnder5")
        Integer childrenUnder5;
        @Option(names = "--births", paramLabel = "N", descriptionKey = "cli.option.births")
        Integer births;

        @Override
        int edit(Ytcs ytcs) {
            Unit commune = commune(ytcs, unit);
            needAny("--population, --households, --insured, --managed-records, --children-under5, --births", population,
                    households, insured, managedRecords, childrenUnder5, births);
            var existing = ytcs.register().communeRegister(commune).figures(year);
            String what = new Labels(messages()).unit(commune) + " " + year;
            if (existing.isEmpty()) {
                CommuneYear f = new CommuneYear(UUID.randomUUID(), commune.id(), year, population, households, insured,
                        managedRecords, childrenUnder5, births);
                ytcs.register().save(f);
                return added("commune_year", f.id(), what, f);
            }
            CommuneYear f = existing.get();
            CommuneYear changed = new CommuneYear(f.id(), f.unitId(), f.year(), or(population, f.population()),
                    or(households, f.households()), or(insured, f.insured()), or(managedRecords, f.healthRecords()),
                    or(childrenUnder5, f.childrenUnder5()), or(births, f.births()));
            return change(ytcs, "commune_year", f.id(), what, f, changed);
        }
    }

    @Command(name = "station", subcommands = SetStation.class)
    static final class StationGroup extends Group {
    }

    /** {@code station set}: the name, address and phone of the commune's main station. */
    @Command(name = "set")
    static final class SetStation extends EditCommand {
        @Option(names = "--unit", required = true, paramLabel = "CODE", descriptionKey = "cli.option.commune")
        String unit;
        @Option(names = "--name", paramLabel = "NAME", descriptionKey = "cli.option.stationName")
        String name;
        @Option(names = "--address", paramLabel = "TEXT", descriptionKey = "cli.option.address")
        String address;
        @Option(names = "--phone", paramLabel = "TEXT", descriptionKey = "cli.option.phone")
        String phone;

        @Override
        int edit(Ytcs ytcs) {
            Unit commune = commune(ytcs, unit);
            needAny("--name, --address, --phone", name, address, phone);
            Station s = station(ytcs, commune);
            Station changed = new Station(s.id(), s.unitId(), name == null ? s.name() : name.strip(), s.kind(),
                    s.parentStationId(), address == null ? s.address() : blankToNull(address),
                    phone == null ? s.phone() : blankToNull(phone), s.familyDoctorModel());
            return change(ytcs, "station", s.id(), changed.name(), s, changed);
        }

        private static String blankToNull(String s) {
            return s.isBlank() ? null : s.strip();
        }
    }

    @Command(name = "unit", subcommands = SetUnit.class)
    static final class UnitGroup extends Group {
    }

    /** {@code unit set}: the commune's vùng and socio-economic region, which the province assigns. */
    @Command(name = "set")
    static final class SetUnit extends EditCommand {
        @Option(names = "--unit", required = true, paramLabel = "CODE", descriptionKey = "cli.option.commune")
        String unit;
        @Option(names = "--vung", paramLabel = "1|2|3", descriptionKey = "cli.option.vung")
        Integer vung;
        @Option(names = "--region", paramLabel = "WORD", descriptionKey = "cli.option.region")
        SocioRegion region;

        @Override
        int edit(Ytcs ytcs) {
            Unit commune = commune(ytcs, unit);
            needAny("--vung, --region", vung, region);
            String what = new Labels(messages()).unit(commune);
            if (java.util.Objects.equals(or(vung, commune.vung()), commune.vung()) && or(region, commune.region()) == commune.region()) {
                return unchanged("unit", commune.id(), what, commune);
            }
            Unit assigned = ytcs.register().assignZone(commune.id(), or(vung, commune.vung()), or(region, commune.region()));
            return saved("unit", assigned.id(), what, assigned);
        }
    }

    /** {@code history ID}: who changed which field of the record when, old → new. */
    @Command(name = "history")
    static final class History extends EditCommand {
        @Parameters(index = "0", paramLabel = "ID", descriptionKey = "cli.param.recordId")
        String id;

        /** One change as {@code --json} prints it. */
        record Entry(String changedAt, String actor, String action, String field, String oldValue, String newValue) {
        }

        @Override
        int edit(Ytcs ytcs) {
            UUID key = id(id);
            List<Store.AuditEntry> entries = ytcs.register().history(key);
            if (entries.isEmpty()) {
                throw new CliFailure(messages().get("cli.error.noHistory", key.toString()));
            }
            PrintWriter out = spec.commandLine().getOut();
            if (json) {
                Json.print(out, entries.stream().map(e -> new Entry(e.changedAt().toInstant().toString(), e.actor(), e.action(),
                        e.field(), e.oldValue(), e.newValue())).toList());
                return Cli.OK;
            }
            Messages m = messages();
            Formats formats = new Formats(m.locale());
            TextTable table = new TextTable(m.get("col.when"), m.get("col.who"), m.get("col.field"), m.get("col.change"));
            for (Store.AuditEntry e : entries) {
                String field = switch (e.action()) {
                    case "CREATE" -> m.get("cli.history.created");
                    case "DELETE" -> m.get("cli.history.deleted");
                    default -> FieldLabels.label(e.field(), m);
                };
                String change = "CREATE".equals(e.action()) ? ""
                        : shown(e.field(), e.oldValue(), m) + " → " + shown(e.field(), e.newValue(), m);
                table.add(formats.moment(e.changedAt().toInstant()), e.actor(), field, change);
            }
            out.println(m.get("cli.history.header", key.toString()));
            table.print(out);
            return Cli.OK;
        }

        private static String shown(String field, String value, Messages m) {
            return value == null ? m.get("cli.history.empty") : VietText.printable(FieldLabels.value(field, value, m), 200);
        }
    }

    @Command(name = "settings", subcommands = UserName.class)
    static final class Settings extends Group {
    }

    /** {@code settings user [NAME]}: the name the audit records for edits made on this computer. */
    @Command(name = "user")
    static final class UserName extends EditCommand {
        @Parameters(index = "0", arity = "0..1", paramLabel = "NAME", descriptionKey = "cli.param.userName")
        String name;

        @Override
        int edit(Ytcs ytcs) {
            PrintWriter out = spec.commandLine().getOut();
            Messages m = messages();
            if (name != null) {
                ytcs.register().setUserName(name);
            }
            var set = name != null ? (name.isBlank() ? java.util.Optional.<String>empty() : java.util.Optional.of(name.strip()))
                    : ytcs.register().userName();
            if (json) {
                Json.print(out, new UserRow(set.orElse(null), Ytcs.actor()));
            } else if (set.isPresent()) {
                out.println(m.get(name != null ? "cli.settings.userSet" : "cli.settings.user",
                        VietText.printable(set.get(), 200)));
            } else {
                out.println(m.get("cli.settings.userNone", VietText.printable(Ytcs.actor(), 200)));
            }
            return Cli.OK;
        }

        record UserRow(String userName, String systemUser) {
        }
    }
}
