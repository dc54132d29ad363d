//! Synthetic history: past consultation requests over the last 24 months,
//! so that the statistics (`crate::stats`) have something to count in the
//! demo, and the benchmark (`examples/bench.rs stats`) has a million.
//!
//! Every request is by one disabled requester account, [`ACCOUNT`], so the
//! history stays out of the demo requester's own lists. The rows are
//! written straight into the tables with multi-row inserts, many requests
//! per transaction: the workflow's own steps would take hours for a
//! million. Deterministic from the seed (and the day it runs: the months
//! are the 24 before today).

use crate::auth::{admin, password, store};
use crate::consultations::store::current_form;
use crate::core::db::{self, Db, Engine, Tx};
use jiff::civil::Date;
use jiff::tz::TimeZone;
use jiff::{Timestamp, ToSpan};
use otalusta_domain::ids::GroupId;
use otalusta_domain::role::{Grant, Role};
use sqlx::AssertSqlSafe;

/// The requester of every request of the history (disabled: nobody signs
/// in as it).
pub const ACCOUNT: &str = "demo-history";

/// The demo coordinator's area: its groups get this many times the share
/// of a group elsewhere.
const HOME_AREA: &str = "ita-suomi";
const HOME_WEIGHT: u64 = 3;

/// How far back the history goes.
const DAYS: i64 = 730;

/// Requests per transaction (with their events, recommendations, phenomena
/// and answers).
const PER_TRANSACTION: usize = 2_000;

/// Bind parameters per statement: under SQLite's 32 766 (and PostgreSQL's
/// 65 535).
const MAX_PARAMS: usize = 30_000;
/// Rows per statement, at most.
const MAX_ROWS: usize = 500;

/// Whether the history's account exists (the history was generated).
pub async fn exists(db: &Db) -> sqlx::Result<bool> {
    let row: Option<(i64,)> = sqlx::query_as("SELECT id FROM users WHERE username = $1")
        .bind(ACCOUNT)
        .fetch_optional(db.pool())
        .await?;
    Ok(row.is_some())
}

/// A small deterministic generator (splitmix64); the benchmarks' invented
/// data uses it too.
pub struct Rng(pub u64);

impl Rng {
    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// A whole number in `lo..=hi`.
    fn range(&mut self, lo: i64, hi: i64) -> i64 {
        if hi <= lo {
            return lo;
        }
        lo + (self.next_u64() % (hi - lo + 1) as u64) as i64
    }

    /// True `percent` times in a hundred.
    fn chance(&mut self, percent: u64) -> bool {
        self.next_u64() % 100 < percent
    }

    /// One of `items` by weight.
    fn pick<T: Copy>(&mut self, items: &[(T, u64)]) -> T {
        let total: u64 = items.iter().map(|i| i.1).sum();
        let mut x = self.next_u64() % total.max(1);
        for (item, w) in items {
            if x < *w {
                return *item;
            }
            x -= w;
        }
        items[items.len() - 1].0
    }
}

/// A value to bind.
enum V {
    I(i64),
    T(String),
    NullI,
    NullT,
}

impl From<i64> for V {
    fn from(i: i64) -> V {
        V::I(i)
    }
}
impl From<String> for V {
    fn from(s: String) -> V {
        V::T(s)
    }
}
impl From<&str> for V {
    fn from(s: &str) -> V {
        V::T(s.to_owned())
    }
}
impl From<Option<String>> for V {
    fn from(s: Option<String>) -> V {
        s.map_or(V::NullT, V::T)
    }
}
impl From<Option<i64>> for V {
    fn from(i: Option<i64>) -> V {
        i.map_or(V::NullI, V::I)
    }
}

/// Rows for one table, written with multi-row inserts.
struct Rows {
    table: &'static str,
    cols: &'static [&'static str],
    vals: Vec<V>,
}

impl Rows {
    fn new(table: &'static str, cols: &'static [&'static str]) -> Rows {
        Rows {
            table,
            cols,
            vals: Vec::new(),
        }
    }

    fn push<const N: usize>(&mut self, row: [V; N]) {
        debug_assert_eq!(N, self.cols.len());
        self.vals.extend(row);
    }

    async fn write(&mut self, tx: &mut Tx, engine: Engine) -> sqlx::Result<()> {
        let n = self.cols.len();
        let per = (MAX_PARAMS / n).min(MAX_ROWS);
        for chunk in self.vals.chunks(per * n) {
            let rows = chunk.len() / n;
            let marks: Vec<String> = (0..rows)
                .map(|r| {
                    let row: Vec<String> = (1..=n)
                        .map(|c| match engine {
                            // Plain `?`: SQLite looks a numbered parameter's
                            // name up by walking the list of names, so binding
                            // thousands of `$N` takes quadratic time.
                            Engine::Sqlite => "?".to_owned(),
                            Engine::Postgres => format!("${}", r * n + c),
                        })
                        .collect();
                    format!("({})", row.join(", "))
                })
                .collect();
            let sql = format!(
                "INSERT INTO {} ({}) VALUES {}",
                self.table,
                self.cols.join(", "),
                marks.join(", ")
            );
            let mut q = sqlx::query(AssertSqlSafe(sql));
            for v in chunk {
                q = match v {
                    V::I(i) => q.bind(*i),
                    V::T(s) => q.bind(s.as_str()),
                    V::NullI => q.bind(None::<i64>),
                    V::NullT => q.bind(None::<String>),
                };
            }
            q.execute(&mut **tx).await?;
        }
        self.vals.clear();
        Ok(())
    }
}

const REQUEST_COLS: &[&str] = &[
    "id",
    "requester_id",
    "group_id",
    "form_version_id",
    "status",
    "answers",
    "identification",
    "meeting_date",
    "created_at",
    "submitted_at",
    "updated_at",
    "closed_at",
    "follow_up_notified",
    "follow_up_due",
];
const EVENT_COLS: &[&str] = &[
    "request_id",
    "at",
    "actor_id",
    "role",
    "kind",
    "from_status",
    "to_status",
    "reason",
];
const REC_COLS: &[&str] = &[
    "request_id",
    "position",
    "action",
    "responsible",
    "due_date",
    "outcome",
];
const PHENOMENON_COLS: &[&str] = &["request_id", "phenomenon_id"];
const SURVEY_COLS: &[&str] = &["request_id", "survey_version_id", "answers", "answered_at"];
const FEEDBACK_COLS: &[&str] = &[
    "id",
    "request_id",
    "audience",
    "form_version",
    "month",
    "answers",
];

const ACTIONS: &[&str] = &[
    "Lapsen psykiatrinen arvio erikoissairaanhoidossa",
    "Perheterapian aloittaminen perheneuvolassa",
    "Koulun oppilashuollon palaveri ja tuen tehostaminen",
    "Vanhempien erotyöskentely ja vanhemmuussuunnitelma",
    "Lastensuojelun palvelutarpeen arvion päivittäminen",
    "Nuorisopsykiatrian konsultaatio",
    "Tukiperheen tai -henkilön järjestäminen",
    "Verkostopalaveri kuukauden kuluessa",
    "Päihdetyön palveluohjaus vanhemmalle",
    "Lapsen kuuleminen ja oma työntekijä",
];
const RESPONSIBLE: &[&str] = &[
    "sosiaalityöntekijä",
    "koulukuraattori",
    "perheneuvolan psykologi",
    "lastenpsykiatri",
    "terveydenhoitaja",
    "vanhemmat",
];
const DECLINED: &[&str] = &[
    "Asia kuuluu peruspalveluihin; ohjattu perheneuvolaan.",
    "Pyyntö ei kuulu ryhmän toimialaan.",
];

/// Answers and outcomes, by weight.
const USEFUL: &[(&str, u64)] = &[("5", 30), ("4", 40), ("3", 18), ("2", 8), ("1", 4)];
const FACES: &[(&str, u64)] = &[("5", 35), ("4", 35), ("3", 18), ("2", 8), ("1", 4)];

fn day(d: Date) -> String {
    d.to_string()
}

/// 06:00 UTC of a day plus `minutes`, as the code stores timestamps.
fn at(d: Date, minutes: i64) -> String {
    let start = d
        .to_zoned_datetime(TimeZone::UTC)
        .map(|z| z.timestamp())
        .unwrap_or(Timestamp::UNIX_EPOCH);
    let t = start
        .checked_add((6 * 60 + minutes).minutes())
        .unwrap_or(start);
    db::timestamp(t)
}

fn choice(v: &str) -> String {
    format!(r#"{{"type":"choice","value":"{v}"}}"#)
}

/// The account every request of the history names: created disabled.
async fn account(db: &Db) -> anyhow::Result<i64> {
    let found: Option<(i64,)> = sqlx::query_as("SELECT id FROM users WHERE username = $1")
        .bind(ACCOUNT)
        .fetch_optional(db.pool())
        .await?;
    if let Some((id,)) = found {
        return Ok(id);
    }
    let hidden = password::hash(admin::generate_password()).await?;
    let grants = [Grant {
        role: Role::Requester,
        area: Role::Requester.needs_area().then(|| HOME_AREA.to_owned()),
    }];
    let mut tx = db.begin().await?;
    let id = store::insert_user(
        &mut tx,
        &store::NewUser {
            username: ACCOUNT,
            display_name: "Aiemmat pyytäjät (historia)",
            email: &format!("{ACCOUNT}@example.invalid"),
            title: "",
            organisation_id: None,
            area_code: Some(HOME_AREA),
            organiser_code: None,
            password_hash: &hidden,
            grants: &grants,
            must_change_password: false,
        },
    )
    .await?;
    sqlx::query("UPDATE users SET disabled = 1 WHERE id = $1")
        .bind(id.0)
        .execute(&mut *tx)
        .await?;
    tx.commit().await?;
    Ok(id.0)
}

/// Where the next requests' ids start. The ids are given explicitly so
/// that the rows that name a request can be written in the same batch; on
/// PostgreSQL the table is locked against other inserts for the
/// transaction and its identity moved past them afterwards (on SQLite the
/// transaction already holds the only write lock).
async fn next_ids(tx: &mut Tx, engine: Engine) -> sqlx::Result<i64> {
    let (max,): (i64,) = match engine {
        Engine::Sqlite => {
            sqlx::query_as("SELECT COALESCE(MAX(id), 0) FROM requests")
                .fetch_one(&mut **tx)
                .await?
        }
        Engine::Postgres => {
            sqlx::query("LOCK TABLE requests IN SHARE ROW EXCLUSIVE MODE")
                .execute(&mut **tx)
                .await?;
            sqlx::query_as(
                "SELECT GREATEST(COALESCE(MAX(id), 0), COALESCE(pg_sequence_last_value(\
                 CAST(pg_get_serial_sequence('requests', 'id') AS regclass)), 0)) FROM requests",
            )
            .fetch_one(&mut **tx)
            .await?
        }
    };
    Ok(max + 1)
}

async fn after_ids(tx: &mut Tx, engine: Engine, last: i64) -> sqlx::Result<()> {
    if engine == Engine::Postgres {
        sqlx::query("SELECT setval(pg_get_serial_sequence('requests', 'id'), $1)")
            .bind(last)
            .execute(&mut **tx)
            .await?;
    }
    Ok(())
}

struct Batch {
    requests: Rows,
    events: Rows,
    recs: Rows,
    phenomena: Rows,
    surveys: Rows,
    feedback: Rows,
}

impl Batch {
    fn new() -> Batch {
        Batch {
            requests: Rows::new("requests", REQUEST_COLS),
            events: Rows::new("request_events", EVENT_COLS),
            recs: Rows::new("recommendations", REC_COLS),
            phenomena: Rows::new("request_phenomena", PHENOMENON_COLS),
            surveys: Rows::new("survey_answers", SURVEY_COLS),
            feedback: Rows::new("feedback_answers", FEEDBACK_COLS),
        }
    }

    async fn write(&mut self, tx: &mut Tx, engine: Engine) -> sqlx::Result<()> {
        // Requests first: the others name them.
        self.requests.write(tx, engine).await?;
        self.events.write(tx, engine).await?;
        self.recs.write(tx, engine).await?;
        self.phenomena.write(tx, engine).await?;
        self.surveys.write(tx, engine).await?;
        self.feedback.write(tx, engine).await
    }
}

/// What the generator draws from.
struct Setting {
    requester: i64,
    /// (group, its current form version) by weight.
    groups: Vec<((i64, i64), u64)>,
    phenomena: Vec<i64>,
    survey: Option<i64>,
    today: Date,
}

/// Inserts `requests` past consultation requests (see the module's doc).
pub async fn generate(db: &Db, requests: usize, seed: u64) -> anyhow::Result<()> {
    let requester = account(db).await?;
    let listed: Vec<(i64, String)> =
        sqlx::query_as("SELECT id, area_code FROM consultation_groups ORDER BY id")
            .fetch_all(db.pool())
            .await?;
    anyhow::ensure!(!listed.is_empty(), "no consultation groups for the history");
    let mut groups = Vec::new();
    for (id, area) in listed {
        let form = current_form(db, GroupId(id)).await?;
        let weight = if area == HOME_AREA { HOME_WEIGHT } else { 1 };
        groups.push(((id, form.id), weight));
    }
    let phenomena: Vec<i64> = sqlx::query_as::<_, (i64,)>("SELECT id FROM phenomena ORDER BY id")
        .fetch_all(db.pool())
        .await?
        .into_iter()
        .map(|r| r.0)
        .collect();
    // The close-out survey is answered only where a survey version exists.
    let survey: Option<(i64,)> =
        sqlx::query_as("SELECT id FROM survey_versions ORDER BY version DESC LIMIT 1")
            .fetch_optional(db.pool())
            .await?;
    let set = Setting {
        requester,
        groups,
        phenomena,
        survey: survey.map(|s| s.0),
        today: Timestamp::now().to_zoned_datetime(TimeZone::UTC).date(),
    };
    let engine = db.engine();
    let mut done = 0;
    let mut batch = Batch::new();
    while done < requests {
        let n = PER_TRANSACTION.min(requests - done);
        let mut tx = db.begin().await?;
        let first = next_ids(&mut tx, engine).await?;
        // Each batch draws from its own stream: the same seed over the
        // same data gives the same history, batch by batch.
        let mut rng = Rng(seed ^ (first as u64).wrapping_mul(0xD6E8_FEB8_6659_FD93));
        for id in first..first + n as i64 {
            one(&mut rng, &set, id, &mut batch);
        }
        batch.write(&mut tx, engine).await?;
        after_ids(&mut tx, engine, first + n as i64 - 1).await?;
        tx.commit().await?;
        done += n;
    }
    Ok(())
}

/// A history entry: `[role, kind, from, to, reason]`.
fn event(b: &mut Batch, id: i64, at: String, actor: Option<i64>, what: [&str; 5]) {
    let [role, kind, from, to, reason] = what;
    b.events.push([
        V::I(id),
        V::T(at),
        actor.into(),
        V::from(role),
        V::from(kind),
        V::from(from),
        V::from(to),
        V::from(reason),
    ]);
}

/// One request with everything that names it.
fn one(rng: &mut Rng, set: &Setting, id: i64, b: &mut Batch) {
    let (group, form) = rng.pick(&set.groups);
    let age = rng.range(1, DAYS);
    let sent = set.today - age.days();
    let minute = rng.range(0, 10 * 60);
    let submitted_at = at(sent, minute);
    let created_at = at(sent, minute - rng.range(5, 600));
    let yesterday = set.today - 1.day();
    let later = |days: i64| -> Date { (sent + days.days()).min(yesterday) };

    let fate = rng.next_u64() % 100;
    let mut status = "submitted";
    let mut meeting = None;
    let mut updated_at = submitted_at.clone();
    let mut closed_at = None;
    let mut follow_up_due = None;
    event(
        b,
        id,
        submitted_at.clone(),
        Some(set.requester),
        ["requester", "submitted", "draft", "submitted", ""],
    );
    if fate < 8 && age > 7 {
        status = "declined";
        let t = at(later(rng.range(1, 7)), 120);
        let reason = DECLINED[(rng.next_u64() % DECLINED.len() as u64) as usize];
        event(
            b,
            id,
            t.clone(),
            None,
            ["secretary", "declined", "submitted", "declined", reason],
        );
        updated_at = t.clone();
        closed_at = Some(t);
    } else if (fate < 12 || (fate < 14 && age > 60)) && age > 20 {
        status = "withdrawn";
        let t = at(later(rng.range(1, 20)), 200);
        event(
            b,
            id,
            t.clone(),
            Some(set.requester),
            ["requester", "withdrawn", "submitted", "withdrawn", ""],
        );
        updated_at = t.clone();
        closed_at = Some(t);
    } else if fate < 14 && age > 3 {
        status = "more-info";
        let t = at(later(rng.range(1, 3)), 90);
        event(
            b,
            id,
            t.clone(),
            None,
            [
                "secretary",
                "more-info-asked",
                "submitted",
                "more-info",
                "Tarvitaan tarkempi kuvaus lapsen tilanteesta ja kokeilluista tukitoimista.",
            ],
        );
        updated_at = t;
    } else if fate >= 14 && age > 5 {
        // Discussed at a meeting 5–60 days after submission (before today).
        let m = rng.range(5, 60.min(age - 1));
        let held = sent + m.days();
        meeting = Some(day(held));
        let recorded = at(
            (held + rng.range(1, 10).days()).min(yesterday),
            rng.range(0, 240),
        );
        event(
            b,
            id,
            recorded.clone(),
            None,
            ["secretary", "outcome-recorded", "accepted", "discussed", ""],
        );
        updated_at = recorded.clone();
        let since = (set.today - held).get_days() as i64;
        let closed = since > 60 && rng.chance(99);
        let n = rng.range(1, 4);
        for position in 1..=n {
            let outcome = closed.then(|| {
                rng.pick(&[("implemented", 55), ("partly", 30), ("not-implemented", 15)])
                    .to_owned()
            });
            let due = rng.chance(70).then(|| day(held + rng.range(30, 90).days()));
            b.recs.push([
                V::I(id),
                V::I(position),
                V::from(ACTIONS[(rng.next_u64() % ACTIONS.len() as u64) as usize]),
                V::from(RESPONSIBLE[(rng.next_u64() % RESPONSIBLE.len() as u64) as usize]),
                due.into(),
                outcome.into(),
            ]);
        }
        if closed {
            status = "closed";
            let t = at((held + rng.range(60, 120).days()).min(yesterday), 300);
            updated_at = t.clone();
            closed_at = Some(t.clone());
            if let Some(version) = set.survey
                && rng.chance(80)
            {
                let useful = rng.pick(USEFUL);
                let changed = rng.pick(&[("yes", 45), ("partly", 40), ("no", 15)]);
                let avoided = rng.pick(&[("yes", 35), ("no", 35), ("dont-know", 30)]);
                let speed = rng.pick(&[("in-time", 65), ("bit-late", 25), ("too-late", 10)]);
                let answers = format!(
                    r#"{{"useful":{},"plan_changed":{},"avoided_other":{},"speed":{}}}"#,
                    choice(useful),
                    choice(changed),
                    choice(avoided),
                    choice(speed)
                );
                b.surveys
                    .push([V::I(id), V::I(version), V::T(answers), V::T(t)]);
            }
        } else {
            status = "follow-up";
            follow_up_due = Some(day(held + 120.days()));
        }
        if rng.chance(30) {
            for _ in 0..rng.range(1, 3) {
                let audience = rng.pick(&[("child", 30), ("youth", 30), ("parent", 40)]);
                let month = (held + rng.range(7, 60).days()).min(yesterday);
                let face = |rng: &mut Rng| choice(rng.pick(FACES));
                let answers = format!(
                    r#"{{"heard":{},"understood":{},"helped":{}}}"#,
                    face(rng),
                    face(rng),
                    face(rng)
                );
                b.feedback.push([
                    V::T(format!("{:016x}{:016x}", rng.next_u64(), rng.next_u64())),
                    V::I(id),
                    V::from(audience),
                    V::I(1),
                    V::T(month.strftime("%Y-%m").to_string()),
                    V::T(answers),
                ]);
            }
        }
    }
    if !set.phenomena.is_empty() {
        let mut chosen: Vec<i64> = Vec::new();
        for _ in 0..rng.range(1, 3) {
            let p = set.phenomena[(rng.next_u64() % set.phenomena.len() as u64) as usize];
            if !chosen.contains(&p) {
                chosen.push(p);
            }
        }
        for p in chosen {
            b.phenomena.push([V::I(id), V::I(p)]);
        }
    }
    b.requests.push([
        V::I(id),
        V::I(set.requester),
        V::I(group),
        V::I(form),
        V::from(status),
        V::from("{}"),
        V::from("none"),
        meeting.into(),
        V::T(created_at),
        V::T(submitted_at),
        V::T(updated_at),
        closed_at.into(),
        V::I(db::flag(follow_up_due.is_some())),
        follow_up_due.into(),
    ]);
}
