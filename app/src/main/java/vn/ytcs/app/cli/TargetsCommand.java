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
import vn.ytcs.app.i18n.Labels;
import vn.ytcs.app.i18n.Messages;
import vn.ytcs.app.i18n.ScoreTexts;
import vn.ytcs.core.catalog.Catalogs;
import vn.ytcs.core.scoring.CommuneScoring;
import vn.ytcs.core.site.SiteRole;
import vn.ytcs.core.store.Store;
import vn.ytcs.core.directive.Target;
import vn.ytcs.core.progress.TargetProgress;
import vn.ytcs.core.progress.TargetTracker;
import vn.ytcs.core.directive.Targets;
import vn.ytcs.core.unit.Unit;
import vn.ytcs.core.unit.UnitLevel;
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
        try (Store store = parent.openStore()) {
            LocalDate day = parent.asOf(store);
            int year = period != null ? period : day.getYear();
            UnitTree tree = store.units().tree(day);
            List<Unit> units = new ArrayList<>();
            if (scope.code != null) {
                units.add(scope.unit(store, day, parent));
            } else {
                for (Unit root : tree.roots()) {
                    units.add(root);
                    tree.children(root).stream().filter(u -> u.level() == UnitLevel.DISTRICT).forEach(units::add);
                }
            }
            List<Target> targets = Targets.inForce(store.targets());
            CommuneScoring scoring = new CommuneScoring(store, Catalogs.shipped());
            List<CommuneScoring.Result> all = scoring.score(tree, tree.communes(), year, day);
            List<ProgressRow> rows = new ArrayList<>();
            Messages m = parent.messages;
            Labels labels = new Labels(m);
            for (Unit u : units) {
                var under = new java.util.HashSet<>(tree.communesUnder(u));
                List<CommuneScoring.Result> mine = all.stream().filter(r -> under.contains(r.commune())).toList();
                for (TargetProgress p : TargetTracker.progress(targets, u, mine, year)) {
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
            int removed;
            List<Target> read;
            try (Store store = parent.openStore()) {
                SiteRole role = store.localSite().role();
                if (role != SiteRole.PROVINCE) {
                    throw new CliFailure(m.get("cli.error.targetsProvinceOnly", m.label("siteRole", role)));
                }
                read = Targets.read(file);
                removed = store.write(System.getProperty("user.name", "ytcs"), w -> w.replaceTargets(read));
            }
            PrintWriter out = targets.spec.commandLine().getOut();
            out.println(m.get("cli.targets.imported", read.size(), file.toString()));
            if (removed > 0) {
                out.println(m.get("cli.targets.removed", removed));
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
