// SPDX-License-Identifier: Apache-2.0
package vn.ytcs.app.window;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Executor;
import java.util.function.Function;
import java.util.function.Supplier;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleObjectProperty;
import vn.ytcs.core.site.Site;
import vn.ytcs.core.task.Progress;
import vn.ytcs.sync.SyncService;
import vn.ytcs.sync.pack.PackageImporter;
import vn.ytcs.sync.pack.PackageRefused;

/**
 * State and intents of the import and export dialogs, over the sync service. A package is staged
 * once when the dialog opens; the trust step, the preview and the apply all use that copy. Work
 * runs through {@link BackgroundTasks}, with progress and a working cancel.
 */
public final class SyncViewModel {

    /** Where a dialog stands. */
    public enum Step {
        IDLE, WORKING, UNTRUSTED, PREVIEW, DONE, REFUSED, FAILED, CANCELLED
    }

    /** What the import dialog is doing while it works. */
    public enum Work {
        CHECKING, APPLYING, EXPORTING
    }

    /** How an import ended, as the dialog tells it. */
    public enum Outcome {
        PREVIEW, APPLIED, ALREADY_IMPORTED, RECEIPT
    }

    /** A commune's share of a package; a null id holds the records of no commune. */
    public record CommuneRow(UUID id, String unitType, String name, int created, int changed, int deleted, int conflicts) {
    }

    /** A field both sites changed: the record by its name, both values, and whether this site's stays. */
    public record ConflictLine(String kind, String name, String field, String mine, String theirs, boolean keepingMine) {
    }

    /**
     * What the dialog shows of an import: who sent it (null for a receipt), what it does, per
     * commune, its conflicts, and the receipt written.
     */
    public record ImportSummary(Outcome outcome, String senderName, String fingerprint, Integer sequence, int created,
                                int changed, int deleted, List<CommuneRow> communes, List<ConflictLine> conflicts,
                                Path receipt, List<vn.ytcs.core.service.CatalogService.Revised> revised,
                                List<vn.ytcs.core.service.Reorganisation.NewUnit> reorganisation) {
    }

    /** A package written: where, its sequence number and how many records it holds. */
    public record ExportSummary(Path file, int sequence, long records) {
    }

    private final Supplier<SyncService> sync;
    private final Executor background;
    private final Executor ui;
    private final BackgroundTasks tasks;
    private final Runnable afterImport;

    private final ObjectProperty<Step> step = new SimpleObjectProperty<>(Step.IDLE);
    private final ObjectProperty<Work> work = new SimpleObjectProperty<>();
    private final DoubleProperty progress = new SimpleDoubleProperty(-1);
    private final ObjectProperty<PackageImporter.Result> result = new SimpleObjectProperty<>();
    private final ObjectProperty<ImportSummary> summary = new SimpleObjectProperty<>();
    private final ObjectProperty<ExportSummary> written = new SimpleObjectProperty<>();
    private final ObjectProperty<SyncService.Sender> untrusted = new SimpleObjectProperty<>();
    private final ObjectProperty<Site> self = new SimpleObjectProperty<>();
    private final ObjectProperty<Site> receiver = new SimpleObjectProperty<>();
    private final ObjectProperty<PackageRefused> refused = new SimpleObjectProperty<>();
    private final ObjectProperty<Throwable> failure = new SimpleObjectProperty<>();
    private final ObjectProperty<SyncService.Export> exported = new SimpleObjectProperty<>();
    private final ObjectProperty<List<Path>> drives = new SimpleObjectProperty<>();
    private final Supplier<vn.ytcs.core.service.CatalogService> catalogs;
    private final Supplier<vn.ytcs.core.service.Reorganisation> reorganisation;
    private BackgroundTasks.Job job;
    private Path file;
    private boolean receipt;
    /** The staged package; touched on the background executor only. */
    private SyncService.Incoming incoming;

    /**
     * @param catalogs the catalogs of this site, to tell which revisions of the standard an import
     *                 brought (and what they changed)
     * @param reorganisation this site's, to preview per new unit a reorganisation a package brings
     */
    public SyncViewModel(Supplier<SyncService> sync, Supplier<vn.ytcs.core.service.CatalogService> catalogs,
                         Supplier<vn.ytcs.core.service.Reorganisation> reorganisation,
                         Executor background, Executor ui, Runnable afterImport) {
        this.sync = sync;
        this.catalogs = catalogs;
        this.reorganisation = reorganisation;
        this.background = background;
        this.ui = ui;
        this.tasks = new BackgroundTasks(background, ui);
        this.afterImport = afterImport;
    }

    /** Stages the package (read once) and previews it, writing nothing; a receipt is taken in at once. */
    public void open(Path packageFile) {
        file = packageFile;
        run(Work.CHECKING, p -> {
            SyncService s = sync.get();
            if (incoming != null) {
                incoming.close();
            }
            incoming = s.stage(packageFile, p);
            return next(s, p);
        });
    }

    /** After staging or trusting: the trust step, the receipt taken in, or the preview. */
    private Runnable next(SyncService s, Progress p) {
        Site me = s.site();
        boolean isReceipt = incoming.isReceipt();
        if (!incoming.trusted()) {
            SyncService.Sender sender = incoming.sender();
            return () -> {
                receipt = isReceipt;
                self.set(me);
                untrusted.set(sender);
                step.set(Step.UNTRUSTED);
            };
        }
        // A receipt changes nothing but what this site knows of the other: nothing to preview.
        PackageImporter.Result r = isReceipt ? incoming.apply(p) : incoming.preview(p);
        List<vn.ytcs.core.service.Reorganisation.NewUnit> arriving = vn.ytcs.app.root.Ytcs.arrivingReorganisation(reorganisation.get(), r);
        return () -> {
            receipt = isReceipt;
            self.set(me);
            summary.set(summarise(r, List.of(), arriving));
            result.set(r);
            step.set(r.outcome() == PackageImporter.Outcome.DRY_RUN ? Step.PREVIEW : Step.DONE);
            if (isReceipt) {
                afterImport.run();
            }
        };
    }

    /** Trusts the sender after its fingerprint was confirmed on the phone, then previews, from the same copy. */
    public void trustAndPreview() {
        run(Work.CHECKING, p -> {
            incoming.trust();
            return next(sync.get(), p);
        });
    }

    /** Applies the previewed package in one transaction and writes the receipt. */
    public void apply() {
        run(Work.APPLYING, p -> {
            vn.ytcs.core.service.CatalogService c = catalogs.get();
            Map<String, Integer> before = c.newestNumbers();
            PackageImporter.Result r = incoming.apply(p);
            List<vn.ytcs.core.service.CatalogService.Revised> revised = c.revisedSince(before);
            return () -> {
                summary.set(summarise(r, revised, List.of()));
            result.set(r);
                step.set(Step.DONE);
                afterImport.run();
            };
        });
    }

    /**
     * Learns, in the background, this site and the site an export would go to, and looks for USB
     * sticks (probing drives can hang on a slow one: never on the FX thread).
     */
    public void describeExport() {
        background.execute(() -> {
            SyncService s = sync.get();
            Site me = s.site();
            Site to = s.receiver(null).flatMap(s::site).orElse(null);
            List<Path> found = RemovableDrives.find();
            ui.execute(() -> {
                self.set(me);
                receiver.set(to);
                drives.set(found);
            });
        });
    }

    /** Writes a package into the folder. */
    public void export(Path folder, boolean full, boolean gzip) {
        run(Work.EXPORTING, p -> {
            SyncService.Export e = sync.get().export(folder, full, gzip, p);
            return () -> {
                written.set(new ExportSummary(e.file(), e.manifest().sequence(), e.manifest().total()));
                exported.set(e);
                step.set(Step.DONE);
            };
        });
    }

    /** Asks the work under way to stop; nothing it began is kept. */
    public void cancel() {
        if (job != null) {
            job.cancel();
        }
    }

    /** The dialog is closed: its staged copy is removed (or, when the window is closing too, at the next import). */
    public void close() {
        cancel();
        try {
            background.execute(() -> {
                if (incoming != null) {
                    incoming.close();
                    incoming = null;
                }
            });
        } catch (java.util.concurrent.RejectedExecutionException e) {
            // The window closed first; the next import removes the copy.
        }
    }

    /** Runs work whose result, a change of state, is applied on the UI executor. */
    private void run(Work what, Function<Progress, Runnable> task) {
        work.set(what);
        step.set(Step.WORKING);
        progress.unbind();
        BackgroundTasks.Job started = tasks.run(task, Runnable::run, e -> {
            if (e instanceof PackageRefused r) {
                refused.set(r);
                step.set(Step.REFUSED);
            } else {
                failure.set(e);
                step.set(Step.FAILED);
            }
        });
        started.state().addListener((o, a, b) -> {
            if (b == BackgroundTasks.State.CANCELLED) {
                step.set(Step.CANCELLED);
            }
        });
        progress.bind(started.progress());
        job = started;
    }

    public ReadOnlyObjectProperty<Step> step() {
        return step;
    }

    public ReadOnlyObjectProperty<Work> work() {
        return work;
    }

    /** From 0 to 1, or -1 while it is not known. */
    public ReadOnlyDoubleProperty progress() {
        return progress;
    }

    public ReadOnlyObjectProperty<PackageImporter.Result> result() {
        return result;
    }

    /** The import's outcome as the dialog shows it (set just before {@link #result()}). */
    public ReadOnlyObjectProperty<ImportSummary> summary() {
        return summary;
    }

    /** The package written, as the dialog shows it (set just before {@link #exported()}). */
    public ReadOnlyObjectProperty<ExportSummary> written() {
        return written;
    }

    private static ImportSummary summarise(PackageImporter.Result r, List<vn.ytcs.core.service.CatalogService.Revised> revised,
                                           List<vn.ytcs.core.service.Reorganisation.NewUnit> reorganisation) {
        List<CommuneRow> communes = new java.util.ArrayList<>();
        r.byCommune().forEach((id, c) -> communes.add(new CommuneRow(id, c.unitType, c.name, c.created, c.changed, c.deleted,
                c.conflicts.size())));
        List<ConflictLine> conflicts = r.conflicts().stream().map(c -> new ConflictLine(c.kind(), r.names().get(c.recordId()),
                c.field(), c.mine(), c.theirs(), c.keptIsLocal())).toList();
        Outcome outcome = r.outcome() == PackageImporter.Outcome.DRY_RUN ? Outcome.PREVIEW : Outcome.valueOf(r.outcome().name());
        var man = r.manifest();
        return new ImportSummary(outcome, man == null ? null : man.senderName(), man == null ? null : man.fingerprint(),
                man == null ? null : man.sequence(), r.created(), r.changed(), r.deleted(), communes, conflicts, r.receipt(),
                revised, reorganisation);
    }

    /** Who signed a package or receipt this site does not trust yet. */
    public ReadOnlyObjectProperty<SyncService.Sender> untrusted() {
        return untrusted;
    }

    /** This site: its name and key fingerprint, shown beside the other site's. */
    public ReadOnlyObjectProperty<Site> self() {
        return self;
    }

    /** The site an export goes to; null for the first site to import it. */
    public ReadOnlyObjectProperty<Site> receiver() {
        return receiver;
    }

    public ReadOnlyObjectProperty<PackageRefused> refused() {
        return refused;
    }

    public ReadOnlyObjectProperty<Throwable> failure() {
        return failure;
    }

    public ReadOnlyObjectProperty<SyncService.Export> exported() {
        return exported;
    }

    /** The USB sticks found; null until they were looked for. */
    public ReadOnlyObjectProperty<List<Path>> drives() {
        return drives;
    }

    /** Whether the file opened is a receipt (known once it was read). */
    public boolean isReceipt() {
        return receipt;
    }

    public Path file() {
        return file;
    }
}
