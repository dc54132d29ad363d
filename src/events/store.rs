//! Events' tables: events, registrations (with the seat count kept on the
//! event row) and the e-mails to outside participants.
//!
//! Every change of an event's registrations first takes the event row's
//! lock ([`lock`]): a no-op `UPDATE` that PostgreSQL holds until the
//! transaction ends (SQLite writers run one at a time anyway). So a seat
//! check and the insert that follows it can never interleave with another
//! registration's, on either engine.

use crate::core::db::{self, Db, Tx};
use otalusta_domain::events::{Placement, Waiting, placement, promotions};
use sha2::Digest;
use sqlx::FromRow;

#[derive(Debug, Clone, FromRow)]
pub struct Event {
    pub id: i64,
    pub kind: String,
    pub series: String,
    pub title: String,
    pub description: String,
    pub starts_at: String,
    pub ends_at: String,
    pub place: String,
    pub online_url: String,
    pub organiser: String,
    pub responsible_id: Option<i64>,
    pub responsible_name: Option<String>,
    pub area_code: Option<String>,
    pub phenomena: String,
    pub capacity: i64,
    pub seats_taken: i64,
    pub registration_open: i64,
    pub registration_deadline: Option<String>,
    pub visibility: String,
    pub recording_url: String,
    pub knowledge_item_id: Option<i64>,
    pub cancelled: i64,
    pub sequence: i64,
    pub created_by: Option<i64>,
    pub created_at: String,
    pub updated_at: String,
}

impl Event {
    pub fn is_public(&self) -> bool {
        self.visibility == "public"
    }

    pub fn is_cancelled(&self) -> bool {
        self.cancelled != 0
    }

    pub fn start(&self) -> jiff::Timestamp {
        db::parse_timestamp(&self.starts_at).unwrap_or_default()
    }

    pub fn end(&self) -> jiff::Timestamp {
        db::parse_timestamp(&self.ends_at).unwrap_or_default()
    }

    pub fn deadline(&self) -> Option<jiff::Timestamp> {
        self.registration_deadline
            .as_deref()
            .and_then(db::parse_timestamp)
    }

    pub fn phenomenon_codes(&self) -> Vec<&str> {
        self.phenomena
            .split(',')
            .map(str::trim)
            .filter(|s| !s.is_empty())
            .collect()
    }

    pub fn registration_state(
        &self,
        now: jiff::Timestamp,
    ) -> Result<(), otalusta_domain::events::Closed> {
        otalusta_domain::events::registration_state(
            now,
            self.start(),
            self.registration_open != 0,
            self.deadline(),
            self.is_cancelled(),
        )
    }
}

const EVENT_COLS: &str = "e.id, e.kind, e.series, e.title, e.description, e.starts_at, e.ends_at, \
    e.place, e.online_url, e.organiser, e.responsible_id, u.display_name AS responsible_name, \
    e.area_code, e.phenomena, e.capacity, e.seats_taken, e.registration_open, \
    e.registration_deadline, e.visibility, e.recording_url, e.knowledge_item_id, e.cancelled, \
    e.sequence, e.created_by, e.created_at, e.updated_at \
    FROM events e LEFT JOIN users u ON u.id = e.responsible_id";

/// What a form sets on an event.
#[derive(Debug, Clone)]
pub struct EventInput {
    pub kind: String,
    pub series: String,
    pub title: String,
    pub description: String,
    pub starts_at: String,
    pub ends_at: String,
    pub place: String,
    pub online_url: String,
    pub organiser: String,
    pub responsible_id: Option<i64>,
    pub area_code: Option<String>,
    pub phenomena: String,
    pub capacity: i64,
    pub registration_open: bool,
    pub registration_deadline: Option<String>,
    pub visibility: String,
    pub recording_url: String,
}

/// Every event; `all` false: the public ones only. Soonest first.
pub async fn list(db: &Db, all: bool) -> sqlx::Result<Vec<Event>> {
    let sql = format!(
        "SELECT {EVENT_COLS} WHERE e.visibility = 'public' OR $1 = 1 ORDER BY e.starts_at, e.id"
    );
    sqlx::query_as(sqlx::AssertSqlSafe(sql))
        .bind(db::flag(all))
        .fetch_all(db.pool())
        .await
}

pub async fn get(db: &Db, id: i64) -> sqlx::Result<Option<Event>> {
    let sql = format!("SELECT {EVENT_COLS} WHERE e.id = $1");
    sqlx::query_as(sqlx::AssertSqlSafe(sql))
        .bind(id)
        .fetch_optional(db.pool())
        .await
}

/// Takes the event row's lock for the rest of `tx` and reads it.
pub async fn lock(tx: &mut Tx, id: i64) -> sqlx::Result<Option<Event>> {
    let n = sqlx::query("UPDATE events SET seats_taken = seats_taken WHERE id = $1")
        .bind(id)
        .execute(&mut **tx)
        .await?
        .rows_affected();
    if n == 0 {
        return Ok(None);
    }
    let sql = format!("SELECT {EVENT_COLS} WHERE e.id = $1");
    sqlx::query_as(sqlx::AssertSqlSafe(sql))
        .bind(id)
        .fetch_optional(&mut **tx)
        .await
}

pub async fn create(tx: &mut Tx, e: &EventInput, by: i64) -> sqlx::Result<i64> {
    let now = db::now();
    let (id,): (i64,) = sqlx::query_as(
        "INSERT INTO events (kind, series, title, description, starts_at, ends_at, place, \
         online_url, organiser, responsible_id, area_code, phenomena, capacity, \
         registration_open, registration_deadline, visibility, recording_url, created_by, \
         created_at, updated_at) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, \
         $18, $19, $19) RETURNING id",
    )
    .bind(&e.kind)
    .bind(&e.series)
    .bind(&e.title)
    .bind(&e.description)
    .bind(&e.starts_at)
    .bind(&e.ends_at)
    .bind(&e.place)
    .bind(&e.online_url)
    .bind(&e.organiser)
    .bind(e.responsible_id)
    .bind(e.area_code.as_deref())
    .bind(&e.phenomena)
    .bind(e.capacity)
    .bind(db::flag(e.registration_open))
    .bind(e.registration_deadline.as_deref())
    .bind(&e.visibility)
    .bind(&e.recording_url)
    .bind(by)
    .bind(&now)
    .fetch_one(&mut **tx)
    .await?;
    Ok(id)
}

/// Saves an edit (the event locked by the caller): the calendar sequence
/// goes up. A larger capacity moves the waitlist up (returned).
pub async fn update(tx: &mut Tx, id: i64, e: &EventInput) -> sqlx::Result<Vec<Registration>> {
    sqlx::query(
        "UPDATE events SET kind = $1, series = $2, title = $3, description = $4, starts_at = $5, \
         ends_at = $6, place = $7, online_url = $8, organiser = $9, responsible_id = $10, \
         area_code = $11, phenomena = $12, capacity = $13, registration_open = $14, \
         registration_deadline = $15, visibility = $16, recording_url = $17, \
         sequence = sequence + 1, updated_at = $18 WHERE id = $19",
    )
    .bind(&e.kind)
    .bind(&e.series)
    .bind(&e.title)
    .bind(&e.description)
    .bind(&e.starts_at)
    .bind(&e.ends_at)
    .bind(&e.place)
    .bind(&e.online_url)
    .bind(&e.organiser)
    .bind(e.responsible_id)
    .bind(e.area_code.as_deref())
    .bind(&e.phenomena)
    .bind(e.capacity)
    .bind(db::flag(e.registration_open))
    .bind(e.registration_deadline.as_deref())
    .bind(&e.visibility)
    .bind(&e.recording_url)
    .bind(db::now())
    .bind(id)
    .execute(&mut **tx)
    .await?;
    promote(tx, id).await
}

/// Cancels the event (locked by the caller); returns who is told.
pub async fn cancel(tx: &mut Tx, id: i64) -> sqlx::Result<Vec<Registration>> {
    sqlx::query(
        "UPDATE events SET cancelled = 1, sequence = sequence + 1, updated_at = $1 WHERE id = $2",
    )
    .bind(db::now())
    .bind(id)
    .execute(&mut **tx)
    .await?;
    let sql = format!(
        "SELECT {REG_COLS} WHERE r.event_id = $1 AND r.status IN ('registered', 'waitlist')"
    );
    sqlx::query_as(sqlx::AssertSqlSafe(sql))
        .bind(id)
        .fetch_all(&mut **tx)
        .await
}

#[derive(Debug, Clone, FromRow)]
pub struct Registration {
    pub id: i64,
    pub event_id: i64,
    pub user_id: Option<i64>,
    pub name: String,
    pub email: Option<String>,
    pub organisation: String,
    pub locale: String,
    pub status: String,
    pub queued_at: Option<String>,
    pub token_expires_at: Option<String>,
    pub attended: i64,
    pub reminded_at: Option<String>,
    pub confirmed_at: Option<String>,
    pub created_at: String,
    /// The account's display name, or the outside participant's name.
    pub display: String,
    /// The account's organisation's name, or what the outside participant typed.
    pub org: String,
    /// The organisation's sector, when known.
    pub sector: Option<String>,
}

const REG_COLS: &str = "r.id, r.event_id, r.user_id, r.name, r.email, r.organisation, r.locale, \
    r.status, r.queued_at, r.token_expires_at, r.attended, r.reminded_at, r.confirmed_at, \
    r.created_at, COALESCE(u.display_name, r.name) AS display, \
    COALESCE(o.name, r.organisation) AS org, o.sector AS sector \
    FROM event_registrations r LEFT JOIN users u ON u.id = r.user_id \
    LEFT JOIN organisations o ON o.id = u.organisation_id";

/// The SHA-256 (hex) a link token is stored as.
pub fn token_hash(token: &str) -> String {
    hex::encode(sha2::Sha256::digest(token.trim().as_bytes()))
}

/// The registrations of an event (every status), oldest first.
pub async fn registrations(db: &Db, event: i64) -> sqlx::Result<Vec<Registration>> {
    let sql = format!("SELECT {REG_COLS} WHERE r.event_id = $1 ORDER BY r.created_at, r.id");
    sqlx::query_as(sqlx::AssertSqlSafe(sql))
        .bind(event)
        .fetch_all(db.pool())
        .await
}

pub async fn registration_of(db: &Db, event: i64, user: i64) -> sqlx::Result<Option<Registration>> {
    let sql = format!("SELECT {REG_COLS} WHERE r.event_id = $1 AND r.user_id = $2");
    sqlx::query_as(sqlx::AssertSqlSafe(sql))
        .bind(event)
        .bind(user)
        .fetch_optional(db.pool())
        .await
}

/// One registration, read through `tx`.
pub async fn by_id(tx: &mut Tx, id: i64) -> sqlx::Result<Option<Registration>> {
    registration_tx(tx, id).await
}

async fn registration_tx(tx: &mut Tx, id: i64) -> sqlx::Result<Option<Registration>> {
    let sql = format!("SELECT {REG_COLS} WHERE r.id = $1");
    sqlx::query_as(sqlx::AssertSqlSafe(sql))
        .bind(id)
        .fetch_optional(&mut **tx)
        .await
}

/// A user's registrations with their events (not cancelled ones).
pub async fn of_user(db: &Db, user: i64) -> sqlx::Result<Vec<(Registration, Event)>> {
    let sql =
        format!("SELECT {REG_COLS} WHERE r.user_id = $1 AND r.status <> 'cancelled' ORDER BY r.id");
    let regs: Vec<Registration> = sqlx::query_as(sqlx::AssertSqlSafe(sql))
        .bind(user)
        .fetch_all(db.pool())
        .await?;
    let mut out = Vec::new();
    for r in regs {
        if let Some(e) = get(db, r.event_id).await? {
            out.push((r, e));
        }
    }
    out.sort_by(|a, b| a.1.starts_at.cmp(&b.1.starts_at));
    Ok(out)
}

/// The waitlist of an event, in its order.
pub async fn waitlist(db: &Db, event: i64) -> sqlx::Result<Vec<Waiting>> {
    let rows: Vec<(i64, Option<String>)> = sqlx::query_as(
        "SELECT id, queued_at FROM event_registrations WHERE event_id = $1 AND status = 'waitlist'",
    )
    .bind(event)
    .fetch_all(db.pool())
    .await?;
    Ok(rows
        .into_iter()
        .map(|(id, q)| Waiting {
            id,
            queued_at: q.unwrap_or_default(),
        })
        .collect())
}

/// Where a confirmed registration went.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Placed {
    Seat,
    Waitlist,
}

/// Gives registration `reg` of the locked event `ev` a seat when one is
/// free, else a waitlist place.
async fn place(tx: &mut Tx, ev: &Event, reg: i64) -> sqlx::Result<Placed> {
    let now = db::now();
    if placement(ev.capacity, ev.seats_taken) == Placement::Seat {
        let claimed = sqlx::query(
            "UPDATE events SET seats_taken = seats_taken + 1 WHERE id = $1 AND seats_taken < capacity",
        )
        .bind(ev.id)
        .execute(&mut **tx)
        .await?
        .rows_affected();
        if claimed == 1 {
            sqlx::query(
                "UPDATE event_registrations SET status = 'registered', confirmed_at = $1, \
                 queued_at = NULL, token_hash = NULL, updated_at = $1 WHERE id = $2",
            )
            .bind(&now)
            .bind(reg)
            .execute(&mut **tx)
            .await?;
            return Ok(Placed::Seat);
        }
    }
    sqlx::query(
        "UPDATE event_registrations SET status = 'waitlist', confirmed_at = $1, queued_at = $1, \
         token_hash = NULL, updated_at = $1 WHERE id = $2",
    )
    .bind(&now)
    .bind(reg)
    .execute(&mut **tx)
    .await?;
    Ok(Placed::Waitlist)
}

/// What a signed-in person's registration did.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum UserRegistered {
    Placed(Placed),
    /// Already registered or waiting: nothing changed.
    Already,
}

/// Registers `user` for the locked event `ev`: one row per person (the
/// unique key); a cancelled registration is taken up again.
pub async fn register_user(
    tx: &mut Tx,
    ev: &Event,
    user: i64,
) -> sqlx::Result<(i64, UserRegistered)> {
    let now = db::now();
    let existing: Option<(i64, String)> = sqlx::query_as(
        "SELECT id, status FROM event_registrations WHERE event_id = $1 AND user_id = $2",
    )
    .bind(ev.id)
    .bind(user)
    .fetch_optional(&mut **tx)
    .await?;
    let id = match existing {
        Some((id, status)) if status == "registered" || status == "waitlist" => {
            return Ok((id, UserRegistered::Already));
        }
        Some((id, _)) => id,
        None => {
            let (id,): (i64,) = sqlx::query_as(
                "INSERT INTO event_registrations (event_id, user_id, status, created_at, updated_at) \
                 VALUES ($1, $2, 'pending', $3, $3) RETURNING id",
            )
            .bind(ev.id)
            .bind(user)
            .bind(&now)
            .fetch_one(&mut **tx)
            .await?;
            id
        }
    };
    let placed = place(tx, ev, id).await?;
    Ok((id, UserRegistered::Placed(placed)))
}

/// What an outside participant's sign-up did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SignedUp {
    /// A confirmation link was made (the token to mail).
    Pending { id: i64, token: String },
    /// The address is registered or waiting already: its cancel link is
    /// made anew (the token to mail).
    Already { id: i64, cancel_token: String },
}

pub struct Outside<'a> {
    pub name: &'a str,
    pub email: &'a str,
    pub organisation: &'a str,
    pub locale: &'a str,
}

/// An outside participant's sign-up (the event locked by the caller): a
/// pending registration with a fresh confirmation link. The address is
/// stored lower-case, one registration per address and event.
pub async fn sign_up(tx: &mut Tx, ev: &Event, p: &Outside<'_>) -> sqlx::Result<SignedUp> {
    let now = jiff::Timestamp::now();
    let email = p.email.trim().to_lowercase();
    let token = crate::core::web::random_token(24);
    let expires = db::timestamp(now + otalusta_domain::events::CONFIRM_VALID);
    let existing: Option<(i64, String)> = sqlx::query_as(
        "SELECT id, status FROM event_registrations WHERE event_id = $1 AND email = $2",
    )
    .bind(ev.id)
    .bind(&email)
    .fetch_optional(&mut **tx)
    .await?;
    match existing {
        Some((id, status)) if status == "registered" || status == "waitlist" => {
            let cancel = crate::core::web::random_token(24);
            sqlx::query("UPDATE event_registrations SET cancel_hash = $1 WHERE id = $2")
                .bind(token_hash(&cancel))
                .bind(id)
                .execute(&mut **tx)
                .await?;
            Ok(SignedUp::Already {
                id,
                cancel_token: cancel,
            })
        }
        Some((id, _)) => {
            sqlx::query(
                "UPDATE event_registrations SET status = 'pending', name = $1, organisation = $2, \
                 locale = $3, token_hash = $4, token_expires_at = $5, updated_at = $6 WHERE id = $7",
            )
            .bind(p.name.trim())
            .bind(p.organisation.trim())
            .bind(p.locale)
            .bind(token_hash(&token))
            .bind(&expires)
            .bind(db::timestamp(now))
            .bind(id)
            .execute(&mut **tx)
            .await?;
            Ok(SignedUp::Pending { id, token })
        }
        None => {
            let (id,): (i64,) = sqlx::query_as(
                "INSERT INTO event_registrations (event_id, name, email, organisation, locale, \
                 status, token_hash, token_expires_at, created_at, updated_at) \
                 VALUES ($1, $2, $3, $4, $5, 'pending', $6, $7, $8, $8) RETURNING id",
            )
            .bind(ev.id)
            .bind(p.name.trim())
            .bind(&email)
            .bind(p.organisation.trim())
            .bind(p.locale)
            .bind(token_hash(&token))
            .bind(&expires)
            .bind(db::timestamp(now))
            .fetch_one(&mut **tx)
            .await?;
            Ok(SignedUp::Pending { id, token })
        }
    }
}

/// Which registration a link token names (confirmation or cancel link).
pub async fn by_token(db: &Db, token: &str, cancel: bool) -> sqlx::Result<Option<Registration>> {
    let col = if cancel { "cancel_hash" } else { "token_hash" };
    let sql = format!("SELECT {REG_COLS} WHERE r.{col} = $1");
    sqlx::query_as(sqlx::AssertSqlSafe(sql))
        .bind(token_hash(token))
        .fetch_optional(db.pool())
        .await
}

/// What following a confirmation link did.
#[derive(Debug, Clone)]
pub enum Confirmed {
    Placed {
        reg: Box<Registration>,
        placed: Placed,
        cancel_token: String,
    },
    /// Unknown or used.
    Unknown,
    Expired,
}

/// Confirms the pending registration the token names: a seat or the
/// waitlist, in the event's lock; the token works once.
pub async fn confirm(tx: &mut Tx, token: &str, now: jiff::Timestamp) -> sqlx::Result<Confirmed> {
    let row: Option<(i64, i64, Option<String>)> = sqlx::query_as(
        "SELECT id, event_id, token_expires_at FROM event_registrations \
         WHERE token_hash = $1 AND status = 'pending'",
    )
    .bind(token_hash(token))
    .fetch_optional(&mut **tx)
    .await?;
    let Some((id, event_id, expires)) = row else {
        return Ok(Confirmed::Unknown);
    };
    let valid = expires
        .as_deref()
        .and_then(db::parse_timestamp)
        .is_some_and(|e| otalusta_domain::events::link_valid(now, e));
    if !valid {
        return Ok(Confirmed::Expired);
    }
    let Some(ev) = lock(tx, event_id).await? else {
        return Ok(Confirmed::Unknown);
    };
    // Another confirmation of the same link got here first.
    let (status,): (String,) =
        sqlx::query_as("SELECT status FROM event_registrations WHERE id = $1")
            .bind(id)
            .fetch_one(&mut **tx)
            .await?;
    if status != "pending" {
        return Ok(Confirmed::Unknown);
    }
    let placed = place(tx, &ev, id).await?;
    let cancel = crate::core::web::random_token(24);
    sqlx::query(
        "UPDATE event_registrations SET cancel_hash = $1, token_expires_at = NULL WHERE id = $2",
    )
    .bind(token_hash(&cancel))
    .bind(id)
    .execute(&mut **tx)
    .await?;
    let reg = registration_tx(tx, id)
        .await?
        .ok_or(sqlx::Error::RowNotFound)?;
    Ok(Confirmed::Placed {
        reg: Box::new(reg),
        placed,
        cancel_token: cancel,
    })
}

/// Cancels registration `id` (its event locked here): a freed seat goes
/// to the first on the waitlist in the same transaction. Returns whether
/// it was active, and who moved up.
pub async fn cancel_registration(tx: &mut Tx, id: i64) -> sqlx::Result<Option<Vec<Registration>>> {
    let Some(reg) = registration_tx(tx, id).await? else {
        return Ok(None);
    };
    let Some(_ev) = lock(tx, reg.event_id).await? else {
        return Ok(None);
    };
    // Read again under the lock.
    let (status,): (String,) =
        sqlx::query_as("SELECT status FROM event_registrations WHERE id = $1")
            .bind(id)
            .fetch_one(&mut **tx)
            .await?;
    if status == "cancelled" {
        return Ok(None);
    }
    sqlx::query(
        "UPDATE event_registrations SET status = 'cancelled', queued_at = NULL, token_hash = NULL, \
         cancel_hash = NULL, updated_at = $1 WHERE id = $2",
    )
    .bind(db::now())
    .bind(id)
    .execute(&mut **tx)
    .await?;
    if status == "registered" {
        sqlx::query("UPDATE events SET seats_taken = seats_taken - 1 WHERE id = $1")
            .bind(reg.event_id)
            .execute(&mut **tx)
            .await?;
        return Ok(Some(promote(tx, reg.event_id).await?));
    }
    Ok(Some(Vec::new()))
}

/// Moves the waitlist of the locked event up into its free seats.
async fn promote(tx: &mut Tx, event: i64) -> sqlx::Result<Vec<Registration>> {
    let (capacity, taken, cancelled): (i64, i64, i64) =
        sqlx::query_as("SELECT capacity, seats_taken, cancelled FROM events WHERE id = $1")
            .bind(event)
            .fetch_one(&mut **tx)
            .await?;
    if cancelled != 0 || taken >= capacity {
        return Ok(Vec::new());
    }
    let rows: Vec<(i64, Option<String>)> = sqlx::query_as(
        "SELECT id, queued_at FROM event_registrations WHERE event_id = $1 AND status = 'waitlist'",
    )
    .bind(event)
    .fetch_all(&mut **tx)
    .await?;
    let waiting: Vec<Waiting> = rows
        .into_iter()
        .map(|(id, q)| Waiting {
            id,
            queued_at: q.unwrap_or_default(),
        })
        .collect();
    let mut moved = Vec::new();
    for id in promotions(capacity - taken, &waiting) {
        sqlx::query(
            "UPDATE event_registrations SET status = 'registered', queued_at = NULL, \
             updated_at = $1 WHERE id = $2",
        )
        .bind(db::now())
        .bind(id)
        .execute(&mut **tx)
        .await?;
        sqlx::query("UPDATE events SET seats_taken = seats_taken + 1 WHERE id = $1")
            .bind(event)
            .execute(&mut **tx)
            .await?;
        if let Some(r) = registration_tx(tx, id).await? {
            moved.push(r);
        }
    }
    Ok(moved)
}

/// Marks attendance: `attended` are the registration ids that attended,
/// of the confirmed ones of `event`.
pub async fn set_attendance(tx: &mut Tx, event: i64, attended: &[i64]) -> sqlx::Result<()> {
    let rows: Vec<(i64,)> = sqlx::query_as(
        "SELECT id FROM event_registrations WHERE event_id = $1 AND status = 'registered'",
    )
    .bind(event)
    .fetch_all(&mut **tx)
    .await?;
    for (id,) in rows {
        sqlx::query("UPDATE event_registrations SET attended = $1, updated_at = $2 WHERE id = $3")
            .bind(db::flag(attended.contains(&id)))
            .bind(db::now())
            .bind(id)
            .execute(&mut **tx)
            .await?;
    }
    Ok(())
}

/// Queues an e-mail to an address without an account.
pub async fn queue_mail(
    tx: &mut Tx,
    to: &str,
    kind: &str,
    subject: &str,
    body: &str,
) -> sqlx::Result<()> {
    sqlx::query(
        "INSERT INTO event_mails (to_email, kind, subject, body, created_at) \
         VALUES ($1, $2, $3, $4, $5)",
    )
    .bind(to)
    .bind(kind)
    .bind(subject)
    .bind(body)
    .bind(db::now())
    .execute(&mut **tx)
    .await?;
    Ok(())
}

/// The confirmed registrations whose reminder may be due: not reminded,
/// their event not cancelled and starting between `now` and `until`.
pub async fn reminder_candidates(
    db: &Db,
    now: &str,
    until: &str,
) -> sqlx::Result<Vec<(i64, i64, String)>> {
    sqlx::query_as(
        "SELECT r.id, e.id, e.starts_at FROM event_registrations r JOIN events e ON e.id = r.event_id \
         WHERE r.status = 'registered' AND r.reminded_at IS NULL AND e.cancelled = 0 \
         AND e.starts_at > $1 AND e.starts_at <= $2",
    )
    .bind(now)
    .bind(until)
    .fetch_all(db.pool())
    .await
}

/// Claims the reminder of registration `id`: true for exactly one caller.
pub async fn claim_reminder(tx: &mut Tx, id: i64) -> sqlx::Result<Option<Registration>> {
    let n = sqlx::query(
        "UPDATE event_registrations SET reminded_at = $1 WHERE id = $2 AND reminded_at IS NULL \
         AND status = 'registered'",
    )
    .bind(db::now())
    .bind(id)
    .execute(&mut **tx)
    .await?
    .rows_affected();
    if n == 1 {
        registration_tx(tx, id).await
    } else {
        Ok(None)
    }
}

/// Erases outside participants' names and addresses of events that ended
/// before `before`, and sent e-mails older than it; returns how many
/// registrations were erased.
pub async fn erase_outside(db: &Db, before: &str) -> sqlx::Result<u64> {
    let mut tx = db.begin().await?;
    let n = sqlx::query(
        "UPDATE event_registrations SET name = '', email = NULL, organisation = '', \
         token_hash = NULL, cancel_hash = NULL \
         WHERE user_id IS NULL AND email IS NOT NULL \
         AND event_id IN (SELECT id FROM events WHERE ends_at < $1)",
    )
    .bind(before)
    .execute(&mut *tx)
    .await?
    .rows_affected();
    sqlx::query("DELETE FROM event_mails WHERE created_at < $1")
        .bind(before)
        .execute(&mut *tx)
        .await?;
    tx.commit().await?;
    Ok(n)
}
