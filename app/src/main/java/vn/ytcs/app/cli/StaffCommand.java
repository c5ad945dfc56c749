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
@Command(name = "staff")
final class StaffCommand implements Callable<Integer> {

    @ParentCommand
    YtcsCommand parent;

    @Spec
    CommandSpec spec;

    @Mixin
    UnitScope scope;

    @Option(names = "--json", descriptionKey = "cli.option.json")
    boolean json;

    /** A staff member as printed by {@code --json}. */
    record StaffRow(String unitCode, String unitName, String station, String fullName, String sex, Integer birthYear,
                    String profession, String employment, LocalDate startDate, LocalDate endDate) {
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
                                s.profession().name(), s.employment().name(), s.startDate(), s.endDate()));
                    }
                }
                Json.print(out, rows);
                return Cli.OK;
            }
            Messages m = parent.messages;
            Labels labels = new Labels(m);
            TextTable table = new TextTable(m.get("col.code"), m.get("col.commune"), m.get("col.fullName"),
                    m.get("col.sex"), m.get("col.birthYear"), m.get("col.profession"), m.get("col.employment"));
            int count = 0;
            for (CommuneProfile p : profiles) {
                for (StaffMember s : p.staff()) {
                    table.add(labels.code(p.commune()), labels.unit(p.commune()), s.fullName(), labels.sex(s.sex()),
                            s.birthYear() == null ? "" : s.birthYear().toString(), labels.of("profession", s.profession()),
                            labels.of("employment", s.employment()));
                    count++;
                }
            }
            table.print(out);
            out.println(m.get("cli.staff.total", count, profiles.size()));
            return Cli.OK;
        }
    }
}
