# Palaute: ammattilaisen loppukysely ja lasten, nuorten ja vanhempien palaute kertakäyttöisillä linkeillä.

## Loppukysely seurannan yhteydessä
survey-title = Loppukysely
survey-help = Vastauksesi käytetään vain koottuihin tilastoihin OT-keskuksen toiminnan kehittämiseksi. Kysely täytetään kerran, seurannan yhteydessä.
survey-already-answered = Tämän pyynnön loppukyselyyn on jo vastattu. Ensimmäiset vastaukset säilyvät.
label-survey_useful = Hyödyllisyys
label-survey_plan_changed = Suunnitelman muutos
label-survey_avoided_other = Muu lähete tai käynti
label-survey_speed = Avun nopeus
label-survey_missing = Mitä jäi puuttumaan
audit-action-request-survey = Loppukyselyn vastaukset

## Palautelinkit tapaussivulla
feedback-links-title = Palaute lapselta, nuorelta tai vanhemmalta
feedback-links-help = Voit pyytää konsultaation jälkeen palautetta lapselta, nuorelta tai vanhemmalta kertakäyttöisellä linkillä. Linkin voi antaa paperilla tai näyttää QR-koodina. Vastaaminen ei vaadi tunnuksia.
feedback-links-privacy = Vastauksia ei näe kukaan yksittäin, eikä niihin tallenneta vastaajan tietoja. Ne näkyvät vain koottuina tilastoina.
feedback-links-made = Tekemäsi palautelinkit
feedback-audience = Kenelle
feedback-lang = Kieli
feedback-created = Luotu
feedback-expires = Voimassa asti
feedback-state = Tila
feedback-actions = Toiminnot
feedback-revoke = Peru linkki
feedback-create = Luo palautelinkki
feedback-days = Voimassaoloaika päivinä
feedback-days-hint = Oletus 30 päivää, enintään { $max } päivää.
feedback-days-invalid = Anna voimassaoloaika kokonaisina päivinä (1–90).
feedback-audience-child = Lapsi (noin 7–12-vuotias)
feedback-audience-youth = Nuori (13–17-vuotias)
feedback-audience-parent = Vanhempi tai huoltaja
feedback-link-state-open = Avoin
feedback-link-state-used = Vastattu
feedback-link-state-expired = Vanhentunut
feedback-link-limit = Tälle pyynnölle on jo tehty enimmäismäärä (20) palautelinkkejä.
feedback-link-too-early = Palautelinkin voi tehdä vasta, kun ryhmä on käsitellyt pyynnön.
feedback-link-used = Linkkiin on jo vastattu, joten sitä ei voi perua.
request-done-feedback-link-revoked = Palautelinkki peruttiin. Sillä ei voi enää vastata.
request-done-feedback-link-replayed = Palautelinkki oli jo luotu, ja se näytettiin vain kerran. Jos linkki hävisi, peru se ja luo uusi.
audit-action-feedback-link-create = Palautelinkin luonti
audit-action-feedback-link-revoke = Palautelinkin peruminen
audit-action-feedback-link-used = Palautelinkkiin vastattiin

## Luodun linkin sivu ja tulostettava kortti
feedback-link-made-title = Palautelinkki on valmis
feedback-link-shown-once = Linkki näytetään vain nyt. Tulosta tai näytä se vastaajalle nyt; myöhemmin sitä ei voi katsoa uudelleen.
feedback-link-print-help = Tulosta kortti selaimen tulostustoiminnolla (esimerkiksi Ctrl+P). Tulosteessa näkyy vain kortti.
feedback-card-title-child = Kerro, miltä sinusta tuntui
feedback-card-title-youth = Kerro mielipiteesi
feedback-card-title-parent = Antakaa palautetta
feedback-card-text-child = Kysymyksiä on vain kolme. Voit vastata puhelimella tai tabletilla. Nimeäsi ei kysytä.
feedback-card-text-youth = Kolme lyhyttä kysymystä siitä, miten sinua kuultiin ja oliko tästä apua. Vastaat nimettömästi.
feedback-card-text-parent = Kolme lyhyttä kysymystä konsultaatiosta. Vastaatte nimettömästi, eikä vastauksia yhdistetä teihin.
feedback-card-scan = Avaa kameralla tai kirjoita osoite selaimeen.
feedback-card-expires = Linkki toimii kerran, { $date } asti.

## Julkinen palautesivu
feedback-form-title-child = Miltä sinusta tuntui?
feedback-form-title-youth = Mitä mieltä olit?
feedback-form-title-parent = Palaute konsultaatiosta
feedback-form-intro-child = Aikuiset puhuivat asioistasi ja miettivät, miten sinua voisi auttaa. Valitse jokaiseen kysymykseen kasvo, joka kertoo parhaiten, miltä sinusta tuntuu.
feedback-form-intro-youth = Ammattilaiset pohtivat tilannettasi yhdessä. Kerro kolmella valinnalla, miten koit asian. Voit jättää kysymyksen väliin.
feedback-form-intro-parent = Lapsenne asiaa käsiteltiin konsultaatiossa. Kertokaa, miten koitte sen. Kysymyksiä on kolme, ja kaikkiin ei tarvitse vastata.
feedback-form-privacy-child = Nimeäsi ei kysytä. Kukaan ei näe juuri sinun vastaustasi.
feedback-form-privacy-youth = Vastaat nimettömästi. Vastauksesi lasketaan yhteen muiden vastausten kanssa, eikä kukaan näe sitä yksinään.
feedback-form-privacy-parent = Vastaatte nimettömästi. Vastauksia käytetään vain koottuina tilastoina, eikä niitä yhdistetä teihin.
feedback-send = Lähetä
feedback-answer-one = Vastaa ainakin yhteen kysymykseen.
feedback-used-title = Tähän on jo vastattu
feedback-expired-title = Linkki ei ole enää voimassa
feedback-used-child = Tällä linkillä on jo vastattu. Kiitos!
feedback-used-youth = Tällä linkillä on jo vastattu. Jokainen linkki toimii vain kerran.
feedback-used-parent = Tällä linkillä on jo vastattu. Jokainen linkki toimii vain kerran.
feedback-expired-child = Tämä linkki on vanhentunut, eikä sillä voi enää vastata.
feedback-expired-youth = Linkki on vanhentunut, eikä sillä voi enää vastata.
feedback-expired-parent = Linkin voimassaoloaika on päättynyt, eikä sillä voi enää vastata.
feedback-what-now-child = Jos haluat vielä kertoa mielipiteesi, kysy aikuiselta, joka antoi sinulle linkin.
feedback-what-now-youth = Jos haluat vielä antaa palautetta, pyydä uusi linkki työntekijältä, joka antoi sen sinulle.
feedback-what-now-parent = Jos haluatte vielä antaa palautetta, pyytäkää uusi linkki työntekijältä, joka antoi sen teille.
feedback-unknown-title = Linkkiä ei löytynyt
feedback-unknown = Tällä osoitteella ei löydy palautelomaketta. Tarkista, että osoite on kirjoitettu oikein.
feedback-unknown-what-now = Jos osoite on oikein, pyydä uusi linkki työntekijältä, joka antoi sen.
feedback-busy-title = Odota hetki
feedback-busy = { $minutes ->
    [one] Tästä laitteesta on kokeiltu liian monta väärää osoitetta. Yritä uudelleen minuutin kuluttua.
   *[other] Tästä laitteesta on kokeiltu liian monta väärää osoitetta. Yritä uudelleen { $minutes } minuutin kuluttua.
}
feedback-thanks-title-child = Kiitos!
feedback-thanks-title-youth = Kiitos vastauksestasi!
feedback-thanks-title-parent = Kiitos palautteestanne!
feedback-thanks-child = Vastauksesi on tallessa. Se auttaa aikuisia auttamaan lapsia entistä paremmin. Voit nyt sulkea tämän sivun.
feedback-thanks-youth = Vastauksesi on tallessa. Sen avulla palveluja kehitetään nuorille paremmiksi. Voit sulkea sivun.
feedback-thanks-parent = Vastauksenne on tallennettu. Sen avulla kehitämme tukea lapsille ja perheille. Voitte sulkea sivun.
