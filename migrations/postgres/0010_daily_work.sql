-- Daily work (issue 16). Read and unread per person: the last message of a
-- case each person has seen (the inbox counts the messages after it).
CREATE TABLE request_reads (
    user_id         BIGINT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    request_id      BIGINT NOT NULL REFERENCES requests(id),
    message_id      BIGINT NOT NULL,
    read_at         TEXT NOT NULL,
    PRIMARY KEY (user_id, request_id)
);

-- The requester's view of the group's recommendations, recorded beside
-- them: agrees, or disagrees with a reason, and a comment.
ALTER TABLE requests ADD COLUMN requester_view TEXT NOT NULL DEFAULT ''
    CHECK (requester_view IN ('', 'agree', 'disagree'));
ALTER TABLE requests ADD COLUMN requester_comment TEXT NOT NULL DEFAULT '';

-- The messages of a request by time (the inbox's unread counts).
CREATE INDEX request_messages_author ON request_messages(request_id, author_id, id);

-- The wellbeing services county (hyvinvointialue, an organiser) an account
-- works in, beside its organisation (which gives its sector).
ALTER TABLE users ADD COLUMN organiser_code TEXT REFERENCES organisers(code);

-- The optional daily e-mail digest: whether the person wants it, and the
-- day it last went (one a day, whichever node sends it).
ALTER TABLE users ADD COLUMN daily_digest BIGINT NOT NULL DEFAULT 0 CHECK (daily_digest IN (0, 1));
ALTER TABLE users ADD COLUMN digest_sent_on TEXT;
