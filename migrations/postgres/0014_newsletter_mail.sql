-- The newsletter's e-mails go out through the outside-address outbox
-- (event_mails) with their one-click unsubscribe address (RFC 8058): the
-- sender adds List-Unsubscribe and List-Unsubscribe-Post from it.
ALTER TABLE event_mails ADD COLUMN list_unsubscribe TEXT;

-- Each newsletter follows the one before it (0: the first): two sent from
-- the same page at once cannot both be stored, so none goes out twice.
ALTER TABLE newsletter_issues ADD COLUMN follows BIGINT;
CREATE UNIQUE INDEX newsletter_issues_follows ON newsletter_issues(follows);
