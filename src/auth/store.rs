//! Storage of accounts, roles, sessions and API tokens (login throttling's
//! counters are in `throttle.rs`).

use crate::core::db::{self, Db, Tx};
use otalusta_domain::ids::{GroupId, UserId};
use otalusta_domain::policy::Actor;
use otalusta_domain::role::{Grant, Role};
use otalusta_domain::token::Scope;
use sha2::{Digest, Sha256};
use sqlx::AssertSqlSafe;
use sqlx::{Any, Executor, FromRow};

/// Tokens are stored only as their SHA-256, so a database leak yields no
/// usable session.
pub fn token_hash(token: &str) -> String {
    hex::encode(Sha256::digest(token.as_bytes()))
}

#[derive(Debug, Clone, FromRow)]
pub struct UserRow {
    pub id: i64,
    pub username: String,
    pub display_name: String,
    pub email: String,
    pub title: String,
    pub organisation_id: Option<i64>,
    pub area_code: Option<String>,
    /// The wellbeing services county (an organiser's code).
    pub organiser_code: Option<String>,
    pub locale: String,
    pub disabled: i64,
    pub created_at: String,
    pub password_changed_at: String,
    /// 1 when the password was issued by an administrator (or the command
    /// line's `--temporary-password`) and must be changed before anything else.
    pub must_change_password: i64,
}

const USER_COLS: &str = "id, username, display_name, email, title, organisation_id, area_code, \
                         organiser_code, locale, disabled, created_at, password_changed_at, must_change_password";

pub struct NewUser<'a> {
    pub username: &'a str,
    pub display_name: &'a str,
    pub email: &'a str,
    pub title: &'a str,
    pub organisation_id: Option<i64>,
    pub area_code: Option<&'a str>,
    pub organiser_code: Option<&'a str>,
    pub password_hash: &'a str,
    pub grants: &'a [Grant],
    /// The password was issued to the person, not chosen: change it first.
    pub must_change_password: bool,
}

/// Normal form of a user name: trimmed, lower case.
pub fn normalize_username(s: &str) -> String {
    s.trim().to_lowercase()
}

/// Inserts an account and its roles in the caller's transaction.
pub async fn insert_user(tx: &mut Tx, u: &NewUser<'_>) -> sqlx::Result<UserId> {
    let now = db::now();
    let (id,): (i64,) = sqlx::query_as(
        "INSERT INTO users (username, display_name, email, title, organisation_id, area_code, \
         password_hash, created_at, password_changed_at, must_change_password, organiser_code) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $8, $9, $10) RETURNING id",
    )
    .bind(normalize_username(u.username))
    .bind(u.display_name)
    .bind(u.email)
    .bind(u.title)
    .bind(u.organisation_id)
    .bind(u.area_code)
    .bind(u.password_hash)
    .bind(&now)
    .bind(db::flag(u.must_change_password))
    .bind(u.organiser_code)
    .fetch_one(&mut **tx)
    .await?;
    insert_grants(tx, UserId(id), u.grants).await?;
    Ok(UserId(id))
}

async fn insert_grants(tx: &mut Tx, id: UserId, grants: &[Grant]) -> sqlx::Result<()> {
    for g in grants {
        sqlx::query("INSERT INTO user_roles (user_id, role, area_code) VALUES ($1, $2, $3)")
            .bind(id.0)
            .bind(g.role.as_str())
            .bind(g.area.as_deref().unwrap_or(""))
            .execute(&mut **tx)
            .await?;
    }
    Ok(())
}

/// Where an account works: its organisation (and so its sector) and its
/// wellbeing services county.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Affiliation {
    pub organisation_id: Option<i64>,
    pub county: Option<String>,
}

/// An account's area, affiliation and roles as they are inside `tx`,
/// locking the account's row on PostgreSQL so two administrators' changes
/// queue. `lock` is `Db::locks_rows`.
pub async fn lock_access(
    tx: &mut Tx,
    id: UserId,
    lock: bool,
) -> sqlx::Result<Option<(Option<String>, Affiliation, Vec<Grant>)>> {
    let lock = if lock { " FOR UPDATE" } else { "" };
    let row: Option<(Option<String>, Option<i64>, Option<String>)> = sqlx::query_as(AssertSqlSafe(
        format!("SELECT area_code, organisation_id, organiser_code FROM users WHERE id = $1{lock}"),
    ))
    .bind(id.0)
    .fetch_optional(&mut **tx)
    .await?;
    let Some((area, organisation_id, county)) = row else {
        return Ok(None);
    };
    let grants = grants_of(&mut **tx, id).await?;
    Ok(Some((
        area,
        Affiliation {
            organisation_id,
            county,
        },
        grants,
    )))
}

/// Replaces an account's roles, area and affiliation (in the caller's
/// transaction).
pub async fn set_access(
    tx: &mut Tx,
    id: UserId,
    area: Option<&str>,
    affiliation: &Affiliation,
    grants: &[Grant],
) -> sqlx::Result<()> {
    sqlx::query(
        "UPDATE users SET area_code = $1, organisation_id = $2, organiser_code = $3 WHERE id = $4",
    )
    .bind(area)
    .bind(affiliation.organisation_id)
    .bind(affiliation.county.as_deref())
    .bind(id.0)
    .execute(&mut **tx)
    .await?;
    sqlx::query("DELETE FROM user_roles WHERE user_id = $1")
        .bind(id.0)
        .execute(&mut **tx)
        .await?;
    insert_grants(tx, id, grants).await
}

pub async fn find_user_by_name(db: &Db, username: &str) -> sqlx::Result<Option<(UserRow, String)>> {
    #[derive(FromRow)]
    struct Row {
        #[sqlx(flatten)]
        user: UserRow,
        password_hash: String,
    }
    let row: Option<Row> = sqlx::query_as(AssertSqlSafe(format!(
        "SELECT {USER_COLS}, password_hash FROM users WHERE username = $1"
    )))
    .bind(normalize_username(username))
    .fetch_optional(db.pool())
    .await?;
    Ok(row.map(|r| (r.user, r.password_hash)))
}

pub async fn get_user(db: &Db, id: UserId) -> sqlx::Result<Option<UserRow>> {
    sqlx::query_as(AssertSqlSafe(format!(
        "SELECT {USER_COLS} FROM users WHERE id = $1"
    )))
    .bind(id.0)
    .fetch_optional(db.pool())
    .await
}

/// An account, read in the caller's transaction.
pub async fn get_user_in(tx: &mut Tx, id: UserId) -> sqlx::Result<Option<UserRow>> {
    sqlx::query_as(AssertSqlSafe(format!(
        "SELECT {USER_COLS} FROM users WHERE id = $1"
    )))
    .bind(id.0)
    .fetch_optional(&mut **tx)
    .await
}

pub async fn list_users(db: &Db) -> sqlx::Result<Vec<UserRow>> {
    sqlx::query_as(AssertSqlSafe(format!(
        "SELECT {USER_COLS} FROM users ORDER BY username"
    )))
    .fetch_all(db.pool())
    .await
}

pub async fn password_hash_of(db: &Db, id: UserId) -> sqlx::Result<String> {
    let (h,): (String,) = sqlx::query_as("SELECT password_hash FROM users WHERE id = $1")
        .bind(id.0)
        .fetch_one(db.pool())
        .await?;
    Ok(h)
}

/// Sets a password; `must_change` when an administrator issued it (the
/// person changes it at their next login), false when they chose it.
pub async fn set_password(
    tx: &mut Tx,
    id: UserId,
    hash: &str,
    must_change: bool,
) -> sqlx::Result<bool> {
    let r = sqlx::query(
        "UPDATE users SET password_hash = $1, password_changed_at = $2, \
         must_change_password = $3 WHERE id = $4",
    )
    .bind(hash)
    .bind(db::now())
    .bind(db::flag(must_change))
    .bind(id.0)
    .execute(&mut **tx)
    .await?;
    Ok(r.rows_affected() == 1)
}

pub async fn set_disabled(tx: &mut Tx, id: UserId, disabled: bool) -> sqlx::Result<bool> {
    let r = sqlx::query("UPDATE users SET disabled = $1 WHERE id = $2")
        .bind(db::flag(disabled))
        .bind(id.0)
        .execute(&mut **tx)
        .await?;
    if disabled {
        delete_sessions_of(tx, id).await?;
        // Revoked, not paused: enabling the account again must not bring
        // back tokens copied while it was disabled.
        revoke_tokens_of(tx, id).await?;
    }
    Ok(r.rows_affected() == 1)
}

/// Revokes every live API token of an account.
pub async fn revoke_tokens_of(tx: &mut Tx, id: UserId) -> sqlx::Result<u64> {
    let r = sqlx::query(
        "UPDATE api_tokens SET revoked_at = $1 WHERE user_id = $2 AND revoked_at IS NULL",
    )
    .bind(db::now())
    .bind(id.0)
    .execute(&mut **tx)
    .await?;
    Ok(r.rows_affected())
}

/// Takes the administrators' role rows in turn (PostgreSQL), so that two
/// administrators removing each other's role or account at the same moment
/// cannot both succeed; call before locking the account itself.
pub async fn lock_admins(tx: &mut Tx, lock: bool) -> sqlx::Result<()> {
    if lock {
        sqlx::query("SELECT user_id FROM user_roles WHERE role = 'admin' FOR UPDATE")
            .fetch_all(&mut **tx)
            .await?;
    }
    Ok(())
}

/// Enabled accounts with the administrator role (in the caller's transaction).
pub async fn enabled_admins(tx: &mut Tx) -> sqlx::Result<i64> {
    sqlx::query_scalar(
        "SELECT COUNT(DISTINCT r.user_id) FROM user_roles r JOIN users u ON u.id = r.user_id \
         WHERE r.role = 'admin' AND u.disabled = 0",
    )
    .fetch_one(&mut **tx)
    .await
}

pub async fn set_locale(db: &Db, id: UserId, locale: &str) -> sqlx::Result<()> {
    sqlx::query("UPDATE users SET locale = $1 WHERE id = $2")
        .bind(locale)
        .bind(id.0)
        .execute(db.pool())
        .await?;
    Ok(())
}

pub async fn grants_of<'e, E: Executor<'e, Database = Any>>(
    e: E,
    id: UserId,
) -> sqlx::Result<Vec<Grant>> {
    let rows: Vec<(String, String)> =
        sqlx::query_as("SELECT role, area_code FROM user_roles WHERE user_id = $1 ORDER BY role")
            .bind(id.0)
            .fetch_all(e)
            .await?;
    Ok(rows
        .into_iter()
        .filter_map(|(role, area)| {
            Some(Grant {
                role: role.parse::<Role>().ok()?,
                area: (!area.is_empty()).then_some(area),
            })
        })
        .collect())
}

/// An actor from its grants (`g`, role, area) and memberships (`m`, group,
/// role; the role `county` marks a group serving a coordinator's county),
/// sorted by kind and first value.
fn actor_from(user: &UserRow, rows: Vec<(String, String, String)>) -> Actor {
    let id = UserId(user.id);
    let mut actor = Actor {
        user_id: id,
        username: user.username.clone(),
        grants: Vec::new(),
        secretary_of: Vec::new(),
        member_of: Vec::new(),
        county_groups: Vec::new(),
    };
    for (kind, a, b) in rows {
        if kind == "g" {
            if let Ok(role) = a.parse::<Role>() {
                actor.grants.push(Grant {
                    role,
                    area: (!b.is_empty()).then_some(b),
                });
            }
        } else if let Ok(g) = a.parse::<i64>() {
            if b == "county" {
                // A group serving the county of a coordinator's grant.
                actor.county_groups.push(GroupId(g));
                continue;
            }
            if b == "secretary" {
                actor.secretary_of.push(GroupId(g));
            }
            actor.member_of.push(GroupId(g));
        }
    }
    actor
}

// --- sessions ---------------------------------------------------------------

pub async fn create_session(
    tx: &mut Tx,
    user: UserId,
    token: &str,
    expires_at: &str,
) -> sqlx::Result<()> {
    let now = db::now();
    sqlx::query(
        "INSERT INTO sessions (token_hash, user_id, created_at, last_seen_at, expires_at) \
         VALUES ($1, $2, $3, $3, $4)",
    )
    .bind(token_hash(token))
    .bind(user.0)
    .bind(&now)
    .bind(expires_at)
    .execute(&mut **tx)
    .await?;
    Ok(())
}

#[derive(Debug, FromRow)]
pub struct SessionRow {
    pub last_seen_at: String,
    pub expires_at: String,
    #[sqlx(flatten)]
    pub user: UserRow,
    /// `role:area` of each grant, comma-separated.
    grants: Option<String>,
    /// `group:role` of each membership of an active group, comma-separated.
    memberships: Option<String>,
}

impl SessionRow {
    /// Everything the access policy needs about the account.
    pub fn actor(&self) -> Actor {
        actor_from_lists(
            &self.user,
            self.grants.as_deref(),
            self.memberships.as_deref(),
        )
    }
}

/// An actor from `role:area,…` grants and `group:role,…` memberships (as
/// `string_agg` gives them).
fn actor_from_lists(user: &UserRow, grants: Option<&str>, memberships: Option<&str>) -> Actor {
    let mut rows = Vec::new();
    for g in grants.unwrap_or("").split(',') {
        if let Some((role, area)) = g.split_once(':') {
            rows.push(("g".to_owned(), role.to_owned(), area.to_owned()));
        }
    }
    for m in memberships.unwrap_or("").split(',') {
        if let Some((group, role)) = m.split_once(':') {
            rows.push(("m".to_owned(), group.to_owned(), role.to_owned()));
        }
    }
    rows.sort();
    actor_from(user, rows)
}

/// What the policy needs of account `u`, as two columns: `grants`
/// (`role:area,…`) and `memberships` (`group:role,…`, and `group:county`
/// for each group serving a county a coordinator's grant names). One text,
/// used by every statement that builds an `Actor`.
macro_rules! policy_cols {
    () => {
        "(SELECT string_agg(r.role || ':' || r.area_code, ',') FROM user_roles r \
          WHERE r.user_id = u.id) AS grants, \
         (SELECT string_agg(x.item, ',') FROM ( \
            SELECT CAST(m.group_id AS TEXT) || ':' || m.role AS item FROM group_members m \
            JOIN consultation_groups g ON g.id = m.group_id WHERE m.user_id = u.id AND g.active = 1 \
            UNION ALL \
            SELECT CAST(g.id AS TEXT) || ':county' FROM consultation_groups g JOIN user_roles r \
            ON r.area_code = g.organiser_code AND r.role = 'coordinator' \
            WHERE r.user_id = u.id AND g.active = 1) x) AS memberships"
    };
}

/// The session, its account and everything the policy needs about the
/// account, in one statement returning one row: it runs on every signed-in
/// request, and on SQLite each statement and each row is a hand-over to
/// the connection's thread. (`string_agg` is in PostgreSQL and in SQLite
/// since 3.44; sqlx bundles 3.51.)
pub async fn find_session(db: &Db, hash: &str) -> sqlx::Result<Option<SessionRow>> {
    sqlx::query_as(concat!(
        "SELECT s.last_seen_at, s.expires_at, u.id, u.username, u.display_name, u.email, u.title, \
         u.organisation_id, u.area_code, u.organiser_code, u.locale, u.disabled, u.created_at, \
         u.password_changed_at, u.must_change_password, ",
        policy_cols!(),
        " FROM sessions s JOIN users u ON u.id = s.user_id WHERE s.token_hash = $1",
    ))
    .bind(hash)
    .fetch_optional(db.pool())
    .await
}

pub async fn touch_session(db: &Db, hash: &str) -> sqlx::Result<()> {
    sqlx::query("UPDATE sessions SET last_seen_at = $1 WHERE token_hash = $2")
        .bind(db::now())
        .bind(hash)
        .execute(db.pool())
        .await?;
    Ok(())
}

pub async fn delete_session(db: &Db, hash: &str) -> sqlx::Result<()> {
    sqlx::query("DELETE FROM sessions WHERE token_hash = $1")
        .bind(hash)
        .execute(db.pool())
        .await?;
    Ok(())
}

pub async fn delete_sessions_of(tx: &mut Tx, user: UserId) -> sqlx::Result<()> {
    sqlx::query("DELETE FROM sessions WHERE user_id = $1")
        .bind(user.0)
        .execute(&mut **tx)
        .await?;
    Ok(())
}

/// Ends a user's other sessions (after a password change).
pub async fn delete_other_sessions(tx: &mut Tx, user: UserId, keep_hash: &str) -> sqlx::Result<()> {
    sqlx::query("DELETE FROM sessions WHERE user_id = $1 AND token_hash <> $2")
        .bind(user.0)
        .bind(keep_hash)
        .execute(&mut **tx)
        .await?;
    Ok(())
}

pub async fn purge_expired_sessions(db: &Db) -> sqlx::Result<u64> {
    let r = sqlx::query("DELETE FROM sessions WHERE expires_at < $1")
        .bind(db::now())
        .execute(db.pool())
        .await?;
    Ok(r.rows_affected())
}

// --- API tokens --------------------------------------------------------------

#[derive(Debug, FromRow)]
pub struct ApiTokenRow {
    pub id: i64,
    pub name: String,
    pub prefix: String,
    pub created_at: String,
    pub last_used_at: Option<String>,
    pub revoked_at: Option<String>,
    /// `read` or `full` (`otalusta_domain::token::Scope`).
    pub scope: String,
    pub expires_at: String,
    /// 1 when `expires_at` has passed (computed by the query).
    pub expired: i64,
}

/// A new token's settings.
pub struct NewToken<'a> {
    pub name: &'a str,
    pub token: &'a str,
    pub scope: Scope,
    pub created_at: &'a str,
    pub expires_at: &'a str,
}

pub async fn create_api_token(tx: &mut Tx, user: UserId, t: &NewToken<'_>) -> sqlx::Result<i64> {
    let (id,): (i64,) = sqlx::query_as(
        "INSERT INTO api_tokens (user_id, name, token_hash, prefix, created_at, scope, expires_at) \
         VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id",
    )
    .bind(user.0)
    .bind(t.name)
    .bind(token_hash(t.token))
    .bind(&t.token[..t.token.len().min(12)])
    .bind(t.created_at)
    .bind(t.scope.as_str())
    .bind(t.expires_at)
    .fetch_one(&mut **tx)
    .await?;
    Ok(id)
}

pub async fn list_api_tokens(db: &Db, user: UserId) -> sqlx::Result<Vec<ApiTokenRow>> {
    sqlx::query_as(
        "SELECT id, name, prefix, created_at, last_used_at, revoked_at, scope, expires_at, \
         CASE WHEN expires_at <= $2 THEN 1 ELSE 0 END AS expired FROM api_tokens \
         WHERE user_id = $1 ORDER BY id DESC",
    )
    .bind(user.0)
    .bind(db::now())
    .fetch_all(db.pool())
    .await
}

/// Revokes one of `user`'s tokens; false when there is no such live token.
pub async fn revoke_api_token(tx: &mut Tx, user: UserId, id: i64) -> sqlx::Result<bool> {
    let r = sqlx::query(
        "UPDATE api_tokens SET revoked_at = $1 WHERE id = $2 AND user_id = $3 AND revoked_at IS NULL",
    )
    .bind(db::now())
    .bind(id)
    .bind(user.0)
    .execute(&mut **tx)
    .await?;
    Ok(r.rows_affected() == 1)
}

/// How often a token's `last_used_at` is written: at most once per this
/// many seconds per token. Writing it on every call made each API request a
/// committed, synced write (on SQLite serialised with every other writer);
/// the account page shows the time to the minute anyway.
pub const TOKEN_USE_RECORDED_EVERY_SECS: i64 = 60;

/// A live token (not revoked, not expired), its account and everything the
/// policy needs about the account, in one statement returning one row (as
/// [`find_session`]): it runs on every API request made with a token.
#[derive(Debug, FromRow)]
pub struct TokenRow {
    #[sqlx(flatten)]
    pub user: UserRow,
    scope: String,
    last_used_at: Option<String>,
    /// When the token ends.
    pub expires_at: String,
    grants: Option<String>,
    memberships: Option<String>,
}

impl TokenRow {
    /// The token's scope; an unknown stored scope reads as the narrower one.
    pub fn scope(&self) -> Scope {
        Scope::parse(&self.scope).unwrap_or(Scope::Read)
    }

    /// Everything the access policy needs about the account.
    pub fn actor(&self) -> Actor {
        actor_from_lists(
            &self.user,
            self.grants.as_deref(),
            self.memberships.as_deref(),
        )
    }
}

/// The account of a live token with its grants and memberships; records
/// the use (`last_used_at`) when the last record is older than
/// [`TOKEN_USE_RECORDED_EVERY_SECS`] (or missing).
pub async fn find_api_token(db: &Db, token: &str) -> sqlx::Result<Option<TokenRow>> {
    let hash = token_hash(token);
    let now = jiff::Timestamp::now();
    let row: Option<TokenRow> = sqlx::query_as(concat!(
        "SELECT u.id, u.username, u.display_name, u.email, u.title, u.organisation_id, \
         u.area_code, u.organiser_code, u.locale, u.disabled, u.created_at, u.password_changed_at, \
         u.must_change_password, t.scope, t.last_used_at, t.expires_at, ",
        policy_cols!(),
        " FROM api_tokens t JOIN users u ON u.id = t.user_id \
         WHERE t.token_hash = $1 AND t.revoked_at IS NULL AND t.expires_at > $2",
    ))
    .bind(&hash)
    .bind(db::timestamp(now))
    .fetch_optional(db.pool())
    .await?;
    let Some(row) = row else { return Ok(None) };
    let recorded = row
        .last_used_at
        .as_deref()
        .and_then(db::parse_timestamp)
        .is_some_and(|t| now.duration_since(t).as_secs() < TOKEN_USE_RECORDED_EVERY_SECS);
    if !recorded {
        sqlx::query("UPDATE api_tokens SET last_used_at = $1 WHERE token_hash = $2")
            .bind(db::timestamp(now))
            .bind(&hash)
            .execute(db.pool())
            .await?;
    }
    Ok(Some(row))
}

// --- the daily digest -----------------------------------------------------------

/// Whether the account wants the daily e-mail digest.
pub async fn digest_of(db: &Db, id: UserId) -> sqlx::Result<bool> {
    let row: Option<(i64,)> = sqlx::query_as("SELECT daily_digest FROM users WHERE id = $1")
        .bind(id.0)
        .fetch_optional(db.pool())
        .await?;
    Ok(row.is_some_and(|(d,)| d != 0))
}

pub async fn set_digest(tx: &mut Tx, id: UserId, on: bool) -> sqlx::Result<()> {
    sqlx::query("UPDATE users SET daily_digest = $1 WHERE id = $2")
        .bind(db::flag(on))
        .bind(id.0)
        .execute(&mut **tx)
        .await?;
    Ok(())
}

/// Enabled accounts with an e-mail address that want the digest and have
/// not had it on `today`.
pub async fn digest_due(db: &Db, today: &str) -> sqlx::Result<Vec<i64>> {
    let rows: Vec<(i64,)> = sqlx::query_as(
        "SELECT id FROM users WHERE daily_digest = 1 AND disabled = 0 AND email <> '' \
         AND (digest_sent_on IS NULL OR digest_sent_on < $1) ORDER BY id",
    )
    .bind(today)
    .fetch_all(db.pool())
    .await?;
    Ok(rows.into_iter().map(|(id,)| id).collect())
}

/// Claims `today`'s digest of account `id`: false when another node did.
pub async fn claim_digest(tx: &mut Tx, id: i64, today: &str) -> sqlx::Result<bool> {
    let r = sqlx::query(
        "UPDATE users SET digest_sent_on = $1 WHERE id = $2 \
         AND (digest_sent_on IS NULL OR digest_sent_on < $3)",
    )
    .bind(today)
    .bind(id)
    .bind(today)
    .execute(&mut **tx)
    .await?;
    Ok(r.rows_affected() == 1)
}

/// The policy's view of account `id` (grants, memberships, county groups),
/// as a session would have it: for work done on the person's behalf with no
/// request (the digest).
pub async fn actor_of(db: &Db, id: UserId) -> sqlx::Result<Option<Actor>> {
    #[derive(FromRow)]
    struct Row {
        #[sqlx(flatten)]
        user: UserRow,
        grants: Option<String>,
        memberships: Option<String>,
    }
    let row: Option<Row> = sqlx::query_as(AssertSqlSafe(format!(
        "SELECT {cols}, {policy} FROM users u WHERE u.id = $1",
        policy = policy_cols!(),
        cols = USER_COLS
            .split(", ")
            .map(|c| format!("u.{}", c.trim()))
            .collect::<Vec<_>>()
            .join(", ")
    )))
    .bind(id.0)
    .fetch_optional(db.pool())
    .await?;
    Ok(row.map(|r| actor_from_lists(&r.user, r.grants.as_deref(), r.memberships.as_deref())))
}
