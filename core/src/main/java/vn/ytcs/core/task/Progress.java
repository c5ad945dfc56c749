// SPDX-License-Identifier: Apache-2.0
package vn.ytcs.core.task;

/**
 * How a long piece of work (demo load, import, export) tells how far it got, and learns that the
 * user asked it to stop. Work checks {@link #checkCancelled()} only where stopping leaves nothing
 * half-written: before its transaction commits, never after.
 */
public interface Progress {

    /** For callers that show nothing and never cancel (tests, the command line). */
    Progress NONE = new Progress() {
        @Override
        public void update(long done, long total) {
        }

        @Override
        public boolean cancelled() {
            return false;
        }
    };

    /** {@code done} of {@code total} steps; a total of -1 when it is not known yet. */
    void update(long done, long total);

    /** True once the user asked the work to stop. */
    boolean cancelled();

    /** Throws {@link Cancelled} when the user asked the work to stop. */
    default void checkCancelled() {
        if (cancelled()) {
            throw new Cancelled();
        }
    }

    /** Thrown by work that stopped because it was asked to; whatever it had begun was rolled back. */
    final class Cancelled extends RuntimeException {
        private static final long serialVersionUID = 1L;

        public Cancelled() {
            super("cancelled", null, false, false);
        }
    }
}
