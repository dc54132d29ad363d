-- Every change to a case or its messages is in the change feed (topic
-- `case`, object: the request's id), and every reading of a case's messages
-- (topic `read`, object: the reader's user id), written by the database
-- itself so that no write path can leave it out. Nodes keep each person's
-- navigation count (src/inbox/count.rs) and drop it when one comes. The
-- time is written as `core::db::now()` writes it (microseconds).
CREATE TRIGGER requests_case_insert AFTER INSERT ON requests BEGIN
    INSERT INTO outbox (topic, object_id, at)
    VALUES ('case', NEW.id, strftime('%Y-%m-%dT%H:%M:%f', 'now') || '000Z');
END;
CREATE TRIGGER requests_case_update AFTER UPDATE ON requests BEGIN
    INSERT INTO outbox (topic, object_id, at)
    VALUES ('case', NEW.id, strftime('%Y-%m-%dT%H:%M:%f', 'now') || '000Z');
END;
CREATE TRIGGER requests_case_delete AFTER DELETE ON requests BEGIN
    INSERT INTO outbox (topic, object_id, at)
    VALUES ('case', OLD.id, strftime('%Y-%m-%dT%H:%M:%f', 'now') || '000Z');
END;
CREATE TRIGGER request_messages_case_insert AFTER INSERT ON request_messages BEGIN
    INSERT INTO outbox (topic, object_id, at)
    VALUES ('case', NEW.request_id, strftime('%Y-%m-%dT%H:%M:%f', 'now') || '000Z');
END;
CREATE TRIGGER request_messages_case_update AFTER UPDATE ON request_messages BEGIN
    INSERT INTO outbox (topic, object_id, at)
    VALUES ('case', NEW.request_id, strftime('%Y-%m-%dT%H:%M:%f', 'now') || '000Z');
END;
CREATE TRIGGER request_messages_case_delete AFTER DELETE ON request_messages BEGIN
    INSERT INTO outbox (topic, object_id, at)
    VALUES ('case', OLD.request_id, strftime('%Y-%m-%dT%H:%M:%f', 'now') || '000Z');
END;
CREATE TRIGGER request_reads_read_insert AFTER INSERT ON request_reads BEGIN
    INSERT INTO outbox (topic, object_id, at)
    VALUES ('read', NEW.user_id, strftime('%Y-%m-%dT%H:%M:%f', 'now') || '000Z');
END;
CREATE TRIGGER request_reads_read_update AFTER UPDATE ON request_reads BEGIN
    INSERT INTO outbox (topic, object_id, at)
    VALUES ('read', NEW.user_id, strftime('%Y-%m-%dT%H:%M:%f', 'now') || '000Z');
END;
CREATE TRIGGER request_reads_read_delete AFTER DELETE ON request_reads BEGIN
    INSERT INTO outbox (topic, object_id, at)
    VALUES ('read', OLD.user_id, strftime('%Y-%m-%dT%H:%M:%f', 'now') || '000Z');
END;
