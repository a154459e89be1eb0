package org.opsconsole.console.load.workload;

import okhttp3.Request;

/**
 * One kind of request in a run (read a user, create an order, GET a URL...). Operations are shared
 * by all workers, so they are thread-safe. An operation that needs state across requests (the ids
 * it created, the orders it may move) keeps it, and tags each request with what it needs to learn
 * from the answer ({@link Request#tag(Class)}).
 */
public interface Operation {

    String name();

    /** The next request of this kind, or {@code null} when it can't be made right now (nothing to act on yet). */
    Request nextRequest();

    /** Whether {@link #onResponse} needs the body; a body nobody reads is skipped, not buffered. */
    default boolean readsBody() {
        return false;
    }

    /** The answer to a request this operation made ({@code body} is empty unless {@link #readsBody()}). */
    default void onResponse(Request request, int status, byte[] body) {
    }

    /**
     * The request got no answer (timeout, refused, reset, or cancelled by a stop): its effect is
     * unknown, the server may have done it.
     */
    default void onFailure(Request request) {
    }
}
