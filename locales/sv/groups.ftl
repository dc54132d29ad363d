nav-groups = Konsultationsgrupper
nav-meetings = Mina möten
field-choose = Välj ett av alternativen.
field-date = Ange datumet i formatet 13.10.2022.
field-time = Ange klockslaget i formatet 13.00.
field-number = Ange ett heltal.
save = Spara
actions = Åtgärder
group = Grupp
all-areas = Alla områden
all-phenomena = Alla fenomen
field-phenomenon = Fenomen
weekend = en veckoslutsdag

groups-title = Konsultationsgrupper
groups-lead = Mångprofessionella konsultationsgrupper som yrkespersoner kan be om hjälp i krävande klientsituationer, och gruppernas mötestider.
groups-new = Ny konsultationsgrupp
groups-filter = Avgränsa grupperna
groups-none = Inga grupper motsvarar valen.
groups-next-meeting = Nästa möte
groups-send-by = Ärenden till sekreteraren senast { $deadline }.
groups-no-coming = Inga kommande möten.
free-places = { $count ->
    [0] Inga lediga platser.
    [one] 1 ledig plats.
   *[other] { $count } lediga platser.
}
capacity-per-meeting = { $count ->
    [one] 1 ärende per möte
   *[other] { $count } ärenden per möte
}

group-kind = Typ av grupp
group-kind-statutory-child-protection = Barnskyddets mångprofessionella expertgrupp
group-kind-separation = Svåra separationer och vårdnadstvister
group-kind-integrated-institutional-care = Integrerad krävande institutionsvård
group-kind-other = Annan konsultationsgrupp
meeting-mode = Mötesform
meeting-mode-remote = Distansmöte
meeting-mode-in-person = Närmöte
meeting-mode-both = På plats eller på distans
member-role = Uppgift i gruppen
member-role-chair = Ordförande
member-role-secretary = Sekreterare
member-role-member = Medlem
member-role-substitute = Ersättare

group-serves = Verksamhetsområde
group-serves-organiser = Betjänar välfärdsområdet
group-whole-area = Hela samarbetsområdet
group-phenomena = Fenomen som gruppen konsulterar i
group-who-may-ask = Vem som kan skicka förfrågningar
group-eligible-hint = Om du inte väljer områden eller sektorer tas förfrågningar emot från alla.
eligible-any-area = Från alla samarbetsområden
eligible-areas = Samarbetsområden: { $areas }
eligible-any-sector = Från alla sektorer
eligible-sectors = Sektorer: { $sectors }
group-rule = Mötesrytm
group-ask = Skicka en konsultationsförfrågan till gruppen
group-edit = Redigera gruppen
group-basics = Grunduppgifter
group-how-it-meets = Hur gruppen möts
group-meetings = Möten
group-no-meetings = Inga möten under den valda perioden.
group-members = Medlemmar
group-no-members = Gruppen har ännu inga medlemmar.
group-feed-help = Prenumerera på gruppens möten i din kalender (Outlook, Thunderbird) från denna adress:
group-preview = Förhandsgranska mötena
group-preview-title = Möten enligt denna regel
group-preview-help = Detta har inte sparats ännu. Granska mötena och anmärkningarna och spara sedan.
group-area-not-yours = Du kan inte flytta gruppen till ett område som du inte koordinerar.
group-organiser-outside-area = Välfärdsområdet hör inte till det valda samarbetsområdet.
group-place-required = Ett närmöte behöver en plats.
group-video-link-required = Ett distansmöte behöver en möteslänk.
group-video-link-invalid = Ange en möteslänk som börjar med https://.
group-capacity-range = Ange ett tal mellan 1 och 50.

field-name-fi = Namn på finska
field-name-sv = Namn på svenska
field-name-en = Namn på engelska
field-translation-hint = Om fältet lämnas tomt visas det finska namnet.
field-description-fi = Beskrivning på finska
field-description-sv = Beskrivning på svenska
field-description-en = Beskrivning på engelska
field-place = Mötesplats
field-place-hint = Adress eller lokal för närmöten.
field-video-link = Möteslänk
field-video-link-hint = Distansmötets adress, t.ex. https://teams.microsoft.com/…
field-capacity = Ärenden per möte
field-capacity-hint = Hur många konsultationsförfrågningar ett möte hinner behandla.

rule-recurrence = När gruppen möts
rule-kind-nth-weekday = En viss veckodag i månaden (t.ex. andra torsdagen)
rule-kind-every-n-weeks = Med ett visst antal veckors mellanrum (t.ex. varannan tisdag)
rule-kind-dates = På särskilt överenskomna dagar
rule-nth = Månadens
rule-weekday = Veckodag
rule-every-n = Antal veckor mellan mötena
rule-anchor = Första mötet
rule-anchor-hint = Serien börjar denna dag eller närmast följande valda veckodag.
rule-dates-field = Mötesdatum
rule-dates-hint = Ett datum per rad, t.ex. 13.10.2022.
rule-start-time = Börjar kl.
rule-length = Längd i minuter
rule-notice-days = Ärenden till sekreteraren, dagar före
rule-notice-days-hint = Till exempel 7 = en vecka före.
rule-notice-time = Senast klockan
rule-notice-time-hint = Tomt = dagens slut (kl. 23.59).
rule-paused-months = Paus under dessa månader
rule-season-start = Säsongen börjar
rule-season-end = Säsongen slutar
rule-holiday-policy = Om mötet infaller på en helgdag
rule-deadline-policy = Om tidsfristen infaller på ett veckoslut eller en helgdag
holiday-policy-skip = Mötet hålls inte
holiday-policy-next-working-day = Mötet flyttas till nästa vardag
holiday-policy-move-one-week = Mötet flyttas en vecka framåt
holiday-policy-keep-and-warn = Mötet hålls och en varning visas
deadline-policy-previous-working-day = Tidsfristen tidigareläggs till föregående vardag
deadline-policy-keep-and-warn = Tidsfristen står kvar och en varning visas

rule-nth-weekday = Den { $nth } { $weekday }en i varje månad
rule-every-n-weeks = { $n ->
    [1] varje { $weekday }
    [2] varannan { $weekday }
    [3] var tredje { $weekday }
    [4] var fjärde { $weekday }
   *[other] { $weekdays } var { $n }:e vecka
} från och med { $anchor }
rule-dates = { $count ->
    [one] På en särskilt överenskommen dag
   *[other] På särskilt överenskomna dagar ({ $count } mötesdagar)
}
rule-when = { $when } kl. { $start }–{ $end }.
rule-notice = { $days ->
    [0] Ärenden till sekreteraren samma dag som mötet senast kl. { $time }.
    [one] Ärenden till sekreteraren dagen före mötet senast kl. { $time }.
   *[other] Ärenden till sekreteraren { $days } dagar före mötet senast kl. { $time }.
}
rule-paused = Paus: { $months }.
rule-season = Säsong: { $from } – { $to }.
rule-policies = På en helgdag: { $holiday }. Tidsfrist på en ledig dag: { $deadline }.
rule-weeks-out-of-range = Antalet veckor ska vara 1–52.
rule-length-out-of-range = Längden ska vara 1–1440 minuter.
rule-season-ends-before-start = Säsongen kan inte sluta innan den börjar.
rule-notice-out-of-range = Ange 0–60 dagar.
rule-deadline-not-before-meeting = Om ärenden lämnas samma dag, ange ett klockslag före mötets början.
rule-unknown-time-zone = Okänd tidszon.
rule-empty-date-list = Ange minst ett mötesdatum.
rule-duplicate-date = Samma datum finns två gånger i listan.
rule-date-outside-season = Datumet ligger utanför säsongen.
rule-date-in-paused-month = Datumet infaller under en pausmånad.
rule-month-out-of-range = Okänd månad.
rule-all-months-paused = Alla månader kan inte vara paus.

nth-1 = första
nth-2 = andra
nth-3 = tredje
nth-4 = fjärde
nth-last = sista
weekday-mon = måndag
weekday-tue = tisdag
weekday-wed = onsdag
weekday-thu = torsdag
weekday-fri = fredag
weekday-sat = lördag
weekday-sun = söndag
# Återkommande: ”på tisdagar”
weekday-on-mon = på måndagar
weekday-on-tue = på tisdagar
weekday-on-wed = på onsdagar
weekday-on-thu = på torsdagar
weekday-on-fri = på fredagar
weekday-on-sat = på lördagar
weekday-on-sun = på söndagar
month-1 = januari
month-2 = februari
month-3 = mars
month-4 = april
month-5 = maj
month-6 = juni
month-7 = juli
month-8 = augusti
month-9 = september
month-10 = oktober
month-11 = november
month-12 = december

holiday-new-years-day = nyårsdagen
holiday-epiphany = trettondagen
holiday-good-friday = långfredagen
holiday-easter-sunday = påskdagen
holiday-easter-monday = annandag påsk
holiday-may-day = första maj
holiday-ascension-day = Kristi himmelsfärdsdag
holiday-whitsunday = pingstdagen
holiday-midsummer-eve = midsommarafton
holiday-midsummer-day = midsommardagen
holiday-all-saints-day = alla helgons dag
holiday-independence-day = självständighetsdagen
holiday-christmas-eve = julafton
holiday-christmas-day = juldagen
holiday-st-stephens-day = annandag jul

conflict-holiday-skipped = { $date } är { $holiday }: mötet hålls inte.
conflict-holiday-moved = { $date } är { $holiday }: mötet har flyttats till { $to }.
conflict-holiday-kept = { $date } är { $holiday }: enligt regeln hålls mötet ändå denna dag. Sekreteraren: flytta eller ställ in mötet om det inte ska hållas.
conflict-move-blocked = Mötet kan inte flyttas till { $to } ({ $limit }), så det hålls inte.
conflict-outside-rule = Det nya datumet { $date } ligger utanför regeln ({ $limit }).
conflict-deadline-moved = Tidsfristen { $date } är { $day }, så den har tidigarelagts till { $to }.
conflict-deadline-kept = Tidsfristen { $date } är { $day }: sekreteraren är kanske inte i arbete då.
conflict-deadline-not-before-start = Övergången till sommartid skulle ha flyttat tidsfristen samma dag till efter mötets början, så tidsfristen är en minut före mötets början.
conflict-same-date = Samma dag har gruppen också ett annat möte (regelns datum { $other }).
limit-outside-season = utanför säsongen
limit-paused-month = pausmånad
limit-out-of-range = utanför kalendern
change-cancelled = Sekreteraren har ställt in mötet. Orsak: { $reason }
change-moved = Flyttat från { $from }. Orsak: { $reason }

range-from = Från och med
range-to = Till och med
range-show = Visa
range-season = Hela säsongen
range-ends-before-start = Slutdatumet är före startdatumet.
range-too-long = Visa högst fem år åt gången.

meeting-title = { $group }: möte { $date }
meeting-date = Dag
meeting-time = Tid
meeting-deadline = Ärenden senast
meeting-free = Lediga platser
meeting-notes = Anmärkningar
meeting-status-scheduled = Hålls
meeting-status-held = Hölls
meeting-status-skipped = Hålls inte (helgdag)
meeting-status-cancelled = Inställt
deadline-passed = tidsfristen har gått ut
meeting-change = Ändra detta möte
meeting-change-help = Du kan flytta eller ställa in detta enda möte. Mötesrytmen ändras inte. Skriv en orsak: den visas för deltagarna.
meeting-new-date = Ny dag
meeting-new-time = Ny starttid
meeting-move = Flytta mötet
meeting-cancel = Ställ in mötet
meeting-restore = Återställ enligt regeln
field-reason = Orsak
field-reason-hint = Till exempel ”ordföranden är förhindrad”.
field-reason-required = Skriv en orsak till ändringen.

member-add = Lägg till medlem
member-remove = Ta bort { $name } från gruppen
member-unknown = Det finns inget konto med detta användarnamn.
member-disabled = Kontot har tagits ur bruk.
member-needs-secretary-role = Endast en användare med rollen sekreterare kan utses till sekreterare.

my-meetings-title = Mina möten
my-meetings-none = Du har inga kommande möten. Mötena visas här när du är medlem i en konsultationsgrupp.
feed-title = Kalenderprenumeration
feed-help = Med en personlig kalenderlänk får du alla dina gruppers möten i din egen kalender. Länken är hemlig: dela den inte.
feed-create = Skapa kalenderlänk
feed-renew = Skapa ny länk (den gamla slutar fungera)
feed-revoke = Ta bort kalenderlänken
feed-created = Kalenderlänken har skapats.
feed-shown-once = Kopiera länken till ditt kalenderprogram nu. Den visas bara en gång.
feed-active-since = Kalenderlänken är i bruk (skapad { $date }).
feed-my-name = Mina OT-möten

ical-summary = { $group }: konsultationsmöte
ical-deadline = Ärenden till sekreteraren senast { $deadline }.
ical-skipped = Mötet hålls inte (helgdag).
ical-cancelled = Mötet är inställt.
ical-reason = Orsak: { $reason }

# Meeting changes that reach every case (issue 12)
change-rule-changed = Gruppens mötesrytm ändrades; detta möte hålls inte.
ical-rule-changed = Gruppens mötesrytm ändrades; detta möte hålls inte.
ical-own-slot = Tid för ditt ärende: { $slot }
meeting-proposed-count = { $count ->
    [one] { $count } föreslagen förfrågan
   *[other] { $count } föreslagna förfrågningar
}
meeting-cancel-confirm = Att ställa in mötet innebär
meeting-move-confirm = Att flytta mötet innebär
consequences-changed = Mötets ärenden ändrades under tiden. Kontrollera dem och välj igen.
consequences-cases = { $count ->
    [one] Mötet har { $count } ärende. Beställaren informeras om ändringen.
   *[other] Mötet har { $count } ärenden. Beställarna informeras om ändringen.
}
consequences-decision = Vad görs med ärendena?
consequences-told = Ändringen och dess orsak antecknas i varje ärendes historik, och beställaren får ett meddelande.
consequences-save = Spara ändringen
meeting-restored-reason = Mötet återställdes till tiden enligt regeln.
rule-consequences-title = Ändringen av mötesrytmen innebär
rule-consequences-lost = Dessa kommande möten faller bort, och de har ärenden:
rule-consequences-moved = Dessa möten flyttas till en annan tid (ärendena följer med):
rule-consequences-orphans = Dessa engångsändringar tas bort eftersom deras möten inte längre finns:
orphan-cancelled = inställt
orphan-moved = flyttat till { $to }
rule-changed-reason = Gruppens mötesrytm ändrades.
consequences-count = { $count ->
    [one] { $count } ärende
   *[other] { $count } ärenden
}
group-capacity-below-taken = Vissa kommande möten har redan fler godkända ärenden än den nya kapaciteten tillåter. Flytta ärenden först eller välj en större kapacitet.
group-levels = Betjänar nivåerna
group-levels-hint = På vilken servicenivå behovet ska vara för att ärendet kan tas till kanalen: basnivå, specialnivå, OT-nivå. Servicehandledningen föreslår kanaler enligt nivån.
group-public-info = Offentlig sida
group-public-info-hint = Visas på kanalens offentliga sida för alla utan inloggning. Ingen videolänk och ingen medlemslista.
field-criteria-fi = Kriterier för klientskap (på finska)
field-criteria-sv = Kriterier för klientskap (på svenska)
field-criteria-en = Kriterier för klientskap (på engelska)
field-how-to-ask-fi = Vem kan begära och hur (på finska)
field-how-to-ask-sv = Vem kan begära och hur (på svenska)
field-how-to-ask-en = Vem kan begära och hur (på engelska)
group-criteria = Kriterier för klientskap
group-how-to-ask = Vem kan begära konsultation och hur
group-public-page-link = Visa kanalens offentliga sida
group-public-meeting = { $day } (ärenden ska anmälas senast { $deadline })
group-public-inactive = Kanalen tar för närvarande inte emot nya förfrågningar.
group-public-login = En konsultationsförfrågan görs inloggad på plattformen.
group-public-meetings = Kommande möten
group-public-contact = Kontaktuppgifter
group-public-contact-lead = Områdets OT-koordinator ({ $area }) ger råd om vilken kanal eller sakkunnig man bör kontakta:
group-public-no-contact = Kontaktuppgifter till områdets ({ $area }) OT-koordinator har inte lagts till ännu. Inloggad kan du fråga OT-centret på plattformen.
