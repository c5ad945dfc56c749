// SPDX-License-Identifier: Apache-2.0
package vn.ytcs.app.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;
import vn.ytcs.core.demo.DemoLoader;
import vn.ytcs.app.root.Ytcs;
import vn.ytcs.core.task.Progress;

/** {@code ytcs demo}: loads the demo province, once. */
@Command(name = "demo")
final class DemoCommand implements Callable<Integer> {

    @ParentCommand
    YtcsCommand parent;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        try (Ytcs ytcs = parent.open()) {
            DemoLoader.Outcome outcome = ytcs.register().loadDemo(Progress.NONE);
            String key = outcome == DemoLoader.Outcome.LOADED ? "cli.demo.loaded" : "cli.demo.already";
            spec.commandLine().getOut().println(parent.messages.get(key, ytcs.register().dataDir().toString()));
            return Cli.OK;
        }
    }
}
