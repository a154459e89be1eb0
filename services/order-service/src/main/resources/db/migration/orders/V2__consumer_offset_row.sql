-- The consumer's offset row exists before any instance consumes: instances lock it (SELECT ... FOR
-- UPDATE) to apply each event once, and a row that two instances race to insert can't be locked.
INSERT INTO consumer_offsets (source, last_event_id)
SELECT 'users', 0 WHERE NOT EXISTS (SELECT 1 FROM consumer_offsets WHERE source = 'users');
