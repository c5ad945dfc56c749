// SPDX-License-Identifier: Apache-2.0
package vn.ytcs.core.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Map;
import java.util.TreeMap;

/** The FIELD_VERSIONS column: field name → version at which it last changed, as compact JSON. */
final class FieldVersions {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<TreeMap<String, String>> TYPE = new TypeReference<>() { };

    private FieldVersions() {
    }

    /** Parses the column; a row written before sync tracking has every field at the row's version. */
    static TreeMap<String, String> parse(String text) {
        if (text == null || text.isEmpty()) {
            return new TreeMap<>();
        }
        try {
            return JSON.readValue(text, TYPE);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("unreadable FIELD_VERSIONS: " + text, e);
        }
    }

    static String format(Map<String, String> versions) {
        try {
            return JSON.writeValueAsString(new TreeMap<>(versions));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
