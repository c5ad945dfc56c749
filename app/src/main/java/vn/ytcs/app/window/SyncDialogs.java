// SPDX-License-Identifier: Apache-2.0
package vn.ytcs.app.window;

import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Modality;
import javafx.stage.Stage;
import javafx.stage.Window;
import vn.ytcs.app.i18n.Messages;

/** What the import and export dialogs share: a modal window of fixed size, a button row, a progress line. */
final class SyncDialogs {

    private SyncDialogs() {
    }

    /** A modal window of fixed size, so that it does not jump as its steps change. */
    static Stage modal(Window owner, String title, VBox body, double width, double height, String stylesheet) {
        Stage stage = new Stage();
        stage.initOwner(owner);
        stage.initModality(Modality.WINDOW_MODAL);
        stage.setTitle(title);
        body.setPadding(new Insets(20));
        Scene scene = new Scene(body, width, height);
        scene.getStylesheets().add(stylesheet);
        stage.setScene(scene);
        return stage;
    }

    /** The primary buttons, then Cancel (or Close when there is nothing left to do), on the right. */
    static HBox buttons(Stage stage, Messages m, Button... primary) {
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        Button close = new Button(m.get(primary.length > 0 ? "sync.cancel" : "sync.close"));
        close.setId("close");
        close.setCancelButton(true);
        // With nothing left to do, Enter closes too.
        close.setDefaultButton(primary.length == 0);
        close.setOnAction(e -> stage.close());
        HBox box = new HBox(10, spacer);
        box.getChildren().addAll(primary);
        box.getChildren().add(close);
        box.setAlignment(Pos.CENTER_RIGHT);
        // Focus on the button Enter presses: another focused button would take the Enter for itself.
        Button main = primary.length > 0 ? primary[0] : close;
        javafx.application.Platform.runLater(main::requestFocus);
        return box;
    }

    /** What the work is doing, and how far it got (a turning wheel while that is not known). */
    static Node progress(ReadOnlyDoubleProperty fraction, String text) {
        ProgressIndicator indicator = new ProgressIndicator();
        indicator.setMaxSize(48, 48);
        indicator.progressProperty().bind(fraction);
        indicator.setId("progress");
        HBox box = new HBox(12, indicator, new Label(text));
        box.setAlignment(Pos.CENTER_LEFT);
        return box;
    }

    /** The button row while work runs: Cancel asks it to stop (nothing it began is kept), the dialog stays. */
    static HBox stop(Runnable cancel, Messages m) {
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        Button stop = new Button(m.get("sync.cancel"));
        stop.setId("stop");
        stop.setCancelButton(true);
        stop.setOnAction(e -> {
            stop.setDisable(true);
            cancel.run();
        });
        HBox box = new HBox(10, spacer, stop);
        box.setAlignment(Pos.CENTER_RIGHT);
        return box;
    }
}
