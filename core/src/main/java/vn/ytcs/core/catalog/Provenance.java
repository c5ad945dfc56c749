// SPDX-License-Identifier: Apache-2.0
package vn.ytcs.core.catalog;

/** Whether an indicator was read in the official text (with its source) or is a draft to be checked. */
public record Provenance(boolean confirmed, String source, String note) {

    public static Provenance draft(String note) {
        return new Provenance(false, null, note);
    }
}
