// SPDX-License-Identifier: Apache-2.0
package vn.ytcs.app.cli;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.HexFormat;
import java.util.UUID;
import vn.ytcs.core.site.Site;
import vn.ytcs.sync.site.SiteKeys;

/**
 * Writes hostile files of hundreds of megabytes as streams, never holding them in memory: packages
 * of millions of tiny records, one giant object, documents of millions of tiny values.
 */
final class HostileFiles {

    private HostileFiles() {
    }

    /** Writes one record (or value) of a stream; {@code i} counts from 0. */
    interface Element {
        void write(OutputStream out, long i) throws IOException;
    }

    /** Something written once, to a stream. */
    interface Part {
        void write(OutputStream out) throws IOException;
    }

    /**
     * A package from {@code sender} with {@code n} records and manifest counts of {@code counts},
     * payload first as YTCS writes it. With {@code signer} it is truly signed; without, the
     * signature is 64 zero bytes. {@code manifestExtra} is written inside the manifest, after its members.
     */
    static Path pack(Path file, SiteKeys sender, UUID receiver, long n, Element record, String counts, SiteKeys signer,
                     Part manifestExtra) throws Exception {
        Site s = sender.site();
        MessageDigest sha = MessageDigest.getInstance("SHA-256");
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 20)) {
            ascii(out, "{\"format\":\"ytcs-package/1\",\"payload\":");
            DigestOutputStream payload = new DigestOutputStream(new NonClosing(out), sha);
            ascii(payload, "{\"header\":{\"sender\":\"" + s.id() + "\",\"receiver\":\"" + receiver
                    + "\",\"sequence\":1,\"acknowledged\":0,\"full\":false},\"records\":[");
            for (long i = 0; i < n; i++) {
                if (i > 0) {
                    payload.write(',');
                }
                record.write(payload, i);
            }
            ascii(payload, "],\"audit\":[]}");
            payload.flush();
            String hash = HexFormat.of().formatHex(sha.digest());
            ascii(out, ",\"manifest\":{\"sender\":{\"site\":\"" + s.id() + "\",\"name\":\"");
            out.write(s.name().getBytes(StandardCharsets.UTF_8));
            ascii(out, "\",\"role\":\"" + s.role() + "\",\"publicKey\":\"" + s.publicKey() + "\",\"fingerprint\":\""
                    + s.fingerprint() + "\"},\"receiver\":\"" + receiver + "\",\"sequence\":1,\"created\":\"2026-11-25T08:00:00Z\","
                    + "\"full\":false,\"acknowledged\":0,\"counts\":{" + counts + "},\"payloadSha256\":\"" + hash + "\"");
            manifestExtra.write(out);
            byte[] signature = signer == null ? new byte[64] : signer.sign(hash.getBytes(StandardCharsets.US_ASCII));
            ascii(out, "},\"signature\":\"" + Base64.getEncoder().encodeToString(signature) + "\"}\n");
        }
        return file;
    }

    /** A document: {@code head}, then {@code n} elements separated by commas, then {@code tail}. */
    static Path document(Path file, String head, long n, Element element, String tail) throws IOException {
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 20)) {
            out.write(head.getBytes(StandardCharsets.UTF_8));
            for (long i = 0; i < n; i++) {
                if (i > 0) {
                    out.write(',');
                }
                element.write(out, i);
            }
            out.write(tail.getBytes(StandardCharsets.UTF_8));
        }
        return file;
    }

    static void ascii(OutputStream out, String s) throws IOException {
        out.write(s.getBytes(StandardCharsets.US_ASCII));
    }

    private static final byte[] HEX = "0123456789abcdef".getBytes(StandardCharsets.US_ASCII);

    /** Writes a UUID made of two numbers (distinct numbers, distinct ids), fast: no UUID or String made. */
    static void uuid(OutputStream out, long high, long low) throws IOException {
        byte[] b = new byte[36];
        int p = 0;
        for (int i = 0; i < 32; i++) {
            if (i == 8 || i == 12 || i == 16 || i == 20) {
                b[p++] = '-';
            }
            long v = i < 16 ? high : low;
            int shift = (15 - (i % 16)) * 4;
            b[p++] = HEX[(int) ((v >>> shift) & 0xF)];
        }
        out.write(b);
    }

    /** Lets the payload's digest stream be closed without closing the file under it. */
    private static final class NonClosing extends java.io.FilterOutputStream {
        NonClosing(OutputStream out) {
            super(out);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
        }

        @Override
        public void close() throws IOException {
            flush();
        }
    }
}
