// SPDX-License-Identifier: Apache-2.0
package vn.ytcs.app.window;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import javafx.geometry.Rectangle2D;
import vn.ytcs.app.i18n.Messages;
import vn.ytcs.core.io.SafeFiles;

/**
 * What the window remembers across restarts: its language, size and place. Kept in
 * {@code window-settings.properties} in the data folder; a file that is missing, damaged or from another
 * screen gives the defaults, never an error: it is a convenience, not data.
 *
 * @param language  the language last chosen; null when none was
 * @param bounds    the window's place and size when it was last closed, not maximised; null when unknown
 * @param maximized whether it was maximised
 */
record WindowSettings(Locale language, Rectangle2D bounds, boolean maximized) {

    static final String FILE = "window-settings.properties";
    /** The size the window asks for when the screen has room. */
    static final double WIDTH = 1280;
    static final double HEIGHT = 800;
    /** Smallest size at which the window's layout still works, when the screen has room for it. */
    static final double MIN_WIDTH = 900;
    static final double MIN_HEIGHT = 600;
    /** How much of the window's top left corner (its title bar) must be on a screen to keep the place. */
    private static final double GRIP = 80;

    static final WindowSettings DEFAULTS = new WindowSettings(null, null, false);

    static Path file(Path dataDir) {
        return dataDir.resolve(FILE);
    }

    /** The settings of a data folder; the defaults when there are none or they cannot be read. */
    static WindowSettings read(Path dataDir) {
        Properties p = new Properties();
        try (InputStream in = Files.newInputStream(file(dataDir))) {
            p.load(in);
        } catch (IOException | IllegalArgumentException e) {
            return DEFAULTS;
        }
        return new WindowSettings(Messages.parseLanguage(p.getProperty("language")), bounds(p),
                Boolean.parseBoolean(p.getProperty("maximized")));
    }

    /** Replaces the file in one step, so that a crash mid-write leaves the previous settings. */
    void write(Path dataDir) throws IOException {
        Properties p = new Properties();
        if (language != null) {
            p.setProperty("language", language.getLanguage());
        }
        if (bounds != null) {
            p.setProperty("x", Double.toString(bounds.getMinX()));
            p.setProperty("y", Double.toString(bounds.getMinY()));
            p.setProperty("width", Double.toString(bounds.getWidth()));
            p.setProperty("height", Double.toString(bounds.getHeight()));
        }
        p.setProperty("maximized", Boolean.toString(maximized));
        Files.createDirectories(dataDir);
        SafeFiles.write(file(dataDir), out -> p.store(out, "YTCS window"));
    }

    WindowSettings withLanguage(Locale language) {
        return new WindowSettings(language, bounds, maximized);
    }

    /** The place and size as the window has them now; a maximised window keeps its earlier size. */
    WindowSettings withWindow(Rectangle2D now, boolean maximized) {
        return new WindowSettings(language, maximized ? bounds : now, maximized);
    }

    /**
     * Where to open the window: the remembered place if its top left corner is still on one of
     * the screens (a second monitor may be gone), else centred on the primary screen; never
     * larger than the screen it opens on.
     */
    Rectangle2D place(List<Rectangle2D> screens, Rectangle2D primary) {
        if (bounds != null) {
            Rectangle2D grip = new Rectangle2D(bounds.getMinX(), bounds.getMinY(), Math.min(GRIP, bounds.getWidth()),
                    Math.min(GRIP / 2, bounds.getHeight()));
            for (Rectangle2D screen : screens) {
                if (contains(screen, grip)) {
                    return new Rectangle2D(bounds.getMinX(), bounds.getMinY(),
                            Math.min(bounds.getWidth(), screen.getMaxX() - bounds.getMinX()),
                            Math.min(bounds.getHeight(), screen.getMaxY() - bounds.getMinY()));
                }
            }
        }
        double width = Math.min(bounds != null ? bounds.getWidth() : WIDTH, primary.getWidth());
        double height = Math.min(bounds != null ? bounds.getHeight() : HEIGHT, primary.getHeight());
        return new Rectangle2D(primary.getMinX() + (primary.getWidth() - width) / 2,
                primary.getMinY() + (primary.getHeight() - height) / 2, width, height);
    }

    private static boolean contains(Rectangle2D outer, Rectangle2D inner) {
        return inner.getMinX() >= outer.getMinX() && inner.getMinY() >= outer.getMinY()
                && inner.getMaxX() <= outer.getMaxX() && inner.getMaxY() <= outer.getMaxY();
    }

    private static Rectangle2D bounds(Properties p) {
        try {
            double x = Double.parseDouble(p.getProperty("x"));
            double y = Double.parseDouble(p.getProperty("y"));
            double width = Double.parseDouble(p.getProperty("width"));
            double height = Double.parseDouble(p.getProperty("height"));
            if (!Double.isFinite(x) || !Double.isFinite(y) || !(width >= 1 && width < 100_000)
                    || !(height >= 1 && height < 100_000)) {
                return null;
            }
            return new Rectangle2D(x, y, width, height);
        } catch (NullPointerException | NumberFormatException e) {
            return null;
        }
    }
}
