//! Finnish public holidays (arkipyhät ja juhlapyhät), computed from the
//! calendar rather than typed in, so every year works without maintenance.
//!
//! The current rules (in force since 1991) are applied to every year; this is
//! a scheduling aid, not a historical almanac.

use jiff::SignedDuration;
use jiff::civil::{Date, Weekday};

use super::keys::keyed_enum;

keyed_enum! {
    /// A Finnish public holiday, or a customary day off treated like one.
    /// The key is stable: UI translations are looked up by it.
    pub enum Holiday ("holiday") {
        /// Uudenvuodenpäivä, 1.1.
        NewYearsDay = "new-years-day",
        /// Loppiainen, 6.1.
        Epiphany = "epiphany",
        /// Pitkäperjantai, Easter − 2.
        GoodFriday = "good-friday",
        /// Pääsiäispäivä.
        EasterSunday = "easter-sunday",
        /// Toinen pääsiäispäivä, Easter + 1.
        EasterMonday = "easter-monday",
        /// Vappu, 1.5.
        MayDay = "may-day",
        /// Helatorstai, Easter + 39 (always a Thursday).
        AscensionDay = "ascension-day",
        /// Helluntaipäivä, Easter + 49.
        Whitsunday = "whitsunday",
        /// Juhannusaatto, the Friday of 19–25 June (customary day off).
        MidsummerEve = "midsummer-eve",
        /// Juhannuspäivä, the Saturday of 20–26 June.
        MidsummerDay = "midsummer-day",
        /// Pyhäinpäivä, the Saturday of 31.10.–6.11.
        AllSaintsDay = "all-saints-day",
        /// Itsenäisyyspäivä, 6.12.
        IndependenceDay = "independence-day",
        /// Jouluaatto, 24.12. (customary day off).
        ChristmasEve = "christmas-eve",
        /// Joulupäivä, 25.12.
        ChristmasDay = "christmas-day",
        /// Tapaninpäivä, 26.12.
        StStephensDay = "st-stephens-day",
    }
}

impl Holiday {
    /// The Finnish name, for logs and as a fallback when a translation is
    /// missing.
    pub fn name_fi(self) -> &'static str {
        match self {
            Holiday::NewYearsDay => "uudenvuodenpäivä",
            Holiday::Epiphany => "loppiainen",
            Holiday::GoodFriday => "pitkäperjantai",
            Holiday::EasterSunday => "pääsiäispäivä",
            Holiday::EasterMonday => "toinen pääsiäispäivä",
            Holiday::MayDay => "vappu",
            Holiday::AscensionDay => "helatorstai",
            Holiday::Whitsunday => "helluntaipäivä",
            Holiday::MidsummerEve => "juhannusaatto",
            Holiday::MidsummerDay => "juhannuspäivä",
            Holiday::AllSaintsDay => "pyhäinpäivä",
            Holiday::IndependenceDay => "itsenäisyyspäivä",
            Holiday::ChristmasEve => "jouluaatto",
            Holiday::ChristmasDay => "joulupäivä",
            Holiday::StStephensDay => "tapaninpäivä",
        }
    }

    /// The date of this holiday in `year`; `None` outside jiff's range.
    pub fn date_in(self, year: i16) -> Option<Date> {
        let fixed = |month, day| Date::new(year, month, day).ok();
        let from_easter = |days: i64| add_days(easter_sunday(year)?, days);
        // The first `weekday` on or after `month`/`day`.
        let first = |month, day, weekday: Weekday| {
            let d = fixed(month, day)?;
            add_days(d, i64::from(d.weekday().until(weekday)))
        };
        match self {
            Holiday::NewYearsDay => fixed(1, 1),
            Holiday::Epiphany => fixed(1, 6),
            Holiday::GoodFriday => from_easter(-2),
            Holiday::EasterSunday => from_easter(0),
            Holiday::EasterMonday => from_easter(1),
            Holiday::MayDay => fixed(5, 1),
            Holiday::AscensionDay => from_easter(39),
            Holiday::Whitsunday => from_easter(49),
            Holiday::MidsummerEve => first(6, 19, Weekday::Friday),
            Holiday::MidsummerDay => first(6, 20, Weekday::Saturday),
            Holiday::AllSaintsDay => first(10, 31, Weekday::Saturday),
            Holiday::IndependenceDay => fixed(12, 6),
            Holiday::ChristmasEve => fixed(12, 24),
            Holiday::ChristmasDay => fixed(12, 25),
            Holiday::StStephensDay => fixed(12, 26),
        }
    }

    /// False for Midsummer Eve and Christmas Eve: days off in practice but
    /// not statutory holidays. Scheduling treats both alike.
    pub fn is_statutory(self) -> bool {
        !matches!(self, Holiday::MidsummerEve | Holiday::ChristmasEve)
    }
}

/// Easter Sunday by the anonymous Gregorian computus (Meeus/Jones/Butcher).
/// `None` only outside jiff's supported years.
pub fn easter_sunday(year: i16) -> Option<Date> {
    let y = i32::from(year);
    let a = y.rem_euclid(19);
    let b = y.div_euclid(100);
    let c = y.rem_euclid(100);
    let (d, e) = (b.div_euclid(4), b.rem_euclid(4));
    let f = (b + 8).div_euclid(25);
    let g = (b - f + 1).div_euclid(3);
    let h = (19 * a + b - d - g + 15).rem_euclid(30);
    let (i, k) = (c / 4, c % 4);
    let l = (32 + 2 * e + 2 * i - h - k).rem_euclid(7);
    let m = (a + 11 * h + 22 * l) / 451;
    let n = h + l - 7 * m + 114;
    // n is in 107..=149, so month is 3 or 4 and day 1..=31: both fit in i8.
    Date::new(year, (n / 31) as i8, (n % 31 + 1) as i8).ok()
}

/// `date` plus `days` (negative: minus); `None` outside jiff's range.
pub(super) fn add_days(date: Date, days: i64) -> Option<Date> {
    // Beyond ±10M days no date is in range; the guard keeps hours from overflowing.
    if days.unsigned_abs() > 10_000_000 {
        return None;
    }
    date.checked_add(SignedDuration::from_hours(24 * days)).ok()
}

/// Every holiday on `date`. Usually at most one, but Ascension Day falls on
/// May Day when Easter is on 23 March (2008, 2160, …).
pub fn holidays_on(date: Date) -> Vec<Holiday> {
    Holiday::ALL
        .iter()
        .copied()
        .filter(|h| h.date_in(date.year()) == Some(date))
        .collect()
}

/// The holiday on `date`, if any (Midsummer Eve and Christmas Eve included);
/// the first in declaration order when two coincide.
pub fn holiday(date: Date) -> Option<Holiday> {
    Holiday::ALL
        .iter()
        .copied()
        .find(|h| h.date_in(date.year()) == Some(date))
}

/// All holidays of `year`, in date order (a date twice if two coincide).
/// Empty outside jiff's year range.
pub fn holidays_in_year(year: i16) -> Vec<(Date, Holiday)> {
    let mut out: Vec<(Date, Holiday)> = Holiday::ALL
        .iter()
        .filter_map(|&h| Some((h.date_in(year)?, h)))
        .collect();
    out.sort();
    out
}

/// Monday–Friday and not a holiday (Midsummer Eve and Christmas Eve are
/// non-working). Weekends are never working days.
pub fn is_working_day(date: Date) -> bool {
    let weekend = matches!(date.weekday(), Weekday::Saturday | Weekday::Sunday);
    !weekend && holiday(date).is_none()
}

/// The first working day strictly after `date`; `None` only at the end of
/// jiff's date range.
pub fn next_working_day(date: Date) -> Option<Date> {
    step_to_working_day(date, 1)
}

/// The last working day strictly before `date`; `None` only at the start of
/// jiff's date range.
pub fn previous_working_day(date: Date) -> Option<Date> {
    step_to_working_day(date, -1)
}

fn step_to_working_day(mut date: Date, direction: i64) -> Option<Date> {
    // A run of non-working days is at most 5 long (e.g. Christmas + weekend).
    for _ in 0..14 {
        date = add_days(date, direction)?;
        if is_working_day(date) {
            return Some(date);
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;
    use jiff::civil::date;
    use proptest::prelude::*;

    fn year_of(y: i16) -> Vec<(Date, Holiday)> {
        holidays_in_year(y)
    }

    #[test]
    fn known_easters() {
        for (y, m, d) in [
            (2000, 4, 23),
            (2008, 3, 23),
            (2011, 4, 24),
            (2019, 4, 21),
            (2022, 4, 17),
            (2023, 4, 9),
            (2024, 3, 31),
            (2025, 4, 20),
            (2026, 4, 5),
            (2029, 4, 1),
            (2038, 4, 25),
        ] {
            assert_eq!(easter_sunday(y), Some(date(y, m, d)), "{y}");
        }
    }

    #[test]
    fn year_2024_in_full() {
        use Holiday::*;
        let expected = vec![
            (date(2024, 1, 1), NewYearsDay),
            (date(2024, 1, 6), Epiphany),
            (date(2024, 3, 29), GoodFriday),
            (date(2024, 3, 31), EasterSunday),
            (date(2024, 4, 1), EasterMonday),
            (date(2024, 5, 1), MayDay),
            (date(2024, 5, 9), AscensionDay),
            (date(2024, 5, 19), Whitsunday),
            (date(2024, 6, 21), MidsummerEve),
            (date(2024, 6, 22), MidsummerDay),
            (date(2024, 11, 2), AllSaintsDay),
            (date(2024, 12, 6), IndependenceDay),
            (date(2024, 12, 24), ChristmasEve),
            (date(2024, 12, 25), ChristmasDay),
            (date(2024, 12, 26), StStephensDay),
        ];
        assert_eq!(year_of(2024), expected);
    }

    #[test]
    fn moving_holidays_in_known_years() {
        use Holiday::*;
        let cases = [
            (2022, GoodFriday, date(2022, 4, 15)),
            (2022, AscensionDay, date(2022, 5, 26)),
            (2022, Whitsunday, date(2022, 6, 5)),
            (2022, MidsummerEve, date(2022, 6, 24)),
            (2022, AllSaintsDay, date(2022, 11, 5)),
            (2023, GoodFriday, date(2023, 4, 7)),
            (2023, AscensionDay, date(2023, 5, 18)),
            (2023, MidsummerEve, date(2023, 6, 23)),
            (2023, MidsummerDay, date(2023, 6, 24)),
            (2023, AllSaintsDay, date(2023, 11, 4)),
            (2026, EasterMonday, date(2026, 4, 6)),
            (2026, AscensionDay, date(2026, 5, 14)),
            (2026, MidsummerEve, date(2026, 6, 19)),
            (2026, AllSaintsDay, date(2026, 10, 31)),
            (2029, AscensionDay, date(2029, 5, 10)),
            (2029, MidsummerDay, date(2029, 6, 23)),
        ];
        for (y, h, d) in cases {
            assert!(year_of(y).contains(&(d, h)), "{y} {h} {d}");
            assert_eq!(holiday(d), Some(h));
        }
    }

    #[test]
    fn ascension_is_the_second_thursday_of_may_in_2024_2026_2029() {
        for y in [2024, 2026, 2029] {
            let second_thu = date(y, 5, 1)
                .nth_weekday_of_month(2, Weekday::Thursday)
                .unwrap();
            assert_eq!(holiday(second_thu), Some(Holiday::AscensionDay));
        }
    }

    #[test]
    fn working_days() {
        assert!(is_working_day(date(2024, 5, 8))); // Wednesday
        assert!(!is_working_day(date(2024, 5, 9))); // Ascension Day
        assert!(!is_working_day(date(2024, 5, 11))); // Saturday
        assert!(!is_working_day(date(2024, 6, 21))); // Midsummer Eve
        assert!(!is_working_day(date(2024, 12, 24))); // Christmas Eve
        assert_eq!(next_working_day(date(2024, 5, 9)), Some(date(2024, 5, 10)));
        // Christmas 2025: Wed 24 – Fri 26, then the weekend.
        assert_eq!(
            next_working_day(date(2025, 12, 23)),
            Some(date(2025, 12, 29))
        );
        assert_eq!(
            previous_working_day(date(2024, 4, 1)),
            Some(date(2024, 3, 28))
        );
    }

    #[test]
    fn ascension_on_may_day() {
        assert_eq!(easter_sunday(2008), Some(date(2008, 3, 23)));
        assert_eq!(
            holidays_on(date(2008, 5, 1)),
            [Holiday::MayDay, Holiday::AscensionDay]
        );
        assert_eq!(holiday(date(2008, 5, 1)), Some(Holiday::MayDay));
        assert_eq!(holidays_in_year(2008).len(), 15);
    }

    #[test]
    fn keys_and_names() {
        assert_eq!(Holiday::AscensionDay.key(), "ascension-day");
        assert_eq!(Holiday::AscensionDay.name_fi(), "helatorstai");
        assert_eq!("midsummer-eve".parse(), Ok(Holiday::MidsummerEve));
        assert!(!Holiday::ChristmasEve.is_statutory());
        assert!(Holiday::ChristmasDay.is_statutory());
        assert_eq!(Holiday::ALL.len(), 15);
    }

    #[test]
    fn range_edges_do_not_panic() {
        assert_eq!(holidays_in_year(9999).len(), 15);
        assert_eq!(holidays_in_year(-9999).len(), 15);
        assert!(next_working_day(date(9999, 12, 31)).is_none());
        assert!(previous_working_day(date(-9999, 1, 1)).is_none());
    }

    proptest! {
        #[test]
        fn every_year_has_its_fifteen_days(y in 1600i16..=4000) {
            let days = holidays_in_year(y);
            prop_assert_eq!(days.len(), 15);
            let mut kinds: Vec<Holiday> = days.iter().map(|(_, h)| *h).collect();
            kinds.sort();
            prop_assert_eq!(kinds, Holiday::ALL.to_vec());
            for (d, h) in &days {
                prop_assert_eq!(d.year(), y);
                prop_assert!(holidays_on(*d).contains(h));
                prop_assert!(!is_working_day(*d));
                let expected_weekday = match h {
                    Holiday::GoodFriday | Holiday::MidsummerEve => Some(Weekday::Friday),
                    Holiday::EasterSunday | Holiday::Whitsunday => Some(Weekday::Sunday),
                    Holiday::EasterMonday => Some(Weekday::Monday),
                    Holiday::AscensionDay => Some(Weekday::Thursday),
                    Holiday::MidsummerDay | Holiday::AllSaintsDay => Some(Weekday::Saturday),
                    _ => None,
                };
                if let Some(w) = expected_weekday {
                    prop_assert_eq!(d.weekday(), w, "{:?} {}", h, d);
                }
            }
            let easter = easter_sunday(y).unwrap();
            prop_assert!(easter >= date(y, 3, 22) && easter <= date(y, 4, 25));
        }

        #[test]
        fn working_day_neighbours(y in 1900i16..=2200, doy in 1i16..=365) {
            let d = date(y, 1, 1).with().day_of_year(doy).build().unwrap();
            let listed = holidays_in_year(y).iter().any(|(hd, _)| *hd == d);
            prop_assert_eq!(holiday(d).is_some(), listed);
            let next = next_working_day(d).unwrap();
            let prev = previous_working_day(d).unwrap();
            prop_assert!(next > d && is_working_day(next));
            prop_assert!(prev < d && is_working_day(prev));
            prop_assert!(next.duration_since(d).as_hours() <= 24 * 6);
        }
    }
}
