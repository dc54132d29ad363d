//! One request's page: what the viewer may see and do, decided once;
//! showing the identity code; a refused form shown again with what was
//! typed.

use super::requests::answer_or;
use super::store::{self, Request};
use super::views::{self, AnswerView, EventView};
use super::workflow::{Work, tell_secretaries, unchanged};
use super::{authorize, log_event, view_action};
use crate::audit;
use crate::auth::{Ctx, CurrentUser, Session};
use crate::core::error::{AppError, AppResult, FieldErrors};
use crate::core::forms::{CsrfForm, Empty};
use crate::core::page::{Page, render, render_invalid};
use crate::core::web::AppState;
use crate::groups::calendars::calendars;
use crate::groups::routes::today;
use crate::groups::store::Group;
use askama::Template;
use axum::extract::{Path, Query, State};
use axum::response::{IntoResponse, Redirect, Response};
use jiff::ToSpan;
use otalusta_domain::audit::Outcome;
use otalusta_domain::consultations::{Event, Outcome as RecOutcome, Status, transition};
use otalusta_domain::policy::Action;
use otalusta_domain::role::Role;
use serde::Deserialize;

/// Longest message.
pub const MAX_MESSAGE: usize = 5000;

pub struct RecommendationView {
    pub id: i64,
    pub action: String,
    pub responsible: String,
    pub due: String,
    pub due_iso: String,
    pub outcome: String,
    pub outcome_key: String,
    pub outcome_note: String,
}

pub struct MessageView {
    pub author: String,
    pub at: String,
    pub body: String,
    pub mine: bool,
}

/// What the viewer may see and do, decided once.
pub struct Powers {
    /// The case content (answers, attachments, outcome).
    pub content: bool,
    pub messages: bool,
    pub identity: bool,
    pub edit: bool,
    pub withdraw: bool,
    pub triage: bool,
    pub outcome: bool,
    pub confirm: bool,
    pub follow_up: bool,
    /// The client's access-log extract (an identified request's secretary).
    pub access_extract: bool,
}

/// What a refused form of the request page held (which form, its fields),
/// so that the page shows it again: a typo never costs the text typed.
#[derive(Default)]
pub struct Kept {
    form: &'static str,
    pairs: Vec<(String, String)>,
}

impl Kept {
    pub fn new(form: &'static str, pairs: Vec<(String, String)>) -> Kept {
        Kept { form, pairs }
    }

    /// The posted value of `field` when `form` was refused, else `stored`.
    pub fn value<'a>(&'a self, form: &str, field: &str, stored: &'a str) -> &'a str {
        if self.form != form {
            return stored;
        }
        self.pairs
            .iter()
            .find(|(k, _)| k == field)
            .map_or("", |(_, v)| v.as_str())
    }

    fn all(&self, field: &str) -> Vec<String> {
        self.pairs
            .iter()
            .filter(|(k, _)| k == field)
            .map(|(_, v)| v.clone())
            .collect()
    }
}

/// Mitä seuraavaksi: what happens next with the request, in sentences,
/// with the meeting's place and video link when it is on an agenda.
pub struct NextView {
    pub steps: Vec<String>,
    pub place: String,
    pub video_link: String,
}

#[derive(Template)]
#[template(path = "consultations/show.html")]
pub struct ShowView {
    pub kept: Kept,
    pub next: Option<NextView>,
    pub page: Page,
    pub id: i64,
    pub title: String,
    pub group_id: i64,
    pub group_name: String,
    pub status: String,
    pub status_key: &'static str,
    pub placement: Vec<String>,
    /// The page of the meeting it is proposed for or on.
    pub meeting_href: Option<String>,
    /// The meeting has started: the secretary may record that it did not
    /// reach the case.
    pub not_discussed: bool,
    pub answers: Vec<AnswerView>,
    pub identification: String,
    pub basis_note: String,
    pub has_identity: bool,
    /// Shown once, after "show the identity code".
    pub identity: Option<String>,
    pub history: Vec<EventView>,
    pub messages: Vec<MessageView>,
    pub attachments: Vec<store::AttachmentRow>,
    pub recommendations: Vec<RecommendationView>,
    pub summary: String,
    pub requester_record: String,
    /// The requester's view of the recommendations and her comment.
    pub requester_view: String,
    pub requester_comment: String,
    pub follow_up_due: String,
    /// The latest due date of the recommendations (the follow-up should not
    /// come before it).
    pub latest_due: String,
    pub follow_up_note: String,
    pub powers: Powers,
    pub notice: Option<String>,
    pub errors: FieldErrors,
    /// For the secretary's triage: coming meetings (rule date, label).
    pub meeting_choices: Vec<(String, String)>,
    /// Other groups to redirect to (id, name).
    pub other_groups: Vec<(i64, String)>,
    pub requester_name: String,
    pub outcomes: Vec<(String, String)>,
    /// The outcome form's rows: the recorded ones, then empty ones.
    pub outcome_rows: Vec<OutcomeRow>,
    /// Levels of need: the requester's view and the group's conclusion
    /// (level keys, or empty).
    pub need_level: String,
    pub concluded_level: String,
    /// The same in words.
    pub need_level_name: String,
    pub concluded_level_name: String,
    /// The phenomena the requester named, in words.
    pub phenomena: String,
    /// The screening it was opened from, linked for its owner only.
    pub screening: Option<i64>,
    /// The close-out survey's questions, in the follow-up form.
    pub survey: Vec<crate::feedback::survey::SurveyQuestion>,
    /// The requester's feedback links (her own case, after the meeting).
    pub feedback: Option<crate::feedback::links::LinksSection>,
}

pub struct OutcomeRow {
    pub n: i64,
    pub action: String,
    pub responsible: String,
    pub due: String,
}

#[derive(Deserialize, Default)]
pub struct ShowQuery {
    #[serde(default)]
    pub done: String,
}

#[allow(clippy::too_many_arguments)]
pub async fn show_view(
    state: &AppState,
    s: &Session,
    page: Page,
    r: &Request,
    g: &Group,
    role: Role,
    identity: Option<String>,
    notice: Option<String>,
    errors: FieldErrors,
) -> AppResult<ShowView> {
    let a = &s.actor;
    let own = r.requester_id == a.user_id && role == Role::Requester;
    let secretary = role == Role::Secretary;
    let content = own || secretary || role == Role::Expert;
    let powers = Powers {
        content,
        messages: own || secretary,
        identity: (own || secretary) && r.identity_cipher.is_some(),
        edit: own && r.status.editable(),
        withdraw: own && transition(r.status, Event::Withdrawn).is_ok(),
        triage: secretary
            && matches!(
                r.status,
                Status::Submitted | Status::Accepted | Status::MoreInfo
            ),
        outcome: secretary && matches!(r.status, Status::Accepted | Status::Discussed),
        confirm: own && r.status == Status::Discussed,
        follow_up: own && r.status == Status::FollowUp,
        access_extract: secretary && r.identity_cipher.is_some(),
    };
    let lang = page.lang.code();
    let form = store::form_version(&state.db, r.form_version_id).await?;
    let recs = if content {
        store::recommendations(&state.db, r.id).await?
    } else {
        Vec::new()
    };
    let recs_len = recs.len();
    let recs_copy: Vec<(String, String, String)> = recs
        .iter()
        .map(|x| {
            (
                x.action.clone(),
                x.responsible.clone(),
                x.due_date.clone().unwrap_or_default(),
            )
        })
        .collect();
    let rows = if powers.messages {
        store::messages(&state.db, r.id).await?
    } else {
        Vec::new()
    };
    // Read up to the last message shown (one arriving meanwhile stays unread).
    let last_shown = rows.iter().map(|m| m.id).max();
    let messages: Vec<MessageView> = if powers.messages {
        rows.into_iter()
            .map(|m| MessageView {
                mine: m.author_id == a.user_id.0,
                author: m.author,
                at: page.timestamp(&m.at),
                body: m.body,
            })
            .collect()
    } else {
        Vec::new()
    };
    if let Some(last) = last_shown {
        // Read and unread per person: the inbox stops counting these.
        let mut tx = state.db.begin().await?;
        let newly = store::mark_read(&mut tx, r.id, a.user_id, last).await?;
        tx.commit().await?;
        if newly {
            crate::inbox::count::counts(state).forget_persons(&[a.user_id]);
        }
    }
    let cal = calendars(state).get(&state.db, g.id).await?;
    let occ = cal
        .as_ref()
        .zip(r.meeting_date)
        .and_then(|(c, d)| c.meeting(d));
    let now = jiff::Timestamp::now();
    let meeting_choices = match (&cal, powers.triage) {
        (Some(cal), true) => {
            let from = today();
            let to = from.checked_add(12.months()).unwrap_or(from);
            cal.meetings(from, to)
                .iter()
                .filter(|o| o.is_held() && o.start.timestamp() > now)
                .map(|o| {
                    let mut n = cal.load_of(o.rule_date).taken;
                    if r.status.holds_place() && r.meeting_date == Some(o.rule_date) {
                        n = n.saturating_sub(1);
                    }
                    let mut label = page.tx(
                        "triage-meeting-choice",
                        &[
                            (
                                "meeting",
                                views::meeting_line(&page, Some(o), o.rule_date).into(),
                            ),
                            (
                                "free",
                                i64::from(g.details.capacity.saturating_sub(n)).into(),
                            ),
                        ],
                    );
                    if !o.deadline_met(now) {
                        label.push_str(&format!(" – {}", page.t("triage-late")));
                    }
                    (o.rule_date.to_string(), label)
                })
                .collect()
        }
        _ => Vec::new(),
    };
    let meeting_started = occ.as_ref().is_some_and(|o| o.start.timestamp() <= now);
    let next = if own || secretary {
        next_steps(state, &page, r, g, occ.as_ref(), own).await?
    } else {
        None
    };
    let other_groups = if powers.triage {
        crate::groups::store::list(&state.db)
            .await?
            .into_iter()
            .filter(|o| o.id != g.id)
            .map(|o| (o.id.0, o.details.name(lang).to_owned()))
            .collect()
    } else {
        Vec::new()
    };
    let requester_name = crate::auth::store::get_user(&state.db, r.requester_id)
        .await?
        .map(|u| format!("{}, {}", u.display_name, u.title))
        .unwrap_or_default();
    let events = store::history(&state.db, r.id).await?;
    let survey = if powers.follow_up {
        crate::feedback::survey::questions(state, &page).await?
    } else {
        Vec::new()
    };
    let feedback = crate::feedback::links::section(state, s, &page, r, role).await?;
    let level_name = |k: &str| {
        if k.is_empty() {
            String::new()
        } else {
            page.t(&format!("level-{k}"))
        }
    };
    let need_level_name = level_name(&r.need_level);
    let concluded_level_name = level_name(&r.concluded_level);
    let chosen = store::phenomena_of(&state.db, r.id).await?;
    let phenomena = crate::taxonomy::cache::phenomena(state)
        .all(&state.db)
        .await?
        .iter()
        .filter(|p| chosen.contains(&p.code))
        .map(|p| p.name(lang).to_owned())
        .collect::<Vec<_>>()
        .join(", ");
    Ok(ShowView {
        phenomena,
        survey,
        feedback,
        need_level_name,
        concluded_level_name,
        need_level: r.need_level.clone(),
        concluded_level: r.concluded_level.clone(),
        screening: r.screening_id.filter(|_| r.requester_id == s.actor.user_id),
        next,
        id: r.id.0,
        title: if content {
            views::title(r)
        } else {
            String::new()
        },
        group_id: g.id.0,
        group_name: g.details.name(lang).to_owned(),
        status: views::status_text(&page, r.status),
        status_key: r.status.key(),
        placement: views::placement_text(&page, r, occ.as_ref()),
        meeting_href: r
            .meeting_date
            .filter(|_| r.status.awaits_meeting() && occ.is_some())
            .map(|d| format!("/groups/{}/meetings/{d}", g.id)),
        not_discussed: powers.triage && r.status == Status::Accepted && meeting_started,
        answers: if content {
            views::answers(&page, &form.form, r)
        } else {
            Vec::new()
        },
        identification: page.t(&format!("identification-{}", r.identification.key())),
        basis_note: if content {
            r.basis_note.clone()
        } else {
            String::new()
        },
        has_identity: r.identity_cipher.is_some(),
        identity,
        history: views::history(&page, &events, content),
        messages,
        attachments: if content {
            store::attachments(&state.db, r.id).await?
        } else {
            Vec::new()
        },
        recommendations: recs
            .into_iter()
            .map(|x| RecommendationView {
                id: x.id,
                outcome: x
                    .outcome()
                    .map(|o| page.t(&format!("recommendation-outcome-{}", o.key())))
                    .unwrap_or_default(),
                outcome_key: x.outcome.clone().unwrap_or_default(),
                due: x
                    .due_date
                    .as_deref()
                    .and_then(|d| d.parse().ok())
                    .map(crate::core::i18n::format_date)
                    .unwrap_or_default(),
                due_iso: x.due_date.clone().unwrap_or_default(),
                action: x.action,
                responsible: x.responsible,
                outcome_note: x.outcome_note,
            })
            .collect(),
        summary: if content {
            r.summary.clone()
        } else {
            String::new()
        },
        requester_view: if content {
            views::requester_view(&page, r)
        } else {
            String::new()
        },
        requester_comment: if content {
            r.requester_comment.clone()
        } else {
            String::new()
        },
        requester_record: if content {
            r.requester_record.clone()
        } else {
            String::new()
        },
        latest_due: recs_copy
            .iter()
            .filter_map(|x| x.2.parse::<jiff::civil::Date>().ok())
            .max()
            .map(crate::core::i18n::format_date)
            .unwrap_or_default(),
        follow_up_due: r
            .follow_up_due
            .map(crate::core::i18n::format_date)
            .unwrap_or_default(),
        follow_up_note: if content {
            r.follow_up_note.clone()
        } else {
            String::new()
        },
        powers,
        notice,
        errors,
        meeting_choices,
        other_groups,
        requester_name: if content {
            requester_name
        } else {
            String::new()
        },
        kept: Kept::default(),
        outcome_rows: (0..5usize.max(recs_len + 1))
            .map(|i| OutcomeRow {
                n: i as i64 + 1,
                action: recs_copy.get(i).map(|r| r.0.clone()).unwrap_or_default(),
                responsible: recs_copy.get(i).map(|r| r.1.clone()).unwrap_or_default(),
                due: recs_copy.get(i).map(|r| r.2.clone()).unwrap_or_default(),
            })
            .collect(),
        outcomes: RecOutcome::ALL
            .iter()
            .map(|o| {
                (
                    o.key().to_owned(),
                    page.t(&format!("recommendation-outcome-{}", o.key())),
                )
            })
            .collect(),
        page,
    })
}

/// The request's page again with the problems of a form on it (422).
#[allow(clippy::too_many_arguments)]
pub async fn case_with_errors(
    state: &AppState,
    s: &Session,
    page: Page,
    r: &Request,
    g: &Group,
    role: Role,
    errors: FieldErrors,
    kept: Kept,
) -> AppResult<Response> {
    let mut view = show_view(state, s, page, r, g, role, None, None, errors).await?;
    if kept.form == "outcome" {
        let (actions, who, due) = (
            kept.all("rec_action"),
            kept.all("rec_responsible"),
            kept.all("rec_due"),
        );
        let n = actions.len().max(who.len()).max(due.len());
        let at = |v: &[String], i: usize| v.get(i).cloned().unwrap_or_default();
        view.outcome_rows = (0..5usize.max(n + 1))
            .map(|i| OutcomeRow {
                n: i as i64 + 1,
                action: at(&actions, i),
                responsible: at(&who, i),
                due: at(&due, i),
            })
            .collect();
    }
    view.kept = kept;
    Ok(render_invalid(&view))
}

pub async fn show(
    State(state): State<AppState>,
    CurrentUser(s): CurrentUser,
    Ctx(ctx): Ctx,
    page: Page,
    Path(id): Path<i64>,
    Query(q): Query<ShowQuery>,
) -> AppResult<Response> {
    let (r, g, role) = authorize(&state, &s, &ctx, id, "request.read", view_action).await?;
    audit::store::record(
        &state.db,
        log_event(&ctx, &s, Some(role), "request.read", r.id, Outcome::Success),
    )
    .await?;
    // Without a mail server nobody was told by e-mail: the notice says so
    // (`request-done-KEY-nomail`) rather than claim it.
    let key = format!("request-done-{}", q.done);
    let nomail = format!("{key}-nomail");
    let key = if state.config.smtp_url.is_none() && state.i18n.has(page.lang, &nomail) {
        nomail
    } else {
        key
    };
    let notice = (!q.done.is_empty() && state.i18n.has(page.lang, &key)).then(|| page.t(&key));
    Ok(render(
        &show_view(
            &state,
            &s,
            page,
            &r,
            &g,
            role,
            None,
            notice,
            FieldErrors::new(),
        )
        .await?,
    ))
}

/// Shows an identified request's personal identity code; each showing is
/// its own access-log entry.
pub async fn identity(
    State(state): State<AppState>,
    CurrentUser(s): CurrentUser,
    Ctx(ctx): Ctx,
    page: Page,
    Path(id): Path<i64>,
    CsrfForm(_): CsrfForm<Empty>,
) -> AppResult<Response> {
    let (r, g, role) = authorize(&state, &s, &ctx, id, "request.identity.read", |r, _| {
        Action::ViewIdentity {
            requester: r.requester_id,
            group: r.group_id,
        }
    })
    .await?;
    let sealed = r.identity_cipher.as_deref().ok_or(AppError::NotFound)?;
    let code = crate::core::crypto::open(&state.config.keys.data, sealed).ok_or_else(|| {
        AppError::Internal(anyhow::anyhow!(
            "identity code of request {id} does not open"
        ))
    })?;
    let mut e = log_event(
        &ctx,
        &s,
        Some(role),
        "request.identity.read",
        r.id,
        Outcome::Success,
    );
    e.purpose = format!("consultation; basis: {}", r.identification.key());
    audit::store::record(&state.db, e).await?;
    Ok(render(
        &show_view(
            &state,
            &s,
            page,
            &r,
            &g,
            role,
            Some(code),
            None,
            FieldErrors::new(),
        )
        .await?,
    ))
}

#[derive(Deserialize, Default)]
pub struct MessageForm {
    #[serde(default)]
    pub body: String,
    #[serde(default)]
    pub once: String,
}

pub async fn message(
    State(state): State<AppState>,
    CurrentUser(s): CurrentUser,
    Ctx(ctx): Ctx,
    page: Page,
    Path(id): Path<i64>,
    CsrfForm(form): CsrfForm<MessageForm>,
) -> AppResult<Response> {
    let (seen, g, role) = authorize(&state, &s, &ctx, id, "request.message", |r, _| {
        Action::MessageRequest {
            requester: r.requester_id,
            group: r.group_id,
        }
    })
    .await?;
    let body = form.body.trim();
    let mut errors = FieldErrors::new();
    if body.is_empty() {
        errors.add("body", "field-required");
    } else if body.chars().count() > MAX_MESSAGE {
        errors.add("body", "field-too-long");
    }
    if !errors.is_empty() {
        return case_with_errors(
            &state,
            &s,
            page,
            &seen,
            &g,
            role,
            errors,
            Kept::new("message", vec![("body".into(), form.body.clone())]),
        )
        .await;
    }
    let answer = format!("/requests/{id}?done=message#messages");
    let mut w = Work::begin(&state).await?;
    if let Some(a) = w.replayed(s.actor.user_id, &form.once).await? {
        w.rollback().await?;
        return Ok(Redirect::to(&answer_or(&a, &answer)).into_response());
    }
    let r = w.lock_request(seen.id).await?;
    unchanged(&r, &seen)?;
    store::add_message(w.tx(), r.id, s.actor.user_id, body).await?;
    audit::store::append(
        w.tx(),
        log_event(
            &ctx,
            &s,
            Some(role),
            "request.message",
            r.id,
            Outcome::Success,
        ),
    )
    .await?;
    if role == Role::Requester {
        tell_secretaries(w.tx(), g.id).await?;
    } else {
        crate::notify::enqueue(
            w.tx(),
            r.requester_id,
            "message",
            &format!("/requests/{id}"),
        )
        .await?;
    }
    w.commit(&answer).await?;
    Ok(Redirect::to(&answer).into_response())
}

/// What happens next, as the requester (`own`) or the secretary needs it:
/// the deadline, the meeting's day and the case's time slot, the place or
/// video link and who attends; or what the person has to do.
async fn next_steps(
    state: &AppState,
    page: &Page,
    r: &Request,
    g: &Group,
    occ: Option<&otalusta_domain::calendar::Occurrence>,
    own: bool,
) -> AppResult<Option<NextView>> {
    use crate::core::i18n::{format_date, format_datetime};
    use crate::groups::views::{clock, weekday_name};
    let mut steps = Vec::new();
    let day = |o: &otalusta_domain::calendar::Occurrence| {
        format!("{} {}", weekday_name(page, o.date), format_date(o.date))
    };
    let (mut place, mut video_link) = (String::new(), String::new());
    match r.status {
        Status::Draft => steps.push(page.t("next-draft")),
        Status::Submitted => {
            steps.push(page.t("next-submitted"));
            if let Some(o) = occ {
                steps.push(page.tx(
                    "next-proposed",
                    &[
                        ("day", day(o).into()),
                        (
                            "deadline",
                            format_datetime(page.lang, o.deadline.datetime()).into(),
                        ),
                    ],
                ));
            } else {
                steps.push(page.t("next-no-meeting"));
            }
        }
        Status::MoreInfo => steps.push(page.t(if own {
            "next-more-info-own"
        } else {
            "next-more-info"
        })),
        Status::Accepted => {
            if let Some(o) = occ.filter(|o| o.is_held()) {
                let agenda = store::on_meeting(&state.db, g.id, o.rule_date).await?;
                let slot = agenda.iter().position(|c| c.id == r.id).and_then(|i| {
                    otalusta_domain::consultations::slots(&o.start, &o.end, agenda.len())
                        .into_iter()
                        .nth(i)
                });
                let time = match slot {
                    Some((a, b)) => format!("{}–{}", clock(a.time()), clock(b.time())),
                    None => format!("{}–{}", clock(o.start.time()), clock(o.end.time())),
                };
                steps.push(page.tx(
                    "next-accepted",
                    &[("day", day(o).into()), ("time", time.into())],
                ));
                steps.push(page.t(if own {
                    "next-attend-own"
                } else {
                    "next-attend"
                }));
                if g.details.mode.has_place() {
                    place = g.details.place.clone();
                }
                if g.details.mode.has_video() {
                    video_link = g.details.video_link.clone();
                }
            } else {
                steps.push(page.t("next-meeting-not-held"));
            }
        }
        Status::Discussed => steps.push(page.t(if own {
            "next-discussed-own"
        } else {
            "next-discussed"
        })),
        Status::FollowUp => {
            let due = r.follow_up_due.map(format_date).unwrap_or_default();
            steps.push(page.ta(
                if own {
                    "next-follow-up-own"
                } else {
                    "next-follow-up"
                },
                "due",
                &due,
            ));
        }
        Status::Closed | Status::Declined | Status::Withdrawn => return Ok(None),
    }
    Ok(Some(NextView {
        steps,
        place,
        video_link,
    }))
}
