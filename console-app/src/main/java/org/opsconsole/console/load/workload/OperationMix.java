package org.opsconsole.console.load.workload;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Weighted operations, interleaved deterministically (smooth weighted round robin, as nginx balances
 * upstreams): in every window of {@code sum(weights)} consecutive requests each operation appears
 * exactly its weight's times, spread out rather than in runs. So the proportions hold for short runs
 * too, which a random draw doesn't promise.
 */
public final class OperationMix {

    private final Map<String, Integer> weights;
    private final String[] pattern;

    public OperationMix(Map<String, Integer> weights) {
        if (weights.isEmpty()) {
            throw new IllegalArgumentException("a mix needs at least one operation");
        }
        weights.forEach((name, weight) -> {
            if (weight == null || weight < 0) {
                throw new IllegalArgumentException("weight of " + name + " must be zero or more");
            }
        });
        this.weights = new LinkedHashMap<>(weights);
        this.weights.values().removeIf(w -> w == 0);
        if (this.weights.isEmpty()) {
            throw new IllegalArgumentException("a mix needs at least one operation with a weight above zero");
        }
        pattern = interleave(this.weights);
    }

    /** Parses {@code read-user=60,list-users=10}: names are checked by whoever knows the operations. */
    public static OperationMix parse(String text) {
        Map<String, Integer> weights = new LinkedHashMap<>();
        for (String part : text.split(",")) {
            String item = part.trim();
            if (item.isEmpty()) {
                continue;
            }
            int eq = item.indexOf('=');
            String name = eq < 0 ? item : item.substring(0, eq).trim();
            int weight;
            try {
                weight = eq < 0 ? 1 : Integer.parseInt(item.substring(eq + 1).trim());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("weight of '" + name + "' in --mix is not a whole number");
            }
            if (weights.put(name, weight) != null) {
                throw new IllegalArgumentException("'" + name + "' appears twice in --mix");
            }
        }
        return new OperationMix(weights);
    }

    public Map<String, Integer> weights() {
        return Map.copyOf(weights);
    }

    public List<String> names() {
        return List.copyOf(weights.keySet());
    }

    /** The operation for request number {@code n} of the run. */
    public String pick(long n) {
        return pattern[(int) Math.floorMod(n, (long) pattern.length)];
    }

    private static String[] interleave(Map<String, Integer> weights) {
        int total = weights.values().stream().mapToInt(Integer::intValue).sum();
        List<String> names = new ArrayList<>(weights.keySet());
        int[] current = new int[names.size()];
        String[] out = new String[total];
        for (int i = 0; i < total; i++) {
            int best = 0;
            for (int j = 0; j < names.size(); j++) {
                current[j] += weights.get(names.get(j));
                if (current[j] > current[best]) {
                    best = j;
                }
            }
            current[best] -= total;
            out[i] = names.get(best);
        }
        return out;
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder();
        weights.forEach((k, v) -> sb.append(sb.isEmpty() ? "" : ",").append(k).append('=').append(v));
        return sb.toString();
    }

    /** Two mixes are the same when they weigh the same operations alike, in the same order (the order interleaves them). */
    @Override
    public boolean equals(Object other) {
        return other instanceof OperationMix mix && List.copyOf(weights.entrySet()).equals(List.copyOf(mix.weights.entrySet()));
    }

    @Override
    public int hashCode() {
        return weights.hashCode();
    }
}
