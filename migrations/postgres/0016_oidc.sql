-- Single sign-on with OpenID Connect (issue 20, src/auth/oidc).

-- A login begun at a provider and not yet come back: found by the hash of
-- its `state`, bound to the browser by the hash of a short-lived cookie,
-- taken (deleted) by the callback, so a state works once. Kept in the
-- database so the callback may reach another node.
CREATE TABLE oidc_pending (
    state_hash      TEXT PRIMARY KEY,
    provider        TEXT NOT NULL,
    browser_hash    TEXT NOT NULL,
    nonce           TEXT NOT NULL,
    pkce_verifier   TEXT NOT NULL,
    next_path       TEXT NOT NULL,
    created_at      TEXT NOT NULL,
    expires_at      TEXT NOT NULL
);
CREATE INDEX oidc_pending_expires ON oidc_pending(expires_at);

-- Who a provider's subject (`sub`) is here: the person is the (provider,
-- subject) pair, never the e-mail address.
CREATE TABLE oidc_links (
    provider        TEXT NOT NULL,
    subject         TEXT NOT NULL,
    user_id         BIGINT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    -- 1 while the account made at the first login waits for an
    -- administrator's approval (the account is disabled until then).
    pending         BIGINT NOT NULL DEFAULT 0 CHECK (pending IN (0, 1)),
    created_at      TEXT NOT NULL,
    last_login_at   TEXT NOT NULL,
    PRIMARY KEY (provider, subject)
);
CREATE INDEX oidc_links_user ON oidc_links(user_id);

-- A session begun at a provider: which one, and its ID token for the
-- logout at the provider (id_token_hint); never in a cookie.
ALTER TABLE sessions ADD COLUMN oidc_provider TEXT;
ALTER TABLE sessions ADD COLUMN oidc_id_token TEXT;
