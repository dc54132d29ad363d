nav-requests = Konsultaatiopyynnöt
required = pakollinen
system = järjestelmä
all-statuses = Kaikki tilat
field-number-range = Luku on sallitun vaihteluvälin ulkopuolella.
months = { $count ->
    [one] 1 kuukauden kuluttua
   *[other] { $count } kuukauden kuluttua
}

requests-title = Konsultaatiopyynnöt
requests-lead = Pyydä monialaiselta konsultaatioryhmältä apua vaativaan asiakastilanteeseen. Asia käsitellään tunnistamatta lasta, ellei tunnistamiseen ole suostumusta tai laissa säädettyä perustetta.
request-new = Uusi konsultaatiopyyntö
requests-mine = Omat pyyntöni
requests-none = Sinulla ei ole vielä pyyntöjä.
requests-queues = Ryhmät, joiden sihteeri olet
requests-on-agendas = Ryhmieni kokouksissa käsiteltävät pyynnöt
requests-area = Alueen pyynnöt
requests-area-help = Koordinaattorin yleiskuva: pyyntöjen tilat ilman asiasisältöä.
requests-filter = Rajaa pyyntöjä
requests-search = Hae numerolla tai sanalla
request-number = Numero
request-question = Kysymys
request-meeting = Kokous
request-updated = Päivitetty
request-your-turn = odottaa sinua

request-status-draft = Luonnos
request-status-submitted = Lähetetty, odottaa käsittelyä
request-status-more-info = Lisätietoja pyydetty
request-status-accepted = Hyväksytty kokoukseen
request-status-discussed = Käsitelty, odottaa vahvistusta
request-status-follow-up = Seurannassa
request-status-closed = Suljettu
request-status-declined = Ei otettu käsittelyyn
request-status-withdrawn = Peruttu

request-event-created = Luonnos aloitettu
request-event-submitted = Pyyntö lähetetty
request-event-resubmitted = Lisätiedot lähetetty
request-event-accepted = Hyväksytty kokoukseen
request-event-accepted-detail = Hyväksytty kokoukseen { $detail }
request-event-rescheduled = Siirretty toiseen kokoukseen
request-event-rescheduled-detail = Siirretty kokoukseen { $detail }
request-event-more-info-asked = Lisätietoja pyydetty
request-event-redirected = Ohjattu toiseen ryhmään
request-event-redirected-detail = Ohjattu ryhmälle { $detail }
request-event-declined = Ei otettu käsittelyyn
request-event-withdrawn = Peruttu
request-event-outcome-recorded = Toimenpidesuositukset kirjattu
request-event-confirmed = Suositukset vahvistettu
request-event-confirmed-detail = Suositukset vahvistettu, seuranta { $detail }
request-event-follow-up-reported = Seuranta raportoitu, pyyntö suljettu

request-done-saved = Luonnos on tallennettu. Voit jatkaa sitä myöhemmin.
request-done-submitted = Pyyntö on lähetetty ryhmän sihteerille.
request-done-accepted = Pyyntö on hyväksytty kokoukseen, ja pyytäjälle on ilmoitettu.
request-done-asked = Lisätietopyyntö on lähetetty pyytäjälle.
request-done-declined = Pyyntöä ei otettu käsittelyyn, ja pyytäjälle on ilmoitettu syy.
request-done-redirected = Pyyntö on ohjattu toiseen ryhmään.
request-done-outcome = Suositukset on kirjattu. Pyytäjä vahvistaa ne.
request-done-confirmed = Suositukset on vahvistettu, ja seuranta on sovittu.
request-done-closed = Seuranta on raportoitu, ja pyyntö on suljettu. Kiitos!

request-form-title = Esitietolomake
request-form-to = Konsultaatiopyyntö ryhmälle { $group }
request-next-meeting = Jos lähetät pyynnön nyt, se käsitellään kokouksessa { $meeting }, jos ryhmällä on tilaa.
request-pseudonymous = Älä kirjoita lomakkeeseen nimiä, henkilötunnuksia tai muita tietoja, joista lapsen tai perheen voi tunnistaa. Tunnistetiedot annetaan vain alla, jos siihen on suostumus tai laissa säädetty peruste.
request-secretary-asks = Sihteeri pyytää lisätietoja:
request-identification = Tunnistetiedot
request-identification-hint = Konsultaatio tehdään oletuksena tunnistamatta lasta. Tunnistetietoja varten tarvitaan huoltajan tai nuoren suostumus tai laissa säädetty peruste.
identification-none = Ei tunnistetietoja (pseudonyymi käsittely)
identification-consent = Tunnistetiedot suostumuksella
identification-statutory = Tunnistetiedot lain perusteella
request-basis-note = Peruste
request-basis-note-hint = Esimerkiksi: "Huoltajan kirjallinen suostumus 12.11.2026" tai "Lastensuojelulaki 14 §".
request-basis-required = Kirjaa suostumus tai laissa säädetty peruste.
request-hetu = Lapsen henkilötunnus
request-hetu-hint = Vain kun tunnistetietoihin on peruste. Tunnus tallennetaan salattuna, ja sen näkevät vain sinä ja ryhmän sihteeri.
request-hetu-stored = Henkilötunnus on tallennettu salattuna. Kirjoita uusi vain, jos haluat korvata sen.
request-hetu-needs-basis = Henkilötunnusta ei voi antaa ilman suostumusta tai laissa säädettyä perustetta.
request-hetu-required = Anna henkilötunnus tai valitse pseudonyymi käsittely.
hetu-length = Henkilötunnuksessa on 11 merkkiä.
hetu-not-digits = Henkilötunnuksen syntymäaika ja yksilönumero ovat numeroita.
hetu-invalid-century-sign = Henkilötunnuksen välimerkin on oltava jokin merkeistä + - Y X W V U A B C D E F.
hetu-invalid-date = Henkilötunnuksen syntymäaika ei ole oikea päivämäärä.
hetu-birth-date-in-future = Henkilötunnuksen syntymäaika on tulevaisuudessa. Tarkista päivämäärä ja välimerkki (esimerkiksi - tai A).
hetu-invalid-individual-number = Henkilötunnuksen yksilönumeron on oltava 002–999.
hetu-invalid-check = Henkilötunnuksen tarkistusmerkki ei täsmää.
hetu-temporary-not-allowed = Väliaikaista henkilötunnusta (yksilönumero 900–999) ei voi käyttää tässä. Anna lapsen pysyvä henkilötunnus tai valitse pseudonyymi käsittely.
request-save-draft = Tallenna luonnos
request-submit = Lähetä pyyntö
request-not-editable = Pyyntöä ei voi enää muokata.
request-not-eligible = Tämä ryhmä ottaa pyyntöjä vastaan vain ryhmän sivulla mainituilta alueilta ja sektoreilta. Etsi sopiva kanava asiantuntijahausta.
request-wrong-state = Tätä ei voi tehdä pyynnön nykyisessä tilassa.
request-changed = Joku muu käsitteli pyyntöä juuri. Lataa sivu uudelleen.

request-title = Konsultaatiopyyntö #{ $number }
request-requester = Pyytäjä
request-follow-up-due = Seurannan ajankohta
request-edit = Muokkaa pyyntöä
request-withdraw = Peru pyyntö
request-show-identity = Näytä henkilötunnus
request-identity-shown = Henkilötunnus (näyttäminen on kirjattu käyttölokiin):
request-answers = Esitiedot
request-outcome = Konsultaation tulos
request-history = Käsittelyn vaiheet
attachments = Liitteet
attachment-add = Lisää liite
attachment-hint = PDF, Word (docx), Excel (xlsx), OpenDocument (odt), teksti, PNG tai JPEG; enintään 5 Mt, yhteensä 20 Mt. Poista tunnistetiedot liitteistä.
attachment-upload = Lähetä liite
attachment-delete = Poista { $name }
attachment-missing = Valitse tiedosto.
attachment-too-large = Liite on liian suuri (enintään 5 Mt).
attachment-total-too-large = Liitteitä on yhteensä liikaa (enintään 20 Mt).
attachment-type = Tätä tiedostotyyppiä ei voi liittää, tai tiedoston sisältö ei vastaa sen päätettä.
attachment-size = { $kb } kt

placement-on = { $meeting }
placement-deadline-passed = Kokouksen { $date } määräaika oli mennyt.
placement-full = Kokous { $date } oli täynnä.
placement-not-held = Kokousta { $date } ei pidetä.
placement-none = Tulevissa kokouksissa ei ole tilaa, tai niiden määräajat ovat menneet. Sihteeri sopii ajankohdan.
placement-late = Otettu mukaan määräajan jälkeen sihteerin päätöksellä.
placement-late-short = myöhässä

triage-title = Sihteerin käsittely
triage-meeting = Kokous
triage-meeting-hint = Määräajan jälkeen pyynnön voi ottaa kokoukseen vain sihteerin päätöksellä, ja päätös kirjataan.
triage-as-placed = Kokous, jolle pyyntö on sijoitettu
triage-meeting-choice = { $meeting } ({ $free } vapaana)
triage-late = määräaika mennyt
triage-accept = Hyväksy kokoukseen
triage-ask-question = Kysymys pyytäjälle
triage-ask = Pyydä lisätietoja
triage-redirect-to = Ohjaa ryhmälle
triage-reason = Perustelu pyytäjälle
triage-redirect = Ohjaa toiseen ryhmään
triage-decline-reason = Perustelu pyytäjälle (miksi pyyntöä ei oteta käsittelyyn)
triage-decline = Älä ota pyyntöä käsittelyyn
triage-choose-meeting = Valitse kokous.
triage-meeting-full = Kokous on täynnä. Valitse toinen kokous tai kasvata ryhmän kokouskohtaista asiamäärää.
triage-no-such-meeting = Valitse tuleva kokous, joka pidetään.
triage-choose-group = Valitse ryhmä, jolle pyyntö ohjataan.

outcome-record-title = Kirjaa konsultaation tulos
outcome-record-help = Kirjaa ryhmän yhteenveto ja toimenpidesuositukset: mitä tehdään, kuka vastaa ja mihin mennessä. Pyytäjä vahvistaa ne.
outcome-summary = Yhteenveto
outcome-recommendations = Toimenpidesuositukset
outcome-action = Toimenpide
outcome-action-n = Suositus { $n }
outcome-responsible = Vastuutaho
outcome-due = Määräpäivä
outcome-result = Toteutuminen
outcome-save = Tallenna suositukset
outcome-action-required = Kirjoita jokaiselle suositukselle toimenpide.
outcome-responsible-required = Kirjoita jokaiselle suositukselle vastuutaho.
outcome-at-least-one = Kirjaa vähintään yksi suositus.
outcome-too-many = Suosituksia voi olla enintään 20.
outcome-meeting-not-held = Kokous ei ole vielä alkanut: suositukset kirjataan kokouksen jälkeen.
outcome-requester-record = Pyytäjän oma kirjaus

confirm-title = Vahvista suositukset
confirm-help = Tarkista ryhmän suositukset, kirjaa oma merkintäsi ja valitse, milloin kerrot, mitä suosituksista toteutui.
confirm-record-hint = Esimerkiksi mitä sovit perheen ja verkoston kanssa.
confirm-follow-up = Seuranta
confirm-button = Vahvista
followup-title = Seuranta
followup-help = Kerro, mitkä suositukset toteutuivat ja mitä tilanteessa muuttui. Sen jälkeen pyyntö suljetaan.
followup-why = Miksi ei (tai osittain)
followup-why-required = Kerro lyhyesti, miksi suositus ei toteutunut kokonaan.
followup-what-changed = Mitä muuttui
followup-button = Lähetä seuranta ja sulje pyyntö
recommendation-outcome-implemented = Toteutui
recommendation-outcome-partly = Toteutui osittain
recommendation-outcome-not-implemented = Ei toteutunut

messages-title = Viestit
messages-help = Turvallinen viestikanava pyytäjän ja ryhmän sihteerin välillä. Sähköpostiin tulee vain ilmoitus, ei viestin sisältöä.
messages-none = Ei viestejä.
messages-new = Uusi viesti
messages-send = Lähetä viesti

queue-title = Käsittelyjono: { $group }
queue-meetings = Tulevat kokoukset
queue-placed = Varatut paikat
queue-full = täynnä
queue-waiting = Odottaa käsittelyä
queue-more-info = Lisätietoja odotetaan
queue-accepted = Hyväksytyt
queue-empty = Ei pyyntöjä.
queue-submitted = Lähetetty
queue-no-meeting = ei kokousta
queue-urgent = kiireellinen

agenda-title = Esityslista
agenda-open = Esityslista
agenda-heading = { $group }: esityslista { $date }
agenda-back = Kokous
agenda-print-hint = Tulosta esityslista selaimen tulostustoiminnolla.
agenda-cases = Käsiteltävät asiat
agenda-no-cases = Kokoukseen ei ole vielä hyväksytty asioita.
agenda-slot = Aika
agenda-requester = Pyytäjä
agenda-up = Siirrä #{ $number } ylemmäs
agenda-down = Siirrä #{ $number } alemmas
agenda-attendance = Osallistujat
agenda-present = Läsnä
agenda-save-attendance = Tallenna läsnäolot
agenda-was-present = läsnä

form-editor-link = Esitietolomake
form-editor-title = Esitietolomake: { $group }
form-version = Versio { $version }.
form-versions-help = Jokainen muutos tallentuu uudeksi versioksi. Lähetetyt pyynnöt säilyttävät version, jolla ne täytettiin.
form-items = Kysymykset
form-question = Kysymys
form-kind = Vastaustyyppi
form-choices = Vaihtoehdot
form-choices-hint = Yksi vaihtoehto riville: "tunniste = suomeksi | på svenska | in English". Tunnisteen voi jättää pois.
form-edit-item = Muokkaa kysymystä
form-up = Siirrä ylös
form-down = Siirrä alas
form-delete = Poista kysymys
form-new-item = Uusi kysymys
form-edit-item-title = Muokkaa kysymystä
form-key = Tunniste
form-key-hint = Pienet kirjaimet, numerot ja alaviivat. Tyhjä: muodostetaan suomenkielisestä kysymyksestä.
form-label-fi = Kysymys suomeksi
form-label-sv = Kysymys ruotsiksi
form-label-en = Kysymys englanniksi
form-help-fi = Ohje suomeksi
form-help-sv = Ohje ruotsiksi
form-help-en = Ohje englanniksi
form-save-item = Tallenna kysymys
form-saved = Lomakkeesta on tallennettu uusi versio.
form-empty = Lomakkeessa on oltava vähintään yksi kysymys.
form-too-many-items = Lomakkeessa voi olla enintään 60 kysymystä.
form-key-invalid = Tunnisteessa voi olla vain pieniä kirjaimia a–z, numeroita ja alaviivoja.
form-key-taken = Tunniste on jo käytössä toisessa kysymyksessä.
form-needs-choices = Anna vähintään kaksi vaihtoehtoa.
form-choice-invalid = Jokaisella vaihtoehdolla on oltava eri tunniste ja suomenkielinen teksti.
form-no-choices-here = Vaihtoehtoja käytetään vain valintakysymyksissä.
form-min-above-max = Pienin sallittu arvo on suurempi kuin suurin sallittu arvo.
item-kind-text = Lyhyt teksti
item-kind-long-text = Pitkä teksti
item-kind-single-choice = Yksi vaihtoehto
item-kind-multiple-choice = Useita vaihtoehtoja
item-kind-date = Päivämäärä
item-kind-number = Luku
item-kind-yes-no = Kyllä tai ei

mail-subject = OT-alusta: sinulle on uusi ilmoitus
mail-body = Hei,

    OT-alustalla on sinulle uusi ilmoitus. Lue se kirjautumalla palveluun:
    { $link }

    Tietosuojan vuoksi tässä viestissä ei kerrota asian sisältöä.

    OT-alusta

# Workflow integrity (issue 12)
request-event-meeting-changed = Kokous muuttui
request-event-meeting-changed-detail = Kokous muuttui: { $detail }
request-event-unscheduled = Palautettu sihteerin jonoon ilman kokousta
request-event-not-discussed = Ei ehditty käsitellä kokouksessa
request-event-not-discussed-detail = Ei ehditty käsitellä kokouksessa { $detail }
request-done-withdrawn = Pyyntö on peruttu.
request-done-message = Viesti on lähetetty.
request-done-not-discussed = Kirjattu, ettei asiaa ehditty käsitellä, ja pyytäjälle on ilmoitettu.
meeting-gone = Kokous { $date } (ei enää ryhmän kalenterissa)
meeting-line-cancelled = PERUTTU: { $meeting }
meeting-line-skipped = EI PIDETÄ: { $meeting }
placement-proposed = Ehdotettu kokous: { $meeting }. Sihteeri vahvistaa paikan.
request-meeting-link = Kokouksen sivu
triage-late-reason = Perustelu
triage-late-reason-hint = Pakollinen, jos kokouksen määräaika on mennyt: myöhäinen lisäys kirjataan sihteerin päätöksenä.
triage-late-reason-required = Kokouksen määräaika on mennyt. Kirjoita perustelu myöhäiselle lisäykselle.
not-discussed-title = Asiaa ei ehditty käsitellä
not-discussed-help = Kirjaa, jos kokous ei ehtinyt käsitellä asiaa. Pyytäjälle ilmoitetaan.
not-discussed-decision = Mitä asialle tehdään?
not-discussed-button = Kirjaa käsittelemättä jääneeksi
not-discussed-meeting-ahead = Kokous ei ole vielä alkanut.
decision-keep = Asiat pysyvät siirretyssä kokouksessa.
decision-next = Asiat siirretään seuraaviin kokouksiin, joissa on tilaa.
decision-queue = Asiat palautetaan sihteerin jonoon ilman kokousta.
queue-proposed = Ehdotetut
agenda-closed = esityslista suljettu
agenda-list-closed = Esityslista on suljettu: asioiden määräaika oli { $deadline }. Asioita voi lisätä enää vain sihteerin kirjatulla päätöksellä.
my-meetings-slot = Oma asia klo { $slot }
my-meetings-proposed = Ehdotettu, sihteeri ei ole vielä vahvistanut
my-meetings-own-case = Pyytäjä, asia { $number }
video-link-open = Videoyhteys

# The phenomena a request is about (issue 19).
request-phenomena = Mistä ilmiöistä tilanteessa on kyse? (valinnainen)
request-phenomena-hint = Valitse enintään viisi. Tieto näkyy ryhmälle ja lasketaan tilastoihin (ilman lasta koskevia tietoja).
request-phenomena-too-many = Valitse enintään viisi ilmiötä.
label-phenomena = Ilmiöt
