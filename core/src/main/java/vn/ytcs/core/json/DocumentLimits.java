// SPDX-License-Identifier: Apache-2.0
package vn.ytcs.core.json;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * How large a document of each kind may be, checked before any tree of it is built: its size in
 * bytes, then the number of values in it, counted by a streaming parser that keeps nothing. A
 * tree and its schema validation cost about a hundred bytes a value; a file of millions of tiny
 * values would exhaust the memory long before its schema error could be told.
 */
final class DocumentLimits {

    /** The most bytes and values a document of one kind may have. */
    record Limit(long bytes, long values) {
    }

    /** The Directive 25 targets: 200 targets at most (the schema), each a dozen values. */
    static final Limit TARGETS = new Limit(1L << 20, 20_000);
    /** A catalog: 1,000 indicators at most (the schema), with their rules and texts. */
    static final Limit CATALOG = new Limit(8L << 20, 500_000);
    /** Facts for standalone scoring: every commune of the country with all its answers. */
    static final Limit FACTS = new Limit(JsonDocuments.MAX_BYTES, 3_000_000);

    /** Only counts (its table of names is bounded by Jackson); nesting and texts bounded as for reading. */
    private static final JsonFactory COUNTING = JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(64).maxStringLength(1_000_000)
                    .maxNumberLength(100).build())
            .build();

    private DocumentLimits() {
    }

    static Limit of(String schema) {
        return switch (schema) {
            case "targets-v1" -> TARGETS;
            case "catalog-v1" -> CATALOG;
            case "facts-v1" -> FACTS;
            default -> new Limit(JsonDocuments.MAX_BYTES, FACTS.values());
        };
    }

    /** Refuses a file larger than any document of its kind, before reading it. */
    static void checkFile(Path file, String source, String schema) {
        try {
            if (Files.isRegularFile(file) && Files.size(file) > of(schema).bytes()) {
                throw tooLarge(source, of(schema));
            }
        } catch (IOException e) {
            // Told as unreadable when it is read.
        }
    }

    /**
     * Refuses bytes larger than any document of their kind, or holding more values than one can
     * have, before a tree is built. Anything else wrong with them is left to the reading proper.
     */
    static void checkBytes(byte[] bytes, String source, String schema) {
        Limit limit = of(schema);
        if (bytes.length > limit.bytes()) {
            throw tooLarge(source, limit);
        }
        try (JsonParser p = COUNTING.createParser(bytes)) {
            long values = 0;
            for (JsonToken t = p.nextToken(); t != null; t = p.nextToken()) {
                if (t != JsonToken.FIELD_NAME && t != JsonToken.END_OBJECT && t != JsonToken.END_ARRAY && ++values > limit.values()) {
                    throw new DocumentException(source, path(p.getParsingContext()), DocumentException.Problem.TOO_MANY_VALUES,
                            Long.toString(limit.values()));
                }
            }
        } catch (JsonProcessingException e) {
            // Not JSON: the reading proper says where and why.
        } catch (IOException e) {
            throw new DocumentException(source, "$", DocumentException.Problem.UNREADABLE, e.getMessage());
        }
    }

    private static DocumentException tooLarge(String source, Limit limit) {
        return new DocumentException(source, "$", DocumentException.Problem.TOO_LARGE, (limit.bytes() >> 20) + " MB");
    }

    /** Where the parser stands, as a JSON path ({@code $.targets[20000]}). */
    static String path(JsonStreamContext context) {
        Deque<String> parts = new ArrayDeque<>();
        for (JsonStreamContext c = context; c != null && !c.inRoot(); c = c.getParent()) {
            if (c.inObject() && c.getCurrentName() != null) {
                parts.addFirst("." + c.getCurrentName());
            } else if (c.inArray()) {
                parts.addFirst("[" + Math.max(0, c.getCurrentIndex()) + "]");
            }
        }
        return "$" + String.join("", parts);
    }
}
