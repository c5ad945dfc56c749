// SPDX-License-Identifier: Apache-2.0
package vn.ytcs.core.scoring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.io.TempDir;
import vn.ytcs.core.catalog.Catalog;
import vn.ytcs.core.catalog.CatalogReader;
import vn.ytcs.core.json.DocumentException;
import vn.ytcs.core.json.DocumentException.Problem;

/** A facts file with a bad value is refused naming the file, the field and the commune it belongs to. */
class FactsReaderTest {

    @TempDir
    Path dir;

    static Catalog catalog;

    @BeforeAll
    static void catalog() throws Exception {
        catalog = CatalogReader.read(Path.of(FactsReaderTest.class.getResource("/scoring/test-catalog.json").toURI()));
    }

    /** Two communes, the second holding {@code second} as its fields after the name. */
    private DocumentException refused(String second) throws Exception {
        Path file = dir.resolve("facts.json");
        Files.writeString(file, "{\"format\": \"ytcs-facts/1\", \"communes\": [\n"
                + " {\"code\": \"A1\", \"name\": \"Xã Một\", \"unitType\": \"XA\", \"values\": {\"TC1.02\": 96}},\n"
                + " {\"code\": \"B2\", \"name\": \"Xã Hai\", \"unitType\": \"XA\", " + second + "}\n]}");
        DocumentException e = assertThrows(DocumentException.class, () -> FactsReader.read(file, catalog));
        assertEquals(file.toString(), e.source());
        assertEquals(new DocumentException.Subject("B2", "Xã Hai"), e.subject(), e.getMessage());
        return e;
    }

    @Test
    void aPercentageWrittenAsTextIsAskedForAsANumber() throws Exception {
        DocumentException e = refused("\"values\": {\"TC1.02\": \"97\"}");
        assertEquals(Problem.WRONG_VALUE, e.problem());
        assertEquals("$.communes[1].values.TC1.02", e.path());
        assertEquals("number", e.detail());
        assertEquals("\"97\"", e.found());
    }

    @ParameterizedTest
    @ValueSource(strings = {"NaN", "Infinity", "-Infinity"})
    void notANumberIsNamedWithItsField(String token) throws Exception {
        DocumentException e = refused("\"values\": {\"TC1.02\": " + token + "}");
        assertEquals(Problem.NOT_A_NUMBER, e.problem());
        assertEquals("$.communes[1].values.TC1.02", e.path());
        assertEquals(token, e.detail());
    }

    @Test
    void aFieldGivenTwiceIsNamedWithItsCommune() throws Exception {
        DocumentException e = refused("\"values\": {\"TC1.02\": 96, \"TC1.02\": 90}");
        assertEquals(Problem.DUPLICATE_KEY, e.problem());
        assertEquals("$.communes[1].values.TC1.02", e.path());
        assertEquals("TC1.02", e.detail());
    }

    @Test
    void aPopulationBeyondAnyCommuneIsRefusedNotWrapped() throws Exception {
        DocumentException e = refused("\"vung\": 2, \"population\": 3000000000, \"values\": {\"TC2.04\": 8}");
        assertEquals(Problem.OUT_OF_RANGE, e.problem());
        assertEquals("$.communes[1].population", e.path());
    }

    @Test
    void checksOfTheReaderNameTheCommuneToo() throws Exception {
        assertEquals(Problem.OUT_OF_RANGE, refused("\"values\": {\"TC1.02\": 101}").problem());
        assertEquals(Problem.UNKNOWN_REFERENCE, refused("\"notApplicable\": [\"TC9.99\"]").problem());
        assertEquals(Problem.SCHEMA, refused("\"vung\": 4").problem());
    }
}
