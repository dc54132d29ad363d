//! The administrator changes an existing account's roles and area.

use crate::helpers::*;
use otalusta_domain::role::Role;

async fn status(c: &reqwest::Client, app: &TestApp, path: &str) -> u16 {
    c.get(app.url(path)).send().await.unwrap().status().as_u16()
}

async fn roles_of(app: &TestApp, username: &str) -> Vec<(String, String)> {
    sqlx::query_as(
        "SELECT r.role, r.area_code FROM user_roles r JOIN users u ON u.id = r.user_id \
         WHERE u.username = $1 ORDER BY r.role",
    )
    .bind(username)
    .fetch_all(app.state.db.pool())
    .await
    .unwrap()
}

#[tokio::test]
async fn roles_and_area_change_at_once_for_the_signed_in_user_and_are_logged() {
    let app = TestApp::spawn().await;
    let admin = app.login(Role::Admin).await;
    let expert = app.login(Role::Expert).await;
    let id = app.user_id("demo-expert").await;
    let page = format!("/admin/users/{id}");
    let action = format!("{page}/roles");
    // The form sends the account's organisation and county too (unchanged here).
    let (org,): (i64,) = sqlx::query_as("SELECT organisation_id FROM users WHERE id = $1")
        .bind(id)
        .fetch_one(app.state.db.pool())
        .await
        .unwrap();
    let org = org.to_string();
    let kept = [("organisation", org.as_str()), ("county", "pohjois-savo")];
    let at = format!("; organisation {org}; county pohjois-savo");
    // Before: an expert, no coordinator's pages.
    assert_eq!(status(&expert, &app, "/phenomena/new").await, 403);

    let res = app
        .post_form(
            &admin,
            &page,
            &action,
            &[
                ("roles", "expert"),
                ("roles", "coordinator"),
                ("area", "etela-suomi"),
                kept[0],
                kept[1],
            ],
        )
        .await;
    assert_eq!(res.status(), 303);
    assert_eq!(
        res.headers()["location"],
        format!("{page}?done=roles-saved").as_str()
    );
    assert_eq!(
        roles_of(&app, "demo-expert").await,
        [
            ("coordinator".to_owned(), "etela-suomi".to_owned()),
            ("expert".to_owned(), String::new())
        ]
    );
    // The expert's open session has the new role on its next request, and
    // the area counts: another area's export stays closed.
    assert_eq!(status(&expert, &app, "/phenomena/new").await, 200);
    assert_eq!(
        status(&expert, &app, "/experts/export.csv?area=ita-suomi").await,
        403
    );
    let shown = admin
        .get(app.url(&format!("{page}?done=roles-saved")))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(shown.contains("Roolit ja alue on tallennettu"));
    assert!(shown.contains("OT-koordinaattori (etela-suomi)"));

    // Another area.
    let res = app
        .post_form(
            &admin,
            &page,
            &action,
            &[
                ("roles", "expert"),
                ("roles", "coordinator"),
                ("area", "ita-suomi"),
                kept[0],
                kept[1],
            ],
        )
        .await;
    assert_eq!(res.status(), 303);
    assert_eq!(
        status(&expert, &app, "/experts/export.csv?area=ita-suomi").await,
        200
    );
    // And back: the role taken away holds at once as well.
    let res = app
        .post_form(
            &admin,
            &page,
            &action,
            &[("roles", "expert"), kept[0], kept[1]],
        )
        .await;
    assert_eq!(res.status(), 303);
    assert_eq!(status(&expert, &app, "/phenomena/new").await, 403);
    assert_eq!(
        roles_of(&app, "demo-expert").await,
        [("expert".to_owned(), String::new())]
    );
    // The same again changes nothing and logs nothing.
    let res = app
        .post_form(
            &admin,
            &page,
            &action,
            &[("roles", "expert"), kept[0], kept[1]],
        )
        .await;
    assert_eq!(res.status(), 303);

    let log: Vec<(String, String, String, String)> = sqlx::query_as(
        "SELECT actor_name, role, object_id, purpose FROM audit_log \
         WHERE action = 'user.roles.update' ORDER BY seq",
    )
    .fetch_all(app.state.db.pool())
    .await
    .unwrap();
    let who = ("demo-admin".to_owned(), "admin".to_owned(), id.to_string());
    assert_eq!(
        log,
        [
            (
                who.0.clone(),
                who.1.clone(),
                who.2.clone(),
                format!(
                    "roles expert; area ita-suomi{at} -> \
                     roles coordinator@etela-suomi, expert; area etela-suomi{at}"
                )
            ),
            (
                who.0.clone(),
                who.1.clone(),
                who.2.clone(),
                format!(
                    "roles coordinator@etela-suomi, expert; area etela-suomi{at} -> \
                     roles coordinator@ita-suomi, expert; area ita-suomi{at}"
                )
            ),
            (
                who.0,
                who.1,
                who.2,
                format!(
                    "roles coordinator@ita-suomi, expert; area ita-suomi{at} -> \
                     roles expert; area -{at}"
                )
            ),
        ]
    );
}

#[tokio::test]
async fn bad_role_changes_are_refused_with_reasons_and_change_nothing() {
    let app = TestApp::spawn().await;
    let admin = app.login(Role::Admin).await;
    let id = app.user_id("demo-researcher").await;
    let page = format!("/admin/users/{id}");
    let action = format!("{page}/roles");
    for (fields, field, message) in [
        (
            vec![("roles", "coordinator")],
            "area-error",
            "OT-koordinaattorille on valittava yhteistyöalue.",
        ),
        (
            vec![("roles", "wizard")],
            "roles-error",
            "Tuntematon rooli.",
        ),
        (vec![], "roles-error", "Valitse vähintään yksi rooli."),
        (
            vec![("roles", "researcher"), ("area", "atlantis")],
            "area-error",
            "Tuntematon yhteistyöalue.",
        ),
    ] {
        let res = app.post_form(&admin, &page, &action, &fields).await;
        assert_eq!(res.status(), 422, "{fields:?}");
        let body = res.text().await.unwrap();
        assert!(body.contains(&format!("id=\"{field}\"")), "{fields:?}");
        assert!(body.contains(message), "{fields:?}: {body}");
    }
    assert_eq!(
        roles_of(&app, "demo-researcher").await,
        [("researcher".to_owned(), String::new())]
    );
    assert!(audit_entries(&app, "user.roles.update").await.is_empty());
    let res = app
        .post_form(
            &admin,
            &page,
            "/admin/users/999999/roles",
            &[("roles", "expert")],
        )
        .await;
    assert_eq!(res.status(), 404);
}

#[tokio::test]
async fn an_admin_cannot_remove_their_own_admin_role() {
    let app = TestApp::spawn().await;
    let admin = app.login(Role::Admin).await;
    let id = app.user_id("demo-admin").await;
    let page = format!("/admin/users/{id}");
    let res = app
        .post_form(
            &admin,
            &page,
            &format!("{page}/roles"),
            &[("roles", "researcher")],
        )
        .await;
    assert_eq!(res.status(), 422);
    let body = res.text().await.unwrap();
    assert!(
        body.contains("Et voi poistaa omaa pääkäyttäjän rooliasi"),
        "{body}"
    );
    assert_eq!(
        roles_of(&app, "demo-admin").await,
        [("admin".to_owned(), String::new())]
    );
    assert_eq!(status(&admin, &app, "/admin/users").await, 200);
    // Adding a role to oneself is fine.
    let res = app
        .post_form(
            &admin,
            &page,
            &format!("{page}/roles"),
            &[("roles", "admin"), ("roles", "researcher")],
        )
        .await;
    assert_eq!(res.status(), 303);
    assert_eq!(roles_of(&app, "demo-admin").await.len(), 2);
}

/// Two administrators take each other's administrator role at the same
/// moment: one wins, the other is refused, one administrator is left.
#[tokio::test]
async fn two_administrators_cannot_remove_each_other_at_once() {
    let app = TestApp::spawn().await;
    let admin = app.login(Role::Admin).await;
    let other_id = app.user_id("demo-expert").await;
    let admin_id = app.user_id("demo-admin").await;
    let res = app
        .post_form(
            &admin,
            &format!("/admin/users/{other_id}"),
            &format!("/admin/users/{other_id}/roles"),
            &[("roles", "admin"), ("roles", "expert")],
        )
        .await;
    assert_eq!(res.status(), 303);
    let other = app.login(Role::Expert).await;
    let (other_page, other_roles) = (
        format!("/admin/users/{other_id}"),
        format!("/admin/users/{other_id}/roles"),
    );
    let (admin_page, admin_disable) = (
        format!("/admin/users/{admin_id}"),
        format!("/admin/users/{admin_id}/disable"),
    );
    let (a, b) = tokio::join!(
        app.post_form(&admin, &other_page, &other_roles, &[("roles", "expert")]),
        app.post_form(&other, &admin_page, &admin_disable, &[]),
    );
    // The loser is refused (403, 409, 422), or finds its session ended by
    // the winner's disabling (303 to the login page).
    let (a, b) = (a.status().as_u16(), b.status().as_u16());
    assert!(
        [a, b].iter().all(|s| [303, 403, 409, 422].contains(s)),
        "{a} {b}"
    );
    let other_is_admin = sqlx::query_scalar::<_, i64>(
        "SELECT COUNT(*) FROM user_roles WHERE user_id = $1 AND role = 'admin'",
    )
    .bind(other_id)
    .fetch_one(app.state.db.pool())
    .await
    .unwrap()
        > 0;
    let admin_disabled = sqlx::query_scalar::<_, i64>("SELECT disabled FROM users WHERE id = $1")
        .bind(admin_id)
        .fetch_one(app.state.db.pool())
        .await
        .unwrap()
        == 1;
    assert!(
        other_is_admin == admin_disabled,
        "exactly one change won: other admin {other_is_admin}, admin disabled {admin_disabled} ({a} {b})"
    );
    let admins: i64 = sqlx::query_scalar(
        "SELECT COUNT(DISTINCT r.user_id) FROM user_roles r JOIN users u ON u.id = r.user_id \
         WHERE r.role = 'admin' AND u.disabled = 0",
    )
    .fetch_one(app.state.db.pool())
    .await
    .unwrap();
    assert_eq!(admins, 1);
}
