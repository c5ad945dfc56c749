// SPDX-License-Identifier: Apache-2.0
package vn.ytcs.app.i18n;

import vn.ytcs.core.store.StoreException;

/** Store failures as sentences that say what happened and what to do. */
public final class StoreMessages {

    private StoreMessages() {
    }

    public static String describe(StoreException e, Messages messages) {
        // A record refused for its kind's rules names each: kind, record, field and what is wrong.
        String subject = e.problems().isEmpty() ? e.subject() : FieldProblems.describe(e.problems(), messages);
        return messages.get("store.error." + e.reason().name(), subject);
    }

    /** What the opening of a store found to tell, as a sentence. */
    public static String notice(vn.ytcs.core.store.Store.Notice n, Messages messages) {
        Formats formats = new Formats(messages.locale());
        String subject = n.kind() == vn.ytcs.core.store.Store.Notice.Kind.CLOCK_BEHIND
                ? formats.moment(java.time.Instant.parse(n.subject())) : n.subject();
        return messages.get("store.notice." + n.kind().name(), subject, formats.moment(java.time.Instant.now()));
    }

    /** True when the failure is about the input or the situation, not a defect: nothing was changed. */
    public static boolean isRefusal(StoreException e) {
        return e.reason() != StoreException.Reason.FAILED;
    }
}
