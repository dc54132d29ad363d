//! The public feedback page (`/feedback/{token}`): a child, a young person
//! or a parent answers three questions on a scale of faces, without an
//! account, once.
//!
//! What it keeps: the answer row holds nothing that points to the person
//! or the link (see `store::insert_answer`); the access log says only that
//! a link of the request was used, without the client's address; tracing
//! never sees the token (`web::loggable_path` redacts the segment after
//! `feedback`) nor the answers. Unknown tokens are counted per address,
//! and an address that guessed too often waits (429), whatever it asks.

use super::store::{self, Link, NewAnswer};
use crate::audit;
use crate::auth::Ctx;
use crate::core::error::{AppResult, FieldErrors};
use crate::core::forms::{CsrfForm, one, pairs_to_map};
use crate::core::i18n::Lang;
use crate::core::page::{Page, helsinki, render, render_invalid};
use crate::core::web::{AppState, ReqCtx};
use askama::Template;
use axum::extract::{Path, State};
use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Redirect, Response};
use otalusta_domain::audit::Outcome;
use otalusta_domain::feedback::{
    Audience, FORM_VERSION, LinkState, answer_month, feedback_form, guess_wait, plausible_token,
    read_feedback,
};
use std::collections::HashMap;

/// One face of the scale: a radio button with a picture and its words.
pub struct FaceView {
    pub code: String,
    pub label: String,
    /// The face as inline SVG (fixed markup from [`face_svg`]).
    pub svg: &'static str,
    pub checked: bool,
}

pub struct QuestionView {
    /// The form field (`q_KEY`), also the fieldset's id.
    pub field: String,
    pub label: String,
    pub faces: Vec<FaceView>,
}

#[derive(Template)]
#[template(path = "feedback/form.html")]
pub struct FormView {
    pub page: Page,
    pub token: String,
    pub title: String,
    pub intro: String,
    pub privacy: String,
    pub questions: Vec<QuestionView>,
    pub errors: FieldErrors,
}

/// A plain page saying what happened and what to do.
#[derive(Template)]
#[template(path = "feedback/message.html")]
pub struct MessageView {
    pub page: Page,
    pub title: String,
    pub paragraphs: Vec<String>,
}

/// The faces, best first (the codes of `SCALE`): a circle, two eyes and a
/// mouth from a wide smile to a frown. Hidden from screen readers: the
/// words beside each face are its name.
pub fn face_svg(code: &str) -> &'static str {
    match code {
        "5" => FACE_5,
        "4" => FACE_4,
        "3" => FACE_3,
        "2" => FACE_2,
        _ => FACE_1,
    }
}

macro_rules! face {
    ($fill:literal, $mouth:literal) => {
        concat!(
            "<svg class=\"face-img\" viewBox=\"0 0 48 48\" width=\"48\" height=\"48\" ",
            "aria-hidden=\"true\" focusable=\"false\">",
            "<circle cx=\"24\" cy=\"24\" r=\"21\" fill=\"",
            $fill,
            "\" stroke=\"#1b1f24\" stroke-width=\"2\"/>",
            "<circle cx=\"17\" cy=\"19\" r=\"3\" fill=\"#1b1f24\"/>",
            "<circle cx=\"31\" cy=\"19\" r=\"3\" fill=\"#1b1f24\"/>",
            "<path d=\"",
            $mouth,
            "\" fill=\"none\" stroke=\"#1b1f24\" stroke-width=\"3\" stroke-linecap=\"round\"/>",
            "</svg>"
        )
    };
}

const FACE_5: &str = face!("#8fd18f", "M13 28 Q24 42 35 28");
const FACE_4: &str = face!("#c2e59a", "M15 31 Q24 37 33 31");
const FACE_3: &str = face!("#f7df7c", "M15 33 L33 33");
const FACE_2: &str = face!("#f8bd84", "M15 35 Q24 29 33 35");
const FACE_1: &str = face!("#f29a92", "M13 37 Q24 25 35 37");

/// The link's language unless the visitor chose one (`?lang=`, or the
/// form's `lang` field carrying that choice).
fn set_lang(page: &mut Page, ctx: &ReqCtx, link: &Link, posted: Option<&str>) {
    let chosen = posted.and_then(|l| l.parse::<Lang>().ok());
    page.lang = match chosen {
        Some(l) => l,
        None if ctx.lang_chosen => ctx.lang,
        None => link.lang.parse().unwrap_or(page.lang),
    };
}

fn message(page: Page, status: StatusCode, title: &str, keys: &[String]) -> Response {
    let v = MessageView {
        title: page.t(title),
        paragraphs: keys.iter().map(|k| page.t(k)).collect(),
        page,
    };
    (status, render(&v)).into_response()
}

/// The friendly page of a link that cannot be answered: 410 for a used or
/// expired one (in the audience's words), 404 for one that does not exist.
/// None says anything about the case.
fn not_open(page: Page, link: Option<(&Link, LinkState)>) -> Response {
    match link {
        Some((l, st)) => {
            let a = l.audience().key();
            let what = if st == LinkState::Used {
                "used"
            } else {
                "expired"
            };
            message(
                page,
                StatusCode::GONE,
                &format!("feedback-{what}-title"),
                &[
                    format!("feedback-{what}-{a}"),
                    format!("feedback-what-now-{a}"),
                ],
            )
        }
        None => message(
            page,
            StatusCode::NOT_FOUND,
            "feedback-unknown-title",
            &[
                "feedback-unknown".into(),
                "feedback-unknown-what-now".into(),
            ],
        ),
    }
}

/// 429 with a friendly page when the address has guessed too often.
async fn throttled(state: &AppState, ctx: &ReqCtx, page: &Page) -> AppResult<Option<Response>> {
    let g = store::guesses(&state.db, &ctx.client_addr).await?;
    let Some(wait) = guess_wait(g, jiff::Timestamp::now()) else {
        return Ok(None);
    };
    let secs = wait.as_secs().max(1);
    let minutes = (secs + 59) / 60;
    let v = MessageView {
        title: page.t("feedback-busy-title"),
        paragraphs: vec![page.tn("feedback-busy", "minutes", minutes)],
        page: Page::new(state, ctx, None),
    };
    let mut res = (StatusCode::TOO_MANY_REQUESTS, render(&v)).into_response();
    if let Ok(h) = HeaderValue::from_str(&secs.to_string()) {
        res.headers_mut().insert(header::RETRY_AFTER, h);
    }
    Ok(Some(res))
}

fn questions(
    audience: Audience,
    lang: Lang,
    posted: &HashMap<String, Vec<String>>,
) -> Vec<QuestionView> {
    feedback_form(audience)
        .items
        .iter()
        .map(|i| {
            let field = i.field();
            let given = one(posted, &field).to_owned();
            QuestionView {
                label: i.label.get(lang.code()).to_owned(),
                faces: i
                    .choices
                    .iter()
                    .map(|c| FaceView {
                        checked: c.key == given,
                        svg: face_svg(&c.key),
                        label: c.label.get(lang.code()).to_owned(),
                        code: c.key.clone(),
                    })
                    .collect(),
                field,
            }
        })
        .collect()
}

fn form_view(
    page: Page,
    token: &str,
    link: &Link,
    posted: &HashMap<String, Vec<String>>,
    errors: FieldErrors,
) -> FormView {
    let audience = link.audience();
    let a = audience.key();
    FormView {
        questions: questions(audience, page.lang, posted),
        token: token.to_owned(),
        title: page.t(&format!("feedback-form-title-{a}")),
        intro: page.t(&format!("feedback-form-intro-{a}")),
        privacy: page.t(&format!("feedback-form-privacy-{a}")),
        errors,
        page,
    }
}

/// `GET /feedback/{token}`: the questions, or why they cannot be answered.
pub async fn show(
    State(state): State<AppState>,
    Ctx(ctx): Ctx,
    mut page: Page,
    Path(token): Path<String>,
) -> AppResult<Response> {
    if let Some(res) = throttled(&state, &ctx, &page).await? {
        return Ok(res);
    }
    let found = if plausible_token(&token) {
        store::find_link(&state.db, &store::token_hash(&token)).await?
    } else {
        None
    };
    let Some(link) = found else {
        store::count_guess(&state.db, &ctx.client_addr, jiff::Timestamp::now()).await?;
        return Ok(not_open(page, None));
    };
    set_lang(&mut page, &ctx, &link, None);
    let st = link.state(jiff::Timestamp::now());
    if st != LinkState::Open {
        return Ok(not_open(page, Some((&link, st))));
    }
    Ok(render(&form_view(
        page,
        &token,
        &link,
        &HashMap::new(),
        FieldErrors::new(),
    )))
}

/// `POST /feedback/{token}`: stores the answer and uses the link up, in
/// one transaction; of two answers at once exactly one is stored.
pub async fn answer(
    State(state): State<AppState>,
    Ctx(ctx): Ctx,
    mut page: Page,
    Path(token): Path<String>,
    CsrfForm(pairs): CsrfForm<Vec<(String, String)>>,
) -> AppResult<Response> {
    if let Some(res) = throttled(&state, &ctx, &page).await? {
        return Ok(res);
    }
    let posted = pairs_to_map(pairs);
    let now = jiff::Timestamp::now();
    let mut tx = state.db.begin().await?;
    let found = if plausible_token(&token) {
        store::link_by_hash(&mut tx, &store::token_hash(&token)).await?
    } else {
        None
    };
    let Some(link) = found else {
        tx.rollback().await?;
        store::count_guess(&state.db, &ctx.client_addr, now).await?;
        return Ok(not_open(page, None));
    };
    set_lang(&mut page, &ctx, &link, Some(one(&posted, "lang")));
    let st = link.state(now);
    if st != LinkState::Open {
        tx.rollback().await?;
        return Ok(not_open(page, Some((&link, st))));
    }
    let audience = link.audience();
    let answers = match read_feedback(&feedback_form(audience), &posted) {
        Ok(a) => a,
        Err(problems) => {
            // Nothing stored; the link stays open.
            tx.rollback().await?;
            let mut errors = FieldErrors::new();
            for (field, code) in problems {
                errors.add(&field, code);
            }
            return Ok(render_invalid(&form_view(
                page, &token, &link, &posted, errors,
            )));
        }
    };
    if !store::claim_link(&mut tx, link.id, now).await? {
        // Another answer came first, the link expired this instant, or it
        // was revoked meanwhile: say which, as it is now.
        tx.rollback().await?;
        let now = jiff::Timestamp::now();
        let fresh = store::find_link(&state.db, &store::token_hash(&token)).await?;
        return Ok(match fresh {
            Some(l) => {
                let st = match l.state(now) {
                    LinkState::Open => LinkState::Used,
                    st => st,
                };
                not_open(page, Some((&l, st)))
            }
            None => not_open(page, None),
        });
    }
    let month = answer_month(now.to_zoned_datetime(helsinki()).date());
    store::insert_answer(
        &mut tx,
        &NewAnswer {
            request_id: link.request_id,
            audience,
            form_version: FORM_VERSION,
            month: &month,
            answers: &answers,
        },
    )
    .await?;
    // That a link of the request was used; not which, not from where.
    let mut e = audit::event(
        &ctx,
        None,
        None,
        "feedback.link.used",
        ("request", &link.request_id.to_string()),
        Outcome::Success,
    );
    e.client_addr = String::new();
    e.purpose = "feedback".into();
    audit::store::append(&mut tx, e).await?;
    tx.commit().await?;
    Ok(Redirect::to(&format!(
        "/feedback/thanks/{}/{}",
        audience.key(),
        page.lang.code()
    ))
    .into_response())
}

/// `GET /feedback/thanks/{audience}/{lang}`: the thank-you page.
pub async fn thanks(
    mut page: Page,
    Ctx(ctx): Ctx,
    Path((audience, lang)): Path<(String, String)>,
) -> AppResult<Response> {
    let Ok(audience) = audience.parse::<Audience>() else {
        return Err(crate::core::error::AppError::NotFound);
    };
    if !ctx.lang_chosen {
        page.lang = lang.parse().unwrap_or(page.lang);
    }
    let a = audience.key();
    Ok(message(
        page,
        StatusCode::OK,
        &format!("feedback-thanks-title-{a}"),
        &[format!("feedback-thanks-{a}")],
    ))
}
