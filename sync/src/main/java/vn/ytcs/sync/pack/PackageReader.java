// SPDX-License-Identifier: Apache-2.0
package vn.ytcs.sync.pack;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;
import vn.ytcs.core.site.SiteRole;
import vn.ytcs.core.store.RecordState;
import vn.ytcs.core.store.SyncKinds;
import vn.ytcs.core.store.SyncStore;
import vn.ytcs.sync.pack.PackageRefused.Reason;
import vn.ytcs.sync.site.SiteKeys;

/**
 * Reads a package completely before anything is written: size and compression limits, strict
 * UTF-8 JSON, the manifest, every record (kind, identity, field names and types, values a
 * register can hold, no duplicates), the hash and the signature of the exact payload bytes. Never
 * holds the whole file in memory.
 */
public final class PackageReader {

    public static final long MAX_FILE = 2L << 30;
    public static final long MAX_COMPRESSED = 512L << 20;
    public static final int MAX_EXPANSION = 20;
    public static final int MAX_DEPTH = StrictJson.MAX_DEPTH;
    public static final int MAX_STRING = StrictJson.MAX_STRING;
    public static final int MAX_RECORDS = 10_000_000;

    private static final JsonFactory FACTORY = StrictJson.FACTORY;

    /** A package that passed every check, and where its payload lies. */
    /**
     * @param unresolved ids the package refers to (by kind) without carrying them; the importer
     *                   checks them against its database
     */
    public record Verified(Path file, Manifest manifest, long payloadStart, long payloadEnd, int records, String signature,
                           Map<String, Set<UUID>> unresolved) {
    }

    /** What the reader must know of this site to check a package. */
    public interface Trust {
        /** The site's stored public key when it is trusted, or null when it is not known. */
        String trustedKey(UUID site);
    }

    private final Path file;
    private final String name;

    private PackageReader(Path file) {
        this.file = file;
        this.name = file.toString();
    }

    /** Checks a package against what this site trusts. {@code trust} null accepts the key it carries (first contact). */
    public static Verified verify(Path file, Trust trust) {
        PackageReader reader = new PackageReader(file);
        Verified v = reader.structure(null);
        reader.signature(v, trust);
        return v;
    }

    /**
     * Reads a package back after writing it: the payload bytes where the writer put them must
     * hash to what it signed. A cheaper check than {@link #verify}: the content is the writer's own.
     */
    static void checkWritten(Path file, long payloadStart, long payloadEnd, String sha256) {
        PackageReader reader = new PackageReader(file);
        String hash = reader.hash(new Verified(file, null, payloadStart, payloadEnd, 0, null, Map.of()));
        if (!hash.equals(sha256)) {
            throw reader.refused(null, "$.payload", Reason.HASH_MISMATCH, hash);
        }
    }

    /** Streams the verified package's records, parsed and typed, in file order. */
    public static void records(Verified v, Consumer<RecordState> records, Consumer<SyncStore.AuditEntry> audit) {
        new PackageReader(v.file()).structure(new Sink(records, audit));
    }

    private record Sink(Consumer<RecordState> records, Consumer<SyncStore.AuditEntry> audit) {
    }

    private PackageRefused refused(String record, String field, Reason reason, String detail) {
        return new PackageRefused(name, record, field, reason, detail);
    }

    /** Opens the file, un-gzipping when it starts like gzip, with the size limits in force. */
    private InputStream open() throws IOException {
        if (Files.isDirectory(file) || !Files.isRegularFile(file)) {
            throw refused(null, null, Reason.NOT_A_FILE, null);
        }
        long size = Files.size(file);
        if (size == 0) {
            throw refused(null, null, Reason.EMPTY, null);
        }
        InputStream raw = new BufferedInputStream(Files.newInputStream(file), 1 << 16);
        raw.mark(4);
        int b0 = raw.read();
        int b1 = raw.read();
        int b2 = raw.read();
        raw.reset();
        if (b0 == 0x1f && b1 == 0x8b) {
            if (size > MAX_COMPRESSED) {
                raw.close();
                throw refused(null, null, Reason.TOO_LARGE, size + " bytes");
            }
            long limit = Math.min(MAX_FILE, Math.max(size, 1 << 20) * MAX_EXPANSION);
            return new Limited(new BufferedInputStream(new GZIPInputStream(raw, 1 << 16), 1 << 16), limit, true);
        }
        if (size > MAX_FILE) {
            raw.close();
            throw refused(null, null, Reason.TOO_LARGE, size + " bytes");
        }
        if (b0 == 0xEF && b1 == 0xBB && b2 == 0xBF) {
            raw.close();
            throw refused(null, null, Reason.BYTE_ORDER_MARK, null);
        }
        return raw;
    }

    /** Refuses to inflate beyond a limit: a small file that unpacks to gigabytes is an attack, not a package. */
    private final class Limited extends FilterInputStream {
        private final long limit;
        private final boolean gzip;
        private long count;

        Limited(InputStream in, long limit, boolean gzip) {
            super(in);
            this.limit = limit;
            this.gzip = gzip;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                check(1);
            }
            return b;
        }

        @Override
        public int read(byte[] buf, int off, int len) throws IOException {
            int n = super.read(buf, off, len);
            if (n > 0) {
                check(n);
            }
            return n;
        }

        private void check(int n) {
            count += n;
            if (count > limit) {
                throw refused(null, null, gzip ? Reason.GZIP_BOMB : Reason.TOO_LARGE, "> " + limit + " bytes");
            }
        }
    }

    private Verified structure(Sink sink) {
        try (InputStream in = open(); JsonParser p = FACTORY.createParser(in)) {
            try {
                return parse(p, sink);
            } catch (JsonProcessingException e) {
                throw StrictJson.refused(name, e, p, null, Files.size(file));
            }
        } catch (PackageRefused e) {
            throw e;
        } catch (ZipException | EOFException e) {
            throw refused(null, null, Reason.TRUNCATED, e.getMessage());
        } catch (IOException e) {
            throw refused(null, null, Reason.NOT_A_FILE, e.getMessage());
        }
    }

    private Verified parse(JsonParser p, Sink sink) throws IOException {
        if (p.nextToken() != JsonToken.START_OBJECT) {
            throw refused(null, null, Reason.NOT_JSON, "not a JSON object");
        }
        String format = null;
        ObjectNode manifestNode = null;
        ObjectNode header = null;
        String signature = null;
        long start = -1;
        long end = -1;
        Map<String, Integer> counts = new LinkedHashMap<>();
        int records = 0;
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String field = p.currentName();
            JsonToken t = p.nextToken();
            switch (field) {
                case "format" -> {
                    format = t == JsonToken.VALUE_STRING ? p.getText() : null;
                    if (!Manifest.FORMAT.equals(format)) {
                        throw refused(null, "$.format", Reason.WRONG_FORMAT, String.valueOf(format == null ? p.getText() : format));
                    }
                }
                case "manifest" -> {
                    if (t != JsonToken.START_OBJECT) {
                        throw refused(null, "$.manifest", Reason.WRONG_TYPE, "object");
                    }
                    manifestNode = p.readValueAsTree();
                }
                case "payload" -> {
                    if (t != JsonToken.START_OBJECT) {
                        throw refused(null, "$.payload", Reason.WRONG_TYPE, "object");
                    }
                    start = p.currentTokenLocation().getByteOffset();
                    Payload payload = payload(p, sink, counts);
                    header = payload.header;
                    records = payload.records;
                    end = p.currentLocation().getByteOffset();
                }
                case "signature" -> {
                    if (t != JsonToken.VALUE_STRING) {
                        throw refused(null, "$.signature", Reason.WRONG_TYPE, "string");
                    }
                    signature = p.getText();
                }
                default -> throw refused(null, "$." + field, Reason.UNKNOWN_VALUE, "unexpected field");
            }
        }
        if (p.currentToken() != JsonToken.END_OBJECT || p.nextToken() != null) {
            throw refused(null, null, Reason.NOT_JSON, "content after the end of the package");
        }
        if (format == null) {
            throw refused(null, "$.format", Reason.MISSING_FIELD, null);
        }
        if (manifestNode == null) {
            throw refused(null, "$.manifest", Reason.MISSING_FIELD, null);
        }
        if (header == null) {
            throw refused(null, "$.payload", Reason.MISSING_FIELD, null);
        }
        if (signature == null) {
            throw refused(null, "$.signature", Reason.MISSING_FIELD, null);
        }
        Manifest manifest = manifest(manifestNode, signature);
        checkHeader(manifest, header);
        if (!manifest.counts().equals(counts)) {
            throw refused(null, "$.manifest.counts", Reason.COUNTS_MISMATCH, manifest.counts() + " ≠ " + counts);
        }
        Map<String, Set<UUID>> unresolved = new HashMap<>();
        lastReferences.forEach((kind, refs) -> {
            Set<UUID> carried = lastIds.getOrDefault(kind, Set.of());
            for (UUID id : refs) {
                if (!carried.contains(id)) {
                    unresolved.computeIfAbsent(kind, k -> new HashSet<>()).add(id);
                }
            }
        });
        return new Verified(file, manifest, start, end, records, signature, unresolved);
    }

    private record Payload(ObjectNode header, int records) {
    }

    private Payload payload(JsonParser p, Sink sink, Map<String, Integer> counts) throws IOException {
        ObjectNode header = null;
        int records = 0;
        Map<String, Set<UUID>> ids = new HashMap<>();
        Map<String, Set<UUID>> references = new HashMap<>();
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String field = p.currentName();
            JsonToken t = p.nextToken();
            switch (field) {
                case "header" -> {
                    if (t != JsonToken.START_OBJECT) {
                        throw refused(null, "$.payload.header", Reason.WRONG_TYPE, "object");
                    }
                    header = p.readValueAsTree();
                }
                case "records" -> {
                    if (t != JsonToken.START_ARRAY) {
                        throw refused(null, "$.payload.records", Reason.WRONG_TYPE, "array");
                    }
                    while (p.nextToken() != JsonToken.END_ARRAY) {
                        if (p.currentToken() != JsonToken.START_OBJECT) {
                            throw refused("records[" + records + "]", null, Reason.WRONG_TYPE, "object");
                        }
                        if (records >= MAX_RECORDS) {
                            throw refused(null, "$.payload.records", Reason.TOO_LARGE, "> " + MAX_RECORDS + " records");
                        }
                        ObjectNode node = p.readValueAsTree();
                        RecordState state = RecordCheck.record(node, "records[" + records + "]", name);
                        if (sink == null && !ids.computeIfAbsent(state.kind(), k -> new HashSet<>()).add(state.id())) {
                            throw refused("records[" + records + "] (" + state.kind() + " " + state.id() + ")", "id",
                                    Reason.DUPLICATE_RECORD, null);
                        }
                        if (sink == null) {
                            RecordCheck.references(state, references);
                        }
                        counts.merge(state.kind(), 1, Integer::sum);
                        if (sink != null) {
                            sink.records().accept(state);
                        }
                        records++;
                    }
                }
                case "audit" -> {
                    if (t != JsonToken.START_ARRAY) {
                        throw refused(null, "$.payload.audit", Reason.WRONG_TYPE, "array");
                    }
                    int i = 0;
                    while (p.nextToken() != JsonToken.END_ARRAY) {
                        ObjectNode node = p.readValueAsTree();
                        SyncStore.AuditEntry entry = RecordCheck.audit(node, "audit[" + i + "]", name);
                        if (sink != null) {
                            sink.audit().accept(entry);
                        }
                        i++;
                    }
                }
                default -> throw refused(null, "$.payload." + field, Reason.UNKNOWN_VALUE, "unexpected field");
            }
        }
        lastReferences = references;
        lastIds = ids;
        return new Payload(header, records);
    }

    /** References to other records, and the records the package itself carries, from the last parse. */
    private Map<String, Set<UUID>> lastReferences = Map.of();
    private Map<String, Set<UUID>> lastIds = Map.of();

    private Manifest manifest(ObjectNode m, String signature) {
        JsonNode sender = require(m, "sender", "$.manifest.sender");
        UUID site = uuid(require(sender, "site", "$.manifest.sender.site"), "$.manifest.sender.site");
        String publicKey = text(require(sender, "publicKey", "$.manifest.sender.publicKey"), "$.manifest.sender.publicKey");
        String fingerprint = text(require(sender, "fingerprint", "$.manifest.sender.fingerprint"), "$.manifest.sender.fingerprint");
        SiteRole role;
        try {
            role = SiteRole.valueOf(text(require(sender, "role", "$.manifest.sender.role"), "$.manifest.sender.role"));
        } catch (IllegalArgumentException e) {
            throw refused(null, "$.manifest.sender.role", Reason.UNKNOWN_VALUE, sender.get("role").asText());
        }
        JsonNode receiver = require(m, "receiver", "$.manifest.receiver");
        int sequence = integer(require(m, "sequence", "$.manifest.sequence"), "$.manifest.sequence", 1);
        int acknowledged = integer(require(m, "acknowledged", "$.manifest.acknowledged"), "$.manifest.acknowledged", 0);
        JsonNode full = require(m, "full", "$.manifest.full");
        if (!full.isBoolean()) {
            throw refused(null, "$.manifest.full", Reason.WRONG_TYPE, "true / false");
        }
        OffsetDateTime created;
        try {
            created = OffsetDateTime.parse(text(require(m, "created", "$.manifest.created"), "$.manifest.created"));
        } catch (DateTimeParseException e) {
            throw refused(null, "$.manifest.created", Reason.WRONG_TYPE, m.get("created").asText());
        }
        Map<String, Integer> counts = new LinkedHashMap<>();
        var it = require(m, "counts", "$.manifest.counts").fields();
        while (it.hasNext()) {
            var e = it.next();
            if (!SyncKinds.known(e.getKey())) {
                throw refused(null, "$.manifest.counts." + e.getKey(), Reason.UNKNOWN_VALUE, e.getKey());
            }
            int n = integer(e.getValue(), "$.manifest.counts." + e.getKey(), 0);
            if (n > 0) {
                counts.put(e.getKey(), n);
            }
        }
        String hash = text(require(m, "payloadSha256", "$.manifest.payloadSha256"), "$.manifest.payloadSha256");
        if (!hash.matches("[0-9a-f]{64}")) {
            throw refused(null, "$.manifest.payloadSha256", Reason.WRONG_TYPE, hash);
        }
        if (!SiteKeys.fingerprint(publicKey).equals(fingerprint)) {
            throw refused(null, "$.manifest.sender.fingerprint", Reason.KEY_MISMATCH, fingerprint);
        }
        try {
            Base64.getDecoder().decode(signature);
        } catch (IllegalArgumentException e) {
            throw refused(null, "$.signature", Reason.WRONG_TYPE, "base64");
        }
        String senderName = text(require(sender, "name", "$.manifest.sender.name"), "$.manifest.sender.name");
        return new Manifest(site, senderName, role, publicKey, fingerprint,
                receiver.isNull() ? null : uuid(receiver, "$.manifest.receiver"), sequence, created, full.booleanValue(),
                acknowledged, counts, hash);
    }

    private void checkHeader(Manifest m, ObjectNode h) {
        boolean same = h.path("sender").asText().equals(m.sender().toString())
                && (m.receiver() == null ? h.path("receiver").isNull() : h.path("receiver").asText().equals(m.receiver().toString()))
                && h.path("sequence").asInt(-1) == m.sequence()
                && h.path("acknowledged").asInt(-1) == m.acknowledged()
                && h.path("full").isBoolean() && h.path("full").booleanValue() == m.full();
        if (!same) {
            throw refused(null, "$.payload.header", Reason.HEADER_MISMATCH, null);
        }
    }

    /** Second pass: the hash of the exact payload bytes, and the sender's signature of it. */
    private void signature(Verified v, Trust trust) {
        String hash = hash(v);
        if (!hash.equals(v.manifest().payloadSha256())) {
            throw refused(null, "$.manifest.payloadSha256", Reason.HASH_MISMATCH, hash);
        }
        String key = v.manifest().publicKey();
        if (trust != null) {
            String known = trust.trustedKey(v.manifest().sender());
            if (known == null) {
                throw refused(null, "$.manifest.sender", Reason.UNKNOWN_SENDER,
                        v.manifest().senderName() + " " + v.manifest().fingerprint());
            }
            if (!known.equals(key)) {
                throw refused(null, "$.manifest.sender.publicKey", Reason.KEY_MISMATCH, v.manifest().fingerprint());
            }
        }
        if (!SiteKeys.verify(key, hash.getBytes(StandardCharsets.US_ASCII), Base64.getDecoder().decode(v.signature()))) {
            throw refused(null, "$.signature", Reason.BAD_SIGNATURE, null);
        }
    }

    private String hash(Verified v) {
        try (InputStream in = open()) {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            in.skipNBytes(v.payloadStart());
            long left = v.payloadEnd() - v.payloadStart();
            byte[] buf = new byte[1 << 16];
            while (left > 0) {
                int n = in.read(buf, 0, (int) Math.min(buf.length, left));
                if (n < 0) {
                    throw refused(null, null, Reason.TRUNCATED, null);
                }
                sha.update(buf, 0, n);
                left -= n;
            }
            return HexFormat.of().formatHex(sha.digest());
        } catch (IOException e) {
            throw refused(null, null, Reason.TRUNCATED, e.getMessage());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private JsonNode require(JsonNode node, String field, String path) {
        JsonNode v = node.get(field);
        if (v == null) {
            throw refused(null, path, Reason.MISSING_FIELD, null);
        }
        return v;
    }

    private String text(JsonNode node, String path) {
        if (!node.isTextual()) {
            throw refused(null, path, Reason.WRONG_TYPE, node.toString());
        }
        return node.textValue();
    }

    private UUID uuid(JsonNode node, String path) {
        try {
            return UUID.fromString(text(node, path));
        } catch (IllegalArgumentException e) {
            throw refused(null, path, Reason.WRONG_TYPE, node.toString());
        }
    }

    private int integer(JsonNode node, String path, int min) {
        if (!node.isIntegralNumber() || !node.canConvertToInt()) {
            throw refused(null, path, Reason.WRONG_TYPE, node.toString());
        }
        if (node.intValue() < min) {
            throw refused(null, path, Reason.OUT_OF_RANGE, node.toString());
        }
        return node.intValue();
    }

}
