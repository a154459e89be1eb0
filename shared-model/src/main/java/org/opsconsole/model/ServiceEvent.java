package org.opsconsole.model;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.Instant;

/**
 * A domain event from a service's outbox: {@code user.created}, {@code order.status-changed}, ...
 * {@code id} grows by one per event within a service; {@code data} is the entity after the change
 * (for a deletion, before it).
 */
public record ServiceEvent(long id, String type, String service, long subjectId, Instant time, JsonNode data) {
}
