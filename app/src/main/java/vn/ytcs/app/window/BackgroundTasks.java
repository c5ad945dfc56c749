// SPDX-License-Identifier: Apache-2.0
package vn.ytcs.app.window;

import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.Function;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import vn.ytcs.core.task.Progress;

/**
 * The one way the window runs long work: on the background executor, with progress and cancel,
 * its outcome handed back on the UI executor. Works without the JavaFX toolkit, so that view
 * models are tested with plain executors.
 */
public final class BackgroundTasks {

    /** Where a job stands. */
    public enum State {
        RUNNING, DONE, FAILED, CANCELLED
    }

    private final Executor background;
    private final Executor ui;

    public BackgroundTasks(Executor background, Executor ui) {
        this.background = background;
        this.ui = ui;
    }

    /**
     * Runs the work. {@code done} and {@code failed} are called on the UI executor; a job the user
     * cancelled calls neither (its work rolled back whatever it had begun).
     */
    public <T> Job run(Function<Progress, T> work, Consumer<T> done, Consumer<Throwable> failed) {
        Job job = new Job();
        background.execute(() -> {
            try {
                T result = work.apply(job.progress);
                ui.execute(() -> {
                    job.state.set(State.DONE);
                    done.accept(result);
                });
            } catch (Progress.Cancelled e) {
                ui.execute(() -> job.state.set(State.CANCELLED));
            } catch (RuntimeException | Error e) {
                ui.execute(() -> {
                    job.state.set(State.FAILED);
                    failed.accept(e);
                });
            }
        });
        return job;
    }

    /** A running piece of work: how far it got, and a way to stop it. */
    public final class Job {
        private final ReadOnlyDoubleWrapper fraction = new ReadOnlyDoubleWrapper(-1);
        private final ObjectProperty<State> state = new SimpleObjectProperty<>(State.RUNNING);
        private final AtomicBoolean cancel = new AtomicBoolean();
        // The newest figures; the UI executor is asked to show them at most once at a time.
        private final AtomicLong done = new AtomicLong();
        private final AtomicLong total = new AtomicLong(-1);
        private final AtomicBoolean posted = new AtomicBoolean();

        private final Progress progress = new Progress() {
            @Override
            public void update(long d, long t) {
                done.set(d);
                total.set(t);
                if (posted.compareAndSet(false, true)) {
                    ui.execute(() -> {
                        posted.set(false);
                        long tt = total.get();
                        fraction.set(tt <= 0 ? -1 : Math.min(1.0, (double) done.get() / tt));
                    });
                }
            }

            @Override
            public boolean cancelled() {
                return cancel.get();
            }
        };

        /** Asks the work to stop; it does at its next safe point. */
        public void cancel() {
            cancel.set(true);
        }

        /** From 0 to 1, or -1 while the total is not known. */
        public ReadOnlyDoubleProperty progress() {
            return fraction.getReadOnlyProperty();
        }

        public ReadOnlyObjectProperty<State> state() {
            return state;
        }
    }
}
