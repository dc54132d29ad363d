-- The consultation workflow: pre-information forms, requests, their
-- history, messages, attachments, meetings' agendas and outcomes, and
-- e-mail notifications (which carry no case content).

-- A group's pre-information form, one row per version; the group's
-- current form is its highest version. Versions never change.
CREATE TABLE form_versions (
    id              INTEGER PRIMARY KEY,
    group_id        INTEGER NOT NULL REFERENCES consultation_groups(id),
    version         INTEGER NOT NULL,
    -- otalusta_domain::questionnaire::Questionnaire as JSON.
    definition      TEXT NOT NULL,
    created_by      INTEGER REFERENCES users(id),
    created_at      TEXT NOT NULL,
    UNIQUE (group_id, version)
);

CREATE TABLE requests (
    id              INTEGER PRIMARY KEY,
    requester_id    INTEGER NOT NULL REFERENCES users(id),
    group_id        INTEGER NOT NULL REFERENCES consultation_groups(id),
    form_version_id INTEGER NOT NULL REFERENCES form_versions(id),
    status          TEXT NOT NULL,
    -- Answers (Answers as JSON), pseudonymous by default.
    answers         TEXT NOT NULL DEFAULT '{}',
    -- none / consent / statutory, with what the requester wrote about it.
    identification  TEXT NOT NULL DEFAULT 'none',
    basis_note      TEXT NOT NULL DEFAULT '',
    -- The personal identity code, encrypted with a key outside the
    -- database (XChaCha20-Poly1305, base64 of nonce and ciphertext).
    identity_cipher TEXT,
    -- The meeting (its rule date) the request is placed on.
    meeting_date    TEXT,
    -- Why earlier meetings were passed over (Placement as JSON).
    placement       TEXT NOT NULL DEFAULT '',
    -- Placed after the deadline by the secretary's decision.
    late            INTEGER NOT NULL DEFAULT 0 CHECK (late IN (0, 1)),
    agenda_position INTEGER,
    -- The group's summary and the requester's own record.
    summary         TEXT NOT NULL DEFAULT '',
    requester_record TEXT NOT NULL DEFAULT '',
    follow_up_due   TEXT,
    follow_up_notified INTEGER NOT NULL DEFAULT 0 CHECK (follow_up_notified IN (0, 1)),
    follow_up_note  TEXT NOT NULL DEFAULT '',
    created_at      TEXT NOT NULL,
    submitted_at    TEXT,
    updated_at      TEXT NOT NULL,
    closed_at       TEXT
);
CREATE INDEX requests_requester ON requests(requester_id, status);
CREATE INDEX requests_group ON requests(group_id, status);
CREATE INDEX requests_meeting ON requests(group_id, meeting_date);

-- The request's history: who did what, when, and why.
CREATE TABLE request_events (
    id              INTEGER PRIMARY KEY,
    request_id      INTEGER NOT NULL REFERENCES requests(id),
    at              TEXT NOT NULL,
    actor_id        INTEGER REFERENCES users(id),
    role            TEXT NOT NULL,
    kind            TEXT NOT NULL,
    from_status     TEXT NOT NULL,
    to_status       TEXT NOT NULL,
    reason          TEXT NOT NULL DEFAULT '',
    -- e.g. the meeting or the group it went to.
    detail          TEXT NOT NULL DEFAULT ''
);
CREATE INDEX request_events_request ON request_events(request_id, id);

-- The secure channel between the requester and the secretary.
CREATE TABLE request_messages (
    id              INTEGER PRIMARY KEY,
    request_id      INTEGER NOT NULL REFERENCES requests(id),
    author_id       INTEGER NOT NULL REFERENCES users(id),
    at              TEXT NOT NULL,
    body            TEXT NOT NULL
);
CREATE INDEX request_messages_request ON request_messages(request_id, id);

CREATE TABLE attachments (
    id              INTEGER PRIMARY KEY,
    request_id      INTEGER NOT NULL REFERENCES requests(id),
    filename        TEXT NOT NULL,
    content_type    TEXT NOT NULL,
    size            INTEGER NOT NULL,
    sha256          TEXT NOT NULL,
    data            BLOB NOT NULL,
    uploaded_by     INTEGER NOT NULL REFERENCES users(id),
    uploaded_at     TEXT NOT NULL
);
CREATE INDEX attachments_request ON attachments(request_id);

-- Toimenpidesuositukset, and at follow-up whether each was carried out.
CREATE TABLE recommendations (
    id              INTEGER PRIMARY KEY,
    request_id      INTEGER NOT NULL REFERENCES requests(id),
    position        INTEGER NOT NULL,
    action          TEXT NOT NULL,
    responsible     TEXT NOT NULL,
    due_date        TEXT,
    outcome         TEXT,
    outcome_note    TEXT NOT NULL DEFAULT ''
);
CREATE INDEX recommendations_request ON recommendations(request_id, position);

-- Who was at a meeting: members and the requesters of its cases.
CREATE TABLE meeting_attendance (
    group_id        INTEGER NOT NULL REFERENCES consultation_groups(id),
    rule_date       TEXT NOT NULL,
    user_id         INTEGER NOT NULL REFERENCES users(id),
    present         INTEGER NOT NULL CHECK (present IN (0, 1)),
    PRIMARY KEY (group_id, rule_date, user_id)
);

-- E-mail to send: a link and a generic sentence, never case content.
CREATE TABLE notifications (
    id              INTEGER PRIMARY KEY,
    user_id         INTEGER NOT NULL REFERENCES users(id),
    kind            TEXT NOT NULL,
    link            TEXT NOT NULL,
    created_at      TEXT NOT NULL,
    sent_at         TEXT,
    attempts        INTEGER NOT NULL DEFAULT 0,
    last_error      TEXT NOT NULL DEFAULT '',
    -- A node sending it holds it until this time (several nodes).
    claimed_until   TEXT
);
CREATE INDEX notifications_pending ON notifications(sent_at, claimed_until);
