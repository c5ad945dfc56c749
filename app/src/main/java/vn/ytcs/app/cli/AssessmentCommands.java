// SPDX-License-Identifier: Apache-2.0
package vn.ytcs.app.cli;

import java.time.LocalDate;
import java.util.Locale;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import vn.ytcs.app.i18n.Labels;
import vn.ytcs.app.root.Ytcs;
import vn.ytcs.core.assessment.AnswerValues;
import vn.ytcs.core.assessment.Assessment;
import vn.ytcs.core.assessment.AssessmentAnswer;
import vn.ytcs.core.assessment.AssessmentState;
import vn.ytcs.core.catalog.Catalog;
import vn.ytcs.core.catalog.Indicator;
import vn.ytcs.core.unit.Unit;

/** {@code answer set|clear} and {@code assessment state}: a commune's assessment of a period. */
final class AssessmentCommands {

    private AssessmentCommands() {
    }

    @Command(name = "answer", subcommands = {SetAnswer.class, ClearAnswer.class})
    static final class Answer extends RegisterEdits.Group {
    }

    @Command(name = "assessment", subcommands = State.class)
    static final class AssessmentGroup extends RegisterEdits.Group {
    }

    /** The commune and period options the assessment commands share. */
    abstract static class OfPeriod extends EditCommand {
        @Option(names = "--unit", required = true, paramLabel = "CODE", descriptionKey = "cli.option.commune")
        String unit;
        @Option(names = "--period", paramLabel = "YYYY", descriptionKey = "cli.option.period")
        Integer period;

        int year(Ytcs ytcs) {
            return ytcs.scoring().period(period, root().asOf(ytcs));
        }

        String what(Unit commune, int year) {
            return new Labels(messages()).unit(commune) + " " + year;
        }
    }

    /** An indicator option: the code as the catalog writes it, whatever its case. */
    abstract static class OfIndicator extends OfPeriod {
        @Option(names = "--indicator", required = true, paramLabel = "CODE", descriptionKey = "cli.option.indicator")
        String indicator;

        /** The catalog the commune's assessment of the year follows (the one in force when none is started). */
        Catalog catalog(Ytcs ytcs, Optional<Assessment> assessment, int year) {
            Optional<Catalog> catalog = assessment.isPresent()
                    ? ytcs.scoring().catalogs().byId(assessment.get().catalogId()) : ytcs.scoring().catalogFor(year);
            return catalog.orElseThrow(() -> new CliFailure(messages().get("cli.error.noCatalog", Integer.toString(year))));
        }

        Indicator indicator(Catalog catalog) {
            String code = indicator.strip();
            return catalog.indicator(code).or(() -> catalog.indicator(code.toUpperCase(Locale.ROOT))).orElseThrow(() ->
                    new CliFailure(messages().get("cli.error.unknownIndicator", code, catalog.id())));
        }
    }

    /** {@code answer set}: one entered answer, typed as a person would ("có", "55,6", "a, c"). */
    @Command(name = "set")
    static final class SetAnswer extends OfIndicator {
        @Option(names = "--value", paramLabel = "V", descriptionKey = "cli.option.value")
        String value;
        @Option(names = "--note", paramLabel = "TEXT", descriptionKey = "cli.option.note")
        String note;
        @Option(names = "--evidence", paramLabel = "TEXT", descriptionKey = "cli.option.evidence")
        String evidence;
        @Option(names = "--not-applicable", descriptionKey = "cli.option.notApplicable")
        boolean notApplicable;

        @Override
        int edit(Ytcs ytcs) {
            Unit commune = commune(ytcs, unit);
            int year = year(ytcs);
            if (value == null && !notApplicable) {
                throw new CliFailure(messages().get("cli.error.valueNeeded"));
            }
            Optional<Assessment> assessment = ytcs.register().assessment(commune.id(), year);
            Indicator ind = indicator(catalog(ytcs, assessment, year));
            String stored = AnswerValues.fromTyped(ind.rule(), value);
            AssessmentAnswer a = ytcs.register().answer(commune.id(), year, ind.code(), stored, notApplicable, note,
                    evidence);
            return saved("assessment_answer", a.id(), what(commune, year) + " " + ind.code(), a);
        }
    }

    /** {@code answer clear}: removes the entered answer of the indicator. */
    @Command(name = "clear")
    static final class ClearAnswer extends OfIndicator {
        @Override
        int edit(Ytcs ytcs) {
            Unit commune = commune(ytcs, unit);
            int year = year(ytcs);
            Optional<Assessment> assessment = ytcs.register().assessment(commune.id(), year);
            Indicator ind = indicator(catalog(ytcs, assessment, year));
            Optional<AssessmentAnswer> answer = assessment.flatMap(x -> ytcs.register().answers(x.id()).stream()
                    .filter(y -> y.indicatorCode().equals(ind.code())).findFirst());
            String what = what(commune, year) + " " + ind.code();
            if (answer.isEmpty() || !ytcs.register().clearAnswer(commune.id(), year, ind.code())) {
                if (json) {
                    Json.print(spec.commandLine().getOut(), new Done("unchanged", "assessment_answer", null, null));
                } else {
                    spec.commandLine().getOut().println(messages().get("cli.answer.none", what));
                }
                return Cli.OK;
            }
            return done("cleared", "cli.edit.cleared", "assessment_answer", answer.get().id(), what, null);
        }
    }

    /** {@code assessment state --to STATE}: one step of the workflow; recognising takes the decision. */
    @Command(name = "state")
    static final class State extends OfPeriod {
        @Option(names = "--to", required = true, paramLabel = "WORD", descriptionKey = "cli.option.toState")
        AssessmentState to;
        @Option(names = "--decision-number", paramLabel = "TEXT", descriptionKey = "cli.option.decisionNumber")
        String decisionNumber;
        @Option(names = "--decision-date", paramLabel = "YYYY-MM-DD", descriptionKey = "cli.option.decisionDate")
        LocalDate decisionDate;

        @Override
        int edit(Ytcs ytcs) {
            Unit commune = commune(ytcs, unit);
            int year = year(ytcs);
            Assessment moved = ytcs.register().moveAssessment(commune.id(), year, to, decisionNumber, decisionDate);
            return saved("assessment", moved.id(), what(commune, year) + ": " + messages().label("assessmentState", to), moved);
        }
    }
}
