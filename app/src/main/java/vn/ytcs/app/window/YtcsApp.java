// SPDX-License-Identifier: Apache-2.0
package vn.ytcs.app.window;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.geometry.Rectangle2D;
import javafx.scene.Scene;
import javafx.scene.text.Font;
import javafx.stage.FileChooser;
import javafx.stage.Screen;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.ytcs.app.i18n.Messages;
import vn.ytcs.app.log.LogFile;
import vn.ytcs.app.root.Ytcs;

/** The JavaFX application: one window over one data folder. */
public final class YtcsApp extends Application {

    private static final Logger LOG = LoggerFactory.getLogger(YtcsApp.class);

    private static volatile Path startDataDir;
    private static volatile Locale startLocale;
    private static volatile WindowSettings startSettings = WindowSettings.DEFAULTS;

    private ExecutorService background;
    private MainViewModel vm;
    private MainWindow window;
    private Scene scene;
    private Stage stage;
    private Messages messages;
    private WindowSettings settings;
    private ErrorDialog errors;
    /** Asks the user for a package file; null when they cancel. Tests replace it: Monocle has no file dialog. */
    Function<Window, File> packageChooser = this::choosePackage;

    /**
     * Set before {@link Application#launch}, off the FX thread (it reads the window's settings and
     * opens the log): JavaFX creates the instance itself.
     *
     * @param locale the language asked for on the command line; null for the one last chosen in the window
     */
    static void configure(Path dataDir, Locale locale) {
        LogFile.writeTo(dataDir);
        startDataDir = dataDir;
        startSettings = WindowSettings.read(dataDir);
        startLocale = locale != null ? locale : startSettings.language() != null ? startSettings.language() : Messages.VIETNAMESE;
    }

    @Override
    public void start(Stage stage) {
        this.stage = stage;
        loadFonts();
        background = Ytcs.backgroundExecutor();
        Path dataDir = Objects.requireNonNull(startDataDir, "data folder");
        settings = startSettings.withLanguage(startLocale);
        messages = Messages.of(startLocale);
        errors = new ErrorDialog(() -> scene == null ? null : scene.getWindow(), () -> messages, stylesheet(), LogFile.of(dataDir));
        errors.install();
        LOG.info("Window opening on {}", dataDir.toAbsolutePath());
        vm = new MainViewModel(dataDir, background, Platform::runLater, LocalDate::now, Ytcs.actor());
        vm.phase().addListener((o, a, b) -> logPhase(b));
        window = new MainWindow(vm, messages, this::changeLanguage, syncActions());
        Rectangle2D place = settings.place(Screen.getScreens().stream().map(Screen::getVisualBounds).toList(),
                Screen.getPrimary().getVisualBounds());
        scene = new Scene(window.root());
        scene.getStylesheets().add(stylesheet());
        stage.setTitle(messages.get("app.title"));
        stage.setScene(scene);
        stage.setMinWidth(Math.min(WindowSettings.MIN_WIDTH, place.getWidth()));
        stage.setMinHeight(Math.min(WindowSettings.MIN_HEIGHT, place.getHeight()));
        // The window's outer size, title bar included, is what must fit the screen.
        stage.setX(place.getMinX());
        stage.setY(place.getMinY());
        stage.setWidth(place.getWidth());
        stage.setHeight(place.getHeight());
        stage.setMaximized(settings.maximized());
        // A form with changes not saved asks first: save, discard or stay.
        stage.setOnCloseRequest(e -> {
            if (window.unsaved()) {
                e.consume();
                window.beforeLeaving(stage::close);
            }
        });
        stage.show();
        window.focusSearch();
        vm.open();
    }

    /** The log keeps how the opening went, with the stack trace the window does not show. */
    private void logPhase(MainViewModel.Phase phase) {
        switch (phase) {
            case READY, EMPTY -> LOG.info("Store open: {}, site {}", phase == MainViewModel.Phase.EMPTY ? "empty" : "register shown",
                    vm.site().get() == null ? "?" : vm.site().get().id());
            case FAILED -> LOG.error("The window shows an error", vm.error().get());
            default -> {
            }
        }
    }

    /** Rebuilds the window in the other language; the view model and its state stay. */
    private void changeLanguage(Locale locale) {
        messages = Messages.of(locale);
        window.dispose();
        window = new MainWindow(vm, messages, this::changeLanguage, syncActions());
        scene.setRoot(window.root());
        window.focusLanguage();
        stage.setTitle(messages.get("app.title"));
        settings = settings.withLanguage(locale);
        saveSettings();
    }

    /** Writes what the window remembers, on the worker thread: the FX thread never touches a file. */
    private void saveSettings() {
        if (stage.isIconified()) {
            // A minimised window's place is off the screen on some systems: keep the last one.
        } else if (!stage.isMaximized() && stage.getWidth() > 0) {
            settings = settings.withWindow(new Rectangle2D(stage.getX(), stage.getY(), stage.getWidth(), stage.getHeight()), false);
        } else if (stage.isMaximized()) {
            settings = settings.withWindow(null, true);
        }
        WindowSettings toWrite = settings;
        Path dataDir = startDataDir;
        background.execute(() -> {
            try {
                toWrite.write(dataDir);
            } catch (IOException | RuntimeException e) {
                // A convenience, not data: the next start opens with the defaults.
                LOG.warn("Cannot write the window settings in {}", dataDir, e);
            }
        });
    }

    private String stylesheet() {
        return Objects.requireNonNull(YtcsApp.class.getResource("/vn/ytcs/app/app.css")).toExternalForm();
    }

    /** A view model for one dialog, sharing the window's store and worker thread. */
    SyncViewModel syncViewModel() {
        return new SyncViewModel(vm::sync, vm::catalogs, vm::reorganisationService, background, Platform::runLater, vm::reload);
    }

    /** The main window's view model: what the window shows, for a test to drive where a file chooser would. */
    MainViewModel viewModel() {
        return vm;
    }

    /** Opens the import dialog on a package (the file chooser is skipped when the file is known). */
    ImportDialog openImport(Path file) {
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

    /** The dialog that an uncaught error shows. */
    ErrorDialog errors() {
        return errors;
    }

    private MainWindow.SyncActions syncActions() {
        return new MainWindow.SyncActions() {
            @Override
            public void importPackage() {
                File file = packageChooser.apply(scene.getWindow());
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

    private File choosePackage(Window owner) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(messages.get("sync.import.title"));
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("YTCS",
                "*.ytcs.json", "*.ytcs.json.gz", "*.ytcs-receipt.json"));
        return chooser.showOpenDialog(owner);
    }

    @Override
    public void stop() {
        saveSettings();
        vm.close();
        background.shutdown();
        try {
            // Let the database close cleanly before the JVM ends.
            background.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        errors.uninstall();
        LOG.info("Window closed");
    }

    /** The bundled font renders Vietnamese the same on every machine. */
    static void loadFonts() {
        for (String name : new String[] {"NotoSans-Regular.ttf", "NotoSans-Bold.ttf"}) {
            try (InputStream in = YtcsApp.class.getResourceAsStream("/vn/ytcs/app/fonts/" + name)) {
                if (in != null) {
                    Font.loadFont(in, 14);
                }
            } catch (IOException e) {
                // The system font is the fallback; nothing to tell the user.
            }
        }
    }
}
