//! Käyttäjähallinta: the administrator's accounts pages, and the account
//! creation shared with the `otalusta user` command.

use super::{Ctx, CurrentUser, password, store};
use crate::audit;
use crate::core::db::Db;
use crate::core::error::{AppError, AppResult, FieldErrors};
use crate::core::forms::{CsrfForm, Empty};
use crate::core::page::{Page, render, render_invalid};
use crate::core::web::{AppState, random_token};
use askama::Template;
use axum::extract::{Path, State};
use axum::response::{IntoResponse, Redirect, Response};
use otalusta_domain::audit::Outcome;
use otalusta_domain::ids::UserId;
use otalusta_domain::policy::Action;
use otalusta_domain::region::AREAS;
use otalusta_domain::role::{Grant, Role};
use serde::Deserialize;

/// A new account as typed in; [`validate`] turns it into grants.
#[derive(Debug, Default, Clone, Deserialize)]
pub struct AccountInput {
    #[serde(default)]
    pub username: String,
    #[serde(default)]
    pub display_name: String,
    #[serde(default)]
    pub email: String,
    #[serde(default)]
    pub title: String,
    #[serde(default)]
    pub roles: Vec<String>,
    #[serde(default)]
    pub area: String,
    /// The organisation's id (its sector binds a group's sector limit).
    #[serde(default)]
    pub organisation: String,
    /// The wellbeing services county's code.
    #[serde(default)]
    pub county: String,
}

impl AccountInput {
    pub fn has_role(&self, role: &Role) -> bool {
        self.roles.iter().any(|r| r == role.as_str())
    }
}

pub fn valid_username(u: &str) -> bool {
    let u = u.trim();
    (2..=64).contains(&u.len())
        && u.chars().next().is_some_and(|c| c.is_ascii_alphanumeric())
        && u.chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || matches!(c, '.' | '_' | '-'))
}

/// Checks an account's fields; returns its grants or the field errors.
pub fn validate(input: &AccountInput) -> Result<Vec<Grant>, FieldErrors> {
    let mut errors = FieldErrors::new();
    if !valid_username(&store::normalize_username(&input.username)) {
        errors.add("username", "username-invalid");
    }
    let name = input.display_name.trim();
    if name.is_empty() {
        errors.add("display_name", "field-required");
    } else if name.chars().count() > 120 {
        errors.add("display_name", "field-too-long");
    }
    let email = input.email.trim();
    if !email.is_empty()
        && (email.len() > 254 || !email.contains('@') || email.contains(char::is_whitespace))
    {
        errors.add("email", "email-invalid");
    }
    if input.title.trim().chars().count() > 120 {
        errors.add("title", "field-too-long");
    }
    let grants = check_access(&input.roles, &input.area, &mut errors);
    check_affiliation(&input.organisation, &input.county, &mut errors);
    if errors.is_empty() {
        Ok(grants)
    } else {
        Err(errors)
    }
}

/// A wellbeing services county chosen as the area: a coordinator scoped
/// to one county (the groups serving it), not the whole cooperation area.
fn county_of(code: &str) -> Option<&'static otalusta_domain::region::Organiser> {
    otalusta_domain::region::organiser(code).filter(|o| o.is_county())
}

/// The account's own cooperation area for what was chosen as its area: a
/// county lies in one.
pub(crate) fn user_area(area: &str) -> Option<&str> {
    let area = area.trim();
    match county_of(area) {
        Some(c) => Some(c.area_code),
        None => (!area.is_empty()).then_some(area),
    }
}

/// Checks the organisation id and the county code as typed (the
/// organisation's existence is checked against the database by the caller).
fn check_affiliation(
    organisation: &str,
    county: &str,
    errors: &mut FieldErrors,
) -> store::Affiliation {
    let organisation_id = match organisation.trim() {
        "" => None,
        o => match o.parse::<i64>() {
            Ok(id) => Some(id),
            Err(_) => {
                errors.add("organisation", "organisation-unknown");
                None
            }
        },
    };
    let county = match county.trim() {
        "" => None,
        c if otalusta_domain::region::counties().any(|o| o.code == c) => Some(c.to_owned()),
        _ => {
            errors.add("county", "county-unknown");
            None
        }
    };
    store::Affiliation {
        organisation_id,
        county,
    }
}

/// The organisations and counties to choose from, in the page's language.
pub struct AffiliationOptions {
    /// (id, "name (sector)")
    pub organisations: Vec<(String, String)>,
    /// (code, name)
    pub counties: Vec<(&'static str, String)>,
}

async fn affiliation_options(db: &Db, page: &Page) -> AppResult<AffiliationOptions> {
    let organisations = crate::regions::store::organisations(db)
        .await?
        .into_iter()
        .map(|o| {
            (
                o.id.to_string(),
                format!("{} ({})", o.name, page.t(&format!("sector-{}", o.sector))),
            )
        })
        .collect();
    let counties = otalusta_domain::region::counties()
        .map(|c| (c.code, c.name(page.lang.code()).to_owned()))
        .collect();
    Ok(AffiliationOptions {
        organisations,
        counties,
    })
}

/// Whether the chosen organisation exists (else the field's error).
async fn organisation_exists(
    db: &Db,
    a: &store::Affiliation,
    errors: &mut FieldErrors,
) -> AppResult<()> {
    if let Some(id) = a.organisation_id {
        let found: Option<(i64,)> = sqlx::query_as("SELECT id FROM organisations WHERE id = $1")
            .bind(id)
            .fetch_optional(db.pool())
            .await?;
        if found.is_none() {
            errors.add("organisation", "organisation-unknown");
        }
    }
    Ok(())
}

/// Checks roles and area (of a new account or a changed one) into grants,
/// adding what is wrong to `errors`.
pub(crate) fn check_access(roles: &[String], area: &str, errors: &mut FieldErrors) -> Vec<Grant> {
    let area = area.trim();
    if !area.is_empty() && !AREAS.iter().any(|a| a.code == area) && county_of(area).is_none() {
        errors.add("area", "area-unknown");
    }
    let mut grants = Vec::new();
    for r in roles {
        match r.parse::<Role>() {
            Ok(role) if role.needs_area() && area.is_empty() => {
                errors.add("area", "area-required-for-coordinator")
            }
            Ok(role) => grants.push(Grant {
                role,
                area: role.needs_area().then(|| area.to_owned()),
            }),
            Err(_) => errors.add("roles", "role-unknown"),
        }
    }
    if roles.is_empty() {
        errors.add("roles", "roles-required");
    }
    grants.sort_by_key(|g| g.role);
    grants.dedup();
    grants
}

/// Creates an account with `password` (already checked by the caller) and
/// writes `log(id)` to the access log in the same transaction. With
/// `must_change`, the password is the administrator's to hand over and the
/// person must change it at their first login.
pub async fn create_account(
    db: &Db,
    input: &AccountInput,
    grants: &[Grant],
    password_plain: &str,
    must_change: bool,
    log: impl FnOnce(UserId) -> otalusta_domain::audit::AuditEvent,
) -> AppResult<UserId> {
    let hash = password::hash(password_plain.to_owned()).await?;
    let username = store::normalize_username(&input.username);
    if store::find_user_by_name(db, &username).await?.is_some() {
        let mut e = FieldErrors::new();
        e.add("username", "username-taken");
        return Err(AppError::Invalid(e));
    }
    let affiliation =
        check_affiliation(&input.organisation, &input.county, &mut FieldErrors::new());
    let mut errors = FieldErrors::new();
    organisation_exists(db, &affiliation, &mut errors).await?;
    errors.into_result()?;
    let mut tx = db.begin().await?;
    let id = store::insert_user(
        &mut tx,
        &store::NewUser {
            username: &username,
            display_name: input.display_name.trim(),
            email: input.email.trim(),
            title: input.title.trim(),
            organisation_id: affiliation.organisation_id,
            area_code: user_area(&input.area),
            organiser_code: affiliation.county.as_deref(),
            password_hash: &hash,
            grants,
            must_change_password: must_change,
        },
    )
    .await?;
    audit::store::append(&mut tx, log(id)).await?;
    tx.commit().await?;
    Ok(id)
}

/// A password for a new account, shown once: 4 groups of 5 letters. Drawn
/// again in the (vanishingly rare) case the password rule refuses it, so
/// every path that checks the rule accepts it.
pub fn generate_password() -> String {
    loop {
        let raw = random_token(24).replace(['-', '_'], "x");
        let password = raw
            .chars()
            .take(20)
            .collect::<Vec<_>>()
            .chunks(5)
            .map(|c| c.iter().collect::<String>())
            .collect::<Vec<_>>()
            .join("-");
        if otalusta_domain::password::check_new("", &password).is_ok() {
            return password;
        }
    }
}

#[derive(Template)]
#[template(path = "admin/users.html")]
pub struct UsersView {
    pub page: Page,
    pub users: Vec<(store::UserRow, Vec<Grant>)>,
    /// Accounts made by single sign-on that wait for approval.
    pub pending: Vec<i64>,
}

impl UsersView {
    pub fn is_pending(&self, id: &i64) -> bool {
        self.pending.contains(id)
    }
}

pub async fn list(
    State(state): State<AppState>,
    CurrentUser(s): CurrentUser,
    page: Page,
) -> AppResult<Response> {
    s.require(&Action::ManageUsers)?;
    let mut users = Vec::new();
    for u in store::list_users(&state.db).await? {
        let grants = store::grants_of(state.db.pool(), UserId(u.id)).await?;
        users.push((u, grants));
    }
    let pending = super::oidc::store::pending_users(&state.db).await?;
    Ok(render(&UsersView {
        page,
        users,
        pending,
    }))
}

#[derive(Template)]
#[template(path = "admin/user_new.html")]
pub struct NewUserView {
    pub page: Page,
    pub input: AccountInput,
    pub errors: FieldErrors,
    pub roles: Vec<Role>,
    pub areas: Vec<(&'static str, String)>,
    pub options: AffiliationOptions,
}

/// The cooperation areas, then the counties (a coordinator scoped to one).
fn area_options(page: &Page) -> Vec<(&'static str, String)> {
    AREAS
        .iter()
        .map(|a| (a.code, a.name(page.lang.code()).to_owned()))
        .chain(otalusta_domain::region::counties().map(|c| {
            (
                c.code,
                page.ta("area-option-county", "name", c.name(page.lang.code())),
            )
        }))
        .collect()
}

pub async fn new_form(
    State(state): State<AppState>,
    CurrentUser(s): CurrentUser,
    page: Page,
) -> AppResult<Response> {
    s.require(&Action::ManageUsers)?;
    let areas = area_options(&page);
    let options = affiliation_options(&state.db, &page).await?;
    Ok(render(&NewUserView {
        page,
        input: AccountInput::default(),
        errors: FieldErrors::new(),
        roles: Role::ALL.to_vec(),
        areas,
        options,
    }))
}

#[derive(Template)]
#[template(path = "admin/user_created.html")]
pub struct CreatedView {
    pub page: Page,
    pub username: String,
    pub password: String,
}

pub async fn create(
    State(state): State<AppState>,
    CurrentUser(s): CurrentUser,
    Ctx(ctx): Ctx,
    page: Page,
    CsrfForm(input): CsrfForm<AccountInput>,
) -> AppResult<Response> {
    let role = s.require(&Action::ManageUsers)?;
    let options = affiliation_options(&state.db, &page).await?;
    let again = |page: Page, input: AccountInput, errors: FieldErrors| {
        let areas = area_options(&page);
        render_invalid(&NewUserView {
            page,
            input,
            errors,
            roles: Role::ALL.to_vec(),
            areas,
            options,
        })
    };
    let grants = match validate(&input) {
        Ok(g) => g,
        Err(errors) => return Ok(again(page, input, errors)),
    };
    let password = generate_password();
    let log = |id: UserId| {
        audit::event(
            &ctx,
            Some(&s),
            Some(role),
            "user.create",
            ("user", &id.to_string()),
            Outcome::Success,
        )
    };
    // The administrator sees the password: it is theirs, not the person's,
    // until it is changed at the first login.
    match create_account(&state.db, &input, &grants, &password, true, log).await {
        Ok(_) => {}
        Err(AppError::Invalid(errors)) => return Ok(again(page, input, errors)),
        Err(e) => return Err(e),
    }
    Ok(render(&CreatedView {
        page,
        username: store::normalize_username(&input.username),
        password,
    }))
}

#[derive(Template)]
#[template(path = "admin/user.html")]
pub struct UserView {
    pub page: Page,
    pub user: store::UserRow,
    pub grants: Vec<Grant>,
    /// The roles and area form: as stored, or as sent back with errors.
    pub access: AccessInput,
    pub errors: FieldErrors,
    pub roles: Vec<Role>,
    pub areas: Vec<(&'static str, String)>,
    pub options: AffiliationOptions,
    /// The organisation and county in words.
    pub organisation: String,
    pub county: String,
    /// The administrator's own account: no disabling, no password reset.
    pub is_self: bool,
    /// Single sign-on: (the provider's name, waiting for approval).
    pub sso: Vec<(String, bool)>,
}

impl UserView {
    async fn load(
        state: &AppState,
        s: &super::Session,
        page: Page,
        id: UserId,
        form: Option<(AccessInput, FieldErrors)>,
    ) -> AppResult<UserView> {
        let user = store::get_user(&state.db, id)
            .await?
            .ok_or(AppError::NotFound)?;
        let grants = store::grants_of(state.db.pool(), id).await?;
        let (access, errors) = form.unwrap_or_else(|| {
            let mut a = AccessInput::from_stored(user.area_code.as_deref(), &grants);
            a.organisation = user
                .organisation_id
                .map(|o| o.to_string())
                .unwrap_or_default();
            a.county = user.organiser_code.clone().unwrap_or_default();
            (a, FieldErrors::new())
        });
        let areas = area_options(&page);
        let options = affiliation_options(&state.db, &page).await?;
        let organisation = user
            .organisation_id
            .and_then(|id| {
                options
                    .organisations
                    .iter()
                    .find(|(o, _)| *o == id.to_string())
                    .map(|(_, n)| n.clone())
            })
            .unwrap_or_else(|| "–".into());
        let county = user
            .organiser_code
            .as_deref()
            .and_then(otalusta_domain::region::organiser)
            .map(|o| o.name(page.lang.code()).to_owned())
            .unwrap_or_else(|| "–".into());
        Ok(UserView {
            page,
            user,
            grants,
            access,
            errors,
            roles: Role::ALL.to_vec(),
            areas,
            options,
            organisation,
            county,
            is_self: id == s.actor.user_id,
            sso: super::oidc::store::links_of(&state.db, id)
                .await?
                .into_iter()
                .map(|(p, pending)| {
                    let name = super::oidc::sso(state)
                        .provider(&p)
                        .map(|x| x.display_name.clone())
                        .unwrap_or(p);
                    (name, pending)
                })
                .collect(),
        })
    }
}

pub async fn show(
    State(state): State<AppState>,
    CurrentUser(s): CurrentUser,
    Ctx(ctx): Ctx,
    page: Page,
    Path(id): Path<i64>,
) -> AppResult<Response> {
    let id = UserId(id);
    let role = match s.require(&Action::ViewUser { user: id }) {
        Ok(r) => r,
        Err(e) => {
            let ev = audit::event(
                &ctx,
                Some(&s),
                s.actor.primary_role(),
                "user.read",
                ("user", &id.to_string()),
                Outcome::Denied,
            );
            audit::store::record(&state.db, ev).await?;
            return Err(e);
        }
    };
    let view = UserView::load(&state, &s, page, id, None).await?;
    let ev = audit::event(
        &ctx,
        Some(&s),
        Some(role),
        "user.read",
        ("user", &id.to_string()),
        Outcome::Success,
    );
    audit::store::record(&state.db, ev).await?;
    Ok(render(&view))
}

/// An account's roles and area as the administrator's form sends them.
#[derive(Debug, Default, Clone, Deserialize)]
pub struct AccessInput {
    #[serde(default)]
    pub roles: Vec<String>,
    #[serde(default)]
    pub area: String,
    #[serde(default)]
    pub organisation: String,
    #[serde(default)]
    pub county: String,
}

impl AccessInput {
    fn from_stored(area: Option<&str>, grants: &[Grant]) -> AccessInput {
        AccessInput {
            roles: grants.iter().map(|g| g.role.as_str().to_owned()).collect(),
            // A coordinator scoped to a county shows the county.
            area: grants
                .iter()
                .find_map(|g| g.area.clone().filter(|a| county_of(a).is_some()))
                .or_else(|| area.map(str::to_owned))
                .or_else(|| grants.iter().find_map(|g| g.area.clone()))
                .unwrap_or_default(),
            organisation: String::new(),
            county: String::new(),
        }
    }

    pub fn has_role(&self, role: &Role) -> bool {
        self.roles.iter().any(|r| r == role.as_str())
    }
}

/// Roles, area, organisation and county in words for the access log:
/// `roles admin, coordinator@ita-suomi; area ita-suomi; organisation 3; county keski-suomi`.
fn describe_access(area: Option<&str>, a: &store::Affiliation, grants: &[Grant]) -> String {
    format!(
        "{}; organisation {}; county {}",
        describe_roles(area, grants),
        a.organisation_id
            .map(|o| o.to_string())
            .unwrap_or_else(|| "-".into()),
        a.county.as_deref().unwrap_or("-")
    )
}

fn describe_roles(area: Option<&str>, grants: &[Grant]) -> String {
    let mut roles: Vec<String> = grants
        .iter()
        .map(|g| match &g.area {
            Some(a) => format!("{}@{a}", g.role.as_str()),
            None => g.role.as_str().to_owned(),
        })
        .collect();
    // By name, as stored, so the same roles always read the same.
    roles.sort();
    format!(
        "roles {}; area {}",
        if roles.is_empty() {
            "-".to_owned()
        } else {
            roles.join(", ")
        },
        area.filter(|a| !a.is_empty()).unwrap_or("-")
    )
}

/// Changes an account's roles and area. The change and its access-log entry
/// (before → after) are one transaction; then every node's sessions are
/// re-read (`lease::settle`), so the new roles hold on the next request.
/// An administrator cannot take their own administrator role away: the
/// service could be left with nobody to manage accounts.
pub async fn update_access(
    State(state): State<AppState>,
    CurrentUser(s): CurrentUser,
    Ctx(ctx): Ctx,
    page: Page,
    Path(id): Path<i64>,
    CsrfForm(input): CsrfForm<AccessInput>,
) -> AppResult<Response> {
    let role = s.require(&Action::ManageUsers)?;
    let id = UserId(id);
    let mut errors = FieldErrors::new();
    let grants = check_access(&input.roles, &input.area, &mut errors);
    let affiliation = check_affiliation(&input.organisation, &input.county, &mut errors);
    organisation_exists(&state.db, &affiliation, &mut errors).await?;
    if id == s.actor.user_id && errors.get("roles").is_none() && !input.has_role(&Role::Admin) {
        errors.add("roles", "user-cannot-remove-own-admin");
    }
    if !errors.is_empty() {
        let view = UserView::load(&state, &s, page, id, Some((input, errors))).await?;
        return Ok(render_invalid(&view));
    }
    let area = user_area(&input.area);
    let mut tx = state.db.begin().await?;
    store::lock_admins(&mut tx, state.db.locks_rows()).await?;
    let (area_before, affiliation_before, grants_before) =
        store::lock_access(&mut tx, id, state.db.locks_rows())
            .await?
            .ok_or(AppError::NotFound)?;
    let before = describe_access(area_before.as_deref(), &affiliation_before, &grants_before);
    let after = describe_access(area, &affiliation, &grants);
    if before != after {
        store::set_access(&mut tx, id, area, &affiliation, &grants).await?;
        if store::enabled_admins(&mut tx).await? == 0 {
            tx.rollback().await?;
            let mut errors = FieldErrors::new();
            errors.add("roles", "user-last-admin");
            let view = UserView::load(&state, &s, page, id, Some((input, errors))).await?;
            return Ok(render_invalid(&view));
        }
        let mut e = audit::event(
            &ctx,
            Some(&s),
            Some(role),
            "user.roles.update",
            ("user", &id.to_string()),
            Outcome::Success,
        );
        e.purpose = format!("{before} -> {after}");
        audit::store::append(&mut tx, e).await?;
        tx.commit().await?;
        super::lease::settle(&state).await;
    }
    Ok(Redirect::to(&format!("/admin/users/{id}?done=roles-saved")).into_response())
}

#[derive(Template)]
#[template(path = "admin/user_password.html")]
pub struct PasswordIssuedView {
    pub page: Page,
    pub user_id: i64,
    pub username: String,
    pub password: String,
}

/// Gives an account a new password for the administrator to hand over:
/// its sessions end, and the person must change the password at their next
/// login (the administrator has seen it).
pub async fn reset_password(
    State(state): State<AppState>,
    CurrentUser(s): CurrentUser,
    Ctx(ctx): Ctx,
    page: Page,
    Path(id): Path<i64>,
    CsrfForm(_): CsrfForm<Empty>,
) -> AppResult<Response> {
    let role = s.require(&Action::ManageUsers)?;
    let id = UserId(id);
    if id == s.actor.user_id {
        return Err(AppError::Conflict("user-cannot-reset-self"));
    }
    let user = store::get_user(&state.db, id)
        .await?
        .ok_or(AppError::NotFound)?;
    let password = generate_password();
    let hash = password::hash(password.clone()).await?;
    let mut tx = state.db.begin().await?;
    if !store::set_password(&mut tx, id, &hash, true).await? {
        return Err(AppError::NotFound);
    }
    store::delete_sessions_of(&mut tx, id).await?;
    // A new password is issued when the old one may be known to someone
    // else: what they could have made with it goes too.
    store::revoke_tokens_of(&mut tx, id).await?;
    let e = audit::event(
        &ctx,
        Some(&s),
        Some(role),
        "user.password.reset",
        ("user", &id.to_string()),
        Outcome::Success,
    );
    audit::store::append(&mut tx, e).await?;
    tx.commit().await?;
    super::lease::settle(&state).await;
    Ok(render(&PasswordIssuedView {
        page,
        user_id: id.0,
        username: user.username,
        password,
    }))
}

async fn set_disabled(
    state: &AppState,
    s: &super::Session,
    ctx: &crate::core::web::ReqCtx,
    id: i64,
    disabled: bool,
) -> AppResult<Response> {
    let role = s.require(&Action::ManageUsers)?;
    let id = UserId(id);
    if id == s.actor.user_id && disabled {
        return Err(AppError::Conflict("user-cannot-disable-self"));
    }
    let mut tx = state.db.begin().await?;
    store::lock_admins(&mut tx, state.db.locks_rows()).await?;
    if !store::set_disabled(&mut tx, id, disabled).await? {
        return Err(AppError::NotFound);
    }
    if disabled && store::enabled_admins(&mut tx).await? == 0 {
        return Err(AppError::Conflict("user-last-admin"));
    }
    let action = if disabled {
        "user.disable"
    } else {
        "user.enable"
    };
    let e = audit::event(
        ctx,
        Some(s),
        Some(role),
        action,
        ("user", &id.to_string()),
        Outcome::Success,
    );
    audit::store::append(&mut tx, e).await?;
    tx.commit().await?;
    super::lease::settle(state).await;
    Ok(Redirect::to(&format!("/admin/users/{id}")).into_response())
}

pub async fn disable(
    State(state): State<AppState>,
    CurrentUser(s): CurrentUser,
    Ctx(ctx): Ctx,
    Path(id): Path<i64>,
    CsrfForm(_): CsrfForm<Empty>,
) -> AppResult<Response> {
    set_disabled(&state, &s, &ctx, id, true).await
}

pub async fn enable(
    State(state): State<AppState>,
    CurrentUser(s): CurrentUser,
    Ctx(ctx): Ctx,
    Path(id): Path<i64>,
    CsrfForm(_): CsrfForm<Empty>,
) -> AppResult<Response> {
    set_disabled(&state, &s, &ctx, id, false).await
}

#[cfg(test)]
mod tests {
    use super::*;

    fn input(roles: &[&str], area: &str) -> AccountInput {
        AccountInput {
            organisation: String::new(),
            county: String::new(),
            username: "Anna.Virtanen".into(),
            display_name: "Anna Virtanen".into(),
            roles: roles.iter().map(|r| r.to_string()).collect(),
            area: area.into(),
            ..Default::default()
        }
    }

    #[test]
    fn coordinator_needs_an_area() {
        let e = validate(&input(&["coordinator"], "")).unwrap_err();
        assert_eq!(e.get("area"), Some("area-required-for-coordinator"));
        let g = validate(&input(&["coordinator", "expert"], "ita-suomi")).unwrap();
        assert_eq!(g.len(), 2);
        assert_eq!(g[1].area.as_deref(), Some("ita-suomi"));
    }

    #[test]
    fn bad_fields_are_named() {
        let mut i = input(&["wizard"], "atlantis");
        i.username = "-x".into();
        i.email = "not an email".into();
        let e = validate(&i).unwrap_err();
        for f in ["username", "roles", "area", "email"] {
            assert!(e.get(f).is_some(), "{f} not flagged: {e:?}");
        }
    }

    #[test]
    fn access_is_described_without_anything_else() {
        let grants = validate(&input(&["coordinator", "expert"], "ita-suomi")).unwrap();
        let a = store::Affiliation {
            organisation_id: Some(3),
            county: Some("keski-suomi".into()),
        };
        assert_eq!(
            describe_access(Some("ita-suomi"), &a, &grants),
            "roles coordinator@ita-suomi, expert; area ita-suomi; organisation 3; county keski-suomi"
        );
        assert_eq!(
            describe_access(None, &store::Affiliation::default(), &[]),
            "roles -; area -; organisation -; county -"
        );
    }

    #[test]
    fn an_unknown_county_or_a_bad_organisation_is_named() {
        let mut i = input(&["requester"], "ita-suomi");
        i.county = "ita-suomi".into(); // an area, not a county
        i.organisation = "abc".into();
        let e = validate(&i).unwrap_err();
        assert_eq!(e.get("county"), Some("county-unknown"));
        assert_eq!(e.get("organisation"), Some("organisation-unknown"));
        i.county = "keski-suomi".into();
        i.organisation = "3".into();
        assert!(validate(&i).is_ok());
    }

    #[test]
    fn generated_passwords_pass_the_rules() {
        let p = generate_password();
        assert_eq!(p.len(), 23);
        assert!(otalusta_domain::password::check_new("someone", &p).is_ok());
    }
}
