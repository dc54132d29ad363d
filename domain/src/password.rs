//! Salasanasääntö: what a new password must satisfy.
//!
//! Length first (NIST SP 800-63B), then what attackers try first: the
//! well-known common passwords (`data/common-passwords.txt`, compiled in)
//! and their usual dressing (capitals, digits or symbols around them,
//! leetspeak, repetition), and passwords that are only digits, one
//! character repeated or a walk along the keyboard or the alphabet.

use std::collections::HashSet;
use std::sync::OnceLock;

/// Shortest password accepted. Length beats composition rules (NIST SP 800-63B).
pub const MIN_LEN: usize = 12;
/// Longest accepted, so hashing cost stays bounded.
pub const MAX_LEN: usize = 256;

/// Why a new password was refused; `key()` names the UI message.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum PasswordProblem {
    #[error("the password must have at least {MIN_LEN} characters")]
    TooShort,
    #[error("the password may have at most {MAX_LEN} characters")]
    TooLong,
    #[error("the password must not contain the user name")]
    ContainsUsername,
    #[error(
        "the password is too common: it or its base word is on the list of the most common passwords"
    )]
    TooCommon,
    #[error(
        "the password is too easy to guess: only digits, one character repeated, or a run along the keyboard or the alphabet"
    )]
    TooPredictable,
    #[error("the new password must differ from the current one")]
    SameAsCurrent,
}

impl PasswordProblem {
    pub fn key(self) -> &'static str {
        match self {
            PasswordProblem::TooShort => "password-too-short",
            PasswordProblem::TooLong => "password-too-long",
            PasswordProblem::ContainsUsername => "password-contains-username",
            PasswordProblem::TooCommon => "password-too-common",
            PasswordProblem::TooPredictable => "password-too-predictable",
            PasswordProblem::SameAsCurrent => "password-same-as-current",
        }
    }
}

/// Checks a proposed password for `username`.
pub fn check_new(username: &str, password: &str) -> Result<(), PasswordProblem> {
    let len = password.chars().count();
    if len < MIN_LEN {
        return Err(PasswordProblem::TooShort);
    }
    if len > MAX_LEN {
        return Err(PasswordProblem::TooLong);
    }
    let user = username.trim().to_lowercase();
    if user.len() >= 3 && password.to_lowercase().contains(&user) {
        return Err(PasswordProblem::ContainsUsername);
    }
    if is_common(password) {
        return Err(PasswordProblem::TooCommon);
    }
    if is_predictable(password) {
        return Err(PasswordProblem::TooPredictable);
    }
    Ok(())
}

/// The list as shipped: `#` lines are comments.
const COMMON_LIST: &str = include_str!("../data/common-passwords.txt");

/// The common passwords, normalised by [`fold`], read once.
fn common() -> &'static HashSet<String> {
    static SET: OnceLock<HashSet<String>> = OnceLock::new();
    SET.get_or_init(|| {
        COMMON_LIST
            .lines()
            .map(str::trim)
            .filter(|l| !l.is_empty() && !l.starts_with('#'))
            .map(fold)
            .collect()
    })
}

/// Lower case with the Nordic letters folded (`hyvää` = `hyvaa`), since
/// people type either.
fn fold(s: &str) -> String {
    s.to_lowercase()
        .chars()
        .map(|c| match c {
            'ä' | 'å' | 'á' | 'à' | 'â' => 'a',
            'ö' | 'ó' | 'ò' | 'ô' => 'o',
            'é' | 'è' | 'ê' | 'ë' => 'e',
            'ü' | 'ú' => 'u',
            c => c,
        })
        .collect()
}

/// Leetspeak undone: `p@ssw0rd` → `password`.
fn unleet(s: &str) -> String {
    s.chars()
        .map(|c| match c {
            '@' | '4' => 'a',
            '0' => 'o',
            '1' | '!' => 'i',
            '3' => 'e',
            '5' | '$' => 's',
            '7' | '+' => 't',
            '8' => 'b',
            '|' => 'l',
            c => c,
        })
        .collect()
}

/// Whether the password is a common one, possibly dressed: the whole, or
/// its base word once the digits and symbols around it are stripped (when
/// those are as guessable as `1234`, `2024!` or `!!!`), with leetspeak
/// undone, reversed, or repeated (`salasanasalasana`).
pub fn is_common(password: &str) -> bool {
    let list = common();
    let whole = fold(password);
    let (prefix, base, suffix) = strip_affixes(&whole);
    let mut candidates = vec![whole.clone()];
    if simple_affix(prefix) && simple_affix(suffix) && !base.is_empty() {
        candidates.push(base.to_owned());
        candidates.push(unleet(base));
    }
    let more: Vec<String> = candidates
        .iter()
        .flat_map(|c| {
            let reversed: String = c.chars().rev().collect();
            [reversed, repeated_unit(c).unwrap_or_default()]
        })
        .filter(|c| !c.is_empty())
        .collect();
    candidates
        .iter()
        .chain(&more)
        .any(|c| list.contains(c.as_str()))
}

/// Splits off the leading and trailing characters that are not letters.
fn strip_affixes(s: &str) -> (&str, &str, &str) {
    let start = s.find(char::is_alphabetic).unwrap_or(s.len());
    let end = s
        .rfind(char::is_alphabetic)
        .map(|i| i + s[i..].chars().next().map_or(1, char::len_utf8))
        .unwrap_or(start)
        .max(start);
    (&s[..start], &s[start..end], &s[end..])
}

/// Digits and symbols people put around a word without thinking: any
/// digits (years, `123`) with at most two symbols, a few characters, or
/// a keyboard pattern.
fn simple_affix(s: &str) -> bool {
    let symbols = s.chars().filter(|c| !c.is_ascii_digit()).count();
    symbols <= 2 || s.chars().count() <= 4 || is_predictable(s)
}

/// `abcabc` → `abc`: the shortest unit the whole is two or more copies of.
fn repeated_unit(s: &str) -> Option<String> {
    let chars: Vec<char> = s.chars().collect();
    let n = chars.len();
    (1..=n / 2)
        .filter(|unit| n.is_multiple_of(*unit))
        .find(|&unit| chars.chunks(unit).all(|c| c == &chars[..unit]))
        .map(|unit| chars[..unit].iter().collect())
}

/// Whether the password is guessable by its shape alone: only digits, one
/// character or a short unit repeated, or mostly walks along the keyboard
/// or the alphabet (`qwertyuiop12`, `1qaz2wsx3edc`, `abcdefghijkl`).
pub fn is_predictable(password: &str) -> bool {
    let lower = password.to_lowercase();
    let chars: Vec<char> = lower.chars().collect();
    if chars.is_empty() {
        return true;
    }
    if chars.iter().all(char::is_ascii_digit) {
        return true;
    }
    if repeated_unit(&lower).is_some_and(|u| u.chars().count() <= 4 || is_predictable(&u)) {
        return true;
    }
    // Count the runs in which each character follows its neighbour on the
    // keyboard or in the alphabet; a walk has few, long runs.
    let runs = 1 + chars.windows(2).filter(|w| !linked(w[0], w[1])).count();
    runs * 4 <= chars.len()
}

/// Keyboard rows: Finnish/Swedish and US layouts, plain and shifted, with
/// each row's horizontal offset in key widths (so columns line up as on the
/// keys: `1` `q` `a` `z` are one diagonal).
const LAYOUTS: &[&[(&str, f32)]] = &[
    &[
        ("§1234567890+´", 0.0),
        ("qwertyuiopå¨", 1.5),
        ("asdfghjklöä'", 1.75),
        ("<zxcvbnm,.-", 1.25),
    ],
    &[
        ("½!\"#¤%&/()=?`", 0.0),
        ("qwertyuiopå^", 1.5),
        ("asdfghjklöä*", 1.75),
        (">zxcvbnm;:_", 1.25),
    ],
    &[
        ("`1234567890-=", 0.0),
        ("qwertyuiop[]", 1.5),
        ("asdfghjkl;'", 1.75),
        ("zxcvbnm,./", 2.25),
    ],
    &[
        ("~!@#$%^&*()_+", 0.0),
        ("qwertyuiop{}", 1.5),
        ("asdfghjkl:\"", 1.75),
        ("zxcvbnm<>?", 2.25),
    ],
];

/// Where `c` is on each layout: (layout, row, x).
fn keys(c: char) -> impl Iterator<Item = (usize, usize, f32)> {
    LAYOUTS.iter().enumerate().flat_map(move |(l, rows)| {
        rows.iter()
            .enumerate()
            .filter_map(move |(r, (keys, offset))| {
                keys.chars()
                    .position(|k| k == c)
                    .map(|i| (l, r, offset + i as f32))
            })
    })
}

/// The same character, neighbours in the alphabet or among the digits, or
/// neighbouring keys on one layout.
fn linked(a: char, b: char) -> bool {
    if a == b {
        return true;
    }
    if a.is_ascii_alphanumeric() && b.is_ascii_alphanumeric() && (a as i32 - b as i32).abs() == 1 {
        return true;
    }
    keys(a).any(|(la, ra, xa)| {
        keys(b).any(|(lb, rb, xb)| {
            la == lb
                && ((ra == rb && (xa - xb).abs() == 1.0)
                    || (ra.abs_diff(rb) == 1 && (xa - xb).abs() <= 1.0))
        })
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rules() {
        assert_eq!(check_new("anna", "short"), Err(PasswordProblem::TooShort));
        assert_eq!(
            check_new("anna", "xxAnna-salasana-1"),
            Err(PasswordProblem::ContainsUsername)
        );
        assert_eq!(
            check_new("anna", &"a".repeat(300)),
            Err(PasswordProblem::TooLong)
        );
        assert!(check_new("anna", "kolme sanaa riittää").is_ok());
    }

    #[test]
    fn common_passwords_are_refused_even_dressed() {
        for p in [
            "password1234",
            "Salasana1234",
            "SALASANA2024!",
            "salasana!!!!",
            "2024salasana",
            "p@ssw0rd1234",
            "Kissa1234567",
            "perkele12345",
            "hyvääpäivää1",
            "hyvaapaivaa1",
            "Tammikuu2025",
            "syksy1234567",
            "lösenord1234",
            "salasanasalasana",
            "anasalas1234",
            "iloveyou2024",
            "football1234",
        ] {
            assert_eq!(
                check_new("someone", p),
                Err(PasswordProblem::TooCommon),
                "{p}"
            );
        }
    }

    #[test]
    fn guessable_shapes_are_refused() {
        for p in [
            "123456789012",
            "aaaaaaaaaaaa",
            "qwertyuiop12",
            "asdfghjklöä1",
            "1qaz2wsx3edc",
            "abcdefghijkl",
            "987654321098",
            "abcabcabcabc",
            "!!!!!!!!!!!!",
            "zxcvbnm,.-12",
            "ytrewqasdfgh",
        ] {
            let r = check_new("someone", p);
            assert!(
                matches!(
                    r,
                    Err(PasswordProblem::TooPredictable | PasswordProblem::TooCommon)
                ),
                "{p}: {r:?}"
            );
        }
        assert_eq!(
            check_new("someone", "aaaaaaaaaaaa"),
            Err(PasswordProblem::TooPredictable)
        );
        assert_eq!(
            check_new("someone", "123456789012"),
            Err(PasswordProblem::TooPredictable)
        );
    }

    #[test]
    fn good_passwords_pass() {
        for p in [
            // The tests', the nodes' and the CLI tests' passwords.
            "testi-salasana-123",
            "solmun-salasana-2026",
            "kirjastokortti ja kahvi",
            "uusi pitkä salalause 2026",
            "oikea hevonen patteri",
            "Demo-3pX_k9vQmT2wLr8ZyH4aBc",
            "kolme sanaa riittää",
            "vihreä polkupyörä tiistaina",
            "k#8$2!9@37&1",
            "Lumiukko sulaa huhtikuussa",
            "kaisa-kalastaa-kuhaa",
            "correct horse battery staple",
            "kahvia ja pullaa 2024",
        ] {
            assert_eq!(check_new("someone", p), Ok(()), "{p}");
        }
    }

    #[test]
    fn the_list_is_shipped_with_finnish_and_international_entries() {
        let list = common();
        assert!(list.len() > 10_000, "{}", list.len());
        for w in [
            "salasana", "kissa123", "perkele", "qwerty", "kesakuu", "123456",
        ] {
            assert!(list.contains(w), "{w}");
        }
        assert!(!list.iter().any(|w| w.starts_with('#')));
    }

    #[test]
    fn affixes_are_split_at_letters() {
        assert_eq!(strip_affixes("12ab!c34"), ("12", "ab!c", "34"));
        assert_eq!(strip_affixes("hyvää1"), ("", "hyvää", "1"));
        assert_eq!(strip_affixes("1234"), ("1234", "", ""));
        assert_eq!(repeated_unit("abab").as_deref(), Some("ab"));
        assert_eq!(repeated_unit("abc"), None);
    }
}
