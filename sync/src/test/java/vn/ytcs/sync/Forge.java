// SPDX-License-Identifier: Apache-2.0
package vn.ytcs.sync;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.HexFormat;
import java.util.UUID;
import vn.ytcs.core.site.Site;
import vn.ytcs.sync.site.SiteKeys;

/** Builds packages with a payload of the test's choosing, correctly hashed and signed by a real site. */
final class Forge {

    private Forge() {
    }

    /** A package from the site to the receiver, with the given records JSON (the inside of "records": [...]). */
    static Path pack(Path folder, SiteKeys keys, UUID receiver, int sequence, String records, String counts) throws Exception {
        Site s = keys.site();
        String payload = "{\"header\":{\"sender\":\"" + s.id() + "\",\"receiver\":\"" + receiver + "\",\"sequence\":" + sequence
                + ",\"acknowledged\":0,\"full\":false},\"records\":[" + records + "],\"audit\":[]}";
        byte[] bytes = payload.getBytes(StandardCharsets.UTF_8);
        String hash = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        String signature = Base64.getEncoder().encodeToString(keys.sign(hash.getBytes(StandardCharsets.US_ASCII)));
        String manifest = "{\"sender\":{\"site\":\"" + s.id() + "\",\"name\":\"" + s.name() + "\",\"role\":\"" + s.role()
                + "\",\"publicKey\":\"" + s.publicKey() + "\",\"fingerprint\":\"" + s.fingerprint() + "\"},\"receiver\":\""
                + receiver + "\",\"sequence\":" + sequence + ",\"created\":\"2026-11-25T08:00:00Z\",\"full\":false,"
                + "\"acknowledged\":0,\"counts\":{" + counts + "},\"payloadSha256\":\"" + hash + "\"}";
        Path file = folder.resolve("forged-" + UUID.randomUUID() + ".ytcs.json");
        Files.writeString(file, "{\"format\":\"ytcs-package/1\",\"manifest\":" + manifest + ",\"payload\":" + payload
                + ",\"signature\":\"" + signature + "\"}");
        return file;
    }

    static String version(SiteKeys keys) {
        return String.format("%012x-0000-%s", System.currentTimeMillis(), keys.site().id());
    }
}
