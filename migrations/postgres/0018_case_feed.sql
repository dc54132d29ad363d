-- Every change to a case or its messages is in the change feed (topic
-- `case`, object: the request's id), and every reading of a case's messages
-- (topic `read`, object: the reader's user id), written by the database
-- itself so that no write path can leave it out. Nodes keep each person's
-- navigation count (src/inbox/count.rs) and drop it when one comes.
CREATE FUNCTION outbox_case() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    r RECORD;
    feed_topic TEXT := 'case';
    feed_object BIGINT;
BEGIN
    IF TG_OP = 'DELETE' THEN r := OLD; ELSE r := NEW; END IF;
    -- Each branch is planned only when taken: the other tables' rows have
    -- no such field.
    IF TG_TABLE_NAME = 'requests' THEN
        feed_object := r.id;
    ELSIF TG_TABLE_NAME = 'request_reads' THEN
        feed_topic := 'read';
        feed_object := r.user_id;
    ELSE
        feed_object := r.request_id;
    END IF;
    INSERT INTO outbox (topic, object_id, at) VALUES (feed_topic, feed_object::text,
        to_char(clock_timestamp() AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'));
    RETURN NULL;
END $$;
CREATE TRIGGER requests_case AFTER INSERT OR UPDATE OR DELETE ON requests
    FOR EACH ROW EXECUTE FUNCTION outbox_case();
CREATE TRIGGER request_messages_case AFTER INSERT OR UPDATE OR DELETE ON request_messages
    FOR EACH ROW EXECUTE FUNCTION outbox_case();
CREATE TRIGGER request_reads_read AFTER INSERT OR UPDATE OR DELETE ON request_reads
    FOR EACH ROW EXECUTE FUNCTION outbox_case();
