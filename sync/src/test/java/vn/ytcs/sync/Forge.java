// SPDX-License-Identifier: Apache-2.0
package vn.ytcs.sync;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.HexFormat;
import java.util.UUID;
import java.util.function.UnaryOperator;
import vn.ytcs.core.site.Site;
import vn.ytcs.sync.site.SiteKeys;

/** Builds packages with a payload of the test's choosing, correctly hashed and signed by a real site. */
final class Forge {

    private Forge() {
    }

    /** A package from the site to the receiver, with the given records JSON (the inside of "records": [...]). */
    static Path pack(Path folder, SiteKeys keys, UUID receiver, int sequence, String records, String counts) throws Exception {
        return pack(folder, keys, receiver, sequence, records, counts, "", UnaryOperator.identity(), UnaryOperator.identity(),
                UnaryOperator.identity());
    }

    /**
     * A package whose payload, manifest and whole text the test may edit; the payload is hashed
     * and signed after its edit, so that the package is genuinely signed by the site.
     */
    static Path pack(Path folder, SiteKeys keys, UUID receiver, int sequence, String records, String counts, String audit,
                     UnaryOperator<String> payloadEdit, UnaryOperator<String> manifestEdit, UnaryOperator<String> fileEdit)
            throws Exception {
        Site s = keys.site();
        String payload = payloadEdit.apply("{\"header\":{\"sender\":\"" + s.id() + "\",\"receiver\":\"" + receiver
                + "\",\"sequence\":" + sequence + ",\"acknowledged\":0,\"full\":false},\"records\":[" + records
                + "],\"audit\":[" + audit + "]}");
        String hash = sha256(payload);
        String signature = sign(keys, hash);
        String manifest = manifestEdit.apply("{\"sender\":{\"site\":\"" + s.id() + "\",\"name\":\"" + s.name() + "\",\"role\":\""
                + s.role() + "\",\"publicKey\":\"" + s.publicKey() + "\",\"fingerprint\":\"" + s.fingerprint()
                + "\"},\"receiver\":\"" + receiver + "\",\"sequence\":" + sequence + ",\"created\":\"2026-11-25T08:00:00Z\","
                + "\"full\":false,\"acknowledged\":0,\"counts\":{" + counts + "},\"payloadSha256\":\"" + hash + "\"}");
        Path file = folder.resolve("forged-" + UUID.randomUUID() + ".ytcs.json");
        Files.writeString(file, fileEdit.apply("{\"format\":\"ytcs-package/1\",\"manifest\":" + manifest + ",\"payload\":"
                + payload + ",\"signature\":\"" + signature + "\"}"));
        return file;
    }

    /** The lower-case hex SHA-256 of the text's UTF-8 bytes. */
    static String sha256(String text) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    }

    /** The site's signature of a hash, as packages and receipts carry it. */
    static String sign(SiteKeys keys, String hash) {
        return Base64.getEncoder().encodeToString(keys.sign(hash.getBytes(StandardCharsets.US_ASCII)));
    }

    /**
     * A receipt file: {@code {"format":"ytcs-receipt/1","receipt":<signed>,"signature":"…"<tail>}}, the
     * signature being the site's real one over the SHA-256 of {@code signed}, whatever that text is.
     */
    static Path receipt(Path folder, SiteKeys keys, String signed, String tail) throws Exception {
        Path file = folder.resolve("forged-" + UUID.randomUUID() + ".ytcs-receipt.json");
        Files.writeString(file, "{\"format\":\"ytcs-receipt/1\",\"receipt\":" + signed + ",\"signature\":\""
                + sign(keys, sha256(signed)) + "\"" + tail + "}");
        return file;
    }

    static String version(SiteKeys keys) {
        return String.format("%012x-0000-%s", System.currentTimeMillis(), keys.site().id());
    }
}
