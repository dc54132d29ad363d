#!/usr/bin/env python3
"""Write the "fresh" expert-search test collection for otalusta.

Written by an outside session that saw only /work/shared/DESIGN.md,
/work/shared/DOMAIN-FACTS.md and the Finnish seed documents in
/work/shared/seeds/ -- never the engine, its tests or its other collections.

Standard library only.  Fixed seed.  Re-running rewrites the same bytes:

    python3 scripts/search-collection/fresh.py [OUTPUT_DIR]

Default output: testdata/search-fresh/ beside the scripts/ directory.
"""

import json
import os
import random
import sys

SEED = 20261205
N_PROFILES = 1500
LANG_SHARE = {"fi": 1050, "sv": 270, "en": 180}  # 70 % / 18 % / 12 %
MIN_RELEVANT = 12

# ---------------------------------------------------------------------------
# Concepts.  Each: labels, meaning, sentence templates per language and short
# keyword phrases (used in "Osaamisalueet: a, b ja c." style lists and in
# sentences joining two concepts).
# ---------------------------------------------------------------------------

C = {}


def concept(cid, fi_label, meaning, fi, fi_kw, sv, sv_kw, en, en_kw):
    assert cid not in C
    assert len(fi) >= 8 and len(sv) >= 4 and len(en) >= 4, cid
    C[cid] = {"fi_label": fi_label, "meaning": meaning,
              "fi": fi, "fi_kw": fi_kw, "sv": sv, "sv_kw": sv_kw,
              "en": en, "en_kw": en_kw}


concept("child_protection", "lastensuojelu",
        "Child protection / child welfare work under the Child Welfare Act "
        "(lastensuojelulaki 417/2007): notifications, assessments, open care, "
        "the statutory multi-professional expert group (MASTER).",
        ["Olen tehnyt lastensuojelun sosiaalityötä yli kymmenen vuotta, viimeksi avohuollossa.",
         "Lastensuojeluilmoitusten arviointi ja palvelutarpeen selvittäminen ovat arkeani.",
         "Työskentelen lastensuojelun avohuollon tukitoimien parissa.",
         "Konsultoin lastensuojelun työntekijöitä vaikeissa asiakastilanteissa.",
         "Kokemusta lastensuojelutarpeen selvityksistä ja asiakassuunnitelmista.",
         "Toimin lakisääteisen lastensuojelun moniammatillisen asiantuntijaryhmän jäsenenä.",
         "Lastensuojeluasiakkaiden perheiden kanssa työskentely on minulle tuttua.",
         "Olen perehtynyt lastensuojelulakiin ja sen soveltamiseen käytännön asiakastyössä.",
         "MASTER-ryhmän jäsen (lastensuojelun ma-asiantuntijaryhmä).",
         "Vastaan lastensuojelun päivystyksen arvioista iltaisin ja viikonloppuisin."],
        ["lastensuojelu", "lastensuojelun avohuolto", "lastensuojelutyö",
         "lastensuojeluilmoitukset", "lastensuojelun sosiaalityö"],
        ["Jag har arbetat inom barnskyddet i över tio år.",
         "Bedömning av barnskyddsanmälningar och utredning av servicebehov hör till min vardag.",
         "Handleder socialarbetare inom barnskyddets öppenvård.",
         "Medlem i den lagstadgade multiprofessionella expertgruppen för barnskydd.",
         "Erfarenhet av klientplaner inom barnskyddet."],
        ["barnskydd", "barnskyddets öppenvård", "barnskyddsanmälningar"],
        ["I have worked in child protection social work for over a decade.",
         "Assessing child welfare notifications and service needs is part of my daily work.",
         "I consult child protection workers in complex family situations.",
         "Member of the statutory multi-professional child protection expert group.",
         "Experience of client plans and in-home support in child welfare."],
        ["child protection", "child welfare", "child protection social work"])

concept("taking_into_care", "huostaanotto",
        "Taking a child into care (huostaanotto, Child Welfare Act 40 §): "
        "preparing, deciding and working with children taken into care.",
        ["Olen valmistellut huostaanottoja ja niihin liittyviä hakemuksia hallinto-oikeuteen.",
         "Huostaanottoprosessin eri vaiheet ovat minulle tuttuja.",
         "Huostaan otettujen lasten asioiden valmistelu hallinto-oikeuteen.",
         "Kokemusta tahdonvastaisista huostaanotoista ja niiden perustelemisesta.",
         "Autan työntekijöitä arvioimaan, milloin huostaanoton edellytykset täyttyvät.",
         "Työskentelen huostaanotettujen nuorten ja heidän vanhempiensa kanssa.",
         "Huostaanoton valmistelu, asianosaisten kuuleminen ja päätöksenteko.",
         "Lapsen ottaminen huostaan on aina raskas prosessi, ja tuen perhettä sen eri vaiheissa.",
         "Olen toiminut vastuusosiaalityöntekijänä huostaan otetuille lapsille."],
        ["huostaanotot", "huostaanoton valmistelu", "huostaanottoprosessit"],
        ["Jag har berett omhändertaganden och ansökningar till förvaltningsdomstolen.",
         "Erfarenhet av omhändertaganden mot föräldrarnas vilja.",
         "Arbetar med omhändertagna unga och deras föräldrar.",
         "Stöder kolleger i att bedöma när förutsättningarna för omhändertagande uppfylls."],
        ["omhändertagande", "omhändertaganden"],
        ["I have prepared care orders and the related applications to the administrative court.",
         "Experience of involuntary care orders and how to justify them.",
         "I work with young people taken into care and with their parents.",
         "Helping colleagues assess when the criteria for taking a child into care are met."],
        ["care orders", "taking children into care"])

concept("substitute_care", "sijaishuolto",
        "Out-of-home care / substitute care of placed children (sijaishuolto, "
        "kodin ulkopuolinen sijoitus; Child Welfare Act ch. 10), incl. demanding substitute care.",
        ["Sijaishuollon ohjaus ja valvonta kuuluvat tehtäviini.",
         "Kodin ulkopuolelle sijoitettujen lasten terveyden ja hyvinvoinnin seuranta.",
         "Työskentelen sijoitettujen nuorten kanssa.",
         "Olen kehittänyt vaativan sijaishuollon palveluja hyvinvointialueella.",
         "Sijaishuoltopaikan etsiminen lapselle, jolla on monta tarvetta yhtä aikaa.",
         "Sijoituksen aikainen yhteydenpito vanhempiin ja sijoituksen purkaminen.",
         "Tuen lapsia, jotka asuvat viranomaisen päätöksellä muualla kuin omassa kodissaan.",
         "Vaativa sijaishuolto, sijoituksen jatkuvuus ja sijoitusten katkeamisen ehkäisy."],
        ["sijaishuolto", "vaativa sijaishuolto", "kodin ulkopuoliset sijoitukset", "sijoitetut lapset"],
        ["Jag arbetar med barn och unga som är placerade utanför hemmet.",
         "Handledning och tillsyn av vården utom hemmet.",
         "Utvecklar krävande vård utom hemmet i välfärdsområdet.",
         "Hur man förebygger att placeringar avbryts intresserar mig särskilt."],
        ["vård utom hemmet", "placerade barn"],
        ["I work with children and young people placed outside their home.",
         "Supervision and guidance of out-of-home care.",
         "I have developed demanding out-of-home care services in our wellbeing services county.",
         "Preventing placement breakdown is a particular interest of mine."],
        ["out-of-home care", "children in care placements"])

concept("foster_care", "perhehoito",
        "Family foster care (perhehoito, sijaisperheet, ammatillinen perhehoito; "
        "perhehoitolaki 263/2015).",
        ["Perhehoidon kehittäminen ja sijaisperheiden valmennus (PRIDE).",
         "Tuen sijaisperheitä, joihin on sijoitettu paljon tukea tarvitsevia lapsia.",
         "Kokemusta perhehoitajien työnohjauksesta.",
         "Ammatillinen perhehoito ja perhekotien kanssa tehtävä yhteistyö.",
         "Perhehoidossa olevien lasten kiintymyssuhteiden tukeminen.",
         "Sijaisvanhempien tukeminen vaikeissa vaiheissa on minulle tärkeää.",
         "Teen sijaisperheiden kotikäyntejä ja autan, kun arki ei suju.",
         "Perhehoitoon sijoitetut lapset ja heidän biologiset vanhempansa.",
         "PRIDE-kouluttaja: valmennan tulevia sijaisvanhempia."],
        ["perhehoito", "sijaisperheet", "ammatillinen perhehoito", "perhekodit"],
        ["Jag stöder familjehem som tagit emot barn med stora behov.",
         "Utbildare i PRIDE-förberedelsen för blivande familjehemsföräldrar.",
         "Arbetshandledning för familjevårdare.",
         "Samarbete med professionella familjehem."],
        ["familjevård", "familjehem"],
        ["I support foster families caring for children with complex needs.",
         "PRIDE trainer preparing prospective foster parents.",
         "Clinical supervision for foster carers.",
         "Cooperation with professional foster homes."],
        ["foster care", "foster families"])

concept("residential_care", "lastensuojelulaitos",
        "Residential child welfare (laitoshuolto: lastenkodit, nuorisokodit, "
        "integrated institutional care), restrictive measures in institutions.",
        ["Työskentelin kahdeksan vuotta lastensuojelulaitoksen ohjaajana.",
         "Laitoshuollon kehittäminen ja integroitu laitoshoito ovat erityisalaani.",
         "Toiminnallisesti integroidun vaativan lastensuojeluyksikön konsultaatiomalli.",
         "Nuorisokodissa asuvien nuorten hoito ja kuntoutus.",
         "Erityisen huolenpidon jaksot (EHJO) ja rajoitustoimenpiteet laitoksessa.",
         "Olen kouluttanut lastenkotien henkilökuntaa väkivallattomaan rajaamiseen.",
         "Vastaava ohjaaja, vaativan hoidon nuorisokoti.",
         "Laitossijoitusten sisältö ja laatu."],
        ["laitoshuolto", "lastensuojelulaitokset", "nuorisokodit", "lastenkodit"],
        ["Jag arbetade åtta år som handledare på en barnskyddsanstalt.",
         "Utveckling av anstaltsvården och integrerad institutionsvård.",
         "Ungdomshem med krävande vård.",
         "Begränsningsåtgärder och perioder av särskild omsorg på anstalt."],
        ["anstaltsvård", "barnhem", "ungdomshem"],
        ["I worked for eight years as a counsellor in a child welfare institution.",
         "Developing residential care and the integrated institutional care model.",
         "Care and rehabilitation of young people living in residential units.",
         "Restrictive measures and special care periods in residential child welfare."],
        ["residential child care", "children's homes"])

concept("aftercare", "jälkihuolto",
        "Aftercare of young people leaving child welfare care, up to age 25 "
        "(jälkihuolto, Child Welfare Act 75-77 §).",
        ["Jälkihuollon sosiaalityö ja itsenäistyvien nuorten tukeminen.",
         "Olen vastannut jälkihuoltonuorten asumisen tuesta.",
         "Tuen lastensuojelun jälkihuollossa olevia nuoria 25-vuotiaiksi asti.",
         "Jälkihuoltonuorten opiskelun ja työllistymisen tukeminen.",
         "Itsenäistymisvaiheen nuoret, joilla on oikeus jälkihuoltoon.",
         "Jälkihuoltopalvelujen kehittäminen yhdessä järjestöjen kanssa.",
         "Jälkihuolto-ohjaaja, 18–25-vuotiaat.",
         "Toimin omaohjaajana jälkihuollossa."],
        ["jälkihuolto", "jälkihuoltonuoret", "itsenäistyvät nuoret"],
        ["Socialt arbete inom eftervården och stöd för unga som blir självständiga.",
         "Ansvarar för boendestöd för unga inom eftervården.",
         "Eftervårdens unga upp till 25 år.",
         "Stöd för studier och arbete för unga i eftervård."],
        ["eftervård"],
        ["Aftercare social work supporting young people leaving care.",
         "I am responsible for housing support for care leavers.",
         "Care leavers aged 18 to 25.",
         "Supporting study and employment of young people in aftercare."],
        ["aftercare", "care leavers"])

concept("mental_disorder", "mielenterveyden häiriöt",
        "Mental health disorders and psychiatric care of children and young "
        "people (lasten- ja nuorisopsykiatria, psyykkinen oireilu).",
        ["Olen työskennellyt nuorisopsykiatrian poliklinikalla vuodesta 2012.",
         "Lastenpsykiatrinen tutkimus ja hoito.",
         "Mielenterveysoireilevien nuorten hoidon porrastus.",
         "Vaikeista psyykkisistä oireista kärsivien lasten hoito.",
         "Psykiatrinen osastohoito ja sen jälkeinen avohoito.",
         "Nuorten mielenterveyshäiriöiden arviointi perustasolla.",
         "Psyykkisesti oireilevat lapset ja nuoret.",
         "Lasten- ja nuorisopsykiatria, erityisesti vaikeahoitoiset tilanteet.",
         "Teen psykiatrisia arvioita nuorille, joiden oireilu on vaikeutunut."],
        ["nuorisopsykiatria", "lastenpsykiatria", "lasten mielenterveyden häiriöt", "psyykkinen oireilu"],
        ["Jag har arbetat på en ungdomspsykiatrisk poliklinik sedan 2012.",
         "Barnpsykiatrisk utredning och vård.",
         "Barn och unga med svåra psykiska symtom.",
         "Bedömning av psykisk ohälsa hos unga inom basservicen."],
        ["barnpsykiatri", "ungdomspsykiatri", "psykisk ohälsa"],
        ["I have worked at an adolescent psychiatric outpatient clinic since 2012.",
         "Child psychiatric assessment and treatment.",
         "Children and young people with severe psychiatric symptoms.",
         "Assessing mental health problems of adolescents in primary care."],
        ["child psychiatry", "adolescent psychiatry", "youth mental health"])

concept("depression", "masennus",
        "Depression and depressive symptoms (ICD-10 F32-F33), e.g. IPC.",
        ["Nuorten masennuksen hoito ja IPC-menetelmä (interpersonaalinen ohjanta).",
         "Masentuneiden nuorten lyhytterapeuttinen hoito.",
         "Olen IPC-ohjaaja ja koulutan perustason työntekijöitä masennuksen hoitoon.",
         "Depression tunnistaminen koulu- ja opiskeluterveydenhuollossa.",
         "Masennusoireilu, mielialan lasku ja väsymys nuorilla.",
         "Tapaan paljon nuoria, joilla on pitkään jatkunut alakulo ja toivottomuus.",
         "Vanhemman masennus ja sen vaikutus lapseen.",
         "Masennusta sairastavien nuorten perheiden tukeminen."],
        ["masennus", "nuorten depressio", "masennustilat", "masennusoireilu"],
        ["Behandling av depression hos unga med IPC-metoden.",
         "Korttidsterapi för deprimerade ungdomar.",
         "Att känna igen depression inom skol- och studerandehälsovården.",
         "Unga med långvarig nedstämdhet och hopplöshet."],
        ["depression", "nedstämdhet"],
        ["Treatment of adolescent depression using interpersonal counselling (IPC).",
         "Brief therapy for depressed teenagers.",
         "Recognising depression in school health care.",
         "Young people with long-lasting low mood and hopelessness."],
        ["depression", "low mood"])

concept("anxiety", "ahdistuneisuus",
        "Anxiety disorders, fears, panic and social anxiety (ICD-10 F40-F41, F93), e.g. Cool Kids.",
        ["Lasten ahdistuneisuushäiriöiden hoito Cool Kids -menetelmällä.",
         "Olen Cool Kids -ohjaaja ja vedän ryhmiä ahdistuneille lapsille.",
         "Ahdistuksen ja pelkojen kognitiivinen käyttäytymisterapia.",
         "Paniikkihäiriö ja sosiaalinen jännittäminen nuorilla.",
         "Lapset, jotka pelkäävät niin paljon, että arki kapeutuu.",
         "Ahdistuneiden nuorten ryhmähoito.",
         "Ahdistusoireiden arviointi ja hoitoonohjaus.",
         "Voimakas jännittäminen ja pelko-oireet alakouluikäisillä."],
        ["ahdistuneisuus", "ahdistuneisuushäiriöt", "jännittäminen", "pelko-oireet"],
        ["Behandling av ångeststörningar hos barn med Cool Kids-metoden.",
         "Gruppbehandling för ångestfyllda tonåringar.",
         "Kognitiv beteendeterapi vid ångest och rädslor.",
         "Barn vars rädslor begränsar vardagen."],
        ["ångest", "ångeststörningar"],
        ["Treating childhood anxiety disorders with the Cool Kids programme.",
         "Group treatment for anxious teenagers.",
         "Cognitive behavioural therapy for anxiety and fears.",
         "Panic and social anxiety in adolescents."],
        ["anxiety", "anxiety disorders"])

concept("eating_disorder", "syömishäiriöt",
        "Eating disorders: anorexia, bulimia, binge eating (ICD-10 F50).",
        ["Syömishäiriöiden hoito, erityisesti nuorten anoreksia.",
         "Syömishäiriöpotilaiden perhepohjainen hoito.",
         "Olen työskennellyt syömishäiriöyksikössä ravitsemusterapeutin rinnalla.",
         "Laihduttamisen kierteeseen ajautuneet nuoret ja heidän perheensä.",
         "Bulimia ja ahmintahäiriö.",
         "Syömishäiriöoireisten nuorten somaattinen seuranta.",
         "Nuoret, joiden syöminen on rajoittunut vaarallisen vähäiseksi.",
         "Syömiseen liittyvät häiriöt ja kehonkuva."],
        ["syömishäiriöt", "anoreksia", "bulimia"],
        ["Behandling av ätstörningar, särskilt anorexi hos unga.",
         "Familjebaserad behandling vid ätstörningar.",
         "Unga vars ätande blivit farligt begränsat.",
         "Bulimi och hetsätningsstörning."],
        ["ätstörningar", "anorexi"],
        ["Treatment of eating disorders, especially anorexia in adolescents.",
         "Family-based treatment for eating disorders.",
         "Young people whose eating has become dangerously restricted.",
         "Bulimia and binge eating disorder."],
        ["eating disorders", "anorexia"])

concept("self_harm", "itsetuhoisuus",
        "Self-harm, suicidality and suicide prevention.",
        ["Itsetuhoisten nuorten kohtaaminen ja riskinarviointi.",
         "Viiltely ja muu itseä vahingoittava käyttäytyminen.",
         "Itsemurhayritysten jälkeinen hoito ja perheen tuki.",
         "Nuoret, jotka satuttavat itseään.",
         "Itsetuhoisuuden arviointi päivystyksessä.",
         "Itsemurhien ehkäisy ja kriisityö.",
         "Itsetuhoinen käyttäytyminen ja toistuvat itsemurha-ajatukset.",
         "Koulutan kouluterveydenhoitajia kohtaamaan itseään vahingoittavia oppilaita."],
        ["itsetuhoisuus", "viiltely", "itsemurhien ehkäisy"],
        ["Bedömning av självmordsrisk hos unga.",
         "Självskadebeteende och skärande.",
         "Stöd för familjer efter självmordsförsök.",
         "Unga som skadar sig själva."],
        ["självskadebeteende", "suicidprevention"],
        ["Suicide risk assessment for adolescents.",
         "Self-harm and cutting behaviour.",
         "Supporting families after a suicide attempt.",
         "Young people who hurt themselves."],
        ["self-harm", "suicide prevention"])

concept("trauma", "traumatisoituminen",
        "Psychological trauma: traumatised children, PTSD, trauma-informed work, trauma therapy.",
        ["Traumatisoituneiden lasten hoito ja traumatietoinen työote.",
         "Olen kouluttautunut traumapsykoterapeutiksi (EMDR).",
         "Traumaperäinen stressihäiriö (PTSD) lapsilla ja nuorilla.",
         "Traumaattisten kokemusten käsittely perheterapiassa.",
         "Lapset, jotka ovat kokeneet järkyttäviä asioita ja oireilevat niiden vuoksi.",
         "Kehityksellinen traumatisoituminen ja kiintymyssuhdetrauma.",
         "Traumainformoitu työote kouluyhteisössä.",
         "Trauman jälkeinen oireilu ja sen tunnistaminen."],
        ["traumatisoituminen", "traumapsykoterapia", "traumatietoinen työote", "PTSD"],
        ["Vård av traumatiserade barn och ett traumamedvetet arbetssätt.",
         "Posttraumatiskt stressyndrom hos barn och unga.",
         "Traumapsykoterapeut (EMDR).",
         "Barn som upplevt skrämmande händelser och reagerar på dem."],
        ["trauma", "traumatiserade barn"],
        ["Treatment of traumatised children and a trauma-informed approach.",
         "Post-traumatic stress disorder in children and adolescents.",
         "Trained trauma psychotherapist (EMDR).",
         "Children who have been through frightening events and show symptoms."],
        ["trauma", "PTSD", "trauma-informed care"])

concept("substance_use", "päihteet",
        "Substance use, misuse and addiction in general (alcohol, drugs); broader "
        "than the young people's and parents' concepts below.",
        ["Päihdetyö on ollut keskeinen osa urani.",
         "Päihteiden käytön puheeksiotto ja mini-interventio.",
         "Huumausaineiden käytön ja riippuvuuksien hoito.",
         "Opioidiriippuvuuden korvaushoito.",
         "Päihdeosaaminen, AUDIT-kyselyt ja riippuvuuksien arviointi.",
         "Päihdepalvelujen kehittäminen hyvinvointialueella.",
         "Päihdeongelmaisten asiakkaiden kanssa työskentely.",
         "Alkoholin ja huumeiden käyttöön liittyvien haittojen vähentäminen."],
        ["päihdetyö", "päihteet", "riippuvuudet", "päihdekuntoutus"],
        ["Missbruksarbete har varit en central del av min karriär.",
         "Att ta upp användning av rusmedel och korta interventioner.",
         "Vård av drogberoende.",
         "Utveckling av missbrukartjänster i välfärdsområdet."],
        ["missbruk", "rusmedel", "beroende"],
        ["Substance misuse work has been central to my career.",
         "Raising the topic of alcohol and drug use; brief interventions.",
         "Treatment of drug dependence.",
         "Developing addiction services in the wellbeing services county."],
        ["substance use", "addiction", "substance misuse"])

concept("youth_substance_use", "nuorten päihteiden käyttö",
        "Substance use of children and young people (alcohol, cannabis, drugs), e.g. MDFT.",
        ["Nuorten päihteiden käyttö ja sen varhainen tunnistaminen.",
         "Nuorisopäihdetyö ja MDFT-menetelmä (moniulotteinen perheterapia).",
         "Kannabista kokeilevat nuoret ja heidän vanhempansa.",
         "Päihteitä käyttävien nuorten hoito ja kuntoutus.",
         "Olen MDFT-terapeutti ja hoidan nuoria, joilla on päihde- ja käytösongelmia.",
         "Alaikäisten humalajuominen ja huumekokeilut.",
         "Nuorten päihdepoliklinikka, 13–22-vuotiaat.",
         "Ehkäisevä päihdetyö yläkouluissa ja toisella asteella."],
        ["nuorten päihteiden käyttö", "nuorisopäihdetyö", "nuorten huumekokeilut"],
        ["Ungas användning av rusmedel och tidig identifiering.",
         "MDFT-terapeut för unga med missbruk.",
         "Ungdomar som experimenterar med cannabis.",
         "Förebyggande rusmedelsarbete i skolan."],
        ["ungas missbruk", "ungdomars droganvändning"],
        ["Substance use among young people and early identification.",
         "MDFT therapist for adolescents with drug problems.",
         "Teenagers experimenting with cannabis.",
         "Preventive drug education work in schools."],
        ["youth substance use", "adolescent drug use"])

concept("parental_substance_use", "vanhempien päihteiden käyttö",
        "Parents' substance use and its effect on children (päihdeperheet), incl. use during pregnancy.",
        ["Vanhempien päihteiden käyttö ja sen vaikutukset lapsen arkeen.",
         "Päihdeperheiden lasten tukeminen.",
         "Tapaan perheitä, joissa äiti tai isä juo liikaa.",
         "Raskaudenaikainen päihteiden käyttö ja päihdeäitien hoito.",
         "Päihdeongelmaisten vanhempien lapset.",
         "Vanhemman alkoholiongelma ja lapsen turvallisuus.",
         "Perheet, joissa aikuisten juominen varjostaa lapsen elämää.",
         "Huumeita käyttävät vanhemmat ja heidän lapsensa."],
        ["vanhempien päihteiden käyttö", "päihdeperheet", "vanhemman alkoholiongelma"],
        ["Föräldrars missbruk och hur det påverkar barnets vardag.",
         "Stöd för barn i familjer med missbruk.",
         "Familjer där mamma eller pappa dricker för mycket.",
         "Barn till föräldrar med alkoholproblem."],
        ["föräldrars missbruk"],
        ["Parental substance misuse and its impact on the child's everyday life.",
         "Supporting children growing up with alcoholic parents.",
         "Families where a parent drinks too much.",
         "Working with mothers who use drugs during pregnancy."],
        ["parental substance misuse", "parental alcohol problems"])

concept("neuropsychiatric", "neuropsykiatriset häiriöt",
        "Neuropsychiatric (neurodevelopmental) conditions as a group ('nepsy'): ADHD, "
        "autism spectrum, Tourette etc.; complex neuropsychiatric situations.",
        ["Neuropsykiatrinen valmennus ja arjen tuki.",
         "Kompleksiset neuropsykiatriset tilanteet si-so-te-yhteistyössä.",
         "Olen neuropsykiatrinen valmentaja.",
         "Nepsy-lasten perheiden tukeminen.",
         "Neuropsykiatristen häiriöiden tutkimus ja kuntoutus.",
         "Nepsy-oireilevat nuoret koulussa ja kotona.",
         "Neurokirjon lapset ja heidän vanhempansa.",
         "Kehityksellisten neuropsykiatristen erityispiirteiden arviointi."],
        ["neuropsykiatria", "nepsy-valmennus", "neuropsykiatriset häiriöt"],
        ["Neuropsykiatrisk coachning och stöd i vardagen.",
         "Komplexa neuropsykiatriska situationer hos barn.",
         "Utredning av neuropsykiatriska funktionsnedsättningar.",
         "Stöd för familjer med NPF-barn."],
        ["neuropsykiatri", "NPF"],
        ["Neuropsychiatric coaching and everyday support.",
         "Complex neurodevelopmental and neuropsychiatric situations.",
         "Assessment and rehabilitation of neuropsychiatric disorders.",
         "Supporting families of neurodivergent children."],
        ["neuropsychiatric disorders", "neurodevelopmental conditions"])

concept("adhd", "ADHD",
        "Attention deficit hyperactivity disorder (aktiivisuuden ja tarkkaavuuden häiriö).",
        ["ADHD-lasten vanhempainryhmät.",
         "Aktiivisuuden ja tarkkaavuuden häiriön tutkimus ja lääkehoito.",
         "Tarkkaavuuden ongelmat ja ylivilkkaus koulussa.",
         "ADHD-diagnostiikka nuorilla ja aikuistuvilla.",
         "Olen ohjannut Ihmeelliset vuodet -vanhempainryhmiä ADHD-oireisten lasten perheille.",
         "Keskittymisvaikeuksista ja impulsiivisuudesta kärsivät lapset.",
         "ADHD:n lääkehoidon seuranta.",
         "Tarkkaamattomuus ja levottomuus luokassa: ADHD-lapsen tukeminen."],
        ["ADHD", "tarkkaavuushäiriöt", "ADHD-oireiset lapset"],
        ["Föräldragrupper för barn med ADHD.",
         "Utredning och medicinering vid ADHD.",
         "Barn med koncentrationssvårigheter och impulsivitet.",
         "Uppföljning av ADHD-medicinering hos unga."],
        ["ADHD", "uppmärksamhetsstörning"],
        ["Parent groups for children with ADHD.",
         "Diagnosis and medication of attention deficit hyperactivity disorder.",
         "Children struggling with concentration and impulsivity.",
         "Monitoring ADHD medication in adolescents."],
        ["ADHD", "attention deficit"])

concept("autism", "autismikirjo",
        "Autism spectrum (autismi, Asperger, autismikirjon häiriöt).",
        ["Autismikirjon lasten ja nuorten kuntoutus.",
         "Autismin tutkimus ja ADOS-arvioinnit.",
         "Autististen nuorten sosiaalisten taitojen ryhmät.",
         "Aspergerin oireyhtymä ja sosiaalisen vuorovaikutuksen vaikeudet.",
         "Autismikirjon häiriöiden diagnostiikka.",
         "Kuvakommunikaatio ja strukturointi autismikirjon lasten kanssa.",
         "Autismidiagnoosin saaneiden tyttöjen tunnistaminen.",
         "Autismikirjolla olevien aikuistuvien nuorten tuki."],
        ["autismikirjo", "autismi", "Asperger"],
        ["Rehabilitering av barn och unga inom autismspektrumet.",
         "Utredning av autism.",
         "Sociala färdighetsgrupper för autistiska unga.",
         "Bildstöd och struktur för barn med autism."],
        ["autism", "autismspektrum"],
        ["Rehabilitation of autistic children and young people.",
         "Autism assessment (ADOS).",
         "Social skills groups for teenagers on the autism spectrum.",
         "Visual supports and structure for children with autism."],
        ["autism", "autism spectrum"])

concept("domestic_violence", "lähisuhdeväkivalta",
        "Violence in close relationships between adults (partner/family violence, MARAK) "
        "and children exposed to it.",
        ["Lähisuhdeväkivallan ehkäisy ja MARAK-riskinarviointi.",
         "Työskentelin turvakodissa ja tapasin väkivaltaa kokeneita äitejä.",
         "Parisuhdeväkivallan uhrien ja tekijöiden kanssa tehtävä työ.",
         "Perheväkivaltaa kokeneiden perheiden tukeminen.",
         "Kotona väkivaltaa nähneet lapset ja heidän vanhempansa.",
         "MARAK-työryhmän puheenjohtaja.",
         "Lähisuhteissa tapahtuvan väkivallan puheeksiotto.",
         "Vaino, uhkailu ja kontrolloiva käytös parisuhteessa.",
         "Väkivaltaa käyttävien miesten ryhmät (Jussi-työ)."],
        ["lähisuhdeväkivalta", "perheväkivalta", "parisuhdeväkivalta", "MARAK"],
        ["Förebyggande av våld i nära relationer och MARAK-riskbedömning.",
         "Jag arbetade på ett skyddshem med mammor som utsatts för våld.",
         "Stöd för familjer som upplevt våld i familjen.",
         "Arbete med både offer och förövare av partnervåld."],
        ["våld i nära relationer", "familjevåld"],
        ["Preventing domestic violence and MARAC risk assessment.",
         "I worked at a shelter supporting mothers who had experienced violence.",
         "Intimate partner violence: work with both victims and perpetrators.",
         "Families affected by violence at home."],
        ["domestic violence", "intimate partner violence"])

concept("violence_against_child", "lapseen kohdistuva väkivalta",
        "Violence against a child and suspicions of it (väkivaltaepäilyt, Barnahus, "
        "forensic interviews).",
        ["Lapsiin kohdistuvien väkivaltaepäilyjen selvittäminen Barnahus-mallin mukaisesti.",
         "Lasten oikeuspsykologiset tutkimukset ja poliisin kanssa tehtävä yhteistyö.",
         "Fyysisen kurituksen ja lapsen pahoinpitelyn tunnistaminen.",
         "Väkivaltaa kokeneiden lasten tuki ja hoito.",
         "Lapsen pahoinpitelyepäily ja siitä tehtävä ilmoitus poliisille.",
         "Olen mukana Barnahus-hankkeessa perheneuvolan työntekijänä.",
         "Lapsi, jota on lyöty tai uhattu, tarvitsee nopean ja koordinoidun avun.",
         "Lapsiin kohdistuvan väkivallan ehkäisy varhaiskasvatuksessa."],
        ["lapsiin kohdistuva väkivalta", "väkivaltaepäilyt", "Barnahus", "lasten pahoinpitelyt"],
        ["Utredning av misstänkt våld mot barn enligt Barnahus-modellen.",
         "Stöd och vård för barn som utsatts för våld.",
         "Att känna igen misshandel och aga av barn.",
         "Forensiska barnintervjuer i samarbete med polisen."],
        ["våld mot barn", "Barnahus"],
        ["Investigating suspected violence against children in line with the Barnahus model.",
         "Support and treatment for children who have experienced violence.",
         "Recognising physical abuse and corporal punishment of children.",
         "Forensic interviews of children in cooperation with the police."],
        ["violence against children", "child abuse", "Barnahus"])

concept("sexual_abuse", "seksuaalinen hyväksikäyttö",
        "Sexual abuse and sexual violence against children, grooming.",
        ["Lapsen seksuaalisen hyväksikäytön epäilyjen selvittäminen.",
         "Seksuaalista väkivaltaa kokeneiden nuorten terapia.",
         "Grooming ja lapsiin kohdistuva seksuaalinen houkuttelu verkossa.",
         "Seksuaalirikosepäilyjen oikeuspsykologiset tutkimukset.",
         "Lapset, joihin on kohdistunut seksuaalista kaltoinkohtelua.",
         "Seksuaalisen hyväksikäytön uhrien tukeminen oikeusprosessin aikana.",
         "Insesti ja perheen sisäinen seksuaalinen väkivalta.",
         "Nuoret, joilta on kiristetty alastonkuvia."],
        ["seksuaalinen hyväksikäyttö", "lasten seksuaalinen kaltoinkohtelu", "grooming"],
        ["Utredning av misstänkt sexuellt utnyttjande av barn.",
         "Terapi för unga som utsatts för sexuellt våld.",
         "Grooming och sexuellt ofredande av barn på nätet.",
         "Stöd för offer för sexuella övergrepp under rättsprocessen."],
        ["sexuella övergrepp mot barn", "sexuellt utnyttjande"],
        ["Investigating suspected sexual abuse of children.",
         "Therapy for adolescents who have experienced sexual violence.",
         "Online grooming and sexual solicitation of minors.",
         "Supporting victims of sexual abuse through the court process."],
        ["child sexual abuse", "online grooming"])

concept("custody_dispute", "huoltoriidat",
        "Disputes over a child's custody, residence and contact (huolto- ja "
        "tapaamisriidat; laki lapsen huollosta ja tapaamisoikeudesta 361/1983).",
        ["Vaativat huoltoriidat ja lapsen näkökulman esiin nostaminen.",
         "Huolto- ja tapaamisriitojen olosuhdeselvitykset.",
         "Teen olosuhdeselvityksiä käräjäoikeudelle lapsen huollosta ja tapaamisoikeudesta.",
         "Huoltajuuskiistojen sovittelu (Follo-sovittelu).",
         "Vanhemmat, jotka riitelevät vuosia lapsen asumisesta ja tapaamisista.",
         "Valvotut tapaamiset ja tapaamisriidat.",
         "Lapsen huoltoa koskevat oikeudenkäynnit ja asiantuntija-avustajana toimiminen.",
         "Huoltoriitoihin liittyvä riskinarviointi.",
         "Lapsen asumista ja tapaamisia koskevat erimielisyydet."],
        ["huoltoriidat", "huolto- ja tapaamisriidat", "olosuhdeselvitykset", "huoltajuuskiistat"],
        ["Svåra vårdnadstvister och att lyfta fram barnets perspektiv.",
         "Utredningar om vårdnad och umgängesrätt för tingsrätten.",
         "Föräldrar som i åratal tvistar om var barnet ska bo.",
         "Övervakade umgängen och umgängestvister."],
        ["vårdnadstvister", "umgängestvister"],
        ["High-conflict custody disputes and bringing the child's view forward.",
         "Custody and contact assessments for the district court.",
         "Parents who have disputed for years about where the child lives.",
         "Supervised contact and disputes over visitation."],
        ["custody disputes", "child custody"])

concept("separation", "ero ja eroauttaminen",
        "Parents' separation and divorce, high-conflict separations, divorce work "
        "(eroauttaminen, Haastavat erot).",
        ["Vaativa eroauttaminen ja haastavat erot.",
         "Eroperheiden kanssa työskentely perheneuvolassa.",
         "Eroneuvonta ja yhteisen vanhemmuuden suunnitelmat.",
         "Erotilanteiden kriisiapu ja lasten tukeminen vanhempien erotessa.",
         "Konfliktoituneet erotilanteet ja yhteisvanhemmuuden tukeminen.",
         "Haastavat erot -konsultaatioryhmän jäsen.",
         "Vanhempien avioero ja sen vaikutukset lapsen kehitykseen.",
         "TURVASSA-hankkeessa kehitimme vaativaa eroauttamista.",
         "Perheet, joissa vanhemmat ovat muuttaneet erilleen ja välit ovat tulehtuneet."],
        ["eroauttaminen", "eroperheet", "haastavat erot", "avioero"],
        ["Krävande skilsmässoarbete och svåra separationer.",
         "Arbete med skilsmässofamiljer på familjerådgivningen.",
         "Konfliktfyllda separationer och stöd för samföräldraskap.",
         "Barn vars föräldrar skiljer sig."],
        ["skilsmässa", "separationer"],
        ["Demanding divorce work and high-conflict separations.",
         "Working with separating families at a family counselling clinic.",
         "Supporting co-parenting after a conflicted break-up.",
         "Children whose parents are divorcing."],
        ["separation", "divorce"])

concept("school_absence", "koulupoissaolot",
        "School absenteeism and school refusal (kouluakäymättömyys).",
        ["Koulupoissaolojen ja koulupudokkuuden ehkäisy.",
         "Kouluakäymättömyys ja pitkittyneet poissaolot.",
         "Oppilaat, jotka eivät ole käyneet koulua koko syksyn aikana.",
         "Koulukieltäytyminen ja paluu kouluun asteittain.",
         "Poissaolojen seurannan mallin kehittäminen kunnan peruskouluissa.",
         "Nuoret, jotka jäävät kotiin eivätkä pääse aamulla kouluun.",
         "Huolestuttavien koulupoissaolojen puuttumismalli.",
         "Pitkäaikainen koulusta poisjääminen."],
        ["koulupoissaolot", "kouluakäymättömyys", "koulukieltäytyminen"],
        ["Förebyggande av skolfrånvaro.",
         "Elever som inte har gått i skolan på hela hösten.",
         "Skolvägran och stegvis återgång till skolan.",
         "Modell för att ingripa vid oroande frånvaro från skolan."],
        ["skolfrånvaro", "hemmasittare"],
        ["Preventing school absenteeism.",
         "Pupils who have not attended school for the whole autumn term.",
         "School refusal and gradual return to school.",
         "A model for intervening in worrying absences from school."],
        ["school absenteeism", "school refusal"])

concept("school_support", "vaativa koulunkäynnin tuki",
        "Demanding support for schooling: special educational support, small-group "
        "and hospital school teaching (VIP network).",
        ["Vaativan erityisen tuen oppilaiden opetuksen järjestäminen.",
         "Koulunkäynnin tuki sairaalakoulussa.",
         "Erityisopetus ja pienryhmäopetus.",
         "Oppimisen ja koulunkäynnin tuen kolmiportainen malli.",
         "Olen toiminut erityisluokanopettajana vaativan erityisen tuen luokassa.",
         "HOJKS-suunnittelu ja koulunkäynninohjaajien ohjaus.",
         "Oppilaat, jotka tarvitsevat koulussa paljon yksilöllistä apua.",
         "VIP-verkoston konsultaatiot vaativan erityisen tuen kysymyksissä.",
         "Sairaalaopetus ja koulunkäynnin tukeminen hoitojakson jälkeen."],
        ["vaativa erityinen tuki", "erityisopetus", "koulunkäynnin tuki", "sairaalaopetus"],
        ["Undervisning av elever i behov av krävande särskilt stöd.",
         "Specialundervisning i små grupper.",
         "Sjukhusundervisning och stöd för skolgång efter vårdperioden.",
         "Elever som behöver mycket individuell hjälp i skolan."],
        ["särskilt stöd", "specialundervisning"],
        ["Organising education for pupils needing intensive special support.",
         "Special education in small groups.",
         "Hospital school teaching and supporting return to school.",
         "Pupils who need a lot of individual help at school."],
        ["special educational support", "special education"])

concept("learning_difficulties", "oppimisvaikeudet",
        "Specific learning difficulties: dyslexia, maths difficulties, developmental "
        "language disorder.",
        ["Lukivaikeuksien arviointi ja kuntoutus.",
         "Oppimisvaikeuksien neuropsykologinen tutkimus.",
         "Matematiikan oppimisvaikeudet.",
         "Kielellinen erityisvaikeus (DLD) ja sen vaikutus oppimiseen.",
         "Lapset, joille lukemaan oppiminen on poikkeuksellisen työlästä.",
         "Oppimisen erityisvaikeudet ja niiden tunnistaminen alakoulussa.",
         "Dysleksia ja lukemisen tukeminen.",
         "Hahmotusvaikeudet ja oppimisen haasteet."],
        ["oppimisvaikeudet", "lukivaikeudet", "dysleksia"],
        ["Bedömning av läs- och skrivsvårigheter.",
         "Neuropsykologisk utredning av inlärningssvårigheter.",
         "Barn som har mycket svårt att lära sig läsa.",
         "Matematiksvårigheter hos skolbarn."],
        ["inlärningssvårigheter", "dyslexi"],
        ["Assessment of reading and writing difficulties.",
         "Neuropsychological assessment of specific learning difficulties.",
         "Children for whom learning to read is exceptionally hard.",
         "Developmental language disorder and its effect on learning."],
        ["learning difficulties", "dyslexia"])

concept("youth_crime", "nuorisorikollisuus",
        "Crime committed by young people, young offenders, gangs (Ankkuri work).",
        ["Nuorisorikollisuuden ehkäisy ja Ankkuri-työ.",
         "Rikoksilla oireilevat nuoret.",
         "Toimin Ankkuri-tiimissä poliisin ja sosiaalityön rajapinnassa.",
         "Nuoret rikoksentekijät ja sovittelu.",
         "Alaikäisten tekemät omaisuusrikokset ja pahoinpitelyt.",
         "Nuoret, jotka ovat jääneet kiinni varkauksista ja ilkivallasta.",
         "Jengiytyminen ja nuorten katuväkivalta.",
         "Nuorisorangaistukset ja yhdyskuntaseuraamukset."],
        ["nuorisorikollisuus", "Ankkuri-työ", "nuoret rikoksentekijät"],
        ["Förebyggande av ungdomsbrottslighet och Ankare-arbete.",
         "Unga lagöverträdare och medling.",
         "Unga som åkt fast för stölder och skadegörelse.",
         "Gängbildning bland unga."],
        ["ungdomsbrottslighet", "unga lagöverträdare"],
        ["Preventing youth crime in a multi-agency Ankkuri team.",
         "Young offenders and restorative mediation.",
         "Teenagers caught for theft and vandalism.",
         "Gang involvement among young people."],
        ["youth crime", "young offenders", "juvenile delinquency"])

concept("radicalisation", "radikalisoituminen",
        "Violent radicalisation and extremism among young people, exit work.",
        ["Väkivaltaisen radikalisoitumisen ennaltaehkäisy.",
         "Radikalisoituvat nuoret ja exit-työ.",
         "Väkivaltaisen ekstremismin tunnistaminen koulussa.",
         "Nuoret, jotka ovat ajautuneet äärioikeistolaisiin verkkoyhteisöihin.",
         "Radikalisoitumisen riskinarviointi yhdessä poliisin kanssa.",
         "Ääriajattelun puheeksiotto nuorisotyössä.",
         "Radikalisoituneiden nuorten irrottautumistyö.",
         "Ääri-ideologioihin kiinnittyvät alaikäiset."],
        ["radikalisoituminen", "väkivaltainen ekstremismi", "ääriajattelu"],
        ["Förebyggande av våldsbejakande radikalisering.",
         "Unga som radikaliseras och exit-arbete.",
         "Att känna igen våldsbejakande extremism i skolan.",
         "Unga som dragits in i extrema nätgemenskaper."],
        ["radikalisering", "våldsbejakande extremism"],
        ["Preventing violent radicalisation.",
         "Exit work with radicalised young people.",
         "Recognising violent extremism in schools.",
         "Young people drawn into extremist online communities."],
        ["radicalisation", "violent extremism"])

concept("rare_disease", "harvinaiset sairaudet",
        "Rare diseases and rare syndromes of children and the services around them.",
        ["Harvinaisten sairauksien yksikkö ja perheiden palveluohjaus.",
         "Harvinaissairaiden lasten kuntoutuksen koordinointi.",
         "Harvinaiset perinnölliset oireyhtymät ja niiden psykososiaaliset vaikutukset.",
         "Olen osallistunut ERN-verkostojen harvinaissairauksien työhön.",
         "Lapset, joiden sairaudesta on Suomessa vain muutama diagnosoitu tapaus.",
         "Harvinaisdiagnoosien perinnöllisyysneuvonta.",
         "Harvinaissairauksien osaamiskeskuksen sosiaalityö.",
         "Harvinaisen sairauden kanssa elävien nuorten siirtyminen aikuispuolelle."],
        ["harvinaiset sairaudet", "harvinaissairaudet", "harvinaiset oireyhtymät"],
        ["Sällsynta sjukdomar och servicehandledning för familjer.",
         "Koordinering av rehabilitering för barn med sällsynta diagnoser.",
         "Barn vars sjukdom bara har några diagnostiserade fall i Finland.",
         "Ärftliga sällsynta syndrom."],
        ["sällsynta sjukdomar", "sällsynta diagnoser"],
        ["Rare diseases and service coordination for families.",
         "Coordinating rehabilitation for children with rare conditions.",
         "Children whose illness has only a handful of diagnosed cases in Finland.",
         "Rare genetic syndromes and their psychosocial impact."],
        ["rare diseases", "rare syndromes"])

concept("functional_disorder", "toiminnalliset häiriöt",
        "Functional disorders: functional seizures, functional neurological symptoms, "
        "bodily symptoms without an organic cause.",
        ["Toiminnallisten häiriöiden hoito lapsilla ja nuorilla.",
         "Toiminnalliset oireet, kuten toiminnalliset kohtaukset ja halvausoireet.",
         "Olen KYSin toiminnallisten häiriöiden työryhmässä.",
         "Lapset, joiden oireille ei löydy elimellistä syytä, mutta jotka ovat todella sairaita.",
         "Toiminnallinen häiriö, somatisaatio ja kehollinen oireilu.",
         "Toiminnallisten neurologisten oireiden kuntoutus.",
         "Pitkittyneet selittämättömät kiputilat ja toiminnallinen oireilu nuorilla.",
         "Psykosomaattiset oireet ja niiden moniammatillinen hoito."],
        ["toiminnalliset häiriöt", "toiminnalliset oireet", "toiminnalliset kohtaukset"],
        ["Vård av funktionella störningar hos barn och unga.",
         "Funktionella anfall och förlamningssymtom.",
         "Barn vars symtom saknar organisk förklaring men som är verkligt sjuka.",
         "Rehabilitering av funktionella neurologiska symtom."],
        ["funktionella störningar", "funktionella symtom"],
        ["Treating functional disorders in children and adolescents.",
         "Functional seizures and functional weakness.",
         "Children whose symptoms have no organic cause but who are genuinely unwell.",
         "Rehabilitation of functional neurological symptoms."],
        ["functional disorders", "functional neurological disorder"])

concept("immigrant_background", "maahanmuuttotausta",
        "Families and children with an immigrant or refugee background; multicultural, "
        "culturally sensitive work, working through interpreters.",
        ["Monikulttuuristen perheiden kanssa tehtävä työ.",
         "Maahanmuuttajataustaisten perheiden palveluohjaus.",
         "Kulttuurisensitiivinen työote ja tulkin välityksellä työskentely.",
         "Pakolaistaustaiset perheet.",
         "Perheet, jotka ovat muuttaneet Suomeen viime vuosina ja joiden arki on vielä vierasta.",
         "Kotoutumisen tuki lapsiperheille.",
         "Kasvatuskumppanuus maahan muuttaneiden vanhempien kanssa.",
         "Turvapaikanhakijaperheiden lasten tukeminen."],
        ["monikulttuuriset perheet", "maahanmuuttajataustaiset lapset", "pakolaisperheet"],
        ["Arbete med mångkulturella familjer.",
         "Kultursensitivt arbetssätt och arbete via tolk.",
         "Familjer med flyktingbakgrund.",
         "Stöd för integration av barnfamiljer."],
        ["mångkulturella familjer", "invandrarbakgrund"],
        ["Working with multicultural families.",
         "Culturally sensitive practice and working through interpreters.",
         "Families with a refugee background.",
         "Integration support for families with children who have recently moved to Finland."],
        ["multicultural families", "immigrant families", "refugee families"])

concept("unaccompanied_minors", "ilman huoltajaa tulleet alaikäiset",
        "Unaccompanied minors (asylum-seeking children who came without a guardian).",
        ["Ilman huoltajaa maahan tulleiden alaikäisten tukeminen.",
         "Yksin tulleiden nuorten perheryhmäkoti.",
         "Olen toiminut edustajana yksintulleille alaikäisille turvapaikanhakijoille.",
         "Ilman huoltajaa tulleiden nuorten itsenäistymisen tuki.",
         "Alaikäisinä yksin Suomeen saapuneet nuoret.",
         "Yksin maahan tulleiden lasten perheenyhdistäminen.",
         "Tuettu asuminen alaikäisille, jotka tulivat Suomeen ilman vanhempiaan.",
         "Ilman huoltajaa olevat turvapaikanhakijalapset."],
        ["yksin tulleet alaikäiset", "ilman huoltajaa tulleet lapset"],
        ["Stöd för ensamkommande minderåriga.",
         "Familjegrupphem för ensamkommande unga.",
         "Företrädare för ensamkommande asylsökande barn.",
         "Unga som kom till Finland utan sina föräldrar."],
        ["ensamkommande barn"],
        ["Supporting unaccompanied minors.",
         "Family group home for unaccompanied asylum-seeking youth.",
         "Legal representative for unaccompanied children.",
         "Young people who arrived in Finland without their parents."],
        ["unaccompanied minors", "unaccompanied asylum-seeking children"])

concept("disability", "vammaisuus",
        "Disability and disability services for children and families "
        "(vammaispalvelulaki 675/2023).",
        ["Vammaispalvelut ja vammaisten lasten perheiden tukeminen.",
         "Vammaispalvelulain mukaiset palvelutarpeen arvioinnit.",
         "Liikuntavammaisten nuorten itsenäistymisen tukeminen.",
         "Vaikeavammaisten lasten henkilökohtainen apu ja omaishoito.",
         "Apuvälineet ja esteettömyys vammaisten lasten perheiden arjessa.",
         "Näkö- ja kuulovammaiset lapset.",
         "Lapset, jotka liikkuvat pyörätuolilla ja tarvitsevat apua päivittäisissä toimissa.",
         "Vammaisneuvostotyö ja vammaisten lasten oikeudet."],
        ["vammaispalvelut", "vammaiset lapset", "vaikeavammaisuus"],
        ["Handikappservice och stöd för familjer med barn med funktionsnedsättning.",
         "Bedömning av servicebehov enligt lagen om funktionshinderservice.",
         "Barn som använder rullstol och behöver hjälp i vardagen.",
         "Personlig assistans för gravt funktionshindrade barn."],
        ["funktionsnedsättning", "funktionshinderservice"],
        ["Disability services and support for families of disabled children.",
         "Service needs assessments under the Disability Services Act.",
         "Children who use a wheelchair and need help with daily activities.",
         "Personal assistance for children with severe disabilities."],
        ["disability", "disabled children"])

concept("intellectual_disability", "kehitysvammaisuus",
        "Intellectual disability (kehitysvamma, älyllinen kehitysvammaisuus).",
        ["Kehitysvammaisten lasten ja nuorten kuntoutus.",
         "Älyllinen kehitysvammaisuus ja haastava käyttäytyminen.",
         "Työskentelin kehitysvammapoliklinikalla psykologina.",
         "Kehitysvammaisten nuorten tuettu asuminen.",
         "Selkokieli ja puhetta tukeva kommunikointi kehitysvammaisten kanssa.",
         "Kehitysvammaisuuden arviointi ja diagnostiikka.",
         "Kehitysvammaa aiheuttavat oireyhtymät ja niiden vaikutus arkeen.",
         "Nuoret, joiden älyllinen kehitys on selvästi ikätasoa jäljessä."],
        ["kehitysvammaisuus", "kehitysvammaiset nuoret", "älyllinen kehitysvamma"],
        ["Rehabilitering av barn och unga med intellektuell funktionsnedsättning.",
         "Utvecklingsstörning och utmanande beteende.",
         "Stödboende för unga med utvecklingsstörning.",
         "Lättläst språk och AKK med personer med intellektuell funktionsnedsättning."],
        ["utvecklingsstörning", "intellektuell funktionsnedsättning"],
        ["Rehabilitation of children and adolescents with intellectual disabilities.",
         "Intellectual disability and challenging behaviour.",
         "Supported housing for young people with intellectual disabilities.",
         "Easy-to-read language and augmentative communication with intellectually disabled youth."],
        ["intellectual disability"])

concept("infant_family", "vauvaperhetyö",
        "Work with pregnant parents and families with babies; early interaction and "
        "parent-infant attachment.",
        ["Vauvaperhetyö ja varhaisen vuorovaikutuksen tukeminen.",
         "Vauvaikäisten lasten ja vanhempien vuorovaikutuksen arviointi.",
         "Raskausajan ja vauvavuoden perhetyö.",
         "Olen koulutettu VaVu-haastattelija ja Theraplay-terapeutti.",
         "Vanhemman ja vauvan välisen kiintymyssuhteen tukeminen.",
         "Imeväisikäisten perheiden kotikäynnit.",
         "Perheet, joissa vastasyntynyt itkee paljon ja vanhemmat uupuvat.",
         "Vauvaperhetyön konsultaatio neuvoloille."],
        ["vauvaperhetyö", "varhainen vuorovaikutus", "vauvaperheet"],
        ["Arbete med babyfamiljer och stöd för tidig interaktion.",
         "Bedömning av samspelet mellan spädbarn och föräldrar.",
         "Hembesök hos familjer med spädbarn.",
         "Familjer där nyfödda gråter mycket och föräldrarna blir utmattade."],
        ["tidig interaktion", "spädbarnsfamiljer"],
        ["Infant family work and supporting early interaction.",
         "Assessing parent-infant interaction.",
         "Home visits to families with newborns.",
         "Supporting attachment between parents and babies."],
        ["parent-infant work", "early interaction"])

concept("bullying", "kiusaaminen",
        "Bullying at school and online (koulukiusaaminen, nettikiusaaminen).",
        ["Koulukiusaamisen ehkäisy ja KiVa Koulu -ohjelma.",
         "Kiusaamistilanteiden selvittäminen koulussa.",
         "Kiusatuksi tulleiden lasten tukeminen.",
         "Nettikiusaaminen ja somessa tapahtuva häirintä.",
         "Lapset, joita on pitkään syrjitty ja pilkattu luokassa.",
         "Kiusaamisen vastaisen työn koordinointi kunnassa.",
         "Kiusaamiseen puuttuminen yläkoulussa.",
         "Vertaissovittelu (VERSO) kiusaamistilanteissa."],
        ["koulukiusaaminen", "kiusaaminen", "nettikiusaaminen"],
        ["Förebyggande av mobbning i skolan och KiVa-programmet.",
         "Stöd för barn som blivit mobbade.",
         "Nätmobbning och trakasserier i sociala medier.",
         "Barn som länge blivit utfrysta och hånade i klassen."],
        ["mobbning", "skolmobbning"],
        ["Preventing school bullying with the KiVa programme.",
         "Supporting children who have been bullied.",
         "Cyberbullying and harassment on social media.",
         "Children who have been excluded and mocked by classmates for a long time."],
        ["bullying", "cyberbullying"])

# ---------------------------------------------------------------------------
# Hierarchy: narrower -> broader, only where the narrower is by definition a
# kind of the broader.
# ---------------------------------------------------------------------------

PARENT = {
    "taking_into_care": ("child_protection",
                         "Huostaanotto is a child-protection measure (Child Welfare Act 417/2007, ch. 9, 40 §)."),
    "substitute_care": ("child_protection",
                        "Sijaishuolto is the care arranged for a child taken into care or placed by "
                        "child protection (Child Welfare Act ch. 10, 49 §)."),
    "aftercare": ("child_protection",
                  "Jälkihuolto is a child-protection service owed after placement ends "
                  "(Child Welfare Act 75-77 §)."),
    "foster_care": ("substitute_care",
                    "Perhehoito is one of the forms of sijaishuolto (Child Welfare Act 49-50 §; "
                    "Family Care Act 263/2015)."),
    "residential_care": ("substitute_care",
                         "Laitoshuolto in a child-welfare institution is the other form of sijaishuolto "
                         "(Child Welfare Act 49 §, 57 §)."),
    "youth_substance_use": ("substance_use", "Young people's substance use is substance use."),
    "parental_substance_use": ("substance_use", "Parents' substance use is substance use."),
    "adhd": ("neuropsychiatric",
             "ADHD is one of the core conditions of the Finnish 'neuropsykiatriset häiriöt' "
             "(nepsy) grouping (neurodevelopmental disorders, DSM-5)."),
    "autism": ("neuropsychiatric",
               "Autism spectrum is one of the core nepsy conditions (neurodevelopmental disorders, DSM-5)."),
    "depression": ("mental_disorder", "Depression is a mental disorder (ICD-10 F32-F33)."),
    "anxiety": ("mental_disorder", "Anxiety disorders are mental disorders (ICD-10 F40-F41, F93)."),
    "eating_disorder": ("mental_disorder", "Eating disorders are mental disorders (ICD-10 F50)."),
    "sexual_abuse": ("violence_against_child",
                     "Sexual abuse of a child is violence against the child (Criminal Code ch. 20; "
                     "Barnahus covers both physical and sexual violence suspicions)."),
    "intellectual_disability": ("disability",
                                "Intellectual disability is a disability (Disability Services Act 675/2023)."),
    "unaccompanied_minors": ("immigrant_background",
                             "An unaccompanied minor has by definition migrated to Finland "
                             "(Aliens Act 301/2004; Integration Act)."),
}

NOT_LINKED = [
    ("self_harm", "mental_disorder",
     "self-harm is a behaviour that also occurs without a diagnosed disorder"),
    ("trauma", "mental_disorder",
     "the concept covers traumatic experience and trauma-informed work, not only PTSD"),
    ("custody_dispute", "separation",
     "parents who never lived together can dispute custody; the Act 361/1983 is not a divorce law"),
    ("violence_against_child", "domestic_violence",
     "violence against a child can come from outside the family; domestic_violence here means "
     "violence between adults in close relationships and children exposed to it"),
    ("learning_difficulties", "neuropsychiatric",
     "specific learning difficulties are not counted in the nepsy group in Finnish usage"),
    ("radicalisation", "youth_crime", "radicalisation is not in itself a crime"),
    ("residential_care", "mental_disorder",
     "child-welfare residential care is not psychiatric inpatient care"),
]

for _c, (_p, _why) in PARENT.items():
    assert _c in C and _p in C


def closure(cs):
    out = set(cs)
    for c in list(cs):
        while c in PARENT:
            c = PARENT[c][0]
            out.add(c)
    return out


# ---------------------------------------------------------------------------
# Sentences joining two concepts.  Finnish ones are hand-written; Swedish and
# English ones are built from the keyword phrases with PAIR_FRAMES.
# ---------------------------------------------------------------------------

PAIRS = [
    (("child_protection", "mental_disorder"),
     ["Lastensuojelun ja psykiatrian yhteisasiakkaat ovat työni ydintä.",
      "Teen yhteistyötä lastensuojelun ja nuorisopsykiatrian välillä.",
      "Lapset, jotka ovat samaan aikaan lastensuojelun asiakkaita ja psykiatrisessa hoidossa.",
      "Lastensuojelun ja lastenpsykiatrian rajapinta, OT-seula-työpajat."]),
    (("custody_dispute", "domestic_violence"),
     ["Huoltoriidat, joiden taustalla on lähisuhdeväkivaltaa.",
      "Riskinarviointi vaativissa huoltoriidoissa, kun vanhempien välillä on ollut väkivaltaa.",
      "Tapaamisriidat perheissä, joissa toinen vanhempi on käyttänyt väkivaltaa."]),
    (("separation", "custody_dispute"),
     ["Haastavat erot ja niihin liittyvät huoltoriidat.",
      "Eroperheiden lasten huolto- ja tapaamisasiat.",
      "Eron jälkeen pitkittyneet riidat lapsen asumisesta."]),
    (("parental_substance_use", "infant_family"),
     ["Päihteitä käyttävien äitien vauvaperhetyö.",
      "Vauvaperheet, joissa vanhemmalla on päihdeongelma.",
      "Raskaana olevien päihteitä käyttävien naisten ja vauvojen tukeminen."]),
    (("autism", "school_absence"),
     ["Autismikirjon nuorten koulupoissaolot.",
      "Autistiset oppilaat, jotka ovat jääneet kotiin koulusta.",
      "Kouluakäymättömyys autismikirjon lapsilla."]),
    (("adhd", "youth_crime"),
     ["ADHD-oireiset nuoret, jotka ovat tehneet rikoksia.",
      "ADHD ja nuorisorikollisuus: impulsiivisten nuorten rikoskierteen katkaiseminen."]),
    (("immigrant_background", "trauma"),
     ["Pakolaistaustaisten lasten traumat.",
      "Traumatisoituneet maahanmuuttajataustaiset nuoret.",
      "Sodan kokeneiden, Suomeen muuttaneiden perheiden traumatyö."]),
    (("substitute_care", "school_support"),
     ["Sijoitettujen lasten koulunkäynnin tuki.",
      "Vaativa sijaishuolto ja vaativa erityinen tuki samaan aikaan.",
      "Kodin ulkopuolelle sijoitettujen oppilaiden erityisopetus."]),
    (("violence_against_child", "trauma"),
     ["Väkivaltaa kokeneiden lasten traumaterapia.",
      "Pahoinpideltyjen lasten traumaoireiden hoito."]),
    (("youth_substance_use", "mental_disorder"),
     ["Nuorten päihde- ja mielenterveysongelmat (kaksoisdiagnoosi).",
      "Päihteitä käyttävien nuorten psykiatrinen hoito."]),
    (("self_harm", "residential_care"),
     ["Itsetuhoiset nuoret lastensuojelulaitoksissa.",
      "Nuorisokodissa asuvien nuorten viiltely ja itsemurhayritykset."]),
    (("neuropsychiatric", "child_protection"),
     ["Nepsy-lapset lastensuojelussa.",
      "Neuropsykiatrisesti oireilevat lastensuojelun asiakkaat."]),
    (("bullying", "depression"),
     ["Kiusaamisen seurauksena masentuneet nuoret.",
      "Koulukiusaaminen ja sen jälkeinen masennus."]),
    (("unaccompanied_minors", "trauma"),
     ["Yksin tulleiden alaikäisten traumaoireet.",
      "Ilman huoltajaa tulleiden nuorten traumatyö."]),
    (("intellectual_disability", "substitute_care"),
     ["Kehitysvammaisten lasten sijaishuolto.",
      "Sijoitetut kehitysvammaiset nuoret."]),
    (("functional_disorder", "school_absence"),
     ["Toiminnallisesti oireilevat lapset, jotka eivät jaksa käydä koulua.",
      "Toiminnalliset häiriöt ja pitkittyneet koulupoissaolot."]),
    (("substance_use", "mental_disorder"),
     ["Päihde- ja mielenterveystyön yhteensovittaminen.",
      "Päihde- ja mielenterveysasiakkaiden palveluohjaus."]),
]

PAIR_FRAMES = {
    "sv": ["Jag arbetar särskilt med {a} och {b}.", "Fokus på {a} i kombination med {b}.",
           "Erfarenhet av situationer där {a} och {b} sammanfaller."],
    "en": ["My work focuses on {a} together with {b}.", "Special interest: {a} combined with {b}.",
           "Experience of cases where {a} and {b} occur together."],
}

LIST_FRAMES = {
    "fi": ["Osaamisalueet: {x}.", "Erityisosaaminen: {x}.", "Asiantuntemukseni: {x}.",
           "Työn painopisteet – {x}.", "Kokemusta: {x}."],
    "sv": ["Kompetensområden: {x}.", "Särskild kompetens: {x}.", "Erfarenhet: {x}."],
    "en": ["Areas of expertise: {x}.", "Special interests: {x}.", "Experience: {x}."],
}
AND = {"fi": " ja ", "sv": " och ", "en": " and "}

# ---------------------------------------------------------------------------
# Filler (no concept) and distractors (share a word part or another sense with
# a concept word; carry no concept).
# ---------------------------------------------------------------------------

FILLER = {
    "fi": [
        "Teen konsultaatioita myös etänä Teamsin välityksellä.",
        "Olen asunut aiemmin Kuopiossa ja Joensuussa.",
        "Puhun suomea, ruotsia ja englantia.",
        "Puhun lisäksi jonkin verran venäjää ja viroa.",
        "Harrastan suunnistusta ja kuorolaulua.",
        "Vapaa-ajalla liikun luonnossa koiran kanssa.",
        "Olen koulutettu työnohjaaja.",
        "Olen ollut mukana OT-keskuksen asiantuntijaverkostossa sen alusta asti.",
        "Toimin myös ammattikorkeakoulun tuntiopettajana.",
        "Väittelin tohtoriksi Tampereen yliopistosta vuonna 2018.",
        "Minulla on perheterapeutin pätevyys.",
        "Olen tehnyt töitä sekä kunnalla että järjestöissä.",
        "Aiemmin työskentelin Oulussa ja Rovaniemellä.",
        "Pidän tärkeänä monialaista yhteistyötä ja lapsen äänen kuulumista.",
        "Kouluttajana olen pitänyt webinaareja hyvinvointialueiden henkilöstölle.",
        "Olen toiminut esihenkilönä vuodesta 2015.",
        "Tavoitat minut parhaiten sähköpostilla.",
        "Voin osallistua konsultaatioryhmän kokouksiin kuukauden toisena torstaina.",
        "Työskentelen osa-aikaisesti myös yksityisvastaanotolla.",
        "Olen suorittanut ratkaisukeskeisen psykoterapeutin koulutuksen.",
        "Kiinnostukseni kohteena on palvelujärjestelmän kehittäminen.",
        "Olen kotoisin Kainuusta ja tunnen alueen palvelut hyvin.",
        "Olen toiminut myös hankkeiden projektipäällikkönä.",
        "Pidän luentoja ja koulutuksia pyydettäessä.",
        "Toimin tutkimusryhmässä, joka selvittää palvelujen vaikuttavuutta.",
        "Työkieleni on suomi, tarvittaessa myös englanti.",
        "Olen työskennellyt Pirkanmaalla ja Kanta-Hämeessä.",
        "Vapaa-aikani kuluu mökillä Saimaan rannalla.",
    ],
    "sv": [
        "Jag talar svenska, finska och engelska.",
        "Konsultationer även på distans.",
        "Jag bor i Vasa och arbetar i hela Österbotten.",
        "På fritiden seglar jag och sjunger i kör.",
        "Jag är utbildad arbetshandledare.",
        "Jag disputerade vid Helsingfors universitet 2017.",
        "Jag har arbetat både inom kommunen och i organisationer.",
        "Jag föreläser gärna för yrkesverksamma.",
        "Jag har varit med i OT-centrets expertnätverk sedan starten.",
        "Mitt arbetsspråk är svenska, men jag betjänar även på finska.",
        "Tidigare arbetade jag i Borgå och Lovisa.",
    ],
    "en": [
        "I speak English, Finnish and some Swedish.",
        "Consultations are also available remotely.",
        "I am based in Tampere but work across the cooperation area.",
        "In my free time I run and play the cello.",
        "Certified clinical supervisor.",
        "PhD from the University of Turku (2016).",
        "I have worked in both municipal services and NGOs.",
        "Happy to give lectures and webinars for professionals.",
        "Member of the OT centre expert network since 2022.",
        "Before moving to Finland I worked in Scotland for six years.",
        "I am best reached by e-mail.",
    ],
}

# Background sentences that fit the title: (language, substring of title, sentences).
BACKGROUND = [
    ("fi", "psykologi", ["Olen koulutukseltani psykologi (PsM) ja valmistuin Jyväskylän yliopistosta.",
                         "Valmistuin psykologiksi Itä-Suomen yliopistosta vuonna 2011."]),
    ("fi", "lääkäri", ["Teen kliinisen työn ohessa tutkimusta.",
                       "Valmistuin lääkäriksi Oulun yliopistosta ja erikoistuin Tampereella."]),
    ("fi", "sosiaalityöntekijä", ["Koulutukseltani olen YTM, pääaineena sosiaalityö.",
                                  "Valmistuin sosiaalityöntekijäksi Lapin yliopistosta."]),
    ("fi", "sosionomi", ["Valmistuin sosionomiksi (AMK) vuonna 2009."]),
    ("fi", "ohjaaja", ["Valmistuin sosionomiksi (AMK) vuonna 2009.", "Pohjakoulutukseltani olen yhteisöpedagogi (AMK)."]),
    ("fi", "perhetyöntekijä", ["Valmistuin sosionomiksi (AMK) vuonna 2009."]),
    ("fi", "sairaanhoitaja", ["Valmistuin sairaanhoitajaksi (AMK) ja olen täydentänyt opintojani YAMK-tutkinnolla."]),
    ("fi", "opettaja", ["Olen koulutukseltani KM ja toiminut opettajana kahdeksan vuotta."]),
    ("fi", "tutkija", ["Väitöskirjani tarkastettiin Helsingin yliopistossa vuonna 2020."]),
    ("sv", "psykolog", ["Jag är utbildad psykolog vid Åbo Akademi."]),
    ("sv", "handledare", ["Socionom (YH) från Arcada."]),
    ("sv", "läkare", ["Jag kombinerar kliniskt arbete med forskning."]),
    ("sv", "socialarbetare", ["Jag har en magisterexamen i socialt arbete från Helsingfors universitet."]),
    ("en", "psychologist", ["I trained as a psychologist at the University of Jyväskylä."]),
    ("en", "physician", ["I combine clinical work with research."]),
    ("en", "social worker", ["I hold a master's degree in social work from the University of Lapland."]),
]


def background_for(lang, title):
    out = []
    for bl, key, sents in BACKGROUND:
        if bl == lang and key in title.lower():
            out.extend(sents)
    return out


# key -> (language, text, concept whose word it imitates)
DISTRACTORS = {
    "fi_huoltovarmuus": ("fi", "Aiemmin työskentelin Huoltovarmuuskeskuksessa valmiussuunnittelun tehtävissä.", "custody_dispute"),
    "fi_kiinteistohuolto": ("fi", "Opiskeluaikoina tein kiinteistöhuollon ja autohuollon töitä.", "custody_dispute"),
    "fi_sijaisuus": ("fi", "Valmistumisen jälkeen tein opettajan sijaisuuksia Kuopiossa.", "foster_care"),
    "fi_sijoitus": ("fi", "Vastasin aiemmin säätiön sijoitustoiminnasta ja taloushallinnosta.", "substitute_care"),
    "fi_kela": ("fi", "Työskentelin aiemmin Kansaneläkelaitoksessa etuuskäsittelijänä.", "residential_care"),
    "fi_traumakirurgia": ("fi", "Aiempi kokemukseni on aikuisten traumakirurgian osastolta.", "trauma"),
    "fi_urheiluvamma": ("fi", "Fysioterapeuttina olen kuntouttanut urheiluvammoja.", "disability"),
    "fi_kehitysyhteistyo": ("fi", "Työskentelin kolme vuotta kehitysyhteistyöhankkeessa Tansaniassa.", "intellectual_disability"),
    "fi_harvinaiset_linnut": ("fi", "Vapaa-ajalla valokuvaan harvinaisia lintuja.", "rare_disease"),
    "fi_toiminnalliset_menetelmat": ("fi", "Käytän ryhmissä toiminnallisia menetelmiä, kuten seikkailukasvatusta ja draamaa.", "functional_disorder"),
    "fi_seksuaalikasvatus": ("fi", "Pidän yläkoulussa seksuaalikasvatuksen oppitunteja.", "sexual_abuse"),
    "fi_jalkihoito": ("fi", "Sairaanhoitajana vastasin leikkauspotilaiden jälkihoidosta.", "aftercare"),
    "fi_vauvauinti": ("fi", "Ohjaan vapaa-ajallani vauvauintia.", "infant_family"),
    "fi_rikosromaanit": ("fi", "Luen paljon rikosromaaneja ja pohjoismaista dekkarikirjallisuutta.", "youth_crime"),
    "fi_vanhempainvapaa": ("fi", "Olin vanhempainvapaalla poissa työelämästä vuoden 2021.", "school_absence"),
    "fi_vakivalta_romaanit": ("fi", "Pro gradu -tutkielmani käsitteli väkivallan kuvaamista 1800-luvun romaaneissa.", "domestic_violence"),
    "fi_tuloerot": ("fi", "Väitöskirjani käsitteli alueellisia tuloeroja ja niiden kehitystä.", "separation"),
    "fi_radikaali_pedagogiikka": ("fi", "Olen kiinnostunut radikaalista pedagogiikasta ja kriittisestä kasvatusteoriasta.", "radicalisation"),
    "fi_alkoholilupa": ("fi", "Toimin aiemmin ravintolan vuoropäällikkönä ja vastasin alkoholilupa-asioista.", "substance_use"),
    "sv_placering": ("sv", "Tidigare arbetade jag med placeringar i en pensionsfond.", "substitute_care"),
    "sv_faglar": ("sv", "Jag fotograferar sällsynta fåglar på fritiden.", "rare_disease"),
    "sv_vikarie": ("sv", "Jag har varit vikarierande lärare i flera år.", "foster_care"),
    "sv_eftervard": ("sv", "Som sjukskötare ansvarade jag för eftervården efter operationer.", "aftercare"),
    "en_trauma_surgery": ("en", "Earlier I worked in trauma surgery at a university hospital.", "trauma"),
    "en_custody_accounts": ("en", "Previously I managed custody accounts at an investment bank.", "custody_dispute"),
    "en_crime_novels": ("en", "I enjoy crime novels and true-crime podcasts.", "youth_crime"),
    "en_work_placements": ("en", "I coordinated work placements for nursing students.", "foster_care"),
    "en_great_depression": ("en", "My master's thesis in economic history dealt with the Great Depression of the 1930s.", "depression"),
}

# ---------------------------------------------------------------------------
# People, titles, organisations (none implies a concept).
# ---------------------------------------------------------------------------

FI_FIRST = ["Aino", "Anna", "Anne", "Antti", "Eeva", "Elina", "Hanna", "Heikki", "Heli", "Henna",
            "Ilkka", "Jaana", "Janne", "Johanna", "Jukka", "Jussi", "Kaisa", "Kari", "Katja", "Kirsi",
            "Laura", "Leena", "Marja", "Marko", "Matti", "Miia", "Mikko", "Minna", "Noora", "Outi",
            "Paula", "Petri", "Pia", "Riikka", "Sanna", "Satu", "Suvi", "Teemu", "Tiina", "Timo",
            "Tuomas", "Ulla", "Veera", "Ville"]
FI_LAST = ["Aaltonen", "Heikkinen", "Hiltunen", "Honkanen", "Huttunen", "Hyvönen", "Jokinen", "Kainulainen",
           "Karjalainen", "Kettunen", "Kinnunen", "Kokkonen", "Korhonen", "Koskinen", "Laitinen", "Lehtonen",
           "Leinonen", "Lindqvist", "Manninen", "Miettinen", "Mustonen", "Mäkelä", "Mäkinen", "Nieminen",
           "Niskanen", "Ojala", "Partanen", "Pesonen", "Pitkänen", "Rantanen", "Räsänen", "Salminen",
           "Savolainen", "Tikkanen", "Turunen", "Tuominen", "Vainio", "Virtanen", "Väisänen", "Ylönen"]
SV_FIRST = ["Anders", "Anna-Lena", "Annika", "Birgitta", "Camilla", "Christer", "Emma", "Fredrik", "Hanna",
            "Helena", "Johan", "Jonas", "Karin", "Linnea", "Mats", "Mikaela", "Nina", "Patrik", "Sofia",
            "Stefan", "Susanne", "Ulrika"]
SV_LAST = ["Andersson", "Backman", "Björklund", "Blomqvist", "Ek", "Eriksson", "Forsman", "Granholm",
           "Holmström", "Johansson", "Lindberg", "Lindholm", "Lundqvist", "Nordström", "Nyman", "Nyström",
           "Sandberg", "Sjöblom", "Strandberg", "Wikström"]
EN_FIRST = ["Sarah", "David", "Olena", "Ahmed", "Maria", "James", "Elif", "Thomas", "Rebecca", "Daniel",
            "Aisha", "Peter", "Laura", "Mikko", "Anna", "Hannah", "Samuel", "Irina"]
EN_LAST = ["Mitchell", "Hassan", "Kovalenko", "Garcia", "O'Brien", "Yilmaz", "Schmidt", "Novak",
           "Virtanen", "Campbell", "Okafor", "Lindgren", "Murphy", "Rossi", "Korhonen", "Petrova"]

TITLES = {
    "fi": ["sosiaalityöntekijä", "erikoissosiaalityöntekijä", "johtava sosiaalityöntekijä", "psykologi",
           "erikoispsykologi", "ylilääkäri", "erikoislääkäri", "osastonlääkäri",
           "sairaanhoitaja", "terveydenhoitaja", "perheterapeutti",
           "psykoterapeutti", "OT-koordinaattori", "projektipäällikkö", "kehittämispäällikkö",
           "erikoissuunnittelija", "tutkija", "yliopistonlehtori", "professori", "toiminnanjohtaja",
           "palvelupäällikkö", "sosionomi (AMK)", "ohjaaja", "koulukuraattori", "koulupsykologi",
           "opettaja", "rehtori", "toimintaterapeutti", "puheterapeutti", "perhetyöntekijä",
           "palveluohjaaja", "nuorisotyöntekijä", "asiantuntija"],
    "sv": ["socialarbetare", "ledande socialarbetare", "psykolog", "specialpsykolog", "överläkare",
           "specialistläkare", "sjukskötare", "hälsovårdare", "familjeterapeut", "skolkurator",
           "utvecklingschef", "specialplanerare", "forskare", "universitetslektor",
           "verksamhetsledare", "servicehandledare", "lärare", "handledare"],
    "en": ["social worker", "senior social worker", "psychologist", "clinical psychologist",
           "consultant physician", "specialist physician", "nurse", "family therapist",
           "project manager", "development manager", "researcher", "senior researcher",
           "university lecturer", "professor", "service coordinator", "OT coordinator"],
}

ORGS = {
    "fi": ["Pohjois-Pohjanmaan hyvinvointialue", "Keski-Pohjanmaan hyvinvointialue", "Kainuun hyvinvointialue",
           "Lapin hyvinvointialue", "Pohjois-Savon hyvinvointialue", "Keski-Suomen hyvinvointialue",
           "Etelä-Savon hyvinvointialue", "Pohjois-Karjalan hyvinvointialue", "Pirkanmaan hyvinvointialue",
           "Kanta-Hämeen hyvinvointialue", "Etelä-Pohjanmaan hyvinvointialue", "Varsinais-Suomen hyvinvointialue",
           "Satakunnan hyvinvointialue", "Pohjanmaan hyvinvointialue", "Etelä-Karjalan hyvinvointialue",
           "Itä-Uudenmaan hyvinvointialue", "Keski-Uudenmaan hyvinvointialue", "Kymenlaakson hyvinvointialue",
           "Länsi-Uudenmaan hyvinvointialue", "Päijät-Hämeen hyvinvointialue",
           "Vantaan ja Keravan hyvinvointialue", "Helsingin kaupunki", "HUS", "KYS", "OYS", "TAYS", "TYKS",
           "KYSin Lasten ja nuorten osaamiskeskus", "Itä-Suomen sosiaalialan osaamiskeskus ISO",
           "Keski-Suomen sosiaalialan osaamiskeskus Koske", "Uudenmaan sosiaalialan osaamiskeskus Socca",
           "Itä-Suomen yliopisto", "Jyväskylän yliopisto", "Tampereen yliopisto", "Turun yliopisto",
           "Helsingin yliopisto", "Oulun yliopisto", "Diakonia-ammattikorkeakoulu", "Savonia-ammattikorkeakoulu",
           "Pelastakaa Lapset ry", "Viola ry", "Nuorten Ystävät ry", "Suomen Kasvatus- ja perheneuvontaliitto",
           "THL", "Kuopion kaupunki, perusopetus", "Jyväskylän kaupunki, sivistyspalvelut"],
    "sv": ["Välfärdsområdet i Österbotten", "Västra Nylands välfärdsområde", "Östra Nylands välfärdsområde",
           "Egentliga Finlands välfärdsområde", "Mellersta Nylands välfärdsområde", "Helsingfors stad",
           "HUS", "Åbo Akademi", "Helsingfors universitet", "Svenska social- och kommunalhögskolan",
           "Folkhälsan", "Yrkeshögskolan Arcada", "Yrkeshögskolan Novia", "Vasa stad, bildningssektorn"],
    "en": ["HUS Helsinki University Hospital", "Tampere University Hospital", "Oulu University Hospital",
           "Wellbeing Services County of Pirkanmaa", "Wellbeing Services County of Southwest Finland",
           "Wellbeing Services County of Central Finland", "City of Helsinki", "University of Helsinki",
           "Tampere University", "University of Eastern Finland", "University of Turku",
           "Save the Children Finland", "Finnish Institute for Health and Welfare (THL)"],
}

# ---------------------------------------------------------------------------
# Queries.  relevant = concept ids; relevant profiles = all whose concepts
# include every id.
# ---------------------------------------------------------------------------

QUERIES = [
    # inflected
    ("huostaanotetuille nuorille", "inflected", ["taking_into_care"]),
    ("lastensuojelulaitoksissa", "inflected", ["residential_care"]),
    ("sijaisperheissä asuvat lapset", "inflected", ["foster_care"]),
    ("masennuksesta kärsivät nuoret", "inflected", ["depression"]),
    ("syömishäiriöistä", "inflected", ["eating_disorder"]),
    ("autismikirjolla", "inflected", ["autism"]),
    ("huoltoriidoissa", "inflected", ["custody_dispute"]),
    ("harvinaisia sairauksia sairastavien", "inflected", ["rare_disease"]),
    ("koulupoissaoloihin", "inflected", ["school_absence"]),
    ("jälkihuollossa olevien", "inflected", ["aftercare"]),
    ("kehitysvammaisille nuorille", "inflected", ["intellectual_disability"]),
    ("lähisuhdeväkivallasta", "inflected", ["domestic_violence"]),
    ("ahdistuneisuushäiriöistä", "inflected", ["anxiety"]),
    # compound (query joins what profiles often write split or otherwise)
    ("lastensuojelutyö", "compound", ["child_protection"]),
    ("päihdevanhemmat", "compound", ["parental_substance_use"]),
    ("väkivaltaepäily", "compound", ["violence_against_child"]),
    ("nuorisopäihdetyö", "compound", ["youth_substance_use"]),
    ("erotilanne", "compound", ["separation"]),
    ("sijaishuoltopaikka", "compound", ["substitute_care"]),
    ("nepsy-valmennus", "compound", ["neuropsychiatric"]),
    ("traumaterapia", "compound", ["trauma"]),
    ("vammaispalvelut", "compound", ["disability"]),
    ("kiusaamistapaukset", "compound", ["bullying"]),
    ("itsemurhariski", "compound", ["self_harm"]),
    ("vauvaperhetyö", "compound", ["infant_family"]),
    ("ADHD-lapset", "compound", ["adhd"]),
    # compound-split (query splits what profiles write as one word)
    ("lastensuojelun laitos", "compound-split", ["residential_care"]),
    ("nuorten päihteet", "compound-split", ["youth_substance_use"]),
    ("koulun poissaolot", "compound-split", ["school_absence"]),
    ("huolto riidat", "compound-split", ["custody_dispute"]),
    ("syömis häiriö", "compound-split", ["eating_disorder"]),
    ("perhe väkivalta", "compound-split", ["domestic_violence"]),
    ("kehitys vamma", "compound-split", ["intellectual_disability"]),
    ("nuoriso rikollisuus", "compound-split", ["youth_crime"]),
    ("harvinais sairaudet", "compound-split", ["rare_disease"]),
    ("sijais huolto", "compound-split", ["substitute_care"]),
    ("jälki huolto", "compound-split", ["aftercare"]),
    ("koulu kiusaaminen", "compound-split", ["bullying"]),
    # derived
    ("traumatisoitunut lapsi", "derived", ["trauma"]),
    ("masentunut nuori", "derived", ["depression"]),
    ("radikalisoituneet nuoret", "derived", ["radicalisation"]),
    ("autistinen", "derived", ["autism"]),
    ("itsetuhoinen", "derived", ["self_harm"]),
    ("kiusattu oppilas", "derived", ["bullying"]),
    ("vammainen lapsi", "derived", ["disability"]),
    ("ahdistunut", "derived", ["anxiety"]),
    ("huostaanotettu", "derived", ["taking_into_care"]),
    ("maahanmuuttanut perhe", "derived", ["immigrant_background"]),
    ("sijoitettu", "derived", ["substitute_care"]),
    ("rikollinen nuori", "derived", ["youth_crime"]),
    # multiword (two concepts)
    ("lastensuojelu ja psykiatria", "multiword", ["child_protection", "mental_disorder"]),
    ("huoltoriita väkivalta", "multiword", ["custody_dispute", "domestic_violence"]),
    ("eroperhe huoltoriita", "multiword", ["separation", "custody_dispute"]),
    ("päihteitä käyttävä äiti vauva", "multiword", ["parental_substance_use", "infant_family"]),
    ("autismi koulupoissaolo", "multiword", ["autism", "school_absence"]),
    ("ADHD nuorisorikollisuus", "multiword", ["adhd", "youth_crime"]),
    ("pakolaislapset trauma", "multiword", ["immigrant_background", "trauma"]),
    ("sijoitetut lapset koulunkäynnin tuki", "multiword", ["substitute_care", "school_support"]),
    ("väkivaltaa kokenut lapsi trauma", "multiword", ["violence_against_child", "trauma"]),
    ("nuorten päihteet mielenterveys", "multiword", ["youth_substance_use", "mental_disorder"]),
    ("itsetuhoisuus laitoshoito", "multiword", ["self_harm", "residential_care"]),
    ("neuropsykiatria lastensuojelu", "multiword", ["neuropsychiatric", "child_protection"]),
    ("kiusaaminen masennus", "multiword", ["bullying", "depression"]),
    # synonym
    ("depressio", "synonym", ["depression"]),
    ("huoltajuuskiista", "synonym", ["custody_dispute"]),
    ("parisuhteen päättyminen", "synonym", ["separation"]),
    ("sijaisvanhemmuus", "synonym", ["foster_care"]),
    ("aktiivisuuden ja tarkkaavuuden häiriö", "synonym", ["adhd"]),
    ("nuorten huumeongelmat", "synonym", ["youth_substance_use"]),
    ("kotiväkivalta", "synonym", ["domestic_violence"]),
    ("lasten kaltoinkohtelu", "synonym", ["violence_against_child"]),
    ("kouluvälttely", "synonym", ["school_absence"]),
    ("pienluokka", "synonym", ["school_support"]),
    ("lukihäiriö", "synonym", ["learning_difficulties"]),
    ("ääriliikkeet nuoret", "synonym", ["radicalisation"]),
    ("psykogeeniset kohtaukset", "synonym", ["functional_disorder"]),
    ("maahanmuuttajaperheet", "synonym", ["immigrant_background"]),
    # typo (one realistic typo in a Finnish word of 5+ letters)
    ("huostanotto", "typo", ["taking_into_care"]),
    ("lastensuojleu", "typo", ["child_protection"]),
    ("masenus", "typo", ["depression"]),
    ("lahisuhdeväkivalta", "typo", ["domestic_violence"]),
    ("sijaishulto", "typo", ["substitute_care"]),
    ("autsimi", "typo", ["autism"]),
    ("koulupoissaolott", "typo", ["school_absence"]),
    ("kehitysvamaisuus", "typo", ["intellectual_disability"]),
    ("syomishäiriö", "typo", ["eating_disorder"]),
    ("radikalisoitmuinen", "typo", ["radicalisation"]),
    ("itsetuhoissuus", "typo", ["self_harm"]),
    ("jalkihuolto", "typo", ["aftercare"]),
    ("perhehoitto", "typo", ["foster_care"]),
    # swedish
    ("barnskydd", "swedish", ["child_protection"]),
    ("missbruk hos föräldrar", "swedish", ["parental_substance_use"]),
    ("vårdnadstvist", "swedish", ["custody_dispute"]),
    ("familjehem", "swedish", ["foster_care"]),
    ("ätstörningar hos unga", "swedish", ["eating_disorder"]),
    ("självskadebeteende", "swedish", ["self_harm"]),
    ("skolfrånvaro", "swedish", ["school_absence"]),
    ("ungdomsbrottslighet", "swedish", ["youth_crime"]),
    ("våld i nära relationer", "swedish", ["domestic_violence"]),
    ("sällsynta sjukdomar", "swedish", ["rare_disease"]),
    ("ensamkommande barn", "swedish", ["unaccompanied_minors"]),
    ("sexuella övergrepp mot barn", "swedish", ["sexual_abuse"]),
    ("funktionella störningar", "swedish", ["functional_disorder"]),
    # english
    ("child protection", "english", ["child_protection"]),
    ("foster care", "english", ["foster_care"]),
    ("parental alcohol abuse", "english", ["parental_substance_use"]),
    ("custody dispute", "english", ["custody_dispute"]),
    ("eating disorders", "english", ["eating_disorder"]),
    ("autism spectrum", "english", ["autism"]),
    ("school refusal", "english", ["school_absence"]),
    ("juvenile offenders", "english", ["youth_crime"]),
    ("domestic abuse", "english", ["domestic_violence"]),
    ("intellectual disability", "english", ["intellectual_disability"]),
    ("child sexual abuse", "english", ["sexual_abuse"]),
    ("aftercare for care leavers", "english", ["aftercare"]),
    ("anxiety in children", "english", ["anxiety"]),
    # question
    ("kuka osaa auttaa kun vanhemmat riitelevät lapsen huollosta", "question", ["custody_dispute"]),
    ("mistä apua kun nuori viiltelee itseään", "question", ["self_harm"]),
    ("kuka osaa auttaa kun lapsi ei ole käynyt koulussa koko syksynä", "question", ["school_absence"]),
    ("kenelle voin soittaa kun epäilen että lasta on lyöty", "question", ["violence_against_child"]),
    ("kuka tuntee lastensuojelun ja psykiatrian yhteisasiakkaat", "question", ["child_protection", "mental_disorder"]),
    ("kuka osaa neuvoa kun äiti juo ja perheessä on vauva", "question", ["parental_substance_use", "infant_family"]),
    ("mistä saan konsultaatiota kun lapsen oireille ei löydy elimellistä syytä", "question", ["functional_disorder"]),
    ("kuka tietää harvinaista oireyhtymää sairastavan lapsen palveluista", "question", ["rare_disease"]),
    ("kuka osaa auttaa nuorta joka on ajautunut ääriajatteluun", "question", ["radicalisation"]),
    ("kenen puoleen käännyn kun sijoitettu lapsi tarvitsee tukea koulussa", "question", ["substitute_care", "school_support"]),
    ("kuka osaa tukea pakolaisperhettä jonka kanssa tarvitaan tulkkia", "question", ["immigrant_background"]),
    ("mistä apua kun nuori ei syö juuri mitään", "question", ["eating_disorder"]),
    ("kuka auttaa kun autistinen nuori jää kotiin eikä mene kouluun", "question", ["autism", "school_absence"]),
]

CATEGORIES = ["inflected", "compound", "compound-split", "derived", "multiword", "synonym",
              "typo", "swedish", "english", "question"]

# must_find: (query, relevant, profile language, substrings the profile must NOT contain, reason)
MUST_FIND = [
    ("päihteet", ["substance_use"], "fi", ["päihde", "päihte"],
     "Substance use is expressed through a narrower concept (parents' drinking or young people's drug use) without the word 'päihde'."),
    ("neuropsykiatriset häiriöt", ["neuropsychiatric"], "fi", ["neuropsyk", "nepsy", "neurokirj"],
     "ADHD and autism spectrum are neuropsychiatric conditions; the profile never says 'neuropsykiatrinen'."),
    ("lastensuojelu", ["child_protection"], "fi", ["lastensuojel"],
     "Foster care, care orders, placements or aftercare are child protection even when the word 'lastensuojelu' is absent."),
    ("child protection", ["child_protection"], "fi", [],
     "Cross-language: an English query, a Finnish profile about child protection work."),
    ("sijaishuolto", ["substitute_care"], "fi", ["sijaishuol"],
     "Family foster care or residential child welfare is substitute care (Child Welfare Act 49 §)."),
    ("omhändertagande", ["taking_into_care"], "fi", [],
     "Cross-language: Swedish query, Finnish profile about huostaanotto."),
    ("masennus", ["depression"], "fi", ["masen"],
     "Depression written as 'depressio', 'alakulo' or 'mielialan lasku' instead of 'masennus'."),
    ("lapsiin kohdistuva väkivalta", ["violence_against_child"], "fi", ["väkival"],
     "Sexual abuse / grooming / physical abuse of children without the word 'väkivalta'."),
    ("koulupoissaolot", ["school_absence"], "fi", ["poissa"],
     "School absence described in other words (kouluakäymättömyys, koulukieltäytyminen, 'ei ole käynyt koulua')."),
    ("huoltoriita", ["custody_dispute"], "fi", ["huoltor"],
     "Custody dispute described as olosuhdeselvitys, tapaamisriita or parents quarrelling over where the child lives."),
    ("vammaisuus", ["disability"], "fi", ["vammai"],
     "Disability described without the word 'vammainen' (e.g. wheelchair users, intellectual development far behind age)."),
    ("eating disorders", ["eating_disorder"], "fi", [],
     "Cross-language: English query, Finnish profile about syömishäiriöt."),
    ("självskadebeteende", ["self_harm"], "fi", [],
     "Cross-language: Swedish query, Finnish profile about itsetuhoisuus / viiltely."),
    ("mental health problems", ["mental_disorder"], "fi", ["mielenterv", "psyk"],
     "Cross-language and narrower: depression, anxiety or eating disorders are mental disorders."),
    ("toiminnalliset häiriöt", ["functional_disorder"], "fi", ["toiminnalli"],
     "Functional disorder described as symptoms without an organic cause / psychosomatic symptoms."),
    ("maahanmuuttajat", ["immigrant_background"], "fi", ["maahanmuut"],
     "Immigrant background described as refugees, asylum seekers, multicultural families or unaccompanied minors."),
    ("radicalisation", ["radicalisation"], "fi", [],
     "Cross-language: English query, Finnish profile about radikalisoituminen."),
    ("huostaanotto", ["taking_into_care"], "sv", [],
     "Cross-language: Finnish query, Swedish profile about omhändertagande."),
    ("autismi", ["autism"], "en", [],
     "Cross-language: Finnish query, English profile about autism."),
]

# forbidden: (query, relevant concepts, distractor key, reason)
FORBIDDEN = [
    ("huoltoriidat", ["custody_dispute"], "fi_huoltovarmuus",
     "'Huoltovarmuuskeskus' (national emergency supply agency) shares only the part 'huolto'."),
    ("lapsen huolto", ["custody_dispute"], "fi_kiinteistohuolto",
     "Property and car maintenance ('kiinteistöhuolto', 'autohuolto') share only 'huolto'."),
    ("sijaisvanhemmat", ["foster_care"], "fi_sijaisuus",
     "Teacher's substitute posts ('sijaisuudet') share only 'sijais-'."),
    ("lapsen sijoitus", ["substitute_care"], "fi_sijoitus",
     "Financial investment ('sijoitustoiminta') is another sense of 'sijoitus'."),
    ("laitoshoito", ["residential_care"], "fi_kela",
     "'Kansaneläkelaitos' (Kela) shares only 'laitos'."),
    ("trauma", ["trauma"], "fi_traumakirurgia",
     "Trauma surgery is physical injury care, another sense of 'trauma'."),
    ("vammaiset lapset", ["disability"], "fi_urheiluvamma",
     "Sports injuries ('urheiluvammat') share 'vamma' but are not disability."),
    ("kehitysvamma", ["intellectual_disability"], "fi_kehitysyhteistyo",
     "Development cooperation ('kehitysyhteistyö') shares only 'kehitys'."),
    ("harvinainen sairaus", ["rare_disease"], "fi_harvinaiset_linnut",
     "Rare birds as a hobby share only 'harvinainen'."),
    ("toiminnallinen häiriö", ["functional_disorder"], "fi_toiminnalliset_menetelmat",
     "'Toiminnalliset menetelmät' (activity-based methods) is another sense of 'toiminnallinen'."),
    ("seksuaalinen hyväksikäyttö", ["sexual_abuse"], "fi_seksuaalikasvatus",
     "School sex education shares 'seksuaali-' but is not about abuse."),
    ("jälkihuolto", ["aftercare"], "fi_jalkihoito",
     "Post-operative care ('jälkihoito') shares 'jälki-' but is not child-welfare aftercare."),
    ("vauvaperhetyö", ["infant_family"], "fi_vauvauinti",
     "Teaching baby swimming as a hobby shares only 'vauva'."),
    ("nuorten rikokset", ["youth_crime"], "fi_rikosromaanit",
     "Crime novels as a hobby share only 'rikos'."),
    ("poissaolot", ["school_absence"], "fi_vanhempainvapaa",
     "The expert's own parental leave ('poissa työelämästä') is not school absence."),
    ("väkivalta perheessä", ["domestic_violence"], "fi_vakivalta_romaanit",
     "A thesis on depictions of violence in 19th-century novels is literary research."),
    ("haastavat erot", ["separation"], "fi_tuloerot",
     "Income differences ('tuloerot') share only 'erot'."),
    ("radikalisoituminen", ["radicalisation"], "fi_radikaali_pedagogiikka",
     "'Radikaali pedagogiikka' is an educational theory, not radicalisation."),
    ("alkoholiongelma", ["substance_use"], "fi_alkoholilupa",
     "Restaurant alcohol licensing shares 'alkoholi' but is not substance-use work."),
    ("depression in adolescents", ["depression"], "en_great_depression",
     "The Great Depression of the 1930s is economic history, another sense of 'depression'."),
    ("placering av barn", ["substitute_care"], "sv_placering",
     "Investment placements in a pension fund are another sense of 'placering'."),
    ("sällsynta sjukdomar", ["rare_disease"], "sv_faglar",
     "Photographing rare birds shares only 'sällsynt'."),
    ("eftervård", ["aftercare"], "sv_eftervard",
     "Post-operative 'eftervård' in a hospital is another sense than child-welfare aftercare."),
    ("trauma therapy", ["trauma"], "en_trauma_surgery",
     "Trauma surgery is physical injury care, another sense of 'trauma'."),
    ("custody dispute", ["custody_dispute"], "en_custody_accounts",
     "Custody accounts at a bank are another sense of 'custody'."),
    ("youth crime", ["youth_crime"], "en_crime_novels",
     "Crime novels and podcasts as a hobby share only 'crime'."),
    ("foster placement", ["foster_care"], "en_work_placements",
     "Work placements for nursing students are another sense of 'placement'."),
]


# ---------------------------------------------------------------------------
# Generation
# ---------------------------------------------------------------------------

def join_list(items, lang):
    if len(items) == 1:
        return items[0]
    return ", ".join(items[:-1]) + AND[lang] + items[-1]


def capitalise(s):
    return s[0].upper() + s[1:] if s else s


def make_profiles(rng):
    langs = [lang for lang, n in LANG_SHARE.items() for _ in range(n)]
    rng.shuffle(langs)
    cids = list(C)
    used_names = set()
    profiles, units_of = [], {}
    for i, lang in enumerate(langs, start=1):
        pid = "f%04d" % i
        units = []  # (text, concepts, kind)
        chosen = []
        if rng.random() < 0.26:
            pair_cs, fi_sents = rng.choice(PAIRS)
            if lang == "fi":
                text = rng.choice(fi_sents)
            else:
                a = rng.choice(C[pair_cs[0]][lang + "_kw"])
                b = rng.choice(C[pair_cs[1]][lang + "_kw"])
                text = rng.choice(PAIR_FRAMES[lang]).format(a=a, b=b)
            units.append((text, set(pair_cs), "pair"))
            chosen.extend(pair_cs)
            n_single = rng.choice([0, 1, 1, 2])
        else:
            n_single = rng.choice([1, 1, 2, 2, 2, 3])
        singles = []
        while len(singles) < n_single:
            c = rng.choice(cids)
            if c not in chosen and c not in singles:
                singles.append(c)
        chosen.extend(singles)
        if len(singles) >= 2 and rng.random() < 0.25:
            kws = [rng.choice(C[c][lang + "_kw"]) for c in singles]
            text = rng.choice(LIST_FRAMES[lang]).format(x=join_list(kws, lang))
            units.append((text, set(singles), "list"))
        else:
            for c in singles:
                units.append((rng.choice(C[c][lang]), {c}, "concept"))
        full = closure(chosen)
        extra = []
        if rng.random() < 0.33:
            cands = sorted(k for k, (dl, _t, mimic) in DISTRACTORS.items()
                           if dl == lang and mimic not in full)
            if cands:
                k = rng.choice(cands)
                extra.append((DISTRACTORS[k][1], set(), "distractor:" + k))
        title = rng.choice(TITLES[lang])
        n_fill = rng.choice([0, 1, 1, 2, 2, 3])
        fills = rng.sample(FILLER[lang], n_fill)
        bg = background_for(lang, title)
        if bg and rng.random() < 0.4:
            fills.insert(0, rng.choice(bg))
        for f in fills:
            if len(units) + len(extra) >= 5:
                break
            extra.append((f, set(), "filler"))
        allu = units + extra
        rng.shuffle(allu)
        # professionals often open with their main line of work
        if rng.random() < 0.5:
            allu.sort(key=lambda u: 0 if u[1] else 1)
        description = " ".join(u[0] for u in allu)
        if lang == "fi":
            firsts, lasts = FI_FIRST, FI_LAST
        elif lang == "sv":
            firsts, lasts = SV_FIRST, SV_LAST
        else:
            firsts, lasts = EN_FIRST, EN_LAST
        while True:
            name = rng.choice(firsts) + " " + rng.choice(lasts)
            if name not in used_names:
                break
            # allow a middle initial to keep names unique
            name = name.split(" ")[0] + " " + chr(ord("A") + rng.randrange(26)) + ". " + name.split(" ")[1]
            if name not in used_names:
                break
        used_names.add(name)
        if lang == "fi":
            title = capitalise(title) if rng.random() < 0.5 else title
        profiles.append({
            "id": pid,
            "name": name,
            "title": title,
            "organisation": rng.choice(ORGS[lang]),
            "language": lang,
            "description": description,
            "concepts": sorted(full),
        })
        units_of[pid] = allu
    return profiles, units_of


def relevant_ids(profiles, rel):
    need = set(rel)
    return [p["id"] for p in profiles if need <= set(p["concepts"])]


def pick_must_find(rng, profiles, units_of, used):
    out = []
    for q, rel, lang, avoid, reason in MUST_FIND:
        cands = []
        for p in profiles:
            if p["language"] != lang or p["id"] in used:
                continue
            if not set(rel) <= set(p["concepts"]):
                continue
            hay = (p["description"] + " " + p["title"] + " " + p["organisation"]).lower()
            if any(a.lower() in hay for a in avoid):
                continue
            cands.append(p)
        assert cands, "no must_find candidate for %r" % q
        p = rng.choice(cands)
        used.add(p["id"])
        sent = next(u[0] for u in units_of[p["id"]] if set(rel) <= closure(u[1]))
        out.append({"q": q, "profile": p,
                    "why": "%s The profile says: \u201c%s\u201d" % (reason, sent)})
    return out


FORBIDDEN_STEM = {'fi_huoltovarmuus': 'huolto', 'fi_kiinteistohuolto': 'huolto', 'fi_sijaisuus': 'sijais', 'fi_sijoitus': 'sijoit', 'fi_kela': 'laitos', 'fi_traumakirurgia': 'trauma', 'fi_urheiluvamma': 'vamma', 'fi_kehitysyhteistyo': 'kehitys', 'fi_harvinaiset_linnut': 'harvinai', 'fi_toiminnalliset_menetelmat': 'toiminnalli', 'fi_seksuaalikasvatus': 'seksuaali', 'fi_jalkihoito': 'jälki', 'fi_vauvauinti': 'vauva', 'fi_rikosromaanit': 'rikos', 'fi_vanhempainvapaa': 'poissa', 'fi_vakivalta_romaanit': 'väkival', 'fi_tuloerot': 'erot', 'fi_radikaali_pedagogiikka': 'radikal', 'fi_alkoholilupa': 'alkoholi', 'en_great_depression': 'depression', 'sv_placering': 'placering', 'sv_faglar': 'sällsynt', 'sv_eftervard': 'eftervård', 'en_trauma_surgery': 'trauma', 'en_custody_accounts': 'custody', 'en_crime_novels': 'crime', 'en_work_placements': 'placement'}


def pick_forbidden(rng, profiles, units_of, used):
    out = []
    for q, rel, key, reason in FORBIDDEN:
        text = DISTRACTORS[key][1]
        stem = FORBIDDEN_STEM[key]
        cands = [p for p in profiles
                 if p["id"] not in used and text in p["description"]
                 and not set(rel) & set(p["concepts"])
                 and stem not in p["description"].replace(text, "").lower()]
        assert cands, "no forbidden candidate for %r" % q
        p = rng.choice(cands)
        used.add(p["id"])
        concepts = ", ".join(p["concepts"]) if p["concepts"] else "none"
        out.append({"q": q, "profile": p,
                    "why": "%s The only overlap is \u201c%s\u201d; the profile's concepts are: %s." % (
                        reason, text, concepts)})
    return out


def self_check(profiles, queries, forbidden, must_find):
    ids = [p["id"] for p in profiles]
    assert len(ids) == N_PROFILES and len(set(ids)) == len(ids), "profile ids"
    by_id = {p["id"]: p for p in profiles}
    for p in profiles:
        assert p["language"] in ("fi", "sv", "en")
        assert p["concepts"] == sorted(closure(p["concepts"])), p["id"]
        assert all(c in C for c in p["concepts"])
    assert len(queries) >= 110
    cat_count = {c: 0 for c in CATEGORIES}
    for q in queries:
        cat_count[q["category"]] += 1
        rel = relevant_ids(profiles, q["relevant"])
        assert len(rel) >= MIN_RELEVANT, (q["q"], len(rel))
        if q["category"] in ("swedish", "english"):
            fi_rel = [r for r in rel if by_id[r]["language"] == "fi"]
            assert len(fi_rel) >= MIN_RELEVANT // 2, (q["q"], len(fi_rel))
        if q["category"] == "typo":
            assert any(len(w) >= 5 for w in q["q"].split()), q["q"]
    assert all(v >= 10 for v in cat_count.values()), cat_count
    assert len(set(q["q"] for q in queries)) == len(queries), "duplicate query"
    assert len(forbidden) >= 15 and len(must_find) >= 15
    for f in forbidden:
        p = f["profile"]
        assert by_id[p["id"]] == p
        rel = next(x[1] for x in FORBIDDEN if x[0] == f["q"])
        assert not set(rel) & set(p["concepts"]), f["q"]
    for m in must_find:
        p = m["profile"]
        assert by_id[p["id"]] == p
        rel = next(x[1] for x in MUST_FIND if x[0] == m["q"])
        assert set(rel) <= set(p["concepts"]), m["q"]
    # the pairs' profiles are distinct
    pids = [x["profile"]["id"] for x in forbidden + must_find]
    assert len(set(pids)) == len(pids)
    return cat_count


def dump(path, obj):
    with open(path, "w", encoding="utf-8", newline="\n") as f:
        json.dump(obj, f, ensure_ascii=False, indent=1)
        f.write("\n")


def readme(profiles, queries, forbidden, must_find, cat_count):
    lang_count = {l: sum(1 for p in profiles if p["language"] == l) for l in ("fi", "sv", "en")}
    L = []
    w = L.append
    w("# search-fresh — an outside test collection for expert search")
    w("")
    w("Generated by `scripts/search-collection/fresh.py` (Python 3, standard library only,")
    w("seed **%d**). Re-running the script rewrites these files byte for byte." % SEED)
    w("")
    w("## How it was written")
    w("")
    w("Written by a helper session that never saw the search engine. It read only:")
    w("`/work/shared/DESIGN.md`, `/work/shared/DOMAIN-FACTS.md` and the five Finnish seed")
    w("documents in `/work/shared/seeds/` (the Itä- ja Keski-Suomi OT pilot poster and")
    w("project page, the POSOTE20 news item, the Etelä-Suomi/Socca OT presentation and the")
    w("2021 OT webinar slides). It did not open the project's `src/`, `tests/`, `examples/`,")
    w("`benches/`, other `testdata/` collections, README/ARCHITECTURE/BENCHMARKS or git history,")
    w("and it did not run the engine. (By accident it saw the *names* of the sibling")
    w("directories under `testdata/` and `scripts/` in one `ls`; no file in them was opened.)")
    w("")
    w("The concept list comes from the phenomena the seeds name (demanding custody disputes")
    w("and separations, lähisuhdeväkivalta, suspected violence against children / Barnahus,")
    w("child protection × psychiatry joint clients, complex neuropsychiatric situations, rare")
    w("diseases, functional disorders, demanding substitute care and integrated institutional")
    w("care, demanding school support, IPC / Cool Kids / MDFT) plus neighbouring phenomena that")
    w("such centres work with. All sentences were written by hand for this collection in Finnish,")
    w("Finland-Swedish and English; the script only combines them.")
    w("")
    w("## How a profile is built")
    w("")
    w("* Language drawn from a shuffled pool: %d fi, %d sv, %d en (70 / 18 / 12 %%)." % (
        lang_count["fi"], lang_count["sv"], lang_count["en"]))
    w("* 26 % of profiles get one hand-written sentence joining two concepts (17 pairs; in")
    w("  Swedish/English the pair sentence is built from keyword phrases).")
    w("* 1–3 further concepts, each expressed by one sentence template (at least 8 Finnish,")
    w("  4 Swedish, 4 English per concept: inflected forms, compounds, split and hyphenated forms,")
    w("  derived words, abbreviations such as MASTER, MARAK, EHJO, HOJKS, IPC, MDFT, nepsy, and lay")
    w("  descriptions without the term) — or, in a quarter of the cases, all of them in one")
    w("  CV-style list (\"Osaamisalueet: a, b ja c.\").")
    w("* 0–3 filler sentences (training, places, languages, hobbies; a training sentence, when")
    w("  present, fits the title) and, in a third of profiles,")
    w("  one distractor sentence that shares a word part or another sense with a concept word")
    w("  (Huoltovarmuuskeskus, sijoitustoiminta, traumakirurgia, toiminnalliset menetelmät …).")
    w("  A distractor is only used when the profile lacks the concept it imitates.")
    w("  Fillers and distractors carry no concept.")
    w("* At most 5 sentences; order shuffled (half the time the concept sentences come first).")
    w("* `concepts` = union of the concepts of the sentences, closed upwards over the hierarchy.")
    w("* Titles and organisations are drawn independently of the concepts and never name one.")
    w("* Negated concept sentences are avoided altogether (no \"en tee huostaanottoja\").")
    w("")
    w("## Files")
    w("")
    w("* `profiles.json` — array of %d objects `{id, name, title, organisation, language," % len(profiles))
    w("  description, concepts}`; ids `f0001`…`f%04d`." % len(profiles))
    w("* `queries.json` — array of %d `{q, category, relevant}`. `relevant` is a list of concept" % len(queries))
    w("  ids; the relevant profiles of a query are **every profile whose `concepts` include all")
    w("  of them**. Every query has at least %d relevant profiles; Swedish and English queries" % MIN_RELEVANT)
    w("  have at least %d Finnish-written relevant profiles." % (MIN_RELEVANT // 2))
    w("* `forbidden.json` — %d `{q, profile, why}`: the profile must NOT be returned for `q`." % len(forbidden))
    w("  It shares only a word part or another sense with the query and has none of the")
    w("  query's concepts.")
    w("* `must_find.json` — %d `{q, profile, why}`: the profile must be returned for `q`." % len(must_find))
    w("  It has the query's concepts but says it in other words, another language or via a")
    w("  narrower concept (the script checks the listed query stems are absent).")
    w("* The profiles inside forbidden/must_find are identical copies of entries in `profiles.json`.")
    w("")
    w("## Counts")
    w("")
    w("| language | profiles |")
    w("|---|---|")
    for l in ("fi", "sv", "en"):
        w("| %s | %d |" % (l, lang_count[l]))
    w("")
    w("| query category | queries |")
    w("|---|---|")
    for c in CATEGORIES:
        w("| %s | %d |" % (c, cat_count[c]))
    w("| **total** | %d |" % len(queries))
    w("")
    rel_sizes = sorted(len(relevant_ids(profiles, q["relevant"])) for q in queries)
    w("Relevant profiles per query: min %d, median %d, max %d." % (
        rel_sizes[0], rel_sizes[len(rel_sizes) // 2], rel_sizes[-1]))
    w("")
    w("## Concepts (%d)" % len(C))
    w("")
    w("Counts are after upward closure: profiles (of which Finnish-written).")
    w("")
    w("| id | Finnish | meaning | profiles | of which fi |")
    w("|---|---|---|---|---|")
    for cid, c in C.items():
        n = sum(1 for p in profiles if cid in p["concepts"])
        nf = sum(1 for p in profiles if cid in p["concepts"] and p["language"] == "fi")
        w("| `%s` | %s | %s | %d | %d |" % (cid, c["fi_label"], c["meaning"], n, nf))
    w("")
    w("## Hierarchy (narrower → broader, %d links)" % len(PARENT))
    w("")
    w("A link is drawn only where the narrower thing is by definition a kind of the broader.")
    w("")
    for cid, (par, why) in PARENT.items():
        w("* `%s` → `%s` — %s" % (cid, par, why))
    w("")
    w("Deliberately **not** linked:")
    w("")
    for a, b, why in NOT_LINKED:
        w("* `%s` ↛ `%s` — %s." % (a, b, why))
    w("")
    w("## Caveats")
    w("")
    w("* Relevance is binary and concept-based. A query such as \"anxiety in children\" counts every")
    w("  anxiety profile as relevant, whether it is about children or adolescents. Broad concepts")
    w("  (`child_protection`, `substance_use`, `mental_disorder`, `neuropsychiatric`, `disability`,")
    w("  `violence_against_child`, `immigrant_background`) also collect all profiles of their")
    w("  narrower concepts, so a profile about \"sijaisperheet\" is relevant to \"lastensuojelu\".")
    w("* Two-concept queries are relevant only where one profile carries both concepts; most such")
    w("  profiles come from the 17 pair sentences, some from random co-occurrence.")
    w("* Boundaries that a reader could draw differently: `domestic_violence` means violence between")
    w("  adults in close relationships and children exposed to it, while violence aimed at the child")
    w("  is `violence_against_child`; \"lasten kaltoinkohtelu\" (synonym query) is mapped to")
    w("  `violence_against_child` although in Finnish it also covers neglect; `school_support`")
    w("  includes hospital-school teaching; `trauma` covers trauma-informed work, not only PTSD.")
    w("* Some words occur in both a concept sentence and elsewhere (\"väkivallaton rajaaminen\" in a")
    w("  residential-care sentence, \"perheterapia\" in trauma/MDFT sentences, \"neuropsykologinen\"")
    w("  in a learning-difficulties sentence). These are intended: they are further traps for")
    w("  engines that match on word parts.")
    w("* The Swedish and English sentences were written by a non-native author; they aim to be")
    w("  what a Finland-Swedish or English-writing professional in Finland would write, but may")
    w("  read slightly translated.")
    w("* The typo queries contain exactly one typo each; \"lahisuhdeväkivalta\" and \"syomishäiriö\"")
    w("  keep the other umlauts on purpose.")
    w("* The profiles are synthetic: names, titles and organisations are random and do not")
    w("  describe real people.")
    return "\n".join(L) + "\n"


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    out = sys.argv[1] if len(sys.argv) > 1 else os.path.normpath(
        os.path.join(here, "..", "..", "testdata", "search-fresh"))
    rng = random.Random(SEED)
    profiles, units_of = make_profiles(rng)
    queries = [{"q": q, "category": cat, "relevant": sorted(rel)} for q, cat, rel in QUERIES]
    used = set()
    must_find = pick_must_find(rng, profiles, units_of, used)
    forbidden = pick_forbidden(rng, profiles, units_of, used)
    cat_count = self_check(profiles, queries, forbidden, must_find)
    os.makedirs(out, exist_ok=True)
    dump(os.path.join(out, "profiles.json"), profiles)
    dump(os.path.join(out, "queries.json"), queries)
    dump(os.path.join(out, "forbidden.json"), forbidden)
    dump(os.path.join(out, "must_find.json"), must_find)
    with open(os.path.join(out, "README.md"), "w", encoding="utf-8", newline="\n") as f:
        f.write(readme(profiles, queries, forbidden, must_find, cat_count))
    print("wrote %d profiles, %d queries, %d forbidden, %d must_find to %s" % (
        len(profiles), len(queries), len(forbidden), len(must_find), out))


if __name__ == "__main__":
    main()
