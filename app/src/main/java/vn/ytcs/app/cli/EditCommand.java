// SPDX-License-Identifier: Apache-2.0
package vn.ytcs.app.cli;

import static java.util.Map.entry;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import vn.ytcs.app.i18n.FieldProblems;
import vn.ytcs.app.i18n.Labels;
import vn.ytcs.app.i18n.Messages;
import vn.ytcs.app.root.Ytcs;
import vn.ytcs.core.record.FieldProblem;
import vn.ytcs.core.service.CommuneRegister;
import vn.ytcs.core.station.Station;
import vn.ytcs.core.store.StoreException;
import vn.ytcs.core.text.VietText;
import vn.ytcs.core.unit.Unit;
import vn.ytcs.core.unit.UnitLevel;

/**
 * A command that changes the register, through the register service only: it prints the
 * record's id (or, with {@code --json}, what it did), and a save the record's rules refuse is one
 * line naming each option and what is wrong with its value.
 */
abstract class EditCommand implements Callable<Integer> {

    /** The option that sets each field (by its column name), for naming it in a refusal. */
    private static final Map<String, String> OPTIONS = Map.ofEntries(
            entry("full_name", "--name"), entry("name", "--name"), entry("sex", "--sex"),
            entry("birth_year", "--birth-year"), entry("profession", "--profession"), entry("employment", "--employment"),
            entry("start_date", "--from"), entry("end_date", "--on"), entry("abolished_on", "--on"),
            entry("hamlet_kind", "--kind"), entry("households", "--households"), entry("worker_role", "--role"),
            entry("training_months", "--training-months"), entry("figure_year", "--year"),
            entry("population", "--population"), entry("insured", "--insured"), entry("health_records", "--managed-records"),
            entry("children_under5", "--children-under5"), entry("births", "--births"), entry("address", "--address"),
            entry("phone", "--phone"), entry("vung", "--vung"), entry("socio_region", "--region"),
            entry("answer_value", "--value"), entry("note", "--note"), entry("evidence", "--evidence"),
            entry("indicator_code", "--indicator"), entry("state", "--to"), entry("decision_number", "--decision-number"),
            entry("decision_date", "--decision-date"));

    /** The argument of a problem that names another field (FieldProblem.Problem's documentation). */
    private static final Map<FieldProblem.Problem, Integer> OTHER_FIELD = Map.of(
            FieldProblem.Problem.MORE_THAN, 1, FieldProblem.Problem.EARLIER_THAN, 1, FieldProblem.Problem.NOT_AFTER, 1,
            FieldProblem.Problem.SAME_AS, 0, FieldProblem.Problem.REQUIRED_WHEN, 0, FieldProblem.Problem.DOES_NOT_MATCH, 1);

    /** What a command did, as {@code --json} prints it. */
    record Done(String action, String kind, UUID id, Object record) {
    }

    @Spec
    CommandSpec spec;

    @Option(names = "--json", descriptionKey = "cli.option.json")
    boolean json;

    YtcsCommand root() {
        return (YtcsCommand) spec.root().userObject();
    }

    Messages messages() {
        return root().messages;
    }

    @Override
    public final Integer call() {
        try (Ytcs ytcs = root().open()) {
            return edit(ytcs);
        } catch (StoreException e) {
            if (e.problems().isEmpty()) {
                throw e;
            }
            throw new CliFailure(refusal(e.problems(), messages()));
        }
    }

    /** Makes the change; returns the exit code. */
    abstract int edit(Ytcs ytcs);

    /** The commune with the code on the day shown (--as-of), refused when there is none or it is not a commune. */
    Unit commune(Ytcs ytcs, String code) {
        LocalDate day = root().asOf(ytcs);
        Unit unit = ytcs.register().unit(code, day).orElseThrow(() ->
                new CliFailure(messages().get("cli.error.unknownUnit", code, root().format(day))));
        if (unit.level() != UnitLevel.COMMUNE) {
            throw new CliFailure(messages().get("cli.error.notCommune", new Labels(messages()).unit(unit), code));
        }
        return unit;
    }

    /** The commune's main station, refused when the register has none. */
    Station station(Ytcs ytcs, Unit commune) {
        CommuneRegister register = ytcs.register().communeRegister(commune);
        return register.station().orElseThrow(() ->
                new CliFailure(messages().get("cli.error.noStation", new Labels(messages()).unit(commune), commune.code())));
    }

    /** A record id as typed, refused when it is not one. */
    UUID id(String text) {
        try {
            return UUID.fromString(text.strip());
        } catch (IllegalArgumentException e) {
            throw new CliFailure(messages().get("cli.error.badId", VietText.printable(text, 80)));
        }
    }

    /** Refuses a change that names no field to change. */
    void needAny(String options, Object... values) {
        for (Object v : values) {
            if (v != null) {
                return;
            }
        }
        throw new CliFailure(messages().get("cli.error.nothingToChange", options));
    }

    /** A value given, else the record's. */
    static <T> T or(T given, T current) {
        return given != null ? given : current;
    }

    int added(String kind, UUID id, String what, Object record) {
        return done("added", "cli.edit.added", kind, id, what, record);
    }

    int saved(String kind, UUID id, String what, Object record) {
        return done("changed", "cli.edit.saved", kind, id, what, record);
    }

    int unchanged(String kind, UUID id, String what, Object record) {
        return done("unchanged", "cli.edit.unchanged", kind, id, what, record);
    }

    /** Saves the changed record through the service, or says that nothing changed. */
    <T> int change(Ytcs ytcs, String kind, UUID id, String what, T before, T after) {
        if (before.equals(after)) {
            return unchanged(kind, id, what, after);
        }
        ytcs.register().save(after);
        return saved(kind, id, what, after);
    }

    int done(String action, String key, String kind, UUID id, String what, Object record) {
        if (json) {
            Json.print(spec.commandLine().getOut(), new Done(action, kind, id, record));
        } else {
            Messages m = messages();
            spec.commandLine().getOut().println(m.get(key, m.get("record.kind." + kind),
                    VietText.printable(what == null ? "" : what, 200), id.toString()));
        }
        return Cli.OK;
    }

    /** Each problem of a refused save by the option that sets its field, in one line. */
    static String refusal(List<FieldProblem> problems, Messages m) {
        List<String> parts = new ArrayList<>();
        for (FieldProblem p : problems) {
            String option = OPTIONS.get(p.field());
            if (option == null) {
                parts.add(FieldProblems.describe(p, m));
                continue;
            }
            // Another field a problem names ("earlier than start_date") is named by its option too.
            int other = OTHER_FIELD.getOrDefault(p.problem(), -1);
            List<Object> args = new ArrayList<>(p.args());
            if (other >= 0 && other < args.size() && args.get(other) instanceof String s && OPTIONS.containsKey(s)) {
                args.set(other, OPTIONS.get(s));
            }
            FieldProblem named = new FieldProblem(p.kind(), p.record(), p.field(), p.problem(), args);
            parts.add(m.get("cli.error.field", option, FieldProblems.text(named, m)));
        }
        return m.get("cli.error.fields", String.join("; ", parts));
    }
}
