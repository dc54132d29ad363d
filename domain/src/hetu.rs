//! Henkilötunnus: the Finnish personal identity code.
//!
//! Parse, don't validate: a [`PersonalIdentityCode`] can only be obtained
//! through [`PersonalIdentityCode::parse`] (or `parse_permanent`,
//! `parse_client`, `FromStr`, `TryFrom`, serde), so holding one proves the
//! code is well formed.
//!
//! Format `DDMMYY C NNN Q` (11 characters):
//! - `DDMMYY` the birth date, a real calendar date in the century of `C`;
//! - `C` the century sign: `+` 1800s; `-`, `Y`, `X`, `W`, `V`, `U` 1900s;
//!   `A`, `B`, `C`, `D`, `E`, `F` 2000s (the extra letters since 1.1.2023);
//! - `NNN` the individual number: 002–899 ordinary, 900–999 temporary,
//!   000 and 001 never used;
//! - `Q` the check character: `DDMMYYNNN` as one number mod 31, indexed into
//!   `0123456789ABCDEFHJKLMNPRSTUVWXY`. The century sign is not in the sum.
//!
//! The century sign is part of the identity: `100190-999P` and `100190Y999P`
//! are two different people. The code is stored exactly as given (upper-cased),
//! the sign is never normalised. Gender is deliberately not derived.
//!
//! Privacy: `Debug` is redacted and there is no `Display` and no `Serialize`;
//! callers who really need the characters call [`PersonalIdentityCode::as_str`].

use std::{fmt, str::FromStr};

use jiff::civil::Date;
use serde::Deserialize;

/// The 31 check characters, indexed by `DDMMYYNNN mod 31`.
const CHECK_CHARS: &[u8; 31] = b"0123456789ABCDEFHJKLMNPRSTUVWXY";

/// Number of characters in a personal identity code.
pub const LENGTH: usize = 11;

/// Why a string is not a personal identity code.
///
/// The messages never repeat the input: it may be a real person's code.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, thiserror::Error)]
pub enum HetuError {
    /// Not 11 characters after trimming surrounding whitespace.
    #[error("a personal identity code has 11 characters, found {found}")]
    Length { found: usize },
    /// The birth date (first six characters) or the individual number
    /// (characters 8–10) contains something other than the digits 0–9.
    #[error("the birth date and the individual number of a personal identity code must be digits")]
    NotDigits,
    /// The seventh character is not one of `+ - Y X W V U A B C D E F`.
    #[error(
        "the seventh character of a personal identity code must be a century sign: + - Y X W V U A B C D E F"
    )]
    InvalidCenturySign,
    /// `DDMMYY` is not a real calendar date in the century of the sign.
    #[error("the birth date of the personal identity code is not a real calendar date")]
    InvalidDate,
    /// The individual number is 000 or 001, which are never used.
    #[error("the individual number of a personal identity code must be between 002 and 999")]
    InvalidIndividualNumber,
    /// The check character does not match the date and individual number.
    #[error("the check character of the personal identity code is wrong (expected {expected})")]
    InvalidCheckCharacter { expected: char },
    /// A temporary code (individual number 900–999) where only permanent
    /// codes are allowed.
    #[error("a temporary personal identity code (individual number 900–999) is not allowed here")]
    TemporaryNotAllowed,
    /// The birth date is after "today": a typo in the date or the century
    /// sign (`A` for `-`), not a person yet.
    #[error("the birth date of the personal identity code is in the future")]
    BirthDateInFuture,
}

impl HetuError {
    /// A stable key for UI translations, e.g. `"hetu-invalid-check"`.
    pub fn key(&self) -> &'static str {
        match self {
            HetuError::Length { .. } => "hetu-length",
            HetuError::NotDigits => "hetu-not-digits",
            HetuError::InvalidCenturySign => "hetu-invalid-century-sign",
            HetuError::InvalidDate => "hetu-invalid-date",
            HetuError::InvalidIndividualNumber => "hetu-invalid-individual-number",
            HetuError::InvalidCheckCharacter { .. } => "hetu-invalid-check",
            HetuError::TemporaryNotAllowed => "hetu-temporary-not-allowed",
            HetuError::BirthDateInFuture => "hetu-birth-date-in-future",
        }
    }
}

/// A valid Finnish personal identity code (henkilötunnus).
///
/// Always 11 ASCII characters, upper case, exactly as given otherwise.
/// Equality is on the full string: codes that differ only in a century sign
/// of the same century (`-` vs `Y`) are different people and compare unequal.
#[derive(Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Deserialize)]
#[serde(try_from = "String")]
pub struct PersonalIdentityCode(String);

impl PersonalIdentityCode {
    /// Parses a code, accepting both permanent and temporary (individual
    /// number 900–999) codes; see [`is_temporary`](Self::is_temporary).
    ///
    /// Surrounding whitespace is ignored and lower-case letters are
    /// upper-cased; nothing else is changed.
    pub fn parse(s: &str) -> Result<Self, HetuError> {
        let s = s.trim();
        let found = s.chars().count();
        if found != LENGTH {
            return Err(HetuError::Length { found });
        }
        // Exactly 11 chars; anything non-ASCII fails below at its position.
        let chars: Vec<char> = s.chars().map(|c| c.to_ascii_uppercase()).collect();
        let date_digits: [u8; 6] = digits(&chars[0..6])?;
        let century = century_of(chars[6]).ok_or(HetuError::InvalidCenturySign)?;
        let number_digits: [u8; 3] = digits(&chars[7..10])?;

        let [d1, d2, m1, m2, y1, y2] = date_digits;
        let (day, month, yy) = (d1 * 10 + d2, m1 * 10 + m2, y1 * 10 + y2);
        let year = century + i16::from(yy);
        // Day and month are at most 99, which fits in i8.
        Date::new(year, month as i8, day as i8).map_err(|_| HetuError::InvalidDate)?;

        let individual = number_digits
            .iter()
            .fold(0u32, |n, &d| n * 10 + u32::from(d));
        if individual < 2 {
            return Err(HetuError::InvalidIndividualNumber);
        }

        let nine = date_digits
            .iter()
            .chain(&number_digits)
            .fold(0u32, |n, &d| n * 10 + u32::from(d));
        let expected = check_char(nine);
        if chars[10] != expected {
            return Err(HetuError::InvalidCheckCharacter { expected });
        }

        Ok(PersonalIdentityCode(chars.into_iter().collect()))
    }

    /// Parses a code and rejects temporary ones (individual number 900–999)
    /// with [`HetuError::TemporaryNotAllowed`].
    pub fn parse_permanent(s: &str) -> Result<Self, HetuError> {
        let code = Self::parse(s)?;
        if code.is_temporary() {
            return Err(HetuError::TemporaryNotAllowed);
        }
        Ok(code)
    }

    /// Parses a client's code as client data takes it: a well-formed code
    /// whose birth date is not after `today`, and temporary codes only when
    /// `allow_temporary` (the deployment's choice: a temporary code is a
    /// stop-gap that is later replaced, so records under it split a person
    /// in two). Errors of form come first, then the date, then temporariness.
    pub fn parse_client(s: &str, today: Date, allow_temporary: bool) -> Result<Self, HetuError> {
        let code = Self::parse(s)?;
        if code.birth_date() > today {
            return Err(HetuError::BirthDateInFuture);
        }
        if code.is_temporary() && !allow_temporary {
            return Err(HetuError::TemporaryNotAllowed);
        }
        Ok(code)
    }

    /// The 11 characters, upper case. Handle with care: this is personal data.
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// Consumes the code, returning its 11 characters.
    pub fn into_string(self) -> String {
        self.0
    }

    /// The birth date encoded in the code.
    pub fn birth_date(&self) -> Date {
        let b = self.0.as_bytes();
        let two = |i: usize| (b[i] - b'0') * 10 + (b[i + 1] - b'0');
        let century = century_of(char::from(b[6])).expect("validated by parse");
        let year = century + i16::from(two(4));
        Date::new(year, two(2) as i8, two(0) as i8).expect("validated by parse")
    }

    /// The century sign exactly as stored (`+`, `-`, `Y`…`U`, `A`…`F`).
    pub fn century_sign(&self) -> char {
        char::from(self.0.as_bytes()[6])
    }

    /// Whether this is a temporary code (individual number 900–999). Temporary
    /// codes are valid only where temporary codes are allowed.
    pub fn is_temporary(&self) -> bool {
        self.0.as_bytes()[7] == b'9'
    }
}

/// The check character for the nine digits `DDMMYYNNN` read as one number.
fn check_char(nine_digits: u32) -> char {
    char::from(CHECK_CHARS[(nine_digits % 31) as usize])
}

/// Whether free text holds something shaped like an identity code: six
/// digits of a real date, a century sign, three digits and one more letter
/// or digit. The check character is not checked: a mistyped code still
/// identifies a child, and a text that must never identify one (a
/// screening's comment) refuses it.
pub fn appears_in(text: &str) -> bool {
    let chars: Vec<char> = text.chars().map(|c| c.to_ascii_uppercase()).collect();
    chars.windows(LENGTH).enumerate().any(|(i, w)| {
        let bounded = |c: Option<&char>| c.is_none_or(|c| !c.is_ascii_alphanumeric());
        let Ok(d) = digits::<6>(&w[0..6]) else {
            return false;
        };
        let Some(century) = century_of(w[6]) else {
            return false;
        };
        let year = century + i16::from(d[4] * 10 + d[5]);
        digits::<3>(&w[7..10]).is_ok()
            && w[10].is_ascii_alphanumeric()
            && bounded(i.checked_sub(1).and_then(|j| chars.get(j)))
            && bounded(chars.get(i + LENGTH))
            && Date::new(year, (d[2] * 10 + d[3]) as i8, (d[0] * 10 + d[1]) as i8).is_ok()
    })
}

/// The first year of the century a sign stands for, or `None` if `c` is not
/// a century sign (expects upper case).
fn century_of(c: char) -> Option<i16> {
    match c {
        '+' => Some(1800),
        '-' | 'Y' | 'X' | 'W' | 'V' | 'U' => Some(1900),
        'A' | 'B' | 'C' | 'D' | 'E' | 'F' => Some(2000),
        _ => None,
    }
}

/// The values of `N` ASCII digits (`to_digit(10)` accepts only ASCII `0`–`9`).
fn digits<const N: usize>(chars: &[char]) -> Result<[u8; N], HetuError> {
    let mut out = [0u8; N];
    for (slot, c) in out.iter_mut().zip(chars) {
        *slot = c.to_digit(10).ok_or(HetuError::NotDigits)? as u8;
    }
    Ok(out)
}

impl fmt::Debug for PersonalIdentityCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("PersonalIdentityCode(**********)")
    }
}

impl FromStr for PersonalIdentityCode {
    type Err = HetuError;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Self::parse(s)
    }
}

impl TryFrom<&str> for PersonalIdentityCode {
    type Error = HetuError;

    fn try_from(s: &str) -> Result<Self, Self::Error> {
        Self::parse(s)
    }
}

impl TryFrom<String> for PersonalIdentityCode {
    type Error = HetuError;

    fn try_from(s: String) -> Result<Self, Self::Error> {
        Self::parse(&s)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use jiff::civil::date;
    use proptest::prelude::*;

    fn ok(s: &str) -> PersonalIdentityCode {
        PersonalIdentityCode::parse(s).unwrap_or_else(|e| panic!("{s}: {e}"))
    }

    fn err(s: &str) -> HetuError {
        PersonalIdentityCode::parse(s).expect_err(s)
    }

    const SIGNS: &str = "+-YXWVUABCDEF";

    /// An independent re-implementation of the code for tests: string
    /// arithmetic rather than the digit folding of `parse`.
    fn build(d: u8, m: u8, yy: u8, sign: char, n: u16) -> String {
        let body = format!("{d:02}{m:02}{yy:02}{n:03}");
        let q = "0123456789ABCDEFHJKLMNPRSTUVWXY"
            .chars()
            .nth((body.parse::<u64>().unwrap() % 31) as usize)
            .unwrap();
        format!("{}{sign}{}{q}", &body[..6], &body[6..])
    }

    #[test]
    fn classic_published_example() {
        // The example code of the Digital and Population Data Services Agency.
        let code = ok("131052-308T");
        assert_eq!(code.as_str(), "131052-308T");
        assert_eq!(code.birth_date(), date(1952, 10, 13));
        assert!(!code.is_temporary());
        assert_eq!(code.century_sign(), '-');
    }

    #[test]
    fn new_2023_century_signs() {
        // DVV's examples for the new signs.
        let a = ok("010594Y9021");
        let b = ok("010594Y9032");
        assert_eq!(a.birth_date(), date(1994, 5, 1));
        assert_eq!(b.birth_date(), date(1994, 5, 1));
        assert!(a.is_temporary() && b.is_temporary());
        assert_ne!(a, b);
        for sign in ['Y', 'X', 'W', 'V', 'U'] {
            let c = ok(&format!("131052{sign}308T"));
            assert_eq!(c.birth_date(), date(1952, 10, 13));
            assert_eq!(c.century_sign(), sign);
        }
        for sign in ['A', 'B', 'C', 'D', 'E', 'F'] {
            let c = ok(&format!("131052{sign}308T"));
            assert_eq!(c.birth_date(), date(2052, 10, 13));
        }
        assert_eq!(ok("131052+308T").birth_date(), date(1852, 10, 13));
    }

    #[test]
    fn century_sign_is_identity_not_normalised() {
        let old = ok("100190-999P");
        let new = ok("100190Y999P");
        assert_ne!(old, new);
        assert_eq!(old.as_str(), "100190-999P");
        assert_eq!(new.as_str(), "100190Y999P");
        assert_eq!(old.birth_date(), new.birth_date());
        let mut set = std::collections::HashSet::new();
        set.insert(old);
        set.insert(new);
        assert_eq!(set.len(), 2);
    }

    #[test]
    fn whitespace_and_lower_case() {
        let c = ok("  131052-308t\n");
        assert_eq!(c.as_str(), "131052-308T");
        assert_eq!(ok("010594y9021").as_str(), "010594Y9021");
        assert_eq!(ok("\t010101a002S ").as_str(), "010101A002S");
        // Inner whitespace is not removed.
        assert_eq!(err("131052 -308T"), HetuError::Length { found: 12 });
    }

    #[test]
    fn temporary_codes() {
        assert!(ok("100190-999P").is_temporary());
        assert_eq!(
            PersonalIdentityCode::parse_permanent("100190-999P"),
            Err(HetuError::TemporaryNotAllowed)
        );
        assert!(PersonalIdentityCode::parse_permanent("131052-308T").is_ok());
        // 899 is the last permanent number.
        let last = build(31, 12, 99, 'A', 899);
        assert_eq!(last, "311299A8997");
        assert!(!ok(&last).is_temporary());
        assert!(ok(&build(31, 12, 99, 'A', 900)).is_temporary());
        // Errors other than temporariness win in parse_permanent.
        assert_eq!(
            PersonalIdentityCode::parse_permanent("100190-999X"),
            Err(HetuError::InvalidCheckCharacter { expected: 'P' })
        );
    }

    #[test]
    fn client_codes_refuse_future_births_and_by_default_temporary_codes() {
        let today = date(2026, 12, 3);
        let client = |s: &str, allow| PersonalIdentityCode::parse_client(s, today, allow);
        assert!(client("131052-308T", false).is_ok());
        // Born today is fine; tomorrow is not, in any century sign.
        let born_today = build(3, 12, 26, 'A', 123);
        assert_eq!(client(&born_today, false).unwrap().birth_date(), today);
        for sign in ['A', 'B', 'F'] {
            let tomorrow = build(4, 12, 26, sign, 123);
            assert_eq!(
                client(&tomorrow, true),
                Err(HetuError::BirthDateInFuture),
                "{tomorrow}"
            );
        }
        // 2052: the same code with a 1900s sign would be fine.
        assert_eq!(
            client("131052A308T", true),
            Err(HetuError::BirthDateInFuture)
        );
        // Temporary codes: refused unless allowed.
        let temporary = build(1, 5, 20, 'A', 902);
        assert_eq!(
            client(&temporary, false),
            Err(HetuError::TemporaryNotAllowed)
        );
        assert!(client(&temporary, true).unwrap().is_temporary());
        assert!(client(&build(1, 5, 20, 'A', 899), false).is_ok());
        // A malformed code says what is wrong with its form first.
        assert_eq!(
            client("131052A308U", false),
            Err(HetuError::InvalidCheckCharacter { expected: 'T' })
        );
        assert_eq!(
            client(&build(4, 12, 26, 'A', 950), false),
            Err(HetuError::BirthDateInFuture),
            "the date before temporariness"
        );
    }

    #[test]
    fn wrong_check_character() {
        assert_eq!(
            err("131052-308U"),
            HetuError::InvalidCheckCharacter { expected: 'T' }
        );
        // Characters that are never check characters.
        for q in ['G', 'I', 'O', 'Q', 'Z', '!', 'ä'] {
            assert_eq!(
                err(&format!("131052-308{q}")),
                HetuError::InvalidCheckCharacter { expected: 'T' },
                "{q}"
            );
        }
        assert_eq!(err("131052-308A").key(), "hetu-invalid-check");
    }

    #[test]
    fn individual_numbers_000_and_001_are_never_used() {
        for n in [0, 1] {
            let s = build(1, 1, 90, '-', n);
            assert_eq!(err(&s), HetuError::InvalidIndividualNumber, "{s}");
        }
        assert_eq!(ok("010190-002R").as_str(), "010190-002R");
    }

    #[test]
    fn dates_must_exist_in_their_century() {
        // 31 February does not exist.
        assert_eq!(err(&build(31, 2, 90, '-', 123)), HetuError::InvalidDate);
        assert_eq!(err("310290-1234"), HetuError::InvalidDate);
        // 2000 is a leap year; 1800 and 1900 are not.
        assert_eq!(ok("290200A101K").birth_date(), date(2000, 2, 29));
        assert_eq!(
            ok(&build(29, 2, 0, 'F', 123)).birth_date(),
            date(2000, 2, 29)
        );
        assert_eq!(err(&build(29, 2, 0, '-', 101)), HetuError::InvalidDate);
        assert_eq!(err(&build(29, 2, 0, 'Y', 101)), HetuError::InvalidDate);
        assert_eq!(err(&build(29, 2, 0, '+', 101)), HetuError::InvalidDate);
        assert_eq!(err(&build(29, 2, 1, 'A', 101)), HetuError::InvalidDate);
        assert_eq!(
            ok(&build(29, 2, 4, 'A', 101)).birth_date(),
            date(2004, 2, 29)
        );
        assert_eq!(
            ok(&build(29, 2, 96, 'X', 101)).birth_date(),
            date(1996, 2, 29)
        );
        // Day and month zero or out of range.
        for (d, m) in [(0, 1), (1, 0), (32, 1), (1, 13), (31, 4), (99, 99)] {
            assert_eq!(err(&build(d, m, 90, '-', 123)), HetuError::InvalidDate);
        }
    }

    #[test]
    fn length_and_characters() {
        assert_eq!(err(""), HetuError::Length { found: 0 });
        assert_eq!(err("   "), HetuError::Length { found: 0 });
        assert_eq!(err("131052-308"), HetuError::Length { found: 10 });
        assert_eq!(err("131052-308TT"), HetuError::Length { found: 12 });
        // Characters, not bytes, are counted.
        assert_eq!(err("1310ä2-308T"), HetuError::NotDigits);
        assert_eq!(err("13105x-308T"), HetuError::NotDigits);
        assert_eq!(err("131052-3o8T"), HetuError::NotDigits);
        // Non-ASCII digits are not digits.
        assert_eq!(err("١٣١٠٥٢-308T"), HetuError::NotDigits);
        assert_eq!(err("131052G308T"), HetuError::InvalidCenturySign);
        assert_eq!(err("131052*308T"), HetuError::InvalidCenturySign);
        assert_eq!(err("131052Z308T"), HetuError::InvalidCenturySign);
    }

    #[test]
    fn debug_is_redacted_and_errors_do_not_echo() {
        let code = ok("131052-308T");
        let dbg = format!("{code:?}");
        assert_eq!(dbg, "PersonalIdentityCode(**********)");
        assert!(!dbg.contains("131052"));
        let dbg = format!("{:?}", Some(&code));
        assert!(!dbg.contains("308"));
        let e = err("131052-308U");
        assert!(!e.to_string().contains("131052"));
    }

    #[test]
    fn keys_are_stable_and_distinct() {
        let all = [
            HetuError::Length { found: 3 },
            HetuError::NotDigits,
            HetuError::InvalidCenturySign,
            HetuError::InvalidDate,
            HetuError::InvalidIndividualNumber,
            HetuError::InvalidCheckCharacter { expected: 'T' },
            HetuError::TemporaryNotAllowed,
            HetuError::BirthDateInFuture,
        ];
        let keys: std::collections::BTreeSet<_> = all.iter().map(HetuError::key).collect();
        assert_eq!(keys.len(), all.len());
        assert!(keys.iter().all(|k| k.starts_with("hetu-")));
        assert!(all.iter().all(|e| !e.to_string().is_empty()));
    }

    fn deserialize(s: &str) -> Result<PersonalIdentityCode, serde::de::value::Error> {
        use serde::de::IntoDeserializer;
        PersonalIdentityCode::deserialize(s.into_deserializer())
    }

    #[test]
    fn from_str_try_from_and_serde() {
        let a: PersonalIdentityCode = "131052-308T".parse().unwrap();
        let b = PersonalIdentityCode::try_from(String::from("131052-308t")).unwrap();
        assert_eq!(a, b);
        assert_eq!(b.into_string(), "131052-308T");
        assert_eq!(deserialize(" 131052-308T").unwrap(), a);
        let e = deserialize("131052-308U").unwrap_err().to_string();
        assert!(e.contains("check character"), "{e}");
        assert!(!e.contains("131052"), "{e}");
    }

    /// A valid (day, month, yy, sign, individual number).
    fn valid_parts() -> impl Strategy<Value = (u8, u8, u8, char, u16)> {
        (
            1u8..=31,
            1u8..=12,
            0u8..=99,
            prop::sample::select(SIGNS.chars().collect::<Vec<_>>()),
            2u16..=999,
        )
            .prop_filter("real date", |&(d, m, yy, sign, _)| {
                let year = century_of(sign).unwrap() + i16::from(yy);
                Date::new(year, m as i8, d as i8).is_ok()
            })
    }

    proptest! {
        #[test]
        fn parse_never_panics(s in any::<String>()) {
            let _ = PersonalIdentityCode::parse(&s);
        }

        #[test]
        fn parse_never_panics_on_code_like_input(s in "[ 0-9a-zA-Z+\\-*ä]{9,13}") {
            if let Ok(c) = PersonalIdentityCode::parse(&s) {
                prop_assert_eq!(c.as_str().len(), LENGTH);
                let _ = c.birth_date();
            }
        }

        #[test]
        fn generated_codes_round_trip((d, m, yy, sign, n) in valid_parts()) {
            let s = build(d, m, yy, sign, n);
            let code = PersonalIdentityCode::parse(&s).unwrap();
            prop_assert_eq!(code.as_str(), s.as_str());
            prop_assert_eq!(code.is_temporary(), n >= 900);
            prop_assert_eq!(code.century_sign(), sign);
            let year = century_of(sign).unwrap() + i16::from(yy);
            prop_assert_eq!(code.birth_date(), date(year, m as i8, d as i8));
            let again = PersonalIdentityCode::parse(&format!(" {} ", s.to_lowercase())).unwrap();
            prop_assert_eq!(again, code);
        }

        #[test]
        fn any_other_check_character_is_rejected(
            (d, m, yy, sign, n) in valid_parts(),
            q in any::<char>(),
        ) {
            let s = build(d, m, yy, sign, n);
            let expected = s.chars().last().unwrap();
            prop_assume!(q.to_ascii_uppercase() != expected);
            let changed = format!("{}{q}", &s[..10]);
            let r = PersonalIdentityCode::parse(&changed);
            prop_assert!(r.is_err());
            if !q.is_whitespace() {
                prop_assert_eq!(r, Err(HetuError::InvalidCheckCharacter { expected }));
            }
        }

        #[test]
        fn changing_any_digit_is_rejected(
            (d, m, yy, sign, n) in valid_parts(),
            pos in prop::sample::select(vec![0usize, 1, 2, 3, 4, 5, 7, 8, 9]),
            delta in 1u8..=9,
        ) {
            // A single changed digit shifts the sum by k·10^i with 0 < |k| < 31,
            // never a multiple of the prime 31: the check always catches it.
            let s = build(d, m, yy, sign, n);
            let mut bytes = s.into_bytes();
            bytes[pos] = b'0' + (bytes[pos] - b'0' + delta) % 10;
            let changed = String::from_utf8(bytes).unwrap();
            prop_assert!(PersonalIdentityCode::parse(&changed).is_err());
        }

        #[test]
        fn changing_the_century_sign_gives_another_person_or_an_error(
            (d, m, yy, sign, n) in valid_parts(),
            offset in 1usize..13,
        ) {
            let signs: Vec<char> = SIGNS.chars().collect();
            let i = signs.iter().position(|&c| c == sign).unwrap();
            let other = signs[(i + offset) % signs.len()];
            let s = build(d, m, yy, sign, n);
            let original = PersonalIdentityCode::parse(&s).unwrap();
            let changed = format!("{}{other}{}", &s[..6], &s[7..]);
            match PersonalIdentityCode::parse(&changed) {
                Ok(c) => {
                    prop_assert_ne!(&c, &original);
                    prop_assert_eq!(c.as_str(), changed.as_str());
                    if century_of(other) == century_of(sign) {
                        prop_assert_eq!(c.birth_date(), original.birth_date());
                    }
                }
                // Only 29 February can fail in another century.
                Err(e) => {
                    prop_assert_eq!(e, HetuError::InvalidDate);
                    prop_assert_eq!((d, m), (29, 2));
                }
            }
        }
    }
}

#[cfg(test)]
mod appears_in_tests {
    use super::appears_in;

    #[test]
    fn codes_in_free_text_are_found_with_or_without_a_right_check_character() {
        for text in [
            "131052-308T",
            "lapsi 131052-308T koulussa",
            "syntynyt 010115A123X.",
            "vanha 010190+0021 merkintä",
            "uusi muoto 010105B123K",
            "pienillä 131052-308t",
        ] {
            assert!(appears_in(text), "{text:?}");
        }
        for text in [
            "",
            "puhelin 040-1234567",
            "päivämäärä 13.10.2022 klo 12",
            "321399-1234 ei ole päivä",
            "tilausnumero X131052-308TT",
            "131052-30",
            "9-vuotias, koulu 3. luokka",
        ] {
            assert!(!appears_in(text), "{text:?}");
        }
    }
}
