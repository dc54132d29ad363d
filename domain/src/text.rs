//! Text hygiene: what typed text may contain, and what a file name may.
//!
//! Stored text is shown again in pages, e-mails, iCalendar feeds and
//! spreadsheets, and copied into other systems. A NUL byte is cut off or
//! refused by some of them (PostgreSQL refuses it in text outright) and
//! other control characters (escape sequences, form feeds, backspaces) can
//! rewrite what a terminal or a log viewer shows. TAB, CR and LF are how
//! people write; everything else below U+0020, and DEL, is not.

/// Whether `c` is a control character that typed text never needs: the C0
/// controls except TAB, CR and LF, and DEL.
pub fn is_forbidden_control(c: char) -> bool {
    matches!(c, '\u{0}'..='\u{8}' | '\u{b}' | '\u{c}' | '\u{e}'..='\u{1f}' | '\u{7f}')
}

/// Whether `s` can be stored as typed text (see [`is_forbidden_control`]).
pub fn is_clean(s: &str) -> bool {
    !s.chars().any(is_forbidden_control)
}

/// Whether `c` changes the direction of the text around it: the embeddings
/// and overrides U+202A–U+202E, the isolates U+2066–U+2069, and the marks
/// U+200E, U+200F and U+061C. In a file name they make `gpj.exe` with an
/// override before it read as `exe.jpg`.
pub fn is_bidi_control(c: char) -> bool {
    matches!(
        c,
        '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}' | '\u{200e}' | '\u{200f}' | '\u{61c}'
    )
}

/// A file name safe to store and send back: the last path component only,
/// without control or direction characters, quotes or characters Windows
/// refuses, at most 120 characters; `fallback` when nothing is left.
pub fn safe_filename(name: &str, fallback: &str) -> String {
    let base = name.rsplit(['/', '\\']).next().unwrap_or("");
    let cleaned: String = base
        .chars()
        .filter(|c| {
            !c.is_control()
                && !is_bidi_control(*c)
                && !matches!(c, '"' | '<' | '>' | ':' | '*' | '?' | '|')
        })
        .take(120)
        .collect();
    let cleaned = cleaned.trim();
    if cleaned.is_empty() {
        fallback.to_owned()
    } else {
        cleaned.to_owned()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn typed_text_keeps_tabs_and_line_breaks_only() {
        assert!(is_clean("Hei,\r\n\tmaailma!\nÅäö € 😀"));
        for bad in [
            "a\u{0}b",
            "\u{1b}[31m",
            "a\u{8}",
            "\u{b}",
            "\u{c}",
            "\u{1f}",
            "\u{7f}",
        ] {
            assert!(!is_clean(bad), "{bad:?}");
        }
        let forbidden: Vec<u32> = (0u32..0x80)
            .filter(|&c| is_forbidden_control(char::from_u32(c).unwrap()))
            .collect();
        assert_eq!(forbidden.len(), 32 - 3 + 1, "C0 but TAB, LF, CR; and DEL");
    }

    #[test]
    fn file_names_lose_paths_controls_and_direction_marks() {
        assert_eq!(
            safe_filename("kuva\u{202e}gpj.exe", "liite"),
            "kuvagpj.exe",
            "no right-to-left override"
        );
        for c in [
            '\u{202a}', '\u{202b}', '\u{202c}', '\u{202d}', '\u{202e}', '\u{2066}', '\u{2067}',
            '\u{2068}', '\u{2069}', '\u{200e}', '\u{200f}', '\u{61c}',
        ] {
            assert_eq!(
                safe_filename(&format!("a{c}b.pdf"), "liite"),
                "ab.pdf",
                "{c:?}"
            );
        }
        assert_eq!(
            safe_filename("../../lausunto \"1\".pdf", "liite"),
            "lausunto 1.pdf"
        );
        assert_eq!(safe_filename("C:\\x\\y.txt", "liite"), "y.txt");
        assert_eq!(safe_filename("a\u{0}\r\nb.txt", "liite"), "ab.txt");
        assert_eq!(safe_filename("\u{202e}\u{200f} ", "liite"), "liite");
        assert_eq!(
            safe_filename("ääkköset ja عربي.pdf", "liite"),
            "ääkköset ja عربي.pdf"
        );
        assert_eq!(safe_filename(&"x".repeat(300), "liite").len(), 120);
    }
}
