//! Sanasto: words that name the same thing in the field's own language,
//! finer than the taxonomy's phenomena, in Finnish, Swedish and English.
//!
//! The taxonomy is coarse on purpose (a phenomenon per consultation
//! channel: "Vaativa sijaishuolto" covers foster families, children's homes
//! and reform schools alike), so a Finnish word meets only texts that name
//! its own thing: "koulukoti" finds "skolhem" and "reform school", not
//! every text on substitute care. Each ring lists one thing's words, base
//! forms, any language; the search recognises them in every text like the
//! taxonomy's names (`matching::Concepts`). Written from the field's usage,
//! not from any test collection.

/// (id, words). Ids are stable: documents carry them as `sanasto:<id>`.
pub const RINGS: &[(&str, &str)] = &[
    (
        "divorce",
        "avioero, erotilanne, eroperhe, vanhempien ero, asumisero, huoltoriita, huoltajuusriita, \
         huoltajuuskiista, tapaamisriita, eroriita, lapsen huolto, skilsmässa, separation, \
         vårdnadstvist, umgängestvist, divorce, custody dispute, custody, parental separation",
    ),
    (
        "domestic-violence",
        "lähisuhdeväkivalta, perheväkivalta, parisuhdeväkivalta, kotiväkivalta, väkivalta perheessä, \
         våld i nära relationer, familjevåld, partnervåld, domestic violence, family violence, \
         intimate partner violence, domestic abuse",
    ),
    (
        "sexual-abuse",
        "seksuaalinen hyväksikäyttö, seksuaalinen väkivalta, seksuaalirikos, sexuella övergrepp, \
         sexuellt våld, sexual abuse, sexual violence",
    ),
    (
        "foster-care",
        "sijaisperhe, perhehoito, perhehoitaja, sijaisvanhempi, sijaisvanhemmuus, sijoitettu lapsi, \
         huostaanotto, huostaanotettu, familjehem, fosterhem, familjehemsvård, omhändertagande, \
         foster care, foster family, foster parent, taken into care",
    ),
    (
        "childrens-home",
        "lastenkoti, lastensuojelulaitos, laitoshoito, barnhem, institution för barn, \
         children's home, residential care, residential home",
    ),
    (
        "family-home",
        "perhekoti, ammatillinen perhekoti, professionellt familjehem, family home, \
         professional foster home",
    ),
    (
        "reform-school",
        "koulukoti, skolhem, reform school, residential school",
    ),
    (
        "cp-notification",
        "lastensuojeluilmoitus, ilmoitus lastensuojeluun, ilmoitusvelvollisuus, barnskyddsanmälan, \
         orosanmälan, child protection notification, child protection report",
    ),
    (
        "substance-use",
        "päihde, päihteet, päihdeongelma, päihteiden käyttö, huume, huumeet, alkoholi, \
         päihdehoito, huumeiden käyttö, alkoholinkäyttö, kannabis, A-klinikka, nuorisoasema, \
         missbruk, missbruksvård, rusmedel, droger, alkohol, \
         substance abuse, substance use, drugs, alcohol, cannabis",
    ),
    (
        "gaming",
        "peliriippuvuus, digipelaaminen, rahapeli, ongelmapelaaminen, spelberoende, \
         spelmissbruk, gaming addiction, gaming disorder, problem gaming, gambling",
    ),
    (
        "eating-disorders",
        "syömishäiriö, anoreksia, bulimia, ahmintahäiriö, laihuushäiriö, ätstörning, anorexi, \
         bulimi, eating disorder, anorexia, bulimia",
    ),
    (
        "self-harm",
        "viiltely, itsensä vahingoittaminen, itsensä satuttaminen, självskada, självskadebeteende, \
         self-harm, self-injury",
    ),
    (
        "suicide",
        "itsemurha, itsemurhariski, itsemurhavaara, itsemurha-ajatus, itsetuhoisuus, itsetuhoinen, \
         suisidaalisuus, självmord, suicid, självmordsrisk, suicide, suicidal, suicide risk",
    ),
    (
        "psychosis",
        "psykoosi, psykoottinen, skitsofrenia, harhaluulo, psykos, schizofreni, psychosis, \
         psychotic, schizophrenia",
    ),
    (
        "neuropsychiatric",
        "neuropsykiatria, neuropsykiatrinen, nepsy, ADHD, autismi, autismikirjo, Asperger, \
         Tourette, neuropsykiatrisk, autism, autism spectrum, neurodevelopmental",
    ),
    (
        "bullying",
        "kiusaaminen, koulukiusaaminen, kiusattu, mobbning, kränkning, bullying, bullied",
    ),
    (
        "radicalisation",
        "radikalisoituminen, radikalisaatio, väkivaltainen ekstremismi, ääriajattelu, ääriliike, \
         radikalisering, extremism, radicalisation, radicalization, violent extremism",
    ),
    (
        "migrant-families",
        "maahanmuuttaja, maahanmuuttajaperhe, maahanmuuttajatausta, pakolainen, turvapaikanhakija, \
         kotoutuminen, invandrare, flykting, asylsökande, immigrant, migrant, refugee, asylum seeker",
    ),
    (
        "youth-crime",
        "nuorisorikollisuus, rikollisuus, rikos, nuori rikoksentekijä, ungdomsbrottslighet, \
         brottslighet, youth crime, juvenile delinquency",
    ),
    (
        "early-interaction",
        "varhainen vuorovaikutus, vauvaperhe, kiintymyssuhde, tidig interaktion, \
         anknytning, early interaction",
    ),
    (
        "parental-mental-health",
        "vanhempien mielenterveys, vanhemman mielenterveysongelma, \
         vanhemman masennus, föräldrars psykiska ohälsa, parental mental health",
    ),
    (
        "school-absence",
        "koulupoissaolo, koulukieltäytyminen, koulupudokas, skolfrånvaro, skolvägran, \
         school absence, school refusal, absenteeism",
    ),
    (
        "disability",
        "vammaisuus, vammainen, kehitysvamma, kehitysvammainen, erityistarve, funktionshinder, \
         funktionsnedsättning, disability, disabled, intellectual disability, special needs",
    ),
    (
        "trauma",
        "trauma, traumaattinen, traumatisoituminen, traumaperäinen, PTSD, traumatiserad, \
         traumatic, post-traumatic",
    ),
];

/// The code a ring's documents and queries carry.
pub fn code(id: &str) -> String {
    format!("{PREFIX}{id}")
}

/// What marks a ring's code apart from the taxonomy's.
pub const PREFIX: &str = "sanasto:";
