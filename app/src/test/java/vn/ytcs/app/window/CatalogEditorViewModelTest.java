// SPDX-License-Identifier: Apache-2.0
package vn.ytcs.app.window;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.ytcs.core.demo.DemoLoader;
import vn.ytcs.app.i18n.Messages;
import vn.ytcs.app.root.Ytcs;
import vn.ytcs.core.scoring.IndicatorScore;
import vn.ytcs.core.scoring.Scorecard;
import vn.ytcs.core.service.ScoringService;
import vn.ytcs.core.site.SiteRole;
import vn.ytcs.core.task.Progress;
import vn.ytcs.core.unit.UnitTree;

/** The catalog editor without JavaFX running, against the demo province in a real H2 file. */
class CatalogEditorViewModelTest {

    /** Health-insurance coverage, from the register: 95 %: 3, 90 %: 2, 85 %: 1 as shipped. */
    private static final String INSURANCE = "TC6.28";

    @TempDir
    Path dir;

    private Ytcs ytcs;
    private CatalogEditorViewModel vm;
    private final AtomicInteger saves = new AtomicInteger();
    private final Messages m = Messages.of(Messages.VIETNAMESE);

    @BeforeEach
    void openTheDemo() {
        ytcs = Ytcs.open(dir, "lan");
        ytcs.register().loadDemo(DemoLoader.World.BOTH, Progress.NONE);
        ytcs.sync().setup("Sở Y tế Hậu Giang", SiteRole.PROVINCE);
        vm = editor();
    }

    private CatalogEditorViewModel editor() {
        LocalDate day = ytcs.register().defaultAsOf(LocalDate.now());
        UnitTree tree = ytcs.register().tree(day);
        CatalogEditorViewModel v = new CatalogEditorViewModel(() -> ytcs, Runnable::run, Runnable::run, m, tree, day,
                saves::incrementAndGet);
        v.load();
        return v;
    }

    @AfterEach
    void close() {
        ytcs.close();
    }

    private CatalogDraft.IndicatorDraft indicator(String code) {
        return vm.draft().get().indicators.stream().filter(i -> i.code().equals(code)).findFirst().orElseThrow();
    }

    private static IndicatorScore score(Scorecard s, String code) {
        return s.indicators().stream().filter(i -> i.indicator().code().equals(code)).findFirst().orElseThrow();
    }

    @Test
    void theShippedStandardOpensValidAndUnchanged() {
        assertTrue(vm.editable().get(), "the province edits");
        assertEquals(0, vm.revision().get().revision());
        assertEquals(List.of(), vm.problems().get());
        assertFalse(vm.dirty().get());
        assertFalse(vm.canSave().get(), "nothing to save");
        // The drafts, read back untouched, are the catalog itself: a save without edits would change nothing.
        vn.ytcs.core.catalog.Catalog shown = vm.revision().get().catalog();
        vn.ytcs.core.catalog.Catalog back = vm.draft().get().build().catalog();
        assertEquals(shown.criteria(), back.criteria());
        for (int i = 0; i < shown.indicators().size(); i++) {
            assertEquals(shown.indicators().get(i), back.indicators().get(i), shown.indicators().get(i).code());
        }
        assertEquals(shown, back);
    }

    @Test
    void eachProblemIsNamedAsTheProvinceTypesAndTheSaveWaitsForItsFix() {
        CatalogDraft.IndicatorDraft ins = indicator(INSURANCE);
        ins.tiers = "70: 1; 80: 3";
        vm.changed();
        assertEquals(List.of(new CatalogEditorViewModel.Problem(INSURANCE, m.get("catalogEditor.rule.TIERS_ORDER", INSURANCE,
                "≥ 70 (1), ≥ 80 (3)", m.get("catalogEditor.field.tiers")))), vm.problems().get());
        ins.tiers = "tám mươi: 3";
        vm.changed();
        assertEquals(m.get("catalogEditor.unreadable.TIERS", INSURANCE, m.get("catalogEditor.field.tiers"), "tám mươi: 3"),
                vm.problems().get().get(0).text());
        ins.tiers = "80: 3; 70: 1";
        ins.maxPoints = "4";
        vm.changed();
        List<String> subjects = vm.problems().get().stream().map(CatalogEditorViewModel.Problem::subject).toList();
        assertEquals(List.of(ins.criterion), subjects, "a point more on TC6.28: its criterion no longer adds up");
        ins.maxPoints = "3";
        CatalogDraft.IndicatorDraft poverty = indicator("TC7.35");
        poverty.variants.get("TAY_NGUYEN").open = false;
        poverty.variants.get("TAY_NGUYEN").tiers = "";
        vm.changed();
        assertEquals(m.get("catalogEditor.unreadable.TIERS", "TC7.35",
                        m.get("catalogEditor.field.variant", m.label("region", vn.ytcs.core.unit.SocioRegion.TAY_NGUYEN)), ""),
                vm.problems().get().get(0).text());
        poverty.variants.get("TAY_NGUYEN").open = true;
        vm.changed();
        assertEquals(List.of(), vm.problems().get());
        assertFalse(vm.canSave().get(), "a reason is needed");
        vm.reason().set("ngưỡng BHYT theo hướng dẫn của Sở");
        assertTrue(vm.canSave().get());
    }

    @Test
    void thePreviewScoresTheCommunesUnderTheEditThenTheSaveMakesItTheRevisionInForce() {
        indicator(INSURANCE).tiers = "80: 3; 70: 1";
        vm.changed();
        vm.preview();
        List<ScoringService.Compared> rows = vm.comparison().get();
        assertNotNull(rows);
        assertEquals(28, rows.size(), "every commune of the demo today");
        for (ScoringService.Compared r : rows) {
            boolean moved = score(r.now(), INSURANCE).points().compareTo(score(r.edited(), INSURANCE).points()) != 0;
            assertEquals(moved, r.changed(), r.commune().name() + ": only TC6.28 changed");
            assertEquals(0, r.now().points().add(score(r.edited(), INSURANCE).points())
                    .subtract(score(r.now(), INSURANCE).points()).compareTo(r.edited().points()), r.commune().name());
        }
        assertTrue(rows.stream().anyMatch(ScoringService.Compared::changed));
        assertTrue(ytcs.catalogs().list().get("QD1300-2023").size() == 1, "a preview saves nothing");

        indicator(INSURANCE).nameEn = "Health insurance coverage (revised)";
        vm.changed();
        assertNull(vm.comparison().get(), "an edit after the preview asks for a new one");
        vm.reason().set("ngưỡng BHYT theo hướng dẫn của Sở");
        vm.save();
        assertNull(vm.error().get());
        assertEquals(1, saves.get());
        assertEquals(1, vm.revision().get().revision());
        assertEquals("lan", vm.revision().get().madeBy());
        assertEquals(1, ytcs.scoring().catalogFor(2025).orElseThrow().revision(), "the revision is in force");
        assertFalse(vm.dirty().get());
        assertEquals("", vm.reason().get());
        assertEquals(m.get("catalogEditor.saved", new vn.ytcs.app.i18n.Labels(m).catalog("QD1300-2023", 1)), vm.message().get());
        // Exactly what was edited, and nothing else, differs from the shipped standard.
        assertEquals(List.of(INSURANCE + " RENAMED", INSURANCE + " RULE"), ytcs.catalogs().diff("QD1300-2023", 0, 1).lines()
                .stream().map(l -> l.indicator() + " " + l.change()).toList());
    }

    @Test
    void aDistrictOnlySeesTheStandard() {
        ytcs.close();
        ytcs = Ytcs.open(dir.resolve("district"), "an");
        ytcs.register().loadDemo(DemoLoader.World.BOTH, Progress.NONE);
        ytcs.sync().setup("TTYT Châu Thành", SiteRole.DISTRICT);
        vm = editor();
        assertFalse(vm.editable().get());
        indicator(INSURANCE).tiers = "80: 3; 70: 1";
        vm.changed();
        vm.reason().set("huyện sửa");
        assertFalse(vm.canSave().get());
        vm.save();
        assertEquals(0, saves.get());
        assertEquals(1, ytcs.catalogs().list().get("QD1300-2023").size());
    }
}
