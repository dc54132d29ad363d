# Respons: den yrkesutbildades slutenkät och barns, ungas och föräldrars respons via engångslänkar.

## Slutenkäten vid uppföljningen
survey-title = Slutenkät
survey-help = Dina svar används endast i sammanställd statistik för att utveckla OT-centrets verksamhet. Enkäten besvaras en gång, vid uppföljningen.
survey-already-answered = Slutenkäten för den här begäran har redan besvarats. De första svaren behålls.
label-survey_useful = Nytta
label-survey_plan_changed = Ändrad plan
label-survey_avoided_other = Annan remiss eller annat besök
label-survey_speed = Hjälpens snabbhet
label-survey_missing = Vad saknades
audit-action-request-survey = Slutenkätens svar

## Responslänkar på ärendesidan
feedback-links-title = Respons från barnet, den unga eller föräldern
feedback-links-help = Efter konsultationen kan du be barnet, den unga eller föräldern om respons via en engångslänk. Länken kan ges på papper eller visas som QR-kod. Det behövs inga användarnamn för att svara.
feedback-links-privacy = Ingen ser enskilda svar, och inga uppgifter om den som svarar sparas. Svaren syns endast som sammanställd statistik.
feedback-links-made = Responslänkar du har skapat
feedback-audience = För vem
feedback-lang = Språk
feedback-created = Skapad
feedback-expires = Giltig till
feedback-state = Status
feedback-actions = Åtgärder
feedback-revoke = Återkalla länken
feedback-create = Skapa en responslänk
feedback-days = Giltighetstid i dagar
feedback-days-hint = Standard 30 dagar, högst { $max } dagar.
feedback-days-invalid = Ange giltighetstiden i hela dagar (1–90).
feedback-audience-child = Barn (cirka 7–12 år)
feedback-audience-youth = Ung (13–17 år)
feedback-audience-parent = Förälder eller vårdnadshavare
feedback-link-state-open = Öppen
feedback-link-state-used = Besvarad
feedback-link-state-expired = Utgången
feedback-link-limit = Det högsta antalet responslänkar (20) har redan skapats för den här begäran.
feedback-link-too-early = En responslänk kan skapas först när gruppen har behandlat begäran.
feedback-link-used = Länken har redan besvarats och kan inte återkallas.
request-done-feedback-link-revoked = Responslänken återkallades. Den kan inte längre användas.
request-done-feedback-link-replayed = Responslänken var redan skapad och visades bara en gång. Om länken har kommit bort, återkalla den och skapa en ny.
audit-action-feedback-link-create = Responslänk skapad
audit-action-feedback-link-revoke = Responslänk återkallad
audit-action-feedback-link-used = Responslänk besvarad

## Sidan för en ny länk och det utskrivbara kortet
feedback-link-made-title = Responslänken är klar
feedback-link-shown-once = Länken visas bara nu. Skriv ut den eller visa den för den som ska svara nu; senare kan den inte visas igen.
feedback-link-print-help = Skriv ut kortet med webbläsarens utskriftsfunktion (till exempel Ctrl+P). Bara kortet kommer med på utskriften.
feedback-card-title-child = Berätta hur det kändes
feedback-card-title-youth = Berätta vad du tycker
feedback-card-title-parent = Ge oss respons
feedback-card-text-child = Det är bara tre frågor. Du kan svara med en telefon eller surfplatta. Ingen frågar efter ditt namn.
feedback-card-text-youth = Tre korta frågor om hur du blev hörd och om det här hjälpte. Du svarar anonymt.
feedback-card-text-parent = Tre korta frågor om konsultationen. Ni svarar anonymt, och svaren kopplas inte till er.
feedback-card-scan = Öppna med kameran eller skriv adressen i webbläsaren.
feedback-card-expires = Länken fungerar en gång, till och med { $date }.

## Den offentliga responssidan
feedback-form-title-child = Hur kändes det?
feedback-form-title-youth = Vad tyckte du?
feedback-form-title-parent = Respons på konsultationen
feedback-form-intro-child = De vuxna pratade om dig och funderade på hur de kan hjälpa dig. Välj det ansikte som bäst visar hur du känner för varje fråga.
feedback-form-intro-youth = Yrkesfolk funderade tillsammans på din situation. Berätta med tre val hur du upplevde det. Du kan hoppa över en fråga.
feedback-form-intro-parent = Ert barns ärende behandlades i en konsultation. Berätta hur ni upplevde den. Det finns tre frågor, och ni behöver inte svara på alla.
feedback-form-privacy-child = Ingen frågar efter ditt namn. Ingen kan se just ditt svar.
feedback-form-privacy-youth = Du svarar anonymt. Ditt svar räknas ihop med andras, och ingen ser det ensamt.
feedback-form-privacy-parent = Ni svarar anonymt. Svaren används endast i sammanställd statistik och kopplas inte till er.
feedback-send = Skicka
feedback-answer-one = Svara på minst en fråga.
feedback-used-title = Det här är redan besvarat
feedback-expired-title = Länken gäller inte längre
feedback-used-child = Någon har redan svarat med den här länken. Tack!
feedback-used-youth = Den här länken har redan använts. Varje länk fungerar bara en gång.
feedback-used-parent = Den här länken har redan använts. Varje länk fungerar bara en gång.
feedback-expired-child = Den här länken är för gammal, och den går inte längre att svara med.
feedback-expired-youth = Länken har gått ut och går inte längre att svara med.
feedback-expired-parent = Länkens giltighetstid har gått ut, och den går inte längre att svara med.
feedback-what-now-child = Om du vill berätta vad du tycker, fråga den vuxna som gav dig länken.
feedback-what-now-youth = Om du fortfarande vill ge respons, be om en ny länk av den som gav dig länken.
feedback-what-now-parent = Om ni fortfarande vill ge respons, be om en ny länk av den som gav er länken.
feedback-unknown-title = Länken hittades inte
feedback-unknown = Det finns inget responsformulär på den här adressen. Kontrollera att adressen är rätt skriven.
feedback-unknown-what-now = Om adressen är rätt, be om en ny länk av den som gav dig länken.
feedback-busy-title = Vänta en stund
feedback-busy = { $minutes ->
    [one] För många felaktiga adresser har provats från den här enheten. Försök igen om en minut.
   *[other] För många felaktiga adresser har provats från den här enheten. Försök igen om { $minutes } minuter.
}
feedback-thanks-title-child = Tack!
feedback-thanks-title-youth = Tack för ditt svar!
feedback-thanks-title-parent = Tack för er respons!
feedback-thanks-child = Ditt svar är sparat. Det hjälper de vuxna att hjälpa barn ännu bättre. Nu kan du stänga sidan.
feedback-thanks-youth = Ditt svar är sparat. Det hjälper oss att göra tjänsterna bättre för unga. Du kan stänga sidan.
feedback-thanks-parent = Ert svar är sparat. Det hjälper oss att utveckla stödet för barn och familjer. Ni kan stänga sidan.
