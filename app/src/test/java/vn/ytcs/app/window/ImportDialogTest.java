// SPDX-License-Identifier: Apache-2.0
package vn.ytcs.app.window;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.input.KeyCode;
import javafx.scene.control.Label;
import javafx.scene.control.TreeView;
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
import vn.ytcs.app.i18n.Messages;
import vn.ytcs.core.site.SiteRole;
import vn.ytcs.core.staff.Employment;
import vn.ytcs.core.staff.Profession;
import vn.ytcs.core.staff.Sex;
import vn.ytcs.core.staff.StaffMember;
import vn.ytcs.core.station.Station;
import vn.ytcs.core.station.StationKind;
import vn.ytcs.core.store.Store;
import vn.ytcs.core.unit.Unit;
import vn.ytcs.core.unit.UnitType;
import vn.ytcs.sync.pack.PackageWriter;
import vn.ytcs.sync.site.SiteKeys;

/** The province imports a district's package in the window: fingerprint, trust, preview per commune, import. */
@Tag("gui")
@ExtendWith(ApplicationExtension.class)
class ImportDialogTest extends WindowTest {

    @TempDir
    static Path dir;
    static Path pkg;

    @BeforeAll
    static void districtExports() throws Exception {
        try (Store district = Store.open(dir.resolve("district"))) {
            SiteKeys keys = SiteKeys.loadOrCreate(district, "TTYT huyện Châu Thành", SiteRole.DISTRICT);
            district.write("lan", w -> {
                Unit huyen = new Unit(UUID.randomUUID(), "HG05", false, "Châu Thành", UnitType.HUYEN, null,
                        LocalDate.of(2020, 1, 1), null, null, null, false, null);
                w.save(huyen);
                for (String name : new String[] {"Đông Phú", "Đông Phước", "Phú Hữu"}) {
                    Unit xa = new Unit(UUID.randomUUID(), "HG05" + name.length(), false, name, UnitType.XA, huyen.id(),
                            LocalDate.of(2020, 1, 1), null, 2, null, false, null);
                    w.save(xa);
                    Station s = new Station(UUID.randomUUID(), xa.id(), "Trạm Y tế xã " + name, StationKind.STATION, null, null,
                            null, false);
                    w.save(s);
                    w.save(new StaffMember(UUID.randomUUID(), s.id(), "Nguyễn Thị Hồng", Sex.F, 1988, Profession.HO_SINH,
                            Employment.PERMANENT, null, null));
                }
                return null;
            });
            pkg = PackageWriter.export(district, keys, null, true, Files.createDirectories(dir.resolve("stick")), false).file();
        }
    }

    @Start
    void start(Stage stage) {
        start(stage, dir.resolve("province"), Messages.VIETNAMESE);
    }

    private static boolean label(FxRobot robot, String start) {
        return robot.lookup((Node n) -> n instanceof Label l && l.getText() != null && l.getText().startsWith(start))
                .tryQuery().isPresent();
    }

    @Test
    void fingerprintTrustPreviewAndImport(FxRobot robot) throws Exception {
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#load-demo").tryQuery().isPresent());
        ImportDialog[] dialog = new ImportDialog[1];
        robot.interact(() -> dialog[0] = app.openImport(pkg));
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> robot.lookup("#fingerprint").tryQuery().isPresent());
        robot.interact(() -> Screenshots.saveQuietly(dialog[0].stage().getScene(), "import-untrusted-vi"));
        String ours = robot.lookup("#own-fingerprint").queryAs(Label.class).getText();
        assertTrue(ours.contains("Sở Y tế") || ours.contains("YTCS"), "this site's name beside its fingerprint: " + ours);
        assertTrue(ours.matches(".*[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{4}.*"), ours);
        // Enter presses the default button: trust, after the fingerprint was read on the phone.
        WaitForAsyncUtils.waitForFxEvents();
        robot.type(KeyCode.ENTER);
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> robot.lookup("#preview-table").tryQuery().isPresent());
        assertTrue(label(robot, "Nếu nhập: 10 bản ghi mới"), "the preview says what would change");
        assertTrue(label(robot, "✔ Gói hợp lệ"));
        WaitForAsyncUtils.waitForFxEvents();
        robot.interact(() -> Screenshots.saveQuietly(dialog[0].stage().getScene(), "import-preview-vi"));
        robot.clickOn("#apply");
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> label(robot, "Đã nhập: 10 bản ghi mới"));
        robot.interact(() -> Screenshots.saveQuietly(dialog[0].stage().getScene(), "import-done-vi"));
        TreeView<?> tree = robot.lookup("#unit-tree").queryAs(TreeView.class);
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> tree.getRoot() != null && tree.getRoot().getValue() != null);
        robot.interact(() -> dialog[0].stage().close());

        // The province answers: the export dialog writes a package for the district it now trusts.
        Path stick = dir.resolve("stick");
        ExportDialog[] export = new ExportDialog[1];
        robot.interact(() -> export[0] = app.openExport());
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> robot.lookup("#own-site").tryQuery().isPresent()
                && !label(robot, "Đang tìm ổ USB"));
        String who = robot.lookup("#own-site").queryAs(Label.class).getText();
        assertTrue(who.contains("TTYT huyện Châu Thành") && who.matches(".*[0-9A-F]{4}-[0-9A-F]{4}.*"),
                "who signs, with the fingerprint, and for whom: " + who);
        Button write = robot.lookup("#export").queryAs(Button.class);
        if (write.isDisabled()) {
            assertTrue(robot.lookup("#export-hint").queryAs(Label.class).isVisible(), "writing before choosing a place says why not");
        }
        robot.interact(() -> export[0].choose(stick));
        assertFalse(robot.lookup("#export").queryAs(Button.class).isDisabled());
        robot.interact(() -> Screenshots.saveQuietly(export[0].stage().getScene(), "export-vi"));
        WaitForAsyncUtils.waitForFxEvents();
        robot.type(KeyCode.ENTER);
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> label(robot, "Đã ghi và kiểm tra gói số 1"));
        robot.interact(() -> Screenshots.saveQuietly(export[0].stage().getScene(), "export-done-vi"));
    }
}
