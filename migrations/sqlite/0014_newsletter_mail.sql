-- The newsletter's e-mails go out through the outside-address outbox
-- (event_mails) with their one-click unsubscribe address (RFC 8058): the
-- sender adds List-Unsubscribe and List-Unsubscribe-Post from it.
ALTER TABLE event_mails ADD COLUMN list_unsubscribe TEXT;
