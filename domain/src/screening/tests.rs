use super::evaluate::{Evaluation, Outcome, View, carry_over, evaluate, merge};
use super::guidance::{Channel, Expert, Need, NextMeeting, Why, suggest};
use super::instrument::{Instrument, default_instrument};
use super::{CommentProblem, Level, check_comment};
use crate::questionnaire::{Answer, default_form};
use crate::taxonomy::PHENOMENA;
use jiff::civil::date;

fn known() -> Vec<&'static str> {
    PHENOMENA.iter().map(|p| p.code).collect()
}

fn view(who: i64, answers: &[(&str, &str)]) -> View {
    View {
        who,
        given: answers
            .iter()
            .map(|(k, v)| ((*k).to_owned(), vec![(*v).to_owned()]))
            .collect(),
    }
}

/// Every required item of the default instrument answered "no" / lowest,
/// then the given answers on top.
fn full(answers: &[(&str, &str)]) -> Vec<(String, String)> {
    let i = default_instrument();
    let mut out: Vec<(String, String)> = i
        .items()
        .map(|item| {
            let low = match item.key.as_str() {
                "family_resources" => "2",
                "sectors_involved" => "1",
                _ if item.option("no").is_some() => "no",
                _ => "0",
            };
            (item.key.clone(), low.to_owned())
        })
        .collect();
    for (k, v) in answers {
        let slot = out.iter_mut().find(|(key, _)| key == k).expect(k);
        slot.1 = (*v).to_owned();
    }
    out
}

fn eval_full(i: &Instrument, answers: &[(&str, &str)]) -> Evaluation {
    let a = full(answers);
    let pairs: Vec<(&str, &str)> = a.iter().map(|(k, v)| (k.as_str(), v.as_str())).collect();
    evaluate(i, &[view(1, &pairs)])
}

#[test]
fn the_default_instrument_is_valid_and_labelled_as_the_default() {
    let i = default_instrument();
    i.validate(&known()).expect("valid");
    assert!(i.title.fi.contains("oletusversio"));
    assert!(i.note.en.contains("not the official"));
    // Through its own JSON, as the editor stores it.
    let json = serde_json::to_string_pretty(&i).unwrap();
    assert_eq!(Instrument::parse(&json, &known()).unwrap(), i);
}

/// Answer sets with the outcome, phenomena and leading reasons they must
/// give on the default instrument (judged from the public OT criteria,
/// not read from the weights).
#[test]
fn answer_sets_give_the_expected_outcome_phenomena_and_reasons() {
    struct Case {
        name: &'static str,
        answers: &'static [(&'static str, &'static str)],
        outcome: Outcome,
        phenomena: &'static [&'static str],
        first_reason: Option<&'static str>,
    }
    let cases = [
        Case {
            name: "nothing of concern",
            answers: &[("family_resources", "3")],
            outcome: Outcome::NotIndicated,
            phenomena: &[],
            first_reason: Some("family_resources"),
        },
        Case {
            name: "one school problem, basic services still to try",
            answers: &[("school", "2")],
            outcome: Outcome::NotIndicated,
            phenomena: &[],
            first_reason: Some("school"),
        },
        Case {
            name: "psychiatry and child protection at once, specialist care tried, three sectors",
            answers: &[
                ("mental_health", "3"),
                ("substance_use", "2"),
                ("school", "3"),
                ("several_areas", "yes"),
                ("sectors_involved", "3"),
                ("basic_tried", "yes"),
                ("specialist_tried", "yes"),
                ("placement", "yes"),
                ("family_resources", "0"),
            ],
            outcome: Outcome::Indicated,
            phenomena: &[
                "child-protection-psychiatry",
                "school-support",
                "substance-use",
                "substitute-care",
            ],
            first_reason: Some("mental_health"),
        },
        Case {
            name: "high score but specialist services never tried: consider, not indicated",
            answers: &[
                ("mental_health", "3"),
                ("violence", "yes"),
                ("danger", "yes"),
                ("sectors_involved", "3"),
                ("not_local", "yes"),
            ],
            outcome: Outcome::Consider,
            phenomena: &["child-protection-psychiatry", "domestic-violence"],
            first_reason: Some("mental_health"),
        },
        Case {
            name: "suspected abuse with a custody conflict, tried everywhere",
            answers: &[
                ("violence_child", "yes"),
                ("custody_conflict", "yes"),
                ("sectors_involved", "2"),
                ("basic_tried", "yes"),
                ("specialist_tried", "yes"),
                ("not_local", "yes"),
            ],
            outcome: Outcome::Indicated,
            phenomena: &["violence-against-child", "trauma", "custody-disputes"],
            first_reason: Some("violence_child"),
        },
        Case {
            name: "a rare illness in one sector, good resources",
            answers: &[
                ("somatic", "yes"),
                ("rare", "yes"),
                ("family_resources", "3"),
            ],
            outcome: Outcome::NotIndicated,
            phenomena: &["disability", "functional-disorders", "rare-diseases"],
            first_reason: Some("somatic"),
        },
    ];
    let i = default_instrument();
    for c in cases {
        let e = eval_full(&i, c.answers);
        assert!(e.complete(), "{}: {:?}", c.name, e.missing);
        assert_eq!(e.outcome, c.outcome, "{}: score {}", c.name, e.score);
        let mut got: Vec<&str> = e.phenomena.iter().map(|p| p.code.as_str()).collect();
        got.sort();
        let mut want = c.phenomena.to_vec();
        want.sort();
        assert_eq!(got, want, "{}", c.name);
        assert_eq!(
            e.reasons.first().map(|r| r.item.as_str()),
            c.first_reason,
            "{}",
            c.name
        );
        // Every reason is an answer given, with its weight.
        for r in &e.reasons {
            let o = i.item(&r.item).unwrap().option(&r.option).unwrap();
            assert_eq!(o.weight, r.weight);
            assert_eq!(r.by, vec![1]);
        }
        assert_eq!(
            e.outcome.level(),
            match c.outcome {
                Outcome::Indicated => Level::Ot,
                Outcome::Consider => Level::Special,
                Outcome::NotIndicated => Level::Basic,
            }
        );
    }
}

#[test]
fn unanswered_required_items_make_the_result_provisional_and_are_named() {
    let i = default_instrument();
    let e = evaluate(&i, &[view(1, &[("mental_health", "3")])]);
    assert!(!e.complete());
    assert!(e.missing.contains(&"specialist_tried".to_owned()));
    assert!(!e.missing.contains(&"mental_health".to_owned()));
    assert_eq!(e.unmet, vec![0, 1], "both must-haves unmet");
}

#[test]
fn views_merge_at_their_most_concerning_and_differences_are_shown() {
    let i = default_instrument();
    let school = view(1, &[("violence", "no"), ("school", "3")]);
    let social = view(2, &[("violence", "yes"), ("school", "3")]);
    let merged = merge(&i, &[school.clone(), social.clone()]);
    let v = merged.iter().find(|m| m.item == "violence").unwrap();
    assert_eq!(v.chosen, vec![("yes".to_owned(), vec![2])]);
    assert_eq!(v.all.len(), 2, "who said what is kept");
    let s = merged.iter().find(|m| m.item == "school").unwrap();
    assert_eq!(s.chosen, vec![("3".to_owned(), vec![1, 2])]);
    let e = evaluate(&i, &[school, social]);
    assert_eq!(e.differing, vec!["violence".to_owned()]);
    // Unknown items and options are ignored, not scored.
    let odd = evaluate(&i, &[view(3, &[("nope", "yes"), ("violence", "maybe")])]);
    assert_eq!(odd.score, 0);
}

#[test]
fn an_edited_version_decides_by_its_own_rules_and_the_old_one_is_unchanged() {
    let old = default_instrument();
    let mut new = old.clone();
    new.rules.indicated_from = 40;
    new.rules.must_have.clear();
    let item = new.sections[2]
        .items
        .iter_mut()
        .find(|i| i.key == "violence")
        .unwrap();
    item.options[0].weight = 30;
    new.validate(&known()).unwrap();
    let answers = [
        ("mental_health", "3"),
        ("school", "3"),
        ("several_areas", "yes"),
        ("sectors_involved", "3"),
        ("basic_tried", "yes"),
        ("specialist_tried", "yes"),
        ("placement", "yes"),
    ];
    assert_eq!(eval_full(&old, &answers).outcome, Outcome::Indicated);
    assert_eq!(eval_full(&new, &answers).outcome, Outcome::Consider);
    let mut with_violence = answers.to_vec();
    with_violence.push(("violence", "yes"));
    assert_eq!(eval_full(&new, &with_violence).outcome, Outcome::Indicated);
}

#[test]
fn a_broken_definition_is_refused_with_the_place_named() {
    let mut i = default_instrument();
    i.rules.consider_from = 99;
    i.sections[0].items[0].options[1].weight = 500;
    i.sections[0].items[1].key = i.sections[0].items[0].key.clone();
    i.sections[1].items[0].options[0].phenomena = vec!["no-such".into()];
    i.rules.must_have[0].item = "gone".into();
    let p = i.validate(&known()).unwrap_err();
    for want in [
        ("rules.consider_from", "screening-thresholds-order"),
        (
            "sections[0].items[0].options[1].weight",
            "screening-weight-range",
        ),
        ("sections[0].items[1].key", "form-key-taken"),
        (
            "sections[1].items[0].options[0].phenomena",
            "screening-unknown-phenomenon",
        ),
        ("rules.must_have[0]", "screening-unknown-item"),
    ] {
        assert!(
            p.iter().any(|(f, k)| f == want.0 && *k == want.1),
            "{want:?} in {p:?}"
        );
    }
    let bad = Instrument::parse("{\"title\": ", &known()).unwrap_err();
    assert_eq!(bad[0].1, "screening-json-invalid");
    assert!(bad[0].0.starts_with("line 1"));
}

#[test]
fn the_draft_request_carries_the_answers_into_the_form() {
    let i = default_instrument();
    let form = default_form();
    let a = carry_over(
        &i,
        &[view(
            1,
            &[
                ("violence", "yes"),
                ("basic_tried", "yes"),
                ("family_resources", "1"),
                ("school", "0"),
                ("danger", "no"),
            ],
        )],
        &form,
        "fi",
    );
    let text = |k: &str| match a.get(k) {
        Some(Answer::Text(s)) => s.clone(),
        other => panic!("{k}: {other:?}"),
    };
    assert!(text("situation").contains("Perheessä on väkivaltaa tai sen uhkaa: Kyllä"));
    assert!(text("services_tried").contains("Peruspalveluiden tuki on kokeiltu"));
    assert!(text("family").contains("voimavarat tukea lasta: Vähäiset"));
    // Answers that did not move the result are left out.
    assert!(!text("situation").contains("Koulunkäynnin"));
    assert!(!text("situation").contains("vaarantaa"));
    // Nothing lands in a field the form does not have or that is no long text.
    for k in a.keys() {
        assert_eq!(
            form.item(k).unwrap().kind,
            crate::questionnaire::ItemKind::LongText
        );
    }
    let sv = carry_over(&i, &[view(1, &[("violence", "yes")])], &form, "sv");
    assert!(matches!(sv.get("situation"), Some(Answer::Text(s)) if s.contains("våld")));
}

#[test]
fn a_comment_never_takes_an_identity_code() {
    assert_eq!(check_comment("Koulu näkee poissaoloja."), Ok(()));
    assert_eq!(
        check_comment("lapsi 131052-308T, 9 v"),
        Err(CommentProblem::IdentityCode)
    );
    assert_eq!(
        check_comment(&"x".repeat(super::MAX_COMMENT + 1)),
        Err(CommentProblem::TooLong)
    );
    assert_eq!(check_comment("a\u{0}b"), Err(CommentProblem::Controls));
}

fn next(day: jiff::civil::Date, free: u32) -> Option<NextMeeting> {
    Some(NextMeeting {
        rule_date: day,
        day,
        deadline: day.checked_sub(jiff::Span::new().days(7)).unwrap(),
        free,
    })
}

fn channel(id: i64, name: &str, area: &str, phen: &[&str]) -> Channel {
    Channel {
        id,
        name: name.into(),
        phenomena: phen.iter().map(|s| (*s).to_owned()).collect(),
        area: area.into(),
        county: None,
        levels: vec![Level::Ot],
        remote: true,
        admits: true,
        next: next(date(2027, 1, 14), 3),
    }
}

fn expert(id: i64, name: &str, area: &str, phen: &[&str]) -> Expert {
    Expert {
        id,
        name: name.into(),
        phenomena: phen.iter().map(|s| (*s).to_owned()).collect(),
        areas: vec![area.into()],
        languages: vec!["fi".into()],
        levels: Vec::new(),
        remote: true,
        paused: false,
    }
}

fn need(phen: &[(String, i32)]) -> Need<'_> {
    Need {
        level: Level::Ot,
        phenomena: phen,
        area: Some("ita-suomi"),
        county: Some("keski-suomi"),
        language: "fi",
    }
}

#[test]
fn suggestions_rank_by_fit_place_and_level_and_say_why() {
    let phen = vec![
        ("custody-disputes".to_owned(), 6),
        ("domestic-violence".to_owned(), 4),
    ];
    let mut county = channel(
        1,
        "Haastavat erot (Keski-Suomi)",
        "ita-suomi",
        &["custody-disputes"],
    );
    county.county = Some("keski-suomi".into());
    let both = channel(
        2,
        "Väkivalta ja erot",
        "ita-suomi",
        &["custody-disputes", "domestic-violence"],
    );
    let mut basic = channel(3, "Perustason tiimi", "ita-suomi", &["custody-disputes"]);
    basic.levels = vec![Level::Basic];
    let unrelated = channel(4, "Harvinaiset", "ita-suomi", &["rare-diseases"]);
    let far = channel(5, "Etelän erot", "etela-suomi", &["custody-disputes"]);
    let s = suggest(
        &need(&phen),
        &[basic.clone(), unrelated, far, both.clone(), county.clone()],
        &[],
    );
    let ids: Vec<i64> = s.channels.iter().map(|c| c.id).collect();
    assert_eq!(
        ids,
        vec![2, 1, 3],
        "two phenomena, then the county, then the wrong level"
    );
    assert!(s.uncovered.is_empty());
    let only_one = suggest(&need(&phen), &[county.clone()], &[]);
    assert_eq!(only_one.uncovered, vec!["domestic-violence".to_owned()]);
    assert!(!s.from_neighbours);
    let first = &s.channels[0];
    assert!(first.reasons.contains(&Why::Phenomena(vec![
        "custody-disputes".into(),
        "domestic-violence".into()
    ])));
    assert!(first.reasons.contains(&Why::SameArea));
    assert!(first.reasons.contains(&Why::Level(Level::Ot)));
    assert!(
        first
            .reasons
            .iter()
            .any(|w| matches!(w, Why::Meeting(m) if m.free == 3))
    );
    assert!(s.channels[1].reasons.contains(&Why::SameCounty));
    // Deterministic: any input order gives the same ranking.
    let again = suggest(&need(&phen), &[county, both, basic], &[]);
    assert_eq!(again.channels, s.channels);
}

#[test]
fn full_meetings_closed_channels_and_paused_experts_are_never_suggested() {
    let phen = vec![("trauma".to_owned(), 5)];
    let mut full = channel(1, "Täysi", "ita-suomi", &["trauma"]);
    full.next = None;
    let mut closed = channel(2, "Ei ota", "ita-suomi", &["trauma"]);
    closed.admits = false;
    let open = channel(3, "Avoin", "ita-suomi", &["trauma"]);
    let mut paused = expert(10, "Tauolla", "ita-suomi", &["trauma"]);
    paused.paused = true;
    let active = expert(11, "Käytettävissä", "ita-suomi", &["trauma"]);
    let s = suggest(&need(&phen), &[full, closed, open], &[paused, active]);
    assert_eq!(s.channels.iter().map(|c| c.id).collect::<Vec<_>>(), vec![3]);
    assert_eq!(s.experts.iter().map(|c| c.id).collect::<Vec<_>>(), vec![11]);
    assert_eq!(s.left_out.no_meeting, 1);
    assert_eq!(s.left_out.not_admitted, 1);
    assert_eq!(s.left_out.paused, 1);
}

#[test]
fn neighbouring_areas_only_when_nothing_fits_at_home_and_only_remotely() {
    let phen = vec![("rare-diseases".to_owned(), 3)];
    let home_other = channel(1, "Kotona muuta", "ita-suomi", &["trauma"]);
    let neighbour = channel(2, "Naapurissa", "sisa-suomi", &["rare-diseases"]);
    let mut neighbour_on_site = channel(
        3,
        "Naapurissa paikan päällä",
        "etela-suomi",
        &["rare-diseases"],
    );
    neighbour_on_site.remote = false;
    let far = channel(4, "Kaukana", "lansi-suomi", &["rare-diseases"]);
    let s = suggest(
        &need(&phen),
        &[home_other, neighbour, neighbour_on_site, far],
        &[],
    );
    assert_eq!(s.channels.iter().map(|c| c.id).collect::<Vec<_>>(), vec![2]);
    assert!(s.from_neighbours);
    assert!(
        s.channels[0]
            .reasons
            .contains(&Why::NeighbourArea("sisa-suomi".into()))
    );
    // With a fitting channel at home, the neighbour is not suggested.
    let home = channel(5, "Kotona", "ita-suomi", &["rare-diseases"]);
    let s = suggest(
        &need(&phen),
        &[
            home,
            channel(2, "Naapurissa", "sisa-suomi", &["rare-diseases"]),
        ],
        &[],
    );
    assert_eq!(s.channels.iter().map(|c| c.id).collect::<Vec<_>>(), vec![5]);
    assert!(!s.from_neighbours);
}

#[test]
fn an_expert_in_the_familys_language_ranks_first() {
    let phen = vec![("trauma".to_owned(), 5)];
    let fi = expert(1, "A", "ita-suomi", &["trauma"]);
    let mut sv = expert(2, "B", "ita-suomi", &["trauma"]);
    sv.languages = vec!["fi".into(), "sv".into()];
    let n = Need {
        language: "sv",
        ..need(&phen)
    };
    let s = suggest(&n, &[], &[fi, sv]);
    assert_eq!(
        s.experts.iter().map(|c| c.id).collect::<Vec<_>>(),
        vec![2, 1]
    );
    assert!(s.experts[1].reasons.contains(&Why::NoLanguage("sv".into())));
}

#[test]
fn what_was_left_out_counts_only_what_could_have_been_shown() {
    let phen = vec![("trauma".to_owned(), 5)];
    let open = channel(1, "Kotona", "ita-suomi", &["trauma"]);
    let mut away_full = channel(2, "Naapurissa täysi", "sisa-suomi", &["trauma"]);
    away_full.next = None;
    let mut away_paused = expert(10, "Naapurissa tauolla", "sisa-suomi", &["trauma"]);
    away_paused.paused = true;
    let home = expert(11, "Kotona", "ita-suomi", &["trauma"]);
    let s = suggest(
        &need(&phen),
        &[open, away_full.clone()],
        &[away_paused.clone(), home],
    );
    assert_eq!(
        s.left_out,
        super::guidance::LeftOut::default(),
        "the neighbours were never in question"
    );
    // With nothing at home, the neighbours' are counted.
    let s = suggest(&need(&phen), &[away_full], &[away_paused]);
    assert_eq!(s.left_out.no_meeting, 1);
    assert_eq!(s.left_out.paused, 1);
}

#[test]
fn nothing_is_suggested_without_the_askers_area() {
    let phen = vec![("trauma".to_owned(), 5)];
    let n = Need {
        area: None,
        county: None,
        ..need(&phen)
    };
    let s = suggest(
        &n,
        &[channel(1, "A", "ita-suomi", &["trauma"])],
        &[expert(2, "B", "ita-suomi", &["trauma"])],
    );
    assert!(s.channels.is_empty() && s.experts.is_empty());
}
