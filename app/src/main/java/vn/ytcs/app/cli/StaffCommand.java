// SPDX-License-Identifier: Apache-2.0
package vn.ytcs.app.cli;

import java.io.PrintWriter;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import vn.ytcs.app.root.Ytcs;
import vn.ytcs.app.i18n.Labels;
import vn.ytcs.app.i18n.Messages;
import vn.ytcs.core.commune.CommuneProfile;
import vn.ytcs.core.staff.StaffMember;

/** {@code ytcs staff}: the staff of the stations, commune by commune. */
@Command(name = "staff", subcommands = {StaffEdits.Add.class, StaffEdits.Set.class, StaffEdits.Leave.class})
final class StaffCommand implements Callable<Integer> {

    @ParentCommand
    YtcsCommand parent;

    @Spec
    CommandSpec spec;

    @Mixin
    UnitScope scope;

    @Option(names = "--json", descriptionKey = "cli.option.json")
    boolean json;

    @Option(names = "--ids", descriptionKey = "cli.option.ids")
    boolean ids;

    /** A staff member as printed by {@code --json}. */
    record StaffRow(String unitCode, String unitName, String station, String fullName, String sex, Integer birthYear,
                    String profession, String employment, LocalDate startDate, LocalDate endDate,
                    java.util.UUID id) {
    }

    @Override
    public Integer call() {
        try (Ytcs ytcs = parent.open()) {
            LocalDate day = parent.asOf(ytcs);
            List<CommuneProfile> profiles = scope.profiles(ytcs, day, parent);
            PrintWriter out = spec.commandLine().getOut();
            if (json) {
                List<StaffRow> rows = new ArrayList<>();
                for (CommuneProfile p : profiles) {
                    for (StaffMember s : p.staff()) {
                        rows.add(new StaffRow(p.commune().code(), p.commune().name(),
                                p.station().map(x -> x.name()).orElse(null), s.fullName(), s.sex().name(), s.birthYear(),
                                s.profession().name(), s.employment().name(), s.startDate(), s.endDate(), s.id()));
                    }
                }
                Json.print(out, rows);
                return Cli.OK;
            }
            Messages m = parent.messages;
            Labels labels = new Labels(m);
            List<String> header = new ArrayList<>(List.of(m.get("col.code"), m.get("col.commune"), m.get("col.fullName"),
                    m.get("col.sex"), m.get("col.birthYear"), m.get("col.profession"), m.get("col.employment")));
            if (ids) {
                // The id "staff set" and "staff leave" take, in place of the commune's code and name.
                header.subList(0, 2).clear();
                header.add(0, m.get("col.id"));
            }
            TextTable table = new TextTable(header.toArray(String[]::new));
            int count = 0;
            for (CommuneProfile p : profiles) {
                for (StaffMember s : p.staff()) {
                    List<Object> cells = new ArrayList<>(List.of(labels.code(p.commune()), labels.unit(p.commune()),
                            s.fullName(), labels.sex(s.sex()), s.birthYear() == null ? "" : s.birthYear().toString(),
                            labels.of("profession", s.profession()), labels.of("employment", s.employment())));
                    if (ids) {
                        cells.subList(0, 2).clear();
                        cells.add(0, s.id());
                    }
                    table.add(cells.toArray());
                    count++;
                }
            }
            table.print(out);
            out.println(m.get("cli.staff.total", count, profiles.size()));
            return Cli.OK;
        }
    }
}
