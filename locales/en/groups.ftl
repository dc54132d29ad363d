nav-groups = Consultation groups
nav-meetings = My meetings
field-choose = Choose one of the options.
field-date = Give the date as 13.10.2022.
field-time = Give the time as 13.00.
field-number = Give a whole number.
save = Save
actions = Actions
group = Group
all-areas = All areas
all-phenomena = All phenomena
field-phenomenon = Phenomenon
weekend = a weekend day

groups-title = Consultation groups
groups-lead = Multi-professional consultation groups that professionals can ask for help with a demanding case, and their meeting times.
groups-new = New consultation group
groups-filter = Filter groups
groups-none = No groups match the filters.
groups-next-meeting = Next meeting
groups-send-by = Cases to the secretary by { $deadline }.
groups-no-coming = No coming meetings.
free-places = { $count ->
    [0] No places free.
    [one] 1 place free.
   *[other] { $count } places free.
}
capacity-per-meeting = { $count ->
    [one] 1 case per meeting
   *[other] { $count } cases per meeting
}

group-kind = Kind of group
group-kind-statutory-child-protection = Child-protection multi-professional expert group
group-kind-separation = Difficult separations and custody disputes
group-kind-integrated-institutional-care = Integrated demanding institutional care
group-kind-other = Other consultation group
meeting-mode = How it meets
meeting-mode-remote = Remote meeting
meeting-mode-in-person = In person
meeting-mode-both = In person or remotely
member-role = Role in the group
member-role-chair = Chair
member-role-secretary = Secretary
member-role-member = Member
member-role-substitute = Substitute

group-serves = Serves
group-serves-organiser = Serves the wellbeing services county
group-whole-area = The whole cooperation area
group-phenomena = Phenomena the group consults on
group-who-may-ask = Who may send requests
group-eligible-hint = If you choose no areas or sectors, requests are taken from everyone.
eligible-any-area = From every cooperation area
eligible-areas = Cooperation areas: { $areas }
eligible-any-sector = From every sector
eligible-sectors = Sectors: { $sectors }
group-rule = Meeting rhythm
group-ask = Send a consultation request to this group
group-edit = Edit the group
group-basics = Basic details
group-how-it-meets = Meetings
group-meetings = Meetings
group-no-meetings = No meetings in the chosen period.
group-members = Members
group-no-members = The group has no members yet.
group-feed-help = Subscribe to the group's meetings in your calendar (Outlook, Thunderbird) at this address:
group-preview = Preview the meetings
group-preview-title = Meetings under this rule
group-preview-help = This has not been saved yet. Check the meetings and the notes, then save.
group-area-not-yours = You cannot move the group to an area you do not coordinate.
group-organiser-outside-area = The wellbeing services county is not in the chosen cooperation area.
group-place-required = An in-person meeting needs a place.
group-video-link-required = A remote meeting needs a meeting link.
group-video-link-invalid = Give a meeting link that starts with https://.
group-capacity-range = Give a number from 1 to 50.

field-name-fi = Name in Finnish
field-name-sv = Name in Swedish
field-name-en = Name in English
field-translation-hint = If left empty, the Finnish name is shown.
field-description-fi = Description in Finnish
field-description-sv = Description in Swedish
field-description-en = Description in English
field-place = Meeting place
field-place-hint = Address or room for in-person meetings.
field-video-link = Meeting link
field-video-link-hint = The remote meeting's address, e.g. https://teams.microsoft.com/…
field-capacity = Cases per meeting
field-capacity-hint = How many consultation requests one meeting has time for.

rule-recurrence = When the group meets
rule-kind-nth-weekday = On a given weekday of the month (e.g. the second Thursday)
rule-kind-every-n-weeks = Every n weeks
rule-kind-dates = On listed dates
rule-nth = Which one
rule-weekday = Weekday
rule-every-n = Weeks between meetings
rule-anchor = First meeting
rule-anchor-hint = The series starts on this day or the next chosen weekday after it.
rule-dates-field = Meeting dates
rule-dates-hint = One date per line, e.g. 13.10.2022.
rule-start-time = Starts at
rule-length = Length in minutes
rule-notice-days = Cases to the secretary, days before
rule-notice-days-hint = For example 7 = a week before.
rule-notice-time = By the time
rule-notice-time-hint = Empty = the end of the day (23.59).
rule-paused-months = Break in these months
rule-season-start = Season starts
rule-season-end = Season ends
rule-holiday-policy = If a meeting falls on a public holiday
rule-deadline-policy = If the deadline falls on a weekend or public holiday
holiday-policy-skip = The meeting is not held
holiday-policy-next-working-day = The meeting moves to the next working day
holiday-policy-move-one-week = The meeting moves a week later
holiday-policy-keep-and-warn = The meeting is held, with a warning
deadline-policy-previous-working-day = The deadline moves to the previous working day
deadline-policy-keep-and-warn = The deadline stays, with a warning

rule-nth-weekday = The { $nth } { $weekday } of every month
rule-every-n-weeks = { $n ->
    [1] every { $weekday }
    [2] every other { $weekday }
    [3] every third { $weekday }
    [4] every fourth { $weekday }
   *[other] every { $n } weeks { $weekdays }
} from { $anchor }
rule-dates = { $count ->
    [one] On one separately agreed date
   *[other] On separately agreed dates ({ $count } meeting days)
}
rule-when = { $when }, { $start }–{ $end }.
rule-notice = { $days ->
    [0] Cases to the secretary on the day of the meeting, by { $time }.
    [one] Cases to the secretary the day before the meeting, by { $time }.
   *[other] Cases to the secretary { $days } days before the meeting, by { $time }.
}
rule-paused = Break: { $months }.
rule-season = Season: { $from } – { $to }.
rule-policies = On a public holiday: { $holiday }. Deadline on a day off: { $deadline }.
rule-weeks-out-of-range = Weeks between meetings must be 1–52.
rule-length-out-of-range = The length must be 1–1440 minutes.
rule-season-ends-before-start = The season cannot end before it starts.
rule-notice-out-of-range = Give 0–60 days.
rule-deadline-not-before-meeting = If cases come the same day, give a time before the meeting starts.
rule-unknown-time-zone = Unknown time zone.
rule-empty-date-list = Give at least one meeting date.
rule-duplicate-date = The same date is listed twice.
rule-date-outside-season = The date is outside the season.
rule-date-in-paused-month = The date falls in a break month.
rule-month-out-of-range = Unknown month.
rule-all-months-paused = Not every month can be a break.

nth-1 = first
nth-2 = second
nth-3 = third
nth-4 = fourth
nth-last = last
weekday-mon = Monday
weekday-tue = Tuesday
weekday-wed = Wednesday
weekday-thu = Thursday
weekday-fri = Friday
weekday-sat = Saturday
weekday-sun = Sunday
# Recurring: "on Tuesdays"
weekday-on-mon = on Mondays
weekday-on-tue = on Tuesdays
weekday-on-wed = on Wednesdays
weekday-on-thu = on Thursdays
weekday-on-fri = on Fridays
weekday-on-sat = on Saturdays
weekday-on-sun = on Sundays
month-1 = January
month-2 = February
month-3 = March
month-4 = April
month-5 = May
month-6 = June
month-7 = July
month-8 = August
month-9 = September
month-10 = October
month-11 = November
month-12 = December

holiday-new-years-day = New Year's Day
holiday-epiphany = Epiphany
holiday-good-friday = Good Friday
holiday-easter-sunday = Easter Sunday
holiday-easter-monday = Easter Monday
holiday-may-day = May Day
holiday-ascension-day = Ascension Day
holiday-whitsunday = Whitsunday
holiday-midsummer-eve = Midsummer Eve
holiday-midsummer-day = Midsummer Day
holiday-all-saints-day = All Saints' Day
holiday-independence-day = Independence Day
holiday-christmas-eve = Christmas Eve
holiday-christmas-day = Christmas Day
holiday-st-stephens-day = St Stephen's Day

conflict-holiday-skipped = { $date } is { $holiday }: the meeting is not held.
conflict-holiday-moved = { $date } is { $holiday }: the meeting has been moved to { $to }.
conflict-holiday-kept = { $date } is { $holiday }: by the rule the meeting is still on this day. Secretary, move or cancel it if that is not intended.
conflict-move-blocked = The meeting cannot move to { $to } ({ $limit }), so it is not held.
conflict-outside-rule = The new date { $date } is outside the rule ({ $limit }).
conflict-deadline-moved = The deadline { $date } is { $day }, so it has been moved earlier to { $to }.
conflict-deadline-kept = The deadline { $date } is { $day }: the secretary may not be at work then.
conflict-deadline-not-before-start = The change to summer time upset the same-day deadline, so the deadline is one minute before the meeting starts.
conflict-same-date = Another meeting of this group is on the same day (rule date { $other }).
limit-outside-season = outside the season
limit-paused-month = a break month
limit-out-of-range = outside the calendar
change-cancelled = The secretary has cancelled the meeting. Reason: { $reason }
change-moved = Moved from { $from }. Reason: { $reason }

range-from = From
range-to = To
range-show = Show
range-season = The whole season
range-ends-before-start = The end date is before the start date.
range-too-long = Show at most five years at a time.

meeting-title = { $group }: meeting on { $date }
meeting-date = Day
meeting-time = Time
meeting-deadline = Cases by
meeting-free = Places free
meeting-notes = Notes
meeting-status-scheduled = Scheduled
meeting-status-held = Held
meeting-status-skipped = Not held (public holiday)
meeting-status-cancelled = Cancelled
deadline-passed = deadline passed
meeting-change = Change this meeting
meeting-change-help = You can move or cancel this one meeting. The meeting rhythm stays. Write a reason: participants see it.
meeting-new-date = New day
meeting-new-time = New start time
meeting-move = Move the meeting
meeting-cancel = Cancel the meeting
meeting-restore = Return to the rule
field-reason = Reason
field-reason-hint = For example "the chair cannot attend".
field-reason-required = Write a reason for the change.

member-add = Add a member
member-remove = Remove { $name } from the group
member-unknown = There is no account with this user name.
member-disabled = The account is disabled.
member-needs-secretary-role = Only a user with the secretary role can be named secretary.

my-meetings-title = My meetings
my-meetings-none = You have no coming meetings. Meetings show here when you are a member of a consultation group.
feed-title = Calendar subscription
feed-help = A personal calendar link brings the meetings of all your groups into your own calendar. The link is secret: do not share it.
feed-create = Create a calendar link
feed-renew = Create a new link (the old one stops working)
feed-revoke = Remove the calendar link
feed-created = The calendar link has been created.
feed-shown-once = Copy the link into your calendar program now. It is shown only once.
feed-active-since = A calendar link is in use (created { $date }).
feed-my-name = My OT meetings

ical-summary = { $group }: consultation meeting
ical-deadline = Cases to the secretary by { $deadline }.
ical-skipped = The meeting is not held (public holiday).
ical-cancelled = The meeting is cancelled.
ical-reason = Reason: { $reason }

# Meeting changes that reach every case (issue 12)
change-rule-changed = The group's meeting rule changed; this meeting is not held.
ical-rule-changed = The group's meeting rule changed; this meeting is not held.
ical-own-slot = Your case's time: { $slot }
meeting-proposed-count = { $count ->
    [one] { $count } proposed request
   *[other] { $count } proposed requests
}
meeting-cancel-confirm = Cancelling the meeting means
meeting-move-confirm = Moving the meeting means
consequences-changed = The meeting's cases changed meanwhile. Check them and choose again.
consequences-cases = { $count ->
    [one] The meeting has { $count } case. Its requester is told of the change.
   *[other] The meeting has { $count } cases. Their requesters are told of the change.
}
consequences-decision = What becomes of the cases?
consequences-told = Each case's history records the change and its reason, and its requester is notified.
consequences-save = Save the change
meeting-restored-reason = The meeting was returned to the time its rule gives.
rule-consequences-title = Changing the meeting rule means
rule-consequences-lost = These coming meetings are dropped, and they have cases:
rule-consequences-moved = These meetings move to another time (their cases follow):
rule-consequences-orphans = These one-off changes are removed, as their meetings no longer exist:
orphan-cancelled = cancelled
orphan-moved = moved to { $to }
rule-changed-reason = The group's meeting rule changed.
consequences-count = { $count ->
    [one] { $count } case
   *[other] { $count } cases
}
group-capacity-below-taken = Some coming meetings already have more accepted cases than the new capacity allows. Move cases first or choose a larger capacity.
group-levels = Serves the levels
group-levels-hint = At which level of need a case may be brought to the channel: basic, specialised, OT level. Service guidance suggests channels by level.
group-public-info = Public page
group-public-info-hint = Shown on the channel's public page to anyone without login. No video link and no member list.
field-criteria-fi = Client criteria (in Finnish)
field-criteria-sv = Client criteria (in Swedish)
field-criteria-en = Client criteria (in English)
field-how-to-ask-fi = Who may ask and how (in Finnish)
field-how-to-ask-sv = Who may ask and how (in Swedish)
field-how-to-ask-en = Who may ask and how (in English)
group-criteria = Client criteria
group-how-to-ask = Who may ask for a consultation, and how
group-public-page-link = Show the channel's public page
group-public-meeting = { $day } (cases to be notified by { $deadline })
group-public-inactive = The channel does not take new requests at the moment.
group-public-login = A consultation request is made on the platform, signed in.
group-public-meetings = Coming meetings
group-public-contact = Contact
group-public-contact-lead = The area's OT coordinator ({ $area }) advises which channel or expert to contact:
group-public-no-contact = The contact details of the area's ({ $area }) OT coordinator have not been added yet. Signed in, you can ask the OT centre on the platform.
