// SPDX-License-Identifier: Apache-2.0
package vn.ytcs.app.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import vn.ytcs.app.i18n.Messages;
import vn.ytcs.app.root.Ytcs;
import vn.ytcs.core.catalog.CatalogRevision;
import vn.ytcs.core.service.CatalogService;

/** {@code ytcs catalog import|export|diff}: the province's revisions of a catalog (issue 10). */
final class CatalogRevisionCommands {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm");

    private CatalogRevisionCommands() {
    }

    record RevisionRow(int revision, String madeBy, String madeAt, String reason, int basedOn) {
    }

    record ListRow(CatalogCommand.CatalogRow catalog, List<RevisionRow> revisions) {
    }

    static ListRow listRow(CatalogCommand.CatalogRow row, List<CatalogRevision> revisions) {
        return new ListRow(row, revisions.stream().map(r -> new RevisionRow(r.revision(), r.madeBy(),
                r.madeAt() == null ? null : r.madeAt().toString(), r.reason(), r.basedOn())).toList());
    }

    /** "QD1300-2023 rev. 2", or "QD1300-2023 (as shipped)" for revision 0. */
    static String label(Messages m, String id, int revision) {
        return new vn.ytcs.app.i18n.Labels(m).catalog(id, revision);
    }

    static void printRevisions(PrintWriter out, Messages m, Map<String, List<CatalogRevision>> revisions) {
        TextTable table = new TextTable(m.get("col.catalog"), m.get("col.revision"), m.get("col.madeBy"),
                m.get("col.madeAt"), m.get("col.reason"), m.get("col.basedOn"));
        revisions.forEach((id, list) -> {
            for (CatalogRevision r : list) {
                table.add(id, r.revision(), r.shipped() ? "" : r.madeBy(),
                        r.madeAt() == null ? "" : WHEN.format(r.madeAt()), r.shipped() ? m.get("catalog.rev.shippedReason")
                                : r.reason(), r.shipped() ? "" : r.basedOn());
            }
        });
        out.println();
        table.print(out);
    }

    @Command(name = "import")
    static final class Import implements Callable<Integer> {
        @ParentCommand
        CatalogCommand catalog;

        @Parameters(paramLabel = "FILE", descriptionKey = "cli.param.catalogFile")
        Path file;

        @Option(names = "--reason", required = true, descriptionKey = "cli.option.catalogReason")
        String reason;

        @Override
        public Integer call() {
            Messages m = catalog.parent.messages;
            CatalogRevision r;
            try (Ytcs ytcs = catalog.parent.open()) {
                r = ytcs.catalogs().importRevision(file, reason);
            }
            catalog.spec.commandLine().getOut().println(m.get("cli.catalog.imported", file.toString(),
                    label(m, r.catalog().id(), r.revision()), label(m, r.catalog().id(), r.basedOn())));
            return Cli.OK;
        }
    }

    @Command(name = "export")
    static final class Export implements Callable<Integer> {
        @ParentCommand
        CatalogCommand catalog;

        @Parameters(paramLabel = "ID", descriptionKey = "cli.param.catalogId")
        String id;

        @Option(names = "--revision", descriptionKey = "cli.option.catalogRevision")
        Integer revision;

        @Option(names = "--out", required = true, descriptionKey = "cli.option.catalogOut")
        Path out;

        @Override
        public Integer call() throws Exception {
            Messages m = catalog.parent.messages;
            int n;
            try (Ytcs ytcs = catalog.parent.open()) {
                n = revision != null ? revision : ytcs.catalogs().newest(id).revision();
                ytcs.catalogs().export(id, n, out);
            }
            catalog.spec.commandLine().getOut().println(m.get("cli.catalog.exported", label(m, id, n), out.toString()));
            return Cli.OK;
        }
    }

    @Command(name = "diff")
    static final class DiffRevisions implements Callable<Integer> {
        @ParentCommand
        CatalogCommand catalog;

        @Parameters(paramLabel = "ID", descriptionKey = "cli.param.catalogId")
        String id;

        @Option(names = "--from", required = true, descriptionKey = "cli.option.catalogFrom")
        int from;

        @Option(names = "--to", required = true, descriptionKey = "cli.option.catalogTo")
        int to;

        @Option(names = "--json", descriptionKey = "cli.option.json")
        boolean json;

        @Override
        public Integer call() {
            Messages m = catalog.parent.messages;
            CatalogService.Diff d;
            try (Ytcs ytcs = catalog.parent.open()) {
                d = ytcs.catalogs().diff(id, from, to);
            }
            PrintWriter out = catalog.spec.commandLine().getOut();
            if (json) {
                Json.print(out, d);
                return Cli.OK;
            }
            out.println(m.get("cli.catalog.diff", label(m, d.catalogId(), from), label(m, d.catalogId(), to),
                    d.lines().size()));
            vn.ytcs.app.i18n.Labels labels = new vn.ytcs.app.i18n.Labels(m);
            d.lines().forEach(l -> out.println("  " + labels.catalogChange(l)));
            return Cli.OK;
        }
    }
}
