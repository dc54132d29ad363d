//! iCalendar (RFC 5545) feeds of meetings.
//!
//! Each meeting's UID is derived from its group and rule date, so it stays
//! the same when the meeting is moved or cancelled, and SEQUENCE is the
//! group's calendar version: calendar programs replace their copy instead
//! of adding a second one. Times are written in UTC, which every client
//! shows in its own zone without needing a VTIMEZONE block.
//!
//! The file is written here rather than by a library because every value
//! comes from people (group names, the reasons of moved meetings) and must
//! never end its property: every text value goes through [`text`] (RFC 5545
//! escaping, no control characters) and every line through [`fold`].

use super::store::Group;
use crate::core::i18n::{I18n, Lang, format_datetime};
use otalusta_domain::calendar::{ManualChange, Occurrence, Status};

/// `20221013T100000Z`, the UTC form of DATE-TIME.
fn utc(ts: jiff::Timestamp) -> String {
    ts.strftime("%Y%m%dT%H%M%SZ").to_string()
}

/// The stable UID of a group's meeting.
pub fn uid(group: &Group, occ: &Occurrence, host: &str) -> String {
    format!("group-{}-meeting-{}@{host}", group.id, occ.rule_date)
}

/// A TEXT value (RFC 5545 3.3.11): backslash, `;` and `,` escaped, every
/// line break (CRLF, CR, LF, U+2028/2029) as `\n`, a tab as a space, and other control
/// characters dropped, so that nothing a user typed can start a property
/// or a component of its own.
pub fn text(value: &str) -> String {
    let mut out = String::with_capacity(value.len());
    let mut chars = value.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\\' => out.push_str("\\\\"),
            ';' => out.push_str("\\;"),
            ',' => out.push_str("\\,"),
            '\r' => {
                chars.next_if_eq(&'\n');
                out.push_str("\\n");
            }
            '\n' | '\u{2028}' | '\u{2029}' => out.push_str("\\n"),
            '\t' => out.push(' '),
            c if c.is_control() => {}
            c => out.push(c),
        }
    }
    out
}

/// A URI value: no escaping applies, so control characters and spaces,
/// which a URI never has, are dropped.
fn uri(value: &str) -> String {
    value
        .chars()
        .filter(|c| !c.is_control() && !c.is_whitespace())
        .collect()
}

/// Folds a content line (RFC 5545 3.1): at most 75 octets a line, broken
/// between characters, each continuation starting with a space; CRLF after
/// each.
pub fn fold(line: &str, out: &mut String) {
    const LIMIT: usize = 75;
    let mut width = 0;
    for c in line.chars() {
        let n = c.len_utf8();
        if width + n > LIMIT {
            out.push_str("\r\n ");
            width = 1;
        }
        out.push(c);
        width += n;
    }
    out.push_str("\r\n");
}

/// Writes `NAME:value` folded; `value` must already be escaped.
fn property(out: &mut String, name: &str, value: &str) {
    fold(&format!("{name}:{value}"), out);
}

pub struct FeedContext<'a> {
    pub i18n: &'a I18n,
    pub lang: Lang,
    /// The public base URL, e.g. `https://ot.example.fi`.
    pub base_url: &'a str,
}

impl FeedContext<'_> {
    pub fn host(&self) -> &str {
        let rest = self
            .base_url
            .split_once("://")
            .map_or(self.base_url, |(_, r)| r);
        rest.split('/').next().unwrap_or("otalusta")
    }

    fn t(&self, key: &str, args: &[(&str, fluent_bundle::FluentValue<'_>)]) -> String {
        self.i18n.t(self.lang, key, args)
    }
}

/// Who reads a feed, and so whether it may carry the video link.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Audience {
    /// The group's public feed: anyone with the URL. The video link is how
    /// to join the meeting, not public (DESIGN: no video link on public
    /// pages), so it stays out.
    Public,
    /// The owner of a personal feed: members and requesters with a case on
    /// the meeting, who see the link in the signed-in pages too.
    Participant,
}

/// One meeting as a VEVENT.
pub struct Event {
    pub uid: String,
    summary: String,
    description: String,
    url: String,
    location: Option<String>,
    sequence: u32,
    stamp: jiff::Timestamp,
    start: jiff::Timestamp,
    end: jiff::Timestamp,
    held: bool,
}

impl Event {
    fn write(&self, out: &mut String) {
        out.push_str("BEGIN:VEVENT\r\n");
        property(out, "UID", &text(&self.uid));
        property(out, "DTSTAMP", &utc(self.stamp));
        property(out, "DTSTART", &utc(self.start));
        property(out, "DTEND", &utc(self.end));
        property(out, "SEQUENCE", &self.sequence.to_string());
        property(
            out,
            "STATUS",
            if self.held { "CONFIRMED" } else { "CANCELLED" },
        );
        property(out, "SUMMARY", &text(&self.summary));
        property(out, "DESCRIPTION", &text(&self.description));
        property(out, "URL", &uri(&self.url));
        if let Some(l) = &self.location {
            property(out, "LOCATION", &text(l));
        }
        out.push_str("END:VEVENT\r\n");
    }
}

/// One event for one meeting; `note` adds a line (a requester's slot).
pub fn event(
    cx: &FeedContext<'_>,
    audience: Audience,
    group: &Group,
    occ: &Occurrence,
    note: Option<&str>,
) -> Event {
    let name = group.details.name(cx.lang.code());
    let url = format!(
        "{}/groups/{}/meetings/{}",
        cx.base_url.trim_end_matches('/'),
        group.id,
        occ.rule_date
    );
    let deadline = format_datetime(cx.lang, occ.deadline.datetime());
    let mut lines = vec![cx.t("ical-deadline", &[("deadline", deadline.into())])];
    match occ.status {
        Status::Scheduled => {}
        Status::Skipped => lines.push(cx.t("ical-skipped", &[])),
        Status::Cancelled => lines.push(cx.t("ical-cancelled", &[])),
    }
    match &occ.change {
        Some(ManualChange::Cancelled { reason } | ManualChange::Moved { reason, .. }) => {
            lines.push(cx.t("ical-reason", &[("reason", reason.as_str().into())]));
        }
        Some(ManualChange::RuleChanged) => lines.push(cx.t("ical-rule-changed", &[])),
        None => {}
    }
    if let Some(n) = note {
        lines.push(n.to_owned());
    }
    lines.push(url.clone());
    let mut location = Vec::new();
    if group.details.mode.has_place() && !group.details.place.is_empty() {
        location.push(group.details.place.as_str());
    }
    if audience == Audience::Participant
        && group.details.mode.has_video()
        && !group.details.video_link.is_empty()
    {
        location.push(group.details.video_link.as_str());
    }
    let stamp = crate::core::db::parse_timestamp(&group.updated_at).unwrap_or_default();
    Event {
        uid: uid(group, occ, cx.host()),
        summary: cx.t("ical-summary", &[("group", name.into())]),
        description: lines.join("\n"),
        url,
        location: (!location.is_empty()).then(|| location.join(" / ")),
        sequence: u32::try_from(group.calendar_version).unwrap_or(0),
        stamp,
        start: occ.start.timestamp(),
        end: occ.end.timestamp(),
        held: occ.is_held(),
    }
}

/// A whole feed of `events`: `name` is the calendar's title.
pub fn calendar(name: &str, events: impl IntoIterator<Item = Event>) -> String {
    let mut out = String::new();
    out.push_str("BEGIN:VCALENDAR\r\n");
    property(&mut out, "VERSION", "2.0");
    property(&mut out, "PRODID", "-//OT-keskukset//otalusta//FI");
    property(&mut out, "CALSCALE", "GREGORIAN");
    property(&mut out, "METHOD", "PUBLISH");
    // RFC 7986's NAME, and the older X-WR-CALNAME most programs read.
    property(&mut out, "NAME", &text(name));
    property(&mut out, "X-WR-CALNAME", &text(name));
    for e in events {
        e.write(&mut out);
    }
    out.push_str("END:VCALENDAR\r\n");
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_is_escaped_and_stripped_of_controls() {
        assert_eq!(text("a\\b;c,d"), "a\\\\b\\;c\\,d");
        assert_eq!(text("a\r\nb\rc\nd\u{2028}e"), "a\\nb\\nc\\nd\\ne");
        assert_eq!(
            text("x\r\nEND:VEVENT\r\nBEGIN:VEVENT"),
            "x\\nEND:VEVENT\\nBEGIN:VEVENT"
        );
        assert_eq!(text("a\u{0}b\u{1b}c\u{7f}d\u{85}e\tf"), "abcde f");
        assert_eq!(text("Åsa: ääkköset"), "Åsa: ääkköset");
        assert_eq!(uri("https://x.fi/a\r\nb c"), "https://x.fi/abc");
    }

    #[test]
    fn long_lines_fold_at_75_octets_between_characters() {
        let mut out = String::new();
        let long = format!("SUMMARY:{}", "ä".repeat(100));
        fold(&long, &mut out);
        let lines: Vec<&str> = out.trim_end_matches("\r\n").split("\r\n").collect();
        assert!(lines.len() > 1);
        for (i, l) in lines.iter().enumerate() {
            assert!(l.len() <= 75, "{l:?} is {} octets", l.len());
            assert_eq!(i > 0, l.starts_with(' '));
        }
        let unfolded = out.replace("\r\n ", "");
        assert_eq!(unfolded, format!("{long}\r\n"));
    }

    #[test]
    fn the_calendar_name_cannot_add_properties() {
        let ics = calendar("Ryhmä\r\nX-INJECTED:1\nBEGIN:VEVENT", []);
        assert!(!ics.contains("\nX-INJECTED"), "{ics}");
        assert!(!ics.contains("\nBEGIN:VEVENT"), "{ics}");
        assert!(ics.contains("NAME:Ryhmä\\nX-INJECTED:1\\nBEGIN:VEVENT\r\n"));
        assert!(ics.contains("X-WR-CALNAME:Ryhmä\\nX-INJECTED:1\\nBEGIN:VEVENT\r\n"));
        assert!(ics.ends_with("END:VCALENDAR\r\n"));
    }
}
