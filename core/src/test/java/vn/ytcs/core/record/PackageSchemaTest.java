// SPDX-License-Identifier: Apache-2.0
package vn.ytcs.core.record;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The published package schema (docs/schema/package-v1.schema.json) states what the declarations
 * state: every kind, and for each its fields with their types, values, required, ranges and lengths.
 * A failure prints the schema the declarations give; {@link #main} writes it into the file.
 */
class PackageSchemaTest {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private static final String UUID = "^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$";
    private static final String DATE = "^\\d{4}-\\d{2}-\\d{2}$";

    static String defName(RecordKind<?> kind) {
        return "fields_" + kind.name();
    }

    /** The schema of one kind's {@code fields} object, as the declaration gives it. */
    static ObjectNode fieldsSchema(RecordKind<?> kind) {
        ObjectNode schema = NODES.objectNode();
        schema.put("description", "The fields of a " + kind.name() + " record (table " + kind.table() + ").");
        schema.put("type", "object");
        ArrayNode required = schema.putArray("required");
        kind.fields().forEach(f -> required.add(f.name()));
        schema.put("additionalProperties", false);
        ObjectNode properties = schema.putObject("properties");
        for (FieldRule<?> f : kind.fields()) {
            properties.set(f.name(), fieldSchema(f));
        }
        return schema;
    }

    private static ObjectNode fieldSchema(FieldRule<?> f) {
        ObjectNode s = NODES.objectNode();
        s.put("description", description(f));
        if (f.values() != null) {
            ArrayNode values = s.putArray("enum");
            f.values().forEach(values::add);
            if (!f.required()) {
                values.addNull();
            }
            return s;
        }
        String base = switch (f.type().getSimpleName()) {
            case "Integer" -> "integer";
            case "BigDecimal" -> "number";
            case "Boolean" -> "boolean";
            default -> "string";
        };
        if (f.required()) {
            s.put("type", base);
        } else {
            s.putArray("type").add(base).add("null");
        }
        if (f.type() == java.util.UUID.class) {
            s.put("pattern", UUID);
        } else if (f.type() == java.time.LocalDate.class) {
            s.put("format", "date");
            s.put("pattern", DATE);
        } else if (f.type() == String.class) {
            s.put("maxLength", f.maxLength());
            if (f.required()) {
                s.put("pattern", "\\S");
            }
        }
        if (f.min() != null) {
            s.put("minimum", f.min());
        }
        if (f.max() != null) {
            s.put("maximum", f.max());
        }
        return s;
    }

    private static String description(FieldRule<?> f) {
        String what = f.references() != null ? "Id of a " + f.references() + " record"
                : f.values() != null ? "One of the listed values"
                : f.type() == String.class ? "Text" : f.type() == java.time.LocalDate.class ? "A date (yyyy-mm-dd)"
                : f.type() == Integer.class ? "A whole number" : f.type() == Boolean.class ? "True or false" : "A number";
        return what + (f.required() ? "; required." : "; may be null.");
    }

    private static JsonNode published() throws Exception {
        try (InputStream in = PackageSchemaTest.class.getResourceAsStream("/vn/ytcs/core/schema/package-v1.schema.json")) {
            return JSON.readTree(in);
        }
    }

    /** The same node without its descriptions: what the schema says, not how it explains it. */
    private static JsonNode rules(JsonNode node) throws Exception {
        // Read back from text: a number is the same number however it was built.
        JsonNode copy = JSON.readTree(JSON.writeValueAsString(node));
        strip(copy);
        return copy;
    }

    private static void strip(JsonNode node) {
        if (node instanceof ObjectNode o) {
            o.remove("description");
            o.forEach(PackageSchemaTest::strip);
        } else if (node instanceof ArrayNode a) {
            a.forEach(PackageSchemaTest::strip);
        }
    }

    @Test
    void everyKindAndItsFieldsAreInThePublishedSchemaAsDeclared() throws Exception {
        JsonNode schema = published();
        List<String> kinds = new ArrayList<>();
        schema.at("/$defs/kind/enum").forEach(k -> kinds.add(k.asText()));
        assertEquals(RecordKinds.all().stream().map(RecordKind::name).toList(), kinds, "$defs.kind lists every kind in order");
        List<String> counted = new ArrayList<>();
        schema.at("/properties/manifest/properties/counts/properties").fieldNames().forEachRemaining(counted::add);
        assertEquals(kinds, counted, "manifest.counts names every kind");
        List<String> disagreements = new ArrayList<>();
        for (RecordKind<?> kind : RecordKinds.all()) {
            JsonNode published = schema.at("/$defs/" + defName(kind));
            if (!rules(published).equals(rules(fieldsSchema(kind)))) {
                disagreements.add(kind.name() + ":\n" + JSON.writeValueAsString(fieldsSchema(kind)));
            }
        }
        assertEquals(List.of(), disagreements, "the schema the declarations give");
        assertEquals(rules(recordLinks()), rules(schema.at("/$defs/record/allOf")), "each record's fields by its kind");
    }

    /** For each kind, a record of that kind has fields of that kind. */
    static ArrayNode recordLinks() {
        ArrayNode all = NODES.arrayNode();
        for (RecordKind<?> kind : RecordKinds.all()) {
            ObjectNode link = all.addObject();
            ObjectNode when = link.putObject("if");
            when.putObject("properties").putObject("kind").put("const", kind.name());
            when.putArray("required").add("kind");
            link.putObject("then").putObject("properties").putObject("fields").put("$ref", "#/$defs/" + defName(kind));
        }
        return all;
    }

    /** Writes the declarations into the published schema (run from the repository root), keeping everything else. */
    public static void main(String[] args) throws Exception {
        Path file = Path.of(args.length > 0 ? args[0] : "docs/schema/package-v1.schema.json");
        ObjectNode schema = (ObjectNode) JSON.readTree(file.toFile());
        ObjectNode defs = (ObjectNode) schema.get("$defs");
        ObjectNode record = (ObjectNode) defs.get("record");
        record.set("allOf", recordLinks());
        for (Iterator<Map.Entry<String, JsonNode>> it = defs.fields(); it.hasNext(); ) {
            if (it.next().getKey().startsWith("fields_")) {
                it.remove();
            }
        }
        for (RecordKind<?> kind : RecordKinds.all()) {
            defs.set(defName(kind), fieldsSchema(kind));
        }
        // The file's own layout: two spaces, one value a line, "key": value.
        var indent = new com.fasterxml.jackson.core.util.DefaultIndenter("  ", "\n");
        var layout = new com.fasterxml.jackson.core.util.DefaultPrettyPrinter().withObjectIndenter(indent)
                .withArrayIndenter(indent).withSeparators(com.fasterxml.jackson.core.util.Separators.createDefaultInstance()
                        .withObjectFieldValueSpacing(com.fasterxml.jackson.core.util.Separators.Spacing.AFTER));
        Files.writeString(file, JSON.writer(layout).writeValueAsString(schema) + "\n");
    }
}
