package org.opsconsole.console.load.report;


import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Saved runs: one JSON report per run in a folder ({@code <data folder>/load-runs/} by default), and
 * a {@code baseline} file naming the run others are compared with. Shared by the Load screen and
 * {@code opsconsole load runs|compare|baseline}.
 */
public final class RunStore {

    private static final Pattern SAFE_ID = Pattern.compile("[A-Za-z0-9._-]{1,100}");
    private static final String BASELINE = "baseline";

    private final Path folder;

    /** @param folder where the runs are kept ({@code <data folder>/load-runs}) */
    public RunStore(Path folder) {
        this.folder = folder;
    }

    public Path folder() {
        return folder;
    }

    /** A saved run, as a list shows it. */
    public record RunSummary(String id, Instant startedAt, String model, String target, double targetRate,
                             double achievedRate, long requests, double errorPercent, long late, double p99Ms,
                             String outcome, boolean baseline) {
    }

    public Path save(LoadReport report) throws IOException {
        Path file = fileOf(report.runId());
        ReportFiles.writeJson(report, file);
        return file;
    }

    /** Whether a run of this id is saved; an id that can't be one is refused. */
    public boolean exists(String id) {
        return Files.exists(fileOf(id));
    }

    public LoadReport load(String id) throws IOException {
        Path file = fileOf(id);
        if (!Files.exists(file)) {
            throw new IOException("no saved run '" + id + "' in " + folder);
        }
        return ReportFiles.readJson(file);
    }

    /** Every saved run, newest first; a file that can't be read is left out. */
    public List<RunSummary> list() throws IOException {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        String baseline = baselineId().orElse(null);
        List<RunSummary> runs = new ArrayList<>();
        try (Stream<Path> files = Files.list(folder)) {
            for (Path file : files.filter(f -> f.getFileName().toString().endsWith(".json")).toList()) {
                try {
                    LoadReport r = ReportFiles.readJson(file);
                    runs.add(new RunSummary(r.runId(), r.startedAt(), r.model(), r.target(), r.targetRate(),
                            r.achievedRate(), r.requests(), r.errorPercent(), r.late(), r.latencyMs().corrected().p99(),
                            r.outcome(), r.runId().equals(baseline)));
                } catch (IOException | RuntimeException e) {
                    // not a report of ours, or damaged: the list shows the others
                }
            }
        }
        runs.sort(Comparator.comparing(RunSummary::startedAt, Comparator.nullsLast(Comparator.reverseOrder())));
        return runs;
    }

    public void markBaseline(String id) throws IOException {
        load(id);
        ReportFiles.write(folder.resolve(BASELINE), id + "\n");
    }

    public Optional<String> baselineId() {
        Path file = folder.resolve(BASELINE);
        try {
            return Files.exists(file) ? Optional.of(Files.readString(file, StandardCharsets.UTF_8).trim())
                    .filter(s -> !s.isEmpty()) : Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public Optional<LoadReport> baseline() throws IOException {
        Optional<String> id = baselineId();
        return id.isPresent() && Files.exists(fileOf(id.get())) ? Optional.of(load(id.get())) : Optional.empty();
    }

    public void delete(String id) throws IOException {
        Files.deleteIfExists(fileOf(id));
        if (baselineId().filter(id::equals).isPresent()) {
            Files.deleteIfExists(folder.resolve(BASELINE));
        }
    }

    /** Compares two saved runs: {@code base} is the reference (usually the baseline), {@code other} the new one. */
    public RunComparison compare(String baseId, String otherId) throws IOException {
        return RunComparison.of(load(baseId), load(otherId));
    }

    private Path fileOf(String id) {
        if (id == null || !SAFE_ID.matcher(id).matches()) {
            throw new IllegalArgumentException("'" + id + "' is not a run id");
        }
        return folder.resolve(id + ".json");
    }
}
