package org.opsconsole.console.cli;

import org.opsconsole.console.load.capacity.CapacityComparison;
import org.opsconsole.console.load.capacity.CapacityReports;
import org.opsconsole.console.load.capacity.CapacityResult;
import org.opsconsole.console.load.report.RunComparison;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;

/** The kept side of {@code opsconsole load capacity}: list the results, compare two. */
final class CapacityRunsCommand {

    private CapacityRunsCommand() {
    }

    /** What both subcommands take: where the results are kept, and where to write. */
    abstract static class KeptResults {
        @Spec
        CommandSpec spec;

        @ParentCommand
        CapacityCommand parent;

        @Option(names = "--data-dir", paramLabel = "DIR", description = "Data folder (default: the per-user application data folder).")
        Path dataDir;

        /** The load-runs folder of the data folder given here, or to {@code capacity}, or to {@code load}. */
        Path loadRuns() {
            Path dir = dataDir != null ? dataDir : parent.dataDir != null ? parent.dataDir : parent.parent.dataDir;
            return LoadCommand.store(dir).folder();
        }
    }

    /** {@code opsconsole load capacity list}. */
    @Command(name = "list", mixinStandardHelpOptions = true, description = "Lists the kept capacity results, newest first.")
    static final class List extends KeptResults implements Callable<Integer> {
        @Override
        public Integer call() throws Exception {
            PrintWriter out = spec.commandLine().getOut();
            Path folder = loadRuns();
            java.util.List<CapacityResult> results = CapacityReports.list(folder);
            if (results.isEmpty()) {
                out.println("No capacity results in " + folder.resolve(CapacityReports.FOLDER));
                return 0;
            }
            out.println(String.format(Locale.ROOT, "%-26s %12s %-13s %-22s %s", "result", "capacity/s", "outcome", "thresholds", "target"));
            for (CapacityResult r : results) {
                out.println(String.format(Locale.ROOT, "%-26s %12s %-13s %-22s %s", r.id(),
                        r.capacity() == null ? "-" : String.format(Locale.ROOT, "%,.0f", r.capacity()), r.outcome(),
                        r.thresholds(), r.target()));
            }
            return 0;
        }
    }

    /** {@code opsconsole load capacity compare A B}. */
    @Command(name = "compare", mixinStandardHelpOptions = true,
            description = "Compares two kept capacity results (the first is the base): capacity, the proving step, the model.")
    static final class Compare extends KeptResults implements Callable<Integer> {
        @Parameters(arity = "2", paramLabel = "RESULT")
        java.util.List<String> ids;

        @Override
        public Integer call() throws Exception {
            PrintWriter out = spec.commandLine().getOut();
            Path folder = loadRuns();
            CapacityComparison c;
            try {
                c = CapacityComparison.of(CapacityReports.load(folder, ids.get(0)), CapacityReports.load(folder, ids.get(1)));
            } catch (java.io.IOException e) {
                spec.commandLine().getErr().println(e.getMessage());
                return 1;
            }
            out.println(String.format(Locale.ROOT, "%-30s %14s %14s %12s %9s", "figure", "base", "other", "change", "%"));
            for (RunComparison.Row row : c.rows()) {
                out.println(String.format(Locale.ROOT, "%-30s %14.6g %14.6g %12.4g %9s%s", row.metric(), row.base(),
                        row.other(), row.change(), row.changePercent() == null ? "-" : row.changePercent() + "%",
                        row.worse() ? "  WORSE" : ""));
            }
            c.note().ifPresent(out::println);
            return 0;
        }
    }
}
