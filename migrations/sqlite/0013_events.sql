-- Events (tapahtumat, issue 18): webinars, trainings and forum series,
-- registration with a waitlist, reminders, attendance and certificates.

-- An event. Times are stored UTC (shown in Europe/Helsinki). A forum
-- series is the events sharing a `series` name. `seats_taken` counts the
-- confirmed registrations: a registration claims a seat by raising it
-- while it is below `capacity`, under the event row's lock, so two
-- registrations racing for the last seat get one seat and one waitlist
-- place. `sequence` is the iCalendar SEQUENCE: every change raises it.
-- `online_url` is shown to registered participants only; `phenomena` is a
-- comma-separated list of taxonomy codes. `knowledge_item_id` is for the
-- knowledge bank to link a recording or materials (no foreign key).
CREATE TABLE events (
    id                    INTEGER PRIMARY KEY,
    kind                  TEXT NOT NULL CHECK (kind IN ('webinar', 'training', 'forum')),
    series                TEXT NOT NULL DEFAULT '',
    title                 TEXT NOT NULL,
    description           TEXT NOT NULL DEFAULT '',
    starts_at             TEXT NOT NULL,
    ends_at               TEXT NOT NULL,
    place                 TEXT NOT NULL DEFAULT '',
    online_url            TEXT NOT NULL DEFAULT '',
    organiser             TEXT NOT NULL DEFAULT '',
    responsible_id        INTEGER REFERENCES users(id),
    area_code             TEXT REFERENCES areas(code),
    phenomena             TEXT NOT NULL DEFAULT '',
    capacity              INTEGER NOT NULL CHECK (capacity >= 1),
    seats_taken           INTEGER NOT NULL DEFAULT 0 CHECK (seats_taken >= 0),
    registration_open     INTEGER NOT NULL DEFAULT 1 CHECK (registration_open IN (0, 1)),
    registration_deadline TEXT,
    visibility            TEXT NOT NULL DEFAULT 'public' CHECK (visibility IN ('public', 'professionals')),
    recording_url         TEXT NOT NULL DEFAULT '',
    knowledge_item_id     INTEGER,
    cancelled             INTEGER NOT NULL DEFAULT 0 CHECK (cancelled IN (0, 1)),
    sequence              INTEGER NOT NULL DEFAULT 0,
    created_by            INTEGER REFERENCES users(id),
    created_at            TEXT NOT NULL,
    updated_at            TEXT NOT NULL
);
CREATE INDEX events_starts ON events(starts_at);

-- A registration: a signed-in professional's (`user_id`) or an outside
-- participant's (`name`, `email`, `organisation`). Status: `pending` until
-- an outside participant confirms by the e-mailed link (`token_hash`, the
-- SHA-256 of the token, until `token_expires_at`; cleared when used),
-- then `registered` (holds a seat) or `waitlist` (in `queued_at`, id
-- order), or `cancelled`. `cancel_hash` is the outside participant's
-- cancel link. `reminded_at` is set once, by whichever node queues the
-- reminder. An outside participant's personal data is erased some time
-- after the event (README, Events).
CREATE TABLE event_registrations (
    id                INTEGER PRIMARY KEY,
    event_id          INTEGER NOT NULL REFERENCES events(id),
    user_id           INTEGER REFERENCES users(id),
    name              TEXT NOT NULL DEFAULT '',
    email             TEXT,
    organisation      TEXT NOT NULL DEFAULT '',
    -- The language an outside participant's e-mails are written in.
    locale            TEXT NOT NULL DEFAULT 'fi',
    status            TEXT NOT NULL CHECK (status IN ('pending', 'registered', 'waitlist', 'cancelled')),
    queued_at         TEXT,
    token_hash        TEXT UNIQUE,
    token_expires_at  TEXT,
    cancel_hash       TEXT UNIQUE,
    attended          INTEGER NOT NULL DEFAULT 0 CHECK (attended IN (0, 1)),
    reminded_at       TEXT,
    confirmed_at      TEXT,
    created_at        TEXT NOT NULL,
    updated_at        TEXT NOT NULL,
    UNIQUE (event_id, user_id),
    UNIQUE (event_id, email)
);
CREATE INDEX event_registrations_user ON event_registrations(user_id);
CREATE INDEX event_registrations_status ON event_registrations(event_id, status);

-- E-mail to an address with no account (outside participants): the
-- message is composed when queued; the sender of `notify` sends these
-- like notifications and then empties the body (it holds links).
CREATE TABLE event_mails (
    id              INTEGER PRIMARY KEY,
    to_email        TEXT NOT NULL,
    kind            TEXT NOT NULL,
    subject         TEXT NOT NULL,
    body            TEXT NOT NULL,
    created_at      TEXT NOT NULL,
    sent_at         TEXT,
    attempts        INTEGER NOT NULL DEFAULT 0,
    last_error      TEXT NOT NULL DEFAULT '',
    claimed_until   TEXT
);
CREATE INDEX event_mails_pending ON event_mails(sent_at, claimed_until);
