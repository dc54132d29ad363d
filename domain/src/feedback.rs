//! Palaute: the requester's close-out survey (loppukysely) and the feedback
//! of children, youth and parents through one-time links
//! (asiakasosallisuus).
//!
//! Both are questionnaires in the shape of [`crate::questionnaire`], so the
//! statistics read one JSON shape of answers. The survey is versioned data
//! (stored versions, [`default_survey`] the first); the children's forms are
//! fixed per audience and carry [`FORM_VERSION`]. Item keys and choice codes
//! are an interface: the statistics read them, so they never change
//! meaning (a new meaning is a new key).
//!
//! The rules of the links live here too: how long one lasts, how many a
//! request may have, when one may be made, and how many unknown links one
//! address may try before it is made to wait (guessing).

use crate::calendar::keys::keyed_enum;
use crate::consultations::Status;
use crate::questionnaire::{
    Answers, Check, Choice, Item, ItemKind, Problems, Questionnaire, Texts, choice, item,
};
use jiff::{SignedDuration, Timestamp};
use std::collections::HashMap;

keyed_enum! {
    /// Whom a feedback link is for; the form's wording follows it.
    pub enum Audience ("audience") {
        /// lapsi, about 7–12 years
        Child = "child",
        /// nuori, 13–17 years
        Youth = "youth",
        /// vanhempi
        Parent = "parent",
    }
}

// --- the close-out survey ----------------------------------------------------------

/// The survey's form fields are `survey_KEY`, not the questionnaire's
/// `q_KEY`: the follow-up form they sit in is not a questionnaire, and the
/// request form's items (`q_…`) are named by coordinators.
pub const SURVEY_PREFIX: &str = "survey_";

/// The survey's items, as the statistics read them.
pub const SURVEY_KEYS: [&str; 5] = [
    "useful",
    "plan_changed",
    "avoided_other",
    "speed",
    "missing",
];

/// Version 1 of the close-out survey: was the consultation useful, did it
/// change the plan, did it save another referral or visit, did help come
/// in time, and what was missing.
pub fn default_survey() -> Questionnaire {
    use ItemKind::*;
    let mut useful = item(
        "useful",
        SingleChoice,
        true,
        Texts::new(
            "Kuinka hyödyllinen konsultaatio oli työllesi lapsen asiassa?",
            "Hur nyttig var konsultationen för ditt arbete med barnets ärende?",
            "How useful was the consultation for your work with the child?",
        ),
        Texts::default(),
    );
    useful.choices = vec![
        choice(
            "1",
            "1 – ei lainkaan hyödyllinen",
            "1 – inte alls nyttig",
            "1 – not at all useful",
        ),
        choice(
            "2",
            "2 – vähän hyödyllinen",
            "2 – lite nyttig",
            "2 – slightly useful",
        ),
        choice(
            "3",
            "3 – jonkin verran hyödyllinen",
            "3 – ganska nyttig",
            "3 – somewhat useful",
        ),
        choice("4", "4 – hyödyllinen", "4 – nyttig", "4 – useful"),
        choice(
            "5",
            "5 – erittäin hyödyllinen",
            "5 – mycket nyttig",
            "5 – very useful",
        ),
    ];
    let mut plan = item(
        "plan_changed",
        SingleChoice,
        true,
        Texts::new(
            "Muuttiko konsultaatio lapsen asiakassuunnitelmaa tai työskentelyn suuntaa?",
            "Ändrade konsultationen barnets klientplan eller arbetets inriktning?",
            "Did the consultation change the child's plan or the direction of the work?",
        ),
        Texts::default(),
    );
    plan.choices = vec![
        choice("yes", "Kyllä", "Ja", "Yes"),
        choice("partly", "Osittain", "Delvis", "Partly"),
        choice("no", "Ei", "Nej", "No"),
    ];
    let mut avoided = item(
        "avoided_other",
        SingleChoice,
        true,
        Texts::new(
            "Olisiko ilman konsultaatiota tarvittu jokin muu lähete tai käynti?",
            "Hade det utan konsultationen behövts någon annan remiss eller något annat besök?",
            "Without the consultation, would another referral or visit have been needed?",
        ),
        Texts::new(
            "Esimerkiksi lähete erikoissairaanhoitoon tai uusi arviointikäynti.",
            "Till exempel en remiss till specialiserad sjukvård eller ett nytt bedömningsbesök.",
            "For example a referral to specialised care or another assessment visit.",
        ),
    );
    avoided.choices = vec![
        choice("yes", "Kyllä", "Ja", "Yes"),
        choice("no", "Ei", "Nej", "No"),
        choice("dont-know", "En osaa sanoa", "Vet inte", "Don't know"),
    ];
    let mut speed = item(
        "speed",
        SingleChoice,
        true,
        Texts::new(
            "Saitko avun riittävän nopeasti?",
            "Fick du hjälpen tillräckligt snabbt?",
            "Did the help come quickly enough?",
        ),
        Texts::default(),
    );
    speed.choices = vec![
        choice("in-time", "Ajoissa", "I tid", "In time"),
        choice(
            "bit-late",
            "Hieman myöhässä",
            "Något för sent",
            "A little late",
        ),
        choice("too-late", "Liian myöhään", "För sent", "Too late"),
    ];
    let missing = item(
        "missing",
        LongText,
        false,
        Texts::new(
            "Mitä jäi puuttumaan? (vapaaehtoinen)",
            "Vad saknades? (frivilligt)",
            "What was missing? (optional)",
        ),
        Texts::new(
            "Älä kirjoita nimiä tai muita tunnistetietoja.",
            "Skriv inte namn eller andra identifierande uppgifter.",
            "Do not write names or other identifying details.",
        ),
    );
    Questionnaire {
        items: vec![useful, plan, avoided, speed, missing],
    }
}

/// The survey's answers in a posted follow-up form (`survey_KEY` fields),
/// checked as a submission: a required answer missing is a problem on its
/// field (`survey_KEY`), never filled in.
pub fn read_survey(
    survey: &Questionnaire,
    posted: &HashMap<String, Vec<String>>,
) -> Result<Answers, Problems> {
    let renamed: HashMap<String, Vec<String>> = posted
        .iter()
        .filter_map(|(k, v)| {
            let key = k.strip_prefix(SURVEY_PREFIX)?;
            Some((format!("q_{key}"), v.clone()))
        })
        .collect();
    survey.read(&renamed, Check::Submit).map_err(|p| {
        p.into_iter()
            .map(|(field, code)| {
                let key = field.strip_prefix("q_").unwrap_or(&field);
                (format!("{SURVEY_PREFIX}{key}"), code)
            })
            .collect()
    })
}

// --- children's, youth's and parents' feedback --------------------------------------

/// The version of the feedback forms ([`feedback_form`]) stored with each
/// answer; raised whenever a question's meaning changes.
pub const FORM_VERSION: i64 = 1;

/// The feedback items, the same for every audience.
pub const FEEDBACK_KEYS: [&str; 3] = ["heard", "understood", "helped"];

/// The face scale's codes in the order shown: the best ("5") first.
pub const SCALE: [&str; 5] = ["5", "4", "3", "2", "1"];

/// The face scale's words per audience, in [`SCALE`] order.
fn scale_words(audience: Audience) -> [Texts; 5] {
    let t = Texts::new;
    match audience {
        Audience::Child => [
            t("Tosi hyvin", "Jättebra", "Really well"),
            t("Hyvin", "Bra", "Well"),
            t("Siltä väliltä", "Mittemellan", "In between"),
            t("Huonosti", "Dåligt", "Badly"),
            t("Tosi huonosti", "Jättedåligt", "Really badly"),
        ],
        Audience::Youth => [
            t("Todella hyvin", "Mycket bra", "Very well"),
            t("Hyvin", "Bra", "Well"),
            t(
                "Siltä väliltä",
                "Varken bra eller dåligt",
                "Neither well nor badly",
            ),
            t("Huonosti", "Dåligt", "Badly"),
            t("Todella huonosti", "Mycket dåligt", "Very badly"),
        ],
        Audience::Parent => [
            t("Erittäin hyvin", "Mycket bra", "Very well"),
            t("Hyvin", "Bra", "Well"),
            t("Kohtalaisesti", "Någorlunda", "Fairly"),
            t("Huonosti", "Dåligt", "Poorly"),
            t("Erittäin huonosti", "Mycket dåligt", "Very poorly"),
        ],
    }
}

/// The questions per audience: plain words for the age.
fn questions(audience: Audience) -> [Texts; 3] {
    let t = Texts::new;
    match audience {
        Audience::Child => [
            t(
                "Miten hyvin sinua kuunneltiin?",
                "Hur bra lyssnade de vuxna på dig?",
                "How well did the grown-ups listen to you?",
            ),
            t(
                "Miten hyvin ymmärsit, mistä puhuttiin?",
                "Hur bra förstod du vad ni pratade om?",
                "How well did you understand what was talked about?",
            ),
            t(
                "Miten hyvin tämä auttoi sinua?",
                "Hur bra hjälpte det här dig?",
                "How well did this help you?",
            ),
        ],
        Audience::Youth => [
            t(
                "Miten hyvin mielipiteesi otettiin huomioon?",
                "Hur bra togs dina åsikter till vara?",
                "How well were your views taken into account?",
            ),
            t(
                "Miten hyvin sait selvää, mistä tilanteessasi puhuttiin ja miksi?",
                "Hur bra förstod du vad som sades om din situation och varför?",
                "How well did you understand what was said about your situation, and why?",
            ),
            t(
                "Miten hyvin uskot tämän auttavan tilanteessasi?",
                "Hur bra tror du att det här hjälper dig i din situation?",
                "How well do you think this will help you in your situation?",
            ),
        ],
        Audience::Parent => [
            t(
                "Miten hyvin teitä ja näkemyksiänne kuultiin?",
                "Hur väl blev ni och era synpunkter hörda?",
                "How well were you and your views heard?",
            ),
            t(
                "Miten selkeää saamanne tieto oli?",
                "Hur tydlig var informationen ni fick?",
                "How clear was the information you were given?",
            ),
            t(
                "Miten hyvin uskotte tämän auttavan lapsenne ja perheenne tilanteessa?",
                "Hur väl tror ni att det här hjälper ert barn och er familj?",
                "How well do you think this will help your child and your family?",
            ),
        ],
    }
}

/// The feedback form of `audience` (version [`FORM_VERSION`]): three
/// optional questions on the face scale.
pub fn feedback_form(audience: Audience) -> Questionnaire {
    let words = scale_words(audience);
    let items = FEEDBACK_KEYS
        .iter()
        .zip(questions(audience))
        .map(|(key, label)| {
            let mut i = item(key, ItemKind::SingleChoice, false, label, Texts::default());
            i.choices = SCALE
                .iter()
                .zip(words.iter())
                .map(|(code, w)| Choice {
                    key: (*code).into(),
                    label: w.clone(),
                })
                .collect();
            i
        })
        .collect();
    Questionnaire { items }
}

/// The answers of a posted feedback form (`q_KEY` fields): every question
/// is optional, but at least one must be answered (an empty form says
/// nothing and would only count as a used link).
pub fn read_feedback(
    form: &Questionnaire,
    posted: &HashMap<String, Vec<String>>,
) -> Result<Answers, Problems> {
    let answers = form.read(posted, Check::Submit)?;
    if answers.is_empty() {
        let first = form.items.first().map(Item::field).unwrap_or_default();
        return Err(vec![(first, "feedback-answer-one")]);
    }
    Ok(answers)
}

// --- links -------------------------------------------------------------------------

/// Days a link lasts when the form does not say.
pub const DEFAULT_DAYS: i64 = 30;
/// The longest a link may last.
pub const MAX_DAYS: i64 = 90;
/// Links per request (answered, open and expired alike): enough for a
/// family, few enough that nobody hands them out in bulk.
pub const MAX_LINKS: i64 = 20;

/// How many days a new link lasts: empty is [`DEFAULT_DAYS`]; else a whole
/// number from 1 to [`MAX_DAYS`]. `Err` is the message key.
pub fn link_days(input: &str) -> Result<i64, &'static str> {
    let s = input.trim();
    if s.is_empty() {
        return Ok(DEFAULT_DAYS);
    }
    match s.parse::<i64>() {
        Ok(n) if (1..=MAX_DAYS).contains(&n) => Ok(n),
        _ => Err("feedback-days-invalid"),
    }
}

/// Links are made after the consultation: the family has something to
/// say only once the group has discussed the case.
pub fn may_create_links(status: Status) -> bool {
    matches!(
        status,
        Status::Discussed | Status::FollowUp | Status::Closed
    )
}

/// What a link is now.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LinkState {
    Open,
    Used,
    Expired,
}

impl LinkState {
    pub fn key(self) -> &'static str {
        match self {
            LinkState::Open => "open",
            LinkState::Used => "used",
            LinkState::Expired => "expired",
        }
    }
}

/// A used link stays used; an unused one expires at `expires_at`.
pub fn link_state(used: bool, expires_at: Timestamp, now: Timestamp) -> LinkState {
    if used {
        LinkState::Used
    } else if now >= expires_at {
        LinkState::Expired
    } else {
        LinkState::Open
    }
}

/// The month an answer is stored under (`YYYY-MM`), from the day it was
/// given: no finer time is kept.
pub fn answer_month(day: jiff::civil::Date) -> String {
    format!("{:04}-{:02}", day.year(), day.month())
}

/// Whether `s` could be a link's secret (URL-safe base64, 20–64
/// characters): anything else is not looked up, only counted as a guess.
pub fn plausible_token(s: &str) -> bool {
    (20..=64).contains(&s.len())
        && s.bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
}

// --- guessing ----------------------------------------------------------------------

/// Unknown links are counted per client address over a window this long …
pub const GUESS_WINDOW: SignedDuration = SignedDuration::from_mins(10);
/// … and this many within it make the address wait for the window's end.
pub const MAX_GUESSES: i64 = 20;

/// An address's count of unknown links.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Guesses {
    pub count: i64,
    pub window_start: Option<Timestamp>,
}

/// How long the address must wait before a link is looked up for it
/// again; `None`: go ahead. A window that has ended counts nothing.
pub fn guess_wait(g: Guesses, now: Timestamp) -> Option<SignedDuration> {
    let start = g.window_start?;
    let end = start + GUESS_WINDOW;
    (now < end && g.count >= MAX_GUESSES).then(|| end.duration_since(now))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::questionnaire::Answer;

    fn posted(pairs: &[(&str, &str)]) -> HashMap<String, Vec<String>> {
        let mut m: HashMap<String, Vec<String>> = HashMap::new();
        for (k, v) in pairs {
            m.entry((*k).into()).or_default().push((*v).into());
        }
        m
    }

    #[test]
    fn the_survey_asks_exactly_the_keys_and_codes_the_statistics_read() {
        let s = default_survey();
        s.validate().unwrap();
        let keys: Vec<&str> = s.items.iter().map(|i| i.key.as_str()).collect();
        assert_eq!(keys, SURVEY_KEYS);
        let codes = |k: &str| -> Vec<String> {
            s.item(k)
                .unwrap()
                .choices
                .iter()
                .map(|c| c.key.clone())
                .collect()
        };
        assert_eq!(codes("useful"), ["1", "2", "3", "4", "5"]);
        assert_eq!(codes("plan_changed"), ["yes", "partly", "no"]);
        assert_eq!(codes("avoided_other"), ["yes", "no", "dont-know"]);
        assert_eq!(codes("speed"), ["in-time", "bit-late", "too-late"]);
        assert_eq!(s.item("missing").unwrap().kind, ItemKind::LongText);
        for i in &s.items {
            assert_eq!(i.required, i.key != "missing", "{}", i.key);
            for t in std::iter::once(&i.label).chain(i.choices.iter().map(|c| &c.label)) {
                assert!(!t.fi.is_empty() && !t.sv.is_empty() && !t.en.is_empty());
            }
        }
    }

    #[test]
    fn a_survey_missing_a_required_answer_names_the_field() {
        let s = default_survey();
        let p = posted(&[
            ("survey_useful", "4"),
            ("survey_plan_changed", "partly"),
            ("note", "not ours"),
        ]);
        let err = read_survey(&s, &p).unwrap_err();
        assert!(err.contains(&("survey_avoided_other".into(), "field-required")));
        assert!(err.contains(&("survey_speed".into(), "field-required")));
        assert_eq!(err.len(), 2, "{err:?}");
        let p = posted(&[
            ("survey_useful", "6"),
            ("survey_plan_changed", "yes"),
            ("survey_avoided_other", "dont-know"),
            ("survey_speed", "in-time"),
        ]);
        assert_eq!(
            read_survey(&s, &p).unwrap_err(),
            vec![("survey_useful".to_owned(), "field-choose")]
        );
    }

    #[test]
    fn survey_answers_keep_the_questionnaires_json_shape() {
        let s = default_survey();
        let p = posted(&[
            ("survey_useful", "5"),
            ("survey_plan_changed", "yes"),
            ("survey_avoided_other", "no"),
            ("survey_speed", "bit-late"),
            ("survey_missing", "  "),
        ]);
        let a = read_survey(&s, &p).unwrap();
        assert!(
            !a.contains_key("missing"),
            "an empty optional answer is left out"
        );
        assert_eq!(
            serde_json::to_value(&a).unwrap(),
            serde_json::json!({
                "useful": {"type": "choice", "value": "5"},
                "plan_changed": {"type": "choice", "value": "yes"},
                "avoided_other": {"type": "choice", "value": "no"},
                "speed": {"type": "choice", "value": "bit-late"},
            })
        );
    }

    #[test]
    fn every_audience_gets_the_same_items_in_its_own_words() {
        let forms: Vec<Questionnaire> = Audience::ALL.iter().map(|a| feedback_form(*a)).collect();
        for f in &forms {
            f.validate().unwrap();
            let keys: Vec<&str> = f.items.iter().map(|i| i.key.as_str()).collect();
            assert_eq!(keys, FEEDBACK_KEYS);
            for i in &f.items {
                assert!(!i.required);
                let codes: Vec<&str> = i.choices.iter().map(|c| c.key.as_str()).collect();
                assert_eq!(codes, SCALE);
                for lang in ["fi", "sv", "en"] {
                    assert!(!i.label.get(lang).is_empty());
                }
                assert!(!i.label.sv.is_empty() && !i.label.en.is_empty());
            }
        }
        assert_ne!(forms[0].items[0].label, forms[1].items[0].label);
        assert_ne!(forms[1].items[0].label, forms[2].items[0].label);
    }

    #[test]
    fn feedback_needs_one_answer_and_only_codes_of_the_scale() {
        let f = feedback_form(Audience::Child);
        assert_eq!(
            read_feedback(&f, &posted(&[])).unwrap_err(),
            vec![("q_heard".to_owned(), "feedback-answer-one")]
        );
        let a = read_feedback(&f, &posted(&[("q_helped", "2")])).unwrap();
        assert_eq!(a.len(), 1);
        assert_eq!(a["helped"], Answer::Choice("2".into()));
        let err = read_feedback(&f, &posted(&[("q_heard", "0")])).unwrap_err();
        assert_eq!(err, vec![("q_heard".to_owned(), "field-choose")]);
    }

    #[test]
    fn a_link_lasts_thirty_days_unless_told_and_never_past_ninety() {
        assert_eq!(link_days(""), Ok(30));
        assert_eq!(link_days(" 7 "), Ok(7));
        assert_eq!(link_days("90"), Ok(90));
        for bad in ["0", "91", "-1", "x", "1.5"] {
            assert_eq!(link_days(bad), Err("feedback-days-invalid"), "{bad}");
        }
    }

    #[test]
    fn links_are_made_after_the_consultation_only() {
        for s in [Status::Discussed, Status::FollowUp, Status::Closed] {
            assert!(may_create_links(s), "{s:?}");
        }
        for s in [
            Status::Draft,
            Status::Submitted,
            Status::Accepted,
            Status::MoreInfo,
            Status::Declined,
            Status::Withdrawn,
        ] {
            assert!(!may_create_links(s), "{s:?}");
        }
    }

    #[test]
    fn a_link_is_open_until_used_or_expired() {
        let t: Timestamp = "2026-03-01T10:00:00Z".parse().unwrap();
        let later = t + SignedDuration::from_secs(1);
        assert_eq!(link_state(false, later, t), LinkState::Open);
        assert_eq!(link_state(false, t, t), LinkState::Expired);
        assert_eq!(link_state(true, later, t), LinkState::Used);
        assert_eq!(link_state(true, t, later), LinkState::Used);
    }

    #[test]
    fn answers_keep_only_the_month() {
        assert_eq!(answer_month(jiff::civil::date(2026, 3, 9)), "2026-03");
        assert_eq!(answer_month(jiff::civil::date(2027, 12, 31)), "2027-12");
    }

    #[test]
    fn only_token_shaped_strings_are_looked_up() {
        assert!(plausible_token("Zq3xY8kP0aB7cD2eF5gH1_-x"));
        assert!(!plausible_token("short"));
        assert!(!plausible_token(&"a".repeat(65)));
        assert!(!plausible_token("Zq3xY8kP0aB7cD2eF5gH1/x"));
    }

    #[test]
    fn an_address_that_guessed_too_often_waits_for_the_windows_end() {
        let t: Timestamp = "2026-03-01T10:00:00Z".parse().unwrap();
        let g = |count| Guesses {
            count,
            window_start: Some(t),
        };
        let now = t + SignedDuration::from_mins(4);
        assert_eq!(guess_wait(g(MAX_GUESSES - 1), now), None);
        assert_eq!(
            guess_wait(g(MAX_GUESSES), now),
            Some(SignedDuration::from_mins(6))
        );
        assert_eq!(guess_wait(g(500), t + GUESS_WINDOW), None, "window over");
        assert_eq!(guess_wait(Guesses::default(), now), None);
    }
}
