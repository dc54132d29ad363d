//! Requests, their forms, history, messages, attachments and outcomes in
//! the database.

use crate::core::db::{self, Db, Tx};
use anyhow::Context;
use jiff::civil::Date;
use otalusta_domain::consultations::{Event, Identification, Outcome, Status};
use otalusta_domain::ids::{GroupId, RequestId, UserId};
use otalusta_domain::questionnaire::{Answers, Questionnaire, default_form};
use sqlx::{AnyConnection, AssertSqlSafe, FromRow};
use std::collections::HashMap;

// --- forms -----------------------------------------------------------------------

#[derive(Debug, Clone)]
pub struct FormVersion {
    pub id: i64,
    pub group_id: GroupId,
    pub version: i64,
    pub form: Questionnaire,
    pub created_at: String,
}

#[derive(FromRow)]
struct FormRow {
    id: i64,
    group_id: i64,
    version: i64,
    definition: String,
    created_at: String,
}

impl FormRow {
    fn parse(self) -> anyhow::Result<FormVersion> {
        Ok(FormVersion {
            id: self.id,
            group_id: GroupId(self.group_id),
            version: self.version,
            form: serde_json::from_str(&self.definition)
                .with_context(|| format!("form version {}", self.id))?,
            created_at: self.created_at,
        })
    }
}

pub async fn form_version(db: &Db, id: i64) -> anyhow::Result<FormVersion> {
    let row: FormRow = sqlx::query_as(
        "SELECT id, group_id, version, definition, created_at FROM form_versions WHERE id = $1",
    )
    .bind(id)
    .fetch_one(db.pool())
    .await?;
    row.parse()
}

/// One version of a group's form, if it exists.
pub async fn form_of_version(
    db: &Db,
    group: GroupId,
    version: i64,
) -> anyhow::Result<Option<FormVersion>> {
    let row: Option<FormRow> = sqlx::query_as(
        "SELECT id, group_id, version, definition, created_at FROM form_versions \
         WHERE group_id = $1 AND version = $2",
    )
    .bind(group.0)
    .bind(version)
    .fetch_optional(db.pool())
    .await?;
    row.map(FormRow::parse).transpose()
}

/// The group's current form; the default one is made its version 1 the
/// first time it is needed.
pub async fn current_form(db: &Db, group: GroupId) -> anyhow::Result<FormVersion> {
    let row: Option<FormRow> = sqlx::query_as(
        "SELECT id, group_id, version, definition, created_at FROM form_versions \
         WHERE group_id = $1 ORDER BY version DESC LIMIT 1",
    )
    .bind(group.0)
    .fetch_optional(db.pool())
    .await?;
    if let Some(r) = row {
        return r.parse();
    }
    let mut tx = db.begin().await?;
    // Another request may have made it meanwhile: insert only if missing.
    sqlx::query(
        "INSERT INTO form_versions (group_id, version, definition, created_at) \
         VALUES ($1, 1, $2, $3) ON CONFLICT (group_id, version) DO NOTHING",
    )
    .bind(group.0)
    .bind(serde_json::to_string(&default_form())?)
    .bind(db::now())
    .execute(&mut *tx)
    .await?;
    tx.commit().await?;
    Box::pin(current_form(db, group)).await
}

/// Saves a new version of the group's form.
pub async fn save_form(
    tx: &mut Tx,
    group: GroupId,
    form: &Questionnaire,
    by: UserId,
) -> anyhow::Result<i64> {
    let (next,): (i64,) = sqlx::query_as(
        "SELECT COALESCE(MAX(version), 0) + 1 FROM form_versions WHERE group_id = $1",
    )
    .bind(group.0)
    .fetch_one(&mut **tx)
    .await?;
    sqlx::query(
        "INSERT INTO form_versions (group_id, version, definition, created_by, created_at) \
         VALUES ($1, $2, $3, $4, $5)",
    )
    .bind(group.0)
    .bind(next)
    .bind(serde_json::to_string(form)?)
    .bind(by.0)
    .bind(db::now())
    .execute(&mut **tx)
    .await?;
    Ok(next)
}

// --- requests ----------------------------------------------------------------------

#[derive(Debug, Clone)]
pub struct Request {
    pub id: RequestId,
    pub requester_id: UserId,
    pub group_id: GroupId,
    pub form_version_id: i64,
    pub status: Status,
    pub answers: Answers,
    pub identification: Identification,
    pub basis_note: String,
    pub identity_cipher: Option<String>,
    pub meeting_date: Option<Date>,
    pub placement: String,
    pub late: bool,
    pub agenda_position: Option<i64>,
    pub summary: String,
    pub requester_record: String,
    pub follow_up_due: Option<Date>,
    pub follow_up_note: String,
    /// `agree`, `disagree` or empty: the requester's view of the recommendations.
    pub requester_view: String,
    pub requester_comment: String,
    /// The level of need the requester sees (`perustaso`, `erityistaso`,
    /// `ot-taso`; empty: not assessed), and what the group concluded.
    pub need_level: String,
    pub concluded_level: String,
    /// The screening the request was opened from.
    pub screening_id: Option<i64>,
    pub created_at: String,
    pub submitted_at: Option<String>,
    pub updated_at: String,
}

impl Request {
    /// Sent to the group at some point: only then does anyone but its
    /// writer see it (a draft withdrawn unsent stays the writer's alone).
    pub fn was_sent(&self) -> bool {
        self.status != Status::Draft && self.submitted_at.is_some()
    }
}

#[derive(FromRow)]
struct Row {
    id: i64,
    requester_id: i64,
    group_id: i64,
    form_version_id: i64,
    status: String,
    answers: String,
    identification: String,
    basis_note: String,
    identity_cipher: Option<String>,
    meeting_date: Option<String>,
    placement: String,
    late: i64,
    agenda_position: Option<i64>,
    summary: String,
    requester_record: String,
    follow_up_due: Option<String>,
    follow_up_note: String,
    requester_view: String,
    requester_comment: String,
    need_level: String,
    concluded_level: String,
    screening_id: Option<i64>,
    created_at: String,
    submitted_at: Option<String>,
    updated_at: String,
}

const COLS: &str = "id, requester_id, group_id, form_version_id, status, answers, identification, \
                    basis_note, identity_cipher, meeting_date, placement, late, agenda_position, \
                    summary, requester_record, follow_up_due, follow_up_note, requester_view, \
                    requester_comment, need_level, concluded_level, screening_id, created_at, \
                    submitted_at, updated_at";

impl Row {
    fn parse(self) -> anyhow::Result<Request> {
        Ok(Request {
            id: RequestId(self.id),
            requester_id: UserId(self.requester_id),
            group_id: GroupId(self.group_id),
            form_version_id: self.form_version_id,
            status: self
                .status
                .parse()
                .with_context(|| format!("status of request {}", self.id))?,
            answers: serde_json::from_str(&self.answers)
                .with_context(|| format!("answers of request {}", self.id))?,
            identification: self.identification.parse().unwrap_or(Identification::None),
            basis_note: self.basis_note,
            identity_cipher: self.identity_cipher,
            meeting_date: self.meeting_date.and_then(|d| d.parse().ok()),
            placement: self.placement,
            late: self.late != 0,
            agenda_position: self.agenda_position,
            summary: self.summary,
            requester_record: self.requester_record,
            follow_up_due: self.follow_up_due.and_then(|d| d.parse().ok()),
            follow_up_note: self.follow_up_note,
            requester_view: self.requester_view,
            requester_comment: self.requester_comment,
            need_level: self.need_level,
            concluded_level: self.concluded_level,
            screening_id: self.screening_id,
            created_at: self.created_at,
            submitted_at: self.submitted_at,
            updated_at: self.updated_at,
        })
    }
}

/// What the inbox needs of a request. Its lists and the navigation's count
/// read every case of a person on each page view; a full row's answers
/// (parsed JSON) and texts cost most of that, so they read only these.
#[derive(Debug, Clone)]
pub struct CaseRow {
    pub id: RequestId,
    pub requester_id: UserId,
    pub group_id: GroupId,
    pub status: Status,
    pub meeting_date: Option<Date>,
    pub follow_up_due: Option<Date>,
    pub submitted_at: Option<String>,
    pub updated_at: String,
}

#[derive(FromRow)]
struct CaseRowRaw {
    id: i64,
    requester_id: i64,
    group_id: i64,
    status: String,
    meeting_date: Option<String>,
    follow_up_due: Option<String>,
    submitted_at: Option<String>,
    updated_at: String,
}

const CASE_COLS: &str =
    "id, requester_id, group_id, status, meeting_date, follow_up_due, submitted_at, updated_at";

impl CaseRowRaw {
    fn parse(self) -> anyhow::Result<CaseRow> {
        Ok(CaseRow {
            id: RequestId(self.id),
            requester_id: UserId(self.requester_id),
            group_id: GroupId(self.group_id),
            status: self
                .status
                .parse()
                .with_context(|| format!("status of request {}", self.id))?,
            meeting_date: self.meeting_date.and_then(|d| d.parse().ok()),
            follow_up_due: self.follow_up_due.and_then(|d| d.parse().ok()),
            submitted_at: self.submitted_at,
            updated_at: self.updated_at,
        })
    }
}

async fn cases_where(db: &Db, cond: &str, bind: i64) -> anyhow::Result<Vec<CaseRow>> {
    let rows: Vec<CaseRowRaw> = sqlx::query_as(AssertSqlSafe(format!(
        "SELECT {CASE_COLS} FROM requests WHERE {cond} ORDER BY id"
    )))
    .bind(bind)
    .fetch_all(db.pool())
    .await?;
    rows.into_iter().map(CaseRowRaw::parse).collect()
}

/// [`of_requester`] as [`CaseRow`]s.
pub async fn cases_of_requester(db: &Db, user: UserId) -> anyhow::Result<Vec<CaseRow>> {
    cases_where(db, "requester_id = $1", user.0).await
}

/// [`active_of_group`] of each of `groups`, as [`CaseRow`]s, in one query
/// (a county's coordinator has a dozen groups, and the inbox is read on
/// every page view).
pub async fn active_cases_of_groups(db: &Db, groups: &[GroupId]) -> anyhow::Result<Vec<CaseRow>> {
    let ids: Vec<i64> = groups.iter().map(|g| g.0).collect();
    let cond = format!("group_id IN ({{in}}) AND {ACTIVE}");
    let rows: Vec<CaseRowRaw> = rows_in(db, CASE_COLS, &cond, &ids).await?;
    rows.into_iter().map(CaseRowRaw::parse).collect()
}

/// [`waiting_of_area`] as [`CaseRow`]s.
pub async fn waiting_cases_of_area(db: &Db, area: &str) -> anyhow::Result<Vec<CaseRow>> {
    let rows: Vec<CaseRowRaw> = sqlx::query_as(AssertSqlSafe(format!(
        "SELECT {CASE_COLS} FROM requests WHERE {WAITING_OF_AREA} ORDER BY id"
    )))
    .bind(area)
    .fetch_all(db.pool())
    .await?;
    rows.into_iter().map(CaseRowRaw::parse).collect()
}

/// The requests `ids` (those that exist) as [`CaseRow`]s, in one query.
pub async fn cases(db: &Db, ids: &[RequestId]) -> anyhow::Result<Vec<CaseRow>> {
    let ids: Vec<i64> = ids.iter().map(|r| r.0).collect();
    let rows: Vec<CaseRowRaw> = rows_in(db, CASE_COLS, "id IN ({in})", &ids).await?;
    rows.into_iter().map(CaseRowRaw::parse).collect()
}

/// Rows `cols` of the requests meeting `cond`, in which `{in}` stands for
/// an `IN` list of `values`: read [`db::IN_CHUNK`] values at a time.
async fn rows_in<R>(db: &Db, cols: &str, cond: &str, values: &[i64]) -> sqlx::Result<Vec<R>>
where
    R: for<'r> FromRow<'r, sqlx::any::AnyRow> + Send + Unpin,
{
    let mut out = Vec::new();
    for chunk in values.chunks(db::IN_CHUNK) {
        let cond = cond.replace("{in}", &db::marks(1, chunk.len()));
        let mut q = sqlx::query_as::<_, R>(AssertSqlSafe(format!(
            "SELECT {cols} FROM requests WHERE {cond} ORDER BY id"
        )));
        for v in chunk {
            q = q.bind(*v);
        }
        out.extend(q.fetch_all(db.pool()).await?);
    }
    Ok(out)
}

/// A request still in work: to triage, on an agenda, waiting for its
/// follow-up.
const ACTIVE: &str = "status IN ('submitted', 'more-info', 'accepted', 'discussed', 'follow-up')";

const WAITING_OF_AREA: &str = "status IN ('submitted', 'follow-up') AND group_id IN \
     (SELECT id FROM consultation_groups WHERE area_code = $1)";

/// The requests `ids` (those that exist), in one query.
pub async fn get_many(db: &Db, ids: &[RequestId]) -> anyhow::Result<Vec<Request>> {
    let ids: Vec<i64> = ids.iter().map(|r| r.0).collect();
    let rows: Vec<Row> = rows_in(db, COLS, "id IN ({in})", &ids).await?;
    rows.into_iter().map(Row::parse).collect()
}

pub async fn get(db: &Db, id: RequestId) -> anyhow::Result<Option<Request>> {
    let row: Option<Row> = sqlx::query_as(AssertSqlSafe(format!(
        "SELECT {COLS} FROM requests WHERE id = $1"
    )))
    .bind(id.0)
    .fetch_optional(db.pool())
    .await?;
    row.map(Row::parse).transpose()
}

/// Reads the request again inside a write, locking it on PostgreSQL so two
/// secretaries cannot triage it at once.
pub async fn get_for_update(
    tx: &mut Tx,
    id: RequestId,
    lock: bool,
) -> anyhow::Result<Option<Request>> {
    let lock = if lock { " FOR UPDATE" } else { "" };
    let row: Option<Row> = sqlx::query_as(AssertSqlSafe(format!(
        "SELECT {COLS} FROM requests WHERE id = $1{lock}"
    )))
    .bind(id.0)
    .fetch_optional(&mut **tx)
    .await?;
    row.map(Row::parse).transpose()
}

async fn list_where(db: &Db, cond: &str, bind: i64) -> anyhow::Result<Vec<Request>> {
    let rows: Vec<Row> = sqlx::query_as(AssertSqlSafe(format!(
        "SELECT {COLS} FROM requests WHERE {cond} ORDER BY updated_at DESC, id DESC"
    )))
    .bind(bind)
    .fetch_all(db.pool())
    .await?;
    rows.into_iter().map(Row::parse).collect()
}

/// The requests a client is identified in: every stored identity is
/// opened with the data key (they are sealed with a random nonce, so
/// there is nothing to look up by) and compared.
pub async fn of_client(db: &Db, key: &[u8; 32], code: &str) -> sqlx::Result<Vec<i64>> {
    let rows: Vec<(i64, String)> = sqlx::query_as(
        "SELECT id, identity_cipher FROM requests WHERE identity_cipher IS NOT NULL ORDER BY id",
    )
    .fetch_all(db.pool())
    .await?;
    Ok(rows
        .into_iter()
        .filter(|(_, sealed)| crate::core::crypto::open(key, sealed).as_deref() == Some(code))
        .map(|(id, _)| id)
        .collect())
}

pub async fn of_requester(db: &Db, user: UserId) -> anyhow::Result<Vec<Request>> {
    list_where(db, "requester_id = $1", user.0).await
}

/// The requester's requests that a meeting is still ahead of (proposed
/// or accepted), by meeting.
pub async fn awaiting_of_requester(db: &Db, user: UserId) -> anyhow::Result<Vec<Request>> {
    list_where(
        db,
        "requester_id = $1 AND meeting_date IS NOT NULL \
         AND status IN ('submitted', 'more-info', 'accepted')",
        user.0,
    )
    .await
}

/// Every request sent to a group (not drafts, not drafts withdrawn unsent).
pub async fn of_group(db: &Db, group: GroupId) -> anyhow::Result<Vec<Request>> {
    list_where(
        db,
        "group_id = $1 AND status <> 'draft' AND submitted_at IS NOT NULL",
        group.0,
    )
    .await
}

/// A group's requests still in work (the inbox: to triage, on an agenda,
/// waiting for their follow-up).
pub async fn active_of_group(db: &Db, group: GroupId) -> anyhow::Result<Vec<Request>> {
    list_where(db, &format!("group_id = $1 AND {ACTIVE}"), group.0).await
}

/// An area's requests that may be left waiting: untriaged, or waiting for
/// their follow-up (the coordinator's inbox).
pub async fn waiting_of_area(db: &Db, area: &str) -> anyhow::Result<Vec<Request>> {
    let rows: Vec<Row> = sqlx::query_as(AssertSqlSafe(format!(
        "SELECT {COLS} FROM requests WHERE {WAITING_OF_AREA} ORDER BY id"
    )))
    .bind(area)
    .fetch_all(db.pool())
    .await?;
    rows.into_iter().map(Row::parse).collect()
}

/// Messages by others that `user` has not read, per request, with the
/// time of the first: on their own requests and on those of the groups
/// they are a secretary of.
pub async fn unread(db: &Db, user: UserId) -> sqlx::Result<HashMap<RequestId, (u32, String)>> {
    let rows: Vec<(i64, i64, String)> = sqlx::query_as(
        "SELECT m.request_id, COUNT(*), MIN(m.at) FROM request_messages m \
         JOIN requests r ON r.id = m.request_id \
         LEFT JOIN request_reads rr ON rr.user_id = $1 AND rr.request_id = m.request_id \
         WHERE m.author_id <> $2 AND m.id > COALESCE(rr.message_id, 0) \
         AND (r.requester_id = $3 OR r.group_id IN (SELECT gm.group_id FROM group_members gm \
              WHERE gm.user_id = $4 AND gm.role = 'secretary')) \
         GROUP BY m.request_id",
    )
    .bind(user.0)
    .bind(user.0)
    .bind(user.0)
    .bind(user.0)
    .fetch_all(db.pool())
    .await?;
    Ok(rows
        .into_iter()
        .map(|(id, n, at)| (RequestId(id), (u32::try_from(n).unwrap_or(u32::MAX), at)))
        .collect())
}

/// The requests of the groups of an area (not drafts, not drafts withdrawn
/// unsent).
pub async fn of_area(db: &Db, area: &str) -> anyhow::Result<Vec<Request>> {
    let rows: Vec<Row> = sqlx::query_as(AssertSqlSafe(format!(
        "SELECT {cols} FROM requests WHERE status <> 'draft' AND submitted_at IS NOT NULL \
         AND group_id IN \
         (SELECT id FROM consultation_groups WHERE area_code = $1) ORDER BY updated_at DESC, id DESC",
        cols = COLS
    )))
    .bind(area)
    .fetch_all(db.pool())
    .await?;
    rows.into_iter().map(Row::parse).collect()
}

/// A meeting's cases in agenda order.
pub async fn on_meeting(db: &Db, group: GroupId, date: Date) -> anyhow::Result<Vec<Request>> {
    let mut conn = db.pool().acquire().await?;
    on_meeting_in(&mut conn, group, date, false).await
}

/// The same through `conn` (a write reordering the agenda locks them).
pub async fn on_meeting_in(
    conn: &mut AnyConnection,
    group: GroupId,
    date: Date,
    lock: bool,
) -> anyhow::Result<Vec<Request>> {
    let rows: Vec<Row> = sqlx::query_as(AssertSqlSafe(format!(
        "SELECT {COLS} FROM requests WHERE group_id = $1 AND meeting_date = $2 \
         AND status IN {TAKES_PLACE} \
         ORDER BY COALESCE(agenda_position, 1000000), submitted_at, id{}",
        if lock { " FOR UPDATE" } else { "" }
    )))
    .bind(group.0)
    .bind(date.to_string())
    .fetch_all(conn)
    .await?;
    rows.into_iter().map(Row::parse).collect()
}

/// The statuses that take a place on their meeting (`Status::holds_place`).
const TAKES_PLACE: &str = "('accepted', 'discussed', 'follow-up', 'closed')";

/// The load of one meeting: places taken by accepted cases, and untriaged
/// requests proposed for it (they take no place until accepted).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Load {
    pub taken: u32,
    pub proposed: u32,
}

/// Each meeting's load, by rule date (for pages; a write counts with
/// [`taken_in`] inside its transaction).
pub async fn loads(db: &Db, group: GroupId) -> sqlx::Result<HashMap<Date, Load>> {
    let rows: Vec<(String, String, i64)> = sqlx::query_as(
        "SELECT meeting_date, status, COUNT(*) FROM requests WHERE group_id = $1 \
         AND meeting_date IS NOT NULL AND status IN \
         ('submitted', 'more-info', 'accepted', 'discussed', 'follow-up', 'closed') \
         GROUP BY meeting_date, status",
    )
    .bind(group.0)
    .fetch_all(db.pool())
    .await?;
    let mut out: HashMap<Date, Load> = HashMap::new();
    for (d, status, n) in rows {
        let (Ok(d), Ok(n), Ok(status)) = (d.parse(), u32::try_from(n), status.parse::<Status>())
        else {
            continue;
        };
        let load = out.entry(d).or_default();
        if status.holds_place() {
            load.taken += n;
        } else {
            load.proposed += n;
        }
    }
    Ok(out)
}

/// Places taken on each meeting of the group, counted inside a write
/// (`except`: a request being moved, whose own place does not count).
pub async fn taken_in(
    conn: &mut AnyConnection,
    group: GroupId,
    except: Option<RequestId>,
) -> sqlx::Result<HashMap<Date, u32>> {
    let rows: Vec<(String, i64)> = sqlx::query_as(AssertSqlSafe(format!(
        "SELECT meeting_date, COUNT(*) FROM requests WHERE group_id = $1 AND id <> $2 \
         AND meeting_date IS NOT NULL AND status IN {TAKES_PLACE} GROUP BY meeting_date"
    )))
    .bind(group.0)
    .bind(except.map_or(0, |r| r.0))
    .fetch_all(conn)
    .await?;
    Ok(rows
        .into_iter()
        .filter_map(|(d, n)| Some((d.parse().ok()?, u32::try_from(n).ok()?)))
        .collect())
}

/// The requests placed on a meeting that is still ahead of them
/// (proposed or accepted), locked, in agenda order: a meeting change
/// decides what becomes of each.
pub async fn awaiting_meeting_in(
    tx: &mut Tx,
    group: GroupId,
    date: Date,
    lock: bool,
) -> anyhow::Result<Vec<Request>> {
    let rows: Vec<Row> = sqlx::query_as(AssertSqlSafe(format!(
        "SELECT {COLS} FROM requests WHERE group_id = $1 AND meeting_date = $2 \
         AND status IN ('submitted', 'more-info', 'accepted') \
         ORDER BY COALESCE(agenda_position, 1000000), submitted_at, id{}",
        if lock { " FOR UPDATE" } else { "" }
    )))
    .bind(group.0)
    .bind(date.to_string())
    .fetch_all(&mut **tx)
    .await?;
    rows.into_iter().map(Row::parse).collect()
}

/// The same inside a write, locked (a rule change decides their fate).
pub async fn awaiting_in(tx: &mut Tx, group: GroupId, lock: bool) -> anyhow::Result<Vec<Request>> {
    let rows: Vec<Row> = sqlx::query_as(AssertSqlSafe(format!(
        "SELECT {COLS} FROM requests WHERE group_id = $1 AND meeting_date IS NOT NULL \
         AND status IN ('submitted', 'more-info', 'accepted') \
         ORDER BY meeting_date, COALESCE(agenda_position, 1000000), submitted_at, id{}",
        if lock { " FOR UPDATE" } else { "" }
    )))
    .bind(group.0)
    .fetch_all(&mut **tx)
    .await?;
    rows.into_iter().map(Row::parse).collect()
}

/// The requests placed on meetings of the group that are still ahead of
/// them, by meeting (for pages that say what a change would touch).
pub async fn awaiting(db: &Db, group: GroupId) -> anyhow::Result<Vec<Request>> {
    let rows: Vec<Row> = sqlx::query_as(AssertSqlSafe(format!(
        "SELECT {COLS} FROM requests WHERE group_id = $1 AND meeting_date IS NOT NULL \
         AND status IN ('submitted', 'more-info', 'accepted') \
         ORDER BY meeting_date, COALESCE(agenda_position, 1000000), submitted_at, id"
    )))
    .bind(group.0)
    .fetch_all(db.pool())
    .await?;
    rows.into_iter().map(Row::parse).collect()
}

pub async fn create(
    tx: &mut Tx,
    requester: UserId,
    group: GroupId,
    form_version: i64,
) -> sqlx::Result<RequestId> {
    let now = db::now();
    let (id,): (i64,) = sqlx::query_as(
        "INSERT INTO requests (requester_id, group_id, form_version_id, status, created_at, \
         updated_at) VALUES ($1, $2, $3, 'draft', $4, $4) RETURNING id",
    )
    .bind(requester.0)
    .bind(group.0)
    .bind(form_version)
    .bind(&now)
    .fetch_one(&mut **tx)
    .await?;
    Ok(RequestId(id))
}

/// The requester's part: answers and identification.
pub async fn save_answers(
    tx: &mut Tx,
    id: RequestId,
    answers: &Answers,
    identification: Identification,
    basis_note: &str,
    identity_cipher: Option<&str>,
) -> anyhow::Result<()> {
    sqlx::query(
        "UPDATE requests SET answers = $1, identification = $2, basis_note = $3, \
         identity_cipher = $4, updated_at = $5 WHERE id = $6",
    )
    .bind(serde_json::to_string(answers)?)
    .bind(identification.key())
    .bind(basis_note)
    .bind(identity_cipher)
    .bind(db::now())
    .bind(id.0)
    .execute(&mut **tx)
    .await?;
    Ok(())
}

/// The requester's view of the level of need (`""` or a level key).
pub async fn set_need_level(tx: &mut Tx, id: RequestId, level: &str) -> sqlx::Result<()> {
    sqlx::query("UPDATE requests SET need_level = $1 WHERE id = $2")
        .bind(level)
        .bind(id.0)
        .execute(&mut **tx)
        .await?;
    Ok(())
}

/// The phenomena (ilmiöt) the requester says the request is about: the
/// statistics count requests by them.
pub async fn set_phenomena(tx: &mut Tx, id: RequestId, codes: &[String]) -> sqlx::Result<()> {
    sqlx::query("DELETE FROM request_phenomena WHERE request_id = $1")
        .bind(id.0)
        .execute(&mut **tx)
        .await?;
    for code in codes {
        sqlx::query(
            "INSERT INTO request_phenomena (request_id, phenomenon_id) \
             SELECT $1, id FROM phenomena WHERE code = $2",
        )
        .bind(id.0)
        .bind(code)
        .execute(&mut **tx)
        .await?;
    }
    Ok(())
}

/// The codes of a request's phenomena.
pub async fn phenomena_of(db: &Db, id: RequestId) -> sqlx::Result<Vec<String>> {
    let rows: Vec<(String,)> = sqlx::query_as(
        "SELECT p.code FROM request_phenomena rp JOIN phenomena p ON p.id = rp.phenomenon_id \
         WHERE rp.request_id = $1 ORDER BY p.sort_order, p.code",
    )
    .bind(id.0)
    .fetch_all(db.pool())
    .await?;
    Ok(rows.into_iter().map(|r| r.0).collect())
}

/// The group's conclusion on the level of need, with the outcome.
pub async fn set_concluded_level(tx: &mut Tx, id: RequestId, level: &str) -> sqlx::Result<()> {
    sqlx::query("UPDATE requests SET concluded_level = $1 WHERE id = $2")
        .bind(level)
        .bind(id.0)
        .execute(&mut **tx)
        .await?;
    Ok(())
}

/// The first entry of a request's history.
pub async fn created_event(
    tx: &mut Tx,
    id: RequestId,
    by: UserId,
    role: otalusta_domain::role::Role,
) -> sqlx::Result<()> {
    sqlx::query(
        "INSERT INTO request_events (request_id, at, actor_id, role, kind, from_status, \
         to_status, reason, detail) VALUES ($1, $2, $3, $4, $5, 'draft', 'draft', '', '')",
    )
    .bind(id.0)
    .bind(db::now())
    .bind(by.0)
    .bind(role.as_str())
    .bind(Event::Created.key())
    .execute(&mut **tx)
    .await?;
    Ok(())
}

/// Where a request is placed (the workflow calls this inside a change).
pub async fn place(
    tx: &mut Tx,
    id: RequestId,
    group: GroupId,
    meeting: Option<Date>,
    placement_json: &str,
    late: bool,
) -> sqlx::Result<()> {
    sqlx::query(
        "UPDATE requests SET group_id = $1, meeting_date = $2, placement = $3, late = $4, \
         agenda_position = NULL WHERE id = $5",
    )
    .bind(group.0)
    .bind(meeting.map(|d| d.to_string()))
    .bind(placement_json)
    .bind(db::flag(late))
    .bind(id.0)
    .execute(&mut **tx)
    .await?;
    Ok(())
}

pub async fn set_positions(tx: &mut Tx, ids: &[RequestId]) -> sqlx::Result<()> {
    for (i, id) in ids.iter().enumerate() {
        sqlx::query("UPDATE requests SET agenda_position = $1 WHERE id = $2")
            .bind(i as i64)
            .bind(id.0)
            .execute(&mut **tx)
            .await?;
    }
    Ok(())
}

#[derive(Debug, Clone, FromRow)]
pub struct EventRow {
    pub at: String,
    pub actor_name: Option<String>,
    pub role: String,
    pub kind: String,
    pub from_status: String,
    pub to_status: String,
    pub reason: String,
    pub detail: String,
}

pub async fn history(db: &Db, id: RequestId) -> sqlx::Result<Vec<EventRow>> {
    sqlx::query_as(
        "SELECT e.at, u.display_name AS actor_name, e.role, e.kind, e.from_status, e.to_status, \
         e.reason, e.detail FROM request_events e LEFT JOIN users u ON u.id = e.actor_id \
         WHERE e.request_id = $1 ORDER BY e.id",
    )
    .bind(id.0)
    .fetch_all(db.pool())
    .await
}

/// The last reason given for `event` (the question of "more information").
pub async fn last_reason(db: &Db, id: RequestId, event: Event) -> sqlx::Result<Option<String>> {
    let row: Option<(String,)> = sqlx::query_as(
        "SELECT reason FROM request_events WHERE request_id = $1 AND kind = $2 \
         ORDER BY id DESC LIMIT 1",
    )
    .bind(id.0)
    .bind(event.key())
    .fetch_optional(db.pool())
    .await?;
    Ok(row.map(|r| r.0))
}

/// The group's requests recorded as not discussed at the meeting held on
/// the day written `day` (as the not-discussed event's detail names it),
/// with the reason given.
pub async fn not_discussed_on(
    db: &Db,
    group: GroupId,
    day: &str,
) -> sqlx::Result<Vec<(RequestId, String)>> {
    let rows: Vec<(i64, String)> = sqlx::query_as(
        "SELECT e.request_id, e.reason FROM request_events e JOIN requests r ON r.id = e.request_id \
         WHERE r.group_id = $1 AND e.kind = 'not-discussed' AND e.detail LIKE $2 ORDER BY e.id",
    )
    .bind(group.0)
    // The meeting line names the day between spaces ("torstai 4.12.2026
    // 13.00–15.00"): 4.12. does not match 14.12.
    .bind(format!("% {day} %"))
    .fetch_all(db.pool())
    .await?;
    Ok(rows
        .into_iter()
        .map(|(id, why)| (RequestId(id), why))
        .collect())
}

// --- messages -------------------------------------------------------------------------

#[derive(Debug, Clone, FromRow)]
pub struct MessageRow {
    pub id: i64,
    pub author_id: i64,
    pub author: String,
    pub at: String,
    pub body: String,
}

pub async fn messages(db: &Db, id: RequestId) -> sqlx::Result<Vec<MessageRow>> {
    sqlx::query_as(
        "SELECT m.id, m.author_id, u.display_name AS author, m.at, m.body FROM request_messages m \
         JOIN users u ON u.id = m.author_id WHERE m.request_id = $1 ORDER BY m.id",
    )
    .bind(id.0)
    .fetch_all(db.pool())
    .await
}

pub async fn add_message(
    tx: &mut Tx,
    id: RequestId,
    author: UserId,
    body: &str,
) -> sqlx::Result<()> {
    let (mid,): (i64,) = sqlx::query_as(
        "INSERT INTO request_messages (request_id, author_id, at, body) VALUES ($1, $2, $3, $4) \
         RETURNING id",
    )
    .bind(id.0)
    .bind(author.0)
    .bind(db::now())
    .bind(body)
    .fetch_one(&mut **tx)
    .await?;
    // Who writes has read what came before.
    mark_read(tx, id, author, mid).await?;
    Ok(())
}

/// Marks the messages of request `id` up to `message` read by `user` (the
/// case page showed them); the inbox counts only later ones from others.
/// Whether anything was unread before.
pub async fn mark_read(
    tx: &mut Tx,
    id: RequestId,
    user: UserId,
    message: i64,
) -> sqlx::Result<bool> {
    let done = sqlx::query(
        "INSERT INTO request_reads (user_id, request_id, message_id, read_at) \
         VALUES ($1, $2, $3, $4) \
         ON CONFLICT (user_id, request_id) DO UPDATE SET message_id = excluded.message_id, \
         read_at = excluded.read_at WHERE request_reads.message_id < excluded.message_id",
    )
    .bind(user.0)
    .bind(id.0)
    .bind(message)
    .bind(db::now())
    .execute(&mut **tx)
    .await?;
    Ok(done.rows_affected() > 0)
}

// --- attachments ------------------------------------------------------------------------

#[derive(Debug, Clone, FromRow)]
pub struct AttachmentRow {
    pub id: i64,
    pub filename: String,
    pub content_type: String,
    pub size: i64,
    pub uploaded_at: String,
}

/// A request's attachments; names stored before names were cleaned of
/// direction characters are cleaned here.
pub async fn attachments(db: &Db, id: RequestId) -> sqlx::Result<Vec<AttachmentRow>> {
    let mut rows: Vec<AttachmentRow> = sqlx::query_as(
        "SELECT id, filename, content_type, size, uploaded_at FROM attachments \
         WHERE request_id = $1 ORDER BY id",
    )
    .bind(id.0)
    .fetch_all(db.pool())
    .await?;
    for r in &mut rows {
        r.filename = crate::consultations::attachments::clean_filename(&r.filename);
    }
    Ok(rows)
}

pub async fn add_attachment(
    tx: &mut Tx,
    id: RequestId,
    filename: &str,
    content_type: &str,
    data: &[u8],
    by: UserId,
) -> sqlx::Result<i64> {
    use sha2::Digest;
    let (aid,): (i64,) = sqlx::query_as(
        "INSERT INTO attachments (request_id, filename, content_type, size, sha256, data, \
         uploaded_by, uploaded_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id",
    )
    .bind(id.0)
    .bind(filename)
    .bind(content_type)
    .bind(data.len() as i64)
    .bind(hex::encode(sha2::Sha256::digest(data)))
    .bind(data.to_vec())
    .bind(by.0)
    .bind(db::now())
    .fetch_one(&mut **tx)
    .await?;
    Ok(aid)
}

pub async fn attachment_data(
    db: &Db,
    id: RequestId,
    aid: i64,
) -> sqlx::Result<Option<(String, String, Vec<u8>)>> {
    sqlx::query_as(
        "SELECT filename, content_type, data FROM attachments WHERE request_id = $1 AND id = $2",
    )
    .bind(id.0)
    .bind(aid)
    .fetch_optional(db.pool())
    .await
}

pub async fn delete_attachment(tx: &mut Tx, id: RequestId, aid: i64) -> sqlx::Result<bool> {
    let r = sqlx::query("DELETE FROM attachments WHERE request_id = $1 AND id = $2")
        .bind(id.0)
        .bind(aid)
        .execute(&mut **tx)
        .await?;
    Ok(r.rows_affected() == 1)
}

pub async fn attachment_total(db: &Db, id: RequestId) -> sqlx::Result<i64> {
    let mut conn = db.pool().acquire().await?;
    attachment_total_in(&mut conn, id).await
}

/// The same through `conn` (an upload checks the limit again in its write).
pub async fn attachment_total_in(conn: &mut AnyConnection, id: RequestId) -> sqlx::Result<i64> {
    let (n,): (Option<i64>,) =
        sqlx::query_as("SELECT CAST(SUM(size) AS BIGINT) FROM attachments WHERE request_id = $1")
            .bind(id.0)
            .fetch_one(conn)
            .await?;
    Ok(n.unwrap_or(0))
}

// --- outcome ------------------------------------------------------------------------------

#[derive(Debug, Clone, FromRow)]
pub struct RecommendationRow {
    pub id: i64,
    pub position: i64,
    pub action: String,
    pub responsible: String,
    pub due_date: Option<String>,
    pub outcome: Option<String>,
    pub outcome_note: String,
}

impl RecommendationRow {
    pub fn outcome(&self) -> Option<Outcome> {
        self.outcome.as_deref().and_then(|o| o.parse().ok())
    }
}

pub async fn recommendations(db: &Db, id: RequestId) -> sqlx::Result<Vec<RecommendationRow>> {
    sqlx::query_as(
        "SELECT id, position, action, responsible, due_date, outcome, outcome_note \
         FROM recommendations WHERE request_id = $1 ORDER BY position",
    )
    .bind(id.0)
    .fetch_all(db.pool())
    .await
}

/// Replaces the recommendations and the summary.
pub async fn save_outcome(
    tx: &mut Tx,
    id: RequestId,
    summary: &str,
    items: &[(String, String, Option<Date>)],
) -> sqlx::Result<()> {
    sqlx::query("DELETE FROM recommendations WHERE request_id = $1")
        .bind(id.0)
        .execute(&mut **tx)
        .await?;
    for (i, (action, responsible, due)) in items.iter().enumerate() {
        sqlx::query(
            "INSERT INTO recommendations (request_id, position, action, responsible, due_date) \
             VALUES ($1, $2, $3, $4, $5)",
        )
        .bind(id.0)
        .bind(i as i64)
        .bind(action)
        .bind(responsible)
        .bind(due.map(|d| d.to_string()))
        .execute(&mut **tx)
        .await?;
    }
    sqlx::query("UPDATE requests SET summary = $1 WHERE id = $2")
        .bind(summary)
        .bind(id.0)
        .execute(&mut **tx)
        .await?;
    Ok(())
}

pub async fn confirm(
    tx: &mut Tx,
    id: RequestId,
    record: &str,
    (view, comment): (&str, &str),
    follow_up: Date,
) -> sqlx::Result<()> {
    sqlx::query(
        "UPDATE requests SET requester_record = $1, follow_up_due = $2, follow_up_notified = 0, \
         requester_view = $3, requester_comment = $4 WHERE id = $5",
    )
    .bind(record)
    .bind(follow_up.to_string())
    .bind(view)
    .bind(comment)
    .bind(id.0)
    .execute(&mut **tx)
    .await?;
    Ok(())
}

pub async fn follow_up(
    tx: &mut Tx,
    id: RequestId,
    note: &str,
    outcomes: &[(i64, Outcome, String)],
) -> sqlx::Result<()> {
    for (rid, outcome, why) in outcomes {
        sqlx::query(
            "UPDATE recommendations SET outcome = $1, outcome_note = $2 WHERE id = $3 AND request_id = $4",
        )
        .bind(outcome.key())
        .bind(why)
        .bind(rid)
        .bind(id.0)
        .execute(&mut **tx)
        .await?;
    }
    sqlx::query("UPDATE requests SET follow_up_note = $1 WHERE id = $2")
        .bind(note)
        .bind(id.0)
        .execute(&mut **tx)
        .await?;
    Ok(())
}

/// Requests whose follow-up is due and not yet announced.
pub async fn follow_ups_due(db: &Db, today: Date) -> sqlx::Result<Vec<(i64, i64)>> {
    sqlx::query_as(
        "SELECT id, requester_id FROM requests WHERE status = 'follow-up' \
         AND follow_up_notified = 0 AND follow_up_due <= $1",
    )
    .bind(today.to_string())
    .fetch_all(db.pool())
    .await
}

pub async fn mark_follow_up_notified(tx: &mut Tx, id: i64) -> sqlx::Result<()> {
    sqlx::query("UPDATE requests SET follow_up_notified = 1 WHERE id = $1")
        .bind(id)
        .execute(&mut **tx)
        .await?;
    Ok(())
}

// --- attendance ----------------------------------------------------------------------------

pub async fn attendance(db: &Db, group: GroupId, date: Date) -> sqlx::Result<HashMap<i64, bool>> {
    let rows: Vec<(i64, i64)> = sqlx::query_as(
        "SELECT user_id, present FROM meeting_attendance WHERE group_id = $1 AND rule_date = $2",
    )
    .bind(group.0)
    .bind(date.to_string())
    .fetch_all(db.pool())
    .await?;
    Ok(rows.into_iter().map(|(u, p)| (u, p != 0)).collect())
}

pub async fn set_attendance(
    tx: &mut Tx,
    group: GroupId,
    date: Date,
    present: &[(UserId, bool)],
) -> sqlx::Result<()> {
    for (user, here) in present {
        sqlx::query(
            "INSERT INTO meeting_attendance (group_id, rule_date, user_id, present) \
             VALUES ($1, $2, $3, $4) ON CONFLICT (group_id, rule_date, user_id) \
             DO UPDATE SET present = excluded.present",
        )
        .bind(group.0)
        .bind(date.to_string())
        .bind(user.0)
        .bind(db::flag(*here))
        .execute(&mut **tx)
        .await?;
    }
    Ok(())
}
