package org.opsconsole.service.kit;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A test that provokes a failure on purpose (a port in use, say) and expects these loggers to
 * log SEVERE about it; {@link SevereLogGuard} fails on any other SEVERE line.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface AllowsSevereLog {

    /** Names of the loggers whose SEVERE lines are expected. */
    String[] value();
}
