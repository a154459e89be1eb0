package org.opsconsole.model;

/** The body of {@code POST /users} and {@code PUT /users/{id}}: what a client may set on a user. */
public record UserDraft(String name, String email) {
}
