-- How far the outbox relay has published this service's events to the broker: the id of the last
-- event the broker confirmed. One row, created here, so instances only ever update it.
CREATE TABLE outbox_relay (
    relay         VARCHAR(64) PRIMARY KEY,
    last_event_id BIGINT NOT NULL
);
INSERT INTO outbox_relay (relay, last_event_id) VALUES ('broker', 0);
