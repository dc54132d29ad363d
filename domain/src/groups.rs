//! Konsultaatioryhmät: consultation groups (channels), their members and
//! who may ask them, and the forms that set them up.
//!
//! Forms arrive as strings; [`RuleForm`] and [`GroupForm`] turn them into
//! checked values or a list of `(field, message key)` problems, every
//! problem at once, so the UI can mark each field.

use crate::calendar::keys::keyed_enum;
use crate::calendar::{
    DeadlinePolicy, HolidayPolicy, MeetingRule, Notice, Nth, Recurrence, RuleError, Weekday,
};
use crate::region::{self, Sector};
use jiff::civil::{Date, DateTime, Time};

/// Problems with a form: `(field name, message key)` pairs.
pub type Problems = Vec<(&'static str, &'static str)>;

keyed_enum! {
    /// What kind of channel the group is.
    pub enum GroupKind ("group-kind") {
        /// Lastensuojelun moniammatillinen asiantuntijaryhmä ("MASTER"),
        /// statutory under the Child Welfare Act.
        StatutoryChildProtection = "statutory-child-protection",
        /// Haastavat erot: separations and custody disputes.
        Separation = "separation",
        /// Toiminnallisesti integroitu vaativa laitoshoito.
        IntegratedInstitutionalCare = "integrated-institutional-care",
        Other = "other",
    }
}

keyed_enum! {
    /// How the group meets.
    pub enum MeetingMode ("meeting-mode") {
        Remote = "remote",
        InPerson = "in-person",
        Both = "both",
    }
}

impl MeetingMode {
    pub fn has_place(self) -> bool {
        matches!(self, MeetingMode::InPerson | MeetingMode::Both)
    }

    pub fn has_video(self) -> bool {
        matches!(self, MeetingMode::Remote | MeetingMode::Both)
    }
}

keyed_enum! {
    /// A member's role in a group.
    pub enum MemberRole ("member-role") {
        /// puheenjohtaja
        Chair = "chair",
        /// sihteeri: triages requests and runs the meetings
        Secretary = "secretary",
        /// jäsen
        Member = "member",
        /// varajäsen
        Substitute = "substitute",
    }
}

/// Largest capacity (cases per meeting) a form accepts.
pub const MAX_CAPACITY: u32 = 50;
/// Longest name or place accepted.
pub const MAX_NAME: usize = 200;
/// Longest description accepted.
pub const MAX_DESCRIPTION: usize = 4000;

/// Who may send requests to a group: professionals of these areas and
/// sectors. An empty list means no limit on that axis.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Eligibility {
    pub areas: Vec<String>,
    pub sectors: Vec<Sector>,
}

impl Eligibility {
    /// Whether a professional of `area` working in `sector` may ask.
    /// Unknown facts about the asker only pass an unlimited axis.
    pub fn admits(&self, area: Option<&str>, sector: Option<Sector>) -> bool {
        let area_ok =
            self.areas.is_empty() || area.is_some_and(|a| self.areas.iter().any(|x| x == a));
        let sector_ok =
            self.sectors.is_empty() || sector.is_some_and(|s| self.sectors.contains(&s));
        area_ok && sector_ok
    }
}

/// The group's details as posted by its form.
#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Deserialize, serde::Serialize)]
#[serde(default)]
pub struct GroupForm {
    pub name_fi: String,
    pub name_sv: String,
    pub name_en: String,
    pub kind: String,
    pub area: String,
    /// The wellbeing services county (or Helsinki, HUS) it serves, if one.
    pub organiser: String,
    pub mode: String,
    pub place: String,
    pub video_link: String,
    pub capacity: String,
    pub description_fi: String,
    pub description_sv: String,
    pub description_en: String,
    /// Phenomenon codes.
    pub phenomena: Vec<String>,
    pub eligible_areas: Vec<String>,
    pub eligible_sectors: Vec<String>,
    /// Client criteria (asiakkuuden kriteerit), on the public page.
    pub criteria_fi: String,
    pub criteria_sv: String,
    pub criteria_en: String,
    /// Who may ask and how, on the public page.
    pub how_to_ask_fi: String,
    pub how_to_ask_sv: String,
    pub how_to_ask_en: String,
    /// The levels of need it serves (`perustaso`, `erityistaso`, `ot-taso`).
    pub levels: Vec<String>,
}

/// A group's checked details.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GroupDetails {
    pub name_fi: String,
    pub name_sv: String,
    pub name_en: String,
    pub kind: GroupKind,
    pub area: String,
    pub organiser: Option<String>,
    pub mode: MeetingMode,
    pub place: String,
    pub video_link: String,
    pub capacity: u32,
    pub description_fi: String,
    pub description_sv: String,
    pub description_en: String,
    pub phenomena: Vec<String>,
    pub eligibility: Eligibility,
    pub criteria_fi: String,
    pub criteria_sv: String,
    pub criteria_en: String,
    pub how_to_ask_fi: String,
    pub how_to_ask_sv: String,
    pub how_to_ask_en: String,
    pub levels: Vec<crate::screening::Level>,
}

fn too_long(s: &str, max: usize) -> bool {
    s.chars().count() > max
}

/// A link people can open from the meeting page: https, a host, no spaces.
pub fn is_video_link(s: &str) -> bool {
    s.strip_prefix("https://").is_some_and(|rest| {
        let host = rest.split(['/', '?', '#']).next().unwrap_or("");
        !host.is_empty()
            && host.contains('.')
            && !s
                .chars()
                .any(|c| c.is_whitespace() || c.is_control() || c == '"' || c == '<' || c == '>')
    }) && s.len() <= 500
}

impl GroupForm {
    /// Checks every field; `known_phenomena` are the codes in the taxonomy.
    pub fn parse(&self, known_phenomena: &[&str]) -> Result<GroupDetails, Problems> {
        let mut p: Problems = Vec::new();
        let name_fi = self.name_fi.trim();
        if name_fi.is_empty() {
            p.push(("name_fi", "field-required"));
        }
        for (field, v) in [
            ("name_fi", name_fi),
            ("name_sv", self.name_sv.trim()),
            ("name_en", self.name_en.trim()),
        ] {
            if too_long(v, MAX_NAME) {
                p.push((field, "field-too-long"));
            }
        }
        let kind = self
            .kind
            .parse::<GroupKind>()
            .map_err(|_| p.push(("kind", "field-choose")))
            .ok();
        let area = self.area.trim();
        if region::area(area).is_none() {
            p.push(("area", "field-choose"));
        }
        let organiser = match self.organiser.trim() {
            "" => None,
            code => match region::organiser(code) {
                Some(o) if o.area_code == area => Some(code.to_owned()),
                Some(_) => {
                    p.push(("organiser", "group-organiser-outside-area"));
                    None
                }
                None => {
                    p.push(("organiser", "field-choose"));
                    None
                }
            },
        };
        let mode = self
            .mode
            .parse::<MeetingMode>()
            .map_err(|_| p.push(("mode", "field-choose")))
            .ok();
        let place = self.place.trim();
        let video_link = self.video_link.trim();
        if let Some(m) = mode {
            if m.has_place() && place.is_empty() {
                p.push(("place", "group-place-required"));
            }
            if m.has_video() && video_link.is_empty() {
                p.push(("video_link", "group-video-link-required"));
            }
        }
        if too_long(place, MAX_NAME) {
            p.push(("place", "field-too-long"));
        }
        if !video_link.is_empty() && !is_video_link(video_link) {
            p.push(("video_link", "group-video-link-invalid"));
        }
        let capacity = match self.capacity.trim().parse::<u32>() {
            Ok(n) if (1..=MAX_CAPACITY).contains(&n) => n,
            Ok(_) => {
                p.push(("capacity", "group-capacity-range"));
                0
            }
            Err(_) => {
                p.push((
                    "capacity",
                    if self.capacity.trim().is_empty() {
                        "field-required"
                    } else {
                        "field-number"
                    },
                ));
                0
            }
        };
        for (field, v) in [
            ("description_fi", &self.description_fi),
            ("description_sv", &self.description_sv),
            ("description_en", &self.description_en),
            ("criteria_fi", &self.criteria_fi),
            ("criteria_sv", &self.criteria_sv),
            ("criteria_en", &self.criteria_en),
            ("how_to_ask_fi", &self.how_to_ask_fi),
            ("how_to_ask_sv", &self.how_to_ask_sv),
            ("how_to_ask_en", &self.how_to_ask_en),
        ] {
            if too_long(v.trim(), MAX_DESCRIPTION) {
                p.push((field, "field-too-long"));
            }
        }
        let mut phenomena: Vec<String> = Vec::new();
        for code in &self.phenomena {
            if !known_phenomena.contains(&code.as_str()) {
                p.push(("phenomena", "field-choose"));
            } else if !phenomena.contains(code) {
                phenomena.push(code.clone());
            }
        }
        let mut eligibility = Eligibility::default();
        for a in &self.eligible_areas {
            if region::area(a).is_none() {
                p.push(("eligible_areas", "field-choose"));
            } else if !eligibility.areas.contains(a) {
                eligibility.areas.push(a.clone());
            }
        }
        for s in &self.eligible_sectors {
            match s.parse::<Sector>() {
                Ok(s) if !eligibility.sectors.contains(&s) => eligibility.sectors.push(s),
                Ok(_) => {}
                Err(_) => p.push(("eligible_sectors", "field-choose")),
            }
        }
        let mut levels = Vec::new();
        for l in &self.levels {
            match l.parse::<crate::screening::Level>() {
                Ok(l) if !levels.contains(&l) => levels.push(l),
                Ok(_) => {}
                Err(_) => p.push(("levels", "field-choose")),
            }
        }
        levels.sort();
        p.dedup();
        match (kind, mode) {
            (Some(kind), Some(mode)) if p.is_empty() => Ok(GroupDetails {
                name_fi: name_fi.to_owned(),
                name_sv: self.name_sv.trim().to_owned(),
                name_en: self.name_en.trim().to_owned(),
                kind,
                area: area.to_owned(),
                organiser,
                mode,
                place: place.to_owned(),
                video_link: video_link.to_owned(),
                capacity,
                description_fi: self.description_fi.trim().to_owned(),
                description_sv: self.description_sv.trim().to_owned(),
                description_en: self.description_en.trim().to_owned(),
                phenomena,
                eligibility,
                criteria_fi: self.criteria_fi.trim().to_owned(),
                criteria_sv: self.criteria_sv.trim().to_owned(),
                criteria_en: self.criteria_en.trim().to_owned(),
                how_to_ask_fi: self.how_to_ask_fi.trim().to_owned(),
                how_to_ask_sv: self.how_to_ask_sv.trim().to_owned(),
                how_to_ask_en: self.how_to_ask_en.trim().to_owned(),
                levels,
            }),
            _ => Err(p),
        }
    }
}

impl GroupDetails {
    /// The form showing these details, for editing.
    pub fn to_form(&self) -> GroupForm {
        GroupForm {
            name_fi: self.name_fi.clone(),
            name_sv: self.name_sv.clone(),
            name_en: self.name_en.clone(),
            kind: self.kind.key().to_owned(),
            area: self.area.clone(),
            organiser: self.organiser.clone().unwrap_or_default(),
            mode: self.mode.key().to_owned(),
            place: self.place.clone(),
            video_link: self.video_link.clone(),
            capacity: self.capacity.to_string(),
            description_fi: self.description_fi.clone(),
            description_sv: self.description_sv.clone(),
            description_en: self.description_en.clone(),
            phenomena: self.phenomena.clone(),
            eligible_areas: self.eligibility.areas.clone(),
            eligible_sectors: self
                .eligibility
                .sectors
                .iter()
                .map(|s| s.as_str().to_owned())
                .collect(),
            criteria_fi: self.criteria_fi.clone(),
            criteria_sv: self.criteria_sv.clone(),
            criteria_en: self.criteria_en.clone(),
            how_to_ask_fi: self.how_to_ask_fi.clone(),
            how_to_ask_sv: self.how_to_ask_sv.clone(),
            how_to_ask_en: self.how_to_ask_en.clone(),
            levels: self.levels.iter().map(|l| l.key().to_owned()).collect(),
        }
    }

    /// One of the texts (`description`, `criteria`, `how_to_ask`) in
    /// `lang`, falling back to Finnish.
    pub fn public_text(&self, which: &str, lang: &str) -> &str {
        let [fi, sv, en] = match which {
            "description" => [
                &self.description_fi,
                &self.description_sv,
                &self.description_en,
            ],
            "criteria" => [&self.criteria_fi, &self.criteria_sv, &self.criteria_en],
            _ => [
                &self.how_to_ask_fi,
                &self.how_to_ask_sv,
                &self.how_to_ask_en,
            ],
        };
        let t = match lang {
            "sv" => sv,
            "en" => en,
            _ => fi,
        };
        if t.is_empty() { fi } else { t }
    }

    /// The name in `lang`, falling back to Finnish.
    pub fn name(&self, lang: &str) -> &str {
        let n = match lang {
            "sv" => &self.name_sv,
            "en" => &self.name_en,
            _ => &self.name_fi,
        };
        if n.is_empty() { &self.name_fi } else { n }
    }
}

// --- dates and times as people type them ------------------------------------

/// A date as `2022-10-13` (date inputs) or `13.10.2022` (Finnish).
pub fn parse_date(s: &str) -> Option<Date> {
    let s = s.trim();
    if let Ok(d) = s.parse::<Date>()
        && s.len() == 10
    {
        return Some(d);
    }
    let mut parts = s.split('.');
    let (d, m, y) = (parts.next()?, parts.next()?, parts.next()?);
    if parts.next().is_some() || y.len() != 4 {
        return None;
    }
    let num = |x: &str| -> Option<i16> {
        (!x.is_empty() && x.len() <= 4 && x.bytes().all(|b| b.is_ascii_digit()))
            .then(|| x.parse().ok())
            .flatten()
    };
    Date::new(
        num(y)?,
        i8::try_from(num(m)?).ok()?,
        i8::try_from(num(d)?).ok()?,
    )
    .ok()
}

/// A time as `14:00`, `14.00` or `9:30`.
pub fn parse_time(s: &str) -> Option<Time> {
    let s = s.trim();
    let (h, m) = s.split_once([':', '.'])?;
    let ok = |x: &str, max: usize| {
        !x.is_empty() && x.len() <= max && x.bytes().all(|b| b.is_ascii_digit())
    };
    if !ok(h, 2) || !ok(m, 2) || m.len() != 2 {
        return None;
    }
    Time::new(h.parse().ok()?, m.parse().ok()?, 0, 0).ok()
}

/// A local date and time from a date field and a time field.
pub fn parse_datetime(date: &str, time: &str) -> Option<DateTime> {
    Some(DateTime::from_parts(parse_date(date)?, parse_time(time)?))
}

/// A date the Finnish way: 13.10.2022.
pub fn format_fi_date(d: Date) -> String {
    format!("{}.{}.{}", d.day(), d.month(), d.year())
}

/// `HH:MM`, as time inputs expect.
pub fn format_time(t: Time) -> String {
    format!("{:02}:{:02}", t.hour(), t.minute())
}

// --- the meeting rule form ---------------------------------------------------

/// The meeting rule as posted by its form (every value a string).
#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Deserialize, serde::Serialize)]
#[serde(default)]
pub struct RuleForm {
    /// `nth-weekday`, `every-n-weeks` or `dates`.
    pub recurrence: String,
    pub nth: String,
    pub weekday: String,
    pub every_n: String,
    pub anchor: String,
    /// One date per line (or separated by commas/spaces).
    pub dates: String,
    pub start_time: String,
    pub length_minutes: String,
    pub notice_days: String,
    /// Empty: end of day.
    pub notice_time: String,
    pub paused_months: Vec<String>,
    pub season_start: String,
    pub season_end: String,
    pub holiday_policy: String,
    pub deadline_policy: String,
}

/// The form field a rule error belongs to.
fn rule_error_field(e: &RuleError) -> &'static str {
    match e {
        RuleError::WeeksOutOfRange { .. } => "every_n",
        RuleError::LengthOutOfRange { .. } => "length_minutes",
        RuleError::SeasonEndsBeforeStart { .. } => "season_end",
        RuleError::NoticeOutOfRange { .. } => "notice_days",
        RuleError::DeadlineNotBeforeMeeting => "notice_time",
        RuleError::UnknownTimeZone { .. } => "recurrence",
        RuleError::EmptyDateList
        | RuleError::DuplicateDate { .. }
        | RuleError::DateOutsideSeason { .. }
        | RuleError::DateInPausedMonth { .. } => "dates",
        RuleError::MonthOutOfRange { .. } | RuleError::AllMonthsPaused => "paused_months",
        RuleError::MissingReason => "reason",
    }
}

/// The message key of a rule error, e.g. `rule-all-months-paused`.
pub fn rule_error_key(e: &RuleError) -> &'static str {
    match e {
        RuleError::WeeksOutOfRange { .. } => "rule-weeks-out-of-range",
        RuleError::LengthOutOfRange { .. } => "rule-length-out-of-range",
        RuleError::SeasonEndsBeforeStart { .. } => "rule-season-ends-before-start",
        RuleError::NoticeOutOfRange { .. } => "rule-notice-out-of-range",
        RuleError::DeadlineNotBeforeMeeting => "rule-deadline-not-before-meeting",
        RuleError::UnknownTimeZone { .. } => "rule-unknown-time-zone",
        RuleError::EmptyDateList => "rule-empty-date-list",
        RuleError::DuplicateDate { .. } => "rule-duplicate-date",
        RuleError::DateOutsideSeason { .. } => "rule-date-outside-season",
        RuleError::DateInPausedMonth { .. } => "rule-date-in-paused-month",
        RuleError::MonthOutOfRange { .. } => "rule-month-out-of-range",
        RuleError::AllMonthsPaused => "rule-all-months-paused",
        RuleError::MissingReason => "field-reason-required",
    }
}

fn number<T: std::str::FromStr>(s: &str, field: &'static str, p: &mut Problems) -> Option<T> {
    let s = s.trim();
    if s.is_empty() {
        p.push((field, "field-required"));
        return None;
    }
    let parsed = (s.len() <= 6 && s.bytes().all(|b| b.is_ascii_digit()))
        .then(|| s.parse::<T>().ok())
        .flatten();
    if parsed.is_none() {
        p.push((field, "field-number"));
    }
    parsed
}

fn optional_date(s: &str, field: &'static str, p: &mut Problems) -> Option<Date> {
    if s.trim().is_empty() {
        return None;
    }
    let d = parse_date(s);
    if d.is_none() {
        p.push((field, "field-date"));
    }
    d
}

impl RuleForm {
    /// The rule, or every problem with the form.
    pub fn parse(&self) -> Result<MeetingRule, Problems> {
        let mut p: Problems = Vec::new();
        let recurrence = match self.recurrence.as_str() {
            "nth-weekday" => {
                let nth = self
                    .nth
                    .parse::<Nth>()
                    .map_err(|_| p.push(("nth", "field-choose")))
                    .ok();
                let weekday = self
                    .weekday
                    .parse::<Weekday>()
                    .map_err(|_| p.push(("weekday", "field-choose")))
                    .ok();
                nth.zip(weekday)
                    .map(|(nth, weekday)| Recurrence::NthWeekdayOfMonth { nth, weekday })
            }
            "every-n-weeks" => {
                let n = number::<u32>(&self.every_n, "every_n", &mut p);
                let weekday = self
                    .weekday
                    .parse::<Weekday>()
                    .map_err(|_| p.push(("weekday", "field-choose")))
                    .ok();
                let anchor = match parse_date(&self.anchor) {
                    Some(d) => Some(d),
                    None => {
                        p.push((
                            "anchor",
                            if self.anchor.trim().is_empty() {
                                "field-required"
                            } else {
                                "field-date"
                            },
                        ));
                        None
                    }
                };
                match (n, weekday, anchor) {
                    (Some(n), Some(weekday), Some(anchor)) => {
                        Some(Recurrence::EveryNWeeks { n, weekday, anchor })
                    }
                    _ => None,
                }
            }
            "dates" => {
                let mut dates = Vec::new();
                let mut bad = false;
                for token in self
                    .dates
                    .split(|c: char| c == ',' || c == ';' || c.is_whitespace())
                {
                    if token.is_empty() {
                        continue;
                    }
                    match parse_date(token) {
                        Some(d) => dates.push(d),
                        None => bad = true,
                    }
                }
                if bad {
                    p.push(("dates", "field-date"));
                }
                Some(Recurrence::Dates { dates })
            }
            _ => {
                p.push(("recurrence", "field-choose"));
                None
            }
        };
        let start_time = match parse_time(&self.start_time) {
            Some(t) => Some(t),
            None => {
                p.push((
                    "start_time",
                    if self.start_time.trim().is_empty() {
                        "field-required"
                    } else {
                        "field-time"
                    },
                ));
                None
            }
        };
        let length = number::<u32>(&self.length_minutes, "length_minutes", &mut p);
        let days = number::<i32>(&self.notice_days, "notice_days", &mut p);
        let notice_time = match self.notice_time.trim() {
            "" => None,
            t => {
                let parsed = parse_time(t);
                if parsed.is_none() {
                    p.push(("notice_time", "field-time"));
                }
                parsed
            }
        };
        let mut paused_months = Vec::new();
        for m in &self.paused_months {
            match m.trim().parse::<i8>() {
                Ok(m) if !paused_months.contains(&m) => paused_months.push(m),
                Ok(_) => {}
                Err(_) => p.push(("paused_months", "field-choose")),
            }
        }
        paused_months.sort();
        let season_start = optional_date(&self.season_start, "season_start", &mut p);
        let season_end = optional_date(&self.season_end, "season_end", &mut p);
        // Checked here too, so it is reported even when other fields keep
        // the rule from being built.
        if let (Some(a), Some(b)) = (season_start, season_end)
            && b < a
        {
            p.push(("season_end", "rule-season-ends-before-start"));
        }
        let holiday_policy = self
            .holiday_policy
            .parse::<HolidayPolicy>()
            .map_err(|_| p.push(("holiday_policy", "field-choose")))
            .ok();
        let deadline_policy = self
            .deadline_policy
            .parse::<DeadlinePolicy>()
            .map_err(|_| p.push(("deadline_policy", "field-choose")))
            .ok();
        let (Some(recurrence), Some(start_time), Some(length), Some(days), Some(hp), Some(dp)) = (
            recurrence,
            start_time,
            length,
            days,
            holiday_policy,
            deadline_policy,
        ) else {
            p.dedup();
            return Err(p);
        };
        let mut rule = MeetingRule::new(recurrence, start_time, length);
        rule.notice = Notice {
            days_before: days,
            time: notice_time,
        };
        rule.paused_months = paused_months;
        rule.season_start = season_start;
        rule.season_end = season_end;
        rule.holiday_policy = hp;
        rule.deadline_policy = dp;
        if let Err(errors) = rule.validate() {
            for e in &errors {
                let problem = (rule_error_field(e), rule_error_key(e));
                if !p.contains(&problem) {
                    p.push(problem);
                }
            }
        }
        p.dedup();
        if p.is_empty() { Ok(rule) } else { Err(p) }
    }

    /// The form showing `rule`, for editing; `parse` gives the rule back.
    pub fn from_rule(rule: &MeetingRule) -> RuleForm {
        let mut f = RuleForm {
            start_time: format_time(rule.start_time),
            length_minutes: rule.length_minutes.to_string(),
            notice_days: rule.notice.days_before.to_string(),
            notice_time: rule.notice.time.map(format_time).unwrap_or_default(),
            paused_months: rule.paused_months.iter().map(|m| m.to_string()).collect(),
            season_start: rule.season_start.map(|d| d.to_string()).unwrap_or_default(),
            season_end: rule.season_end.map(|d| d.to_string()).unwrap_or_default(),
            holiday_policy: rule.holiday_policy.key().to_owned(),
            deadline_policy: rule.deadline_policy.key().to_owned(),
            ..RuleForm::default()
        };
        match &rule.recurrence {
            Recurrence::NthWeekdayOfMonth { nth, weekday } => {
                f.recurrence = "nth-weekday".into();
                f.nth = nth.key().into();
                f.weekday = weekday.key().into();
            }
            Recurrence::EveryNWeeks { n, weekday, anchor } => {
                f.recurrence = "every-n-weeks".into();
                f.every_n = n.to_string();
                f.weekday = weekday.key().into();
                f.anchor = anchor.to_string();
            }
            Recurrence::Dates { dates } => {
                f.recurrence = "dates".into();
                f.dates = dates
                    .iter()
                    .map(|d| d.to_string())
                    .collect::<Vec<_>>()
                    .join("\n");
            }
        }
        f
    }

    /// A sensible starting point: second Thursday, 13–15, notice a week
    /// before, summer paused (the seed group's practice).
    pub fn suggested() -> RuleForm {
        RuleForm {
            recurrence: "nth-weekday".into(),
            nth: "2".into(),
            weekday: "thu".into(),
            every_n: "2".into(),
            start_time: "13:00".into(),
            length_minutes: "120".into(),
            notice_days: "7".into(),
            paused_months: vec!["7".into(), "8".into()],
            holiday_policy: HolidayPolicy::default().key().into(),
            deadline_policy: DeadlinePolicy::default().key().into(),
            ..RuleForm::default()
        }
    }
}

#[cfg(test)]
mod tests;
