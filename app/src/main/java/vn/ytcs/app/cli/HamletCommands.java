// SPDX-License-Identifier: Apache-2.0
package vn.ytcs.app.cli;

import java.io.PrintWriter;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import vn.ytcs.app.i18n.Labels;
import vn.ytcs.app.i18n.Messages;
import vn.ytcs.app.root.Ytcs;
import vn.ytcs.core.hamlet.Hamlet;
import vn.ytcs.core.hamlet.HamletKind;
import vn.ytcs.core.hamlet.HamletWorker;
import vn.ytcs.core.hamlet.WorkerRole;
import vn.ytcs.core.service.CommuneRegister;
import vn.ytcs.core.staff.Sex;
import vn.ytcs.core.unit.Unit;
import vn.ytcs.core.unit.UnitType;

/**
 * {@code ytcs hamlet} (the hamlets of a commune with their workers and ids), {@code hamlet
 * add|set|abolish} and {@code worker add|set|leave}.
 */
final class HamletCommands {

    private static final String HAMLET = "hamlet";
    private static final String WORKER = "hamlet_worker";

    private HamletCommands() {
    }

    /** A hamlet as {@code hamlet --json} prints it, with its workers. */
    record HamletRow(UUID id, String name, String kind, Integer households, LocalDate abolishedOn, List<WorkerRow> workers) {
    }

    record WorkerRow(UUID id, String fullName, String sex, String role, int trainingMonths, boolean active,
                     LocalDate endDate) {
    }

    /** {@code hamlet --unit CODE}: every hamlet of the commune, abolished ones too, and every worker. */
    @Command(name = "hamlet", subcommands = {Add.class, SetHamlet.class, Abolish.class})
    static final class Hamlets extends EditCommand {
        // Not required by picocli, which would then ask for it before "hamlet add" too.
        @Option(names = "--unit", paramLabel = "CODE", descriptionKey = "cli.option.commune")
        String unit;

        @Override
        int edit(Ytcs ytcs) {
            if (unit == null) {
                throw new picocli.CommandLine.ParameterException(spec.commandLine(),
                        messages().get("cli.error.missingValue", "--unit"));
            }
            Unit commune = commune(ytcs, unit);
            CommuneRegister register = ytcs.register().communeRegister(commune);
            PrintWriter out = spec.commandLine().getOut();
            if (json) {
                List<HamletRow> rows = new ArrayList<>();
                for (Hamlet h : register.hamlets()) {
                    rows.add(new HamletRow(h.id(), h.name(), h.kind().name(), h.households(), h.abolishedOn(),
                            register.workersOf(h).stream().map(w -> new WorkerRow(w.id(), w.fullName(),
                                    w.sex() == null ? null : w.sex().name(), w.role().name(), w.trainingMonths(), w.active(),
                                    w.endDate())).toList()));
                }
                Json.print(out, rows);
                return Cli.OK;
            }
            Messages m = messages();
            Labels labels = new Labels(m);
            TextTable table = new TextTable(m.get("col.id"), m.get("col.hamlet"), m.get("col.kind"), m.get("col.count"),
                    m.get("col.until"));
            for (Hamlet h : register.hamlets()) {
                table.add(h.id(), h.name(), labels.of("hamletKind", h.kind()),
                        h.households() == null ? "" : h.households(), root().format(h.abolishedOn()));
                for (HamletWorker w : register.workersOf(h)) {
                    table.add(w.id(), "– " + w.fullName(), labels.of("workerRole", w.role()),
                            m.get("cli.hamlet.months", w.trainingMonths()), root().format(w.endDate()));
                }
            }
            out.println(m.get("cli.hamlet.header", labels.unit(commune)));
            table.print(out);
            return Cli.OK;
        }
    }

    /** {@code hamlet add}: a new hamlet of the commune. */
    @Command(name = "add")
    static final class Add extends EditCommand {
        @Option(names = "--unit", required = true, paramLabel = "CODE", descriptionKey = "cli.option.commune")
        String unit;
        @Option(names = "--name", required = true, paramLabel = "NAME", descriptionKey = "cli.option.hamletName")
        String name;
        @Option(names = "--kind", paramLabel = "WORD", descriptionKey = "cli.option.hamletKind")
        HamletKind kind;
        @Option(names = "--households", paramLabel = "N", descriptionKey = "cli.option.households")
        Integer households;

        @Override
        int edit(Ytcs ytcs) {
            Unit commune = commune(ytcs, unit);
            // Wards and townships are divided into areas (khu vực), communes into hamlets (ấp).
            HamletKind k = kind != null ? kind
                    : commune.type() == UnitType.PHUONG || commune.type() == UnitType.THI_TRAN ? HamletKind.KHU_VUC
                    : HamletKind.AP;
            Hamlet h = new Hamlet(UUID.randomUUID(), commune.id(), name.strip(), k, households, null);
            ytcs.register().save(h);
            return added(HAMLET, h.id(), h.name(), h);
        }
    }

    /** {@code hamlet set ID}: changes the fields given, keeps the others. */
    @Command(name = "set")
    static final class SetHamlet extends EditCommand {
        @Parameters(index = "0", paramLabel = "ID", descriptionKey = "cli.param.hamletId")
        String id;
        @Option(names = "--name", paramLabel = "NAME", descriptionKey = "cli.option.hamletName")
        String name;
        @Option(names = "--kind", paramLabel = "WORD", descriptionKey = "cli.option.hamletKind")
        HamletKind kind;
        @Option(names = "--households", paramLabel = "N", descriptionKey = "cli.option.households")
        Integer households;

        @Override
        int edit(Ytcs ytcs) {
            UUID key = id(id);
            needAny("--name, --kind, --households", name, kind, households);
            Hamlet h = ytcs.register().record(Hamlet.class, key);
            Hamlet changed = new Hamlet(h.id(), h.communeId(), name == null ? h.name() : name.strip(), or(kind, h.kind()),
                    or(households, h.households()), h.abolishedOn());
            return change(ytcs, HAMLET, h.id(), changed.name(), h, changed);
        }
    }

    /** {@code hamlet abolish ID --on DATE}: the hamlet stays in the register, with its workers and history. */
    @Command(name = "abolish")
    static final class Abolish extends EditCommand {
        @Parameters(index = "0", paramLabel = "ID", descriptionKey = "cli.param.hamletId")
        String id;
        @Option(names = "--on", required = true, paramLabel = "YYYY-MM-DD", descriptionKey = "cli.option.abolishedOn")
        LocalDate on;

        @Override
        int edit(Ytcs ytcs) {
            Hamlet h = ytcs.register().abolishHamlet(id(id), on);
            return saved(HAMLET, h.id(), h.name(), h);
        }
    }

    /** {@code ytcs worker}: needs a subcommand. */
    @Command(name = "worker", subcommands = {AddWorker.class, SetWorker.class, LeaveWorker.class})
    static final class Worker extends RegisterEdits.Group {
    }

    /** {@code worker add}: a hamlet health worker or village midwife of the hamlet. */
    @Command(name = "add")
    static final class AddWorker extends EditCommand {
        @Option(names = "--hamlet", required = true, paramLabel = "ID", descriptionKey = "cli.param.hamletId")
        String hamlet;
        @Option(names = "--name", required = true, paramLabel = "NAME", descriptionKey = "cli.option.fullName")
        String name;
        @Option(names = "--role", required = true, paramLabel = "WORD", descriptionKey = "cli.option.role")
        WorkerRole role;
        @Option(names = "--training-months", required = true, paramLabel = "N", descriptionKey = "cli.option.trainingMonths")
        int trainingMonths;
        @Option(names = "--sex", paramLabel = "WORD", descriptionKey = "cli.option.sex")
        Sex sex;

        @Override
        int edit(Ytcs ytcs) {
            Hamlet h = ytcs.register().record(Hamlet.class, id(hamlet));
            HamletWorker w = new HamletWorker(UUID.randomUUID(), h.id(), name.strip(), sex, role, trainingMonths, true, null);
            ytcs.register().save(w);
            return added(WORKER, w.id(), w.fullName(), w);
        }
    }

    /** {@code worker set ID}: changes the fields given, keeps the others. */
    @Command(name = "set")
    static final class SetWorker extends EditCommand {
        @Parameters(index = "0", paramLabel = "ID", descriptionKey = "cli.param.workerId")
        String id;
        @Option(names = "--name", paramLabel = "NAME", descriptionKey = "cli.option.fullName")
        String name;
        @Option(names = "--sex", paramLabel = "WORD", descriptionKey = "cli.option.sex")
        Sex sex;
        @Option(names = "--role", paramLabel = "WORD", descriptionKey = "cli.option.role")
        WorkerRole role;
        @Option(names = "--training-months", paramLabel = "N", descriptionKey = "cli.option.trainingMonths")
        Integer trainingMonths;

        @Override
        int edit(Ytcs ytcs) {
            UUID key = id(id);
            needAny("--name, --sex, --role, --training-months", name, sex, role, trainingMonths);
            HamletWorker w = ytcs.register().record(HamletWorker.class, key);
            HamletWorker changed = new HamletWorker(w.id(), w.hamletId(), name == null ? w.fullName() : name.strip(),
                    or(sex, w.sex()), or(role, w.role()), or(trainingMonths, w.trainingMonths()), w.active(), w.endDate());
            return change(ytcs, WORKER, w.id(), changed.fullName(), w, changed);
        }
    }

    /** {@code worker leave ID --on DATE}: the record and its history stay. */
    @Command(name = "leave")
    static final class LeaveWorker extends EditCommand {
        @Parameters(index = "0", paramLabel = "ID", descriptionKey = "cli.param.workerId")
        String id;
        @Option(names = "--on", required = true, paramLabel = "YYYY-MM-DD", descriptionKey = "cli.option.leftOn")
        LocalDate on;

        @Override
        int edit(Ytcs ytcs) {
            HamletWorker w = ytcs.register().leaveWorker(id(id), on);
            return saved(WORKER, w.id(), w.fullName(), w);
        }
    }
}
