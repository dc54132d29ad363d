-- Imports keep no personal data once they are done (issue 15). The rows of
-- a checked file (names, e-mail addresses, …) wait in import_batch_rows
-- only until the batch is confirmed, discarded or expires (24 h, the
-- janitor); import_batches keeps who imported which file where, how many
-- rows and when: the audit trail, without the rows. Rows of batches that
-- are already done are dropped here.
CREATE TABLE import_batches_new (
    id              INTEGER PRIMARY KEY,
    user_id         INTEGER NOT NULL REFERENCES users(id),
    area_code       TEXT NOT NULL,
    filename        TEXT NOT NULL,
    row_count       INTEGER NOT NULL,
    status          TEXT NOT NULL
                    CHECK (status IN ('preview', 'imported', 'discarded', 'expired')),
    created_at      TEXT NOT NULL,
    finished_at     TEXT
);
INSERT INTO import_batches_new
    (id, user_id, area_code, filename, row_count, status, created_at, finished_at)
    SELECT id, user_id, area_code, filename, row_count, status, created_at, finished_at
    FROM import_batches;

-- Refers to import_batches_new, which the rename below makes import_batches.
CREATE TABLE import_batch_rows (
    batch_id        INTEGER PRIMARY KEY REFERENCES import_batches_new(id),
    rows_json       TEXT NOT NULL
);
INSERT INTO import_batch_rows (batch_id, rows_json)
    SELECT id, rows_json FROM import_batches WHERE status = 'preview';

DROP TABLE import_batches;
ALTER TABLE import_batches_new RENAME TO import_batches;
