// SPDX-License-Identifier: Apache-2.0
package vn.ytcs.app.window;

import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import javafx.stage.Window;
import vn.ytcs.app.i18n.Failures;
import vn.ytcs.app.i18n.Labels;
import vn.ytcs.app.i18n.Messages;
import vn.ytcs.app.i18n.SyncTexts;
import vn.ytcs.core.text.VietText;
import vn.ytcs.sync.merge.ConflictResolver;
import vn.ytcs.core.site.Site;
import vn.ytcs.sync.SyncService;

/**
 * Importing a package: what was verified, who sent it (with the fingerprint to confirm on the
 * phone for a new site), the preview per commune and its conflicts, and only then the import.
 */
final class ImportDialog {

    /** One line of the preview table. */
    record Row(String commune, String created, String changed, String deleted, String conflicts) {
    }

    private final SyncViewModel vm;
    private final Messages m;
    private final VBox body = new VBox(12);
    private final Stage stage;

    ImportDialog(Window owner, SyncViewModel vm, Messages messages, String stylesheet) {
        this.vm = vm;
        this.m = messages;
        this.stage = SyncDialogs.modal(owner, m.get("sync.import.title"), body, 800, 640, stylesheet);
        // Closing the dialog stops what it was doing and removes the staged copy.
        stage.setOnHidden(e -> vm.close());
        vm.step().addListener((o, a, b) -> render());
        render();
    }

    Stage stage() {
        return stage;
    }

    private void render() {
        body.getChildren().clear();
        Label title = new Label(m.get("sync.import.title"));
        title.getStyleClass().add(Styles.TITLE);
        body.getChildren().add(title);
        if (vm.file() != null) {
            Label file = new Label(vm.file().toString());
            file.getStyleClass().add(Styles.SUBTITLE);
            body.getChildren().add(file);
        }
        switch (vm.step().get()) {
            case IDLE, WORKING -> body.getChildren().addAll(SyncDialogs.progress(vm.progress(),
                    m.get(vm.work().get() == SyncViewModel.Work.APPLYING ? "sync.import.applying" : "sync.import.checking")),
                    SyncDialogs.stop(vm::cancel, m));
            case CANCELLED -> failure(m.get("sync.import.cancelled"));
            case UNTRUSTED -> untrusted();
            case PREVIEW -> preview(vm.summary().get(), true);
            case DONE -> preview(vm.summary().get(), false);
            case REFUSED -> failure(SyncTexts.refused(vm.refused().get(), m));
            case FAILED -> failure(Failures.describe(vm.failure().get(), m));
        }
    }

    private void untrusted() {
        SyncService.Sender sender = vm.untrusted().get();
        Label text = new Label(m.get(vm.isReceipt() ? "sync.import.untrustedReceipt" : "sync.import.untrusted",
                SyncTexts.siteName(sender.name()), m.label("siteRole", sender.role())));
        text.setWrapText(true);
        Label fingerprint = new Label(sender.fingerprint());
        fingerprint.getStyleClass().add(Styles.FINGERPRINT);
        fingerprint.setId("fingerprint");
        Site self = vm.self().get();
        Label ours = new Label(m.get("sync.import.thisSite", SyncTexts.siteName(self.name()),
                self.fingerprint() == null ? "–" : self.fingerprint()));
        ours.setWrapText(true);
        ours.setId("own-fingerprint");
        Label how = new Label(m.get("sync.import.confirmByPhone"));
        how.setWrapText(true);
        Button trust = new Button(m.get("sync.import.trust"));
        trust.setId("trust");
        trust.setDefaultButton(true);
        trust.setOnAction(e -> vm.trustAndPreview());
        body.getChildren().addAll(text, fingerprint, ours, how, buttons(trust));
    }

    private void preview(SyncViewModel.ImportSummary r, boolean confirm) {
        if (r.senderName() != null) {
            Label verified = new Label("✔ " + m.get("sync.import.verified", SyncTexts.siteName(r.senderName()), r.fingerprint(),
                    Integer.toString(r.sequence())));
            verified.getStyleClass().add(Styles.FACTS);
            verified.setWrapText(true);
            body.getChildren().add(verified);
        }
        String key = switch (r.outcome()) {
            case PREVIEW -> "sync.import.preview";
            case APPLIED -> "sync.import.applied";
            case ALREADY_IMPORTED -> "sync.import.already";
            case RECEIPT -> "sync.import.receiptDone";
        };
        Label summary = new Label(m.get(key, r.created(), r.changed(), r.deleted(), r.conflicts().size()));
        summary.setWrapText(true);
        summary.setId("import-summary");
        summary.getStyleClass().add(r.conflicts().isEmpty() ? Styles.CARD : Styles.WARNING);
        body.getChildren().add(summary);
        Labels labels = new Labels(m);
        // A reorganisation arriving at a site on the old structure: said first, each new unit previewed before it applies.
        if (!r.reorganisation().isEmpty()) {
            Label head = new Label(m.get("cli.import.reorg", r.reorganisation().size(),
                    r.reorganisation().stream().mapToInt(u -> u.merged().size()).sum()));
            head.setWrapText(true);
            head.setMinHeight(Region.USE_PREF_SIZE);
            head.getStyleClass().add(Styles.WARNING);
            head.setId("reorg-arriving");
            TableView<vn.ytcs.core.service.Reorganisation.NewUnit> units = ReorganiseDialog.table(r.reorganisation(), m);
            units.setId("reorg-arriving-table");
            units.setPrefHeight(260);
            body.getChildren().addAll(head, units);
        }
        if (!r.communes().isEmpty()) {
            var rows = FXCollections.<Row>observableArrayList();
            r.communes().forEach(c -> rows.add(new Row(
                    c.id() == null ? m.get("cli.import.other") : c.name() == null ? c.id().toString()
                            : labels.unit(c.unitType(), VietText.printable(c.name())),
                    Integer.toString(c.created()), Integer.toString(c.changed()), Integer.toString(c.deleted()),
                    Integer.toString(c.conflicts()))));
            TableView<Row> table = new TableView<>(rows);
            table.getColumns().add(column(m.get("col.commune"), Row::commune, 300));
            table.getColumns().add(column(m.get("col.created"), Row::created, 90));
            table.getColumns().add(column(m.get("col.changed"), Row::changed, 100));
            table.getColumns().add(column(m.get("col.deleted"), Row::deleted, 80));
            table.getColumns().add(column(m.get("col.conflicts"), Row::conflicts, 100));
            table.setPrefHeight(280);
            table.setId("preview-table");
            VBox.setVgrow(table, Priority.ALWAYS);
            body.getChildren().add(table);
        }
        if (!r.conflicts().isEmpty()) {
            Label head = new Label(m.get("sync.import.conflicts"));
            head.getStyleClass().add(Styles.SUBHEADING);
            body.getChildren().add(head);
            r.conflicts().stream().limit(10).forEach(c -> body.getChildren().add(new Label("• " + m.get("sync.import.conflict",
                    c.name() == null ? c.kind() : VietText.printable(c.name(), 200), c.field(),
                    VietText.printable(String.valueOf(c.mine()), 200), VietText.printable(String.valueOf(c.theirs()), 200),
                    m.label("keeping", c.keepingMine() ? ConflictResolver.Keep.MINE : ConflictResolver.Keep.THEIRS)))));
        }
        // The province revised the standard: said first, with what changed; the communes are scored under it from now on.
        for (vn.ytcs.core.service.CatalogService.Revised rev : r.revised()) {
            String reason = rev.revision().reason() == null ? "" : " " + m.get("sync.import.reason", rev.revision().reason());
            Label head = new Label(labels.revised(rev.revision(), new vn.ytcs.app.i18n.Formats(m.locale())::date) + reason + " "
                    + m.get("sync.import.rescored"));
            head.setWrapText(true);
            head.getStyleClass().add(Styles.WARNING);
            head.setId("catalog-revised");
            VBox changes = new VBox(2);
            rev.diff().lines().stream().limit(12).forEach(l -> {
                Label line = new Label("• " + labels.catalogChange(l));
                line.setWrapText(true);
                changes.getChildren().add(line);
            });
            if (rev.diff().lines().size() > 12) {
                changes.getChildren().add(new Label(m.get("sync.import.moreChanges", rev.diff().lines().size() - 12)));
            }
            body.getChildren().addAll(head, changes);
        }
        if (r.receipt() != null && r.outcome() == SyncViewModel.Outcome.APPLIED) {
            Label receipt = new Label(m.get("cli.import.receipt", r.receipt().toString()));
            receipt.setWrapText(true);
            body.getChildren().add(receipt);
        }
        if (confirm) {
            Button apply = new Button(m.get("sync.import.apply"));
            apply.setId("apply");
            apply.setDefaultButton(true);
            apply.setOnAction(e -> vm.apply());
            body.getChildren().add(buttons(apply));
        } else {
            body.getChildren().add(buttons());
        }
    }

    private void failure(String text) {
        Label label = new Label(text);
        label.setWrapText(true);
        label.getStyleClass().add(Styles.WARNING);
        label.setId("import-error");
        body.getChildren().addAll(label, buttons());
    }

    private HBox buttons(Button... primary) {
        return SyncDialogs.buttons(stage, m, primary);
    }

    private static TableColumn<Row, String> column(String title, java.util.function.Function<Row, String> value, double width) {
        TableColumn<Row, String> column = new TableColumn<>(title);
        column.setCellValueFactory(c -> new ReadOnlyStringWrapper(value.apply(c.getValue())));
        column.setPrefWidth(width);
        return column;
    }
}
