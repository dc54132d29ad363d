nav-requests = Konsultationsförfrågningar
required = obligatoriskt
system = systemet
all-statuses = Alla lägen
field-number-range = Talet ligger utanför det tillåtna intervallet.
months = { $count ->
    [one] om 1 månad
   *[other] om { $count } månader
}

requests-title = Konsultationsförfrågningar
requests-lead = Be en mångprofessionell konsultationsgrupp om hjälp i en krävande klientsituation. Ärendet behandlas utan att barnet identifieras, om det inte finns samtycke eller lagstadgad grund för identifiering.
request-new = Ny konsultationsförfrågan
requests-mine = Mina förfrågningar
requests-none = Du har inga förfrågningar ännu.
requests-queues = Grupper där du är sekreterare
requests-on-agendas = Ärenden på mina gruppers möten
requests-area = Områdets förfrågningar
requests-area-help = Koordinatorns översikt: förfrågningarnas lägen utan innehåll.
requests-filter = Avgränsa förfrågningarna
requests-search = Sök med nummer eller ord
request-number = Nummer
request-question = Fråga
request-meeting = Möte
request-updated = Uppdaterad
request-your-turn = väntar på dig

request-status-draft = Utkast
request-status-submitted = Skickad, väntar på behandling
request-status-more-info = Mer information begärd
request-status-accepted = Godkänd för ett möte
request-status-discussed = Behandlad, väntar på bekräftelse
request-status-follow-up = Uppföljning
request-status-closed = Avslutad
request-status-declined = Avslagen
request-status-withdrawn = Återtagen

request-event-created = Utkastet påbörjat
request-event-submitted = Förfrågan skickad
request-event-resubmitted = Tilläggsuppgifter skickade
request-event-accepted = Godkänd för ett möte
request-event-accepted-detail = Godkänd för mötet { $detail }
request-event-rescheduled = Flyttad till ett annat möte
request-event-rescheduled-detail = Flyttad till mötet { $detail }
request-event-more-info-asked = Mer information begärd
request-event-redirected = Hänvisad till en annan grupp
request-event-redirected-detail = Hänvisad till gruppen { $detail }
request-event-declined = Avslagen
request-event-withdrawn = Återtagen
request-event-outcome-recorded = Rekommendationerna antecknade
request-event-confirmed = Rekommendationerna bekräftade
request-event-confirmed-detail = Rekommendationerna bekräftade, uppföljning { $detail }
request-event-follow-up-reported = Uppföljningen rapporterad, förfrågan avslutad

request-done-saved = Utkastet har sparats. Du kan fortsätta senare.
request-done-submitted = Förfrågan har skickats till gruppens sekreterare.
request-done-accepted = Förfrågan har godkänts för ett möte och den som frågade har meddelats.
request-done-asked = Begäran om mer information har skickats.
request-done-declined = Förfrågan har avslagits och orsaken har meddelats.
request-done-redirected = Förfrågan har hänvisats till en annan grupp.
request-done-outcome = Rekommendationerna har antecknats. Den som frågade bekräftar dem.
request-done-confirmed = Rekommendationerna har bekräftats och uppföljningen är avtalad.
request-done-closed = Uppföljningen har rapporterats och förfrågan har avslutats. Tack!

request-form-title = Förhandsuppgifter
request-form-to = Konsultationsförfrågan till { $group }
request-next-meeting = Om du skickar förfrågan nu behandlas den på mötet { $meeting }, om gruppen har plats.
request-pseudonymous = Skriv inte namn, personbeteckningar eller andra uppgifter som kan identifiera barnet eller familjen. Identifierande uppgifter ges endast nedan, om det finns samtycke eller lagstadgad grund.
request-secretary-asks = Sekreteraren ber om mer information:
request-identification = Identifierande uppgifter
request-identification-hint = Konsultationen görs i regel utan att barnet identifieras. För identifiering behövs vårdnadshavarens eller den ungas samtycke eller en lagstadgad grund.
identification-none = Inga identifierande uppgifter (pseudonym behandling)
identification-consent = Identifierande uppgifter med samtycke
identification-statutory = Identifierande uppgifter med stöd av lag
request-basis-note = Grund
request-basis-note-hint = Till exempel: "Vårdnadshavarens skriftliga samtycke 12.11.2026" eller "Barnskyddslagen 14 §".
request-basis-required = Anteckna samtycket eller den lagliga grunden.
request-hetu = Barnets personbeteckning
request-hetu-hint = Endast när det finns grund för identifiering. Beteckningen sparas krypterad och syns bara för dig och gruppens sekreterare.
request-hetu-stored = Personbeteckningen har sparats krypterad. Skriv en ny bara om du vill ersätta den.
request-hetu-needs-basis = En personbeteckning kan inte ges utan samtycke eller laglig grund.
request-hetu-required = Ange personbeteckningen eller välj pseudonym behandling.
hetu-length = En personbeteckning har 11 tecken.
hetu-not-digits = Personbeteckningens födelsedatum och individnummer består av siffror.
hetu-invalid-century-sign = Personbeteckningens skiljetecken ska vara något av + - Y X W V U A B C D E F.
hetu-invalid-date = Personbeteckningens födelsedatum är inte ett riktigt datum.
hetu-invalid-individual-number = Personbeteckningens individnummer ska vara 002–999.
hetu-invalid-check = Personbeteckningens kontrolltecken stämmer inte.
hetu-temporary-not-allowed = En tillfällig personbeteckning kan inte användas här.
request-save-draft = Spara utkast
request-submit = Skicka förfrågan
request-not-editable = Förfrågan kan inte längre ändras.
request-not-eligible = Den här gruppen tar emot förfrågningar endast från de områden och sektorer som nämns på gruppens sida. Sök en lämplig kanal i expertsökningen.
request-wrong-state = Förfrågan är inte i ett läge där detta är möjligt.
request-changed = Någon annan behandlade just förfrågan. Ladda om sidan.

request-title = Konsultationsförfrågan #{ $number }
request-requester = Frågeställare
request-follow-up-due = Uppföljning
request-edit = Redigera förfrågan
request-withdraw = Återta förfrågan
request-show-identity = Visa personbeteckningen
request-identity-shown = Personbeteckning (visningen har antecknats i användningsloggen):
request-answers = Förhandsuppgifter
request-outcome = Konsultationens resultat
request-history = Skeden
attachments = Bilagor
attachment-add = Lägg till en bilaga
attachment-hint = PDF, Word (docx), Excel (xlsx), OpenDocument (odt), text, PNG eller JPEG; högst 5 MB, sammanlagt 20 MB. Ta bort identifierande uppgifter ur bilagorna.
attachment-upload = Skicka bilagan
attachment-delete = Ta bort { $name }
attachment-missing = Välj en fil.
attachment-too-large = Bilagan är för stor (högst 5 MB).
attachment-total-too-large = Bilagorna är sammanlagt för stora (högst 20 MB).
attachment-type = Den här filtypen kan inte bifogas, eller filens innehåll motsvarar inte dess ändelse.

placement-on = { $meeting }
placement-deadline-passed = Tidsfristen för mötet { $date } hade gått ut.
placement-full = Mötet { $date } var fullt.
placement-not-held = Mötet { $date } hålls inte.
placement-none = De kommande mötena har ingen plats eller tidsfristerna har gått ut; sekreteraren avtalar en tid.
placement-late = Tagen med efter tidsfristen genom sekreterarens beslut.
placement-late-short = sen

triage-title = Sekreterarens behandling
triage-meeting = Möte
triage-meeting-hint = Efter tidsfristen kan förfrågan tas med på ett möte bara genom sekreterarens beslut; det antecknas.
triage-as-placed = Det möte förfrågan placerades på
triage-meeting-choice = { $meeting } ({ $free } lediga)
triage-late = tidsfristen har gått ut
triage-accept = Godkänn för mötet
triage-ask-question = Fråga till frågeställaren
triage-ask = Be om mer information
triage-redirect-to = Hänvisa till gruppen
triage-reason = Motivering till frågeställaren
triage-redirect = Hänvisa till en annan grupp
triage-decline-reason = Orsak till avslaget
triage-decline = Avslå förfrågan
triage-choose-meeting = Välj ett möte.
triage-meeting-full = Mötet är fullt. Välj ett annat möte eller öka gruppens kapacitet.
triage-no-such-meeting = Välj ett kommande möte som hålls.
triage-choose-group = Välj gruppen som förfrågan hänvisas till.

outcome-record-title = Anteckna konsultationens resultat
outcome-record-help = Anteckna gruppens sammanfattning och rekommendationer: vad som görs, vem som ansvarar och när. Frågeställaren bekräftar dem.
outcome-summary = Sammanfattning
outcome-recommendations = Rekommendationer
outcome-action = Åtgärd
outcome-action-n = Rekommendation { $n }
outcome-responsible = Ansvarig
outcome-due = Senast
outcome-result = Genomförande
outcome-save = Spara rekommendationerna
outcome-action-required = Skriv en åtgärd för varje rekommendation.
outcome-responsible-required = Skriv en ansvarig för varje rekommendation.
outcome-at-least-one = Anteckna minst en rekommendation.
outcome-too-many = Högst 20 rekommendationer.
outcome-meeting-not-held = Mötet har inte börjat ännu: rekommendationerna antecknas efter mötet.
outcome-requester-record = Frågeställarens egen anteckning

confirm-title = Bekräfta rekommendationerna
confirm-help = Kontrollera gruppens rekommendationer, gör din egen anteckning och välj när du berättar vad som genomfördes.
confirm-record-hint = Till exempel vad du kom överens om med familjen och nätverket.
confirm-follow-up = Uppföljning
confirm-button = Bekräfta
followup-title = Uppföljning
followup-help = Berätta vilka rekommendationer som genomfördes och vad som förändrades. Därefter avslutas förfrågan.
followup-why = Varför inte (eller delvis)
followup-why-required = Berätta kort varför rekommendationen inte genomfördes helt.
followup-what-changed = Vad förändrades
followup-button = Skicka uppföljningen och avsluta
recommendation-outcome-implemented = Genomfördes
recommendation-outcome-partly = Genomfördes delvis
recommendation-outcome-not-implemented = Genomfördes inte

messages-title = Meddelanden
messages-help = En säker kanal mellan frågeställaren och gruppens sekreterare. E-posten får bara ett meddelande om att det finns något nytt, inte innehållet.
messages-none = Inga meddelanden.
messages-new = Nytt meddelande
messages-send = Skicka meddelandet

queue-title = Kö: { $group }
queue-meetings = Kommande möten
queue-placed = Platser i bruk
queue-full = full
queue-waiting = Väntar på behandling
queue-more-info = Väntar på mer information
queue-accepted = Godkända
queue-empty = Inga förfrågningar.
queue-submitted = Skickad
queue-no-meeting = inget möte
queue-urgent = brådskande

agenda-title = Föredragningslista
agenda-open = Föredragningslista
agenda-heading = { $group }: föredragningslista { $date }
agenda-back = Mötet
agenda-print-hint = Skriv ut listan med webbläsarens utskriftsfunktion.
agenda-cases = Ärenden
agenda-no-cases = Inga ärenden har godkänts för mötet ännu.
agenda-slot = Tid
agenda-requester = Frågeställare
agenda-up = Flytta #{ $number } uppåt
agenda-down = Flytta #{ $number } nedåt
agenda-attendance = Deltagare
agenda-present = Närvarande
agenda-save-attendance = Spara närvaron
agenda-was-present = närvarande

form-editor-link = Förhandsuppgifter
form-editor-title = Förhandsuppgifter: { $group }
form-version = Version { $version }.
form-versions-help = Varje ändring sparas som en ny version. Skickade förfrågningar behåller den version de fylldes i med.
form-items = Frågor
form-question = Fråga
form-kind = Svarstyp
form-choices = Alternativ
form-choices-hint = Ett alternativ per rad: "kod = suomeksi | på svenska | in English". Koden kan utelämnas.
form-edit-item = Redigera { $key }
form-up = Upp: { $key }
form-down = Ned: { $key }
form-delete = Ta bort { $key }
form-new-item = Ny fråga
form-edit-item-title = Redigera frågan
form-key = Kod
form-key-hint = Små bokstäver, siffror och understreck. Tom: bildas av den finska frågan.
form-label-fi = Frågan på finska
form-label-sv = Frågan på svenska
form-label-en = Frågan på engelska
form-help-fi = Anvisning på finska
form-help-sv = Anvisning på svenska
form-help-en = Anvisning på engelska
form-save-item = Spara frågan
form-saved = En ny version av formuläret har sparats.
form-empty = Formuläret måste ha minst en fråga.
form-too-many-items = Formuläret kan ha högst 60 frågor.
form-key-invalid = Koden får bara innehålla små bokstäver a–z, siffror och understreck.
form-key-taken = Koden används redan för en annan fråga.
form-needs-choices = Ange minst två alternativ.
form-choice-invalid = Varje alternativ måste ha en egen kod och en finsk text.
form-no-choices-here = Alternativ används bara i flervalsfrågor.
form-min-above-max = Det minsta värdet är större än det största.
item-kind-text = Kort text
item-kind-long-text = Lång text
item-kind-single-choice = Ett alternativ
item-kind-multiple-choice = Flera alternativ
item-kind-date = Datum
item-kind-number = Tal
item-kind-yes-no = Ja eller nej

mail-subject = OT-plattformen: du har ett nytt meddelande
mail-body = Hej,

    Du har ett nytt meddelande på OT-plattformen. Läs det genom att logga in:
    { $link }

    Av dataskyddsskäl berättas inte ärendets innehåll i detta meddelande.

    OT-plattformen
