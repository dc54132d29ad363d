-- Foundation: reference data, accounts, sessions, login throttling, access log.
-- Portable types (see ARCHITECTURE.md): ids BIGINT/INTEGER, timestamps TEXT in
-- UTC RFC 3339 with microseconds, dates TEXT YYYY-MM-DD, flags INTEGER 0/1.

CREATE TABLE areas (
    code        TEXT PRIMARY KEY,
    name_fi     TEXT NOT NULL,
    name_sv     TEXT NOT NULL,
    name_en     TEXT NOT NULL,
    hospital    TEXT NOT NULL,
    sort_order  INTEGER NOT NULL
);

CREATE TABLE organisers (
    code        TEXT PRIMARY KEY,
    area_code   TEXT NOT NULL REFERENCES areas(code),
    kind        TEXT NOT NULL,
    name_fi     TEXT NOT NULL,
    name_sv     TEXT NOT NULL,
    name_en     TEXT NOT NULL
);

CREATE TABLE organisations (
    id              INTEGER PRIMARY KEY,
    name            TEXT NOT NULL UNIQUE,
    short_name      TEXT NOT NULL DEFAULT '',
    sector          TEXT NOT NULL,
    area_code       TEXT REFERENCES areas(code),
    created_at      TEXT NOT NULL
);

CREATE TABLE users (
    id                  INTEGER PRIMARY KEY,
    username            TEXT NOT NULL UNIQUE,
    display_name        TEXT NOT NULL,
    email               TEXT NOT NULL DEFAULT '',
    title               TEXT NOT NULL DEFAULT '',
    organisation_id     INTEGER REFERENCES organisations(id),
    area_code           TEXT REFERENCES areas(code),
    password_hash       TEXT NOT NULL,
    locale              TEXT NOT NULL DEFAULT 'fi',
    disabled            INTEGER NOT NULL DEFAULT 0 CHECK (disabled IN (0, 1)),
    created_at          TEXT NOT NULL,
    password_changed_at TEXT NOT NULL
);

CREATE TABLE user_roles (
    user_id     INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    role        TEXT NOT NULL,
    area_code   TEXT NOT NULL DEFAULT '',
    PRIMARY KEY (user_id, role, area_code)
);

CREATE TABLE sessions (
    token_hash      TEXT PRIMARY KEY,
    user_id         INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    created_at      TEXT NOT NULL,
    last_seen_at    TEXT NOT NULL,
    expires_at      TEXT NOT NULL
);
CREATE INDEX sessions_user ON sessions(user_id);

CREATE TABLE api_tokens (
    id              INTEGER PRIMARY KEY,
    user_id         INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    name            TEXT NOT NULL,
    token_hash      TEXT NOT NULL UNIQUE,
    prefix          TEXT NOT NULL,
    created_at      TEXT NOT NULL,
    last_used_at    TEXT,
    revoked_at      TEXT
);
CREATE INDEX api_tokens_user ON api_tokens(user_id);

CREATE TABLE login_attempts (
    id              INTEGER PRIMARY KEY,
    username        TEXT NOT NULL,
    client_addr     TEXT NOT NULL,
    at              TEXT NOT NULL,
    success         INTEGER NOT NULL CHECK (success IN (0, 1))
);
CREATE INDEX login_attempts_user ON login_attempts(username, at);
CREATE INDEX login_attempts_addr ON login_attempts(client_addr, at);

-- Käyttöloki: append-only, hash-chained (see domain/src/audit.rs).
CREATE TABLE audit_log (
    seq             INTEGER PRIMARY KEY,
    at              TEXT NOT NULL,
    actor_id        INTEGER,
    actor_name      TEXT NOT NULL,
    role            TEXT NOT NULL,
    action          TEXT NOT NULL,
    object_type     TEXT NOT NULL,
    object_id       TEXT NOT NULL,
    outcome         TEXT NOT NULL,
    client_addr     TEXT NOT NULL,
    purpose         TEXT NOT NULL,
    prev_hash       TEXT NOT NULL,
    hash            TEXT NOT NULL
);
CREATE INDEX audit_log_at ON audit_log(at);
CREATE INDEX audit_log_actor ON audit_log(actor_name, at);
CREATE INDEX audit_log_object ON audit_log(object_type, object_id);

CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;
CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;

-- The last written entry; its row lock serialises appends across nodes.
CREATE TABLE audit_head (
    id      INTEGER PRIMARY KEY CHECK (id = 1),
    seq     INTEGER NOT NULL,
    hash    TEXT NOT NULL
);
INSERT INTO audit_head (id, seq, hash)
VALUES (1, 0, '0000000000000000000000000000000000000000000000000000000000000000');

-- Change feed: nodes poll it to keep derived state (search indexes) current.
CREATE TABLE outbox (
    id          INTEGER PRIMARY KEY,
    topic       TEXT NOT NULL,
    object_id   TEXT NOT NULL,
    at          TEXT NOT NULL
);
