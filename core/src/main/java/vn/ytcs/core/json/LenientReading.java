// SPDX-License-Identifier: Apache-2.0
package vn.ytcs.core.json;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.Set;

/**
 * Tells, once strict reading has refused a document, the two mistakes a strict parser reports
 * only by line and column: a field given twice and NaN or Infinity for a number. Read leniently,
 * such a document still has a tree, so the refusal can name the field's path and its record.
 * Runs only for a refused document.
 */
final class LenientReading {

    private static final JsonFactory LENIENT = JsonFactory.builder()
            .enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
            .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(64).maxStringLength(1_000_000)
                    .maxNumberLength(100).build())
            .build();
    private static final ObjectMapper TREE = JsonMapper.builder(LENIENT).build();

    private LenientReading() {
    }

    /** The first duplicate field or non-finite number, with its path; null when the document has neither. */
    static DocumentException diagnose(byte[] bytes, String source) {
        try (JsonParser p = LENIENT.createParser(bytes)) {
            Deque<Set<String>> names = new ArrayDeque<>();
            for (JsonToken t = p.nextToken(); t != null; t = p.nextToken()) {
                switch (t) {
                    case START_OBJECT -> names.push(new HashSet<>());
                    case END_OBJECT -> names.pop();
                    case FIELD_NAME -> {
                        if (!names.peek().add(p.currentName())) {
                            return new DocumentException(source, DocumentLimits.path(p.getParsingContext()),
                                    DocumentException.Problem.DUPLICATE_KEY, p.currentName());
                        }
                    }
                    case VALUE_NUMBER_FLOAT -> {
                        if (p.isNaN()) {
                            return new DocumentException(source, DocumentLimits.path(p.getParsingContext()),
                                    DocumentException.Problem.NOT_A_NUMBER, p.getText());
                        }
                    }
                    default -> {
                    }
                }
            }
        } catch (IOException e) {
            // Broken in another way: the strict reader's line and column say where.
        }
        return null;
    }

    /** The document's tree, the last of duplicate fields kept; null when even lenient reading fails. */
    static JsonNode tree(byte[] bytes) {
        try {
            return TREE.readTree(bytes);
        } catch (IOException e) {
            return null;
        }
    }
}
