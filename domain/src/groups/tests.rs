use super::*;
use crate::calendar::Status;
use jiff::civil::date;
use proptest::prelude::*;

fn seed_form() -> RuleForm {
    RuleForm {
        recurrence: "nth-weekday".into(),
        nth: "2".into(),
        weekday: "thu".into(),
        start_time: "13.00".into(),
        length_minutes: "120".into(),
        notice_days: "7".into(),
        paused_months: vec!["7".into(), "8".into()],
        season_start: "1.10.2022".into(),
        season_end: "2023-06-30".into(),
        holiday_policy: "keep-and-warn".into(),
        deadline_policy: "previous-working-day".into(),
        ..RuleForm::default()
    }
}

#[test]
fn the_seed_groups_form_gives_its_nine_meetings() {
    let rule = seed_form().parse().expect("valid");
    let occ = rule.generate(date(2022, 1, 1), date(2024, 12, 31)).unwrap();
    let got: Vec<(String, String)> = occ
        .iter()
        .filter(|o| o.status == Status::Scheduled)
        .map(|o| (o.date.to_string(), o.deadline.date().to_string()))
        .collect();
    let want = [
        ("2022-10-13", "2022-10-06"),
        ("2022-11-10", "2022-11-03"),
        ("2022-12-08", "2022-12-01"),
        ("2023-01-12", "2023-01-05"),
        ("2023-02-09", "2023-02-02"),
        ("2023-03-09", "2023-03-02"),
        ("2023-04-13", "2023-04-06"),
        ("2023-05-11", "2023-05-04"),
        ("2023-06-08", "2023-06-01"),
    ];
    let want: Vec<(String, String)> = want
        .iter()
        .map(|(a, b)| (a.to_string(), b.to_string()))
        .collect();
    assert_eq!(got, want);
}

#[test]
fn dates_and_times_as_people_type_them() {
    assert_eq!(parse_date("13.10.2022"), Some(date(2022, 10, 13)));
    assert_eq!(parse_date(" 1.6.2023 "), Some(date(2023, 6, 1)));
    assert_eq!(parse_date("2023-06-01"), Some(date(2023, 6, 1)));
    assert_eq!(parse_date("29.2.2023"), None, "not a leap year");
    assert_eq!(parse_date("29.2.2024"), Some(date(2024, 2, 29)));
    for bad in [
        "",
        "13.10.",
        "13.10.22",
        "1.1.2023.",
        "x.1.2023",
        "+1.1.2023",
        "2023-6-1",
        "13/10/2022",
    ] {
        assert_eq!(parse_date(bad), None, "{bad:?}");
    }
    assert_eq!(parse_time("9:30"), Some(jiff::civil::time(9, 30, 0, 0)));
    assert_eq!(parse_time("14.00"), Some(jiff::civil::time(14, 0, 0, 0)));
    for bad in ["", "24:00", "12:60", "12", "12:5", "-1:00", "12:00:00"] {
        assert_eq!(parse_time(bad), None, "{bad:?}");
    }
}

#[test]
fn every_problem_is_marked_on_its_field() {
    let form = RuleForm {
        recurrence: "nth-weekday".into(),
        nth: "5".into(),
        weekday: "thursday".into(),
        start_time: "25:00".into(),
        length_minutes: "".into(),
        notice_days: "x".into(),
        notice_time: "late".into(),
        season_start: "31.2.2023".into(),
        holiday_policy: "ignore".into(),
        deadline_policy: "".into(),
        ..RuleForm::default()
    };
    let p = form.parse().unwrap_err();
    for field in [
        "nth",
        "weekday",
        "start_time",
        "length_minutes",
        "notice_days",
        "notice_time",
        "season_start",
        "holiday_policy",
        "deadline_policy",
    ] {
        assert!(
            p.iter().any(|(f, _)| *f == field),
            "{field} marked in {p:?}"
        );
    }
    // Problems the rule itself finds land on their fields too.
    let mut f = seed_form();
    f.season_end = "1.1.2022".into();
    f.paused_months = (1..=12).map(|m| m.to_string()).collect();
    f.length_minutes = "0".into();
    let p = f.parse().unwrap_err();
    assert!(
        p.contains(&("season_end", "rule-season-ends-before-start")),
        "{p:?}"
    );
    assert!(
        p.contains(&("paused_months", "rule-all-months-paused")),
        "{p:?}"
    );
    assert!(
        p.contains(&("length_minutes", "rule-length-out-of-range")),
        "{p:?}"
    );
}

#[test]
fn date_lists_and_every_n_weeks() {
    let mut f = seed_form();
    f.recurrence = "dates".into();
    f.season_start.clear();
    f.season_end.clear();
    f.dates = "13.10.2022\n2022-11-10, 8.12.2022".into();
    let rule = f.parse().unwrap();
    assert_eq!(
        rule.recurrence,
        Recurrence::Dates {
            dates: vec![date(2022, 10, 13), date(2022, 11, 10), date(2022, 12, 8)]
        }
    );
    f.dates = "13.10.2022 huomenna".into();
    assert!(f.parse().unwrap_err().contains(&("dates", "field-date")));
    f.dates = "13.7.2022".into();
    assert!(
        f.parse()
            .unwrap_err()
            .contains(&("dates", "rule-date-in-paused-month"))
    );
    let mut w = seed_form();
    w.recurrence = "every-n-weeks".into();
    w.every_n = "0".into();
    w.anchor = "".into();
    let p = w.parse().unwrap_err();
    assert!(p.contains(&("anchor", "field-required")), "{p:?}");
    w.anchor = "3.10.2022".into();
    let p = w.parse().unwrap_err();
    assert!(p.contains(&("every_n", "rule-weeks-out-of-range")), "{p:?}");
}

fn group_form() -> GroupForm {
    GroupForm {
        name_fi: "Haastavat erot -konsultaatioryhmä".into(),
        kind: "separation".into(),
        area: "ita-suomi".into(),
        organiser: "keski-suomi".into(),
        mode: "both".into(),
        place: "Jyväskylä".into(),
        video_link: "https://teams.example.fi/meet/123".into(),
        capacity: "3".into(),
        phenomena: vec!["custody-disputes".into(), "custody-disputes".into()],
        eligible_areas: vec!["ita-suomi".into()],
        eligible_sectors: vec!["social".into(), "health".into()],
        ..GroupForm::default()
    }
}

#[test]
fn group_details_are_checked() {
    let d = group_form().parse(&["custody-disputes"]).unwrap();
    assert_eq!(d.kind, GroupKind::Separation);
    assert_eq!(
        d.phenomena,
        vec!["custody-disputes".to_owned()],
        "deduplicated"
    );
    assert_eq!(
        d.name("sv"),
        "Haastavat erot -konsultaatioryhmä",
        "falls back to Finnish"
    );
    assert_eq!(
        d.to_form().parse(&["custody-disputes"]).unwrap(),
        d,
        "round trip"
    );

    let mut f = group_form();
    f.name_fi = " ".into();
    f.organiser = "lappi".into();
    f.video_link = "http://teams.example.fi".into();
    f.place.clear();
    f.capacity = "51".into();
    f.phenomena = vec!["astrology".into()];
    f.eligible_sectors = vec!["magic".into()];
    let p = f.parse(&["custody-disputes"]).unwrap_err();
    for want in [
        ("name_fi", "field-required"),
        ("organiser", "group-organiser-outside-area"),
        ("video_link", "group-video-link-invalid"),
        ("place", "group-place-required"),
        ("capacity", "group-capacity-range"),
        ("phenomena", "field-choose"),
        ("eligible_sectors", "field-choose"),
    ] {
        assert!(p.contains(&want), "{want:?} in {p:?}");
    }
}

#[test]
fn video_links_must_be_https_urls() {
    assert!(is_video_link("https://meet.example.fi/abc?x=1"));
    for bad in [
        "",
        "https://",
        "https://localhost",
        "javascript:alert(1)",
        "https://a.fi/\"onclick",
        "https://a.fi/ b",
        "ftp://a.fi",
    ] {
        assert!(!is_video_link(bad), "{bad:?}");
    }
}

#[test]
fn eligibility_limits_only_what_it_names() {
    let open = Eligibility::default();
    assert!(open.admits(None, None));
    let e = Eligibility {
        areas: vec!["ita-suomi".into()],
        sectors: vec![Sector::Social],
    };
    assert!(e.admits(Some("ita-suomi"), Some(Sector::Social)));
    assert!(!e.admits(Some("etela-suomi"), Some(Sector::Social)));
    assert!(!e.admits(Some("ita-suomi"), Some(Sector::Health)));
    assert!(
        !e.admits(None, Some(Sector::Social)),
        "unknown area does not pass a limit"
    );
}

fn arb_rule_form() -> impl Strategy<Value = RuleForm> {
    let s = || "[ -~äö]{0,12}";
    (
        prop_oneof![
            Just("nth-weekday".to_owned()),
            Just("every-n-weeks".to_owned()),
            Just("dates".to_owned()),
            s()
        ],
        (s(), s(), s(), s(), s()),
        (s(), s(), s(), s()),
        proptest::collection::vec(s(), 0..4),
        (s(), s(), s(), s()),
    )
        .prop_map(
            |(
                recurrence,
                (nth, weekday, every_n, anchor, dates),
                (start_time, length_minutes, notice_days, notice_time),
                paused_months,
                (season_start, season_end, holiday_policy, deadline_policy),
            )| RuleForm {
                recurrence,
                nth,
                weekday,
                every_n,
                anchor,
                dates,
                start_time,
                length_minutes,
                notice_days,
                notice_time,
                paused_months,
                season_start,
                season_end,
                holiday_policy,
                deadline_policy,
            },
        )
}

proptest! {
    #[test]
    fn any_form_input_is_answered_without_panicking(form in arb_rule_form()) {
        match form.parse() {
            Ok(rule) => prop_assert!(rule.validate().is_ok()),
            Err(p) => prop_assert!(!p.is_empty()),
        }
    }

    #[test]
    fn dates_round_trip_in_both_spellings(y in 1900i16..2100, m in 1i8..=12, d in 1i8..=31) {
        if let Ok(dt) = Date::new(y, m, d) {
            prop_assert_eq!(parse_date(&format!("{d}.{m}.{y}")), Some(dt));
            prop_assert_eq!(parse_date(&dt.to_string()), Some(dt));
        } else {
            prop_assert_eq!(parse_date(&format!("{d}.{m}.{y}")), None);
        }
    }

    #[test]
    fn any_text_as_a_date_or_time_is_safe(s in "\\PC{0,20}") {
        let _ = parse_date(&s);
        let _ = parse_time(&s);
    }

    #[test]
    fn a_valid_rule_survives_its_form(
        nth in 0usize..5, weekday in 0usize..7, hour in 7i8..18, minute in 0i8..60,
        length in 15u32..300, days in 1i32..30, paused in proptest::collection::btree_set(1i8..=12, 0..6),
        hp in 0usize..4, dp in 0usize..2, kind in 0u8..3, n in 1u32..8,
    ) {
        let wd = Weekday::ALL[weekday];
        let recurrence = match kind {
            0 => Recurrence::NthWeekdayOfMonth { nth: Nth::ALL[nth], weekday: wd },
            1 => Recurrence::EveryNWeeks { n, weekday: wd, anchor: date(2026, 1, 5) },
            _ => Recurrence::Dates { dates: vec![date(2026, 3, 3), date(2026, 10, 6)] },
        };
        let mut rule = MeetingRule::new(recurrence, Time::new(hour, minute, 0, 0).unwrap(), length);
        rule.notice.days_before = days;
        rule.paused_months = paused.into_iter().filter(|m| *m != 3 && *m != 10).collect();
        rule.holiday_policy = HolidayPolicy::ALL[hp];
        rule.deadline_policy = DeadlinePolicy::ALL[dp];
        prop_assert_eq!(RuleForm::from_rule(&rule).parse(), Ok(rule));
    }
}
