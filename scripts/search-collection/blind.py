#!/usr/bin/env python3
"""Blind test collection for the expert search of the OT centre platform.

Written by a helper session that saw only the domain documents
(/work/shared/seeds, DOMAIN-FACTS.md, DESIGN.md) -- not the engine, its
thesaurus, or the two earlier collections.  Standard library only,
deterministic (fixed seed).

Writes testdata/search-blind/{profiles.json,queries.json,forbidden.json,
must_find.json,README.md} relative to the repository root.

Ground truth is built by construction: every sentence that goes into a
description carries the concepts a human reader would see in it (filler and
distractor sentences carry none), and a profile's `concepts` is the union of
its sentences' concepts, closed upwards over BROADER.
"""

import collections
import json
import os
import random
import sys

SEED = 20261105
N_PROFILES = 1500
LANG_WEIGHTS = [("fi", 0.75), ("sv", 0.15), ("en", 0.10)]

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(os.path.dirname(HERE))
OUT = os.path.join(REPO, "testdata", "search-blind")

# --------------------------------------------------------------------------
# Concept hierarchy: narrower -> broader (closure taken transitively)
# --------------------------------------------------------------------------
BROADER = {
    "adhd": "neuropsychiatric",
    "autism": "neuropsychiatric",
    "honour-violence": "domestic-violence",
    "child-sexual-abuse": "child-abuse",
    "youth-substance-use": "substance-use",
    "parental-substance-use": "substance-use",
    "unaccompanied-minor": "migrant-family",
    "foster-care": "out-of-home-care",
    "residential-care": "out-of-home-care",
    "reform-school": "residential-care",
    "gangs": "youth-crime",
    "intellectual-disability": "disability",
}

CONCEPT_LABELS = {
    "custody-dispute": "high-conflict separations, custody and contact disputes",
    "domestic-violence": "domestic / intimate partner violence",
    "honour-violence": "honour-related violence, forced marriage",
    "child-abuse": "violence against children, maltreatment (Barnahus)",
    "child-sexual-abuse": "sexual abuse of children, grooming",
    "substance-use": "substance use problems (any age)",
    "youth-substance-use": "substance use of young people",
    "parental-substance-use": "parents' substance use",
    "school-absence": "school absence, school refusal",
    "neuropsychiatric": "neuropsychiatric / neurodevelopmental disorders",
    "adhd": "ADHD",
    "autism": "autism spectrum",
    "eating-disorder": "eating disorders",
    "self-harm": "self-harm",
    "suicidality": "suicidality, suicide prevention",
    "psychosis": "psychosis, schizophrenia",
    "trauma": "psychological trauma, PTSD",
    "migrant-family": "immigrant and refugee children and families",
    "unaccompanied-minor": "unaccompanied minors",
    "out-of-home-care": "out-of-home care (substitute care, taking into care)",
    "foster-care": "foster / family care",
    "residential-care": "residential child-welfare institutions",
    "reform-school": "state reform schools (koulukodit)",
    "youth-crime": "youth crime",
    "gangs": "street gangs, gang involvement",
    "radicalisation": "radicalisation, violent extremism",
    "problem-gaming": "problem gaming and gambling",
    "bullying": "bullying",
    "disability": "disability (physical, sensory, any)",
    "intellectual-disability": "intellectual disability",
    "parental-mental-health": "parents' mental illness",
    "child-protection-notification": "child protection notifications, duty to report",
    "youth-homelessness": "homelessness of young people",
    "depression": "depression, low mood",
    "anxiety": "anxiety disorders",
    "functional-symptoms": "functional disorders / medically unexplained symptoms",
    "rare-disease": "rare diseases",
    "learning-difficulties": "learning difficulties, dyslexia",
    "infant-mental-health": "infant mental health, early interaction",
}


def expand(cs):
    out = set(cs)
    changed = True
    while changed:
        changed = False
        for c in list(out):
            b = BROADER.get(c)
            if b and b not in out:
                out.add(b)
                changed = True
    return out


# --------------------------------------------------------------------------
# Sentence pools.  A sentence is a string or (string, [extra concepts]).
# A leading "@role|" sets the profile's title.
# fi_np entries: "nominative|partitive|illative|elative".
# --------------------------------------------------------------------------
C = {}

C["custody-dispute"] = dict(
    fi_np=[
        "huoltoriidat|huoltoriitoja|huoltoriitoihin|huoltoriidoista",
        "vaativat erotilanteet|vaativia erotilanteita|vaativiin erotilanteisiin|vaativista erotilanteista",
        "lapsen huoltoa ja tapaamisia koskevat riidat|lapsen huoltoa ja tapaamisia koskevia riitoja|lapsen huoltoa ja tapaamisia koskeviin riitoihin|lapsen huoltoa ja tapaamisia koskevista riidoista",
        "konfliktoituneet erot|konfliktoituneita eroja|konfliktoituneisiin eroihin|konfliktoituneista eroista",
        "huoltajuuskiistat|huoltajuuskiistoja|huoltajuuskiistoihin|huoltajuuskiistoista",
        "riitaisat avioerot|riitaisia avioeroja|riitaisiin avioeroihin|riitaisista avioeroista",
    ],
    fi=[
        "@olosuhdeselvittäjä|Teen olosuhdeselvityksiä käräjäoikeudelle, kun vanhemmat eivät pääse sopuun lasten asumisesta ja tapaamisista.",
        "Autan eroperheitä, joissa riita lapsista on kärjistynyt vuosia kestäväksi kiistaksi.",
        "Olen mukana Haastavat erot -konsultaatioryhmässä.",
        "Tuen lapsia, jotka ovat jääneet vanhempiensa riitojen väliin eron jälkeen.",
        "Pitkittyneet huoltajuuskiistat ja niiden vaikutukset lapsen hyvinvointiin ovat minulle tuttuja.",
        "Lapsen tapaamisten valvonta ja vieraannuttamisepäilyt kuuluvat työhöni.",
        "Teen töitä perheiden kanssa, joissa ero on riitainen ja lapset joutuvat valitsemaan puolensa.",
        "Vanhemmat riitelevät lapsista oikeudessa vuodesta toiseen – juuri näihin tilanteisiin olen erikoistunut.",
        "@lakimies|Avustan vanhempia lapsen huoltoa, asumista ja tapaamisoikeutta koskevissa oikeudenkäynneissä.",
        "Olen kouluttautunut vaativaan eroauttamiseen ja tuomioistuinsovitteluun.",
        "Olen tehnyt riskinarviointeja vaativissa ero- ja huoltoriidoissa.",
    ],
    sv_np=["vårdnadstvister", "svåra skilsmässor", "konfliktfyllda separationer", "tvister om vårdnad och umgänge"],
    sv=[
        "Jag gör utredningar om vårdnad, boende och umgänge för tingsrätten.",
        "Jag stöder barn som hamnat mitt i föräldrarnas konflikt efter skilsmässan.",
        "Jag arbetar med familjer där separationen har blivit en långvarig tvist om barnen.",
        "Jag är med i en konsultationsgrupp för svåra skilsmässor.",
    ],
    en_np=["custody disputes", "high-conflict separations", "contested child arrangements", "high-conflict divorce"],
    en=[
        "I prepare court reports in contested custody and contact cases.",
        "I support children caught in the middle of their parents' conflict after a separation.",
        "My work focuses on families where a divorce has turned into a long legal battle over the children.",
    ],
)

C["domestic-violence"] = dict(
    fi_np=[
        "lähisuhdeväkivalta|lähisuhdeväkivaltaa|lähisuhdeväkivaltaan|lähisuhdeväkivallasta",
        "perheväkivalta|perheväkivaltaa|perheväkivaltaan|perheväkivallasta",
        "parisuhdeväkivalta|parisuhdeväkivaltaa|parisuhdeväkivaltaan|parisuhdeväkivallasta",
        "lähisuhteissa tapahtuva väkivalta|lähisuhteissa tapahtuvaa väkivaltaa|lähisuhteissa tapahtuvaan väkivaltaan|lähisuhteissa tapahtuvasta väkivallasta",
        "väkivalta perheissä|väkivaltaa perheissä|perheissä tapahtuvaan väkivaltaan|perheissä tapahtuvasta väkivallasta",
    ],
    fi=[
        "Teen MARAK-riskinarviointeja ja tuen väkivaltaa kokeneita äitejä.",
        "Ohjaan puolisoaan kohtaan väkivaltaa käyttäneitä miehiä Jussi-työssä.",
        "@turvakodin ohjaaja|Olen toiminut turvakodin ohjaajana kymmenen vuotta.",
        "Asiakkainani on lapsia, jotka ovat nähneet kotona isän lyövän äitiä.",
        "Autan perheitä, joissa kotona pelätään ja puoliso käyttää väkivaltaa.",
        "Erikoisalaani on parisuhteessa tapahtuva henkinen ja fyysinen väkivalta.",
        "Väkivaltaa käyttäneiden vanhempien kanssa työskentely on ollut pääasiallinen työni.",
        "Kun kotona on väkivaltaa, lapsen turvallisuuden arviointi on ensimmäinen tehtäväni.",
        "Tuen naisia, joita entinen puoliso vainoaa ja uhkailee eron jälkeen.",
        "Lähisuhdeväkivallan uhrien tukeminen rikosprosessissa on työtäni.",
    ],
    sv_np=["våld i nära relationer", "familjevåld", "partnervåld", "våld i hemmet"],
    sv=[
        "Jag arbetar på ett skyddshem och stöder mammor och barn som flytt våld.",
        "Jag gör riskbedömningar (MARAK) när det förekommer våld i familjen.",
        "Jag leder grupper för män som har använt våld mot sin partner.",
    ],
    en_np=["domestic violence", "intimate partner violence", "family violence", "domestic abuse"],
    en=[
        "I work at a women's shelter supporting mothers and children who have fled violence at home.",
        "I run perpetrator programmes for fathers who have been violent towards their partners.",
        "Children who have witnessed violence between their parents are at the core of my work.",
    ],
)

C["honour-violence"] = dict(
    fi_np=[
        "kunniaan liittyvä väkivalta|kunniaan liittyvää väkivaltaa|kunniaan liittyvään väkivaltaan|kunniaan liittyvästä väkivallasta",
        "kunniaväkivalta|kunniaväkivaltaa|kunniaväkivaltaan|kunniaväkivallasta",
        "pakkoavioliitot|pakkoavioliittoja|pakkoavioliittoihin|pakkoavioliitoista",
        "kunniakäsityksiin liittyvä kontrolli|kunniakäsityksiin liittyvää kontrollia|kunniakäsityksiin liittyvään kontrolliin|kunniakäsityksiin liittyvästä kontrollista",
    ],
    fi=[
        "Autan tyttöjä, joita suku kontrolloi ja uhkaa naittaa vastoin heidän tahtoaan.",
        "Työskentelen kunniaväkivallan vastaisessa hankkeessa.",
        "Tuen nuoria, joiden perhe valvoo heidän seurusteluaan ja liikkumistaan suvun maineen vuoksi.",
        "Tyttöjen ympärileikkauksen ehkäisy ja kunniaan liittyvä väkivalta ovat erityisosaamistani.",
        "Olen kouluttanut poliiseja ja sosiaalityöntekijöitä tunnistamaan kunniaan liittyvän väkivallan merkkejä.",
        "Kun nuori pelkää suvun rangaistusta, autan laatimaan hänelle turvasuunnitelman.",
        "Työskentelen pakkoavioliiton uhan alla elävien nuorten kanssa.",
        "Olen perehtynyt tilanteisiin, joissa perheen kunnia menee nuoren omien oikeuksien edelle.",
    ],
    sv_np=["hedersrelaterat våld", "hedersrelaterat våld och förtryck", "tvångsäktenskap"],
    sv=[
        "Jag stöder unga som kontrolleras av sin släkt i hederns namn.",
        "Jag utbildar personal i att känna igen hedersrelaterat förtryck.",
        "Jag arbetar med flickor som hotas av tvångsgifte.",
    ],
    en_np=["honour-based violence", "honour-related violence", "forced marriage"],
    en=[
        "I support young people whose families control them to protect the family's honour.",
        "I train police and social workers to recognise honour-based abuse.",
        "I work with girls at risk of forced marriage.",
    ],
)

C["child-abuse"] = dict(
    fi_np=[
        "lapsiin kohdistuva väkivalta|lapsiin kohdistuvaa väkivaltaa|lapsiin kohdistuvaan väkivaltaan|lapsiin kohdistuvasta väkivallasta",
        "lasten kaltoinkohtelu|lasten kaltoinkohtelua|lasten kaltoinkohteluun|lasten kaltoinkohtelusta",
        "lapsen pahoinpitely|lapsen pahoinpitelyä|lapsen pahoinpitelyyn|lapsen pahoinpitelystä",
        "kuritusväkivalta|kuritusväkivaltaa|kuritusväkivaltaan|kuritusväkivallasta",
        "lapsiin kohdistuvat väkivaltaepäilyt|lapsiin kohdistuvia väkivaltaepäilyjä|lapsiin kohdistuviin väkivaltaepäilyihin|lapsiin kohdistuvista väkivaltaepäilyistä",
    ],
    fi=[
        "@oikeuspsykologi|Työskentelen Barnahus-mallissa ja teen lasten oikeuspsykologisia haastatteluja.",
        "@rikoskomisario|Tutkin poliisina lapsiin kohdistuvia pahoinpitelyrikoksia.",
        "Olen mukana selvittämässä, onko lasta lyöty kotona.",
        "@lastenlääkäri|Lastenlääkärinä arvioin epäselviä mustelmia ja murtumia pienillä lapsilla.",
        "Tuen lapsia, joita vanhempi on kurittanut fyysisesti.",
        "Lapsen laiminlyönti ja henkinen kaltoinkohtelu ovat työni ydintä.",
        "Koulutan varhaiskasvatuksen henkilöstöä tunnistamaan lapsen pahoinpitelyn merkkejä.",
        "Teen lastensuojelun ja poliisin yhteistyötä lapsiin kohdistuvien väkivaltaepäilyjen selvittämisessä.",
        "Olen konsultoinut lukuisia tapauksia, joissa epäillään vanhemman ravistelleen vauvaa.",
    ],
    sv_np=["våld mot barn", "barnmisshandel", "misshandel och försummelse av barn"],
    sv=[
        "Jag arbetar inom Barnahus och gör förhör med barn som misstänks ha utsatts för våld.",
        "@barnläkare|Som barnläkare bedömer jag skador som kan tyda på misshandel.",
        "Jag stöder barn som har blivit slagna av sina föräldrar.",
    ],
    en_np=["child abuse", "physical abuse of children", "violence against children", "child maltreatment"],
    en=[
        "I conduct forensic interviews with children suspected of having been physically abused.",
        "@paediatrician|As a paediatrician I assess unexplained bruises and fractures in young children.",
        "@detective inspector|I investigate assaults against children as a police detective.",
    ],
)

C["child-sexual-abuse"] = dict(
    fi_np=[
        "lasten seksuaalinen hyväksikäyttö|lasten seksuaalista hyväksikäyttöä|lasten seksuaaliseen hyväksikäyttöön|lasten seksuaalisesta hyväksikäytöstä",
        "lapsiin kohdistuva seksuaalinen väkivalta|lapsiin kohdistuvaa seksuaalista väkivaltaa|lapsiin kohdistuvaan seksuaaliseen väkivaltaan|lapsiin kohdistuvasta seksuaalisesta väkivallasta",
        "lapsiin kohdistuvat seksuaalirikokset|lapsiin kohdistuvia seksuaalirikoksia|lapsiin kohdistuviin seksuaalirikoksiin|lapsiin kohdistuvista seksuaalirikoksista",
        "seksuaalirikosepäilyt|seksuaalirikosepäilyjä|seksuaalirikosepäilyihin|seksuaalirikosepäilyistä",
    ],
    fi=[
        "@rikoskomisario|Tutkin lapsiin kohdistuvia seksuaalirikoksia poliisissa.",
        "Teen oikeuspsykologisia tutkimuksia, kun epäillään lapsen joutuneen seksuaalisen hyväksikäytön kohteeksi.",
        "Autan lapsia, joita aikuinen on lähestynyt seksuaalisesti netissä.",
        "Hoidan seksuaalista väkivaltaa kokeneita lapsia ja nuoria.",
        "Olen erikoistunut seksuaalisesti hyväksikäytettyjen lasten tukemiseen.",
        "Autan nuoria, jotka ovat joutuneet groomingin tai seksuaalisen häirinnän kohteeksi verkossa.",
        "Insestiepäilyt ja niiden selvittäminen ovat minulle tuttuja.",
        "Koulutan ammattilaisia puhumaan lasten kanssa seksuaaliseen hyväksikäyttöön liittyvistä epäilyistä.",
        "Olen mukana Barnahus-työssä seksuaalirikosepäilyjen selvittelyssä.",
    ],
    sv_np=["sexuella övergrepp mot barn", "sexuellt utnyttjande av barn", "grooming på nätet"],
    sv=[
        "Jag utreder sexualbrott mot barn.",
        "Jag ger stöd åt barn som utsatts för sexuella övergrepp.",
        "Jag arbetar med unga som blivit utsatta för grooming på nätet.",
    ],
    en_np=["child sexual abuse", "sexual exploitation of children", "online grooming"],
    en=[
        "I investigate sexual offences against children.",
        "I provide therapy for children who have been sexually abused.",
        "I help young people who have been groomed online.",
    ],
)

C["substance-use"] = dict(
    fi_np=[
        "päihdeongelmat|päihdeongelmia|päihdeongelmiin|päihdeongelmista",
        "päihteiden ongelmakäyttö|päihteiden ongelmakäyttöä|päihteiden ongelmakäyttöön|päihteiden ongelmakäytöstä",
        "alkoholi- ja huumeongelmat|alkoholi- ja huumeongelmia|alkoholi- ja huumeongelmiin|alkoholi- ja huumeongelmista",
        "päihderiippuvuus|päihderiippuvuutta|päihderiippuvuuteen|päihderiippuvuudesta",
    ],
    fi=[
        "Olen työskennellyt päihdepalveluissa ja A-klinikalla.",
        "Päihdetyö on ollut pääasiallinen työkenttäni.",
        "Teen päihdearvioita ja ohjaan asiakkaita korvaushoitoon.",
        "Huumeiden käyttö ja siihen liittyvät haitat ovat minulle tuttuja.",
        "Ongelmallinen alkoholinkäyttö ja sen hoito ovat osaamisalaani.",
        "Motivoiva haastattelu päihteitä käyttävien asiakkaiden kanssa on vahvuuteni.",
        "Työskentelen matalan kynnyksen päihdepalvelussa.",
        "Haittojen vähentäminen on ollut lähtökohtani päihdetyössä.",
    ],
    sv_np=["missbruk", "alkohol- och drogproblem", "beroende av alkohol och droger"],
    sv=[
        "Jag har arbetat inom missbruksvården i många år.",
        "Jag gör bedömningar av alkohol- och drogbruk.",
        "Min specialitet är behandling av beroende.",
    ],
    en_np=["substance misuse", "drug and alcohol problems", "addiction"],
    en=[
        "I have worked in addiction services for many years.",
        "I assess drug and alcohol use and refer people to treatment.",
        "Harm reduction is central to my work.",
    ],
)

C["youth-substance-use"] = dict(
    fi_np=[
        "nuorten päihteidenkäyttö|nuorten päihteidenkäyttöä|nuorten päihteidenkäyttöön|nuorten päihteidenkäytöstä",
        "nuorten päihdeongelmat|nuorten päihdeongelmia|nuorten päihdeongelmiin|nuorten päihdeongelmista",
        "alaikäisten huumeidenkäyttö|alaikäisten huumeidenkäyttöä|alaikäisten huumeidenkäyttöön|alaikäisten huumeidenkäytöstä",
        "nuorten päihdekokeilut|nuorten päihdekokeiluja|nuorten päihdekokeiluihin|nuorten päihdekokeiluista",
    ],
    fi=[
        "Työskentelen nuorisoasemalla, jossa hoidetaan nuorten päihde- ja riippuvuusongelmia.",
        "Teen MDFT-perheterapiaa nuorille, jotka käyttävät kannabista.",
        "Kohtaan työssäni yläkouluikäisiä, jotka juovat viikonloppuisin itsensä sammuksiin.",
        "Autan nuoria, joiden kannabiksen käyttö on karannut käsistä.",
        "Olen erikoistunut nuorten päihdehoitoon.",
        "Teen etsivää nuorisotyötä ja puutun alaikäisten päihteiden käyttöön.",
        "@koulukuraattori|Koulukuraattorina näen, kun 14-vuotias tulee kouluun krapulassa.",
        "Nuorten huumekokeilut ja niihin puuttuminen ovat arkea työssäni.",
    ],
    sv_np=["missbruk bland unga", "ungdomars droganvändning", "ungas alkoholbruk"],
    sv=[
        "Jag arbetar på en ungdomsmottagning för unga med drogproblem.",
        "Jag möter tonåringar som röker cannabis varje dag.",
        "Jag ger familjeterapi (MDFT) åt unga som använder droger.",
    ],
    en_np=["adolescent substance use", "teenage drinking", "drug use among young people"],
    en=[
        "I work at a youth clinic treating teenagers with drug problems.",
        "I deliver MDFT family therapy for adolescents who use cannabis.",
        "I meet young teenagers who drink heavily every weekend.",
    ],
)

C["parental-substance-use"] = dict(
    fi_np=[
        "vanhempien päihteidenkäyttö|vanhempien päihteidenkäyttöä|vanhempien päihteidenkäyttöön|vanhempien päihteidenkäytöstä",
        "vanhemman alkoholiongelma|vanhemman alkoholiongelmaa|vanhemman alkoholiongelmaan|vanhemman alkoholiongelmasta",
        "päihdeperheet|päihdeperheitä|päihdeperheisiin|päihdeperheistä",
        "raskaudenaikainen päihteidenkäyttö|raskaudenaikaista päihteidenkäyttöä|raskaudenaikaiseen päihteidenkäyttöön|raskaudenaikaisesta päihteidenkäytöstä",
    ],
    fi=[
        "Tuen lapsia, joiden äiti tai isä juo liikaa.",
        "Olen erikoistunut perheisiin, joissa vanhemman alkoholinkäyttö varjostaa lasten arkea.",
        "Kun isä juo ja lapset jäävät heitteille, autan arvioimaan lapsen tilanteen.",
        "Päihdeongelmaisten vanhempien lasten kanssa työskentely on sydäntäni lähellä.",
        "Teen lastensuojelun sosiaalityötä perheissä, joissa äidillä on huumeongelma.",
        "Vedän vertaisryhmiä lapsille, joiden kotona juodaan.",
        "Arvioin vanhemmuutta tilanteissa, joissa vanhempi käyttää huumeita.",
        "Päihteitä käyttävien raskaana olevien naisten tukeminen on työtäni.",
    ],
    sv_np=["föräldrars missbruk", "barn i familjer med missbruk", "föräldrar med alkoholproblem"],
    sv=[
        "Jag stöder barn vars mamma eller pappa dricker för mycket.",
        "Jag bedömer föräldraskapet när en förälder använder droger.",
        "Jag leder stödgrupper för barn som växer upp med en förälder som missbrukar.",
    ],
    en_np=["parental substance misuse", "parental alcohol problems", "children of alcoholic parents"],
    en=[
        "I support children whose mother or father drinks too much.",
        "I assess parenting capacity where a parent uses drugs.",
        "I run groups for children growing up with a parent's addiction.",
    ],
)

C["school-absence"] = dict(
    fi_np=[
        "koulupoissaolot|koulupoissaoloja|koulupoissaoloihin|koulupoissaoloista",
        "koulukieltäytyminen|koulukieltäytymistä|koulukieltäytymiseen|koulukieltäytymisestä",
        "runsaat poissaolot koulusta|runsaita poissaoloja koulusta|runsaisiin poissaoloihin koulusta|runsaista poissaoloista koulusta",
        "kouluakäymättömyys|kouluakäymättömyyttä|kouluakäymättömyyteen|kouluakäymättömyydestä",
        "pitkittyneet koulupoissaolot|pitkittyneitä koulupoissaoloja|pitkittyneisiin koulupoissaoloihin|pitkittyneistä koulupoissaoloista",
    ],
    fi=[
        "Autan perheitä, joiden lapsi ei pääse aamuisin lähtemään kouluun.",
        "Olen kehittänyt koulussamme mallin poissaoloihin puuttumiseen.",
        "Kohtaan nuoria, jotka ovat olleet kotona kuukausia eivätkä käy koulua.",
        "@koulukuraattori|Koulukuraattorina teen paljon työtä oppilaiden kanssa, jotka jäävät pois tunneilta.",
        "Kotiin jumittuneiden nuorten paluu kouluun on erityisosaamistani.",
        "Nuori ei lähde aamulla kouluun ja vanhemmat ovat neuvottomia – näissä tilanteissa minua konsultoidaan usein.",
        "Työskentelen sairaalakoulussa oppilaiden kanssa, joiden koulunkäynti on katkennut.",
        "Autan selvittämään pitkittyneen poissaolon syitä ja suunnittelemaan paluuta luokkaan.",
    ],
    sv_np=["skolfrånvaro", "problematisk skolfrånvaro", "hemmasittare"],
    sv=[
        "Jag hjälper familjer vars barn inte orkar gå till skolan.",
        "Jag arbetar med hemmasittare och deras väg tillbaka till skolan.",
        "@skolkurator|Som skolkurator följer jag upp elever med mycket frånvaro.",
    ],
    en_np=["school absenteeism", "school refusal", "persistent absence from school"],
    en=[
        "I help families whose child refuses to go to school.",
        "I work with pupils who have been out of school for months.",
        "@school social worker|As a school social worker I follow up on pupils with frequent absences.",
    ],
)

C["neuropsychiatric"] = dict(
    fi_np=[
        "neuropsykiatriset häiriöt|neuropsykiatrisia häiriöitä|neuropsykiatrisiin häiriöihin|neuropsykiatrisista häiriöistä",
        "nepsy-oireet|nepsy-oireita|nepsy-oireisiin|nepsy-oireista",
        "neuropsykiatriset erityispiirteet|neuropsykiatrisia erityispiirteitä|neuropsykiatrisiin erityispiirteisiin|neuropsykiatrisista erityispiirteistä",
        "Touretten oireyhtymä|Touretten oireyhtymää|Touretten oireyhtymään|Touretten oireyhtymästä",
    ],
    fi=[
        "@neuropsykiatrinen valmentaja|Toimin neuropsykiatrisena valmentajana.",
        "Nepsy-lasten perheiden ohjaus on työni ydintä.",
        "Teen neuropsykologisia tutkimuksia lapsille, joilla epäillään neuropsykiatrista häiriötä.",
        "Tic-oireiset lapset ja Tourette-nuoret ovat tuttuja asiakkaitani.",
        "Kompleksiset neuropsykiatriset tilanteet, joissa on samaan aikaan useita diagnooseja, ovat erityisalaani.",
        "Ohjaan nepsy-vanhemmuusryhmiä.",
        "@lastenneurologi|Olen lastenneurologi ja tutkin kehityksellisiä neuropsykiatrisia häiriöitä.",
        "Autan kouluja tukemaan oppilaita, joilla on neuropsykiatrisia vaikeuksia toiminnanohjauksessa.",
    ],
    sv_np=["neuropsykiatriska funktionsnedsättningar", "NPF-diagnoser", "neuropsykiatriska svårigheter"],
    sv=[
        "Jag arbetar som neuropsykiatrisk coach för unga.",
        "Jag handleder föräldrar till barn med neuropsykiatriska diagnoser.",
        "Jag gör utredningar när man misstänker en neuropsykiatrisk störning.",
    ],
    en_np=["neurodevelopmental disorders", "neuropsychiatric conditions", "neurodevelopmental conditions"],
    en=[
        "I work as a neuropsychiatric coach for teenagers.",
        "I guide parents of children with neurodevelopmental conditions.",
        "I carry out assessments when a neurodevelopmental disorder is suspected.",
    ],
)

C["adhd"] = dict(
    fi_np=[
        "ADHD|ADHD:ta|ADHD:hen|ADHD:sta",
        "tarkkaavuus- ja ylivilkkaushäiriö|tarkkaavuus- ja ylivilkkaushäiriötä|tarkkaavuus- ja ylivilkkaushäiriöön|tarkkaavuus- ja ylivilkkaushäiriöstä",
        "aktiivisuuden ja tarkkaavuuden häiriö|aktiivisuuden ja tarkkaavuuden häiriötä|aktiivisuuden ja tarkkaavuuden häiriöön|aktiivisuuden ja tarkkaavuuden häiriöstä",
        "ADHD-lasten vanhemmuus|ADHD-lasten vanhemmuutta|ADHD-lasten vanhemmuuteen|ADHD-lasten vanhemmuudesta",
    ],
    fi=[
        "Teen ADHD-arvioita lasten- ja nuorisopsykiatrian poliklinikalla.",
        "@erityisluokanopettaja|Ylivilkkaat ja impulsiiviset lapset ovat arkeani erityisluokanopettajana.",
        "Ohjaan vanhempia, joiden lapsella on todettu ADHD.",
        "Aloitan ja seuraan ADHD-lääkitystä nuorilla.",
        "Keskittymisvaikeuksista ja levottomuudesta kärsivät koululaiset ovat asiakkaitani.",
        "Olen erikoistunut tarkkaavaisuushäiriöisten nuorten valmennukseen.",
        "Tyttöjen ADHD jää usein tunnistamatta, ja se on tutkimusaiheeni.",
        "Lapsi ei pysy paikallaan eikä jaksa keskittyä: näihin tilanteisiin tarjoan konsultaatiota.",
    ],
    sv_np=["ADHD", "uppmärksamhetsstörning", "koncentrationssvårigheter och hyperaktivitet"],
    sv=[
        "Jag gör ADHD-utredningar inom barnpsykiatrin.",
        "Jag handleder föräldrar vars barn har fått diagnosen ADHD.",
        "Jag arbetar med impulsiva och överaktiva barn i skolan.",
    ],
    en_np=["ADHD", "attention deficit hyperactivity disorder", "attention difficulties and hyperactivity"],
    en=[
        "I carry out ADHD assessments in a child psychiatry clinic.",
        "I coach teenagers with ADHD.",
        "I prescribe and monitor ADHD medication for adolescents.",
    ],
)

C["autism"] = dict(
    fi_np=[
        "autismikirjo|autismikirjoa|autismikirjoon|autismikirjosta",
        "autismi|autismia|autismiin|autismista",
        "Aspergerin oireyhtymä|Aspergerin oireyhtymää|Aspergerin oireyhtymään|Aspergerin oireyhtymästä",
        "autismikirjon häiriöt|autismikirjon häiriöitä|autismikirjon häiriöihin|autismikirjon häiriöistä",
    ],
    fi=[
        "Olen työskennellyt pitkään autististen lasten ja heidän perheidensä kanssa.",
        "Teen autismitutkimuksia ADOS-menetelmällä.",
        "Autismikirjon nuorten sosiaalisten taitojen ryhmät ovat erityisosaamistani.",
        "Kuvakommunikaatio ja strukturointi autismikirjon lasten kanssa ovat vahvuuksiani.",
        "Ohjaan kouluja, joissa on autismin kirjon oppilaita.",
        "Tuen nuoria aikuisia, joilla on Asperger-diagnoosi.",
        "Autistiset tytöt ja heidän naamioiva käyttäytymisensä kiinnostavat minua erityisesti.",
        "Aistiyliherkkyydet ja vaikeus sietää muutoksia ovat tuttuja autismikirjon lasten kanssa työskennellessä.",
    ],
    sv_np=["autism", "autismspektrumtillstånd", "Aspergers syndrom"],
    sv=[
        "Jag har arbetat länge med barn med autism och deras familjer.",
        "Jag gör autismutredningar.",
        "Jag leder grupper i sociala färdigheter för unga inom autismspektrumet.",
    ],
    en_np=["autism", "autism spectrum disorder", "autistic young people"],
    en=[
        "I have worked for years with autistic children and their families.",
        "I carry out diagnostic assessments for autism spectrum disorder.",
        "I run social skills groups for teenagers on the autism spectrum.",
    ],
)

C["eating-disorder"] = dict(
    fi_np=[
        "syömishäiriöt|syömishäiriöitä|syömishäiriöihin|syömishäiriöistä",
        "anoreksia|anoreksiaa|anoreksiaan|anoreksiasta",
        "laihuushäiriö|laihuushäiriötä|laihuushäiriöön|laihuushäiriöstä",
        "bulimia|bulimiaa|bulimiaan|bulimiasta",
        "nuorten syömishäiriöt|nuorten syömishäiriöitä|nuorten syömishäiriöihin|nuorten syömishäiriöistä",
    ],
    fi=[
        "Työskentelen nuorisopsykiatrian syömishäiriöyksikössä.",
        "Autan nuoria, jotka laihduttavat vaarallisesti ja pelkäävät lihomista.",
        "@ravitsemusterapeutti|Ravitsemusterapeuttina hoidan anoreksiaa sairastavia nuoria.",
        "Perhepohjainen hoito (FBT) syömishäiriöissä on menetelmäni.",
        "Kohtaan tyttöjä, jotka oksentavat syömänsä ruoan.",
        "Nuori ei syö ja paino putoaa – tällaisissa tilanteissa minua konsultoidaan.",
        "Olen perehtynyt poikien syömishäiriöihin ja lihasdysmorfiaan.",
        "Ahmimishäiriöiset nuoret ovat osa asiakaskuntaani.",
    ],
    sv_np=["ätstörningar", "anorexi", "bulimi"],
    sv=[
        "Jag arbetar på en ätstörningsenhet för unga.",
        "Jag hjälper unga som bantar farligt mycket och är rädda för att gå upp i vikt.",
        "Jag använder familjebaserad behandling vid anorexi.",
    ],
    en_np=["eating disorders", "anorexia nervosa", "disordered eating"],
    en=[
        "I work in an adolescent eating disorder unit.",
        "I help young people who restrict their eating and fear gaining weight.",
        "I use family-based treatment for anorexia.",
    ],
)

C["self-harm"] = dict(
    fi_np=[
        "itsensä vahingoittaminen|itsensä vahingoittamista|itsensä vahingoittamiseen|itsensä vahingoittamisesta",
        "viiltely|viiltelyä|viiltelyyn|viiltelystä",
        "itseä vahingoittava käyttäytyminen|itseä vahingoittavaa käyttäytymistä|itseä vahingoittavaan käyttäytymiseen|itseä vahingoittavasta käyttäytymisestä",
        "nuorten itsetuhoinen viiltely|nuorten itsetuhoista viiltelyä|nuorten itsetuhoiseen viiltelyyn|nuorten itsetuhoisesta viiltelystä",
    ],
    fi=[
        "Tuen nuoria, jotka viiltelevät tai satuttavat itseään muulla tavoin.",
        "DKT-ryhmät itseään vahingoittaville nuorille ovat erikoisalaani.",
        "Hoidan nuoria, joiden käsivarsissa on viiltojälkiä.",
        "Olen kouluttanut kouluterveydenhoitajia kohtaamaan itseään satuttavia oppilaita.",
        "Nuoren viiltely ja tunteiden säätelyn vaikeudet ovat työni ydintä.",
        "Kohtaan työssäni nuoria, jotka polttavat tai raapivat ihoaan helpottaakseen pahaa oloaan.",
        "Itsensä vahingoittamisen taustalla olevien tunteiden käsittely on vahvuuteni.",
        "Työskentelen osastolla, jossa hoidetaan toistuvasti itseään vahingoittavia tyttöjä.",
    ],
    sv_np=["självskadebeteende", "självskador", "skärande hos unga"],
    sv=[
        "Jag stöder unga som skär sig eller skadar sig själva på andra sätt.",
        "Jag leder DBT-grupper för ungdomar med självskadebeteende.",
        "Jag utbildar skolhälsovårdare i att bemöta elever som skadar sig själva.",
    ],
    en_np=["self-harm", "self-injury", "cutting"],
    en=[
        "I support young people who cut or otherwise hurt themselves.",
        "I run DBT skills groups for adolescents who self-harm.",
        "I train school nurses to respond to pupils who self-injure.",
    ],
)

C["suicidality"] = dict(
    fi_np=[
        "itsemurhavaara|itsemurhavaaraa|itsemurhavaaraan|itsemurhavaarasta",
        "itsemurha-ajatukset|itsemurha-ajatuksia|itsemurha-ajatuksiin|itsemurha-ajatuksista",
        "itsemurhien ehkäisy|itsemurhien ehkäisyä|itsemurhien ehkäisyyn|itsemurhien ehkäisystä",
        "itsemurhayritykset|itsemurhayrityksiä|itsemurhayrityksiin|itsemurhayrityksistä",
        "suisidaalisuus|suisidaalisuutta|suisidaalisuuteen|suisidaalisuudesta",
    ],
    fi=[
        "Arvioin nuorten itsemurhariskiä päivystyksessä.",
        "Teen työtä nuorten kanssa, jotka eivät halua enää elää.",
        "Olen kehittänyt kouluille mallin tuen järjestämiseksi oppilaan itsemurhan jälkeen.",
        "Tuen nuoria itsemurhayrityksen jälkeen.",
        "Kuolemantoiveista puhuvan nuoren kohtaaminen on erityisosaamistani.",
        "Käytän ASSIP-menetelmää itsemurhaa yrittäneiden nuorten hoidossa.",
        "Kun nuori sanoo, ettei halua elää, autan ammattilaisia arvioimaan tilanteen vakavuuden.",
        "Olen kouluttanut opettajia tunnistamaan oppilaiden itsetuhoisia ajatuksia.",
    ],
    sv_np=["självmordsrisk", "suicidprevention", "självmordstankar hos unga"],
    sv=[
        "Jag bedömer självmordsrisk hos unga på jouren.",
        "Jag stöder unga efter ett självmordsförsök.",
        "Jag arbetar med ungdomar som inte längre vill leva.",
    ],
    en_np=["suicide risk", "suicidal ideation", "suicide prevention"],
    en=[
        "I assess suicide risk in adolescents at the emergency department.",
        "I support young people after a suicide attempt.",
        "I work with teenagers who say they no longer want to live.",
    ],
)

C["psychosis"] = dict(
    fi_np=[
        "psykoosit|psykooseja|psykooseihin|psykooseista",
        "psykoosisairaudet|psykoosisairauksia|psykoosisairauksiin|psykoosisairauksista",
        "skitsofrenia|skitsofreniaa|skitsofreniaan|skitsofreniasta",
        "ensipsykoosi|ensipsykoosia|ensipsykoosiin|ensipsykoosista",
    ],
    fi=[
        "Työskentelen nuorten varhaisen psykoosin tunnistamisen ja hoidon tiimissä.",
        "Hoidan nuoria, jotka kuulevat ääniä tai joilla on harhaluuloja.",
        "Avoimen dialogin menetelmä psykoottisten nuorten hoidossa on vahvuuteni.",
        "@nuorisopsykiatri|Olen nuorisopsykiatri ja erikoistunut ensipsykoosin hoitoon.",
        "Psykoosiriskissä olevien nuorten seuranta kuuluu työhöni.",
        "Todellisuudentajun hämärtyminen ja harhat nuorella ovat tilanteita, joissa minua konsultoidaan.",
        "Skitsofreniaa sairastavien nuorten kuntoutus on osaamisalaani.",
        "Nuori alkoi puhua outoja ja vetäytyi huoneeseensa – tällaisissa alkavan psykoosin tilanteissa autan.",
    ],
    sv_np=["psykos", "schizofreni", "första psykos hos unga"],
    sv=[
        "Jag arbetar i ett team för tidig upptäckt av psykos hos unga.",
        "Jag behandlar ungdomar som hör röster.",
        "Jag rehabiliterar unga med schizofreni.",
    ],
    en_np=["psychosis", "first-episode psychosis", "schizophrenia"],
    en=[
        "I work in an early intervention in psychosis team.",
        "I treat adolescents who hear voices or have delusions.",
        "I use Open Dialogue with young people in psychotic crisis.",
    ],
)

C["trauma"] = dict(
    fi_np=[
        "psyykkinen trauma|psyykkistä traumaa|psyykkiseen traumaan|psyykkisestä traumasta",
        "traumaperäinen stressihäiriö|traumaperäistä stressihäiriötä|traumaperäiseen stressihäiriöön|traumaperäisestä stressihäiriöstä",
        "kehityksellinen trauma|kehityksellistä traumaa|kehitykselliseen traumaan|kehityksellisestä traumasta",
        "lasten traumatisoituminen|lasten traumatisoitumista|lasten traumatisoitumiseen|lasten traumatisoitumisesta",
        "lapsuuden traumat|lapsuuden traumoja|lapsuuden traumoihin|lapsuuden traumoista",
    ],
    fi=[
        "@traumapsykoterapeutti|Olen traumapsykoterapeutti ja työskentelen lasten kanssa.",
        "Käytän EMDR-menetelmää järkyttäviä kokemuksia läpikäyneiden nuorten hoidossa.",
        "Traumainformoitu työote on ollut koulutusteni keskeinen teema.",
        "Autan lapsia, jotka ovat kokeneet jotain pelottavaa ja oireilevat painajaisilla ja säikkymisellä.",
        "Teen TF-CBT-hoitoa traumatisoituneille lapsille.",
        "Kiintymyssuhdetrauman ja kompleksisen trauman hoito on osaamisalaani.",
        "Onnettomuuksien ja äkillisten menetysten jälkeinen kriisityö lasten kanssa on minulle tuttua.",
        "Traumatietoisen työotteen juurruttaminen työyhteisöihin on minulle tärkeää.",
    ],
    sv_np=["trauma", "posttraumatiskt stressyndrom", "traumamedveten vård"],
    sv=[
        "@traumaterapeut|Jag är traumaterapeut för barn och unga.",
        "Jag använder EMDR med unga som varit med om skrämmande händelser.",
        "Ett traumamedvetet förhållningssätt är centralt i mitt arbete.",
    ],
    en_np=["trauma", "PTSD", "complex trauma", "trauma-informed care"],
    en=[
        "@trauma therapist|I am a trauma therapist for children and adolescents.",
        "I use trauma-focused CBT with children who have lived through frightening events.",
        "Trauma-informed practice runs through all of my training work.",
    ],
)

C["migrant-family"] = dict(
    fi_np=[
        "maahanmuuttajaperheet|maahanmuuttajaperheitä|maahanmuuttajaperheisiin|maahanmuuttajaperheistä",
        "pakolaisperheet|pakolaisperheitä|pakolaisperheisiin|pakolaisperheistä",
        "maahan muuttaneet lapset ja nuoret|maahan muuttaneita lapsia ja nuoria|maahan muuttaneisiin lapsiin ja nuoriin|maahan muuttaneista lapsista ja nuorista",
        "turvapaikanhakijaperheet|turvapaikanhakijaperheitä|turvapaikanhakijaperheisiin|turvapaikanhakijaperheistä",
        "maahanmuuttajataustaiset perheet|maahanmuuttajataustaisia perheitä|maahanmuuttajataustaisiin perheisiin|maahanmuuttajataustaisista perheistä",
    ],
    fi=[
        "Työskentelen vastaanottokeskuksessa turvapaikkaa hakevien perheiden kanssa.",
        "Kulttuurisensitiivinen työ maahan muuttaneiden perheiden kanssa on vahvuuteni.",
        "Puhun arabiaa ja somalia ja autan perheitä, jotka ovat tulleet Suomeen hiljattain.",
        "Kiintiöpakolaisten kotoutumisen tukeminen on ollut työtäni.",
        "Tulkin välityksellä tehtävä perhetyö on minulle arkea.",
        "Autan kouluja tukemaan oppilaita, jotka ovat muuttaneet Suomeen sota-alueilta.",
        "Ukrainasta paenneiden perheiden tukeminen on ollut viime vuosina keskeinen osa työtäni.",
        "Olen erikoistunut vieraskielisten perheiden ohjaukseen lastensuojelussa.",
    ],
    sv_np=["invandrarfamiljer", "flyktingfamiljer", "familjer med migrationsbakgrund"],
    sv=[
        "Jag arbetar på en förläggning med asylsökande familjer.",
        "Jag stöder nyanlända familjer i integrationen.",
        "Jag arbetar ofta via tolk med familjer som nyligen kommit till Finland.",
    ],
    en_np=["immigrant families", "refugee families", "families with a migrant background"],
    en=[
        "I work at a reception centre with asylum-seeking families.",
        "Culturally sensitive work with newly arrived families is my strength.",
        "I often work through interpreters with families who recently came to Finland.",
    ],
)

C["unaccompanied-minor"] = dict(
    fi_np=[
        "ilman huoltajaa maahan tulleet alaikäiset|ilman huoltajaa maahan tulleita alaikäisiä|ilman huoltajaa maahan tulleisiin alaikäisiin|ilman huoltajaa maahan tulleista alaikäisistä",
        "yksin tulleet alaikäiset|yksin tulleita alaikäisiä|yksin tulleisiin alaikäisiin|yksin tulleista alaikäisistä",
        "alaikäiset turvapaikanhakijat|alaikäisiä turvapaikanhakijoita|alaikäisiin turvapaikanhakijoihin|alaikäisistä turvapaikanhakijoista",
    ],
    fi=[
        "Toimin edustajana ilman huoltajaa Suomeen tulleille lapsille.",
        "Työskentelen perheryhmäkodissa, jossa asuu yksin maahan tulleita nuoria.",
        "Olen ohjaaja tukiasumisyksikössä, jossa asuu ilman vanhempia Suomeen saapuneita poikia.",
        "Yksintulleiden nuorten huoli perheenyhdistämisestä on työssäni arkea.",
        "Tuen nuoria, jotka ovat paenneet alaikäisinä ilman vanhempiaan.",
        "Yksin Suomeen saapuneiden lasten oleskelulupaprosessit ovat minulle tuttuja.",
        "Vastaanottokeskuksen alaikäisyksikössä tuen nuoria, joiden vanhemmat eivät ole Suomessa.",
        "Alaikäisten turvapaikanhakijoiden kuuleminen ja edunvalvonta ovat osaamisalaani.",
    ],
    sv_np=["ensamkommande barn", "ensamkommande unga", "minderåriga asylsökande"],
    sv=[
        "Jag är företrädare för ensamkommande barn.",
        "Jag arbetar på ett familjegrupphem för ensamkommande unga.",
        "Jag stöder minderåriga som flytt utan sina föräldrar.",
    ],
    en_np=["unaccompanied minors", "unaccompanied asylum-seeking children", "separated children"],
    en=[
        "I act as a legal representative for unaccompanied asylum-seeking children.",
        "I work in a group home for young people who arrived in Finland without their parents.",
        "I support minors who fled alone.",
    ],
)

C["out-of-home-care"] = dict(
    fi_np=[
        "sijaishuolto|sijaishuoltoa|sijaishuoltoon|sijaishuollosta",
        "kodin ulkopuolelle sijoitetut lapset|kodin ulkopuolelle sijoitettuja lapsia|kodin ulkopuolelle sijoitettuihin lapsiin|kodin ulkopuolelle sijoitetuista lapsista",
        "huostaanotto|huostaanottoa|huostaanottoon|huostaanotosta",
        "huostaanotetut lapset|huostaanotettuja lapsia|huostaanotettuihin lapsiin|huostaanotetuista lapsista",
        "sijoitetut nuoret|sijoitettuja nuoria|sijoitettuihin nuoriin|sijoitetuista nuorista",
    ],
    fi=[
        "Olen sijoitettujen lasten asioista vastaava sosiaalityöntekijä.",
        "Valmistelen huostaanottoja ja sijaishuollon päätöksiä.",
        "Tutkin kodin ulkopuolelle sijoitettujen lasten terveyspalvelujen käyttöä.",
        "Jälkihuollossa tuen nuoria, jotka ovat olleet sijoitettuina.",
        "Lapsen paluu kotiin sijoituksen jälkeen on kehittämistyöni aihe.",
        "Vaativa sijaishuolto ja sen laatu ovat työni keskiössä.",
        "@kokemusasiantuntija|Olen itse kasvanut lastensuojelun sijaishuollossa ja toimin kokemusasiantuntijana.",
        "Työskentelen lapsen asioista vastaavana sosiaalityöntekijänä huostaan otettujen lasten kanssa.",
    ],
    sv_np=["vård utom hemmet", "placerade barn", "omhändertagande"],
    sv=[
        "Jag är socialarbetare för placerade barn.",
        "Jag förbereder omhändertaganden och beslut om vård utom hemmet.",
        "Inom eftervården stöder jag unga som varit placerade.",
    ],
    en_np=["out-of-home care", "children in care", "looked-after children"],
    en=[
        "I am the social worker responsible for children placed in care.",
        "I prepare care orders and decisions on out-of-home placements.",
        "In aftercare I support young people who have been in care.",
    ],
)

C["foster-care"] = dict(
    fi_np=[
        "perhehoito|perhehoitoa|perhehoitoon|perhehoidosta",
        "sijaisperheet|sijaisperheitä|sijaisperheisiin|sijaisperheistä",
        "sijaisvanhemmuus|sijaisvanhemmuutta|sijaisvanhemmuuteen|sijaisvanhemmuudesta",
        "sijaisperheeseen sijoitetut lapset|sijaisperheeseen sijoitettuja lapsia|sijaisperheeseen sijoitettuihin lapsiin|sijaisperheeseen sijoitetuista lapsista",
    ],
    fi=[
        "Valmennan uusia sijaisvanhempia PRIDE-koulutuksessa.",
        "Tuen perhehoitajia, joiden hoidossa on vaativasti oireilevia lapsia.",
        "@sijaisvanhempi|Olemme mieheni kanssa toimineet sijaisperheenä viidelle lapselle.",
        "Työskentelen perhehoidon yksikössä ja etsin lapsille sopivia sijaisperheitä.",
        "Sijaisperheiden työnohjaus on osaamisalaani.",
        "Läheisverkostoon tehtävät sijoitukset ja sukulaissijaisperheet ovat minulle tuttuja.",
        "Lapsen kiintymyssuhteen rakentuminen uudessa sijaisperheessä on työni ydintä.",
        "Perhehoitajien valmennus ja tuki ovat työni keskiössä.",
    ],
    sv_np=["familjevård", "fosterfamiljer", "familjehem"],
    sv=[
        "Jag utbildar nya familjehemsföräldrar.",
        "Jag handleder fosterfamiljer som tar hand om barn med stora behov.",
        "@fosterförälder|Vi har varit fosterfamilj för fem barn.",
    ],
    en_np=["foster care", "foster families", "kinship care"],
    en=[
        "I train new foster parents.",
        "I supervise foster carers looking after children with complex needs.",
        "@foster carer|My husband and I have fostered five children.",
    ],
)

C["residential-care"] = dict(
    fi_np=[
        "lastensuojelun laitoshuolto|lastensuojelun laitoshuoltoa|lastensuojelun laitoshuoltoon|lastensuojelun laitoshuollosta",
        "lastensuojelulaitokset|lastensuojelulaitoksia|lastensuojelulaitoksiin|lastensuojelulaitoksista",
        "lastenkodit|lastenkoteja|lastenkoteihin|lastenkodeista",
        "nuorisokodit|nuorisokoteja|nuorisokoteihin|nuorisokodeista",
        "integroitu laitoshoito|integroitua laitoshoitoa|integroituun laitoshoitoon|integroidusta laitoshoidosta",
    ],
    fi=[
        "@ohjaaja|Olen ohjaajana lastensuojelulaitoksessa, jossa asuu 12–17-vuotiaita nuoria.",
        "@johtaja|Johdan nuorisokotia.",
        "Kehitän toiminnallisesti integroitua vaativaa laitoshoitoa yhdessä psykiatrian kanssa.",
        "Rajoitustoimenpiteiden käyttö lastensuojelulaitoksissa on tutkimusaiheeni.",
        "@omaohjaaja|Työskentelen lastenkodissa omaohjaajana.",
        "Vaativan laitoshoidon yksikössä hoidamme nuoria, joilla on sekä lastensuojelun että psykiatrian tarpeita.",
        "Erityisen huolenpidon jaksot ovat osa työtäni lastensuojeluyksikössä.",
        "Olen työskennellyt lastenkodin yöohjaajana ja vastaavana ohjaajana.",
    ],
    sv_np=["institutionsvård", "barnskyddsanstalter", "barnhem och ungdomshem"],
    sv=[
        "Jag arbetar som handledare på en barnskyddsanstalt.",
        "Jag leder ett ungdomshem.",
        "Jag forskar i begränsningsåtgärder på barnskyddsanstalter.",
    ],
    en_np=["residential care", "children's homes", "residential child care units"],
    en=[
        "I work as a key worker in a children's residential home.",
        "I manage a residential unit for teenagers.",
        "My research concerns restrictive measures in residential child care.",
    ],
)

C["reform-school"] = dict(
    fi_np=[
        "koulukodit|koulukoteja|koulukoteihin|koulukodeista",
        "valtion koulukodit|valtion koulukoteja|valtion koulukoteihin|valtion koulukodeista",
        "koulukotiin sijoitetut nuoret|koulukotiin sijoitettuja nuoria|koulukotiin sijoitettuihin nuoriin|koulukotiin sijoitetuista nuorista",
    ],
    fi=[
        "@opettaja|Opetan koulukodin koulussa.",
        "Työskentelen valtion koulukodissa ohjaajana.",
        "@psykologi|Olen koulukodin psykologi.",
        "Koulukotiin sijoitettujen nuorten opetus ja kuntoutus ovat erityisalaani.",
        "Olen tehnyt tutkimusta valtion koulukotien nuorten hyvinvoinnista.",
        "Vastaan koulukodin erityisen huolenpidon osastosta.",
        "Työskentelin aiemmin Sippolan koulukodissa.",
        "Koulukodin nuorten kanssa tehtävä perhetyö on arkeani.",
        "Koulukodista lähtevien nuorten jälkihuolto on kehittämisaiheeni.",
    ],
    sv_np=["skolhem", "statens skolhem", "unga placerade på skolhem"],
    sv=[
        "Jag arbetar på ett statligt skolhem.",
        "@lärare|Jag undervisar unga på ett skolhem.",
        "@psykolog|Jag är psykolog vid ett skolhem.",
    ],
    en_np=["reform schools", "state reform schools", "secure residential schools"],
    en=[
        "@teacher|I teach at a state reform school.",
        "@psychologist|I work as a psychologist at a reform school for teenagers.",
        "I coordinate family work at a state-run reform school.",
    ],
)

C["youth-crime"] = dict(
    fi_np=[
        "nuorisorikollisuus|nuorisorikollisuutta|nuorisorikollisuuteen|nuorisorikollisuudesta",
        "nuorten rikokset|nuorten rikoksia|nuorten rikoksiin|nuorten rikoksista",
        "nuorten rikoskierre|nuorten rikoskierrettä|nuorten rikoskierteeseen|nuorten rikoskierteestä",
        "alaikäisten tekemät rikokset|alaikäisten tekemiä rikoksia|alaikäisten tekemiin rikoksiin|alaikäisten tekemistä rikoksista",
    ],
    fi=[
        "Työskentelen Ankkuri-tiimissä poliisin, sosiaalityön ja nuorisotyön yhteistyössä.",
        "Tuen nuoria, jotka ovat jääneet kiinni varkauksista ja pahoinpitelyistä.",
        "Ohjaan nuoria rikoksentekijöitä Rikosseuraamuslaitoksen nuorisotyössä.",
        "Sovittelen rikosasioita, joissa tekijä on alaikäinen.",
        "@vanhempi rikoskonstaapeli|Olen poliisi ja tutkin alaikäisten tekemiä rikoksia.",
        "Rikoksilla oireilevien nuorten kanssa työskentely on ollut urani keskiössä.",
        "Ennaltaehkäisevä työ rikoksen tielle ajautuvien nuorten kanssa on vahvuuteni.",
        "Kun 15-vuotias jää kiinni myymälävarkaudesta jo kolmatta kertaa, minut pyydetään mukaan.",
        "Teen seuraamusselvityksiä nuorista rikoksentekijöistä.",
    ],
    sv_np=["ungdomsbrottslighet", "unga lagöverträdare", "brott begångna av minderåriga"],
    sv=[
        "Jag arbetar i ett Ankare-team med polis och socialarbetare.",
        "Jag stöder unga som åkt fast för stölder och misshandel.",
        "Jag medlar i brottmål där gärningspersonen är minderårig.",
    ],
    en_np=["youth crime", "juvenile offending", "young offenders"],
    en=[
        "I work in a multi-agency team with police and social workers to prevent re-offending among teenagers.",
        "I support young people who have been caught shoplifting or fighting.",
        "@police officer|I investigate offences committed by minors as a police officer.",
    ],
)

C["gangs"] = dict(
    fi_np=[
        "katujengit|katujengejä|katujengeihin|katujengeistä",
        "jengiytyminen|jengiytymistä|jengiytymiseen|jengiytymisestä",
        "nuorten rikollisryhmät|nuorten rikollisryhmiä|nuorten rikollisryhmiin|nuorten rikollisryhmistä",
        "nuorisojengit|nuorisojengejä|nuorisojengeihin|nuorisojengeistä",
    ],
    fi=[
        "Teen ennaltaehkäisevää työtä nuorten jengiytymisen ehkäisemiseksi.",
        "Tuen nuoria irtautumaan katujengeistä.",
        "@rikoskomisario|Olen poliisi ja seuraan nuorten rikollisryhmien toimintaa pääkaupunkiseudulla.",
        "Jengeihin rekrytoitavat alaikäiset ja heidän perheensä ovat asiakkaitani.",
        "Katujengien some-kulttuuri ja drill-musiikki ovat minulle tuttuja.",
        "Nuori on alkanut hengailla porukassa, joka tekee väkivaltarikoksia ja kantaa veitsiä – näissä tilanteissa autan.",
        "Tutkin, miksi nuoret liittyvät jengeihin.",
        "Jengistä irtautuvien nuorten exit-työ on erityisosaamistani.",
    ],
    sv_np=["ungdomsgäng", "kriminella gäng", "gängkriminalitet bland unga"],
    sv=[
        "Jag arbetar förebyggande mot att unga rekryteras till kriminella gäng.",
        "Jag hjälper unga att lämna gänget.",
        "@kriminalkommissarie|Som polis följer jag gängbrottsligheten bland unga.",
    ],
    en_np=["youth gangs", "street gangs", "gang involvement"],
    en=[
        "I help young people leave street gangs.",
        "I work to prevent the recruitment of minors into criminal gangs.",
        "My research looks at why teenagers join gangs.",
    ],
)

C["radicalisation"] = dict(
    fi_np=[
        "radikalisoituminen|radikalisoitumista|radikalisoitumiseen|radikalisoitumisesta",
        "väkivaltainen ekstremismi|väkivaltaista ekstremismiä|väkivaltaiseen ekstremismiin|väkivaltaisesta ekstremismistä",
        "väkivaltainen radikalisoituminen|väkivaltaista radikalisoitumista|väkivaltaiseen radikalisoitumiseen|väkivaltaisesta radikalisoitumisesta",
        "nuorten ääriajattelu|nuorten ääriajattelua|nuorten ääriajatteluun|nuorten ääriajattelusta",
    ],
    fi=[
        "Työskentelen Exit-toiminnassa ääriliikkeistä irtautuvien nuorten kanssa.",
        "Ohjaan nuoria, jotka ovat kiinnostuneet äärioikeistolaisesta ideologiasta netissä.",
        "Koulutan opettajia tunnistamaan nuorten väkivaltaista ääriajattelua.",
        "Al-Holin leireiltä palanneiden lasten tukeminen on ollut työtäni.",
        "Nuori on alkanut jakaa netissä vihapropagandaa ja ihannoida iskuja – näissä tilanteissa minua konsultoidaan.",
        "Väkivaltaisen ekstremismin ennaltaehkäisy on erityisalaani.",
        "Jihadistiseen ja äärioikeistolaiseen propagandaan altistuneet nuoret ovat asiakkaitani.",
        "Olen tutkinut, miten nuoret radikalisoituvat verkossa.",
    ],
    sv_np=["radikalisering", "våldsbejakande extremism", "radikalisering bland unga"],
    sv=[
        "Jag arbetar med förebyggande av våldsbejakande extremism.",
        "Jag stöder unga som vill lämna extremistiska rörelser.",
        "Jag utbildar lärare i att känna igen radikalisering.",
    ],
    en_np=["radicalisation", "violent extremism", "online radicalisation"],
    en=[
        "I work on preventing violent extremism among young people.",
        "I support teenagers who want to leave extremist movements.",
        "I train teachers to recognise online radicalisation.",
    ],
)

C["problem-gaming"] = dict(
    fi_np=[
        "peliriippuvuus|peliriippuvuutta|peliriippuvuuteen|peliriippuvuudesta",
        "ongelmallinen pelaaminen|ongelmallista pelaamista|ongelmalliseen pelaamiseen|ongelmallisesta pelaamisesta",
        "liiallinen digipelaaminen|liiallista digipelaamista|liialliseen digipelaamiseen|liiallisesta digipelaamisesta",
        "nuorten rahapeliongelmat|nuorten rahapeliongelmia|nuorten rahapeliongelmiin|nuorten rahapeliongelmista",
        "pelihaitat|pelihaittoja|pelihaittoihin|pelihaitoista",
    ],
    fi=[
        "Autan perheitä, joiden nuori pelaa öisin eikä pysty lopettamaan.",
        "Olen päivystänyt Peluurissa ja neuvonut pelaajia ja heidän läheisiään.",
        "Nuorten rahapelaaminen ja lootboxit ovat tutkimusaiheeni.",
        "Ruutuaikariidat ja pelaamisen hallinta perheissä ovat työni arkea.",
        "Hoidan nuoria, joiden elämä on kaventunut pelkkään pelaamiseen.",
        "Pelaamisen haittojen ehkäisy on erityisalaani.",
        "Olen perehtynyt nettipelien liikakäyttöön ja ruutuaddiktioon.",
        "Kun nuori valvoo koneella aamuun asti ja raivoaa, jos peli keskeytetään, voin auttaa.",
    ],
    sv_np=["spelberoende", "problematiskt spelande", "spelproblem hos unga"],
    sv=[
        "Jag hjälper familjer vars tonåring spelar hela nätterna.",
        "Ungas penningspel och lootboxar är mitt forskningsområde.",
        "Jag behandlar unga med datorspelsberoende.",
    ],
    en_np=["gaming disorder", "problem gaming", "gambling problems", "gaming addiction"],
    en=[
        "I help families whose teenager games all night and cannot stop.",
        "My research focuses on young people's gambling and loot boxes.",
        "I treat adolescents with gaming disorder.",
    ],
)

C["bullying"] = dict(
    fi_np=[
        "koulukiusaaminen|koulukiusaamista|koulukiusaamiseen|koulukiusaamisesta",
        "kiusaaminen|kiusaamista|kiusaamiseen|kiusaamisesta",
        "nettikiusaaminen|nettikiusaamista|nettikiusaamiseen|nettikiusaamisesta",
        "kiusaamisen ehkäisy|kiusaamisen ehkäisyä|kiusaamisen ehkäisyyn|kiusaamisen ehkäisystä",
    ],
    fi=[
        "Olen koulumme KiVa-tiimin vetäjä.",
        "Selvitän kiusaamistapauksia yhdessä oppilaiden ja huoltajien kanssa.",
        "Tuen lapsia, joita on kiusattu koulussa vuosia.",
        "Somessa tapahtuva häirintä ja ryhmästä ulossulkeminen ovat tuttuja aiheita työssäni.",
        "Kiusaamisen vastainen työ varhaiskasvatuksessa on kehittämisaiheeni.",
        "Kun lasta haukutaan ja tönitään välitunnilla, autan koulua puuttumaan.",
        "Olen tutkinut kiusaamista ja sen pitkäaikaisvaikutuksia.",
        "Vertaissovittelu ja kiusaamistilanteiden selvittely kuuluvat työhöni.",
    ],
    sv_np=["mobbning", "nätmobbning", "skolmobbning"],
    sv=[
        "Jag leder skolans KiVa-team.",
        "Jag stöder barn som har blivit mobbade i åratal.",
        "Jag utreder mobbningsfall tillsammans med elever och vårdnadshavare.",
    ],
    en_np=["bullying", "cyberbullying", "school bullying"],
    en=[
        "I lead my school's anti-bullying team.",
        "I support children who have been bullied for years.",
        "Online harassment and exclusion from peer groups are central to my work.",
    ],
)

C["disability"] = dict(
    fi_np=[
        "vammaisuus|vammaisuutta|vammaisuuteen|vammaisuudesta",
        "vammaiset lapset|vammaisia lapsia|vammaisiin lapsiin|vammaisista lapsista",
        "vammaispalvelut|vammaispalveluja|vammaispalveluihin|vammaispalveluista",
        "liikuntavammaisuus|liikuntavammaisuutta|liikuntavammaisuuteen|liikuntavammaisuudesta",
    ],
    fi=[
        "Työskentelen vammaispalveluissa sosiaalityöntekijänä.",
        "Autan perheitä, joiden lapsi liikkuu pyörätuolilla, hakemaan tarvittavat tukipalvelut.",
        "Vammaisten lasten omaishoitajien tukeminen on osaamisalaani.",
        "Olen erikoistunut aisti- ja liikuntavammaisten lasten kuntoutukseen.",
        "CP-vammaisten nuorten itsenäistymisen tukeminen on työni ydintä.",
        "Vammaisten lasten oikeudet ja YK:n vammaissopimus ovat väitöskirjani aihe.",
        "Kuulovammaisten lasten perheiden ohjaus viittomakielellä on vahvuuteni.",
        "Teen palvelutarpeen arviointeja vammaisille lapsille ja nuorille.",
    ],
    sv_np=["funktionsnedsättning", "barn med funktionsnedsättning", "handikappservice"],
    sv=[
        "Jag är socialarbetare inom handikappservicen.",
        "Jag stöder familjer med barn som har rörelsehinder.",
        "Jag arbetar med rehabilitering av barn med syn- eller hörselnedsättning.",
    ],
    en_np=["disability", "disabled children", "physical disabilities"],
    en=[
        "I am a social worker in disability services.",
        "I support families of children who use wheelchairs.",
        "I work in rehabilitation for children with sensory and physical impairments.",
    ],
)

C["intellectual-disability"] = dict(
    fi_np=[
        "kehitysvammaisuus|kehitysvammaisuutta|kehitysvammaisuuteen|kehitysvammaisuudesta",
        "kehitysvammaiset lapset|kehitysvammaisia lapsia|kehitysvammaisiin lapsiin|kehitysvammaisista lapsista",
        "älyllinen kehitysvammaisuus|älyllistä kehitysvammaisuutta|älylliseen kehitysvammaisuuteen|älyllisestä kehitysvammaisuudesta",
        "kehitysvamma|kehitysvammaa|kehitysvammaan|kehitysvammasta",
    ],
    fi=[
        "@psykologi|Työskentelen kehitysvammapoliklinikalla psykologina.",
        "Tuen kehitysvammaisia nuoria, joilla on haastavaa käyttäytymistä.",
        "Puhetta tukevat ja korvaavat kommunikointikeinot kehitysvammaisten kanssa ovat vahvuuteni.",
        "Downin oireyhtymää sairastavien lasten perheiden tukeminen on työni ydintä.",
        "Teen kehitystasoarvioita lapsille, joiden älyllinen kehitys on viivästynyt.",
        "Kehitysvammaisten nuorten seksuaalikasvatus on erityisosaamistani.",
        "Olen kehitysvammaohjaaja nuorten asumisyksikössä.",
        "Lievästi kehitysvammaisten oppilaiden opetus erityiskoulussa on arkeani.",
    ],
    sv_np=["intellektuell funktionsnedsättning", "utvecklingsstörning", "barn med utvecklingsstörning"],
    sv=[
        "@psykolog|Jag arbetar som psykolog vid en poliklinik för personer med utvecklingsstörning.",
        "Jag stöder unga med intellektuell funktionsnedsättning och utmanande beteende.",
        "@speciallärare|Jag undervisar elever med lindrig utvecklingsstörning.",
    ],
    en_np=["intellectual disability", "children with intellectual disabilities", "Down syndrome"],
    en=[
        "@psychologist|I work as a psychologist with young people with intellectual disabilities.",
        "I support families of children with Down syndrome.",
        "Augmentative and alternative communication with intellectually disabled children is my strength.",
    ],
)

C["parental-mental-health"] = dict(
    fi_np=[
        "vanhempien mielenterveysongelmat|vanhempien mielenterveysongelmia|vanhempien mielenterveysongelmiin|vanhempien mielenterveysongelmista",
        "vanhemman psyykkinen sairaus|vanhemman psyykkistä sairautta|vanhemman psyykkiseen sairauteen|vanhemman psyykkisestä sairaudesta",
        "psyykkisesti sairaat vanhemmat|psyykkisesti sairaita vanhempia|psyykkisesti sairaisiin vanhempiin|psyykkisesti sairaista vanhemmista",
        "mielenterveyskuntoutujavanhemmat|mielenterveyskuntoutujavanhempia|mielenterveyskuntoutujavanhempiin|mielenterveyskuntoutujavanhemmista",
    ],
    fi=[
        "Teen Lapset puheeksi -keskusteluja perheissä, joissa vanhempi sairastaa psyykkisesti.",
        "Tuen lapsia, joiden äiti on ollut psykiatrisessa sairaalahoidossa.",
        "Toimiva lapsi & perhe -menetelmä on työvälineeni aikuispsykiatrialla.",
        "Olen erikoistunut perheisiin, joissa isä sairastaa kaksisuuntaista mielialahäiriötä.",
        "Vanhemman mielenterveyden horjuessa arvioin, miten lapsen arki sujuu.",
        "Aikuispsykiatrian potilaiden lasten huomioiminen on kehittämistyöni aihe.",
        ("Äiti on niin väsynyt ja masentunut, ettei jaksa huolehtia lapsista – näihin tilanteisiin tarjoan tukea.", ["depression"]),
        ("Synnytyksen jälkeinen masennus ja vauvaperheiden tuki ovat erikoisalaani.", ["depression", "infant-mental-health"]),
        "Autan perheitä, joissa vanhemman psykoosisairaus vaikuttaa lasten arkeen.",
    ],
    sv_np=["föräldrars psykiska ohälsa", "barn till psykiskt sjuka föräldrar", "föräldrar med psykisk sjukdom"],
    sv=[
        "Jag för Barnen i fokus-samtal i familjer där en förälder är psykiskt sjuk.",
        "Jag stöder barn vars mamma har vårdats på psykiatrisk avdelning.",
        "Jag arbetar med familjer där en förälder har bipolär sjukdom.",
    ],
    en_np=["parental mental illness", "parents with mental health problems", "children of parents with mental illness"],
    en=[
        "I use Let's Talk about Children with families where a parent has a mental illness.",
        "I support children whose mother has been hospitalised for psychiatric care.",
        "I work with families where a father has bipolar disorder.",
    ],
)

C["child-protection-notification"] = dict(
    fi_np=[
        "lastensuojeluilmoitukset|lastensuojeluilmoituksia|lastensuojeluilmoituksiin|lastensuojeluilmoituksista",
        "lastensuojeluilmoituksen tekeminen|lastensuojeluilmoituksen tekemistä|lastensuojeluilmoituksen tekemiseen|lastensuojeluilmoituksen tekemisestä",
        "lastensuojelulain mukainen ilmoitusvelvollisuus|lastensuojelulain mukaista ilmoitusvelvollisuutta|lastensuojelulain mukaiseen ilmoitusvelvollisuuteen|lastensuojelulain mukaisesta ilmoitusvelvollisuudesta",
        "ennakolliset lastensuojeluilmoitukset|ennakollisia lastensuojeluilmoituksia|ennakollisiin lastensuojeluilmoituksiin|ennakollisista lastensuojeluilmoituksista",
    ],
    fi=[
        "Käsittelen saapuneita lastensuojeluilmoituksia ja teen kiireellisyyden arvioinnin.",
        "Koulutan opettajia ja terveydenhoitajia siitä, milloin ilmoitus lastensuojeluun pitää tehdä.",
        "Työskentelen lastensuojelun vastaanottotiimissä, joka ottaa ilmoitukset vastaan.",
        "@lakimies|Ammattilaisten ilmoitusvelvollisuus ja salassapito ovat juridista erityisosaamistani.",
        "Neuvon ammattilaisia, jotka miettivät, pitäisikö huolesta ilmoittaa lastensuojeluun.",
        "Ennakollisen lastensuojeluilmoituksen jälkeinen yhteistyö neuvolan kanssa on minulle tuttua.",
        "Olen kehittänyt alueemme sähköistä lastensuojeluilmoituslomaketta.",
        "Arvioin, johtaako lastensuojeluun tehty ilmoitus palvelutarpeen arviointiin.",
    ],
    sv_np=["barnskyddsanmälningar", "anmälningsplikten enligt barnskyddslagen", "barnskyddsanmälan"],
    sv=[
        "Jag tar emot och bedömer inkomna barnskyddsanmälningar.",
        "Jag utbildar lärare i när man ska göra en barnskyddsanmälan.",
        "Jag ger råd om anmälningsplikten och tystnadsplikten.",
    ],
    en_np=["child protection referrals", "child welfare notifications", "the duty to report concerns about children"],
    en=[
        "I screen incoming child protection referrals and assess their urgency.",
        "I train teachers on when to make a child protection report.",
        "I advise professionals on the statutory duty to report concerns about a child.",
    ],
)

C["youth-homelessness"] = dict(
    fi_np=[
        "nuorten asunnottomuus|nuorten asunnottomuutta|nuorten asunnottomuuteen|nuorten asunnottomuudesta",
        "nuorten kodittomuus|nuorten kodittomuutta|nuorten kodittomuuteen|nuorten kodittomuudesta",
        "asunnottomat nuoret|asunnottomia nuoria|asunnottomiin nuoriin|asunnottomista nuorista",
    ],
    fi=[
        "Teen asumisneuvontaa nuorille, joilta uhkaa lähteä asunto alta.",
        "Tuen nuoria, jotka yöpyvät kavereiden sohvilla, koska heillä ei ole omaa kotia.",
        "Nuorten tukiasuntojen ja Asunto ensin -periaatteen kehittäminen on erityisalaani.",
        "Kohtaan kadulla yöpyviä alaikäisiä etsivässä nuorisotyössä.",
        "Kotoa lähteneiden nuorten, joilla ei ole yöpaikkaa, auttaminen on työtäni.",
        "Häätöuhan alla olevien nuorten aikuisten tukeminen on osaamisalaani.",
        ("Jälkihuollosta itsenäistyvien nuorten asunnottomuuden ehkäisy on kehittämisaiheeni.", ["out-of-home-care"]),
        "Nuorten kriisimajoitus ja yöpaikkapalvelut ovat työni arkea.",
    ],
    sv_np=["hemlöshet bland unga", "bostadslösa unga", "unga utan bostad"],
    sv=[
        "Jag stöder unga som sover på kompisars soffor eftersom de saknar eget hem.",
        "Jag arbetar med boendestöd för unga som riskerar att bli vräkta.",
        "Jag möter minderåriga som sover ute i det uppsökande ungdomsarbetet.",
    ],
    en_np=["youth homelessness", "homeless young people", "young people without a home"],
    en=[
        "I support young people who sofa-surf because they have nowhere to live.",
        "I work on Housing First projects for young adults.",
        "I meet teenagers sleeping rough through outreach youth work.",
    ],
)

C["depression"] = dict(
    fi_np=[
        "masennus|masennusta|masennukseen|masennuksesta",
        "nuorten masennus|nuorten masennusta|nuorten masennukseen|nuorten masennuksesta",
        "depressio|depressiota|depressioon|depressiosta",
        "mielialahäiriöt|mielialahäiriöitä|mielialahäiriöihin|mielialahäiriöistä",
    ],
    fi=[
        "Teen IPC-menetelmällä lyhytterapiaa masentuneille nuorille.",
        "Hoidan alakuloisia ja toivottomuudesta kärsiviä nuoria.",
        "Nuorten mielialaongelmat ovat keskeinen osa työtäni nuorisopsykiatrialla.",
        "Tuen oppilaita, jotka ovat menettäneet ilonsa ja vetäytyneet kavereista.",
        "Kognitiivinen käyttäytymisterapia masennuksen hoidossa on osaamisalaani.",
        "Olen perehtynyt lasten ja nuorten depression lääkehoitoon.",
        "Nuori on ollut pitkään väsynyt ja itkuinen, ja kaikki tuntuu hänestä turhalta – tällaisissa tilanteissa autan.",
        "Olen kehittänyt koulussa toimivan ryhmämallin masentuneille nuorille.",
    ],
    sv_np=["depression", "nedstämdhet", "depression hos unga"],
    sv=[
        "Jag ger IPC-korttidsterapi åt deprimerade unga.",
        "Jag behandlar ungdomar som känner sig nedstämda och hopplösa.",
        "KBT vid depression är mitt specialområde.",
    ],
    en_np=["depression", "low mood", "adolescent depression"],
    en=[
        "I provide IPC brief therapy for depressed adolescents.",
        "I treat teenagers suffering from low mood and hopelessness.",
        "CBT for depression is my main area.",
    ],
)

C["anxiety"] = dict(
    fi_np=[
        "ahdistus|ahdistusta|ahdistukseen|ahdistuksesta",
        "ahdistuneisuushäiriöt|ahdistuneisuushäiriöitä|ahdistuneisuushäiriöihin|ahdistuneisuushäiriöistä",
        "paniikkihäiriö|paniikkihäiriötä|paniikkihäiriöön|paniikkihäiriöstä",
        "sosiaalinen jännittäminen|sosiaalista jännittämistä|sosiaaliseen jännittämiseen|sosiaalisesta jännittämisestä",
    ],
    fi=[
        "Vedän Cool Kids -ryhmiä ahdistuneille lapsille.",
        "Hoidan nuoria, joilla on paniikkikohtauksia ja voimakasta jännittämistä.",
        "Lasten pelot ja huolestuneisuus ovat erikoisalaani.",
        "Ahdistuneisuuden hoito altistusmenetelmin on vahvuuteni.",
        "Tuen oppilaita, joita jännittää niin paljon, etteivät he pysty puhumaan luokan edessä.",
        "Nuorten ahdistuneisuushäiriöiden kognitiivinen hoito on osaamisalaani.",
        "Lapsi pelkää kaikkea ja huolehtii jatkuvasti – näissä tilanteissa ohjaan vanhempia.",
        "Olen tutkinut nuorten sosiaalista ahdistusta.",
    ],
    sv_np=["ångest", "ångestsyndrom", "social fobi"],
    sv=[
        "Jag leder Cool Kids-grupper för barn med ångest.",
        "Jag behandlar unga med panikattacker och stark nervositet.",
        "Barns rädslor och oro är mitt specialområde.",
    ],
    en_np=["anxiety", "anxiety disorders", "social anxiety"],
    en=[
        "I run Cool Kids groups for anxious children.",
        "I treat teenagers with panic attacks and severe worry.",
        "Children's fears and worries are my speciality.",
    ],
)

C["functional-symptoms"] = dict(
    fi_np=[
        "toiminnalliset häiriöt|toiminnallisia häiriöitä|toiminnallisiin häiriöihin|toiminnallisista häiriöistä",
        "toiminnalliset oireet|toiminnallisia oireita|toiminnallisiin oireisiin|toiminnallisista oireista",
        "toiminnalliset neurologiset oireet|toiminnallisia neurologisia oireita|toiminnallisiin neurologisiin oireisiin|toiminnallisista neurologisista oireista",
        "psykosomaattiset oireet|psykosomaattisia oireita|psykosomaattisiin oireisiin|psykosomaattisista oireista",
        "selittämättömät somaattiset oireet|selittämättömiä somaattisia oireita|selittämättömiin somaattisiin oireisiin|selittämättömistä somaattisista oireista",
    ],
    fi=[
        "Olen mukana KYSin toiminnallisten häiriöiden työryhmässä.",
        "Hoidan lapsia, joilla on kipuja ja halvausoireita ilman elimellistä syytä.",
        "Toiminnallisia kohtauksia saavien nuorten kuntoutus on erityisosaamistani.",
        "Lapsi valittaa jatkuvasti vatsakipua, mutta tutkimuksissa ei löydy mitään – näissä tilanteissa voin auttaa.",
        "Kehon ja mielen yhteys pitkittyneissä kipu- ja väsymysoireissa on tutkimusaiheeni.",
        "@fysioterapeutti|Fysioterapeuttina kuntoutan nuoria, joiden kävelykyky on heikentynyt toiminnallisen häiriön vuoksi.",
        "@lastenneurologi|Olen lastenneurologi ja hoidan toiminnallisia neurologisia oireita.",
        "Teen konsultaatiopsykiatriaa lapsille, joiden fyysisille oireille ei löydy elimellistä selitystä.",
    ],
    sv_np=["funktionella störningar", "funktionella symtom", "psykosomatiska symtom"],
    sv=[
        "Jag behandlar barn med smärta och förlamningssymtom utan organisk orsak.",
        "Jag rehabiliterar unga med funktionella anfall.",
        "Jag är med i en arbetsgrupp för funktionella störningar hos barn.",
    ],
    en_np=["functional disorders", "functional neurological symptoms", "medically unexplained symptoms"],
    en=[
        "I treat children with pain and paralysis that have no organic cause.",
        "I rehabilitate adolescents with functional seizures.",
        "I am part of a multidisciplinary team for functional disorders in children.",
    ],
)

C["rare-disease"] = dict(
    fi_np=[
        "harvinaiset sairaudet|harvinaisia sairauksia|harvinaisiin sairauksiin|harvinaisista sairauksista",
        "harvinaissairaudet|harvinaissairauksia|harvinaissairauksiin|harvinaissairauksista",
        "harvinaiset oireyhtymät|harvinaisia oireyhtymiä|harvinaisiin oireyhtymiin|harvinaisista oireyhtymistä",
        "harvinaiset perinnölliset sairaudet|harvinaisia perinnöllisiä sairauksia|harvinaisiin perinnöllisiin sairauksiin|harvinaisista perinnöllisistä sairauksista",
    ],
    fi=[
        "Työskentelen harvinaisten sairauksien yksikössä.",
        "@perinnöllisyyslääkäri|Perinnöllisyyslääkärinä tutkin lapsia, joilla epäillään harvinaista geneettistä oireyhtymää.",
        "Tuen perheitä, joiden lapsella on niin harvinainen sairaus, että siitä tiedetään vain vähän.",
        "Lasten harvinaisten aineenvaihduntasairauksien hoito on erikoisalaani.",
        "Harvinaista lihastautia sairastavien lasten kuntoutuksen koordinointi on työtäni.",
        "Olen harvinaisten epilepsioiden asiantuntija lastenneurologiassa.",
        "Harvinaissairaiden lasten koulunkäynnin tukeminen on kehittämisaiheeni.",
        "Olen mukana eurooppalaisessa harvinaissairauksien osaamisverkostossa.",
    ],
    sv_np=["sällsynta sjukdomar", "sällsynta diagnoser", "sällsynta genetiska syndrom"],
    sv=[
        "Jag arbetar vid en enhet för sällsynta sjukdomar.",
        "Jag stöder familjer vars barn har en mycket sällsynt diagnos.",
        "@klinisk genetiker|Som klinisk genetiker utreder jag barn med misstänkt sällsynt syndrom.",
    ],
    en_np=["rare diseases", "rare genetic syndromes", "rare conditions in children"],
    en=[
        "I work at a centre for rare diseases.",
        "@clinical geneticist|As a clinical geneticist I assess children with suspected rare syndromes.",
        "I support families whose child has an extremely uncommon diagnosis.",
    ],
)

C["learning-difficulties"] = dict(
    fi_np=[
        "oppimisvaikeudet|oppimisvaikeuksia|oppimisvaikeuksiin|oppimisvaikeuksista",
        "lukivaikeus|lukivaikeutta|lukivaikeuteen|lukivaikeudesta",
        "matematiikan oppimisvaikeudet|matematiikan oppimisvaikeuksia|matematiikan oppimisvaikeuksiin|matematiikan oppimisvaikeuksista",
        "erityiset oppimisvaikeudet|erityisiä oppimisvaikeuksia|erityisiin oppimisvaikeuksiin|erityisistä oppimisvaikeuksista",
        "dysleksia|dysleksiaa|dysleksiaan|dysleksiasta",
    ],
    fi=[
        "@erityisopettaja|Erityisopettajana tuen oppilaita, joilla lukeminen ja kirjoittaminen takkuavat.",
        "Teen neuropsykologisia oppimisvaikeustutkimuksia.",
        "Suunnittelen tehostettua ja erityistä tukea oppilaille, joilla on vaikeuksia oppia.",
        "Autan lapsia, joille laskeminen on ylivoimaisen vaikeaa.",
        "@puheterapeutti|Kielellisen erityisvaikeuden kuntoutus on puheterapeuttina erityisalaani.",
        "Lukiseulat ja oppimisen tukitoimet kuuluvat työnkuvaani.",
        "Oppilas jää jälkeen kaikissa aineissa, vaikka yrittää kovasti – tällaisissa tilanteissa konsultoin opettajia.",
        "Hahmottamisen ja muistin vaikeudet koulutyössä ovat erikoisalaani.",
    ],
    sv_np=["inlärningssvårigheter", "dyslexi", "läs- och skrivsvårigheter"],
    sv=[
        "@speciallärare|Som speciallärare stöder jag elever med läs- och skrivsvårigheter.",
        "Jag gör neuropsykologiska utredningar av inlärningssvårigheter.",
        "Jag hjälper barn som har mycket svårt med matematik.",
    ],
    en_np=["learning difficulties", "dyslexia", "specific learning disorders"],
    en=[
        "@special education teacher|As a special education teacher I support pupils who struggle with reading and writing.",
        "I carry out neuropsychological assessments of learning difficulties.",
        "I help children who find maths exceptionally hard.",
    ],
)

C["infant-mental-health"] = dict(
    fi_np=[
        "vauvaperhetyö|vauvaperhetyötä|vauvaperhetyöhön|vauvaperhetyöstä",
        "varhainen vuorovaikutus|varhaista vuorovaikutusta|varhaiseen vuorovaikutukseen|varhaisesta vuorovaikutuksesta",
        "vauvan ja vanhemman vuorovaikutus|vauvan ja vanhemman vuorovaikutusta|vauvan ja vanhemman vuorovaikutukseen|vauvan ja vanhemman vuorovaikutuksesta",
        "vauvojen mielenterveys|vauvojen mielenterveyttä|vauvojen mielenterveyteen|vauvojen mielenterveydestä",
        "imeväisikäisten psykiatria|imeväisikäisten psykiatriaa|imeväisikäisten psykiatriaan|imeväisikäisten psykiatriasta",
    ],
    fi=[
        "Työskentelen vauvaperheiden kanssa ja arvioin varhaista vuorovaikutusta.",
        "@vauvapsykiatri|Olen vauvapsykiatrian erikoislääkäri.",
        "Käytän vauva–vanhempi-psykoterapiaa.",
        "Tuen äitejä ja isiä, joiden on vaikea saada yhteyttä vauvaansa.",
        "@perhetyöntekijä|Neuvolan perhetyöntekijänä tuen raskausajan ja vauva-ajan vanhemmuutta.",
        "Kiintymyssuhteen tukeminen ensimmäisinä elinvuosina on työni ydintä.",
        "Itkuisen ja huonosti nukkuvan vauvan perheen tukeminen on osaamisalaani.",
        "Alle kolmivuotiaiden lasten mielenterveys ja tunne-elämän kehitys ovat erityisalaani.",
    ],
    sv_np=["spädbarnsfamiljer", "tidig interaktion", "spädbarnspsykiatri"],
    sv=[
        "Jag arbetar med spädbarnsfamiljer och bedömer den tidiga interaktionen.",
        "Jag stöder föräldrar som har svårt att knyta an till sitt spädbarn.",
        "Jag är specialist i spädbarnspsykiatri.",
    ],
    en_np=["infant mental health", "early parent–infant interaction", "perinatal and infant mental health"],
    en=[
        "I work with families with babies and assess early interaction.",
        "I support parents who struggle to bond with their baby.",
        "I am a specialist in infant psychiatry.",
    ],
)

CONCEPTS = list(C.keys())
assert set(CONCEPTS) == set(CONCEPT_LABELS), set(CONCEPTS) ^ set(CONCEPT_LABELS)

# --------------------------------------------------------------------------
# Combined sentences for concept pairs that often go together in practice.
# --------------------------------------------------------------------------
COMBOS = {
    ("adhd", "youth-substance-use"): dict(
        fi=["Erityisosaamistani ovat ADHD-nuorten päihdeongelmat.",
            "Työskentelen nuorten kanssa, joilla on sekä ADHD että runsasta päihteidenkäyttöä.",
            "Tarkkaavuushäiriöisten nuorten kannabiksen käyttö on tutkimusaiheeni."],
        sv=["Jag arbetar med unga som har ADHD och missbruksproblem."],
        en=["I work with teenagers who have ADHD and use drugs."]),
    ("trauma", "foster-care"): dict(
        fi=["Tuen sijaisperheitä, joihin on sijoitettu traumatisoituneita lapsia.",
            "Traumatietoinen sijaisvanhemmuus on valmennusteni teema."],
        sv=["Jag handleder familjehem som tar emot traumatiserade barn."],
        en=["I support foster carers looking after traumatised children."]),
    ("trauma", "out-of-home-care"): dict(
        fi=["Sijoitettujen lasten traumaoireiden hoito on erityisalaani.",
            "Hoidan huostaanotettuja lapsia, joilla on taustallaan vakavia traumoja."],
        en=["I treat trauma symptoms in children placed in care."]),
    ("custody-dispute", "domestic-violence"): dict(
        fi=["Arvioin väkivallan riskiä vaativissa huoltoriidoissa.",
            "Erotilanteet, joiden taustalla on lähisuhdeväkivaltaa, ovat työni ydintä."],
        sv=["Jag bedömer risken för våld i vårdnadstvister."],
        en=["I assess the risk of violence in contested custody cases."]),
    ("migrant-family", "trauma"): dict(
        fi=["Hoidan pakolaislasten sotatraumoja.",
            "Sodan ja paon traumatisoimien maahanmuuttajaperheiden tukeminen on työtäni."],
        sv=["Jag behandlar krigstrauma hos flyktingbarn."],
        en=["I treat war-related trauma in refugee children."]),
    ("unaccompanied-minor", "trauma"): dict(
        fi=["Teen traumaterapiaa yksin maahan tulleille nuorille."]),
    ("autism", "school-absence"): dict(
        fi=["Autan autismikirjon oppilaita, jotka ovat jääneet pois koulusta.",
            "Autististen nuorten koulupoissaolot ja paluu kouluun ovat erityisosaamistani."],
        en=["I help autistic pupils who have stopped attending school."]),
    ("eating-disorder", "self-harm"): dict(
        fi=["Hoidan nuoria, joilla on sekä syömishäiriö että viiltelyä.",
            "Syömishäiriöön liittyvä itsensä vahingoittaminen on erityisalaani."]),
    ("parental-substance-use", "parental-mental-health"): dict(
        fi=["Tuen lapsia perheissä, joissa vanhemmalla on sekä päihde- että mielenterveysongelmia.",
            "Vanhempien kaksoisdiagnoosit ja niiden vaikutus lapsiin ovat työni keskiössä."],
        en=["I work with children whose parents have both mental health and substance problems."]),
    ("self-harm", "suicidality"): dict(
        fi=["Arvioin itseään vahingoittavien ja itsemurhaa harkitsevien nuorten tilannetta päivystyksessä.",
            "Nuorten itsetuhoisuus, sekä viiltely että itsemurha-ajatukset, on erikoisalaani."],
        en=["I assess adolescents who self-harm or have suicidal thoughts."]),
    ("depression", "anxiety"): dict(
        fi=["Hoidan nuorten masennusta ja ahdistuneisuutta kognitiivisin menetelmin.",
            "Masentuneiden ja ahdistuneiden nuorten lyhytterapiat ovat työtäni."],
        sv=["Jag behandlar depression och ångest hos unga."],
        en=["I treat depression and anxiety in young people."]),
    ("bullying", "school-absence"): dict(
        fi=["Autan oppilaita, jotka jäävät pois koulusta kiusaamisen vuoksi.",
            "Kiusaaminen on usein taustalla, kun nuori ei enää uskalla mennä kouluun."],
        en=["I support pupils who stay away from school because they are bullied."]),
    ("youth-substance-use", "youth-crime"): dict(
        fi=["Työskentelen päihteitä käyttävien ja rikoksia tekevien nuorten kanssa.",
            "Nuorten päihde- ja rikoskierteen katkaiseminen on työni ydintä."],
        en=["I work with young offenders who use drugs."]),
    ("disability", "rare-disease"): dict(
        fi=["Tuen perheitä, joiden lapsella on harvinainen sairaus ja siitä johtuva vaikea vamma.",
            "Harvinaissairaiden ja vaikeavammaisten lasten palveluohjaus on työtäni."]),
    ("intellectual-disability", "autism"): dict(
        fi=["Työskentelen kehitysvammaisten autististen nuorten kanssa.",
            "Autismin ja kehitysvamman yhdistelmä sekä haastava käyttäytyminen ovat erityisosaamistani."],
        en=["I work with autistic young people who also have an intellectual disability."]),
    ("honour-violence", "migrant-family"): dict(
        fi=["Tuen maahanmuuttajataustaisia tyttöjä, joita suku kontrolloi kunnian nimissä."]),
    ("child-sexual-abuse", "trauma"): dict(
        fi=["Hoidan seksuaalista hyväksikäyttöä kokeneiden lasten traumaoireita."]),
    ("parental-mental-health", "infant-mental-health"): dict(
        fi=["Tuen vauvaperheitä, joissa äiti sairastaa psyykkisesti.",
            "Psyykkisesti sairaiden vanhempien ja vauvojen varhaisen vuorovaikutuksen tukeminen on työtäni."]),
    ("parental-mental-health", "depression"): dict(
        fi=["Tuen lapsia, joiden isä tai äiti sairastaa vakavaa masennusta.",
            "Masentuneiden vanhempien lasten tukeminen on erityisalaani."],
        en=["I support children whose parent suffers from severe depression."]),
    ("neuropsychiatric", "learning-difficulties"): dict(
        fi=["Tutkin lapsia, joilla on sekä neuropsykiatrisia oireita että oppimisvaikeuksia."]),
    ("reform-school", "youth-crime"): dict(
        fi=["Koulukotiin sijoitettujen, rikoksilla oireilevien nuorten kuntoutus on työtäni."]),
    ("problem-gaming", "school-absence"): dict(
        fi=["Autan nuoria, joiden öinen pelaaminen on johtanut koulupoissaoloihin."]),
}

# --------------------------------------------------------------------------
# Frames for noun phrases
# --------------------------------------------------------------------------
FI_FRAMES = [
    "Olen perehtynyt erityisesti {il}.",
    "Konsultoin mielelläni {il} liittyvissä kysymyksissä.",
    "Työni painottuu {il}.",
    "Olen erikoistunut {il}.",
    "Minulla on vuosien kokemus {el}.",
    "Olen kirjoittanut useita artikkeleita {el}.",
    "Pidän koulutuksia {el} sosiaali- ja terveysalan ammattilaisille.",
    "Väitöskirjani käsitteli {p}.",
    "Olen tutkinut {p} useamman vuoden ajan.",
    "Erityisosaaminen: {n}.",
    "Osaamisalueet: {n}, verkostotyö ja konsultointi.",
    "Autan ammattilaisia tilanteissa, jotka liittyvät {il}.",
    "Haluaisin jakaa osaamistani {el} nykyistä laajemmin.",
    "Olen saanut lisäkoulutusta {il} liittyen.",
]
SV_FRAMES = [
    "Jag har lång erfarenhet av {np}.",
    "Jag är specialiserad på {np}.",
    "Mitt arbete fokuserar på {np}.",
    "Jag håller utbildningar om {np} för yrkesverksamma.",
    "Jag konsulterar gärna i frågor som gäller {np}.",
    "Min forskning handlar om {np}.",
]
EN_FRAMES = [
    "I have long experience in the field of {np}.",
    "I specialise in {np}.",
    "My work focuses on {np}.",
    "I train professionals on {np}.",
    "I am happy to consult on questions related to {np}.",
    "My research concerns {np}.",
]

# --------------------------------------------------------------------------
# Fillers (no concept) and distractors (no concept, but share word parts or
# another sense with a concept)
# --------------------------------------------------------------------------
FI_CITIES_GEN = ["Kuopion", "Jyväskylän", "Oulun", "Tampereen", "Turun", "Joensuun", "Lahden",
                 "Vaasan", "Rovaniemen", "Helsingin", "Porin", "Kajaanin", "Mikkelin",
                 "Seinäjoen", "Kokkolan", "Lappeenrannan", "Hämeenlinnan", "Savonlinnan"]
SV_CITIES = ["Vasa", "Jakobstad", "Karleby", "Borgå", "Ekenäs", "Helsingfors", "Åbo",
             "Lovisa", "Kristinestad", "Närpes", "Esbo", "Vanda"]
EN_CITIES = ["Helsinki", "Tampere", "Turku", "Oulu", "Kuopio", "Jyväskylä", "Espoo", "Vantaa", "Joensuu"]

FI_FILLERS = [
    "Olen työskennellyt alalla yli {n} vuotta.",
    "Teen töitä pääasiassa {city} seudulla, mutta konsultoin myös etänä.",
    "Konsultaatiot onnistuvat Teamsin välityksellä.",
    "Vapaa-ajallani hiihdän ja marjastan.",
    "Olen mukana alueellisessa OT-verkostossa.",
    "Teen yhteistyötä sivistys-, sosiaali- ja terveyspalvelujen kanssa.",
    "Puhun suomea, ruotsia ja englantia.",
    "Työotteeni on ratkaisukeskeinen ja dialoginen.",
    "Ohjaan opinnäytetöitä ammattikorkeakoulussa.",
    "Pidän tärkeänä lapsen osallisuutta ja äänen kuulumista.",
    "Olen työskennellyt myös Ruotsissa.",
    "Toimin työnohjaajana sosiaalialan työyhteisöille.",
    "Verkostopalaverit ja moniammatillinen yhteistyö ovat arkeani.",
    "Olen kiinnostunut vaikuttavuuden arvioinnista.",
    "Asun perheeni kanssa maalla ja harrastan puutarhanhoitoa.",
    "Olen toiminut aiemmin esihenkilönä.",
    "Minulla on sosiaalityön erikoistumiskoulutus.",
    "Voin osallistua konsultaatioihin kerran kuukaudessa.",
    "Olen toiminut useissa kansallisissa työryhmissä.",
    "Olen pitänyt lukuisia webinaareja ammattilaisille.",
    "Systeeminen työote ja sen juurruttaminen kiinnostavat minua.",
    "Lapsen etu on työni lähtökohta.",
    "Olen mukana kansallisessa kehittämisverkostossa.",
    "Harrastan kuorolaulua ja retkeilyä.",
    "Olen työskennellyt sekä kunnan että järjestön palveluksessa.",
    "Teen tutkimusta yhteistyössä yliopiston kanssa.",
    "Minut tavoittaa parhaiten tiistaisin ja torstaisin.",
    "Olen kiinnostunut näyttöön perustuvien menetelmien käyttöönotosta.",
    "Olen valmis matkustamaan konsultaatioihin koko yhteistyöalueella.",
    "Vapaa-aikani kuluu mökillä ja kalastaessa.",
    "Pidän monialaista yhteistyötä työn tärkeimpänä voimavarana.",
    "Kirjoitan parhaillaan oppikirjaa sosiaalialan opiskelijoille.",
]
FI_DISTRACTORS = [
    "Koulutukseltani olen kasvatustieteiden maisteri.",
    "Vastaan yksikön täydennyskoulutuksesta.",
    "Olen laatinut tiimimme pelisäännöt ja perehdytysmateriaalin.",
    "Pelaan vapaa-ajallani sählyä ja lentopalloa.",
    "Harrastan lautapelejä ystävien kanssa.",
    "Olen kirjoittanut artikkelin sosiaalityön ja terapian eroista.",
    "Teen paljon kotikäyntejä perheisiin.",
    "Olen toiminut opettajan sijaisena useissa kouluissa.",
    "Toimin tarvittaessa esihenkilöni sijaisena.",
    "Opiskelin aikoinaan terveydenhuollon hallintoa.",
    "Työyhteisössämme on hyvä jengi ja vahva yhteishenki.",
    "Työskentelin aiemmin päivystyksen traumatologian yksikössä.",
    "Hoidan vapaa-ajallani urheiluvammoja seurajoukkueen huoltajana.",
    "Yhteistyö eri toimijoiden kanssa on ollut harvinaisen sujuvaa.",
    "Käytän ryhmissä toiminnallisia menetelmiä, kuten draamaa ja liikuntaa.",
    "Tein radikaalin uranvaihdon insinööristä sosionomiksi.",
    "Luen mielelläni rikosromaaneja.",
    "Olen vapaaehtoisena eläinsuojeluyhdistyksessä, joka etsii kodittomille kissoille uusia koteja.",
    "Hoidan ilmoittautumiset alueen koulutustapahtumiin.",
    "Elinikäinen oppiminen on minulle tärkeä arvo.",
    "Kävin vauvauinnissa molempien lasteni kanssa.",
    "Muutin Ouluun kymmenen vuotta sitten.",
    "Sain yhdistykseltä kunniamaininnan pitkästä urasta.",
    "Yliopiston psykologian laitoksella opetin kehityspsykologiaa.",
    "Seuraan mielelläni sijoitusmarkkinoita.",
    "Juon aamuisin kahvit ennen asiakastyön alkua.",
    "Pidän ruoanlaitosta ja syön mielelläni hyvin.",
    "Työssäni on paljon kiusallisia keskusteluja, joita en pelkää.",
    "Erosin vuonna 2015 kunnan palveluksesta ja siirryin järjestöön.",
    "Työskentelin opiskeluaikana kesät huoltoasemalla.",
    "Aloitin urani ammattikoulun opettajana.",
    "Olen kouluttanut esihenkilöitä työyhteisön ristiriitojen ratkaisemisessa.",
    "Laadin hankkeen riskienhallintasuunnitelman.",
    "Olen kiinnostunut pohjoismaisten lastensuojelujärjestelmien eroista ja yhtäläisyyksistä.",
]
SV_FILLERS = [
    "Jag har arbetat inom området i över {n} år.",
    "Jag arbetar främst i {city}, men konsulterar också på distans.",
    "Konsultationer går bra via Teams.",
    "På fritiden seglar jag och sjunger i kör.",
    "Jag talar svenska, finska och engelska.",
    "Mitt arbetssätt är lösningsfokuserat och dialogiskt.",
    "Jag deltar i det regionala OT-nätverket.",
    "Jag har arbetat både inom kommunen och inom tredje sektorn.",
    "Barnets bästa är utgångspunkten i mitt arbete.",
    "Jag handleder arbetsgrupper inom socialt arbete.",
    "Nätverksmöten och mångprofessionellt samarbete är min vardag.",
    "Jag forskar i samarbete med Åbo Akademi.",
    "Jag betjänar gärna familjer på svenska.",
    "Jag har tidigare arbetat som förman.",
]
SV_DISTRACTORS = [
    "Jag har skrivit spelreglerna för vårt team.",
    "Jag spelar innebandy på fritiden.",
    "Jag gör ofta hembesök hos familjerna.",
    "Jag har arbetat som vikarierande lärare.",
    "Vi har ett härligt gäng på jobbet.",
    "Jag har erfarenhet av traumatologi från akutkirurgin.",
    "Jag följer gärna placeringar på aktiemarknaden.",
    "Jag är utbildad vid Svenska social- och kommunalhögskolan.",
    "Samarbetet med skolorna har varit ovanligt smidigt.",
    "Jag flyttade till Vasa för femton år sedan.",
]
EN_FILLERS = [
    "I have worked in the field for over {n} years.",
    "I am based in {city} but also consult remotely.",
    "Consultations can be arranged over Teams.",
    "In my free time I enjoy hiking and photography.",
    "I speak Finnish, Swedish and English.",
    "My approach is solution-focused and dialogical.",
    "I am part of the regional OT expert network.",
    "I have worked in both municipal services and NGOs.",
    "The best interests of the child guide my work.",
    "I provide clinical supervision for social care teams.",
    "Network meetings and multi-professional collaboration are part of my everyday work.",
    "I do research together with the university.",
    "I can take part in consultations once a month.",
]
EN_DISTRACTORS = [
    "I wrote the ground rules and game plan for our team.",
    "I play five-a-side football at weekends.",
    "I trained at a school of social work.",
    "I have worked as a substitute teacher.",
    "I make a lot of home visits.",
    "I previously worked in trauma surgery.",
    "We have a great gang of colleagues.",
    "I enjoy reading crime novels.",
    "I moved to Finland from Scotland twelve years ago.",
    "Cooperation with the hospital has been unusually smooth.",
]

# --------------------------------------------------------------------------
# People and organisations
# --------------------------------------------------------------------------
FI_FIRST = ["Aino", "Anna", "Anni", "Elina", "Emilia", "Hanna", "Heidi", "Jenni", "Johanna", "Katja",
            "Kaisa", "Laura", "Leena", "Liisa", "Maarit", "Marjo", "Minna", "Noora", "Paula", "Päivi",
            "Riikka", "Sanna", "Satu", "Suvi", "Tiina", "Tuula", "Ulla", "Veera", "Antti", "Eero",
            "Harri", "Heikki", "Janne", "Jari", "Juha", "Jukka", "Kalle", "Lauri", "Markku", "Matti",
            "Mikko", "Olli", "Pekka", "Petri", "Sami", "Timo", "Tuomas", "Ville", "Outi", "Pirjo"]
FI_LAST = ["Korhonen", "Virtanen", "Mäkinen", "Nieminen", "Mäkelä", "Hämäläinen", "Laine", "Heikkinen",
           "Koskinen", "Järvinen", "Lehtonen", "Lehtinen", "Saarinen", "Salminen", "Heinonen", "Niemi",
           "Heikkilä", "Kinnunen", "Salonen", "Turunen", "Salo", "Laitinen", "Tuominen", "Rantanen",
           "Karjalainen", "Jokinen", "Mattila", "Savolainen", "Lahtinen", "Ahonen", "Hiltunen",
           "Miettinen", "Leinonen", "Pitkänen", "Aaltonen", "Manninen", "Hyvönen", "Kärkkäinen",
           "Räsänen", "Huttunen", "Ikonen", "Pesonen", "Väisänen", "Partanen", "Kettunen", "Oksanen"]
SV_FIRST = ["Anna", "Maria", "Johanna", "Emma", "Sara", "Linda", "Camilla", "Malin", "Ida", "Elin",
            "Karin", "Jessica", "Annika", "Ulrika", "Petra", "Johan", "Mikael", "Fredrik", "Jonas",
            "Anders", "Henrik", "Peter", "Erik", "Patrik", "Stefan", "Kim", "Mats"]
SV_LAST = ["Nyman", "Lindholm", "Lindqvist", "Holmström", "Björklund", "Sjöberg", "Öhman", "Forsström",
           "Grönroos", "Backman", "Ekholm", "Wikström", "Lindberg", "Nylund", "Sundström", "Strandberg",
           "Westerlund", "Åberg", "Granholm", "Mattsson", "Hägglund", "Söderström"]
EN_FIRST = ["Sarah", "Emily", "Laura", "Rachel", "Hannah", "Maria", "Fatima", "Amira", "Olga", "Daniel",
            "James", "Thomas", "David", "Michael", "Ahmed", "Samuel", "Lukas", "Peter", "Aino", "Mikko"]
EN_LAST = ["Mitchell", "Brown", "Wilson", "Taylor", "Evans", "Hassan", "Ali", "Novak", "Kowalski",
           "Ivanova", "O'Brien", "Murphy", "García", "Schmidt", "Korhonen", "Virtanen", "Lindqvist"]

FI_TITLES = ["sosiaalityöntekijä", "johtava sosiaalityöntekijä", "erikoissosiaalityöntekijä", "psykologi",
             "neuropsykologi", "erikoispsykologi", "psykoterapeutti", "perheterapeutti", "lastenpsykiatri",
             "nuorisopsykiatri", "lastenlääkäri", "sairaanhoitaja", "psykiatrinen sairaanhoitaja",
             "terveydenhoitaja", "kouluterveydenhoitaja", "koulukuraattori", "koulupsykologi",
             "erityisopettaja", "luokanopettaja", "rehtori", "nuoriso-ohjaaja", "perhetyöntekijä",
             "sosionomi", "sosiaaliohjaaja", "toimintaterapeutti", "puheterapeutti", "tutkija",
             "yliopistonlehtori", "professori", "kehittämiskoordinaattori", "OT-koordinaattori",
             "varhaiskasvatuksen erityisopettaja", "palveluohjaaja", "lakimies"]
SV_TITLES = ["socialarbetare", "ledande socialarbetare", "psykolog", "neuropsykolog", "psykoterapeut",
             "familjeterapeut", "barnpsykiater", "ungdomspsykiater", "barnläkare", "sjukskötare",
             "hälsovårdare", "skolkurator", "skolpsykolog", "speciallärare", "klasslärare", "rektor",
             "ungdomsledare", "familjearbetare", "socionom", "ergoterapeut", "talterapeut", "forskare",
             "universitetslektor", "utvecklingskoordinator", "jurist"]
EN_TITLES = ["social worker", "senior social worker", "psychologist", "clinical psychologist",
             "neuropsychologist", "psychotherapist", "family therapist", "child psychiatrist",
             "adolescent psychiatrist", "paediatrician", "nurse", "psychiatric nurse", "school nurse",
             "school social worker", "school psychologist", "special education teacher", "youth worker",
             "family worker", "occupational therapist", "speech therapist", "researcher",
             "senior lecturer", "professor", "development coordinator", "lawyer"]

FI_ORGS = ["Keski-Suomen hyvinvointialue", "Pohjois-Savon hyvinvointialue", "Pirkanmaan hyvinvointialue",
           "Varsinais-Suomen hyvinvointialue", "Pohjois-Pohjanmaan hyvinvointialue", "Lapin hyvinvointialue",
           "Päijät-Hämeen hyvinvointialue", "Länsi-Uudenmaan hyvinvointialue",
           "Vantaan ja Keravan hyvinvointialue", "Helsingin kaupunki", "HUS Helsingin yliopistollinen sairaala",
           "Kuopion yliopistollinen sairaala", "Tampereen yliopistollinen sairaala",
           "Oulun yliopistollinen sairaala", "Turun yliopistollinen keskussairaala", "Itä-Suomen yliopisto",
           "Jyväskylän yliopisto", "Tampereen yliopisto", "Turun yliopisto", "Helsingin yliopisto",
           "Terveyden ja hyvinvoinnin laitos", "Socca – Uudenmaan sosiaalialan osaamiskeskus",
           "Koske – Keski-Suomen sosiaalialan osaamiskeskus", "Itä-Suomen sosiaalialan osaamiskeskus",
           "Pesäpuu ry", "Mannerheimin Lastensuojeluliitto", "Pelastakaa Lapset ry", "Nuorten Ystävät ry",
           "Satakunnan hyvinvointialue", "Kainuun hyvinvointialue", "Pohjois-Karjalan hyvinvointialue",
           "Etelä-Savon hyvinvointialue", "Kymenlaakson hyvinvointialue", "Etelä-Pohjanmaan hyvinvointialue",
           "Kanta-Hämeen hyvinvointialue", "Itä-Uudenmaan hyvinvointialue", "Keski-Uudenmaan hyvinvointialue",
           "Etelä-Karjalan hyvinvointialue", "Keski-Pohjanmaan hyvinvointialue", "Pohjanmaan hyvinvointialue",
           "Yksityinen vastaanotto",
           "Jyväskylän kaupunki", "Kuopion kaupunki", "Oulun kaupunki"]
SV_ORGS = ["Österbottens välfärdsområde", "Västra Nylands välfärdsområde", "Östra Nylands välfärdsområde",
           "Egentliga Finlands välfärdsområde", "Mellersta Österbottens välfärdsområde", "Helsingfors stad",
           "HUS Helsingfors universitetssjukhus", "Åbo Akademi", "Helsingfors universitet", "Folkhälsan",
           "Barnavårdsföreningen i Finland", "Vanda stad", "Vasa stad", "Institutet för hälsa och välfärd",
           "Privat mottagning"]
EN_ORGS = ["Wellbeing Services County of Central Finland", "Wellbeing Services County of North Savo",
           "Wellbeing Services County of Pirkanmaa", "Wellbeing Services County of Southwest Finland",
           "Wellbeing Services County of North Ostrobothnia", "City of Helsinki",
           "Helsinki University Hospital (HUS)", "Kuopio University Hospital", "Tampere University Hospital",
           "University of Eastern Finland", "University of Jyväskylä", "Tampere University",
           "University of Helsinki", "Finnish Institute for Health and Welfare (THL)",
           "Save the Children Finland", "Private practice"]

POLICE_ROLES = {"rikoskomisario", "vanhempi rikoskonstaapeli", "kriminalkommissarie",
                "detective inspector", "police officer"}
POLICE_ORGS = {"fi": ["Itä-Suomen poliisilaitos", "Sisä-Suomen poliisilaitos", "Helsingin poliisilaitos",
                      "Oulun poliisilaitos", "Lounais-Suomen poliisilaitos"],
               "sv": ["Österbottens polisinrättning", "Helsingfors polisinrättning"],
               "en": ["Helsinki Police Department", "Eastern Finland Police Department"]}

NAMES = {"fi": (FI_FIRST, FI_LAST), "sv": (SV_FIRST, SV_LAST), "en": (EN_FIRST, EN_LAST)}
TITLES = {"fi": FI_TITLES, "sv": SV_TITLES, "en": EN_TITLES}
ORGS = {"fi": FI_ORGS, "sv": SV_ORGS, "en": EN_ORGS}
FILLERS = {"fi": FI_FILLERS, "sv": SV_FILLERS, "en": EN_FILLERS}
DISTRACTORS = {"fi": FI_DISTRACTORS, "sv": SV_DISTRACTORS, "en": EN_DISTRACTORS}
FRAMES = {"fi": FI_FRAMES, "sv": SV_FRAMES, "en": EN_FRAMES}

# --------------------------------------------------------------------------
# Hand-placed profiles: distractors (for forbidden.json) and paraphrases
# (for must_find.json).  (index, lang, [sentence or (sentence, concepts)],
#  query, concepts the query is about, why)
# --------------------------------------------------------------------------
FORBIDDEN_FIXED = [
    (17, "fi", ["Koulutukseltani olen kasvatustieteiden maisteri.",
                "Vastaan alueemme täydennyskoulutuksesta ja koulutuskalenterista.",
                "Teen paljon yhteistyötä sivistystoimen kanssa."],
     "koulupoissaolot", ["school-absence"],
     "'koulu' occurs only inside koulutus/täydennyskoulutus; nothing about pupils missing school."),
    (77, "en", ["I trained at a school of social work and later taught at a summer school.",
                "I have worked for years as a substitute teacher.",
                "I make a lot of home visits to families."],
     "school refusal", ["school-absence"],
     "'school' only as in school of social work / summer school; no absence or refusal."),
    (142, "fi", ["Olen laatinut tiimimme pelisäännöt ja perehdytysmateriaalin.",
                 "Pelaan vapaa-ajallani sählyä ja lautapelejä.",
                 ("Selvitän kiusaamistapauksia yhdessä oppilaiden ja huoltajien kanssa.", ["bullying"])],
     "peliriippuvuus", ["problem-gaming"],
     "'peli' only in pelisäännöt and as a floorball/board-game hobby; no problem gaming."),
    (263, "fi", ["Opiskelin aikoinaan terveydenhuollon hallintoa.",
                 "Olen kouluttanut esihenkilöitä työyhteisön ristiriitojen ratkaisemisessa."],
     "huoltoriidat", ["custody-dispute"],
     "'huolto' only in terveydenhuolto and 'riita' only in workplace ristiriidat; no custody dispute."),
    (389, "fi", ["Olen kirjoittanut artikkelin sosiaalityön ja terapian eroista.",
                 "Erosin kunnan palveluksesta vuonna 2015 ja siirryin järjestöön.",
                 ("Teen IPC-menetelmällä lyhytterapiaa masentuneille nuorille.", ["depression"])],
     "vaativat erotilanteet", ["custody-dispute"],
     "'ero' means a difference between professions and resigning from a job, not a separation."),
    (431, "fi", ["Olen toiminut opettajan sijaisena useissa kouluissa.",
                 "Nykyään tuuraan tarvittaessa rehtoria ja toimin hänen sijaisenaan."],
     "sijaisperhe", ["foster-care"],
     "'sijainen' is a substitute teacher / deputy here, not foster care."),
    (577, "fi", ["Työyhteisössämme on mahtava jengi ja vahva yhteishenki.",
                 ("Olen koulumme KiVa-tiimin vetäjä.", ["bullying"])],
     "jengit", ["gangs"],
     "'jengi' is colloquial for the work team; nothing about street gangs."),
    (612, "fi", ["Työskentelin aiemmin päivystyksen traumatologian yksikössä ja hoidin murtumia.",
                 "Nykyään vastaan sairaalan ensiavun koulutuksista."],
     "trauma", ["trauma"],
     "physical injury care (traumatologia, fractures), not psychological trauma."),
    (748, "fi", ["Hoidan vapaa-ajallani urheiluvammoja seurajoukkueen huoltajana.",
                 "Yliopiston psykologian laitoksella opetin kehityspsykologiaa."],
     "vammaiset lapset", ["disability"],
     "sports injuries (urheiluvammat) and developmental psychology are not disability."),
    (805, "fi", ["Yhteistyö sairaalan kanssa on ollut harvinaisen sujuvaa.",
                 "Teen perhetyötä lapsiperheiden arjessa."],
     "harvinaiset sairaudet", ["rare-disease"],
     "'harvinaisen' is an intensifier ('unusually smooth'); no rare disease."),
    (933, "fi", ["Käytän ryhmissä toiminnallisia menetelmiä, kuten draamaa ja liikuntaa.",
                 "Luokan työrauhan häiriöihin olen kehittänyt toiminnallisia välituntileikkejä."],
     "toiminnalliset häiriöt", ["functional-symptoms"],
     "activity-based methods and classroom disturbances, not functional (somatic) disorders."),
    (1021, "fi", ["Tein radikaalin uranvaihdon insinööristä sosionomiksi.",
                  "Retkeily ääriolosuhteissa on rakas harrastukseni."],
     "radikalisoituminen", ["radicalisation"],
     "'radikaali' career change and hiking in extreme conditions; nothing about extremism."),
    (1100, "fi", ["Aloitin urani sairaalan laitoshuoltajana.",
                  "Nykyään opetan yliopiston sosiaalitieteiden laitoksella."],
     "laitoshuolto", ["residential-care"],
     "laitoshuoltaja is a hospital cleaner and 'laitos' a university department; not residential care."),
    (1177, "fi", ["Olen vapaaehtoisena eläinsuojeluyhdistyksessä, joka etsii kodittomille kissoille uusia koteja.",
                  "Työskentelen perheneuvolassa."],
     "kodittomat nuoret", ["youth-homelessness"],
     "homeless cats, not homeless young people."),
    (1290, "fi", ["Hoidan ilmoittautumiset alueen lastensuojelun koulutuspäiville.",
                  "Olen OT-koordinaattorin assistentti."],
     "lastensuojeluilmoitus", ["child-protection-notification"],
     "registrations (ilmoittautumiset) for training days, not child protection notifications."),
    (1368, "fi", ["@talous- ja velkaneuvoja|Neuvon perheitä lasten säästämisessä ja rahastosijoittamisessa.",
                  "Seuraan vapaa-ajallani sijoitusmarkkinoita."],
     "sijoitetut lapset", ["out-of-home-care"],
     "financial investments (sijoittaminen), not placement of children."),
    (1455, "sv", ["Vi har ett härligt gäng på jobbet.",
                  "Jag spelar innebandy på fritiden.",
                  "Jag gör ofta hembesök hos familjerna."],
     "kriminella gäng", ["gangs"],
     "'gäng' means the group of colleagues; no criminal gangs."),
]

MUST_FIND_FIXED = [
    (58, "fi", [("Autan lapsia, joiden isä juo joka viikonloppu ja äiti yrittää peitellä tilannetta.", ["parental-substance-use"]),
                "Teen töitä perheneuvolassa."],
     "päihdeongelmat", ["substance-use"],
     "lay wording ('isä juo') of a parent's alcohol problem; substance-use via the hierarchy."),
    (199, "fi", [("Tuen nuoria, jotka eivät aamuisin pääse lähtemään kouluun ja ovat olleet kotona kuukausia.", ["school-absence"])],
     "koulupoissaolot", ["school-absence"],
     "describes school absence without the word poissaolo."),
    (324, "sv", [("Jag gör utredningar om vårdnad och umgänge när föräldrarna inte kommer överens om barnen.", ["custody-dispute"]),
                 "Jag arbetar främst i Vasa."],
     "huoltoriidat", ["custody-dispute"],
     "Swedish profile about custody and contact disputes; Finnish query."),
    (466, "fi", [("Vanhemmat riitelevät lapsistaan käräjäoikeudessa, ja minä teen olosuhdeselvityksiä.", ["custody-dispute"])],
     "custody disputes", ["custody-dispute"],
     "Finnish lay description of custody litigation; English query."),
    (519, "fi", [("Hoidan nuoria, jotka laihduttavat vaarallisesti ja pelkäävät lihomista.", ["eating-disorder"])],
     "syömishäiriöt", ["eating-disorder"],
     "describes anorexia-like symptoms without the word syömishäiriö."),
    (690, "en", [("I support teenagers who cut themselves to cope with difficult feelings.", ["self-harm"])],
     "viiltely", ["self-harm"],
     "English profile about cutting; Finnish query."),
    (777, "fi", [("Autan perheitä, joissa isä lyö äitiä ja lapset pelkäävät kotona.", ["domestic-violence"])],
     "lähisuhdeväkivalta", ["domestic-violence"],
     "lay description of domestic violence."),
    (861, "fi", [("Kuvakommunikaatio ja strukturointi autismikirjon lasten kanssa ovat vahvuuksiani.", ["autism"])],
     "neuropsykiatriset häiriöt", ["neuropsychiatric"],
     "autism is a neuropsychiatric disorder (narrower concept)."),
    (999, "fi", [("@sijaisvanhempi|Olemme mieheni kanssa toimineet sijaisperheenä viidelle lapselle.", ["foster-care"])],
     "sijaishuolto", ["out-of-home-care"],
     "foster family is a form of substitute care (narrower concept)."),
    (1103, "sv", [("Jag hjälper unga att ta sig ur kriminella gäng.", ["gangs"])],
     "jengiytyminen", ["gangs"],
     "Swedish profile about leaving criminal gangs; Finnish derived query."),
    (1234, "fi", [("Toimin edustajana lapsille, jotka ovat tulleet Suomeen ilman vanhempiaan.", ["unaccompanied-minor"])],
     "ensamkommande barn", ["unaccompanied-minor"],
     "Finnish profile about unaccompanied minors; Swedish query."),
    (1333, "fi", [("Nuori valvoo koneella aamuun asti ja raivoaa, jos pelaaminen keskeytetään – tällaisissa tilanteissa autan perheitä.", ["problem-gaming"])],
     "peliriippuvuus", ["problem-gaming"],
     "lay description of gaming addiction."),
    (1420, "fi", [("Hoidan alakuloisia ja toivottomuudesta kärsiviä nuoria.", ["depression"])],
     "masennus", ["depression"],
     "low mood and hopelessness without the word masennus."),
    (1489, "en", [("I screen incoming child protection referrals and decide how urgently to respond.", ["child-protection-notification"])],
     "lastensuojeluilmoitus", ["child-protection-notification"],
     "English profile about child protection referrals; Finnish compound query."),
]

# --------------------------------------------------------------------------
# Queries: (q, category, relevant, [intended word for typos])
# --------------------------------------------------------------------------
QUERIES = [
    # inflected
    ("huoltoriidoissa", "inflected", ["custody-dispute"]),
    ("lähisuhdeväkivallasta", "inflected", ["domestic-violence"]),
    ("syömishäiriöihin", "inflected", ["eating-disorder"]),
    ("psykooseista", "inflected", ["psychosis"]),
    ("koulukodissa", "inflected", ["reform-school"]),
    ("jengeihin", "inflected", ["gangs"]),
    ("sijaisperheille", "inflected", ["foster-care"]),
    ("maahanmuuttajaperheiden", "inflected", ["migrant-family"]),
    ("radikalisoitumisesta", "inflected", ["radicalisation"]),
    ("lastensuojeluilmoituksia", "inflected", ["child-protection-notification"]),
    ("masennukseen", "inflected", ["depression"]),
    # compound
    ("päihdeongelmat", "compound", ["substance-use"]),
    ("koulupoissaolot", "compound", ["school-absence"]),
    ("peliriippuvuus", "compound", ["problem-gaming"]),
    ("koulukiusaaminen", "compound", ["bullying"]),
    ("itsemurhavaara", "compound", ["suicidality"]),
    ("kunniaväkivalta", "compound", ["honour-violence"]),
    ("nuorisorikollisuus", "compound", ["youth-crime"]),
    ("vauvaperhetyö", "compound", ["infant-mental-health"]),
    ("kehitysvammaisuus", "compound", ["intellectual-disability"]),
    ("oppimisvaikeudet", "compound", ["learning-difficulties"]),
    ("perhehoito", "compound", ["foster-care"]),
    # compound-split
    ("päihteiden ongelmakäyttö", "compound-split", ["substance-use"]),
    ("poissaolot koulusta", "compound-split", ["school-absence"]),
    ("ongelmallinen pelaaminen", "compound-split", ["problem-gaming"]),
    ("huolto- ja tapaamisriidat", "compound-split", ["custody-dispute"]),
    ("lähisuhde väkivalta", "compound-split", ["domestic-violence"]),
    ("syömisen häiriöt", "compound-split", ["eating-disorder"]),
    ("kodin ulkopuolinen sijoitus", "compound-split", ["out-of-home-care"]),
    ("vanhempien mielenterveys", "compound-split", ["parental-mental-health"]),
    ("kunniaan liittyvä väkivalta", "compound-split", ["honour-violence"]),
    ("koulu kiusaaminen", "compound-split", ["bullying"]),
    ("kehitys vamma", "compound-split", ["intellectual-disability"]),
    # derived
    ("masentunut nuori", "derived", ["depression"]),
    ("ahdistunut lapsi", "derived", ["anxiety"]),
    ("traumatisoitunut", "derived", ["trauma"]),
    ("psykoottinen", "derived", ["psychosis"]),
    ("radikalisoitunut nuori", "derived", ["radicalisation"]),
    ("kiusattu lapsi", "derived", ["bullying"]),
    ("autistinen", "derived", ["autism"]),
    ("kehitysvammainen", "derived", ["intellectual-disability"]),
    ("asunnoton nuori", "derived", ["youth-homelessness"]),
    ("vammainen lapsi", "derived", ["disability"]),
    ("väkivaltainen puoliso", "derived", ["domestic-violence"]),
    ("sijoitettu lapsi", "derived", ["out-of-home-care"]),
    # multiword
    ("ADHD ja päihteet", "multiword", ["adhd", "substance-use"]),
    ("trauma sijaishuollossa", "multiword", ["trauma", "out-of-home-care"]),
    ("väkivalta erotilanteissa", "multiword", ["custody-dispute", "domestic-violence"]),
    ("pakolaislasten traumat", "multiword", ["migrant-family", "trauma"]),
    ("autismi ja koulupoissaolot", "multiword", ["autism", "school-absence"]),
    ("syömishäiriö ja viiltely", "multiword", ["eating-disorder", "self-harm"]),
    ("vanhemman päihde- ja mielenterveysongelmat", "multiword", ["parental-substance-use", "parental-mental-health"]),
    ("lapsen seksuaalinen hyväksikäyttö", "multiword", ["child-sexual-abuse"]),
    ("nuoren masennus ja ahdistus", "multiword", ["depression", "anxiety"]),
    ("harvinaiset sairaudet ja vammaisuus", "multiword", ["rare-disease", "disability"]),
    ("kiusaaminen ja koulusta poisjääminen", "multiword", ["bullying", "school-absence"]),
    ("nuorten päihteet ja rikokset", "multiword", ["youth-substance-use", "youth-crime"]),
    # synonym
    ("kaltoinkohtelu", "synonym", ["child-abuse"]),
    ("huostaanotetut lapset", "synonym", ["out-of-home-care"]),
    ("vaativa eroauttaminen", "synonym", ["custody-dispute"]),
    ("koulukieltäytyminen", "synonym", ["school-absence"]),
    ("perheväkivalta", "synonym", ["domestic-violence"]),
    ("laihuushäiriö", "synonym", ["eating-disorder"]),
    ("selittämättömät fyysiset oireet", "synonym", ["functional-symptoms"]),
    ("lukihäiriö", "synonym", ["learning-difficulties"]),
    ("viiltely", "synonym", ["self-harm"]),
    ("väkivaltainen ekstremismi", "synonym", ["radicalisation"]),
    ("pelihaitat", "synonym", ["problem-gaming"]),
    ("vauvapsykiatria", "synonym", ["infant-mental-health"]),
    ("nepsy", "synonym", ["neuropsychiatric"]),
    # typo
    ("lahisuhdeväkivalta", "typo", ["domestic-violence"], "lähisuhdeväkivalta"),
    ("syomishäiriöt", "typo", ["eating-disorder"], "syömishäiriöt"),
    ("pyskoosi", "typo", ["psychosis"], "psykoosi"),
    ("huoltorita", "typo", ["custody-dispute"], "huoltoriita"),
    ("mahanmuuttajaperheet", "typo", ["migrant-family"], "maahanmuuttajaperheet"),
    ("koulukiusaminen", "typo", ["bullying"], "koulukiusaaminen"),
    ("autsimi", "typo", ["autism"], "autismi"),
    ("radikalisotuminen", "typo", ["radicalisation"], "radikalisoituminen"),
    ("sijasperhe", "typo", ["foster-care"], "sijaisperhe"),
    ("masenus", "typo", ["depression"], "masennus"),
    ("ahdsitus", "typo", ["anxiety"], "ahdistus"),
    ("peliriipuvuus", "typo", ["problem-gaming"], "peliriippuvuus"),
    # swedish
    ("vårdnadstvist", "swedish", ["custody-dispute"]),
    ("våld i nära relationer", "swedish", ["domestic-violence"]),
    ("ätstörningar hos unga", "swedish", ["eating-disorder"]),
    ("självskadebeteende", "swedish", ["self-harm"]),
    ("familjevård", "swedish", ["foster-care"]),
    ("skolfrånvaro", "swedish", ["school-absence"]),
    ("ensamkommande barn", "swedish", ["unaccompanied-minor"]),
    ("föräldrars missbruk", "swedish", ["parental-substance-use"]),
    ("neuropsykiatriska funktionsnedsättningar", "swedish", ["neuropsychiatric"]),
    ("hedersrelaterat våld", "swedish", ["honour-violence"]),
    ("sexuella övergrepp mot barn", "swedish", ["child-sexual-abuse"]),
    # english
    ("custody disputes", "english", ["custody-dispute"]),
    ("youth gangs", "english", ["gangs"]),
    ("school refusal", "english", ["school-absence"]),
    ("eating disorders in adolescents", "english", ["eating-disorder"]),
    ("refugee families", "english", ["migrant-family"]),
    ("suicide prevention", "english", ["suicidality"]),
    ("child sexual abuse", "english", ["child-sexual-abuse"]),
    ("parental mental illness", "english", ["parental-mental-health"]),
    ("residential care", "english", ["residential-care"]),
    ("gaming addiction", "english", ["problem-gaming"]),
    ("rare diseases", "english", ["rare-disease"]),
    # question
    ("kuka voisi auttaa perhettä jossa isä juo", "question", ["parental-substance-use"]),
    ("kenelle soitan kun nuori ei lähde aamulla kouluun", "question", ["school-absence"]),
    ("mistä saan apua kun vanhemmat riitelevät lasten huoltajuudesta", "question", ["custody-dispute"]),
    ("kuka osaa auttaa nuorta joka viiltelee itseään", "question", ["self-harm"]),
    ("tunteeko joku autismikirjon lapsia", "question", ["autism"]),
    ("onko asiantuntijaa joka tietää katujengeistä", "question", ["gangs"]),
    ("keneltä voin kysyä epäillystä lapsen pahoinpitelystä", "question", ["child-abuse"]),
    ("kuka auttaa kun nuori pelaa koko yön", "question", ["problem-gaming"]),
    ("kuka voisi tukea perhettä jossa äiti on vakavasti masentunut", "question", ["parental-mental-health", "depression"]),
    ("kuka tietää miten tukea yksin maahan tullutta poikaa", "question", ["unaccompanied-minor"]),
    ("kuka osaa auttaa nuorta joka ei syö", "question", ["eating-disorder"]),
    ("mitä teen jos epäilen että lasta on käytetty seksuaalisesti hyväksi", "question", ["child-sexual-abuse"]),
]

CATEGORIES = ["inflected", "compound", "compound-split", "derived", "multiword", "synonym",
              "typo", "swedish", "english", "question"]


# --------------------------------------------------------------------------
# Generation
# --------------------------------------------------------------------------
def parse_sentence(entry):
    """-> (text, role or None, extra concepts list)"""
    if isinstance(entry, tuple):
        text, extra = entry
    else:
        text, extra = entry, []
    role = None
    if text.startswith("@"):
        role, text = text[1:].split("|", 1)
    return text, role, list(extra)


def concept_sentence(rng, c, lang, plain=False):
    """One sentence expressing concept c in lang: (text, role, concepts)."""
    d = C[c]
    nps = d.get(lang + "_np", [])
    if nps and (plain or rng.random() < 0.4):
        frame = rng.choice(FRAMES[lang])
        np_ = rng.choice(nps)
        if lang == "fi":
            n, p, il, el = np_.split("|")
            text = frame.format(n=n, p=p, il=il, el=el)
        else:
            text = frame.format(np=np_)
        return text, None, {c}
    text, role, extra = parse_sentence(rng.choice(d[lang]))
    return text, role, {c} | set(extra)


def fill_template(rng, lang, s):
    if "{n}" in s:
        s = s.replace("{n}", str(rng.choice([3, 5, 7, 8, 10, 12, 15, 18, 20, 25])))
    if "{city}" in s:
        s = s.replace("{city}", rng.choice({"fi": FI_CITIES_GEN, "sv": SV_CITIES, "en": EN_CITIES}[lang]))
    return s


def pick_lang(rng):
    r = rng.random()
    acc = 0.0
    for lang, w in LANG_WEIGHTS:
        acc += w
        if r < acc:
            return lang
    return LANG_WEIGHTS[-1][0]


PRIMARY_WEIGHT = {c: (0.7 if c in set(BROADER.values()) else 1.0) for c in CONCEPTS}


def pick_primaries(rng):
    r = rng.random()
    k = 0 if r < 0.12 else 1 if r < 0.52 else 2 if r < 0.87 else 3
    combo = None
    prim = []
    if k >= 2 and rng.random() < 0.55:
        combo = rng.choice(sorted(COMBOS))
        prim = list(combo)
    limit = concept_limit(prim)
    pool = CONCEPTS
    weights = [PRIMARY_WEIGHT[c] for c in pool]
    tries = 0
    while len(prim) < k and tries < 50:
        tries += 1
        c = rng.choices(pool, weights)[0]
        if c in prim:
            continue
        # avoid picking a concept that is an ancestor/descendant of one already chosen
        if any(c in expand([p]) or p in expand([c]) for p in prim):
            continue
        # keep the profile at <= 3 concepts after adding broader ones
        # (a planted combination may need 4, e.g. adhd + youth-substance-use)
        if len(expand(prim + [c])) > limit:
            continue
        prim.append(c)
    return prim, combo


def concept_limit(prim):
    return max(3, len(expand(prim)))


def make_person(rng, lang):
    first, last = NAMES[lang]
    return rng.choice(first) + " " + rng.choice(last), rng.choice(ORGS[lang])


def build_random_profile(rng, lang):
    prim, combo = pick_primaries(rng)
    sentences = []  # (text, concepts)
    role = None
    covered = set()
    if combo:
        cs = COMBOS[combo].get(lang)
        if cs and rng.random() < 0.55:
            sentences.append((rng.choice(cs), set(combo)))
            covered |= set(combo)
    limit = concept_limit(prim)
    for c in prim:
        if c in covered:
            continue
        for _ in range(20):
            text, r, cs = concept_sentence(rng, c, lang)
            if (r is None or role is None or r == role) and len(expand(covered | cs | set(prim))) <= limit:
                break
        else:
            # fall back to a plain sentence (no role, no implied extra concepts)
            text, r, cs = concept_sentence(rng, c, lang, plain=True)
        if any(text == s for s, _ in sentences):
            continue
        if r and role is None:
            role = r
        sentences.append((text, cs))
        covered |= cs
    n_conc = len(sentences)
    # fillers / distractors
    if n_conc == 0:
        total = rng.choice([1, 2, 2, 3])
    else:
        total = min(5, n_conc + rng.choice([0, 1, 1, 2, 2, 3]))
        if len(covered) > n_conc and total == n_conc:
            total += 1  # a combined sentence alone would repeat too often
    extra = []
    if rng.random() < 0.22 and total - n_conc >= 1 or (n_conc == 0 and rng.random() < 0.35):
        extra.append((rng.choice(DISTRACTORS[lang]), set()))
    used_templates = set()
    while n_conc + len(extra) < max(total, 1):
        tmpl = rng.choice(FILLERS[lang])
        if tmpl in used_templates:
            continue
        used_templates.add(tmpl)
        extra.append((fill_template(rng, lang, tmpl), set()))
    # order: concept sentences mostly first, one filler sometimes in front
    body = list(sentences)
    rng.shuffle(body)
    rng.shuffle(extra)
    if extra and rng.random() < 0.35:
        ordered = [extra[0]] + body + extra[1:]
    else:
        ordered = body + extra
    return ordered, role


def canonical(cs):
    order = {c: i for i, c in enumerate(CONCEPTS)}
    return sorted(expand(cs), key=lambda c: order[c])


def main():
    rng = random.Random(SEED)
    fixed = {}
    for spec in FORBIDDEN_FIXED + MUST_FIND_FIXED:
        idx = spec[0]
        assert idx not in fixed, idx
        fixed[idx] = spec

    profiles = []
    for i in range(N_PROFILES):
        pid = "b%04d" % (i + 1)
        if i in fixed:
            _, lang, sents, _, _, _ = fixed[i]
            ordered = []
            role = None
            for e in sents:
                text, r, extra = parse_sentence(e)
                if r:
                    role = r
                ordered.append((text, set(extra)))
        else:
            lang = pick_lang(rng)
            ordered, role = build_random_profile(rng, lang)
        name, org = make_person(rng, lang)
        title = role or rng.choice(TITLES[lang])
        if title in POLICE_ROLES:
            org = rng.choice(POLICE_ORGS[lang])
        concepts = set()
        for _, cs in ordered:
            concepts |= cs
        profiles.append({
            "id": pid,
            "name": name,
            "title": title,
            "organisation": org,
            "language": lang,
            "description": " ".join(t for t, _ in ordered),
            "concepts": canonical(concepts),
        })

    by_id = {p["id"]: p for p in profiles}

    def relevant(rel):
        need = set(rel)
        return [p for p in profiles if need <= set(p["concepts"])]

    # queries
    queries = []
    problems = []
    for q in QUERIES:
        text, cat, rel = q[0], q[1], q[2]
        assert cat in CATEGORIES, cat
        for c in rel:
            assert c in C, c
        if cat == "typo":
            intended = q[3]
            assert len(intended) >= 5
            if osa_distance(text, intended) != 1:
                problems.append("typo not one edit: %r vs %r" % (text, intended))
        hits = relevant(rel)
        if len(hits) < 3:
            problems.append("query %r has only %d relevant" % (text, len(hits)))
        if cat in ("swedish", "english") and not any(p["language"] == "fi" for p in hits):
            problems.append("query %r has no Finnish relevant profile" % text)
        queries.append({"q": text, "category": cat, "relevant": rel})

    forbidden = []
    for idx, lang, _, q, qc, why in FORBIDDEN_FIXED:
        pid = "b%04d" % (idx + 1)
        p = by_id[pid]
        if set(qc) <= set(p["concepts"]):
            problems.append("forbidden profile %s has the query concept" % pid)
        forbidden.append({"q": q, "profile": p, "why": why})
    must_find = []
    for idx, lang, _, q, qc, why in MUST_FIND_FIXED:
        pid = "b%04d" % (idx + 1)
        p = by_id[pid]
        if not set(qc) <= set(p["concepts"]):
            problems.append("must_find profile %s lacks %s" % (pid, qc))
        must_find.append({"q": q, "profile": p, "why": why})

    # pool size checks
    for c, d in C.items():
        if len(d["fi"]) < 8 or len(d["sv"]) < 3 or len(d["en"]) < 3:
            problems.append("pool too small for %s" % c)

    if problems:
        for pr in problems:
            print("PROBLEM:", pr, file=sys.stderr)
        sys.exit(1)

    os.makedirs(OUT, exist_ok=True)

    def dump(name, obj):
        with open(os.path.join(OUT, name), "w", encoding="utf-8") as f:
            json.dump(obj, f, ensure_ascii=False, indent=1)
            f.write("\n")

    dump("profiles.json", profiles)
    dump("queries.json", queries)
    dump("forbidden.json", forbidden)
    dump("must_find.json", must_find)
    with open(os.path.join(OUT, "README.md"), "w", encoding="utf-8") as f:
        f.write(readme(profiles, queries, forbidden, must_find, relevant))
    print("wrote %d profiles, %d queries, %d forbidden, %d must_find to %s"
          % (len(profiles), len(queries), len(forbidden), len(must_find), OUT))


def osa_distance(a, b):
    """Optimal string alignment distance (Levenshtein + adjacent transposition)."""
    la, lb = len(a), len(b)
    d = [[0] * (lb + 1) for _ in range(la + 1)]
    for i in range(la + 1):
        d[i][0] = i
    for j in range(lb + 1):
        d[0][j] = j
    for i in range(1, la + 1):
        for j in range(1, lb + 1):
            cost = 0 if a[i - 1] == b[j - 1] else 1
            d[i][j] = min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost)
            if i > 1 and j > 1 and a[i - 1] == b[j - 2] and a[i - 2] == b[j - 1]:
                d[i][j] = min(d[i][j], d[i - 2][j - 2] + 1)
    return d[la][lb]


def readme(profiles, queries, forbidden, must_find, relevant):
    lang_count = collections.Counter(p["language"] for p in profiles)
    conc_count = collections.Counter(c for p in profiles for c in p["concepts"])
    conc_fi = collections.Counter(c for p in profiles if p["language"] == "fi" for c in p["concepts"])
    ncon = collections.Counter(len(p["concepts"]) for p in profiles)
    cat_count = collections.Counter(q["category"] for q in queries)
    rel_sizes = [len(relevant(q["relevant"])) for q in queries]
    L = []
    L.append("# Blind search test collection (search-blind)\n")
    L.append("Generated by `scripts/search-collection/blind.py` (Python 3, standard library, "
             "fixed seed %d). Re-running the script reproduces these files byte for byte.\n" % SEED)
    L.append("## How it was written\n")
    L.append("The collection was written by a helper session that did **not** see the search engine, "
             "its thesaurus or synonym lists, its tests, or the two earlier collections "
             "(`testdata/search`, `testdata/search-outside`). It read only the domain documents "
             "(`seeds/`, `DOMAIN-FACTS.md`, `DESIGN.md`). The concepts were chosen from the phenomena "
             "the seeds name (custody disputes, domestic violence, Barnahus, child protection × "
             "psychiatry, neuropsychiatric needs, rare and functional disorders, demanding substitute "
             "care and schooling support, ...) plus closely related phenomena the centres work with.\n")
    L.append("All wording is the author's own idea of how Finnish, Finland-Swedish and English-speaking "
             "professionals describe their work: inflected noun phrases in four cases, joined / split / "
             "hyphenated compounds, derived words, lay descriptions (\"isä juo\", \"nuori ei lähde aamulla "
             "kouluun\"), role-specific sentences, and filler sentences about career, places and hobbies. "
             "Deliberate distractor sentences share word parts or another sense with a concept "
             "(koulu-tus, peli-säännöt, ero = difference / resigning, sijainen = substitute teacher, "
             "jengi = work team, traumatologia, urheiluvammat, harvinaisen sujuvaa, toiminnalliset "
             "menetelmät, ilmoittautumiset, sijoitusmarkkinat, kodittomat kissat, laitoshuoltaja, ...); "
             "they carry no concept.\n")
    L.append("Ground truth is built by construction: every sentence carries the concepts a reader "
             "would see in it, and a profile's `concepts` is the union over its sentences, closed "
             "upwards over the hierarchy below. A query's relevant set is every profile that has all "
             "concepts in its `relevant` list.\n")
    L.append("## Files\n")
    L.append("- `profiles.json` – %d expert profiles `{id, name, title, organisation, language, "
             "description, concepts}`; 1–5 sentences each." % len(profiles))
    L.append("- `queries.json` – %d queries `{q, category, relevant}`." % len(queries))
    L.append("- `forbidden.json` – %d hand-written (query, profile) pairs that must NOT match: the "
             "profile only shares word parts or another sense with the query." % len(forbidden))
    L.append("- `must_find.json` – %d hand-written (query, profile) pairs that a good search must "
             "find: the profile is about the topic but in other words, forms, language, or via a "
             "narrower concept." % len(must_find))
    L.append("- `README.md` – this file.\n")
    L.append("## Concept hierarchy (narrower → broader)\n")
    for k in sorted(BROADER):
        L.append("- `%s` → `%s`" % (k, BROADER[k]))
    L.append("\nA profile about a narrower concept also lists its broader ones. Profiles are kept "
             "at 0–3 concepts including the broader ones, except where a planted pair needs four "
             "after closing over the hierarchy (adhd + youth-substance-use, autism + "
             "intellectual-disability, reform-school + youth-crime).\n")
    L.append("## Counts\n")
    L.append("Profiles per language: " + ", ".join("%s %d (%.0f %%)" % (l, lang_count[l], 100.0 * lang_count[l] / len(profiles))
                                                for l in ("fi", "sv", "en")) + ".\n")
    L.append("Profiles by number of concepts: " + ", ".join("%d: %d" % (k, ncon[k]) for k in sorted(ncon)) + ".\n")
    L.append("Queries per category: " + ", ".join("%s %d" % (c, cat_count[c]) for c in CATEGORIES) + ".\n")
    L.append("Relevant profiles per query: min %d, median %d, max %d.\n"
             % (min(rel_sizes), sorted(rel_sizes)[len(rel_sizes) // 2], max(rel_sizes)))
    L.append("| concept | meaning | profiles | of which Finnish |")
    L.append("|---|---|---:|---:|")
    for c in CONCEPTS:
        L.append("| `%s` | %s | %d | %d |" % (c, CONCEPT_LABELS[c], conc_count[c], conc_fi[c]))
    L.append("")
    L.append("## Notes and caveats\n")
    L.append("- `depression` covers depression at any age; sentences about a parent's depression "
             "carry both `parental-mental-health` and `depression`.")
    L.append("- `substance-use` is the broad concept; a query like \"päihdeongelmat\" is relevant to "
             "profiles about young people's and parents' substance use as well.")
    L.append("- Titles are drawn at random unless a sentence names the role (\"Lastenlääkärinä ...\"); "
             "titles and organisations never imply a concept on their own.")
    L.append("- Swedish and English queries all have Finnish-language relevant profiles, so they test "
             "cross-language retrieval.")
    return "\n".join(L) + "\n"


if __name__ == "__main__":
    main()
