package org.opsconsole.service.kit;

import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * One-line log records, unless the user configured java.util.logging already; HikariCP says only
 * what went wrong (its pool's start and stop lines would repeat at every H2 compaction).
 */
public final class ServiceLogging {

    private static final String FORMAT = "%1$tF %1$tT.%1$tL %4$-7s [%3$s] %5$s%6$s%n";
    // held so that the level set on it stays (java.util.logging keeps loggers weakly)
    private static final Logger HIKARI = Logger.getLogger("com.zaxxer.hikari");

    private ServiceLogging() {
    }

    public static void configure() {
        if (System.getProperty("java.util.logging.config.file") == null
                && System.getProperty("java.util.logging.SimpleFormatter.format") == null) {
            System.setProperty("java.util.logging.SimpleFormatter.format", FORMAT);
            if (HIKARI.getLevel() == null) {
                HIKARI.setLevel(Level.WARNING);
            }
        }
    }
}
