//! Overrides: a secretary cancels or moves single meetings.

use jiff::civil::date;

use super::super::*;
use super::{Weekday, dates, nth};

fn season_2024() -> MeetingRule {
    let mut rule = nth(Nth::Second, Weekday::Thursday);
    rule.season_start = Some(date(2024, 2, 1));
    rule.season_end = Some(date(2024, 4, 30));
    rule
}

#[test]
fn overrides_cancel_and_move_with_reason() {
    let rule = season_2024();
    let overrides = [
        Override::cancel(date(2024, 3, 14), "puheenjohtaja estynyt"),
        Override::move_to(
            date(2024, 4, 11),
            date(2024, 4, 10).at(10, 0, 0, 0),
            "sali varattu",
        ),
        Override::cancel(date(2024, 3, 7), "ei kokousta"), // not a rule date
    ];
    let (from, to) = (date(2024, 1, 1), date(2024, 12, 31));
    let occ = rule.schedule(from, to, &overrides).unwrap();
    assert_eq!(
        dates(&occ),
        [date(2024, 2, 8), date(2024, 3, 14), date(2024, 4, 10)]
    );
    assert_eq!(occ[0].change, None);

    assert_eq!(occ[1].status, Status::Cancelled);
    assert_eq!(
        occ[1].change,
        Some(ManualChange::Cancelled {
            reason: "puheenjohtaja estynyt".into()
        })
    );

    let moved = &occ[2];
    assert_eq!(moved.rule_date, date(2024, 4, 11));
    assert_eq!(moved.status, Status::Scheduled);
    assert_eq!(moved.start.datetime(), date(2024, 4, 10).at(10, 0, 0, 0));
    assert_eq!(moved.end.datetime(), date(2024, 4, 10).at(11, 30, 0, 0));
    assert_eq!(moved.deadline.datetime(), date(2024, 4, 3).at(23, 59, 0, 0));
    match &moved.change {
        Some(ManualChange::Moved { from, reason }) => {
            assert_eq!(from.datetime(), date(2024, 4, 11).at(13, 0, 0, 0));
            assert_eq!(reason, "sali varattu");
        }
        other => panic!("{other:?}"),
    }

    let orphans = rule.orphan_overrides(&overrides, from, to);
    assert_eq!(orphans, [&overrides[2]]);
    assert_eq!(overrides[0].validate(), Ok(()));
    assert_eq!(
        Override::cancel(date(2024, 3, 14), "  ").validate(),
        Err(RuleError::MissingReason)
    );
}

#[test]
fn manual_moves_are_warned_about_not_refused() {
    let rule = season_2024();
    let overrides = [
        // To May Day: a holiday and outside the season.
        Override::move_to(date(2024, 3, 14), date(2024, 5, 1).at(9, 0, 0, 0), "x"),
        // Onto the date of another meeting.
        Override::move_to(date(2024, 2, 8), date(2024, 4, 11).at(9, 0, 0, 0), "y"),
    ];
    let occ = rule
        .schedule(date(2024, 1, 1), date(2024, 12, 31), &overrides)
        .unwrap();
    assert_eq!(
        dates(&occ),
        [date(2024, 4, 11), date(2024, 4, 11), date(2024, 5, 1)]
    );
    assert_eq!(
        occ[0].conflicts,
        vec![Conflict::SameDateAsAnother {
            other_rule_date: date(2024, 4, 11)
        }]
    );
    assert_eq!(
        occ[2].conflicts,
        vec![
            Conflict::MeetingOnHoliday {
                date: date(2024, 5, 1),
                holiday: Holiday::MayDay,
                resolution: Resolution::Kept,
            },
            Conflict::MeetingOutsideRule {
                date: date(2024, 5, 1),
                limit: RuleLimit::OutsideSeason,
            },
        ]
    );
}

#[test]
fn a_skipped_meeting_can_be_moved_back_by_hand() {
    let mut rule = nth(Nth::Second, Weekday::Thursday);
    rule.holiday_policy = HolidayPolicy::Skip;
    let ov = [Override::move_to(
        date(2024, 5, 9),
        date(2024, 5, 7).at(13, 0, 0, 0),
        "helatorstai",
    )];
    let occ = rule
        .schedule(date(2024, 5, 1), date(2024, 5, 31), &ov)
        .unwrap();
    assert_eq!(occ[0].status, Status::Scheduled);
    assert_eq!(occ[0].date, date(2024, 5, 7));
    assert!(occ[0].conflicts.is_empty());
    assert!(matches!(occ[0].change, Some(ManualChange::Moved { .. })));
}
