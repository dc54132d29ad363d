//! Demo data: one account per role (`demo-<role>`), organisations from the
//! source documents, and each capability's own examples.

mod consultations;
mod events;
mod experts;
mod groups;
mod guidance;
pub mod history;
mod knowledge;
mod screenings;

use crate::auth::{admin, password, store};
use crate::core::db::Db;
use crate::regions;
use otalusta_domain::region::DEMO_ORGANISATIONS;
use otalusta_domain::role::{Grant, Role};

/// (role, display name, title, area)
const ACCOUNTS: &[(Role, &str, &str, Option<&str>)] = &[
    (
        Role::Requester,
        "Laura Niskanen",
        "sosiaalityöntekijä",
        Some("ita-suomi"),
    ),
    (
        Role::Expert,
        "Mikko Hyvärinen",
        "lastenpsykiatri",
        Some("ita-suomi"),
    ),
    (
        Role::Secretary,
        "Johanna Lind",
        "suunnittelija, KOSKE",
        Some("ita-suomi"),
    ),
    (
        Role::Coordinator,
        "Tarja Korhonen",
        "OT-koordinaattori",
        Some("ita-suomi"),
    ),
    (
        Role::Researcher,
        "Essi Mäkelä",
        "tutkimuskoordinaattori",
        None,
    ),
    (Role::Auditor, "Pekka Laine", "tietosuojavastaava", None),
    (Role::Admin, "Anna Saarinen", "pääkäyttäjä", None),
];

/// Where each demo account works: its organisation (demo code), whose
/// county and sector the account carries. A group's sector limit and the
/// front page's texts read them.
fn affiliation(role: Role) -> Option<&'static str> {
    match role {
        Role::Requester => Some("keski-suomi-perheneuvola"),
        Role::Expert => Some("kys-lasten-ja-nuorten-osaamiskeskus"),
        Role::Secretary => Some("koske"),
        Role::Coordinator => Some("siun-sote"),
        _ => None,
    }
}

pub fn username(role: Role) -> String {
    format!("demo-{}", role.as_str())
}

/// Creates what is missing and sets every demo account's password to
/// `password`. Returns the user names.
pub async fn ensure(db: &Db, password_plain: &str) -> anyhow::Result<Vec<String>> {
    ensure_with(db, password_plain, experts::INVENTED).await
}

/// [`ensure`] with `invented` made-up experts besides the named ones (tests
/// make their own).
pub async fn ensure_with(
    db: &Db,
    password_plain: &str,
    invented: usize,
) -> anyhow::Result<Vec<String>> {
    let hash = password::hash(password_plain.to_owned()).await?;
    let mut tx = db.begin().await?;
    let (orgs,): (i64,) = sqlx::query_as("SELECT COUNT(*) FROM organisations")
        .fetch_one(&mut *tx)
        .await?;
    if orgs == 0 {
        for o in DEMO_ORGANISATIONS {
            regions::store::insert_organisation(&mut tx, o).await?;
        }
    }
    let mut names = Vec::new();
    for (role, display, title, area) in ACCOUNTS {
        let name = username(*role);
        let existing: Option<(i64,)> = sqlx::query_as("SELECT id FROM users WHERE username = $1")
            .bind(&name)
            .fetch_optional(&mut *tx)
            .await?;
        match existing {
            Some((id,)) => {
                // Demo accounts are logged into directly: never forced to change.
                store::set_password(&mut tx, otalusta_domain::ids::UserId(id), &hash, false)
                    .await?;
                sqlx::query("UPDATE users SET disabled = 0 WHERE id = $1")
                    .bind(id)
                    .execute(&mut *tx)
                    .await?;
            }
            None => {
                let grants = [Grant {
                    role: *role,
                    area: role
                        .needs_area()
                        .then(|| area.unwrap_or("ita-suomi").to_owned()),
                }];
                let org = affiliation(*role).and_then(otalusta_domain::region::demo_organisation);
                let organisation_id: Option<i64> = match org {
                    Some(o) => {
                        sqlx::query_as::<_, (i64,)>("SELECT id FROM organisations WHERE name = $1")
                            .bind(o.name)
                            .fetch_optional(&mut *tx)
                            .await?
                            .map(|(id,)| id)
                    }
                    None => None,
                };
                store::insert_user(
                    &mut tx,
                    &store::NewUser {
                        username: &name,
                        display_name: display,
                        email: &format!("{name}@example.invalid"),
                        title,
                        organisation_id,
                        organiser_code: org.and_then(|o| o.organiser_code),
                        area_code: *area,
                        password_hash: &hash,
                        grants: &grants,
                        must_change_password: false,
                    },
                )
                .await?;
            }
        }
        names.push(name);
    }
    let (groups,): (i64,) = sqlx::query_as("SELECT COUNT(*) FROM consultation_groups")
        .fetch_one(&mut *tx)
        .await?;
    if groups == 0 {
        groups::create(&mut tx).await?;
    }
    let (experts,): (i64,) = sqlx::query_as("SELECT COUNT(*) FROM experts")
        .fetch_one(&mut *tx)
        .await?;
    if experts == 0 {
        experts::create(&mut tx, invented).await?;
    }
    guidance::create(&mut tx).await?;
    tx.commit().await?;
    // The full demo shows requests in their stages too (tests make their own).
    if invented > 0 {
        consultations::create(db).await?;
        screenings::create(db).await?;
        let mut tx = db.begin().await?;
        knowledge::create(&mut tx).await?;
        tx.commit().await?;
        events::create(db).await?;
        let mut tx = db.begin().await?;
        knowledge::link_past_webinar(&mut tx).await?;
        tx.commit().await?;
        // Two years of past requests for the statistics, once; the demo
        // shows them at once.
        if !history::exists(db).await? {
            history::generate(db, 900, 2026).await?;
            crate::stats::snapshot::refresh(db).await?;
        }
    }
    Ok(names)
}

/// The demo password: the one given, if the password rule accepts it for
/// every demo account, or a new random one.
pub fn password_or_generate(
    given: Option<&str>,
) -> Result<String, otalusta_domain::password::PasswordProblem> {
    match given {
        Some(p) if !p.is_empty() => {
            for (role, ..) in ACCOUNTS {
                otalusta_domain::password::check_new(&username(*role), p)?;
            }
            Ok(p.to_owned())
        }
        _ => Ok(admin::generate_password()),
    }
}
