// SPDX-License-Identifier: Apache-2.0
package vn.ytcs.app.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;
import vn.ytcs.core.demo.DemoLoader;
import vn.ytcs.app.root.Ytcs;
import vn.ytcs.core.task.Progress;

/** {@code ytcs demo [--old-structure]}: loads the demo, once. */
@Command(name = "demo")
final class DemoCommand implements Callable<Integer> {

    @ParentCommand
    YtcsCommand parent;

    @Spec
    CommandSpec spec;

    @Option(names = "--old-structure", descriptionKey = "cli.option.demoOldStructure")
    boolean oldStructure;

    @Override
    public Integer call() {
        try (Ytcs ytcs = parent.open()) {
            DemoLoader.Outcome outcome = ytcs.register().loadDemo(oldStructure ? DemoLoader.World.OLD_STRUCTURE : DemoLoader.World.BOTH, Progress.NONE);
            String key = outcome == DemoLoader.Outcome.LOADED ? "cli.demo.loaded" : "cli.demo.already";
            spec.commandLine().getOut().println(parent.messages.get(key, ytcs.register().dataDir().toString()));
            return Cli.OK;
        }
    }
}
