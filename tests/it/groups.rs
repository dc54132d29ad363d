//! Consultation groups and their calendars through the real router: the
//! seed group's season from its rule in the page and the iCalendar feed
//! (checked by Python's `icalendar`), holidays, DST, one-off changes and
//! who may make them.

use crate::helpers::*;
use crate::python;
use otalusta_domain::role::Role;
use serde_json::Value;

/// The form fields for a group with the seed's rule ("second Thursday,
/// notice a week before, no meetings in July and August").
fn seed_group_form(
    name: &str,
    season: (&str, &str),
    holiday_policy: &str,
) -> Vec<(String, String)> {
    let mut f: Vec<(String, String)> = [
        ("name_fi", name),
        ("kind", "separation"),
        ("area", "ita-suomi"),
        ("organiser", "keski-suomi"),
        ("mode", "both"),
        ("place", "Jyväskylä"),
        ("video_link", "https://video.example.fi/erot"),
        ("capacity", "3"),
        ("phenomena", "custody-disputes"),
        ("recurrence", "nth-weekday"),
        ("nth", "2"),
        ("weekday", "thu"),
        ("start_time", "13:00"),
        ("length_minutes", "120"),
        ("notice_days", "7"),
        ("notice_time", ""),
        ("paused_months", "7"),
        ("paused_months", "8"),
        ("season_start", season.0),
        ("season_end", season.1),
        ("holiday_policy", holiday_policy),
        ("deadline_policy", "previous-working-day"),
    ]
    .iter()
    .map(|(k, v)| (k.to_string(), v.to_string()))
    .collect();
    f.push(("eligible_areas".into(), "ita-suomi".into()));
    f
}

/// Creates a group through the form as `c` and returns its id.
async fn create_group(app: &TestApp, c: &reqwest::Client, form: &[(String, String)]) -> i64 {
    let fields: Vec<(&str, &str)> = form.iter().map(|(k, v)| (k.as_str(), v.as_str())).collect();
    let res = app.post_form(c, "/groups/new", "/groups", &fields).await;
    assert_eq!(res.status(), 303, "group created");
    let loc = res.headers()["location"].to_str().unwrap().to_owned();
    loc.trim_start_matches("/groups/")
        .split('?')
        .next()
        .unwrap()
        .parse()
        .unwrap()
}

pub(crate) async fn text(c: &reqwest::Client, url: String) -> (u16, String) {
    let r = c.get(url).send().await.unwrap();
    (r.status().as_u16(), r.text().await.unwrap())
}

/// The events of an iCalendar file as an independent parser reads them:
/// uid, local start and end in Helsinki, status, sequence, description.
pub(crate) fn parse_ics(ics: &str) -> Vec<Value> {
    let out = python::run(
        r#"
import sys, json
from zoneinfo import ZoneInfo
from icalendar import Calendar
cal = Calendar.from_ical(sys.stdin.read())
hel = ZoneInfo("Europe/Helsinki")
events = []
for e in cal.walk("VEVENT"):
    start = e.decoded("DTSTART").astimezone(hel)
    end = e.decoded("DTEND").astimezone(hel)
    events.append({
        "uid": str(e["UID"]),
        "start": start.strftime("%Y-%m-%d %H:%M"),
        "end": end.strftime("%Y-%m-%d %H:%M"),
        "utc_hour": e.decoded("DTSTART").hour,
        "status": str(e.get("STATUS")),
        "sequence": int(e.get("SEQUENCE", 0)),
        "description": str(e.get("DESCRIPTION")),
    })
print(json.dumps({"version": str(cal["VERSION"]), "events": events}))
"#,
        ics,
    );
    let v: Value = serde_json::from_str(&out).unwrap();
    assert_eq!(v["version"], "2.0");
    v["events"].as_array().unwrap().clone()
}

const SEASON: [(&str, &str); 9] = [
    ("13.10.2022", "6.10.2022"),
    ("10.11.2022", "3.11.2022"),
    ("8.12.2022", "1.12.2022"),
    ("12.1.2023", "5.1.2023"),
    ("9.2.2023", "2.2.2023"),
    ("9.3.2023", "2.3.2023"),
    ("13.4.2023", "6.4.2023"),
    ("11.5.2023", "4.5.2023"),
    ("8.6.2023", "1.6.2023"),
];

fn iso(finnish: &str) -> String {
    let d = otalusta_domain::groups::parse_date(finnish).unwrap();
    d.to_string()
}

#[tokio::test]
async fn the_seed_season_comes_from_the_rule_in_the_page_and_the_feed() {
    let app = TestApp::spawn().await;
    let coordinator = app.login(Role::Coordinator).await;
    let id = create_group(
        &app,
        &coordinator,
        &seed_group_form(
            "Haastavat erot 2022–2023",
            ("1.10.2022", "30.6.2023"),
            "keep-and-warn",
        ),
    )
    .await;

    // The page, over the season: exactly the nine meetings and deadlines.
    let (status, html) = text(
        &coordinator,
        app.url(&format!("/groups/{id}?from=2022-08-01&to=2023-08-31")),
    )
    .await;
    assert_eq!(status, 200);
    assert_eq!(
        html.matches("<tr class=\"scheduled\">").count(),
        9,
        "nine meetings"
    );
    assert_eq!(html.matches("<tr class=").count(), 9, "nothing else listed");
    for (meeting, deadline) in SEASON {
        assert!(
            html.contains(&format!("torstai {meeting}</a>")),
            "meeting {meeting}"
        );
        assert!(
            html.contains(&format!("{deadline} klo 23.59")),
            "deadline {deadline}"
        );
    }
    assert!(html.contains("Joka kuukauden toinen torstai klo 13.00–15.00."));
    assert!(html.contains("Tauko: heinäkuu, elokuu."));

    // The feed carries the same nine, in Helsinki time, DST or not.
    let (status, ics) = text(
        &app.client(),
        app.url(&format!("/groups/{id}/calendar.ics")),
    )
    .await;
    assert_eq!(status, 200);
    let events = parse_ics(&ics);
    let starts: Vec<String> = events
        .iter()
        .map(|e| e["start"].as_str().unwrap().to_owned())
        .collect();
    let expected: Vec<String> = SEASON
        .iter()
        .map(|(m, _)| format!("{} 13:00", iso(m)))
        .collect();
    assert_eq!(starts, expected);
    for (e, (_, deadline)) in events.iter().zip(SEASON) {
        assert!(e["end"].as_str().unwrap().ends_with("15:00"));
        assert_eq!(e["status"], "CONFIRMED");
        assert!(
            e["description"]
                .as_str()
                .unwrap()
                .contains(&format!("{deadline} klo 23.59"))
        );
    }
    // Winter time is UTC+2, summer time UTC+3: the local hour stays 13.
    let utc: Vec<i64> = events
        .iter()
        .map(|e| e["utc_hour"].as_i64().unwrap())
        .collect();
    assert_eq!(utc, vec![10, 11, 11, 11, 11, 11, 10, 10, 10]);
    let uids: std::collections::BTreeSet<String> =
        events.iter().map(|e| e["uid"].to_string()).collect();
    assert_eq!(uids.len(), 9, "one UID per meeting");
}

#[tokio::test]
async fn ascension_day_2024_is_flagged_and_handled_by_the_rule() {
    let app = TestApp::spawn().await;
    let coordinator = app.login(Role::Coordinator).await;
    let moved = create_group(
        &app,
        &coordinator,
        &seed_group_form(
            "Siirtävä ryhmä",
            ("1.1.2024", "31.12.2024"),
            "next-working-day",
        ),
    )
    .await;
    let kept = create_group(
        &app,
        &coordinator,
        &seed_group_form(
            "Varoittava ryhmä",
            ("1.1.2024", "31.12.2024"),
            "keep-and-warn",
        ),
    )
    .await;
    let (_, html) = text(
        &coordinator,
        app.url(&format!("/groups/{moved}?from=2024-05-01&to=2024-05-31")),
    )
    .await;
    assert!(
        html.contains("9.5.2024 on helatorstai: kokous on siirretty päivälle 10.5.2024."),
        "the move is shown"
    );
    assert!(html.contains("perjantai 10.5.2024"), "held on Friday");
    let (_, html) = text(
        &coordinator,
        app.url(&format!("/groups/{kept}?from=2024-05-01&to=2024-05-31")),
    )
    .await;
    assert!(
        html.contains(
            "9.5.2024 on helatorstai: säännön mukaan kokous pidetään silti tänä päivänä."
        )
    );
    // The API says it too, with a stable kind.
    let res = coordinator
        .get(app.url(&format!(
            "/api/v1/groups/{moved}/meetings?from=2024-05-01&to=2024-05-31"
        )))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 200);
    let meetings: Vec<Value> = res.json().await.unwrap();
    assert_eq!(meetings.len(), 1);
    assert_eq!(meetings[0]["rule_date"], "2024-05-09");
    assert_eq!(meetings[0]["date"], "2024-05-10");
    assert_eq!(meetings[0]["start"], "2024-05-10T13:00:00+03:00");
    assert_eq!(meetings[0]["conflicts"][0]["kind"], "meeting-on-holiday");
    // In Swedish the holiday has its Swedish name.
    let (_, html) = text(
        &coordinator,
        app.url(&format!(
            "/groups/{moved}?from=2024-05-01&to=2024-05-31&lang=sv"
        )),
    )
    .await;
    assert!(html.contains("Kristi himmelsfärdsdag"));
}

#[tokio::test]
async fn a_bad_form_comes_back_marked_and_stores_nothing() {
    let app = TestApp::spawn().await;
    let coordinator = app.login(Role::Coordinator).await;
    let mut form = seed_group_form("", ("1.10.2023", "1.9.2023"), "whatever");
    for (k, v) in form.iter_mut() {
        match k.as_str() {
            "capacity" => *v = "0".into(),
            "start_time" => *v = "25.00".into(),
            "video_link" => *v = "javascript:alert(1)".into(),
            _ => {}
        }
    }
    let fields: Vec<(&str, &str)> = form.iter().map(|(k, v)| (k.as_str(), v.as_str())).collect();
    let res = app
        .post_form(&coordinator, "/groups/new", "/groups", &fields)
        .await;
    assert_eq!(res.status(), 422);
    let html = res.text().await.unwrap();
    for field in [
        "name_fi",
        "capacity",
        "start_time",
        "video_link",
        "season_end",
        "holiday_policy",
    ] {
        assert!(
            html.contains(&format!("id=\"{field}\" name=\"{field}\""))
                || html.contains(&format!("id=\"{field}\"")),
            "{field} is on the form"
        );
        assert!(
            html.contains(&format!("id=\"{field}-error\"")),
            "{field} is marked"
        );
    }
    assert!(html.contains("Kausi ei voi päättyä ennen kuin se alkaa."));
    assert!(html.contains("value=\"25.00\""), "what was typed is kept");
    let (n,): (i64,) =
        sqlx::query_as("SELECT COUNT(*) FROM consultation_groups WHERE name_fi = ''")
            .fetch_one(app.state.db.pool())
            .await
            .unwrap();
    assert_eq!(n, 0);
    // A preview saves nothing either, and shows the conflicts to come.
    let mut form = seed_group_form("Esikatselu", ("1.1.2024", "31.12.2024"), "keep-and-warn");
    form.push(("preview".into(), "1".into()));
    let fields: Vec<(&str, &str)> = form.iter().map(|(k, v)| (k.as_str(), v.as_str())).collect();
    let res = app
        .post_form(&coordinator, "/groups/new", "/groups", &fields)
        .await;
    assert_eq!(res.status(), 200);
    let html = res.text().await.unwrap();
    assert!(
        html.contains("helatorstai"),
        "the preview warns of Ascension Day"
    );
    let (n,): (i64,) =
        sqlx::query_as("SELECT COUNT(*) FROM consultation_groups WHERE name_fi = 'Esikatselu'")
            .fetch_one(app.state.db.pool())
            .await
            .unwrap();
    assert_eq!(n, 0);
}

/// The demo group "Haastavat erot" (id 1; demo-secretary is its secretary).
async fn demo_group(app: &TestApp) -> i64 {
    let (id,): (i64,) = sqlx::query_as(
        "SELECT id FROM consultation_groups WHERE name_fi = 'Haastavat erot -konsultaatioryhmä'",
    )
    .fetch_one(app.state.db.pool())
    .await
    .unwrap();
    id
}

#[tokio::test]
async fn the_secretary_moves_and_cancels_one_meeting_with_a_reason() {
    let app = TestApp::spawn().await;
    let id = demo_group(&app).await;
    let secretary = app.login(Role::Secretary).await;
    let meeting = format!("/groups/{id}/meetings/2027-02-11");
    let (status, html) = text(&secretary, app.url(&meeting)).await;
    assert_eq!(status, 200);
    assert!(html.contains("torstai 11.2.2027"));

    // Without a reason: refused, named, nothing changed.
    let res = app
        .post_form(
            &secretary,
            &meeting,
            &format!("{meeting}/move"),
            &[("date", "2027-02-12"), ("time", "10:00"), ("reason", " ")],
        )
        .await;
    assert_eq!(res.status(), 422);
    assert!(
        res.text()
            .await
            .unwrap()
            .contains("Kirjoita syy muutokselle.")
    );

    let before = parse_ics(
        &text(
            &app.client(),
            app.url(&format!("/groups/{id}/calendar.ics")),
        )
        .await
        .1,
    );
    let old = before
        .iter()
        .find(|e| e["start"] == "2027-02-11 13:00")
        .expect("in the feed")
        .clone();

    let res = app
        .post_form(
            &secretary,
            &meeting,
            &format!("{meeting}/move"),
            &[
                ("date", "12.2.2027"),
                ("time", "10.00"),
                ("reason", "puheenjohtaja estynyt"),
            ],
        )
        .await;
    assert_eq!(res.status(), 303);
    let (_, html) = text(&secretary, app.url(&meeting)).await;
    assert!(html.contains("perjantai 12.2.2027"));
    assert!(html.contains("Siirretty ajalta 11.2.2027 klo 13.00. Syy: puheenjohtaja estynyt"));
    // The rule did not change: the next month is where it was.
    let (_, html) = text(
        &secretary,
        app.url(&format!("/groups/{id}?from=2027-02-01&to=2027-03-31")),
    )
    .await;
    assert!(html.contains("torstai 11.3.2027"));

    // The calendar replaces its copy: same UID, higher SEQUENCE.
    let after = parse_ics(
        &text(
            &app.client(),
            app.url(&format!("/groups/{id}/calendar.ics")),
        )
        .await
        .1,
    );
    let new = after
        .iter()
        .find(|e| e["uid"] == old["uid"])
        .expect("same UID");
    assert_eq!(new["start"], "2027-02-12 10:00");
    assert!(new["sequence"].as_i64() > old["sequence"].as_i64());

    let res = app
        .post_form(
            &secretary,
            &meeting,
            &format!("{meeting}/cancel"),
            &[("reason", "ei käsiteltäviä asioita")],
        )
        .await;
    assert_eq!(res.status(), 303);
    let after = parse_ics(
        &text(
            &app.client(),
            app.url(&format!("/groups/{id}/calendar.ics")),
        )
        .await
        .1,
    );
    let cancelled = after.iter().find(|e| e["uid"] == old["uid"]).unwrap();
    assert_eq!(cancelled["status"], "CANCELLED");
    assert!(
        cancelled["description"]
            .as_str()
            .unwrap()
            .contains("ei käsiteltäviä asioita")
    );

    let res = app
        .post_form(&secretary, &meeting, &format!("{meeting}/restore"), &[])
        .await;
    assert_eq!(res.status(), 303);
    let (_, html) = text(&secretary, app.url(&meeting)).await;
    assert!(html.contains("torstai 11.2.2027") && !html.contains("Peruttu"));
    let log = audit_entries(&app, "meeting.move").await;
    assert_eq!(log.len(), 1);
    assert_eq!(log[0].0, "demo-secretary");
}

#[tokio::test]
async fn only_the_groups_own_secretary_changes_its_meetings() {
    let app = TestApp::spawn().await;
    let id = demo_group(&app).await;
    let (master,): (i64,) = sqlx::query_as(
        "SELECT id FROM consultation_groups WHERE kind = 'statutory-child-protection'",
    )
    .fetch_one(app.state.db.pool())
    .await
    .unwrap();
    let secretary = app.login(Role::Secretary).await;
    // demo-secretary is not MASTER's secretary.
    let page = format!("/groups/{master}/meetings/2027-01-12");
    let (status, _) = text(&secretary, app.url(&page)).await;
    assert_eq!(status, 200, "but may look at it");
    let res = app
        .post_form(
            &secretary,
            &page,
            &format!("{page}/cancel"),
            &[("reason", "x")],
        )
        .await;
    assert_eq!(res.status(), 403);
    let (status, _) = text(&secretary, app.url(&format!("/groups/{master}/edit"))).await;
    assert_eq!(status, 403);
    // A member who is not the secretary cannot either.
    let expert = app.login(Role::Expert).await;
    let page = format!("/groups/{id}/meetings/2027-01-14");
    let res = app
        .post_form(
            &expert,
            &page,
            &format!("{page}/cancel"),
            &[("reason", "x")],
        )
        .await;
    assert_eq!(res.status(), 403);
    // A date the rule does not yield is no meeting.
    let (status, _) = text(
        &expert,
        app.url(&format!("/groups/{id}/meetings/2027-01-15")),
    )
    .await;
    assert_eq!(status, 404);
    let (status, _) = text(
        &expert,
        app.url(&format!("/groups/{id}/meetings/not-a-date")),
    )
    .await;
    assert_eq!(status, 404);
}

#[tokio::test]
async fn members_are_added_with_checks_and_see_their_meetings() {
    let app = TestApp::spawn().await;
    let id = demo_group(&app).await;
    let secretary = app.login(Role::Secretary).await;
    let page = format!("/groups/{id}");
    let res = app
        .post_form(
            &secretary,
            &page,
            &format!("{page}/members"),
            &[("username", "ei-ketaan"), ("role", "member")],
        )
        .await;
    assert_eq!(res.status(), 422);
    assert!(
        res.text()
            .await
            .unwrap()
            .contains("Tällä käyttäjätunnuksella ei ole tiliä.")
    );
    let res = app
        .post_form(
            &secretary,
            &page,
            &format!("{page}/members"),
            &[("username", "demo-requester"), ("role", "secretary")],
        )
        .await;
    assert_eq!(res.status(), 422, "a secretary needs the secretary role");
    let res = app
        .post_form(
            &secretary,
            &page,
            &format!("{page}/members"),
            &[("username", "demo-requester"), ("role", "member")],
        )
        .await;
    assert_eq!(res.status(), 303);

    let requester = app.login(Role::Requester).await;
    let (_, html) = text(&requester, app.url("/meetings")).await;
    assert!(
        html.contains("Haastavat erot -konsultaatioryhmä"),
        "my meetings lists the group"
    );
    // The personal feed: made once, readable without a login, revocable.
    let res = app
        .post_form(&requester, "/meetings", "/meetings/feed", &[])
        .await;
    assert_eq!(res.status(), 200);
    let html = res.text().await.unwrap();
    let start = html.find("/calendar/").expect("the link is shown");
    let path = &html[start..start + html[start..].find('<').unwrap()];
    let (status, ics) = text(&app.client(), app.url(path)).await;
    assert_eq!(status, 200);
    assert!(
        !parse_ics(&ics).is_empty(),
        "the member's meetings are in it"
    );
    let res = app
        .post_form(&requester, "/meetings", "/meetings/feed/revoke", &[])
        .await;
    assert_eq!(res.status(), 303);
    let (status, _) = text(&app.client(), app.url(path)).await;
    assert_eq!(status, 404, "a revoked link stops working");
    let (status, _) = text(
        &app.client(),
        app.url("/calendar/guessed-token/meetings.ics"),
    )
    .await;
    assert_eq!(status, 404);
}

/// An iCalendar file as an independent parser reads it, however many
/// calendars it turns out to hold: their names, every property name in
/// them, and each event's text properties.
fn parse_ics_strictly(ics: &str) -> Value {
    let out = python::run(
        r#"
import sys, json
from icalendar import Calendar
cals = Calendar.from_ical(sys.stdin.read(), multiple=True)
out = {"calendars": len(cals), "names": [], "properties": [], "events": []}
for cal in cals:
    out["names"].append([str(cal.get("NAME")), str(cal.get("X-WR-CALNAME"))])
    for c in cal.walk():
        out["properties"].extend(c.keys())
    for e in cal.walk("VEVENT"):
        out["events"].append({k: str(e.get(k, "")) for k in
            ["UID", "SUMMARY", "DESCRIPTION", "LOCATION", "URL"]})
print(json.dumps(out))
"#,
        ics,
    );
    serde_json::from_str(&out).unwrap()
}

#[tokio::test]
async fn feeds_escape_what_people_typed_and_keep_the_video_link_private() {
    let app = TestApp::spawn().await;
    let coordinator = app.login(Role::Coordinator).await;
    let name = "Ryhmä; pitkä, \\ nimi\r\nEND:VEVENT\r\nEND:VCALENDAR\r\nBEGIN:VCALENDAR\r\n\
                X-INJECTED:nimi\nBEGIN:VEVENT\rUID:evil loppuu tähän";
    let mut fields = crate::consultations::group_fields(&[20, 27, 34], "2");
    fields.retain(|(k, _)| *k != "name_fi");
    fields.push(("name_fi", name.into()));
    let f: Vec<(&str, &str)> = fields.iter().map(|(k, v)| (*k, v.as_str())).collect();
    let res = app
        .post_form(&coordinator, "/groups/new", "/groups", &f)
        .await;
    assert_eq!(res.status(), 303);
    let g: i64 = res.headers()["location"]
        .to_str()
        .unwrap()
        .trim_start_matches("/groups/")
        .split('?')
        .next()
        .unwrap()
        .parse()
        .unwrap();
    let res = app
        .post_form(
            &coordinator,
            &format!("/groups/{g}"),
            &format!("/groups/{g}/members"),
            &[("username", "demo-secretary"), ("role", "secretary")],
        )
        .await;
    assert_eq!(res.status(), 303);
    let secretary = app.login(Role::Secretary).await;
    let meeting = format!("/groups/{g}/meetings/{}", crate::consultations::day(20));
    let reason = "Tila varattu\r\nLOCATION:https://evil.example\r\nEND:VEVENT\r\n\
                  BEGIN:VEVENT\r\nUID:evil-2\r\nSUMMARY:Väärä";
    let day21 = crate::consultations::day(21);
    let res = app
        .post_form(
            &secretary,
            &meeting,
            &format!("{meeting}/move"),
            &[
                ("date", day21.as_str()),
                ("time", "10:00"),
                ("reason", reason),
            ],
        )
        .await;
    assert_eq!(res.status(), 303);

    let (status, public) = text(&app.client(), app.url(&format!("/groups/{g}/calendar.ics"))).await;
    assert_eq!(status, 200);
    let res = app
        .post_form(&secretary, "/meetings", "/meetings/feed", &[])
        .await;
    let html = res.text().await.unwrap();
    let start = html.find("/calendar/").expect("the link is shown");
    let path = &html[start..start + html[start..].find('<').unwrap()];
    let (status, personal) = text(&app.client(), app.url(path)).await;
    assert_eq!(status, 200);

    // What the name and reason read as, once the parser has unescaped them.
    let name_read = "Ryhmä; pitkä, \\ nimi\nEND:VEVENT\nEND:VCALENDAR\nBEGIN:VCALENDAR\n\
                     X-INJECTED:nimi\nBEGIN:VEVENT\nUID:evil loppuu tähän";
    let reason_read = reason.replace("\r\n", "\n");
    for (feed, ics) in [("public", &public), ("personal", &personal)] {
        for line in ics.split("\r\n") {
            assert!(line.len() <= 75, "{feed}: a line of {} octets", line.len());
            assert!(
                !line.contains(['\r', '\n']),
                "{feed}: a line break in {line:?}"
            );
        }
        let v = parse_ics_strictly(ics);
        assert_eq!(v["calendars"], 1, "{feed}: exactly one calendar");
        let props: Vec<&str> = v["properties"]
            .as_array()
            .unwrap()
            .iter()
            .map(|p| p.as_str().unwrap())
            .collect();
        assert!(!props.contains(&"X-INJECTED"), "{feed}: {props:?}");
        let events = v["events"].as_array().unwrap();
        let ours: Vec<&Value> = events
            .iter()
            .filter(|e| {
                e["UID"]
                    .as_str()
                    .unwrap()
                    .starts_with(&format!("group-{g}-"))
            })
            .collect();
        assert_eq!(ours.len(), 3, "{feed}: the group's three meetings");
        assert!(
            events
                .iter()
                .all(|e| e["UID"].as_str().unwrap().starts_with("group-")),
            "{feed}: no event of the attacker's"
        );
        for e in &ours {
            assert_eq!(
                e["SUMMARY"].as_str().unwrap(),
                format!("{name_read}: konsultaatiokokous"),
                "{feed}"
            );
        }
        let moved = ours
            .iter()
            .find(|e| {
                e["DESCRIPTION"]
                    .as_str()
                    .unwrap()
                    .contains(&format!("Syy: {reason_read}"))
            })
            .unwrap_or_else(|| panic!("{feed}: the reason, whole, in the description"));
        assert!(!moved["LOCATION"].as_str().unwrap().contains("evil"));
        if feed == "public" {
            assert_eq!(v["names"][0][0], name_read);
            assert_eq!(v["names"][0][1], name_read);
            assert!(
                !ics.contains("video.example.fi"),
                "the public feed has no video link"
            );
        } else {
            assert!(
                ours.iter()
                    .all(|e| e["LOCATION"] == "https://video.example.fi/x"),
                "the personal feed has the video link: {ours:?}"
            );
        }
    }
}

/// What the server logs, captured for one test (its runtime runs the
/// server on the test's own thread).
#[derive(Clone, Default)]
struct Captured(std::sync::Arc<std::sync::Mutex<Vec<u8>>>);

impl std::io::Write for Captured {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.0.lock().unwrap().extend_from_slice(buf);
        Ok(buf.len())
    }
    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

impl<'a> tracing_subscriber::fmt::MakeWriter<'a> for Captured {
    type Writer = Captured;
    fn make_writer(&'a self) -> Captured {
        self.clone()
    }
}

#[tokio::test]
async fn the_personal_feeds_token_stays_out_of_the_log() {
    let logs = Captured::default();
    // With a single dispatcher, tracing decides whether a call site is on
    // by asking the registering thread's own default: another test's
    // thread would switch ours off for good. A second one makes it ask all.
    let _second = tracing::Dispatch::new(tracing::subscriber::NoSubscriber::default());
    let _guard = tracing::subscriber::set_default(
        tracing_subscriber::fmt()
            .with_env_filter("info")
            .with_ansi(false)
            .with_writer(logs.clone())
            .finish(),
    );
    let app = TestApp::spawn().await;
    let secretary = app.login(Role::Secretary).await;
    let res = app
        .post_form(&secretary, "/meetings", "/meetings/feed", &[])
        .await;
    let html = res.text().await.unwrap();
    let start = html.find("/calendar/").expect("the link is shown");
    let path = html[start..start + html[start..].find('<').unwrap()].to_owned();
    let token = path.split('/').nth(2).unwrap().to_owned();
    let (status, _) = text(&app.client(), app.url(&format!("{path}?lang=sv"))).await;
    assert_eq!(status, 200);
    let (status, _) = text(
        &app.client(),
        app.url("/calendar/guessed-token/meetings.ics"),
    )
    .await;
    assert_eq!(status, 404);
    let (status, _) = text(&secretary, app.url("/meetings?salainen=kysely")).await;
    assert_eq!(status, 200);
    let log = String::from_utf8(logs.0.lock().unwrap().clone()).unwrap();
    assert!(
        log.contains("path=/calendar/[redacted]/meetings.ics"),
        "the feed's requests are logged, redacted: {log}"
    );
    assert!(log.contains("path=/meetings"), "{log}");
    for secret in [token.as_str(), "guessed-token", "salainen"] {
        assert!(!log.contains(secret), "{secret} in the log: {log}");
    }
}

/// The node that saved a group finds it in its own search at once (README:
/// the index follows "at once after its own writes"), also after an edit.
#[tokio::test]
async fn a_saved_group_is_in_the_saving_nodes_search_at_once() {
    let app = TestApp::spawn().await;
    let coordinator = app.login(Role::Coordinator).await;
    let search = |word: &'static str| {
        let (c, url) = (
            coordinator.clone(),
            app.url(&format!("/api/v1/experts?q={word}&kind=groups")),
        );
        async move {
            let hits: Value = c.get(url).send().await.unwrap().json().await.unwrap();
            hits["hits"]
                .as_array()
                .unwrap()
                .iter()
                .map(|h| h["id"].as_i64().unwrap())
                .collect::<Vec<_>>()
        }
    };
    let mut form = seed_group_form("Hakuryhmä", ("", ""), "keep-and-warn");
    form.push((
        "description_fi".into(),
        "Ryhmä qxensimmainen auttaa.".into(),
    ));
    let id = create_group(&app, &coordinator, &form).await;
    assert_eq!(
        search("qxensimmainen").await,
        vec![id],
        "found at once after create"
    );

    form.retain(|(k, _)| k != "description_fi");
    form.push(("description_fi".into(), "Ryhmä qxtoinensana auttaa.".into()));
    let fields: Vec<(&str, &str)> = form.iter().map(|(k, v)| (k.as_str(), v.as_str())).collect();
    let res = app
        .post_form(
            &coordinator,
            &format!("/groups/{id}/edit"),
            &format!("/groups/{id}"),
            &fields,
        )
        .await;
    assert_eq!(res.status(), 303, "group saved");
    assert_eq!(
        search("qxtoinensana").await,
        vec![id],
        "found at once after edit"
    );
    assert!(
        search("qxensimmainen").await.is_empty(),
        "the old text is gone"
    );
}
