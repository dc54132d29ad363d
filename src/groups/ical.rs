//! iCalendar (RFC 5545) feeds of meetings, built with the `icalendar` crate.
//!
//! Each meeting's UID is derived from its group and rule date, so it stays
//! the same when the meeting is moved or cancelled, and SEQUENCE is the
//! group's calendar version: calendar programs replace their copy instead
//! of adding a second one. Times are written in UTC, which every client
//! shows in its own zone without needing a VTIMEZONE block.

use super::store::Group;
use crate::core::i18n::{I18n, Lang, format_datetime};
use icalendar::{Calendar, Component, Event, EventLike, EventStatus};
use otalusta_domain::calendar::{ManualChange, Occurrence, Status};

/// `20221013T100000Z`, the UTC form of DATE-TIME.
fn utc(ts: jiff::Timestamp) -> String {
    ts.strftime("%Y%m%dT%H%M%SZ").to_string()
}

/// The stable UID of a group's meeting.
pub fn uid(group: &Group, occ: &Occurrence, host: &str) -> String {
    format!("group-{}-meeting-{}@{host}", group.id, occ.rule_date)
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

/// One event for one meeting; `note` adds a line (a requester's slot).
pub fn event(cx: &FeedContext<'_>, group: &Group, occ: &Occurrence, note: Option<&str>) -> Event {
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
    if group.details.mode.has_video() && !group.details.video_link.is_empty() {
        location.push(group.details.video_link.as_str());
    }
    let stamp = crate::core::db::parse_timestamp(&group.updated_at).unwrap_or_default();
    let mut e = Event::new();
    e.uid(&uid(group, occ, cx.host()))
        .summary(&cx.t("ical-summary", &[("group", name.into())]))
        .description(&lines.join("\n"))
        .url(&url)
        .sequence(u32::try_from(group.calendar_version).unwrap_or(0))
        .add_property("DTSTAMP", utc(stamp))
        .add_property("DTSTART", utc(occ.start.timestamp()))
        .add_property("DTEND", utc(occ.end.timestamp()))
        .status(if occ.is_held() {
            EventStatus::Confirmed
        } else {
            EventStatus::Cancelled
        });
    if !location.is_empty() {
        e.location(&location.join(" / "));
    }
    e.done()
}

/// A whole feed of `events`: `name` is the calendar's title.
pub fn calendar(name: &str, events: impl IntoIterator<Item = Event>) -> String {
    let mut cal = Calendar::empty();
    cal.append_property(icalendar::Property::new("VERSION", "2.0"));
    cal.append_property(icalendar::Property::new(
        "PRODID",
        "-//OT-keskukset//otalusta//FI",
    ));
    cal.append_property(icalendar::Property::new("CALSCALE", "GREGORIAN"));
    cal.append_property(icalendar::Property::new("METHOD", "PUBLISH"));
    cal.name(name);
    for e in events {
        cal.push(e);
    }
    cal.done().to_string()
}
