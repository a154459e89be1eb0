import java.util.concurrent.locks.LockSupport;

/**
 * The machine's floor for late sends (bench/load-engine.sh runs it beside wrk): a bare timer that
 * wakes at RATE per second for SECONDS, as the engine's schedule does but sending nothing, and counts
 * the wake-ups more than 2 ms late. What this machine's scheduler does to any sender, in one line:
 *
 *   java bench/TimerFloor.java RATE SECONDS
 */
public class TimerFloor {
    public static void main(String[] args) {
        double rate = Double.parseDouble(args[0]);
        int seconds = Integer.parseInt(args[1]);
        long total = (long) (rate * seconds);
        long start = System.nanoTime() + 100_000_000L;
        long late = 0;
        long max = 0;
        for (long i = 0; i < total; i++) {
            long due = start + Math.round(i * 1e9 / rate);
            long now;
            while ((now = System.nanoTime()) < due) {
                LockSupport.parkNanos(due - now);
            }
            long behind = now - due;
            if (behind > 2_000_000) {
                late++;
            }
            max = Math.max(max, behind);
        }
        System.out.printf(java.util.Locale.ROOT, "%.2f %.2f%n", 100.0 * late / total, max / 1e6);
    }
}
