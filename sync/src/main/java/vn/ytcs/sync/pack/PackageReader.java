// SPDX-License-Identifier: Apache-2.0
package vn.ytcs.sync.pack;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
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
import java.util.concurrent.ConcurrentHashMap;
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
 * Reads a package completely before anything is written, in three passes, so that nothing the
 * sender did not sign is ever built in memory and nothing but what was signed is ever used:
 * <ol>
 * <li>a scan: size and compression limits, strict UTF-8 JSON, no key twice, the manifest and the
 * header (small and bounded), and where the payload lies; records and audit entries are counted
 * and bounded but not built;</li>
 * <li>the SHA-256 of the exact payload bytes, the sender's key against the trusted one, the
 * signature;</li>
 * <li>every record and audit entry built and checked (kind, identity, field names and types,
 * values a register can hold, no duplicates, references), the payload hashed again as it is read.</li>
 * </ol>
 * Reading the records for the preview or the apply is the third pass again: it fails, before the
 * caller's transaction commits, when the bytes are no longer the signed ones. Never holds the whole
 * file in memory; what it keeps per record is a compact id.
 */
public final class PackageReader {

    public static final long MAX_FILE = 2L << 30;
    public static final long MAX_COMPRESSED = 512L << 20;
    public static final int MAX_EXPANSION = 20;
    public static final int MAX_DEPTH = StrictJson.MAX_DEPTH;
    public static final int MAX_STRING = StrictJson.MAX_STRING;
    public static final int MAX_RECORDS = 10_000_000;
    /** Audit entries: a few per record. */
    public static final int MAX_AUDIT = 20_000_000;
    /** The manifest and the header, each, in characters of text: a few hundred when YTCS writes them. */
    public static final int MAX_HEAD = 64 * 1024;
    /** Values in one record or audit entry (or the manifest): the widest record has about forty. */
    public static final int MAX_ELEMENT_VALUES = 1000;
    /** Characters of text, keys included, in one record or audit entry: a catalog record carries a whole catalog. */
    public static final int MAX_ELEMENT_CHARS = 4 * MAX_STRING;
    /** Distinct records referred to (units, stations, hamlets, assessments), kept to resolve them. */
    public static final int MAX_REFERENCES = 1_000_000;

    /**
     * Strict; its table of field names is bounded by Jackson (emptied past 64k names), so that
     * the names a hostile file makes up are not all remembered.
     */
    private static final JsonFactory FACTORY = StrictJson.FACTORY;
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    /** Copies being imported now, which a stale-copy cleanup must leave alone. */
    private static final Set<Path> STAGED = ConcurrentHashMap.newKeySet();

    /**
     * A package that passed every check, and where its payload lies.
     *
     * @param file       the package as the user named it (refusals name it)
     * @param copy       the file read: the private staged copy, or the package itself
     * @param unresolved ids the package refers to (by kind) without carrying them; the importer
     *                   checks them against its database
     */
    public record Verified(Path file, Path copy, Manifest manifest, long payloadStart, long payloadEnd, int records,
                           String signature, Map<String, Set<UUID>> unresolved) {
    }

    /** What the reader must know of this site to check a package. */
    public interface Trust {
        /** The site's stored public key when it is trusted, or null when it is not known. */
        String trustedKey(UUID site);
    }

    private final Path file;
    private final String name;
    private boolean gzip;

    private PackageReader(Path file, String name) {
        this.file = file;
        this.name = name;
    }

    /** Checks a package against what this site trusts. {@code trust} null accepts the key it carries (first contact). */
    public static Verified verify(Path file, Trust trust) {
        return new PackageReader(file, file.toString()).check(file, trust);
    }

    private Verified check(Path shownAs, Trust trust) {
        Head head = parse(null, this::scan);
        signature(head, trust);
        Map<String, Set<UUID>> unresolved = read(head.start(), head.end(), head.manifest(), head.records(), null);
        return new Verified(shownAs, file, head.manifest(), head.start(), head.end(), head.records(), head.signature(),
                unresolved);
    }

    /**
     * Reads a package back after writing it: the payload bytes where the writer put them must
     * hash to what it signed. A cheaper check than {@link #verify}: the content is the writer's own.
     */
    static void checkWritten(Path file, long payloadStart, long payloadEnd, String sha256) {
        PackageReader reader = new PackageReader(file, file.toString());
        String hash = reader.hash(payloadStart, payloadEnd);
        if (!hash.equals(sha256)) {
            throw reader.refused(null, "$.payload", Reason.HASH_MISMATCH, hash);
        }
    }

    /**
     * Streams the verified package's records, parsed and typed, in file order, from the copy that
     * was verified. The payload is hashed as it is read: when it is not the signed one any more,
     * this throws (HASH_MISMATCH) after the last record, so that a transaction around it aborts.
     */
    public static void records(Verified v, Consumer<RecordState> records, Consumer<SyncStore.AuditEntry> audit) {
        new PackageReader(v.copy(), v.file().toString()).read(v.payloadStart(), v.payloadEnd(), v.manifest(), v.records(),
                new Sink(records, audit));
    }

    private record Sink(Consumer<RecordState> records, Consumer<SyncStore.AuditEntry> audit) {
    }

    // ---- staging ----

    /**
     * A package copied into a private folder of this site's data folder. The copy is what is
     * verified, previewed and applied: a file swapped on the stick meanwhile changes nothing.
     */
    public static final class Staged implements AutoCloseable {
        private final Path source;
        private final Path copy;

        private Staged(Path source, Path copy) {
            this.source = source;
            this.copy = copy;
        }

        public Path source() {
            return source;
        }

        public Path copy() {
            return copy;
        }

        /** Verifies the copy; refusals name the package as the user named it. */
        public Verified verify(Trust trust) {
            return new PackageReader(copy, source.toString()).check(source, trust);
        }

        /** Removes the copy (what a crash leaves behind, the next import removes). */
        @Override
        public void close() {
            STAGED.remove(copy);
            try {
                Files.deleteIfExists(copy);
            } catch (IOException e) {
                // Left for the next import to remove.
            }
        }
    }

    /**
     * Copies a package into {@code folder} once (a temporary name, then renamed), after removing
     * the copies earlier imports left there. Refuses what cannot be a package before copying it.
     */
    public static Staged stage(Path file, Path folder) {
        PackageReader reader = new PackageReader(file, file.toString());
        long size;
        try {
            if (Files.isDirectory(file) || !Files.isRegularFile(file)) {
                throw reader.refused(null, null, Reason.NOT_A_FILE, null);
            }
            size = Files.size(file);
        } catch (IOException e) {
            throw reader.refused(null, null, Reason.NOT_A_FILE, e.getMessage());
        }
        if (size == 0) {
            throw reader.refused(null, null, Reason.EMPTY, null);
        }
        if (size > MAX_FILE) {
            throw reader.refused(null, null, Reason.TOO_LARGE, size + " bytes");
        }
        try {
            Files.createDirectories(folder);
            removeStale(folder);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Path copy = folder.resolve(UUID.randomUUID() + ".ytcs.json");
        Path temp = folder.resolve("." + copy.getFileName() + ".tmp");
        try {
            InputStream in;
            try {
                in = Files.newInputStream(file);
            } catch (IOException e) {
                throw reader.refused(null, null, Reason.NOT_A_FILE, e.getMessage());
            }
            try (in; OutputStream out = Files.newOutputStream(temp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
                byte[] buf = new byte[1 << 16];
                long copied = 0;
                while (true) {
                    int n;
                    try {
                        n = in.read(buf);
                    } catch (IOException e) {
                        throw reader.refused(null, null, Reason.NOT_A_FILE, e.getMessage());
                    }
                    if (n < 0) {
                        break;
                    }
                    copied += n;
                    if (copied > MAX_FILE) {
                        throw reader.refused(null, null, Reason.TOO_LARGE, "> " + MAX_FILE + " bytes");
                    }
                    out.write(buf, 0, n);
                }
            }
            try {
                Files.move(temp, copy, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, copy);
            }
            STAGED.add(copy);
            return new Staged(file, copy);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            try {
                Files.deleteIfExists(temp);
            } catch (IOException e) {
                // Removed at the next import.
            }
        }
    }

    /** Only one program opens a data folder: what is there and not being imported now was left by a crash. */
    private static void removeStale(Path folder) throws IOException {
        try (DirectoryStream<Path> files = Files.newDirectoryStream(folder)) {
            for (Path f : files) {
                if (Files.isRegularFile(f) && !STAGED.contains(f)) {
                    Files.deleteIfExists(f);
                }
            }
        }
    }

    // ---- reading ----

    private PackageRefused refused(String record, String field, Reason reason, String detail) {
        return new PackageRefused(name, record, field, reason, detail);
    }

    /** The payload is not where, or not what, the verified package had: the file changed. */
    private PackageRefused changed() {
        return refused(null, "$.payload", Reason.HASH_MISMATCH, "the file changed while it was read");
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
        gzip = b0 == 0x1f && b1 == 0x8b;
        if (gzip) {
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
        return new Limited(raw, MAX_FILE, false);
    }

    /** Refuses to inflate beyond a limit: a small file that unpacks to gigabytes is an attack, not a package. */
    private final class Limited extends FilterInputStream {
        private final long limit;
        private final boolean zipped;
        private long count;

        Limited(InputStream in, long limit, boolean zipped) {
            super(in);
            this.limit = limit;
            this.zipped = zipped;
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
                throw refused(null, null, zipped ? Reason.GZIP_BOMB : Reason.TOO_LARGE, "> " + limit + " bytes");
            }
        }
    }

    /** Hashes the bytes of a range as they stream past: the payload, as the parser reads it. */
    private static final class Tap extends FilterInputStream {
        private final long start;
        private final long end;
        private final MessageDigest sha;
        private long position;

        Tap(long start, long end) {
            super(InputStream.nullInputStream());
            this.start = start;
            this.end = end;
            try {
                this.sha = MessageDigest.getInstance("SHA-256");
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
        }

        Tap attach(InputStream source) {
            this.in = source;
            return this;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            int n = read(one, 0, 1);
            return n < 0 ? -1 : one[0] & 0xFF;
        }

        @Override
        public int read(byte[] buf, int off, int len) throws IOException {
            int n = in.read(buf, off, len);
            if (n > 0) {
                long from = Math.max(position, start);
                long to = Math.min(position + n, end);
                if (from < to) {
                    sha.update(buf, off + (int) (from - position), (int) (to - from));
                }
                position += n;
            }
            return n;
        }

        @Override
        public long skip(long n) throws IOException {
            byte[] buf = new byte[(int) Math.min(n, 1 << 16)];
            int read = read(buf, 0, buf.length);
            return Math.max(read, 0);
        }

        @Override
        public boolean markSupported() {
            return false;
        }

        String hash() {
            return HexFormat.of().formatHex(sha.digest());
        }
    }

    private interface Pass<T> {
        T run(JsonParser p) throws IOException;
    }

    /** Runs one pass over the file, parse errors told in words with the record and field where they happened. */
    private <T> T parse(Tap tap, Pass<T> pass) {
        try (InputStream in = open(); InputStream read = tap == null ? in : tap.attach(in); JsonParser p = FACTORY.createParser(read)) {
            try {
                return pass.run(p);
            } catch (JsonProcessingException e) {
                throw StrictJson.refused(name, e, p, null, gzip ? Long.MAX_VALUE : Files.size(file));
            }
        } catch (PackageRefused e) {
            throw e;
        } catch (ZipException | EOFException e) {
            throw refused(null, null, Reason.TRUNCATED, e.getMessage());
        } catch (IOException e) {
            throw refused(null, null, Reason.NOT_A_FILE, e.getMessage());
        }
    }

    /** What the scan found: the manifest, where the payload lies, how many records. */
    private record Head(Manifest manifest, long start, long end, int records, String signature) {
    }

    /** First pass: the structure, without building a record. */
    private Head scan(JsonParser p) throws IOException {
        if (p.nextToken() != JsonToken.START_OBJECT) {
            throw refused(null, null, Reason.NOT_JSON, "not a JSON object");
        }
        String format = null;
        ObjectNode manifestNode = null;
        ObjectNode header = null;
        String signature = null;
        long start = -1;
        long end = -1;
        int[] counted = {0, 0};
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
                    manifestNode = (ObjectNode) tree(p, new Budget(null, "$.manifest", MAX_HEAD));
                }
                case "payload" -> {
                    if (t != JsonToken.START_OBJECT) {
                        throw refused(null, "$.payload", Reason.WRONG_TYPE, "object");
                    }
                    start = p.currentTokenLocation().getByteOffset();
                    header = scanPayload(p, counted);
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
        long total = manifest.counts().values().stream().mapToLong(Integer::longValue).sum();
        if (total != counted[0]) {
            throw refused(null, "$.manifest.counts", Reason.COUNTS_MISMATCH, total + " ≠ " + counted[0]);
        }
        return new Head(manifest, start, end, counted[0], signature);
    }

    /** The payload's header, built; its records and audit entries counted and bounded, not built. */
    private ObjectNode scanPayload(JsonParser p, int[] counted) throws IOException {
        ObjectNode header = null;
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String field = p.currentName();
            JsonToken t = p.nextToken();
            switch (field) {
                case "header" -> {
                    if (t != JsonToken.START_OBJECT) {
                        throw refused(null, "$.payload.header", Reason.WRONG_TYPE, "object");
                    }
                    header = (ObjectNode) tree(p, new Budget(null, "$.payload.header", MAX_HEAD));
                }
                case "records" -> counted[0] = skipAll(p, t, "records", MAX_RECORDS);
                case "audit" -> counted[1] = skipAll(p, t, "audit", MAX_AUDIT);
                default -> throw refused(null, "$.payload." + field, Reason.UNKNOWN_VALUE, "unexpected field");
            }
        }
        return header;
    }

    /** Goes over an array of objects, each bounded, without building them; returns how many there are. */
    private int skipAll(JsonParser p, JsonToken t, String list, int max) throws IOException {
        if (t != JsonToken.START_ARRAY) {
            throw refused(null, "$.payload." + list, Reason.WRONG_TYPE, "array");
        }
        int n = 0;
        Budget budget = new Budget(null, null, MAX_ELEMENT_CHARS);
        while (p.nextToken() != JsonToken.END_ARRAY) {
            if (p.currentToken() != JsonToken.START_OBJECT) {
                throw refused(list + "[" + n + "]", null, Reason.WRONG_TYPE, "object");
            }
            if (n >= max) {
                throw refused(null, "$.payload." + list, Reason.TOO_MANY_ENTRIES, Integer.toString(max));
            }
            budget.reset(list, n);
            skip(p, budget);
            n++;
        }
        return n;
    }

    /** How much one record, audit entry, manifest or header may hold, as it is read. */
    private final class Budget {
        private String record;
        private final String field;
        private final long maxChars;
        private String list;
        private int index = -1;
        private int values;
        private long chars;

        Budget(String record, String field, long maxChars) {
            this.record = record;
            this.field = field;
            this.maxChars = maxChars;
        }

        void reset(String list, int index) {
            this.list = list;
            this.index = index;
            this.record = null;
            values = 0;
            chars = 0;
        }

        void value() {
            if (++values > MAX_ELEMENT_VALUES) {
                throw refused(where(), field, Reason.TOO_MANY_VALUES, Integer.toString(MAX_ELEMENT_VALUES));
            }
        }

        void text(int n) {
            chars += n;
            if (chars > maxChars) {
                throw refused(where(), field, Reason.TOO_MUCH_TEXT, Long.toString(maxChars));
            }
        }

        private String where() {
            return record != null || list == null ? record : list + "[" + index + "]";
        }
    }

    /** Goes over one value without keeping it: its values counted, its texts decoded (UTF-8 and length checked) and measured. */
    private static void skip(JsonParser p, Budget b) throws IOException {
        int depth = 0;
        JsonToken t = p.currentToken();
        while (true) {
            switch (t) {
                case START_OBJECT, START_ARRAY -> {
                    b.value();
                    depth++;
                }
                case END_OBJECT, END_ARRAY -> depth--;
                case FIELD_NAME -> b.text(p.currentName().length());
                case VALUE_STRING -> {
                    b.value();
                    b.text(p.getTextLength());
                }
                default -> b.value();
            }
            if (depth == 0) {
                return;
            }
            t = p.nextToken();
        }
    }

    /** Builds one value within its budget: nothing larger than the budget is ever held. */
    private JsonNode tree(JsonParser p, Budget b) throws IOException {
        b.value();
        switch (p.currentToken()) {
            case START_OBJECT -> {
                ObjectNode o = NODES.objectNode();
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    String key = p.currentName();
                    b.text(key.length());
                    p.nextToken();
                    o.set(key, tree(p, b));
                }
                return o;
            }
            case START_ARRAY -> {
                ArrayNode a = NODES.arrayNode();
                while (p.nextToken() != JsonToken.END_ARRAY) {
                    a.add(tree(p, b));
                }
                return a;
            }
            case VALUE_STRING -> {
                b.text(p.getTextLength());
                return NODES.textNode(p.getText());
            }
            case VALUE_NUMBER_INT -> {
                return switch (p.getNumberType()) {
                    case INT -> NODES.numberNode(p.getIntValue());
                    case LONG -> NODES.numberNode(p.getLongValue());
                    default -> NODES.numberNode(p.getBigIntegerValue());
                };
            }
            case VALUE_NUMBER_FLOAT -> {
                return NODES.numberNode(p.getDoubleValue());
            }
            case VALUE_TRUE -> {
                return NODES.booleanNode(true);
            }
            case VALUE_FALSE -> {
                return NODES.booleanNode(false);
            }
            case VALUE_NULL -> {
                return NODES.nullNode();
            }
            default -> throw refused(null, null, Reason.NOT_JSON, String.valueOf(p.currentToken()));
        }
    }

    /**
     * Third pass (and every later read): each record and audit entry built, checked and handed
     * on, the payload hashed as it goes. With no sink, the records' ids are kept (compactly) to
     * find duplicates and the references the package does not resolve itself, which it returns.
     */
    private Map<String, Set<UUID>> read(long start, long end, Manifest manifest, int expected, Sink sink) {
        Tap tap = new Tap(start, end);
        return parse(tap, p -> {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                throw changed();
            }
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String field = p.currentName();
                JsonToken t = p.nextToken();
                if (field.equals("payload") && t == JsonToken.START_OBJECT) {
                    if (p.currentTokenLocation().getByteOffset() != start) {
                        throw changed();
                    }
                    Map<String, Set<UUID>> unresolved = payload(p, manifest, expected, sink);
                    if (p.currentLocation().getByteOffset() != end || !tap.hash().equals(manifest.payloadSha256())) {
                        throw changed();
                    }
                    return unresolved;
                }
                skip(p, new Budget(null, "$." + field, MAX_HEAD));
            }
            throw changed();
        });
    }

    private Map<String, Set<UUID>> payload(JsonParser p, Manifest manifest, int expected, Sink sink) throws IOException {
        IdTable ids = sink == null ? new IdTable(expected) : null;
        IdTable references = sink == null ? new IdTable(1024) : null;
        Map<String, Integer> counts = new LinkedHashMap<>();
        int records = 0;
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String field = p.currentName();
            JsonToken t = p.nextToken();
            switch (field) {
                case "header" -> skip(p, new Budget(null, "$.payload.header", MAX_HEAD));
                case "records" -> {
                    if (t != JsonToken.START_ARRAY) {
                        throw changed();
                    }
                    while (p.nextToken() != JsonToken.END_ARRAY) {
                        String label = "records[" + records + "]";
                        if (records >= expected || p.currentToken() != JsonToken.START_OBJECT) {
                            throw changed();
                        }
                        RecordState state = RecordCheck.record(tree(p, new Budget(label, null, MAX_ELEMENT_CHARS)), label, name);
                        if (ids != null) {
                            if (!ids.add(RecordCheck.kindIndex(state.kind()), state.id())) {
                                throw refused(label + " (" + state.kind() + " " + state.id() + ")", "id", Reason.DUPLICATE_RECORD, null);
                            }
                            RecordCheck.references(state, references);
                            if (references.size() > MAX_REFERENCES) {
                                throw refused(label + " (" + state.kind() + " " + state.id() + ")", null,
                                        Reason.TOO_MANY_REFERENCES, Integer.toString(MAX_REFERENCES));
                            }
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
                        throw changed();
                    }
                    int i = 0;
                    while (p.nextToken() != JsonToken.END_ARRAY) {
                        String label = "audit[" + i + "]";
                        if (i >= MAX_AUDIT || p.currentToken() != JsonToken.START_OBJECT) {
                            throw changed();
                        }
                        SyncStore.AuditEntry entry = RecordCheck.audit(tree(p, new Budget(label, null, MAX_ELEMENT_CHARS)), label, name);
                        if (sink != null) {
                            sink.audit().accept(entry);
                        }
                        i++;
                    }
                }
                default -> throw changed();
            }
        }
        if (records != expected) {
            throw changed();
        }
        if (!manifest.counts().equals(counts)) {
            throw refused(null, "$.manifest.counts", Reason.COUNTS_MISMATCH, manifest.counts() + " ≠ " + counts);
        }
        Map<String, Set<UUID>> unresolved = new HashMap<>();
        if (ids != null) {
            references.forEach((kind, id) -> {
                if (!ids.contains(kind, id)) {
                    unresolved.computeIfAbsent(RecordCheck.kind(kind), k -> new HashSet<>()).add(id);
                }
            });
        }
        return unresolved;
    }

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
        String expected;
        try {
            expected = SiteKeys.fingerprint(publicKey);
        } catch (RuntimeException e) {
            throw refused(null, "$.manifest.sender.publicKey", Reason.WRONG_TYPE, "Ed25519 public key");
        }
        if (!expected.equals(fingerprint)) {
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
        boolean same = h.path("sender").isTextual() && h.path("sender").textValue().equals(m.sender().toString())
                && (m.receiver() == null ? h.path("receiver").isNull()
                        : h.path("receiver").isTextual() && h.path("receiver").textValue().equals(m.receiver().toString()))
                && h.path("sequence").isIntegralNumber() && h.path("sequence").asLong() == m.sequence()
                && h.path("acknowledged").isIntegralNumber() && h.path("acknowledged").asLong() == m.acknowledged()
                && h.path("full").isBoolean() && h.path("full").booleanValue() == m.full();
        if (!same) {
            throw refused(null, "$.payload.header", Reason.HEADER_MISMATCH, null);
        }
    }

    /** Second pass: the hash of the exact payload bytes, the sender's key, and its signature of the hash. */
    private void signature(Head head, Trust trust) {
        Manifest m = head.manifest();
        String hash = hash(head.start(), head.end());
        if (!hash.equals(m.payloadSha256())) {
            throw refused(null, "$.manifest.payloadSha256", Reason.HASH_MISMATCH, hash);
        }
        String key = m.publicKey();
        if (trust != null) {
            String known = trust.trustedKey(m.sender());
            if (known == null) {
                throw refused(null, "$.manifest.sender", Reason.UNKNOWN_SENDER, m.senderName() + " " + m.fingerprint());
            }
            if (!known.equals(key)) {
                throw refused(null, "$.manifest.sender.publicKey", Reason.KEY_MISMATCH, m.fingerprint());
            }
        }
        if (!SiteKeys.verify(key, hash.getBytes(StandardCharsets.US_ASCII), Base64.getDecoder().decode(head.signature()))) {
            throw refused(null, "$.signature", Reason.BAD_SIGNATURE, null);
        }
    }

    private String hash(long start, long end) {
        try (InputStream in = open()) {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            in.skipNBytes(start);
            long left = end - start;
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
        } catch (PackageRefused e) {
            throw e;
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
