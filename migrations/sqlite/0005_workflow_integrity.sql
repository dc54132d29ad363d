-- Consultation workflow integrity: one-time form tokens (a replayed or
-- double-clicked form gets its first answer again, not a second effect)
-- and the earlier meeting rules of groups (a rule change takes effect from
-- the day it is made; the meetings before it keep the rule they had).

CREATE TABLE form_tokens (
    -- SHA-256 of the token the form carried.
    token_hash      TEXT PRIMARY KEY,
    user_id         INTEGER NOT NULL REFERENCES users(id),
    -- Where the first post was answered to (a path), once it is known.
    answer          TEXT NOT NULL DEFAULT '',
    created_at      TEXT NOT NULL
);
CREATE INDEX form_tokens_created ON form_tokens(created_at);

-- The rules a group had before its current one, oldest first, as JSON
-- (a list of otalusta_domain::calendar::PastRule: the rule and the day it
-- stopped giving meetings).
ALTER TABLE consultation_groups ADD COLUMN past_rules TEXT NOT NULL DEFAULT '[]';
