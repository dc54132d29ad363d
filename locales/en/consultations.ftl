nav-requests = Consultation requests
required = required
system = the system
all-statuses = All states
field-number-range = The number is outside the allowed range.
months = { $count ->
    [one] in 1 month
   *[other] in { $count } months
}

requests-title = Consultation requests
requests-lead = Ask a multi-professional consultation group for help with a demanding case. The case is discussed without identifying the child unless there is consent or a legal basis for it.
request-new = New consultation request
requests-mine = My requests
requests-none = You have no requests yet.
requests-queues = Groups you are the secretary of
requests-on-agendas = Cases on my groups' meetings
requests-area = The area's requests
requests-area-help = The coordinator's overview: the requests' states without their content.
requests-filter = Filter requests
requests-search = Search by number or word
request-number = Number
request-question = Question
request-meeting = Meeting
request-updated = Updated
request-your-turn = waiting for you

request-status-draft = Draft
request-status-submitted = Sent, waiting for triage
request-status-more-info = More information asked
request-status-accepted = Accepted for a meeting
request-status-discussed = Discussed, waiting for confirmation
request-status-follow-up = In follow-up
request-status-closed = Closed
request-status-declined = Declined
request-status-withdrawn = Withdrawn

request-event-created = Draft started
request-event-submitted = Request sent
request-event-resubmitted = More information sent
request-event-accepted = Accepted for a meeting
request-event-accepted-detail = Accepted for the meeting on { $detail }
request-event-rescheduled = Moved to another meeting
request-event-rescheduled-detail = Moved to the meeting on { $detail }
request-event-more-info-asked = More information asked
request-event-redirected = Redirected to another group
request-event-redirected-detail = Redirected to { $detail }
request-event-declined = Declined
request-event-withdrawn = Withdrawn
request-event-outcome-recorded = Recommendations recorded
request-event-confirmed = Recommendations confirmed
request-event-confirmed-detail = Recommendations confirmed, follow-up on { $detail }
request-event-follow-up-reported = Follow-up reported, request closed

request-done-saved = The draft has been saved. You can go on later.
request-done-submitted = The request has been sent to the group's secretary.
request-done-accepted = The request has been accepted for a meeting and the requester told.
request-done-asked = The question has been sent to the requester.
request-done-declined = The request has been declined and the requester told why.
request-done-redirected = The request has been redirected to another group.
request-done-outcome = The recommendations have been recorded. The requester confirms them.
request-done-confirmed = The recommendations are confirmed and the follow-up is set.
request-done-closed = The follow-up has been reported and the request closed. Thank you!

request-form-title = Pre-information form
request-form-to = Consultation request to { $group }
request-next-meeting = Sent now, the request is discussed at the meeting on { $meeting }, if the group has room.
request-pseudonymous = Do not write names, identity codes or anything else that identifies the child or the family. Identifying details go only below, with consent or a legal basis.
request-secretary-asks = The secretary asks for more information:
request-identification = Identifying details
request-identification-hint = Consultations are done without identifying the child by default. Identifying needs the guardian's or young person's consent, or a legal basis.
identification-none = No identifying details (pseudonymous)
identification-consent = Identifying details with consent
identification-statutory = Identifying details on a legal basis
request-basis-note = Basis
request-basis-note-hint = For example: "The guardian's written consent 12.11.2026" or "Child Welfare Act, section 14".
request-basis-required = Record the consent or the legal basis.
request-hetu = The child's personal identity code
request-hetu-hint = Only with a basis for identifying. The code is stored encrypted and seen only by you and the group's secretary.
request-hetu-stored = The identity code is stored, encrypted. Type a new one only to replace it.
request-hetu-needs-basis = An identity code cannot be given without consent or a legal basis.
request-hetu-required = Give the identity code or choose pseudonymous handling.
hetu-length = A personal identity code has 11 characters.
hetu-not-digits = The birth date and the individual number of an identity code are digits.
hetu-invalid-century-sign = The identity code's separator must be one of + - Y X W V U A B C D E F.
hetu-invalid-date = The identity code's birth date is not a real date.
hetu-birth-date-in-future = The identity code's birth date is in the future. Check the date and the separator (for example - or A).
hetu-invalid-individual-number = The identity code's individual number must be 002–999.
hetu-invalid-check = The identity code's check character does not match.
hetu-temporary-not-allowed = A temporary identity code (individual number 900–999) cannot be used here. Give the child's permanent identity code or choose pseudonymous handling.
request-save-draft = Save the draft
request-submit = Send the request
request-not-editable = The request can no longer be changed.
request-not-eligible = This group takes requests only from the areas and sectors named on its page. Find a fitting channel in the expert search.
request-wrong-state = The request is not in a state where this is possible.
request-changed = Someone else just handled the request. Reload the page.

request-title = Consultation request #{ $number }
request-requester = Requester
request-follow-up-due = Follow-up
request-edit = Edit the request
request-withdraw = Withdraw the request
request-show-identity = Show the identity code
request-identity-shown = Identity code (showing it has been written to the access log):
request-answers = Pre-information
request-outcome = The outcome of the consultation
request-history = Steps
attachments = Attachments
attachment-add = Add an attachment
attachment-hint = PDF, Word (docx), Excel (xlsx), OpenDocument (odt), text, PNG or JPEG; at most 5 MB, 20 MB in all. Remove identifying details from attachments.
attachment-upload = Upload the attachment
attachment-delete = Delete { $name }
attachment-missing = Choose a file.
attachment-too-large = The attachment is too large (at most 5 MB).
attachment-total-too-large = The attachments are too large in all (at most 20 MB).
attachment-type = This type of file cannot be attached, or its content does not match its extension.
attachment-size = { $kb } kB

placement-on = { $meeting }
placement-deadline-passed = The deadline of the meeting on { $date } had passed.
placement-full = The meeting on { $date } was full.
placement-not-held = The meeting on { $date } is not held.
placement-none = The coming meetings have no room or their deadlines have passed; the secretary agrees a time.
placement-late = Taken after the deadline by the secretary's decision.
placement-late-short = late

triage-title = The secretary's triage
triage-meeting = Meeting
triage-meeting-hint = After the deadline a request goes to a meeting only by the secretary's decision; it is recorded.
triage-as-placed = The meeting the request was placed on
triage-meeting-choice = { $meeting } ({ $free } free)
triage-late = deadline passed
triage-accept = Accept for the meeting
triage-ask-question = Question to the requester
triage-ask = Ask for more information
triage-redirect-to = Redirect to the group
triage-reason = Reason for the requester
triage-redirect = Redirect to another group
triage-decline-reason = Reason for declining
triage-decline = Decline the request
triage-choose-meeting = Choose a meeting.
triage-meeting-full = The meeting is full. Choose another one or raise the group's capacity.
triage-no-such-meeting = Choose a coming meeting that is held.
triage-choose-group = Choose the group to redirect to.

outcome-record-title = Record the outcome
outcome-record-help = Record the group's summary and recommendations: what is done, who is responsible and by when. The requester confirms them.
outcome-summary = Summary
outcome-recommendations = Recommendations
outcome-action = Action
outcome-action-n = Recommendation { $n }
outcome-responsible = Responsible
outcome-due = By
outcome-result = Carried out
outcome-save = Save the recommendations
outcome-action-required = Write an action for every recommendation.
outcome-responsible-required = Write who is responsible for every recommendation.
outcome-at-least-one = Record at least one recommendation.
outcome-too-many = At most 20 recommendations.
outcome-meeting-not-held = The meeting has not started: recommendations are recorded after it.
outcome-requester-record = The requester's own record

confirm-title = Confirm the recommendations
confirm-help = Check the group's recommendations, write your own record and choose when to report what was carried out.
confirm-record-hint = For example what you agreed with the family and the network.
confirm-follow-up = Follow-up
confirm-button = Confirm
followup-title = Follow-up
followup-help = Tell which recommendations were carried out and what changed. The request then closes.
followup-why = Why not (or only partly)
followup-why-required = Say briefly why the recommendation was not carried out in full.
followup-what-changed = What changed
followup-button = Send the follow-up and close
recommendation-outcome-implemented = Carried out
recommendation-outcome-partly = Partly carried out
recommendation-outcome-not-implemented = Not carried out

messages-title = Messages
messages-help = A secure channel between the requester and the group's secretary. E-mail only says there is something new, never the content.
messages-none = No messages.
messages-new = New message
messages-send = Send the message

queue-title = Queue: { $group }
queue-meetings = Coming meetings
queue-placed = Places taken
queue-full = full
queue-waiting = Waiting for triage
queue-more-info = Waiting for more information
queue-accepted = Accepted
queue-empty = No requests.
queue-submitted = Sent
queue-no-meeting = no meeting
queue-urgent = urgent

agenda-title = Agenda
agenda-open = Agenda
agenda-heading = { $group }: agenda for { $date }
agenda-back = The meeting
agenda-print-hint = Print the agenda with the browser's print command.
agenda-cases = Cases
agenda-no-cases = No cases have been accepted for the meeting yet.
agenda-slot = Time
agenda-requester = Requester
agenda-up = Move #{ $number } up
agenda-down = Move #{ $number } down
agenda-attendance = Participants
agenda-present = Present
agenda-save-attendance = Save attendance
agenda-was-present = present

form-editor-link = Pre-information form
form-editor-title = Pre-information form: { $group }
form-version = Version { $version }.
form-versions-help = Every change is saved as a new version. Sent requests keep the version they were filled with.
form-items = Questions
form-question = Question
form-kind = Kind of answer
form-choices = Choices
form-choices-hint = One choice a line: "key = suomeksi | på svenska | in English". The key may be left out.
form-edit-item = Edit the question
form-up = Move up
form-down = Move down
form-delete = Delete the question
form-new-item = New question
form-edit-item-title = Edit the question
form-key = Key
form-key-hint = Lower-case letters, digits and underscores. Empty: made from the Finnish question.
form-label-fi = The question in Finnish
form-label-sv = The question in Swedish
form-label-en = The question in English
form-help-fi = Help in Finnish
form-help-sv = Help in Swedish
form-help-en = Help in English
form-save-item = Save the question
form-saved = A new version of the form has been saved.
form-empty = The form needs at least one question.
form-too-many-items = The form may have at most 60 questions.
form-key-invalid = The key may have only lower-case letters a–z, digits and underscores.
form-key-taken = Another question already has this key.
form-needs-choices = Give at least two choices.
form-choice-invalid = Every choice needs its own key and a Finnish text.
form-no-choices-here = Choices are only for choice questions.
form-min-above-max = The smallest value is larger than the largest.
item-kind-text = Short text
item-kind-long-text = Long text
item-kind-single-choice = One choice
item-kind-multiple-choice = Several choices
item-kind-date = Date
item-kind-number = Number
item-kind-yes-no = Yes or no

mail-subject = OT platform: you have a new notification
mail-body = Hello,

    You have a new notification on the OT platform. Read it by signing in:
    { $link }

    For privacy, this message does not tell what it is about.

    OT platform

# Workflow integrity (issue 12)
request-event-meeting-changed = The meeting changed
request-event-meeting-changed-detail = The meeting changed: { $detail }
request-event-unscheduled = Returned to the secretary's queue without a meeting
request-event-not-discussed = Not reached at the meeting
request-event-not-discussed-detail = Not reached at the meeting of { $detail }
request-done-withdrawn = The request has been withdrawn.
request-done-message = The message has been sent.
request-done-not-discussed = Recorded as not reached, and the requester has been told.
meeting-gone = Meeting of { $date } (no longer in the group's calendar)
meeting-line-cancelled = CANCELLED: { $meeting }
meeting-line-skipped = NOT HELD: { $meeting }
placement-proposed = Proposed meeting: { $meeting }. The secretary confirms the place.
request-meeting-link = The meeting's page
triage-late-reason = Reason
triage-late-reason-hint = Required when the meeting's notice deadline has passed: a late addition is recorded as the secretary's decision.
triage-late-reason-required = The meeting's notice deadline has passed. Write the reason for the late addition.
not-discussed-title = The case was not reached
not-discussed-help = Record it if the meeting did not reach the case. The requester is told.
not-discussed-decision = What becomes of the case?
not-discussed-button = Record as not reached
not-discussed-meeting-ahead = The meeting has not started yet.
decision-keep = The cases stay on the moved meeting.
decision-next = The cases go to the next meetings with free places.
decision-queue = The cases go back to the secretary's queue without a meeting.
queue-proposed = Proposed
agenda-closed = case list closed
agenda-list-closed = The case list is closed: the notice deadline was { $deadline }. Cases are added now only by the secretary's recorded decision.
my-meetings-slot = Your case at { $slot }
my-meetings-proposed = Proposed; the secretary has not confirmed it yet
my-meetings-own-case = Requester, case { $number }
video-link-open = Video link

# The phenomena a request is about (issue 19).
request-phenomena = Which phenomena is the situation about? (optional)
request-phenomena-hint = Choose at most five. The group sees them, and the statistics count them (with nothing about the child).
request-phenomena-too-many = Choose at most five phenomena.
label-phenomena = Phenomena
