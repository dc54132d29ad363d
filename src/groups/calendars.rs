//! The groups' meetings, computed once per node.
//!
//! Meetings are not stored: they follow from each group's rules and
//! one-off changes. Computing them for every page made the group pages
//! slow, so each node keeps every group with its meetings (about a year
//! back and a year and a half ahead) and the load of each meeting, and
//! drops a group's entry when the change feed (`outbox`, topics `group`
//! and `places`) says it changed: at once for the node's own writes
//! ([`Calendars::forget`] after commit), within the feed's polling interval
//! (`core::changes::FOLLOW_EVERY`) for other nodes' writes, and at the
//! latest after [`MAX_AGE`] whatever happens.
//!
//! Pages read from here; writes never do: a write reads the group, its
//! overrides and the places taken through its own transaction.

use super::store::{self, Group};
use crate::consultations::store::{Load, loads};
use crate::core::changes::{Change, Derived, Follower};
use crate::core::db::Db;
use crate::core::memo::{Memo, Ticket};
use crate::core::web::AppState;
use jiff::ToSpan;
use jiff::civil::Date;
use otalusta_domain::calendar::{Occurrence, Override};
use otalusta_domain::ids::GroupId;
use std::collections::HashMap;
use std::sync::{Arc, RwLock};
use std::time::Duration;

/// The longest an entry is trusted without a reload.
pub const MAX_AGE: Duration = Duration::from_secs(600);

/// One group as the pages show it.
pub struct GroupCalendar {
    pub group: Group,
    pub overrides: Vec<Override>,
    /// The first and last rule date of `meetings`.
    pub window: (Date, Date),
    /// The meetings whose rule dates are in the window, sorted by start.
    pub meetings: Vec<Occurrence>,
    /// Meetings earlier rules would have held in the window (cancelled).
    pub dropped: Vec<Occurrence>,
    loads: HashMap<Date, Load>,
}

impl GroupCalendar {
    /// The calendar as it stands on `today`.
    async fn load(db: &Db, group: Group, today: Date) -> anyhow::Result<GroupCalendar> {
        let window = (
            today.checked_sub(13.months()).unwrap_or(today),
            today.checked_add(19.months()).unwrap_or(today),
        );
        let overrides = store::overrides(db, group.id).await?;
        let meetings = group.meetings(&overrides, window.0, window.1);
        let dropped = group.history().dropped(window.0, window.1);
        let loads = loads(db, group.id).await?;
        Ok(GroupCalendar {
            group,
            overrides,
            window,
            meetings,
            dropped,
            loads,
        })
    }

    /// The meetings whose rule dates are in `from..=to`.
    pub fn meetings(&self, from: Date, to: Date) -> Vec<Occurrence> {
        if self.window.0 <= from && to <= self.window.1 {
            self.meetings
                .iter()
                .filter(|o| from <= o.rule_date && o.rule_date <= to)
                .cloned()
                .collect()
        } else {
            self.group.meetings(&self.overrides, from, to)
        }
    }

    /// The meeting the rules give on `rule_date`, as it actually is.
    pub fn meeting(&self, rule_date: Date) -> Option<Occurrence> {
        if self.window.0 <= rule_date && rule_date <= self.window.1 {
            self.meetings
                .iter()
                .find(|o| o.rule_date == rule_date)
                .cloned()
        } else {
            self.group.meeting(&self.overrides, rule_date)
        }
    }

    /// Places taken and requests proposed on the meeting of `rule_date`.
    pub fn load_of(&self, rule_date: Date) -> Load {
        self.loads.get(&rule_date).copied().unwrap_or_default()
    }

    /// Places taken, by rule date.
    pub fn taken(&self) -> HashMap<Date, u32> {
        self.loads.iter().map(|(d, l)| (*d, l.taken)).collect()
    }
}

/// Groups a node holds at most (far more than a deployment has).
const MAX_HELD: usize = 10_000;

struct Inner {
    /// The day the windows were computed for.
    day: Date,
    groups: Memo<GroupId, Arc<GroupCalendar>>,
    /// Active groups by area and name, when known.
    active: Option<Vec<GroupId>>,
}

/// Every group's calendar on this node.
pub struct Calendars {
    inner: RwLock<Inner>,
    follower: Follower,
}

impl Calendars {
    /// An empty cache that follows the change feed from now on (so nothing
    /// it loads later can miss a change).
    pub async fn start(db: &Db) -> anyhow::Result<Calendars> {
        Ok(Calendars {
            inner: RwLock::new(Inner {
                day: super::routes::today(),
                groups: Memo::new(MAX_HELD),
                active: None,
            }),
            follower: Follower::start(db).await?,
        })
    }

    fn fresh(&self, id: GroupId) -> Option<Arc<GroupCalendar>> {
        let inner = self.inner.read().expect("calendar cache");
        if inner.day != super::routes::today() {
            return None;
        }
        inner.groups.get(&id, MAX_AGE).cloned()
    }

    /// Changes whenever a group's calendar is dropped: what was computed
    /// from the calendars before is out of date once it has changed.
    pub fn generation(&self) -> Ticket {
        self.inner.read().expect("calendar cache").groups.ticket()
    }

    /// A group's calendar, active or not; `None` when there is no such group.
    pub async fn get(&self, db: &Db, id: GroupId) -> anyhow::Result<Option<Arc<GroupCalendar>>> {
        if let Some(c) = self.fresh(id) {
            return Ok(Some(c));
        }
        let ticket = self.generation();
        let Some(group) = store::get_any(db, id).await? else {
            return Ok(None);
        };
        let today = super::routes::today();
        let cal = Arc::new(GroupCalendar::load(db, group, today).await?);
        let mut inner = self.inner.write().expect("calendar cache");
        if super::routes::today() != today {
            // Loaded across midnight: served, not kept as the new day's.
            return Ok(Some(cal));
        }
        if inner.day != today {
            inner.day = today;
            inner.groups.clear();
        }
        inner.groups.keep(ticket, [(id, cal.clone())]);
        Ok(Some(cal))
    }

    /// An active group's calendar.
    pub async fn active_group(
        &self,
        db: &Db,
        id: GroupId,
    ) -> anyhow::Result<Option<Arc<GroupCalendar>>> {
        Ok(self.get(db, id).await?.filter(|c| c.group.active))
    }

    /// Every active group, by area and name.
    pub async fn all_active(&self, db: &Db) -> anyhow::Result<Vec<Arc<GroupCalendar>>> {
        let (known, ticket) = {
            let inner = self.inner.read().expect("calendar cache");
            (inner.active.clone(), inner.groups.ticket())
        };
        let ids = match known {
            Some(ids) => ids,
            None => {
                let ids = store::active_ids(db).await?;
                let mut inner = self.inner.write().expect("calendar cache");
                if inner.groups.ticket() == ticket {
                    inner.active = Some(ids.clone());
                }
                ids
            }
        };
        let mut out = Vec::with_capacity(ids.len());
        for id in ids {
            if let Some(c) = self.get(db, id).await?.filter(|c| c.group.active) {
                out.push(c);
            }
        }
        Ok(out)
    }

    /// Drops what is known of `ids` (after this node changed them); the
    /// list of active groups too when `list` (a group changed or was made).
    pub fn forget(&self, ids: impl IntoIterator<Item = GroupId>, list: bool) {
        let mut inner = self.inner.write().expect("calendar cache");
        let ids: Vec<GroupId> = ids.into_iter().collect();
        inner.groups.forget(&ids);
        if list {
            inner.active = None;
        }
    }
}

impl Derived for Calendars {
    const NAME: &'static str = "calendar cache";

    fn follower(&self) -> &Follower {
        &self.follower
    }

    /// The groups named are loaded again when next asked for; a change to a
    /// group (not only to its places) may change the list of groups too.
    fn apply(&self, changes: &[Change]) {
        let mut ids = Vec::new();
        let mut list_changed = false;
        for c in changes {
            let Ok(id) = c.object_id.parse::<i64>() else {
                continue;
            };
            match c.topic.as_str() {
                "group" => {
                    list_changed = true;
                    ids.push(GroupId(id));
                }
                "places" => ids.push(GroupId(id)),
                _ => {}
            }
        }
        if !ids.is_empty() {
            self.forget(ids, list_changed);
        }
    }
}

/// The node's calendar cache (kept in the state's extensions).
pub fn calendars(state: &AppState) -> Arc<Calendars> {
    state
        .ext
        .get::<Arc<Calendars>>()
        .cloned()
        .expect("build_state puts the calendar cache in the state")
}
