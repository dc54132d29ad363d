# Evenemang (webbinarier, utbildningar, forumserier) och mitt kunnande.

events-nav = Evenemang
events-nav-learning = Mitt kunnande
events-title = Evenemang
events-lead = OT-centrens webbinarier, utbildningar och forumserier för yrkesverksamma. Till offentliga evenemang kan man också anmäla sig utan konto, per e-post.
events-new = Nytt evenemang
events-edit = Redigera evenemanget
events-calendar-feed = Evenemangskalender (iCalendar)
events-calendar-name = OT-plattformen: evenemang
events-tabs = Kommande och tidigare evenemang
events-coming = Kommande evenemang
events-past = Tidigare evenemang
events-none = Inga evenemang.
events-filter = Avgränsa
events-any-kind = Alla typer
events-any-phenomenon = Alla fenomen
events-series = Forumserie: { $name }
events-series-other = Seriens övriga träffar
events-kind-webinar = Webbinarium
events-kind-training = Utbildning
events-kind-forum = Forum
events-visibility-public = Offentligt (syns för alla)
events-visibility-professionals = Endast inloggade yrkesverksamma
events-professionals-only = Endast inloggade
events-national = Riksomfattande
events-online = På nätet
events-cancelled = Inställt
events-cancelled-notice = Evenemanget är inställt.
events-seats-free = { $count ->
    [one] 1 plats ledig
   *[other] { $count } platser lediga
}
events-seats-full = Fullt – nya anmälningar hamnar på reservplats
events-field-kind = Typ av evenemang
events-field-title = Namn
events-field-series = Forumserie
events-hint-series = Träffarna i samma serie visas tillsammans. Lämna tomt om evenemanget inte hör till en serie.
events-field-description = Beskrivning
events-hint-description = En tom rad börjar ett nytt stycke.
events-field-when = Tid
events-field-starts = Börjar
events-field-ends = Slutar
events-hint-time = Finsk tid (Europe/Helsinki).
events-field-place = Plats
events-field-online-url = Länk till nätevenemanget
events-hint-online-url = Visas endast för anmälda, aldrig på den offentliga sidan.
events-field-organiser = Arrangör
events-field-responsible = Ansvarsperson
events-hint-responsible = Ett användarnamn; tomt = du (eller nuvarande ansvarsperson).
events-field-area = Samarbetsområde
events-field-phenomena = Fenomen
events-field-capacity = Platser
events-field-registration-open = Anmälan är öppen
events-field-deadline = Anmälan stänger
events-field-visibility = Synlighet
events-field-recording = Länk till inspelningen
events-hint-recording = Läggs till efter evenemanget; visas på det tidigare evenemangets sida.
events-field-name = Namn
events-field-email = E-post
events-field-organisation = Organisation
events-optional = Frivilligt.
events-save = Spara
events-online-link = Länk för att delta
events-recording = Se inspelningen
events-add-to-calendar = Lägg till i kalendern (.ics)
events-registration = Anmälan
events-register = Anmäl dig
events-unregister = Återkalla anmälan
events-status-registered = Du är anmäld.
events-waitlist-position = Du har reservplats { $position }.
events-login-hint = Yrkesverksam med konto:
events-login = logga in och anmäl dig med ett klick
events-signup-title = Anmäl dig per e-post
events-signup-lead = Du får en bekräftelselänk per e-post. Anmälan gäller när du har bekräftat den inom 48 timmar.
events-signup-button = Skicka bekräftelselänken
events-manage = För arrangören
events-attendance = Deltagare och närvaro
events-cancel-event = Ställ in evenemanget
events-closed-cancelled = Evenemanget är inställt.
events-closed-started = Evenemanget har börjat; anmälan är stängd.
events-closed-not-open = Anmälan är inte öppen.
events-closed-deadline = Anmälningstiden har gått ut.
events-error-end-before-start = Sluttiden ska vara efter starttiden.
events-error-too-long = Ett evenemang kan pågå högst två veckor.
events-error-deadline-after-start = Anmälan ska stänga senast när evenemanget börjar.
events-error-too-long-text = Texten är för lång.
events-error-time = Ange tiden som dd.mm.åååå tt.mm.
events-error-place = Ange en plats eller en länk till nätevenemanget.
events-error-url = Ange en länk som börjar med https://.
events-error-capacity = Ange antalet platser (minst 1).
events-error-capacity-below-taken = Det kan inte finnas färre platser än anmälda.
events-error-user = Det finns ingen användare med detta användarnamn.
events-error-email = Ange en fungerande e-postadress.
done-events-saved = Evenemanget har sparats.
done-events-cancelled = Evenemanget har ställts in och de anmälda har underrättats.
done-events-closed = Anmälan är inte öppen.
done-events-registered = Du är anmäld. Välkommen!
done-events-waitlisted = Evenemanget är fullt: du har reservplats. Du får meddelande om en plats blir ledig.
done-events-already = Du är redan anmäld till detta evenemang.
done-events-unregistered = Din anmälan har återkallats.
done-events-check-mail = Vi skickade en bekräftelselänk till adressen du angav. Om adressen redan var anmäld får du i stället ett meddelande med en länk för att återkalla anmälan.
done-events-attendance-saved = Närvaron har sparats.
done-events-attendance-early = Närvaron kan markeras när evenemanget har börjat.
events-confirm-title = Bekräfta anmälan
events-confirm-text = Bekräfta din anmälan till { $title } ({ $when }).
events-confirm-button = Bekräfta anmälan
events-confirmed-title = Anmälan bekräftad
events-confirmed-seat = Du är anmäld till { $title }. Vi skickade en bekräftelse med en länk för att återkalla anmälan.
events-confirmed-waitlist = { $title } är fullt: du har reservplats { $position }. Du får e-post om en plats blir ledig.
events-link-title = Länken fungerar inte
events-link-unknown = Länken har redan använts eller är okänd. Om din anmälan redan är bekräftad behöver du inte göra något.
events-link-expired = Länken har gått ut. Du kan anmäla dig på nytt på evenemangets sida: { $link }
events-cancel-title = Återkalla anmälan
events-cancel-text = Vill du återkalla din anmälan till { $title } ({ $when })?
events-cancel-button = Återkalla anmälan
events-unregistered-title = Anmälan återkallad
events-unregistered-text = Din anmälan har återkallats. Platsen går till nästa person på reservlistan.
events-waiting-count = { $count } på reservlistan.
events-no-participants = Inga anmälda.
events-attendance-legend = Markera deltagarna
events-outside = utan konto
events-certificate-title = Deltagarintyg
events-certificate-attended = har deltagit i
events-certificate-hours = Längd { $hours } timmar
events-certificate-organiser = Arrangör: { $organiser }
events-certificate-note = Utskrivet från OT-plattformen.
events-certificate-page = sida { $n } / { $total }
events-certificate-link = Deltagarintyg (PDF)
events-certificate-of = Deltagarintyg: { $title }
events-recording-available = inspelning finns
events-learning-title = Mitt kunnande
events-learning-lead = Evenemang du anmält dig till, evenemang du deltagit i och dina intyg.
events-learning-coming = Mina kommande evenemang
events-learning-coming-none = Du har inte anmält dig till kommande evenemang.
events-learning-attended = Evenemang jag deltagit i
events-learning-attended-none = Inget deltagande ännu.
events-learning-certificates = Intyg
events-learning-certificates-none = Inga intyg.
events-sector-unknown = Okänd
events-mail-confirm-subject = Bekräfta din anmälan: { $title }
events-mail-confirm-body = Hej,

    bekräfta din anmälan till { $title } ({ $when }) med den här länken inom 48 timmar:
    { $link }

    Om du inte anmält dig kan du lämna meddelandet utan åtgärd.

    OT-plattformen
events-mail-already-subject = Du är redan anmäld: { $title }
events-mail-already-body = Hej,

    den här adressen är redan anmäld till { $title } ({ $when }). Om du vill återkalla anmälan, använd den här länken:
    { $link }

    OT-plattformen
events-mail-registered-subject = Anmälan bekräftad: { $title }
events-mail-registered-body = Hej,

    du är anmäld till { $title } ({ $when }).
    Evenemanget: { $page }
    Om du inte kan delta, återkalla anmälan här så att platsen går till någon annan:
    { $link }

    OT-plattformen
events-mail-waitlisted-subject = Du har reservplats: { $title }
events-mail-waitlisted-body = Hej,

    { $title } ({ $when }) är fullt och du har reservplats. Du får meddelande om en plats blir ledig.
    Du kan återkalla anmälan här:
    { $link }

    OT-plattformen
events-mail-promoted-subject = Du fick en plats: { $title }
events-mail-promoted-body = Hej,

    en plats blev ledig: du är nu anmäld till { $title } ({ $when }).
    Evenemanget: { $page }

    OT-plattformen
events-mail-reminder-subject = Påminnelse: { $title }
events-mail-reminder-body = Hej,

    en påminnelse: { $title } börjar { $when }.
    Evenemanget: { $page }

    OT-plattformen
events-mail-cancelled-subject = Evenemanget inställt: { $title }
events-mail-cancelled-body = Hej,

    { $title } ({ $when }) har ställts in. Vi beklagar.

    OT-plattformen
