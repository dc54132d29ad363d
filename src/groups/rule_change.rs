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
    /// Meetings the new rule no longer holds, with their cases.
    pub lost: Vec<(String, Vec<CaseLine>)>,
    /// Meetings that move to another time, with their cases (they follow).
    pub moved: Vec<(String, Vec<CaseLine>)>,
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
/// joins the history when the rule changes.
pub fn history_after(g: &Group, rule: &MeetingRule) -> Vec<PastRule> {
    let mut past = g.past_rules.clone();
    if *rule != g.rule {
        past.push(PastRule {
            rule: g.rule.clone(),
            until: today(),
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

async fn describe(
    state: &AppState,
    page: &Page,
    before: &Group,
    f: &Facts,
    seen: &str,
) -> AppResult<Consequences> {
    let overrides = store::overrides(&state.db, before.id).await?;
    let mut lost = Vec::new();
    for (d, cases) in &f.lost {
        let occ = before.meeting(&overrides, *d);
        lost.push((
            meeting_line(page, occ.as_ref(), *d),
            rescheduling::case_lines(&state.db, page, cases).await?,
        ));
    }
    let mut moved = Vec::new();
    for (d, cases) in &f.moved {
        let occ = before.meeting(&overrides, *d);
        moved.push((
            meeting_line(page, occ.as_ref(), *d),
            rescheduling::case_lines(&state.db, page, cases).await?,
        ));
    }
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
    page: &Page,
    before: &Group,
    after: &Group,
) -> AppResult<Consequences> {
    let overrides = store::overrides(&state.db, before.id).await?;
    let cases = crate::consultations::store::awaiting(&state.db, before.id).await?;
    let f = facts(before, after, &overrides, cases);
    describe(state, page, before, &f, "").await
}

/// The form's answer to a save.
pub enum Saved {
    /// Saved; redirect here.
    Done(String),
    /// Not saved: the consequences to show (and decide) first.
    Confirm(Consequences),
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
    let mut f = facts(&before, &new, &overrides, cases);
    let decision = Decision::parse(confirmed.decision).filter(|d| *d != Decision::Keep);
    let touches = !f.lost.is_empty() || !f.moved.is_empty() || !f.orphans.is_empty();
    if touches
        && (confirmed.signature != f.signature() || (!f.lost.is_empty() && decision.is_none()))
    {
        w.rollback().await?;
        return Ok(Saved::Confirm(
            describe(state, page, &before, &f, confirmed.signature).await?,
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
    for (date, cases) in f.moved.iter_mut() {
        rescheduling::apply(
            &mut w,
            by,
            page,
            &new,
            *date,
            cases,
            Decision::Keep,
            &reason,
        )
        .await?;
    }
    if let Some(decision) = decision {
        for (date, cases) in f.lost.iter_mut() {
            rescheduling::apply(&mut w, by, page, &new, *date, cases, decision, &reason).await?;
        }
    }
    w.commit(&answer).await?;
    super::calendars::calendars(state).forget([id], true);
    Ok(Saved::Done(answer))
}
