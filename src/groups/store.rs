//! Groups, members, meeting overrides and personal feeds in the database.

use crate::core::db::{self, Db, Tx};
use anyhow::Context;
use jiff::civil::Date;
use otalusta_domain::calendar::{
    MeetingRule, Occurrence, Override, OverrideKind, PastRule, RuleHistory,
};
use otalusta_domain::groups::{Eligibility, GroupDetails, GroupKind, MeetingMode, MemberRole};
use otalusta_domain::ids::{GroupId, UserId};
use otalusta_domain::region::Sector;
use sqlx::{AnyConnection, AssertSqlSafe, FromRow};

/// A group as the pages and the API use it.
#[derive(Debug, Clone)]
pub struct Group {
    pub id: GroupId,
    pub details: GroupDetails,
    pub rule: MeetingRule,
    /// The rules before the current one: the meetings before a change keep
    /// the rule they were held by.
    pub past_rules: Vec<PastRule>,
    pub calendar_version: i64,
    pub updated_at: String,
    /// An inactive group takes no requests; its old requests still name it.
    pub active: bool,
}

impl Group {
    pub fn history(&self) -> RuleHistory<'_> {
        RuleHistory {
            current: &self.rule,
            past: &self.past_rules,
        }
    }

    /// The meetings whose rule date is in `from..=to`, each by the rule in
    /// force on it, with overrides applied.
    pub fn meetings(&self, overrides: &[Override], from: Date, to: Date) -> Vec<Occurrence> {
        match self.history().schedule(from, to, overrides) {
            Ok(occ) => occ,
            Err(errors) => {
                // Rules are validated before they are stored; a stored rule
                // that no longer validates (a removed time zone) yields none.
                tracing::error!(group = self.id.0, ?errors, "stored meeting rule is invalid");
                Vec::new()
            }
        }
    }

    /// The one meeting the rule yields on `rule_date`, if it does.
    pub fn meeting(&self, overrides: &[Override], rule_date: Date) -> Option<Occurrence> {
        self.meetings(overrides, rule_date, rule_date)
            .into_iter()
            .find(|o| o.rule_date == rule_date)
    }
}

#[derive(FromRow)]
struct GroupRow {
    id: i64,
    name_fi: String,
    name_sv: String,
    name_en: String,
    kind: String,
    area_code: String,
    organiser_code: Option<String>,
    mode: String,
    place: String,
    video_link: String,
    capacity: i64,
    description_fi: String,
    description_sv: String,
    description_en: String,
    rule: String,
    past_rules: String,
    calendar_version: i64,
    updated_at: String,
    active: i64,
    levels: String,
    criteria_fi: String,
    criteria_sv: String,
    criteria_en: String,
    how_to_ask_fi: String,
    how_to_ask_sv: String,
    how_to_ask_en: String,
}

const COLS: &str = "id, name_fi, name_sv, name_en, kind, area_code, organiser_code, mode, place, \
                    video_link, capacity, description_fi, description_sv, description_en, rule, \
                    past_rules, calendar_version, updated_at, active, levels, criteria_fi, \
                    criteria_sv, criteria_en, how_to_ask_fi, how_to_ask_sv, how_to_ask_en";

/// Groups from their rows, with their phenomena and eligibility read in
/// two queries for all of them (through `conn`: a pooled connection, or a
/// write transaction that must see its own rows).
async fn hydrate_all(conn: &mut AnyConnection, rows: Vec<GroupRow>) -> anyhow::Result<Vec<Group>> {
    if rows.is_empty() {
        return Ok(Vec::new());
    }
    let ids = rows
        .iter()
        .map(|r| r.id.to_string())
        .collect::<Vec<_>>()
        .join(",");
    // Ids are integers from the database: no user input in this SQL.
    let phenomena: Vec<(i64, String)> = sqlx::query_as(AssertSqlSafe(format!(
        "SELECT g.group_id, p.code FROM group_phenomena g JOIN phenomena p ON p.id = g.phenomenon_id \
         WHERE g.group_id IN ({ids}) ORDER BY g.group_id, p.sort_order, p.id"
    )))
    .fetch_all(&mut *conn)
    .await?;
    let elig: Vec<(i64, String, String)> = sqlx::query_as(AssertSqlSafe(format!(
        "SELECT group_id, kind, value FROM group_eligibility WHERE group_id IN ({ids}) \
         ORDER BY group_id, kind, value"
    )))
    .fetch_all(&mut *conn)
    .await?;
    rows.into_iter()
        .map(|row| {
            let codes = phenomena
                .iter()
                .filter(|(g, _)| *g == row.id)
                .map(|(_, c)| c.clone())
                .collect();
            let mut eligibility = Eligibility::default();
            for (_, kind, value) in elig.iter().filter(|(g, ..)| *g == row.id) {
                match kind.as_str() {
                    "area" => eligibility.areas.push(value.clone()),
                    _ => eligibility.sectors.extend(value.parse::<Sector>().ok()),
                }
            }
            build(row, codes, eligibility)
        })
        .collect()
}

fn build(row: GroupRow, phenomena: Vec<String>, eligibility: Eligibility) -> anyhow::Result<Group> {
    let rule: MeetingRule = serde_json::from_str(&row.rule)
        .with_context(|| format!("meeting rule of group {}", row.id))?;
    let past_rules: Vec<PastRule> = serde_json::from_str(&row.past_rules)
        .with_context(|| format!("earlier meeting rules of group {}", row.id))?;
    Ok(Group {
        id: GroupId(row.id),
        details: GroupDetails {
            name_fi: row.name_fi,
            name_sv: row.name_sv,
            name_en: row.name_en,
            kind: row.kind.parse().unwrap_or(GroupKind::Other),
            area: row.area_code,
            organiser: row.organiser_code,
            mode: row.mode.parse().unwrap_or(MeetingMode::Both),
            place: row.place,
            video_link: row.video_link,
            capacity: u32::try_from(row.capacity).unwrap_or(1),
            description_fi: row.description_fi,
            description_sv: row.description_sv,
            description_en: row.description_en,
            phenomena,
            eligibility,
            levels: otalusta_domain::screening::Level::parse_list(&row.levels),
            criteria_fi: row.criteria_fi,
            criteria_sv: row.criteria_sv,
            criteria_en: row.criteria_en,
            how_to_ask_fi: row.how_to_ask_fi,
            how_to_ask_sv: row.how_to_ask_sv,
            how_to_ask_en: row.how_to_ask_en,
        },
        rule,
        past_rules,
        calendar_version: row.calendar_version,
        updated_at: row.updated_at,
        active: row.active != 0,
    })
}

async fn select(
    conn: &mut AnyConnection,
    cond: &str,
    id: Option<GroupId>,
) -> anyhow::Result<Vec<Group>> {
    let sql = format!(
        "SELECT {COLS} FROM consultation_groups WHERE {cond} ORDER BY area_code, name_fi, id"
    );
    let q = sqlx::query_as::<_, GroupRow>(AssertSqlSafe(sql));
    let q = match id {
        Some(id) => q.bind(id.0),
        None => q,
    };
    let rows = q.fetch_all(&mut *conn).await?;
    hydrate_all(conn, rows).await
}

pub async fn get(db: &Db, id: GroupId) -> anyhow::Result<Option<Group>> {
    let mut conn = db.pool().acquire().await?;
    Ok(select(&mut conn, "id = $1 AND active = 1", Some(id))
        .await?
        .pop())
}

/// A group even if it is no longer active (its old requests still name it).
pub async fn get_any(db: &Db, id: GroupId) -> anyhow::Result<Option<Group>> {
    let mut conn = db.pool().acquire().await?;
    Ok(select(&mut conn, "id = $1", Some(id)).await?.pop())
}

/// A group read inside a write, locked on PostgreSQL: placing cases on its
/// meetings is serialised per group, so places are counted once.
pub async fn get_for_update(tx: &mut Tx, id: GroupId, lock: bool) -> anyhow::Result<Option<Group>> {
    if lock {
        sqlx::query("SELECT id FROM consultation_groups WHERE id = $1 FOR UPDATE")
            .bind(id.0)
            .fetch_optional(&mut **tx)
            .await?;
    }
    Ok(select(tx, "id = $1", Some(id)).await?.pop())
}

/// Active groups, by area and name.
pub async fn list(db: &Db) -> anyhow::Result<Vec<Group>> {
    let mut conn = db.pool().acquire().await?;
    select(&mut conn, "active = 1", None).await
}

/// The ids of the active groups, by area and name.
pub async fn active_ids(db: &Db) -> sqlx::Result<Vec<GroupId>> {
    let rows: Vec<(i64,)> = sqlx::query_as(
        "SELECT id FROM consultation_groups WHERE active = 1 ORDER BY area_code, name_fi, id",
    )
    .fetch_all(db.pool())
    .await?;
    Ok(rows.into_iter().map(|r| GroupId(r.0)).collect())
}

async fn write_links(tx: &mut Tx, id: GroupId, d: &GroupDetails) -> sqlx::Result<()> {
    sqlx::query("DELETE FROM group_phenomena WHERE group_id = $1")
        .bind(id.0)
        .execute(&mut **tx)
        .await?;
    for code in &d.phenomena {
        sqlx::query(
            "INSERT INTO group_phenomena (group_id, phenomenon_id) \
             SELECT $1, id FROM phenomena WHERE code = $2",
        )
        .bind(id.0)
        .bind(code)
        .execute(&mut **tx)
        .await?;
    }
    sqlx::query("DELETE FROM group_eligibility WHERE group_id = $1")
        .bind(id.0)
        .execute(&mut **tx)
        .await?;
    let values = d
        .eligibility
        .areas
        .iter()
        .map(|a| ("area", a.as_str()))
        .chain(d.eligibility.sectors.iter().map(|s| ("sector", s.as_str())));
    for (kind, value) in values {
        sqlx::query("INSERT INTO group_eligibility (group_id, kind, value) VALUES ($1, $2, $3)")
            .bind(id.0)
            .bind(kind)
            .bind(value)
            .execute(&mut **tx)
            .await?;
    }
    Ok(())
}

/// Tells other nodes (their search indexes and calendar caches) that the
/// group, its meetings or the places on them changed.
pub async fn announce(tx: &mut Tx, id: GroupId) -> sqlx::Result<()> {
    sqlx::query("INSERT INTO outbox (topic, object_id, at) VALUES ('group', $1, $2)")
        .bind(id.0.to_string())
        .bind(db::now())
        .execute(&mut **tx)
        .await?;
    Ok(())
}

/// Tells the other nodes' calendar caches that the cases placed on the
/// group's meetings changed (the search index ignores this topic).
pub async fn announce_places(tx: &mut Tx, id: GroupId) -> sqlx::Result<()> {
    sqlx::query("INSERT INTO outbox (topic, object_id, at) VALUES ('places', $1, $2)")
        .bind(id.0.to_string())
        .bind(db::now())
        .execute(&mut **tx)
        .await?;
    Ok(())
}

fn rule_json(rule: &MeetingRule) -> String {
    serde_json::to_string(rule).expect("a rule always serializes")
}

pub async fn create(tx: &mut Tx, d: &GroupDetails, rule: &MeetingRule) -> sqlx::Result<GroupId> {
    let now = db::now();
    let (id,): (i64,) = sqlx::query_as(
        "INSERT INTO consultation_groups (name_fi, name_sv, name_en, kind, area_code, \
         organiser_code, mode, place, video_link, capacity, description_fi, description_sv, \
         description_en, rule, created_at, updated_at, levels, criteria_fi, criteria_sv, \
         criteria_en, how_to_ask_fi, how_to_ask_sv, how_to_ask_en) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $15, $16, $17, \
         $18, $19, $20, $21, $22) RETURNING id",
    )
    .bind(&d.name_fi)
    .bind(&d.name_sv)
    .bind(&d.name_en)
    .bind(d.kind.key())
    .bind(&d.area)
    .bind(d.organiser.as_deref())
    .bind(d.mode.key())
    .bind(&d.place)
    .bind(&d.video_link)
    .bind(i64::from(d.capacity))
    .bind(&d.description_fi)
    .bind(&d.description_sv)
    .bind(&d.description_en)
    .bind(rule_json(rule))
    .bind(&now)
    .bind(otalusta_domain::screening::Level::join(&d.levels))
    .bind(&d.criteria_fi)
    .bind(&d.criteria_sv)
    .bind(&d.criteria_en)
    .bind(&d.how_to_ask_fi)
    .bind(&d.how_to_ask_sv)
    .bind(&d.how_to_ask_en)
    .fetch_one(&mut **tx)
    .await?;
    let id = GroupId(id);
    write_links(tx, id, d).await?;
    announce(tx, id).await?;
    Ok(id)
}

/// Saves the group; `past_rules` is the rule history after the change
/// (the replaced rule appended when the rule changed).
pub async fn update(
    tx: &mut Tx,
    id: GroupId,
    d: &GroupDetails,
    rule: &MeetingRule,
    past_rules: &[PastRule],
) -> sqlx::Result<()> {
    sqlx::query(
        "UPDATE consultation_groups SET name_fi = $1, name_sv = $2, name_en = $3, kind = $4, \
         area_code = $5, organiser_code = $6, mode = $7, place = $8, video_link = $9, \
         capacity = $10, description_fi = $11, description_sv = $12, description_en = $13, \
         rule = $14, past_rules = $17, calendar_version = calendar_version + 1, updated_at = $15, \
         levels = $18, criteria_fi = $19, criteria_sv = $20, criteria_en = $21, \
         how_to_ask_fi = $22, how_to_ask_sv = $23, how_to_ask_en = $24 WHERE id = $16",
    )
    .bind(&d.name_fi)
    .bind(&d.name_sv)
    .bind(&d.name_en)
    .bind(d.kind.key())
    .bind(&d.area)
    .bind(d.organiser.as_deref())
    .bind(d.mode.key())
    .bind(&d.place)
    .bind(&d.video_link)
    .bind(i64::from(d.capacity))
    .bind(&d.description_fi)
    .bind(&d.description_sv)
    .bind(&d.description_en)
    .bind(rule_json(rule))
    .bind(db::now())
    .bind(id.0)
    .bind(serde_json::to_string(past_rules).expect("rules always serialize"))
    .bind(otalusta_domain::screening::Level::join(&d.levels))
    .bind(&d.criteria_fi)
    .bind(&d.criteria_sv)
    .bind(&d.criteria_en)
    .bind(&d.how_to_ask_fi)
    .bind(&d.how_to_ask_sv)
    .bind(&d.how_to_ask_en)
    .execute(&mut **tx)
    .await?;
    write_links(tx, id, d).await?;
    announce(tx, id).await
}

async fn bump_version(tx: &mut Tx, id: GroupId) -> sqlx::Result<()> {
    sqlx::query(
        "UPDATE consultation_groups SET calendar_version = calendar_version + 1, updated_at = $1 \
         WHERE id = $2",
    )
    .bind(db::now())
    .bind(id.0)
    .execute(&mut **tx)
    .await?;
    announce(tx, id).await
}

// --- members ------------------------------------------------------------------

#[derive(Debug, Clone, FromRow)]
pub struct MemberRow {
    pub user_id: i64,
    pub username: String,
    pub display_name: String,
    pub title: String,
    pub role: String,
}

impl MemberRow {
    pub fn member_role(&self) -> MemberRole {
        self.role.parse().unwrap_or(MemberRole::Member)
    }
}

/// Members, chair and secretary first.
pub async fn members(db: &Db, id: GroupId) -> sqlx::Result<Vec<MemberRow>> {
    let mut conn = db.pool().acquire().await?;
    members_in(&mut conn, id).await
}

/// The members, through `conn` (inside a write: its transaction).
pub async fn members_in(conn: &mut AnyConnection, id: GroupId) -> sqlx::Result<Vec<MemberRow>> {
    sqlx::query_as(
        "SELECT u.id AS user_id, u.username, u.display_name, u.title, m.role \
         FROM group_members m JOIN users u ON u.id = m.user_id WHERE m.group_id = $1 \
         ORDER BY CASE m.role WHEN 'chair' THEN 0 WHEN 'secretary' THEN 1 WHEN 'member' THEN 2 \
         ELSE 3 END, u.display_name",
    )
    .bind(id.0)
    .fetch_all(conn)
    .await
}

/// Adds a member or changes their role.
pub async fn set_member(
    tx: &mut Tx,
    id: GroupId,
    user: UserId,
    role: MemberRole,
) -> sqlx::Result<()> {
    sqlx::query(
        "INSERT INTO group_members (group_id, user_id, role, added_at) VALUES ($1, $2, $3, $4) \
         ON CONFLICT (group_id, user_id) DO UPDATE SET role = excluded.role",
    )
    .bind(id.0)
    .bind(user.0)
    .bind(role.key())
    .bind(db::now())
    .execute(&mut **tx)
    .await?;
    bump_version(tx, id).await
}

/// False when the user was not a member.
pub async fn remove_member(tx: &mut Tx, id: GroupId, user: UserId) -> sqlx::Result<bool> {
    let r = sqlx::query("DELETE FROM group_members WHERE group_id = $1 AND user_id = $2")
        .bind(id.0)
        .bind(user.0)
        .execute(&mut **tx)
        .await?;
    if r.rows_affected() == 1 {
        bump_version(tx, id).await?;
    }
    Ok(r.rows_affected() == 1)
}

/// The groups a user belongs to, with their role there.
pub async fn memberships(db: &Db, user: UserId) -> sqlx::Result<Vec<(GroupId, String)>> {
    let rows: Vec<(i64, String)> = sqlx::query_as(
        "SELECT m.group_id, m.role FROM group_members m \
         JOIN consultation_groups g ON g.id = m.group_id WHERE m.user_id = $1 AND g.active = 1",
    )
    .bind(user.0)
    .fetch_all(db.pool())
    .await?;
    Ok(rows.into_iter().map(|(g, r)| (GroupId(g), r)).collect())
}

// --- one-off meeting changes --------------------------------------------------

#[derive(FromRow)]
struct OverrideRow {
    rule_date: String,
    action: String,
    new_start: Option<String>,
    reason: String,
}

pub async fn overrides(db: &Db, id: GroupId) -> anyhow::Result<Vec<Override>> {
    let mut conn = db.pool().acquire().await?;
    overrides_in(&mut conn, id).await
}

/// The overrides, through `conn` (a write transaction reads its own).
pub async fn overrides_in(conn: &mut AnyConnection, id: GroupId) -> anyhow::Result<Vec<Override>> {
    let rows: Vec<OverrideRow> = sqlx::query_as(
        "SELECT rule_date, action, new_start, reason FROM meeting_overrides WHERE group_id = $1 \
         ORDER BY rule_date",
    )
    .bind(id.0)
    .fetch_all(conn)
    .await?;
    rows.into_iter()
        .map(|r| {
            let rule_date: Date = r.rule_date.parse().context("stored rule date")?;
            let kind = match (r.action.as_str(), r.new_start) {
                ("move", Some(s)) => OverrideKind::Move {
                    new_start: s.parse().context("stored new start")?,
                },
                _ => OverrideKind::Cancel,
            };
            Ok(Override {
                rule_date,
                kind,
                reason: r.reason,
            })
        })
        .collect()
}

pub async fn set_override(tx: &mut Tx, id: GroupId, ov: &Override, by: UserId) -> sqlx::Result<()> {
    let (action, new_start) = match &ov.kind {
        OverrideKind::Cancel => ("cancel", None),
        OverrideKind::Move { new_start } => ("move", Some(new_start.to_string())),
    };
    sqlx::query(
        "INSERT INTO meeting_overrides (group_id, rule_date, action, new_start, reason, \
         changed_by, changed_at) VALUES ($1, $2, $3, $4, $5, $6, $7) \
         ON CONFLICT (group_id, rule_date) DO UPDATE SET action = excluded.action, \
         new_start = excluded.new_start, reason = excluded.reason, \
         changed_by = excluded.changed_by, changed_at = excluded.changed_at",
    )
    .bind(id.0)
    .bind(ov.rule_date.to_string())
    .bind(action)
    .bind(new_start)
    .bind(ov.reason.trim())
    .bind(by.0)
    .bind(db::now())
    .execute(&mut **tx)
    .await?;
    bump_version(tx, id).await
}

/// Returns the meeting to what the rule says; false when nothing was changed.
pub async fn clear_override(tx: &mut Tx, id: GroupId, rule_date: Date) -> sqlx::Result<bool> {
    let r = sqlx::query("DELETE FROM meeting_overrides WHERE group_id = $1 AND rule_date = $2")
        .bind(id.0)
        .bind(rule_date.to_string())
        .execute(&mut **tx)
        .await?;
    if r.rows_affected() == 1 {
        bump_version(tx, id).await?;
    }
    Ok(r.rows_affected() == 1)
}

// --- personal feeds -----------------------------------------------------------

/// Replaces the user's feed link with a new one (the old one stops working).
pub async fn create_feed(tx: &mut Tx, user: UserId, token: &str) -> sqlx::Result<()> {
    revoke_feeds(tx, user).await?;
    sqlx::query("INSERT INTO calendar_feeds (user_id, token_hash, created_at) VALUES ($1, $2, $3)")
        .bind(user.0)
        .bind(crate::auth::store::token_hash(token))
        .bind(db::now())
        .execute(&mut **tx)
        .await?;
    Ok(())
}

pub async fn revoke_feeds(tx: &mut Tx, user: UserId) -> sqlx::Result<u64> {
    let r = sqlx::query(
        "UPDATE calendar_feeds SET revoked_at = $1 WHERE user_id = $2 AND revoked_at IS NULL",
    )
    .bind(db::now())
    .bind(user.0)
    .execute(&mut **tx)
    .await?;
    Ok(r.rows_affected())
}

/// When the user's live feed link was made, if they have one.
pub async fn active_feed(db: &Db, user: UserId) -> sqlx::Result<Option<String>> {
    let row: Option<(String,)> = sqlx::query_as(
        "SELECT created_at FROM calendar_feeds WHERE user_id = $1 AND revoked_at IS NULL",
    )
    .bind(user.0)
    .fetch_optional(db.pool())
    .await?;
    Ok(row.map(|r| r.0))
}

/// The owner of a live feed token whose account is enabled.
pub async fn feed_owner(db: &Db, token: &str) -> sqlx::Result<Option<UserId>> {
    let row: Option<(i64,)> = sqlx::query_as(
        "SELECT f.user_id FROM calendar_feeds f JOIN users u ON u.id = f.user_id \
         WHERE f.token_hash = $1 AND f.revoked_at IS NULL AND u.disabled = 0",
    )
    .bind(crate::auth::store::token_hash(token))
    .fetch_optional(db.pool())
    .await?;
    Ok(row.map(|r| UserId(r.0)))
}
