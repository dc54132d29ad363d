# Feedback: the professional's close-out survey, and feedback from children, youth and parents through one-time links.

## The close-out survey at the follow-up
survey-title = Close-out survey
survey-help = Your answers are used only in aggregated statistics for developing the OT centre's work. The survey is answered once, with the follow-up.
survey-already-answered = The close-out survey of this request has been answered already. The first answers are kept.
label-survey_useful = Usefulness
label-survey_plan_changed = Change of plan
label-survey_avoided_other = Another referral or visit
label-survey_speed = Speed of help
label-survey_missing = What was missing
audit-action-request-survey = Close-out survey answers

## Feedback links on the case page
feedback-links-title = Feedback from the child, young person or parent
feedback-links-help = After the consultation you can ask the child, young person or parent for feedback with a one-time link. Hand the link over on paper or show it as a QR code. No account is needed to answer.
feedback-links-privacy = Nobody sees individual answers, and nothing about the person answering is stored. The answers are shown only as aggregated statistics.
feedback-links-made = Feedback links you have made
feedback-audience = For whom
feedback-lang = Language
feedback-created = Created
feedback-expires = Valid until
feedback-state = Status
feedback-actions = Actions
feedback-revoke = Revoke link
feedback-create = Create a feedback link
feedback-days = Validity in days
feedback-days-hint = 30 days by default, at most { $max } days.
feedback-days-invalid = Give the validity in whole days (1–90).
feedback-audience-child = Child (about 7–12 years)
feedback-audience-youth = Young person (13–17 years)
feedback-audience-parent = Parent or guardian
feedback-link-state-open = Open
feedback-link-state-used = Answered
feedback-link-state-expired = Expired
feedback-link-limit = This request already has the most feedback links allowed (20).
feedback-link-too-early = A feedback link can be made only once the group has discussed the request.
feedback-link-used = The link has been answered already, so it cannot be revoked.
request-done-feedback-link-revoked = The feedback link was revoked. It can no longer be used.
request-done-feedback-link-replayed = The feedback link had been created already and was shown only once. If the link was lost, revoke it and create a new one.
audit-action-feedback-link-create = Feedback link created
audit-action-feedback-link-revoke = Feedback link revoked
audit-action-feedback-link-used = Feedback link answered

## The new link's page and the printable card
feedback-link-made-title = The feedback link is ready
feedback-link-shown-once = The link is shown only now. Print it or show it to the person answering now; it cannot be shown again later.
feedback-link-print-help = Print the card with the browser's print function (for example Ctrl+P). Only the card is printed.
feedback-card-title-child = Tell us how it felt
feedback-card-title-youth = Tell us what you think
feedback-card-title-parent = Give us feedback
feedback-card-text-child = There are only three questions. You can answer with a phone or a tablet. Nobody asks your name.
feedback-card-text-youth = Three short questions about whether you were heard and whether this helped. You answer anonymously.
feedback-card-text-parent = Three short questions about the consultation. You answer anonymously, and the answers are not linked to you.
feedback-card-scan = Open it with your camera or type the address in a browser.
feedback-card-expires = The link works once, until { $date }.

## The public feedback page
feedback-form-title-child = How did it feel?
feedback-form-title-youth = What did you think?
feedback-form-title-parent = Feedback on the consultation
feedback-form-intro-child = The grown-ups talked about you and thought about how they could help you. For each question, pick the face that best shows how you feel.
feedback-form-intro-youth = Professionals thought about your situation together. Tell us with three choices how it was for you. You can skip a question.
feedback-form-intro-parent = Your child's situation was discussed in a consultation. Please tell us how you found it. There are three questions, and you need not answer them all.
feedback-form-privacy-child = Nobody asks your name. Nobody can see your own answer.
feedback-form-privacy-youth = You answer anonymously. Your answer is counted together with others, and nobody sees it on its own.
feedback-form-privacy-parent = You answer anonymously. The answers are used only in aggregated statistics and are not linked to you.
feedback-send = Send
feedback-answer-one = Answer at least one question.
feedback-used-title = This has been answered already
feedback-expired-title = The link is no longer valid
feedback-used-child = Someone has already answered with this link. Thank you!
feedback-used-youth = This link has been used already. Each link works only once.
feedback-used-parent = This link has been used already. Each link works only once.
feedback-expired-child = This link is too old, and it cannot be used to answer any more.
feedback-expired-youth = The link has expired and can no longer be used to answer.
feedback-expired-parent = The link's validity has ended, and it can no longer be used to answer.
feedback-what-now-child = If you still want to say what you think, ask the grown-up who gave you the link.
feedback-what-now-youth = If you still want to give feedback, ask the worker who gave you the link for a new one.
feedback-what-now-parent = If you still want to give feedback, please ask the worker who gave you the link for a new one.
feedback-unknown-title = Link not found
feedback-unknown = There is no feedback form at this address. Check that the address is typed correctly.
feedback-unknown-what-now = If the address is right, ask the worker who gave it to you for a new link.
feedback-busy-title = Please wait a moment
feedback-busy = { $minutes ->
    [one] Too many wrong addresses have been tried from this device. Please try again in a minute.
   *[other] Too many wrong addresses have been tried from this device. Please try again in { $minutes } minutes.
}
feedback-thanks-title-child = Thank you!
feedback-thanks-title-youth = Thank you for your answer!
feedback-thanks-title-parent = Thank you for your feedback!
feedback-thanks-child = Your answer is saved. It helps the grown-ups help children even better. You can close this page now.
feedback-thanks-youth = Your answer is saved. It helps make services better for young people. You can close this page.
feedback-thanks-parent = Your answer has been saved. It helps us develop support for children and families. You can close this page.
