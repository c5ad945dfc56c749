// SPDX-License-Identifier: Apache-2.0
package vn.ytcs.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.ytcs.core.site.SiteRole;
import vn.ytcs.sync.pack.PackageImporter;
import vn.ytcs.sync.pack.PackageRefused;
import vn.ytcs.sync.pack.PackageRefused.Reason;

/**
 * The file applied is the file verified: a package swapped on the stick between the check and the
 * apply changes nothing, and a copy altered while it is applied aborts the transaction.
 */
class StagingTest {

    /** Enough records that the apply is still reading the file when the swap happens. */
    private static final int UNITS = 400;

    @TempDir
    Path dir;
    Sites district;
    Sites province;
    Path stick;
    /** Two genuine packages from the district, same sequence, same length, differing in the last unit's name. */
    Path verified;
    Path other;
    UUID last;

    @BeforeEach
    void setUp() throws Exception {
        stick = Files.createDirectories(dir.resolve("stick"));
        district = new Sites(dir.resolve("district"), "TTYT Châu Thành", SiteRole.DISTRICT);
        province = new Sites(dir.resolve("province"), "Sở Y tế", SiteRole.PROVINCE);
        List<UUID> ids = new ArrayList<>();
        for (int i = 0; i < UNITS; i++) {
            ids.add(UUID.randomUUID());
        }
        last = ids.get(UNITS - 1);
        String version = Forge.version(district.keys);
        verified = units(ids, version, "Xã Cuối Cùng A");
        other = units(ids, version, "Xã Cuối Cùng B");
        assertEquals(Files.size(verified), Files.size(other));
        province.importer.trustSender(verified);
    }

    @AfterEach
    void tearDown() {
        district.close();
        province.close();
    }

    private Path units(List<UUID> ids, String version, String lastName) throws Exception {
        StringBuilder records = new StringBuilder();
        for (int i = 0; i < ids.size(); i++) {
            if (i > 0) {
                records.append(',');
            }
            String name = i == ids.size() - 1 ? lastName : String.format("Xã Số %04d", i);
            records.append("{\"kind\":\"unit\",\"id\":\"").append(ids.get(i)).append("\",\"owner\":\"")
                    .append(district.keys.site().id()).append("\",\"version\":\"").append(version)
                    .append("\",\"deleted\":false,\"fields\":{\"code\":\"X").append(String.format("%04d", i))
                    .append("\",\"code_official\":false,\"name\":\"").append(name).append("\",\"unit_level\":\"COMMUNE\","
                            + "\"unit_type\":\"XA\",\"parent_id\":null,\"valid_from\":\"2020-01-01\",\"valid_to\":null,"
                            + "\"vung\":null,\"demo\":false,\"note\":null,\"socio_region\":null},\"fieldVersions\":{}}");
        }
        return Forge.pack(stick, district.keys, province.keys.site().id(), 1, records.toString(), "\"unit\":" + ids.size());
    }

    /** Overwrites a file in place with another's bytes, as a program writing onto the stick would. */
    private static void overwrite(Path target, Path source) {
        try (FileChannel out = FileChannel.open(target, StandardOpenOption.WRITE)) {
            out.write(ByteBuffer.wrap(Files.readAllBytes(source)), 0);
            out.force(true);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private String nameOfLast() {
        return (String) province.store.sync().find("unit", last).orElseThrow().fields().get("name");
    }

    private List<Path> staging() throws Exception {
        Path folder = province.store.dataDir().resolve(PackageImporter.STAGING);
        if (!Files.exists(folder)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(folder)) {
            return files.toList();
        }
    }

    @Test
    void aPackageSwappedOnTheStickDuringTheImportIsNotWhatIsApplied() throws Exception {
        boolean[] swapped = {false};
        var importer = new SyncService(province.store, province.keys, "hoa").withHook(i -> {
            if (i == 0 && !swapped[0]) {
                overwrite(verified, other);
                swapped[0] = true;
            }
        });
        assertEquals(PackageImporter.Outcome.APPLIED, importer.importFile(verified, false).outcome());
        assertTrue(swapped[0]);
        assertEquals("Xã Cuối Cùng A", nameOfLast(), "the database holds the content that was verified");
        assertEquals(UNITS, province.dump().size());
        assertTrue(staging().isEmpty(), "the staged copy is removed after the import");
    }

    @Test
    void readingAStagedPackageWhoseCopyChangedSinceIsRefused() throws Exception {
        try (SyncService.Incoming incoming = province.importer.stage(verified, vn.ytcs.core.task.Progress.NONE)) {
            List<Path> copies = staging();
            assertEquals(1, copies.size());
            overwrite(copies.get(0), other);
            List<String> before = province.dump();
            PackageRefused e = assertThrows(PackageRefused.class, () -> incoming.preview(vn.ytcs.core.task.Progress.NONE),
                    "the second pass hashes what it reads against what the copy had");
            assertEquals(Reason.HASH_MISMATCH, e.reason(), e.getMessage());
            assertEquals(verified.toString(), e.file());
            assertEquals(before, province.dump());
        }
    }

    @Test
    void theStagedCopyAlteredDuringTheApplyAbortsTheTransaction() throws Exception {
        List<String> before = province.dump();
        boolean[] altered = {false};
        var importer = new SyncService(province.store, province.keys, "hoa").withHook(i -> {
            if (i == 0 && !altered[0]) {
                try {
                    List<Path> copies = staging();
                    assertEquals(1, copies.size(), "the package is read from its staged copy");
                    overwrite(copies.get(0), other);
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
                altered[0] = true;
            }
        });
        PackageRefused e = assertThrows(PackageRefused.class, () -> importer.importFile(verified, false));
        assertEquals(Reason.HASH_MISMATCH, e.reason(), e.getMessage());
        assertEquals(verified.toString(), e.file(), "the refusal names the package, not its copy");
        assertEquals(before, province.dump(), "nothing of the altered copy was committed");
        assertEquals(0, province.store.sites().peer(district.keys.site().id()).lastReceived());
        assertTrue(staging().isEmpty());
        assertEquals(PackageImporter.Outcome.APPLIED, province.importer.importFile(verified, false).outcome(),
                "the package itself imports afterwards");
        assertEquals("Xã Cuối Cùng A", nameOfLast());
    }

    @Test
    void copiesLeftByACrashAreRemovedAtTheNextImport() throws Exception {
        Path folder = Files.createDirectories(province.store.dataDir().resolve(PackageImporter.STAGING));
        Files.writeString(folder.resolve("0b5e1c2a-left-by-a-crash.ytcs.json"), "{}");
        Files.writeString(folder.resolve(".half-copied.tmp"), "{\"format\"");
        PackageRefused refused = assertThrows(PackageRefused.class, () -> province.importer.importFile(
                Files.writeString(stick.resolve("broken.ytcs.json"), "{\"format\":\"ytcs-package/1\""), false));
        assertEquals(Reason.TRUNCATED, refused.reason());
        assertTrue(staging().isEmpty(), "stale copies and the refused one are gone");
        assertFalse(Files.exists(folder.resolve(".half-copied.tmp")));
    }
}
