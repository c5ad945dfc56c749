// SPDX-License-Identifier: Apache-2.0
package vn.ytcs.sync.pack;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import vn.ytcs.core.io.SafeFiles;
import vn.ytcs.core.site.SiteRole;
import vn.ytcs.sync.pack.PackageRefused.Reason;
import vn.ytcs.sync.site.SiteKeys;

/**
 * The acknowledgement an importer writes next to a package ({@code ytcs-receipt/1}); the sender
 * imports it to learn what arrived. Signed like a payload: the signature covers the SHA-256 of
 * the exact bytes of the {@code receipt} value.
 */
public record Receipt(UUID site, String name, String role, String publicKey, String fingerprint, UUID sender, int sequence,
                      String payloadSha256, OffsetDateTime applied, String outcome, int created, int changed, int deleted,
                      int conflicts) {

    public static final String FORMAT = "ytcs-receipt/1";
    /** A receipt is a few hundred bytes; anything much larger is not one. */
    public static final int MAX_BYTES = 64 * 1024;
    private static final JsonFactory JSON = new JsonFactory();

    public String fileName() {
        return site + "-receipt-" + sender + "-" + sequence + ".ytcs-receipt.json";
    }

    /** Writes the receipt, signed, into the folder; returns its path. */
    public Path write(Path folder, SiteKeys keys) {
        try {
            ByteArrayOutputStream body = new ByteArrayOutputStream();
            try (JsonGenerator g = JSON.createGenerator(body, JsonEncoding.UTF8)) {
                g.writeStartObject();
                g.writeStringField("site", site.toString());
                g.writeStringField("name", name);
                g.writeStringField("role", role);
                g.writeStringField("publicKey", publicKey);
                g.writeStringField("fingerprint", fingerprint);
                g.writeObjectFieldStart("acknowledges");
                g.writeStringField("sender", sender.toString());
                g.writeNumberField("sequence", sequence);
                g.writeStringField("payloadSha256", payloadSha256);
                g.writeEndObject();
                g.writeStringField("applied", DateTimeFormatter.ISO_INSTANT.format(applied.truncatedTo(ChronoUnit.SECONDS)));
                g.writeStringField("outcome", outcome);
                g.writeObjectFieldStart("counts");
                g.writeNumberField("created", created);
                g.writeNumberField("changed", changed);
                g.writeNumberField("deleted", deleted);
                g.writeNumberField("conflicts", conflicts);
                g.writeEndObject();
                g.writeEndObject();
            }
            byte[] bytes = body.toByteArray();
            String hash = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
            String signature = Base64.getEncoder().encodeToString(keys.sign(hash.getBytes(StandardCharsets.US_ASCII)));
            Path target = folder.resolve(fileName());
            SafeFiles.write(target, out -> {
                out.write(("{\"format\":\"" + FORMAT + "\",\"receipt\":").getBytes(StandardCharsets.US_ASCII));
                out.write(bytes);
                out.write((",\"signature\":\"" + signature + "\"}\n").getBytes(StandardCharsets.US_ASCII));
            });
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Reads and checks a receipt: its signature must verify with the key this site trusts for its
     * signer; with {@code trust} null, with the key it carries (to confirm a new site's fingerprint).
     * What is read is exactly what was signed: the file holds {@code format}, {@code receipt} and
     * {@code signature} once each and nothing else, no key appears twice anywhere, and the receipt's
     * values are taken from the very bytes the signature covers, each of its type.
     */
    public static Receipt read(Path file, PackageReader.Trust trust) {
        return read(bytes(file, file.toString()), file.toString(), trust);
    }

    /** The same, from the receipt's bytes as they were read once; {@code name} is the file as the user named it. */
    static Receipt read(byte[] all, String name, PackageReader.Trust trust) {
        String format = null;
        String signature = null;
        int start = -1;
        int end = -1;
        try (JsonParser p = StrictJson.FACTORY.createParser(all)) {
            try {
                if (p.nextToken() != JsonToken.START_OBJECT) {
                    throw new PackageRefused(name, null, null, Reason.NOT_JSON, "not a JSON object");
                }
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    String field = p.currentName();
                    JsonToken t = p.nextToken();
                    switch (field) {
                        case "format" -> {
                            format = t == JsonToken.VALUE_STRING ? p.getText() : String.valueOf(t);
                            if (!FORMAT.equals(format)) {
                                throw new PackageRefused(name, null, "$.format", Reason.WRONG_FORMAT, format);
                            }
                        }
                        case "receipt" -> {
                            if (t != JsonToken.START_OBJECT) {
                                throw new PackageRefused(name, null, "$.receipt", Reason.WRONG_TYPE, "object");
                            }
                            start = (int) p.currentTokenLocation().getByteOffset();
                            p.skipChildren();
                            end = (int) p.currentLocation().getByteOffset();
                        }
                        case "signature" -> {
                            if (t != JsonToken.VALUE_STRING) {
                                throw new PackageRefused(name, null, "$.signature", Reason.WRONG_TYPE, "base64");
                            }
                            signature = p.getText();
                        }
                        default -> throw new PackageRefused(name, null, "$." + field, Reason.UNKNOWN_VALUE, "unexpected field");
                    }
                }
                if (p.currentToken() != JsonToken.END_OBJECT || p.nextToken() != null) {
                    throw new PackageRefused(name, null, null, Reason.NOT_JSON, "content after the end of the receipt");
                }
            } catch (JsonProcessingException e) {
                throw StrictJson.refused(name, e, p, null, all.length);
            }
        } catch (IOException e) {
            throw new PackageRefused(name, null, null, Reason.NOT_A_FILE, e.getMessage());
        }
        if (format == null) {
            throw new PackageRefused(name, null, "$.format", Reason.MISSING_FIELD, null);
        }
        if (start < 0) {
            throw new PackageRefused(name, null, "$.receipt", Reason.MISSING_FIELD, null);
        }
        if (signature == null) {
            throw new PackageRefused(name, null, "$.signature", Reason.MISSING_FIELD, null);
        }
        byte[] body = Arrays.copyOfRange(all, start, end);
        Receipt receipt = new Fields(name, body).receipt();
        byte[] signed;
        try {
            signed = Base64.getDecoder().decode(signature);
        } catch (IllegalArgumentException e) {
            throw new PackageRefused(name, null, "$.signature", Reason.WRONG_TYPE, "base64");
        }
        String key = trust == null ? receipt.publicKey() : trust.trustedKey(receipt.site());
        if (key == null) {
            throw new PackageRefused(name, null, "$.receipt.site", Reason.UNKNOWN_SENDER, receipt.name());
        }
        if (!key.equals(receipt.publicKey())) {
            throw new PackageRefused(name, null, "$.receipt.publicKey", Reason.KEY_MISMATCH, receipt.fingerprint());
        }
        try {
            String hash = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(body));
            if (!SiteKeys.verify(key, hash.getBytes(StandardCharsets.US_ASCII), signed)) {
                throw new PackageRefused(name, null, "$.signature", Reason.BAD_SIGNATURE, null);
            }
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        return receipt;
    }

    /**
     * Refuses a receipt whose signer this site does not trust, or trusts with another key: its
     * signature was checked with the key it carries, which must be the trusted one.
     */
    public void checkTrusted(PackageReader.Trust trust, String file) {
        String key = trust.trustedKey(site);
        if (key == null) {
            throw new PackageRefused(file, null, "$.receipt.site", Reason.UNKNOWN_SENDER, name);
        }
        if (!key.equals(publicKey)) {
            throw new PackageRefused(file, null, "$.receipt.publicKey", Reason.KEY_MISMATCH, fingerprint);
        }
    }

    /** The whole file, when it can be a receipt: a regular file, not empty, small, without a byte-order mark. */
    private static byte[] bytes(Path file, String name) {
        try {
            if (!Files.isRegularFile(file)) {
                throw new PackageRefused(name, null, null, Reason.NOT_A_FILE, null);
            }
            long size = Files.size(file);
            if (size == 0) {
                throw new PackageRefused(name, null, null, Reason.EMPTY, null);
            }
            if (size > MAX_BYTES) {
                throw new PackageRefused(name, null, null, Reason.TOO_LARGE, size + " > " + MAX_BYTES + " bytes");
            }
            byte[] all;
            try (InputStream in = Files.newInputStream(file)) {
                all = in.readNBytes(MAX_BYTES + 1);
            }
            if (all.length > MAX_BYTES) {
                throw new PackageRefused(name, null, null, Reason.TOO_LARGE, "> " + MAX_BYTES + " bytes");
            }
            if (all.length >= 3 && (all[0] & 0xFF) == 0xEF && (all[1] & 0xFF) == 0xBB && (all[2] & 0xFF) == 0xBF) {
                throw new PackageRefused(name, null, null, Reason.BYTE_ORDER_MARK, null);
            }
            return all;
        } catch (IOException e) {
            throw new PackageRefused(name, null, null, Reason.NOT_A_FILE, e.getMessage());
        }
    }

    /** The receipt's values, from the signed bytes: each member once, of its type, and no other. */
    private static final class Fields {
        private static final List<String> RECEIPT = List.of("site", "name", "role", "publicKey", "fingerprint", "acknowledges",
                "applied", "outcome", "counts");
        private static final List<String> ACKNOWLEDGES = List.of("sender", "sequence", "payloadSha256");
        private static final List<String> COUNTS = List.of("created", "changed", "deleted", "conflicts");
        private static final Set<String> OUTCOMES = Set.of("APPLIED", "ALREADY_IMPORTED");

        private final String file;
        private final JsonNode root;

        Fields(String file, byte[] body) {
            this.file = file;
            JsonNode node;
            try (JsonParser p = StrictJson.FACTORY.createParser(body)) {
                try {
                    node = StrictJson.MAPPER.readTree(p);
                    if (p.nextToken() != null) {
                        throw new PackageRefused(file, null, "$.receipt", Reason.NOT_JSON, "content after the receipt");
                    }
                } catch (JsonProcessingException e) {
                    throw StrictJson.refused(file, e, p, "$.receipt", body.length);
                }
            } catch (IOException e) {
                throw new PackageRefused(file, null, "$.receipt", Reason.NOT_JSON, e.getMessage());
            }
            this.root = node;
        }

        Receipt receipt() {
            members(root, "$.receipt", RECEIPT);
            JsonNode a = members(root.get("acknowledges"), "$.receipt.acknowledges", ACKNOWLEDGES);
            JsonNode c = members(root.get("counts"), "$.receipt.counts", COUNTS);
            String publicKey = text(root, "$.receipt", "publicKey", 200);
            String fingerprint = text(root, "$.receipt", "fingerprint", 40);
            String expected;
            try {
                expected = SiteKeys.fingerprint(publicKey);
                SiteKeys.publicKey(publicKey);
            } catch (RuntimeException | java.security.GeneralSecurityException e) {
                throw new PackageRefused(file, null, "$.receipt.publicKey", Reason.WRONG_TYPE, "Ed25519 public key");
            }
            if (!expected.equals(fingerprint)) {
                throw new PackageRefused(file, null, "$.receipt.fingerprint", Reason.KEY_MISMATCH, fingerprint);
            }
            String role = text(root, "$.receipt", "role", 40);
            try {
                SiteRole.valueOf(role);
            } catch (IllegalArgumentException e) {
                throw new PackageRefused(file, null, "$.receipt.role", Reason.UNKNOWN_VALUE, role);
            }
            String outcome = text(root, "$.receipt", "outcome", 40);
            if (!OUTCOMES.contains(outcome)) {
                throw new PackageRefused(file, null, "$.receipt.outcome", Reason.UNKNOWN_VALUE, outcome);
            }
            String hash = text(a, "$.receipt.acknowledges", "payloadSha256", 64);
            if (!hash.matches("[0-9a-f]{64}")) {
                throw new PackageRefused(file, null, "$.receipt.acknowledges.payloadSha256", Reason.WRONG_TYPE, hash);
            }
            OffsetDateTime applied;
            try {
                applied = OffsetDateTime.parse(text(root, "$.receipt", "applied", 40));
            } catch (java.time.format.DateTimeParseException e) {
                throw new PackageRefused(file, null, "$.receipt.applied", Reason.WRONG_TYPE, root.get("applied").textValue());
            }
            String siteName = text(root, "$.receipt", "name", 200);
            if (siteName.isBlank()) {
                throw new PackageRefused(file, null, "$.receipt.name", Reason.MISSING_FIELD, null);
            }
            return new Receipt(uuid(root, "$.receipt", "site"), siteName, role, publicKey, fingerprint,
                    uuid(a, "$.receipt.acknowledges", "sender"), integer(a, "$.receipt.acknowledges", "sequence", 1), hash,
                    applied, outcome, integer(c, "$.receipt.counts", "created", 0), integer(c, "$.receipt.counts", "changed", 0),
                    integer(c, "$.receipt.counts", "deleted", 0), integer(c, "$.receipt.counts", "conflicts", 0));
        }

        /** An object holding exactly these members. */
        private JsonNode members(JsonNode node, String path, List<String> names) {
            if (node == null || !node.isObject()) {
                throw new PackageRefused(file, null, path, Reason.WRONG_TYPE, "object");
            }
            for (var it = node.fieldNames(); it.hasNext(); ) {
                String key = it.next();
                if (!names.contains(key)) {
                    throw new PackageRefused(file, null, path + "." + key, Reason.UNKNOWN_VALUE, "unexpected field");
                }
            }
            for (String key : names) {
                if (!node.has(key)) {
                    throw new PackageRefused(file, null, path + "." + key, Reason.MISSING_FIELD, null);
                }
            }
            return node;
        }

        private String text(JsonNode node, String path, String field, int max) {
            JsonNode v = node.get(field);
            if (!v.isTextual()) {
                throw new PackageRefused(file, null, path + "." + field, Reason.WRONG_TYPE, v.toString());
            }
            if (v.textValue().length() > max) {
                throw new PackageRefused(file, null, path + "." + field, Reason.OUT_OF_RANGE, v.textValue().length() + " > " + max);
            }
            return v.textValue();
        }

        private UUID uuid(JsonNode node, String path, String field) {
            String s = text(node, path, field, 36);
            try {
                UUID id = UUID.fromString(s);
                if (!id.toString().equals(s.toLowerCase(java.util.Locale.ROOT))) {
                    throw new IllegalArgumentException(s);
                }
                return id;
            } catch (IllegalArgumentException e) {
                throw new PackageRefused(file, null, path + "." + field, Reason.WRONG_TYPE, s);
            }
        }

        private int integer(JsonNode node, String path, String field, int min) {
            JsonNode v = node.get(field);
            if (!v.isIntegralNumber() || !v.canConvertToInt()) {
                throw new PackageRefused(file, null, path + "." + field, Reason.WRONG_TYPE, v.toString());
            }
            if (v.intValue() < min) {
                throw new PackageRefused(file, null, path + "." + field, Reason.OUT_OF_RANGE, v.toString());
            }
            return v.intValue();
        }
    }
}
