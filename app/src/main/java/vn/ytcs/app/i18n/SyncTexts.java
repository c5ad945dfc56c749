// SPDX-License-Identifier: Apache-2.0
package vn.ytcs.app.i18n;

import vn.ytcs.core.text.VietText;
import vn.ytcs.sync.pack.PackageRefused;

/**
 * Refused packages in sentences: the file, the record, the field, what is wrong and what to do.
 * Every part comes from outside (the file name from the stick, the rest from the file itself), so
 * each is shown through {@link VietText#printable}.
 */
public final class SyncTexts {

    /** Longest file, record, field or detail shown; a path or a value longer than this is cut. */
    private static final int PART_LENGTH = 300;
    /** The field a package's refusal names when its sender is not trusted. */
    private static final String MANIFEST_SENDER = "$.manifest.sender";

    private SyncTexts() {
    }

    public static String refused(PackageRefused e, Messages m) {
        StringBuilder where = new StringBuilder(VietText.printable(e.file(), PART_LENGTH));
        if (e.record() != null) {
            where.append(", ").append(m.get("package.record", VietText.printable(e.record(), PART_LENGTH)));
        }
        if (e.field() != null) {
            where.append(", ").append(m.get("package.field", VietText.printable(e.field(), PART_LENGTH)));
        }
        // A detail of several values separates them by tabs, one per placeholder.
        String[] parts = e.detail() == null ? new String[] {""} : e.detail().split("\t");
        Object[] detail = new Object[parts.length];
        Formats formats = new Formats(m.locale());
        for (int i = 0; i < parts.length; i++) {
            detail[i] = e.reason() == PackageRefused.Reason.CLOCK_AHEAD ? formats.moment(java.time.Instant.parse(parts[i]))
                    : VietText.printable(parts[i], PART_LENGTH);
        }
        String reason;
        if (e.reason() == PackageRefused.Reason.UNKNOWN_SENDER && MANIFEST_SENDER.equals(e.field())) {
            // "<sender name> <fingerprint>": the name is the sender's to choose (any text, spaces too); the
            // fingerprint, which has no space, was checked against the key the package carries.
            String text = e.detail() == null ? "" : e.detail();
            int space = text.lastIndexOf(' ');
            reason = m.get("package.reason.UNKNOWN_SENDER", siteName(space < 0 ? "" : text.substring(0, space)),
                    VietText.printable(text.substring(space + 1)));
        } else if (e.reason() == PackageRefused.Reason.UNKNOWN_SENDER) {
            // A receipt's refusal carries the name alone.
            reason = m.get("package.unknownReceiptSender", siteName(e.detail() == null ? "" : e.detail()));
        } else {
            reason = m.get("package.reason." + e.reason().name(), detail);
        }
        return m.get("package.error", where.toString(), reason);
    }

    /** A site name from a package, a receipt or the sites table, safe to print. */
    public static String siteName(String name) {
        return VietText.printable(name);
    }
}
