// SPDX-License-Identifier: Apache-2.0
package vn.ytcs.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Bad catalog and targets files are refused in the user's language, naming the file and the JSON path, with no validator English. */
class DocumentMessagesCliTest {

    /** The validator's and the parser's English, as it used to reach Vietnamese sentences. */
    private static final Pattern ENGLISH = Pattern.compile("\\b(must|required|property|properties|not found|found|expected|schema"
            + "|does not|allowed|pattern|value|minimum|maximum|exclusive|characters|items|valid|constant|enumeration|defined"
            + "|integer|string|number|array|object|null|Unexpected|character|token|end-of-input|was expecting)\\b");
    private static final Pattern QUOTED = Pattern.compile("\"[^\"]*\"");

    @TempDir
    Path dir;

    private final ObjectMapper json = new ObjectMapper();

    private ObjectNode shipped(String resource) throws Exception {
        try (InputStream in = DocumentMessagesCliTest.class.getResourceAsStream(resource)) {
            return (ObjectNode) json.readTree(in);
        }
    }

    private Path write(ObjectNode doc, Consumer<ObjectNode> change) throws Exception {
        ObjectNode copy = doc.deepCopy();
        change.accept(copy);
        Path file = Files.createTempFile(dir, "bad-", ".json");
        Files.writeString(file, json.writerWithDefaultPrettyPrinter().writeValueAsString(copy));
        return file;
    }

    /** Refused in both languages, naming the file and the path; the Vietnamese has no English left once names are taken out. */
    private void refused(Path file, String path, String english, String... command) {
        String[] vi = new String[command.length + 1];
        System.arraycopy(command, 0, vi, 0, command.length);
        vi[command.length] = file.toString();
        CliRunner.Result inVi = CliRunner.run(dir.resolve("data"), vi);
        assertEquals(2, inVi.code(), inVi.out() + inVi.err());
        String message = inVi.err().strip();
        assertTrue(message.contains(file.toString()) && message.contains(path) && message.endsWith("Không có gì bị thay đổi."),
                message);
        String words = QUOTED.matcher(message.replace(file.toString(), "").replace(path, "")).replaceAll("")
                .replaceAll("\\$\\.[\\w.\\[\\]]*", "");
        Matcher m = ENGLISH.matcher(words);
        assertFalse(m.find(), () -> "English \"" + m.group() + "\" in: " + message);

        String[] en = new String[vi.length + 2];
        en[0] = "--lang";
        en[1] = "en";
        System.arraycopy(vi, 0, en, 2, vi.length);
        CliRunner.Result inEn = CliRunner.run(dir.resolve("data"), en);
        assertEquals(2, inEn.code(), inEn.err());
        assertTrue(inEn.err().contains(path) && inEn.err().contains(english) && inEn.err().strip().endsWith("Nothing was changed."),
                inEn.err());
    }

    @Test
    void badCatalogsAreRefusedInTheUsersLanguage() throws Exception {
        ObjectNode catalog = shipped("/vn/ytcs/core/catalog/QD1300-2023.json");
        String[] validate = {"catalog", "validate"};
        refused(write(catalog, c -> ((ObjectNode) c.withArray("indicators").get(0)).remove("maxPoints")), "$.indicators[0]",
                "the required field \"maxPoints\" is missing", validate);
        refused(write(catalog, c -> c.put("revision", "1")), "$.revision", "a whole number expected, but the file has text", validate);
        refused(write(catalog, c -> c.put("format", "ytcs-catalog/2")), "$.format", "must be \"ytcs-catalog/1\", not \"ytcs-catalog/2\"",
                validate);
        refused(write(catalog, c -> c.put("extra", 1)), "$", "the field \"extra\" is not allowed here", validate);
        refused(write(catalog, c -> c.with("passRule").put("minTotalPercent", 150)), "$.passRule.minTotalPercent",
                "the value 150 is above the maximum 100", validate);
        refused(write(catalog, c -> ((ObjectNode) c.withArray("indicators").get(0)).put("maxPoints", 0)), "$.indicators[0].maxPoints",
                "the value 0 must be greater than 0", validate);
        refused(write(catalog, c -> c.putArray("criteria")), "$.criteria", "at least 1 entries are needed, the file has 0", validate);
        refused(write(catalog, c -> c.put("effectiveTo", "2023-1-1")), "$.effectiveTo", "\"2023-1-1\" does not have the required form",
                validate);
        refused(write(catalog, c -> ((ObjectNode) c.withArray("indicators").get(0)).putObject("provenance").put("status", "bogus")),
                "$.indicators[0].provenance", "does not match exactly one of the allowed forms", validate);
        refused(write(catalog, c -> {
            for (var indicator : (ArrayNode) c.get("indicators")) {
                if (indicator.path("rule").has("variantsBy")) {
                    ((ObjectNode) indicator.get("rule")).put("variantsBy", "xyz");
                    return;
                }
            }
        }), ".rule.variantsBy", "the value \"xyz\" is not allowed; choose one of: vung, region", validate);
        refused(write(catalog, c -> {
            for (var indicator : (ArrayNode) c.get("indicators")) {
                if (indicator.path("rule").has("variantsBy")) {
                    ((ObjectNode) indicator.get("rule")).putArray("tiers").addObject().put("threshold", 50).put("points", 1);
                    return;
                }
            }
        }), ".rule", "give only one of the fields \"tiers / variants\", not both", validate);
        Path truncated = Files.writeString(dir.resolve("truncated.json"), "{\n  \"format\": \"ytcs-catalog/1\",\n  \"id\": ");
        refused(truncated, "", "error at line 3, column 9", validate);
    }

    @Test
    void badTargetsAreRefusedInTheUsersLanguage() throws Exception {
        ObjectNode targets = shipped("/vn/ytcs/core/directive/d25-targets.json");
        assertEquals(0, CliRunner.run(dir.resolve("data"), "site", "setup", "--name", "Sở Y tế", "--role", "PROVINCE").code());
        String[] importing = {"targets", "import"};
        refused(write(targets, t -> ((ObjectNode) t.withArray("targets").get(0)).put("value", 160)), "$.targets[0].value",
                "the value 160 is above the maximum 100", importing);
        refused(write(targets, t -> ((ObjectNode) t.withArray("targets").get(1)).put("dueYear", "2030")), "$.targets[1].dueYear",
                "a whole number expected, but the file has text", importing);
        refused(write(targets, t -> ((ObjectNode) t.withArray("targets").get(2)).put("measure", "FOO")), "$.targets[2].measure",
                "the value \"FOO\" is not allowed; choose one of: INSURANCE_COVERAGE", importing);
        refused(write(targets, t -> ((ObjectNode) t.withArray("targets").get(0)).put("code", "a b")), "$.targets[0].code",
                "\"a b\" does not have the required form", importing);
        refused(write(targets, t -> ((ObjectNode) t.withArray("targets").get(0)).with("name").put("vi", "")), "$.targets[0].name.vi",
                "at least 1 characters are needed", importing);
        refused(write(targets, t -> t.remove("format")), "$", "the required field \"format\" is missing", importing);
    }

    /** A facts file whose second commune has {@code fields} after its name, for the mini catalog. */
    private Path facts(String fields) throws Exception {
        return Files.writeString(Files.createTempFile(dir, "facts-", ".json"), "{\"format\": \"ytcs-facts/1\", \"communes\": [\n"
                + " {\"code\": \"A1\", \"name\": \"Xã Một\", \"unitType\": \"XA\", \"values\": {\"TC1.02\": 96}},\n"
                + " {\"code\": \"B2\", \"name\": \"Xã Hai\", \"unitType\": \"XA\", " + fields + "}\n]}");
    }

    @Test
    void badFactsNameTheFieldAndTheCommune() throws Exception {
        String[] score = {"score", "--catalog", Path.of(DocumentMessagesCliTest.class.getResource("/facts/mini-catalog.json").toURI())
                .toString(), "--facts"};
        String value = "$.communes[1].values.TC1.02";
        String commune = "(commune B2 \"Xã Hai\")";
        refused(facts("\"values\": {\"TC1.02\": \"97\"}"), value,
                commune + ": wrong kind of value, expected a number, but the file has \"97\"", score);
        refused(facts("\"values\": {\"TC1.02\": NaN}"), value, commune + ": \"NaN\" is not a number", score);
        refused(facts("\"values\": {\"TC1.02\": Infinity}"), value, commune + ": \"Infinity\" is not a number", score);
        refused(facts("\"values\": {\"TC1.02\": 96, \"TC1.02\": 90}"), value, commune + ": the field \"TC1.02\" is given twice",
                score);
        refused(facts("\"population\": 3000000000"), "$.communes[1].population", commune + ": value out of range", score);
        refused(facts("\"values\": {\"TC1.02\": 101}"), value, commune + ": value out of range", score);
    }
}
