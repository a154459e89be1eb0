-- Portable SQL: runs on H2 2.x and PostgreSQL 15+.
-- Pages by cursor continue through an index on each sort key with the id that breaks its ties;
-- a user's orders and the orders in one status, in id order, through theirs.
CREATE INDEX orders_user_id ON orders (user_id, id);
CREATE INDEX orders_status_id ON orders (status, id);
CREATE INDEX orders_created_id ON orders (created_at, id);
CREATE INDEX orders_updated_id ON orders (updated_at, id);
CREATE INDEX orders_total_id ON orders (total, id);
DROP INDEX orders_status;
