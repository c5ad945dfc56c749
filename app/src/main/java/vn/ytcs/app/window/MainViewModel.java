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
import vn.ytcs.core.catalog.Catalogs;
import vn.ytcs.core.commune.CommuneProfile;
import vn.ytcs.core.commune.CommuneProfiles;
import vn.ytcs.core.demo.DemoLoader;
import vn.ytcs.core.scoring.CommuneScoring;
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

    /** A district or province: its communes, those lacking a permanent doctor, those meeting the standard. */
    public record UnitSummary(Unit unit, int communes, long withoutPermanentDoctor, long meetingStandard, int period) {
    }

    private final Path dataDir;
    private final Executor background;
    private final Executor ui;
    private final Supplier<LocalDate> today;
    private final String actor;
    private Store store;

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
    private final ObjectProperty<UnitSummary> summary = new SimpleObjectProperty<>();
    private final BooleanProperty busy = new SimpleBooleanProperty();
    private final ObjectProperty<List<Store.Notice>> notices = new SimpleObjectProperty<>(List.of());
    private final ObjectProperty<Site> site = new SimpleObjectProperty<>();
    private long selection;

    public MainViewModel(Path dataDir, Executor background, Executor ui, Supplier<LocalDate> today, String actor) {
        this.dataDir = dataDir;
        this.background = background;
        this.ui = ui;
        this.today = today;
        this.actor = actor;
        filter.addListener((o, a, b) -> visible.set(tree.get().visibleFor(b)));
        tree.addListener((o, a, b) -> visible.set(b.visibleFor(filter.get())));
    }

    /** Opens the database in the background and shows what it holds. */
    public void open() {
        phase.set(Phase.OPENING);
        background.execute(() -> {
            try {
                Store opened = Store.open(dataDir);
                Snapshot snapshot = snapshot(opened);
                Site local = opened.localSite();
                ui.execute(() -> {
                    store = opened;
                    site.set(local);
                    notices.set(opened.notices());
                    show(snapshot);
                });
            } catch (RuntimeException e) {
                ui.execute(() -> fail(e));
            }
        });
    }

    /** Loads the demo province, then shows it. */
    public void loadDemo() {
        if (store == null || phase.get() != Phase.EMPTY) {
            return;
        }
        phase.set(Phase.LOADING_DEMO);
        Store s = store;
        background.execute(() -> {
            try {
                DemoLoader.load(s, actor);
                Snapshot snapshot = snapshot(s);
                ui.execute(() -> show(snapshot));
            } catch (RuntimeException e) {
                ui.execute(() -> fail(e));
            }
        });
    }

    /** Shows the unit: a commune's profile, or the summary of a district or province. */
    public void select(Unit unit) {
        selected.set(unit);
        profile.set(null);
        scored.set(null);
        summary.set(null);
        long ticket = ++selection;
        if (unit == null || store == null) {
            return;
        }
        busy.set(true);
        Store s = store;
        UnitTree t = tree.get();
        LocalDate day = asOf.get();
        background.execute(() -> {
            try {
                List<Unit> communes = unit.level() == UnitLevel.COMMUNE ? List.of(unit) : t.communesUnder(unit);
                int period = day.getYear();
                List<CommuneScoring.Result> results = new CommuneScoring(s, Catalogs.shipped()).score(t, communes, period, day);
                List<CommuneProfile> profiles = results.isEmpty() ? new CommuneProfiles(s).load(t, communes, day)
                        : results.stream().map(CommuneScoring.Result::profile).toList();
                ui.execute(() -> {
                    if (ticket != selection) {
                        return; // the user has moved on to another unit
                    }
                    busy.set(false);
                    if (unit.level() == UnitLevel.COMMUNE) {
                        scored.set(results.isEmpty() ? null : results.get(0));
                        profile.set(profiles.get(0));
                    } else {
                        summary.set(new UnitSummary(unit, profiles.size(),
                                profiles.stream().filter(p -> p.permanentDoctors() == 0).count(),
                                results.stream().filter(r -> r.scorecard().passed()).count(), period));
                    }
                });
            } catch (RuntimeException e) {
                ui.execute(() -> {
                    busy.set(false);
                    fail(e);
                });
            }
        });
    }

    /** Reads the register again, after an import changed it. */
    public void reload() {
        Store s = store;
        if (s == null) {
            return;
        }
        background.execute(() -> {
            try {
                Snapshot snapshot = snapshot(s);
                ui.execute(() -> {
                    show(snapshot);
                    select(selected.get());
                });
            } catch (RuntimeException e) {
                ui.execute(() -> fail(e));
            }
        });
    }

    /** The open store, for the dialogs' own view models (null until opened). */
    Store store() {
        return store;
    }

    /** Closes the database; call when the window closes. */
    public void close() {
        Store s = store;
        store = null;
        if (s != null) {
            background.execute(s::close);
        }
    }

    private record Snapshot(UnitTree tree, LocalDate asOf, boolean demo) {
    }

    private Snapshot snapshot(Store s) {
        LocalDate day = s.units().defaultAsOf(today.get());
        return new Snapshot(s.units().tree(day), day, DemoLoader.isLoaded(s));
    }

    private void show(Snapshot snapshot) {
        asOf.set(snapshot.asOf());
        demo.set(snapshot.demo());
        tree.set(snapshot.tree());
        phase.set(snapshot.tree().isEmpty() ? Phase.EMPTY : Phase.READY);
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

    public ReadOnlyObjectProperty<UnitSummary> summary() {
        return summary;
    }

    /** What the opening of the database found to tell: a repair it made, a clock behind the data. */
    public ReadOnlyObjectProperty<List<Store.Notice>> notices() {
        return notices;
    }

    /** This installation's own site (its name, role and key fingerprint); null until the store is open. */
    public ReadOnlyObjectProperty<Site> site() {
        return site;
    }

    public ReadOnlyBooleanProperty busy() {
        return busy;
    }

    public Path dataDir() {
        return dataDir;
    }
}
