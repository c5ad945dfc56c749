// SPDX-License-Identifier: Apache-2.0
package vn.ytcs.sync;

import java.util.List;

/** No single open conflict answers to the id given; the reason is a key the application puts in words. */
public final class ConflictNotFound extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** Why the id names no conflict. */
    public enum Reason {
        /** Fewer characters than {@link SyncService#SHORT_ID}. */
        TOO_SHORT,
        /** No open conflict's id starts so. */
        UNKNOWN,
        /** Several do: {@link #matches()} lists their short ids. */
        AMBIGUOUS
    }

    private final Reason reason;
    private final String given;
    private final transient List<String> matches;

    public ConflictNotFound(Reason reason, String given, List<String> matches) {
        super(reason + ": " + given);
        this.reason = reason;
        this.given = given;
        this.matches = List.copyOf(matches);
    }

    public Reason reason() {
        return reason;
    }

    /** The id as the user typed it. */
    public String given() {
        return given;
    }

    public List<String> matches() {
        return matches;
    }
}
