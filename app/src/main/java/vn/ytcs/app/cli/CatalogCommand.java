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
import vn.ytcs.app.root.Ytcs;
import vn.ytcs.app.i18n.Messages;
import vn.ytcs.app.i18n.ScoreTexts;
import vn.ytcs.core.catalog.Catalog;
import vn.ytcs.core.catalog.CatalogReader;
import vn.ytcs.core.catalog.Criterion;
import vn.ytcs.core.catalog.Indicator;

/** {@code ytcs catalog list|show|validate}: the versions of the national standard. */
@Command(name = "catalog", subcommands = {CatalogCommand.ListCatalogs.class, CatalogCommand.Show.class,
    CatalogCommand.Validate.class, CatalogRevisionCommands.Import.class, CatalogRevisionCommands.Export.class,
    CatalogRevisionCommands.DiffRevisions.class})
final class CatalogCommand implements Callable<Integer> {

    @ParentCommand
    YtcsCommand parent;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        throw new picocli.CommandLine.ParameterException(spec.commandLine(),
                parent.messages.get("cli.error.catalogSubcommand"));
    }

    record CatalogRow(String id, int revision, String title, String legalSource, String effectiveFrom, String effectiveTo,
                      int criteria, int indicators, int drafts) {
    }

    static CatalogRow row(Catalog c, Messages m) {
        return new CatalogRow(c.id(), c.revision(), c.title().in(m.locale()), c.legalSource(), c.effectiveFrom().toString(),
                c.effectiveTo() == null ? null : c.effectiveTo().toString(), c.criteria().size(), c.indicators().size(),
                c.drafts().size());
    }

    @Command(name = "list")
    static final class ListCatalogs implements Callable<Integer> {
        @ParentCommand
        CatalogCommand catalog;

        @Option(names = "--json", descriptionKey = "cli.option.json")
        boolean json;

        @Override
        public Integer call() {
            Messages m = catalog.parent.messages;
            PrintWriter out = catalog.spec.commandLine().getOut();
            List<Catalog> all;
            java.util.Map<String, List<vn.ytcs.core.catalog.CatalogRevision>> revisions;
            try (Ytcs ytcs = catalog.parent.open()) {
                all = ytcs.scoring().catalogs().all();
                revisions = ytcs.catalogs().list();
            }
            if (json) {
                Json.print(out, all.stream().map(c -> CatalogRevisionCommands.listRow(row(c, m),
                        revisions.getOrDefault(c.id(), List.of()))).toList());
                return Cli.OK;
            }
            TextTable table = new TextTable(m.get("col.catalog"), m.get("col.title"), m.get("col.inForce"),
                    m.get("col.indicators"), m.get("col.drafts"));
            for (Catalog c : all) {
                table.add(c.id(), c.title().in(m.locale()), catalog.parent.format(c.effectiveFrom()) + " – "
                        + (c.effectiveTo() == null ? "" : catalog.parent.format(c.effectiveTo())),
                        c.indicators().size(), c.drafts().size());
            }
            table.print(out);
            CatalogRevisionCommands.printRevisions(out, m, revisions);
            return Cli.OK;
        }
    }

    @Command(name = "show")
    static final class Show implements Callable<Integer> {
        @ParentCommand
        CatalogCommand catalog;

        @Parameters(paramLabel = "ID", descriptionKey = "cli.param.catalogId")
        String id;

        @Override
        public Integer call() {
            Messages m = catalog.parent.messages;
            Catalog c;
            try (Ytcs ytcs = catalog.parent.open()) {
                c = ytcs.scoring().catalogs().byId(id).orElseThrow(() -> new CliFailure(m.get("cli.error.unknownCatalog", id)));
            }
            PrintWriter out = catalog.spec.commandLine().getOut();
            ScoreTexts texts = new ScoreTexts(m);
            out.println(c.id() + " · " + c.title().in(m.locale()));
            out.println(c.legalSource());
            if (c.notes() != null) {
                out.println(c.notes().in(m.locale()));
            }
            out.println(m.get("catalog.passRule", texts.percent(c.passRule().minTotalPercent()),
                    texts.percent(c.passRule().minCriterionPercent())));
            for (Criterion cr : c.criteria()) {
                out.println();
                out.println(cr.code() + " " + cr.name().in(m.locale()) + " (" + texts.number(cr.maxPoints()) + ")");
                for (Indicator i : c.indicatorsOf(cr)) {
                    out.println("  " + i.number() + ". " + i.code() + " " + texts.name(i) + " – " + texts.number(i.maxPoints())
                            + (i.veto() ? " · " + m.get("catalog.veto") : "")
                            + (i.isDerived() ? " · " + m.get("catalog.derived") : "")
                            + (i.isDraft() ? " · " + m.get("catalog.draft") : " · " + m.get("catalog.confirmed", i.provenance().source())));
                }
            }
            return Cli.OK;
        }
    }

    @Command(name = "validate")
    static final class Validate implements Callable<Integer> {
        @ParentCommand
        CatalogCommand catalog;

        @Parameters(paramLabel = "FILE", descriptionKey = "cli.param.catalogFile")
        Path file;

        @Override
        public Integer call() {
            Catalog c = CatalogReader.read(file);
            catalog.spec.commandLine().getOut().println(catalog.parent.messages.get("cli.catalog.valid", file.toString(),
                    c.id(), c.indicators().size(), c.drafts().size()));
            return Cli.OK;
        }
    }
}
