// SPDX-License-Identifier: Apache-2.0
package vn.ytcs.app.window;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javafx.geometry.Rectangle2D;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.ytcs.app.i18n.Messages;
import vn.ytcs.core.io.SafeFiles;

/** What the window remembers, in a real file of a data folder. */
class WindowSettingsTest {

    static final Rectangle2D LAPTOP = new Rectangle2D(0, 0, 1366, 728); // 1366x768 less a 40 px taskbar

    @TempDir
    Path dir;

    @Test
    void whatWasWrittenIsReadBack() throws Exception {
        WindowSettings saved = new WindowSettings(Messages.ENGLISH, new Rectangle2D(40, 30, 1000, 650), true);
        saved.write(dir);
        assertEquals(saved, WindowSettings.read(dir));
        try (var files = Files.list(dir)) {
            assertTrue(files.noneMatch(f -> f.getFileName().toString().startsWith(SafeFiles.UNFINISHED_PREFIX)),
                    "written through a temporary file renamed into place");
        }
    }

    @Test
    void aMissingFileGivesTheDefaults() {
        assertEquals(WindowSettings.DEFAULTS, WindowSettings.read(dir));
        assertEquals(WindowSettings.DEFAULTS, WindowSettings.read(dir.resolve("no such folder")));
    }

    @Test
    void aDamagedFileGivesTheDefaultsNeverAnError() throws Exception {
        Files.write(WindowSettings.file(dir), new byte[] {0, (byte) 0xff, '\\', 'u', '1', '\n', (byte) 0xc3});
        assertEquals(WindowSettings.DEFAULTS, WindowSettings.read(dir));

        Files.writeString(WindowSettings.file(dir), "language=fr\nx=NaN\ny=10\nwidth=-5\nheight=abc\nmaximized=maybe\n",
                StandardCharsets.ISO_8859_1);
        WindowSettings read = WindowSettings.read(dir);
        assertNull(read.language());
        assertNull(read.bounds());
        assertFalse(read.maximized());

        Files.writeString(WindowSettings.file(dir), "language=en\nx=10\ny=20\nwidth=1e9\nheight=700\n", StandardCharsets.ISO_8859_1);
        assertEquals(new WindowSettings(Messages.ENGLISH, null, false), WindowSettings.read(dir), "the good parts are kept");
    }

    @Test
    void theFirstStartFitsA1366x768Screen() {
        Rectangle2D place = WindowSettings.DEFAULTS.place(List.of(LAPTOP), LAPTOP);
        assertEquals(new Rectangle2D(43, 0, 1280, 728), place, "as wide as asked, as tall as the screen allows, centred");
        Rectangle2D big = new Rectangle2D(0, 0, 1920, 1040);
        assertEquals(new Rectangle2D(320, 120, 1280, 800), WindowSettings.DEFAULTS.place(List.of(big), big));
    }

    @Test
    void theRememberedPlaceIsKeptWhileItIsOnAScreen() {
        WindowSettings saved = new WindowSettings(null, new Rectangle2D(100, 50, 1100, 640), false);
        assertEquals(new Rectangle2D(100, 50, 1100, 640), saved.place(List.of(LAPTOP), LAPTOP));

        Rectangle2D second = new Rectangle2D(1366, 0, 1920, 1040);
        WindowSettings onSecond = new WindowSettings(null, new Rectangle2D(1500, 100, 1400, 900), false);
        assertEquals(new Rectangle2D(1500, 100, 1400, 900), onSecond.place(List.of(LAPTOP, second), LAPTOP));
    }

    @Test
    void aPlaceOnAScreenThatIsGoneMovesToThePrimaryScreenAndFitsIt() {
        WindowSettings onSecond = new WindowSettings(null, new Rectangle2D(1500, 100, 1400, 900), false);
        assertEquals(new Rectangle2D(0, 0, 1366, 728), onSecond.place(List.of(LAPTOP), LAPTOP));
        WindowSettings halfOff = new WindowSettings(null, new Rectangle2D(1340, -200, 800, 600), false);
        assertEquals(new Rectangle2D(283, 64, 800, 600), halfOff.place(List.of(LAPTOP), LAPTOP));
    }

    @Test
    void aMaximisedWindowKeepsItsEarlierSize() {
        WindowSettings normal = new WindowSettings(Messages.VIETNAMESE, new Rectangle2D(10, 10, 1000, 600), false);
        WindowSettings maximised = normal.withWindow(new Rectangle2D(0, 0, 1366, 728), true);
        assertEquals(new Rectangle2D(10, 10, 1000, 600), maximised.bounds());
        assertTrue(maximised.maximized());
        assertEquals(new Rectangle2D(5, 5, 900, 640), maximised.withWindow(new Rectangle2D(5, 5, 900, 640), false).bounds());
    }
}
