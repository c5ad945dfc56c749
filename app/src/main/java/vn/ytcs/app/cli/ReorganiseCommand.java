// SPDX-License-Identifier: Apache-2.0
package vn.ytcs.app.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import vn.ytcs.app.i18n.Labels;
import vn.ytcs.app.i18n.Messages;
import vn.ytcs.app.root.Ytcs;
import vn.ytcs.core.service.Reorganisation;
import vn.ytcs.core.station.Station;
import vn.ytcs.core.unit.Unit;

/**
 * {@code ytcs reorganise FILE [--parent CODE] [--dry-run] [--json]}: a succession mapping (issue 11),
 * verified whole, previewed per new unit, then applied in one transaction after a backup.
 */
@Command(name = "reorganise", aliases = "reorganize")
final class ReorganiseCommand implements Callable<Integer> {

    @ParentCommand
    YtcsCommand parent;

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "FILE", descriptionKey = "cli.param.mapping")
    Path file;

    @Option(names = "--parent", paramLabel = "CODE", descriptionKey = "cli.option.reorgParent")
    String parentCode;

    @Option(names = "--dry-run", descriptionKey = "cli.option.dryRun")
    boolean dryRun;

    @Option(names = "--json", descriptionKey = "cli.option.json")
    boolean json;

    record UnitRow(String code, String name, String type, String from, String parent, List<String> merged, String station,
                   List<String> healthPoints, int staff, int hamlets, int openAssessments, boolean applied) {
    }

    record PlanRow(String file, boolean applied, List<UnitRow> units) {
    }

    /** The new units as JSON rows, for this command and an import's preview alike. */
    static List<UnitRow> rows(List<Reorganisation.NewUnit> units) {
        return units.stream().map(u -> new UnitRow(u.code(), u.name(), u.type().name(),
                u.from().toString(), u.parent() == null ? null : u.parent().code(),
                u.merged().stream().map(Unit::code).toList(), u.station().map(Station::name).orElse(null),
                u.healthPoints().stream().map(Station::name).toList(), u.staff(), u.hamlets(), u.openAssessments(),
                u.applied())).toList();
    }

    /** The preview per new unit, for this command and an import's preview alike. */
    static TextTable table(List<Reorganisation.NewUnit> units, YtcsCommand parent) {
        Messages m = parent.messages;
        Labels labels = new Labels(m);
        TextTable table = new TextTable(m.get("col.code"), m.get("col.newUnit"), m.get("col.from"), m.get("col.mergedFrom"),
                m.get("col.keptStation"), m.get("col.healthPoints"), m.get("col.staff"), m.get("col.hamlets"),
                m.get("col.openAssessments"));
        for (Reorganisation.NewUnit u : units) {
            table.add(u.code(), labels.unit(u.type().name(), u.name()) + (u.applied() ? " ✔" : ""), parent.format(u.from()),
                    String.join(", ", u.merged().stream().map(labels::unit).toList()),
                    u.station().map(Station::name).orElse("–"), u.healthPoints().size(), u.staff(), u.hamlets(),
                    u.openAssessments());
        }
        return table;
    }

    @Override
    public Integer call() {
        Messages m = parent.messages;
        Labels labels = new Labels(m);
        Reorganisation.Plan plan;
        boolean applied;
        try (Ytcs ytcs = parent.open()) {
            plan = ytcs.reorganisation().plan(file, parentCode);
            applied = !dryRun && !plan.nothingToDo();
            if (applied) {
                ytcs.reorganisation().apply(plan);
            }
        }
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            Json.print(out, new PlanRow(file.toString(), applied, rows(plan.units())));
            return Cli.OK;
        }
        long communes = plan.units().stream().mapToLong(u -> u.merged().size()).sum();
        out.println(m.get("cli.reorg.summary", file.toString(), plan.units().size(), communes));
        table(plan.units(), parent).print(out);
        out.println(plan.nothingToDo() ? m.get("cli.reorg.already")
                : dryRun ? m.get("cli.reorg.dryRun") : m.get("cli.reorg.applied", plan.units().size()));
        return Cli.OK;
    }
}
