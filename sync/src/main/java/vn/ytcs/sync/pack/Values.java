// SPDX-License-Identifier: Apache-2.0
package vn.ytcs.sync.pack;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.UUID;
import vn.ytcs.core.text.VietText;

/** Field values from JSON to their Java types. */
final class Values {

    private Values() {
    }

    /** The typed value of a JSON node for a column of the given type; throws IllegalArgumentException when it does not fit. */
    static Object read(JsonNode node, Class<?> type) {
        if (node == null || node.isNull()) {
            return null;
        }
        try {
            if (type == String.class && node.isTextual()) {
                return VietText.nfc(node.textValue());
            } else if (type == Boolean.class && node.isBoolean()) {
                return node.booleanValue();
            } else if (type == Integer.class && node.isIntegralNumber() && node.canConvertToInt()) {
                return node.intValue();
            } else if (type == Long.class && node.isIntegralNumber() && node.canConvertToLong()) {
                return node.longValue();
            } else if (type == BigDecimal.class && node.isNumber()) {
                return node.decimalValue();
            } else if (type == UUID.class && node.isTextual()) {
                return UUID.fromString(node.textValue());
            } else if (type == LocalDate.class && node.isTextual()) {
                return LocalDate.parse(node.textValue());
            } else if (type == OffsetDateTime.class && node.isTextual()) {
                return OffsetDateTime.parse(node.textValue());
            }
        } catch (DateTimeParseException | IllegalArgumentException e) {
            throw new IllegalArgumentException(node.toString());
        }
        throw new IllegalArgumentException(node.toString());
    }
}
