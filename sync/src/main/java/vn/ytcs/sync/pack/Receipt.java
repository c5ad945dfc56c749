// SPDX-License-Identifier: Apache-2.0
package vn.ytcs.sync.pack;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.HexFormat;
import java.util.UUID;
import vn.ytcs.core.io.SafeFiles;
import vn.ytcs.sync.pack.PackageRefused.Reason;
import vn.ytcs.sync.site.SiteKeys;

/**
 * The acknowledgement an importer writes next to a package ({@code ytcs-receipt/1}); the sender
 * imports it to learn what arrived. Signed like a payload: the signature covers the SHA-256 of
 * the exact bytes of the {@code receipt} value.
 */
public record Receipt(UUID site, String name, String role, String publicKey, String fingerprint, UUID sender, int sequence,
                      String payloadSha256, OffsetDateTime applied, String outcome, int created, int changed, int deleted,
                      int conflicts) {

    public static final String FORMAT = "ytcs-receipt/1";
    private static final JsonFactory JSON = new JsonFactory();

    public String fileName() {
        return site + "-receipt-" + sender + "-" + sequence + ".ytcs-receipt.json";
    }

    /** Writes the receipt, signed, into the folder; returns its path. */
    public Path write(Path folder, SiteKeys keys) {
        try {
            ByteArrayOutputStream body = new ByteArrayOutputStream();
            try (JsonGenerator g = JSON.createGenerator(body, JsonEncoding.UTF8)) {
                g.writeStartObject();
                g.writeStringField("site", site.toString());
                g.writeStringField("name", name);
                g.writeStringField("role", role);
                g.writeStringField("publicKey", publicKey);
                g.writeStringField("fingerprint", fingerprint);
                g.writeObjectFieldStart("acknowledges");
                g.writeStringField("sender", sender.toString());
                g.writeNumberField("sequence", sequence);
                g.writeStringField("payloadSha256", payloadSha256);
                g.writeEndObject();
                g.writeStringField("applied", DateTimeFormatter.ISO_INSTANT.format(applied.truncatedTo(ChronoUnit.SECONDS)));
                g.writeStringField("outcome", outcome);
                g.writeObjectFieldStart("counts");
                g.writeNumberField("created", created);
                g.writeNumberField("changed", changed);
                g.writeNumberField("deleted", deleted);
                g.writeNumberField("conflicts", conflicts);
                g.writeEndObject();
                g.writeEndObject();
            }
            byte[] bytes = body.toByteArray();
            String hash = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
            String signature = Base64.getEncoder().encodeToString(keys.sign(hash.getBytes(StandardCharsets.US_ASCII)));
            Path target = folder.resolve(fileName());
            SafeFiles.write(target, out -> {
                out.write(("{\"format\":\"" + FORMAT + "\",\"receipt\":").getBytes(StandardCharsets.US_ASCII));
                out.write(bytes);
                out.write((",\"signature\":\"" + signature + "\"}\n").getBytes(StandardCharsets.US_ASCII));
            });
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Whether a file looks like a receipt (by its format field), without trusting it yet. */
    public static boolean isReceipt(Path file) {
        try {
            if (!Files.isRegularFile(file) || Files.size(file) > 64 * 1024) {
                return false;
            }
            String head = new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
            return head.startsWith("{\"format\":\"" + FORMAT + "\"");
        } catch (IOException e) {
            return false;
        }
    }

    /**
     * Reads and checks a receipt: its signature must verify with the key this site trusts for its
     * signer; with {@code trust} null, with the key it carries (to confirm a new site's fingerprint).
     */
    public static Receipt read(Path file, PackageReader.Trust trust) {
        String name = file.toString();
        try {
            byte[] all = Files.readAllBytes(file);
            String text = new String(all, StandardCharsets.UTF_8);
            String prefix = "{\"format\":\"" + FORMAT + "\",\"receipt\":";
            int sig = text.lastIndexOf(",\"signature\":\"");
            if (!text.startsWith(prefix) || sig < 0) {
                throw new PackageRefused(name, null, "$.format", Reason.WRONG_FORMAT, null);
            }
            byte[] body = text.substring(prefix.length(), sig).getBytes(StandardCharsets.UTF_8);
            JsonNode root = new ObjectMapper().readTree(all);
            JsonNode r = root.get("receipt");
            String signature = root.path("signature").asText();
            UUID site = UUID.fromString(r.get("site").asText());
            String carried = r.get("publicKey").asText();
            if (!SiteKeys.fingerprint(carried).equals(r.path("fingerprint").asText())) {
                throw new PackageRefused(name, null, "$.receipt.fingerprint", Reason.KEY_MISMATCH, null);
            }
            String key = trust == null ? carried : trust.trustedKey(site);
            if (key == null) {
                throw new PackageRefused(name, null, "$.receipt.site", Reason.UNKNOWN_SENDER, r.path("name").asText());
            }
            if (!key.equals(carried)) {
                throw new PackageRefused(name, null, "$.receipt.publicKey", Reason.KEY_MISMATCH, r.path("fingerprint").asText());
            }
            String hash = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(body));
            if (!SiteKeys.verify(key, hash.getBytes(StandardCharsets.US_ASCII), Base64.getDecoder().decode(signature))) {
                throw new PackageRefused(name, null, "$.signature", Reason.BAD_SIGNATURE, null);
            }
            JsonNode a = r.get("acknowledges");
            JsonNode c = r.get("counts");
            return new Receipt(site, r.get("name").asText(), r.get("role").asText(), r.get("publicKey").asText(),
                    r.get("fingerprint").asText(), UUID.fromString(a.get("sender").asText()), a.get("sequence").asInt(),
                    a.get("payloadSha256").asText(), OffsetDateTime.parse(r.get("applied").asText()), r.get("outcome").asText(),
                    c.get("created").asInt(), c.get("changed").asInt(), c.get("deleted").asInt(), c.get("conflicts").asInt());
        } catch (IOException | RuntimeException e) {
            if (e instanceof PackageRefused p) {
                throw p;
            }
            throw new PackageRefused(name, null, null, Reason.NOT_JSON, e.getMessage());
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
