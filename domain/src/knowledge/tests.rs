use super::*;
use crate::ids::UserId;
use crate::role::Grant;
use jiff::civil::date;

const TODAY: Date = date(2026, 12, 4);

fn method_form() -> KnowledgeForm {
    KnowledgeForm {
        kind: "method".into(),
        visibility: "public".into(),
        title_fi: "Cool Kids".into(),
        summary_fi: "Ahdistuneiden lasten ryhmäohjelma.".into(),
        body_fi: "## Mitä\nKognitiivinen käyttäytymisterapia.".into(),
        phenomena: vec!["neuropsykiatria".into()],
        age_bands: vec!["13-15".into(), "7-12".into()],
        sectors: vec!["health".into(), "education".into()],
        professions: "psykologit, sosiaalityöntekijät, psykologit".into(),
        target_group: "7–17-vuotiaat".into(),
        aim: "Ahdistuksen väheneminen".into(),
        evidence: "cebc-2".into(),
        ..Default::default()
    }
}

#[test]
fn a_method_card_parses_with_its_clearinghouse_fields() {
    let p = method_form()
        .parse(&["neuropsykiatria"], TODAY)
        .expect("valid");
    assert_eq!(p.kind, Kind::Method);
    let m = p.content.method.as_ref().expect("method card");
    assert_eq!(m.evidence, Evidence::Supported);
    assert_eq!(p.content.age_bands, ["7-12", "13-15"]);
    assert_eq!(p.content.professions, ["psykologit", "sosiaalityöntekijät"]);
    assert_eq!(p.content.languages(), ["fi"]);
    // The form shows what was stored, and parses back to the same.
    let again = KnowledgeForm::from_content(p.kind, p.visibility, &p.content, None)
        .parse(&["neuropsykiatria"], TODAY)
        .expect("valid");
    assert_eq!(again.content, p.content);
}

#[test]
fn every_problem_is_named_at_once() {
    let f = KnowledgeForm {
        kind: "method".into(),
        visibility: "everyone".into(),
        summary_sv: "Utan rubrik".into(),
        phenomena: vec!["tuntematon".into()],
        url: "javascript:alert(1)".into(),
        review_by: "2026-01-01".into(),
        body_fi: "Asiakas 131052-308T".into(),
        title_fi: "x".into(),
        ..Default::default()
    };
    let p = f.parse(&["neuropsykiatria"], TODAY).unwrap_err();
    for expected in [
        ("visibility", "field-choose"),
        ("title_sv", "knowledge-title-missing"),
        ("phenomena", "field-choose"),
        ("url", "knowledge-url-invalid"),
        ("review_by", "knowledge-review-by-past"),
        ("body_fi", "knowledge-identity-code"),
        ("aim", "field-required"),
        ("evidence", "field-choose"),
    ] {
        assert!(p.contains(&expected), "{expected:?} missing from {p:?}");
    }
}

#[test]
fn links_and_recordings_need_a_web_address() {
    let mut f = KnowledgeForm {
        kind: "link".into(),
        visibility: "public".into(),
        title_fi: "TerveyskyläPro".into(),
        ..Default::default()
    };
    assert_eq!(
        f.parse(&[], TODAY).unwrap_err(),
        [("url", "field-required")]
    );
    f.url = "https://www.terveyskyla.fi/pro".into();
    assert!(f.parse(&[], TODAY).is_ok());
    assert!(!content::is_web_url("ftp://x"));
    assert!(!content::is_web_url("https://a b"));
}

#[test]
fn visibility_follows_the_audience() {
    let actor = |role| crate::policy::Actor {
        user_id: UserId(1),
        username: "x".into(),
        grants: vec![Grant { role, area: None }],
        secretary_of: vec![],
        member_of: vec![],
        county_groups: vec![],
    };
    assert_eq!(audience(None), Audience::Anonymous);
    assert_eq!(
        audience(Some(&actor(Role::Requester))),
        Audience::Professional
    );
    assert_eq!(
        audience(Some(&actor(Role::Researcher))),
        Audience::Professional
    );
    assert_eq!(audience(Some(&actor(Role::Expert))), Audience::Network);
    assert!(Visibility::Public.readable_by(Audience::Anonymous));
    assert!(!Visibility::Professionals.readable_by(Audience::Anonymous));
    assert!(Visibility::Professionals.readable_by(Audience::Professional));
    assert!(!Visibility::Network.readable_by(Audience::Professional));
    assert!(Visibility::Network.readable_by(Audience::Network));
    assert_eq!(Visibility::readable(Audience::Professional).len(), 2);
}

#[test]
fn the_workflow_needs_a_second_person() {
    use State::*;
    assert_eq!(step(Draft, Step::Submit, true, ""), Ok(Review));
    assert_eq!(
        step(Review, Step::Approve, true, ""),
        Err(WorkflowError::SelfReview)
    );
    assert_eq!(step(Review, Step::Approve, false, ""), Ok(Published));
    assert_eq!(
        step(Review, Step::Return, false, " "),
        Err(WorkflowError::CommentRequired)
    );
    assert_eq!(
        step(Review, Step::Return, false, "Lähteet puuttuvat"),
        Ok(Draft)
    );
    assert_eq!(
        step(Draft, Step::Approve, false, ""),
        Err(WorkflowError::NotNow)
    );
    assert_eq!(step(Published, Step::Archive, false, ""), Ok(Archived));
    assert_eq!(step(Archived, Step::Restore, false, ""), Ok(Draft));
    assert_eq!(
        step(Archived, Step::Submit, false, ""),
        Err(WorkflowError::NotNow)
    );
    assert!(!Archived.editable());
}

#[test]
fn past_review_dates_mark_an_item_to_be_checked() {
    assert!(to_be_checked(Some(date(2026, 12, 3)), TODAY));
    assert!(!to_be_checked(Some(TODAY), TODAY));
    assert!(!to_be_checked(None, TODAY));
}

#[test]
fn a_diff_names_the_changed_fields_and_words() {
    let a = method_form()
        .parse(&["neuropsykiatria"], TODAY)
        .unwrap()
        .content;
    let mut f = method_form();
    f.summary_fi = "Ahdistuneiden nuorten ryhmäohjelma.".into();
    f.evidence = "cebc-1".into();
    let b = f.parse(&["neuropsykiatria"], TODAY).unwrap().content;
    let d = diff(&a, &b);
    let fields: Vec<&str> = d.iter().map(|f| f.field.as_str()).collect();
    assert_eq!(fields, ["summary_fi", "evidence"]);
    assert!(d[0].changes.contains(&Change::Removed("lasten".into())));
    assert!(d[0].changes.contains(&Change::Added("nuorten".into())));
    assert!(diff(&a, &a).is_empty());
}
