// SPDX-License-Identifier: Apache-2.0
package vn.ytcs.app.window;

import java.io.InputStream;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.text.Font;
import javafx.stage.Stage;
import vn.ytcs.app.i18n.Messages;

/** The JavaFX application: one window over one data folder. */
public final class YtcsApp extends Application {

    private static volatile Path startDataDir;
    private static volatile Locale startLocale = Messages.VIETNAMESE;

    private ExecutorService background;
    private MainViewModel vm;
    private MainWindow window;
    private Scene scene;
    private Messages messages;

    /** Set before {@link Application#launch}: JavaFX creates the instance itself. */
    static void configure(Path dataDir, Locale locale) {
        startDataDir = dataDir;
        startLocale = locale;
    }

    @Override
    public void start(Stage stage) {
        loadFonts();
        background = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "ytcs-store");
            t.setDaemon(true);
            return t;
        });
        vm = new MainViewModel(Objects.requireNonNull(startDataDir, "data folder"), background, Platform::runLater,
                LocalDate::now, System.getProperty("user.name", "ytcs"));
        Messages messages = Messages.of(startLocale);
        this.messages = messages;
        window = new MainWindow(vm, messages, this::changeLanguage, syncActions());
        scene = new Scene(window.root(), 1280, 800);
        scene.getStylesheets().add(Objects.requireNonNull(YtcsApp.class.getResource("/vn/ytcs/app/app.css")).toExternalForm());
        stage.setTitle(messages.get("app.title"));
        stage.setScene(scene);
        stage.setMinWidth(900);
        stage.setMinHeight(600);
        stage.show();
        vm.open();
    }

    /** Rebuilds the window in the other language; the view model and its state stay. */
    private void changeLanguage(Locale locale) {
        Messages messages = Messages.of(locale);
        this.messages = messages;
        window.dispose();
        window = new MainWindow(vm, messages, this::changeLanguage, syncActions());
        scene.setRoot(window.root());
        ((Stage) scene.getWindow()).setTitle(messages.get("app.title"));
    }

    private String stylesheet() {
        return Objects.requireNonNull(YtcsApp.class.getResource("/vn/ytcs/app/app.css")).toExternalForm();
    }

    /** A view model for one dialog, sharing the window's store and worker thread. */
    SyncViewModel syncViewModel() {
        return new SyncViewModel(vm::sync, background, Platform::runLater, vm::reload);
    }

    /** Opens the import dialog on a package (the file chooser is skipped when the file is known). */
    ImportDialog openImport(java.nio.file.Path file) {
        SyncViewModel sync = syncViewModel();
        ImportDialog dialog = new ImportDialog(scene.getWindow(), sync, messages, stylesheet());
        dialog.stage().show();
        sync.open(file);
        return dialog;
    }

    ExportDialog openExport() {
        ExportDialog dialog = new ExportDialog(scene.getWindow(), syncViewModel(), messages, stylesheet());
        dialog.stage().show();
        return dialog;
    }

    private MainWindow.SyncActions syncActions() {
        return new MainWindow.SyncActions() {
            @Override
            public void importPackage() {
                javafx.stage.FileChooser chooser = new javafx.stage.FileChooser();
                chooser.setTitle(messages.get("sync.import.title"));
                chooser.getExtensionFilters().add(new javafx.stage.FileChooser.ExtensionFilter("YTCS",
                        "*.ytcs.json", "*.ytcs.json.gz", "*.ytcs-receipt.json"));
                java.io.File file = chooser.showOpenDialog(scene.getWindow());
                if (file != null) {
                    openImport(file.toPath());
                }
            }

            @Override
            public void exportPackage() {
                openExport();
            }
        };
    }

    @Override
    public void stop() {
        vm.close();
        background.shutdown();
        try {
            // Let the database close cleanly before the JVM ends.
            background.awaitTermination(10, java.util.concurrent.TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The bundled font renders Vietnamese the same on every machine. */
    static void loadFonts() {
        for (String name : new String[] {"NotoSans-Regular.ttf", "NotoSans-Bold.ttf"}) {
            try (InputStream in = YtcsApp.class.getResourceAsStream("/vn/ytcs/app/fonts/" + name)) {
                if (in != null) {
                    Font.loadFont(in, 14);
                }
            } catch (java.io.IOException e) {
                // The system font is the fallback; nothing to tell the user.
            }
        }
    }
}
