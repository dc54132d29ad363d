audit-problem-removal-unsigned = The log says entries 1–{ $seq } were removed by retention, but no removal record is signed with this installation's key: they were deleted outside the retention job.
audit-problem-removal-other = The log says entries 1–{ $seq } were removed, but the signed removal record names entry { $recorded }.
audit-problem-removal-young = The log says entries 1–{ $seq } were removed, but the last removed entry was written at { $at }, less than 12 years ago.
audit-problem-removal-pinned = The log says entries 1–{ $seq } were removed, but the checkpoint of { $at }, less than 12 years ago, pinned entry { $pinned }.
audit-problem-removal-left = The log says entries 1–{ $seq } were removed, but entry { $left } is still there.
access-extract-title = Access-log extract for the client: request { $id }
access-extract-lead = Clients have the right to know who has processed their data, when and on what basis (Act on the processing of client data in social and health care 703/2023, section 11). The extract lists every access-log entry about this request's data in the chosen period. Producing the extract is itself logged.
access-extract-from = From
access-extract-to = To
access-extract-show = Show the extract
access-extract-count = { $n ->
    [one] There is one entry in the chosen period.
   *[other] There are { $n } entries in the chosen period.
}
access-extract-pdf = Download PDF
access-extract-csv = Download CSV
access-extract-empty = There are no entries in the chosen period.
access-extract-caption = Access-log entries
access-extract-when = Time
access-extract-who = User
access-extract-role = Role
access-extract-action = Event
access-extract-basis = Purpose and basis
access-extract-outcome = Outcome
access-extract-back = Back to the request
access-extract-period = Period
access-extract-produced = Extract produced
access-extract-page = page
access-extract-nobody = (no signed-in user)
access-extract-link = Access-log extract for the client
access-extract-pseudonymous = An access-log extract can be produced only for an identified request: a pseudonymous request cannot be tied to the client.
access-extract-period-order = The end date must be the same as or later than the start date.
access-extract-too-long = There are more than 20 000 entries in the chosen period: split the extract into shorter periods.
audit-basis-consultation = Consultation (handling the client's case)
audit-basis-screening = OT screening
audit-basis-access-report = Report under the right of access
audit-basis-client-s-right-of-access = The client's right of access
audit-action-request-access-extract = Access-log extract for the client
