// SPDX-License-Identifier: Apache-2.0
package vn.ytcs.sync.pack;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
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
import vn.ytcs.core.store.RecordState;
import vn.ytcs.core.store.Store;
import vn.ytcs.core.store.SyncKinds;
import vn.ytcs.core.store.SyncStore;
import vn.ytcs.sync.io.SafeFiles;
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
        long since = full ? 0 : sync.highWater(peerId, peer.acknowledged());
        long highWater = sync.lastChangeSeq();
        OffsetDateTime created = OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.SECONDS);
        var site = keys.site();
        Path payload = null;
        try {
            payload = Files.createTempFile("ytcs-payload", ".json");
            Map<String, Integer> counts = new LinkedHashMap<>();
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            try (OutputStream file = new BufferedOutputStream(Files.newOutputStream(payload), 1 << 16);
                 DigestOutputStream digest = new DigestOutputStream(file, sha);
                 JsonGenerator out = JSON.createGenerator(digest, JsonEncoding.UTF8)) {
                out.writeStartObject();
                out.writeObjectFieldStart("header");
                out.writeStringField("sender", site.id().toString());
                writeNullable(out, "receiver", receiver);
                out.writeNumberField("sequence", sequence);
                out.writeNumberField("acknowledged", peer.lastReceived());
                out.writeBooleanField("full", full);
                out.writeEndObject();
                out.writeArrayFieldStart("records");
                List<UUID> ids = new ArrayList<>();
                sync.changesSince(since, state -> {
                    writeRecord(out, state);
                    counts.merge(state.kind(), 1, Integer::sum);
                    ids.add(state.id());
                });
                out.writeEndArray();
                out.writeArrayFieldStart("audit");
                sync.auditOf(ids, e -> writeAudit(out, e));
                out.writeEndArray();
                out.writeEndObject();
            }
            String hash = HexFormat.of().formatHex(sha.digest());
            byte[] signature = keys.sign(hash.getBytes(StandardCharsets.US_ASCII));
            Manifest manifest = new Manifest(site.id(), site.name(), site.role(), site.publicKey(), site.fingerprint(),
                    receiver, sequence, created, full, peer.lastReceived(), counts, hash);
            Path target = folder.resolve(manifest.fileName(gzip));
            Path payloadFile = payload;
            long[] payloadStart = new long[1];
            SafeFiles.write(target, raw -> {
                OutputStream out = gzip ? new GZIPOutputStream(raw, 1 << 16) : raw;
                payloadStart[0] = writeEnvelope(out, manifest, payloadFile, signature);
                if (out instanceof GZIPOutputStream g) {
                    g.finish();
                }
            });
            try {
                PackageReader.checkWritten(target, payloadStart[0], payloadStart[0] + Files.size(payload), hash);
            } catch (RuntimeException e) {
                Files.deleteIfExists(target);
                throw new UncheckedIOException(new IOException("the package written to " + target
                        + " does not read back as written", e));
            }
            store.write("export", w -> {
                w.sync().addOutgoing(new SyncStore.Outgoing(peerId, sequence, created, highWater, full,
                        target.getFileName().toString(), hash));
                return null;
            });
            store.sites().savePeer(new PeerState(peerId, sequence, peer.lastReceived(), peer.acknowledged()));
            return new Exported(target, manifest);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        } finally {
            if (payload != null) {
                try {
                    Files.deleteIfExists(payload);
                } catch (IOException ignored) {
                    // a stray temporary file in the system's temp folder; nothing to tell the user
                }
            }
        }
    }

    /** Writes the package; returns where the payload starts in the (uncompressed) bytes. */
    private static long writeEnvelope(OutputStream out, Manifest m, Path payload, byte[] signature) throws IOException {
        long[] written = new long[1];
        OutputStream counting = new java.io.FilterOutputStream(nonClosing(out)) {
            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                out.write(b, off, len);
                written[0] += len;
            }

            @Override
            public void write(int b) throws IOException {
                out.write(b);
                written[0]++;
            }
        };
        try (JsonGenerator head = JSON.createGenerator(counting, JsonEncoding.UTF8)) {
            // The envelope stays open here: the payload bytes and the signature follow verbatim.
            head.disable(JsonGenerator.Feature.AUTO_CLOSE_JSON_CONTENT);
            head.writeStartObject();
            head.writeStringField("format", Manifest.FORMAT);
            head.writeObjectFieldStart("manifest");
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
            head.writeFieldName("payload");
            head.writeRaw(':');
            head.flush();
        }
        long start = written[0];
        try (InputStream in = Files.newInputStream(payload)) {
            in.transferTo(out);
        }
        out.write((",\"signature\":\"" + Base64.getEncoder().encodeToString(signature) + "\"}\n")
                .getBytes(StandardCharsets.US_ASCII));
        out.flush();
        return start;
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

    private static void writeRecord(JsonGenerator out, RecordState s) {
        try {
            out.writeStartObject();
            out.writeStringField("kind", s.kind());
            out.writeStringField("id", s.id().toString());
            out.writeStringField("owner", s.owner().toString());
            out.writeStringField("version", s.version());
            out.writeBooleanField("deleted", s.deleted());
            out.writeObjectFieldStart("fields");
            for (var e : s.fields().entrySet()) {
                if (!e.getKey().equals("id")) {
                    out.writeFieldName(e.getKey());
                    Values.write(out, e.getValue());
                }
            }
            out.writeEndObject();
            // Only the fields that changed after the record's last change are listed: most fields of most
            // records last changed with the record itself, and listing them would double the package.
            out.writeObjectFieldStart("fieldVersions");
            for (var e : s.fieldVersions().entrySet()) {
                if (!e.getValue().equals(s.version())) {
                    out.writeStringField(e.getKey(), e.getValue());
                }
            }
            out.writeEndObject();
            out.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void writeAudit(JsonGenerator out, SyncStore.AuditEntry e) {
        try {
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
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }
}
