-- Retention of the access log (issue 20): entries older than the retention
-- (12 years, never less) may be removed from the start of the log only,
-- after a signed checkpoint pinned the last of them (src/audit/retention.rs).

-- The log starts after this seq (0: nothing removed).
ALTER TABLE audit_head ADD COLUMN removed_through BIGINT NOT NULL DEFAULT 0;
-- The signed checkpoint of that entry (a line of the checkpoint file),
-- so every node can check the removal, whichever node's file holds it.
ALTER TABLE audit_head ADD COLUMN removed_pin TEXT NOT NULL DEFAULT '';

-- A delete passes only for an entry up to the recorded point that is older
-- than 12 years by the database's own clock; updates, truncation and every
-- other delete stay refused.
CREATE OR REPLACE FUNCTION audit_log_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'DELETE'
       AND OLD.seq <= (SELECT removed_through FROM audit_head WHERE id = 1)
       AND OLD.at < to_char((now() AT TIME ZONE 'UTC') - interval '12 years', 'YYYY-MM-DD"T"HH24:MI:SS')
    THEN
        RETURN OLD;
    END IF;
    RAISE EXCEPTION 'audit_log is append-only';
END
$$;

-- The auditor's views walk the newest entries of one user or one object
-- (and of a period, bounded by seq): the indexes end in seq.
DROP INDEX audit_log_actor;
CREATE INDEX audit_log_actor ON audit_log(actor_name, seq);
DROP INDEX audit_log_object;
CREATE INDEX audit_log_object ON audit_log(object_type, object_id, seq);
