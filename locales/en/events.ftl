# Events (webinars, trainings, forum series) and my learning.

events-nav = Events
events-nav-learning = My learning
events-title = Events
events-lead = Webinars, trainings and forum series of the OT centres for professionals. Public events can also be joined without an account, by e-mail.
events-new = New event
events-edit = Edit the event
events-calendar-feed = Event calendar (iCalendar)
events-calendar-name = OT platform: events
events-tabs = Coming and past events
events-coming = Coming events
events-past = Past events
events-none = No events.
events-filter = Filter
events-any-kind = All kinds
events-any-phenomenon = All phenomena
events-series = Forum series: { $name }
events-series-other = The series' other sessions
events-kind-webinar = Webinar
events-kind-training = Training
events-kind-forum = Forum
events-visibility-public = Public (shown to everyone)
events-visibility-professionals = Signed-in professionals only
events-professionals-only = Signed-in users only
events-national = National
events-online = Online
events-cancelled = Cancelled
events-cancelled-notice = The event has been cancelled.
events-seats-free = { $count ->
    [one] 1 seat free
   *[other] { $count } seats free
}
events-seats-full = Full – new registrations go to the waitlist
events-field-kind = Kind of event
events-field-title = Title
events-field-series = Forum series
events-hint-series = Sessions of one series are shown together. Leave empty if the event is not part of a series.
events-field-description = Description
events-hint-description = An empty line starts a new paragraph.
events-field-when = Time
events-field-starts = Starts
events-field-ends = Ends
events-hint-time = Finnish time (Europe/Helsinki).
events-field-place = Place
events-field-online-url = Online meeting link
events-hint-online-url = Shown to registered participants only, never on the public page.
events-field-organiser = Organiser
events-field-responsible = Responsible person
events-hint-responsible = A user name; empty = you (or the current responsible person).
events-field-area = Cooperation area
events-field-phenomena = Phenomena
events-field-capacity = Seats
events-field-registration-open = Registration is open
events-field-deadline = Registration closes
events-field-visibility = Visibility
events-field-recording = Recording link
events-hint-recording = Add after the event; shown on the past event's page.
events-field-name = Name
events-field-email = E-mail
events-field-organisation = Organisation
events-optional = Optional.
events-save = Save
events-online-link = Link to join
events-recording = Watch the recording
events-add-to-calendar = Add to calendar (.ics)
events-registration = Registration
events-register = Register
events-unregister = Cancel my registration
events-status-registered = You are registered.
events-waitlist-position = You are number { $position } on the waitlist.
events-login-hint = A professional with an account:
events-login = sign in and register with one click
events-signup-title = Register by e-mail
events-signup-lead = You will get a confirmation link by e-mail. The registration counts once you confirm it within 48 hours.
events-signup-button = Send the confirmation link
events-manage = For the organiser
events-attendance = Participants and attendance
events-cancel-event = Cancel the event
events-closed-cancelled = The event has been cancelled.
events-closed-started = The event has started; registration is closed.
events-closed-not-open = Registration is not open.
events-closed-deadline = The registration period has ended.
events-error-end-before-start = The end must be after the start.
events-error-too-long = An event can last two weeks at most.
events-error-deadline-after-start = Registration must close by the event's start.
events-error-too-long-text = The text is too long.
events-error-time = Give the time as dd.mm.yyyy hh.mm.
events-error-place = Give a place or an online meeting link.
events-error-url = Give a link starting with https://.
events-error-capacity = Give the number of seats (at least 1).
events-error-capacity-below-taken = There cannot be fewer seats than registered participants.
events-error-user = No user has this user name.
events-error-email = Give a working e-mail address.
done-events-saved = The event has been saved.
done-events-cancelled = The event has been cancelled and the participants told.
done-events-closed = Registration is not open.
done-events-registered = You are registered. Welcome!
done-events-waitlisted = The event is full: you are on the waitlist. You will be told if a seat opens.
done-events-already = You are already registered for this event.
done-events-unregistered = Your registration has been cancelled.
done-events-check-mail = We sent a confirmation link to the address you gave. If the address was registered already, you get a message with a cancel link instead.
done-events-attendance-saved = Attendance saved.
done-events-attendance-early = Attendance can be marked once the event has started.
events-confirm-title = Confirm your registration
events-confirm-text = Confirm your registration for { $title } ({ $when }).
events-confirm-button = Confirm the registration
events-confirmed-title = Registration confirmed
events-confirmed-seat = You are registered for { $title }. We sent you a confirmation with a cancel link.
events-confirmed-waitlist = { $title } is full: you are number { $position } on the waitlist. You will get an e-mail if a seat opens.
events-link-title = The link does not work
events-link-unknown = The link has been used already or is not known. If your registration was confirmed, you need not do anything.
events-link-expired = The link has expired. You can register again on the event's page: { $link }
events-cancel-title = Cancel your registration
events-cancel-text = Do you want to cancel your registration for { $title } ({ $when })?
events-cancel-button = Cancel the registration
events-unregistered-title = Registration cancelled
events-unregistered-text = Your registration has been cancelled. The seat goes to the next person on the waitlist.
events-waiting-count = { $count } on the waitlist.
events-no-participants = No registered participants.
events-attendance-legend = Mark who attended
events-outside = without an account
events-certificate-title = Certificate of participation
events-certificate-attended = has attended
events-certificate-hours = Duration { $hours } hours
events-certificate-organiser = Organiser: { $organiser }
events-certificate-note = Printed from the OT platform.
events-certificate-page = page { $n } / { $total }
events-certificate-link = Certificate of participation (PDF)
events-certificate-of = Certificate: { $title }
events-recording-available = recording available
events-learning-title = My learning
events-learning-lead = The events you registered for, those you attended, and your certificates.
events-learning-coming = My coming events
events-learning-coming-none = You have not registered for coming events.
events-learning-attended = Events I attended
events-learning-attended-none = No attendance yet.
events-learning-certificates = Certificates
events-learning-certificates-none = No certificates.
events-sector-unknown = Not known
events-mail-confirm-subject = Confirm your registration: { $title }
events-mail-confirm-body = Hello,

    please confirm your registration for { $title } ({ $when }) with this link within 48 hours:
    { $link }

    If you did not register, you can ignore this message.

    OT platform
events-mail-already-subject = You are already registered: { $title }
events-mail-already-body = Hello,

    this address is already registered for { $title } ({ $when }). To cancel the registration, use this link:
    { $link }

    OT platform
events-mail-registered-subject = Registration confirmed: { $title }
events-mail-registered-body = Hello,

    you are registered for { $title } ({ $when }).
    The event: { $page }
    If you cannot come, cancel here so that the seat goes to someone else:
    { $link }

    OT platform
events-mail-waitlisted-subject = You are on the waitlist: { $title }
events-mail-waitlisted-body = Hello,

    { $title } ({ $when }) is full and you are on the waitlist. You will be told if a seat opens.
    You can cancel here:
    { $link }

    OT platform
events-mail-promoted-subject = You got a seat: { $title }
events-mail-promoted-body = Hello,

    a seat opened: you are now registered for { $title } ({ $when }).
    The event: { $page }

    OT platform
events-mail-reminder-subject = Reminder: { $title }
events-mail-reminder-body = Hello,

    a reminder: { $title } starts { $when }.
    The event: { $page }

    OT platform
events-mail-cancelled-subject = Event cancelled: { $title }
events-mail-cancelled-body = Hello,

    { $title } ({ $when }) has been cancelled. We are sorry.

    OT platform
