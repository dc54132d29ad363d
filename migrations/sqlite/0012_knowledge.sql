-- Knowledge bank (tietopankki) and the newsletter (issue 18).

-- An item. Its content lives in versions; `published_version` is what
-- readers see (NULL until a version is approved), `state` where the newest
-- version (`current_version`) stands. `area_code` NULL: a national item.
CREATE TABLE knowledge_items (
    id                  INTEGER PRIMARY KEY,
    kind                TEXT NOT NULL CHECK (kind IN ('method', 'guide', 'material', 'recording', 'link', 'term', 'news')),
    visibility          TEXT NOT NULL CHECK (visibility IN ('public', 'professionals', 'network')),
    state               TEXT NOT NULL DEFAULT 'draft' CHECK (state IN ('draft', 'review', 'published', 'archived')),
    owner_id            INTEGER NOT NULL REFERENCES users(id),
    area_code           TEXT,
    current_version     INTEGER NOT NULL,
    published_version   INTEGER,
    review_by           TEXT,
    event_id            INTEGER,
    created_at          TEXT NOT NULL,
    updated_at          TEXT NOT NULL,
    published_at        TEXT
);
CREATE INDEX knowledge_items_owner ON knowledge_items(owner_id);
CREATE INDEX knowledge_items_state ON knowledge_items(state, kind);

-- Every saved version, whole (JSON: otalusta_domain::knowledge::Content),
-- with the kind and visibility it asks for: the item takes them when the
-- version is approved, so no one widens an item's readers unreviewed.
CREATE TABLE knowledge_versions (
    item_id             INTEGER NOT NULL REFERENCES knowledge_items(id),
    version             INTEGER NOT NULL,
    kind                TEXT NOT NULL,
    visibility          TEXT NOT NULL,
    content             TEXT NOT NULL,
    author_id           INTEGER NOT NULL REFERENCES users(id),
    note                TEXT NOT NULL DEFAULT '',
    created_at          TEXT NOT NULL,
    PRIMARY KEY (item_id, version)
);

-- The workflow's steps: submitted, approved, returned (with the comment),
-- archived, restored.
CREATE TABLE knowledge_reviews (
    id                  INTEGER PRIMARY KEY,
    item_id             INTEGER NOT NULL REFERENCES knowledge_items(id),
    version             INTEGER NOT NULL,
    step                TEXT NOT NULL,
    actor_id            INTEGER NOT NULL REFERENCES users(id),
    comment             TEXT NOT NULL DEFAULT '',
    created_at          TEXT NOT NULL
);
CREATE INDEX knowledge_reviews_item ON knowledge_reviews(item_id, id);

CREATE TABLE knowledge_attachments (
    id                  INTEGER PRIMARY KEY,
    item_id             INTEGER NOT NULL REFERENCES knowledge_items(id),
    filename            TEXT NOT NULL,
    content_type        TEXT NOT NULL,
    size                INTEGER NOT NULL,
    sha256              TEXT NOT NULL,
    data                BLOB NOT NULL,
    uploaded_by         INTEGER NOT NULL REFERENCES users(id),
    uploaded_at         TEXT NOT NULL,
    removed_at          TEXT
);
CREATE INDEX knowledge_attachments_item ON knowledge_attachments(item_id);

-- Tallennetut: a professional's saved materials (my learning).
CREATE TABLE knowledge_saved (
    user_id             INTEGER NOT NULL REFERENCES users(id),
    item_id             INTEGER NOT NULL REFERENCES knowledge_items(id),
    saved_at            TEXT NOT NULL,
    PRIMARY KEY (user_id, item_id)
);

-- Uutiskirje: subscriptions by double opt-in. Tokens are stored hashed;
-- the e-mail address is deleted on unsubscribe (the row keeps no one).
CREATE TABLE newsletter_subscribers (
    id                  INTEGER PRIMARY KEY,
    email               TEXT UNIQUE,
    lang                TEXT NOT NULL DEFAULT 'fi',
    confirm_hash        TEXT UNIQUE,
    confirm_expires_at  TEXT,
    unsubscribe_hash    TEXT NOT NULL UNIQUE,
    confirmed_at        TEXT,
    unsubscribed_at     TEXT,
    created_at          TEXT NOT NULL
);

-- A newsletter as sent: what it carried (item and event ids, JSON).
CREATE TABLE newsletter_issues (
    id                  INTEGER PRIMARY KEY,
    subject             TEXT NOT NULL,
    intro               TEXT NOT NULL DEFAULT '',
    items               TEXT NOT NULL,
    events              TEXT NOT NULL,
    recipients          INTEGER NOT NULL,
    sent_by             INTEGER NOT NULL REFERENCES users(id),
    sent_at             TEXT NOT NULL
);
