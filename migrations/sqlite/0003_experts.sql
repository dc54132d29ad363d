-- The expert network (asiantuntijaverkosto): profiles, what they know and
-- where they work; spreadsheet imports waiting for confirmation.

CREATE TABLE experts (
    id              INTEGER PRIMARY KEY,
    -- The account whose profile this is, if the expert has one.
    user_id         INTEGER UNIQUE REFERENCES users(id),
    name            TEXT NOT NULL,
    title           TEXT NOT NULL,
    organisation    TEXT NOT NULL DEFAULT '',
    -- Lower case; the key of imports.
    email           TEXT NOT NULL UNIQUE,
    phone           TEXT NOT NULL DEFAULT '',
    contact_note    TEXT NOT NULL DEFAULT '',
    -- The cooperation area whose coordinators keep the profile.
    area_code       TEXT NOT NULL REFERENCES areas(code),
    remote          INTEGER NOT NULL DEFAULT 0 CHECK (remote IN (0, 1)),
    -- Not offered for new consultations up to and including this date.
    paused_until    TEXT,
    pause_note      TEXT NOT NULL DEFAULT '',
    description_fi  TEXT NOT NULL DEFAULT '',
    description_sv  TEXT NOT NULL DEFAULT '',
    description_en  TEXT NOT NULL DEFAULT '',
    listed_publicly INTEGER NOT NULL DEFAULT 0 CHECK (listed_publicly IN (0, 1)),
    publish_contact INTEGER NOT NULL DEFAULT 0 CHECK (publish_contact IN (0, 1)),
    created_at      TEXT NOT NULL,
    updated_at      TEXT NOT NULL
);
CREATE INDEX experts_area ON experts(area_code);

CREATE TABLE expert_sectors (
    expert_id       INTEGER NOT NULL REFERENCES experts(id) ON DELETE CASCADE,
    sector          TEXT NOT NULL,
    PRIMARY KEY (expert_id, sector)
);

CREATE TABLE expert_phenomena (
    expert_id       INTEGER NOT NULL REFERENCES experts(id) ON DELETE CASCADE,
    phenomenon_id   INTEGER NOT NULL REFERENCES phenomena(id),
    position        INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (expert_id, phenomenon_id)
);
CREATE INDEX expert_phenomena_phenomenon ON expert_phenomena(phenomenon_id);

CREATE TABLE expert_languages (
    expert_id       INTEGER NOT NULL REFERENCES experts(id) ON DELETE CASCADE,
    lang            TEXT NOT NULL,
    position        INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (expert_id, lang)
);

-- Cooperation areas the expert serves.
CREATE TABLE expert_regions (
    expert_id       INTEGER NOT NULL REFERENCES experts(id) ON DELETE CASCADE,
    area_code       TEXT NOT NULL REFERENCES areas(code),
    position        INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (expert_id, area_code)
);

-- A checked spreadsheet waiting for the coordinator's confirmation: the
-- rows as JSON, so confirming on any node imports exactly what was shown.
CREATE TABLE import_batches (
    id              INTEGER PRIMARY KEY,
    user_id         INTEGER NOT NULL REFERENCES users(id),
    area_code       TEXT NOT NULL,
    filename        TEXT NOT NULL,
    rows_json       TEXT NOT NULL,
    row_count       INTEGER NOT NULL,
    status          TEXT NOT NULL CHECK (status IN ('preview', 'imported', 'discarded')),
    created_at      TEXT NOT NULL,
    finished_at     TEXT
);
