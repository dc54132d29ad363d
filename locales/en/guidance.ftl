# Service guidance: questions to the OT centre, guidance, follow-up, development needs.
nav-guidance = Service guidance
nav-guidance-ask = Ask the OT centre

guidance-ask-title = Ask the OT centre
guidance-ask-lead = Ask your area's OT centre for advice on a child or young person with the most demanding needs. The OT coordinator answers and, when needed, directs you to the right consultation channel or service.
guidance-no-client-data = Do not write the client's name, identity code or other identifying details. Describe the situation in general terms.
field-guidance-area = Cooperation area
guidance-choose-area = Choose a cooperation area.
field-guidance-question = Question
guidance-question-hint = At most { $max } characters. No identifying details.
guidance-send = Send the question
guidance-mine-title = My questions
guidance-ask-another = Ask another question

guidance-sent-title = Question sent
guidance-sent-body = Your question has been sent to the OT centre. The OT coordinator will answer it.
guidance-sent-body-area = Your question has been sent to the OT centre ({ $area }). The OT coordinator will answer it.
guidance-sent-where = The answer and guidance will appear on the page My questions.
guidance-contact-title = The OT coordinator's contact

guidance-mine-empty = You have not asked the OT centre anything yet.
guidance-asked-on = Asked { $date }
field-guidance-given = Guidance given
field-guidance-directed = Directed to
guidance-answered-on = Answered { $date }
guidance-not-answered-yet = The question has not been answered yet.

guidance-queue-title = Service guidance
guidance-queue-lead = Service-guidance questions: { $areas }.
guidance-record-title = Record a phone or e-mail question
guidance-needs-title = Research and development needs
guidance-open-title = Open questions
guidance-late-rule = Oldest first. A question waiting more than { $days } days is marked late.
guidance-open-empty = No open questions.
guidance-age = Waiting
field-guidance-asker = Asked by
field-guidance-channel = Channel
field-guidance-received = Received
guidance-age-days = { $count ->
    [one] 1 day
   *[other] { $count } days
}
guidance-late = Late
guidance-answered-title = Answered, follow-up open
guidance-answered-empty = No answered open questions.
field-guidance-follow-up-on = Follow-up date
guidance-answer-time = Time to answer
guidance-follow-up-late = Follow-up overdue
guidance-closed-title = Closed (last 50)
guidance-closed-empty = No closed questions.
guidance-closed-on = Closed

guidance-asker-hint = For example profession and organisation. No client details.
guidance-received-hint = The day and time the question came in.

guidance-question-title = Service-guidance question
guidance-late-notice = { $count ->
    [one] The question has waited 1 day for an answer and is late.
   *[other] The question has waited { $count } days for an answer and is late.
}
guidance-follow-up-late-notice = the follow-up date { $date } has passed.
guidance-answered = Answered
guidance-answer-title = Guidance
guidance-given-hint = What you advised or where you directed the asker. No identifying details.
field-guidance-directed-group = Directed to a consultation group
guidance-no-group = No group
field-guidance-directed-note = Other direction
guidance-directed-note-hint = For example an expert or another service.
field-guidance-follow-up-note = Follow-up note
guidance-save-answer = Save the guidance
guidance-close = Close the question

guidance-needs-lead = Research and development needs noticed in cases, listed for the network. No client data.
guidance-need-new = Record a new need
field-guidance-need = Need
guidance-need-hint = At most { $max } characters. No client data.
field-guidance-phenomena = Phenomena
guidance-needs-list = Recorded needs
guidance-needs-empty = No needs recorded yet.
guidance-recorded-on = Recorded

guidance-contact-lead = The area OT coordinator's contact is shown on the public pages.
guidance-contact-none = not set
field-guidance-contact-name = Name

guidance-status-open = Open
guidance-status-answered = Answered
guidance-status-follow-up-due = Follow-up due
guidance-status-closed = Closed
guidance-channel-platform = Platform
guidance-channel-phone = Phone
guidance-channel-email = E-mail
guidance-channel-other = Other

guidance-required = This is missing.
guidance-too-long = The text is too long.
guidance-no-identity-code = The text contains something that looks like a personal identity code. Remove it: the OT centre does not accept identifying data through this form.
guidance-choose-channel = Choose a channel.
guidance-bad-time = Give the day and time.
guidance-time-in-future = The time received cannot be in the future.
guidance-already-closed = The question is already closed.
guidance-choose-group = Choose one of the area's consultation groups.
guidance-bad-date = Give the date as yyyy-mm-dd.
guidance-unknown-phenomenon = Unknown phenomenon.
guidance-bad-phone = Give the phone number in digits, e.g. 040 123 4567.
guidance-bad-email = Give the e-mail address as name@organisation.fi.
guidance-contact-needs-way = Give a phone number or an e-mail address.

guidance-hours = { $count ->
    [one] 1 hour
   *[other] { $count } hours
}
guidance-days = { $count ->
    [one] 1 day
   *[other] { $count } days
}

done-guidance-recorded = The question has been recorded.
done-guidance-saved = The guidance has been saved.
done-guidance-closed = The question has been closed.
done-guidance-need-saved = The development need has been recorded.
done-guidance-contact-saved = The contact has been saved.

home-shortcut-guidance = Your area's service-guidance questions, follow-ups and development needs.
home-shortcut-guidance-ask = Ask the OT centre for advice and read the guidance you got.
guidance-changed-meanwhile = A colleague saved or closed the question after you opened the page. What they saved is shown above; your text is below, not saved. Check it and save again.
