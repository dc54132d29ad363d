audit-problem-removal-unsigned = Enligt loggen har posterna 1–{ $seq } tagits bort när bevarandetiden gått ut, men det finns ingen borttagningspost signerad med denna installations nyckel: de togs bort utanför bevarandetiden.
audit-problem-removal-other = Enligt loggen har posterna 1–{ $seq } tagits bort, men den signerade borttagningsposten gäller post { $recorded }.
audit-problem-removal-young = Enligt loggen har posterna 1–{ $seq } tagits bort, men den sista borttagna posten skrevs { $at }, för mindre än 12 år sedan.
audit-problem-removal-pinned = Enligt loggen har posterna 1–{ $seq } tagits bort, men kontrollpunkten { $at }, för mindre än 12 år sedan, fäste post { $pinned }.
audit-problem-removal-left = Enligt loggen har posterna 1–{ $seq } tagits bort, men post { $left } finns kvar.
access-extract-title = Loggutdrag för klienten: begäran { $id }
access-extract-lead = Klienten har rätt att få veta vem som har behandlat hens uppgifter, när och på vilken grund (lagen om behandling av kunduppgifter inom social- och hälsovården 703/2023, 11 §). Utdraget listar alla poster i åtkomstloggen som gäller denna begärans uppgifter under den valda perioden. Att utdraget görs registreras i loggen.
access-extract-from = Från
access-extract-to = Till
access-extract-show = Visa utdraget
access-extract-count = { $n ->
    [one] Under den valda perioden finns en post.
   *[other] Under den valda perioden finns { $n } poster.
}
access-extract-pdf = Ladda ner PDF
access-extract-csv = Ladda ner CSV
access-extract-empty = Det finns inga poster under den valda perioden.
access-extract-caption = Poster i åtkomstloggen
access-extract-when = Tid
access-extract-who = Användare
access-extract-role = Roll
access-extract-action = Händelse
access-extract-basis = Ändamål och grund
access-extract-outcome = Resultat
access-extract-back = Tillbaka till begäran
access-extract-period = Period
access-extract-produced = Utdraget gjort
access-extract-page = sida
access-extract-nobody = (ingen inloggad användare)
access-extract-link = Loggutdrag för klienten
access-extract-pseudonymous = Ett loggutdrag kan göras endast för en identifierad begäran: en pseudonym begäran kan inte kopplas till klienten.
access-extract-period-order = Slutdagen ska vara samma som eller senare än startdagen.
access-extract-too-long = Under den valda perioden finns över 20 000 poster: dela upp utdraget i kortare perioder.
audit-basis-consultation = Konsultation (behandling av klientens ärende)
audit-basis-screening = OT-screening
audit-basis-access-report = Utredning av rätten till insyn
audit-basis-client-s-right-of-access = Klientens rätt till insyn
audit-action-request-access-extract = Loggutdrag för klienten
