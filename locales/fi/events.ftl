# Tapahtumat (webinaarit, koulutukset, foorumisarjat) ja oma osaaminen.

events-nav = Tapahtumat
events-nav-learning = Oma osaaminen
events-title = Tapahtumat
events-lead = OT-keskusten webinaarit, koulutukset ja foorumisarjat ammattilaisille. Julkisiin tapahtumiin voi ilmoittautua myös ilman tunnusta sähköpostilla.
events-new = Uusi tapahtuma
events-edit = Muokkaa tapahtumaa
events-calendar-feed = Tapahtumakalenteri (iCalendar)
events-calendar-name = OT-alusta: tapahtumat
events-tabs = Tulevat ja menneet tapahtumat
events-coming = Tulevat tapahtumat
events-past = Menneet tapahtumat
events-none = Ei tapahtumia.
events-filter = Rajaa
events-any-kind = Kaikki tyypit
events-any-phenomenon = Kaikki ilmiöt
events-series = Foorumisarja: { $name }
events-series-other = Sarjan muut tapaamiset
events-kind-webinar = Webinaari
events-kind-training = Koulutus
events-kind-forum = Foorumi
events-visibility-public = Julkinen (näkyy kaikille)
events-visibility-professionals = Vain kirjautuneille ammattilaisille
events-professionals-only = Vain kirjautuneille
events-national = Valtakunnallinen
events-online = Verkossa
events-cancelled = Peruttu
events-cancelled-notice = Tapahtuma on peruttu.
events-seats-free = { $count ->
    [one] 1 paikka vapaana
   *[other] { $count } paikkaa vapaana
}
events-seats-full = Täynnä – ilmoittautuneet pääsevät varasijalle
events-field-kind = Tapahtuman tyyppi
events-field-title = Nimi
events-field-series = Foorumisarja
events-hint-series = Saman sarjan tapaamiset näytetään yhdessä. Jätä tyhjäksi, jos tapahtuma ei kuulu sarjaan.
events-field-description = Kuvaus
events-hint-description = Tyhjä rivi aloittaa uuden kappaleen.
events-field-when = Aika
events-field-starts = Alkaa
events-field-ends = Päättyy
events-hint-time = Suomen aikaa (Europe/Helsinki).
events-field-place = Paikka
events-field-online-url = Verkkotapahtuman linkki
events-hint-online-url = Näytetään vain ilmoittautuneille, ei koskaan julkisella sivulla.
events-field-organiser = Järjestäjä
events-field-responsible = Vastuuhenkilö
events-hint-responsible = Käyttäjätunnus; tyhjä = sinä (tai nykyinen vastuuhenkilö).
events-field-area = Yhteistyöalue
events-field-phenomena = Ilmiöt
events-field-capacity = Paikkoja
events-field-registration-open = Ilmoittautuminen on auki
events-field-deadline = Ilmoittautuminen päättyy
events-field-visibility = Näkyvyys
events-field-recording = Tallenteen linkki
events-hint-recording = Lisää tapahtuman jälkeen; näytetään menneen tapahtuman sivulla.
events-field-name = Nimi
events-field-email = Sähköposti
events-field-organisation = Organisaatio
events-optional = Vapaaehtoinen.
events-save = Tallenna
events-online-link = Osallistumislinkki
events-recording = Katso tallenne
events-add-to-calendar = Lisää kalenteriin (.ics)
events-registration = Ilmoittautuminen
events-register = Ilmoittaudu
events-unregister = Peru ilmoittautuminen
events-status-registered = Olet ilmoittautunut.
events-waitlist-position = Olet varasijalla { $position }.
events-login-hint = Ammattilainen, jolla on tunnus:
events-login = kirjaudu ja ilmoittaudu yhdellä napsautuksella
events-signup-title = Ilmoittaudu sähköpostilla
events-signup-lead = Saat sähköpostiisi vahvistuslinkin. Ilmoittautuminen on voimassa, kun olet vahvistanut sen 48 tunnin kuluessa.
events-signup-button = Lähetä vahvistuslinkki
events-manage = Järjestäjälle
events-attendance = Osallistujat ja läsnäolo
events-cancel-event = Peru tapahtuma
events-closed-cancelled = Tapahtuma on peruttu.
events-closed-started = Tapahtuma on jo alkanut; ilmoittautuminen on päättynyt.
events-closed-not-open = Ilmoittautuminen ei ole auki.
events-closed-deadline = Ilmoittautumisaika on päättynyt.
events-error-end-before-start = Päättymisajan pitää olla alkamisajan jälkeen.
events-error-too-long = Tapahtuma voi kestää enintään kaksi viikkoa.
events-error-deadline-after-start = Ilmoittautumisen pitää päättyä viimeistään tapahtuman alkaessa.
events-error-too-long-text = Teksti on liian pitkä.
events-error-time = Anna aika muodossa pp.kk.vvvv tt.mm.
events-error-place = Anna paikka tai verkkotapahtuman linkki.
events-error-url = Anna linkki, joka alkaa https://.
events-error-capacity = Anna paikkojen määrä (vähintään 1).
events-error-capacity-below-taken = Paikkoja ei voi olla vähemmän kuin ilmoittautuneita.
events-error-user = Tällä tunnuksella ei ole käyttäjää.
events-error-email = Anna toimiva sähköpostiosoite.
done-events-saved = Tapahtuma on tallennettu.
done-events-cancelled = Tapahtuma on peruttu ja ilmoittautuneille on lähetetty tieto.
done-events-closed = Ilmoittautuminen ei ole auki.
done-events-registered = Olet ilmoittautunut. Tervetuloa!
done-events-waitlisted = Tapahtuma on täynnä: olet varasijalla. Saat viestin, jos paikka vapautuu.
done-events-already = Olet jo ilmoittautunut tähän tapahtumaan.
done-events-unregistered = Ilmoittautumisesi on peruttu.
done-events-check-mail = Lähetimme vahvistuslinkin antamaasi sähköpostiosoitteeseen. Jos osoite oli jo ilmoittautunut, saat sen sijaan viestin, jossa on peruutuslinkki.
done-events-attendance-saved = Läsnäolot on tallennettu.
done-events-attendance-early = Läsnäolon voi merkitä, kun tapahtuma on alkanut.
events-confirm-title = Vahvista ilmoittautuminen
events-confirm-text = Vahvista ilmoittautumisesi tapahtumaan { $title } ({ $when }).
events-confirm-button = Vahvista ilmoittautuminen
events-confirmed-title = Ilmoittautuminen vahvistettu
events-confirmed-seat = Olet ilmoittautunut tapahtumaan { $title }. Lähetimme sähköpostiisi vahvistuksen ja peruutuslinkin.
events-confirmed-waitlist = Tapahtuma { $title } on täynnä: olet varasijalla { $position }. Saat sähköpostia, jos paikka vapautuu.
events-link-title = Linkki ei toimi
events-link-unknown = Linkki on jo käytetty tai sitä ei tunneta. Jos ilmoittautumisesi on jo vahvistettu, sinun ei tarvitse tehdä mitään.
events-link-expired = Linkki on vanhentunut. Voit ilmoittautua uudelleen tapahtuman sivulla: { $link }
events-cancel-title = Peru ilmoittautuminen
events-cancel-text = Haluatko perua ilmoittautumisesi tapahtumaan { $title } ({ $when })?
events-cancel-button = Peru ilmoittautuminen
events-unregistered-title = Ilmoittautuminen peruttu
events-unregistered-text = Ilmoittautumisesi on peruttu. Paikka siirtyy varasijalla seuraavana olevalle.
events-waiting-count = Varasijalla { $count }.
events-no-participants = Ei ilmoittautuneita.
events-attendance-legend = Merkitse osallistuneet
events-outside = ilman tunnusta
events-certificate-title = Osallistumistodistus
events-certificate-attended = on osallistunut tapahtumaan
events-certificate-hours = Kesto { $hours } tuntia
events-certificate-organiser = Järjestäjä: { $organiser }
events-certificate-note = Todistus on tulostettu OT-alustalta.
events-certificate-page = sivu { $n } / { $total }
events-certificate-link = Osallistumistodistus (PDF)
events-certificate-of = Osallistumistodistus: { $title }
events-recording-available = tallenne saatavilla
events-learning-title = Oma osaaminen
events-learning-lead = Tapahtumat, joihin olet ilmoittautunut, joihin olet osallistunut, ja osallistumistodistuksesi.
events-learning-coming = Tulevat tapahtumani
events-learning-coming-none = Et ole ilmoittautunut tuleviin tapahtumiin.
events-learning-attended = Osallistumani tapahtumat
events-learning-attended-none = Ei vielä osallistumisia.
events-learning-certificates = Todistukset
events-learning-certificates-none = Ei todistuksia.
events-sector-unknown = Ei tiedossa
events-mail-confirm-subject = Vahvista ilmoittautumisesi: { $title }
events-mail-confirm-body = Hei,

    vahvista ilmoittautumisesi tapahtumaan { $title } ({ $when }) tästä linkistä 48 tunnin kuluessa:
    { $link }

    Jos et ilmoittautunut, voit jättää viestin huomiotta.

    OT-alusta
events-mail-already-subject = Olet jo ilmoittautunut: { $title }
events-mail-already-body = Hei,

    tällä osoitteella on jo ilmoittautuminen tapahtumaan { $title } ({ $when }). Jos haluat perua sen, käytä tätä linkkiä:
    { $link }

    OT-alusta
events-mail-registered-subject = Ilmoittautuminen vahvistettu: { $title }
events-mail-registered-body = Hei,

    olet ilmoittautunut tapahtumaan { $title } ({ $when }).
    Tapahtuman tiedot: { $page }
    Jos et pääse, peru ilmoittautumisesi tästä, niin paikka vapautuu muille:
    { $link }

    OT-alusta
events-mail-waitlisted-subject = Olet varasijalla: { $title }
events-mail-waitlisted-body = Hei,

    tapahtuma { $title } ({ $when }) on täynnä, ja olet varasijalla. Saat viestin, jos paikka vapautuu.
    Voit perua ilmoittautumisesi tästä:
    { $link }

    OT-alusta
events-mail-promoted-subject = Sait paikan: { $title }
events-mail-promoted-body = Hei,

    varasijalta vapautui paikka: olet nyt ilmoittautunut tapahtumaan { $title } ({ $when }).
    Tapahtuman tiedot: { $page }

    OT-alusta
events-mail-reminder-subject = Muistutus: { $title }
events-mail-reminder-body = Hei,

    muistutus: tapahtuma { $title } alkaa { $when }.
    Tapahtuman tiedot: { $page }

    OT-alusta
events-mail-cancelled-subject = Tapahtuma peruttu: { $title }
events-mail-cancelled-body = Hei,

    tapahtuma { $title } ({ $when }) on peruttu. Pahoittelemme.

    OT-alusta
