// SPDX-License-Identifier: Apache-2.0
package vn.ytcs.app.window;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import javafx.scene.Node;
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
import vn.ytcs.app.root.Ytcs;
import vn.ytcs.core.demo.DemoLoader;
import vn.ytcs.core.site.SiteRole;
import vn.ytcs.core.task.Progress;

/**
 * A province still on the old structure opens a regional centre's package that applies the 2025
 * reorganisation: before anything is written, the import dialog says which new units it makes
 * and, for each, the communes merged into it, the station it keeps, its health points, staff and hamlets.
 */
@Tag("gui")
@ExtendWith(ApplicationExtension.class)
class ReorganisationArrivingWindowTest extends WindowTest {

    @TempDir
    static Path dir;
    static Path reorganised;

    @BeforeAll
    static void theCentreReorganisesAndExports() throws Exception {
        Path mapping = dir.resolve("haugiang-merger-2025.csv");
        try (InputStream in = DemoLoader.class.getResourceAsStream("haugiang-merger-2025.csv")) {
            Files.copy(in, mapping);
        }
        try (Ytcs centre = Ytcs.open(dir.resolve("centre"), "lan"); Ytcs province = Ytcs.open(dir.resolve("province"), "hoa")) {
            centre.register().loadDemo(DemoLoader.World.OLD_STRUCTURE, Progress.NONE);
            centre.sync().setup("TTYT khu vực Vị Thanh", SiteRole.REGIONAL_CENTRE);
            province.sync().setup("Sở Y tế", SiteRole.PROVINCE);
            Path first = centre.sync().export(Files.createDirectories(dir.resolve("stick1")), true, false, Progress.NONE).file();
            province.sync().trustSender(first);
            province.sync().importFile(first, false);
            centre.unitImport().apply(centre.unitImport().plan(Path.of("..", "docs", "examples", "cantho-2025.csv")));
            centre.reorganisation().apply(centre.reorganisation().plan(mapping, "92"));
            reorganised = centre.sync().export(Files.createDirectories(dir.resolve("stick2")), false, false, Progress.NONE).file();
        }
    }

    @Start
    void start(Stage stage) {
        start(stage, dir.resolve("province"), Messages.VIETNAMESE);
    }

    @Test
    void thePreviewSaysWhatTheReorganisationDoesPerNewUnitInBothLanguages(FxRobot robot) throws Exception {
        for (java.util.Locale language : java.util.List.of(Messages.VIETNAMESE, Messages.ENGLISH)) {
            Messages m = Messages.of(language);
            if (language.equals(Messages.ENGLISH)) {
                robot.interact(() -> robot.lookup("#language").queryAs(javafx.scene.control.ComboBox.class).setValue(Messages.ENGLISH));
                WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup((Node n) -> n instanceof Label l
                        && m.get("window.language").equals(l.getText())).tryQuery().isPresent());
            }
            ImportDialog[] dialog = new ImportDialog[1];
            robot.interact(() -> dialog[0] = app.openImport(reorganised));
            WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> robot.lookup("#reorg-arriving").tryQuery().isPresent());
            String head = robot.lookup("#reorg-arriving").queryAs(Label.class).getText();
            assertEquals(m.get("cli.import.reorg", 28, 75), head);
            javafx.scene.control.TableView<vn.ytcs.core.service.Reorganisation.NewUnit> units =
                    robot.lookup("#reorg-arriving-table").queryAs(javafx.scene.control.TableView.class);
            assertEquals(28, units.getItems().size());
            vn.ytcs.core.service.Reorganisation.NewUnit hoaLuu = units.getItems().stream().filter(u -> u.code().equals("31338"))
                    .findFirst().orElseThrow();
            assertEquals(java.util.Set.of("31336", "31338", "31339"),
                    hoaLuu.merged().stream().map(vn.ytcs.core.unit.Unit::code).collect(java.util.stream.Collectors.toSet()));
            assertEquals("Trạm Y tế xã Tân Tiến", hoaLuu.station().orElseThrow().name());
            assertEquals(2, hoaLuu.healthPoints().size());
            assertEquals(m.get("col.keptStation"), units.getColumns().get(4).getText(), "in the language shown");
            WaitForAsyncUtils.waitForFxEvents();
            String name = language.equals(Messages.VIETNAMESE) ? "vi" : "en";
            robot.interact(() -> Screenshots.saveQuietly(dialog[0].stage().getScene(), "import-reorganisation-" + name));
            robot.interact(() -> dialog[0].stage().close());
        }
    }
}
