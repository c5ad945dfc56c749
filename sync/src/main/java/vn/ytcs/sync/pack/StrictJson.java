// SPDX-License-Identifier: Apache-2.0
package vn.ytcs.sync.pack;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayDeque;
import java.util.Deque;
import vn.ytcs.sync.pack.PackageRefused.Reason;

/**
 * The strict JSON reading that packages and receipts share: a key twice in any object is refused
 * (a reader that kept the last one would use what was not signed), nesting and text sizes are
 * bounded, and a parse error is told with the record and field where it happened.
 */
final class StrictJson {

    static final int MAX_DEPTH = 32;
    static final int MAX_STRING = 1 << 20;

    static final JsonFactory FACTORY = JsonFactory.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(MAX_DEPTH)
                    .maxStringLength(MAX_STRING).maxNumberLength(50).maxNameLength(1000).build())
            .build();
    /** Gives the parsers their codec, for reading one bounded value at a time as a tree. */
    static final ObjectMapper MAPPER = new ObjectMapper(FACTORY);

    private StrictJson() {
    }

    /** Where the parser stands, as a JSON path: {@code $.manifest.sender.name}, {@code $.payload.records[3].fields.name}. */
    static String path(JsonStreamContext context) {
        Deque<String> parts = new ArrayDeque<>();
        for (JsonStreamContext c = context; c != null && !c.inRoot(); c = c.getParent()) {
            if (c.inObject()) {
                if (c.getCurrentName() != null) {
                    parts.addFirst("." + c.getCurrentName());
                }
            } else if (c.inArray()) {
                parts.addFirst("[" + Math.max(0, c.getCurrentIndex()) + "]");
            }
        }
        return "$" + String.join("", parts);
    }

    /**
     * A refusal at a JSON path: inside a record or an audit entry of a payload it names that
     * entry ({@code records[3]}) and the field in it ({@code fields.name}); elsewhere the path.
     */
    static PackageRefused at(String file, String path, Reason reason, String detail) {
        for (String list : new String[] {"$.payload.records[", "$.payload.audit["}) {
            if (path != null && path.startsWith(list)) {
                int close = path.indexOf(']', list.length());
                String record = path.substring("$.payload.".length(), close + 1);
                String field = path.substring(close + 1);
                return new PackageRefused(file, record, field.isEmpty() ? null : field.substring(1), reason, detail);
            }
        }
        return new PackageRefused(file, null, path == null || path.equals("$") ? null : path, reason, detail);
    }

    /**
     * A parse error in words: a duplicate key, bad UTF-8, a file cut short, too deep, a text too
     * long, or not JSON at all; {@code prefix} is the path of the parsed value inside its document
     * ("$.receipt" when only the receipt's bytes are parsed), {@code size} the length of the input.
     */
    static PackageRefused refused(String file, JsonProcessingException e, JsonParser p, String prefix, long size) {
        String path = null;
        if (p != null && p.getParsingContext() != null) {
            String inner = path(p.getParsingContext());
            path = prefix == null ? inner : prefix + inner.substring(1);
        }
        String m = String.valueOf(e.getOriginalMessage());
        if (e instanceof StreamConstraintsException) {
            return at(file, path, m.contains("nesting") ? Reason.TOO_DEEP : m.contains("String") || m.contains("Name")
                    ? Reason.STRING_TOO_LONG : Reason.NOT_JSON, m);
        }
        if (m.contains("Duplicate field")) {
            return at(file, path, Reason.DUPLICATE_KEY, m);
        }
        if (m.contains("UTF-8") || m.contains("Invalid UTF") || m.contains("Unexpected character ((CTRL-CHAR")) {
            return at(file, path, Reason.NOT_UTF8, m);
        }
        long offset = e.getLocation() == null ? -1 : e.getLocation().getByteOffset();
        if (m.contains("end-of-input") || m.contains("Unexpected end") || offset >= size - 8) {
            return at(file, path, Reason.TRUNCATED, m);
        }
        return at(file, path, Reason.NOT_JSON, m + " (" + offset + ")");
    }
}
