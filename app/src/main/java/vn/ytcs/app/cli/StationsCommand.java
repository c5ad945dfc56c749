// SPDX-License-Identifier: Apache-2.0
package vn.ytcs.app.cli;

import java.io.PrintWriter;
import java.time.LocalDate;
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

/** {@code ytcs stations}: each commune's station with its staff counts. */
@Command(name = "stations")
final class StationsCommand implements Callable<Integer> {

    @ParentCommand
    YtcsCommand parent;

    @Spec
    CommandSpec spec;

    @Mixin
    UnitScope scope;

    @Option(names = "--json", descriptionKey = "cli.option.json")
    boolean json;

    /** A station as printed by {@code --json}. */
    record StationRow(String unitCode, String unitName, String unitType, String districtCode, String station,
                      List<String> healthPoints, int staff, long doctors, long permanentDoctors, int hamlets, Integer population) {
    }

    @Override
    public Integer call() {
        try (Ytcs ytcs = parent.open()) {
            LocalDate day = parent.asOf(ytcs);
            List<CommuneProfile> profiles = scope.profiles(ytcs, day, parent);
            PrintWriter out = spec.commandLine().getOut();
            if (json) {
                Json.print(out, profiles.stream().map(StationsCommand::row).toList());
                return Cli.OK;
            }
            Messages m = parent.messages;
            Labels labels = new Labels(m);
            TextTable table = new TextTable(m.get("col.code"), m.get("col.commune"), m.get("col.station"),
                    m.get("col.healthPoints"), m.get("col.staff"), m.get("col.doctors"), m.get("col.permanentDoctors"), m.get("col.hamlets"));
            for (CommuneProfile p : profiles) {
                table.add(labels.code(p.commune()), labels.unit(p.commune()),
                        p.station().map(s -> s.name()).orElse(m.get("station.none")), p.healthPoints().size(), p.staff().size(), p.doctors(),
                        p.permanentDoctors(), p.hamlets().size());
            }
            table.print(out);
            out.println(m.get("cli.stations.total", profiles.size(),
                    profiles.stream().filter(p -> p.permanentDoctors() == 0).count()));
            return Cli.OK;
        }
    }

    private static StationRow row(CommuneProfile p) {
        return new StationRow(p.commune().code(), p.commune().name(), p.commune().type().name(),
                p.district().map(d -> d.code()).orElse(null), p.station().map(s -> s.name()).orElse(null),
                p.healthPoints().stream().map(s -> s.name()).toList(), p.staff().size(), p.doctors(), p.permanentDoctors(), p.hamlets().size(),
                p.latestFigures().map(f -> f.population()).orElse(null));
    }
}
