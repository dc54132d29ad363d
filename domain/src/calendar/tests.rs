//! Example-based tests of generation and overrides.

use jiff::civil::{Date, Time, date, time};
use jiff::tz::Offset;

use super::*;

mod overrides;
mod props;

const THIRTEEN: Time = Time::constant(13, 0, 0, 0);

fn nth(nth: Nth, weekday: Weekday) -> MeetingRule {
    MeetingRule::new(Recurrence::NthWeekdayOfMonth { nth, weekday }, THIRTEEN, 90)
}

fn weekly(n: u32, weekday: Weekday, anchor: Date) -> MeetingRule {
    MeetingRule::new(Recurrence::EveryNWeeks { n, weekday, anchor }, THIRTEEN, 90)
}

fn gen_(rule: &MeetingRule, from: Date, to: Date) -> Vec<Occurrence> {
    rule.generate(from, to).expect("valid rule")
}

fn dates(occ: &[Occurrence]) -> Vec<Date> {
    occ.iter().map(|o| o.date).collect()
}

/// The seed: Haastavat erot group, season 2022–2023.
fn seed_rule() -> MeetingRule {
    let mut rule = nth(Nth::Second, Weekday::Thursday);
    rule.notice = Notice {
        days_before: 7,
        time: None,
    };
    rule.paused_months = vec![7, 8];
    rule.season_start = Some(date(2022, 10, 1));
    rule.season_end = Some(date(2023, 6, 30));
    rule
}

#[test]
fn seed_season_is_reproduced_exactly() {
    let occ = gen_(&seed_rule(), date(2022, 1, 1), date(2023, 12, 31));
    let expected = [
        ((2022, 10, 13), (2022, 10, 6)),
        ((2022, 11, 10), (2022, 11, 3)),
        ((2022, 12, 8), (2022, 12, 1)),
        ((2023, 1, 12), (2023, 1, 5)),
        ((2023, 2, 9), (2023, 2, 2)),
        ((2023, 3, 9), (2023, 3, 2)),
        ((2023, 4, 13), (2023, 4, 6)),
        ((2023, 5, 11), (2023, 5, 4)),
        ((2023, 6, 8), (2023, 6, 1)),
    ];
    assert_eq!(occ.len(), expected.len());
    for (o, ((y, m, d), (dy, dm, dd))) in occ.iter().zip(expected) {
        assert_eq!(o.rule_date, date(y, m, d));
        assert_eq!(o.date, date(y, m, d));
        assert_eq!(o.start.datetime(), date(y, m, d).at(13, 0, 0, 0));
        assert_eq!(o.end.datetime(), date(y, m, d).at(14, 30, 0, 0));
        assert_eq!(o.deadline.datetime(), date(dy, dm, dd).at(23, 59, 0, 0));
        assert_eq!(o.start.time_zone().iana_name(), Some("Europe/Helsinki"));
        assert_eq!(o.status, Status::Scheduled);
        assert_eq!(o.conflicts, vec![], "{}", o.date);
        assert_eq!(o.change, None);
    }
}

#[test]
fn next_open_meeting_follows_the_deadline_minute() {
    let occ = gen_(&seed_rule(), date(2022, 10, 1), date(2023, 6, 30));
    let at = |s: &str| s.parse::<jiff::Timestamp>().unwrap();
    let open = |s| next_open_meeting(&occ, at(s)).map(|o| o.date);
    assert_eq!(open("2022-09-01T12:00:00+03:00"), Some(date(2022, 10, 13)));
    assert_eq!(open("2022-10-06T23:59:59+03:00"), Some(date(2022, 10, 13)));
    assert_eq!(open("2022-10-07T00:00:00+03:00"), Some(date(2022, 11, 10)));
    assert_eq!(open("2023-06-02T00:00:00+03:00"), None);
}

fn ascension_2024(policy: HolidayPolicy) -> Occurrence {
    let mut rule = nth(Nth::Second, Weekday::Thursday);
    rule.holiday_policy = policy;
    let mut occ = gen_(&rule, date(2024, 5, 1), date(2024, 5, 31));
    assert_eq!(occ.len(), 1);
    let o = occ.remove(0);
    assert_eq!(o.rule_date, date(2024, 5, 9));
    o
}

fn on_ascension(resolution: Resolution) -> Conflict {
    Conflict::MeetingOnHoliday {
        date: date(2024, 5, 9),
        holiday: Holiday::AscensionDay,
        resolution,
    }
}

#[test]
fn ascension_day_2024_under_each_policy() {
    let o = ascension_2024(HolidayPolicy::Skip);
    assert_eq!(o.status, Status::Skipped);
    assert_eq!(o.date, date(2024, 5, 9));
    assert_eq!(o.conflicts, vec![on_ascension(Resolution::Skipped)]);

    let o = ascension_2024(HolidayPolicy::NextWorkingDay);
    assert_eq!(o.status, Status::Scheduled);
    assert_eq!(o.date, date(2024, 5, 10));
    assert_eq!(o.start.datetime(), date(2024, 5, 10).at(13, 0, 0, 0));
    assert_eq!(o.deadline.date(), date(2024, 5, 3));
    assert_eq!(
        o.conflicts,
        vec![on_ascension(Resolution::MovedTo(date(2024, 5, 10)))]
    );

    // A week later, 16.5.; its deadline 9.5. is Ascension Day itself.
    let o = ascension_2024(HolidayPolicy::MoveOneWeek);
    assert_eq!(o.date, date(2024, 5, 16));
    assert_eq!(o.deadline.datetime(), date(2024, 5, 8).at(23, 59, 0, 0));
    assert_eq!(
        o.conflicts,
        vec![
            on_ascension(Resolution::MovedTo(date(2024, 5, 16))),
            Conflict::DeadlineOnNonWorkingDay {
                date: date(2024, 5, 9),
                holiday: Some(Holiday::AscensionDay),
                resolution: DeadlineResolution::MovedTo(date(2024, 5, 8)),
            },
        ]
    );

    let o = ascension_2024(HolidayPolicy::KeepAndWarn);
    assert_eq!(o.status, Status::Scheduled);
    assert_eq!(o.date, date(2024, 5, 9));
    assert_eq!(o.conflicts, vec![on_ascension(Resolution::Kept)]);
}

#[test]
fn deadline_on_independence_day_good_friday_and_weekend() {
    // 13.12.2024 is the second Friday; a week before is 6.12.
    let mut rule = nth(Nth::Second, Weekday::Friday);
    let o = &gen_(&rule, date(2024, 12, 1), date(2024, 12, 31))[0];
    assert_eq!(o.date, date(2024, 12, 13));
    assert_eq!(o.deadline.datetime(), date(2024, 12, 5).at(23, 59, 0, 0));
    assert_eq!(
        o.conflicts,
        vec![Conflict::DeadlineOnNonWorkingDay {
            date: date(2024, 12, 6),
            holiday: Some(Holiday::IndependenceDay),
            resolution: DeadlineResolution::MovedTo(date(2024, 12, 5)),
        }]
    );

    rule.deadline_policy = DeadlinePolicy::KeepAndWarn;
    rule.notice.time = Some(time(16, 0, 0, 0));
    let o = &gen_(&rule, date(2024, 12, 1), date(2024, 12, 31))[0];
    assert_eq!(o.deadline.datetime(), date(2024, 12, 6).at(16, 0, 0, 0));
    assert_eq!(
        o.conflicts,
        vec![Conflict::DeadlineOnNonWorkingDay {
            date: date(2024, 12, 6),
            holiday: Some(Holiday::IndependenceDay),
            resolution: DeadlineResolution::Kept,
        }]
    );

    // 5.4.2024, first Friday of April; a week before is Good Friday 29.3.,
    // and the working day before that is Maundy Thursday 28.3.
    let rule = nth(Nth::First, Weekday::Friday);
    let o = &gen_(&rule, date(2024, 4, 1), date(2024, 4, 30))[0];
    assert_eq!(o.deadline.date(), date(2024, 3, 28));
    assert!(matches!(
        o.conflicts[..],
        [Conflict::DeadlineOnNonWorkingDay {
            holiday: Some(Holiday::GoodFriday),
            ..
        }]
    ));

    // Five days before a Thursday is a Saturday: weekend, no holiday.
    let mut rule = nth(Nth::Second, Weekday::Thursday);
    rule.notice.days_before = 5;
    let o = &gen_(&rule, date(2024, 2, 1), date(2024, 2, 29))[0];
    assert_eq!(o.deadline.date(), date(2024, 2, 2));
    assert_eq!(
        o.conflicts,
        vec![Conflict::DeadlineOnNonWorkingDay {
            date: date(2024, 2, 3),
            holiday: None,
            resolution: DeadlineResolution::MovedTo(date(2024, 2, 2)),
        }]
    );
}

#[test]
fn local_time_is_kept_across_dst() {
    let rule = weekly(1, Weekday::Thursday, date(2024, 1, 4));
    let hours = |h| Offset::constant(h);
    let spring = gen_(&rule, date(2024, 3, 21), date(2024, 4, 4));
    let autumn = gen_(&rule, date(2024, 10, 17), date(2024, 10, 31));
    let offsets =
        |occ: &[Occurrence]| -> Vec<Offset> { occ.iter().map(|o| o.start.offset()).collect() };
    assert_eq!(offsets(&spring), [hours(2), hours(2), hours(3)]);
    assert_eq!(offsets(&autumn), [hours(3), hours(3), hours(2)]);
    for o in spring.iter().chain(&autumn) {
        assert_eq!(o.start.time(), THIRTEEN);
        assert_eq!(o.end.time(), time(14, 30, 0, 0));
        assert!(o.conflicts.is_empty());
    }
    // The deadline keeps its local time too: 28.3. is still winter time.
    assert_eq!(spring[2].deadline.offset(), hours(2));
    assert_eq!(spring[2].deadline.time(), time(23, 59, 0, 0));
}

#[test]
fn same_day_deadline_in_a_dst_gap_is_flagged() {
    // 30.3.2025 03:30 does not exist in Helsinki; jiff makes it 04:30, which
    // is after a 04:10 start.
    let mut rule = MeetingRule::new(
        Recurrence::Dates {
            dates: vec![date(2025, 3, 30)],
        },
        time(4, 10, 0, 0),
        30,
    );
    rule.notice = Notice {
        days_before: 0,
        time: Some(time(3, 30, 0, 0)),
    };
    rule.deadline_policy = DeadlinePolicy::KeepAndWarn;
    let o = &gen_(&rule, date(2025, 1, 1), date(2025, 12, 31))[0];
    assert!(o.deadline < o.start);
    assert_eq!(o.deadline.time(), time(4, 9, 0, 0));
    assert_eq!(o.conflicts.len(), 2);
    assert_eq!(o.conflicts[1].key(), "deadline-not-before-start");
}

#[test]
fn last_weekday_of_month() {
    let rule = nth(Nth::Last, Weekday::Monday);
    let occ = gen_(&rule, date(2024, 1, 1), date(2024, 6, 30));
    let expected = [(1, 29), (2, 26), (3, 25), (4, 29), (5, 27), (6, 24)];
    assert_eq!(dates(&occ), expected.map(|(m, d)| date(2024, m, d)));

    // The last Friday of March 2024 is Good Friday.
    let occ = gen_(
        &nth(Nth::Last, Weekday::Friday),
        date(2024, 3, 1),
        date(2024, 3, 31),
    );
    assert_eq!(occ[0].date, date(2024, 3, 29));
    assert_eq!(occ[0].conflicts[0].key(), "meeting-on-holiday");
}

#[test]
fn every_two_weeks_from_the_anchor() {
    // Anchor on a Wednesday: the series starts the next Tuesday, 9.1.
    let rule = weekly(2, Weekday::Tuesday, date(2024, 1, 3));
    let all = gen_(&rule, date(2023, 12, 1), date(2024, 2, 29));
    let expected = [(1, 9), (1, 23), (2, 6), (2, 20)].map(|(m, d)| date(2024, m, d));
    assert_eq!(dates(&all), expected);
    // A window starting mid-series keeps the phase.
    let tail = gen_(&rule, date(2024, 1, 24), date(2024, 2, 29));
    assert_eq!(dates(&tail), expected[2..]);
}

#[test]
fn explicit_dates_are_sorted_and_checked() {
    let rule = MeetingRule::new(
        Recurrence::Dates {
            dates: vec![date(2024, 3, 5), date(2024, 1, 16), date(2024, 5, 1)],
        },
        THIRTEEN,
        60,
    );
    let occ = gen_(&rule, date(2024, 1, 1), date(2024, 12, 31));
    assert_eq!(
        dates(&occ),
        [date(2024, 1, 16), date(2024, 3, 5), date(2024, 5, 1)]
    );
    assert_eq!(
        occ[2].conflicts,
        vec![Conflict::MeetingOnHoliday {
            date: date(2024, 5, 1),
            holiday: Holiday::MayDay,
            resolution: Resolution::Kept,
        }]
    );
    assert_eq!(
        dates(&gen_(&rule, date(2024, 2, 1), date(2024, 3, 5))),
        [date(2024, 3, 5)]
    );
}

#[test]
fn paused_months_are_left_out() {
    let mut rule = nth(Nth::First, Weekday::Monday);
    rule.paused_months = vec![6, 7, 8];
    let occ = gen_(&rule, date(2024, 1, 1), date(2024, 12, 31));
    assert_eq!(occ.len(), 9);
    assert!(occ.iter().all(|o| !(6..=8).contains(&o.date.month())));
}

#[test]
fn season_bounds_are_inclusive() {
    let mut rule = nth(Nth::Second, Weekday::Thursday);
    rule.season_start = Some(date(2024, 2, 8));
    rule.season_end = Some(date(2024, 4, 11));
    let span = (date(2024, 1, 1), date(2024, 12, 31));
    let expected = [date(2024, 2, 8), date(2024, 3, 14), date(2024, 4, 11)];
    assert_eq!(dates(&gen_(&rule, span.0, span.1)), expected);
    rule.season_start = Some(date(2024, 2, 9));
    rule.season_end = Some(date(2024, 4, 10));
    assert_eq!(dates(&gen_(&rule, span.0, span.1)), [date(2024, 3, 14)]);
    assert!(gen_(&rule, date(2024, 5, 1), date(2024, 1, 1)).is_empty());
}

#[test]
fn holiday_move_blocked_by_the_season_skips_visibly() {
    let mut rule = nth(Nth::Second, Weekday::Thursday);
    rule.season_end = Some(date(2024, 5, 9));
    rule.holiday_policy = HolidayPolicy::NextWorkingDay;
    let occ = gen_(&rule, date(2024, 5, 1), date(2024, 5, 31));
    assert_eq!(occ[0].status, Status::Skipped);
    assert_eq!(
        occ[0].conflicts,
        vec![
            on_ascension(Resolution::Skipped),
            Conflict::MoveBlocked {
                to: date(2024, 5, 10),
                limit: RuleLimit::OutsideSeason,
            },
        ]
    );
}

#[test]
fn moving_a_week_from_christmas_day_passes_new_year_and_collides() {
    let mut rule = weekly(1, Weekday::Wednesday, date(2024, 12, 4));
    rule.holiday_policy = HolidayPolicy::MoveOneWeek;
    let occ = gen_(&rule, date(2024, 12, 20), date(2025, 1, 10));
    let from_christmas = occ
        .iter()
        .find(|o| o.rule_date == date(2024, 12, 25))
        .unwrap();
    assert_eq!(from_christmas.date, date(2025, 1, 8));
    let keys: Vec<_> = from_christmas.conflicts.iter().map(Conflict::key).collect();
    assert_eq!(
        keys,
        [
            "meeting-on-holiday",          // 25.12. moved to 1.1.
            "meeting-on-holiday",          // 1.1. moved to 8.1.
            "deadline-on-non-working-day", // 8.1. − 7 days = 1.1.
            "same-date-as-another",
            "same-date-as-another",
        ]
    );
    // The regular 8.1. and the 1.1. moved there all share the date.
    let on_8th = occ.iter().filter(|o| o.date == date(2025, 1, 8)).count();
    assert_eq!(on_8th, 3);
    assert!(occ.windows(2).all(|w| w[0].start <= w[1].start));
}

#[test]
fn dates_at_the_end_of_time_do_not_panic() {
    let mut rule = MeetingRule::new(
        Recurrence::Dates {
            dates: vec![date(9999, 12, 26), date(-9999, 1, 2)],
        },
        THIRTEEN,
        60,
    );
    rule.holiday_policy = HolidayPolicy::MoveOneWeek;
    let occ = gen_(&rule, Date::MIN, Date::MAX);
    // -9999-01-02 has no representable deadline, so it cannot be listed.
    assert_eq!(dates(&occ), [date(9999, 12, 26)]);
    assert_eq!(occ[0].status, Status::Skipped);
    let long = weekly(52, Weekday::Monday, date(2000, 1, 3));
    assert!(gen_(&long, Date::MIN, Date::MAX).len() > 7_000);
}

#[test]
fn invalid_rules_do_not_generate() {
    let mut rule = seed_rule();
    rule.length_minutes = 0;
    assert_eq!(
        rule.generate(date(2022, 1, 1), date(2023, 1, 1)),
        Err(vec![RuleError::LengthOutOfRange { minutes: 0 }])
    );
}
