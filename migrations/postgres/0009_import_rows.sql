-- Imports keep no personal data once they are done (issue 15). The rows of
-- a checked file (names, e-mail addresses, …) wait in import_batch_rows
-- only until the batch is confirmed, discarded or expires (24 h, the
-- janitor); import_batches keeps who imported which file where, how many
-- rows and when: the audit trail, without the rows. Rows of batches that
-- are already done are dropped here.
CREATE TABLE import_batch_rows (
    batch_id        BIGINT PRIMARY KEY REFERENCES import_batches(id),
    rows_json       TEXT NOT NULL
);
INSERT INTO import_batch_rows (batch_id, rows_json)
    SELECT id, rows_json FROM import_batches WHERE status = 'preview';

ALTER TABLE import_batches DROP COLUMN rows_json;
ALTER TABLE import_batches DROP CONSTRAINT import_batches_status_check;
ALTER TABLE import_batches ADD CONSTRAINT import_batches_status_check
    CHECK (status IN ('preview', 'imported', 'discarded', 'expired'));
