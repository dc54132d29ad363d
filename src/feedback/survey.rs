//! Loppukysely: the requester's close-out survey inside the follow-up form.
//!
//! The follow-up handler (`consultations::after::follow_up`) reads the
//! survey's fields with the rest of the form, refuses the whole form when a
//! required answer is missing, and stores the answers with
//! [`store_answers`] in the follow-up's own transaction.

use super::store;
use crate::core::error::{AppError, AppResult, FieldErrors};
use crate::core::page::Page;
use crate::core::web::AppState;
use otalusta_domain::feedback::{SURVEY_PREFIX, read_survey};
use otalusta_domain::ids::RequestId;
use otalusta_domain::questionnaire::Answers;
use std::collections::HashMap;

/// One survey question as the follow-up form shows it.
pub struct SurveyQuestion {
    /// The form field: `survey_KEY`.
    pub field: String,
    /// `single-choice` or `long-text`.
    pub kind: &'static str,
    pub label: String,
    pub help: String,
    pub required: bool,
    /// (code, label)
    pub choices: Vec<(String, String)>,
}

/// The current survey's questions in the page's language.
pub async fn questions(state: &AppState, page: &Page) -> AppResult<Vec<SurveyQuestion>> {
    let v = store::current_survey(&state.db).await?;
    let lang = page.lang.code();
    Ok(v.survey
        .items
        .iter()
        .map(|i| SurveyQuestion {
            field: format!("{SURVEY_PREFIX}{}", i.key),
            kind: i.kind.key(),
            label: i.label.get(lang).to_owned(),
            help: i.help.get(lang).to_owned(),
            required: i.required,
            choices: i
                .choices
                .iter()
                .map(|c| (c.key.clone(), c.label.get(lang).to_owned()))
                .collect(),
        })
        .collect())
}

/// The survey's answers as posted, checked against the current version;
/// problems are added to `errors` on their `survey_KEY` fields.
pub async fn read(
    state: &AppState,
    posted: &HashMap<String, Vec<String>>,
    errors: &mut FieldErrors,
) -> AppResult<(i64, Option<Answers>)> {
    let v = store::current_survey(&state.db).await?;
    match read_survey(&v.survey, posted) {
        Ok(a) => Ok((v.id, Some(a))),
        Err(problems) => {
            for (field, code) in problems {
                errors.add(&field, code);
            }
            Ok((v.id, None))
        }
    }
}

/// Stores the answers in the follow-up's transaction, once per request: a
/// second attempt (another tab, a script) is a conflict and keeps the
/// first answers.
pub async fn store_answers(
    tx: &mut crate::core::db::Tx,
    request: RequestId,
    version_id: i64,
    answers: &Answers,
) -> AppResult<()> {
    if store::answer_survey(tx, request, version_id, answers).await? {
        Ok(())
    } else {
        Err(AppError::Conflict("survey-already-answered"))
    }
}
