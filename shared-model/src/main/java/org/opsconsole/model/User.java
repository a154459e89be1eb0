package org.opsconsole.model;

import java.time.Instant;

/** A stored user, as the user service returns it. */
public record User(long id, String name, String email, Instant createdAt, Instant updatedAt, long version) {
}
