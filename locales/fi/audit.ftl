audit-problem-removal-unsigned = Lokin mukaan merkinnät 1–{ $seq } on poistettu säilytysajan päätyttyä, mutta poistolle ei ole tämän asennuksen avaimella allekirjoitettua poistokirjausta: ne on poistettu säilytysajan ohi.
audit-problem-removal-other = Lokin mukaan merkinnät 1–{ $seq } on poistettu, mutta allekirjoitettu poistokirjaus koskee merkintää { $recorded }.
audit-problem-removal-young = Lokin mukaan merkinnät 1–{ $seq } on poistettu, mutta viimeinen poistettu merkintä on kirjoitettu { $at }, alle 12 vuotta sitten.
audit-problem-removal-pinned = Lokin mukaan merkinnät 1–{ $seq } on poistettu, mutta alle 12 vuotta sitten tehty tarkistuspiste { $at } kiinnitti merkinnän { $pinned }.
audit-problem-removal-left = Lokin mukaan merkinnät 1–{ $seq } on poistettu, mutta merkintä { $left } on yhä tallella.
access-extract-title = Lokiote asiakkaalle: pyyntö { $id }
access-extract-lead = Asiakkaalla on oikeus saada tietää, kuka on käsitellyt hänen tietojaan, milloin ja millä perusteella (laki sosiaali- ja terveydenhuollon asiakastietojen käsittelystä 703/2023, 11 §). Ote listaa kaikki tämän pyynnön tietoihin kohdistuneet käyttölokin merkinnät valitulta ajalta. Otteen tekeminen kirjataan lokiin.
access-extract-from = Alkaen
access-extract-to = Päättyen
access-extract-show = Näytä ote
access-extract-count = { $n ->
    [one] Valitulla ajalla on yksi merkintä.
   *[other] Valitulla ajalla on { $n } merkintää.
}
access-extract-pdf = Lataa PDF
access-extract-csv = Lataa CSV
access-extract-empty = Valitulla ajalla ei ole merkintöjä.
access-extract-caption = Käyttölokin merkinnät
access-extract-when = Aika
access-extract-who = Käyttäjä
access-extract-role = Rooli
access-extract-action = Tapahtuma
access-extract-basis = Käyttötarkoitus ja peruste
access-extract-outcome = Tulos
access-extract-back = Takaisin pyyntöön
access-extract-period = Ajanjakso
access-extract-produced = Ote tehty
access-extract-page = sivu
access-extract-nobody = (ei kirjautunut käyttäjä)
access-extract-link = Lokiote asiakkaalle
access-extract-pseudonymous = Lokiote voidaan tehdä vain tunnistetusta pyynnöstä: pseudonyymia pyyntöä ei voi yhdistää asiakkaaseen.
access-extract-period-order = Päättymispäivän pitää olla sama tai myöhempi kuin alkamispäivän.
access-extract-too-long = Valitulla ajalla on yli 20 000 merkintää: jaa ote lyhyempiin jaksoihin.
audit-basis-consultation = Konsultaatio (asiakkaan asian käsittely)
audit-basis-screening = OT-seulonta
audit-basis-access-report = Tarkastusoikeuden selvitys
audit-basis-client-s-right-of-access = Asiakkaan tarkastusoikeus
audit-action-request-access-extract = Lokiote asiakkaalle
