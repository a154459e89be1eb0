package org.opsconsole.service.kit;

/**
 * What a repository says went wrong with a change, in the domain's words: the thing does not
 * exist, it conflicts with what is stored, or it changed since the caller read it. Mapped to HTTP
 * in one place, {@link ProblemResponses}.
 */
public abstract sealed class DomainException extends RuntimeException
        permits DomainException.NotFound, DomainException.Conflict, DomainException.StaleVersion {

    private DomainException(String message) {
        super(message, null, false, false);
    }

    /** The thing asked for does not exist (404). */
    public static final class NotFound extends DomainException {
        public NotFound(String what, long id) {
            super(what + " " + id + " does not exist");
        }
    }

    /** The change contradicts what is stored: a duplicate, an illegal move (409). */
    public static final class Conflict extends DomainException {
        public Conflict(String message) {
            super(message);
        }
    }

    /** The caller's version is not the stored one: someone changed it meanwhile (412). */
    public static final class StaleVersion extends DomainException {
        public StaleVersion(String what, long id, long current, long expected) {
            super(what + " " + id + " has changed: it is at version " + current + ", the request expected version "
                    + expected + ". Reload it and apply the change again.");
        }
    }
}
