# OT-seula ja palveluohjaus (screenings)
nav-screenings = OT-seula
screenings-title = OT-seulonnat
screenings-lead = OT-seulalla moniammatillinen tiimi arvioi, onko lapsen tai nuoren tilanteessa OT-tason (vaativimman tason) tuen tarve. Tulos on suositus konsultoida, ei päätös lapsesta.
screenings-mine = Omat ja jaetut seulonnat
screenings-none = Sinulla ei ole vielä seulontoja.
screening-new = Aloita seulonta
screening-start = Aloita
screening-name = Seulonta { $id }
screening-number = Seulonta
screening-started = Aloitettu
screening-owner = Aloittaja
screening-age = Lapsen tai nuoren ikä
screening-age-unknown = Ei kerrottu
screening-language = Perheen kieli
screening-language-fi = suomi
screening-language-sv = ruotsi
screening-language-en = englanti
screening-language-other = muu kieli
screening-no-identity = Älä kirjoita seulontaan lapsen tai perheenjäsenten nimiä tai henkilötunnuksia. Seulonta tunnistetaan numerolla.
screening-instrument = Seulontalomake
screening-status-open = Kesken
screening-status-done = Valmis
screening-open = Kesken
screening-result = Tulos
screening-outcome-indicated = OT-tason tuki on aiheellinen
screening-outcome-consider = Harkitse OT-tason tukea
screening-outcome-not-indicated = OT-tason tuen tarve ei tule esiin
screening-level-line = Tuen taso: { $level }
level-perustaso = perustaso
level-erityistaso = erityistaso
level-ot-taso = OT-taso
screening-score-line = Pisteet { $score } (harkinta { $consider } pisteestä, OT-taso { $indicated } pisteestä).
screening-provisional = { $count ->
    [one] Tulos on alustava: yksi pakollinen kysymys on vastaamatta.
   *[other] Tulos on alustava: { $count } pakollista kysymystä on vastaamatta.
}
screening-unmet = OT-tason tuki edellyttää myös näitä vastauksia, joita ei ole annettu:
screening-reasons = Mihin tulos perustuu
screening-reason = { $item }: { $answer } ({ $weight }) – { $who }
screening-phenomena = Ilmiöt, joihin vastaukset viittaavat
screening-differing = Tiimin näkemykset eroavat näissä kysymyksissä (tulos käyttää huolestuttavinta vastausta):
screening-not-a-decision = Tulos on suositus konsultoida, ei päätös lapsesta. Ammattilaiset harkitsevat jatkon yhdessä perheen kanssa.
screening-see-guidance = Katso ehdotetut kanavat ja asiantuntijat
screening-finish = Merkitse valmiiksi
screening-reopen = Avaa uudelleen
screening-requests = Seulonnasta tehdyt konsultaatiopyynnöt
screening-request-link = Pyyntö { $id }
screening-changed-under = Vastauksia on muutettu sen jälkeen, kun avasit sivun. Tarkista päivittynyt tulos ja merkitse seulonta valmiiksi uudelleen.
screening-my-answers = Omat vastauksesi
screening-answers-lead = Vastaa oman työsi näkökulmasta. Kollegoiden vastaukset näkyvät kunkin kysymyksen alla; jokainen tallentaa vain omansa.
screening-others-said = Muiden vastaukset
screening-views-differ = näkemykset eroavat
screening-comment = Oma huomiosi (vapaaehtoinen)
screening-comment-hint = Enintään 2000 merkkiä. Ei nimiä eikä henkilötunnuksia.
screening-save-answers = Tallenna vastaukset
screening-team = Tiimi
screening-invite-username = Kutsu kollega (käyttäjätunnus)
screening-invite-hint = Esimerkiksi koulun, sosiaalipalveluiden tai terveydenhuollon ammattilainen, jolla on tunnus alustalle.
screening-invite = Kutsu
screening-invite-unknown = Tällä käyttäjätunnuksella ei löydy käytössä olevaa tiliä.
screening-invite-not-professional = Seulontaan voi kutsua vain ammattilaisen (ei esimerkiksi tutkijaa tai pääkäyttäjää).
screening-finished = Seulonta on merkitty valmiiksi. Aloittaja voi avata sen uudelleen.
screening-no-identity-code = Tekstissä on henkilötunnukselta näyttävä merkkijono. Seulontaan ei kirjata tunnistetietoja.
screening-text-invalid = Tekstissä on merkkejä, joita ei voi tallentaa.
screening-json-invalid = Määrittely ei ole kelvollista JSONia.
screening-yes-no-options = Kyllä/ei-kysymyksellä on oltava täsmälleen vaihtoehdot "yes" ja "no".
screening-weight-range = Painon on oltava välillä −100…100 (ilmiön raja vähintään 1).
screening-unknown-phenomenon = Tuntematon ilmiökoodi.
screening-thresholds-order = Harkinnan raja ei voi olla OT-tason rajaa suurempi.
screening-unknown-item = Ehto viittaa kysymykseen, jota lomakkeessa ei ole.
screening-unknown-option = Ehto viittaa vaihtoehtoon, jota kysymyksessä ei ole.
screening-platform-version = alustan oletusversio
label-own_note = Oma huomiosi
label-username = Käyttäjätunnus
done-screening-started = Seulonta on aloitettu. Vastaa kysymyksiin ja kutsu tiimin muut jäsenet.
done-screening-answers-saved = Vastauksesi on tallennettu ja tulos päivitetty.
done-screening-invited = Kollega on lisätty tiimiin.
done-screening-already-member = Kollega oli jo tiimissä.
done-screening-finished = Seulonta on merkitty valmiiksi; tulos on tallennettu.
done-screening-reopened = Seulonta on avattu uudelleen.
done-instrument-saved = Uusi versio on tallennettu. Uudet seulonnat käyttävät sitä; aiemmat pitävät oman versionsa.
done-request-from-screening = Konsultaatiopyynnön luonnos on tehty seulonnan vastauksista. Tarkista ja täydennä tekstit ennen lähettämistä.
suggest-title = Ehdotetut konsultaatiokanavat ja asiantuntijat
suggest-provisional = Tulos on alustava, koska pakollisia kysymyksiä on vastaamatta: ehdotukset voivat muuttua.
suggest-no-phenomena = Vastaukset eivät vielä viittaa mihinkään ilmiöön, joten kanavia ja asiantuntijoita ei voi ehdottaa. Voit etsiä itse asiantuntijahausta.
suggest-from-neighbours = Omalta yhteistyöalueeltasi ei löytynyt sopivaa, joten ehdotukset ovat naapurialueilta ja etäyhteydellä.
suggest-channels = Konsultaatiokanavat
suggest-no-channels = Sopivaa kanavaa, jonka seuraavaan kokoukseen ehtisi, ei löytynyt.
suggest-experts = Asiantuntijat
suggest-no-experts = Sopivia asiantuntijoita ei löytynyt.
suggest-open-request = Tee konsultaatiopyyntö
suggest-open-request-to = Tee konsultaatiopyyntö kanavalle { $name }
suggest-left-out = Mitä jätettiin pois
suggest-left-no-meeting = { $count ->
    [one] Yksi sopiva kanava ilman kokousta, jonka ilmoitusajassa tai paikoissa vielä ehtisi.
   *[other] { $count } sopivaa kanavaa ilman kokousta, jonka ilmoitusajassa tai paikoissa vielä ehtisi.
}
suggest-left-not-admitted = { $count ->
    [one] Yksi sopiva kanava ei ota pyyntöjä alueeltasi tai sektoriltasi.
   *[other] { $count } sopivaa kanavaa ei ota pyyntöjä alueeltasi tai sektoriltasi.
}
suggest-left-paused = { $count ->
    [one] Yksi sopiva asiantuntija on tauolla.
   *[other] { $count } sopivaa asiantuntijaa on tauolla.
}
suggest-why-phenomena = Ilmiöt: { $names }
suggest-why-county = Palvelee omaa hyvinvointialuettasi
suggest-why-area = Omalta yhteistyöalueeltasi
suggest-why-neighbour = Naapurialueelta: { $area }
suggest-why-remote = Etänä mahdollinen
suggest-why-language = Työskentelee kielellä: { $language }
suggest-why-no-language = Ei mainitse kieltä: { $language }
suggest-why-level = Palvelee tasoa: { $level }
suggest-why-meeting = Seuraava kokous { $day }, ilmoitus viimeistään { $deadline }, vapaita paikkoja { $free }
instrument-edit = Muokkaa seulontalomaketta
instrument-edit-for = Versio: { $area }
instrument-edit-lead = Lomake on tallennettu muodossa, jossa on osiot, kysymykset, vaihtoehtojen painot ja ilmiöt sekä päätössäännöt (rajat ja välttämättömät vastaukset). Jokainen tallennus on uusi versio; jo aloitetut seulonnat pitävät versionsa ja tuloksensa.
instrument-definition = Lomakkeen määrittely (JSON)
instrument-definition-hint = Tekstit suomeksi (fi), ruotsiksi (sv) ja englanniksi (en). Painot −100…100; ilmiöt taksonomian koodeina.
instrument-save = Tallenna uusi versio
instrument-conflict = Joku tallensi lomakkeesta uuden version sen jälkeen, kun avasit sivun. Muutoksesi ovat alla; avaa sivu uudelleen nähdäksesi uusimman version ennen tallentamista.
instrument-history = Versiot
instrument-history-none = Tällä alueella ei ole vielä omaa versiota: käytössä on alustan oletusversio.
instrument-version = versio { $version }
home-shortcut-screenings = Tunnista OT-tason tuen tarve tiimin kanssa ja löydä oikea konsultaatiokanava.
expert-levels-hint = Millä palvelutason tarpeella asiantuntijaa voi konsultoida. Palveluohjaus käyttää tätä ehdotuksissaan.
expert-levels-save = Tallenna palvelutasot
request-need-level = Palvelutason tarve (pyytäjän arvio)
request-concluded-level = Palvelutaso (ryhmän johtopäätös)
request-level-none = Ei arvioitu
request-from-screening = Tehty seulonnasta
suggest-uncovered = Mikään ehdotetuista kanavista ei ota näitä ilmiöitä: { $names }. Katso asiantuntijat alla tai kysy OT-keskukselta.
suggest-ask-ot-centre = Kysy OT-keskukselta
screening-finish-incomplete = Seulontaa ei voi merkitä valmiiksi, koska pakollisia kysymyksiä on vastaamatta (luettelo tuloksen kohdalla). Tiimi vastaa niihin ensin.
suggest-no-area = Seulonnan aloittajan tilillä ei ole yhteistyöaluetta, joten kanavia ja asiantuntijoita ei voi ehdottaa alueen mukaan. Pyydä pääkäyttäjää lisäämään alue tai kysy OT-keskukselta.
screening-awaits-you = odottaa vastaustasi
