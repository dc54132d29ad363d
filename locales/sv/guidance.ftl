# Servicehandledning: frågor till OT-centret, handledning, uppföljning, utvecklingsbehov.
nav-guidance = Servicehandledning
nav-guidance-ask = Fråga OT-centret

guidance-ask-title = Fråga OT-centret
guidance-ask-lead = Fråga OT-centret i ditt område om råd i ärenden som gäller barn och unga med de mest krävande behoven. OT-koordinatorn svarar och hänvisar vid behov till rätt konsultationskanal eller tjänst.
guidance-no-client-data = Skriv inte klientens namn, personbeteckning eller andra identifieringsuppgifter. Beskriv situationen på ett allmänt plan.
field-guidance-area = Samarbetsområde
guidance-choose-area = Välj samarbetsområde.
field-guidance-question = Fråga
guidance-question-hint = Högst { $max } tecken. Utan identifieringsuppgifter.
guidance-send = Skicka frågan
guidance-mine-title = Mina frågor
guidance-ask-another = Ställ en ny fråga

guidance-sent-title = Frågan har skickats
guidance-sent-body = Din fråga har skickats till OT-centret. OT-koordinatorn svarar på den.
guidance-sent-body-area = Din fråga har skickats till OT-centret ({ $area }). OT-koordinatorn svarar på den.
guidance-sent-where = Svaret och handledningen visas på sidan Mina frågor.
guidance-contact-title = OT-koordinatorns kontaktuppgifter

guidance-mine-empty = Du har ännu inte frågat OT-centret.
guidance-asked-on = Frågat { $date }
field-guidance-given = Given handledning
field-guidance-directed = Hänvisat
guidance-answered-on = Besvarat { $date }
guidance-not-answered-yet = Frågan har ännu inte besvarats.

guidance-queue-title = Servicehandledning
guidance-queue-lead = Servicehandledningens frågor: { $areas }.
guidance-record-title = Registrera en fråga per telefon eller e-post
guidance-needs-title = Forsknings- och utvecklingsbehov
guidance-open-title = Öppna frågor
guidance-late-rule = Äldsta först. En fråga som väntat över { $days } dagar är markerad som försenad.
guidance-open-empty = Inga öppna frågor.
guidance-age = Väntat
field-guidance-asker = Frågeställare
field-guidance-channel = Kontaktsätt
field-guidance-received = Mottagen
guidance-age-days = { $count ->
    [one] 1 dag
   *[other] { $count } dagar
}
guidance-late = Försenad
guidance-answered-title = Besvarade, uppföljning pågår
guidance-answered-empty = Inga besvarade öppna frågor.
field-guidance-follow-up-on = Uppföljningsdag
guidance-answer-time = Svarstid
guidance-follow-up-late = Uppföljningen är försenad
guidance-closed-title = Stängda (de senaste 50)
guidance-closed-empty = Inga stängda frågor.
guidance-closed-on = Stängd

guidance-asker-hint = Till exempel yrke och organisation. Inga klientuppgifter.
guidance-received-hint = Dag och klockslag då frågan kom.

guidance-question-title = Fråga till servicehandledningen
guidance-late-notice = { $count ->
    [one] Frågan har väntat på svar i 1 dag och är försenad.
   *[other] Frågan har väntat på svar i { $count } dagar och är försenad.
}
guidance-follow-up-late-notice = uppföljningsdagen { $date } har passerat.
guidance-answered = Besvarad
guidance-answer-title = Handledning
guidance-given-hint = Vad du rådde eller vart du hänvisade. Inga identifieringsuppgifter.
field-guidance-directed-group = Hänvisad till konsultationsgrupp
guidance-no-group = Ingen grupp
field-guidance-directed-note = Annan hänvisning
guidance-directed-note-hint = Till exempel en expert eller en annan tjänst.
field-guidance-follow-up-note = Anteckning om uppföljningen
guidance-save-answer = Spara handledningen
guidance-close = Stäng frågan

guidance-needs-lead = Forsknings- och utvecklingsbehov som upptäckts i ärenden, för nätverkets kännedom. Inga klientuppgifter.
guidance-need-new = Registrera ett nytt behov
field-guidance-need = Behov
guidance-need-hint = Högst { $max } tecken. Inga klientuppgifter.
field-guidance-phenomena = Fenomen
guidance-needs-list = Registrerade behov
guidance-needs-empty = Inga behov har registrerats ännu.
guidance-recorded-on = Registrerat

guidance-contact-lead = Områdets OT-koordinators kontaktuppgifter visas på de offentliga sidorna.
guidance-contact-none = inte angivet
field-guidance-contact-name = Namn

guidance-status-open = Öppen
guidance-status-answered = Besvarad
guidance-status-follow-up-due = Uppföljning aktuell
guidance-status-closed = Stängd
guidance-channel-platform = Plattformen
guidance-channel-phone = Telefon
guidance-channel-email = E-post
guidance-channel-other = Annat

guidance-required = Uppgiften saknas.
guidance-too-long = Texten är för lång.
guidance-no-identity-code = Texten innehåller något som ser ut som en personbeteckning. Ta bort det: OT-centret tar inte emot identifieringsuppgifter via detta formulär.
guidance-choose-channel = Välj kontaktsätt.
guidance-bad-time = Ange dag och klockslag.
guidance-time-in-future = Mottagningstiden kan inte ligga i framtiden.
guidance-already-closed = Frågan har redan stängts.
guidance-choose-group = Välj en av områdets konsultationsgrupper.
guidance-bad-date = Ange datumet i formen åååå-mm-dd.
guidance-unknown-phenomenon = Okänt fenomen.
guidance-bad-phone = Ange telefonnumret med siffror, t.ex. 040 123 4567.
guidance-bad-email = Ange e-postadressen i formen namn@organisation.fi.
guidance-contact-needs-way = Ange ett telefonnummer eller en e-postadress.

guidance-hours = { $count ->
    [one] 1 timme
   *[other] { $count } timmar
}
guidance-days = { $count ->
    [one] 1 dag
   *[other] { $count } dagar
}

done-guidance-recorded = Frågan har registrerats.
done-guidance-saved = Handledningen har sparats.
done-guidance-closed = Frågan har stängts.
done-guidance-need-saved = Utvecklingsbehovet har registrerats.
done-guidance-contact-saved = Kontaktuppgifterna har sparats.

home-shortcut-guidance = Servicehandledningens frågor i ditt område, uppföljning och utvecklingsbehov.
home-shortcut-guidance-ask = Fråga OT-centret om råd och läs handledningen du fått.
guidance-changed-meanwhile = En kollega sparade eller stängde frågan efter att du öppnade sidan. Det kollegan sparade syns ovan; din text finns nedan osparad. Kontrollera och spara igen.
