//! API-avaimet: what a personal API token may do and for how long.
//!
//! A token is a password a script keeps in a file: it should do no more
//! than the script needs (a [`Scope`]) and stop working on its own (an
//! expiry), so a forgotten copy is worth less to whoever finds it.

use jiff::{SignedDuration, Timestamp};

/// Days a token lives when the form does not say.
pub const DEFAULT_DAYS: i64 = 90;
/// The longest life a token can be given.
pub const MAX_DAYS: i64 = 365;

/// What a token may do.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Scope {
    /// Reads only: GET and HEAD. The default, since most scripts only read.
    Read,
    /// Everything its account may do through the API.
    Full,
}

impl Scope {
    pub fn as_str(self) -> &'static str {
        match self {
            Scope::Read => "read",
            Scope::Full => "full",
        }
    }

    /// A stored or typed scope; unknown ones are `None`.
    pub fn parse(s: &str) -> Option<Scope> {
        match s {
            "read" => Some(Scope::Read),
            "full" => Some(Scope::Full),
            _ => None,
        }
    }

    /// Whether a request of `method` (an HTTP method name) is within the
    /// scope: a read token may only GET and HEAD.
    pub fn allows(self, method: &str) -> bool {
        match self {
            Scope::Full => true,
            Scope::Read => matches!(method, "GET" | "HEAD"),
        }
    }
}

/// Why a new token's settings were refused; `key()` names the UI message.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum TokenProblem {
    #[error("the scope must be read or full")]
    UnknownScope,
    #[error("the validity must be a whole number of days from 1 to {MAX_DAYS}")]
    BadDays,
}

impl TokenProblem {
    pub fn key(self) -> &'static str {
        match self {
            TokenProblem::UnknownScope => "token-scope-unknown",
            TokenProblem::BadDays => "token-days-invalid",
        }
    }

    /// The form field the problem is about.
    pub fn field(self) -> &'static str {
        match self {
            TokenProblem::UnknownScope => "scope",
            TokenProblem::BadDays => "days",
        }
    }
}

/// The scope as chosen; left out, the safer [`Scope::Read`].
pub fn parse_scope(input: Option<&str>) -> Result<Scope, TokenProblem> {
    match input.map(str::trim).filter(|s| !s.is_empty()) {
        None => Ok(Scope::Read),
        Some(s) => Scope::parse(s).ok_or(TokenProblem::UnknownScope),
    }
}

/// Days of validity as typed; left out, [`DEFAULT_DAYS`].
pub fn parse_days(input: Option<&str>) -> Result<i64, TokenProblem> {
    match input.map(str::trim).filter(|s| !s.is_empty()) {
        None => Ok(DEFAULT_DAYS),
        Some(s) => s
            .parse::<i64>()
            .ok()
            .filter(|d| (1..=MAX_DAYS).contains(d))
            .ok_or(TokenProblem::BadDays),
    }
}

/// When a token made at `now` for `days` stops working.
pub fn expires_at(now: Timestamp, days: i64) -> Timestamp {
    now + SignedDuration::from_hours(24 * days.clamp(1, MAX_DAYS))
}

/// Whether a token that stops at `expires_at` still works at `now`.
pub fn is_live(expires_at: Timestamp, now: Timestamp) -> bool {
    now < expires_at
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn read_tokens_only_read() {
        for m in ["GET", "HEAD"] {
            assert!(Scope::Read.allows(m));
        }
        for m in ["POST", "PUT", "PATCH", "DELETE", "OPTIONS", "get"] {
            assert!(!Scope::Read.allows(m), "{m}");
            assert!(Scope::Full.allows(m));
        }
    }

    #[test]
    fn scope_defaults_to_read_and_refuses_unknown() {
        assert_eq!(parse_scope(None), Ok(Scope::Read));
        assert_eq!(parse_scope(Some(" ")), Ok(Scope::Read));
        assert_eq!(parse_scope(Some("full")), Ok(Scope::Full));
        assert_eq!(parse_scope(Some("admin")), Err(TokenProblem::UnknownScope));
        assert_eq!(Scope::parse(Scope::Full.as_str()), Some(Scope::Full));
    }

    #[test]
    fn days_default_to_90_and_stay_within_a_year() {
        assert_eq!(parse_days(None), Ok(90));
        assert_eq!(parse_days(Some("365")), Ok(365));
        assert_eq!(parse_days(Some("1")), Ok(1));
        for bad in ["0", "366", "-5", "7.5", "forever"] {
            assert_eq!(parse_days(Some(bad)), Err(TokenProblem::BadDays), "{bad}");
        }
    }

    #[test]
    fn a_token_works_until_its_expiry() {
        let now = Timestamp::from_second(1_800_000_000).unwrap();
        let end = expires_at(now, 90);
        assert_eq!(end.duration_since(now), SignedDuration::from_hours(90 * 24));
        assert!(is_live(end, now));
        assert!(is_live(end, end - SignedDuration::from_secs(1)));
        assert!(!is_live(end, end));
    }
}
