// SPDX-License-Identifier: Apache-2.0
package vn.ytcs.app.cli;

import java.io.PrintWriter;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import vn.ytcs.app.root.Ytcs;
import vn.ytcs.app.i18n.Labels;
import vn.ytcs.core.unit.Unit;
import vn.ytcs.core.unit.UnitTree;

/** {@code ytcs units}: the unit tree as of a day. */
@Command(name = "units", subcommands = UnitsCommand.Import.class)
final class UnitsCommand implements Callable<Integer> {

    @ParentCommand
    YtcsCommand parent;

    @Spec
    CommandSpec spec;

    @Option(names = "--json", descriptionKey = "cli.option.json")
    boolean json;

    /** One unit and its children, as printed by {@code --json}. */
    record UnitNode(String code, boolean codeOfficial, String name, String type, String level, Integer vung, String region,
                    boolean demo, String note, LocalDate validFrom, LocalDate validTo, List<UnitNode> children) {
    }

    @Override
    public Integer call() {
        try (Ytcs ytcs = parent.open()) {
            LocalDate day = parent.asOf(ytcs);
            UnitTree tree = ytcs.register().tree(day);
            PrintWriter out = spec.commandLine().getOut();
            if (json) {
                Json.print(out, tree.roots().stream().map(u -> node(tree, u)).toList());
                return Cli.OK;
            }
            if (tree.isEmpty()) {
                out.println(parent.messages.get("cli.units.empty", parent.format(day)));
                return Cli.OK;
            }
            Labels labels = new Labels(parent.messages);
            out.println(parent.messages.get("cli.units.header", parent.format(day)));
            tree.roots().forEach(root -> print(out, tree, root, 0, labels));
            if (tree.all().stream().anyMatch(u -> !u.codeOfficial())) {
                out.println();
                out.println(parent.messages.get("cli.units.provisionalNote"));
            }
            return Cli.OK;
        }
    }

    private static UnitNode node(UnitTree tree, Unit u) {
        return new UnitNode(u.code(), u.codeOfficial(), u.name(), u.type().name(), u.level().name(), u.vung(),
                u.region() == null ? null : u.region().name(), u.demo(), u.note(), u.validFrom(), u.validTo(),
                tree.children(u).stream().map(c -> node(tree, c)).toList());
    }

    private static void print(PrintWriter out, UnitTree tree, Unit unit, int depth, Labels labels) {
        out.println("  ".repeat(depth) + labels.unit(unit) + "  [" + labels.code(unit) + "]");
        tree.children(unit).forEach(child -> print(out, tree, child, depth + 1, labels));
    }

    /** {@code ytcs units import FILE [--dry-run]}: an official unit list, verified whole, then written in one transaction. */
    @Command(name = "import")
    static final class Import implements Callable<Integer> {
        @ParentCommand
        UnitsCommand units;

        @picocli.CommandLine.Parameters(paramLabel = "FILE", descriptionKey = "cli.param.unitList")
        java.nio.file.Path file;

        @Option(names = "--dry-run", descriptionKey = "cli.option.dryRun")
        boolean dryRun;

        @Override
        public Integer call() {
            vn.ytcs.app.i18n.Messages m = units.parent.messages;
            vn.ytcs.core.service.UnitImport.Plan plan;
            try (Ytcs ytcs = units.parent.open()) {
                plan = ytcs.unitImport().plan(file);
                if (!dryRun) {
                    ytcs.unitImport().apply(plan);
                }
            }
            units.spec.commandLine().getOut().println(m.get(dryRun ? "cli.units.import.dryRun" : "cli.units.import.done",
                    file.toString(), plan.entries().size(), plan.added()));
            return Cli.OK;
        }
    }
}
