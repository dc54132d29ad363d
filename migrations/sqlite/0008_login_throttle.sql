-- Login throttling counted atomically (issue 14): one row per user name
-- ('name:<name>') and per client address ('addr:<address>'). A login
-- reserves a password check in both rows (pending + 1) in one transaction
-- before the check, and reports its outcome in another, so simultaneous
-- attempts on several nodes cannot all get a check. The rules are in
-- domain/src/throttle.rs. Each attempt is in the access log as before
-- (login, login.throttled).
CREATE TABLE login_throttle (
    key             TEXT PRIMARY KEY,
    failures        INTEGER NOT NULL DEFAULT 0,
    pending         INTEGER NOT NULL DEFAULT 0,
    -- RFC 3339 UTC; '' when there is none.
    window_start    TEXT NOT NULL DEFAULT '',
    last_at         TEXT NOT NULL DEFAULT ''
);

-- login_attempts is no longer read or written. It stays for nodes of the
-- previous version during a rolling update; a later migration drops it.
