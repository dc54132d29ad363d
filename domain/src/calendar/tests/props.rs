//! Property tests: generation over random valid rules, and validation over
//! random invalid ones.

use jiff::civil::{Date, DateTime, Time, date};
use jiff::tz::{AmbiguousOffset, TimeZone};
use proptest::prelude::*;

use super::super::*;

const ZONES: [&str; 4] = [
    "Europe/Helsinki",
    "Europe/Stockholm",
    "UTC",
    "America/New_York",
];

fn any_date() -> impl Strategy<Value = Date> {
    (2019i16..=2031, 1i16..=365).prop_map(|(y, doy)| {
        date(y, 1, 1)
            .with()
            .day_of_year(doy)
            .build()
            .expect("day 1..=365 exists")
    })
}

fn any_time() -> impl Strategy<Value = Time> {
    (0i8..24, 0i8..60).prop_map(|(h, m)| Time::constant(h, m, 0, 0))
}

fn any_weekday() -> impl Strategy<Value = Weekday> {
    prop::sample::select(Weekday::ALL)
}

fn any_recurrence() -> impl Strategy<Value = Recurrence> {
    prop_oneof![
        (prop::sample::select(Nth::ALL), any_weekday())
            .prop_map(|(nth, weekday)| Recurrence::NthWeekdayOfMonth { nth, weekday }),
        (1u32..=8, any_weekday(), any_date())
            .prop_map(|(n, weekday, anchor)| Recurrence::EveryNWeeks { n, weekday, anchor }),
        prop::collection::vec(any_date(), 1..20).prop_map(|dates| Recurrence::Dates { dates }),
    ]
}

prop_compose! {
    fn valid_rule()(
        recurrence in any_recurrence(),
        start_time in any_time(),
        length_minutes in 1u32..=1440,
        zone in prop::sample::select(&ZONES[..]),
        days_before in 0i32..=60,
        notice_time in prop::option::of(any_time()),
        paused_mask in 0u16..4095,
        season in (prop::option::of(any_date()), prop::option::of(any_date())),
        holiday_policy in prop::sample::select(HolidayPolicy::ALL),
        deadline_policy in prop::sample::select(DeadlinePolicy::ALL),
    ) -> MeetingRule {
        let mut rule = MeetingRule::new(recurrence, start_time, length_minutes);
        rule.time_zone = zone.to_owned();
        rule.notice = Notice { days_before, time: notice_time };
        if days_before == 0 && notice_time.is_none_or(|t| t >= start_time) {
            rule.notice.days_before = 1;
        }
        rule.paused_months = (1..=12).filter(|m| paused_mask & (1 << (m - 1)) != 0).collect();
        let (mut start, mut end) = season;
        if let (Some(s), Some(e)) = (start, end) && e < s {
            (start, end) = (Some(e), Some(s));
        }
        rule.season_start = start;
        rule.season_end = end;
        rule.holiday_policy = holiday_policy;
        rule.deadline_policy = deadline_policy;
        // Explicit dates must respect the season and pauses: keep those that
        // do, or fall back to a monthly rule.
        if let Recurrence::Dates { dates } = &rule.recurrence {
            let mut kept: Vec<Date> = dates
                .iter()
                .copied()
                .filter(|d| rule.in_season(*d) && !rule.is_paused(d.month()))
                .collect();
            kept.sort();
            kept.dedup();
            rule.recurrence = if kept.is_empty() {
                Recurrence::NthWeekdayOfMonth { nth: Nth::First, weekday: Weekday::Monday }
            } else {
                Recurrence::Dates { dates: kept }
            };
        }
        rule
    }
}

fn is_gap(tz: &TimeZone, dt: DateTime) -> bool {
    matches!(
        tz.to_ambiguous_zoned_datetime(dt).offset(),
        AmbiguousOffset::Gap { .. }
    )
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(400))]

    #[test]
    fn generation_keeps_its_promises(rule in valid_rule(), a in any_date(), b in any_date()) {
        prop_assert_eq!(rule.validate(), Ok(()));
        let (from, to) = (a.min(b), a.max(b));
        let occ = rule.generate(from, to).expect("valid");
        let tz = rule.tz().unwrap();
        for pair in occ.windows(2) {
            prop_assert!((&pair[0].start, pair[0].rule_date) <= (&pair[1].start, pair[1].rule_date));
        }
        for o in &occ {
            prop_assert!(from <= o.rule_date && o.rule_date <= to);
            prop_assert!(rule.in_season(o.rule_date) && !rule.is_paused(o.rule_date.month()));
            prop_assert!(o.deadline < o.start, "{:?}", o);
            prop_assert_eq!(
                o.end.timestamp() - o.start.timestamp(),
                jiff::SignedDuration::from_mins(i64::from(rule.length_minutes))
            );
            prop_assert_eq!(o.start.date(), o.date);
            let local = DateTime::from_parts(o.date, rule.start_time);
            prop_assert!(o.start.datetime() == local || is_gap(&tz, local), "{:?}", o);
            prop_assert_eq!(o.change.clone(), None);
            match o.status {
                Status::Scheduled => {
                    prop_assert!(rule.in_season(o.date), "{:?}", o);
                    prop_assert!(!rule.is_paused(o.date.month()), "{:?}", o);
                }
                Status::Skipped => {
                    prop_assert!(o.conflicts.iter().any(|c| matches!(
                        c,
                        Conflict::MeetingOnHoliday { resolution: Resolution::Skipped, .. }
                    )), "{:?}", o);
                }
                Status::Cancelled => prop_assert!(false, "no overrides given"),
            }
            // Nothing silent: a moved meeting says where it went ...
            if o.date != o.rule_date {
                prop_assert!(o.conflicts.iter().any(|c| matches!(
                    c,
                    Conflict::MeetingOnHoliday { resolution: Resolution::MovedTo(to), .. }
                        if to.eq(&o.date)
                )), "{:?}", o);
            }
            // ... a held meeting on a holiday is warned about ...
            if o.is_held() && let Some(h) = holiday(o.date) {
                prop_assert!(o.conflicts.contains(&Conflict::MeetingOnHoliday {
                    date: o.date, holiday: h, resolution: Resolution::Kept,
                }), "{:?}", o);
            }
            // ... and a deadline off its nominal day or on a day off is too.
            let nominal = o.date.checked_sub(jiff::SignedDuration::from_hours(
                24 * i64::from(rule.notice.days_before),
            )).unwrap();
            let deadline_noted = o.conflicts.iter().any(Conflict::is_about_deadline);
            if o.deadline.date() != nominal || !is_working_day(o.deadline.date()) {
                prop_assert!(deadline_noted, "{:?}", o);
            }
        }
        // Overrides never lose an occurrence and keep the order.
        let overrides: Vec<Override> = occ
            .iter()
            .step_by(2)
            .map(|o| Override::cancel(o.rule_date, "test"))
            .collect();
        let after = rule.apply_overrides(occ.clone(), &overrides);
        prop_assert_eq!(after.len(), occ.len());
        prop_assert_eq!(
            after.iter().filter(|o| o.status == Status::Cancelled).count(),
            overrides.len()
        );
    }

    #[test]
    fn validation_rejects_each_invalid_input(rule in valid_rule(), which in 0usize..9, x in any::<i32>()) {
        let mut bad = rule.clone();
        let expected = match which {
            0 => {
                bad.recurrence = Recurrence::EveryNWeeks {
                    n: 0, weekday: Weekday::Monday, anchor: date(2024, 1, 1),
                };
                "weeks-out-of-range"
            }
            1 => {
                bad.length_minutes = if x % 2 == 0 { 0 } else { 1441 + x.unsigned_abs() % 100_000 };
                "length-out-of-range"
            }
            2 => {
                let start = date(2024, 1, 1);
                bad.season_start = Some(start);
                bad.season_end = start.checked_sub(jiff::SignedDuration::from_hours(24 * (1 + i64::from(x.rem_euclid(500))))).ok();
                "season-ends-before-start"
            }
            3 => {
                bad.notice.days_before = if x < 0 { x } else { 61 + x % 10_000 };
                "notice-out-of-range"
            }
            4 => {
                bad.time_zone = format!("Nowhere/Zone{x}");
                "unknown-time-zone"
            }
            5 => {
                bad.recurrence = Recurrence::Dates { dates: vec![] };
                "empty-date-list"
            }
            6 => {
                bad.paused_months = (1..=12).collect();
                "all-months-paused"
            }
            7 => {
                let m = (x % 128) as i8;
                bad.paused_months.push(if (1..=12).contains(&m) { 0 } else { m });
                "month-out-of-range"
            }
            _ => {
                bad.notice = Notice { days_before: 0, time: Some(rule.start_time) };
                "deadline-not-before-meeting"
            }
        };
        let errors = bad.validate().expect_err("must be rejected");
        prop_assert!(errors.iter().any(|e| e.key() == expected), "{:?}", errors);
        prop_assert!(bad.generate(date(2024, 1, 1), date(2024, 12, 31)).is_err());
    }

    #[test]
    fn nth_outside_one_to_four_or_last_is_rejected(n in any::<i8>()) {
        let ok = matches!(n, 1..=4 | -1);
        prop_assert_eq!(Nth::try_from(n).is_ok(), ok);
        prop_assert_eq!(n.to_string().parse::<Nth>().is_ok(), (1..=4).contains(&n));
    }
}
