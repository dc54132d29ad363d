-- Security (issue 13): a keyed access log anchored outside the database,
-- scoped and expiring API tokens, and administrator-issued passwords that
-- must be changed at first login.

-- Entries from this sequence number on are keyed (HMAC with the access-log
-- key derived from the key file); the ones before it were written with the
-- unkeyed v1 hash and are sealed by the first signed checkpoint, which also
-- records this boundary (see ARCHITECTURE.md, "The access log").
ALTER TABLE audit_head ADD COLUMN keyed_from INTEGER NOT NULL DEFAULT 1;
UPDATE audit_head SET keyed_from = seq + 1;

-- 'read' (GET only) or 'full'.
ALTER TABLE api_tokens ADD COLUMN scope TEXT NOT NULL DEFAULT 'full'
    CHECK (scope IN ('read', 'full'));
-- Tokens that existed before expire 90 days after they were made.
ALTER TABLE api_tokens ADD COLUMN expires_at TEXT NOT NULL DEFAULT '';
UPDATE api_tokens
SET expires_at = strftime('%Y-%m-%dT%H:%M:%f', created_at, '+90 days') || '000Z';

-- Tokens of accounts already disabled are revoked, as disabling now does
-- (enabling the account must not bring them back).
UPDATE api_tokens SET revoked_at = created_at
WHERE revoked_at IS NULL AND user_id IN (SELECT id FROM users WHERE disabled = 1);

ALTER TABLE users ADD COLUMN must_change_password INTEGER NOT NULL DEFAULT 0
    CHECK (must_change_password IN (0, 1));
