# OT-screening och servicehandledning (screenings)
nav-screenings = OT-screening
screenings-title = OT-screeningar
screenings-lead = Med OT-screeningen bedömer ett mångprofessionellt team om barnet eller den unga i sin situation behöver stöd på OT-nivå (den mest krävande nivån). Resultatet är en rekommendation att konsultera, inte ett beslut om barnet.
screenings-mine = Egna och delade screeningar
screenings-none = Du har inga screeningar ännu.
screening-new = Påbörja en screening
screening-start = Påbörja
screening-name = Screening { $id }
screening-number = Screening
screening-started = Påbörjad
screening-owner = Påbörjad av
screening-age = Barnets eller den ungas ålder
screening-age-unknown = Inte angiven
screening-language = Familjens språk
screening-language-fi = finska
screening-language-sv = svenska
screening-language-en = engelska
screening-language-other = annat språk
screening-no-identity = Skriv inte barnets eller familjemedlemmarnas namn eller personbeteckningar i screeningen. Screeningen identifieras med ett nummer.
screening-instrument = Screeningformulär
screening-status-open = Pågår
screening-status-done = Klar
screening-open = Pågår
screening-result = Resultat
screening-outcome-indicated = Stöd på OT-nivå är motiverat
screening-outcome-consider = Överväg stöd på OT-nivå
screening-outcome-not-indicated = Inget behov av stöd på OT-nivå framkommer
screening-level-line = Stödnivå: { $level }
level-perustaso = basnivå
level-erityistaso = specialnivå
level-ot-taso = OT-nivå
screening-score-line = Poäng { $score } (övervägande från { $consider } poäng, OT-nivå från { $indicated } poäng).
screening-provisional = { $count ->
    [one] Resultatet är preliminärt: en obligatorisk fråga är obesvarad.
   *[other] Resultatet är preliminärt: { $count } obligatoriska frågor är obesvarade.
}
screening-unmet = Stöd på OT-nivå förutsätter också följande svar, som inte har getts:
screening-reasons = Vad resultatet grundar sig på
screening-reason = { $item }: { $answer } ({ $weight }) – { $who }
screening-phenomena = Fenomen som svaren pekar på
screening-differing = Teamets synsätt skiljer sig åt i följande frågor (resultatet utgår från det mest oroande svaret):
screening-not-a-decision = Resultatet är en rekommendation att konsultera, inte ett beslut om barnet. Yrkespersonerna överväger den fortsatta planen tillsammans med familjen.
screening-see-guidance = Se föreslagna kanaler och experter
screening-finish = Markera som klar
screening-reopen = Öppna på nytt
screening-requests = Konsultationsförfrågningar som gjorts utifrån screeningen
screening-request-link = Förfrågan { $id }
screening-changed-under = Svaren har ändrats efter att du öppnade sidan. Kontrollera det uppdaterade resultatet och markera screeningen som klar på nytt.
screening-my-answers = Dina svar
screening-answers-lead = Svara utifrån ditt eget arbete. Kollegernas svar visas under varje fråga; var och en sparar bara sina egna svar.
screening-others-said = Andras svar
screening-views-differ = synsätten skiljer sig åt
screening-comment = Din iakttagelse (frivillig)
screening-comment-hint = Högst 2 000 tecken. Inga namn eller personbeteckningar.
screening-save-answers = Spara svaren
screening-team = Team
screening-invite-username = Bjud in en kollega (användarnamn)
screening-invite-hint = Till exempel en yrkesperson inom skolan, socialtjänsten eller hälso- och sjukvården som har användarnamn till plattformen.
screening-invite = Bjud in
screening-invite-unknown = Det finns inget aktivt konto med detta användarnamn.
screening-invite-not-professional = Endast yrkespersoner kan bjudas in till en screening (inte till exempel forskare eller huvudanvändare).
screening-finished = Screeningen har markerats som klar. Den som påbörjade den kan öppna den på nytt.
screening-no-identity-code = Texten innehåller en teckenföljd som ser ut som en personbeteckning. Identifierande uppgifter antecknas inte i screeningen.
screening-text-invalid = Texten innehåller tecken som inte kan sparas.
screening-json-invalid = Definitionen är inte giltig JSON.
screening-yes-no-options = En ja/nej-fråga måste ha exakt alternativen "yes" och "no".
screening-weight-range = Vikten måste ligga mellan −100 och 100 (gränsen för ett fenomen minst 1).
screening-unknown-phenomenon = Okänd fenomenkod.
screening-thresholds-order = Gränsen för övervägande kan inte vara högre än gränsen för OT-nivå.
screening-unknown-item = Villkoret hänvisar till en fråga som inte finns i formuläret.
screening-unknown-option = Villkoret hänvisar till ett alternativ som inte finns i frågan.
screening-platform-version = plattformens standardversion
label-own_note = Din iakttagelse
label-username = Användarnamn
done-screening-started = Screeningen har påbörjats. Svara på frågorna och bjud in teamets övriga medlemmar.
done-screening-answers-saved = Dina svar har sparats och resultatet har uppdaterats.
done-screening-invited = Kollegan har lagts till i teamet.
done-screening-already-member = Kollegan var redan med i teamet.
done-screening-finished = Screeningen har markerats som klar; resultatet har sparats.
done-screening-reopened = Screeningen har öppnats på nytt.
done-instrument-saved = En ny version har sparats. Nya screeningar använder den; tidigare screeningar behåller sin egen version.
done-request-from-screening = Ett utkast till konsultationsförfrågan har gjorts utifrån screeningens svar. Kontrollera och komplettera texterna innan du skickar förfrågan.
suggest-title = Föreslagna konsultationskanaler och experter
suggest-provisional = Resultatet är preliminärt eftersom obligatoriska frågor är obesvarade: förslagen kan ändras.
suggest-no-phenomena = Svaren pekar ännu inte på något fenomen, så inga kanaler eller experter kan föreslås. Du kan själv söka i expertsökningen.
suggest-from-neighbours = Inget lämpligt hittades i ditt eget samarbetsområde, så förslagen kommer från grannområdena och gäller distanskonsultation.
suggest-channels = Konsultationskanaler
suggest-no-channels = Ingen lämplig kanal med ett möte som du ännu hinner till hittades.
suggest-experts = Experter
suggest-no-experts = Inga lämpliga experter hittades.
suggest-open-request = Gör en konsultationsförfrågan
suggest-open-request-to = Gör en konsultationsförfrågan till kanalen { $name }
suggest-left-out = Vad som lämnades bort
suggest-left-no-meeting = { $count ->
    [one] En lämplig kanal utan ett möte vars tidsfrist du ännu hinner till och där det finns lediga platser.
   *[other] { $count } lämpliga kanaler utan ett möte vars tidsfrist du ännu hinner till och där det finns lediga platser.
}
suggest-left-not-admitted = { $count ->
    [one] En lämplig kanal tar inte emot förfrågningar från ditt område eller din sektor.
   *[other] { $count } lämpliga kanaler tar inte emot förfrågningar från ditt område eller din sektor.
}
suggest-left-paused = { $count ->
    [one] En lämplig expert har paus.
   *[other] { $count } lämpliga experter har paus.
}
suggest-why-phenomena = Fenomen: { $names }
suggest-why-county = Betjänar ditt eget välfärdsområde
suggest-why-area = Från ditt eget samarbetsområde
suggest-why-neighbour = Från grannområdet: { $area }
suggest-why-remote = Distanskonsultation möjlig
suggest-why-language = Arbetar på: { $language }
suggest-why-no-language = Nämner inte språket: { $language }
suggest-why-level = Verkar på nivån: { $level }
suggest-why-meeting = Nästa möte { $day }, anmälan senast { $deadline }, { $free } lediga platser
instrument-edit = Redigera screeningformuläret
instrument-edit-for = Version: { $area }
instrument-edit-lead = Formuläret sparas i ett format med avsnitt, frågor, alternativens vikter och fenomen samt beslutsregler (gränser och nödvändiga svar). Varje sparning är en ny version; redan påbörjade screeningar behåller sin version och sitt resultat.
instrument-definition = Formulärets definition (JSON)
instrument-definition-hint = Texter på finska (fi), svenska (sv) och engelska (en). Vikter −100…100; fenomen som taxonomins koder.
instrument-save = Spara en ny version
instrument-conflict = Någon har sparat en ny version av formuläret efter att du öppnade sidan. Dina ändringar finns nedan; öppna sidan på nytt för att se den senaste versionen innan du sparar.
instrument-history = Versioner
instrument-history-none = Det här området har ännu ingen egen version: plattformens standardversion används.
instrument-version = version { $version }
home-shortcut-screenings = Identifiera behov av stöd på OT-nivå tillsammans med teamet och hitta rätt konsultationskanal.
expert-levels-hint = På vilken servicenivå behovet ska vara för att den sakkunniga kan konsulteras. Servicehandledningen använder detta i sina förslag.
expert-levels-save = Spara servicenivåerna
request-need-level = Behov på servicenivå (den begärandes bedömning)
request-concluded-level = Servicenivå (gruppens slutsats)
request-level-none = Inte bedömt
request-from-screening = Gjord utifrån screeningen
suggest-uncovered = Ingen av de föreslagna kanalerna tar dessa fenomen: { $names }. Se de sakkunniga nedan eller fråga OT-centret.
suggest-ask-ot-centre = Fråga OT-centret
screening-finish-incomplete = Screeningen kan inte markeras som klar, eftersom obligatoriska frågor är obesvarade (listan vid resultatet). Teamet besvarar dem först.
suggest-no-area = Kontot för den som startade screeningen har inget samarbetsområde, så kanaler och sakkunniga kan inte föreslås enligt område. Be huvudanvändaren lägga till området eller fråga OT-centret.
screening-awaits-you = väntar på dina svar
