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
import java.nio.channels.Channels;
import java.nio.channels.SeekableByteChannel;
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
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
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
import vn.ytcs.core.task.Progress;
import vn.ytcs.sync.pack.PackageRefused.Reason;
import vn.ytcs.sync.site.SiteKeys;

/**
 * Reads a package completely before anything is committed, in two passes over its bytes, so that
 * nothing the sender did not sign is ever built in memory and nothing but what was signed is used:
 * <ol>
 * <li>the copy: the package is copied from the stick into a private folder of the data folder
 * (un-gzipped), and the same bytes are scanned as they pass: size and compression limits, strict
 * UTF-8 JSON, no key twice, the manifest and the header (small and bounded), where the payload
 * and its lists lie, their SHA-256; records and audit entries are counted and bounded but not
 * built. Then the payload hash, the sender's key and its signature are checked.</li>
 * <li>the read, for the preview or the apply: the audit entries, then the records, each built and
 * checked (kind, identity, field names and types, values a register can hold, no duplicates,
 * references), every list hashed again and compared with what the copy had: a copy that changed
 * since fails before the caller's transaction commits.</li>
 * </ol>
 * Never holds the whole file in memory; what it keeps per record is a compact id.
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
    /** Records (and audit entries) handed on together: the importer looks them up and writes them a batch at a time. */
    public static final int BATCH = 1000;

    /**
     * Strict; its table of field names is bounded by Jackson (emptied past 64k names), so that
     * the names a hostile file makes up are not all remembered.
     */
    private static final JsonFactory FACTORY = StrictJson.FACTORY;
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    /** Copies being imported now, which a stale-copy cleanup must leave alone. */
    private static final Set<Path> STAGED = ConcurrentHashMap.newKeySet();
    /** The receipt's first bytes, as YTCS writes them: a receipt is read whole, a package streamed. */
    private static final byte[] RECEIPT_START = ("{\"format\":\"" + Receipt.FORMAT + "\"").getBytes(StandardCharsets.US_ASCII);

    /**
     * Told of every pass over a package's bytes: the copy from the stick, each read of the staged
     * copy, an inspection. Tests count them; nothing else listens.
     */
    static volatile Consumer<Path> passes = p -> { };

    /** A list of the payload ({@code records}, {@code audit}) and the SHA-256 its bytes had when they were copied. */
    record Section(long start, long end, byte[] sha256) {
    }

    /**
     * A package whose structure, hash and signature (with the key it carries) passed.
     *
     * @param file the package as the user named it (refusals name it)
     */
    public record Verified(Path file, Manifest manifest, int records, int audit, Section recordsAt, Section auditAt) {
    }

    /** What the reader must know of this site to check a package. */
    public interface Trust {
        /** The site's stored public key when it is trusted, or null when it is not known. */
        String trustedKey(UUID site);
    }

    /** What the second pass hands on, in this order: every audit entry, then the records a batch at a time. */
    public interface Reading {
        void audit(SyncStore.AuditEntry entry);

        /** After the last audit entry, before the first record. */
        void auditDone();

        /** Each record as it is read, built and checked. */
        void record(RecordState record);

        /**
         * After every {@link #BATCH} records and after the last: the references of those records
         * that no record read so far resolves (by kind), for the importer to find in its database.
         */
        void batch(Map<String, Set<UUID>> unresolved);
    }

    private final String name;
    private boolean gzip;

    private PackageReader(String name) {
        this.name = name;
    }

    /**
     * Checks a package where it lies, with the key it carries, without copying it: for showing
     * whose a package is (the crash harness, tests). Imports {@link #stage} it.
     */
    public static Verified inspect(Path file) {
        PackageReader reader = new PackageReader(file.toString());
        long size = reader.checkFile(file);
        passes.accept(file);
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16)) {
            return reader.scan(file, in, size, OutputStream.nullOutputStream(), Progress.NONE);
        } catch (IOException e) {
            throw reader.refused(null, null, Reason.NOT_A_FILE, e.getMessage());
        }
    }

    /**
     * Reads a package back after writing it: the payload bytes where the writer put them must
     * hash to what it signed. A cheaper check than a verification: the content is the writer's own.
     */
    static void checkWritten(Path file, long payloadStart, long payloadEnd, String sha256) {
        PackageReader reader = new PackageReader(file.toString());
        String hash = reader.hash(file, payloadStart, payloadEnd);
        if (!hash.equals(sha256)) {
            throw reader.refused(null, "$.payload", Reason.HASH_MISMATCH, hash);
        }
    }

    // ---- staging ----

    /**
     * A package (or receipt) read once from where the user found it. A package is copied into a
     * private folder of this site's data folder: the copy is what is previewed and applied, so a
     * file swapped on the stick meanwhile changes nothing. A receipt, a few hundred bytes, is kept
     * in memory.
     */
    public static final class Staged implements AutoCloseable {
        private final Path source;
        private final Path copy;
        private final Verified verified;
        private final Receipt receipt;

        private Staged(Path source, Path copy, Verified verified, Receipt receipt) {
            this.source = source;
            this.copy = copy;
            this.verified = verified;
            this.receipt = receipt;
        }

        public Path source() {
            return source;
        }

        /** The staged copy; null for a receipt. */
        public Path copy() {
            return copy;
        }

        /** The package's verified head; null for a receipt. */
        public Verified verified() {
            return verified;
        }

        /** The receipt, its signature checked with the key it carries; null for a package. */
        public Receipt receipt() {
            return receipt;
        }

        public boolean isReceipt() {
            return receipt != null;
        }

        /**
         * The second pass: the audit entries and records of the staged copy, built, checked and
         * handed on; fails (HASH_MISMATCH) when the copy is no longer what was verified, before the
         * caller's transaction can commit.
         */
        public void read(Progress progress, Reading reading) {
            read(progress, reading, null);
        }

        /** The same, each record also checked against the records it reads (see {@link RecordCheck.Context}). */
        void read(Progress progress, Reading reading, RecordCheck.Context context) {
            new PackageReader(source.toString()).read(copy, verified, progress, reading, context);
        }

        /** Removes the copy (what a crash leaves behind, the next import removes). */
        @Override
        public void close() {
            if (copy == null) {
                return;
            }
            STAGED.remove(copy);
            try {
                Files.deleteIfExists(copy);
            } catch (IOException e) {
                // Left for the next import to remove.
            }
        }
    }

    /**
     * Reads a package or receipt once: a package is copied into {@code folder} (a temporary name,
     * then renamed, after removing the copies earlier imports left there) while it is scanned and
     * hashed, then its signature is checked with the key it carries. Whether that key is the one
     * this site trusts is the importer's to say. Refuses what cannot be a package before copying it.
     */
    public static Staged stage(Path file, Path folder, Progress progress) {
        PackageReader reader = new PackageReader(file.toString());
        long size = reader.checkFile(file);
        try {
            Files.createDirectories(folder);
            removeStale(folder);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        passes.accept(file);
        InputStream in;
        try {
            in = new BufferedInputStream(Files.newInputStream(file), 1 << 16);
        } catch (IOException e) {
            throw reader.refused(null, null, Reason.NOT_A_FILE, e.getMessage());
        }
        try (in) {
            if (size <= Receipt.MAX_BYTES) {
                in.mark(Receipt.MAX_BYTES + 1);
                byte[] head = in.readNBytes(Receipt.MAX_BYTES + 1);
                if (head.length >= RECEIPT_START.length && head.length <= Receipt.MAX_BYTES
                        && Arrays.equals(head, 0, RECEIPT_START.length, RECEIPT_START, 0, RECEIPT_START.length)) {
                    return new Staged(file, null, null, Receipt.read(head, file.toString(), null));
                }
                in.reset();
            }
            Path copy = folder.resolve(UUID.randomUUID() + ".ytcs.json");
            Path temp = folder.resolve("." + copy.getFileName() + ".tmp");
            try {
                Verified verified;
                try (OutputStream out = new java.io.BufferedOutputStream(
                        Files.newOutputStream(temp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE), 1 << 16)) {
                    verified = reader.scan(file, in, size, out, progress);
                }
                try {
                    Files.move(temp, copy, StandardCopyOption.ATOMIC_MOVE);
                } catch (AtomicMoveNotSupportedException e) {
                    Files.move(temp, copy);
                }
                STAGED.add(copy);
                return new Staged(file, copy, verified, null);
            } finally {
                try {
                    Files.deleteIfExists(temp);
                } catch (IOException e) {
                    // Removed at the next import.
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
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

    /** A regular file, not empty, not larger than any package: its size. */
    private long checkFile(Path file) {
        long size;
        try {
            if (Files.isDirectory(file) || !Files.isRegularFile(file)) {
                throw refused(null, null, Reason.NOT_A_FILE, null);
            }
            size = Files.size(file);
        } catch (IOException e) {
            throw refused(null, null, Reason.NOT_A_FILE, e.getMessage());
        }
        if (size == 0) {
            throw refused(null, null, Reason.EMPTY, null);
        }
        if (size > MAX_FILE) {
            throw refused(null, null, Reason.TOO_LARGE, size + " bytes");
        }
        return size;
    }

    // ---- the first pass ----

    private PackageRefused refused(String record, String field, Reason reason, String detail) {
        return new PackageRefused(name, record, field, reason, detail);
    }

    /** The payload is not where, or not what, the verified package had: the file changed. */
    private PackageRefused changed() {
        return refused(null, "$.payload", Reason.HASH_MISMATCH, "the file changed while it was read");
    }

    /**
     * The bytes as the parser sees them: un-gzipped when the file starts like gzip, within the size
     * limits, counted for the progress, and copied to {@code copy} as they pass.
     */
    private InputStream decoded(InputStream raw, long size, OutputStream copy, Progress progress) throws IOException {
        raw.mark(4);
        int b0 = raw.read();
        int b1 = raw.read();
        int b2 = raw.read();
        raw.reset();
        gzip = b0 == 0x1f && b1 == 0x8b;
        InputStream counted = new Counted(raw, size, progress);
        InputStream plain;
        if (gzip) {
            if (size > MAX_COMPRESSED) {
                throw refused(null, null, Reason.TOO_LARGE, size + " bytes");
            }
            long limit = Math.min(MAX_FILE, Math.max(size, 1 << 20) * MAX_EXPANSION);
            plain = new Limited(new GZIPInputStream(counted, 1 << 16), limit, true);
        } else {
            if (b0 == 0xEF && b1 == 0xBB && b2 == 0xBF) {
                throw refused(null, null, Reason.BYTE_ORDER_MARK, null);
            }
            plain = new Limited(counted, MAX_FILE, false);
        }
        return new Tee(plain, copy);
    }

    /** A stream that changes nothing of the bytes: a single byte is read as a buffer of one, through its subclass's buffer read. */
    private abstract static class Passing extends FilterInputStream {
        Passing(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            int n = read(one, 0, 1);
            return n < 0 ? -1 : one[0] & 0xFF;
        }
    }

    /** Reports how much of the file was read, and stops when the user asks (nothing is written yet). */
    private static final class Counted extends Passing {
        private final long size;
        private final Progress progress;
        private long count;
        private long told;

        Counted(InputStream in, long size, Progress progress) {
            super(in);
            this.size = size;
            this.progress = progress;
        }

        @Override
        public int read(byte[] buf, int off, int len) throws IOException {
            int n = in.read(buf, off, len);
            if (n > 0) {
                count += n;
                if (count - told >= 1 << 20 || count == size) {
                    told = count;
                    progress.checkCancelled();
                    progress.update(count, size);
                }
            }
            return n;
        }
    }

    /** Copies every byte read to the staged copy. */
    private static final class Tee extends Passing {
        private final OutputStream copy;

        Tee(InputStream in, OutputStream copy) {
            super(in);
            this.copy = copy;
        }

        @Override
        public int read(byte[] buf, int off, int len) throws IOException {
            int n = in.read(buf, off, len);
            if (n > 0) {
                try {
                    copy.write(buf, off, n);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
            return n;
        }
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

    /**
     * Hashes byte ranges of what streams past, ranges whose ends the parser finds only after it
     * has read a little further: the last bytes are held back until it is known which ranges they
     * belong to. Jackson reads ahead at most its buffer (8000 bytes), far less than what is held.
     */
    private static final class Digests extends Passing {
        private static final int LAG = 1 << 16;
        private final byte[] ring = new byte[LAG];
        private final List<Range> open = new ArrayList<>();
        /** Bytes delivered to the parser. */
        private long position;
        /** Bytes [0, fed) have been given to the ranges they belong to. */
        private long fed;

        private static final class Range {
            final long start;
            long end = Long.MAX_VALUE;
            final MessageDigest sha = sha256();

            Range(long start) {
                this.start = start;
            }
        }

        Digests(InputStream in) {
            super(in);
        }

        @Override
        public int read(byte[] buf, int off, int len) throws IOException {
            int n = in.read(buf, off, Math.min(len, LAG));
            if (n > 0) {
                feed(position + n - LAG);
                for (int i = 0; i < n; i++) {
                    ring[(int) ((position + i) % LAG)] = buf[off + i];
                }
                position += n;
            }
            return n;
        }

        @Override
        public long skip(long n) throws IOException {
            byte[] buf = new byte[(int) Math.min(n, 1 << 16)];
            return Math.max(read(buf, 0, buf.length), 0);
        }

        @Override
        public boolean markSupported() {
            return false;
        }

        /** Starts a range at an offset the parser just reported. */
        Range start(long offset) {
            if (offset < fed || offset > position) {
                throw new IllegalStateException("the parser reported offset " + offset + " outside the held bytes");
            }
            Range r = new Range(offset);
            open.add(r);
            return r;
        }

        /** Ends a range; its SHA-256. */
        byte[] end(Range r, long offset) {
            if (offset < fed || offset > position) {
                throw new IllegalStateException("the parser reported offset " + offset + " outside the held bytes");
            }
            r.end = offset;
            feed(offset);
            open.remove(r);
            return r.sha.digest();
        }

        /** Gives the held bytes before {@code upTo} to the ranges they fall in. */
        private void feed(long upTo) {
            for (; fed < upTo; ) {
                int from = (int) (fed % LAG);
                int length = (int) Math.min(upTo - fed, LAG - from);
                for (Range r : open) {
                    long a = Math.max(fed, r.start);
                    long b = Math.min(fed + length, r.end);
                    if (a < b) {
                        r.sha.update(ring, from + (int) (a - fed), (int) (b - a));
                    }
                }
                fed += length;
            }
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** What the scan found of the payload's lists. */
    private static final class Found {
        Digests.Range payload;
        Section records;
        Section audit;
        byte[] payloadSha;
        int recordCount;
        int auditCount;
    }

    /**
     * The first pass over {@code raw}: the structure, without building a record, every byte
     * copied to {@code copy}; then the hash and the signature, with the key the package carries.
     */
    private Verified scan(Path file, InputStream raw, long size, OutputStream copy, Progress progress) {
        Found found = new Found();
        Head head;
        try (Digests digests = new Digests(decoded(raw, size, copy, progress)); JsonParser p = FACTORY.createParser(digests)) {
            try {
                head = scan(p, digests, found);
            } catch (JsonProcessingException e) {
                throw StrictJson.refused(name, e, p, null, gzip ? Long.MAX_VALUE : size);
            }
        } catch (PackageRefused | UncheckedIOException | Progress.Cancelled e) {
            throw e;
        } catch (ZipException | EOFException e) {
            throw refused(null, null, Reason.TRUNCATED, e.getMessage());
        } catch (IOException e) {
            throw refused(null, null, Reason.NOT_A_FILE, e.getMessage());
        }
        Manifest m = head.manifest();
        String hash = HexFormat.of().formatHex(found.payloadSha);
        if (!hash.equals(m.payloadSha256())) {
            throw refused(null, "$.manifest.payloadSha256", Reason.HASH_MISMATCH, hash);
        }
        if (!SiteKeys.verify(m.publicKey(), hash.getBytes(StandardCharsets.US_ASCII), Base64.getDecoder().decode(head.signature()))) {
            throw refused(null, "$.signature", Reason.BAD_SIGNATURE, null);
        }
        return new Verified(file, m, found.recordCount, found.auditCount, found.records, found.audit);
    }

    /** What the scan found: the manifest and its signature. */
    private record Head(Manifest manifest, String signature) {
    }

    private Head scan(JsonParser p, Digests digests, Found found) throws IOException {
        if (p.nextToken() != JsonToken.START_OBJECT) {
            throw refused(null, null, Reason.NOT_JSON, "not a JSON object");
        }
        String format = null;
        ObjectNode manifestNode = null;
        ObjectNode header = null;
        String signature = null;
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
                    found.payload = digests.start(p.currentTokenLocation().getByteOffset());
                    header = scanPayload(p, digests, found);
                    found.payloadSha = digests.end(found.payload, p.currentLocation().getByteOffset());
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
        if (total != found.recordCount) {
            throw refused(null, "$.manifest.counts", Reason.COUNTS_MISMATCH, total + " ≠ " + found.recordCount);
        }
        return new Head(manifest, signature);
    }

    /** The payload's header, built; its records and audit entries counted, bounded and hashed, not built. */
    private ObjectNode scanPayload(JsonParser p, Digests digests, Found found) throws IOException {
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
                case "records", "audit" -> {
                    long start = p.currentTokenLocation().getByteOffset();
                    Digests.Range range = t == JsonToken.START_ARRAY ? digests.start(start) : null;
                    int n = skipAll(p, t, field, field.equals("records") ? MAX_RECORDS : MAX_AUDIT);
                    long end = p.currentLocation().getByteOffset();
                    Section section = new Section(start, end, digests.end(range, end));
                    if (field.equals("records")) {
                        found.records = section;
                        found.recordCount = n;
                    } else {
                        found.audit = section;
                        found.auditCount = n;
                    }
                }
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

    // ---- the second pass ----

    /**
     * Reads the audit entries, then the records, of the staged copy: each list from where the
     * scan found it, so that every byte is read once, and hashed again against what the copy had.
     */
    private void read(Path copy, Verified v, Progress progress, Reading reading, RecordCheck.Context context) {
        passes.accept(copy);
        long total = (long) v.records() + v.audit();
        long[] done = {0};
        try (SeekableByteChannel channel = Files.newByteChannel(copy, StandardOpenOption.READ)) {
            if (v.auditAt() != null) {
                section(channel, v.auditAt(), "audit", v.audit(), p -> {
                    SyncStore.AuditEntry entry = null;
                    int i = 0;
                    while (p.nextToken() != JsonToken.END_ARRAY) {
                        String label = "audit[" + i + "]";
                        if (i >= v.audit() || p.currentToken() != JsonToken.START_OBJECT) {
                            throw changed();
                        }
                        entry = RecordCheck.audit(tree(p, new Budget(label, null, MAX_ELEMENT_CHARS)), label, name);
                        reading.audit(entry);
                        step(progress, ++done[0], total);
                        i++;
                    }
                    if (i != v.audit()) {
                        throw changed();
                    }
                });
            }
            reading.auditDone();
            if (v.recordsAt() != null) {
                section(channel, v.recordsAt(), "records", v.records(), p -> records(p, v, progress, reading, done, total, context));
            } else if (v.records() != 0) {
                throw changed();
            }
        } catch (IOException e) {
            throw refused(null, null, Reason.NOT_A_FILE, e.getMessage());
        }
    }

    private static void step(Progress progress, long done, long total) {
        if (done % BATCH == 0 || done == total) {
            progress.checkCancelled();
            progress.update(done, total);
        }
    }

    private void records(JsonParser p, Verified v, Progress progress, Reading reading, long[] done, long total,
                         RecordCheck.Context context) throws IOException {
        IdTable ids = new IdTable(v.records());
        IdTable references = new IdTable(BATCH);
        Map<String, Integer> counts = new LinkedHashMap<>();
        int records = 0;
        while (p.nextToken() != JsonToken.END_ARRAY) {
            String label = "records[" + records + "]";
            if (records >= v.records() || p.currentToken() != JsonToken.START_OBJECT) {
                throw changed();
            }
            RecordState state = RecordCheck.record(tree(p, new Budget(label, null, MAX_ELEMENT_CHARS)), label, name, context);
            if (!ids.add(RecordCheck.kindIndex(state.kind()), state.id())) {
                throw refused(label + " (" + state.kind() + " " + state.id() + ")", "id", Reason.DUPLICATE_RECORD, null);
            }
            // What is kept to resolve references is one batch's: they are looked up a batch at a time.
            RecordCheck.references(state, references);
            counts.merge(state.kind(), 1, Integer::sum);
            reading.record(state);
            records++;
            step(progress, ++done[0], total);
            if (records % BATCH == 0) {
                reading.batch(unresolved(references, ids));
                references = new IdTable(BATCH);
            }
        }
        if (records % BATCH != 0 || records == 0) {
            reading.batch(unresolved(references, ids));
        }
        if (records != v.records()) {
            throw changed();
        }
        if (!v.manifest().counts().equals(counts)) {
            throw refused(null, "$.manifest.counts", Reason.COUNTS_MISMATCH, v.manifest().counts() + " ≠ " + counts);
        }
    }

    /** The references that no record read so far resolves, by kind. */
    private static Map<String, Set<UUID>> unresolved(IdTable references, IdTable ids) {
        Map<String, Set<UUID>> out = new HashMap<>();
        references.forEach((kind, id) -> {
            if (!ids.contains(kind, id)) {
                out.computeIfAbsent(RecordCheck.kind(kind), k -> new HashSet<>()).add(id);
            }
        });
        return out;
    }

    private interface Pass {
        void run(JsonParser p) throws IOException;
    }

    /**
     * Parses one list of the staged copy on its own, hashing its bytes: they must be the ones the
     * copy had. A refusal while it is read is checked against the hash too, so that a copy changed
     * since is said to be one.
     */
    private void section(SeekableByteChannel channel, Section s, String list, int count, Pass pass) throws IOException {
        channel.position(s.start());
        MessageDigest sha = sha256();
        InputStream in = new Hashed(new Window(Channels.newInputStream(channel), s.end() - s.start()), sha);
        String prefix = "$.payload." + list;
        try (JsonParser p = FACTORY.createParser(in)) {
            try {
                if (p.nextToken() != JsonToken.START_ARRAY) {
                    throw changed();
                }
                pass.run(p);
                if (p.nextToken() != null) {
                    throw changed();
                }
            } catch (JsonProcessingException e) {
                throw StrictJson.refused(name, e, p, prefix, Long.MAX_VALUE);
            }
        } catch (PackageRefused e) {
            in.transferTo(OutputStream.nullOutputStream());
            if (!MessageDigest.isEqual(sha.digest(), s.sha256())) {
                throw changed();
            }
            throw e;
        } catch (ZipException | EOFException e) {
            throw changed();
        }
        if (!MessageDigest.isEqual(sha.digest(), s.sha256())) {
            throw changed();
        }
    }

    /** At most {@code length} bytes of the stream, and never closes it. */
    private static final class Window extends Passing {
        private long left;

        Window(InputStream in, long length) {
            super(in);
            this.left = length;
        }

        @Override
        public int read(byte[] buf, int off, int len) throws IOException {
            if (left <= 0) {
                return -1;
            }
            int n = in.read(buf, off, (int) Math.min(len, left));
            if (n > 0) {
                left -= n;
            }
            return n;
        }

        @Override
        public void close() {
            // The channel is the caller's.
        }
    }

    /** Hashes what is read through it. */
    private static final class Hashed extends Passing {
        private final MessageDigest sha;

        Hashed(InputStream in, MessageDigest sha) {
            super(in);
            this.sha = sha;
        }

        @Override
        public int read(byte[] buf, int off, int len) throws IOException {
            int n = in.read(buf, off, len);
            if (n > 0) {
                sha.update(buf, off, n);
            }
            return n;
        }
    }

    /** The SHA-256 of a range of a written package (un-gzipped). */
    private String hash(Path file, long start, long end) {
        try (InputStream raw = new BufferedInputStream(Files.newInputStream(file), 1 << 16);
             InputStream in = decoded(raw, Files.size(file), OutputStream.nullOutputStream(), Progress.NONE)) {
            MessageDigest sha = sha256();
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
        }
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
