//! Käyttöoikeudet: the one place that answers "may actor X do Y on object Z".
//!
//! Routes load what the decision needs (the object's owner, group, area),
//! build an [`Action`] and ask [`decide`]. Nothing else re-implements a rule.
//! The answer names the role that allowed it, which the access log records.

use crate::ids::{GroupId, UserId};
use crate::role::{Grant, Role};

/// Who is acting: an authenticated account with its grants and memberships.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Actor {
    pub user_id: UserId,
    pub username: String,
    pub grants: Vec<Grant>,
    /// Groups where the actor is the secretary (from group membership).
    pub secretary_of: Vec<GroupId>,
    /// Groups where the actor is a member in any role.
    pub member_of: Vec<GroupId>,
    /// Groups serving a wellbeing services county the actor coordinates: a
    /// coordinator's grant may name a county (an organiser) instead of a
    /// whole cooperation area, as the seeds' OT coordinators work.
    pub county_groups: Vec<GroupId>,
}

impl Actor {
    pub fn has(&self, role: Role) -> bool {
        self.grants.iter().any(|g| g.role == role)
    }

    /// Cooperation areas this actor coordinates (a grant naming a county
    /// is no area: its groups are in `county_groups`).
    pub fn coordinated_areas(&self) -> impl Iterator<Item = &str> {
        self.grants
            .iter()
            .filter(|g| g.role == Role::Coordinator)
            .filter_map(|g| g.area.as_deref())
            .filter(|a| crate::region::organiser(a).is_none())
    }

    pub fn coordinates(&self, area: &str) -> bool {
        self.coordinated_areas().any(|a| a == area)
    }

    /// Whether the actor coordinates `group` of `area`: the whole area, or
    /// the county the group serves.
    pub fn coordinates_group(&self, group: GroupId, area: &str) -> bool {
        self.coordinates(area)
            || (self.has(Role::Coordinator) && self.county_groups.contains(&group))
    }

    /// Whether a coordinator's grant names a county of `area`.
    pub fn coordinates_county_in(&self, area: &str) -> bool {
        self.grants
            .iter()
            .filter(|g| g.role == Role::Coordinator)
            .filter_map(|g| g.area.as_deref())
            .filter_map(crate::region::organiser)
            .any(|o| o.area_code == area)
    }

    /// The group's secretary: a member in the secretary role who also holds
    /// the secretary grant (taking the grant away takes the powers away).
    pub fn is_secretary_of(&self, group: GroupId) -> bool {
        self.has(Role::Secretary) && self.secretary_of.contains(&group)
    }

    /// The role shown first in the UI and used when several could apply.
    pub fn primary_role(&self) -> Option<Role> {
        self.grants.iter().map(|g| g.role).min()
    }
}

/// What the actor wants to do, with the facts about the object the rule needs.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Action<'a> {
    /// Read the access log (käyttöloki).
    ViewAuditLog,
    /// List, create and disable accounts.
    ManageUsers,
    /// See one account's details.
    ViewUser { user: UserId },
    /// Change one's own password, language, API tokens.
    ManageOwnAccount,
    /// Areas, organisers and organisations.
    ViewReferenceData,
    /// Create or edit an organisation in `area` (None: nationwide).
    EditOrganisation { area: Option<&'a str> },
    /// Aggregated, small-cell-suppressed statistics.
    ViewStatistics,
    /// The consultation groups, their details and meeting calendars (not
    /// case data: the seed publishes its meeting dates).
    ViewGroups,
    /// Create a consultation group serving `area`.
    CreateGroup { area: &'a str },
    /// Edit a group's details, meeting rule and members.
    EditGroup { group: GroupId, area: &'a str },
    /// Cancel or move one meeting of a group, with a reason.
    ManageMeetings { group: GroupId, area: &'a str },
    /// Search the expert network and see full profiles (professionals
    /// only; the public directory shows published entries to anyone).
    ViewExperts,
    /// Add an expert profile to `area`'s network.
    CreateExpert { area: &'a str },
    /// Edit a profile of `area`; `owner` is the account it belongs to.
    EditExpert {
        area: &'a str,
        owner: Option<UserId>,
    },
    /// Import or export `area`'s expert list as a spreadsheet.
    TransferExperts { area: &'a str },
    /// Maintain the shared taxonomy of phenomena.
    EditTaxonomy,
    /// Start a consultation request (ammattilainen).
    CreateRequest,
    /// See a request (case data). `on_agenda`: it is on a meeting of its
    /// group, which its members then see.
    ViewRequest {
        requester: UserId,
        group: GroupId,
        area: &'a str,
        on_agenda: bool,
    },
    /// Change one's own request's answers, attachments, or withdraw it.
    EditRequest { requester: UserId },
    /// Triage, schedule and record the outcome: the group's secretary.
    HandleRequest { group: GroupId },
    /// Produce an identified client's access-log extract (tarkastusoikeus,
    /// 703/2023 §11) on the client's request: the group's secretary, who
    /// meets the client's request, or an auditor.
    ProduceAccessExtract { group: GroupId },
    /// See an identified request's personal identity code.
    ViewIdentity { requester: UserId, group: GroupId },
    /// Write in a request's message thread.
    MessageRequest { requester: UserId, group: GroupId },
    /// Confirm the recorded recommendations, report the follow-up.
    ConfirmOutcome { requester: UserId },
    /// Edit a group's pre-information form.
    EditForm { group: GroupId, area: &'a str },
    /// See a meeting's agenda: its secretary and expert members; the area's
    /// coordinator without the cases' content.
    ViewAgenda { group: GroupId, area: &'a str },
    /// Start an OT screening (OT-seula): professionals.
    Screen,
    /// See a screening: its owner and the colleagues invited to it.
    ViewScreening { owner: UserId, participant: bool },
    /// Invite colleagues, finish or reopen a screening, open a request
    /// from it: its owner.
    ManageScreening { owner: UserId },
    /// Edit the screening instrument of `area` (None: the platform's
    /// default version).
    EditInstrument { area: Option<&'a str> },
    /// Ask the OT centre for guidance (palveluohjaus): professionals.
    AskGuidance,
    /// Keep `area`'s service-guidance log and development needs.
    HandleGuidance { area: &'a str },
    /// Read the development needs noticed in cases (no client data).
    ViewDevelopmentNeeds,
    /// See the events for signed-in people (not only the public ones).
    ViewEvents,
    /// Register for an event, see one's own learning page: the people who
    /// attend trainings (professionals and researchers).
    RegisterForEvent,
    /// Create an event of `area` (None: national), or edit or cancel one
    /// whose responsible person is `responsible`.
    ManageEvents {
        area: Option<&'a str>,
        responsible: Option<UserId>,
    },
    /// Mark who attended an event: as [`Action::ManageEvents`].
    MarkAttendance {
        area: Option<&'a str>,
        responsible: Option<UserId>,
    },
    /// The participation report (of one's own area; the admin's of all).
    ViewParticipation,
    /// Write a new item for the knowledge bank (tietopankki).
    WriteKnowledge,
    /// Save a new version of an item, submit or archive it: its owner, a
    /// coordinator of its area (any coordinator for a national item), an
    /// administrator.
    EditKnowledge {
        owner: UserId,
        area: Option<&'a str>,
    },
    /// Approve or return a version under review: a second expert or
    /// coordinator, never the version's author.
    ReviewKnowledge { author: UserId },
    /// Send the newsletter (uutiskirje) and see its subscribers' count.
    ManageNewsletter,
    /// Make a one-time feedback link (palautelinkki) for a child, youth or
    /// parent of one's own request: the requester, who knows the family.
    CreateFeedbackLink { requester: UserId },
    /// Revoke an unused feedback link of one's own request.
    RevokeFeedbackLink { requester: UserId },
}

/// The roles of people who work with children and families (not the
/// researcher, auditor or administrator), in the order a decision names.
const PROFESSIONALS: [Role; 4] = [
    Role::Requester,
    Role::Coordinator,
    Role::Secretary,
    Role::Expert,
];

/// The policy's answer.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Decision {
    /// Allowed under this role (recorded in the access log).
    Allow(Role),
    Deny,
}

impl Decision {
    pub fn is_allowed(self) -> bool {
        matches!(self, Decision::Allow(_))
    }
}

/// Decides whether `actor` may perform `action`.
pub fn decide(actor: &Actor, action: &Action<'_>) -> Decision {
    use Action::*;
    let first = |roles: &[Role]| {
        roles
            .iter()
            .copied()
            .find(|r| actor.has(*r))
            .map_or(Decision::Deny, Decision::Allow)
    };
    match action {
        ViewAuditLog => first(&[Role::Auditor]),
        ManageUsers => first(&[Role::Admin]),
        ViewUser { user } => {
            if *user == actor.user_id {
                actor.primary_role().map_or(Decision::Deny, Decision::Allow)
            } else {
                first(&[Role::Admin])
            }
        }
        ManageOwnAccount | ViewReferenceData => {
            actor.primary_role().map_or(Decision::Deny, Decision::Allow)
        }
        EditOrganisation { area } => match area {
            Some(area) if actor.coordinates(area) => Decision::Allow(Role::Coordinator),
            _ => first(&[Role::Admin]),
        },
        ViewStatistics => first(&[Role::Researcher, Role::Coordinator, Role::Admin]),
        ViewGroups | ViewExperts => match actor.primary_role() {
            // The auditor reads the log and nothing else.
            Some(Role::Auditor) | None => Decision::Deny,
            Some(r) => Decision::Allow(r),
        },
        CreateExpert { area } | TransferExperts { area } => {
            if actor.coordinates(area) {
                Decision::Allow(Role::Coordinator)
            } else {
                first(&[Role::Admin])
            }
        }
        EditExpert { area, owner } => {
            if actor.coordinates(area) {
                Decision::Allow(Role::Coordinator)
            } else if *owner == Some(actor.user_id) {
                // One's own profile, under whatever role one has.
                actor.primary_role().map_or(Decision::Deny, Decision::Allow)
            } else {
                first(&[Role::Admin])
            }
        }
        EditTaxonomy => first(&[Role::Coordinator, Role::Admin]),
        CreateRequest => first(&[Role::Requester]),
        ViewRequest {
            requester,
            group,
            area,
            on_agenda,
        } => {
            if *requester == actor.user_id && actor.has(Role::Requester) {
                Decision::Allow(Role::Requester)
            } else if actor.is_secretary_of(*group) {
                Decision::Allow(Role::Secretary)
            } else if *on_agenda && actor.member_of.contains(group) && actor.has(Role::Expert) {
                // A member (chair, member, substitute) of the expert network.
                Decision::Allow(Role::Expert)
            } else if actor.coordinates_group(*group, area) {
                // Without identifying data (the route leaves it out).
                Decision::Allow(Role::Coordinator)
            } else {
                // Researchers, auditors and administrators never see a case.
                Decision::Deny
            }
        }
        EditRequest { requester }
        | ConfirmOutcome { requester }
        | CreateFeedbackLink { requester }
        | RevokeFeedbackLink { requester } => {
            if *requester == actor.user_id && actor.has(Role::Requester) {
                Decision::Allow(Role::Requester)
            } else {
                Decision::Deny
            }
        }
        HandleRequest { group } => {
            if actor.is_secretary_of(*group) {
                Decision::Allow(Role::Secretary)
            } else {
                Decision::Deny
            }
        }
        ProduceAccessExtract { group } => {
            if actor.is_secretary_of(*group) {
                Decision::Allow(Role::Secretary)
            } else {
                first(&[Role::Auditor])
            }
        }
        ViewIdentity { requester, group } | MessageRequest { requester, group } => {
            if *requester == actor.user_id && actor.has(Role::Requester) {
                Decision::Allow(Role::Requester)
            } else if actor.is_secretary_of(*group) {
                Decision::Allow(Role::Secretary)
            } else {
                Decision::Deny
            }
        }
        EditForm { group, area } => {
            if actor.coordinates_group(*group, area) {
                Decision::Allow(Role::Coordinator)
            } else {
                first(&[Role::Admin])
            }
        }
        ViewAgenda { group, area } => {
            if actor.is_secretary_of(*group) {
                Decision::Allow(Role::Secretary)
            } else if actor.member_of.contains(group) && actor.has(Role::Expert) {
                Decision::Allow(Role::Expert)
            } else if actor.coordinates_group(*group, area) {
                Decision::Allow(Role::Coordinator)
            } else {
                Decision::Deny
            }
        }
        CreateGroup { area } => {
            if actor.coordinates(area) {
                Decision::Allow(Role::Coordinator)
            } else {
                first(&[Role::Admin])
            }
        }
        EditGroup { group, area } => {
            if actor.coordinates_group(*group, area) {
                Decision::Allow(Role::Coordinator)
            } else if actor.is_secretary_of(*group) {
                Decision::Allow(Role::Secretary)
            } else {
                first(&[Role::Admin])
            }
        }
        Screen | AskGuidance => first(&PROFESSIONALS),
        ViewScreening { owner, participant } => {
            if *owner == actor.user_id || *participant {
                first(&PROFESSIONALS)
            } else {
                Decision::Deny
            }
        }
        ManageScreening { owner } => {
            if *owner == actor.user_id {
                first(&PROFESSIONALS)
            } else {
                Decision::Deny
            }
        }
        EditInstrument { area } => match area {
            Some(area) if actor.coordinates(area) => Decision::Allow(Role::Coordinator),
            _ => first(&[Role::Admin]),
        },
        HandleGuidance { area } => {
            if actor.coordinates(area) || actor.coordinates_county_in(area) {
                Decision::Allow(Role::Coordinator)
            } else {
                Decision::Deny
            }
        }
        WriteKnowledge => first(&[Role::Coordinator, Role::Expert, Role::Admin]),
        EditKnowledge { owner, area } => {
            let coordinates = match area {
                Some(a) => actor.coordinates(a),
                None => actor.has(Role::Coordinator),
            };
            if coordinates {
                Decision::Allow(Role::Coordinator)
            } else if *owner == actor.user_id {
                first(&[Role::Expert, Role::Coordinator, Role::Admin])
            } else {
                first(&[Role::Admin])
            }
        }
        ReviewKnowledge { author } => {
            if *author == actor.user_id {
                Decision::Deny
            } else {
                first(&[Role::Coordinator, Role::Expert])
            }
        }
        ManageNewsletter => first(&[Role::Coordinator, Role::Admin]),
        ViewDevelopmentNeeds => first(&[
            Role::Coordinator,
            Role::Expert,
            Role::Secretary,
            Role::Requester,
            Role::Researcher,
        ]),
        ViewEvents => match actor.primary_role() {
            // The auditor reads the log and nothing else.
            Some(Role::Auditor) | None => Decision::Deny,
            Some(r) => Decision::Allow(r),
        },
        RegisterForEvent => first(&[
            Role::Requester,
            Role::Coordinator,
            Role::Secretary,
            Role::Expert,
            Role::Researcher,
        ]),
        ManageEvents { area, responsible } | MarkAttendance { area, responsible } => {
            match area {
                Some(area) if actor.coordinates(area) || actor.coordinates_county_in(area) => {
                    return Decision::Allow(Role::Coordinator);
                }
                _ => {}
            }
            if actor.has(Role::Admin) {
                Decision::Allow(Role::Admin)
            } else if responsible.is_some_and(|r| r == actor.user_id) {
                // The event's responsible person, under a working role.
                first(&[
                    Role::Coordinator,
                    Role::Secretary,
                    Role::Expert,
                    Role::Requester,
                    Role::Researcher,
                ])
            } else {
                Decision::Deny
            }
        }
        ViewParticipation => first(&[Role::Coordinator, Role::Admin]),
        ManageMeetings { group, area } => {
            if actor.is_secretary_of(*group) {
                Decision::Allow(Role::Secretary)
            } else if actor.coordinates_group(*group, area) {
                Decision::Allow(Role::Coordinator)
            } else {
                Decision::Deny
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn actor(role: Role, area: Option<&str>) -> Actor {
        Actor {
            user_id: UserId(1),
            username: format!("demo-{role}"),
            grants: vec![Grant {
                role,
                area: area.map(str::to_owned),
            }],
            // Every test actor sits in group 7 as its secretary: only the
            // secretary grant makes that count.
            secretary_of: vec![GroupId(7)],
            member_of: vec![GroupId(7)],
            county_groups: Vec::new(),
        }
    }

    #[test]
    fn a_secretary_without_the_membership_or_the_grant_has_no_powers() {
        let mut a = actor(Role::Secretary, None);
        a.secretary_of.clear();
        let edit = Action::EditGroup {
            group: GroupId(7),
            area: "ita-suomi",
        };
        assert_eq!(decide(&a, &edit), Decision::Deny);
        let mut b = actor(Role::Expert, None);
        b.secretary_of = vec![GroupId(7)];
        assert_eq!(
            decide(&b, &edit),
            Decision::Deny,
            "membership alone is not enough"
        );
    }

    #[test]
    fn a_county_coordinator_shares_the_areas_guidance_but_not_its_instrument() {
        // The seeds: the area's OT coordinators work as a team, one per county.
        let a = actor(Role::Coordinator, Some("keski-suomi"));
        let allowed = |action: Action| decide(&a, &action).is_allowed();
        assert!(allowed(Action::HandleGuidance { area: "ita-suomi" }));
        assert!(!allowed(Action::HandleGuidance {
            area: "lansi-suomi"
        }));
        assert!(!allowed(Action::EditInstrument {
            area: Some("ita-suomi")
        }));
        assert!(allowed(Action::Screen));
    }

    /// The access matrix: one row per action, one column per role in
    /// `Role::ALL` order (requester, expert, secretary, coordinator,
    /// researcher, auditor, admin).
    #[test]
    fn access_matrix() {
        let rows: &[(Action, [bool; 7])] = &[
            (
                Action::Screen,
                [true, true, true, true, false, false, false],
            ),
            (
                Action::ViewScreening {
                    owner: UserId(1),
                    participant: false,
                },
                [true, true, true, true, false, false, false],
            ),
            (
                Action::ViewScreening {
                    owner: UserId(2),
                    participant: true,
                },
                [true, true, true, true, false, false, false],
            ),
            (
                Action::ViewScreening {
                    owner: UserId(2),
                    participant: false,
                },
                [false; 7],
            ),
            (Action::ManageScreening { owner: UserId(2) }, [false; 7]),
            (
                Action::EditInstrument {
                    area: Some("ita-suomi"),
                },
                [false, false, false, true, false, false, true],
            ),
            (
                Action::EditInstrument { area: None },
                [false, false, false, false, false, false, true],
            ),
            (
                Action::AskGuidance,
                [true, true, true, true, false, false, false],
            ),
            (
                Action::HandleGuidance { area: "ita-suomi" },
                [false, false, false, true, false, false, false],
            ),
            (
                Action::HandleGuidance {
                    area: "lansi-suomi",
                },
                [false; 7],
            ),
            (
                Action::ViewDevelopmentNeeds,
                [true, true, true, true, true, false, false],
            ),
            (
                Action::WriteKnowledge,
                [false, true, false, true, false, false, true],
            ),
            // The test actor is user 1: the owner of its own items.
            (
                Action::EditKnowledge {
                    owner: UserId(1),
                    area: Some("lansi-suomi"),
                },
                [false, true, false, true, false, false, true],
            ),
            (
                Action::EditKnowledge {
                    owner: UserId(2),
                    area: Some("ita-suomi"),
                },
                [false, false, false, true, false, false, true],
            ),
            (
                Action::EditKnowledge {
                    owner: UserId(2),
                    area: Some("lansi-suomi"),
                },
                [false, false, false, false, false, false, true],
            ),
            (
                Action::EditKnowledge {
                    owner: UserId(2),
                    area: None,
                },
                [false, false, false, true, false, false, true],
            ),
            (
                Action::ReviewKnowledge { author: UserId(2) },
                [false, true, false, true, false, false, false],
            ),
            (Action::ReviewKnowledge { author: UserId(1) }, [false; 7]),
            (
                Action::ManageNewsletter,
                [false, false, false, true, false, false, true],
            ),
            (
                Action::ViewEvents,
                [true, true, true, true, true, false, true],
            ),
            (
                Action::RegisterForEvent,
                [true, true, true, true, true, false, false],
            ),
            (
                Action::ManageEvents {
                    area: Some("ita-suomi"),
                    responsible: None,
                },
                [false, false, false, true, false, false, true],
            ),
            (
                Action::ManageEvents {
                    area: Some("lansi-suomi"),
                    responsible: None,
                },
                [false, false, false, false, false, false, true],
            ),
            (
                Action::ManageEvents {
                    area: None,
                    responsible: None,
                },
                [false, false, false, false, false, false, true],
            ),
            (
                // The responsible person (the test actor is user 1).
                Action::ManageEvents {
                    area: Some("lansi-suomi"),
                    responsible: Some(UserId(1)),
                },
                [true, true, true, true, true, false, true],
            ),
            (
                Action::MarkAttendance {
                    area: Some("ita-suomi"),
                    responsible: Some(UserId(2)),
                },
                [false, false, false, true, false, false, true],
            ),
            (
                Action::ViewParticipation,
                [false, false, false, true, false, false, true],
            ),
            (
                Action::ViewAuditLog,
                [false, false, false, false, false, true, false],
            ),
            (
                Action::ManageUsers,
                [false, false, false, false, false, false, true],
            ),
            (Action::ViewUser { user: UserId(1) }, [true; 7]),
            (
                Action::ViewUser { user: UserId(2) },
                [false, false, false, false, false, false, true],
            ),
            (Action::ManageOwnAccount, [true; 7]),
            (Action::ViewReferenceData, [true; 7]),
            (
                Action::EditOrganisation {
                    area: Some("ita-suomi"),
                },
                [false, false, false, true, false, false, true],
            ),
            (
                Action::EditOrganisation {
                    area: Some("etela-suomi"),
                },
                [false, false, false, false, false, false, true],
            ),
            (
                Action::ViewStatistics,
                [false, false, false, true, true, false, true],
            ),
            (
                Action::ViewGroups,
                [true, true, true, true, true, false, true],
            ),
            (
                Action::CreateGroup { area: "ita-suomi" },
                [false, false, false, true, false, false, true],
            ),
            (
                Action::CreateGroup {
                    area: "lansi-suomi",
                },
                [false, false, false, false, false, false, true],
            ),
            // The test actor is secretary of group 7 (see `actor`).
            (
                Action::EditGroup {
                    group: GroupId(7),
                    area: "lansi-suomi",
                },
                [false, false, true, false, false, false, true],
            ),
            (
                Action::EditGroup {
                    group: GroupId(8),
                    area: "ita-suomi",
                },
                [false, false, false, true, false, false, true],
            ),
            (
                Action::ManageMeetings {
                    group: GroupId(7),
                    area: "lansi-suomi",
                },
                [false, false, true, false, false, false, false],
            ),
            (
                Action::ManageMeetings {
                    group: GroupId(8),
                    area: "ita-suomi",
                },
                [false, false, false, true, false, false, false],
            ),
            (
                Action::ManageMeetings {
                    group: GroupId(8),
                    area: "lansi-suomi",
                },
                [false; 7],
            ),
            (
                Action::ViewExperts,
                [true, true, true, true, true, false, true],
            ),
            (
                Action::CreateExpert { area: "ita-suomi" },
                [false, false, false, true, false, false, true],
            ),
            (
                Action::TransferExperts {
                    area: "etela-suomi",
                },
                [false, false, false, false, false, false, true],
            ),
            // The test actor is user 1: their own profile.
            (
                Action::EditExpert {
                    area: "etela-suomi",
                    owner: Some(UserId(1)),
                },
                [true; 7],
            ),
            (
                Action::EditExpert {
                    area: "ita-suomi",
                    owner: Some(UserId(2)),
                },
                [false, false, false, true, false, false, true],
            ),
            (
                Action::EditExpert {
                    area: "etela-suomi",
                    owner: None,
                },
                [false, false, false, false, false, false, true],
            ),
            (
                Action::EditTaxonomy,
                [false, false, false, true, false, false, true],
            ),
            (
                Action::CreateRequest,
                [true, false, false, false, false, false, false],
            ),
            // Another's request in group 7 (every test actor's group, where
            // only the secretary grant makes one its secretary).
            (
                Action::ViewRequest {
                    requester: UserId(2),
                    group: GroupId(7),
                    area: "ita-suomi",
                    on_agenda: false,
                },
                [false, false, true, true, false, false, false],
            ),
            (
                Action::ViewRequest {
                    requester: UserId(2),
                    group: GroupId(7),
                    area: "lansi-suomi",
                    on_agenda: true,
                },
                [false, true, true, false, false, false, false],
            ),
            (
                Action::ViewRequest {
                    requester: UserId(2),
                    group: GroupId(8),
                    area: "lansi-suomi",
                    on_agenda: true,
                },
                [false; 7],
            ),
            // One's own request.
            (
                Action::ViewRequest {
                    requester: UserId(1),
                    group: GroupId(8),
                    area: "lansi-suomi",
                    on_agenda: false,
                },
                [true, false, false, false, false, false, false],
            ),
            (
                Action::EditRequest {
                    requester: UserId(1),
                },
                [true, false, false, false, false, false, false],
            ),
            (
                Action::HandleRequest { group: GroupId(7) },
                [false, false, true, false, false, false, false],
            ),
            (
                Action::ProduceAccessExtract { group: GroupId(7) },
                [false, false, true, false, false, true, false],
            ),
            (
                Action::ProduceAccessExtract { group: GroupId(8) },
                [false, false, false, false, false, true, false],
            ),
            (
                Action::ViewIdentity {
                    requester: UserId(2),
                    group: GroupId(7),
                },
                [false, false, true, false, false, false, false],
            ),
            (
                Action::EditForm {
                    group: GroupId(7),
                    area: "ita-suomi",
                },
                [false, false, false, true, false, false, true],
            ),
        ];
        for (action, expected) in rows {
            for (role, want) in Role::ALL.iter().zip(expected) {
                let a = actor(*role, role.needs_area().then_some("ita-suomi"));
                assert_eq!(
                    decide(&a, action).is_allowed(),
                    *want,
                    "{role} on {action:?}"
                );
            }
        }
    }

    #[test]
    fn a_county_coordinator_manages_the_events_of_her_area() {
        let a = actor(Role::Coordinator, Some("pohjois-savo"));
        let manage = |area| Action::ManageEvents {
            area,
            responsible: None,
        };
        assert!(decide(&a, &manage(Some("ita-suomi"))).is_allowed());
        assert!(!decide(&a, &manage(Some("lansi-suomi"))).is_allowed());
        assert!(!decide(&a, &manage(None)).is_allowed());
    }

    #[test]
    fn only_the_requester_makes_and_revokes_her_cases_feedback_links() {
        for role in Role::ALL {
            let a = actor(role, role.needs_area().then_some("ita-suomi"));
            for action in [
                Action::CreateFeedbackLink {
                    requester: UserId(1),
                },
                Action::RevokeFeedbackLink {
                    requester: UserId(1),
                },
            ] {
                let want = (role == Role::Requester).then_some(Role::Requester);
                assert_eq!(
                    decide(&a, &action),
                    want.map_or(Decision::Deny, Decision::Allow),
                    "{role} on {action:?}"
                );
            }
            // Another requester's case: nobody, the secretary included.
            for action in [
                Action::CreateFeedbackLink {
                    requester: UserId(2),
                },
                Action::RevokeFeedbackLink {
                    requester: UserId(2),
                },
            ] {
                assert_eq!(decide(&a, &action), Decision::Deny, "{role} on {action:?}");
            }
        }
    }

    #[test]
    fn no_grants_means_nothing() {
        let mut a = actor(Role::Admin, None);
        a.grants.clear();
        assert_eq!(decide(&a, &Action::ViewReferenceData), Decision::Deny);
        assert_eq!(
            decide(&a, &Action::ViewUser { user: UserId(1) }),
            Decision::Deny
        );
    }

    #[test]
    fn a_county_coordinator_coordinates_only_the_groups_of_her_county() {
        // Pohjois-Savo's OT coordinator: her grant names the county; the
        // session lists the groups serving it (group 8), not group 9 of the
        // same cooperation area.
        let mut a = actor(Role::Coordinator, Some("pohjois-savo"));
        a.secretary_of.clear();
        a.member_of.clear();
        a.county_groups = vec![GroupId(8)];
        let view = |group| Action::ViewRequest {
            requester: UserId(2),
            group,
            area: "ita-suomi",
            on_agenda: false,
        };
        assert_eq!(
            decide(&a, &view(GroupId(8))),
            Decision::Allow(Role::Coordinator)
        );
        assert_eq!(decide(&a, &view(GroupId(9))), Decision::Deny);
        for group in [GroupId(8), GroupId(9)] {
            let mine = group == GroupId(8);
            for action in [
                Action::EditForm {
                    group,
                    area: "ita-suomi",
                },
                Action::EditGroup {
                    group,
                    area: "ita-suomi",
                },
                Action::ManageMeetings {
                    group,
                    area: "ita-suomi",
                },
                Action::ViewAgenda {
                    group,
                    area: "ita-suomi",
                },
            ] {
                assert_eq!(decide(&a, &action).is_allowed(), mine, "{action:?}");
            }
        }
        // The area's own powers (new groups, the expert list) stay with the
        // area's coordinators.
        assert!(!decide(&a, &Action::CreateGroup { area: "ita-suomi" }).is_allowed());
        assert!(!decide(&a, &Action::TransferExperts { area: "ita-suomi" }).is_allowed());
        // Her county's code is no area: nothing area-wide is hers by it.
        assert!(
            !decide(
                &a,
                &Action::TransferExperts {
                    area: "pohjois-savo"
                }
            )
            .is_allowed()
        );
        assert!(
            !decide(
                &a,
                &Action::CreateGroup {
                    area: "pohjois-savo"
                }
            )
            .is_allowed()
        );
        // Without the coordinator grant the list means nothing.
        a.grants = vec![Grant {
            role: Role::Expert,
            area: None,
        }];
        assert_eq!(decide(&a, &view(GroupId(8))), Decision::Deny);
    }
}
