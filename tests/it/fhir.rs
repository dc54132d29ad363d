//! FHIR R4 under `/fhir/r4`: every resource type served, the search
//! Bundles, the CapabilityStatement, the CodeSystem, the OperationOutcomes
//! and the transaction Bundle a client sends, each validated by an
//! independent validator (Python's `fhir.resources`, R4B models); reads and
//! searches with the platform's policy and access log; creating a request
//! through a transaction; identified vs pseudonymous cases.

use crate::consultations::{ANSWERS, group_id, page, send, submit};
use crate::helpers::*;
use crate::python;
use otalusta_domain::role::Role;
use serde_json::{Value, json};

/// A transaction Bundle of the default form's answers to group `g`;
/// `skip` leaves one answer out.
fn transaction(app: &TestApp, g: i64, skip: Option<&str>, id: &str) -> Value {
    let item: Vec<Value> = ANSWERS
        .iter()
        .map(|(k, v)| (k.trim_start_matches("q_"), *v))
        .filter(|(k, _)| Some(*k) != skip)
        .map(|(k, v)| {
            let answer = if matches!(k, "age_band" | "urgency") {
                json!({"valueCoding": {"code": v}})
            } else {
                json!({"valueString": v})
            };
            json!({"linkId": k, "answer": [answer]})
        })
        .collect();
    let base = app.url("/fhir/r4");
    json!({
        "resourceType": "Bundle",
        "type": "transaction",
        "identifier": {"system": "urn:test", "value": id},
        "entry": [
            {"fullUrl": "urn:uuid:9b6f0c4e-3b0a-4c55-8f43-1e1c1d2a0001",
             "resource": {"resourceType": "QuestionnaireResponse", "status": "completed",
                "questionnaire": format!("{base}/Questionnaire/{g}"),
                "subject": {"display": "lapsi"},
                "item": item},
             "request": {"method": "POST", "url": "QuestionnaireResponse"}},
            {"fullUrl": "urn:uuid:9b6f0c4e-3b0a-4c55-8f43-1e1c1d2a0002",
             "resource": {"resourceType": "ServiceRequest", "status": "active", "intent": "order",
                "subject": {"display": "lapsi"},
                "performer": [{"reference": format!("HealthcareService/{g}")}],
                "reasonCode": [{"coding": [{"system": format!("{base}/CodeSystem/phenomena"), "code": "custody-disputes"}]}]},
             "request": {"method": "POST", "url": "ServiceRequest"}}
        ]
    })
}

async fn post_bundle(app: &TestApp, c: &reqwest::Client, b: &Value) -> (u16, Value) {
    let res = c
        .post(app.url("/fhir/r4"))
        .header("content-type", "application/fhir+json")
        .body(b.to_string())
        .send()
        .await
        .unwrap();
    let status = res.status().as_u16();
    (status, res.json().await.unwrap_or(Value::Null))
}

/// GET as FHIR JSON: (status, body); every answer is FHIR's content type.
async fn get(app: &TestApp, c: &reqwest::Client, path: &str) -> (u16, Value) {
    let res = c
        .get(app.url(path))
        .header("accept", "application/fhir+json")
        .send()
        .await
        .unwrap();
    let status = res.status().as_u16();
    let ct = res.headers()["content-type"].to_str().unwrap().to_owned();
    assert!(ct.starts_with("application/fhir+json"), "{path}: {ct}");
    (status, res.json().await.unwrap())
}

/// Validates each document with `fhir.resources`' R4B model of its type;
/// panics naming every one that does not validate.
fn validate(docs: &[Value]) {
    let out = python::run(
        "import sys, json\n\
         from fhir.resources.R4B import get_fhir_model_class\n\
         docs = json.load(sys.stdin)\n\
         bad = []\n\
         for i, d in enumerate(docs):\n\
         \x20   try:\n\
         \x20       get_fhir_model_class(d['resourceType']).model_validate(d)\n\
         \x20   except Exception as e:\n\
         \x20       bad.append('%d %s: %s' % (i, d.get('resourceType'), e))\n\
         print(json.dumps({'n': len(docs), 'bad': bad}))",
        &Value::Array(docs.to_vec()).to_string(),
    );
    let v: Value = serde_json::from_str(out.trim()).unwrap();
    assert_eq!(v["n"], docs.len());
    assert_eq!(v["bad"], json!([]), "{}", v["bad"]);
}

async fn expert_id(app: &TestApp) -> i64 {
    let (id,): (i64,) =
        sqlx::query_as("SELECT id FROM experts WHERE listed_publicly = 1 ORDER BY id LIMIT 1")
            .fetch_one(app.state.db.pool())
            .await
            .unwrap();
    id
}

fn issue_expressions(o: &Value) -> Vec<String> {
    o["issue"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|i| i["expression"].as_array().cloned().unwrap_or_default())
        .map(|e| e.as_str().unwrap().to_owned())
        .collect()
}

#[tokio::test]
async fn every_resource_and_bundle_served_validates_as_fhir_r4() {
    let app = TestApp::spawn().await;
    let g = group_id(&app, "separation").await;
    let requester = app.login(Role::Requester).await;
    let secretary = app.login(Role::Secretary).await;
    let anon = app.client();
    let mut docs: Vec<Value> = Vec::new();

    // What a client sends, and what it gets back.
    let sent = transaction(&app, g, None, "t-1");
    docs.push(sent.clone());
    let (code, created) = post_bundle(&app, &requester, &sent).await;
    assert_eq!(code, 200, "{created}");
    assert_eq!(created["type"], "transaction-response");
    let loc = created["entry"][1]["response"]["location"]
        .as_str()
        .unwrap();
    let id: i64 = loc.split('/').nth(1).unwrap().parse().unwrap();
    assert_eq!(
        created["entry"][0]["response"]["location"],
        format!("QuestionnaireResponse/{id}")
    );
    assert_eq!(created["entry"][0]["response"]["status"], "201 Created");
    docs.push(created);
    // A second request, declined: a Task with its reason.
    let (_, second) = post_bundle(&app, &requester, &transaction(&app, g, None, "t-2")).await;
    let declined: i64 = second["entry"][0]["response"]["location"]
        .as_str()
        .unwrap()
        .split('/')
        .nth(1)
        .unwrap()
        .parse()
        .unwrap();
    let res = app
        .post_form(
            &secretary,
            &format!("/requests/{declined}"),
            &format!("/requests/{declined}/decline"),
            &[("reason", "Ei kuulu ryhmän ilmiöihin.")],
        )
        .await;
    assert_eq!(res.status(), 303);
    // Recommendations recorded on the first (as the outcome form would).
    sqlx::query(
        "UPDATE requests SET status = 'discussed', summary = 'Yhteinen tapaaminen.' WHERE id = $1",
    )
    .bind(id)
    .execute(app.state.db.pool())
    .await
    .unwrap();
    sqlx::query(
        "INSERT INTO recommendations (request_id, position, action, responsible, due_date) \
         VALUES ($1, 1, 'Verkostotapaaminen', 'sosiaalityöntekijä', '2027-01-31')",
    )
    .bind(id)
    .execute(app.state.db.pool())
    .await
    .unwrap();

    // Public: the statement, the phenomena, the groups and published experts.
    let (code, cap) = get(&app, &anon, "/fhir/r4/metadata").await;
    assert_eq!(code, 200);
    assert_eq!(cap["fhirVersion"], "4.0.1");
    docs.push(cap);
    let (code, cs) = get(&app, &anon, "/fhir/r4/CodeSystem/phenomena").await;
    assert_eq!(code, 200);
    let concept = &cs["concept"].as_array().unwrap()[0];
    let langs: Vec<&str> = concept["designation"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d["language"].as_str().unwrap())
        .collect();
    assert_eq!(langs, ["fi", "sv", "en"]);
    docs.push(cs);
    let e = expert_id(&app).await;
    for path in [
        format!("/fhir/r4/HealthcareService/{g}"),
        "/fhir/r4/HealthcareService?specialty=custody-disputes".to_owned(),
        format!("/fhir/r4/Practitioner/{e}"),
        format!("/fhir/r4/PractitionerRole/{e}"),
        "/fhir/r4/Practitioner?_count=2".to_owned(),
        "/fhir/r4/PractitionerRole?_count=2&_offset=1".to_owned(),
        "/fhir/r4/CodeSystem".to_owned(),
    ] {
        let (code, v) = get(&app, &anon, &path).await;
        assert_eq!(code, 200, "{path}: {v}");
        docs.push(v);
    }
    let (_, hs) = get(&app, &anon, &format!("/fhir/r4/HealthcareService/{g}")).await;
    assert!(
        !hs.to_string().contains("video.example"),
        "no video link in public"
    );
    let (_, experts) = get(&app, &anon, "/fhir/r4/Practitioner?_count=2").await;
    assert!(
        experts["link"]
            .as_array()
            .unwrap()
            .iter()
            .any(|l| l["relation"] == "next")
    );

    // Signed in: the form, each version, and the case resources.
    let (code, q) = get(&app, &requester, &format!("/fhir/r4/Questionnaire/{g}")).await;
    assert_eq!(code, 200, "{q}");
    assert_eq!(q["meta"]["versionId"], "1");
    assert_eq!(q["url"], app.url(&format!("/fhir/r4/Questionnaire/{g}")));
    docs.push(q);
    for path in [
        format!("/fhir/r4/Questionnaire/{g}/_history/1"),
        format!("/fhir/r4/Questionnaire?group={g}"),
        format!(
            "/fhir/r4/Questionnaire?url={}&status=active",
            app.url(&format!("/fhir/r4/Questionnaire/{g}"))
        ),
        format!("/fhir/r4/PractitionerRole/{e}"),
    ] {
        let (code, v) = get(&app, &requester, &path).await;
        assert_eq!(code, 200, "{path}: {v}");
        docs.push(v);
    }
    let (_, by_group) = get(
        &app,
        &requester,
        &format!("/fhir/r4/Questionnaire?group={g}"),
    )
    .await;
    assert_eq!(by_group["total"], 1);
    for kind in [
        "QuestionnaireResponse",
        "ServiceRequest",
        "Task",
        "CarePlan",
        "Appointment",
    ] {
        let (code, v) = get(&app, &requester, &format!("/fhir/r4/{kind}/{id}")).await;
        assert_eq!(code, 200, "{kind}: {v}");
        docs.push(v);
        let (code, v) = get(&app, &secretary, &format!("/fhir/r4/{kind}?_count=1")).await;
        assert_eq!(code, 200, "{kind}: {v}");
        assert_eq!(v["type"], "searchset");
        docs.push(v);
    }
    let (_, qr) = get(
        &app,
        &secretary,
        &format!("/fhir/r4/QuestionnaireResponse/{id}"),
    )
    .await;
    assert_eq!(
        qr["questionnaire"],
        app.url(&format!("/fhir/r4/Questionnaire/{g}|1"))
    );
    assert!(
        qr["item"]
            .as_array()
            .unwrap()
            .iter()
            .any(|i| i["linkId"] == "question")
    );
    let (_, task) = get(&app, &secretary, &format!("/fhir/r4/Task/{declined}")).await;
    assert_eq!(task["status"], "rejected");
    assert_eq!(task["statusReason"]["text"], "Ei kuulu ryhmän ilmiöihin.");
    let (_, plan) = get(&app, &secretary, &format!("/fhir/r4/CarePlan/{id}")).await;
    assert_eq!(
        plan["activity"][0]["detail"]["description"],
        "Verkostotapaaminen"
    );
    let (_, tasks) = get(&app, &secretary, "/fhir/r4/Task?status=rejected").await;
    assert_eq!(tasks["total"], 1);
    assert_eq!(tasks["entry"][0]["resource"]["id"], declined.to_string());
    docs.push(tasks);

    // The errors: 401, 403, 404, 400 (an unknown parameter, not a
    // transaction), 422 (a required answer missing), 406.
    let researcher = app.login(Role::Researcher).await;
    for (c, path, want) in [
        (&anon, format!("/fhir/r4/Task/{id}"), 401),
        (&researcher, format!("/fhir/r4/Task/{id}"), 403),
        (&secretary, "/fhir/r4/Task/999999".to_owned(), 404),
        (&secretary, "/fhir/r4/Patient/1".to_owned(), 404),
        (&secretary, "/fhir/r4/Task?owner=x".to_owned(), 400),
    ] {
        let (code, v) = get(&app, c, &path).await;
        assert_eq!(code, want, "{path}: {v}");
        assert_eq!(v["resourceType"], "OperationOutcome", "{path}");
        docs.push(v);
    }
    let (code, v) = post_bundle(
        &app,
        &requester,
        &json!({"resourceType": "Bundle", "type": "batch"}),
    )
    .await;
    assert_eq!(code, 400);
    docs.push(v);
    let (code, v) = post_bundle(
        &app,
        &requester,
        &transaction(&app, g, Some("family"), "t-3"),
    )
    .await;
    assert_eq!(code, 422, "{v}");
    docs.push(v);
    let res = requester
        .get(app.url("/fhir/r4/metadata?_format=xml"))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 406);
    docs.push(res.json().await.unwrap());

    validate(&docs);
}

#[tokio::test]
async fn refusals_are_403_operation_outcomes_in_the_access_log() {
    let app = TestApp::spawn().await;
    let master = group_id(&app, "statutory-child-protection").await;
    let requester = app.login(Role::Requester).await;
    let id = send(&app, &requester, master, &submit(&[])).await;
    create_account(&app, "toinen-pyytaja", "Toinen Pyytäjä", "requester").await;
    let other = app.login_as("toinen-pyytaja").await;
    // demo-secretary keeps Haastavat erot, not MASTER.
    let secretary = app.login(Role::Secretary).await;
    let researcher = app.login(Role::Researcher).await;
    for (who, c) in [
        ("demo-secretary", &secretary),
        ("toinen-pyytaja", &other),
        ("demo-researcher", &researcher),
    ] {
        for kind in ["QuestionnaireResponse", "ServiceRequest", "Task"] {
            let (code, v) = get(&app, c, &format!("/fhir/r4/{kind}/{id}")).await;
            assert_eq!(code, 403, "{who} {kind}: {v}");
            assert_eq!(v["resourceType"], "OperationOutcome");
            assert_eq!(v["issue"][0]["code"], "forbidden");
        }
        // Their searches do not show it either.
        let (code, v) = get(&app, c, "/fhir/r4/ServiceRequest").await;
        assert_eq!(code, 200);
        assert_eq!(v["total"], 0, "{who}: {v}");
        let log = audit_entries(&app, "request.read").await;
        assert!(
            log.iter()
                .any(|e| e.0 == who && e.1 == id.to_string() && e.2 == "denied"),
            "{who}: {log:?}"
        );
    }
    // An unknown id is logged too.
    let (code, _) = get(&app, &secretary, "/fhir/r4/ServiceRequest/999999").await;
    assert_eq!(code, 404);
    assert!(
        audit_entries(&app, "request.read")
            .await
            .iter()
            .any(|e| e.0 == "demo-secretary" && e.1 == "999999" && e.2 == "failure")
    );
    // Only a requester creates requests; the refusal is logged.
    let (code, v) = post_bundle(&app, &researcher, &transaction(&app, master, None, "r")).await;
    assert_eq!(code, 403);
    assert_eq!(v["resourceType"], "OperationOutcome");
    assert!(
        audit_entries(&app, "request.create")
            .await
            .iter()
            .any(|e| e.0 == "demo-researcher" && e.2 == "denied")
    );
    // The owner reads, and each read is logged with FHIR as the purpose.
    let (code, _) = get(&app, &requester, &format!("/fhir/r4/Task/{id}")).await;
    assert_eq!(code, 200);
    let (n,): (i64,) = sqlx::query_as(
        "SELECT COUNT(*) FROM audit_log WHERE action = 'request.read' AND object_id = $1 \
         AND outcome = 'success' AND purpose LIKE '%fhir Task%'",
    )
    .bind(id.to_string())
    .fetch_one(app.state.db.pool())
    .await
    .unwrap();
    assert_eq!(n, 1);
    // A search logs each case it shows.
    let (_, v) = get(&app, &requester, "/fhir/r4/Task").await;
    assert_eq!(v["total"], 1);
    assert!(
        audit_entries(&app, "request.list")
            .await
            .iter()
            .any(|e| e.0 == "demo-requester" && e.1 == id.to_string())
    );
}

#[tokio::test]
async fn a_transaction_creates_a_request_the_secretary_sees() {
    let app = TestApp::spawn().await;
    let g = group_id(&app, "separation").await;
    let requester = app.login(Role::Requester).await;
    // Through a personal API token, as a client system would.
    let res = app
        .post_form(
            &requester,
            "/account",
            "/account/tokens",
            &[("name", "asiakasjärjestelmä"), ("scope", "full")],
        )
        .await;
    assert_eq!(res.status(), 200);
    let token = crate::helpers::shown_secret(&res.text().await.unwrap());
    let script = reqwest::Client::new();
    let post = |b: Value| {
        script
            .post(app.url("/fhir/r4"))
            .bearer_auth(&token)
            .header("content-type", "application/json")
            .body(b.to_string())
            .send()
    };

    // A required answer missing: every problem, each pointing at its item.
    let mut b = transaction(&app, g, Some("family"), "k-1");
    b["entry"][0]["resource"]["item"]
        .as_array_mut()
        .unwrap()
        .push(json!({"linkId": "no_such_item", "answer": [{"valueString": "x"}]}));
    let res = post(b).await.unwrap();
    assert_eq!(res.status(), 422);
    let o: Value = res.json().await.unwrap();
    let exprs = issue_expressions(&o);
    assert!(
        exprs.contains(&"QuestionnaireResponse.item.where(linkId='family')".to_owned()),
        "{o}"
    );
    assert!(exprs.contains(&"QuestionnaireResponse.item.where(linkId='no_such_item')".to_owned()));
    let res = post(transaction(&app, g, Some("family"), "k-2"))
        .await
        .unwrap();
    assert_eq!(res.status(), 422);
    let o: Value = res.json().await.unwrap();
    assert_eq!(
        issue_expressions(&o),
        ["QuestionnaireResponse.item.where(linkId='family')"],
        "{o}"
    );
    assert_eq!(o["issue"][0]["code"], "required");
    let (n,): (i64,) = sqlx::query_as("SELECT COUNT(*) FROM requests")
        .fetch_one(app.state.db.pool())
        .await
        .unwrap();
    assert_eq!(n, 0, "nothing stored");
    // A named subject is refused: requests over FHIR are pseudonymous.
    let mut named = transaction(&app, g, None, "k-3");
    named["entry"][1]["resource"]["subject"] = json!({"reference": "Patient/1"});
    let res = post(named).await.unwrap();
    assert_eq!(res.status(), 422);
    assert!(
        issue_expressions(&res.json().await.unwrap())
            .contains(&"ServiceRequest.subject".to_owned())
    );

    let res = post(transaction(&app, g, None, "k-4")).await.unwrap();
    assert_eq!(res.status(), 200);
    let v: Value = res.json().await.unwrap();
    let id: i64 = v["entry"][1]["response"]["location"]
        .as_str()
        .unwrap()
        .split('/')
        .nth(1)
        .unwrap()
        .parse()
        .unwrap();
    // Sent a second time (a client retrying): the same request, no second.
    let again: Value = post(transaction(&app, g, None, "k-4"))
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert_eq!(
        again["entry"][1]["response"]["location"],
        v["entry"][1]["response"]["location"]
    );
    assert_eq!(again["entry"][1]["response"]["status"], "200 OK");
    // Another requester's system that happens to use the same identifier
    // gets a request of its own.
    create_account(&app, "pyytaja2", "Toinen Pyytäjä", "requester").await;
    sqlx::query(
        "UPDATE users SET area_code = (SELECT area_code FROM users WHERE username = 'demo-requester') \
         WHERE username = 'pyytaja2'",
    )
    .execute(app.state.db.pool())
    .await
    .unwrap();
    let other = app.login_as("pyytaja2").await;
    let (code, theirs) = post_bundle(&app, &other, &transaction(&app, g, None, "k-4")).await;
    assert_eq!(code, 200, "{theirs}");
    assert_eq!(theirs["entry"][1]["response"]["status"], "201 Created");
    assert_ne!(
        theirs["entry"][1]["response"]["location"],
        v["entry"][1]["response"]["location"]
    );
    let (status, meeting, _) = crate::consultations::status(&app, id).await;
    assert_eq!(status, "submitted");
    assert!(
        meeting.is_some(),
        "proposed for a meeting like a form's request"
    );
    let (n,): (i64,) = sqlx::query_as("SELECT COUNT(*) FROM requests")
        .fetch_one(app.state.db.pool())
        .await
        .unwrap();
    assert_eq!(n, 2);
    // The secretary's queue and the request page show it.
    let secretary = app.login(Role::Secretary).await;
    let (code, queue) = page(&app, &secretary, &format!("/groups/{g}/queue")).await;
    assert_eq!(code, 200);
    assert!(queue.contains(&format!("#{id}")));
    let (code, html) = page(&app, &secretary, &format!("/requests/{id}")).await;
    assert_eq!(code, 200);
    assert!(html.contains("Perheneuvola, sovittelu."));
    let (_, sr) = get(&app, &secretary, &format!("/fhir/r4/ServiceRequest/{id}")).await;
    assert_eq!(sr["reasonCode"][0]["coding"][0]["code"], "custody-disputes");
    let (_, task) = get(&app, &secretary, &format!("/fhir/r4/Task/{id}")).await;
    assert_eq!(task["status"], "requested");

    // A read-only token reads (with `_format`) but does not create.
    let res = app
        .post_form(
            &requester,
            "/account",
            "/account/tokens",
            &[("name", "lukija")],
        )
        .await;
    let read = crate::helpers::shown_secret(&res.text().await.unwrap());
    let res = script
        .get(app.url(&format!("/fhir/r4/Task/{id}?_format=json")))
        .bearer_auth(&read)
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 200);
    let res = script
        .post(app.url("/fhir/r4"))
        .bearer_auth(&read)
        .header("content-type", "application/fhir+json")
        .body(transaction(&app, g, None, "k-5").to_string())
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 403);
    let o: Value = res.json().await.unwrap();
    assert_eq!(o["resourceType"], "OperationOutcome");
    // A bad token: 401 with the challenge, as an OperationOutcome.
    let res = script
        .get(app.url("/fhir/r4/Task"))
        .bearer_auth("otl_not-a-token")
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 401);
    assert_eq!(
        res.headers()["www-authenticate"],
        "Bearer realm=\"otalusta\", error=\"invalid_token\""
    );
    let o: Value = res.json().await.unwrap();
    assert_eq!(o["resourceType"], "OperationOutcome");
    assert_eq!(o["issue"][0]["code"], "login");
    // No token: 401 with the plain challenge, never a login redirect.
    let res = script.get(app.url("/fhir/r4/Task")).send().await.unwrap();
    assert_eq!(res.status(), 401);
    assert_eq!(
        res.headers()["www-authenticate"],
        "Bearer realm=\"otalusta\""
    );
}

#[tokio::test]
async fn only_who_may_see_the_identity_gets_a_patient_identifier() {
    const HETU: &str = "131052-308T";
    let app = TestApp::spawn().await;
    let g = group_id(&app, "separation").await;
    let requester = app.login(Role::Requester).await;
    let identified = send(
        &app,
        &requester,
        g,
        &submit(&[
            ("identification", "consent"),
            ("basis_note", "Huoltajan suostumus"),
            ("hetu", HETU),
        ]),
    )
    .await;
    let pseudonymous = send(&app, &requester, g, &submit(&[])).await;
    // The requester sees the code she gave, and the showing is logged.
    let (_, sr) = get(
        &app,
        &requester,
        &format!("/fhir/r4/ServiceRequest/{identified}"),
    )
    .await;
    assert_eq!(sr["subject"]["reference"], "#client");
    assert_eq!(sr["contained"][0]["resourceType"], "Patient");
    assert_eq!(sr["contained"][0]["identifier"][0]["value"], HETU);
    assert_eq!(
        sr["contained"][0]["identifier"][0]["system"],
        "urn:oid:1.2.246.21"
    );
    assert!(
        audit_entries(&app, "request.identity.read")
            .await
            .iter()
            .any(|e| e.0 == "demo-requester" && e.1 == identified.to_string())
    );
    validate(std::slice::from_ref(&sr));
    // The area's coordinator sees the case, never the code.
    let coordinator = app.login(Role::Coordinator).await;
    let (code, body) = page(
        &app,
        &coordinator,
        &format!("/fhir/r4/ServiceRequest/{identified}"),
    )
    .await;
    assert_eq!(code, 200, "{body}");
    assert!(!body.contains(HETU) && !body.contains("Patient"), "{body}");
    // A search never carries a code; the other resources never do.
    let secretary = app.login(Role::Secretary).await;
    for path in [
        "/fhir/r4/ServiceRequest".to_owned(),
        format!("/fhir/r4/QuestionnaireResponse/{identified}"),
        format!("/fhir/r4/Task/{identified}"),
    ] {
        let (code, body) = page(&app, &secretary, &path).await;
        assert_eq!(code, 200, "{path}");
        assert!(
            !body.contains(HETU) && !body.contains("1.2.246.21"),
            "{path}: {body}"
        );
    }
    // A pseudonymous case has no Patient for anyone.
    for c in [&requester, &secretary] {
        let (_, body) = page(&app, c, &format!("/fhir/r4/ServiceRequest/{pseudonymous}")).await;
        assert!(
            !body.contains("Patient") && !body.contains("contained"),
            "{body}"
        );
    }
}

#[tokio::test]
async fn hostile_input_gets_an_operation_outcome_never_a_server_error() {
    let app = TestApp::spawn().await;
    let g = group_id(&app, "separation").await;
    let requester = app.login(Role::Requester).await;
    for (path, want) in [
        ("/fhir/r4/Task/abc", 404),
        ("/fhir/r4/Task/99999999999999999999999", 404),
        ("/fhir/r4/Task?_count=-1", 400),
        ("/fhir/r4/Task?_offset=99999999999999999999999", 400),
        ("/fhir/r4/Task?_offset=18446744073709551615", 200),
        (
            "/fhir/r4/HealthcareService?_offset=18446744073709551615",
            200,
        ),
        ("/fhir/r4/Task?_count=0", 200),
        ("/fhir/r4/Questionnaire/1/_history/x", 404),
        ("/fhir/r4/Task/1/_history/1", 404),
        ("/fhir/r4/Nothing?x=1", 404),
        ("/fhir/r4/Task/1/a/b/c", 404),
    ] {
        let (code, v) = get(&app, &requester, path).await;
        assert_eq!(code, want, "{path}: {v}");
        if want != 200 {
            assert_eq!(v["resourceType"], "OperationOutcome", "{path}");
        }
    }
    let res = requester
        .put(app.url("/fhir/r4/Task/1"))
        .header("content-type", "application/fhir+json")
        .body("{}")
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 405);
    let v: Value = res.json().await.unwrap();
    assert_eq!(v["resourceType"], "OperationOutcome");
    let mut odd = transaction(&app, g, None, "h");
    odd["entry"][0]["resource"]["item"][0]["linkId"] = json!(5);
    odd["entry"][0]["resource"]["item"][1]["answer"] = json!([null, "x", {"valueString": null}]);
    odd["entry"][1]["resource"]["reasonCode"] = json!([{"coding": [{"system": 1}]}]);
    let huge = "x".repeat(2 * 1024 * 1024);
    for (ct, body, want) in [
        ("text/plain", "{}".to_owned(), 415),
        ("application/fhir+json", "{not json".to_owned(), 400),
        ("application/fhir+json", "[1,2]".to_owned(), 400),
        (
            "application/fhir+json",
            r#"{"resourceType":"Bundle","type":"transaction","entry":["x",{"resource":null}]}"#
                .to_owned(),
            400,
        ),
        ("application/fhir+json", odd.to_string(), 422),
        ("application/json", format!("{{\"a\":\"{huge}\"}}"), 413),
    ] {
        let res = requester
            .post(app.url("/fhir/r4"))
            .header("content-type", ct)
            .body(body)
            .send()
            .await
            .unwrap();
        assert_eq!(res.status().as_u16(), want, "{ct}");
        let v: Value = res.json().await.unwrap();
        assert_eq!(v["resourceType"], "OperationOutcome");
    }
    let (n,): (i64,) = sqlx::query_as("SELECT COUNT(*) FROM requests")
        .fetch_one(app.state.db.pool())
        .await
        .unwrap();
    assert_eq!(n, 0);
}
