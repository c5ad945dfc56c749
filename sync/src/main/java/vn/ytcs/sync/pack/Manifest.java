// SPDX-License-Identifier: Apache-2.0
package vn.ytcs.sync.pack;

import java.time.OffsetDateTime;
import java.util.Map;
import java.util.UUID;
import vn.ytcs.core.site.SiteRole;
import vn.ytcs.core.text.VietText;

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

    /** Longest part of a file name the sender's name gives. */
    private static final int NAME_PART = 40;

    /** The file name of this package: see {@link #fileName(String, String, int, OffsetDateTime, boolean)}. */
    public String fileName(boolean gzip) {
        return fileName(senderName, fingerprint, sequence, created, gzip);
    }

    /**
     * The file name: {@code <site>-<key>-<sequence>-<yyyymmdd>.ytcs.json[.gz]}, e.g.
     * {@code ttyt-huyen-vi-thuy-3f2a91bc-12-20250630.ytcs.json}: the sender's name in plain ASCII,
     * so that a province can tell whose stick it holds, then the first eight digits of its key's
     * fingerprint (the digits read on the phone), so that two sites of one name never write the
     * same file name. The site's id stays inside, in the manifest.
     */
    public static String fileName(String senderName, String fingerprint, int sequence, OffsetDateTime created, boolean gzip) {
        String name = VietText.fileNamePart(senderName, NAME_PART);
        String key = fingerprint == null ? "" : fingerprint.replace("-", "").toLowerCase(java.util.Locale.ROOT);
        return (name.isEmpty() ? "ytcs" : name) + "-" + key.substring(0, Math.min(8, key.length())) + "-" + sequence + "-"
                + created.toLocalDate().toString().replace("-", "") + ".ytcs.json" + (gzip ? ".gz" : "");
    }

    public int total() {
        return counts.values().stream().mapToInt(Integer::intValue).sum();
    }
}
