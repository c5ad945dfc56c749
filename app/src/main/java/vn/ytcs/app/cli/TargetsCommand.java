// SPDX-License-Identifier: Apache-2.0
package vn.ytcs.app.cli;

import java.io.PrintWriter;
import java.math.BigDecimal;
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
import vn.ytcs.app.i18n.Formats;
import vn.ytcs.core.directive.Target;
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

    /** Communes named in the "holding back" column; the rest are counted. */
    private static final int HOLDING_BACK_SHOWN = 4;

    /**
     * @param percent     as the table shows it (see {@link Formats#percentValue}); null when not measured
     * @param holdingBack the communes that fall short themselves, by code
     */
    record ProgressRow(String unitCode, String unitName, String target, String name, String measure, String comparison,
                       BigDecimal targetValue, long numerator, long denominator, BigDecimal percent,
                       boolean measured, boolean met, BigDecimal gap, List<CommuneRow> holdingBack) {

        static ProgressRow of(Unit unit, TargetProgress p, Labels labels) {
            Target t = p.target();
            return new ProgressRow(unit.code(), labels.unit(unit), t.code(), t.name().in(labels.messages().locale()),
                    t.measure().name(), t.comparison().name(), t.value(), p.numerator(), p.denominator(),
                    p.measured() ? Formats.percentValue(BigDecimal.valueOf(p.numerator()), BigDecimal.valueOf(p.denominator()),
                            List.of(t.value())) : null,
                    p.measured(), p.met(), p.measured() ? missingPoints(p) : null, p.holdingBack().stream()
                            .map(c -> new CommuneRow(c.code(), labels.unit(c)))
                            .sorted(java.util.Comparator.comparing(CommuneRow::code)).toList());
        }
    }

    /**
     * Percentage points still missing, from the exact share, rounded as the share is shown (so that
     * 66,7 % and its gap make 100 %), never shown as zero while the target is not met.
     */
    private static BigDecimal missingPoints(TargetProgress p) {
        if (p.met()) {
            return BigDecimal.ZERO.setScale(1);
        }
        return Formats.percentValue(p.missing(), BigDecimal.valueOf(p.denominator()), List.of(BigDecimal.ZERO));
    }

    /** A commune named as the user knows it: "Xã Hỏa Lựu" and its code. */
    record CommuneRow(String code, String name) {
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
                    rows.add(ProgressRow.of(u, p, labels));
                }
            }
            print(rows, year, day, tree.communes().size());
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

    /** @param day the day whose boundaries the communes are counted in (issue 11: each period on its own units) */
    private void print(List<ProgressRow> rows, int year, LocalDate day, int communes) {
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            Json.print(out, rows);
            return;
        }
        Messages m = parent.messages;
        Formats formats = new Formats(m.locale());
        out.println(m.get("cli.targets.header", Integer.toString(year)));
        out.println(m.get("cli.targets.boundaries", parent.format(day), communes));
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
            String goal = (r.comparison().equals("GT") ? "> " : "≥ ") + formats.limit(r.targetValue());
            table.add(r.name(), goal,
                    r.measured() ? formats.percent(BigDecimal.valueOf(r.numerator()), BigDecimal.valueOf(r.denominator()),
                            List.of(r.targetValue())) + " (" + formats.integer(r.numerator()) + "/" + formats.integer(r.denominator()) + ")"
                            : m.get("targets.notMeasured"),
                    !r.measured() ? "" : r.met() ? m.get("targets.met") : formats.percent(r.gap(), List.of(BigDecimal.ZERO)), holdingBack(r, m));
        }
        if (table != null) {
            table.print(out);
        }
    }

    /** The first communes holding the unit back, by name and code, and how many more. */
    private static String holdingBack(ProgressRow r, Messages m) {
        List<String> named = r.holdingBack().stream().limit(HOLDING_BACK_SHOWN)
                .map(c -> m.get("targets.commune", c.name(), c.code())).toList();
        int more = r.holdingBack().size() - named.size();
        return String.join(", ", named) + (more > 0 ? " " + m.get("targets.more", more) : "");
    }
}
