// SPDX-License-Identifier: Apache-2.0
package vn.ytcs.core.json;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Reads JSON documents strictly and validates them against their published schema
 * ({@code docs/schema/*.schema.json}, on the class path under {@code vn/ytcs/core/schema/}).
 */
public final class JsonDocuments {

    /** Largest document read whole; catalogs and facts files are far smaller. */
    public static final long MAX_BYTES = 64L * 1024 * 1024;

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .build();
    private static final Map<String, JsonSchema> SCHEMAS = new ConcurrentHashMap<>();

    static {
        MAPPER.getFactory().setStreamReadConstraints(StreamReadConstraints.builder()
                .maxNestingDepth(64).maxStringLength(1_000_000).maxNumberLength(100).build());
    }

    private JsonDocuments() {
    }

    /**
     * Lets a reader say more of a refusal found in a document that has a tree (a schema error, a
     * duplicate field, NaN): e.g. name the record the bad field belongs to.
     */
    @FunctionalInterface
    public interface Locator {
        /** The refusal to throw; {@code root} is the document as read (leniently, for a duplicate field or NaN). */
        DocumentException locate(JsonNode root, DocumentException refusal);
    }

    private static final Locator AS_IS = (root, refusal) -> refusal;

    /** Reads and validates a file. */
    public static JsonNode read(Path file, String schema) {
        return read(file, schema, AS_IS);
    }

    /** Reads and validates a file; a refusal found in its tree passes through the locator. */
    public static JsonNode read(Path file, String schema, Locator locator) {
        String source = file.toString();
        DocumentLimits.checkFile(file, source, schema);
        byte[] bytes;
        try {
            if (!Files.isRegularFile(file)) {
                throw new DocumentException(source, "$", DocumentException.Problem.UNREADABLE, null);
            }
            if (Files.size(file) > MAX_BYTES) {
                throw new DocumentException(source, "$", DocumentException.Problem.TOO_LARGE, Long.toString(MAX_BYTES));
            }
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new DocumentException(source, "$", DocumentException.Problem.UNREADABLE, e.getMessage());
        }
        return read(bytes, source, schema, locator);
    }

    /** Reads and validates a class-path resource. */
    public static JsonNode readResource(String resource, String schema) {
        try (InputStream in = JsonDocuments.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new DocumentException(resource, "$", DocumentException.Problem.UNREADABLE, null);
            }
            return read(in.readAllBytes(), resource, schema);
        } catch (IOException e) {
            throw new DocumentException(resource, "$", DocumentException.Problem.UNREADABLE, e.getMessage());
        }
    }

    /** Parses UTF-8 bytes and validates them against the named schema (e.g. "catalog-v1"). */
    public static JsonNode read(byte[] bytes, String source, String schema) {
        return read(bytes, source, schema, AS_IS);
    }

    private static JsonNode read(byte[] bytes, String source, String schema, Locator locator) {
        // Before the UTF-8 check and the tree: the bytes and the values a document of its kind may have.
        DocumentLimits.checkBytes(bytes, source, schema);
        try {
            StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes));
        } catch (CharacterCodingException e) {
            throw new DocumentException(source, "$", DocumentException.Problem.NOT_UTF8, null);
        }
        JsonNode node;
        try {
            node = MAPPER.readTree(bytes);
        } catch (JsonProcessingException e) {
            DocumentException told = LenientReading.diagnose(bytes, source);
            JsonNode lenient = told == null ? null : LenientReading.tree(bytes);
            if (told != null) {
                throw lenient == null ? told : locator.locate(lenient, told);
            }
            var at = e.getLocation();
            throw DocumentException.notJson(source, at == null ? 0 : at.getLineNr(), at == null ? 0 : at.getColumnNr(),
                    e.getOriginalMessage());
        } catch (IOException e) {
            throw new DocumentException(source, "$", DocumentException.Problem.UNREADABLE, e.getMessage());
        }
        if (node == null || node.isMissingNode()) {
            throw new DocumentException(source, "$", DocumentException.Problem.EMPTY, null);
        }
        Set<ValidationMessage> errors = schema(schema).validate(node);
        if (!errors.isEmpty()) {
            // The first by place in the document, then by rule: the same one whatever the validator's language.
            ValidationMessage first = errors.stream()
                    .min(Comparator.comparing((ValidationMessage m) -> m.getInstanceLocation().toString())
                            .thenComparing(ValidationMessage::getType)
                            .thenComparing(m -> String.valueOf(m.getProperty()))
                            .thenComparing(ValidationMessage::getMessage))
                    .orElseThrow();
            throw locator.locate(node, schemaProblem(source, first));
        }
        return node;
    }

    /** A validator's error as a rule with what it expects and what the document has, in no language. */
    static DocumentException schemaProblem(String source, ValidationMessage m) {
        String type = m.getType() == null ? "" : m.getType();
        JsonNode schema = m.getSchemaNode();
        JsonNode instance = m.getInstanceNode();
        Object[] args = m.getArguments() == null ? new Object[0] : m.getArguments();
        String property = m.getProperty() != null ? m.getProperty() : args.length > 0 ? String.valueOf(args[0]) : null;
        DocumentException.SchemaRule rule;
        String expected = null;
        String found = null;
        switch (type) {
            case "required" -> {
                rule = DocumentException.SchemaRule.REQUIRED;
                expected = property;
            }
            case "additionalProperties", "unevaluatedProperties" -> {
                rule = DocumentException.SchemaRule.ADDITIONAL_PROPERTIES;
                expected = property;
            }
            case "propertyNames" -> {
                rule = DocumentException.SchemaRule.PROPERTY_NAMES;
                expected = property;
            }
            case "dependentRequired" -> {
                rule = DocumentException.SchemaRule.DEPENDENT_REQUIRED;
                expected = args.length > 0 ? String.valueOf(args[0]) : null;
                found = args.length > 1 ? String.valueOf(args[1]) : null;
            }
            case "type", "unionType" -> {
                rule = DocumentException.SchemaRule.TYPE;
                expected = schema == null ? null : schema.isArray() ? join(schema) : schema.asText();
                found = instance == null ? null : jsonType(instance);
            }
            case "enum" -> {
                rule = DocumentException.SchemaRule.ENUM;
                expected = schema == null ? null : join(schema);
                found = value(instance);
            }
            case "const" -> {
                rule = DocumentException.SchemaRule.CONST;
                expected = schema == null ? null : schema.isTextual() ? schema.textValue() : schema.toString();
                found = value(instance);
            }
            case "minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum", "multipleOf", "pattern", "format" -> {
                rule = switch (type) {
                    case "minimum" -> DocumentException.SchemaRule.MINIMUM;
                    case "maximum" -> DocumentException.SchemaRule.MAXIMUM;
                    case "exclusiveMinimum" -> DocumentException.SchemaRule.EXCLUSIVE_MINIMUM;
                    case "exclusiveMaximum" -> DocumentException.SchemaRule.EXCLUSIVE_MAXIMUM;
                    case "multipleOf" -> DocumentException.SchemaRule.MULTIPLE_OF;
                    case "pattern" -> DocumentException.SchemaRule.PATTERN;
                    default -> DocumentException.SchemaRule.FORMAT;
                };
                expected = schema == null ? null : schema.asText();
                found = value(instance);
            }
            case "minLength", "maxLength", "minProperties" -> {
                rule = switch (type) {
                    case "minLength" -> DocumentException.SchemaRule.MIN_LENGTH;
                    case "maxLength" -> DocumentException.SchemaRule.MAX_LENGTH;
                    default -> DocumentException.SchemaRule.MIN_PROPERTIES;
                };
                expected = schema == null ? null : schema.asText();
            }
            case "minItems", "maxItems" -> {
                rule = "minItems".equals(type) ? DocumentException.SchemaRule.MIN_ITEMS : DocumentException.SchemaRule.MAX_ITEMS;
                expected = schema == null ? null : schema.asText();
                found = instance != null && instance.isArray() ? Integer.toString(instance.size()) : null;
            }
            case "uniqueItems" -> rule = DocumentException.SchemaRule.UNIQUE_ITEMS;
            case "oneOf" -> rule = DocumentException.SchemaRule.ONE_OF;
            case "anyOf" -> rule = DocumentException.SchemaRule.ANY_OF;
            default -> rule = DocumentException.SchemaRule.OTHER;
        }
        return DocumentException.schema(source, m.getInstanceLocation().toString(), rule, expected, found, m.getMessage());
    }

    /** The JSON type of a value, by the names JSON Schema uses. */
    private static String jsonType(JsonNode node) {
        if (node.isIntegralNumber()) {
            return "integer";
        }
        return switch (node.getNodeType()) {
            case STRING -> "string";
            case NUMBER -> "number";
            case BOOLEAN -> "boolean";
            case ARRAY -> "array";
            case OBJECT -> "object";
            case NULL -> "null";
            default -> node.getNodeType().name().toLowerCase(java.util.Locale.ROOT);
        };
    }

    /** A schema's list of allowed values or types, as "A, B, C". */
    private static String join(JsonNode list) {
        StringBuilder out = new StringBuilder();
        list.forEach(v -> out.append(out.length() == 0 ? "" : ", ").append(v.isTextual() ? v.textValue() : v.toString()));
        return out.toString();
    }

    /** A value from the document as it would be written: text without quotes, anything else as JSON. */
    private static String value(JsonNode node) {
        if (node == null || node.isMissingNode()) {
            return null;
        }
        return node.isTextual() ? node.textValue() : node.toString();
    }

    private static JsonSchema schema(String name) {
        return SCHEMAS.computeIfAbsent(name, n -> {
            try (InputStream in = JsonDocuments.class.getResourceAsStream("/vn/ytcs/core/schema/" + n + ".schema.json")) {
                if (in == null) {
                    throw new IllegalStateException("schema missing from the build: " + n);
                }
                return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(in);
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        });
    }
}
