// SPDX-License-Identifier: Apache-2.0
package vn.ytcs.app.window;

import java.util.List;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.geometry.Insets;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.VBox;
import vn.ytcs.app.i18n.Formats;
import vn.ytcs.app.i18n.Labels;
import vn.ytcs.app.i18n.Messages;
import vn.ytcs.core.commune.CommuneProfile;
import vn.ytcs.core.figures.CommuneYear;
import vn.ytcs.core.hamlet.Hamlet;
import vn.ytcs.core.hamlet.HamletWorker;
import vn.ytcs.core.hamlet.WorkerRole;
import vn.ytcs.core.scoring.CommuneScoring;
import vn.ytcs.core.staff.StaffMember;

/** A commune's station, staff, hamlets and latest figures; read-only. */
final class CommuneView {

    /** One line of the hamlet table. */
    record HamletRow(String name, String households, String worker, String training, String midwife) {
    }

    private final Messages m;
    private final Labels labels;
    private final Formats formats;

    CommuneView(Messages messages) {
        this.m = messages;
        this.labels = new Labels(messages);
        this.formats = new Formats(messages.locale());
    }

    VBox build(CommuneProfile p, CommuneScoring.Result scored) {
        Label title = new Label(labels.unit(p.commune()));
        title.getStyleClass().add(Styles.TITLE);
        String district = p.district().map(labels::unit).orElse("");
        Label subtitle = new Label(p.commune().vung() == null
                ? m.get("window.commune.subtitleNoVung", district, labels.code(p.commune()))
                : m.get("window.commune.subtitle", district, labels.code(p.commune()), p.commune().vung().toString()));
        subtitle.getStyleClass().add(Styles.SUBTITLE);

        VBox box = new VBox(10, title, subtitle);
        box.setPadding(new Insets(16, 20, 20, 20));

        if (scored != null) {
            box.getChildren().add(section(m.get("window.score.title", Integer.toString(scored.period()))));
            box.getChildren().add(new ScorecardView(m).build(scored));
        }

        box.getChildren().add(section(m.get("window.station.title")));
        if (p.station().isEmpty()) {
            box.getChildren().add(facts(m.get("window.station.none")));
        } else {
            Label name = new Label(p.station().get().name());
            name.getStyleClass().add(Styles.CARD);
            box.getChildren().addAll(name, facts(m.get("window.station.facts", p.staff().size(), p.doctors(),
                    p.permanentDoctors())));
            if (p.permanentDoctors() == 0) {
                Label warning = new Label(m.get("window.station.noPermanentDoctor"));
                warning.getStyleClass().add(Styles.WARNING);
                box.getChildren().add(warning);
            }
        }
        box.getChildren().add(figures(p));

        box.getChildren().add(section(m.get("window.staff.title")));
        box.getChildren().add(staffTable(p.staff()));

        long served = p.hamletsWithTrainedWorker();
        box.getChildren().add(section(m.get("window.hamlets.title")));
        box.getChildren().add(facts(m.get("window.hamlets.facts", p.hamlets().size(), served)));
        box.getChildren().add(hamletTable(p));
        return box;
    }

    private Label figures(CommuneProfile p) {
        return p.latestFigures().map(f -> facts(m.get("window.figures.title", Integer.toString(f.year())) + ": "
                + m.get("window.figures.values", formats.integer(f.population()), share(f, f.insured()),
                        share(f, f.healthRecords()), formats.integer(f.childrenUnder5()))))
                .orElseGet(() -> facts(m.get("window.figures.none")));
    }

    private String share(CommuneYear f, Integer part) {
        return formats.share(part, f.population());
    }

    private TableView<StaffMember> staffTable(List<StaffMember> staff) {
        TableView<StaffMember> table = new TableView<>(FXCollections.observableArrayList(staff));
        table.getColumns().add(column(m.get("col.fullName"), StaffMember::fullName, 220));
        table.getColumns().add(column(m.get("col.sex"), s -> labels.sex(s.sex()), 70));
        table.getColumns().add(column(m.get("col.birthYear"), s -> s.birthYear() == null ? "" : s.birthYear().toString(), 90));
        table.getColumns().add(column(m.get("col.profession"), s -> labels.of("profession", s.profession()), 230));
        table.getColumns().add(column(m.get("col.employment"), s -> labels.of("employment", s.employment()), 120));
        table.getColumns().add(column(m.get("col.startDate"), s -> formats.date(s.startDate()), 110));
        fitRows(table, staff.size());
        table.setId("staff-table");
        return table;
    }

    private TableView<HamletRow> hamletTable(CommuneProfile p) {
        List<HamletRow> rows = p.hamlets().stream().map(h -> row(h, p.workersOf(h))).toList();
        TableView<HamletRow> table = new TableView<>(FXCollections.observableArrayList(rows));
        table.getColumns().add(column(m.get("col.hamlet"), HamletRow::name, 200));
        table.getColumns().add(column(m.get("col.households"), HamletRow::households, 90));
        table.getColumns().add(column(m.get("col.healthWorker"), HamletRow::worker, 220));
        table.getColumns().add(column(m.get("col.training"), HamletRow::training, 130));
        table.getColumns().add(column(m.get("col.midwife"), HamletRow::midwife, 200));
        fitRows(table, rows.size());
        table.setId("hamlet-table");
        return table;
    }

    private HamletRow row(Hamlet h, List<HamletWorker> workers) {
        HamletWorker worker = workers.stream().filter(w -> w.role() == WorkerRole.HEALTH_WORKER).findFirst().orElse(null);
        HamletWorker midwife = workers.stream().filter(w -> w.role() == WorkerRole.VILLAGE_MIDWIFE).findFirst().orElse(null);
        return new HamletRow(h.name(), formats.integer(h.households()),
                worker == null ? m.get("window.hamlet.noWorker") : worker.fullName(),
                worker == null ? "" : training(worker),
                midwife == null ? "" : midwife.fullName());
    }

    /** Months of training, flagged when short of what the role requires or when the worker is inactive. */
    private String training(HamletWorker w) {
        String months = Integer.toString(w.trainingMonths());
        if (!w.active()) {
            return m.get("window.hamlet.inactive", months);
        }
        return w.trainingMonths() < w.role().requiredTrainingMonths()
                ? m.get("window.hamlet.undertrained", months, Integer.toString(w.role().requiredTrainingMonths()))
                : months;
    }

    private static <T> TableColumn<T, String> column(String title, Function<T, String> value, double width) {
        TableColumn<T, String> column = new TableColumn<>(title);
        column.setCellValueFactory(c -> new ReadOnlyStringWrapper(value.apply(c.getValue())));
        column.setPrefWidth(width);
        return column;
    }

    /** Tables show all their rows: the page scrolls, not each table. */
    private static void fitRows(TableView<?> table, int rows) {
        table.setFixedCellSize(30);
        table.setPrefHeight(36 + Math.max(rows, 1) * 30 + 4);
        table.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
    }

    private static Label section(String text) {
        Label label = new Label(text);
        label.getStyleClass().add(Styles.SECTION);
        return label;
    }

    private static Label facts(String text) {
        Label label = new Label(text);
        label.getStyleClass().add(Styles.FACTS);
        label.setWrapText(true);
        return label;
    }
}
