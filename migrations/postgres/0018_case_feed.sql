-- Every change to a case, its messages or who has read them is in the
-- change feed (topic `case`, object: the request's id), written by the
-- database itself so that no write path can leave it out. Nodes keep each
-- person's navigation count (src/inbox/count.rs) and drop it when one comes.
CREATE FUNCTION outbox_case() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    r RECORD;
    request BIGINT;
BEGIN
    IF TG_OP = 'DELETE' THEN r := OLD; ELSE r := NEW; END IF;
    -- Each branch is planned only when taken: the other table's row has
    -- no such field.
    IF TG_TABLE_NAME = 'requests' THEN request := r.id; ELSE request := r.request_id; END IF;
    INSERT INTO outbox (topic, object_id, at) VALUES ('case', request::text,
        to_char(clock_timestamp() AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'));
    RETURN NULL;
END $$;
CREATE TRIGGER requests_case AFTER INSERT OR UPDATE OR DELETE ON requests
    FOR EACH ROW EXECUTE FUNCTION outbox_case();
CREATE TRIGGER request_messages_case AFTER INSERT OR UPDATE OR DELETE ON request_messages
    FOR EACH ROW EXECUTE FUNCTION outbox_case();
CREATE TRIGGER request_reads_case AFTER INSERT OR UPDATE OR DELETE ON request_reads
    FOR EACH ROW EXECUTE FUNCTION outbox_case();
