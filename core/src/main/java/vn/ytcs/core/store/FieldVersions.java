// SPDX-License-Identifier: Apache-2.0
package vn.ytcs.core.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Map;
import java.util.TreeMap;

/** The FIELD_VERSIONS column: field name → version at which it last changed, as compact JSON. */
final class FieldVersions {

    private static final ObjectMapper JSON = new ObjectMapper();

    private FieldVersions() {
    }

    /** Parses the column; a row written before sync tracking has every field at the row's version. */
    static TreeMap<String, String> parse(String text) {
        TreeMap<String, String> out = new TreeMap<>();
        if (text == null || text.isEmpty()) {
            return out;
        }
        // This column is only ever written by format(): column names and versions, no escapes.
        // A plain scan reads it several times faster than a general JSON parser, which export needs.
        int i = 0;
        int n = text.length();
        while (true) {
            int k1 = text.indexOf('"', i);
            if (k1 < 0) {
                return out;
            }
            int k2 = text.indexOf('"', k1 + 1);
            int v1 = text.indexOf('"', k2 + 1);
            int v2 = text.indexOf('"', v1 + 1);
            if (k2 < 0 || v1 < 0 || v2 < 0 || v2 >= n) {
                throw new IllegalStateException("unreadable FIELD_VERSIONS: " + text);
            }
            out.put(text.substring(k1 + 1, k2), text.substring(v1 + 1, v2));
            i = v2 + 1;
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
