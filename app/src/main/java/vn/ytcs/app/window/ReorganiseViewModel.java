// SPDX-License-Identifier: Apache-2.0
package vn.ytcs.app.window;

import java.nio.file.Path;
import java.util.concurrent.Executor;
import java.util.function.Supplier;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import vn.ytcs.app.root.Ytcs;
import vn.ytcs.core.service.Reorganisation;

/**
 * A reorganisation in the window (issue 11), as {@code reorganise} does it: a mapping file checked
 * whole and previewed per new unit, then applied in one transaction after a backup. Work runs on
 * the background executor and is published on the UI executor, so it is tested without a window.
 */
public final class ReorganiseViewModel {

    private final Supplier<Ytcs> ytcs;
    private final BackgroundTasks tasks;
    private final Runnable applied;
    private final ObjectProperty<Reorganisation.Plan> plan = new SimpleObjectProperty<>();
    private final ObjectProperty<Throwable> problem = new SimpleObjectProperty<>();
    private final BooleanProperty busy = new SimpleBooleanProperty();
    private final BooleanProperty done = new SimpleBooleanProperty();

    /** @param applied run on the UI executor once the reorganisation is applied (the window reads the units again) */
    public ReorganiseViewModel(Supplier<Ytcs> ytcs, Executor background, Executor ui, Runnable applied) {
        this.ytcs = ytcs;
        this.tasks = new BackgroundTasks(background, ui);
        this.applied = applied;
    }

    /** Checks the mapping and previews it; changes nothing. */
    public void check(Path file, String parentCode) {
        busy.set(true);
        problem.set(null);
        plan.set(null);
        done.set(false);
        String parent = parentCode == null || parentCode.isBlank() ? null : parentCode.strip();
        tasks.run(p -> ytcs.get().reorganisation().plan(file, parent), p -> {
            busy.set(false);
            plan.set(p);
        }, this::failed);
    }

    /** Applies the plan checked last. */
    public void apply() {
        Reorganisation.Plan p = plan.get();
        if (p == null || busy.get() || p.nothingToDo()) {
            return;
        }
        busy.set(true);
        tasks.run(progress -> ytcs.get().reorganisation().apply(p), r -> {
            busy.set(false);
            done.set(true);
            applied.run();
        }, this::failed);
    }

    private void failed(Throwable e) {
        busy.set(false);
        problem.set(e);
    }

    public ReadOnlyObjectProperty<Reorganisation.Plan> plan() {
        return plan;
    }

    public ReadOnlyObjectProperty<Throwable> problem() {
        return problem;
    }

    public ReadOnlyBooleanProperty busy() {
        return busy;
    }

    public ReadOnlyBooleanProperty done() {
        return done;
    }
}
