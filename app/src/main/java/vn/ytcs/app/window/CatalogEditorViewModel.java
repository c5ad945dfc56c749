// SPDX-License-Identifier: Apache-2.0
package vn.ytcs.app.window;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.function.Supplier;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import vn.ytcs.app.i18n.Failures;
import vn.ytcs.app.i18n.Messages;
import vn.ytcs.app.root.Ytcs;
import vn.ytcs.core.catalog.Catalog;
import vn.ytcs.core.catalog.CatalogRevision;
import vn.ytcs.core.catalog.CatalogRules;
import vn.ytcs.core.service.ScoringService;
import vn.ytcs.core.site.SiteRole;
import vn.ytcs.core.unit.SocioRegion;
import vn.ytcs.core.unit.UnitTree;

/**
 * The catalog in force, being edited by the province (issue 10): the drafts the form writes into,
 * every problem of the edited catalog as the province types (the rules of {@link CatalogRules},
 * the same a file meets), a preview of the communes scored under the edit beside now, and the
 * save as the next revision. Reads and writes run on the background executor; state is published
 * on the UI executor, so it is tested without a window. Elsewhere than at the province it only shows.
 */
public final class CatalogEditorViewModel {

    /** A problem of the edit: the criterion or indicator it belongs to (to mark and to go to), and its sentence. */
    public record Problem(String subject, String text) {
    }

    private final Supplier<Ytcs> ytcs;
    private final Executor background;
    private final Executor ui;
    private final Messages m;
    private final UnitTree tree;
    private final LocalDate day;
    private final Runnable saved;

    private final ObjectProperty<CatalogDraft> draft = new SimpleObjectProperty<>();
    private final ObjectProperty<CatalogRevision> revision = new SimpleObjectProperty<>();
    private final BooleanProperty editable = new SimpleBooleanProperty();
    private final BooleanProperty busy = new SimpleBooleanProperty();
    private final BooleanProperty dirty = new SimpleBooleanProperty();
    private final ObjectProperty<List<Problem>> problems = new SimpleObjectProperty<>(List.of());
    private final ObjectProperty<List<ScoringService.Compared>> comparison = new SimpleObjectProperty<>();
    private final ObjectProperty<String> error = new SimpleObjectProperty<>();
    private final ObjectProperty<String> message = new SimpleObjectProperty<>();
    private final StringProperty reason = new SimpleStringProperty("");
    private final BooleanProperty canSave = new SimpleBooleanProperty();
    private Catalog built;

    /** @param saved run on the UI executor after a revision is saved (the main window rescores its page) */
    public CatalogEditorViewModel(Supplier<Ytcs> ytcs, Executor background, Executor ui, Messages messages, UnitTree tree,
                                  LocalDate day, Runnable saved) {
        this.ytcs = ytcs;
        this.background = background;
        this.ui = ui;
        this.m = messages;
        this.tree = tree;
        this.day = day;
        this.saved = saved;
        reason.addListener((o, a, b) -> updateCanSave());
        busy.addListener((o, a, b) -> updateCanSave());
    }

    /** Reads the catalog in force for the period of the day shown, its newest revision, and this site's role. */
    public void load() {
        busy.set(true);
        background.execute(() -> {
            try {
                Ytcs y = ytcs.get();
                ScoringService scoring = y.scoring();
                Catalog c = scoring.catalogFor(scoring.period(null, day)).orElseThrow(
                        () -> new IllegalStateException("no catalog in force for " + day));
                CatalogRevision r = y.catalogs().newest(c.id());
                boolean province = y.register().localSite().role() == SiteRole.PROVINCE;
                ui.execute(() -> {
                    busy.set(false);
                    editable.set(province);
                    show(r);
                });
            } catch (RuntimeException e) {
                ui.execute(() -> failed(e));
            }
        });
    }

    private void show(CatalogRevision r) {
        revision.set(r);
        dirty.set(false);
        comparison.set(null);
        draft.set(new CatalogDraft(r.catalog()));
        validate();
    }

    /** The form changed a draft: checks the edited catalog again; a preview made before no longer holds. */
    public void changed() {
        dirty.set(true);
        comparison.set(null);
        message.set(null);
        validate();
    }

    private void validate() {
        CatalogDraft d = draft.get();
        if (d == null) {
            return;
        }
        CatalogDraft.Built b = d.build();
        List<Problem> out = new ArrayList<>();
        for (CatalogDraft.FieldProblem p : b.unreadable()) {
            out.add(new Problem(p.subject(), m.get("catalogEditor.unreadable." + p.problem().name(), p.subject(),
                    field(p.field()), p.text())));
        }
        if (b.catalog() != null) {
            for (CatalogRules.Violation v : CatalogRules.violations(b.catalog())) {
                String detail = v.kind() == vn.ytcs.core.json.DocumentException.Problem.VARIANT_MISSING ? variant(v.detail())
                        : v.detail();
                out.add(new Problem(v.subject(), m.get("catalogEditor.rule." + v.kind().name(), v.subject(), detail,
                        where(v.path()))));
            }
        }
        built = out.isEmpty() ? b.catalog() : null;
        problems.set(List.copyOf(out));
        updateCanSave();
    }

    private void updateCanSave() {
        canSave.set(editable.get() && dirty.get() && built != null && !busy.get() && !reason.get().isBlank());
    }

    /** Scores the communes shown under the edited catalog beside the catalog in force; saves nothing. */
    public void preview() {
        Catalog edited = built;
        if (edited == null || busy.get()) {
            return;
        }
        busy.set(true);
        background.execute(() -> {
            try {
                ScoringService scoring = ytcs.get().scoring();
                List<ScoringService.Compared> c = scoring.compare(tree, tree.communes(), scoring.period(null, day), day, edited);
                ui.execute(() -> {
                    busy.set(false);
                    comparison.set(c);
                });
            } catch (RuntimeException e) {
                ui.execute(() -> failed(e));
            }
        });
    }

    /** Saves the edited catalog as the next revision, with the reason given; the communes are rescored under it. */
    public void save() {
        Catalog edited = built;
        String why = reason.get();
        if (!canSave.get()) {
            return;
        }
        busy.set(true);
        error.set(null);
        background.execute(() -> {
            try {
                CatalogRevision r = ytcs.get().catalogs().saveRevision(edited, why);
                ui.execute(() -> {
                    busy.set(false);
                    reason.set("");
                    show(r);
                    message.set(m.get("catalogEditor.saved", new vn.ytcs.app.i18n.Labels(m).catalog(r.catalog().id(),
                            r.revision())));
                    saved.run();
                });
            } catch (RuntimeException e) {
                ui.execute(() -> failed(e));
            }
        });
    }

    /** Puts back the revision in force, forgetting the edits. */
    public void discard() {
        if (revision.get() != null) {
            show(revision.get());
        }
    }

    private void failed(RuntimeException e) {
        busy.set(false);
        error.set(Failures.describe(e, m));
    }

    /** A variant's name: "vùng 2", or the socio-economic region. */
    String variant(String key) {
        return key.length() == 1 ? m.get("catalogEditor.vung", key) : m.label("region", SocioRegion.valueOf(key));
    }

    private String field(String field) {
        return field.startsWith("variant.") ? m.get("catalogEditor.field.variant", variant(field.substring(8)))
                : m.get("catalogEditor.field." + field);
    }

    /** The field a rule's path points at, in words. */
    private String where(String path) {
        int v = path.indexOf(".variants.");
        if (v >= 0) {
            String key = path.substring(v + ".variants.".length()).split("[.\\[]")[0];
            return m.get("catalogEditor.field.variant", key.length() == 1 || isRegion(key) ? variant(key) : key);
        }
        if (path.contains(".tiers")) {
            return m.get("catalogEditor.field.tiers");
        }
        if (path.contains(".items")) {
            return m.get("catalogEditor.field.items");
        }
        if (path.endsWith(".cap")) {
            return m.get("catalogEditor.field.cap");
        }
        if (path.contains(".rule")) {
            return m.get("catalogEditor.field.rule");
        }
        if (path.endsWith(".criterion")) {
            return m.get("catalogEditor.field.criterion");
        }
        return m.get("catalogEditor.field.maxPoints");
    }

    private static boolean isRegion(String key) {
        return java.util.Arrays.stream(SocioRegion.values()).anyMatch(r -> r.name().equals(key));
    }

    public ReadOnlyObjectProperty<CatalogDraft> draft() {
        return draft;
    }

    public ReadOnlyObjectProperty<CatalogRevision> revision() {
        return revision;
    }

    public ReadOnlyBooleanProperty editable() {
        return editable;
    }

    public ReadOnlyBooleanProperty busy() {
        return busy;
    }

    public ReadOnlyBooleanProperty dirty() {
        return dirty;
    }

    public ReadOnlyObjectProperty<List<Problem>> problems() {
        return problems;
    }

    /** The preview: each commune now and under the edit; null until asked for, and after any change. */
    public ReadOnlyObjectProperty<List<ScoringService.Compared>> comparison() {
        return comparison;
    }

    public ReadOnlyObjectProperty<String> error() {
        return error;
    }

    public ReadOnlyObjectProperty<String> message() {
        return message;
    }

    public StringProperty reason() {
        return reason;
    }

    public ReadOnlyBooleanProperty canSave() {
        return canSave;
    }

    Messages messages() {
        return m;
    }
}
