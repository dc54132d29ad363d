//! The FHIR handlers: read, search, vread, the transaction and the
//! capability statement. Case data goes through
//! `consultations::authorize` (policy + access log, refusals included);
//! searches log each case they show (`consultations::log_cases`).

use super::capability::{self, Supported};
use super::outcome::{Issue, expression_of_field, outcome};
use super::{bundle, case, codesystem, directory, questionnaire, respond, search, transaction};
use crate::audit;
use crate::auth::{Ctx, CurrentUser, Session};
use crate::consultations::store::{self as cstore, FormVersion, Request};
use crate::consultations::{authorize, log_cases, log_event, view_action};
use crate::core::error::{AppError, AppResult};
use crate::core::web::{AppState, ReqCtx};
use crate::groups::calendars::GroupCalendar;
use axum::Extension;
use axum::body::Bytes;
use axum::extract::{Path, Query, State};
use axum::http::{HeaderMap, StatusCode, header};
use axum::response::Response;
use otalusta_domain::audit::Outcome;
use otalusta_domain::consultations::{Event, Identification, Status};
use otalusta_domain::ids::{ExpertId, GroupId, RequestId};
use otalusta_domain::policy::{Action, decide};
use otalusta_domain::questionnaire::Check;
use otalusta_domain::role::Role;
use serde_json::Value;
use std::collections::HashMap;
use std::sync::Arc;

type Params = Query<Vec<(String, String)>>;

/// The endpoint's absolute URL: references and canonical URLs use it.
pub fn base(state: &AppState) -> String {
    format!(
        "{}{}",
        state.config.base_url.trim_end_matches('/'),
        super::PATH
    )
}

fn ok(body: &Value) -> Response {
    respond(StatusCode::OK, body)
}

fn unprocessable(issues: &[Issue]) -> Response {
    respond(StatusCode::UNPROCESSABLE_ENTITY, &outcome(issues))
}

fn bad(issues: &[Issue]) -> Response {
    respond(StatusCode::BAD_REQUEST, &outcome(issues))
}

fn kind_of(kind: &str) -> AppResult<&'static Supported> {
    capability::supported(kind).ok_or(AppError::NotFound)
}

const CASE_KINDS: &[&str] = &[
    "QuestionnaireResponse",
    "ServiceRequest",
    "Task",
    "CarePlan",
    "Appointment",
];

/// `GET /fhir/r4/metadata`: public.
pub async fn metadata(State(state): State<AppState>) -> Response {
    ok(&capability::statement(
        &base(&state),
        env!("CARGO_PKG_VERSION"),
    ))
}

/// `GET /fhir/r4/{kind}/{id}`.
pub async fn read(
    State(state): State<AppState>,
    session: Option<Extension<Session>>,
    Ctx(ctx): Ctx,
    Path((kind, id)): Path<(String, String)>,
) -> AppResult<Response> {
    let s = session.map(|Extension(s)| s);
    let sup = kind_of(&kind)?;
    let base = base(&state);
    if !sup.public && s.is_none() {
        return Err(AppError::Unauthenticated);
    }
    let v = match sup.kind {
        "CapabilityStatement" if id == "otalusta" => {
            capability::statement(&base, env!("CARGO_PKG_VERSION"))
        }
        "CodeSystem" if id == codesystem::ID => {
            codesystem::code_system(&base, &phenomena(&state).await?)
        }
        "HealthcareService" => {
            // Also a closed group: old cases refer to it.
            let g = crate::groups::store::get_any(&state.db, GroupId(numeric(&id)?))
                .await?
                .ok_or(AppError::NotFound)?;
            directory::healthcare_service(&base, &g, &phenomena(&state).await?)
        }
        "Practitioner" | "PractitionerRole" => {
            let e = crate::experts::store::get(&state.db, ExpertId(numeric(&id)?))
                .await?
                .ok_or(AppError::NotFound)?;
            let signed_in = may_view_experts(s.as_ref())?;
            if !signed_in && !e.details.listed_publicly {
                return Err(match s {
                    None => AppError::Unauthenticated,
                    Some(_) => AppError::NotFound,
                });
            }
            expert_resource(&state, &base, sup.kind, &e, signed_in).await?
        }
        "Questionnaire" => {
            let s = s.as_ref().ok_or(AppError::Unauthenticated)?;
            s.require(&Action::ViewGroups)?;
            let g = crate::groups::store::get_any(&state.db, GroupId(numeric(&id)?))
                .await?
                .ok_or(AppError::NotFound)?;
            let f = cstore::current_form(&state.db, g.id).await?;
            questionnaire::questionnaire(&base, g.details.name("fi"), &f, g.active)
        }
        k if CASE_KINDS.contains(&k) => {
            let s = s.as_ref().ok_or(AppError::Unauthenticated)?;
            case_read(&state, s, &ctx, &base, k, numeric(&id)?).await?
        }
        _ => return Err(AppError::NotFound),
    };
    Ok(ok(&v))
}

/// `GET /fhir/r4/Questionnaire/{id}/_history/{vid}`: a form version.
pub async fn vread(
    State(state): State<AppState>,
    CurrentUser(s): CurrentUser,
    Path((kind, id, vid)): Path<(String, String, String)>,
) -> AppResult<Response> {
    if kind != "Questionnaire" {
        return Err(AppError::NotFound);
    }
    s.require(&Action::ViewGroups)?;
    let g = crate::groups::store::get_any(&state.db, GroupId(numeric(&id)?))
        .await?
        .ok_or(AppError::NotFound)?;
    let f = cstore::form_of_version(&state.db, g.id, numeric(&vid)?)
        .await?
        .ok_or(AppError::NotFound)?;
    let current = cstore::current_form(&state.db, g.id).await?;
    let v = questionnaire::questionnaire(
        &base(&state),
        g.details.name("fi"),
        &f,
        g.active && current.version == f.version,
    );
    Ok(ok(&v))
}

fn numeric(id: &str) -> AppResult<i64> {
    id.parse().map_err(|_| AppError::NotFound)
}

async fn phenomena(state: &AppState) -> AppResult<Arc<Vec<crate::taxonomy::store::PhenomenonRow>>> {
    Ok(crate::taxonomy::cache::phenomena(state)
        .all(&state.db)
        .await?)
}

/// Signed in (and allowed to see the expert network, like its pages), or
/// anonymous (`false`: the public directory only).
fn may_view_experts(s: Option<&Session>) -> AppResult<bool> {
    match s {
        Some(s) => {
            s.require(&Action::ViewExperts)?;
            Ok(true)
        }
        None => Ok(false),
    }
}

async fn expert_resource(
    state: &AppState,
    base: &str,
    kind: &str,
    e: &crate::experts::store::Expert,
    signed_in: bool,
) -> AppResult<Value> {
    if kind == "Practitioner" {
        return Ok(directory::practitioner(
            e,
            signed_in || e.details.publish_contact,
        ));
    }
    // The groups an expert is in: shown to the signed-in, as the profile
    // page does; the public directory names no members.
    let mut groups = Vec::new();
    if let (Some(user), true) = (e.user_id, signed_in) {
        for (gid, _) in crate::groups::store::memberships(&state.db, user).await? {
            groups.push(gid.0);
        }
    }
    Ok(directory::practitioner_role(
        base,
        e,
        &groups,
        &phenomena(state).await?,
    ))
}

/// One case resource, read through the policy and logged.
async fn case_read(
    state: &AppState,
    s: &Session,
    ctx: &ReqCtx,
    base: &str,
    kind: &str,
    id: i64,
) -> AppResult<Value> {
    let (r, _, role) = authorize(state, s, ctx, id, "request.read", view_action).await?;
    let mut e = log_event(ctx, s, Some(role), "request.read", r.id, Outcome::Success);
    e.purpose = format!("consultation; fhir {kind}");
    audit::store::record(&state.db, e).await?;
    if r.status == Status::Draft && role != Role::Requester {
        return Err(AppError::NotFound);
    }
    let cal = crate::groups::calendars::calendars(state)
        .get(&state.db, r.group_id)
        .await?;
    // Only the ServiceRequest carries the subject: the others neither open
    // the identity code nor log a showing of it.
    let who = if kind == "ServiceRequest" {
        subject(state, s, ctx, &r).await?
    } else {
        case::Subject::Pseudonymous
    };
    let mut forms = HashMap::new();
    case_resource(
        state,
        base,
        kind,
        &r,
        cal.as_deref(),
        role,
        &who,
        &mut forms,
    )
    .await?
    .ok_or(AppError::NotFound)
}

/// Whom the request is about as this caller may see it. Showing the
/// identity code is its own access-log entry, as on the request page.
async fn subject(
    state: &AppState,
    s: &Session,
    ctx: &ReqCtx,
    r: &Request,
) -> AppResult<case::Subject> {
    let Some(sealed) = r
        .identity_cipher
        .as_deref()
        .filter(|_| r.identification != Identification::None)
    else {
        return Ok(case::Subject::Pseudonymous);
    };
    let allowed = decide(
        &s.actor,
        &Action::ViewIdentity {
            requester: r.requester_id,
            group: r.group_id,
        },
    );
    let otalusta_domain::policy::Decision::Allow(role) = allowed else {
        return Ok(case::Subject::Hidden);
    };
    let code = crate::core::crypto::open(&state.config.keys.data, sealed).ok_or_else(|| {
        AppError::Internal(anyhow::anyhow!(
            "identity code of request {} does not open",
            r.id
        ))
    })?;
    let mut e = log_event(
        ctx,
        s,
        Some(role),
        "request.identity.read",
        r.id,
        Outcome::Success,
    );
    e.purpose = format!("consultation; fhir; basis: {}", r.identification.key());
    audit::store::record(&state.db, e).await?;
    Ok(case::Subject::Identified(code))
}

#[allow(clippy::too_many_arguments)]
async fn case_resource(
    state: &AppState,
    base: &str,
    kind: &str,
    r: &Request,
    cal: Option<&GroupCalendar>,
    role: Role,
    who: &case::Subject,
    forms: &mut HashMap<i64, FormVersion>,
) -> AppResult<Option<Value>> {
    // A coordinator sees a request without its content, as in the JSON API.
    let content = role != Role::Coordinator;
    Ok(match kind {
        "QuestionnaireResponse" => {
            if let std::collections::hash_map::Entry::Vacant(slot) = forms.entry(r.form_version_id)
            {
                slot.insert(cstore::form_version(&state.db, r.form_version_id).await?);
            }
            let f = &forms[&r.form_version_id];
            Some(case::questionnaire_response(base, r, f, content))
        }
        "ServiceRequest" => {
            let codes = cstore::phenomena_of(&state.db, r.id).await?;
            Some(case::service_request(
                base,
                r,
                &codes,
                &phenomena(state).await?,
                who,
            ))
        }
        "Task" => {
            let event = match r.status {
                Status::Declined => Some(Event::Declined),
                Status::MoreInfo => Some(Event::MoreInfoAsked),
                _ => None,
            };
            // The reason is case content (the page hides it from a
            // coordinator too).
            let reason = match event.filter(|_| content) {
                Some(ev) => cstore::last_reason(&state.db, r.id, ev).await?,
                None => None,
            };
            Some(case::task(r, reason.as_deref()))
        }
        "CarePlan" if case::has_care_plan(r) && content => {
            let recs = cstore::recommendations(&state.db, r.id).await?;
            Some(case::care_plan(r, &recs))
        }
        "Appointment" => {
            let meeting = cal.zip(r.meeting_date).and_then(|(c, d)| c.meeting(d));
            case::appointment(r, meeting.as_ref())
        }
        _ => None,
    })
}

/// `GET /fhir/r4/{kind}?…`: a searchset Bundle of what the caller may see.
pub async fn search(
    State(state): State<AppState>,
    session: Option<Extension<Session>>,
    Ctx(ctx): Ctx,
    Path(kind): Path<String>,
    Query(params): Params,
) -> AppResult<Response> {
    let s = session.map(|Extension(s)| s);
    let sup = kind_of(&kind)?;
    if !sup.public && s.is_none() {
        return Err(AppError::Unauthenticated);
    }
    let criteria = match search::criteria(sup, &params) {
        Ok(c) => c,
        Err(name) => {
            return Ok(bad(&[Issue::new(
                "not-supported",
                format!("Unknown search parameter {name} for {kind}"),
            )
            .at(name)]));
        }
    };
    let paging = match bundle::Paging::read(&params) {
        Ok(p) => p,
        Err(name) => {
            return Ok(bad(&[Issue::new(
                "value",
                format!("{name} must be a number"),
            )
            .at(name)]));
        }
    };
    let base = base(&state);
    let mut found: Vec<Value> = Vec::new();
    // The cases behind `found`, in the same order (case kinds only).
    let mut cases: Vec<(RequestId, Role)> = Vec::new();
    match sup.kind {
        "CapabilityStatement" => {
            found.push(capability::statement(&base, env!("CARGO_PKG_VERSION")))
        }
        "CodeSystem" => found.push(codesystem::code_system(&base, &phenomena(&state).await?)),
        "HealthcareService" => {
            let all = phenomena(&state).await?;
            for g in crate::groups::store::list(&state.db).await? {
                found.push(directory::healthcare_service(&base, &g, &all));
            }
        }
        "Practitioner" | "PractitionerRole" => {
            let signed_in = may_view_experts(s.as_ref())?;
            for e in crate::experts::store::all(&state.db, None).await? {
                if signed_in || e.details.listed_publicly {
                    found.push(expert_resource(&state, &base, sup.kind, &e, signed_in).await?);
                }
            }
        }
        "Questionnaire" => {
            let s = s.as_ref().ok_or(AppError::Unauthenticated)?;
            s.require(&Action::ViewGroups)?;
            for g in crate::groups::store::list(&state.db).await? {
                let f = cstore::current_form(&state.db, g.id).await?;
                found.push(questionnaire::questionnaire(
                    &base,
                    g.details.name("fi"),
                    &f,
                    g.active,
                ));
            }
        }
        k => {
            let s = s.as_ref().ok_or(AppError::Unauthenticated)?;
            let mut visible = crate::consultations::api::visible(&state, s).await?;
            // Newest first by a key that never changes, so that paging
            // neither skips nor repeats a case that changes meanwhile.
            visible.sort_by_key(|v| std::cmp::Reverse(v.0.id.0));
            let mut forms = HashMap::new();
            for (r, cal, role) in visible {
                if r.status == Status::Draft && role != Role::Requester {
                    continue;
                }
                // A search shows no identity code: read the one request.
                let who = if r.identity_cipher.is_some() && r.identification != Identification::None
                {
                    case::Subject::Hidden
                } else {
                    case::Subject::Pseudonymous
                };
                if let Some(v) =
                    case_resource(&state, &base, k, &r, Some(&cal), role, &who, &mut forms).await?
                {
                    found.push(v);
                    cases.push((r.id, role));
                }
            }
        }
    }
    let keep: Vec<bool> = found
        .iter()
        .map(|v| search::matches_all(v, &criteria))
        .collect();
    let mut matched = Vec::new();
    let mut matched_cases = Vec::new();
    for (i, v) in found.into_iter().enumerate() {
        if keep[i] {
            if let Some(id) = cases.get(i) {
                matched_cases.push(*id);
            }
            matched.push(v);
        }
    }
    let total = matched.len();
    let range = paging.range(total);
    let shown_cases: Vec<(RequestId, Role)> = matched_cases
        .get(range.clone())
        .map(<[(RequestId, Role)]>::to_vec)
        .unwrap_or_default();
    let page: Vec<Value> = matched.drain(range).collect();
    if let Some(s) = &s
        && CASE_KINDS.contains(&sup.kind)
    {
        // Each case under the role the policy showed it under.
        // A search that shows none is logged under the caller's own role
        // (none for an account without one).
        let mut roles: Vec<Option<Role>> = shown_cases.iter().map(|c| Some(c.1)).collect();
        roles.sort_by_key(|r| r.map(|r| r.as_str()));
        roles.dedup();
        if roles.is_empty() {
            roles.push(s.actor.primary_role());
        }
        for role in roles {
            let ids: Vec<RequestId> = shown_cases
                .iter()
                .filter(|c| Some(c.1) == role)
                .map(|c| c.0)
                .collect();
            log_cases(
                &state,
                s,
                &ctx,
                role,
                "request.list",
                &ids,
                ("fhir-search", sup.kind),
            )
            .await?;
        }
    }
    Ok(ok(&bundle::searchset(
        &base, sup.kind, &params, paging, total, page,
    )))
}

/// `POST /fhir/r4`: a transaction Bundle of a `QuestionnaireResponse` and a
/// `ServiceRequest` becomes a request through the request form's own
/// checks and storage (`consultations::requests::create_checked`).
pub async fn transaction(
    State(state): State<AppState>,
    CurrentUser(s): CurrentUser,
    Ctx(ctx): Ctx,
    headers: HeaderMap,
    body: Bytes,
) -> AppResult<Response> {
    use crate::consultations::requests::{NewRequest, check_eligible, create_checked};
    let ct = headers
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .unwrap_or("");
    let mime = ct.split(';').next().unwrap_or("").trim();
    if !matches!(
        mime,
        "application/fhir+json" | "application/json" | "application/json+fhir"
    ) {
        return Ok(respond(
            StatusCode::UNSUPPORTED_MEDIA_TYPE,
            &outcome(&[Issue::new("not-supported", "Send application/fhir+json")]),
        ));
    }
    let role = match s.require(&Action::CreateRequest) {
        Ok(role) => role,
        Err(e) => {
            refused(&state, &s, &ctx).await?;
            return Err(e);
        }
    };
    let Ok(bundle) = serde_json::from_slice::<Value>(&body) else {
        return Ok(bad(&[Issue::new("structure", "The body is not JSON")]));
    };
    let base = base(&state);
    let mut inc = match transaction::read(&base, &bundle) {
        Ok(inc) => inc,
        Err(r) if r.structural => return Ok(bad(&r.issues)),
        Err(r) => return Ok(unprocessable(&r.issues)),
    };
    if let Some(once) = inc.posted.get_mut("once") {
        for v in once.iter_mut() {
            *v = transaction::once_key(s.actor.user_id.0, v);
        }
    }
    let g = match crate::groups::store::get(&state.db, GroupId(inc.group)).await? {
        Some(g) => g,
        None => {
            return Ok(unprocessable(&[Issue::new(
                "not-found",
                format!("No consultation group {}", inc.group),
            )
            .at("ServiceRequest.performer")]));
        }
    };
    if let Err(e) = check_eligible(&state, &s, &g).await {
        refused(&state, &s, &ctx).await?;
        return Err(e);
    }
    let form = cstore::current_form(&state.db, g.id).await?;
    let mut issues = Vec::new();
    if let Some(v) = inc.version.filter(|v| *v != form.version) {
        issues.push(
            Issue::new(
                "business-rule",
                format!(
                    "The answers are to version {v} of the form; the current version is {}",
                    form.version
                ),
            )
            .at("QuestionnaireResponse.questionnaire"),
        );
    }
    for link in &inc.links {
        if form.form.item(link).is_none() {
            issues.push(
                Issue::new("not-found", format!("The form has no item {link}"))
                    .at(transaction::item_expr(link)),
            );
        }
    }
    if !issues.is_empty() {
        // Every problem at once: the form's own about the answers too.
        let check = if inc.submit {
            Check::Submit
        } else {
            Check::Draft
        };
        if let Err(problems) = form.form.read(&inc.posted, check) {
            for (field, key) in problems {
                issues.push(
                    Issue::new(
                        if key == "field-required" {
                            "required"
                        } else {
                            "invalid"
                        },
                        state.i18n.t(crate::core::i18n::Lang::En, key, &[]),
                    )
                    .at(expression_of_field(&field)),
                );
            }
        }
        return Ok(unprocessable(&issues));
    }
    let mut replayed = false;
    let id = match create_checked(&state, &s, &ctx, role, &g, &form, &inc.posted).await? {
        NewRequest::Created { id, .. } => id,
        NewRequest::Replayed(answer) => {
            replayed = true;
            let id = answer
                .trim_start_matches("/requests/")
                .split('?')
                .next()
                .and_then(|i| i.parse().ok())
                .ok_or(AppError::Conflict("error-conflict"))?;
            RequestId(id)
        }
        NewRequest::Invalid(errors) => return Err(AppError::Invalid(errors)),
    };
    let created: Vec<(String, String)> = inc
        .order
        .iter()
        .map(|k| ((*k).to_owned(), id.0.to_string()))
        .collect();
    let mut res = ok(&bundle::transaction_response(
        &created,
        &crate::core::db::now(),
        replayed,
    ));
    if let Ok(v) = format!("{base}/ServiceRequest/{}", id.0).parse() {
        res.headers_mut().insert(header::LOCATION, v);
    }
    Ok(res)
}

/// A refused create, in the access log.
async fn refused(state: &AppState, s: &Session, ctx: &ReqCtx) -> AppResult<()> {
    let mut e = audit::event(
        ctx,
        Some(s),
        s.actor.primary_role(),
        "request.create",
        ("request", "fhir-transaction"),
        Outcome::Denied,
    );
    e.purpose = "consultation; fhir transaction".into();
    audit::store::record(&state.db, e).await?;
    Ok(())
}
