// SPDX-License-Identifier: Apache-2.0
package vn.ytcs.core.store;

import java.nio.file.Path;

/**
 * The store could not do what was asked. The reason is a key that the application turns into a
 * sentence in the user's language; the path or record names what was concerned.
 */
public final class StoreException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** Why the store failed, one value per message the user may see. */
    public enum Reason {
        /** The data folder cannot be created or written. */
        DATA_DIR_UNUSABLE,
        /** Another YTCS window or command has the database open. */
        IN_USE,
        /** The database file is damaged or is not a YTCS database. */
        DAMAGED,
        /** The database was written by a newer YTCS. */
        NEWER_SCHEMA,
        /** The demo can only be loaded into an empty database. */
        NOT_EMPTY,
        /** A record broke a rule of the register. */
        INVALID_RECORD,
        /** Anything else; the cause says more. */
        FAILED
    }

    private final Reason reason;
    private final String subject;
    private final transient java.util.List<vn.ytcs.core.record.FieldProblem> problems;

    public StoreException(Reason reason, String subject, Throwable cause) {
        super(reason + ": " + subject + (cause == null ? "" : " (" + cause.getMessage() + ")"), cause);
        this.reason = reason;
        this.subject = subject;
        this.problems = java.util.List.of();
    }

    /** A record refused for the rules of its kind it breaks: {@link Reason#INVALID_RECORD}, each problem named. */
    public StoreException(java.util.List<vn.ytcs.core.record.FieldProblem> problems) {
        super(Reason.INVALID_RECORD + ": " + problems, null);
        this.reason = Reason.INVALID_RECORD;
        this.subject = problems.isEmpty() ? "" : problems.get(0).kind() + " " + problems.get(0).record();
        this.problems = java.util.List.copyOf(problems);
    }

    public StoreException(Reason reason, Path subject, Throwable cause) {
        this(reason, subject.toString(), cause);
    }

    public Reason reason() {
        return reason;
    }

    /**
     * The rules of its kind a refused record breaks, for a screen to show by each field; empty
     * when the database itself refused it (its last line of defence) or for other reasons.
     */
    public java.util.List<vn.ytcs.core.record.FieldProblem> problems() {
        return problems == null ? java.util.List.of() : problems;
    }

    /** The file, folder or record concerned. */
    public String subject() {
        return subject;
    }
}
