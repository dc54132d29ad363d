# Palveluohjaus: kysymykset OT-keskukselle, ohjaus, seuranta, kehittämistarpeet.
nav-guidance = Palveluohjaus
nav-guidance-ask = Kysy OT-keskukselta

guidance-ask-title = Kysy OT-keskukselta
guidance-ask-lead = Kysy alueesi OT-keskukselta neuvoa vaativimman tuen tarpeessa olevan lapsen tai nuoren asiassa. OT-koordinaattori vastaa ja ohjaa tarvittaessa oikeaan konsultaatiokanavaan tai palveluun.
guidance-no-client-data = Älä kirjoita asiakkaan nimeä, henkilötunnusta tai muita tunnistetietoja. Kuvaa tilanne yleisellä tasolla.
field-guidance-area = Yhteistyöalue
guidance-choose-area = Valitse yhteistyöalue.
field-guidance-question = Kysymys
guidance-question-hint = Enintään { $max } merkkiä. Ilman tunnistetietoja.
guidance-send = Lähetä kysymys
guidance-mine-title = Omat kysymykseni
guidance-ask-another = Kysy uusi kysymys

guidance-sent-title = Kysymys lähetetty
guidance-sent-body = Kysymyksesi on lähetetty OT-keskukselle. OT-koordinaattori vastaa siihen.
guidance-sent-body-area = Kysymyksesi on lähetetty OT-keskukselle ({ $area }). OT-koordinaattori vastaa siihen.
guidance-sent-where = Vastaus ja ohjaus näkyvät sivulla Omat kysymykseni.
guidance-contact-title = OT-koordinaattorin yhteystiedot

guidance-mine-empty = Et ole vielä kysynyt OT-keskukselta.
guidance-asked-on = Kysytty { $date }
field-guidance-given = Annettu ohjaus
field-guidance-directed = Ohjattu
guidance-answered-on = Vastattu { $date }
guidance-not-answered-yet = Kysymykseen ei ole vielä vastattu.

guidance-queue-title = Palveluohjaus
guidance-queue-lead = Palveluohjauksen kysymykset: { $areas }.
guidance-record-title = Kirjaa puhelin- tai sähköpostikysymys
guidance-needs-title = Tutkimus- ja kehittämistarpeet
guidance-open-title = Avoimet kysymykset
guidance-late-rule = Vanhin ensin. Yli { $days } päivää odottanut kysymys on merkitty myöhässä olevaksi.
guidance-open-empty = Ei avoimia kysymyksiä.
guidance-age = Odottanut
field-guidance-asker = Kysyjä
field-guidance-channel = Yhteystapa
field-guidance-received = Vastaanotettu
guidance-age-days = { $count ->
    [one] 1 päivä
   *[other] { $count } päivää
}
guidance-late = Myöhässä
guidance-answered-title = Vastatut, seuranta kesken
guidance-answered-empty = Ei vastattuja avoimia kysymyksiä.
field-guidance-follow-up-on = Seurantapäivä
guidance-answer-time = Vastausaika
guidance-follow-up-late = Seuranta myöhässä
guidance-closed-title = Suljetut (viimeiset 50)
guidance-closed-empty = Ei suljettuja kysymyksiä.
guidance-closed-on = Suljettu

guidance-asker-hint = Esimerkiksi ammatti ja organisaatio. Ei asiakkaan tietoja.
guidance-received-hint = Päivä ja kellonaika, jolloin kysymys tuli.

guidance-question-title = Palveluohjauksen kysymys
guidance-late-notice = { $count ->
    [one] Kysymys on odottanut vastausta 1 päivän ja on myöhässä.
   *[other] Kysymys on odottanut vastausta { $count } päivää ja on myöhässä.
}
guidance-follow-up-late-notice = seurantapäivä { $date } on mennyt.
guidance-answered = Vastattu
guidance-answer-title = Ohjaus
guidance-given-hint = Mitä neuvoit tai minne ohjasit. Ei asiakkaan tunnistetietoja.
field-guidance-directed-group = Ohjattu konsultaatioryhmään
guidance-no-group = Ei ryhmää
field-guidance-directed-note = Muu ohjaus
guidance-directed-note-hint = Esimerkiksi asiantuntija tai muu palvelu.
field-guidance-follow-up-note = Seurannan muistiinpano
guidance-save-answer = Tallenna ohjaus
guidance-close = Sulje kysymys

guidance-needs-lead = Tapauksissa havaitut tutkimus- ja kehittämistarpeet verkoston tiedoksi. Ei asiakastietoja.
guidance-need-new = Kirjaa uusi tarve
field-guidance-need = Tarve
guidance-need-hint = Enintään { $max } merkkiä. Ei asiakastietoja.
field-guidance-phenomena = Ilmiöt
guidance-needs-list = Kirjatut tarpeet
guidance-needs-empty = Tarpeita ei ole vielä kirjattu.
guidance-recorded-on = Kirjattu

guidance-contact-lead = Alueen OT-koordinaattorin yhteystiedot näkyvät julkisilla sivuilla.
guidance-contact-none = ei asetettu
field-guidance-contact-name = Nimi

guidance-status-open = Avoin
guidance-status-answered = Vastattu
guidance-status-follow-up-due = Seuranta ajankohtainen
guidance-status-closed = Suljettu
guidance-channel-platform = Alusta
guidance-channel-phone = Puhelin
guidance-channel-email = Sähköposti
guidance-channel-other = Muu

guidance-required = Tämä tieto puuttuu.
guidance-too-long = Teksti on liian pitkä.
guidance-no-identity-code = Tekstissä on henkilötunnukselta näyttävä merkkijono. Poista se: OT-keskus ei ota vastaan tunnistetietoja tällä lomakkeella.
guidance-choose-channel = Valitse yhteystapa.
guidance-bad-time = Anna päivä ja kellonaika.
guidance-time-in-future = Vastaanottoaika ei voi olla tulevaisuudessa.
guidance-already-closed = Kysymys on jo suljettu.
guidance-choose-group = Valitse alueen konsultaatioryhmä.
guidance-bad-date = Anna päivämäärä muodossa vvvv-kk-pp.
guidance-unknown-phenomenon = Tuntematon ilmiö.
guidance-bad-phone = Anna puhelinnumero numeroina, esim. 040 123 4567.
guidance-bad-email = Anna sähköpostiosoite muodossa nimi@organisaatio.fi.
guidance-contact-needs-way = Anna puhelinnumero tai sähköpostiosoite.

guidance-hours = { $count ->
    [one] 1 tunti
   *[other] { $count } tuntia
}
guidance-days = { $count ->
    [one] 1 päivä
   *[other] { $count } päivää
}

done-guidance-recorded = Kysymys on kirjattu.
done-guidance-saved = Ohjaus on tallennettu.
done-guidance-closed = Kysymys on suljettu.
done-guidance-need-saved = Kehittämistarve on kirjattu.
done-guidance-contact-saved = Yhteystiedot on tallennettu.

home-shortcut-guidance = Alueesi palveluohjauksen kysymykset, seuranta ja kehittämistarpeet.
home-shortcut-guidance-ask = Kysy neuvoa OT-keskukselta ja lue saamasi ohjaus.
guidance-changed-meanwhile = Kollega tallensi tai sulki kysymyksen sen jälkeen, kun avasit sivun. Hänen tallentamansa näkyy yllä; oma tekstisi on alla tallentamatta. Tarkista ja tallenna uudelleen.
