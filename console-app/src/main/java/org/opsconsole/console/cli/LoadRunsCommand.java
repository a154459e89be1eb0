package org.opsconsole.console.cli;

import org.opsconsole.console.load.report.RunComparison;
import org.opsconsole.console.load.report.RunStore;
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

/** The saved-runs side of {@code opsconsole load}: list, compare, mark a baseline, delete kept load data. */
final class LoadRunsCommand {

    private LoadRunsCommand() {
    }

    /** {@code opsconsole load runs}. */
    @Command(name = "runs", mixinStandardHelpOptions = true, description = "Lists saved load runs, newest first.")
    static final class List implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @ParentCommand
        LoadCommand parent;

        @Option(names = "--data-dir", paramLabel = "DIR", description = "Data folder (default: the per-user application data folder).")
        Path dataDir;

        @Override
        public Integer call() throws Exception {
            PrintWriter out = spec.commandLine().getOut();
            RunStore store = LoadCommand.store(dataDir != null ? dataDir : parent.dataDir);
            java.util.List<RunStore.RunSummary> runs = store.list();
            if (runs.isEmpty()) {
                out.println("No saved runs in " + store.folder());
                return 0;
            }
            out.println(String.format(Locale.ROOT, "%-22s %-6s %10s %10s %9s %8s %10s  %s", "run", "model", "target/s",
                    "achieved/s", "errors %", "late", "p99 ms", "outcome"));
            for (RunStore.RunSummary r : runs) {
                // the closed model has no target rate: its users send as fast as answers come
                out.println(String.format(Locale.ROOT, "%-22s %-6s %10s %10.1f %9.2f %8d %10.2f  %s%s", r.id(), r.model(),
                        r.targetRate() > 0 ? String.format(Locale.ROOT, "%.1f", r.targetRate()) : "-", r.achievedRate(), r.errorPercent(), r.late(), r.p99Ms(), r.outcome(),
                        r.baseline() ? "  (baseline)" : ""));
            }
            return 0;
        }
    }

    /** {@code opsconsole load compare A [B]}. */
    @Command(name = "compare", mixinStandardHelpOptions = true,
            description = "Compares two saved runs (the first is the reference); with one run, compares the baseline with it.")
    static final class Compare implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Parameters(arity = "1..2", paramLabel = "RUN")
        java.util.List<String> ids;

        @ParentCommand
        LoadCommand parent;

        @Option(names = "--data-dir", paramLabel = "DIR", description = "Data folder (default: the per-user application data folder).")
        Path dataDir;

        @Override
        public Integer call() throws Exception {
            PrintWriter out = spec.commandLine().getOut();
            RunStore store = LoadCommand.store(dataDir != null ? dataDir : parent.dataDir);
            String base;
            String other;
            if (ids.size() > 2) {
                throw new picocli.CommandLine.ParameterException(spec.commandLine(),
                        "compare takes two runs, or one to compare with the baseline, not " + ids.size());
            }
            if (ids.size() == 2) {
                base = ids.get(0);
                other = ids.get(1);
            } else {
                base = store.baselineId().orElseThrow(() -> new picocli.CommandLine.ParameterException(spec.commandLine(),
                        "no baseline is marked: give two runs, or mark one with 'load baseline RUN'"));
                other = ids.get(0);
            }
            saved(spec, store, base);
            saved(spec, store, other);
            RunComparison c;
            try {
                c = store.compare(base, other);
            } catch (java.io.IOException | IllegalArgumentException e) {
                spec.commandLine().getErr().println("Could not read the saved runs: " + firstLine(e));
                return LoadCommand.COULD_NOT_RUN;
            }
            out.println(String.format(Locale.ROOT, "%-18s %14s %14s %12s %9s", "metric", base, other, "change", "%"));
            for (RunComparison.Row row : c.rows()) {
                out.println(String.format(Locale.ROOT, "%-18s %14.2f %14.2f %12.2f %9s%s", row.metric(), row.base(),
                        row.other(), row.change(), row.changePercent() == null ? "-" : row.changePercent() + "%",
                        row.worse() ? "  WORSE" : ""));
            }
            c.targetsNote().ifPresent(out::println);
            return 0;
        }
    }

    /** {@code opsconsole load baseline RUN}. */
    @Command(name = "baseline", mixinStandardHelpOptions = true, description = "Marks a saved run as the baseline.")
    static final class Baseline implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Parameters(paramLabel = "RUN")
        String id;

        @ParentCommand
        LoadCommand parent;

        @Option(names = "--data-dir", paramLabel = "DIR", description = "Data folder (default: the per-user application data folder).")
        Path dataDir;

        @Override
        public Integer call() throws Exception {
            RunStore store = LoadCommand.store(dataDir != null ? dataDir : parent.dataDir);
            saved(spec, store, id);
            try {
                store.markBaseline(id);
            } catch (java.io.IOException | IllegalArgumentException e) {
                spec.commandLine().getErr().println("Could not mark " + id + " as the baseline: " + firstLine(e));
                return LoadCommand.COULD_NOT_RUN;
            }
            spec.commandLine().getOut().println("Baseline: " + id);
            return 0;
        }
    }

    /** {@code opsconsole load delete-data RUN}: deletes the load data a saved run kept. */
    @Command(name = "delete-data", mixinStandardHelpOptions = true,
            description = "Deletes the users and orders a saved run kept (--keep-load-data), found in the services by "
                    + "their marker (emails load-<run>-<n>@example.test, and those users' orders), and saves the run "
                    + "with what became of them. The services are those of --users-url and --orders-url, given before "
                    + "'delete-data'.")
    static final class DeleteData implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Parameters(paramLabel = "RUN")
        String id;

        @ParentCommand
        LoadCommand parent;

        @Option(names = "--data-dir", paramLabel = "DIR", description = "Data folder (default: the per-user application data folder).")
        Path dataDir;

        @Override
        public Integer call() throws Exception {
            PrintWriter out = spec.commandLine().getOut();
            RunStore store = LoadCommand.store(dataDir != null ? dataDir : parent.dataDir);
            // a run stopped while it deleted its data may not be saved: its marker still finds what is left
            org.opsconsole.console.load.report.LoadReport report;
            try {
                report = store.exists(id) ? store.load(id) : null;
            } catch (java.io.IOException | IllegalArgumentException e) {
                spec.commandLine().getErr().println(e.getMessage());
                return 2;
            }
            if (report != null && (report.loadData() == null || report.loadData().remaining() == 0)) {
                out.println("Run " + id + " left no load data in the services.");
                return 0;
            }
            out.println("Deleting the load data of run " + id + " from " + parent.target.usersUrl + " and " + parent.target.ordersUrl + "...");
            org.opsconsole.console.load.report.LoadData now;
            try {
                now = org.opsconsole.console.load.engine.LoadEngine.deleteKeptLoadData(id, parent.target.usersUrl, parent.target.ordersUrl,
                        parent.target.apiToken, report == null ? null : report.loadData());
            } catch (java.io.IOException e) {
                spec.commandLine().getErr().println(e.getMessage());
                return 3;
            }
            if (report != null) {
                store.save(report.withLoadData(now));
                out.println(now.summary());
            } else {
                // nothing saved says what the run made: only what its marker found is known
                out.println(now.wroteAnything() ? now.summary()
                        : "No saved run " + id + " in " + store.folder() + ", and no users or orders marked as its load "
                        + "data in the services: nothing to delete.");
            }
            return now.remaining() == 0 ? 0 : 1;
        }
    }

    /** A usage error (exit 2) unless {@code id} names a saved run. */
    static void saved(CommandSpec spec, RunStore store, String id) {
        if (!store.exists(id)) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), "no saved run '" + id + "' in "
                    + store.folder() + " ('opsconsole load runs' lists them)");
        }
    }

    // a parser's message runs on over lines of where it was; its first says what is wrong
    private static String firstLine(Exception e) {
        String message = String.valueOf(e.getMessage());
        int end = message.indexOf('\n');
        return end < 0 ? message : message.substring(0, end);
    }
}
