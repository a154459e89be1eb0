package org.opsconsole.service.kit;

/**
 * A service could not start. The message is a sentence for a person ("port 8081 is already in use
 * by another program"), never a stack trace; the cause keeps the details for the log.
 */
public class ServiceStartException extends RuntimeException {

    public ServiceStartException(String message, Throwable cause) {
        super(message, cause);
    }
}
