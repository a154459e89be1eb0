package org.opsconsole.console.ui.fx;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Keeps ChartFX's dashed grid lines drawn from its cache. ChartFX draws every grid line as a
 * rectangle filled with a pattern, and makes each pattern once per line style: a new scene and a
 * snapshot of it, a render pass of its own. It caches them in a {@code WeakHashMap} whose keys are
 * numbers made anew on each call, which nothing else holds: every garbage collection empties the
 * cache, and the next draw of each chart made its patterns again. On an idle console that was a
 * scene and two snapshots every few seconds, on the FX thread and the renderer's.
 *
 * <p>{@link #holdKeys()}, called after the charts drew (a pulse listener of the window's scene),
 * holds the keys the cache has, so the entries stay. There is one entry per line style and
 * direction: a handful, the more only when the theme changes. When the cache can't be reached (a
 * ChartFX that keeps it elsewhere, or on the module path unopened), nothing is held and the charts
 * draw as ChartFX does.
 */
public final class ChartGridPatterns {

    private static final Logger LOG = Logger.getLogger(ChartGridPatterns.class.getName());
    private static final Map<?, ?> CACHE = find();
    private static final Set<Object> HELD = new HashSet<>();

    private ChartGridPatterns() {
    }

    /** Holds the keys the grid pattern cache has now. On the FX thread, where the charts draw. */
    public static void holdKeys() {
        if (CACHE != null && HELD.size() < CACHE.size()) {
            HELD.addAll(CACHE.keySet());
        }
    }

    /** The patterns ChartFX's cache holds now (for tests); null when it can't be reached. On the FX thread. */
    static List<Object> patterns() {
        return CACHE == null ? null : List.copyOf(CACHE.values());
    }

    private static Map<?, ?> find() {
        try {
            var field = Class.forName("io.fair_acc.chartfx.renderer.spi.utils.DashPatternStyle").getDeclaredField("dashHashMap");
            field.setAccessible(true);
            return field.get(null) instanceof Map<?, ?> map ? map : null;
        } catch (ReflectiveOperationException | RuntimeException e) {
            LOG.log(Level.FINE, "ChartFX's grid pattern cache is not where it was: its grid patterns are made as ChartFX does", e);
            return null;
        }
    }
}
