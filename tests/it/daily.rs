//! Daily work on a request's pages: forms that never lose what was typed,
//! only the actions that apply, a confirmation before what cannot be
//! undone, and notices that tell the truth about e-mail.

use crate::consultations::{group_id, page, send, status, submit};
use crate::helpers::*;
use otalusta_domain::role::Role;

async fn answers(app: &TestApp, id: i64) -> String {
    let (a,): (String,) = sqlx::query_as("SELECT answers FROM requests WHERE id = $1")
        .bind(id)
        .fetch_one(app.state.db.pool())
        .await
        .unwrap();
    a
}

async fn attachment_count(app: &TestApp, id: i64) -> i64 {
    let (n,): (i64,) = sqlx::query_as("SELECT COUNT(*) FROM attachments WHERE request_id = $1")
        .bind(id)
        .fetch_one(app.state.db.pool())
        .await
        .unwrap();
    n
}

/// Posts the draft's form as the browser does when "Lähetä liite" is
/// pressed: every field of the form, multipart, with the file.
async fn attach_with(
    app: &TestApp,
    c: &reqwest::Client,
    id: i64,
    fields: &[(&str, &str)],
    file: (&str, &[u8]),
) -> (u16, String) {
    let token = app.csrf(c, &format!("/requests/{id}/edit")).await;
    let mut form = reqwest::multipart::Form::new().text("csrf", token);
    for (k, v) in fields {
        form = form.text(k.to_string(), v.to_string());
    }
    form = form.part(
        "file",
        reqwest::multipart::Part::bytes(file.1.to_vec()).file_name(file.0.to_owned()),
    );
    let res = c
        .post(app.url(&format!("/requests/{id}/attachments")))
        .multipart(form)
        .send()
        .await
        .unwrap();
    (res.status().as_u16(), res.text().await.unwrap())
}

#[tokio::test]
async fn an_attachment_added_after_typing_keeps_the_answers() {
    let app = TestApp::spawn().await;
    let g = group_id(&app, "separation").await;
    let requester = app.login(Role::Requester).await;
    let id = send(
        &app,
        &requester,
        g,
        &[("q_question", "Ensimmäinen versio"), ("action", "save")],
    )
    .await;

    // Typed since the last save, then an attachment: both are kept.
    let typed = [
        ("q_question", "Toinen versio, kirjoitettu ennen liitettä"),
        ("q_family", "Äiti ja kaksi lasta."),
        ("identification", "none"),
    ];
    let (code, _) = attach_with(
        &app,
        &requester,
        id,
        &typed,
        ("muistio.txt", b"Koulun muistio."),
    )
    .await;
    assert_eq!(code, 303);
    assert_eq!(attachment_count(&app, id).await, 1);
    let stored = answers(&app, id).await;
    assert!(stored.contains("Toinen versio"), "{stored}");
    assert!(stored.contains("Äiti ja kaksi lasta."));
    let (_, html) = page(&app, &requester, &format!("/requests/{id}/edit")).await;
    assert!(html.contains(">Toinen versio, kirjoitettu ennen liitettä</textarea>"));
    // The attachment section stands above the send button.
    let (at, send_at) = (
        html.find("id=\"attachments\"").unwrap(),
        html.find("value=\"submit\"").unwrap(),
    );
    assert!(at < send_at, "attachments before Send");

    // A refused file: the answers typed with it are saved all the same and
    // come back with the reason; the file is not stored.
    let typed = [
        ("q_question", "Kolmas versio, liitteen kanssa"),
        ("identification", "none"),
    ];
    let (code, html) = attach_with(
        &app,
        &requester,
        id,
        &typed,
        ("ohjelma.exe", b"MZ\x90\x00binary"),
    )
    .await;
    assert_eq!(code, 422);
    assert!(html.contains(">Kolmas versio, liitteen kanssa</textarea>"));
    assert!(html.contains("id=\"file-error\""));
    assert!(answers(&app, id).await.contains("Kolmas versio"));
    assert_eq!(attachment_count(&app, id).await, 1);
    // Too large a file: the same, said as such (not a bare 413).
    let mut big = b"%PDF-1.7\n".to_vec();
    big.resize(5 * 1024 * 1024 + 10, b'0');
    let (code, html) = attach_with(
        &app,
        &requester,
        id,
        &[
            ("q_question", "Neljäs versio, iso liite"),
            ("identification", "none"),
        ],
        ("iso.pdf", &big),
    )
    .await;
    assert_eq!(code, 422);
    assert!(html.contains("Liite on liian suuri"));
    assert!(answers(&app, id).await.contains("Neljäs versio, iso liite"));
    assert_eq!(attachment_count(&app, id).await, 1);

    // Removing the attachment from the form saves the answers too.
    let aid: (i64,) = sqlx::query_as("SELECT id FROM attachments WHERE request_id = $1")
        .bind(id)
        .fetch_one(app.state.db.pool())
        .await
        .unwrap();
    let res = app
        .post_form(
            &requester,
            &format!("/requests/{id}/edit"),
            &format!("/requests/{id}/attachments/{}/delete", aid.0),
            &[
                ("q_question", "Viides versio poiston yhteydessä"),
                ("identification", "none"),
            ],
        )
        .await;
    assert_eq!(res.status(), 303);
    assert_eq!(attachment_count(&app, id).await, 0);
    assert!(answers(&app, id).await.contains("Viides versio"));

    // A file chosen but the form saved instead: said, not dropped silently.
    let res = app
        .post_form(
            &requester,
            &format!("/requests/{id}/edit"),
            &format!("/requests/{id}"),
            &[
                ("q_question", "Kuudes versio"),
                ("identification", "none"),
                ("file", "liite.pdf"),
                ("action", "save"),
            ],
        )
        .await;
    assert_eq!(res.status(), 422);
    let html = res.text().await.unwrap();
    assert!(html.contains(">Kuudes versio</textarea>"));
    assert!(
        html.contains("Liite: Valitsit liitteen"),
        "the summary names the field"
    );
}

#[tokio::test]
async fn an_error_summary_names_each_field_and_takes_focus() {
    let app = TestApp::spawn().await;
    let g = group_id(&app, "separation").await;
    let requester = app.login(Role::Requester).await;
    let id = send(
        &app,
        &requester,
        g,
        &[("q_question", "Luonnos"), ("action", "save")],
    )
    .await;
    let res = app
        .post_form(
            &requester,
            &format!("/requests/{id}/edit"),
            &format!("/requests/{id}"),
            &[
                ("q_question", "Luonnos"),
                ("identification", "none"),
                ("action", "submit"),
            ],
        )
        .await;
    assert_eq!(res.status(), 422);
    let html = res.text().await.unwrap();
    let start = html.find("class=\"notice error error-summary\"").unwrap();
    let summary = &html[start..start + html[start..].find("</div>").unwrap()];
    assert!(summary.contains("autofocus"), "{summary}");
    // Each problem names its field, not "Tämä tieto on pakollinen." alone.
    let items: Vec<&str> = summary.split("<li>").skip(1).collect();
    assert!(items.len() >= 3, "{summary}");
    for item in &items {
        let text = item.split("data-labelled>").nth(1).unwrap_or("");
        assert!(text.contains(": "), "every problem names its field: {item}");
        let field = item
            .split("href=\"#")
            .nth(1)
            .unwrap()
            .split('"')
            .next()
            .unwrap();
        assert!(
            html.contains(&format!("id=\"{field}\"")),
            "the link leads to {field}"
        );
    }
}

#[tokio::test]
async fn only_the_actions_that_apply_and_withdrawing_asks_first() {
    let app = TestApp::spawn().await;
    let g = group_id(&app, "separation").await;
    let requester = app.login(Role::Requester).await;
    let secretary = app.login(Role::Secretary).await;
    let id = send(&app, &requester, g, &submit(&[])).await;
    // What happens next, before triage: the meeting it is proposed for.
    let (_, html) = page(&app, &requester, &format!("/requests/{id}")).await;
    assert!(html.contains("Mitä seuraavaksi"));
    assert!(html.contains("Pyyntö on ehdolla kokoukseen"), "{html}");
    let (_, html) = page(&app, &secretary, &format!("/requests/{id}")).await;
    for action in ["accept", "ask", "redirect", "decline"] {
        assert!(
            html.contains(&format!("/requests/{id}/{action}\"")),
            "{action}"
        );
    }
    let res = app
        .post_form(
            &secretary,
            &format!("/requests/{id}"),
            &format!("/requests/{id}/accept"),
            &[("meeting", "")],
        )
        .await;
    assert_eq!(res.status(), 303);
    // No mail server here: the notice does not claim the requester was told by e-mail.
    let (_, html) = page(&app, &secretary, &format!("/requests/{id}?done=accepted")).await;
    assert!(
        html.contains("sähköpostipalvelinta"),
        "truthful about e-mail"
    );
    assert!(!html.contains("pyytäjälle on ilmoitettu"));
    // Accepted: moving it to another meeting is the action offered; what
    // would undo the acceptance stands apart, folded, saying so.
    assert!(html.contains("Siirrä toiseen kokoukseen"));
    assert!(!html.contains("Hyväksy kokoukseen"), "no second acceptance");
    let folded = &html[html
        .find("<details class=\"other-actions\">")
        .expect("folded")..];
    let folded = &folded[..folded.find("</details>").unwrap()];
    for action in ["ask", "redirect", "decline"] {
        assert!(
            folded.contains(&format!("/requests/{id}/{action}\"")),
            "{action}"
        );
    }
    // The requester is told the day, her slot and where.
    let (_, html) = page(&app, &requester, &format!("/requests/{id}")).await;
    assert!(html.contains("Tapaus käsitellään kokouksessa"));
    assert!(html.contains("Osallistut kokoukseen oman tapauksesi ajan"));

    // Withdrawing: a post without the confirmation only asks.
    let res = app
        .post_form(
            &requester,
            &format!("/requests/{id}"),
            &format!("/requests/{id}/withdraw"),
            &[("seen", "accepted")],
        )
        .await;
    assert_eq!(res.status(), 303);
    assert_eq!(
        res.headers()["location"],
        format!("/requests/{id}/withdraw").as_str()
    );
    assert_eq!(status(&app, id).await.0, "accepted", "nothing changed");
    let (code, confirm) = page(&app, &requester, &format!("/requests/{id}/withdraw")).await;
    assert_eq!(code, 200);
    assert!(confirm.contains("name=\"confirm\" value=\"yes\""));
    let res = app
        .post_form(
            &requester,
            &format!("/requests/{id}/withdraw"),
            &format!("/requests/{id}/withdraw"),
            &[("seen", "accepted"), ("confirm", "yes")],
        )
        .await;
    assert_eq!(res.status(), 303);
    assert_eq!(status(&app, id).await.0, "withdrawn");
    // Withdrawn: there is nothing left to withdraw.
    let (code, _) = page(&app, &requester, &format!("/requests/{id}/withdraw")).await;
    assert_eq!(code, 409);
}

#[tokio::test]
async fn more_recommendation_rows_on_request_keep_what_was_typed() {
    let app = TestApp::spawn().await;
    let g = group_id(&app, "separation").await;
    let requester = app.login(Role::Requester).await;
    let secretary = app.login(Role::Secretary).await;
    let id = send(&app, &requester, g, &submit(&[])).await;
    let res = app
        .post_form(
            &secretary,
            &format!("/requests/{id}"),
            &format!("/requests/{id}/accept"),
            &[("meeting", "")],
        )
        .await;
    assert_eq!(res.status(), 303);
    let (_, html) = page(&app, &secretary, &format!("/requests/{id}")).await;
    let rows = html.matches("name=\"rec_action\"").count();
    assert!(rows >= 5, "{rows}");
    // Every row filled, and one more asked for: the rows come back with one
    // empty row more, nothing saved.
    let actions: Vec<String> = (1..=rows).map(|n| format!("Suositus {n}")).collect();
    let mut fields: Vec<(&str, &str)> = vec![("summary", "Yhteenveto"), ("more", "1")];
    for a in &actions {
        fields.extend([
            ("rec_action", a.as_str()),
            ("rec_responsible", "koulu"),
            ("rec_due", ""),
        ]);
    }
    let res = app
        .post_form(
            &secretary,
            &format!("/requests/{id}"),
            &format!("/requests/{id}/outcome"),
            &fields,
        )
        .await;
    assert_eq!(res.status(), 200);
    let html = res.text().await.unwrap();
    assert_eq!(html.matches("name=\"rec_action\"").count(), rows + 1);
    assert!(html.contains(&format!(">Suositus {rows}</textarea>")));
    assert!(html.contains(&format!("id=\"rec_action_{}\"", rows + 1)));
    assert_eq!(status(&app, id).await.0, "accepted", "nothing saved");
}

#[tokio::test]
async fn a_sector_limit_binds_by_the_accounts_organisation() {
    let app = TestApp::spawn().await;
    let coordinator = app.login(Role::Coordinator).await;
    let gid = create_group(
        &app,
        &coordinator,
        &[
            ("name_fi", "Vain terveyspalveluille"),
            ("eligible_sectors", "health"),
        ],
    )
    .await;
    // demo-requester works in a family counselling unit: social services.
    let requester = app.login(Role::Requester).await;
    let (_, html) = page(&app, &requester, &format!("/groups/{gid}")).await;
    assert!(html.contains("eikä organisaatiosi sektori ole niiden joukossa"));
    assert!(!html.contains(&format!("/requests/new?group={gid}")));
    let (code, _) = page(&app, &requester, &format!("/requests/new?group={gid}")).await;
    assert_eq!(code, 403);

    // The administrator moves her to a hospital (health): now she may ask.
    let admin = app.login(Role::Admin).await;
    let id = app.user_id("demo-requester").await;
    let (kys,): (i64,) = sqlx::query_as("SELECT id FROM organisations WHERE short_name = 'KYS'")
        .fetch_one(app.state.db.pool())
        .await
        .unwrap();
    let kys = kys.to_string();
    let res = app
        .post_form(
            &admin,
            &format!("/admin/users/{id}"),
            &format!("/admin/users/{id}/roles"),
            &[
                ("roles", "requester"),
                ("area", "ita-suomi"),
                ("organisation", kys.as_str()),
                ("county", "pohjois-savo"),
            ],
        )
        .await;
    assert_eq!(res.status(), 303);
    let (_, html) = page(&app, &admin, &format!("/admin/users/{id}")).await;
    assert!(html.contains("Pohjois-Savo"), "the county is shown");
    let (code, _) = page(&app, &requester, &format!("/requests/new?group={gid}")).await;
    assert_eq!(code, 200);
    let (_, html) = page(&app, &requester, &format!("/groups/{gid}")).await;
    assert!(html.contains(&format!("/requests/new?group={gid}")));

    // A county that is not one, or an unknown organisation: named, nothing saved.
    let res = app
        .post_form(
            &admin,
            &format!("/admin/users/{id}"),
            &format!("/admin/users/{id}/roles"),
            &[
                ("roles", "requester"),
                ("area", "ita-suomi"),
                ("organisation", "999999"),
                ("county", "ita-suomi"),
            ],
        )
        .await;
    assert_eq!(res.status(), 422);
    let html = res.text().await.unwrap();
    assert!(html.contains("id=\"organisation-error\"") && html.contains("id=\"county-error\""));
    let (org,): (Option<i64>,) = sqlx::query_as("SELECT organisation_id FROM users WHERE id = $1")
        .bind(id)
        .fetch_one(app.state.db.pool())
        .await
        .unwrap();
    assert_eq!(org.map(|o| o.to_string()), Some(kys));
}

#[tokio::test]
async fn a_follow_up_before_the_recommendations_are_due_is_said() {
    let app = TestApp::spawn().await;
    let g = group_id(&app, "separation").await;
    let requester = app.login(Role::Requester).await;
    let id = send(&app, &requester, g, &submit(&[])).await;
    sqlx::query("UPDATE requests SET status = 'discussed', summary = 'Yhteenveto' WHERE id = $1")
        .bind(id)
        .execute(app.state.db.pool())
        .await
        .unwrap();
    sqlx::query(
        "INSERT INTO recommendations (request_id, position, action, responsible, due_date) \
         VALUES ($1, 1, 'Terapia', 'perheneuvola', '2099-12-31')",
    )
    .bind(id)
    .execute(app.state.db.pool())
    .await
    .unwrap();
    let confirm = |extra: &'static [(&'static str, &'static str)]| {
        let mut f = vec![
            ("view", "agree"),
            ("follow_up_months", "3"),
            ("seen", "discussed"),
        ];
        f.extend_from_slice(extra);
        f
    };
    let res = app
        .post_form(
            &requester,
            &format!("/requests/{id}"),
            &format!("/requests/{id}/confirm"),
            &confirm(&[]),
        )
        .await;
    assert_eq!(res.status(), 422);
    let html = res.text().await.unwrap();
    assert!(html.contains("ennen suositusten viimeistä määräpäivää"));
    assert!(html.contains("31.12.2099"), "the latest due date is named");
    assert!(
        html.contains("name=\"early_ok\""),
        "the requester may mean it"
    );
    assert_eq!(crate::consultations::status(&app, id).await.0, "discussed");
    let res = app
        .post_form(
            &requester,
            &format!("/requests/{id}"),
            &format!("/requests/{id}/confirm"),
            &confirm(&[("early_ok", "yes")]),
        )
        .await;
    assert_eq!(res.status(), 303);
    assert_eq!(crate::consultations::status(&app, id).await.0, "follow-up");
}

#[tokio::test]
async fn a_coordinator_scoped_to_a_county_coordinates_only_its_groups() {
    let app = TestApp::spawn().await;
    let coordinator = app.login(Role::Coordinator).await;
    let county_group = create_group(
        &app,
        &coordinator,
        &[
            ("name_fi", "Pohjois-Savon ryhmä"),
            ("organiser", "pohjois-savo"),
        ],
    )
    .await;
    let other_group = create_group(&app, &coordinator, &[("name_fi", "Koko alueen ryhmä")]).await;
    let requester = app.login(Role::Requester).await;
    let in_county = send(&app, &requester, county_group, &submit(&[])).await;
    let elsewhere = send(&app, &requester, other_group, &submit(&[])).await;

    // The administrator makes an account Pohjois-Savo's OT coordinator.
    let admin = app.login(Role::Admin).await;
    let id = app.user_id("demo-researcher").await;
    let res = app
        .post_form(
            &admin,
            &format!("/admin/users/{id}"),
            &format!("/admin/users/{id}/roles"),
            &[("roles", "coordinator"), ("area", "pohjois-savo")],
        )
        .await;
    assert_eq!(res.status(), 303);
    let (area,): (Option<String>,) = sqlx::query_as("SELECT area_code FROM users WHERE id = $1")
        .bind(id)
        .fetch_one(app.state.db.pool())
        .await
        .unwrap();
    assert_eq!(area.as_deref(), Some("ita-suomi"), "the county's area");
    let (_, html) = page(&app, &admin, &format!("/admin/users/{id}")).await;
    assert!(
        html.contains("value=\"pohjois-savo\" selected"),
        "the form shows the county"
    );

    let county = app.login_as("demo-researcher").await;
    for (path, code) in [
        (format!("/requests/{in_county}"), 200),
        (format!("/requests/{elsewhere}"), 403),
        (format!("/groups/{county_group}/form"), 200),
        (format!("/groups/{other_group}/form"), 403),
        (format!("/groups/{county_group}/edit"), 200),
        (format!("/groups/{other_group}/edit"), 403),
        ("/experts/export.csv?area=ita-suomi".to_owned(), 403),
    ] {
        assert_eq!(page(&app, &county, &path).await.0, code, "{path}");
    }
    // Pseudonymous, as any coordinator's view of a case.
    let (_, html) = page(&app, &county, &format!("/requests/{in_county}")).await;
    assert!(!html.contains("Miten tukea lasta"));
    // Her lists hold her county's cases and no others.
    let list: serde_json::Value = app.get_json(&county, "/api/v1/requests").await;
    let ids: Vec<i64> = list
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["id"].as_i64().unwrap())
        .collect();
    assert!(
        ids.contains(&in_county) && !ids.contains(&elsewhere),
        "{ids:?}"
    );
    let (_, html) = page(&app, &county, "/requests").await;
    assert!(html.contains(&format!("#{in_county}")) && !html.contains(&format!("#{elsewhere}<")));
}
