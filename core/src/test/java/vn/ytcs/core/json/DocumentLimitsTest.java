// SPDX-License-Identifier: Apache-2.0
package vn.ytcs.core.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.BufferedWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.ytcs.core.catalog.CatalogReader;
import vn.ytcs.core.catalog.Catalogs;
import vn.ytcs.core.directive.Targets;

/** Targets, catalog and facts files larger than any of their kind are refused as such, before a tree is built. */
class DocumentLimitsTest {

    @TempDir
    Path dir;

    /** {@code head}, then n tiny values, then {@code tail}: written as a stream. */
    private Path tiny(String name, String head, long n, String tail) throws Exception {
        Path file = dir.resolve(name);
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            out.write(head);
            for (long i = 0; i < n; i++) {
                out.write(i == 0 ? "0" : ",0");
            }
            out.write(tail);
        }
        return file;
    }

    @Test
    void aTargetsFileLargerThanAnyIsRefusedBeforeItIsRead() throws Exception {
        Path file = tiny("targets.json", "{\"format\":\"ytcs-targets/1\",\"source\":\"x\",\"targets\":[", 600_000, "]}");
        DocumentException e = assertThrows(DocumentException.class, () -> Targets.read(file));
        assertEquals(DocumentException.Problem.TOO_LARGE, e.problem(), e.getMessage());
        assertEquals(file.toString(), e.source());
        assertEquals("1 MB", e.detail());
    }

    @Test
    void aTargetsFileOfTooManyValuesIsRefusedAtTheFirstValueTooMany() throws Exception {
        // Under a megabyte, but 400,000 values where 200 targets have a few thousand.
        Path file = tiny("targets.json", "{\"format\":\"ytcs-targets/1\",\"source\":\"x\",\"targets\":[", 400_000, "]}");
        DocumentException e = assertThrows(DocumentException.class, () -> Targets.read(file));
        assertEquals(DocumentException.Problem.TOO_MANY_VALUES, e.problem(), e.getMessage());
        assertEquals("20000", e.detail());
        assertEquals("$.targets[19996]", e.path());
    }

    @Test
    void catalogsAndFactsAreBoundedToo() throws Exception {
        Path catalog = tiny("catalog.json", "{\"format\":\"ytcs-catalog/1\",\"indicators\":[", 4_500_000, "]}");
        assertEquals(DocumentException.Problem.TOO_LARGE,
                assertThrows(DocumentException.class, () -> CatalogReader.read(catalog)).problem());
        Path values = tiny("catalog.json", "{\"format\":\"ytcs-catalog/1\",\"indicators\":[", 600_000, "]}");
        assertEquals(DocumentException.Problem.TOO_MANY_VALUES,
                assertThrows(DocumentException.class, () -> CatalogReader.read(values)).problem());
        byte[] facts = Files.readAllBytes(tiny("facts.json", "{\"format\":\"ytcs-facts/1\",\"communes\":[", 3_100_000, "]}"));
        assertEquals(DocumentException.Problem.TOO_MANY_VALUES,
                assertThrows(DocumentException.class, () -> JsonDocuments.read(facts, "facts.json", "facts-v1")).problem());
    }

    @Test
    void theShippedDocumentsAreWellWithinTheirLimits() {
        assertFalse(Targets.shipped().isEmpty());
        assertFalse(Catalogs.shipped().all().isEmpty());
    }
}
