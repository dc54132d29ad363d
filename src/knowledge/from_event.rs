//! After an event, its recording and materials go into the knowledge bank:
//! the event's organiser makes a draft item from it (a recording when the
//! event has one), which is reviewed and published like any other; the
//! event's page then links to it and the item to the event.

use super::log_event;
use super::store::{self, Draft};
use crate::audit;
use crate::auth::{Ctx, CurrentUser};
use crate::core::error::{AppError, AppResult};
use crate::core::forms::{CsrfForm, Empty};
use crate::core::web::AppState;
use crate::events::routes::{manage_action, paragraphs};
use axum::extract::{Path, State};
use axum::response::{IntoResponse, Redirect, Response};
use otalusta_domain::knowledge::{Content, Kind, MAX_SUMMARY, Texts, Visibility};

pub async fn create(
    State(state): State<AppState>,
    CurrentUser(s): CurrentUser,
    Ctx(ctx): Ctx,
    Path(id): Path<i64>,
    CsrfForm(_): CsrfForm<Empty>,
) -> AppResult<Response> {
    let e = crate::events::store::get(&state.db, id)
        .await?
        .ok_or(AppError::NotFound)?;
    let role = s.require(&manage_action(&e))?;
    // The bank's writers only: the item is theirs to finish.
    s.require(&otalusta_domain::policy::Action::WriteKnowledge)?;
    if let Some(k) = e.knowledge_item_id {
        return Ok(Redirect::to(&format!("/knowledge/{k}")).into_response());
    }
    if e.ends_at.as_str() > crate::core::db::now().as_str() {
        // Not yet held: nothing to record.
        return Err(AppError::Conflict("knowledge-event-not-over"));
    }
    let taxonomy = crate::taxonomy::cache::phenomena(&state)
        .all(&state.db)
        .await?;
    let mut texts = std::collections::BTreeMap::new();
    let summary: String = paragraphs(&e.description)
        .into_iter()
        .next()
        .unwrap_or_default()
        .chars()
        .take(MAX_SUMMARY)
        .collect();
    texts.insert(
        "fi".to_owned(),
        Texts {
            title: e
                .title
                .chars()
                .take(otalusta_domain::knowledge::MAX_TITLE)
                .collect(),
            summary,
            body: e.description.clone(),
        },
    );
    let content = Content {
        texts,
        phenomena: e
            .phenomenon_codes()
            .into_iter()
            .filter(|c| taxonomy.iter().any(|p| p.code == *c))
            .map(str::to_owned)
            .collect(),
        organisation: e.organiser.clone(),
        url: e.recording_url.clone(),
        ..Default::default()
    };
    // Checked like the editor's form (an identity code in the
    // description, lengths): the bank never takes what its editor refuses.
    let known: Vec<&str> = taxonomy.iter().map(|p| p.code.as_str()).collect();
    let kind = if e.recording_url.is_empty() {
        Kind::Material
    } else {
        Kind::Recording
    };
    let visibility = if e.is_public() {
        Visibility::Public
    } else {
        Visibility::Professionals
    };
    if otalusta_domain::knowledge::KnowledgeForm::from_content(kind, visibility, &content, None)
        .parse(&known, super::today())
        .is_err()
    {
        return Err(AppError::Conflict("knowledge-event-content-invalid"));
    }
    let draft = Draft {
        kind,
        visibility,
        content: &content,
        review_by: None,
        note: "",
    };
    let mut tx = state.db.begin().await?;
    let kid = store::create(&mut tx, &draft, e.area_code.as_deref(), s.actor.user_id).await?;
    // One item per event, even when two organisers click at once.
    let linked = sqlx::query(
        "UPDATE events SET knowledge_item_id = $1 WHERE id = $2 AND knowledge_item_id IS NULL",
    )
    .bind(kid)
    .bind(id)
    .execute(&mut *tx)
    .await?
    .rows_affected();
    if linked == 0 {
        tx.rollback().await?;
        let now = crate::events::store::get(&state.db, id).await?;
        let k = now
            .and_then(|e| e.knowledge_item_id)
            .ok_or(AppError::NotFound)?;
        return Ok(Redirect::to(&format!("/knowledge/{k}")).into_response());
    }
    store::link_event(&mut tx, kid, id).await?;
    audit::store::append(
        &mut tx,
        log_event(&ctx, &s, role, "knowledge.from_event", kid),
    )
    .await?;
    tx.commit().await?;
    Ok(Redirect::to(&format!("/knowledge/{kid}/edit?done=knowledge-from-event")).into_response())
}
