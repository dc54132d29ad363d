# OT screening and service guidance (screenings)
nav-screenings = OT screening
screenings-title = OT screenings
screenings-lead = In the OT screening a multi-professional team assesses whether the situation of the child or young person calls for support at the OT level (the most demanding level). The result is a recommendation to consult, not a decision about the child.
screenings-mine = Your own and shared screenings
screenings-none = You have no screenings yet.
screening-new = Start a screening
screening-start = Start
screening-name = Screening { $id }
screening-number = Screening
screening-started = Started
screening-owner = Started by
screening-age = Age of the child or young person
screening-age-unknown = Not given
screening-language = The family's language
screening-language-fi = Finnish
screening-language-sv = Swedish
screening-language-en = English
screening-language-other = another language
screening-no-identity = Do not write the names or personal identity codes of the child or family members in the screening. The screening is identified by a number.
screening-instrument = Screening form
screening-status-open = In progress
screening-status-done = Finished
screening-open = In progress
screening-result = Result
screening-outcome-indicated = OT-level support is indicated
screening-outcome-consider = Consider OT-level support
screening-outcome-not-indicated = No need for OT-level support shows
screening-level-line = Level of support: { $level }
level-perustaso = basic level
level-erityistaso = specialised level
level-ot-taso = OT level
screening-score-line = Score { $score } (consider from { $consider } points, OT level from { $indicated } points).
screening-provisional = { $count ->
    [one] The result is provisional: one required question is unanswered.
   *[other] The result is provisional: { $count } required questions are unanswered.
}
screening-unmet = OT-level support also requires these answers, which have not been given:
screening-reasons = What the result is based on
screening-reason = { $item }: { $answer } ({ $weight }) – { $who }
screening-phenomena = Phenomena the answers point to
screening-differing = The team's views differ on these questions (the result uses the most concerning answer):
screening-not-a-decision = The result is a recommendation to consult, not a decision about the child. The professionals consider the next steps together with the family.
screening-see-guidance = See the suggested channels and experts
screening-finish = Mark as finished
screening-reopen = Reopen
screening-requests = Consultation requests made from the screening
screening-request-link = Request { $id }
screening-changed-under = The answers have changed since you opened the page. Check the updated result and mark the screening as finished again.
screening-my-answers = Your answers
screening-answers-lead = Answer from the point of view of your own work. Your colleagues' answers are shown under each question; everyone saves only their own.
screening-others-said = Others' answers
screening-views-differ = views differ
screening-comment = Your note (optional)
screening-comment-hint = At most 2,000 characters. No names or personal identity codes.
screening-save-answers = Save the answers
screening-team = Team
screening-invite-username = Invite a colleague (user name)
screening-invite-hint = For example a professional in school, social services or health care who has an account on the platform.
screening-invite = Invite
screening-invite-unknown = No active account has this user name.
screening-invite-not-professional = Only professionals can be invited to a screening (not, for example, researchers or administrators).
screening-finished = The screening has been marked as finished. The person who started it can reopen it.
screening-no-identity-code = The text contains a string that looks like a personal identity code. No identifying data is recorded in a screening.
screening-text-invalid = The text contains characters that cannot be stored.
screening-json-invalid = The definition is not valid JSON.
screening-yes-no-options = A yes/no question must have exactly the options "yes" and "no".
screening-weight-range = The weight must be between −100 and 100 (a phenomenon's threshold at least 1).
screening-unknown-phenomenon = Unknown phenomenon code.
screening-thresholds-order = The threshold for considering cannot be higher than the OT-level threshold.
screening-unknown-item = The condition refers to a question that is not in the form.
screening-unknown-option = The condition refers to an option that is not in the question.
screening-platform-version = the platform's default version
label-own_note = Your note
label-username = User name
done-screening-started = The screening has been started. Answer the questions and invite the other members of the team.
done-screening-answers-saved = Your answers have been saved and the result updated.
done-screening-invited = The colleague has been added to the team.
done-screening-already-member = The colleague was already in the team.
done-screening-finished = The screening has been marked as finished; the result has been saved.
done-screening-reopened = The screening has been reopened.
done-instrument-saved = A new version has been saved. New screenings use it; earlier ones keep their own version.
done-request-from-screening = A draft consultation request has been made from the screening's answers. Check and complete the texts before sending it.
suggest-title = Suggested consultation channels and experts
suggest-provisional = The result is provisional because required questions are unanswered: the suggestions may change.
suggest-no-phenomena = The answers do not yet point to any phenomenon, so no channels or experts can be suggested. You can search for yourself in the expert search.
suggest-from-neighbours = Nothing suitable was found in your own cooperation area, so the suggestions come from neighbouring areas and over a remote connection.
suggest-channels = Consultation channels
suggest-no-channels = No suitable channel was found with a meeting you could still make.
suggest-experts = Experts
suggest-no-experts = No suitable experts were found.
suggest-open-request = Make a consultation request
suggest-open-request-to = Make a consultation request to the channel { $name }
suggest-left-out = What was left out
suggest-left-no-meeting = { $count ->
    [one] One suitable channel with no meeting whose notice deadline you could still make and that still has free places.
   *[other] { $count } suitable channels with no meeting whose notice deadline you could still make and that still has free places.
}
suggest-left-not-admitted = { $count ->
    [one] One suitable channel does not take requests from your area or sector.
   *[other] { $count } suitable channels do not take requests from your area or sector.
}
suggest-left-paused = { $count ->
    [one] One suitable expert is paused.
   *[other] { $count } suitable experts are paused.
}
suggest-why-phenomena = Phenomena: { $names }
suggest-why-county = Serves your own wellbeing services county
suggest-why-area = From your own cooperation area
suggest-why-neighbour = From a neighbouring area: { $area }
suggest-why-remote = Remote consultation possible
suggest-why-language = Works in: { $language }
suggest-why-no-language = Does not mention the language: { $language }
suggest-why-level = Serves the level: { $level }
suggest-why-meeting = Next meeting { $day }, notice by { $deadline }, { $free } places free
instrument-edit = Edit the screening form
instrument-edit-for = Version: { $area }
instrument-edit-lead = The form is stored in a format with sections, questions, the options' weights and phenomena, and decision rules (thresholds and required answers). Every save is a new version; screenings already started keep their version and result.
instrument-definition = The form's definition (JSON)
instrument-definition-hint = Texts in Finnish (fi), Swedish (sv) and English (en). Weights −100…100; phenomena as taxonomy codes.
instrument-save = Save a new version
instrument-conflict = Someone saved a new version of the form after you opened the page. Your changes are below; open the page again to see the latest version before saving.
instrument-history = Versions
instrument-history-none = This area has no version of its own yet: the platform's default version is in use.
instrument-version = version { $version }
home-shortcut-screenings = Recognise OT-level needs with your team and find the right consultation channel.
expert-levels-hint = At which level of need the expert can be consulted. Service guidance uses this in its suggestions.
expert-levels-save = Save the levels
request-need-level = Level of need (the requester's view)
request-concluded-level = Level of need (the group's conclusion)
request-level-none = Not assessed
request-from-screening = Made from screening
suggest-uncovered = None of the suggested channels takes these phenomena: { $names }. See the experts below or ask the OT centre.
suggest-ask-ot-centre = Ask the OT centre
screening-finish-incomplete = The screening cannot be finished while required questions are unanswered (listed with the result). The team answers them first.
suggest-no-area = The account of whoever started the screening has no cooperation area, so channels and experts cannot be suggested by area. Ask the administrator to add the area, or ask the OT centre.
screening-awaits-you = awaiting your answers
