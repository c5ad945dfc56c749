// SPDX-License-Identifier: Apache-2.0
package vn.ytcs.app.window;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;
import vn.ytcs.core.demo.DemoLoader;
import vn.ytcs.app.i18n.Messages;
import vn.ytcs.app.root.Ytcs;
import vn.ytcs.core.catalog.Catalog;
import vn.ytcs.core.catalog.Indicator;
import vn.ytcs.core.catalog.Rule;
import vn.ytcs.core.catalog.Tier;
import vn.ytcs.core.site.SiteRole;
import vn.ytcs.core.task.Progress;

/**
 * A district imports the province's package that carries a revised standard: the import dialog says
 * "the province revised the standard on DATE" with what changed, and the communes are scored under it.
 */
@Tag("gui")
@ExtendWith(ApplicationExtension.class)
class CatalogRevisedImportTest extends WindowTest {

    @TempDir
    static Path dir;
    static Path fromProvince;
    /** Each test takes the next language, on its own copy of the district (a package is imported once). */
    private static final java.util.Deque<Locale> LANGUAGES = new java.util.ArrayDeque<>(
            java.util.List.of(Messages.VIETNAMESE, Messages.ENGLISH));
    private static Locale locale;

    @BeforeAll
    static void theProvinceRevisesAndSends() throws Exception {
        Path stick = Files.createDirectories(dir.resolve("stick"));
        Path province = dir.resolve("province");
        Path first;
        try (Ytcs district = Ytcs.open(dir.resolve("district"), "lan")) {
            district.register().loadDemo(DemoLoader.World.BOTH, Progress.NONE);
            district.sync().setup("TTYT Châu Thành", SiteRole.DISTRICT);
            first = district.sync().export(stick, true, false, Progress.NONE).file();
        }
        try (Ytcs p = Ytcs.open(province, "hoa")) {
            p.sync().setup("Sở Y tế Hậu Giang", SiteRole.PROVINCE);
            p.sync().trustSender(first);
            Path receipt = p.sync().importFile(first, false).receipt();
            try (Ytcs district = Ytcs.open(dir.resolve("district"), "lan")) {
                district.sync().trustSender(receipt);
                district.sync().importFile(receipt, false);
            }
            Catalog c = p.scoring().catalogFor(2025).orElseThrow();
            java.util.List<Indicator> indicators = new java.util.ArrayList<>(c.indicators());
            for (int i = 0; i < indicators.size(); i++) {
                Indicator x = indicators.get(i);
                if (x.code().equals("TC6.28")) {
                    Rule.Threshold t = (Rule.Threshold) x.rule();
                    indicators.set(i, new Indicator(x.number(), x.code(), x.criterion(), x.name(), x.maxPoints(), x.provenance(),
                            x.veto(), x.appliesTo(), x.derived(), new Rule.Threshold(t.direction(), t.unit(),
                            java.util.List.of(new Tier(java.math.BigDecimal.valueOf(80), java.math.BigDecimal.valueOf(3))), null,
                            java.util.Map.of()), x.unmetReason()));
                }
            }
            p.catalogs().saveRevision(new Catalog(c.id(), c.revision(), c.title(), c.legalSource(), c.effectiveFrom(),
                    c.effectiveTo(), c.passRule(), c.criteria(), indicators, c.notes()), "Ngưỡng BHYT theo hướng dẫn của Sở");
            fromProvince = p.sync().export(Files.createDirectories(dir.resolve("stick2")), false, false, Progress.NONE).file();
        }
        Path from = dir.resolve("district");
        Path en = dir.resolve("district-en");
        try (var files = Files.walk(from)) {
            for (Path f : (Iterable<Path>) files::iterator) {
                Path to = en.resolve(from.relativize(f).toString());
                if (Files.isDirectory(f)) {
                    Files.createDirectories(to);
                } else if (!f.getFileName().toString().endsWith(".lock")) {
                    Files.copy(f, to);
                }
            }
        }
    }

    @Start
    void start(Stage stage) {
        locale = LANGUAGES.isEmpty() ? Messages.ENGLISH : LANGUAGES.poll();
        start(stage, dir.resolve(locale == Messages.ENGLISH ? "district-en" : "district"), locale);
    }

    @Test
    void theDistrictIsToldTheStandardWasRevisedWithWhatChanged(FxRobot robot) throws Exception {
        Messages m = Messages.of(locale);
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> robot.lookup("#unit-tree").tryQuery().isPresent());
        ImportDialog[] dialog = new ImportDialog[1];
        robot.interact(() -> dialog[0] = app.openImport(fromProvince));
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> robot.lookup("#apply").tryQuery().isPresent());
        robot.interact(() -> robot.lookup("#apply").queryAs(javafx.scene.control.Button.class).fire());
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> robot.lookup("#catalog-revised").tryQuery().isPresent());
        String told = robot.lookup("#catalog-revised").queryAs(Label.class).getText();
        assertTrue(told.startsWith(m.get("cli.catalog.revised", "QD1300-2023",
                new vn.ytcs.app.i18n.Formats(m.locale()).date(java.time.LocalDate.now(java.time.ZoneOffset.UTC)),
                new vn.ytcs.app.i18n.Labels(m).catalog("QD1300-2023", 1))), told);
        assertTrue(FxLookup.present(robot, n -> n instanceof Label l && l.getText() != null
                && l.getText().startsWith("• TC6.28 · " + m.get("catalogChange.RULE"))), "the change is listed");
        robot.interact(() -> Screenshots.saveQuietly(dialog[0].stage().getScene(), "import-catalog-revised-" + m.locale().getLanguage()));
        robot.interact(() -> dialog[0].stage().close());
    }

    @Test
    void inEnglishToo(FxRobot robot) throws Exception {
        theDistrictIsToldTheStandardWasRevisedWithWhatChanged(robot);
    }
}
