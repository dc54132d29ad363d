-- A change feed that cannot skip (issue 14). SQLite has one writer at a
-- time, so outbox ids become visible in order and a follower needs only
-- `id > last`; the transaction id column exists for the schema's parity with
-- PostgreSQL, where it is what followers read by (src/core/changes.rs).
--
-- The table is made again with AUTOINCREMENT: a plain INTEGER PRIMARY KEY
-- reuses ids once the clean-up has emptied the table, and a follower past
-- the old highest id would never see the new ones.
CREATE TABLE outbox_new (
    id          INTEGER PRIMARY KEY AUTOINCREMENT,
    topic       TEXT NOT NULL,
    object_id   TEXT NOT NULL,
    at          TEXT NOT NULL,
    txid        INTEGER NOT NULL DEFAULT 0
);
INSERT INTO outbox_new (id, topic, object_id, at) SELECT id, topic, object_id, at FROM outbox;
DROP TABLE outbox;
ALTER TABLE outbox_new RENAME TO outbox;

-- The search index of each node: alive nodes, their last reconciliation
-- with the database and their answers to `otalusta index check|rebuild`.
CREATE TABLE index_nodes (
    node            TEXT PRIMARY KEY,
    started_at      TEXT NOT NULL,
    seen_at         TEXT NOT NULL,
    documents       INTEGER NOT NULL DEFAULT 0,
    checked_at      TEXT,
    last_check      TEXT,
    request_id      INTEGER NOT NULL DEFAULT 0,
    request_done    INTEGER NOT NULL DEFAULT 0,
    progress_done   INTEGER NOT NULL DEFAULT 0,
    progress_total  INTEGER NOT NULL DEFAULT 0
);

CREATE TABLE index_requests (
    id            INTEGER PRIMARY KEY AUTOINCREMENT,
    kind          TEXT NOT NULL CHECK (kind IN ('check', 'rebuild')),
    requested_at  TEXT NOT NULL
);
