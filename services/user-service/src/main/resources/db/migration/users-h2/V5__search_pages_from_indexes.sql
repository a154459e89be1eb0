-- H2 only: a search (names or emails that start with the text) reads the names and the emails
-- each through its own index, as many entries as a page needs. Sorted by name or by email, each
-- index also holds the other key, so such a page is read from the two indexes alone, however
-- many users match. The name index keeps (name, id) first: it still serves pages sorted by name.
CREATE INDEX users_email_name ON users (email_key, name_key);
DROP INDEX users_name_id;
CREATE INDEX users_name_id ON users (name_key, id, email_key);
