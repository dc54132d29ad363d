-- Every change to a case, its messages or who has read them is in the
-- change feed (topic `case`, object: the request's id), written by the
-- database itself so that no write path can leave it out. Nodes keep each
-- person's navigation count (src/inbox/count.rs) and drop it when one comes.
CREATE TRIGGER requests_case_insert AFTER INSERT ON requests BEGIN
    INSERT INTO outbox (topic, object_id, at)
    VALUES ('case', NEW.id, strftime('%Y-%m-%dT%H:%M:%fZ', 'now'));
END;
CREATE TRIGGER requests_case_update AFTER UPDATE ON requests BEGIN
    INSERT INTO outbox (topic, object_id, at)
    VALUES ('case', NEW.id, strftime('%Y-%m-%dT%H:%M:%fZ', 'now'));
END;
CREATE TRIGGER requests_case_delete AFTER DELETE ON requests BEGIN
    INSERT INTO outbox (topic, object_id, at)
    VALUES ('case', OLD.id, strftime('%Y-%m-%dT%H:%M:%fZ', 'now'));
END;
CREATE TRIGGER request_messages_case_insert AFTER INSERT ON request_messages BEGIN
    INSERT INTO outbox (topic, object_id, at)
    VALUES ('case', NEW.request_id, strftime('%Y-%m-%dT%H:%M:%fZ', 'now'));
END;
CREATE TRIGGER request_messages_case_update AFTER UPDATE ON request_messages BEGIN
    INSERT INTO outbox (topic, object_id, at)
    VALUES ('case', NEW.request_id, strftime('%Y-%m-%dT%H:%M:%fZ', 'now'));
END;
CREATE TRIGGER request_messages_case_delete AFTER DELETE ON request_messages BEGIN
    INSERT INTO outbox (topic, object_id, at)
    VALUES ('case', OLD.request_id, strftime('%Y-%m-%dT%H:%M:%fZ', 'now'));
END;
CREATE TRIGGER request_reads_case_insert AFTER INSERT ON request_reads BEGIN
    INSERT INTO outbox (topic, object_id, at)
    VALUES ('case', NEW.request_id, strftime('%Y-%m-%dT%H:%M:%fZ', 'now'));
END;
CREATE TRIGGER request_reads_case_update AFTER UPDATE ON request_reads BEGIN
    INSERT INTO outbox (topic, object_id, at)
    VALUES ('case', NEW.request_id, strftime('%Y-%m-%dT%H:%M:%fZ', 'now'));
END;
CREATE TRIGGER request_reads_case_delete AFTER DELETE ON request_reads BEGIN
    INSERT INTO outbox (topic, object_id, at)
    VALUES ('case', OLD.request_id, strftime('%Y-%m-%dT%H:%M:%fZ', 'now'));
END;
