// SPDX-License-Identifier: Apache-2.0
package vn.ytcs.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.ytcs.core.site.SiteRole;
import vn.ytcs.core.store.RecordState;
import vn.ytcs.sync.pack.PackageReader;
import vn.ytcs.sync.pack.PackageRefused;
import vn.ytcs.sync.pack.PackageRefused.Reason;

/** The file applied is the file verified: reading a package that changed since it was verified is refused. */
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




    @Test
    void readingAVerifiedPackageThatChangedSinceIsRefused() throws Exception {
        PackageReader.Verified v = PackageReader.verify(verified, province.importer.trust());
        Files.copy(other, verified, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        List<RecordState> read = new ArrayList<>();
        PackageRefused e = assertThrows(PackageRefused.class, () -> PackageReader.records(v, read::add, a -> { }),
                "records() hashes the payload as it reads it");
        assertEquals(Reason.HASH_MISMATCH, e.reason(), e.getMessage());
        assertEquals(verified.toString(), e.file());
    }

}
