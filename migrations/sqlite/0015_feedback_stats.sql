-- Feedback and impact (issue 19): the requester's close-out survey, the
-- one-time feedback links for children, youth and parents, the phenomena a
-- request is about, and the protected statistics snapshot.

-- Loppukysely: the close-out survey as versioned data, like the forms.
-- A version never changes; the current survey is the highest version.
CREATE TABLE survey_versions (
    id              INTEGER PRIMARY KEY,
    version         INTEGER NOT NULL UNIQUE,
    -- otalusta_domain::questionnaire::Questionnaire as JSON.
    definition      TEXT NOT NULL,
    created_by      INTEGER REFERENCES users(id),
    created_at      TEXT NOT NULL
);

-- The requester's answers, once per request (part of the follow-up).
CREATE TABLE survey_answers (
    request_id      INTEGER PRIMARY KEY REFERENCES requests(id),
    survey_version_id INTEGER NOT NULL REFERENCES survey_versions(id),
    answers         TEXT NOT NULL,
    answered_at     TEXT NOT NULL
);

-- A one-time feedback link (palautelinkki) made by the requester. Only a
-- hash of its secret is kept. `used` says it was answered, without when:
-- the time could tell which answer came through which link.
CREATE TABLE feedback_links (
    id              INTEGER PRIMARY KEY,
    request_id      INTEGER NOT NULL REFERENCES requests(id),
    audience        TEXT NOT NULL CHECK (audience IN ('child', 'youth', 'parent')),
    lang            TEXT NOT NULL CHECK (lang IN ('fi', 'sv', 'en')),
    token_hash      TEXT NOT NULL UNIQUE,
    created_by      INTEGER NOT NULL REFERENCES users(id),
    created_at      TEXT NOT NULL,
    expires_at      TEXT NOT NULL,
    used            INTEGER NOT NULL DEFAULT 0 CHECK (used IN (0, 1))
);
CREATE INDEX feedback_links_request ON feedback_links(request_id);

-- A child's, youth's or parent's answer. Nothing that identifies the
-- respondent: no link, no account, no address, no time finer than the
-- month, and a random key (a running number would give the order). It
-- joins its consultation for statistics only.
CREATE TABLE feedback_answers (
    id              TEXT PRIMARY KEY,
    request_id      INTEGER NOT NULL REFERENCES requests(id),
    audience        TEXT NOT NULL CHECK (audience IN ('child', 'youth', 'parent')),
    form_version    INTEGER NOT NULL,
    month           TEXT NOT NULL,
    answers         TEXT NOT NULL
);
CREATE INDEX feedback_answers_request ON feedback_answers(request_id);

-- The phenomena (ilmiöt) a request is about, chosen by the requester.
CREATE TABLE request_phenomena (
    request_id      INTEGER NOT NULL REFERENCES requests(id),
    phenomenon_id   INTEGER NOT NULL REFERENCES phenomena(id),
    PRIMARY KEY (request_id, phenomenon_id)
);

-- When the group's first recommendation was recorded, for the statistics.
CREATE INDEX request_events_kind ON request_events(kind, request_id, at);

-- The statistics as published: one protected table set, computed from the
-- whole data at once so that no two views can be combined to uncover a
-- hidden cell. Every node shows the latest snapshot.
CREATE TABLE stats_snapshots (
    id              INTEGER PRIMARY KEY,
    computed_at     TEXT NOT NULL,
    body            TEXT NOT NULL
);
