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

    /** Reads and validates a file. */
    public static JsonNode read(Path file, String schema) {
        String source = file.toString();
        DocumentLimits.checkFile(file, source, schema);
        byte[] bytes;
        try {
            if (!Files.isRegularFile(file)) {
                throw new DocumentException(source, "$", DocumentException.Problem.UNREADABLE, null);
            }
            if (Files.size(file) > MAX_BYTES) {
                throw new DocumentException(source, "$", DocumentException.Problem.UNREADABLE, "> " + MAX_BYTES + " bytes");
            }
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new DocumentException(source, "$", DocumentException.Problem.UNREADABLE, e.getMessage());
        }
        return read(bytes, source, schema);
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
        // Before the UTF-8 check and the tree: the bytes and the values a document of its kind may have.
        DocumentLimits.checkBytes(bytes, source, schema);
        try {
            StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes));
        } catch (CharacterCodingException e) {
            throw new DocumentException(source, "$", DocumentException.Problem.NOT_JSON, "not UTF-8");
        }
        JsonNode node;
        try {
            node = MAPPER.readTree(bytes);
        } catch (JsonProcessingException e) {
            throw new DocumentException(source, "$", DocumentException.Problem.NOT_JSON, e.getOriginalMessage());
        } catch (IOException e) {
            throw new DocumentException(source, "$", DocumentException.Problem.UNREADABLE, e.getMessage());
        }
        if (node == null || node.isMissingNode()) {
            throw new DocumentException(source, "$", DocumentException.Problem.NOT_JSON, "empty");
        }
        Set<ValidationMessage> errors = schema(schema).validate(node);
        if (!errors.isEmpty()) {
            ValidationMessage first = errors.stream()
                    .min(Comparator.comparing((ValidationMessage m) -> m.getInstanceLocation().toString())
                            .thenComparing(ValidationMessage::getMessage))
                    .orElseThrow();
            throw new DocumentException(source, first.getInstanceLocation().toString(),
                    DocumentException.Problem.SCHEMA, first.getMessage());
        }
        return node;
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
