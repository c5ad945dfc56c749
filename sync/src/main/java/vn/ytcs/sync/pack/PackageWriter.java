// SPDX-License-Identifier: Apache-2.0
package vn.ytcs.sync.pack;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.zip.GZIPOutputStream;
import vn.ytcs.core.site.SiteService.PeerState;
import vn.ytcs.core.store.Store;
import vn.ytcs.core.store.SyncKinds;
import vn.ytcs.core.store.SyncStore;
import vn.ytcs.core.io.SafeFiles;
import vn.ytcs.sync.site.SiteKeys;

/**
 * Writes a package: the payload streamed to a temporary file while it is hashed, the hash signed,
 * then the whole package written safely (temporary file, flushed to the device, renamed), read
 * back and verified. An export that cannot be verified leaves no file.
 */
public final class PackageWriter {

    private static final JsonFactory JSON = new JsonFactory();

    /** What an export wrote. */
    public record Exported(Path file, Manifest manifest) {
    }

    private PackageWriter() {
    }

    /**
     * Exports to a folder: everything the receiver has not acknowledged, or everything when
     * {@code full}; receiver null for a first package to a site not met yet.
     */
    public static Exported export(Store store, SiteKeys keys, UUID receiver, boolean full, Path folder, boolean gzip) {
        UUID peerId = receiver == null ? Manifest.ANYONE : receiver;
        PeerState peer = store.sites().peer(peerId);
        PeerState anyone = store.sites().peer(Manifest.ANYONE);
        int sequence = Math.max(peer.lastSent(), anyone.lastSent()) + 1;
        SyncStore sync = store.sync();
        // After an export that was cut off, the receiver may never see that number: this package carries
        // everything, so that it is not refused for the one missing before it.
        boolean all = full || sync.lastOutgoing(List.of(peerId, Manifest.ANYONE)).map(o -> o.sha256() == null).orElse(false);
        long since = all ? 0 : sync.highWater(peerId, peer.acknowledged());
        long highWater = sync.lastChangeSeq();
        OffsetDateTime created = OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.SECONDS);
        var site = keys.site();
        Path target = folder.resolve(Manifest.fileName(site.name(), site.fingerprint(), sequence, created, gzip));
        String fileName = target.getFileName().toString();
        // The number is taken, on the disk, before any file can bear it: a kill after the file appears never
        // lets another package reuse it with other content.
        store.write("export", w -> {
            w.sync().addOutgoing(new SyncStore.Outgoing(peerId, sequence, created, highWater, all, fileName, null));
            w.sites().savePeer(new PeerState(peerId, sequence, peer.lastReceived(), peer.acknowledged()));
            return null;
        });
        Manifest manifest;
        try {
            manifest = write(sync, keys, receiver, sequence, peer.lastReceived(), all, since, created, target, gzip);
        } catch (RuntimeException e) {
            if (!Files.exists(target)) {
                // Nothing bears the number: it may be used again.
                store.write("export", w -> {
                    w.sync().removeOutgoing(peerId, sequence);
                    w.sites().savePeer(peer);
                    return null;
                });
            }
            throw e;
        }
        store.write("export", w -> {
            w.sync().completeOutgoing(peerId, sequence, manifest.payloadSha256());
            return null;
        });
        return new Exported(target, manifest);
    }

    /** Writes, signs and reads back one package file; on failure no file is left under its name. */
    private static Manifest write(SyncStore sync, SiteKeys keys, UUID receiver, int sequence, int acknowledged, boolean full,
                                  long since, OffsetDateTime created, Path target, boolean gzip) {
        var site = keys.site();
        try {
            Map<String, Integer> counts = new LinkedHashMap<>();
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            long[] range = new long[2];
            Manifest[] written = new Manifest[1];
            // One pass: the payload is hashed as it is written, then the manifest and the signature follow it.
            SafeFiles.write(target, raw -> {
                OutputStream zipped = gzip ? new GZIPOutputStream(raw, 1 << 16) : raw;
                Counting counting = new Counting(zipped);
                counting.write(("{\"format\":\"" + Manifest.FORMAT + "\",\"payload\":").getBytes(StandardCharsets.US_ASCII));
                range[0] = counting.count;
                try (JsonGenerator out = JSON.createGenerator(new DigestOutputStream(nonClosing(counting), sha),
                        JsonEncoding.UTF8)) {
                    writePayload(out, sync, site.id(), receiver, sequence, acknowledged, full, since, counts);
                }
                range[1] = counting.count;
                String hash = HexFormat.of().formatHex(sha.digest());
                byte[] signature = keys.sign(hash.getBytes(StandardCharsets.US_ASCII));
                Manifest manifest = new Manifest(site.id(), site.name(), site.role(), site.publicKey(), site.fingerprint(),
                        receiver, sequence, created, full, acknowledged, counts, hash);
                counting.write(",\"manifest\":".getBytes(StandardCharsets.US_ASCII));
                writeManifest(nonClosing(counting), manifest);
                counting.write((",\"signature\":\"" + Base64.getEncoder().encodeToString(signature) + "\"}\n")
                        .getBytes(StandardCharsets.US_ASCII));
                counting.flush();
                if (zipped instanceof GZIPOutputStream g) {
                    g.finish();
                }
                written[0] = manifest;
            });
            Manifest manifest = written[0];
            try {
                PackageReader.checkWritten(target, range[0], range[1], manifest.payloadSha256());
            } catch (RuntimeException e) {
                Files.deleteIfExists(target);
                throw new UncheckedIOException(new IOException("the package written to " + target
                        + " does not read back as written", e));
            }
            return manifest;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void writePayload(JsonGenerator out, SyncStore sync, UUID sender, UUID receiver, int sequence,
                                     int acknowledged, boolean full, long since, Map<String, Integer> counts) throws IOException {
        out.writeStartObject();
        out.writeObjectFieldStart("header");
        out.writeStringField("sender", sender.toString());
        writeNullable(out, "receiver", receiver);
        out.writeNumberField("sequence", sequence);
        out.writeNumberField("acknowledged", acknowledged);
        out.writeBooleanField("full", full);
        out.writeEndObject();
        out.writeArrayFieldStart("records");
        List<UUID> ids = full ? null : new ArrayList<>();
        FieldWriter fields = new FieldWriter(out);
        sync.exportChangesSince(since, row -> {
            String id = row.id();
            writeRecord(out, fields, row, id);
            counts.merge(row.kind(), 1, Integer::sum);
            if (ids != null) {
                ids.add(UUID.fromString(id));
            }
        });
        out.writeEndArray();
        out.writeArrayFieldStart("audit");
        sync.exportAudit(ids, e -> writeAudit(out, e));
        out.writeEndArray();
        out.writeEndObject();
    }

    private static void writeManifest(OutputStream out, Manifest m) throws IOException {
        try (JsonGenerator head = JSON.createGenerator(out, JsonEncoding.UTF8)) {
            head.writeStartObject();
            head.writeObjectFieldStart("sender");
            head.writeStringField("site", m.sender().toString());
            head.writeStringField("name", m.senderName());
            head.writeStringField("role", m.senderRole().name());
            head.writeStringField("publicKey", m.publicKey());
            head.writeStringField("fingerprint", m.fingerprint());
            head.writeEndObject();
            writeNullable(head, "receiver", m.receiver());
            head.writeNumberField("sequence", m.sequence());
            head.writeStringField("created", java.time.format.DateTimeFormatter.ISO_INSTANT.format(m.created()));
            head.writeBooleanField("full", m.full());
            head.writeNumberField("acknowledged", m.acknowledged());
            head.writeObjectFieldStart("counts");
            for (String kind : SyncKinds.all()) {
                if (m.counts().containsKey(kind)) {
                    head.writeNumberField(kind, m.counts().get(kind));
                }
            }
            head.writeEndObject();
            head.writeStringField("payloadSha256", m.payloadSha256());
            head.writeEndObject();
        }
    }

    /** Counts the (uncompressed) bytes written, to know where the payload lies. */
    private static final class Counting extends java.io.FilterOutputStream {
        long count;

        Counting(OutputStream out) {
            super(out);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
            count += len;
        }

        @Override
        public void write(int b) throws IOException {
            out.write(b);
            count++;
        }
    }

    private static OutputStream nonClosing(OutputStream out) {
        return new java.io.FilterOutputStream(out) {
            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                out.write(b, off, len);
            }

            @Override
            public void close() throws IOException {
                flush();
            }
        };
    }

    private static void writeNullable(JsonGenerator out, String name, Object value) throws IOException {
        if (value == null) {
            out.writeNullField(name);
        } else {
            out.writeStringField(name, value.toString());
        }
    }

    private static void writeRecord(JsonGenerator out, FieldWriter fields, SyncStore.ExportRow row, String id)
            throws IOException {
        out.writeStartObject();
        out.writeStringField("kind", row.kind());
        out.writeStringField("id", id);
        out.writeStringField("owner", row.owner());
        out.writeStringField("version", row.version());
        out.writeBooleanField("deleted", row.deleted());
        out.writeObjectFieldStart("fields");
        row.fields(fields);
        out.writeEndObject();
        // Only the fields that changed after the record's last change are listed: most fields of most
        // records last changed with the record itself, and listing them would double the package.
        out.writeObjectFieldStart("fieldVersions");
        row.laterFieldVersions(fields);
        out.writeEndObject();
        out.writeEndObject();
    }

    /** Writes a row's values as the fields of the JSON object being written. */
    private record FieldWriter(JsonGenerator out) implements SyncStore.FieldSink {
        @Override
        public void text(String field, String value) throws IOException {
            out.writeFieldName(field);
            if (value == null) {
                out.writeNull();
            } else {
                out.writeString(value);
            }
        }

        @Override
        public void number(String field, long value) throws IOException {
            out.writeFieldName(field);
            out.writeNumber(value);
        }

        @Override
        public void decimal(String field, java.math.BigDecimal value) throws IOException {
            out.writeFieldName(field);
            out.writeNumber(value);
        }

        @Override
        public void bool(String field, boolean value) throws IOException {
            out.writeFieldName(field);
            out.writeBoolean(value);
        }

        @Override
        public void none(String field) throws IOException {
            out.writeFieldName(field);
            out.writeNull();
        }
    }

    private static void writeAudit(JsonGenerator out, SyncStore.AuditEntry e) throws IOException {
        out.writeStartObject();
        out.writeStringField("recordId", e.recordId().toString());
        out.writeStringField("table", e.table());
        out.writeStringField("action", e.action());
        writeNullable(out, "field", e.field());
        writeNullable(out, "oldValue", e.oldValue());
        writeNullable(out, "newValue", e.newValue());
        out.writeStringField("actor", e.actor());
        out.writeStringField("at", java.time.format.DateTimeFormatter.ISO_INSTANT.format(e.at()));
        out.writeStringField("site", e.site().toString());
        out.writeStringField("version", e.version());
        out.writeEndObject();
    }
}
