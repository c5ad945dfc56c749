// SPDX-License-Identifier: Apache-2.0
package vn.ytcs.app.i18n;

import vn.ytcs.sync.pack.PackageRefused;

/** Refused packages in sentences: the file, the record, the field, what is wrong and what to do. */
public final class SyncTexts {

    private SyncTexts() {
    }

    public static String refused(PackageRefused e, Messages m) {
        StringBuilder where = new StringBuilder(e.file());
        if (e.record() != null) {
            where.append(", ").append(m.get("package.record", e.record()));
        }
        if (e.field() != null) {
            where.append(", ").append(m.get("package.field", e.field()));
        }
        // A detail of several values separates them by tabs, one per placeholder.
        Object[] detail = e.detail() == null ? new Object[] {""} : (Object[]) e.detail().split("\t");
        if (e.reason() == PackageRefused.Reason.CLOCK_AHEAD) {
            Formats formats = new Formats(m.locale());
            for (int i = 0; i < detail.length; i++) {
                detail[i] = formats.moment(java.time.Instant.parse((String) detail[i]));
            }
        }
        return m.get("package.error", where.toString(), m.get("package.reason." + e.reason().name(), detail));
    }
}
