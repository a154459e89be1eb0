package org.opsconsole.service.kit;

/** One-line log records, unless the user configured java.util.logging already. */
public final class ServiceLogging {

    private static final String FORMAT = "%1$tF %1$tT.%1$tL %4$-7s [%3$s] %5$s%6$s%n";

    private ServiceLogging() {
    }

    public static void configure() {
        if (System.getProperty("java.util.logging.config.file") == null
                && System.getProperty("java.util.logging.SimpleFormatter.format") == null) {
            System.setProperty("java.util.logging.SimpleFormatter.format", FORMAT);
        }
    }
}
