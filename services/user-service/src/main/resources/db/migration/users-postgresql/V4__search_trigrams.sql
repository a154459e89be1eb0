-- PostgreSQL only: search (q, text anywhere in a name or an email) through trigram indexes.
-- pg_trgm comes with PostgreSQL (contrib) and is a trusted extension, so a database owner may
-- create it; where it can't be created, search still works, by reading the table.
DO $$
BEGIN
    CREATE EXTENSION IF NOT EXISTS pg_trgm;
EXCEPTION WHEN insufficient_privilege OR undefined_file OR feature_not_supported THEN
    RAISE WARNING 'pg_trgm could not be created (%): search on users reads the whole table', SQLERRM;
END $$;

DO $$
BEGIN
    IF EXISTS (SELECT 1 FROM pg_extension WHERE extname = 'pg_trgm') THEN
        CREATE INDEX users_name_trgm ON users USING gin (name_key gin_trgm_ops);
        CREATE INDEX users_email_trgm ON users USING gin (email_key gin_trgm_ops);
    END IF;
END $$;
