package org.opsconsole.console.session;

import com.fasterxml.jackson.core.type.TypeReference;
import org.opsconsole.model.Json;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The services added at run time, remembered across starts in {@code added-services.json} in the
 * data folder (their tokens are not in it: see {@link SecretStore}). A console without a data
 * folder remembers them for the session only.
 */
public final class SavedServices {

    private static final Logger LOG = Logger.getLogger(SavedServices.class.getName());
    private static final TypeReference<List<AddedService>> LIST = new TypeReference<>() {
    };

    private final Path file;
    private List<AddedService> services;

    /** @param folder the data folder; null: this session only */
    public SavedServices(Path folder) {
        this.file = folder == null ? null : folder.resolve("added-services.json");
        this.services = load();
    }

    public synchronized List<AddedService> list() {
        return services;
    }

    public synchronized void save(List<AddedService> now) {
        services = List.copyOf(now);
        if (file == null) {
            return;
        }
        try {
            Files.createDirectories(file.getParent());
            Path next = file.resolveSibling(file.getFileName() + ".new");
            Json.mapper().writerWithDefaultPrettyPrinter().writeValue(next.toFile(), services);
            Files.move(next, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("can't write " + file, e);
        }
    }

    private List<AddedService> load() {
        if (file == null || !Files.isRegularFile(file)) {
            return List.of();
        }
        try {
            return List.copyOf(Json.mapper().readValue(file.toFile(), LIST));
        } catch (IOException | IllegalArgumentException e) {
            LOG.log(Level.WARNING, "the list of added services in " + file + " can't be read, so none are watched: " + e.getMessage());
            return List.of();
        }
    }
}
