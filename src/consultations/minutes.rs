//! Pöytäkirja: a meeting's minutes — who attended, the cases discussed with
//! the group's summary, every recommendation and the requester's view of
//! them, and the cases not discussed with the reason. A printable page and
//! a PDF (`core::pdf`) a requester can file in the client record.
//!
//! The group's secretary and members see the whole meeting; a coordinator
//! the same without case content; a requester only her own cases on it.

use super::store;
use super::{log_cases, view_action, views};
use crate::audit;
use crate::auth::{Ctx, CurrentUser, Session};
use crate::core::error::{AppError, AppResult};
use crate::core::i18n::format_date;
use crate::core::page::{Page, render};
use crate::core::pdf::{Pdf, Style};
use crate::core::web::{AppState, ReqCtx};
use crate::groups::views::{clock, weekday_name};
use askama::Template;
use axum::extract::{Path, State};
use axum::http::header;
use axum::response::{IntoResponse, Response};
use jiff::civil::Date;
use otalusta_domain::audit::Outcome;
use otalusta_domain::consultations::Status;
use otalusta_domain::policy::{Action, decide};
use otalusta_domain::role::Role;

pub struct RecView {
    pub action: String,
    pub responsible: String,
    pub due: String,
}

pub struct CaseMinutes {
    pub number: String,
    pub href: String,
    /// The start of the question (empty without content).
    pub title: String,
    pub requester: String,
    pub summary: String,
    pub recommendations: Vec<RecView>,
    /// "Agrees" / "Disagrees" and the comment, once the requester gave them.
    pub requester_view: String,
    pub requester_comment: String,
    /// Why it was not discussed (not-discussed cases).
    pub reason: String,
}

pub struct Minutes {
    pub group_id: i64,
    pub rule_date: String,
    pub group_name: String,
    pub when: String,
    pub place: String,
    pub present: Vec<String>,
    pub absent: Vec<String>,
    pub discussed: Vec<CaseMinutes>,
    pub not_discussed: Vec<CaseMinutes>,
    pub content: bool,
    /// Only the caller's own cases are shown (a requester).
    pub own_only: bool,
    pub held: bool,
}

#[derive(Template)]
#[template(path = "consultations/minutes.html")]
pub struct MinutesView {
    pub page: Page,
    pub m: Minutes,
}

/// Reads the meeting's minutes for `s`, checking access and logging every
/// case shown.
async fn minutes(
    state: &AppState,
    s: &Session,
    ctx: &ReqCtx,
    page: &Page,
    id: i64,
    date: &str,
) -> AppResult<Minutes> {
    let g = crate::groups::routes::load(state, id).await?;
    let date: Date = date.parse().map_err(|_| AppError::NotFound)?;
    let object = format!("{id}/{date}");
    let cal = crate::groups::calendars::calendars(state)
        .get(&state.db, g.id)
        .await?
        .ok_or(AppError::NotFound)?;
    let occ = cal.meeting(date).ok_or(AppError::NotFound)?;
    let mut cases = store::on_meeting(&state.db, g.id, date).await?;
    let moved = store::not_discussed_on(&state.db, g.id, &format_date(occ.date)).await?;
    for (rid, _) in &moved {
        if !cases.iter().any(|c| c.id == *rid)
            && let Some(r) = store::get(&state.db, *rid).await?
        {
            cases.push(r);
        }
    }
    let whole = decide(
        &s.actor,
        &Action::ViewAgenda {
            group: g.id,
            area: &g.details.area,
        },
    );
    let (role, own_only) = match whole {
        otalusta_domain::policy::Decision::Allow(role) => (role, false),
        otalusta_domain::policy::Decision::Deny => {
            // A requester: her own cases on this meeting, nothing else.
            cases.retain(|r| {
                r.requester_id == s.actor.user_id
                    && decide(&s.actor, &view_action(r, &g)).is_allowed()
            });
            if cases.is_empty() {
                let ev = audit::event(
                    ctx,
                    Some(s),
                    s.actor.primary_role(),
                    "minutes.read",
                    ("meeting", &object),
                    Outcome::Denied,
                );
                audit::store::record(&state.db, ev).await?;
                return Err(AppError::Forbidden);
            }
            (Role::Requester, true)
        }
    };
    let content = role != Role::Coordinator;
    let shown: Vec<_> = cases.iter().map(|r| r.id).collect();
    log_cases(
        state,
        s,
        ctx,
        Some(role),
        "minutes.read",
        &shown,
        ("meeting", &object),
    )
    .await?;
    let attendance = store::attendance(&state.db, g.id, date).await?;
    let (mut present, mut absent) = (Vec::new(), Vec::new());
    for m in crate::groups::store::members(&state.db, g.id).await? {
        let line = format!(
            "{} ({})",
            m.display_name,
            page.t(&format!("member-role-{}", m.member_role().key()))
        );
        if attendance.get(&m.user_id).copied().unwrap_or(false) {
            present.push(line);
        } else {
            absent.push(line);
        }
    }
    let (mut discussed, mut not_discussed) = (Vec::new(), Vec::new());
    for r in &cases {
        let requester = super::requester_name(state, r).await?;
        if !own_only
            && attendance.get(&r.requester_id.0).copied().unwrap_or(false)
            && !present.iter().any(|p| p.starts_with(&requester))
        {
            present.push(format!("{requester} ({})", page.t("agenda-requester")));
        }
        let recs = if content {
            store::recommendations(&state.db, r.id).await?
        } else {
            Vec::new()
        };
        let was_discussed = matches!(
            r.status,
            Status::Discussed | Status::FollowUp | Status::Closed
        ) && r.meeting_date == Some(date);
        let reason = moved
            .iter()
            .find(|(id, _)| *id == r.id)
            .map(|(_, why)| why.clone())
            .unwrap_or_else(|| {
                if was_discussed {
                    String::new()
                } else {
                    page.t("minutes-not-recorded")
                }
            });
        // A case that has since left the meeting (back in the queue,
        // declined, withdrawn) is named by number only to those who may no
        // longer open it.
        let may_open = decide(&s.actor, &view_action(r, &g)).is_allowed();
        let c = CaseMinutes {
            number: format!("#{}", r.id),
            href: format!("/requests/{}", r.id),
            title: if content && may_open {
                views::title(r)
            } else {
                String::new()
            },
            requester,
            summary: if content {
                r.summary.clone()
            } else {
                String::new()
            },
            recommendations: recs
                .into_iter()
                .map(|x| RecView {
                    action: x.action,
                    responsible: x.responsible,
                    due: x
                        .due_date
                        .as_deref()
                        .and_then(|d| d.parse().ok())
                        .map(format_date)
                        .unwrap_or_default(),
                })
                .collect(),
            requester_view: if content {
                views::requester_view(page, r)
            } else {
                String::new()
            },
            requester_comment: if content {
                r.requester_comment.clone()
            } else {
                String::new()
            },
            reason,
        };
        if was_discussed {
            discussed.push(c);
        } else {
            not_discussed.push(c);
        }
    }
    Ok(Minutes {
        group_id: g.id.0,
        rule_date: date.to_string(),
        group_name: g.details.name(page.lang.code()).to_owned(),
        when: format!(
            "{} {} {}–{}",
            weekday_name(page, occ.date),
            format_date(occ.date),
            clock(occ.start.time()),
            clock(occ.end.time())
        ),
        place: {
            let mut at = Vec::new();
            if g.details.mode.has_place() && !g.details.place.is_empty() {
                at.push(g.details.place.clone());
            }
            if g.details.mode.has_video() {
                at.push(page.t("minutes-remote"));
            }
            at.join(", ")
        },
        present,
        absent,
        discussed,
        not_discussed,
        content,
        own_only,
        held: occ.is_held(),
    })
}

pub async fn show(
    State(state): State<AppState>,
    CurrentUser(s): CurrentUser,
    Ctx(ctx): Ctx,
    page: Page,
    Path((id, date)): Path<(i64, String)>,
) -> AppResult<Response> {
    let m = minutes(&state, &s, &ctx, &page, id, &date).await?;
    Ok(render(&MinutesView { page, m }))
}

pub async fn pdf(
    State(state): State<AppState>,
    CurrentUser(s): CurrentUser,
    Ctx(ctx): Ctx,
    page: Page,
    Path((id, date)): Path<(i64, String)>,
) -> AppResult<Response> {
    let m = minutes(&state, &s, &ctx, &page, id, &date).await?;
    let bytes = write_pdf(&page, &m)?;
    let name = format!("minutes-{}-{}.pdf", m.group_id, m.rule_date);
    Ok((
        [
            (header::CONTENT_TYPE, "application/pdf".to_owned()),
            (
                header::CONTENT_DISPOSITION,
                format!("inline; filename=\"{name}\""),
            ),
            (header::CACHE_CONTROL, "no-store".to_owned()),
        ],
        bytes,
    )
        .into_response())
}

fn write_pdf(page: &Page, m: &Minutes) -> AppResult<Vec<u8>> {
    let title = page.ta("minutes-title", "group", &m.group_name);
    let mut pdf = Pdf::new(&title, page.lang.code());
    pdf.text(Style::Title, &title);
    pdf.text(
        Style::Body,
        &format!("{}: {}", page.t("minutes-when"), m.when),
    );
    if !m.place.is_empty() {
        pdf.text(
            Style::Body,
            &format!("{}: {}", page.t("minutes-place"), m.place),
        );
    }
    if m.own_only {
        pdf.text(Style::Small, &page.t("minutes-own-only"));
    }
    if !m.own_only {
        pdf.text(Style::Heading, &page.t("minutes-attendance"));
        pdf.text(
            Style::Body,
            &format!(
                "{}: {}",
                page.t("minutes-present"),
                if m.present.is_empty() {
                    page.t("minutes-none-recorded")
                } else {
                    m.present.join("; ")
                }
            ),
        );
        if !m.absent.is_empty() {
            pdf.text(
                Style::Body,
                &format!("{}: {}", page.t("minutes-absent"), m.absent.join("; ")),
            );
        }
    }
    pdf.text(Style::Heading, &page.t("minutes-discussed"));
    if m.discussed.is_empty() {
        pdf.text(Style::Body, &page.t("minutes-no-cases"));
    }
    for c in &m.discussed {
        let head = if c.title.is_empty() {
            c.number.clone()
        } else {
            format!("{} {}", c.number, c.title)
        };
        pdf.text(Style::Subheading, &head);
        pdf.text(
            Style::Small,
            &format!("{}: {}", page.t("agenda-requester"), c.requester),
        );
        if !c.summary.is_empty() {
            pdf.text(Style::Body, &c.summary);
        }
        if !c.recommendations.is_empty() {
            pdf.text(Style::Body, &page.t("outcome-recommendations"));
            for (n, r) in c.recommendations.iter().enumerate() {
                let mut line = format!("{}. {}", n + 1, r.action);
                if !r.responsible.is_empty() {
                    line.push_str(&format!(
                        " — {}: {}",
                        page.t("minutes-responsible"),
                        r.responsible
                    ));
                }
                if !r.due.is_empty() {
                    line.push_str(&format!(" — {}: {}", page.t("minutes-due"), r.due));
                }
                pdf.text(Style::Item, &line);
            }
        }
        if !c.requester_view.is_empty() {
            let mut line = format!("{}: {}", page.t("minutes-requester-view"), c.requester_view);
            if !c.requester_comment.is_empty() {
                line.push_str(&format!(" — {}", c.requester_comment));
            }
            pdf.text(Style::Body, &line);
        }
    }
    if !m.not_discussed.is_empty() {
        pdf.text(Style::Heading, &page.t("minutes-not-discussed"));
        for c in &m.not_discussed {
            let mut line = if c.title.is_empty() {
                c.number.clone()
            } else {
                format!("{} {}", c.number, c.title)
            };
            if !c.reason.is_empty() {
                line.push_str(&format!(" — {}", c.reason));
            }
            pdf.text(Style::Item, &line);
        }
    }
    pdf.text(Style::Small, &page.t("minutes-footnote"));
    pdf.finish(|n, total| {
        page.tx(
            "minutes-page",
            &[("n", (n as i64).into()), ("total", (total as i64).into())],
        )
    })
    .map_err(AppError::Internal)
}
