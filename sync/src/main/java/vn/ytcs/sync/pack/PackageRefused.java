// SPDX-License-Identifier: Apache-2.0
package vn.ytcs.sync.pack;

/**
 * A package (or receipt) was refused before anything was written. Names the file, the record
 * (its position and id where known) and the field; the reason is a key the application turns
 * into a sentence in the user's language.
 */
public final class PackageRefused extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** Why a package is refused, one value per sentence the user may see. */
    public enum Reason {
        NOT_A_FILE, EMPTY, TOO_LARGE, GZIP_BOMB, BYTE_ORDER_MARK, NOT_UTF8, NOT_JSON, TRUNCATED, TOO_DEEP, STRING_TOO_LONG,
        DUPLICATE_KEY, WRONG_FORMAT, MISSING_FIELD, WRONG_TYPE, UNKNOWN_VALUE, OUT_OF_RANGE, HASH_MISMATCH,
        BAD_SIGNATURE, UNKNOWN_SENDER, KEY_MISMATCH, HEADER_MISMATCH, NOT_FOR_US, DUPLICATE_RECORD, UNKNOWN_REFERENCE,
        COUNTS_MISMATCH, MISSING_PACKAGE, REJECTED_BY_DATABASE,
        // Integrity: a receipt for no package of ours, a version the sender may not stamp, a clock far ahead.
        NOT_SENT, FOREIGN_VERSION, CLOCK_AHEAD, NOT_PERMITTED,
        /** A record, audit entry, manifest or header with more values than YTCS ever writes there; the detail is the limit. */
        TOO_MANY_VALUES,
        /** The same with more characters of text; the detail is the limit. */
        TOO_MUCH_TEXT,
        /** A list (records, audit) longer than a package may be; the detail is the limit. */
        TOO_MANY_ENTRIES
    }

    private final String file;
    private final String record;
    private final String field;
    private final Reason reason;
    private final String detail;

    public PackageRefused(String file, String record, String field, Reason reason, String detail) {
        super(file + (record == null ? "" : " " + record) + (field == null ? "" : " " + field) + ": " + reason
                + (detail == null ? "" : " (" + detail + ")"));
        this.file = file;
        this.record = record;
        this.field = field;
        this.reason = reason;
        this.detail = detail;
    }

    public String file() {
        return file;
    }

    /** The record concerned, e.g. "records[12] (staff 3f2a…)", or null for the whole file. */
    public String record() {
        return record;
    }

    /** The field concerned (a JSON path inside the record or the manifest), or null. */
    public String field() {
        return field;
    }

    public Reason reason() {
        return reason;
    }

    public String detail() {
        return detail;
    }
}
