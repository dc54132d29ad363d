nav-requests = Konsultationsförfrågningar
required = obligatoriskt
system = systemet
all-statuses = Alla statusar
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
requests-area-help = Koordinatorns översikt: förfrågningarnas status utan innehåll.
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
request-status-follow-up = Under uppföljning
request-status-closed = Avslutad
request-status-declined = Inte upptagen till behandling
request-status-withdrawn = Återtagen

request-event-created = Utkast påbörjat
request-event-submitted = Förfrågan skickad
request-event-resubmitted = Tilläggsuppgifter skickade
request-event-accepted = Godkänd för ett möte
request-event-accepted-detail = Godkänd för mötet { $detail }
request-event-rescheduled = Flyttad till ett annat möte
request-event-rescheduled-detail = Flyttad till mötet { $detail }
request-event-more-info-asked = Mer information begärd
request-event-redirected = Hänvisad till en annan grupp
request-event-redirected-detail = Hänvisad till gruppen { $detail }
request-event-declined = Inte upptagen till behandling
request-event-withdrawn = Återtagen
request-event-outcome-recorded = Åtgärdsrekommendationerna antecknade
request-event-confirmed = Åtgärdsrekommendationerna bekräftade
request-event-confirmed-detail = Åtgärdsrekommendationerna bekräftade, uppföljning { $detail }
request-event-follow-up-reported = Uppföljningen rapporterad, förfrågan avslutad

request-done-saved = Utkastet har sparats. Du kan fortsätta senare.
request-done-submitted = Förfrågan har skickats till gruppens sekreterare.
request-done-accepted = Förfrågan har godkänts för ett möte och beställaren har meddelats.
request-done-asked = Begäran om mer information har skickats till beställaren.
request-done-declined = Förfrågan togs inte upp till behandling, och beställaren har fått veta orsaken.
request-done-redirected = Förfrågan har hänvisats till en annan grupp.
request-done-outcome = Åtgärdsrekommendationerna har antecknats. Beställaren bekräftar dem.
request-done-confirmed = Åtgärdsrekommendationerna har bekräftats och uppföljningen är avtalad.
request-done-closed = Uppföljningen har rapporterats och förfrågan har avslutats. Tack!

request-form-title = Förhandsinformationsblankett
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
request-basis-required = Anteckna samtycket eller den lagstadgade grunden.
request-hetu = Barnets personbeteckning
request-hetu-hint = Endast när det finns grund för identifiering. Beteckningen sparas krypterad och syns bara för dig och gruppens sekreterare.
request-hetu-stored = Personbeteckningen har sparats krypterad. Skriv en ny bara om du vill ersätta den.
request-hetu-needs-basis = En personbeteckning kan inte ges utan samtycke eller lagstadgad grund.
request-hetu-required = Ange personbeteckningen eller välj pseudonym behandling.
hetu-length = En personbeteckning har 11 tecken.
hetu-not-digits = Personbeteckningens födelsedatum och individnummer består av siffror.
hetu-invalid-century-sign = Personbeteckningens skiljetecken ska vara något av + - Y X W V U A B C D E F.
hetu-invalid-date = Personbeteckningens födelsedatum är inte ett riktigt datum.
hetu-birth-date-in-future = Personbeteckningens födelsedatum ligger i framtiden. Kontrollera datumet och skiljetecknet (till exempel - eller A).
hetu-invalid-individual-number = Personbeteckningens individnummer ska vara 002–999.
hetu-invalid-check = Personbeteckningens kontrolltecken stämmer inte.
hetu-temporary-not-allowed = En tillfällig personbeteckning (individnummer 900–999) kan inte användas här. Ange barnets permanenta personbeteckning eller välj pseudonym behandling.
request-save-draft = Spara utkast
request-submit = Skicka förfrågan
request-not-editable = Förfrågan kan inte längre ändras.
request-not-eligible = Den här gruppen tar emot förfrågningar endast från de områden och sektorer som nämns på gruppens sida. Sök en lämplig kanal i expertsökningen.
request-wrong-state = Detta går inte att göra i förfrågans nuvarande skede.
request-changed = Någon annan behandlade just förfrågan. Ladda om sidan.

request-title = Konsultationsförfrågan #{ $number }
request-requester = Beställare
request-follow-up-due = Uppföljning
request-edit = Redigera förfrågan
request-withdraw = Återta förfrågan
request-show-identity = Visa personbeteckningen
request-identity-shown = Personbeteckning (visningen har antecknats i användningsloggen):
request-answers = Förhandsinformation
request-outcome = Konsultationens resultat
request-history = Behandlingens skeden
attachments = Bilagor
attachment-add = Lägg till en bilaga
attachment-hint = PDF, Word (docx), Excel (xlsx), OpenDocument (odt), text, PNG eller JPEG; högst 5 MB, sammanlagt 20 MB. Ta bort identifierande uppgifter ur bilagorna.
attachment-upload = Skicka bilagan
attachment-delete = Ta bort { $name }
attachment-missing = Välj en fil.
attachment-too-large = Bilagan är för stor (högst 5 MB).
attachment-total-too-large = Bilagorna är sammanlagt för stora (högst 20 MB).
attachment-type = Den här filtypen kan inte bifogas, eller filens innehåll motsvarar inte dess ändelse.
attachment-size = { $kb } kB

placement-on = { $meeting }
placement-deadline-passed = Tidsfristen för mötet { $date } hade gått ut.
placement-full = Mötet { $date } var fullt.
placement-not-held = Mötet { $date } hålls inte.
placement-none = De kommande mötena har inga lediga platser, eller så har tidsfristerna gått ut. Sekreteraren kommer överens om en tid.
placement-late = Tagen med efter tidsfristen genom sekreterarens beslut.
placement-late-short = sen

triage-title = Sekreterarens behandling
triage-meeting = Möte
triage-meeting-hint = Efter tidsfristen kan förfrågan tas med på ett möte bara genom sekreterarens beslut; det antecknas.
triage-as-placed = Mötet som förfrågan har placerats på
triage-meeting-choice = { $meeting } ({ $free } lediga)
triage-late = tidsfristen har gått ut
triage-accept = Godkänn för mötet
triage-ask-question = Fråga till beställaren
triage-ask = Be om mer information
triage-redirect-to = Hänvisa till gruppen
triage-reason = Motivering till beställaren
triage-redirect = Hänvisa till en annan grupp
triage-decline-reason = Motivering till beställaren (varför förfrågan inte tas upp till behandling)
triage-decline = Ta inte upp förfrågan till behandling
triage-choose-meeting = Välj ett möte.
triage-meeting-full = Mötet är fullt. Välj ett annat möte eller öka gruppens kapacitet.
triage-no-such-meeting = Välj ett kommande möte som hålls.
triage-choose-group = Välj gruppen som förfrågan hänvisas till.

outcome-record-title = Anteckna konsultationens resultat
outcome-record-help = Anteckna gruppens sammanfattning och åtgärdsrekommendationer: vad som görs, vem som ansvarar och när. Beställaren bekräftar dem.
outcome-summary = Sammanfattning
outcome-recommendations = Åtgärdsrekommendationer
outcome-action = Åtgärd
outcome-action-n = Rekommendation { $n }
outcome-responsible = Ansvarig
outcome-due = Senast
outcome-result = Genomförande
outcome-save = Spara åtgärdsrekommendationerna
outcome-action-required = Skriv en åtgärd för varje rekommendation.
outcome-responsible-required = Skriv en ansvarig för varje rekommendation.
outcome-at-least-one = Anteckna minst en rekommendation.
outcome-too-many = Det får finnas högst 20 rekommendationer.
outcome-meeting-not-held = Mötet har inte börjat ännu: åtgärdsrekommendationerna antecknas efter mötet.
outcome-requester-record = Beställarens egen anteckning

confirm-title = Bekräfta åtgärdsrekommendationerna
confirm-help = Kontrollera gruppens åtgärdsrekommendationer, gör din egen anteckning och välj när du berättar vad som genomfördes.
confirm-record-hint = Till exempel vad du kom överens om med familjen och nätverket.
confirm-follow-up = Uppföljning
confirm-button = Bekräfta
followup-title = Uppföljning
followup-help = Berätta vilka rekommendationer som genomfördes och vad som förändrades. Därefter avslutas förfrågan.
followup-why = Varför inte (eller delvis)
followup-why-required = Berätta kort varför rekommendationen inte genomfördes helt.
followup-what-changed = Vad förändrades
followup-button = Skicka uppföljningen och avsluta förfrågan
recommendation-outcome-implemented = Genomfördes
recommendation-outcome-partly = Genomfördes delvis
recommendation-outcome-not-implemented = Genomfördes inte

messages-title = Meddelanden
messages-help = En säker kanal mellan beställaren och gruppens sekreterare. E-posten innehåller bara ett meddelande om att det finns något nytt, aldrig själva innehållet.
messages-none = Inga meddelanden.
messages-new = Nytt meddelande
messages-send = Skicka meddelandet

queue-title = Behandlingskö: { $group }
queue-meetings = Kommande möten
queue-placed = Bokade platser
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
agenda-print-hint = Skriv ut föredragningslistan med webbläsarens utskriftsfunktion.
agenda-cases = Ärenden
agenda-no-cases = Inga ärenden har godkänts för mötet ännu.
agenda-slot = Tid
agenda-requester = Beställare
agenda-up = Flytta #{ $number } uppåt
agenda-down = Flytta #{ $number } nedåt
agenda-attendance = Deltagare
agenda-present = Närvarande
agenda-save-attendance = Spara närvaron
agenda-was-present = närvarande

form-editor-link = Förhandsinformationsblankett
form-editor-title = Förhandsinformationsblankett: { $group }
form-version = Version { $version }.
form-versions-help = Varje ändring sparas som en ny version. Skickade förfrågningar behåller den version de fylldes i med.
form-items = Frågor
form-question = Fråga
form-kind = Svarstyp
form-choices = Alternativ
form-choices-hint = Ett alternativ per rad: "kod = suomeksi | på svenska | in English". Koden kan utelämnas.
form-edit-item = Redigera frågan
form-up = Flytta uppåt
form-down = Flytta nedåt
form-delete = Ta bort frågan
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

# Workflow integrity (issue 12)
request-event-meeting-changed = Mötestiden ändrades
request-event-meeting-changed-detail = Mötestiden ändrades: { $detail }
request-event-unscheduled = Återförd till sekreterarens kö utan möte
request-event-not-discussed = Hanns inte behandlas på mötet
request-event-not-discussed-detail = Hanns inte behandlas på mötet { $detail }
request-done-withdrawn = Förfrågan har återtagits.
request-done-message = Meddelandet har skickats.
request-done-not-discussed = Det har antecknats att ärendet inte hanns behandlas, och beställaren har informerats.
meeting-gone = Mötet { $date } (finns inte längre i gruppens kalender)
meeting-line-cancelled = INSTÄLLT: { $meeting }
meeting-line-skipped = HÅLLS INTE: { $meeting }
placement-proposed = Föreslaget möte: { $meeting }. Sekreteraren bekräftar platsen.
request-meeting-link = Mötets sida
triage-late-reason = Motivering
triage-late-reason-hint = Obligatorisk om mötets tidsfrist har gått ut: ett sent tillägg antecknas som sekreterarens beslut.
triage-late-reason-required = Mötets tidsfrist har gått ut. Skriv en motivering för det sena tillägget.
not-discussed-title = Ärendet hanns inte behandlas
not-discussed-help = Anteckna om mötet inte hann behandla ärendet. Beställaren informeras.
not-discussed-decision = Vad görs med ärendet?
not-discussed-button = Anteckna som obehandlat
not-discussed-meeting-ahead = Mötet har inte börjat ännu.
decision-keep = Ärendena stannar kvar på det flyttade mötet.
decision-next = Ärendena flyttas till följande möten med lediga platser.
decision-queue = Ärendena återförs till sekreterarens kö utan möte.
queue-proposed = Föreslagna
agenda-closed = föredragningslistan stängd
agenda-list-closed = Föredragningslistan är stängd: tidsfristen för ärenden var { $deadline }. Ärenden läggs nu till endast genom sekreterarens antecknade beslut.
my-meetings-slot = Eget ärende kl. { $slot }
my-meetings-proposed = Föreslaget, sekreteraren har inte bekräftat ännu
my-meetings-own-case = Beställare, ärende { $number }
video-link-open = Videolänk

# The phenomena a request is about (issue 19).
request-phenomena = Vilka fenomen gäller situationen? (frivilligt)
request-phenomena-hint = Välj högst fem. Uppgiften syns för gruppen och räknas i statistiken (utan uppgifter om barnet).
request-phenomena-too-many = Välj högst fem fenomen.
label-phenomena = Fenomen
