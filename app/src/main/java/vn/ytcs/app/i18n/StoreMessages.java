// SPDX-License-Identifier: Apache-2.0
package vn.ytcs.app.i18n;

import vn.ytcs.core.store.StoreException;

/** Store failures as sentences that say what happened and what to do. */
public final class StoreMessages {

    private StoreMessages() {
    }

    public static String describe(StoreException e, Messages messages) {
        return messages.get("store.error." + e.reason().name(), e.subject());
    }

    /** True when the failure is about the input or the situation, not a defect: nothing was changed. */
    public static boolean isRefusal(StoreException e) {
        return e.reason() != StoreException.Reason.FAILED;
    }
}
