//! Salasanasääntö: what a new password must satisfy.

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
    #[error("the new password must differ from the current one")]
    SameAsCurrent,
}

impl PasswordProblem {
    pub fn key(self) -> &'static str {
        match self {
            PasswordProblem::TooShort => "password-too-short",
            PasswordProblem::TooLong => "password-too-long",
            PasswordProblem::ContainsUsername => "password-contains-username",
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
    Ok(())
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
}
