// SPDX-License-Identifier: Apache-2.0
package vn.ytcs.sync.pack;

import java.time.OffsetDateTime;
import java.util.Map;
import java.util.UUID;
import vn.ytcs.core.site.SiteRole;

/**
 * What a package says about itself.
 *
 * @param receiver     null for a first-contact package to whoever imports it
 * @param acknowledged the last sequence from the receiver that the sender has applied
 */
public record Manifest(UUID sender, String senderName, SiteRole senderRole, String publicKey, String fingerprint,
                       UUID receiver, int sequence, OffsetDateTime created, boolean full, int acknowledged,
                       Map<String, Integer> counts, String payloadSha256) {

    public static final String FORMAT = "ytcs-package/1";

    /** Stands for "no receiver yet" in the peer state of first-contact packages. */
    public static final UUID ANYONE = new UUID(0, 0);

    /** The file name: {@code <site>-<sequence>-<yyyymmdd>.ytcs.json[.gz]}. */
    public String fileName(boolean gzip) {
        return fileName(sender, sequence, created, gzip);
    }

    public static String fileName(UUID sender, int sequence, OffsetDateTime created, boolean gzip) {
        return sender + "-" + sequence + "-" + created.toLocalDate().toString().replace("-", "") + ".ytcs.json"
                + (gzip ? ".gz" : "");
    }

    public int total() {
        return counts.values().stream().mapToInt(Integer::intValue).sum();
    }
}
