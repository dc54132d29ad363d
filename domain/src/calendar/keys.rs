//! Small enums with stable string keys.
//!
//! HTML forms, JSON and UI translation tables all name these values by the
//! same key (`"mon"`, `"last"`, `"next-working-day"`), so serde, `FromStr`
//! and `Display` are generated from one table and cannot drift apart.

use thiserror::Error;

/// A value from a form or a stored rule did not name a known key.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
#[error("unknown {what} key {value:?}")]
pub struct ParseKeyError {
    /// What kind of key was expected, e.g. `"weekday"`.
    pub what: &'static str,
    /// The rejected input.
    pub value: String,
}

impl ParseKeyError {
    pub(crate) fn new(what: &'static str, value: &str) -> Self {
        Self {
            what,
            value: value.to_owned(),
        }
    }
}

/// Declares a fieldless enum whose variants have a fixed string key used by
/// serde, `FromStr`, `Display` and `key()`.
macro_rules! keyed_enum {
    (
        $(#[$meta:meta])*
        $vis:vis enum $name:ident ($what:literal) {
            $( $(#[$vmeta:meta])* $variant:ident = $key:literal, )+
        }
    ) => {
        $(#[$meta])*
        #[derive(
            Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord,
            serde::Serialize, serde::Deserialize,
        )]
        $vis enum $name {
            $( $(#[$vmeta])* #[serde(rename = $key)] $variant, )+
        }

        impl $name {
            /// Every value, in declaration order (for form select options).
            pub const ALL: &'static [$name] = &[$($name::$variant),+];

            /// The stable key used in forms, JSON and translation tables.
            pub fn key(self) -> &'static str {
                match self {
                    $($name::$variant => $key,)+
                }
            }
        }

        impl core::fmt::Display for $name {
            fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
                f.write_str(self.key())
            }
        }

        impl core::str::FromStr for $name {
            type Err = $crate::calendar::keys::ParseKeyError;

            fn from_str(s: &str) -> Result<Self, Self::Err> {
                match s {
                    $($key => Ok($name::$variant),)+
                    _ => Err($crate::calendar::keys::ParseKeyError::new($what, s)),
                }
            }
        }
    };
}
pub(crate) use keyed_enum;

keyed_enum! {
    /// Day of the week (viikonpäivä). Our own type because jiff's `Weekday`
    /// has no serde support and forms send short keys.
    pub enum Weekday ("weekday") {
        /// maanantai
        Monday = "mon",
        /// tiistai
        Tuesday = "tue",
        /// keskiviikko
        Wednesday = "wed",
        /// torstai
        Thursday = "thu",
        /// perjantai
        Friday = "fri",
        /// lauantai
        Saturday = "sat",
        /// sunnuntai
        Sunday = "sun",
    }
}

impl Weekday {
    /// The same day as jiff's type, for date arithmetic.
    pub fn to_jiff(self) -> jiff::civil::Weekday {
        use jiff::civil::Weekday as J;
        match self {
            Weekday::Monday => J::Monday,
            Weekday::Tuesday => J::Tuesday,
            Weekday::Wednesday => J::Wednesday,
            Weekday::Thursday => J::Thursday,
            Weekday::Friday => J::Friday,
            Weekday::Saturday => J::Saturday,
            Weekday::Sunday => J::Sunday,
        }
    }
}

impl From<jiff::civil::Weekday> for Weekday {
    fn from(w: jiff::civil::Weekday) -> Self {
        Weekday::ALL[w.to_monday_zero_offset() as usize]
    }
}

impl From<Weekday> for jiff::civil::Weekday {
    fn from(w: Weekday) -> Self {
        w.to_jiff()
    }
}

keyed_enum! {
    /// Which weekday of the month (kuukauden ensimmäinen … viimeinen).
    /// Only 1–4 and last exist because every month has at least four of each
    /// weekday but not always a fifth: "nth out of range" is unrepresentable.
    pub enum Nth ("nth") {
        /// ensimmäinen
        First = "1",
        /// toinen
        Second = "2",
        /// kolmas
        Third = "3",
        /// neljäs
        Fourth = "4",
        /// viimeinen
        Last = "last",
    }
}

impl Nth {
    /// The argument for `jiff::civil::Date::nth_weekday_of_month` (-1 = last).
    pub fn to_jiff(self) -> i8 {
        match self {
            Nth::First => 1,
            Nth::Second => 2,
            Nth::Third => 3,
            Nth::Fourth => 4,
            Nth::Last => -1,
        }
    }
}

impl TryFrom<i8> for Nth {
    type Error = ParseKeyError;

    /// Accepts 1..=4 and -1 (last); anything else is out of range.
    fn try_from(n: i8) -> Result<Self, Self::Error> {
        match n {
            1 => Ok(Nth::First),
            2 => Ok(Nth::Second),
            3 => Ok(Nth::Third),
            4 => Ok(Nth::Fourth),
            -1 => Ok(Nth::Last),
            _ => Err(ParseKeyError::new("nth", &n.to_string())),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn weekday_keys_round_trip() {
        for &w in Weekday::ALL {
            assert_eq!(w.key().parse::<Weekday>(), Ok(w));
            assert_eq!(Weekday::from(w.to_jiff()), w);
            assert_eq!(format!("{w}"), w.key());
        }
        assert_eq!("thu".parse::<Weekday>(), Ok(Weekday::Thursday));
        assert!("Thu".parse::<Weekday>().is_err());
        assert!("".parse::<Weekday>().is_err());
    }

    #[test]
    fn nth_keys_and_range() {
        assert_eq!("2".parse::<Nth>(), Ok(Nth::Second));
        assert_eq!("last".parse::<Nth>(), Ok(Nth::Last));
        let err = "5".parse::<Nth>().unwrap_err();
        assert_eq!(err.what, "nth");
        assert_eq!(err.to_string(), "unknown nth key \"5\"");
        assert!("0".parse::<Nth>().is_err());
        assert_eq!(Nth::try_from(-1), Ok(Nth::Last));
        assert!(Nth::try_from(5).is_err());
        assert!(Nth::try_from(0).is_err());
        assert!(Nth::try_from(-2).is_err());
    }

    #[test]
    fn serde_uses_the_keys() {
        use serde::Deserialize;
        use serde::de::IntoDeserializer;
        use serde::de::value::{Error, StrDeserializer};
        let de = |s: &'static str| -> StrDeserializer<'static, Error> { s.into_deserializer() };
        assert_eq!(Weekday::deserialize(de("sun")), Ok(Weekday::Sunday));
        assert_eq!(Nth::deserialize(de("last")), Ok(Nth::Last));
        assert!(Nth::deserialize(de("5")).is_err());
        assert!(Weekday::deserialize(de("sunday")).is_err());
    }
}
