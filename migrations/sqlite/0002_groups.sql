-- Consultation groups (konsultaatioryhmät) and their calendars; the shared
-- taxonomy of phenomena (ilmiöt) they take.

CREATE TABLE phenomena (
    id              INTEGER PRIMARY KEY,
    code            TEXT NOT NULL UNIQUE,
    name_fi         TEXT NOT NULL,
    name_sv         TEXT NOT NULL,
    name_en         TEXT NOT NULL,
    description_fi  TEXT NOT NULL DEFAULT '',
    description_sv  TEXT NOT NULL DEFAULT '',
    description_en  TEXT NOT NULL DEFAULT '',
    -- Other words for it, comma-separated, any language.
    synonyms        TEXT NOT NULL DEFAULT '',
    active          INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
    sort_order      INTEGER NOT NULL DEFAULT 0,
    updated_at      TEXT NOT NULL
);

CREATE TABLE consultation_groups (
    id              INTEGER PRIMARY KEY,
    name_fi         TEXT NOT NULL,
    name_sv         TEXT NOT NULL DEFAULT '',
    name_en         TEXT NOT NULL DEFAULT '',
    kind            TEXT NOT NULL,
    -- The cooperation area whose coordinators run it.
    area_code       TEXT NOT NULL REFERENCES areas(code),
    -- The county (or Helsinki, HUS) it serves, if one.
    organiser_code  TEXT REFERENCES organisers(code),
    mode            TEXT NOT NULL,
    place           TEXT NOT NULL DEFAULT '',
    video_link      TEXT NOT NULL DEFAULT '',
    capacity        INTEGER NOT NULL CHECK (capacity > 0),
    description_fi  TEXT NOT NULL DEFAULT '',
    description_sv  TEXT NOT NULL DEFAULT '',
    description_en  TEXT NOT NULL DEFAULT '',
    -- The meeting rule (otalusta_domain::calendar::MeetingRule) as JSON.
    rule            TEXT NOT NULL,
    -- Grows with every change to the rule or a meeting: the iCalendar
    -- SEQUENCE, so calendar programs replace their copies.
    calendar_version INTEGER NOT NULL DEFAULT 1,
    active          INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
    created_at      TEXT NOT NULL,
    updated_at      TEXT NOT NULL
);
CREATE INDEX consultation_groups_area ON consultation_groups(area_code);

CREATE TABLE group_phenomena (
    group_id        INTEGER NOT NULL REFERENCES consultation_groups(id) ON DELETE CASCADE,
    phenomenon_id   INTEGER NOT NULL REFERENCES phenomena(id),
    PRIMARY KEY (group_id, phenomenon_id)
);
CREATE INDEX group_phenomena_phenomenon ON group_phenomena(phenomenon_id);

-- Who may ask: kind 'area' (cooperation area code) or 'sector'. No rows of
-- a kind: no limit of that kind.
CREATE TABLE group_eligibility (
    group_id        INTEGER NOT NULL REFERENCES consultation_groups(id) ON DELETE CASCADE,
    kind            TEXT NOT NULL CHECK (kind IN ('area', 'sector')),
    value           TEXT NOT NULL,
    PRIMARY KEY (group_id, kind, value)
);

CREATE TABLE group_members (
    group_id        INTEGER NOT NULL REFERENCES consultation_groups(id) ON DELETE CASCADE,
    user_id         INTEGER NOT NULL REFERENCES users(id),
    role            TEXT NOT NULL,
    added_at        TEXT NOT NULL,
    PRIMARY KEY (group_id, user_id)
);
CREATE INDEX group_members_user ON group_members(user_id);

-- A secretary's change to one meeting, keyed by the date the rule yields
-- (the meeting's identity); at most one per meeting, history in the log.
CREATE TABLE meeting_overrides (
    group_id        INTEGER NOT NULL REFERENCES consultation_groups(id) ON DELETE CASCADE,
    rule_date       TEXT NOT NULL,
    action          TEXT NOT NULL CHECK (action IN ('cancel', 'move')),
    -- Local date and time in the rule's zone, for 'move'.
    new_start       TEXT,
    reason          TEXT NOT NULL,
    changed_by      INTEGER REFERENCES users(id),
    changed_at      TEXT NOT NULL,
    PRIMARY KEY (group_id, rule_date)
);

-- Personal iCalendar feeds ("my meetings"), behind a secret token.
CREATE TABLE calendar_feeds (
    id              INTEGER PRIMARY KEY,
    user_id         INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    token_hash      TEXT NOT NULL UNIQUE,
    created_at      TEXT NOT NULL,
    revoked_at      TEXT
);
CREATE INDEX calendar_feeds_user ON calendar_feeds(user_id);
