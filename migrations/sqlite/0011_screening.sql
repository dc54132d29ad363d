-- Screening and service guidance (issue 17).

-- OT-seula: the instrument as versioned data. Each edit is a new version;
-- `area_code` '' is the platform's default version, otherwise an OT
-- centre's own (its cooperation area's). A screening keeps the version it
-- was filled with.
CREATE TABLE screening_instruments (
    id              INTEGER PRIMARY KEY,
    area_code       TEXT NOT NULL DEFAULT '',
    version         INTEGER NOT NULL,
    definition      TEXT NOT NULL,
    created_by      INTEGER REFERENCES users(id),
    created_at      TEXT NOT NULL,
    UNIQUE (area_code, version)
);

-- A screening of one child's situation by a multi-actor team. Never the
-- child's name or identity code: an age band and the family's language
-- at most. `result` is the evaluation frozen when it was finished.
CREATE TABLE screenings (
    id              INTEGER PRIMARY KEY,
    instrument_id   INTEGER NOT NULL REFERENCES screening_instruments(id),
    owner_id        INTEGER NOT NULL REFERENCES users(id),
    area_code       TEXT,
    organiser_code  TEXT,
    age_band        TEXT NOT NULL DEFAULT '',
    language        TEXT NOT NULL DEFAULT 'fi' CHECK (language IN ('fi', 'sv', 'en', 'other')),
    status          TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'done')),
    outcome         TEXT,
    score           INTEGER,
    result          TEXT,
    created_at      TEXT NOT NULL,
    updated_at      TEXT NOT NULL,
    completed_at    TEXT
);
CREATE INDEX screenings_owner ON screenings(owner_id, id);

-- The team: the owner and the colleagues invited, each with a comment.
CREATE TABLE screening_participants (
    screening_id    INTEGER NOT NULL REFERENCES screenings(id),
    user_id         INTEGER NOT NULL REFERENCES users(id),
    invited_by      INTEGER REFERENCES users(id),
    added_at        TEXT NOT NULL,
    comment         TEXT NOT NULL DEFAULT '',
    PRIMARY KEY (screening_id, user_id)
);
CREATE INDEX screening_participants_user ON screening_participants(user_id);

-- Who said what: each participant's answer to each item (option keys,
-- comma-separated).
CREATE TABLE screening_answers (
    screening_id    INTEGER NOT NULL REFERENCES screenings(id),
    user_id         INTEGER NOT NULL REFERENCES users(id),
    item_key        TEXT NOT NULL,
    options         TEXT NOT NULL,
    updated_at      TEXT NOT NULL,
    PRIMARY KEY (screening_id, user_id, item_key)
);

-- Palveluohjaus: questions to the OT centre and the guidance given.
CREATE TABLE guidance_questions (
    id              INTEGER PRIMARY KEY,
    area_code       TEXT NOT NULL REFERENCES areas(code),
    channel         TEXT NOT NULL CHECK (channel IN ('platform', 'phone', 'email', 'other')),
    asked_by        INTEGER REFERENCES users(id),
    asker           TEXT NOT NULL DEFAULT '',
    question        TEXT NOT NULL,
    received_at     TEXT NOT NULL,
    recorded_by     INTEGER REFERENCES users(id),
    guidance        TEXT NOT NULL DEFAULT '',
    directed_group  INTEGER REFERENCES consultation_groups(id),
    directed_note   TEXT NOT NULL DEFAULT '',
    answered_at     TEXT,
    answered_by     INTEGER REFERENCES users(id),
    follow_up_on    TEXT,
    follow_up_note  TEXT NOT NULL DEFAULT '',
    closed_at       TEXT
);
CREATE INDEX guidance_questions_open ON guidance_questions(area_code, closed_at, received_at);
CREATE INDEX guidance_questions_asker ON guidance_questions(asked_by);

-- Tutkimus- ja kehittämistarpeet: needs noticed in cases, without client
-- data, listed for the network.
CREATE TABLE development_needs (
    id              INTEGER PRIMARY KEY,
    area_code       TEXT NOT NULL REFERENCES areas(code),
    need            TEXT NOT NULL,
    phenomena       TEXT NOT NULL DEFAULT '',
    created_by      INTEGER REFERENCES users(id),
    created_at      TEXT NOT NULL
);

-- The area OT coordinator's contact on the channels' public pages.
CREATE TABLE area_contacts (
    area_code       TEXT PRIMARY KEY REFERENCES areas(code),
    name            TEXT NOT NULL,
    phone           TEXT NOT NULL DEFAULT '',
    email           TEXT NOT NULL DEFAULT '',
    updated_at      TEXT NOT NULL
);

-- One vocabulary of need (perustaso, erityistaso, ot-taso): which levels a
-- channel and an expert serve (comma-separated), what the requester
-- thinks and what the group concluded.
ALTER TABLE consultation_groups ADD COLUMN levels TEXT NOT NULL DEFAULT '';
ALTER TABLE experts ADD COLUMN levels TEXT NOT NULL DEFAULT '';
ALTER TABLE requests ADD COLUMN need_level TEXT NOT NULL DEFAULT ''
    CHECK (need_level IN ('', 'perustaso', 'erityistaso', 'ot-taso'));
ALTER TABLE requests ADD COLUMN concluded_level TEXT NOT NULL DEFAULT ''
    CHECK (concluded_level IN ('', 'perustaso', 'erityistaso', 'ot-taso'));
ALTER TABLE requests ADD COLUMN screening_id INTEGER REFERENCES screenings(id);

-- A channel's public page: its client criteria and how to ask.
ALTER TABLE consultation_groups ADD COLUMN criteria_fi TEXT NOT NULL DEFAULT '';
ALTER TABLE consultation_groups ADD COLUMN criteria_sv TEXT NOT NULL DEFAULT '';
ALTER TABLE consultation_groups ADD COLUMN criteria_en TEXT NOT NULL DEFAULT '';
ALTER TABLE consultation_groups ADD COLUMN how_to_ask_fi TEXT NOT NULL DEFAULT '';
ALTER TABLE consultation_groups ADD COLUMN how_to_ask_sv TEXT NOT NULL DEFAULT '';
ALTER TABLE consultation_groups ADD COLUMN how_to_ask_en TEXT NOT NULL DEFAULT '';
