nav-groups = Konsultaatioryhmät
nav-meetings = Omat kokoukset
field-choose = Valitse jokin vaihtoehdoista.
field-date = Anna päivämäärä muodossa 13.10.2022.
field-time = Anna kellonaika muodossa 13.00.
field-number = Anna kokonaisluku.
save = Tallenna
actions = Toiminnot
group = Ryhmä
all-areas = Kaikki alueet
all-phenomena = Kaikki ilmiöt
field-phenomenon = Ilmiö
weekend = viikonloppu

groups-title = Konsultaatioryhmät
groups-lead = Monialaiset konsultaatioryhmät, joilta ammattilainen voi pyytää apua vaativaan asiakastilanteeseen, ja niiden kokousajat.
groups-new = Uusi konsultaatioryhmä
groups-filter = Rajaa ryhmiä
groups-none = Valinnoilla ei löytynyt ryhmiä.
groups-next-meeting = Seuraava kokous
groups-send-by = Asiat tiedoksi sihteerille viimeistään { $deadline }.
groups-no-coming = Ei tulevia kokouksia.
free-places = { $count ->
    [0] Ei vapaita paikkoja.
    [one] 1 paikka vapaana.
   *[other] { $count } paikkaa vapaana.
}
capacity-per-meeting = { $count ->
    [one] 1 asia kokousta kohden
   *[other] { $count } asiaa kokousta kohden
}

group-kind = Ryhmän tyyppi
group-kind-statutory-child-protection = Lastensuojelun moniammatillinen asiantuntijaryhmä
group-kind-separation = Haastavat erot ja huoltoriidat
group-kind-integrated-institutional-care = Integroitu vaativa laitoshoito
group-kind-other = Muu konsultaatioryhmä
meeting-mode = Kokoustapa
meeting-mode-remote = Etäkokous
meeting-mode-in-person = Lähikokous
meeting-mode-both = Lähi- tai etäosallistuminen
member-role = Tehtävä ryhmässä
member-role-chair = Puheenjohtaja
member-role-secretary = Sihteeri
member-role-member = Jäsen
member-role-substitute = Varajäsen

group-serves = Toiminta-alue
group-serves-organiser = Palvelee hyvinvointialuetta
group-whole-area = Koko yhteistyöalue
group-phenomena = Ilmiöt, joihin ryhmä antaa konsultaatiota
group-who-may-ask = Keneltä pyynnöt otetaan vastaan
group-eligible-hint = Jos et valitse alueita tai sektoreita, pyyntöjä otetaan vastaan kaikilta.
eligible-any-area = Kaikilta yhteistyöalueilta
eligible-areas = Yhteistyöalueet: { $areas }
eligible-any-sector = Kaikilta sektoreilta
eligible-sectors = Sektorit: { $sectors }
group-rule = Kokousrytmi
group-ask = Lähetä konsultaatiopyyntö tälle ryhmälle
group-edit = Muokkaa ryhmää
group-basics = Perustiedot
group-how-it-meets = Kokoontuminen
group-meetings = Kokoukset
group-no-meetings = Valitulla aikavälillä ei ole kokouksia.
group-members = Jäsenet
group-no-members = Ryhmällä ei ole vielä jäseniä.
group-feed-help = Tilaa ryhmän kokoukset kalenteriisi (Outlook, Thunderbird) tästä osoitteesta:
group-preview = Esikatsele kokouksia
group-preview-title = Kokoukset tällä säännöllä
group-preview-help = Muutoksia ei ole vielä tallennettu. Tarkista kokoukset ja huomautukset ja tallenna sitten.
group-area-not-yours = Et voi siirtää ryhmää alueelle, jota et koordinoi.
group-organiser-outside-area = Hyvinvointialue ei kuulu valitulle yhteistyöalueelle.
group-place-required = Lähikokoukselle tarvitaan paikka.
group-video-link-required = Etäkokoukselle tarvitaan kokouslinkki.
group-video-link-invalid = Anna kokouslinkki, joka alkaa https://.
group-capacity-range = Anna luku 1–50.

field-name-fi = Nimi suomeksi
field-name-sv = Nimi ruotsiksi
field-name-en = Nimi englanniksi
field-translation-hint = Jos jätät tyhjäksi, näytetään suomenkielinen nimi.
field-description-fi = Kuvaus suomeksi
field-description-sv = Kuvaus ruotsiksi
field-description-en = Kuvaus englanniksi
field-place = Kokouspaikka
field-place-hint = Osoite tai tila lähikokousta varten.
field-video-link = Kokouslinkki
field-video-link-hint = Etäkokouksen osoite, esim. https://teams.microsoft.com/…
field-capacity = Asioita kokousta kohden
field-capacity-hint = Montako konsultaatiopyyntöä yhdessä kokouksessa ehditään käsitellä.

rule-recurrence = Milloin ryhmä kokoontuu
rule-kind-nth-weekday = Kuukauden tiettynä viikonpäivänä (esim. toinen torstai)
rule-kind-every-n-weeks = Tietyn viikkomäärän välein (esim. joka toinen tiistai)
rule-kind-dates = Erikseen sovittuina päivinä
rule-nth = Kuukauden
rule-weekday = Viikonpäivä
rule-every-n = Kokousten väli viikkoina
rule-anchor = Ensimmäinen kokous
rule-anchor-hint = Sarja alkaa tästä päivästä tai sitä seuraavasta valitusta viikonpäivästä.
rule-dates-field = Kokouspäivät
rule-dates-hint = Yksi päivämäärä riviä kohden, esim. 13.10.2022.
rule-start-time = Alkaa klo
rule-length = Kesto minuutteina
rule-notice-days = Asiat tiedoksi sihteerille, päivää ennen
rule-notice-days-hint = Esimerkiksi 7 = viikkoa aiemmin.
rule-notice-time = Kellonaikaan mennessä
rule-notice-time-hint = Tyhjä = päivän loppuun (klo 23.59).
rule-paused-months = Tauko näinä kuukausina
rule-season-start = Kausi alkaa
rule-season-end = Kausi päättyy
rule-holiday-policy = Jos kokous osuu pyhäpäivälle
rule-deadline-policy = Jos määräaika osuu viikonloppuun tai pyhäpäivään
holiday-policy-skip = Kokous jätetään pitämättä
holiday-policy-next-working-day = Kokous siirtyy seuraavalle arkipäivälle
holiday-policy-move-one-week = Kokous siirtyy viikolla eteenpäin
holiday-policy-keep-and-warn = Kokous pidetään, ja siitä näytetään varoitus
deadline-policy-previous-working-day = Määräaika aikaistuu edelliseen arkipäivään
deadline-policy-keep-and-warn = Määräaika pysyy, ja siitä näytetään varoitus

rule-nth-weekday = Joka kuukauden { $nth } { $weekday }
rule-every-n-weeks = { $n ->
    [1] { $weekdays }
    [2] joka toinen { $weekday }
    [3] joka kolmas { $weekday }
    [4] joka neljäs { $weekday }
   *[other] { $weekdays } { $n } viikon välein
} { $anchor } alkaen
rule-dates = { $count ->
    [one] Yhtenä erikseen sovittuna päivänä
   *[other] Erikseen sovittuina päivinä ({ $count } kokouspäivää)
}
rule-when = { $when } klo { $start }–{ $end }.
rule-notice = { $days ->
    [0] Asiat tiedoksi sihteerille kokouspäivänä klo { $time } mennessä.
    [one] Asiat tiedoksi sihteerille kokousta edeltävänä päivänä klo { $time } mennessä.
   *[other] Asiat tiedoksi sihteerille { $days } päivää ennen kokousta klo { $time } mennessä.
}
rule-paused = Tauko: { $months }.
rule-season = Kausi: { $from } – { $to }.
rule-policies = Pyhäpäivänä: { $holiday }. Määräaika vapaapäivänä: { $deadline }.
rule-weeks-out-of-range = Kokousten välin on oltava 1–52 viikkoa.
rule-length-out-of-range = Keston on oltava 1–1440 minuuttia.
rule-season-ends-before-start = Kausi ei voi päättyä ennen kuin se alkaa.
rule-notice-out-of-range = Anna 0–60 päivää.
rule-deadline-not-before-meeting = Jos asiat tuodaan samana päivänä, anna kellonaika ennen kokouksen alkua.
rule-unknown-time-zone = Tuntematon aikavyöhyke.
rule-empty-date-list = Anna vähintään yksi kokouspäivä.
rule-duplicate-date = Sama päivä on luettelossa kahdesti.
rule-date-outside-season = Päivä on kauden ulkopuolella.
rule-date-in-paused-month = Päivä osuu taukokuukauteen.
rule-month-out-of-range = Tuntematon kuukausi.
rule-all-months-paused = Kaikki kuukaudet eivät voi olla taukokuukausia.

nth-1 = ensimmäinen
nth-2 = toinen
nth-3 = kolmas
nth-4 = neljäs
nth-last = viimeinen
weekday-mon = maanantai
weekday-tue = tiistai
weekday-wed = keskiviikko
weekday-thu = torstai
weekday-fri = perjantai
weekday-sat = lauantai
weekday-sun = sunnuntai
# Toistuvasti: ”tiistaisin”
weekday-on-mon = maanantaisin
weekday-on-tue = tiistaisin
weekday-on-wed = keskiviikkoisin
weekday-on-thu = torstaisin
weekday-on-fri = perjantaisin
weekday-on-sat = lauantaisin
weekday-on-sun = sunnuntaisin
month-1 = tammikuu
month-2 = helmikuu
month-3 = maaliskuu
month-4 = huhtikuu
month-5 = toukokuu
month-6 = kesäkuu
month-7 = heinäkuu
month-8 = elokuu
month-9 = syyskuu
month-10 = lokakuu
month-11 = marraskuu
month-12 = joulukuu

holiday-new-years-day = uudenvuodenpäivä
holiday-epiphany = loppiainen
holiday-good-friday = pitkäperjantai
holiday-easter-sunday = pääsiäispäivä
holiday-easter-monday = toinen pääsiäispäivä
holiday-may-day = vappu
holiday-ascension-day = helatorstai
holiday-whitsunday = helluntaipäivä
holiday-midsummer-eve = juhannusaatto
holiday-midsummer-day = juhannuspäivä
holiday-all-saints-day = pyhäinpäivä
holiday-independence-day = itsenäisyyspäivä
holiday-christmas-eve = jouluaatto
holiday-christmas-day = joulupäivä
holiday-st-stephens-day = tapaninpäivä

conflict-holiday-skipped = { $date } on { $holiday }: kokous jätetään pitämättä.
conflict-holiday-moved = { $date } on { $holiday }: kokous on siirretty päivälle { $to }.
conflict-holiday-kept = { $date } on { $holiday }: säännön mukaan kokous pidetään silti tänä päivänä. Sihteeri, siirrä tai peru kokous, jos sitä ei ole tarkoitus pitää.
conflict-move-blocked = Siirto päivälle { $to } ei ole mahdollinen ({ $limit }), joten kokous jätetään pitämättä.
conflict-outside-rule = Uusi päivä { $date } on säännön ulkopuolella ({ $limit }).
conflict-deadline-moved = Määräaika { $date } on { $day }, joten se on aikaistettu päivälle { $to }.
conflict-deadline-kept = Määräaika { $date } on { $day }: sihteeri ei välttämättä ole silloin töissä.
conflict-deadline-not-before-start = Kesäaikaan siirtyminen olisi siirtänyt saman päivän määräajan kokouksen alkamisen jälkeen, joten määräaika on minuuttia ennen kokouksen alkua.
conflict-same-date = Samana päivänä on myös toinen tämän ryhmän kokous (säännön mukainen päivä { $other }).
limit-outside-season = kauden ulkopuolella
limit-paused-month = taukokuukausi
limit-out-of-range = kalenterin ulkopuolella
change-cancelled = Sihteeri on perunut kokouksen. Syy: { $reason }
change-moved = Siirretty ajalta { $from }. Syy: { $reason }

range-from = Alkaen
range-to = Asti
range-show = Näytä
range-season = Koko kausi
range-ends-before-start = Loppupäivä on ennen alkupäivää.
range-too-long = Voit näyttää enintään viisi vuotta kerrallaan.

meeting-title = { $group }: kokous { $date }
meeting-date = Päivä
meeting-time = Aika
meeting-deadline = Asiat tiedoksi viimeistään
meeting-free = Vapaita paikkoja
meeting-notes = Huomautukset
meeting-status-scheduled = Pidetään
meeting-status-held = Pidetty
meeting-status-skipped = Ei pidetä (pyhäpäivä)
meeting-status-cancelled = Peruttu
deadline-passed = määräaika mennyt
meeting-change = Muuta tätä kokousta
meeting-change-help = Voit siirtää tai perua tämän yhden kokouksen. Kokousrytmi ei muutu. Kirjoita syy: se näytetään osallistujille.
meeting-new-date = Uusi päivä
meeting-new-time = Uusi alkamisaika
meeting-move = Siirrä kokous
meeting-cancel = Peru kokous
meeting-restore = Palauta säännön mukaiseksi
field-reason = Syy
field-reason-hint = Esimerkiksi ”puheenjohtaja on estynyt”.
field-reason-required = Kirjoita syy muutokselle.

member-add = Lisää jäsen
member-remove = Poista { $name } ryhmästä
member-unknown = Tällä käyttäjätunnuksella ei ole tiliä.
member-disabled = Tili on poistettu käytöstä.
member-needs-secretary-role = Sihteeriksi voi nimetä vain käyttäjän, jolla on sihteerin rooli.

my-meetings-title = Omat kokoukset
my-meetings-none = Sinulla ei ole tulevia kokouksia. Kokoukset näkyvät täällä, kun olet jonkin konsultaatioryhmän jäsen.
feed-title = Kalenteritilaus
feed-help = Henkilökohtaisella kalenterilinkillä saat kaikkien ryhmiesi kokoukset omaan kalenteriisi. Linkki on salainen: älä jaa sitä.
feed-create = Luo kalenterilinkki
feed-renew = Luo uusi linkki (vanha lakkaa toimimasta)
feed-revoke = Poista kalenterilinkki
feed-created = Kalenterilinkki on luotu.
feed-shown-once = Kopioi linkki kalenteriohjelmaasi nyt. Se näytetään vain kerran.
feed-active-since = Kalenterilinkki on käytössä (luotu { $date }).
feed-my-name = Omat OT-kokoukset

ical-summary = { $group }: konsultaatiokokous
ical-deadline = Asiat tiedoksi sihteerille viimeistään { $deadline }.
ical-skipped = Kokousta ei pidetä (pyhäpäivä).
ical-cancelled = Kokous on peruttu.
ical-reason = Syy: { $reason }

# Meeting changes that reach every case (issue 12)
change-rule-changed = Ryhmän kokousrytmi muuttui; tätä kokousta ei pidetä.
ical-rule-changed = Ryhmän kokousrytmi muuttui; tätä kokousta ei pidetä.
ical-own-slot = Oman asiasi käsittelyaika: { $slot }
meeting-proposed-count = { $count ->
    [one] { $count } ehdotettu pyyntö
   *[other] { $count } ehdotettua pyyntöä
}
meeting-cancel-confirm = Kokouksen perumisesta seuraa
meeting-move-confirm = Kokouksen siirrosta seuraa
consequences-changed = Kokouksen asiat muuttuivat sillä välin. Tarkista ne ja valitse uudelleen.
consequences-cases = { $count ->
    [one] Kokouksessa on { $count } asia. Sen pyytäjälle ilmoitetaan muutoksesta.
   *[other] Kokouksessa on { $count } asiaa. Niiden pyytäjille ilmoitetaan muutoksesta.
}
consequences-decision = Mitä asioille tehdään?
consequences-told = Jokaisen asian historiaan kirjataan muutos ja sen syy, ja pyytäjälle lähtee ilmoitus.
consequences-save = Tallenna muutos
meeting-restored-reason = Kokous palautettiin säännön mukaiseen aikaan.
rule-consequences-title = Kokousrytmin muutoksesta seuraa
rule-consequences-lost = Nämä tulevat kokoukset jäävät pois, ja niissä on asioita:
rule-consequences-moved = Nämä kokoukset siirtyvät toiseen aikaan (asiat siirtyvät mukana):
rule-consequences-orphans = Nämä kertaluonteiset muutokset poistuvat, koska niiden kokouksia ei enää ole:
orphan-cancelled = peruttu
orphan-moved = siirretty { $to }
rule-changed-reason = Ryhmän kokousrytmi muuttui.
consequences-count = { $count ->
    [one] { $count } asia
   *[other] { $count } asiaa
}
group-capacity-below-taken = Joissakin tulevissa kokouksissa on jo enemmän hyväksyttyjä asioita kuin uusi enimmäismäärä sallii. Siirrä ensin asioita muihin kokouksiin tai valitse suurempi määrä.
group-levels = Palvelee tasoja
group-levels-hint = Millä palvelutason tarpeella kanavaan voi tuoda asian: perustaso, erityistaso, OT-taso. Palveluohjaus ehdottaa kanavaa tason mukaan.
group-public-info = Julkinen sivu
group-public-info-hint = Näkyy kanavan julkisella sivulla kaikille ilman kirjautumista. Ei videolinkkiä eikä jäsenlistaa.
field-criteria-fi = Asiakkuuden kriteerit (suomeksi)
field-criteria-sv = Asiakkuuden kriteerit (ruotsiksi)
field-criteria-en = Asiakkuuden kriteerit (englanniksi)
field-how-to-ask-fi = Kuka voi pyytää ja miten (suomeksi)
field-how-to-ask-sv = Kuka voi pyytää ja miten (ruotsiksi)
field-how-to-ask-en = Kuka voi pyytää ja miten (englanniksi)
group-criteria = Asiakkuuden kriteerit
group-how-to-ask = Kuka voi pyytää konsultaatiota ja miten
group-public-page-link = Näytä kanavan julkinen sivu
group-public-meeting = { $day } (asiat ilmoitettava viimeistään { $deadline })
group-public-inactive = Kanava ei tällä hetkellä ota vastaan uusia pyyntöjä.
group-public-login = Konsultaatiopyyntö tehdään kirjautuneena alustalla.
group-public-meetings = Seuraavat kokoukset
group-public-contact = Yhteystiedot
group-public-contact-lead = Alueen OT-koordinaattori ({ $area }) neuvoo, mihin kanavaan tai asiantuntijaan kannattaa olla yhteydessä:
group-public-no-contact = Alueen ({ $area }) OT-koordinaattorin yhteystietoja ei ole vielä lisätty. Kirjautuneena voit kysyä OT-keskukselta alustalla.
