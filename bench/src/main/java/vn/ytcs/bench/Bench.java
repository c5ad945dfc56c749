// SPDX-License-Identifier: Apache-2.0
package vn.ytcs.bench;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code java -jar bench/target/ytcs-bench.jar <benchmark>}: the speed figures of README, each
 * measured beside its baseline in the same run. For developers; not part of the program users run.
 */
@Command(name = "ytcs-bench", mixinStandardHelpOptions = true,
        subcommands = {ScoringBenchmark.class, SyncBenchmark.class, StartupBenchmark.class, EditBenchmark.class})
public final class Bench implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        System.exit(new CommandLine(new Bench()).execute(args));
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
