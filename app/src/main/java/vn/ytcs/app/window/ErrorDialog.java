// SPDX-License-Identifier: Apache-2.0
package vn.ytcs.app.window;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.function.Supplier;
import javafx.application.Platform;
import javafx.event.ActionEvent;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.input.ClipboardContent;
import javafx.stage.Window;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.ytcs.app.i18n.Failures;
import vn.ytcs.app.i18n.Messages;

/**
 * What the user sees of an error no part of the window expected: one dialog in plain words, with
 * "copy details" that puts the stack trace on the clipboard for whoever helps them; the log file
 * keeps it too. Installed for every thread while the window is open.
 */
final class ErrorDialog {

    private static final Logger LOG = LoggerFactory.getLogger(ErrorDialog.class);

    private final Supplier<Window> owner;
    private final Supplier<Messages> messages;
    private final String stylesheet;
    private final java.nio.file.Path log;
    private Thread.UncaughtExceptionHandler previous;
    private Thread.UncaughtExceptionHandler previousFx;
    /** The dialog on screen: later errors are logged, not stacked into more dialogs. */
    private Alert showing;

    ErrorDialog(Supplier<Window> owner, Supplier<Messages> messages, String stylesheet, java.nio.file.Path log) {
        this.owner = owner;
        this.messages = messages;
        this.stylesheet = stylesheet;
        this.log = log;
    }

    /** Must run on the FX thread, which has a handler of its own. */
    void install() {
        previous = Thread.getDefaultUncaughtExceptionHandler();
        previousFx = Thread.currentThread().getUncaughtExceptionHandler();
        Thread.setDefaultUncaughtExceptionHandler(this::uncaught);
        Thread.currentThread().setUncaughtExceptionHandler(this::uncaught);
    }

    /** Puts back what was there before (the window is closing); on the FX thread. */
    void uninstall() {
        Thread.setDefaultUncaughtExceptionHandler(previous);
        Thread.currentThread().setUncaughtExceptionHandler(previousFx);
    }

    private void uncaught(Thread thread, Throwable e) {
        LOG.error("Uncaught error in thread {}", thread.getName(), e);
        if (Platform.isFxApplicationThread()) {
            show(e);
        } else {
            Platform.runLater(() -> show(e));
        }
    }

    /** The dialog for an error; the one already showing stays if there is one. */
    Alert show(Throwable e) {
        if (showing != null) {
            return showing;
        }
        Messages m = messages.get();
        Alert alert = new Alert(Alert.AlertType.ERROR);
        alert.initOwner(owner.get());
        alert.setTitle(m.get("window.uncaught.title"));
        alert.setHeaderText(m.get("window.uncaught.header"));
        // A failure the program can explain (a full disk, a stick pulled out) in its own words; else what
        // is known: the defect's message, and where the details are. Whether data changed is not known here.
        String known = Failures.known(e, m, null);
        alert.setContentText(known != null ? known : m.get("window.uncaught.text", Failures.detail(e), log.toString()));
        alert.getDialogPane().setId("error-dialog");
        alert.getDialogPane().getStylesheets().add(stylesheet);
        alert.getDialogPane().setPrefWidth(560);
        ButtonType copy = new ButtonType(m.get("window.uncaught.copy"), ButtonBar.ButtonData.LEFT);
        alert.getButtonTypes().setAll(copy, ButtonType.CLOSE);
        Button copyButton = (Button) alert.getDialogPane().lookupButton(copy);
        copyButton.setId("copy-details");
        // Copying keeps the dialog open: the user may still want to read it.
        copyButton.addEventFilter(ActionEvent.ACTION, event -> {
            ClipboardContent content = new ClipboardContent();
            content.putString(details(e));
            javafx.scene.input.Clipboard.getSystemClipboard().setContent(content);
            copyButton.setText(m.get("window.uncaught.copied"));
            event.consume();
        });
        alert.setOnHidden(event -> showing = null);
        showing = alert;
        alert.show();
        return alert;
    }

    /** The stack trace, with the causes. */
    static String details(Throwable e) {
        StringWriter out = new StringWriter();
        e.printStackTrace(new PrintWriter(out));
        return out.toString();
    }
}
