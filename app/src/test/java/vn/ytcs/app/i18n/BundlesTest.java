// SPDX-License-Identifier: Apache-2.0
package vn.ytcs.app.i18n;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import vn.ytcs.core.assessment.AssessmentState;
import vn.ytcs.core.assessment.Recognition;
import vn.ytcs.core.hamlet.HamletKind;
import vn.ytcs.core.json.DocumentException;
import vn.ytcs.core.scoring.IndicatorScore;
import vn.ytcs.core.unit.SocioRegion;
import vn.ytcs.core.hamlet.WorkerRole;
import vn.ytcs.core.staff.Employment;
import vn.ytcs.core.staff.Profession;
import vn.ytcs.core.staff.Sex;
import vn.ytcs.core.store.StoreException;
import vn.ytcs.core.unit.UnitType;

/** Every key in both languages, every key used exists, no key unused. */
class BundlesTest {

    /** Keys built at run time: an enum label prefix and the enum whose constants it covers. */
    private static final Map<String, Class<? extends Enum<?>>> ENUM_KEYS = Map.ofEntries(
            Map.entry("unitType", UnitType.class), Map.entry("sex", Sex.class), Map.entry("profession", Profession.class),
            Map.entry("employment", Employment.class), Map.entry("hamletKind", HamletKind.class),
            Map.entry("workerRole", WorkerRole.class), Map.entry("store.error", StoreException.Reason.class),
            Map.entry("status", IndicatorScore.Status.class), Map.entry("region", SocioRegion.class),
            Map.entry("assessmentState", AssessmentState.class), Map.entry("recognition", Recognition.Standing.class),
            Map.entry("document.error", DocumentException.Problem.class),
            Map.entry("document.schema", DocumentException.SchemaRule.class),
            Map.entry("siteRole", vn.ytcs.core.site.SiteRole.class),
            Map.entry("package.reason", vn.ytcs.sync.pack.PackageRefused.Reason.class),
            Map.entry("siteKey.error", vn.ytcs.sync.site.SiteKeyException.Reason.class),
            Map.entry("cli.import", vn.ytcs.sync.pack.PackageImporter.Outcome.class),
            Map.entry("store.notice", vn.ytcs.core.store.Store.Notice.Kind.class),
            Map.entry("keeping", vn.ytcs.sync.merge.ConflictResolver.Keep.class),
            Map.entry("field.problem", vn.ytcs.core.record.FieldProblem.Problem.class),
            Map.entry("catalogChange", vn.ytcs.core.service.CatalogService.Change.class),
            Map.entry("derived", vn.ytcs.core.catalog.DerivedValue.class),
            Map.entry("catalogEditor.direction", vn.ytcs.core.catalog.Rule.Direction.class),
            Map.entry("catalogEditor.variantsBy", vn.ytcs.core.catalog.Rule.VariantKey.class),
            Map.entry("catalogEditor.unreadable", vn.ytcs.app.window.CatalogDraft.Unreadable.class),
            Map.entry("table.problem", vn.ytcs.core.service.TableFile.Kind.class));
    /**
     * Keys built at run time from values that are not one enum: the catalog editor's rule kinds and
     * units (as a catalog file names them), the fields a problem names, and the problems of {@link vn.ytcs.core.catalog.CatalogRules}.
     */
    private static final Set<String> OTHER_DYNAMIC = Set.of("catalogEditor.kind", "catalogEditor.unit", "catalogEditor.field",
            "catalogEditor.rule");
    /** Keys built at run time from the name of each record kind. */
    private static final String RECORD_KINDS = "record.kind";
    /** Keys that picocli reads by name. */
    private static final Pattern PICOCLI = Pattern.compile("usage\\..*|ytcs(\\.[a-z]+)*\\.usage\\..*");
    private static final Pattern LITERAL = Pattern.compile("\"([a-zA-Z]+(?:\\.[a-zA-Z0-9_]+)+)\"");

    private static Properties load(String name) throws IOException {
        Properties p = new Properties();
        try (InputStream in = BundlesTest.class.getResourceAsStream("/vn/ytcs/app/i18n/" + name)) {
            p.load(new java.io.InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return p;
    }

    @Test
    void bothLanguagesHaveTheSameKeys() throws IOException {
        assertEquals(new TreeSet<>(load("messages.properties").stringPropertyNames()),
                new TreeSet<>(load("messages_en.properties").stringPropertyNames()));
    }

    @Test
    void anApostropheInAMessageWithPlaceholdersIsWrittenTwice() throws IOException {
        // MessageFormat takes a lone ' as the start of quoted text: the apostrophe and the placeholders after it vanish.
        Pattern lone = Pattern.compile("(?<!')'(?!')");
        for (String name : List.of("messages.properties", "messages_en.properties")) {
            Properties p = load(name);
            for (String key : p.stringPropertyNames()) {
                String value = p.getProperty(key);
                if (value.matches("(?s).*\\{\\d.*") && !PICOCLI.matcher(key).matches()) {
                    assertTrue(!lone.matcher(value).find(), name + " " + key + ": " + value);
                }
            }
        }
    }

    @Test
    void everyEnumConstantHasALabel() throws IOException {
        Properties vi = load("messages.properties");
        ENUM_KEYS.forEach((prefix, type) -> {
            for (Enum<?> constant : type.getEnumConstants()) {
                assertTrue(vi.containsKey(prefix + "." + constant.name()), prefix + "." + constant.name());
            }
        });
    }

    @Test
    void everyRecordKindHasALabel() throws IOException {
        Properties vi = load("messages.properties");
        for (var kind : vn.ytcs.core.record.RecordKinds.all()) {
            assertTrue(vi.containsKey(RECORD_KINDS + "." + kind.name()), RECORD_KINDS + "." + kind.name());
        }
    }

    @Test
    void everyKeyUsedExistsAndEveryKeyIsUsed() throws IOException {
        Set<String> keys = load("messages.properties").stringPropertyNames();
        Set<String> literals = new TreeSet<>();
        try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                Matcher m = LITERAL.matcher(Files.readString(file));
                while (m.find()) {
                    literals.add(m.group(1));
                }
            }
        }
        List<String> missing = new ArrayList<>();
        for (String literal : literals) {
            boolean looksLikeKey = keys.stream().anyMatch(k -> k.startsWith(literal.substring(0, literal.indexOf('.') + 1)));
            if (looksLikeKey && !keys.contains(literal) && !literal.startsWith("vn.") && !literal.startsWith("org.")) {
                missing.add(literal);
            }
        }
        assertEquals(List.of(), missing, "keys used in code but missing from the bundles");
        List<String> unused = new ArrayList<>();
        for (String key : new TreeSet<>(keys)) {
            boolean dynamic = ENUM_KEYS.keySet().stream().anyMatch(p -> key.startsWith(p + "."))
                    || OTHER_DYNAMIC.stream().anyMatch(p -> key.startsWith(p + "."))
                    || key.startsWith(RECORD_KINDS + ".")
                    || PICOCLI.matcher(key).matches();
            if (!dynamic && !literals.contains(key)) {
                unused.add(key);
            }
        }
        assertEquals(List.of(), unused, "keys in the bundles that no code uses");
    }
}
