package org.opsconsole.service.kit;

import java.time.Duration;

/**
 * When an H2 database file is worth compacting. Compaction pauses the database (see
 * {@link H2Compaction}), so it runs when it gives much back: at start when less than half the file
 * is live data (a {@code kill -9} after a write burst leaves that), once writes have stopped for
 * {@link #QUIET} and the file has grown a quarter past its size after the last compaction, and
 * during writes only when the file is past three times that size plus 48 MB, and then for at most
 * a twentieth of the time (each pause is followed by a cold cache: write throughput pays more than
 * the pause itself). The bounds it keeps: after writes stop, the file is back near its data's
 * size; while writing, within 3x + 48 MB of it.
 */
record CompactionPolicy(Duration quiet) {

    static final Duration QUIET = Duration.ofSeconds(10);
    static final long MB = 1024 * 1024;
    private static final long SLACK = MB;
    private static final long WRITING_SLACK = 48 * MB;
    private static final int MAX_PAUSE_SHARE = 20;

    static CompactionPolicy standard() {
        return new CompactionPolicy(QUIET);
    }

    /** Why a compaction runs. */
    enum Reason { START, IDLE, WRITING, CLOSE }

    /** At start, before any request: {@code liveBytes} is H2's estimate of the data in the file. */
    boolean atStart(long fileBytes, long liveBytes) {
        return fileBytes > 2 * liveBytes + SLACK;
    }

    /** When the service stops: the same rule as when it is idle. */
    boolean atClose(long fileBytes, long baselineBytes) {
        return grewPastIdleBound(fileBytes, baselineBytes);
    }

    /**
     * While the service runs.
     *
     * @param baselineBytes the file's size after the last compaction (or at start)
     * @param quietFor how long no write has reached the file
     * @param sinceLast how long since the last compaction ended
     * @param lastPause how long the last compaction paused the database
     * @return the reason to compact now, or null
     */
    Reason whileRunning(long fileBytes, long baselineBytes, Duration quietFor, Duration sinceLast, Duration lastPause) {
        if (quietFor.compareTo(quiet) >= 0 && grewPastIdleBound(fileBytes, baselineBytes)) {
            return Reason.IDLE;
        }
        boolean pastWritingBound = fileBytes > 3 * baselineBytes + WRITING_SLACK;
        boolean pausedLittle = sinceLast.compareTo(lastPause.multipliedBy(MAX_PAUSE_SHARE - 1)) >= 0;
        return pastWritingBound && pausedLittle ? Reason.WRITING : null;
    }

    private static boolean grewPastIdleBound(long fileBytes, long baselineBytes) {
        return fileBytes > baselineBytes + baselineBytes / 4 + SLACK;
    }
}
