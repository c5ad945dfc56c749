// SPDX-License-Identifier: Apache-2.0
package vn.ytcs.app.window;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import javafx.scene.Node;
import javafx.scene.control.ComboBox;
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
import vn.ytcs.app.i18n.Messages;
import vn.ytcs.core.site.SiteRole;
import vn.ytcs.core.station.Station;
import vn.ytcs.core.station.StationKind;
import vn.ytcs.core.store.Store;
import vn.ytcs.core.unit.Unit;
import vn.ytcs.core.unit.UnitType;
import vn.ytcs.sync.SyncService;
import vn.ytcs.sync.pack.PackageWriter;
import vn.ytcs.sync.site.SiteKeys;

/** The district previews a province package that changes the district's own station: a proposal, shown with both values. */
@Tag("gui")
@ExtendWith(ApplicationExtension.class)
class ProposalDialogTest extends WindowTest {

    @TempDir
    static Path dir;
    static Path pkg;

    @BeforeAll
    static void theProvinceChangesTheDistrictsStation() throws Exception {
        Path stick = Files.createDirectories(dir.resolve("stick"));
        try (Store district = Store.open(dir.resolve("district")); Store province = Store.open(dir.resolve("province"))) {
            SiteKeys d = SiteKeys.loadOrCreate(district, "TTYT huyện Châu Thành", SiteRole.DISTRICT);
            SiteKeys p = SiteKeys.loadOrCreate(province, "Sở Y tế", SiteRole.PROVINCE);
            Station[] station = new Station[1];
            district.write("lan", w -> {
                Unit xa = new Unit(UUID.randomUUID(), "HG0501", false, "Đông Phú", UnitType.XA, null,
                        LocalDate.of(2020, 1, 1), null, 2, null, false, null);
                w.save(xa);
                station[0] = new Station(UUID.randomUUID(), xa.id(), "Trạm Y tế xã Đông Phú", StationKind.STATION, null,
                        "Ấp Phú Lợi", "0293 111", false);
                w.save(station[0]);
                return null;
            });
            SyncService atProvince = new SyncService(province, p, "hoa");
            SyncService atDistrict = new SyncService(district, d, "lan");
            Path first = PackageWriter.export(district, d, null, true, stick, false).file();
            atProvince.trustSender(first);
            Path receipt = atProvince.importFile(first, false).receipt();
            atDistrict.trustSender(receipt);
            atDistrict.importFile(receipt, false);
            Station s = station[0];
            province.write("hoa", w -> {
                w.save(new Station(s.id(), s.unitId(), s.name(), s.kind(), null, s.address(), "0293 999", false));
                return null;
            });
            pkg = PackageWriter.export(province, p, d.site().id(), false, stick, false).file();
        }
    }

    @Start
    void start(Stage stage) {
        start(stage, dir.resolve("district"), Messages.VIETNAMESE);
    }

    private static boolean label(FxRobot robot, String text) {
        return robot.lookup((Node n) -> n instanceof Label l && l.getText() != null && l.getText().contains(text))
                .tryQuery().isPresent();
    }

    @Test
    void theProposalShowsThisSitesValueAndTheProvincesInBothLanguages(FxRobot robot) throws Exception {
        // The import needs the open database: the tree is there from the start, the enabled button says it is open.
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> !robot.lookup("#import-package").query().isDisabled());
        ImportDialog[] dialog = new ImportDialog[1];
        robot.interact(() -> dialog[0] = app.openImport(pkg));
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> robot.lookup("#preview-table").tryQuery().isPresent());
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(label(robot, "tại đây \"0293 111\", bên kia \"0293 999\"; đang giữ giá trị tại đây"));
        robot.interact(() -> Screenshots.saveQuietly(dialog[0].stage().getScene(), "import-proposal-vi"));
        robot.interact(() -> dialog[0].stage().close());

        ComboBox<java.util.Locale> language = robot.lookup("#language").queryAs(ComboBox.class);
        robot.interact(() -> language.setValue(Messages.ENGLISH));
        WaitForAsyncUtils.waitForFxEvents();
        robot.interact(() -> dialog[0] = app.openImport(pkg));
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> robot.lookup("#preview-table").tryQuery().isPresent());
        assertTrue(label(robot, "here \"0293 111\", other site \"0293 999\"; keeping mine"));
        robot.interact(() -> Screenshots.saveQuietly(dialog[0].stage().getScene(), "import-proposal-en"));
    }
}
