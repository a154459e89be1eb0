package org.opsconsole.service.kit;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;

/**
 * What a service needs besides its database and can work without for a while (the broker, another
 * service): each by name, with why it can't be used now. The health answer reports each one, and
 * says DEGRADED, not DOWN, while one has a problem: the service still answers what it can.
 */
public final class Dependencies {

    private record Dependency(String name, Supplier<Optional<String>> problem) {
    }

    private final List<Dependency> all = new CopyOnWriteArrayList<>();

    /** @param problem why {@code name} can't be used now; empty while it can (or has not been tried) */
    public void add(String name, Supplier<Optional<String>> problem) {
        all.add(new Dependency(name, problem));
    }

    /** Each dependency that has a problem now, by name, with the problem. */
    Map<String, String> problems() {
        Map<String, String> found = new java.util.LinkedHashMap<>();
        for (Dependency dependency : all) {
            dependency.problem().get().ifPresent(problem -> found.put(dependency.name(), problem));
        }
        return found;
    }
}
