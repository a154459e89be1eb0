package org.opsconsole.console.load.engine;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.opsconsole.model.Json;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Consumer;

/**
 * A run's live figures for another program: each {@link LoadSnapshot} (every 100 ms, the warm-up and
 * the deletion of load data included, the last one DONE) as one line of JSON, written and flushed as
 * it comes, so that a reader following the file ({@code tail -f}) sees the run as the live line does.
 * A write that fails ends the feed, not the run: {@link #close} says why.
 */
public final class LiveJsonFeed implements Consumer<LoadSnapshot>, AutoCloseable {

    private static final ObjectMapper MAPPER = Json.mapper();

    private final BufferedWriter out;
    private IOException failure;

    public LiveJsonFeed(Path file) throws IOException {
        out = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
    }

    @Override
    public synchronized void accept(LoadSnapshot snapshot) {
        if (failure != null) {
            return;
        }
        try {
            out.write(MAPPER.writeValueAsString(snapshot));
            out.newLine();
            out.flush();
        } catch (IOException e) {
            failure = e;
        }
    }

    /** Ends the feed; throws the first write that failed, if any. */
    @Override
    public synchronized void close() throws IOException {
        try {
            out.close();
        } catch (IOException e) {
            if (failure == null) {
                failure = e;
            }
        }
        if (failure != null) {
            throw failure;
        }
    }
}
