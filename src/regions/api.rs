//! `GET /api/v1/areas`: the cooperation areas and their service organisers.

use axum::Json;
use otalusta_domain::region::AREAS;
use serde::Serialize;

#[derive(Serialize, utoipa::ToSchema)]
pub struct AreaJson {
    pub code: String,
    pub name_fi: String,
    pub name_sv: String,
    pub name_en: String,
    /// The university hospital of the area's OT centre.
    pub hospital: String,
    pub organisers: Vec<OrganiserJson>,
}

#[derive(Serialize, utoipa::ToSchema)]
pub struct OrganiserJson {
    pub code: String,
    /// `wellbeing-services-county`, `city` or `hus-group`.
    pub kind: String,
    pub name_fi: String,
    pub name_sv: String,
    pub name_en: String,
}

/// Cooperation areas (public reference data).
#[utoipa::path(get, path = "/api/v1/areas", tag = "regions",
    responses(
        (status = 200, description = "The five cooperation areas", body = Vec<AreaJson>),
        (status = 401, description = "A Bearer token that is unknown, expired or revoked (none is needed here)", body = crate::api::Problem, content_type = "application/problem+json"),
        (status = 403, description = "`password-change-required`: the session's password was issued by an administrator and must first be changed", body = crate::api::Problem, content_type = "application/problem+json"),
    ))]
pub async fn list_areas() -> Json<Vec<AreaJson>> {
    Json(
        AREAS
            .iter()
            .map(|a| AreaJson {
                code: a.code.into(),
                name_fi: a.name_fi.into(),
                name_sv: a.name_sv.into(),
                name_en: a.name_en.into(),
                hospital: a.hospital.into(),
                organisers: a
                    .organisers()
                    .map(|o| OrganiserJson {
                        code: o.code.into(),
                        kind: o.kind.as_str().into(),
                        name_fi: o.name_fi.into(),
                        name_sv: o.name_sv.into(),
                        name_en: o.name_en.into(),
                    })
                    .collect(),
            })
            .collect(),
    )
}
