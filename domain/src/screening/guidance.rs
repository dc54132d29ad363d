//! Palveluohjaus: ranking consultation channels and experts for a
//! screening's result, each with the reasons it is there.
//!
//! Deterministic: the same facts give the same order (score, then name,
//! then id). What is never suggested: a paused expert, a channel with no
//! coming meeting whose notice deadline can still be met and that has a
//! free place, a channel that does not take the asker, anyone outside the
//! asker's area and its neighbours.

use super::Level;
use jiff::civil::Date;

/// What the suggestion is for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Need<'a> {
    pub level: Level,
    /// Phenomenon codes with their weight in the result, strongest first.
    pub phenomena: &'a [(String, i32)],
    /// The asker's cooperation area and county (organiser), when known.
    pub area: Option<&'a str>,
    pub county: Option<&'a str>,
    /// The language the family needs (`fi`, `sv`, `en`; empty: another).
    pub language: &'a str,
}

/// A consultation channel's facts.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Channel {
    pub id: i64,
    pub name: String,
    pub phenomena: Vec<String>,
    pub area: String,
    pub county: Option<String>,
    pub levels: Vec<Level>,
    pub remote: bool,
    /// Whether the group takes requests from the asker (its eligibility).
    pub admits: bool,
    /// The next meeting a request sent now would reach: its day, its notice
    /// deadline and its free places; `None` when none can be reached.
    pub next: Option<NextMeeting>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct NextMeeting {
    pub rule_date: Date,
    pub day: Date,
    pub deadline: Date,
    pub free: u32,
}

/// An expert's facts.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Expert {
    pub id: i64,
    pub name: String,
    pub phenomena: Vec<String>,
    /// The areas the expert serves (the home area first).
    pub areas: Vec<String>,
    pub languages: Vec<String>,
    pub levels: Vec<Level>,
    pub remote: bool,
    pub paused: bool,
}

/// Why something is suggested (or how it falls short).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Why {
    /// Phenomena of the result it takes or knows.
    Phenomena(Vec<String>),
    SameCounty,
    SameArea,
    /// Nothing fitted in the asker's area: from a neighbouring one.
    NeighbourArea(String),
    Remote,
    Language(String),
    /// It does not work in the family's language (ranked lower, not left out).
    NoLanguage(String),
    Level(Level),
    Meeting(NextMeeting),
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Suggestion {
    pub id: i64,
    pub name: String,
    pub score: i32,
    pub reasons: Vec<Why>,
}

/// What was left out, counted, so the page can say so.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct LeftOut {
    pub paused: usize,
    pub no_meeting: usize,
    pub not_admitted: usize,
}

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Suggestions {
    pub channels: Vec<Suggestion>,
    pub experts: Vec<Suggestion>,
    pub left_out: LeftOut,
    /// Nothing fitted in the asker's area, so neighbouring areas were used.
    pub from_neighbours: bool,
    /// Phenomena of the result no suggested channel takes.
    pub uncovered: Vec<String>,
}

/// Most suggestions of each kind.
pub const CHANNELS: usize = 5;
pub const EXPERTS: usize = 8;

fn fit(need: &Need<'_>, phenomena: &[String]) -> (i32, Vec<String>) {
    let mut score = 0;
    let mut codes = Vec::new();
    for (code, w) in need.phenomena {
        if phenomena.contains(code) {
            score += 10 + w;
            codes.push(code.clone());
        }
    }
    (score, codes)
}

enum Place {
    County,
    Area,
    Neighbour(String),
}

fn place(need: &Need<'_>, areas: &[String], county: Option<&str>) -> Option<Place> {
    let home = need.area?;
    if need.county.is_some() && county == need.county {
        Some(Place::County)
    } else if areas.iter().any(|a| a == home) {
        Some(Place::Area)
    } else {
        super::super::region::neighbours(home)
            .iter()
            .find(|n| areas.iter().any(|a| a == *n))
            .map(|n| Place::Neighbour((*n).to_owned()))
    }
}

fn level_points(need: Level, serves: &[Level]) -> (i32, Option<Why>) {
    if serves.contains(&need) {
        (15, Some(Why::Level(need)))
    } else if serves.is_empty() {
        (0, None)
    } else {
        (-10, None)
    }
}

/// Ranks channels and experts for `need`. Candidates of the asker's own
/// area come first; only when no candidate of a kind fits there are the
/// neighbouring areas' ones suggested, and those only when they work
/// remotely.
pub fn suggest(need: &Need<'_>, channels: &[Channel], experts: &[Expert]) -> Suggestions {
    let mut out = Suggestions::default();
    // What was left out, counted in the tier that is shown (the home area,
    // or the neighbours when nothing fits at home).
    let mut home_left = LeftOut::default();
    let mut away_left = LeftOut::default();
    let mut home_c = Vec::new();
    let mut away_c = Vec::new();
    for c in channels {
        let (f, codes) = fit(need, &c.phenomena);
        if codes.is_empty() {
            continue;
        }
        let Some(p) = place(need, std::slice::from_ref(&c.area), c.county.as_deref()) else {
            continue;
        };
        let at_home = !matches!(p, Place::Neighbour(_));
        if !at_home && !c.remote {
            continue;
        }
        let left = if at_home {
            &mut home_left
        } else {
            &mut away_left
        };
        if !c.admits {
            left.not_admitted += 1;
            continue;
        }
        let Some(next) = c.next else {
            left.no_meeting += 1;
            continue;
        };
        let mut reasons = vec![Why::Phenomena(codes)];
        let mut score = f;
        let (lp, lw) = level_points(need.level, &c.levels);
        score += lp;
        reasons.extend(lw);
        let home = match p {
            Place::County => {
                score += 30;
                reasons.push(Why::SameCounty);
                true
            }
            Place::Area => {
                score += 20;
                reasons.push(Why::SameArea);
                true
            }
            Place::Neighbour(a) => {
                reasons.push(Why::NeighbourArea(a));
                false
            }
        };
        if c.remote {
            score += 3;
            reasons.push(Why::Remote);
        }
        reasons.push(Why::Meeting(next));
        let s = Suggestion {
            id: c.id,
            name: c.name.clone(),
            score,
            reasons,
        };
        if home {
            home_c.push((s, next.day))
        } else {
            away_c.push((s, next.day))
        }
    }
    let mut home_e = Vec::new();
    let mut away_e = Vec::new();
    for e in experts {
        let (f, codes) = fit(need, &e.phenomena);
        if codes.is_empty() {
            continue;
        }
        let Some(p) = place(need, &e.areas, None) else {
            continue;
        };
        let at_home = !matches!(p, Place::Neighbour(_));
        if !at_home && !e.remote {
            continue;
        }
        if e.paused {
            if at_home {
                home_left.paused += 1;
            } else {
                away_left.paused += 1;
            }
            continue;
        }
        let mut reasons = vec![Why::Phenomena(codes)];
        let mut score = f;
        let (lp, lw) = level_points(need.level, &e.levels);
        score += lp;
        reasons.extend(lw);
        let home = match p {
            Place::County | Place::Area => {
                score += 20;
                reasons.push(Why::SameArea);
                true
            }
            Place::Neighbour(a) => {
                reasons.push(Why::NeighbourArea(a));
                false
            }
        };
        if e.remote {
            score += 3;
            reasons.push(Why::Remote);
        }
        if need.language.is_empty() {
            // A language no profile names: it does not rank anyone.
        } else if e.languages.iter().any(|l| l == need.language) {
            score += 10;
            reasons.push(Why::Language(need.language.to_owned()));
        } else {
            score -= 10;
            reasons.push(Why::NoLanguage(need.language.to_owned()));
        }
        let s = Suggestion {
            id: e.id,
            name: e.name.clone(),
            score,
            reasons,
        };
        if home { home_e.push(s) } else { away_e.push(s) }
    }
    let by_rank = |a: &Suggestion, b: &Suggestion| {
        b.score
            .cmp(&a.score)
            .then_with(|| a.name.cmp(&b.name))
            .then_with(|| a.id.cmp(&b.id))
    };
    let rank_channels = |mut v: Vec<(Suggestion, Date)>| {
        // Fit first; among equals the sooner meeting.
        v.sort_by(|a, b| {
            b.0.score
                .cmp(&a.0.score)
                .then_with(|| a.1.cmp(&b.1))
                .then_with(|| by_rank(&a.0, &b.0))
        });
        v.into_iter()
            .map(|(s, _)| s)
            .take(CHANNELS)
            .collect::<Vec<_>>()
    };
    let rank = |mut v: Vec<Suggestion>| {
        v.sort_by(by_rank);
        v.truncate(EXPERTS);
        v
    };
    if home_c.is_empty() {
        out.from_neighbours |= !away_c.is_empty();
        out.channels = rank_channels(away_c);
        out.left_out.no_meeting = home_left.no_meeting + away_left.no_meeting;
        out.left_out.not_admitted = home_left.not_admitted + away_left.not_admitted;
    } else {
        out.channels = rank_channels(home_c);
        out.left_out.no_meeting = home_left.no_meeting;
        out.left_out.not_admitted = home_left.not_admitted;
    }
    out.uncovered = need
        .phenomena
        .iter()
        .map(|(code, _)| code)
        .filter(|code| {
            !out.channels.iter().any(|c| {
                c.reasons
                    .iter()
                    .any(|w| matches!(w, Why::Phenomena(p) if p.contains(code)))
            })
        })
        .cloned()
        .collect();
    if home_e.is_empty() {
        out.from_neighbours |= !away_e.is_empty();
        out.experts = rank(away_e);
        out.left_out.paused = home_left.paused + away_left.paused;
    } else {
        out.experts = rank(home_e);
        out.left_out.paused = home_left.paused;
    }
    out
}
