// SPDX-License-Identifier: Apache-2.0
package vn.ytcs.core.json;

/**
 * A JSON document (catalog, facts, targets) was refused. Names the file, the path of the bad
 * field (JSON path, e.g. {@code $.indicators[3].maxPoints}) and the problem; the application
 * turns the problem into a sentence in the user's language. Nothing was changed.
 */
public final class DocumentException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** What is wrong, one value per sentence the user may see. */
    public enum Problem {
        /** The file cannot be read. */
        UNREADABLE,
        /** The file is larger than any document of its kind; the detail is the limit ("8 MB"). */
        TOO_LARGE,
        /** The document holds more values than any of its kind can; the detail is the limit. */
        TOO_MANY_VALUES,
        /** Not well-formed JSON (or not UTF-8, or a duplicate key). */
        NOT_JSON,
        /** The document breaks its schema; the detail is the validator's own words. */
        SCHEMA,
        /** Two entries share a code or number that must be unique. */
        DUPLICATE,
        /** A reference to something the document does not define. */
        UNKNOWN_REFERENCE,
        /** A criterion's maximum is not the sum of its indicators' maxima. */
        CRITERION_SUM,
        /** A value out of the range the rule allows. */
        OUT_OF_RANGE,
        /** A derived indicator whose rule cannot score that kind of value. */
        RULE_MISMATCH,
        /** A value of the wrong kind for the indicator's rule. */
        WRONG_VALUE
    }

    private final String source;
    private final String path;
    private final Problem problem;
    private final String detail;

    public DocumentException(String source, String path, Problem problem, String detail) {
        super(source + " " + path + ": " + problem + (detail == null ? "" : " (" + detail + ")"));
        this.source = source;
        this.path = path;
        this.problem = problem;
        this.detail = detail;
    }

    /** The file or resource name. */
    public String source() {
        return source;
    }

    /** JSON path of the bad field; "$" for the whole document. */
    public String path() {
        return path;
    }

    public Problem problem() {
        return problem;
    }

    /** More about the problem: the offending value, code or the validator's message. */
    public String detail() {
        return detail;
    }
}
