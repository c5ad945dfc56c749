// SPDX-License-Identifier: Apache-2.0
package vn.ytcs.app.window;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Scene;
import javafx.scene.image.WritableImage;
import javax.imageio.ImageIO;

/** Writes a PNG of a scene to target/screenshots, for people to look at. */
final class Screenshots {

    static final Path DIR = Path.of("target", "screenshots");

    private Screenshots() {
    }

    /** As {@link #save}, for use inside a lambda; a failure to write fails the test. */
    static void saveQuietly(Scene scene, String name) {
        try {
            save(scene, name);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** Must run on the FX thread. */
    static Path save(Scene scene, String name) throws IOException {
        WritableImage image = scene.snapshot(null);
        Files.createDirectories(DIR);
        Path file = DIR.resolve(name + ".png");
        ImageIO.write(SwingFXUtils.fromFXImage(image, null), "png", file.toFile());
        return file;
    }
}
