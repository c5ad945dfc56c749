// SPDX-License-Identifier: Apache-2.0
package vn.ytcs.app.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import vn.ytcs.app.i18n.Failures;
import vn.ytcs.app.i18n.Messages;
import vn.ytcs.app.i18n.SyncTexts;
import vn.ytcs.app.root.Ytcs;
import vn.ytcs.core.site.Site;
import vn.ytcs.core.site.SiteRole;
import vn.ytcs.core.task.Progress;
import vn.ytcs.core.text.VietText;
import vn.ytcs.sync.ConflictNotFound;
import vn.ytcs.sync.SyncService;
import vn.ytcs.sync.merge.ConflictResolver;
import vn.ytcs.sync.pack.Manifest;
import vn.ytcs.sync.pack.PackageImporter;

/** The sync commands: export, import, conflicts, site. */
final class SyncCommands {

    /** Exit code of an import that applied but left conflicts to resolve. */
    static final int CONFLICTS = 3;

    private SyncCommands() {
    }

    /** {@code ytcs export --to PATH [--full] [--gzip] [--receiver SITE]}. */
    @Command(name = "export")
    static final class Export implements Callable<Integer> {
        @ParentCommand
        YtcsCommand parent;

        @Spec
        CommandSpec spec;

        @Option(names = "--to", required = true, paramLabel = "PATH", descriptionKey = "cli.option.to")
        Path to;

        @Option(names = "--full", descriptionKey = "cli.option.full")
        boolean full;

        @Option(names = "--gzip", descriptionKey = "cli.option.gzip")
        boolean gzip;

        @Option(names = "--receiver", paramLabel = "SITE", descriptionKey = "cli.option.receiver")
        UUID receiver;

        @Override
        public Integer call() {
            Messages m = parent.messages;
            if (!Files.isDirectory(to)) {
                throw new CliFailure(m.get("cli.error.notAFolder", to.toString()));
            }
            try (Ytcs ytcs = parent.open()) {
                SyncService.Export e;
                try {
                    e = ytcs.sync().export(to, receiver, full, gzip, Progress.NONE);
                } catch (RuntimeException failure) {
                    // Disk full, write-protected stick, folder not writable: said with the folder the user chose.
                    String io = Failures.io(failure, m, to);
                    if (io != null) {
                        throw new CliFailure(io);
                    }
                    throw failure;
                }
                spec.commandLine().getOut().println(m.get("cli.export.done", e.file().toString(),
                        Integer.toString(e.manifest().sequence()), e.manifest().total(),
                        e.manifest().receiver() == null ? m.get("cli.export.anyone")
                                : e.receiver() == null ? "?" : SyncTexts.siteName(e.receiver().name())));
                return Cli.OK;
            }
        }
    }

    /** {@code ytcs import FILE [--dry-run] [--json]}. */
    @Command(name = "import")
    static final class Import implements Callable<Integer> {
        @ParentCommand
        YtcsCommand parent;

        @Spec
        CommandSpec spec;

        @Parameters(paramLabel = "FILE", descriptionKey = "cli.param.package")
        Path file;

        @Option(names = "--dry-run", descriptionKey = "cli.option.dryRun")
        boolean dryRun;

        @Option(names = "--json", descriptionKey = "cli.option.json")
        boolean json;

        record CommuneRow(String commune, int created, int changed, int deleted, List<String> conflicts) {
        }

        record ImportRow(String outcome, String sender, Integer sequence, int created, int changed, int deleted, int conflicts,
                         String receipt, List<CommuneRow> communes, List<ReorganiseCommand.UnitRow> reorganisation) {
        }

        @Override
        public Integer call() {
            Messages m = parent.messages;
            try (Ytcs ytcs = parent.open()) {
                java.util.Map<String, Integer> catalogsBefore = ytcs.catalogs().newestNumbers();
                PackageImporter.Result r = ytcs.sync().importFile(file, dryRun, Progress.NONE);
                // A reorganisation the package brings, previewed per new unit as `reorganise` does.
                List<vn.ytcs.core.service.Reorganisation.NewUnit> arriving = Ytcs.arrivingReorganisation(ytcs.reorganisation(), r);
                PrintWriter out = spec.commandLine().getOut();
                if (!json && !dryRun) {
                    vn.ytcs.app.i18n.Labels catalogLabels = new vn.ytcs.app.i18n.Labels(m);
                    for (var rev : ytcs.catalogs().revisedSince(catalogsBefore)) {
                        out.println(catalogLabels.revised(rev.revision(), parent::format));
                        rev.diff().lines().forEach(l -> out.println("  " + catalogLabels.catalogChange(l)));
                    }
                }
                List<CommuneRow> communes = new ArrayList<>();
                vn.ytcs.app.i18n.Labels labels = new vn.ytcs.app.i18n.Labels(m);
                r.byCommune().forEach((id, c) -> communes.add(new CommuneRow(
                        id == null ? m.get("cli.import.other") : c.name == null ? id.toString() : labels.unit(c.unitType, VietText.printable(c.name)),
                        c.created, c.changed, c.deleted, c.conflicts)));
                Manifest man = r.manifest();
                if (json) {
                    Json.print(out, new ImportRow(r.outcome().name(), man == null ? null : man.senderName(),
                            man == null ? null : man.sequence(), r.created(), r.changed(), r.deleted(), r.conflictCount(),
                            r.receipt() == null ? null : r.receipt().toString(), communes, ReorganiseCommand.rows(arriving)));
                } else {
                    String who = man == null ? "" : SyncTexts.siteName(man.senderName()) + " #" + man.sequence();
                    out.println(m.get("cli.import." + r.outcome().name(), who, r.created(), r.changed(), r.deleted(),
                            r.conflictCount()));
                    // First: what the package does to the units themselves.
                    if (!arriving.isEmpty()) {
                        out.println(m.get("cli.import.reorg", arriving.size(), arriving.stream().mapToInt(u -> u.merged().size()).sum()));
                        ReorganiseCommand.table(arriving, parent).print(out);
                    }
                    if (!communes.isEmpty()) {
                        TextTable table = new TextTable(m.get("col.commune"), m.get("col.created"), m.get("col.changed"),
                                m.get("col.deleted"), m.get("col.conflicts"));
                        communes.forEach(c -> table.add(c.commune(), c.created(), c.changed(), c.deleted(), c.conflicts().size()));
                        table.print(out);
                    }
                    if (r.receipt() != null && r.outcome() == PackageImporter.Outcome.APPLIED) {
                        out.println(m.get("cli.import.receipt", r.receipt().toString()));
                    }
                }
                return r.outcome() == PackageImporter.Outcome.APPLIED && r.conflictCount() > 0 ? CONFLICTS : Cli.OK;
            }
        }
    }

    /** {@code ytcs conflicts list|resolve}. */
    @Command(name = "conflicts", subcommands = {Conflicts.ListOpen.class, Conflicts.Resolve.class})
    static final class Conflicts implements Callable<Integer> {
        @ParentCommand
        YtcsCommand parent;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), parent.messages.get("cli.error.conflictsSubcommand"));
        }

        /** A conflict as this site sees it: its record by name, its own value, the other site's, and which one stays for now. */
        record ConflictRow(UUID id, String shortId, String kind, UUID recordId, String record, String field, String mine,
                           String theirs, ConflictResolver.Keep keeping, String otherSite) {
        }

        /** A record as people know it: "Xã Đông Phú", "Trần Thị Lan (Xã Đông Phú)"; the kind and short id when it has no name here. */
        static String record(SyncService.ConflictView c, Messages m) {
            vn.ytcs.app.i18n.Labels labels = new vn.ytcs.app.i18n.Labels(m);
            if (c.recordName() == null) {
                return c.kind() + " " + c.recordId().toString().substring(0, SyncService.SHORT_ID);
            }
            String name = c.unitType() != null ? labels.unit(c.unitType(), VietText.printable(c.recordName()))
                    : VietText.printable(c.recordName());
            return c.commune() == null ? name : m.get("sync.record.inCommune", name,
                    labels.unit(c.commune().unitType(), VietText.printable(c.commune().name())));
        }

        @Command(name = "list")
        static final class ListOpen implements Callable<Integer> {
            @ParentCommand
            Conflicts conflicts;

            @Option(names = "--json", descriptionKey = "cli.option.json")
            boolean json;

            @Override
            public Integer call() {
                YtcsCommand parent = conflicts.parent;
                try (Ytcs ytcs = parent.open()) {
                    Messages m = parent.messages;
                    List<ConflictRow> open = ytcs.sync().conflicts().stream().map(c -> new ConflictRow(c.id(), c.shortId(),
                            c.kind(), c.recordId(), record(c, m), c.field(), c.mine(), c.theirs(), c.keeping(),
                            SyncTexts.siteName(c.otherSiteName()))).toList();
                    PrintWriter out = conflicts.spec.commandLine().getOut();
                    if (json) {
                        Json.print(out, open);
                        return Cli.OK;
                    }
                    if (open.isEmpty()) {
                        out.println(m.get("cli.conflicts.none"));
                        return Cli.OK;
                    }
                    TextTable table = new TextTable("ID", m.get("col.record"), m.get("col.field"), m.get("col.mine"),
                            m.get("col.theirs"), m.get("col.keeping"), m.get("col.otherSite"));
                    for (ConflictRow c : open) {
                        table.add(c.shortId(), c.record(), c.field(), c.mine(),
                                c.theirs(), m.label("keeping", c.keeping()), c.otherSite());
                    }
                    table.print(out);
                    return Cli.OK;
                }
            }
        }

        @Command(name = "resolve")
        static final class Resolve implements Callable<Integer> {
            @ParentCommand
            Conflicts conflicts;

            @Parameters(paramLabel = "ID", descriptionKey = "cli.param.conflict")
            String id;

            @Option(names = "--keep", required = true, paramLabel = "mine|theirs", descriptionKey = "cli.option.keep")
            ConflictResolver.Keep keep;

            @Override
            public Integer call() {
                YtcsCommand parent = conflicts.parent;
                Messages m = parent.messages;
                try (Ytcs ytcs = parent.open()) {
                    SyncService.ConflictView c;
                    try {
                        c = ytcs.sync().resolve(id, keep);
                    } catch (ConflictNotFound e) {
                        String given = VietText.printable(e.given() == null ? "" : e.given(), 80);
                        throw new CliFailure(switch (e.reason()) {
                            case TOO_SHORT -> m.get("cli.error.conflictIdTooShort", given, SyncService.SHORT_ID);
                            case UNKNOWN -> m.get("cli.error.unknownConflict", given);
                            case AMBIGUOUS -> m.get("cli.error.ambiguousConflict", given, String.join(", ", e.matches()));
                        });
                    }
                    conflicts.spec.commandLine().getOut().println(m.get("cli.conflicts.resolved", c.shortId(), record(c, m),
                            c.field()));
                    return Cli.OK;
                }
            }
        }
    }

    /** {@code ytcs site show|setup|trust}. */
    @Command(name = "site", subcommands = {SiteCmd.Show.class, SiteCmd.Setup.class, SiteCmd.Trust.class})
    static final class SiteCmd implements Callable<Integer> {
        @ParentCommand
        YtcsCommand parent;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), parent.messages.get("cli.error.siteSubcommand"));
        }

        static void print(PrintWriter out, Messages m, Site s) {
            out.println(m.get("cli.site.line", SyncTexts.siteName(s.name()), m.label("siteRole", s.role()), s.id().toString(),
                    s.fingerprint() == null ? "–" : s.fingerprint()));
        }

        @Command(name = "show")
        static final class Show implements Callable<Integer> {
            @ParentCommand
            SiteCmd site;

            @Override
            public Integer call() {
                try (Ytcs ytcs = site.parent.open()) {
                    Site self = ytcs.sync().site();
                    PrintWriter out = site.spec.commandLine().getOut();
                    Messages m = site.parent.messages;
                    out.println(m.get("cli.site.this"));
                    print(out, m, self);
                    List<SyncService.Peer> remotes = ytcs.sync().peers();
                    if (!remotes.isEmpty()) {
                        out.println(m.get("cli.site.known"));
                        for (SyncService.Peer p : remotes) {
                            print(out, m, p.site());
                            var peer = p.state();
                            out.println("    " + m.get("cli.site.peer", Integer.toString(peer.lastSent()),
                                    Integer.toString(peer.acknowledged()), Integer.toString(peer.lastReceived())));
                        }
                    }
                    return Cli.OK;
                }
            }
        }

        @Command(name = "setup")
        static final class Setup implements Callable<Integer> {
            @ParentCommand
            SiteCmd site;

            @Option(names = "--name", required = true, paramLabel = "NAME", descriptionKey = "cli.option.siteName")
            String name;

            @Option(names = "--role", required = true, paramLabel = "DISTRICT|REGIONAL_CENTRE|PROVINCE", descriptionKey = "cli.option.siteRole")
            SiteRole role;

            @Override
            public Integer call() {
                try (Ytcs ytcs = site.parent.open()) {
                    Site s = ytcs.sync().setup(name, role);
                    print(site.spec.commandLine().getOut(), site.parent.messages, s);
                    return Cli.OK;
                }
            }
        }

        @Command(name = "trust")
        static final class Trust implements Callable<Integer> {
            @ParentCommand
            SiteCmd site;

            @Parameters(paramLabel = "FILE", descriptionKey = "cli.param.package")
            Path file;

            @Override
            public Integer call() {
                try (Ytcs ytcs = site.parent.open()) {
                    Site s = ytcs.sync().trustSender(file);
                    PrintWriter out = site.spec.commandLine().getOut();
                    out.println(site.parent.messages.get("cli.site.trusted"));
                    print(out, site.parent.messages, s);
                    return Cli.OK;
                }
            }
        }
    }
}
