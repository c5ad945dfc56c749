// SPDX-License-Identifier: Apache-2.0
package vn.ytcs.app.window;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableMap;
import vn.ytcs.app.i18n.Failures;
import vn.ytcs.app.i18n.FieldLabels;
import vn.ytcs.app.i18n.FieldProblems;
import vn.ytcs.app.i18n.Formats;
import vn.ytcs.app.i18n.Messages;
import vn.ytcs.core.record.FieldProblem;
import vn.ytcs.core.service.RegisterService;
import vn.ytcs.core.store.StoreException;

/**
 * One register record being edited: the typed values of its fields, whether they differ from
 * what is saved, the rule each breaks in plain words (from the record kind's one declaration,
 * through {@link RegisterService#check}), and its save on the background executor. Tested
 * without JavaFX running: both executors may run work at once.
 *
 * <p>Texts, whole numbers and dates are held as the user types them (a date as dd/mm/yyyy), a
 * choice as its constant; what cannot be read is named beside its field and nothing is saved.
 *
 * @param <T> the record type
 */
public final class EditorViewModel<T> {

    /** How a field is typed. */
    public enum Type {
        TEXT, WHOLE, DATE, CHOICE
    }

    /**
     * One field of the form.
     *
     * @param name     the column name, as {@link FieldProblem#field()} names it
     * @param label    the bundle key of its label
     * @param type     how it is typed
     * @param choices  the values of a choice
     * @param previous last year's value shown beside it, or null
     * @param required a whole number the record cannot hold empty (its type is {@code int})
     */
    public record Field(String name, String label, Type type, List<?> choices, String previous, boolean required) {

        public static Field text(String name, String label) {
            return new Field(name, label, Type.TEXT, List.of(), null, false);
        }

        public static Field whole(String name, String label) {
            return new Field(name, label, Type.WHOLE, List.of(), null, false);
        }

        public static Field date(String name, String label) {
            return new Field(name, label, Type.DATE, List.of(), null, false);
        }

        public static Field choice(String name, String label, List<?> choices) {
            return new Field(name, label, Type.CHOICE, List.copyOf(choices), null, false);
        }

        public Field withPrevious(String value) {
            return new Field(name, label, type, choices, value, required);
        }

        public Field needed() {
            return new Field(name, label, type, choices, previous, true);
        }
    }

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("d/M/uuuu").withResolverStyle(ResolverStyle.STRICT);
    /** A whole number as typed: plain digits, or groups of three after a dot, comma or space ("12.345"). */
    private static final Pattern WHOLE = Pattern.compile("-?(\\d+|\\d{1,3}([., ]\\d{3})+)");

    private final String title;
    private final UUID recordId;
    private final List<Field> fields;
    private final Map<String, ObjectProperty<Object>> values = new LinkedHashMap<>();
    private final Map<String, Object> saved = new LinkedHashMap<>();
    private final Function<Map<String, Object>, T> build;
    private final Function<T, T> save;
    private final Supplier<RegisterService> register;
    private final Executor background;
    private final Executor ui;
    private final Messages m;
    private final Consumer<T> onSaved;

    private final ObservableMap<String, String> problems = FXCollections.observableHashMap();
    private final StringProperty failure = new SimpleStringProperty("");
    private final BooleanProperty dirty = new SimpleBooleanProperty();
    private final BooleanProperty busy = new SimpleBooleanProperty();
    private final BooleanProperty done = new SimpleBooleanProperty();
    private long ticket;
    /** Fields the user changed; the others show their problems only once a save was asked for. */
    private final java.util.Set<String> touched = new java.util.HashSet<>();
    private boolean attempted;

    /**
     * @param title    what the form edits, in the user's language
     * @param recordId the record's id (its history)
     * @param fields   the fields the user types, in tab order
     * @param initial  each field's starting value, typed as {@link Type} holds it (see {@link #typed})
     * @param build    the record from the fields' read values (column name → String, Integer, LocalDate or constant)
     * @param save     writes the record through the register (runs on the background executor); returns what was saved
     * @param onSaved  called on the UI executor after a save
     */
    EditorViewModel(String title, UUID recordId, List<Field> fields, Map<String, Object> initial,
                    Function<Map<String, Object>, T> build, Function<T, T> save, Supplier<RegisterService> register,
                    Executor background, Executor ui, Messages messages, Consumer<T> onSaved) {
        this.title = title;
        this.recordId = recordId;
        this.fields = List.copyOf(fields);
        this.build = build;
        this.save = save;
        this.register = register;
        this.background = background;
        this.ui = ui;
        this.m = messages;
        this.onSaved = onSaved;
        for (Field f : fields) {
            Object v = typed(f, initial.get(f.name()));
            saved.put(f.name(), v);
            ObjectProperty<Object> p = new SimpleObjectProperty<>(v);
            p.addListener((o, a, b) -> {
                touched.add(f.name());
                changed();
            });
            values.put(f.name(), p);
        }
    }

    /** A stored value as the form holds it: text for texts, whole numbers and dates; the constant for a choice. */
    static Object typed(Field f, Object value) {
        if (f.type() == Type.CHOICE) {
            return value;
        }
        if (value == null) {
            return "";
        }
        return value instanceof LocalDate d ? new Formats(Messages.VIETNAMESE).date(d) : value.toString();
    }

    public String title() {
        return title;
    }

    public UUID recordId() {
        return recordId;
    }

    public List<Field> fields() {
        return fields;
    }

    /** The value of the field as typed; the view binds its control to it. */
    public ObjectProperty<Object> value(String field) {
        return Objects.requireNonNull(values.get(field), field);
    }

    /** Sets the field as the user would type it. */
    public void set(String field, Object value) {
        value(field).set(value);
    }

    /** The rule each field breaks, in plain words, by column name; empty when the record may be saved. */
    public ObservableMap<String, String> problems() {
        return problems;
    }

    /** What went wrong that no field shows (a refusal, a problem of a field not on the form); empty when nothing. */
    public ReadOnlyStringProperty failure() {
        return failure;
    }

    /** Whether a field differs from what is saved. */
    public ReadOnlyBooleanProperty dirty() {
        return dirty;
    }

    /** A save is running. */
    public ReadOnlyBooleanProperty busy() {
        return busy;
    }

    /** The record was saved: the form can close. */
    public ReadOnlyBooleanProperty done() {
        return done;
    }

    private void changed() {
        dirty.set(fields.stream().anyMatch(f -> !same(saved.get(f.name()), values.get(f.name()).get())));
        validate();
    }

    private static boolean same(Object a, Object b) {
        if (a instanceof String x && b instanceof String y) {
            return x.strip().equals(y.strip());
        }
        return Objects.equals(a, b);
    }

    /** Checks the values against the record kind's rules, on the background executor; the problems follow. */
    public void validate() {
        long t = ++ticket;
        Map<String, String> unreadable = new LinkedHashMap<>();
        Map<String, Object> read = read(unreadable);
        T record = build.apply(read);
        background.execute(() -> {
            List<FieldProblem> found;
            try {
                found = register.get().check(record);
            } catch (RuntimeException e) {
                ui.execute(() -> failure.set(Failures.describe(e, m)));
                return;
            }
            ui.execute(() -> {
                if (t == ticket) {
                    show(unreadable, found);
                }
            });
        });
    }

    /**
     * Saves the record when it breaks no rule: on the background executor, busy meanwhile; the
     * problems are shown otherwise and nothing is written.
     */
    public void save() {
        if (busy.get()) {
            return;
        }
        long t = ++ticket;
        attempted = true;
        Map<String, String> unreadable = new LinkedHashMap<>();
        Map<String, Object> read = read(unreadable);
        T record = build.apply(read);
        busy.set(true);
        failure.set("");
        background.execute(() -> {
            try {
                List<FieldProblem> found = register.get().check(record);
                if (!unreadable.isEmpty() || !found.isEmpty()) {
                    ui.execute(() -> {
                        busy.set(false);
                        if (t == ticket) {
                            show(unreadable, found);
                        }
                    });
                    return;
                }
                T written = save.apply(record);
                ui.execute(() -> {
                    busy.set(false);
                    problems.clear();
                    fields.forEach(f -> saved.put(f.name(), values.get(f.name()).get()));
                    dirty.set(false);
                    done.set(true);
                    onSaved.accept(written);
                });
            } catch (StoreException e) {
                ui.execute(() -> {
                    busy.set(false);
                    if (e.problems().isEmpty()) {
                        failure.set(Failures.describe(e, m));
                    } else {
                        show(unreadable, e.problems());
                    }
                });
            } catch (RuntimeException e) {
                ui.execute(() -> {
                    busy.set(false);
                    failure.set(Failures.describe(e, m));
                });
            }
        });
    }

    private void show(Map<String, String> unreadable, List<FieldProblem> found) {
        Map<String, String> byField = new LinkedHashMap<>(unreadable);
        if (!attempted) {
            byField.keySet().retainAll(touched);
        }
        List<String> elsewhere = new ArrayList<>();
        for (FieldProblem p : found) {
            if (byField.containsKey(p.field()) || !attempted && values.containsKey(p.field()) && !touched.contains(p.field())) {
                continue;
            }
            if (values.containsKey(p.field())) {
                byField.put(p.field(), text(p));
            } else {
                elsewhere.add(FieldLabels.label(p.field(), m) + ": " + text(p));
            }
        }
        problems.keySet().retainAll(byField.keySet());
        problems.putAll(byField);
        failure.set(String.join("; ", elsewhere));
    }

    /** The sentence of the problem, another field named by its label ("lớn hơn Dân số (1.200)"). */
    private String text(FieldProblem p) {
        List<Object> args = p.args().stream()
                .map(a -> a instanceof String s && FieldLabels.key(s) != null ? FieldLabels.label(s, m) : a)
                .map(a -> a instanceof LocalDate d ? new Formats(m.locale()).date(d) : a).toList();
        return FieldProblems.text(new FieldProblem(p.kind(), p.record(), p.field(), p.problem(), args), m);
    }

    /** Each field's value read from what was typed; what cannot be read is null, its message in {@code unreadable}. */
    private Map<String, Object> read(Map<String, String> unreadable) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (Field f : fields) {
            Object v = values.get(f.name()).get();
            String text = v instanceof String s ? s.strip() : null;
            switch (f.type()) {
                case CHOICE -> out.put(f.name(), v);
                case TEXT -> out.put(f.name(), text == null || text.isEmpty() ? null : text);
                case WHOLE -> {
                    if (text == null || text.isEmpty()) {
                        out.put(f.name(), null);
                        if (f.required()) {
                            unreadable.put(f.name(), m.get("field.problem.REQUIRED"));
                        }
                    } else if (WHOLE.matcher(text).matches() && text.replaceAll("[., ]", "").length() <= 9) {
                        out.put(f.name(), Integer.valueOf(text.replaceAll("[., ]", "")));
                    } else {
                        out.put(f.name(), null);
                        unreadable.put(f.name(), m.get("editor.problem.notWhole", text));
                    }
                }
                case DATE -> {
                    if (text == null || text.isEmpty()) {
                        out.put(f.name(), null);
                    } else {
                        try {
                            out.put(f.name(), LocalDate.parse(text, DATE));
                        } catch (DateTimeParseException e) {
                            out.put(f.name(), null);
                            unreadable.put(f.name(), m.get("editor.problem.notDate", text));
                        }
                    }
                }
            }
        }
        return out;
    }
}
