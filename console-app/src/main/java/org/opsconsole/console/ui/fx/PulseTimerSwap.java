package org.opsconsole.console.ui.fx;

import java.lang.reflect.Field;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Puts an {@link IdlePulseTimer} in the place of JavaFX's frame timer where that one never pauses
 * (Linux, Windows, the headless platform), so that an idle window wakes no thread thirty times a
 * second. Measured on a bare JavaFX window under Xvfb, 20 s idle: 0.45 % of a core at 30 frames a
 * second, the FX thread waking 31 times a second, against 0.15 % at 2.
 *
 * <p>JavaFX keeps its timer to itself: this reaches it by reflection, which on the module path
 * needs {@code --add-exports javafx.graphics/com.sun.javafx.tk=ALL-UNNAMED} and
 * {@code --add-opens} of {@code com.sun.javafx.tk.quantum} and {@code com.sun.glass.ui} (the
 * launchers give them). Without them, or on a JavaFX whose insides differ, JavaFX's timer stays
 * and the console runs as before.
 */
public final class PulseTimerSwap {

    private static final Logger LOG = Logger.getLogger(PulseTimerSwap.class.getName());
    private static final Set<String> TIMERS_THAT_NEVER_PAUSE = Set.of(
            "com.sun.glass.ui.gtk.GtkTimer", "com.sun.glass.ui.win.WinTimer", "com.sun.glass.ui.headless.HeadlessTimer");

    private PulseTimerSwap() {
    }

    /** The frame timer that runs now when it is one of ours, for tests. */
    static Optional<IdlePulseTimer> installed() {
        try {
            Object toolkit = toolkit();
            return toolkitTimer(toolkit).get(toolkit) instanceof IdlePulseTimer idle ? Optional.of(idle) : Optional.empty();
        } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
            return Optional.empty();
        }
    }

    /**
     * On the FX thread, once the toolkit runs: true when the frame timer pauses while idle now
     * (swapped now or before), false when JavaFX's timer stays.
     */
    public static boolean install() {
        try {
            Object toolkit = toolkit();
            Field timerField = toolkitTimer(toolkit);
            Class<?> timerClass = Class.forName("com.sun.glass.ui.Timer");
            Field tickField = timerClass.getDeclaredField("runnable");
            tickField.setAccessible(true);
            Field periodField = timerClass.getDeclaredField("period");
            periodField.setAccessible(true);
            // JavaFX pauses and resumes its timer holding the toolkit's lock
            synchronized (toolkit) {
                Object current = timerField.get(toolkit);
                if (current instanceof IdlePulseTimer) {
                    return true;
                }
                double period = current == null ? -1 : periodField.getDouble(current);
                if (current == null || !TIMERS_THAT_NEVER_PAUSE.contains(current.getClass().getName()) || period < 1) {
                    LOG.fine(() -> "JavaFX's frame timer stays: " + current + " at " + period + " ms");
                    return false;
                }
                IdlePulseTimer idle = new IdlePulseTimer((Runnable) tickField.get(current));
                timerClass.getMethod("stop").invoke(current);
                idle.start((int) period);
                timerField.set(toolkit, idle);
                return true;
            }
        } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
            LOG.log(Level.FINE, "JavaFX's frame timer stays (it fires while idle)", e);
            return false;
        }
    }

    private static Object toolkit() throws ReflectiveOperationException {
        return Class.forName("com.sun.javafx.tk.Toolkit").getMethod("getToolkit").invoke(null);
    }

    /** The field of the running toolkit that holds its frame timer, opened. */
    private static Field toolkitTimer(Object toolkit) throws ReflectiveOperationException {
        Field timerField = toolkit.getClass().getDeclaredField("pulseTimer");
        timerField.setAccessible(true);
        return timerField;
    }
}
