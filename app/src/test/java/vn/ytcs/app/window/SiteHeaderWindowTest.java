// SPDX-License-Identifier: Apache-2.0
package vn.ytcs.app.window;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.Hyperlink;
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
import vn.ytcs.core.demo.DemoLoader;
import vn.ytcs.core.site.SiteRole;
import vn.ytcs.core.store.Store;
import vn.ytcs.sync.site.SiteKeys;

/** The header names this site and shows its key fingerprint: the province can tell whose window it is. */
@Tag("gui")
@ExtendWith(ApplicationExtension.class)
class SiteHeaderWindowTest extends WindowTest {

    @TempDir
    static Path dir;
    static String fingerprint;

    @BeforeAll
    static void aNamedDistrictWithItsKey() {
        try (Store store = Store.open(dir)) {
            DemoLoader.load(store, "test");
            fingerprint = SiteKeys.loadOrCreate(store, "TTYT huyện Châu Thành", SiteRole.DISTRICT).site().fingerprint();
        }
    }

    @Start
    void start(Stage stage) {
        start(stage, dir, Messages.VIETNAMESE);
    }

    @Test
    void theHeaderNamesThisSiteAndItsAboutBoxShowsTheFingerprint(FxRobot robot) throws Exception {
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> robot.lookup("#site").queryAs(Hyperlink.class).isVisible());
        Hyperlink site = robot.lookup("#site").queryAs(Hyperlink.class);
        assertEquals("TTYT huyện Châu Thành · trung tâm y tế huyện", site.getText());
        assertTrue(site.getTooltip().getText().contains(fingerprint), site.getTooltip().getText());

        robot.clickOn(site);
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> robot.lookup("#site-fingerprint").tryQuery().isPresent());
        assertEquals(fingerprint, robot.lookup("#site-fingerprint").queryAs(Label.class).getText());
        assertTrue(robot.lookup("Về đơn vị này").tryQuery().isPresent(), "the box says what it is");
        robot.interact(() -> Screenshots.saveQuietly(robot.lookup("#about-site").query().getScene(), "site-about-vi"));

        robot.interact(() -> robot.lookup("#language").queryAs(javafx.scene.control.ComboBox.class).setValue(Messages.ENGLISH));
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS,
                () -> "TTYT huyện Châu Thành · district health centre".equals(robot.lookup("#site").queryAs(Hyperlink.class).getText()));
    }
}
