-- Writers take this row's lock before they append to the change log and keep it until they
-- commit, so change ids are handed out in commit order: a reader that has seen id N will never
-- later find a committed change below N. Writes are rare next to reads; serialising them is
-- the price of a change feed that never skips.
CREATE TABLE change_log_lock (
    id INTEGER PRIMARY KEY
);
INSERT INTO change_log_lock (id) VALUES (1);
