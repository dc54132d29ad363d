//! Saving a group whose meeting rule changes. The new rule takes effect
//! from today: the meetings before keep the old rule (it joins the
//! group's history), the coming ones follow the new. Before it is saved,
//! the secretary or coordinator sees what it does to the coming meetings
//! that have cases (lost, or moved to another time) and to the one-off
//! changes that would lose their meeting, and decides what becomes of the
//! lost meetings' cases; the feed then cancels the dropped meetings.

use super::store::{self, Group};
use crate::consultations::requests::answer_or;
use crate::consultations::rescheduling::{self, CaseLine, Decision};
use crate::consultations::store::Request;
use crate::consultations::views::meeting_line;
use crate::consultations::workflow::{By, Work};
use crate::core::error::{AppError, AppResult};
use crate::core::page::Page;
use crate::core::web::{AppState, ReqCtx};
use crate::groups::routes::today;
use jiff::civil::Date;
use otalusta_domain::calendar::{MeetingRule, Override, OverrideKind, PastRule};
use otalusta_domain::groups::GroupDetails;
use otalusta_domain::role::Role;
use std::collections::BTreeMap;

/// What a rule change does, in words, and the decision it needs.
pub struct Consequences {
    /// Meetings the new rule no longer holds, with the cases the viewer may
    /// see and how many there are in all.
    pub lost: Vec<(String, Vec<CaseLine>, usize)>,
    /// Meetings that move to another time (their cases follow).
    pub moved: Vec<(String, Vec<CaseLine>, usize)>,
    /// One-off changes whose meetings the new rule no longer gives.
    pub orphans: Vec<String>,
    /// What the preview showed (cases and one-off changes): the change is
    /// saved only if it is still this.
    pub signature: String,
    /// Cases on lost meetings: `next` or `queue` must be chosen.
    pub needs_decision: bool,
    /// What the change touches changed since it was shown.
    pub changed: bool,
}

impl Consequences {
    pub fn is_empty(&self) -> bool {
        self.lost.is_empty() && self.moved.is_empty() && self.orphans.is_empty()
    }
}

/// The rule history after saving `rule` over `g`'s: the replaced rule
/// joins the history when the rule changes. It keeps the meetings before
/// today, and today's too once one has begun (held by the old rule, its
/// agenda stays).
pub fn history_after(g: &Group, rule: &MeetingRule) -> Vec<PastRule> {
    let mut past = g.past_rules.clone();
    if *rule != g.rule {
        let today = today();
        let now = jiff::Timestamp::now();
        let begun_today = g
            .meetings(&[], today, today)
            .iter()
            .any(|o| o.start.timestamp() <= now);
        let until = if begun_today {
            today.tomorrow().unwrap_or(today)
        } else {
            today
        };
        past.push(PastRule {
            rule: g.rule.clone(),
            until,
        });
    }
    past
}

/// The group as it would be after the save.
pub fn after(g: &Group, details: &GroupDetails, rule: &MeetingRule) -> Group {
    Group {
        details: details.clone(),
        rule: rule.clone(),
        past_rules: history_after(g, rule),
        ..g.clone()
    }
}

/// The facts of a change: cases by lost and moved meeting, and orphans.
struct Facts {
    lost: BTreeMap<Date, Vec<Request>>,
    moved: BTreeMap<Date, Vec<Request>>,
    orphans: Vec<Override>,
}

impl Facts {
    fn signature(&self) -> String {
        let ids = |m: &BTreeMap<Date, Vec<Request>>| {
            let all: Vec<Request> = m.values().flatten().cloned().collect();
            rescheduling::ids_of(&all)
        };
        let orphans: Vec<String> = self
            .orphans
            .iter()
            .map(|o| o.rule_date.to_string())
            .collect();
        format!(
            "lost:{};moved:{};orphans:{}",
            ids(&self.lost),
            ids(&self.moved),
            orphans.join(",")
        )
    }
}

fn facts(before: &Group, after: &Group, overrides: &[Override], cases: Vec<Request>) -> Facts {
    let today = today();
    let now = jiff::Timestamp::now();
    let mut f = Facts {
        lost: BTreeMap::new(),
        moved: BTreeMap::new(),
        orphans: Vec::new(),
    };
    for r in cases {
        let Some(d) = r.meeting_date.filter(|d| *d >= today) else {
            continue;
        };
        let old = before.meeting(overrides, d);
        // A meeting already begun is history: the change does not touch it.
        if old.as_ref().is_some_and(|o| o.start.timestamp() <= now) {
            continue;
        }
        match after.meeting(overrides, d) {
            Some(new) if new.is_held() => {
                if old.is_some_and(|o| o.start != new.start) {
                    f.moved.entry(d).or_default().push(r);
                }
            }
            _ => f.lost.entry(d).or_default().push(r),
        }
    }
    let yielded: std::collections::BTreeSet<Date> = overrides
        .iter()
        .filter(|o| o.rule_date >= today)
        .filter_map(|o| after.meeting(&[], o.rule_date).map(|m| m.rule_date))
        .collect();
    f.orphans = overrides
        .iter()
        .filter(|o| o.rule_date >= today && !yielded.contains(&o.rule_date))
        .cloned()
        .collect();
    f
}

fn override_text(page: &Page, o: &Override) -> String {
    let what = match &o.kind {
        OverrideKind::Cancel => page.t("orphan-cancelled"),
        OverrideKind::Move { new_start } => page.ta(
            "orphan-moved",
            "to",
            &crate::core::i18n::format_datetime(page.lang, *new_start),
        ),
    };
    format!(
        "{}: {what} ({})",
        crate::core::i18n::format_date(o.rule_date),
        o.reason
    )
}

/// Who is looking at a preview (the policy decides what they see of each
/// case, and what they see is logged).
pub struct Viewer<'a> {
    pub session: &'a crate::auth::Session,
    pub ctx: &'a ReqCtx,
}

async fn describe(
    state: &AppState,
    who: &Viewer<'_>,
    page: &Page,
    before: &Group,
    f: &Facts,
    seen: &str,
) -> AppResult<Consequences> {
    let overrides = store::overrides(&state.db, before.id).await?;
    let mut lines = Vec::new();
    for cases_by_date in [&f.lost, &f.moved] {
        let mut out = Vec::new();
        for (d, cases) in cases_by_date {
            let occ = before.meeting(&overrides, *d);
            let shown =
                rescheduling::case_lines(state, who.session, who.ctx, page, before, cases).await?;
            out.push((meeting_line(page, occ.as_ref(), *d), shown, cases.len()));
        }
        lines.push(out);
    }
    let moved = lines.pop().unwrap_or_default();
    let lost = lines.pop().unwrap_or_default();
    let signature = f.signature();
    Ok(Consequences {
        lost,
        moved,
        orphans: f.orphans.iter().map(|o| override_text(page, o)).collect(),
        changed: !seen.is_empty() && seen != signature,
        needs_decision: !f.lost.is_empty(),
        signature,
    })
}

/// What saving `after` over `before` would do, for the form's preview.
pub async fn preview(
    state: &AppState,
    who: &Viewer<'_>,
    page: &Page,
    before: &Group,
    after: &Group,
) -> AppResult<Consequences> {
    let overrides = store::overrides(&state.db, before.id).await?;
    let cases = crate::consultations::store::awaiting(&state.db, before.id).await?;
    let f = facts(before, after, &overrides, cases);
    describe(state, who, page, before, &f, "").await
}

/// The form's answer to a save.
pub enum Saved {
    /// Saved; redirect here.
    Done(String),
    /// Not saved: the consequences to show (and decide) first.
    Confirm(Consequences),
    /// Not saved: the new capacity is below the places already taken on
    /// some coming meeting (their dates).
    BelowTaken(Vec<Date>),
}

/// The posted confirmation of a save: what the preview showed and the
/// decision for the lost meetings' cases.
pub struct Confirmation<'a> {
    pub signature: &'a str,
    pub decision: &'a str,
    pub once: &'a str,
}

/// Saves the group with its new rule, in one write: the consequences are
/// computed again inside it, and the save goes on only when they are what
/// the person confirmed (or there are none).
#[allow(clippy::too_many_arguments)]
pub async fn save(
    state: &AppState,
    s: &crate::auth::Session,
    ctx: &ReqCtx,
    page: &Page,
    role: Role,
    id: otalusta_domain::ids::GroupId,
    details: &GroupDetails,
    rule: &MeetingRule,
    confirmed: Confirmation<'_>,
) -> AppResult<Saved> {
    let answer = format!("/groups/{id}?done=group-saved");
    let mut w = Work::begin(state).await?;
    if let Some(a) = w.replayed(s.actor.user_id, confirmed.once).await? {
        w.rollback().await?;
        return Ok(Saved::Done(answer_or(&a, &answer)));
    }
    let before = w
        .lock_groups(&[id])
        .await?
        .pop()
        .filter(|g| g.active)
        .ok_or(AppError::NotFound)?;
    let new = after(&before, details, rule);
    let overrides = store::overrides_in(w.tx(), id).await?;
    let lock = w.locks_rows();
    let cases = crate::consultations::store::awaiting_in(w.tx(), id, lock).await?;
    // Fewer places than cases already accepted would over-book a meeting.
    let taken = crate::consultations::store::taken_in(w.tx(), id, None).await?;
    let mut over: Vec<Date> = taken
        .iter()
        .filter(|(d, n)| **d >= today() && **n > details.capacity)
        .map(|(d, _)| *d)
        .collect();
    if !over.is_empty() {
        over.sort();
        w.rollback().await?;
        return Ok(Saved::BelowTaken(over));
    }
    let mut f = facts(&before, &new, &overrides, cases);
    let decision = Decision::parse(confirmed.decision).filter(|d| *d != Decision::Keep);
    let touches = !f.lost.is_empty() || !f.moved.is_empty() || !f.orphans.is_empty();
    if touches
        && (confirmed.signature != f.signature() || (!f.lost.is_empty() && decision.is_none()))
    {
        w.rollback().await?;
        let who = Viewer { session: s, ctx };
        return Ok(Saved::Confirm(
            describe(state, &who, page, &before, &f, confirmed.signature).await?,
        ));
    }
    store::update(w.tx(), id, details, rule, &new.past_rules).await?;
    for o in &f.orphans {
        store::clear_override(w.tx(), id, o.rule_date).await?;
    }
    super::routes::log_change(w.tx(), ctx, s, role, "group.update", id).await?;
    let by = By::Person {
        session: s,
        ctx,
        role,
    };
    let reason = page.t("rule-changed-reason");
    let now = jiff::Timestamp::now();
    let was_at = |d: Date| {
        before
            .meeting(&overrides, d)
            .map_or(now, |o| o.start.timestamp())
    };
    for (date, cases) in f.moved.iter_mut() {
        let leaving = (*date, was_at(*date));
        rescheduling::apply(
            &mut w,
            by,
            page,
            &new,
            leaving,
            cases,
            Decision::Keep,
            &reason,
        )
        .await?;
    }
    if let Some(decision) = decision {
        for (date, cases) in f.lost.iter_mut() {
            let leaving = (*date, was_at(*date));
            rescheduling::apply(&mut w, by, page, &new, leaving, cases, decision, &reason).await?;
        }
    }
    w.commit(&answer).await?;
    super::calendars::calendars(state).forget([id], true);
    Ok(Saved::Done(answer))
}
