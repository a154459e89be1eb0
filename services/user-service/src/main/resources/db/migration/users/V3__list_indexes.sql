-- Portable SQL: runs on H2 2.x and PostgreSQL 15+.
-- Pages by cursor continue through an index on each sort key with the id that breaks its ties
-- (email_key is unique: its index needs no id); the single-column ones they replace go.
CREATE INDEX users_name_id ON users (name_key, id);
CREATE INDEX users_created_id ON users (created_at, id);
CREATE INDEX users_updated_id ON users (updated_at, id);
DROP INDEX users_name;
DROP INDEX users_created_at;
