// SPDX-License-Identifier: Apache-2.0
package vn.ytcs.app.window;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Executor;
import java.util.function.Supplier;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import vn.ytcs.app.root.Ytcs;
import vn.ytcs.sync.SyncService;
import vn.ytcs.core.commune.CommuneProfile;
import vn.ytcs.core.demo.DemoLoader;
import vn.ytcs.core.scoring.CommuneScoring;
import vn.ytcs.core.service.ScoringService;
import vn.ytcs.core.site.Site;
import vn.ytcs.core.store.Store;
import vn.ytcs.core.unit.Unit;
import vn.ytcs.core.unit.UnitLevel;
import vn.ytcs.core.unit.UnitTree;

/**
 * State and intents of the main window. The only class of the window that calls services: it
 * runs them on the background executor and publishes results through the UI executor, so it is
 * tested without starting JavaFX.
 */
public final class MainViewModel {

    /** What the window shows in its main area. */
    public enum Phase {
        /** The database is being opened. */
        OPENING,
        /** The database holds no units: offer the demo. */
        EMPTY,
        /** The demo is being written. */
        LOADING_DEMO,
        /** The register is shown. */
        READY,
        /** The database could not be opened; see {@link #error()}. */
        FAILED
    }

    private final Path dataDir;
    private final Executor background;
    private final Executor ui;
    private final Supplier<LocalDate> today;
    private final String actor;
    private final BackgroundTasks tasks;
    /** Set on the background thread as soon as it is open: the dialogs' work, queued behind the opening, finds it. */
    private volatile Ytcs ytcs;
    private BackgroundTasks.Job demoJob;

    private final ObjectProperty<Phase> phase = new SimpleObjectProperty<>(Phase.OPENING);
    private final ObjectProperty<Throwable> error = new SimpleObjectProperty<>();
    private final ObjectProperty<UnitTree> tree = new SimpleObjectProperty<>(new UnitTree(List.of()));
    private final ObjectProperty<LocalDate> asOf = new SimpleObjectProperty<>();
    private final BooleanProperty demo = new SimpleBooleanProperty();
    private final StringProperty filter = new SimpleStringProperty("");
    private final ObjectProperty<Set<UUID>> visible = new SimpleObjectProperty<>(Set.of());
    private final ObjectProperty<Unit> selected = new SimpleObjectProperty<>();
    private final ObjectProperty<CommuneProfile> profile = new SimpleObjectProperty<>();
    private final ObjectProperty<CommuneScoring.Result> scored = new SimpleObjectProperty<>();
    private final ObjectProperty<ScoringService.UnitSummary> summary = new SimpleObjectProperty<>();
    private final ObjectProperty<Throwable> pageError = new SimpleObjectProperty<>();
    private final ObjectProperty<Site> site = new SimpleObjectProperty<>();
    private final ReadOnlyDoubleWrapper demoProgress = new ReadOnlyDoubleWrapper(-1);
    private final BooleanProperty busy = new SimpleBooleanProperty();
    private final ObjectProperty<List<Store.Notice>> notices = new SimpleObjectProperty<>(List.of());
    private final ObjectProperty<Throwable> startProblem = new SimpleObjectProperty<>();
    /** The day the user chose to see, or null for the register's usual day. */
    private volatile LocalDate chosenDay;
    private long selection;

    public MainViewModel(Path dataDir, Executor background, Executor ui, Supplier<LocalDate> today, String actor) {
        this.dataDir = dataDir;
        this.background = background;
        this.ui = ui;
        this.today = today;
        this.actor = actor;
        this.tasks = new BackgroundTasks(background, ui);
        filter.addListener((o, a, b) -> visible.set(tree.get().visibleFor(b)));
        tree.addListener((o, a, b) -> visible.set(b.visibleFor(filter.get())));
    }

    /** Opens the database in the background and shows what it holds. */
    public void open() {
        phase.set(Phase.OPENING);
        background.execute(() -> {
            try {
                Ytcs opened = Ytcs.open(dataDir, actor);
                Snapshot snapshot = snapshot(opened);
                ytcs = opened;
                ui.execute(() -> {
                    notices.set(opened.register().notices());
                    site.set(opened.register().localSite());
                    show(snapshot);
                });
            } catch (RuntimeException e) {
                ui.execute(() -> fail(e));
            }
        });
    }

    /** Loads the demo province, then shows it; {@link #cancelDemo()} stops it with nothing written. */
    public void loadDemo() {
        if (ytcs == null || phase.get() != Phase.EMPTY) {
            return;
        }
        phase.set(Phase.LOADING_DEMO);
        Ytcs y = ytcs;
        demoProgress.set(-1);
        demoJob = tasks.run(progress -> {
            y.register().loadDemo(DemoLoader.World.BOTH, progress);
            return snapshot(y);
        }, this::show, this::fail);
        demoProgress.bind(demoJob.progress());
        demoJob.state().addListener((o, a, b) -> {
            if (b == BackgroundTasks.State.CANCELLED) {
                phase.set(Phase.EMPTY);
            }
            if (b != BackgroundTasks.State.RUNNING) {
                demoProgress.unbind();
            }
        });
    }

    /**
     * Starts a real office without the demo (issue 11): who this site is, then its units from an
     * official list file ({@code units import}); a refused file is said on the empty page, nothing changed.
     */
    public void startWithUnits(String siteName, vn.ytcs.core.site.SiteRole role, Path unitList) {
        Ytcs y = ytcs;
        if (y == null || phase.get() != Phase.EMPTY || unitList == null) {
            return;
        }
        startProblem.set(null);
        busy.set(true);
        tasks.run(progress -> {
            vn.ytcs.core.service.UnitImport.Plan plan = y.unitImport().plan(unitList);
            if (siteName != null && !siteName.isBlank()) {
                y.sync().setup(siteName.strip(), role);
            }
            y.unitImport().apply(plan);
            return snapshot(y);
        }, s -> {
            busy.set(false);
            site.set(y.register().localSite());
            show(s);
        }, e -> {
            busy.set(false);
            startProblem.set(e);
        });
    }

    /** Why the units could not be loaded from the file chosen on the empty page; null when nothing went wrong. */
    public ReadOnlyObjectProperty<Throwable> startProblem() {
        return startProblem;
    }

    /**
     * Shows the register as it was or will be on another day (issue 11): the tree of that day, the
     * unit shown kept when it existed then. Later reloads keep the day chosen.
     */
    public void showDay(LocalDate day) {
        Ytcs y = ytcs;
        if (y == null || day == null || day.equals(asOf.get())) {
            return;
        }
        chosenDay = day;
        background.execute(() -> {
            try {
                Snapshot snapshot = snapshot(y);
                ui.execute(() -> {
                    Unit unit = selected.get();
                    selected.set(unit == null ? null : snapshot.tree().get(unit.id()).orElse(null));
                    show(snapshot);
                    select(selected.get());
                });
            } catch (RuntimeException e) {
                ui.execute(() -> fail(e));
            }
        });
    }

    /** Stops a demo load in progress; the database stays empty. */
    public void cancelDemo() {
        if (demoJob != null) {
            demoJob.cancel();
        }
    }

    /**
     * Shows the unit: a commune's profile, or the summary of a district or province. A unit that
     * cannot be shown says so on its own page; the next selection starts afresh.
     */
    public void select(Unit unit) {
        selected.set(unit);
        profile.set(null);
        scored.set(null);
        summary.set(null);
        pageError.set(null);
        long ticket = ++selection;
        if (unit == null || ytcs == null) {
            busy.set(false);
            return;
        }
        busy.set(true);
        Ytcs y = ytcs;
        UnitTree t = tree.get();
        LocalDate day = asOf.get();
        background.execute(() -> {
            try {
                ScoringService scoring = y.scoring();
                Runnable publish;
                if (unit.level() == UnitLevel.COMMUNE) {
                    ScoringService.Scored s = scoring.scored(t, List.of(unit), scoring.period(null, day), day);
                    publish = () -> {
                        scored.set(s.results().isEmpty() ? null : s.results().get(0));
                        profile.set(s.profiles().get(0));
                    };
                } else {
                    ScoringService.UnitSummary s = scoring.summary(t, unit, day);
                    publish = () -> summary.set(s);
                }
                ui.execute(() -> {
                    if (ticket != selection) {
                        return; // the user has moved on to another unit
                    }
                    busy.set(false);
                    publish.run();
                });
            } catch (RuntimeException e) {
                ui.execute(() -> {
                    if (ticket == selection) {
                        busy.set(false);
                        pageError.set(e);
                    }
                });
            }
        });
    }

    /**
     * Scores the selected commune again after an edit, keeping its page up meanwhile (no loading
     * state): the profile and scorecard are replaced when the new ones are ready.
     */
    public void refresh() {
        Unit unit = selected.get();
        Ytcs y = ytcs;
        if (unit == null || y == null || unit.level() != UnitLevel.COMMUNE) {
            return;
        }
        long ticket = selection;
        UnitTree t = tree.get();
        LocalDate day = asOf.get();
        background.execute(() -> {
            try {
                ScoringService scoring = y.scoring();
                ScoringService.Scored s = scoring.scored(t, List.of(unit), scoring.period(null, day), day);
                ui.execute(() -> {
                    if (ticket == selection) {
                        scored.set(s.results().isEmpty() ? null : s.results().get(0));
                        profile.set(s.profiles().get(0));
                    }
                });
            } catch (RuntimeException e) {
                ui.execute(() -> {
                    if (ticket == selection) {
                        pageError.set(e);
                    }
                });
            }
        });
    }

    /** The editors of the commune's register, for its page; a save rescores the page ({@link #refresh()}). */
    public RegisterEditingViewModel editing(Unit commune, vn.ytcs.app.i18n.Messages messages) {
        return new RegisterEditingViewModel(() -> ytcs.register(), background, ui, messages, commune, asOf.get(), this::refresh,
                this::refreshUnits);
    }

    /** Reads the units again (a commune's vùng or region changed), keeps the selection on the same unit, rescores it. */
    public void refreshUnits() {
        Ytcs y = ytcs;
        if (y == null) {
            return;
        }
        background.execute(() -> {
            try {
                Snapshot snapshot = snapshot(y);
                ui.execute(() -> {
                    Unit unit = selected.get();
                    if (unit != null) {
                        // The new tree's unit first: the sidebar, rebuilt from the new tree, then finds it selected.
                        selected.set(snapshot.tree().get(unit.id()).orElse(unit));
                    }
                    show(snapshot);
                    refresh();
                });
            } catch (RuntimeException e) {
                ui.execute(() -> fail(e));
            }
        });
    }

    /** Reads the register again, after an import changed it. */
    public void reload() {
        Ytcs y = ytcs;
        if (y == null) {
            return;
        }
        background.execute(() -> {
            try {
                Snapshot snapshot = snapshot(y);
                ui.execute(() -> {
                    show(snapshot);
                    select(selected.get());
                });
            } catch (RuntimeException e) {
                ui.execute(() -> fail(e));
            }
        });
    }

    /** A view model for the selected commune's assessment, sharing the store and the worker thread; null when no commune is shown. */
    AssessmentViewModel assessment(java.util.Locale locale) {
        Ytcs y = ytcs;
        Unit u = selected.get();
        return y == null || u == null || u.level() != UnitLevel.COMMUNE ? null
                : new AssessmentViewModel(() -> y, background, ui, tree.get(), u, asOf.get(), null, locale);
    }

    /** A view model for the catalog in force, its editor at the province; a saved revision rescores the page shown. */
    CatalogEditorViewModel catalogEditor(vn.ytcs.app.i18n.Messages messages) {
        Ytcs y = ytcs;
        return y == null ? null : new CatalogEditorViewModel(() -> y, background, ui, messages, tree.get(), asOf.get(),
                this::reload);
    }

    /** A view model for a reorganisation of the units; once applied, the units are read again. */
    ReorganiseViewModel reorganisation() {
        Ytcs y = ytcs;
        return y == null ? null : new ReorganiseViewModel(() -> y, background, ui, this::reload);
    }

    /** The catalogs, for the import dialog to tell which revisions of the standard arrived (null until opened). */
    vn.ytcs.core.service.CatalogService catalogs() {
        return ytcs == null ? null : ytcs.catalogs();
    }

    /** The reorganisation, for the import dialog to preview one a package brings (null until opened). */
    vn.ytcs.core.service.Reorganisation reorganisationService() {
        return ytcs == null ? null : ytcs.reorganisation();
    }

    /** The sync service, for the import and export dialogs' view models (null until opened). */
    SyncService sync() {
        return ytcs == null ? null : ytcs.sync();
    }

    /** Closes the database; call when the window closes. */
    public void close() {
        // On the worker, after whatever it was doing: an open still under way is closed too.
        background.execute(() -> {
            Ytcs y = ytcs;
            ytcs = null;
            if (y != null) {
                y.close();
            }
        });
    }

    /** @param empty whether the register holds no unit at all (not merely none on the day) */
    private record Snapshot(UnitTree tree, LocalDate asOf, boolean demo, boolean empty) {
    }

    private Snapshot snapshot(Ytcs y) {
        LocalDate usual = y.register().defaultAsOf(today.get());
        LocalDate day = chosenDay != null ? chosenDay : usual;
        UnitTree t = y.register().tree(day);
        boolean empty = t.isEmpty() && (day.equals(usual) || y.register().tree(usual).isEmpty());
        return new Snapshot(t, day, y.register().demoLoaded(), empty);
    }

    private void show(Snapshot snapshot) {
        asOf.set(snapshot.asOf());
        demo.set(snapshot.demo());
        tree.set(snapshot.tree());
        phase.set(snapshot.empty() ? Phase.EMPTY : Phase.READY);
    }

    private void fail(Throwable e) {
        error.set(e);
        phase.set(Phase.FAILED);
    }

    public ReadOnlyObjectProperty<Phase> phase() {
        return phase;
    }

    public ReadOnlyObjectProperty<Throwable> error() {
        return error;
    }

    public ReadOnlyObjectProperty<UnitTree> tree() {
        return tree;
    }

    public ReadOnlyObjectProperty<LocalDate> asOf() {
        return asOf;
    }

    public ReadOnlyBooleanProperty demo() {
        return demo;
    }

    /** The search text; the view binds its field to it. */
    public StringProperty filter() {
        return filter;
    }

    /** Ids of the units to show for the current filter. */
    public ReadOnlyObjectProperty<Set<UUID>> visible() {
        return visible;
    }

    public ReadOnlyObjectProperty<Unit> selected() {
        return selected;
    }

    public ReadOnlyObjectProperty<CommuneProfile> profile() {
        return profile;
    }

    /** The selected commune's scorecard for the period of the day shown; null when no catalog was in force. */
    public ReadOnlyObjectProperty<CommuneScoring.Result> scored() {
        return scored;
    }

    public ReadOnlyObjectProperty<ScoringService.UnitSummary> summary() {
        return summary;
    }

    /** Why the selected unit could not be shown; null when it was. Cleared by the next selection. */
    public ReadOnlyObjectProperty<Throwable> pageError() {
        return pageError;
    }

    /** This site: its name, role and key fingerprint; null until the database is open. */
    public ReadOnlyObjectProperty<Site> site() {
        return site;
    }

    /** How far the demo load got, from 0 to 1, or -1 while unknown. */
    public ReadOnlyDoubleProperty demoProgress() {
        return demoProgress.getReadOnlyProperty();
    }

    /** What the opening of the database found to tell: a repair it made, a clock behind the data. */
    public ReadOnlyObjectProperty<List<Store.Notice>> notices() {
        return notices;
    }

    public ReadOnlyBooleanProperty busy() {
        return busy;
    }

    public Path dataDir() {
        return dataDir;
    }
}
