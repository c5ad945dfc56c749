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
import vn.ytcs.app.i18n.ScoreTexts;
import vn.ytcs.core.service.RegisterService;
import vn.ytcs.core.service.ScoringService;
import vn.ytcs.core.progress.TargetProgress;
import vn.ytcs.core.unit.Unit;
import vn.ytcs.core.unit.UnitTree;

/** {@code ytcs targets}: Directive 25 targets for the province and each district, or for one unit. */
@Command(name = "targets", subcommands = TargetsCommand.Import.class)
final class TargetsCommand implements Callable<Integer> {

    @ParentCommand
    YtcsCommand parent;

    @Spec
    CommandSpec spec;

    @Mixin
    UnitScope scope;

    @Option(names = "--period", paramLabel = "YYYY", descriptionKey = "cli.option.period")
    Integer period;

    @Option(names = "--json", descriptionKey = "cli.option.json")
    boolean json;

    record ProgressRow(String unitCode, String unitName, String target, String name, String measure, String comparison,
                       java.math.BigDecimal targetValue, long numerator, long denominator, java.math.BigDecimal percent,
                       boolean measured, boolean met, java.math.BigDecimal gap, List<String> holdingBack) {
    }

    @Override
    public Integer call() {
        try (Ytcs ytcs = parent.open()) {
            LocalDate day = parent.asOf(ytcs);
            ScoringService scoring = ytcs.scoring();
            int year = scoring.period(period, day);
            UnitTree tree = ytcs.register().tree(day);
            List<ProgressRow> rows = new ArrayList<>();
            Messages m = parent.messages;
            Labels labels = new Labels(m);
            for (ScoringService.UnitProgress up : scoring.targets(tree, scoring.targetUnits(tree, scope.unit(ytcs, day, parent)),
                    year, day)) {
                Unit u = up.unit();
                for (TargetProgress p : up.targets()) {
                    rows.add(new ProgressRow(u.code(), labels.unit(u), p.target().code(), p.target().name().in(m.locale()),
                            p.target().measure().name(), p.target().comparison().name(), p.target().value(), p.numerator(),
                            p.denominator(), p.percent(), p.measured(), p.met(), p.gap(),
                            p.holdingBack().stream().map(Unit::code).sorted().toList()));
                }
            }
            print(rows, year);
            return Cli.OK;
        }
    }

    /**
     * {@code ytcs targets import FILE}: the province sets its own targets, all at once, replacing
     * the set it had (targets not in the file are removed); only at a province site.
     */
    @Command(name = "import")
    static final class Import implements Callable<Integer> {
        @picocli.CommandLine.ParentCommand
        TargetsCommand targets;

        @picocli.CommandLine.Parameters(paramLabel = "FILE", descriptionKey = "cli.param.targetsFile")
        java.nio.file.Path file;

        @Override
        public Integer call() {
            YtcsCommand parent = targets.parent;
            Messages m = parent.messages;
            RegisterService.TargetsImported done;
            try (Ytcs ytcs = parent.open()) {
                done = ytcs.register().importTargets(file);
            } catch (RegisterService.NotPermitted e) {
                throw new CliFailure(m.get("cli.error.targetsProvinceOnly", m.label("siteRole", e.role())));
            }
            PrintWriter out = targets.spec.commandLine().getOut();
            out.println(m.get("cli.targets.imported", done.read(), file.toString()));
            if (done.removed() > 0) {
                out.println(m.get("cli.targets.removed", done.removed()));
            }
            return Cli.OK;
        }
    }

    private void print(List<ProgressRow> rows, int year) {
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            Json.print(out, rows);
            return;
        }
        Messages m = parent.messages;
        ScoreTexts texts = new ScoreTexts(m);
        vn.ytcs.app.i18n.Formats formats = new vn.ytcs.app.i18n.Formats(m.locale());
        out.println(m.get("cli.targets.header", Integer.toString(year)));
        String current = null;
        TextTable table = null;
        for (ProgressRow r : rows) {
            if (!r.unitCode().equals(current)) {
                if (table != null) {
                    table.print(out);
                }
                out.println();
                out.println(r.unitName() + "  [" + r.unitCode() + "]");
                table = new TextTable(m.get("col.target"), m.get("col.goal"), m.get("col.value"), m.get("col.gap"),
                        m.get("col.holdingBack"));
                current = r.unitCode();
            }
            String goal = (r.comparison().equals("GT") ? "> " : "≥ ") + texts.percent(r.targetValue());
            table.add(r.name(), goal,
                    r.measured() ? texts.percent(r.percent()) + " (" + formats.integer(r.numerator()) + "/" + formats.integer(r.denominator()) + ")" : m.get("targets.notMeasured"),
                    !r.measured() ? "" : r.met() ? m.get("targets.met") : texts.percent(r.gap()),
                    r.holdingBack().isEmpty() ? "" : r.holdingBack().size() <= 4 ? String.join(", ", r.holdingBack())
                            : String.join(", ", r.holdingBack().subList(0, 4)) + " " + m.get("targets.more", r.holdingBack().size() - 4));
        }
        if (table != null) {
            table.print(out);
        }
    }
}
