// SPDX-License-Identifier: Apache-2.0
package vn.ytcs.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.ytcs.app.i18n.Messages;
import vn.ytcs.core.site.Site;
import vn.ytcs.core.site.SiteRole;
import vn.ytcs.core.store.Store;
import vn.ytcs.sync.pack.PackageImporter;
import vn.ytcs.sync.site.SiteKeys;

/**
 * Hostile files of hundreds of megabytes, each handed to a real {@code ytcs} process with a 512 MB
 * heap: refused in one line in the user's language (exit 2), never an OutOfMemoryError or a stack
 * trace, and the database as it was. The files are written as streams and deleted after each test.
 */
class HostileFilesTest {

    private static final String SENDER_VERSION = "0191f0c2a1b3-0000-";

    @TempDir
    static Path dir;
    static Path data;
    static SiteKeys district;
    static UUID province;
    static Messages vi = Messages.of(Messages.VIETNAMESE);
    final List<Path> made = new ArrayList<>();

    @BeforeAll
    static void sites() {
        data = dir.resolve("province");
        try (Store d = Store.open(dir.resolve("district")); Store p = Store.open(data)) {
            district = SiteKeys.loadOrCreate(d, "TTYT Châu Thành", SiteRole.DISTRICT);
            province = SiteKeys.loadOrCreate(p, "Sở Y tế", SiteRole.PROVINCE).site().id();
            Site s = district.site();
            p.sites().trust(s.id(), s.name(), s.role(), s.publicKey(), s.fingerprint());
        }
    }

    @AfterEach
    void removeFiles() throws Exception {
        for (Path f : made) {
            Files.deleteIfExists(f);
        }
    }

    private Path file(String name) {
        Path f = dir.resolve(name);
        made.add(f);
        return f;
    }

    private record Run(int code, String err, String out) {
    }

    /** Runs {@code ytcs --data-dir <province> args} in a JVM of its own with a 512 MB heap. */
    private static Run ytcs(String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m", "-cp", System.getProperty("java.class.path"), "vn.ytcs.app.Launcher", "--data-dir", data.toString()));
        command.addAll(List.of(args));
        Path out = Files.createTempFile(dir, "out", ".txt");
        Path err = Files.createTempFile(dir, "err", ".txt");
        Process p = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly().waitFor();
            fail("ytcs " + String.join(" ", args) + " did not finish in 120 s: " + Files.readString(err, StandardCharsets.UTF_8));
        }
        Run r = new Run(p.exitValue(), Files.readString(err, StandardCharsets.UTF_8), Files.readString(out, StandardCharsets.UTF_8));
        Files.delete(out);
        Files.delete(err);
        return r;
    }

    /** What the import must leave alone: the register, what is known of the district, no copy in the staging folder. */
    private static List<String> state() throws Exception {
        List<String> out = new ArrayList<>();
        try (Store store = Store.open(data)) {
            store.sync().changesSince(0, s -> out.add(s.kind() + " " + s.id() + " " + s.fields()));
            out.add(store.sites().peer(district.site().id()).toString());
            out.add(store.targets().toString());
        }
        Path staging = data.resolve(PackageImporter.STAGING);
        if (Files.isDirectory(staging)) {
            try (Stream<Path> files = Files.list(staging)) {
                files.forEach(f -> out.add("staged " + f));
            }
        }
        return out;
    }

    /** Refused as the user is told: exit 2, one line naming the file, in Vietnamese, with the expected reason. */
    private static void refused(Path file, String reasonKey, String... command) throws Exception {
        List<String> before = state();
        long start = System.nanoTime();
        Run r = ytcs(command);
        String err = r.err().strip();
        assertEquals(2, r.code(), err);
        assertFalse(err.contains("\n"), "one line: " + err);
        assertTrue(err.contains(file.toString()), err);
        String reason = vi.get(reasonKey).replaceAll("[({]*\\{\\d}.*", "").strip();
        assertTrue(err.contains(reason.length() > 25 ? reason.substring(0, 25) : reason), reason + " in: " + err);
        assertFalse(err.contains("Exception") || err.contains("Error") || err.contains("at vn."), err);
        assertEquals(before, state(), "a refused file changes nothing");
        assertTrue(System.nanoTime() - start < TimeUnit.SECONDS.toNanos(60), "refused in reasonable time");
    }

    private static void bytes(OutputStream out, String s) throws java.io.IOException {
        HostileFiles.ascii(out, s);
    }

    /** A succession record, the smallest kind that refers to others: ids and the two units it names all distinct. */
    private static HostileFiles.Element succession(long salt) {
        String owner = district.site().id().toString();
        byte[] head = ("{\"kind\":\"succession\",\"id\":\"").getBytes(StandardCharsets.US_ASCII);
        byte[] mid = ("\",\"owner\":\"" + owner + "\",\"version\":\"" + SENDER_VERSION + owner
                + "\",\"deleted\":false,\"fields\":{\"from_unit_id\":\"").getBytes(StandardCharsets.US_ASCII);
        return (out, i) -> {
            out.write(head);
            HostileFiles.uuid(out, salt, i);
            out.write(mid);
            HostileFiles.uuid(out, salt + 1, i);
            bytes(out, "\",\"to_unit_id\":\"");
            HostileFiles.uuid(out, salt + 2, i);
            bytes(out, "\",\"effective_date\":\"2025-07-01\"},\"fieldVersions\":{}}");
        };
    }

    @Test
    void fourMillionTinyRecordsNotSignedByTheSender() throws Exception {
        Path pkg = HostileFiles.pack(file("tiny-records.ytcs.json"), district, province, 4_000_000, succession(0x4000),
                "\"succession\":4000000", null, out -> { });
        refused(pkg, "package.reason.BAD_SIGNATURE", "import", pkg.toString());
    }

    @Test
    void oneGiantObject() throws Exception {
        // A manifest of six million members, then a record of as many: neither is ever built.
        Path manifest = HostileFiles.pack(file("giant-manifest.ytcs.json"), district, province, 0, (out, i) -> { }, "",
                null, out -> {
                    for (long i = 0; i < 6_000_000; i++) {
                        bytes(out, ",\"m" + i + "\":0");
                    }
                });
        refused(manifest, "package.reason.TOO_MANY_VALUES", "import", manifest.toString());
        Path record = HostileFiles.pack(file("giant-record.ytcs.json"), district, province, 1, (out, n) -> {
            bytes(out, "{\"kind\":\"unit\"");
            for (long i = 0; i < 6_000_000; i++) {
                bytes(out, ",\"f" + i + "\":0");
            }
            bytes(out, "}");
        }, "\"unit\":1", null, out -> { });
        refused(record, "package.reason.TOO_MANY_VALUES", "import", record.toString());
    }

    @Test
    void aPackageTrulySignedByATrustedSiteThatRefersToMillionsOfRecords() throws Exception {
        // Signed with the district's real key: references are resolved a batch at a time, so what is kept is bounded,
        // and the first batch's references to records nobody has refuse the package.
        Path pkg = HostileFiles.pack(file("references.ytcs.json"), district, province, 2_000_000, succession(0x5000),
                "\"succession\":2000000", district, out -> { });
        refused(pkg, "package.reason.UNKNOWN_REFERENCE", "import", pkg.toString());
    }

    @Test
    void aTargetsFileOf64MegabytesOfTinyValues() throws Exception {
        Path targets = HostileFiles.document(file("targets.json"), "{\"format\":\"ytcs-targets/1\",\"source\":\"x\",\"targets\":[",
                31_999_000, (out, i) -> out.write('0'), "]}");
        refused(targets, "document.error.TOO_LARGE", "targets", "import", targets.toString());
    }

    @Test
    void aCatalogFileOf64MegabytesOfTinyValues() throws Exception {
        Path catalog = HostileFiles.document(file("catalog.json"), "{\"format\":\"ytcs-catalog/1\",\"indicators\":[",
                31_999_000, (out, i) -> out.write('0'), "]}");
        refused(catalog, "document.error.TOO_LARGE", "catalog", "validate", catalog.toString());
    }
}
