// SPDX-License-Identifier: Apache-2.0
package vn.ytcs.app.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import vn.ytcs.app.root.Ytcs;
import vn.ytcs.app.i18n.Labels;
import vn.ytcs.core.scoring.CommuneScoring;
import vn.ytcs.core.scoring.Scorecard;
import vn.ytcs.core.service.ScoringService;
import vn.ytcs.core.unit.UnitTree;

/** {@code ytcs score}: communes of the register, or a standalone facts file, against the standard. */
@Command(name = "score")
final class ScoreCommand implements Callable<Integer> {

    @ParentCommand
    YtcsCommand parent;

    @Spec
    CommandSpec spec;

    @Mixin
    UnitScope scope;

    @Option(names = "--period", paramLabel = "YYYY", descriptionKey = "cli.option.period")
    Integer period;

    @Option(names = "--catalog", paramLabel = "FILE", descriptionKey = "cli.option.catalogFile")
    Path catalogFile;

    @Option(names = "--facts", paramLabel = "FILE", descriptionKey = "cli.option.factsFile")
    Path factsFile;

    @Option(names = "--json", descriptionKey = "cli.option.json")
    boolean json;

    @Override
    public Integer call() {
        if (catalogFile != null || factsFile != null) {
            return standalone();
        }
        try (Ytcs ytcs = parent.open()) {
            LocalDate day = parent.asOf(ytcs);
            ScoringService scoring = ytcs.scoring();
            int year = scoring.period(period, day);
            if (scoring.catalogFor(year).isEmpty()) {
                throw new CliFailure(parent.messages.get("cli.error.noCatalog", Integer.toString(year)));
            }
            UnitTree tree = ytcs.register().tree(day);
            List<CommuneScoring.Result> results = scoring.score(tree, scope.communes(ytcs, tree, day, parent), year, day);
            Labels labels = new Labels(parent.messages);
            print(results.stream().map(CommuneScoring.Result::scorecard).toList(),
                    results.stream().map(r -> new String[] {labels.code(r.commune()), labels.unit(r.commune())}).toList(),
                    results.stream().map(CommuneScoring.Result::assessment).toList(), year);
            return Cli.OK;
        }
    }

    private int standalone() {
        if (catalogFile == null || factsFile == null) {
            throw new CliFailure(parent.messages.get("cli.error.catalogAndFacts"));
        }
        List<Scorecard> cards = new ArrayList<>();
        List<String[]> labels = new ArrayList<>();
        for (ScoringService.FileScore f : ScoringService.scoreFiles(catalogFile, factsFile)) {
            cards.add(f.scorecard());
            labels.add(new String[] {f.facts().code(), f.facts().name()});
        }
        print(cards, labels, cards.stream().map(c -> Optional.<vn.ytcs.core.assessment.Assessment>empty()).toList(), period);
        return Cli.OK;
    }

    private void print(List<Scorecard> cards, List<String[]> labels, List<Optional<vn.ytcs.core.assessment.Assessment>> assessments,
                       Integer year) {
        PrintWriter out = spec.commandLine().getOut();
        ScoreView view = new ScoreView(parent.messages);
        // A facts file has no assessments to miss; a commune of the register without one was scored on its register alone.
        boolean fromRegister = factsFile == null && catalogFile == null;
        List<Boolean> registerOnly = assessments.stream().map(a -> fromRegister && a.isEmpty()).toList();
        if (json) {
            List<ScoreView.CardJson> rows = new ArrayList<>();
            for (int i = 0; i < cards.size(); i++) {
                rows.add(view.json(cards.get(i), year, assessments.get(i), registerOnly.get(i), LocalDate.now()));
            }
            Json.print(out, rows);
        } else if (cards.size() == 1) {
            view.detail(out, labels.get(0)[1] + "  [" + labels.get(0)[0] + "]"
                    + (year == null ? "" : " · " + parent.messages.get("score.period", Integer.toString(year))), cards.get(0),
                    registerOnly.get(0), year);
        } else {
            view.table(out, labels, cards, registerOnly, year);
        }
    }
}
