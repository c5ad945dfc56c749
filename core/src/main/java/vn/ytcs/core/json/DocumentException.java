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
        /** The file is empty. */
        EMPTY,
        /** The file is not UTF-8 text. */
        NOT_UTF8,
        /** Not well-formed JSON (or a duplicate key); {@link #line()} and {@link #column()} say where. */
        NOT_JSON,
        /** The document breaks its schema: {@link #rule()}, {@link #expected()} and {@link #found()} say how. */
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
        /** A value of the wrong kind for the indicator's rule: {@link #detail()} is what it takes, {@link #found()} what the file has. */
        WRONG_VALUE,
        /** A field given twice in one object (the second would silently win); the detail is its name. */
        DUPLICATE_KEY,
        /** NaN or Infinity where a number belongs (not JSON, and no count or percentage); the detail is the token. */
        NOT_A_NUMBER,
        /** Two fields that exclude each other are both given; the detail names them ("tiers / variants"). */
        EXCLUSIVE_FIELDS,
        /** Tiers not from the hardest to the easiest with points falling; the detail quotes the two tiers. */
        TIERS_ORDER,
        /** A vùng or region given neither thresholds nor left open (null); the detail is its key. */
        VARIANT_MISSING
    }

    /**
     * The schema rule a document breaks: the validator's error types (JSON Schema keywords), one
     * value per sentence, so that no validator wording reaches the user.
     */
    public enum SchemaRule {
        /** A required field is missing: expected is its name. */
        REQUIRED,
        /** A value of the wrong JSON type: expected and found are type names (string, number, integer, boolean, object, array, null), several separated by ", ". */
        TYPE,
        /** A value outside a list: expected is the list, found the value. */
        ENUM,
        /** A value that must be one constant: expected is it, found the value. */
        CONST,
        /** Numbers: expected is the limit, found the value. */
        MINIMUM, MAXIMUM, EXCLUSIVE_MINIMUM, EXCLUSIVE_MAXIMUM, MULTIPLE_OF,
        /** Text length: expected is the limit. */
        MIN_LENGTH, MAX_LENGTH,
        /** Text form: expected is the pattern or format name, found the value. */
        PATTERN, FORMAT,
        /** A field the schema does not define: expected is its name. */
        ADDITIONAL_PROPERTIES,
        /** A field name the schema does not allow: expected is the name. */
        PROPERTY_NAMES,
        /** A field needed because another is present: expected is the missing one, found the present one. */
        DEPENDENT_REQUIRED,
        /** Too few fields in an object: expected is the limit. */
        MIN_PROPERTIES,
        /** Lists: expected is the limit, found the count. */
        MIN_ITEMS, MAX_ITEMS,
        /** A list with an entry twice. */
        UNIQUE_ITEMS,
        /** A value that must match exactly one, or at least one, of several forms. */
        ONE_OF, ANY_OF,
        /** Any other rule of the schema. */
        OTHER
    }

    /**
     * The commune a bad field belongs to, as the document names it, so that the user can find it
     * without reading the path.
     *
     * @param code its code in the document; may be null when the document gives none
     * @param name its name in the document; may be null
     */
    public record Subject(String code, String name) {
    }

    private final String source;
    private final String path;
    private final Problem problem;
    private final String detail;
    private final SchemaRule rule;
    private final String expected;
    private final String found;
    private final long line;
    private final long column;
    private final Subject subject;

    public DocumentException(String source, String path, Problem problem, String detail) {
        this(source, path, problem, detail, null, null, null, 0, 0, null);
    }

    private DocumentException(String source, String path, Problem problem, String detail, SchemaRule rule, String expected,
                              String found, long line, long column, Subject subject) {
        super(source + " " + path + (subject == null ? "" : " (" + subject.code() + " " + subject.name() + ")") + ": " + problem
                + (rule == null ? "" : " " + rule) + (detail == null ? "" : " (" + detail + ")"));
        this.source = source;
        this.path = path;
        this.problem = problem;
        this.detail = detail;
        this.rule = rule;
        this.expected = expected;
        this.found = found;
        this.line = line;
        this.column = column;
        this.subject = subject;
    }

    /** The document breaks a rule of its schema; detail is the validator's own (English) words, for logs. */
    public static DocumentException schema(String source, String path, SchemaRule rule, String expected, String found,
                                           String detail) {
        return new DocumentException(source, path, Problem.SCHEMA, detail, rule, expected, found, 0, 0, null);
    }

    /** A value of the wrong kind: {@code expected} as for {@link Problem#WRONG_VALUE}, {@code found} the value as the file writes it. */
    public static DocumentException wrongValue(String source, String path, String expected, String found) {
        return new DocumentException(source, path, Problem.WRONG_VALUE, expected, null, null, found, 0, 0, null);
    }

    /** The same refusal, naming the record the bad field belongs to. */
    public DocumentException about(Subject record) {
        DocumentException e = new DocumentException(source, path, problem, detail, rule, expected, found, line, column, record);
        e.setStackTrace(getStackTrace());
        return e;
    }

    /** The document is not well-formed JSON at the line and column (1-based; 0 when unknown). */
    public static DocumentException notJson(String source, long line, long column, String detail) {
        return new DocumentException(source, "$", Problem.NOT_JSON, detail, null, null, null, Math.max(line, 0),
                Math.max(column, 0), null);
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

    /** More about the problem: the offending value or code; for SCHEMA and NOT_JSON the parser's own words. */
    public String detail() {
        return detail;
    }

    /** The schema rule broken, for SCHEMA found by the validator; null otherwise. */
    public SchemaRule rule() {
        return rule;
    }

    /** What the rule asks for (see {@link SchemaRule}); null when it says nothing more. */
    public String expected() {
        return expected;
    }

    /** What the document has instead (see {@link SchemaRule} and {@link Problem#WRONG_VALUE}); null when not shown. */
    public String found() {
        return found;
    }

    /** Line of a NOT_JSON problem, from 1; 0 when unknown. */
    public long line() {
        return line;
    }

    /** Column of a NOT_JSON problem, from 1; 0 when unknown. */
    public long column() {
        return column;
    }

    /** The record the bad field belongs to; null when it belongs to none or the reader cannot tell. */
    public Subject subject() {
        return subject;
    }
}
