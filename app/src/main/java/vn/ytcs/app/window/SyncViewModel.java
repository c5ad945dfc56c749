// SPDX-License-Identifier: Apache-2.0
package vn.ytcs.app.window;

import java.nio.file.Path;
import java.util.concurrent.Executor;
import java.util.function.Supplier;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import vn.ytcs.core.store.Store;
import vn.ytcs.sync.pack.Manifest;
import vn.ytcs.sync.pack.PackageImporter;
import vn.ytcs.sync.pack.PackageRefused;
import vn.ytcs.sync.pack.PackageWriter;
import vn.ytcs.sync.site.SiteKeys;

/**
 * State and intents of the import and export dialogs. Verification, preview, apply and export run
 * on the background executor; results come back through the UI executor.
 */
public final class SyncViewModel {

    /** Where a dialog stands. */
    public enum Step {
        IDLE, WORKING, UNTRUSTED, PREVIEW, DONE, REFUSED, FAILED
    }

    private final Supplier<Store> store;
    private final Executor background;
    private final Executor ui;
    private final String actor;
    private final Runnable afterImport;

    private final ObjectProperty<Step> step = new SimpleObjectProperty<>(Step.IDLE);
    private final ObjectProperty<PackageImporter.Result> result = new SimpleObjectProperty<>();
    private final ObjectProperty<Manifest> untrusted = new SimpleObjectProperty<>();
    private final ObjectProperty<PackageRefused> refused = new SimpleObjectProperty<>();
    private final ObjectProperty<Throwable> failure = new SimpleObjectProperty<>();
    private final ObjectProperty<PackageWriter.Exported> exported = new SimpleObjectProperty<>();
    private Path file;

    public SyncViewModel(Supplier<Store> store, Executor background, Executor ui, String actor, Runnable afterImport) {
        this.store = store;
        this.background = background;
        this.ui = ui;
        this.actor = actor;
        this.afterImport = afterImport;
    }

    private PackageImporter importer(Store s) {
        return new PackageImporter(s, SiteKeys.loadOrCreate(s, null, null), actor);
    }

    /** Verifies the package and previews it, writing nothing. */
    public void open(Path packageFile) {
        file = packageFile;
        run(() -> {
            Store s = store.get();
            try {
                PackageImporter.Result r = importer(s).importFile(packageFile, true);
                ui.execute(() -> {
                    result.set(r);
                    step.set(r.outcome() == PackageImporter.Outcome.DRY_RUN ? Step.PREVIEW : Step.DONE);
                });
            } catch (PackageRefused e) {
                if (e.reason() == PackageRefused.Reason.UNKNOWN_SENDER) {
                    Manifest m = PackageImporter.inspect(packageFile);
                    ui.execute(() -> {
                        untrusted.set(m);
                        step.set(Step.UNTRUSTED);
                    });
                } else {
                    ui.execute(() -> {
                        refused.set(e);
                        step.set(Step.REFUSED);
                    });
                }
            }
        });
    }

    /** Trusts the sender after its fingerprint was confirmed on the phone, then previews again. */
    public void trustAndPreview() {
        Path f = file;
        run(() -> {
            importer(store.get()).trustSender(f);
            ui.execute(() -> open(f));
        });
    }

    /** Applies the previewed package in one transaction and writes the receipt. */
    public void apply() {
        Path f = file;
        run(() -> {
            try {
                PackageImporter.Result r = importer(store.get()).importFile(f, false);
                ui.execute(() -> {
                    result.set(r);
                    step.set(Step.DONE);
                    afterImport.run();
                });
            } catch (PackageRefused e) {
                ui.execute(() -> {
                    refused.set(e);
                    step.set(Step.REFUSED);
                });
            }
        });
    }

    /** Writes a package into the folder. */
    public void export(Path folder, boolean full, boolean gzip) {
        run(() -> {
            Store s = store.get();
            SiteKeys keys = SiteKeys.loadOrCreate(s, null, null);
            var trusted = s.sites().remotes().stream().filter(x -> x.trusted()).toList();
            PackageWriter.Exported e = PackageWriter.export(s, keys, trusted.size() == 1 ? trusted.get(0).id() : null,
                    full, folder, gzip);
            ui.execute(() -> {
                exported.set(e);
                step.set(Step.DONE);
            });
        });
    }

    private void run(Runnable work) {
        step.set(Step.WORKING);
        background.execute(() -> {
            try {
                work.run();
            } catch (RuntimeException e) {
                ui.execute(() -> {
                    failure.set(e);
                    step.set(Step.FAILED);
                });
            }
        });
    }

    public ReadOnlyObjectProperty<Step> step() {
        return step;
    }

    public ReadOnlyObjectProperty<PackageImporter.Result> result() {
        return result;
    }

    public ReadOnlyObjectProperty<Manifest> untrusted() {
        return untrusted;
    }

    public ReadOnlyObjectProperty<PackageRefused> refused() {
        return refused;
    }

    public ReadOnlyObjectProperty<Throwable> failure() {
        return failure;
    }

    public ReadOnlyObjectProperty<PackageWriter.Exported> exported() {
        return exported;
    }

    public Path file() {
        return file;
    }
}
