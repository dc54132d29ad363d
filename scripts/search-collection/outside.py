#!/usr/bin/env python3
"""Outside test collection for the expert search.

Written by a helper session that did NOT see the search engine, its thesaurus
or the first test collection. Only the domain documents (shared/seeds,
DOMAIN-FACTS.md, DESIGN.md) were read. The phrasings below are the author's own
idea of how Finnish, Swedish and English-speaking professionals describe their
competence.

Run from the repository root:

    python3 scripts/search-collection/outside.py

Writes testdata/search-outside/{profiles,queries,forbidden,must_find}.json and
README.md. Standard library only; deterministic (fixed seed).
"""

import json
import os
import random
import sys
from collections import Counter

SEED = 20261205
N_PROFILES = 1500
OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..",
                   "testdata", "search-outside")

# ---------------------------------------------------------------------------
# Concepts
#
# Finnish noun phrases are written "nom|gen|ela|ill|ine|par" ("-" = the form
# does not fit naturally). A leading "!" marks a phrase that must not be used
# in "prevention / recognition" frames (it names a service or a method, not a
# problem).
#
# "parent": an umbrella concept that the child implies. A profile about
# autism is also about neuropsychiatric disorders; a profile about a state
# reform school (koulukoti) is also about residential child care; a profile
# about gangs is also about youth crime; a profile about a youth's or a
# parent's substance use is also about substance abuse.
# ---------------------------------------------------------------------------

CONCEPTS = {}


def concept(cid, *, weight, problem, fi_np, fi_s, sv_np, sv_s, en_np, en_s,
            parent=None, titles=(), orgs=(), affinity=()):
    CONCEPTS[cid] = dict(id=cid, weight=weight, problem=problem, fi_np=fi_np,
                         fi_s=fi_s, sv_np=sv_np, sv_s=sv_s, en_np=en_np,
                         en_s=en_s, parent=parent, titles=list(titles),
                         orgs=list(orgs), affinity=list(affinity))


concept(
    "custody-dispute", weight=6, problem=True,
    affinity=["domestic-violence", "parental-mental-health", "trauma",
              "child-protection-notification"],
    titles=["lastenvalvoja", "perheasioiden sovittelija"],
    fi_np=[
        "huoltoriidat|huoltoriitojen|huoltoriidoista|huoltoriitoihin|huoltoriidoissa|huoltoriitoja",
        "vaativat huoltoriidat|vaativien huoltoriitojen|vaativista huoltoriidoista|vaativiin huoltoriitoihin|vaativissa huoltoriidoissa|vaativia huoltoriitoja",
        "huoltajuuskiistat|huoltajuuskiistojen|huoltajuuskiistoista|huoltajuuskiistoihin|huoltajuuskiistoissa|huoltajuuskiistoja",
        "haastavat erot|haastavien erojen|haastavista eroista|haastaviin eroihin|haastavissa eroissa|haastavia eroja",
        "riitaisat erotilanteet|riitaisten erotilanteiden|riitaisista erotilanteista|riitaisiin erotilanteisiin|riitaisissa erotilanteissa|riitaisia erotilanteita",
        "konfliktoituneet erot|konfliktoituneiden erojen|konfliktoituneista eroista|konfliktoituneisiin eroihin|konfliktoituneissa eroissa|konfliktoituneita eroja",
        "huolto- ja tapaamisriidat|huolto- ja tapaamisriitojen|huolto- ja tapaamisriidoista|huolto- ja tapaamisriitoihin|huolto- ja tapaamisriidoissa|huolto- ja tapaamisriitoja",
        "huoltajuus riidat|huoltajuus riitojen|huoltajuus riidoista|huoltajuus riitoihin|huoltajuus riidoissa|huoltajuus riitoja",
        "huoltajuusriita|huoltajuusriidan|huoltajuusriidasta|huoltajuusriitaan|huoltajuusriidassa|huoltajuusriitaa",
        "!vaativa eroauttaminen|vaativan eroauttamisen|vaativasta eroauttamisesta|vaativaan eroauttamiseen|vaativassa eroauttamisessa|vaativaa eroauttamista",
        "!olosuhdeselvitykset|olosuhdeselvitysten|olosuhdeselvityksistä|olosuhdeselvityksiin|olosuhdeselvityksissä|olosuhdeselvityksiä",
        "eroriidat|eroriitojen|eroriidoista|eroriitoihin|eroriidoissa|eroriitoja",
    ],
    fi_s=[
        "Autan perheitä, joissa vanhemmat kiistelevät lapsen asumisesta ja tapaamisista.",
        "Teen olosuhdeselvityksiä käräjäoikeuden pyynnöstä, kun vanhemmat eivät pääse sopuun lapsen huollosta.",
        "Työskentelen eroperheiden kanssa, joissa riita lapsista on pitkittynyt vuosien mittaiseksi.",
        "Olen toiminut asiantuntijana tilanteissa, joissa ero on kärjistynyt oikeudenkäynneiksi lapsen huollosta.",
        "Tunnen hyvin lapsen näkökulman, kun vanhemmat riitelevät huoltajuudesta.",
        "Olen Haastavat erot -konsultaatioryhmän jäsen.",
        "Lapsen tapaamisoikeuteen liittyvät kiistat ja valvotut tapaamiset ovat arkeani.",
        "Minua kiinnostavat erityisesti erot, joissa toinen vanhempi vieraannuttaa lasta toisesta vanhemmasta.",
        "Huolto- ja tapaamissopimuksista riitelevät vanhemmat ohjautuvat usein minulle.",
        "Käräjäoikeuden huoltajuusasiat ja niiden vaikutus lapseen ovat tutkimusaiheeni.",
        "Olen kouluttautunut tuomioistuinsovitteluun lapsen huoltoa ja asumista koskevissa kiistoissa.",
    ],
    sv_np=["vårdnadstvister", "svåra separationer", "konfliktfyllda skilsmässor",
           "tvister om vårdnad och umgänge", "höggradigt konfliktfyllda separationer",
           "vårdnadskonflikter"],
    sv_s=["Jag stöder familjer där föräldrarna tvistar om barnets boende och umgänge.",
          "Jag gör utredningar för tingsrätten i vårdnadsärenden.",
          "Jag har lång erfarenhet av separationer som har hamnat i domstol."],
    en_np=["custody disputes", "high-conflict divorces", "contested custody cases",
           "child custody conflicts", "high-conflict separations",
           "disputes over contact and residence"],
    en_s=["I help families where the parents are fighting over where the child lives.",
          "I write family court reports in disputed custody cases.",
          "Much of my work is with separated parents who cannot agree on contact arrangements."],
)

concept(
    "domestic-violence", weight=6, problem=True,
    affinity=["custody-dispute", "trauma", "child-protection-notification",
              "immigrant-families", "honour-violence"],
    titles=["väkivaltatyön asiantuntija"],
    orgs=["Turvakoti Majakka", "Väkivallasta vapaaksi ry"],
    fi_np=[
        "lähisuhdeväkivalta|lähisuhdeväkivallan|lähisuhdeväkivallasta|lähisuhdeväkivaltaan|-|lähisuhdeväkivaltaa",
        "perheväkivalta|perheväkivallan|perheväkivallasta|perheväkivaltaan|-|perheväkivaltaa",
        "parisuhdeväkivalta|parisuhdeväkivallan|parisuhdeväkivallasta|parisuhdeväkivaltaan|-|parisuhdeväkivaltaa",
        "lähisuhteissa tapahtuva väkivalta|lähisuhteissa tapahtuvan väkivallan|lähisuhteissa tapahtuvasta väkivallasta|lähisuhteissa tapahtuvaan väkivaltaan|-|lähisuhteissa tapahtuvaa väkivaltaa",
        "eroväkivalta|eroväkivallan|eroväkivallasta|eroväkivaltaan|-|eroväkivaltaa",
        "kotona tapahtuva väkivalta|kotona tapahtuvan väkivallan|kotona tapahtuvasta väkivallasta|kotona tapahtuvaan väkivaltaan|-|kotona tapahtuvaa väkivaltaa",
        "lähisuhde väkivalta|lähisuhde väkivallan|lähisuhde väkivallasta|lähisuhde väkivaltaan|-|lähisuhde väkivaltaa",
        "kumppaniväkivalta|kumppaniväkivallan|kumppaniväkivallasta|kumppaniväkivaltaan|-|kumppaniväkivaltaa",
        "väkivaltaiset parisuhteet|väkivaltaisten parisuhteiden|väkivaltaisista parisuhteista|väkivaltaisiin parisuhteisiin|väkivaltaisissa parisuhteissa|väkivaltaisia parisuhteita",
    ],
    fi_s=[
        "Työskentelen turvakodissa äitien ja lasten kanssa, jotka ovat paenneet väkivaltaista kumppania.",
        "Teen työtä väkivaltaa käyttävien miesten kanssa ja autan heitä lopettamaan väkivallan.",
        "Tuen lapsia, jotka ovat nähneet vanhempien välistä väkivaltaa kotona.",
        "Teen MARAK-riskinarviointeja vakavaa parisuhdeväkivaltaa kokeneille.",
        "Autan perheitä, joissa isä on lyönyt äitiä tai uhannut tätä.",
        "Väkivaltaisissa parisuhteissa elävien naisten ja heidän lastensa tukeminen on työni ydintä.",
        "Olen ohjannut väkivallan katkaisuohjelmaa vuodesta {year}.",
        "Perheissä tapahtuvan väkivallan puheeksiotto on minulle arkipäivää.",
        "Kohtaan paljon lapsia, jotka ovat joutuneet todistamaan väkivaltaa kotonaan.",
        "Lähisuhteissaan väkivaltaa kokeneiden naisten tukeminen on osa työtäni.",
    ],
    sv_np=["våld i nära relationer", "familjevåld", "partnervåld", "våld i hemmet", "relationsvåld"],
    sv_s=["Jag arbetar på ett skyddshem med mammor och barn som har flytt från våld.",
          "Jag leder behandlingsgrupper för män som utövar våld mot sin partner.",
          "Jag stöder barn som har bevittnat våld mellan föräldrarna."],
    en_np=["domestic violence", "intimate partner violence", "family violence",
           "domestic abuse", "violence in close relationships"],
    en_s=["I work at a women's shelter with mothers and children who have fled violence.",
          "I run a programme for men who use violence against their partners.",
          "I support children who have witnessed violence between their parents."],
)

concept(
    "child-sexual-abuse", weight=4, problem=True,
    affinity=["trauma", "domestic-violence", "disability", "child-protection-notification"],
    titles=["oikeuspsykologi"],
    fi_np=[
        "lapsen seksuaalinen hyväksikäyttö|lapsen seksuaalisen hyväksikäytön|lapsen seksuaalisesta hyväksikäytöstä|lapsen seksuaaliseen hyväksikäyttöön|-|lapsen seksuaalista hyväksikäyttöä",
        "seksuaalinen hyväksikäyttö|seksuaalisen hyväksikäytön|seksuaalisesta hyväksikäytöstä|seksuaaliseen hyväksikäyttöön|-|seksuaalista hyväksikäyttöä",
        "lapsiin kohdistuva seksuaalinen väkivalta|lapsiin kohdistuvan seksuaalisen väkivallan|lapsiin kohdistuvasta seksuaalisesta väkivallasta|lapsiin kohdistuvaan seksuaaliseen väkivaltaan|-|lapsiin kohdistuvaa seksuaalista väkivaltaa",
        "seksuaalirikosepäilyt|seksuaalirikosepäilyjen|seksuaalirikosepäilyistä|seksuaalirikosepäilyihin|seksuaalirikosepäilyissä|seksuaalirikosepäilyjä",
        "hyväksikäyttöepäilyt|hyväksikäyttöepäilyjen|hyväksikäyttöepäilyistä|hyväksikäyttöepäilyihin|hyväksikäyttöepäilyissä|hyväksikäyttöepäilyjä",
        "insesti|insestin|insestistä|insestiin|-|insestiä",
        "lapsiin kohdistuvat seksuaalirikokset|lapsiin kohdistuvien seksuaalirikosten|lapsiin kohdistuvista seksuaalirikoksista|lapsiin kohdistuviin seksuaalirikoksiin|lapsiin kohdistuvissa seksuaalirikoksissa|lapsiin kohdistuvia seksuaalirikoksia",
        "seksuaalinen hyväksi käyttö|seksuaalisen hyväksi käytön|seksuaalisesta hyväksi käytöstä|seksuaaliseen hyväksi käyttöön|-|seksuaalista hyväksi käyttöä",
        "lasten seksuaalinen kaltoinkohtelu|lasten seksuaalisen kaltoinkohtelun|lasten seksuaalisesta kaltoinkohtelusta|lasten seksuaaliseen kaltoinkohteluun|-|lasten seksuaalista kaltoinkohtelua",
    ],
    fi_s=[
        "Haastattelen lapsia oikeuspsykologisesti, kun epäillään seksuaalirikosta.",
        "Hoidan lapsia ja nuoria, joita on käytetty seksuaalisesti hyväksi.",
        "Työskentelen Barnahus-mallissa seksuaalista väkivaltaa kokeneiden lasten kanssa.",
        "Tuen perheitä sen jälkeen, kun lapsen hyväksikäyttö on tullut ilmi.",
        "Arvioin tilanteita, joissa aikuisen epäillään koskeneen lapseen seksuaalisesti.",
        "Olen perehtynyt seksuaalisesti hyväksikäytettyjen nuorten terapiaan.",
        "Teen työtä nuorten kanssa, jotka ovat syyllistyneet seksuaalisiin tekoihin nuorempia lapsia kohtaan.",
        "Pitkä kokemukseni lasten seksuaalisen kaltoinkohtelun selvittämisestä on käytettävissänne.",
    ],
    sv_np=["sexuella övergrepp mot barn", "sexuellt våld mot barn",
           "misstänkta sexualbrott mot barn", "incest", "sexuella övergrepp"],
    sv_s=["Jag gör forensiska intervjuer med barn när man misstänker sexuella övergrepp.",
          "Jag ger terapi åt unga som har utsatts för sexuella övergrepp."],
    en_np=["child sexual abuse", "sexual abuse of children",
           "suspected sexual offences against children", "incest",
           "sexual violence against children"],
    en_s=["I conduct forensic interviews of children when sexual abuse is suspected.",
          "I provide therapy for young people who have been sexually abused."],
)

concept(
    "substance-abuse", weight=3, problem=True,
    affinity=["youth-crime", "psychosis", "parental-mental-health"],
    titles=["päihdetyöntekijä", "päihdesairaanhoitaja"],
    orgs=["Päihdepalvelut Selkeys"],
    fi_np=[
        "päihteet|päihteiden|päihteistä|päihteisiin|-|-",
        "päihteiden käyttö|päihteiden käytön|päihteiden käytöstä|päihteiden käyttöön|-|päihteiden käyttöä",
        "päihteidenkäyttö|päihteidenkäytön|päihteidenkäytöstä|päihteidenkäyttöön|-|päihteidenkäyttöä",
        "päihdeongelmat|päihdeongelmien|päihdeongelmista|päihdeongelmiin|-|päihdeongelmia",
        "päihde ongelmat|päihde ongelmien|päihde ongelmista|päihde ongelmiin|-|päihde ongelmia",
        "huumeiden käyttö|huumeiden käytön|huumeiden käytöstä|huumeiden käyttöön|-|huumeiden käyttöä",
        "alkoholiongelmat|alkoholiongelmien|alkoholiongelmista|alkoholiongelmiin|-|alkoholiongelmia",
        "päihde- ja riippuvuusongelmat|päihde- ja riippuvuusongelmien|päihde- ja riippuvuusongelmista|päihde- ja riippuvuusongelmiin|-|päihde- ja riippuvuusongelmia",
        "!päihdekuntoutus|päihdekuntoutuksen|päihdekuntoutuksesta|päihdekuntoutukseen|päihdekuntoutuksessa|päihdekuntoutusta",
        "päihteiden ongelmakäyttö|päihteiden ongelmakäytön|päihteiden ongelmakäytöstä|päihteiden ongelmakäyttöön|-|päihteiden ongelmakäyttöä",
    ],
    fi_s=[
        "Olen työskennellyt A-klinikalla {n} vuotta.",
        "Autan perheitä, joissa joku perheenjäsen on päihdeongelmainen.",
        "Päihteet ja niiden vaikutus perheen arkeen ovat erityisosaamistani.",
        "Teen päihdetyötä perheiden kanssa avohuollossa.",
        "Huumausaineiden ja alkoholin väärinkäyttö on kulkenut mukana koko työurani.",
    ],
    sv_np=["missbruk", "missbruksproblem", "alkohol- och drogproblem", "substansbruk"],
    sv_s=["Jag arbetar med familjer där någon har ett missbruk."],
    en_np=["substance abuse", "substance use problems", "drug and alcohol problems", "addiction to drugs"],
    en_s=["I work with families where someone has a drug or alcohol problem."],
)

concept(
    "youth-substance-use", parent="substance-abuse", weight=4, problem=True,
    affinity=["youth-crime", "adhd", "self-harm", "psychosis", "gang-involvement"],
    orgs=["Nuorisoasema Reitti"],
    fi_np=[
        "nuorten päihteidenkäyttö|nuorten päihteidenkäytön|nuorten päihteidenkäytöstä|nuorten päihteidenkäyttöön|-|nuorten päihteidenkäyttöä",
        "nuorten päihteiden käyttö|nuorten päihteiden käytön|nuorten päihteiden käytöstä|nuorten päihteiden käyttöön|-|nuorten päihteiden käyttöä",
        "nuorten huumeiden käyttö|nuorten huumeiden käytön|nuorten huumeiden käytöstä|nuorten huumeiden käyttöön|-|nuorten huumeiden käyttöä",
        "alaikäisten alkoholinkäyttö|alaikäisten alkoholinkäytön|alaikäisten alkoholinkäytöstä|alaikäisten alkoholinkäyttöön|-|alaikäisten alkoholinkäyttöä",
        "nuorten kannabiksen käyttö|nuorten kannabiksen käytön|nuorten kannabiksen käytöstä|nuorten kannabiksen käyttöön|-|nuorten kannabiksen käyttöä",
        "nuorten päihdeongelmat|nuorten päihdeongelmien|nuorten päihdeongelmista|nuorten päihdeongelmiin|-|nuorten päihdeongelmia",
        "nuorten päihde ongelmat|nuorten päihde ongelmien|nuorten päihde ongelmista|nuorten päihde ongelmiin|-|nuorten päihde ongelmia",
        "nuorten huumekokeilut|nuorten huumekokeilujen|nuorten huumekokeiluista|nuorten huumekokeiluihin|-|nuorten huumekokeiluja",
        "päihteitä käyttävät nuoret|päihteitä käyttävien nuorten|päihteitä käyttävistä nuorista|päihteitä käyttäviin nuoriin|-|päihteitä käyttäviä nuoria",
    ],
    fi_s=[
        "Teen työtä nuorten kanssa, jotka käyttävät huumeita tai kokeilevat niitä.",
        "Olen työskennellyt nuorisoasemalla {n} vuotta.",
        "Käytän MDFT-menetelmää, kun nuorella on päihteiden ongelmakäyttöä.",
        "Kännissä tai pilvessä kouluun tulevat nuoret ovat minulle tuttuja.",
        "Tunnistan nuorten kannabiskokeilut ja niiden riskit.",
        "Olen erikoistunut nuorten riippuvuuksiin, erityisesti huumausaineisiin.",
        "Päihteitä käyttävät yläkouluikäiset ja heidän perheensä ovat asiakkaitani.",
        "Teen nuorisopsykiatrian poliklinikalla päihdetyötä alaikäisten kanssa.",
    ],
    sv_np=["ungas droganvändning", "missbruk bland unga", "ungdomars alkohol- och drogbruk"],
    sv_s=["Jag arbetar med unga som använder droger eller alkohol."],
    en_np=["adolescent substance use", "teenage drug use", "youth substance misuse"],
    en_s=["I work with teenagers who use drugs or alcohol."],
)

concept(
    "parental-substance-use", parent="substance-abuse", weight=4, problem=True,
    affinity=["parental-mental-health", "child-protection-notification", "foster-care",
              "domestic-violence"],
    fi_np=[
        "vanhempien päihdeongelmat|vanhempien päihdeongelmien|vanhempien päihdeongelmista|vanhempien päihdeongelmiin|-|vanhempien päihdeongelmia",
        "vanhempien päihteidenkäyttö|vanhempien päihteidenkäytön|vanhempien päihteidenkäytöstä|vanhempien päihteidenkäyttöön|-|vanhempien päihteidenkäyttöä",
        "vanhemman alkoholiongelma|vanhemman alkoholiongelman|vanhemman alkoholiongelmasta|vanhemman alkoholiongelmaan|-|vanhemman alkoholiongelmaa",
        "päihdeperheet|päihdeperheiden|päihdeperheistä|päihdeperheisiin|päihdeperheissä|päihdeperheitä",
        "raskaudenaikainen päihteidenkäyttö|raskaudenaikaisen päihteidenkäytön|raskaudenaikaisesta päihteidenkäytöstä|raskaudenaikaiseen päihteidenkäyttöön|-|raskaudenaikaista päihteidenkäyttöä",
        "päihdeongelmaiset vanhemmat|päihdeongelmaisten vanhempien|päihdeongelmaisista vanhemmista|päihdeongelmaisiin vanhempiin|-|päihdeongelmaisia vanhempia",
        "vanhempien alkoholinkäyttö|vanhempien alkoholinkäytön|vanhempien alkoholinkäytöstä|vanhempien alkoholinkäyttöön|-|vanhempien alkoholinkäyttöä",
    ],
    fi_s=[
        "Tuen lapsia, joiden äiti tai isä juo liikaa.",
        "Päihdeongelmaisten vanhempien lasten tukeminen on sydäntäni lähellä.",
        "Hoidan raskaana olevia naisia, jotka käyttävät päihteitä.",
        "Alkoholisoituneiden vanhempien lapset ovat erityinen kohderyhmäni.",
        "Monessa perheessä, jonka kanssa työskentelen, vanhemman juominen tai lääkkeiden väärinkäyttö varjostaa arkea.",
        "Teen perhetyötä vauvaperheissä, joissa äiti on opioidikorvaushoidossa.",
    ],
    sv_np=["föräldrars missbruk", "missbruk hos föräldrar", "barn i familjer med missbruk"],
    sv_s=["Jag stöder barn vars föräldrar dricker för mycket."],
    en_np=["parental substance misuse", "parents with drug or alcohol problems",
           "children of alcoholic parents"],
    en_s=["I support children whose parents have a drinking problem."],
)

concept(
    "school-absence", weight=5, problem=True,
    affinity=["autism", "youth-depression", "gaming-addiction", "bullying",
              "learning-difficulties"],
    fi_np=[
        "koulupoissaolot|koulupoissaolojen|koulupoissaoloista|koulupoissaoloihin|-|koulupoissaoloja",
        "koulupoissaolo|koulupoissaolon|koulupoissaolosta|koulupoissaoloon|-|koulupoissaoloa",
        "ongelmallinen koulupoissaolo|ongelmallisen koulupoissaolon|ongelmallisesta koulupoissaolosta|ongelmalliseen koulupoissaoloon|-|ongelmallista koulupoissaoloa",
        "koulusta kieltäytyminen|koulusta kieltäytymisen|koulusta kieltäytymisestä|koulusta kieltäytymiseen|-|koulusta kieltäytymistä",
        "koulukieltäytyminen|koulukieltäytymisen|koulukieltäytymisestä|koulukieltäytymiseen|-|koulukieltäytymistä",
        "kouluakäymättömyys|kouluakäymättömyyden|kouluakäymättömyydestä|kouluakäymättömyyteen|-|kouluakäymättömyyttä",
        "runsaat koulupoissaolot|runsaiden koulupoissaolojen|runsaista koulupoissaoloista|runsaisiin koulupoissaoloihin|-|runsaita koulupoissaoloja",
        "koulu poissaolot|koulu poissaolojen|koulu poissaoloista|koulu poissaoloihin|-|koulu poissaoloja",
        "kouluuntulon vaikeudet|kouluuntulon vaikeuksien|kouluuntulon vaikeuksista|kouluuntulon vaikeuksiin|-|kouluuntulon vaikeuksia",
        "oppilaiden pitkittyneet poissaolot|oppilaiden pitkittyneiden poissaolojen|oppilaiden pitkittyneistä poissaoloista|oppilaiden pitkittyneisiin poissaoloihin|-|oppilaiden pitkittyneitä poissaoloja",
    ],
    fi_s=[
        "Autan perheitä, joissa nuori ei ole pystynyt menemään kouluun viikkoihin.",
        "Kehitän kouluun paluun malleja oppilaille, jotka ovat jääneet kotiin.",
        "Työskentelen lasten kanssa, joiden koulunkäynti on katkennut kokonaan.",
        "Olen kouluttanut opettajia puuttumaan varhain toistuviin poissaoloihin.",
        "Nuoret, jotka jäävät aamulla sänkyyn eivätkä lähde kouluun, ovat tuttu asiakasryhmä.",
        "Tuen kotiin jääneitä koululaisia takaisin luokkaan.",
        "Selvitän, miksi oppilas ei tule kouluun, ja rakennan hänelle paluusuunnitelman.",
        "Olen mukana hankkeessa, joka vähentää peruskoululaisten luvattomia poissaoloja.",
        "Kotona pelkästään oleilevat, koulusta pudonneet yläkoululaiset ovat erityisosaamistani.",
    ],
    sv_np=["skolfrånvaro", "problematisk skolfrånvaro", "hemmasittare", "skolvägran",
           "långvarig frånvaro från skolan"],
    sv_s=["Jag hjälper familjer där barnet inte har klarat att gå till skolan på flera veckor.",
          "Jag arbetar med hemmasittande elever och deras återgång till skolan."],
    en_np=["school refusal", "school absenteeism", "chronic absence from school",
           "school non-attendance", "persistent absenteeism"],
    en_s=["I help families whose child has not managed to go to school for weeks.",
          "I design return-to-school plans for pupils who stay at home."],
)

concept(
    "neuropsychiatric", weight=2, problem=False,
    affinity=["school-absence", "learning-difficulties", "disability"],
    titles=["nepsy-valmentaja"],
    fi_np=[
        "neuropsykiatriset häiriöt|neuropsykiatristen häiriöiden|neuropsykiatrisista häiriöistä|neuropsykiatrisiin häiriöihin|-|neuropsykiatrisia häiriöitä",
        "neuropsykiatriset erityispiirteet|neuropsykiatristen erityispiirteiden|neuropsykiatrisista erityispiirteistä|neuropsykiatrisiin erityispiirteisiin|-|neuropsykiatrisia erityispiirteitä",
        "nepsy-haasteet|nepsy-haasteiden|nepsy-haasteista|nepsy-haasteisiin|-|nepsy-haasteita",
        "Touretten oireyhtymä|Touretten oireyhtymän|Touretten oireyhtymästä|Touretten oireyhtymään|-|Touretten oireyhtymää",
        "kompleksiset neuropsykiatriset tilanteet|kompleksisten neuropsykiatristen tilanteiden|kompleksisista neuropsykiatrisista tilanteista|kompleksisiin neuropsykiatrisiin tilanteisiin|kompleksisissa neuropsykiatrisissa tilanteissa|-",
        "nepsy-lapset|nepsy-lasten|nepsy-lapsista|nepsy-lapsiin|-|nepsy-lapsia",
        "neuropsykiatrinen oireilu|neuropsykiatrisen oireilun|neuropsykiatrisesta oireilusta|neuropsykiatriseen oireiluun|-|neuropsykiatrista oireilua",
    ],
    fi_s=[
        "Teen nepsy-valmennusta ja ohjaan perheitä arjen hallinnassa.",
        "Tic-oireiset lapset ja nuoret ovat tuttuja vastaanotoltani.",
        "Tuen perheitä, joissa lapsella on useita neuropsykiatrisia diagnooseja.",
        "Vedän vanhemmille neuropsy-vertaisryhmää.",
        "Neuropsykiatrisesti oireilevien lasten koulunkäynnin tukeminen on vahvuuteni.",
    ],
    sv_np=["neuropsykiatriska funktionsnedsättningar", "NPF", "neuropsykiatriska svårigheter",
           "Tourettes syndrom"],
    sv_s=["Jag handleder familjer till barn med flera neuropsykiatriska diagnoser."],
    en_np=["neurodevelopmental disorders", "neuropsychiatric conditions", "Tourette syndrome",
           "neurodivergent children"],
    en_s=["I coach families of children with several neurodevelopmental diagnoses."],
)

concept(
    "adhd", parent="neuropsychiatric", weight=4, problem=False,
    affinity=["youth-substance-use", "learning-difficulties", "youth-crime", "school-absence"],
    fi_np=[
        "ADHD|ADHD:n|ADHD:sta|ADHD:hen|-|ADHD:ta",
        "adhd|adhd:n|adhd:sta|adhd:hen|-|adhd:ta",
        "ADD|ADD:n|ADD:stä|ADD:hen|-|ADD:tä",
        "tarkkaavuushäiriö|tarkkaavuushäiriön|tarkkaavuushäiriöstä|tarkkaavuushäiriöön|-|tarkkaavuushäiriötä",
        "aktiivisuuden ja tarkkaavuuden häiriö|aktiivisuuden ja tarkkaavuuden häiriön|aktiivisuuden ja tarkkaavuuden häiriöstä|aktiivisuuden ja tarkkaavuuden häiriöön|-|aktiivisuuden ja tarkkaavuuden häiriötä",
        "ADHD-oireet|ADHD-oireiden|ADHD-oireista|ADHD-oireisiin|-|ADHD-oireita",
        "adhd-lapset|adhd-lasten|adhd-lapsista|adhd-lapsiin|-|adhd-lapsia",
        "ylivilkkaus|ylivilkkauden|ylivilkkaudesta|ylivilkkauteen|-|ylivilkkautta",
    ],
    fi_s=[
        "Teen ADHD-arviointeja ja seuraan lääkehoitoa nuorisopsykiatrialla.",
        "Ohjaan vanhempainryhmiä ylivilkkaiden ja impulsiivisten lasten vanhemmille.",
        "Tuen oppilaita, joilla on todettu ADHD ja joiden on vaikea keskittyä tunnilla.",
        "Työskentelen aikuistuvien adhd-nuorten kanssa.",
        "Tarkkaamattomat ja impulsiiviset nuoret, joilla on ADHD-diagnoosi, ovat pääasiallinen asiakasryhmäni.",
        "Ylivilkkaiden lasten vanhempien ohjaus on vahvuuteni.",
    ],
    sv_np=["ADHD", "uppmärksamhetsstörning", "ADHD hos barn"],
    sv_s=["Jag gör ADHD-utredningar på barnpsykiatrin."],
    en_np=["ADHD", "attention deficit hyperactivity disorder", "attention deficit disorder",
           "children with ADHD"],
    en_s=["I assess children for ADHD and follow up their medication."],
)

concept(
    "autism", parent="neuropsychiatric", weight=4, problem=False,
    affinity=["school-absence", "disability", "bullying", "eating-disorders"],
    fi_np=[
        "autismi|autismin|autismista|autismiin|-|autismia",
        "autismikirjo|autismikirjon|autismikirjosta|autismikirjoon|-|-",
        "autismikirjon häiriöt|autismikirjon häiriöiden|autismikirjon häiriöistä|autismikirjon häiriöihin|-|autismikirjon häiriöitä",
        "autismin kirjo|autismin kirjon|autismin kirjosta|autismin kirjoon|-|-",
        "Aspergerin oireyhtymä|Aspergerin oireyhtymän|Aspergerin oireyhtymästä|Aspergerin oireyhtymään|-|Aspergerin oireyhtymää",
        "ASD|ASD:n|ASD:stä|ASD:hen|-|ASD:tä",
        "autismispektri|autismispektrin|autismispektristä|autismispektriin|-|-",
        "autismikirjon nuoret|autismikirjon nuorten|autismikirjon nuorista|autismikirjon nuoriin|-|autismikirjon nuoria",
    ],
    fi_s=[
        "Työskentelen autististen lasten ja heidän perheidensä kanssa.",
        "Olen tehnyt autismitutkimuksia lastenneurologian yksikössä {n} vuotta.",
        "Tuen autismikirjolla olevia nuoria itsenäistymisessä.",
        "Asperger-nuorten sosiaalisten taitojen ryhmät ovat erikoisalaani.",
        "Autistisen lapsen aistiyliherkkyydet ja kommunikaatio ovat minulle tuttuja.",
        "Ohjaan kirjolla olevien lasten vanhempia.",
        "Autismin kirjon tyttöjen tunnistaminen kiinnostaa minua erityisesti.",
    ],
    sv_np=["autism", "autismspektrumtillstånd", "Aspergers syndrom", "autistiska barn"],
    sv_s=["Jag arbetar med barn inom autismspektrumet och deras familjer."],
    en_np=["autism", "autism spectrum disorder", "autistic children", "Asperger syndrome"],
    en_s=["I support autistic teenagers as they move towards independent living."],
)

concept(
    "eating-disorders", weight=4, problem=True,
    affinity=["self-harm", "youth-depression", "autism"],
    titles=["syömishäiriöhoitaja", "ravitsemusterapeutti"],
    orgs=["Syömishäiriöklinikka Tasapaino"],
    fi_np=[
        "syömishäiriöt|syömishäiriöiden|syömishäiriöistä|syömishäiriöihin|-|syömishäiriöitä",
        "syömishäiriö|syömishäiriön|syömishäiriöstä|syömishäiriöön|-|syömishäiriötä",
        "anoreksia|anoreksian|anoreksiasta|anoreksiaan|-|anoreksiaa",
        "bulimia|bulimian|bulimiasta|bulimiaan|-|bulimiaa",
        "laihuushäiriö|laihuushäiriön|laihuushäiriöstä|laihuushäiriöön|-|laihuushäiriötä",
        "ahmintahäiriö|ahmintahäiriön|ahmintahäiriöstä|ahmintahäiriöön|-|ahmintahäiriötä",
        "syömis häiriöt|syömis häiriöiden|syömis häiriöistä|syömis häiriöihin|-|syömis häiriöitä",
        "nuorten syömishäiriöt|nuorten syömishäiriöiden|nuorten syömishäiriöistä|nuorten syömishäiriöihin|-|nuorten syömishäiriöitä",
        "ARFID|ARFID:n|ARFID:sta|ARFID:iin|-|ARFID:ia",
        "häiriintynyt syöminen|häiriintyneen syömisen|häiriintyneestä syömisestä|häiriintyneeseen syömiseen|-|häiriintynyttä syömistä",
    ],
    fi_s=[
        "Hoidan nuoria, jotka ovat laihduttaneet itsensä vaarallisen alhaiseen painoon.",
        "Teen perhepohjaista hoitoa anorektisille nuorille.",
        "Työskentelen syömishäiriöyksikössä osana moniammatillista tiimiä.",
        "Tuen nuoria, joiden syöminen on muuttunut pakonomaiseksi ja rajoittavaksi.",
        "Ahmimis- ja oksentelukierteestä kärsivät nuoret ovat minulle tuttuja.",
        "Seuraan alipainoisten nuorten somaattista vointia lastentautien poliklinikalla.",
        "Erityisosaamistani on syömisen häiriöiden varhainen tunnistaminen kouluterveydenhuollossa.",
    ],
    sv_np=["ätstörningar", "anorexi", "bulimi", "hetsätning", "ätstörningar hos unga"],
    sv_s=["Jag behandlar tonåringar som har svultit sig till en farligt låg vikt."],
    en_np=["eating disorders", "anorexia nervosa", "bulimia", "binge eating", "disordered eating"],
    en_s=["I provide family-based treatment for adolescents with anorexia."],
)

concept(
    "self-harm", weight=4, problem=True,
    affinity=["youth-depression", "eating-disorders", "trauma", "residential-care"],
    fi_np=[
        "itsetuhoisuus|itsetuhoisuuden|itsetuhoisuudesta|itsetuhoisuuteen|-|itsetuhoisuutta",
        "itsensä vahingoittaminen|itsensä vahingoittamisen|itsensä vahingoittamisesta|itsensä vahingoittamiseen|-|itsensä vahingoittamista",
        "viiltely|viiltelyn|viiltelystä|viiltelyyn|-|viiltelyä",
        "itsemurhayritykset|itsemurhayritysten|itsemurhayrityksistä|itsemurhayrityksiin|-|itsemurhayrityksiä",
        "itsemurhavaara|itsemurhavaaran|itsemurhavaarasta|itsemurhavaaraan|-|itsemurhavaaraa",
        "itsemurha-ajatukset|itsemurha-ajatusten|itsemurha-ajatuksista|itsemurha-ajatuksiin|-|itsemurha-ajatuksia",
        "itse tuhoisuus|itse tuhoisuuden|itse tuhoisuudesta|itse tuhoisuuteen|-|itse tuhoisuutta",
        "suisidaalisuus|suisidaalisuuden|suisidaalisuudesta|suisidaalisuuteen|-|suisidaalisuutta",
        "itsetuhoinen käyttäytyminen|itsetuhoisen käyttäytymisen|itsetuhoisesta käyttäytymisestä|itsetuhoiseen käyttäytymiseen|-|itsetuhoista käyttäytymistä",
        "nuorten itsetuhoisuus|nuorten itsetuhoisuuden|nuorten itsetuhoisuudesta|nuorten itsetuhoisuuteen|-|nuorten itsetuhoisuutta",
    ],
    fi_s=[
        "Arvioin itsetuhoisten nuorten hoidon tarvetta päivystyksessä.",
        "Työskentelen nuorten kanssa, jotka viiltelevät tai vahingoittavat itseään muuten.",
        "Olen kouluttanut ammattilaisia ottamaan itsemurha-ajatukset puheeksi.",
        "Tuen perheitä nuoren itsemurhayrityksen jälkeen.",
        "Itseään satuttavien tyttöjen ryhmähoito on erityisosaamistani.",
        "Teen itsemurhariskin arviointeja nuorisopsykiatrisella osastolla.",
        "Käytän DKT:tä nuorilla, jotka satuttavat itseään toistuvasti.",
    ],
    sv_np=["självskadebeteende", "självmordsrisk", "suicidalitet", "självskador", "självmordsförsök"],
    sv_s=["Jag arbetar med unga som skär sig eller skadar sig själva på andra sätt."],
    en_np=["self-harm", "suicidal behaviour", "suicide risk", "self-injury", "suicide attempts"],
    en_s=["I work with teenagers who cut themselves or hurt themselves in other ways."],
)

concept(
    "psychosis", weight=3, problem=True,
    affinity=["substance-abuse", "youth-substance-use", "parental-mental-health"],
    fi_np=[
        "psykoosit|psykoosien|psykooseista|psykooseihin|-|psykooseja",
        "psykoosi|psykoosin|psykoosista|psykoosiin|-|psykoosia",
        "nuoruusiän psykoosit|nuoruusiän psykoosien|nuoruusiän psykooseista|nuoruusiän psykooseihin|-|nuoruusiän psykooseja",
        "varhaisvaiheen psykoosi|varhaisvaiheen psykoosin|varhaisvaiheen psykoosista|varhaisvaiheen psykoosiin|-|varhaisvaiheen psykoosia",
        "psykoosiriski|psykoosiriskin|psykoosiriskistä|psykoosiriskiin|-|psykoosiriskiä",
        "skitsofrenia|skitsofrenian|skitsofreniasta|skitsofreniaan|-|skitsofreniaa",
        "psykoottiset oireet|psykoottisten oireiden|psykoottisista oireista|psykoottisiin oireisiin|-|psykoottisia oireita",
        "psykoosisairaudet|psykoosisairauksien|psykoosisairauksista|psykoosisairauksiin|-|psykoosisairauksia",
        "ensipsykoosi|ensipsykoosin|ensipsykoosista|ensipsykoosiin|-|ensipsykoosia",
    ],
    fi_s=[
        "Hoidan nuoria, jotka kuulevat ääniä tai joilla on harhaluuloja.",
        "Työskentelen varhaisen psykoosin tunnistamisen ja hoidon poliklinikalla.",
        "Olen käyttänyt avoimen dialogin menetelmää ensipsykoosissa olevien nuorten kanssa.",
        "Tuen perheitä, kun nuori on sairastunut skitsofreniaan.",
        "Todellisuudentajun heikkenemiseen liittyvät oireet nuoruusiässä ovat erityisalaani.",
        "Psykoottisesti oireilevien nuorten hoito osastolla on työni ydintä.",
    ],
    sv_np=["psykos", "psykossjukdomar", "schizofreni", "tidig psykos", "psykotiska symtom"],
    sv_s=["Jag behandlar unga som hör röster eller har vanföreställningar."],
    en_np=["psychosis", "early psychosis", "schizophrenia", "psychotic symptoms",
           "first-episode psychosis"],
    en_s=["I treat young people who hear voices or have delusions."],
)

concept(
    "trauma", weight=5, problem=True,
    affinity=["immigrant-families", "foster-care", "child-sexual-abuse",
              "domestic-violence", "residential-care"],
    titles=["traumapsykoterapeutti"],
    fi_np=[
        "trauma|trauman|traumasta|traumaan|-|traumaa",
        "traumat|traumojen|traumoista|traumoihin|-|traumoja",
        "traumaattiset kokemukset|traumaattisten kokemusten|traumaattisista kokemuksista|traumaattisiin kokemuksiin|-|traumaattisia kokemuksia",
        "traumaperäinen stressihäiriö|traumaperäisen stressihäiriön|traumaperäisestä stressihäiriöstä|traumaperäiseen stressihäiriöön|-|traumaperäistä stressihäiriötä",
        "PTSD|PTSD:n|PTSD:stä|PTSD:hen|-|PTSD:tä",
        "traumatisoituminen|traumatisoitumisen|traumatisoitumisesta|traumatisoitumiseen|-|traumatisoitumista",
        "kompleksinen trauma|kompleksisen trauman|kompleksisesta traumasta|kompleksiseen traumaan|-|kompleksista traumaa",
        "lapsuuden traumat|lapsuuden traumojen|lapsuuden traumoista|lapsuuden traumoihin|-|lapsuuden traumoja",
        "kehityksellinen traumatisoituminen|kehityksellisen traumatisoitumisen|kehityksellisestä traumatisoitumisesta|kehitykselliseen traumatisoitumiseen|-|kehityksellistä traumatisoitumista",
        "!traumatietoinen työote|traumatietoisen työotteen|traumatietoisesta työotteesta|traumatietoiseen työotteeseen|-|traumatietoista työotetta",
    ],
    fi_s=[
        "Teen traumapsykoterapiaa lapsille ja nuorille EMDR-menetelmällä.",
        "Työskentelen traumatisoituneiden lasten kanssa, jotka ovat kokeneet vakavia menetyksiä.",
        "Tuen nuoria, joilla on painajaisia ja takaumia järkyttävien kokemusten jälkeen.",
        "Olen kouluttautunut traumaterapeutiksi ja käytän TF-CBT-menetelmää.",
        "Traumaattisesti oireilevien lasten tunnistaminen koulussa kiinnostaa minua.",
        "Kehityksellisesti traumatisoituneiden nuorten vakauttaminen on erityisosaamistani.",
    ],
    sv_np=["trauma", "traumatiserade barn", "posttraumatiskt stressyndrom",
           "traumatiska upplevelser", "komplex traumatisering"],
    sv_s=["Jag ger traumafokuserad terapi åt barn och unga."],
    en_np=["trauma", "traumatised children", "post-traumatic stress disorder",
           "traumatic experiences", "complex trauma", "PTSD"],
    en_s=["I provide trauma-focused therapy for children who have lived through frightening events."],
)

concept(
    "immigrant-families", weight=4, problem=False,
    affinity=["trauma", "honour-violence", "gang-involvement", "domestic-violence"],
    titles=["monikulttuurisen työn asiantuntija"],
    fi_np=[
        "maahanmuuttajaperheet|maahanmuuttajaperheiden|maahanmuuttajaperheistä|maahanmuuttajaperheisiin|maahanmuuttajaperheissä|maahanmuuttajaperheitä",
        "pakolaisperheet|pakolaisperheiden|pakolaisperheistä|pakolaisperheisiin|pakolaisperheissä|pakolaisperheitä",
        "maahanmuuttajataustaiset nuoret|maahanmuuttajataustaisten nuorten|maahanmuuttajataustaisista nuorista|maahanmuuttajataustaisiin nuoriin|-|maahanmuuttajataustaisia nuoria",
        "turvapaikanhakijalapset|turvapaikanhakijalasten|turvapaikanhakijalapsista|turvapaikanhakijalapsiin|-|turvapaikanhakijalapsia",
        "ilman huoltajaa tulleet alaikäiset|ilman huoltajaa tulleiden alaikäisten|ilman huoltajaa tulleista alaikäisistä|ilman huoltajaa tulleisiin alaikäisiin|-|ilman huoltajaa tulleita alaikäisiä",
        "maahanmuutto|maahanmuuton|maahanmuutosta|maahanmuuttoon|-|maahanmuuttoa",
        "maahan muuttaneet perheet|maahan muuttaneiden perheiden|maahan muuttaneista perheistä|maahan muuttaneisiin perheisiin|maahan muuttaneissa perheissä|maahan muuttaneita perheitä",
        "kotoutuminen|kotoutumisen|kotoutumisesta|kotoutumiseen|-|kotoutumista",
        "pakolaistaustaiset lapset|pakolaistaustaisten lasten|pakolaistaustaisista lapsista|pakolaistaustaisiin lapsiin|-|pakolaistaustaisia lapsia",
        "monikulttuuriset perheet|monikulttuuristen perheiden|monikulttuurisista perheistä|monikulttuurisiin perheisiin|monikulttuurisissa perheissä|monikulttuurisia perheitä",
    ],
    fi_s=[
        "Työskentelen perheiden kanssa, jotka ovat paenneet sotaa ja saapuneet Suomeen.",
        "Teen työtä tulkin välityksellä somalin-, arabian- ja darinkielisten perheiden kanssa.",
        "Tuen vastikään Suomeen muuttaneita vanhempia suomalaisen palvelujärjestelmän ymmärtämisessä.",
        "Olen työskennellyt vastaanottokeskuksessa alaikäisten turvapaikanhakijoiden parissa.",
        "Kulttuurisensitiivinen työ pakolaistaustaisten perheiden kanssa on vahvuuteni.",
        "Ukrainasta paenneiden lasten koulunkäynnin tukeminen on ollut viime vuosien työtäni.",
    ],
    sv_np=["invandrarfamiljer", "flyktingfamiljer", "ensamkommande barn",
           "familjer med migrationsbakgrund", "asylsökande barn"],
    sv_s=["Jag arbetar med familjer som har flytt krig och kommit till Finland."],
    en_np=["immigrant families", "refugee families", "unaccompanied minors",
           "asylum-seeking children", "families with a migrant background"],
    en_s=["I work with families who have fled war and recently arrived in Finland."],
)

concept(
    "foster-care", weight=4, problem=False,
    affinity=["trauma", "residential-care", "parental-substance-use", "parental-mental-health"],
    titles=["perhehoidon sosiaalityöntekijä"],
    orgs=["Perhehoitoyhdistys Pesä ry"],
    fi_np=[
        "perhehoito|perhehoidon|perhehoidosta|perhehoitoon|perhehoidossa|perhehoitoa",
        "sijaisperheet|sijaisperheiden|sijaisperheistä|sijaisperheisiin|sijaisperheissä|sijaisperheitä",
        "sijaisvanhemmuus|sijaisvanhemmuuden|sijaisvanhemmuudesta|sijaisvanhemmuuteen|-|sijaisvanhemmuutta",
        "sijaisvanhemmat|sijaisvanhempien|sijaisvanhemmista|sijaisvanhempiin|-|sijaisvanhempia",
        "perhehoitoon sijoitetut lapset|perhehoitoon sijoitettujen lasten|perhehoitoon sijoitetuista lapsista|perhehoitoon sijoitettuihin lapsiin|-|perhehoitoon sijoitettuja lapsia",
        "läheisverkostosijoitukset|läheisverkostosijoitusten|läheisverkostosijoituksista|läheisverkostosijoituksiin|-|läheisverkostosijoituksia",
        "sijais perheet|sijais perheiden|sijais perheistä|sijais perheisiin|sijais perheissä|sijais perheitä",
        "perhehoitajat|perhehoitajien|perhehoitajista|perhehoitajiin|-|perhehoitajia",
        "sijaisperhesijoitukset|sijaisperhesijoitusten|sijaisperhesijoituksista|sijaisperhesijoituksiin|-|sijaisperhesijoituksia",
    ],
    fi_s=[
        "Valmennan tulevia sijaisvanhempia PRIDE-koulutuksessa.",
        "Tuen perheitä, jotka ovat ottaneet kotiinsa sijoitetun lapsen.",
        "Olen itsekin ollut sijaisäiti kymmenen vuotta ja tiedän, mitä perhehoito arjessa on.",
        "Valvon perhehoidon sijoituksia sijaisperheissä.",
        "Sijaisperheeseen sijoitettujen lasten kiintymyssuhteet ovat tutkimusaiheeni.",
        "Perhehoitajien työnohjaus on osa työtäni.",
    ],
    sv_np=["familjehemsvård", "familjehem", "fosterfamiljer", "familjehemsföräldrar",
           "placering i familjehem"],
    sv_s=["Jag utbildar och stöder blivande familjehemsföräldrar."],
    en_np=["foster care", "foster families", "foster parents", "kinship care", "family foster care"],
    en_s=["I train and support foster parents."],
)

concept(
    "residential-care", weight=3, problem=False,
    affinity=["self-harm", "youth-crime", "foster-care", "trauma"],
    titles=["vastaava ohjaaja", "lastenkodin johtaja"],
    orgs=["Lastenkoti Kotiranta", "Nuorisokoti Tuulentupa"],
    fi_np=[
        "lastensuojelulaitokset|lastensuojelulaitosten|lastensuojelulaitoksista|lastensuojelulaitoksiin|lastensuojelulaitoksissa|lastensuojelulaitoksia",
        "lastenkodit|lastenkotien|lastenkodeista|lastenkoteihin|lastenkodeissa|lastenkoteja",
        "lastensuojelun laitoshoito|lastensuojelun laitoshoidon|lastensuojelun laitoshoidosta|lastensuojelun laitoshoitoon|lastensuojelun laitoshoidossa|lastensuojelun laitoshoitoa",
        "nuorisokodit|nuorisokotien|nuorisokodeista|nuorisokoteihin|nuorisokodeissa|nuorisokoteja",
        "sijaishuoltoyksiköt|sijaishuoltoyksiköiden|sijaishuoltoyksiköistä|sijaishuoltoyksiköihin|sijaishuoltoyksiköissä|sijaishuoltoyksiköitä",
        "integroitu laitoshoito|integroidun laitoshoidon|integroidusta laitoshoidosta|integroituun laitoshoitoon|integroidussa laitoshoidossa|integroitua laitoshoitoa",
        "laitossijoitukset|laitossijoitusten|laitossijoituksista|laitossijoituksiin|-|laitossijoituksia",
    ],
    fi_s=[
        "Työskentelen lastenkodissa, jossa asuu kuusi teini-ikäistä.",
        "Olen johtanut lastensuojelulaitosta {n} vuotta.",
        "Kehitän laitoksessa asuvien nuorten hoitoa yhdessä nuorisopsykiatrian kanssa.",
        "Työskentelen yksityisessä nuorisokodissa.",
        "Tuen henkilökuntaa, kun laitokseen sijoitettu nuori karkailee tai käyttäytyy uhkaavasti.",
        "Olen kouluttanut lastensuojeluyksiköiden henkilöstöä rajoitustoimenpiteiden käytössä.",
    ],
    sv_np=["barnskyddsanstalter", "barnhem", "institutionsvård inom barnskyddet", "ungdomshem",
           "placeringar på institution"],
    sv_s=["Jag arbetar på ett barnhem för tonåringar."],
    en_np=["residential child care", "children's homes", "residential care units",
           "institutional care in child welfare", "group homes for adolescents"],
    en_s=["I manage a children's home for teenagers placed by child protection."],
)

concept(
    "reform-school", parent="residential-care", weight=2.5, problem=False,
    affinity=["youth-crime", "youth-substance-use", "learning-difficulties"],
    titles=["koulukodin johtaja"],
    orgs=["Koulukoti Kivirinne"],
    fi_np=[
        "koulukodit|koulukotien|koulukodeista|koulukoteihin|koulukodeissa|koulukoteja",
        "koulukoti|koulukodin|koulukodista|koulukotiin|koulukodissa|koulukotia",
        "valtion koulukodit|valtion koulukotien|valtion koulukodeista|valtion koulukoteihin|valtion koulukodeissa|valtion koulukoteja",
        "koulukotisijoitukset|koulukotisijoitusten|koulukotisijoituksista|koulukotisijoituksiin|-|koulukotisijoituksia",
        "koulukotiopetus|koulukotiopetuksen|koulukotiopetuksesta|koulukotiopetukseen|koulukotiopetuksessa|koulukotiopetusta",
    ],
    fi_s=[
        "Opetan koulukodin omassa koulussa.",
        "Olen työskennellyt valtion koulukodissa ohjaajana ja myöhemmin johtajana.",
        "Koulukotiin sijoitettujen nuorten jälkihuolto on kehittämistyöni aihe.",
        "Olen kehittänyt koulukotien ja nuorisopsykiatrian yhteistyötä.",
        "Tunnen valtion koulukotien arjen ja niiden nuorten tarpeet.",
    ],
    sv_np=["skolhem", "statens skolhem", "placeringar på skolhem"],
    sv_s=["Jag undervisar i skolan vid ett statligt skolhem."],
    en_np=["reform schools", "state reform schools", "reform school placements"],
    en_s=["I teach at a state reform school for young people placed by child protection."],
)

concept(
    "youth-crime", weight=3, problem=True,
    affinity=["youth-substance-use", "gang-involvement", "reform-school", "adhd"],
    titles=["rikosseuraamustyöntekijä"],
    fi_np=[
        "nuorisorikollisuus|nuorisorikollisuuden|nuorisorikollisuudesta|nuorisorikollisuuteen|-|nuorisorikollisuutta",
        "nuorten rikollisuus|nuorten rikollisuuden|nuorten rikollisuudesta|nuorten rikollisuuteen|-|nuorten rikollisuutta",
        "nuoret rikoksentekijät|nuorten rikoksentekijöiden|nuorista rikoksentekijöistä|nuoriin rikoksentekijöihin|-|nuoria rikoksentekijöitä",
        "alaikäisten rikokset|alaikäisten rikosten|alaikäisten rikoksista|alaikäisten rikoksiin|-|alaikäisten rikoksia",
        "nuorten rikoskierre|nuorten rikoskierteen|nuorten rikoskierteestä|nuorten rikoskierteeseen|-|nuorten rikoskierrettä",
        "nuoriso rikollisuus|nuoriso rikollisuuden|nuoriso rikollisuudesta|nuoriso rikollisuuteen|-|nuoriso rikollisuutta",
        "nuorten rikoskäyttäytyminen|nuorten rikoskäyttäytymisen|nuorten rikoskäyttäytymisestä|nuorten rikoskäyttäytymiseen|-|nuorten rikoskäyttäytymistä",
        "nuorten väkivaltarikokset|nuorten väkivaltarikosten|nuorten väkivaltarikoksista|nuorten väkivaltarikoksiin|-|nuorten väkivaltarikoksia",
    ],
    fi_s=[
        "Työskentelen nuorten kanssa, jotka ovat syyllistyneet toistuviin rikoksiin.",
        "Teen rikosseuraamusalan työtä alle 21-vuotiaiden kanssa.",
        "Ohjaan Ankkuri-tiimissä nuoria, joiden rikoskierre halutaan katkaista.",
        "Teen yhteistyötä poliisin kanssa, kun alaikäinen on tehnyt rikoksen.",
        "Laadin seuraamusselvityksiä rikoksesta epäillyistä nuorista.",
        "Rikoksia tehneiden nuorten kuntoutus on työni painopiste.",
        "Nuorten tekemien ryöstöjen ja pahoinpitelyjen ennaltaehkäisy on erikoisalaani.",
    ],
    sv_np=["ungdomsbrottslighet", "unga lagöverträdare", "brottslighet bland unga",
           "ungdomars kriminalitet"],
    sv_s=["Jag arbetar med unga som har begått upprepade brott."],
    en_np=["youth crime", "juvenile offending", "young offenders", "juvenile delinquency"],
    en_s=["I work with teenagers who have committed repeated offences."],
)

concept(
    "gang-involvement", parent="youth-crime", weight=2.5, problem=True,
    affinity=["youth-substance-use", "immigrant-families", "radicalisation"],
    fi_np=[
        "jengit|jengien|jengeistä|jengeihin|jengeissä|jengejä",
        "katujengit|katujengien|katujengeistä|katujengeihin|katujengeissä|katujengejä",
        "jengiytyminen|jengiytymisen|jengiytymisestä|jengiytymiseen|-|jengiytymistä",
        "nuorisojengit|nuorisojengien|nuorisojengeistä|nuorisojengeihin|nuorisojengeissä|nuorisojengejä",
        "jengirikollisuus|jengirikollisuuden|jengirikollisuudesta|jengirikollisuuteen|-|jengirikollisuutta",
        "rikollisryhmiin ajautuminen|rikollisryhmiin ajautumisen|rikollisryhmiin ajautumisesta|rikollisryhmiin ajautumiseen|-|rikollisryhmiin ajautumista",
        "jengi-ilmiö|jengi-ilmiön|jengi-ilmiöstä|jengi-ilmiöön|-|jengi-ilmiötä",
    ],
    fi_s=[
        "Työskentelen nuorten kanssa, jotka ovat ajautuneet katujengien jäseniksi.",
        "Teen etsivää työtä jengeihin kuuluvien nuorten parissa.",
        "Tuen perheitä, joiden lapsi on värvätty rikollisryhmän toimintaan.",
        "Jengiin kuuluvien nuorten irtautumisen tukeminen on erikoisalaani.",
        "Koulutan kouluja tunnistamaan jengiytymisen varhaiset merkit.",
    ],
    sv_np=["gängkriminalitet", "ungdomsgäng", "gängrekrytering", "kriminella gäng"],
    sv_s=["Jag stöder unga som vill lämna ett kriminellt gäng."],
    en_np=["youth gangs", "gang involvement", "street gangs", "gang recruitment"],
    en_s=["I help young people who want to leave a street gang."],
)

concept(
    "radicalisation", weight=2, problem=True,
    affinity=["immigrant-families", "gang-involvement", "youth-crime"],
    fi_np=[
        "radikalisoituminen|radikalisoitumisen|radikalisoitumisesta|radikalisoitumiseen|-|radikalisoitumista",
        "väkivaltainen radikalisoituminen|väkivaltaisen radikalisoitumisen|väkivaltaisesta radikalisoitumisesta|väkivaltaiseen radikalisoitumiseen|-|väkivaltaista radikalisoitumista",
        "väkivaltainen ekstremismi|väkivaltaisen ekstremismin|väkivaltaisesta ekstremismistä|väkivaltaiseen ekstremismiin|-|väkivaltaista ekstremismiä",
        "ääriliikkeet|ääriliikkeiden|ääriliikkeistä|ääriliikkeisiin|ääriliikkeissä|ääriliikkeitä",
        "ääriajattelu|ääriajattelun|ääriajattelusta|ääriajatteluun|-|ääriajattelua",
        "ekstremismi|ekstremismin|ekstremismistä|ekstremismiin|-|ekstremismiä",
        "nuorten radikalisoituminen|nuorten radikalisoitumisen|nuorten radikalisoitumisesta|nuorten radikalisoitumiseen|-|nuorten radikalisoitumista",
    ],
    fi_s=[
        "Työskentelen nuorten kanssa, jotka ovat omaksuneet väkivaltaa ihannoivia ääri-ideologioita.",
        "Teen exit-työtä ääriryhmistä irrottautuvien nuorten kanssa.",
        "Koulutan opettajia tunnistamaan nuorten ääriajattelun merkkejä verkossa.",
        "Tuen perheitä, joiden nuori on alkanut kannattaa väkivaltaista ideologiaa.",
        "Arvioin radikalisoituneiden nuorten tilannetta monialaisessa verkostossa.",
        "Äärioikeistolaisiin ja jihadistisiin liikkeisiin houkuteltujen nuorten tukeminen on työtäni.",
    ],
    sv_np=["radikalisering", "våldsbejakande extremism", "extremism", "våldsam radikalisering"],
    sv_s=["Jag stöder unga som vill lämna extremistiska rörelser."],
    en_np=["radicalisation", "violent extremism", "extremist movements", "violent radicalisation"],
    en_s=["I support young people who want to leave extremist groups."],
)

concept(
    "gaming-addiction", weight=3, problem=True,
    affinity=["school-absence", "adhd", "youth-depression"],
    fi_np=[
        "peliriippuvuus|peliriippuvuuden|peliriippuvuudesta|peliriippuvuuteen|-|peliriippuvuutta",
        "ongelmallinen pelaaminen|ongelmallisen pelaamisen|ongelmallisesta pelaamisesta|ongelmalliseen pelaamiseen|-|ongelmallista pelaamista",
        "digipeliriippuvuus|digipeliriippuvuuden|digipeliriippuvuudesta|digipeliriippuvuuteen|-|digipeliriippuvuutta",
        "nettiriippuvuus|nettiriippuvuuden|nettiriippuvuudesta|nettiriippuvuuteen|-|nettiriippuvuutta",
        "internetriippuvuus|internetriippuvuuden|internetriippuvuudesta|internetriippuvuuteen|-|internetriippuvuutta",
        "liiallinen pelaaminen|liiallisen pelaamisen|liiallisesta pelaamisesta|liialliseen pelaamiseen|-|liiallista pelaamista",
        "peli riippuvuus|peli riippuvuuden|peli riippuvuudesta|peli riippuvuuteen|-|peli riippuvuutta",
        "ruutuaddiktio|ruutuaddiktion|ruutuaddiktiosta|ruutuaddiktioon|-|ruutuaddiktiota",
        "hallitsematon pelaaminen|hallitsemattoman pelaamisen|hallitsemattomasta pelaamisesta|hallitsemattomaan pelaamiseen|-|hallitsematonta pelaamista",
    ],
    fi_s=[
        "Autan perheitä, joissa nuori pelaa öisin eikä enää jaksa mitään muuta.",
        "Tuen nuoria, joiden elämä on kutistunut tietokoneen ja konsolipelien ääreen.",
        "Olen kehittänyt vanhemmille mallin puuttua lapsen hallitsemattomaan ruutuaikaan.",
        "Työskentelen nuorten kanssa, jotka ovat koukussa nettipeleihin.",
        "Pelaamiseen koukuttuneet teinit ja heidän vanhempansa ovat asiakkaitani.",
        "Erikoisalaani on nuorten digitaalisten pelien ja sosiaalisen median pakonomainen käyttö.",
    ],
    sv_np=["spelberoende", "problematiskt dataspelande", "internetberoende", "överdrivet spelande"],
    sv_s=["Jag hjälper familjer där tonåringen spelar datorspel hela nätterna."],
    en_np=["gaming addiction", "problematic gaming", "internet addiction",
           "excessive screen use", "gaming disorder"],
    en_s=["I help families whose teenager games all night and has stopped doing anything else."],
)

concept(
    "bullying", weight=4, problem=True,
    affinity=["school-absence", "youth-depression", "autism", "self-harm"],
    fi_np=[
        "koulukiusaaminen|koulukiusaamisen|koulukiusaamisesta|koulukiusaamiseen|-|koulukiusaamista",
        "kiusaaminen|kiusaamisen|kiusaamisesta|kiusaamiseen|-|kiusaamista",
        "verkkokiusaaminen|verkkokiusaamisen|verkkokiusaamisesta|verkkokiusaamiseen|-|verkkokiusaamista",
        "nettikiusaaminen|nettikiusaamisen|nettikiusaamisesta|nettikiusaamiseen|-|nettikiusaamista",
        "koulu kiusaaminen|koulu kiusaamisen|koulu kiusaamisesta|koulu kiusaamiseen|-|koulu kiusaamista",
        "kiusatuksi tuleminen|kiusatuksi tulemisen|kiusatuksi tulemisesta|kiusatuksi tulemiseen|-|kiusatuksi tulemista",
        "syrjintä ja kiusaaminen|syrjinnän ja kiusaamisen|syrjinnästä ja kiusaamisesta|syrjintään ja kiusaamiseen|-|syrjintää ja kiusaamista",
    ],
    fi_s=[
        "Työskentelen lasten kanssa, joita on kiusattu koulussa vuosia.",
        "Vedän koulumme KiVa-tiimiä ja selvitän kiusaamistapauksia.",
        "Tuen oppilaita, joita on nimitelty, suljettu porukan ulkopuolelle tai lyöty välitunnilla.",
        "Teen työtä myös kiusaajien ja heidän vanhempiensa kanssa.",
        "Somessa tapahtuvan kiusaamisen selvittäminen on nykyään iso osa työtäni.",
        "Olen kouluttanut opettajia puuttumaan kiusaamistilanteisiin.",
    ],
    sv_np=["mobbning", "skolmobbning", "nätmobbning", "kränkningar i skolan"],
    sv_s=["Jag arbetar med elever som har blivit mobbade i flera år."],
    en_np=["bullying", "school bullying", "cyberbullying", "peer victimisation"],
    en_s=["I work with pupils who have been bullied at school for years."],
)

concept(
    "honour-violence", weight=2, problem=True,
    affinity=["immigrant-families", "domestic-violence"],
    fi_np=[
        "kunniaan liittyvä väkivalta|kunniaan liittyvän väkivallan|kunniaan liittyvästä väkivallasta|kunniaan liittyvään väkivaltaan|-|kunniaan liittyvää väkivaltaa",
        "kunniaväkivalta|kunniaväkivallan|kunniaväkivallasta|kunniaväkivaltaan|-|kunniaväkivaltaa",
        "kunniakäsityksiin liittyvä väkivalta|kunniakäsityksiin liittyvän väkivallan|kunniakäsityksiin liittyvästä väkivallasta|kunniakäsityksiin liittyvään väkivaltaan|-|kunniakäsityksiin liittyvää väkivaltaa",
        "pakkoavioliitot|pakkoavioliittojen|pakkoavioliitoista|pakkoavioliittoihin|-|pakkoavioliittoja",
        "kunniaan liittyvät konfliktit|kunniaan liittyvien konfliktien|kunniaan liittyvistä konflikteista|kunniaan liittyviin konflikteihin|kunniaan liittyvissä konflikteissa|kunniaan liittyviä konflikteja",
        "kunnia väkivalta|kunnia väkivallan|kunnia väkivallasta|kunnia väkivaltaan|-|kunnia väkivaltaa",
    ],
    fi_s=[
        "Tuen nuoria, joiden suku kontrolloi heidän seurusteluaan ja pukeutumistaan suvun maineen nimissä.",
        "Olen työskennellyt nuorten kanssa, joita uhataan naittamisella vastoin heidän tahtoaan.",
        "Teen riskinarviointeja tilanteissa, joissa tyttöä uhkaa väkivalta perheen kunnian vuoksi.",
        "Kunniakulttuurin piirissä elävien tyttöjen ja poikien suojelu on erikoisalaani.",
    ],
    sv_np=["hedersrelaterat våld", "hedersvåld", "tvångsäktenskap",
           "hedersrelaterat våld och förtryck"],
    sv_s=["Jag stöder unga vars familj kontrollerar deras liv i hederns namn."],
    en_np=["honour-based violence", "honour-related violence", "forced marriage",
           "honour-based abuse"],
    en_s=["I support young people whose families control them in the name of honour."],
)

concept(
    "disability", weight=4, problem=False,
    affinity=["rare-diseases", "child-sexual-abuse", "autism"],
    titles=["vammaispalvelujen sosiaalityöntekijä"],
    fi_np=[
        "kehitysvamma|kehitysvamman|kehitysvammasta|kehitysvammaan|-|kehitysvammaa",
        "kehitysvammaiset lapset|kehitysvammaisten lasten|kehitysvammaisista lapsista|kehitysvammaisiin lapsiin|-|kehitysvammaisia lapsia",
        "vammaisuus|vammaisuuden|vammaisuudesta|vammaisuuteen|-|vammaisuutta",
        "vammaiset lapset|vammaisten lasten|vammaisista lapsista|vammaisiin lapsiin|-|vammaisia lapsia",
        "liikuntavammaiset nuoret|liikuntavammaisten nuorten|liikuntavammaisista nuorista|liikuntavammaisiin nuoriin|-|liikuntavammaisia nuoria",
        "monivammaisuus|monivammaisuuden|monivammaisuudesta|monivammaisuuteen|-|monivammaisuutta",
        "vammaispalvelut|vammaispalvelujen|vammaispalveluista|vammaispalveluihin|vammaispalveluissa|vammaispalveluja",
        "älyllinen kehitysvammaisuus|älyllisen kehitysvammaisuuden|älyllisestä kehitysvammaisuudesta|älylliseen kehitysvammaisuuteen|-|älyllistä kehitysvammaisuutta",
        "kehitys vamma|kehitys vamman|kehitys vammasta|kehitys vammaan|-|kehitys vammaa",
    ],
    fi_s=[
        "Työskentelen perheiden kanssa, joiden lapsella on vaikea kehitysvamma.",
        "Tuen vammaisten lasten vanhempia jaksamaan arjessa.",
        "Teen vammaissosiaalityötä ja palvelutarpeen arviointeja.",
        "Puhevammaisten lasten kommunikoinnin tukeminen on erityisosaamistani.",
        "Pyörätuolilla liikkuvien ja muuten liikuntarajoitteisten nuorten osallisuus on sydämen asiani.",
        "Kehitysvammaisten nuorten itsenäistymisen tukeminen on koulutusteni aihe.",
    ],
    sv_np=["funktionsnedsättning", "intellektuell funktionsnedsättning",
           "barn med funktionsnedsättning", "handikappservice", "rörelsehinder"],
    sv_s=["Jag stöder föräldrar till barn med svår utvecklingsstörning."],
    en_np=["disability", "intellectual disability", "disabled children",
           "children with physical disabilities", "multiple disabilities", "disability services"],
    en_s=["I support parents of children with severe intellectual disabilities."],
)

concept(
    "parental-mental-health", weight=4, problem=True,
    affinity=["parental-substance-use", "custody-dispute", "foster-care",
              "child-protection-notification"],
    fi_np=[
        "vanhempien mielenterveysongelmat|vanhempien mielenterveysongelmien|vanhempien mielenterveysongelmista|vanhempien mielenterveysongelmiin|-|vanhempien mielenterveysongelmia",
        "vanhemman psyykkinen sairaus|vanhemman psyykkisen sairauden|vanhemman psyykkisestä sairaudesta|vanhemman psyykkiseen sairauteen|-|vanhemman psyykkistä sairautta",
        "synnytyksen jälkeinen masennus|synnytyksen jälkeisen masennuksen|synnytyksen jälkeisestä masennuksesta|synnytyksen jälkeiseen masennukseen|-|synnytyksen jälkeistä masennusta",
        "äidin masennus|äidin masennuksen|äidin masennuksesta|äidin masennukseen|-|äidin masennusta",
        "vanhempien psyykkinen oireilu|vanhempien psyykkisen oireilun|vanhempien psyykkisestä oireilusta|vanhempien psyykkiseen oireiluun|-|vanhempien psyykkistä oireilua",
        "mielenterveyskuntoutujavanhemmat|mielenterveyskuntoutujavanhempien|mielenterveyskuntoutujavanhemmista|mielenterveyskuntoutujavanhempiin|-|mielenterveyskuntoutujavanhempia",
        "vanhempien mielenterveys ongelmat|vanhempien mielenterveys ongelmien|vanhempien mielenterveys ongelmista|vanhempien mielenterveys ongelmiin|-|vanhempien mielenterveys ongelmia",
        "perinataalinen mielenterveys|perinataalisen mielenterveyden|perinataalisesta mielenterveydestä|perinataaliseen mielenterveyteen|-|perinataalista mielenterveyttä",
    ],
    fi_s=[
        "Käytän Lapset puheeksi -menetelmää, kun vanhempi sairastaa psyykkisesti.",
        "Tuen lapsia, joiden isä tai äiti on masentunut tai vakavasti ahdistunut.",
        "Teen perhetyötä vauvaperheissä, joissa äiti on sairastunut psyykkisesti synnytyksen jälkeen.",
        "Aikuispsykiatrian potilaiden lasten huomioiminen on työni painopiste.",
        "Vanhemman kaksisuuntainen mielialahäiriö ja sen vaikutus perheeseen on erityisosaamistani.",
        "Autan lapsia ymmärtämään, mitä tarkoittaa, kun vanhempi on psyykkisesti sairas.",
    ],
    sv_np=["föräldrars psykiska ohälsa", "föräldrar med psykisk sjukdom",
           "förlossningsdepression", "psykisk ohälsa hos föräldrar"],
    sv_s=["Jag stöder barn vars mamma eller pappa är psykiskt sjuk."],
    en_np=["parental mental illness", "parents' mental health problems", "postnatal depression",
           "maternal depression", "mentally ill parents"],
    en_s=["I support children whose mother or father has a serious mental illness."],
)

concept(
    "child-protection-notification", weight=2.5, problem=False,
    affinity=["domestic-violence", "child-sexual-abuse", "parental-substance-use"],
    fi_np=[
        "lastensuojeluilmoitukset|lastensuojeluilmoitusten|lastensuojeluilmoituksista|lastensuojeluilmoituksiin|-|lastensuojeluilmoituksia",
        "lastensuojeluilmoitus|lastensuojeluilmoituksen|lastensuojeluilmoituksesta|lastensuojeluilmoitukseen|-|lastensuojeluilmoitusta",
        "lastensuojelun ilmoitusvelvollisuus|lastensuojelun ilmoitusvelvollisuuden|lastensuojelun ilmoitusvelvollisuudesta|lastensuojelun ilmoitusvelvollisuuteen|-|lastensuojelun ilmoitusvelvollisuutta",
        "ennakollinen lastensuojeluilmoitus|ennakollisen lastensuojeluilmoituksen|ennakollisesta lastensuojeluilmoituksesta|ennakolliseen lastensuojeluilmoitukseen|-|ennakollista lastensuojeluilmoitusta",
        "lastensuojelu ilmoitukset|lastensuojelu ilmoitusten|lastensuojelu ilmoituksista|lastensuojelu ilmoituksiin|-|lastensuojelu ilmoituksia",
        "LS-ilmoitukset|LS-ilmoitusten|LS-ilmoituksista|LS-ilmoituksiin|-|LS-ilmoituksia",
    ],
    fi_s=[
        "Vastaanotan ja käsittelen lastensuojeluun tulevia ilmoituksia sosiaalipäivystyksessä.",
        "Koulutan opettajia ja terveydenhoitajia tekemään ilmoituksen lastensuojeluun matalalla kynnyksellä.",
        "Neuvon ammattilaisia, milloin huoli lapsesta on sellainen, että siitä on ilmoitettava lastensuojeluun.",
        "Olen tutkinut, miten ilmoitukset lastensuojeluun johtavat asiakkuuteen.",
        "Teen raskausaikana ennakollisia ilmoituksia lastensuojeluun yhdessä neuvolan kanssa.",
    ],
    sv_np=["barnskyddsanmälningar", "anmälningsskyldighet inom barnskyddet", "barnskyddsanmälan",
           "förhandsanmälan till barnskyddet"],
    sv_s=["Jag utbildar lärare i hur man gör en barnskyddsanmälan."],
    en_np=["child protection notifications", "mandatory reporting to child protection",
           "reports to child protection services", "child welfare referrals"],
    en_s=["I advise professionals on when a concern must be reported to child protection."],
)

concept(
    "youth-homelessness", weight=2, problem=True,
    affinity=["youth-substance-use", "residential-care", "youth-crime"],
    titles=["asumisohjaaja"],
    orgs=["Nuorten asumispalvelut Katto ry"],
    fi_np=[
        "nuorten asunnottomuus|nuorten asunnottomuuden|nuorten asunnottomuudesta|nuorten asunnottomuuteen|-|nuorten asunnottomuutta",
        "asunnottomuus|asunnottomuuden|asunnottomuudesta|asunnottomuuteen|-|asunnottomuutta",
        "asunnottomat nuoret|asunnottomien nuorten|asunnottomista nuorista|asunnottomiin nuoriin|-|asunnottomia nuoria",
        "kodittomuus|kodittomuuden|kodittomuudesta|kodittomuuteen|-|kodittomuutta",
        "piiloasunnottomuus|piiloasunnottomuuden|piiloasunnottomuudesta|piiloasunnottomuuteen|-|piiloasunnottomuutta",
        "!Asunto ensin -malli|Asunto ensin -mallin|Asunto ensin -mallista|Asunto ensin -malliin|Asunto ensin -mallissa|Asunto ensin -mallia",
        "asunnottomuuden uhka|asunnottomuuden uhan|asunnottomuuden uhasta|asunnottomuuden uhkaan|-|asunnottomuuden uhkaa",
    ],
    fi_s=[
        "Tuen nuoria, jotka ovat jääneet ilman vakituista asuntoa ja yöpyvät kavereiden sohvilla.",
        "Työskentelen nuorten ensisuojassa.",
        "Autan kotoa lähteneitä tai sieltä häädettyjä nuoria löytämään asunnon.",
        "Jälkihuollon nuorten asumisen tukeminen ja häätöjen ehkäisy ovat työni ydintä.",
        "Kadulla elävien nuorten kohtaaminen on minulle tuttua etsivästä työstä.",
    ],
    sv_np=["hemlöshet bland unga", "hemlösa ungdomar", "bostadslöshet", "dold hemlöshet"],
    sv_s=["Jag hjälper unga som saknar egen bostad och sover hos kompisar."],
    en_np=["youth homelessness", "homeless young people", "hidden homelessness",
           "housing insecurity among young people"],
    en_s=["I help young people who have no home of their own and sleep on friends' sofas."],
)

concept(
    "youth-depression", weight=4, problem=True,
    affinity=["self-harm", "school-absence", "bullying", "eating-disorders"],
    fi_np=[
        "nuorten masennus|nuorten masennuksen|nuorten masennuksesta|nuorten masennukseen|-|nuorten masennusta",
        "nuoruusiän masennus|nuoruusiän masennuksen|nuoruusiän masennuksesta|nuoruusiän masennukseen|-|nuoruusiän masennusta",
        "lasten ja nuorten ahdistuneisuus|lasten ja nuorten ahdistuneisuuden|lasten ja nuorten ahdistuneisuudesta|lasten ja nuorten ahdistuneisuuteen|-|lasten ja nuorten ahdistuneisuutta",
        "nuorten mielialahäiriöt|nuorten mielialahäiriöiden|nuorten mielialahäiriöistä|nuorten mielialahäiriöihin|-|nuorten mielialahäiriöitä",
        "nuorten ahdistus ja masennus|nuorten ahdistuksen ja masennuksen|nuorten ahdistuksesta ja masennuksesta|nuorten ahdistukseen ja masennukseen|-|nuorten ahdistusta ja masennusta",
        "lapsuusiän ahdistuneisuushäiriöt|lapsuusiän ahdistuneisuushäiriöiden|lapsuusiän ahdistuneisuushäiriöistä|lapsuusiän ahdistuneisuushäiriöihin|-|lapsuusiän ahdistuneisuushäiriöitä",
    ],
    fi_s=[
        "Hoidan masentuneita ja ahdistuneita nuoria nuorisopsykiatrian poliklinikalla.",
        "Vedän Cool Kids -ryhmiä ahdistuneille lapsille.",
        "Teen IPC-terapiaa masennuksesta kärsiville nuorille.",
        "Tuen alakuloisia ja väsyneitä yläkoululaisia.",
        "Nuorten mielialaoireiden varhainen hoito on erityisosaamistani.",
        "Työskentelen lasten kanssa, joita pelottaa ja ahdistaa niin paljon, että arki kärsii.",
    ],
    sv_np=["depression hos unga", "ångest hos barn och unga", "nedstämdhet hos ungdomar",
           "depression och ångest hos tonåringar"],
    sv_s=["Jag behandlar deprimerade och ångestfyllda tonåringar."],
    en_np=["adolescent depression", "depression in young people", "childhood anxiety",
           "anxiety and depression in teenagers"],
    en_s=["I treat depressed and anxious teenagers in an outpatient clinic."],
)

concept(
    "functional-disorders", weight=2.5, problem=False,
    affinity=["rare-diseases", "youth-depression", "school-absence"],
    fi_np=[
        "toiminnalliset häiriöt|toiminnallisten häiriöiden|toiminnallisista häiriöistä|toiminnallisiin häiriöihin|-|toiminnallisia häiriöitä",
        "toiminnalliset oireet|toiminnallisten oireiden|toiminnallisista oireista|toiminnallisiin oireisiin|-|toiminnallisia oireita",
        "toiminnallinen neurologinen häiriö|toiminnallisen neurologisen häiriön|toiminnallisesta neurologisesta häiriöstä|toiminnalliseen neurologiseen häiriöön|-|toiminnallista neurologista häiriötä",
        "somaattisesti selittämättömät oireet|somaattisesti selittämättömien oireiden|somaattisesti selittämättömistä oireista|somaattisesti selittämättömiin oireisiin|-|somaattisesti selittämättömiä oireita",
        "psykosomaattiset oireet|psykosomaattisten oireiden|psykosomaattisista oireista|psykosomaattisiin oireisiin|-|psykosomaattisia oireita",
        "toiminnalliset kohtaukset|toiminnallisten kohtausten|toiminnallisista kohtauksista|toiminnallisiin kohtauksiin|-|toiminnallisia kohtauksia",
        "toiminnallinen oireilu|toiminnallisen oireilun|toiminnallisesta oireilusta|toiminnalliseen oireiluun|-|toiminnallista oireilua",
    ],
    fi_s=[
        "Hoidan lapsia, joiden halvausoireille tai kohtauksille ei löydy elimellistä syytä.",
        "Työskentelen yliopistosairaalan toiminnallisten häiriöiden työryhmässä.",
        "Tuen nuoria, joilla on pitkäaikaisia vatsakipuja ja uupumusta ilman selvää elimellistä sairautta.",
        "Kehon ja mielen yhteys lasten selittämättömissä oireissa on erityisalaani.",
    ],
    sv_np=["funktionella störningar", "funktionella symtom", "funktionella neurologiska symtom",
           "psykosomatiska besvär"],
    sv_s=["Jag behandlar barn vars symtom saknar en tydlig organisk orsak."],
    en_np=["functional disorders", "functional neurological disorder",
           "medically unexplained symptoms", "psychosomatic symptoms", "functional seizures"],
    en_s=["I treat children whose paralysis or seizures have no organic cause."],
)

concept(
    "rare-diseases", weight=2.5, problem=False,
    affinity=["disability", "functional-disorders"],
    orgs=["Lastenklinikan harvinaissairauksien yksikkö"],
    fi_np=[
        "harvinaiset sairaudet|harvinaisten sairauksien|harvinaisista sairauksista|harvinaisiin sairauksiin|-|harvinaisia sairauksia",
        "harvinaissairaudet|harvinaissairauksien|harvinaissairauksista|harvinaissairauksiin|-|harvinaissairauksia",
        "harvinaiset oireyhtymät|harvinaisten oireyhtymien|harvinaisista oireyhtymistä|harvinaisiin oireyhtymiin|-|harvinaisia oireyhtymiä",
        "harvinaiset diagnoosit|harvinaisten diagnoosien|harvinaisista diagnooseista|harvinaisiin diagnooseihin|-|harvinaisia diagnooseja",
        "perinnölliset aineenvaihduntasairaudet|perinnöllisten aineenvaihduntasairauksien|perinnöllisistä aineenvaihduntasairauksista|perinnöllisiin aineenvaihduntasairauksiin|-|perinnöllisiä aineenvaihduntasairauksia",
        "harvinaiset geneettiset sairaudet|harvinaisten geneettisten sairauksien|harvinaisista geneettisistä sairauksista|harvinaisiin geneettisiin sairauksiin|-|harvinaisia geneettisiä sairauksia",
    ],
    fi_s=[
        "Työskentelen harvinaissairauksien yksikössä.",
        "Tuen perheitä, joiden lapsella on hyvin harvinainen geneettinen oireyhtymä.",
        "Olen perehtynyt lapsiin, joiden sairaudesta on maailmassa kuvattu vain muutamia tapauksia.",
        "Koordinoin harvinaisia sairauksia sairastavien lasten hoitopolkuja yliopistosairaalassa.",
    ],
    sv_np=["sällsynta sjukdomar", "sällsynta diagnoser", "sällsynta syndrom",
           "ovanliga genetiska sjukdomar"],
    sv_s=["Jag stöder familjer vars barn har ett mycket ovanligt genetiskt syndrom."],
    en_np=["rare diseases", "rare genetic disorders", "rare syndromes", "rare conditions"],
    en_s=["I coordinate care pathways for children with rare diseases at a university hospital."],
)

concept(
    "learning-difficulties", weight=3, problem=True,
    affinity=["adhd", "school-absence", "neuropsychiatric"],
    fi_np=[
        "oppimisvaikeudet|oppimisvaikeuksien|oppimisvaikeuksista|oppimisvaikeuksiin|-|oppimisvaikeuksia",
        "oppimisen vaikeudet|oppimisen vaikeuksien|oppimisen vaikeuksista|oppimisen vaikeuksiin|-|oppimisen vaikeuksia",
        "lukivaikeus|lukivaikeuden|lukivaikeudesta|lukivaikeuteen|-|lukivaikeutta",
        "lukihäiriö|lukihäiriön|lukihäiriöstä|lukihäiriöön|-|lukihäiriötä",
        "dysleksia|dysleksian|dysleksiasta|dysleksiaan|-|dysleksiaa",
        "matematiikan oppimisvaikeudet|matematiikan oppimisvaikeuksien|matematiikan oppimisvaikeuksista|matematiikan oppimisvaikeuksiin|-|matematiikan oppimisvaikeuksia",
        "oppimis vaikeudet|oppimis vaikeuksien|oppimis vaikeuksista|oppimis vaikeuksiin|-|oppimis vaikeuksia",
    ],
    fi_s=[
        "Teen lukiseulontoja ja tuen lapsia, joilla lukeminen ei suju.",
        "Tuen oppilaita, joille matematiikan perusasiat jäävät ikätovereita vaikeammiksi.",
        "Arvioin neuropsykologisin tutkimuksin lasten oppimisen pulmia ja kirjoitan suosituksia kouluun.",
        "Erityisosaamistani on lukemisen ja kirjoittamisen vaikeuksien kuntoutus.",
    ],
    sv_np=["inlärningssvårigheter", "läs- och skrivsvårigheter", "dyslexi", "räknesvårigheter"],
    sv_s=["Jag arbetar med elever som har svårt att lära sig läsa."],
    en_np=["learning difficulties", "dyslexia", "specific learning disorders",
           "reading and writing difficulties", "dyscalculia"],
    en_s=["I support pupils who struggle to learn to read."],
)


def labels_of(leaves):
    out = []
    for c in leaves:
        for x in (c, CONCEPTS[c]["parent"]):
            if x and x not in out:
                out.append(x)
    return out


# Leaves an umbrella concept can be realised by (itself = generic wording).
def realisations(cid):
    return [cid] + [c for c, d in CONCEPTS.items() if d["parent"] == cid]


# ---------------------------------------------------------------------------
# Frames and fillers
# ---------------------------------------------------------------------------

CASES = ["nom", "gen", "ela", "ill", "ine", "par"]

# (case, template, needs_problem)
FI_FRAMES = [
    ("gen", "Olen työskennellyt {x} parissa {n} vuotta.", False),
    ("gen", "Työni painottuu {x} ympärille.", False),
    ("gen", "Minua konsultoidaan usein {x} osalta.", False),
    ("gen", "Väitöskirjani käsitteli {x} vaikutuksia lasten ja nuorten elämään.", False),
    ("gen", "Olen mukana kehittämässä {x} parissa tehtävää monialaista työtä {place}.", False),
    ("gen", "Erityisosaamistani on {x} tunnistaminen ja puheeksiotto.", True),
    ("gen", "Teen työtä {x} ehkäisemiseksi {place}.", True),
    ("ela", "Minulla on pitkä kokemus {x}.", False),
    ("ela", "Minulla on vankka kokemus {x} sekä moniammatillisesta yhteistyöstä.", False),
    ("ela", "Pidän koulutuksia {x} eri alojen ammattilaisille.", False),
    ("ela", "Olen kirjoittanut {x} useita artikkeleita.", False),
    ("ela", "Voin antaa konsultaatiota {x} myös etänä.", False),
    ("ela", "Olen erityisen kiinnostunut {x}.", False),
    ("ill", "Olen perehtynyt {x}.", False),
    ("ill", "Olen erikoistunut {x}.", False),
    ("ill", "Työssäni keskityn {x}.", False),
    ("ill", "Tarjoan konsultaatiota {x} liittyvissä kysymyksissä.", False),
    ("ill", "Olen saanut lisäkoulutusta {x} liittyen.", False),
    ("ill", "Perehdytän uusia työntekijöitä {x}.", False),
    ("ine", "Tuen ammattilaisia {x}.", False),
    ("ine", "Olen toiminut konsultoivana asiantuntijana {x}.", False),
    ("ine", "Olen työskennellyt {n} vuotta {x}.", False),
    ("par", "Kohtaan työssäni paljon {x}.", True),
    ("par", "Olen tutkinut {x} {place}.", False),
    ("nom", "Osaamisalueeni: {x}.", False),
    ("nom", "Erityisosaaminen: {x}, {extra}.", False),
    ("nom", "Keskeiset teemat työssäni: {x} ja {extra}.", False),
]

FI_MULTI = [
    ("gen", "Olen työskennellyt {a} ja {b} parissa {n} vuotta."),
    ("ela", "Minulla on kokemusta {a} sekä {b}."),
    ("ill", "Olen perehtynyt erityisesti {a} ja {b}."),
    ("nom", "Osaamisalueeni: {a} ja {b}."),
    ("nom", "Erityisosaaminen: {a}, {b}, {extra}."),
]

FI_EXTRA = ["perheterapia", "työnohjaus", "verkostotyö", "vanhemmuuden tuki",
            "ratkaisukeskeinen työote", "moniammatillinen yhteistyö", "palveluohjaus",
            "lapsen osallisuus", "varhainen vuorovaikutus", "dialoginen työote"]

SV_FRAMES = [
    "Jag har lång erfarenhet av {x}.",
    "Jag arbetar med {x}.",
    "Mitt specialområde är {x}.",
    "Jag konsulterar i frågor som gäller {x}.",
    "Jag har forskat i {x} i {n} år.",
    "Jag utbildar yrkesverksamma i frågor kring {x}.",
    "Kompetensområden: {x}, familjeterapi.",
]
SV_MULTI = ["Jag har erfarenhet av {a} och {b}.", "Kompetensområden: {a}, {b}."]

EN_FRAMES = [
    "I have worked with {x} for {n} years.",
    "My main area of expertise is {x}.",
    "I consult on {x}.",
    "I have extensive experience of {x}.",
    "I train professionals on {x}.",
    "My research focuses on {x}.",
    "Areas of expertise: {x}, family therapy.",
]
EN_MULTI = ["I work with {a} and {b}.", "Areas of expertise: {a}, {b}."]

PLACES = ["Kuopiossa", "Jyväskylässä", "Joensuussa", "Oulussa", "Tampereella", "Turussa",
          "Helsingissä", "Lahdessa", "Porissa", "Rovaniemellä", "Kajaanissa", "Mikkelissä",
          "Vaasassa", "Seinäjoella", "Lappeenrannassa", "Kokkolassa", "Hämeenlinnassa",
          "Espoossa", "Vantaalla", "Savonlinnassa", "Iisalmessa", "Kotkassa"]

FI_INTRO = [
    "Minulla on {n} vuoden kokemus lasten, nuorten ja perheiden kanssa työskentelystä.",
    "Olen toiminut nykyisessä tehtävässäni vuodesta {year}.",
    "Työskentelen monialaisessa tiimissä {place}.",
    "Valmistuin vuonna {year} ja olen siitä asti tehnyt työtä perheiden parissa.",
    "Olen {title}, ja työssäni kohtaan lapsia ja nuoria monenlaisissa elämäntilanteissa.",
    "Olen {title} ja olen työskennellyt alalla {n} vuotta.",
]

# Fillers: methods, places, and distractors that share word parts with
# concepts (koulu, koti, peli, erot, huolto, harvinainen, toiminnallinen, netti,
# kehitys, sijainen, ääri, radikaali, syöminen ...) without being about them.
FI_FILLER = [
    "Käytän työssäni toiminnallisia menetelmiä, kuten draamaa ja kuvataidetta.",
    "Minulla on harvinaisen monipuolinen työhistoria.",
    "Teen paljon kotikäyntejä.",
    "Kävin koulua Oulussa ja opiskelin Jyväskylän yliopistossa.",
    "Huomioin työssäni lasten yksilölliset erot.",
    "Teen tiivistä yhteistyötä huoltajien kanssa.",
    "Vapaa-ajallani pelaan sählyä ja lautapelejä.",
    "Konsultaatiot onnistuvat myös etänä Teamsin kautta.",
    "Olen käynyt ratkaisukeskeisen perheterapian koulutuksen.",
    "Työnohjaan sosiaalialan ammattilaisia.",
    "Työskentelin aiemmin sijaisopettajana yläkoulussa.",
    "Asun {place_city} ja palvelen koko yhteistyöaluetta.",
    "Teen äärimmäisen mielelläni yhteistyötä eri ammattikuntien kanssa.",
    "Nettisivuiltamme löytyy lisätietoa konsultaatioista.",
    "Kehitän kodin ja koulun yhteistyötä.",
    "Olen mukana kehitysyhteistyöhankkeessa Keniassa.",
    "Pelisäännöt sovitaan aina yhdessä perheen kanssa.",
    "Toimin myös kouluttajana ja työnohjaajana.",
    "Olen kiinnostunut systeemisestä ajattelusta ja verkostotyöstä.",
    "Olen lastensuojelun moniammatillisen asiantuntijaryhmän jäsen.",
    "Vapaa-ajalla harrastan kuorolaulua ja suunnistusta.",
    "Opetin aiemmin kotitaloutta yläkoulussa.",
    "Minulla on varhaiskasvatuksen opettajan pohjakoulutus.",
    "Koulutan ammattilaisia vuorovaikutustaidoissa.",
    "Olen kiinnostunut digitaalisten palvelujen kehittämisestä.",
    "Teen työtä suomeksi ja ruotsiksi.",
    "Väitöskirjani käsitteli sosiaalityön kirjaamiskäytäntöjä.",
    "Pidän tärkeänä, että lapsen ääni kuuluu.",
    "Tein aiemmin töitä kunnan nuorisotoimessa.",
    "Ohjaan sosionomiopiskelijoiden harjoitteluja.",
    "Otan vastaan myös yksityisasiakkaita iltaisin.",
    "Neuvolassa seurasin vuosia vauvojen syömistä, kasvua ja unta.",
    "Teen radikaalisti uudenlaista, joustavaa perhetyötä.",
    "Kirjoitan parhaillaan kirjaa vanhemmuuden iloista.",
    "Olen suorittanut psykoterapeutin koulutuksen.",
    "Käytän videovälitteistä vuorovaikutusohjausta.",
    "Olen työskennellyt aiemmin myös päiväkodissa.",
    "Hyödynnän työssäni Lapset ja perheet -verkoston tietopankkia.",
    "Sovin tapaamiset joustavasti perheen aikataulujen mukaan.",
    "Teen yhteistyötä kouluterveydenhoitajien ja koulukuraattorien kanssa.",
]

FI_GENERIC = [
    "Teen perhetyötä kunnassa ja tapaan perheitä heidän kotonaan.",
    "Työskentelen lasten, nuorten ja perheiden kanssa hyvinvointialueen perhekeskuksessa.",
    "Tuen vanhemmuutta ja vahvistan perheiden voimavaroja.",
    "Olen kiinnostunut monialaisesta yhteistyöstä ja palveluohjauksesta.",
    "Vastaan oppilashuollon kuraattoripalveluista kahdessa koulussa.",
    "Teen lastensuojelun avohuollon sosiaalityötä.",
    "Koordinoin OT-keskuksen konsultaatioita ja verkostoja.",
    "Kehitän lapsiperheiden palveluja yhdessä järjestöjen kanssa.",
    "Seuraan neuvolassa lasten kasvua ja kehitystä.",
    "Ohjaan vanhempainryhmiä ja vertaistukea.",
    "Työskentelen varhaiskasvatuksessa ja ohjaan päiväkotien henkilöstöä.",
    "Teen kouluterveydenhuollon terveystarkastuksia yläkoulussa.",
    "Työskentelen perheneuvolassa ja tapaan lapsia ja vanhempia yhdessä.",
    "Teen lapsiperheiden kotipalvelua arjen tueksi.",
    "Vastaan alueen lapsiperhepalvelujen kehittämisestä.",
]

SV_INTRO = [
    "Jag är {title} och har arbetat med barn och familjer i {n} år.",
    "Jag har arbetat inom barn- och familjetjänster sedan {year}.",
    "Jag arbetar i ett mångprofessionellt team i {city}.",
]
SV_FILLER = [
    "Jag gör många hembesök.",
    "Jag gick i skola i Vasa och studerade vid Åbo Akademi.",
    "På fritiden spelar jag schack och innebandy.",
    "Jag tar hänsyn till barns individuella skillnader.",
    "Konsultationer kan också ske på distans.",
    "Jag arbetar på svenska och finska.",
    "Jag samarbetar nära med vårdnadshavare och skolor.",
    "Jag har gått en utbildning i familjeterapi.",
    "Jag handleder yrkesverksamma inom socialt arbete.",
    "Jag har en ovanligt bred arbetserfarenhet.",
]
SV_GENERIC = [
    "Jag arbetar med familjer i kommunen och träffar dem i deras hem.",
    "Jag stöder föräldraskap och stärker familjernas resurser.",
    "Jag arbetar inom öppenvården i barnskyddet.",
    "Jag arbetar med elevvård på två skolor.",
    "Jag utvecklar tjänster för barnfamiljer tillsammans med organisationer.",
]

EN_INTRO = [
    "I am {a_title} with {n} years of experience with children and families.",
    "I have worked in child and family services since {year}.",
    "I work in a multi-professional team in {city}.",
]
EN_FILLER = [
    "I make a lot of home visits.",
    "I went to school in Tampere and studied at the University of Helsinki.",
    "In my free time I play chess and floorball.",
    "Consultations are also possible remotely.",
    "I pay attention to children's individual differences.",
    "I have a rare breadth of work experience.",
    "I work closely with guardians and schools.",
    "I am trained in solution-focused family therapy.",
    "I supervise social work students.",
    "I work in English, Finnish and Swedish.",
]
EN_GENERIC = [
    "I work with families in the municipality and meet them in their homes.",
    "I support parenting and strengthen families' own resources.",
    "I work in open-care child protection social work.",
    "I coordinate services for families with children in our wellbeing services county.",
    "I work in pupil welfare at two schools.",
]

CITIES = ["Helsinki", "Espoo", "Tampere", "Turku", "Oulu", "Kuopio", "Jyväskylä",
          "Joensuu", "Vaasa", "Lahti", "Seinäjoki", "Rovaniemi"]
CITY_INE = {"Helsinki": "Helsingissä", "Espoo": "Espoossa", "Tampere": "Tampereella",
            "Turku": "Turussa", "Oulu": "Oulussa", "Kuopio": "Kuopiossa",
            "Jyväskylä": "Jyväskylässä", "Joensuu": "Joensuussa", "Vaasa": "Vaasassa",
            "Lahti": "Lahdessa", "Seinäjoki": "Seinäjoella", "Rovaniemi": "Rovaniemellä"}

FI_TITLES = ["sosiaalityöntekijä", "johtava sosiaalityöntekijä", "erikoissosiaalityöntekijä",
             "psykologi", "erikoispsykologi", "neuropsykologi", "lastenpsykiatri",
             "nuorisopsykiatri", "lastentautien erikoislääkäri", "lastenneurologi",
             "psykiatrinen sairaanhoitaja", "sairaanhoitaja", "terveydenhoitaja",
             "koulukuraattori", "koulupsykologi", "erityisopettaja", "erityisluokanopettaja",
             "rehtori", "perheterapeutti", "perhetyöntekijä", "sosiaaliohjaaja",
             "nuorisotyöntekijä", "varhaiskasvatuksen erityisopettaja", "toimintaterapeutti",
             "puheterapeutti", "ylilääkäri", "tutkija", "yliopistonlehtori",
             "projektipäällikkö", "OT-koordinaattori", "palveluohjaaja", "psykoterapeutti"]
SV_TITLES = ["socialarbetare", "psykolog", "barnpsykiater", "specialläkare i barnneurologi",
             "skolkurator", "speciallärare", "familjeterapeut", "hälsovårdare", "forskare",
             "socialhandledare", "ungdomsarbetare", "sjukskötare", "överläkare"]
EN_TITLES = ["social worker", "clinical psychologist", "child psychiatrist", "paediatrician",
             "school social worker", "special education teacher", "family therapist",
             "researcher", "psychiatric nurse", "youth worker", "senior lecturer",
             "project manager", "occupational therapist"]

FI_ORGS = ["Harjulan perheneuvola", "Kallioniemen nuorisopsykiatrian poliklinikka",
           "Pihlajarinteen yhtenäiskoulu", "Lapsiperheiden Tuki ry", "Nuorten Polku ry",
           "Sininen Silta ry", "Väinölän terveysasema", "Männistön sosiaalipalvelut",
           "Rantakylän oppilashuolto", "Kasvun Tila Oy", "Itäjärven yliopisto",
           "Pohjanlahden ammattikorkeakoulu", "Koskenlaakson keskussairaala, lastenklinikka",
           "Lehtolan kaupunki, lapsiperheiden sosiaalipalvelut",
           "Ahvenlammen lastenpsykiatrian yksikkö", "Terapiakeskus Aalto",
           "Perhetyö Kompassi Oy", "Suvantolan kunta", "Kotirinteen koulu",
           "Päiväkoti Kotikolo", "Järvenrannan perhekeskus", "Koivulaakson hyvinvointialue",
           "Salmelan sosiaalialan osaamiskeskus", "Mäntyharjun nuorisopalvelut",
           "Vaahteramäen lastensuojelun avohuolto", "Tuulikylän koulu",
           "Kanervalan perhekeskus", "Saarijärven seudun neuvola"]
SV_ORGS = ["Ekbackens familjerådgivning", "Föreningen Trygg Uppväxt r.f.", "Strandvikens skola",
           "Sjöbyns barnpsykiatriska poliklinik", "Lindgårdens socialtjänst",
           "Holmsunds hälsocentral", "Björkö högskola", "Västerviks familjecentral"]
EN_ORGS = ["Northlake Child and Family Centre",
           "Riverside University Hospital, Department of Child Psychiatry",
           "Open Doors Association", "Lakeside Institute for Child Welfare Research",
           "Pine Hill School", "Eastbay Family Services"]

FI_FIRST = ["Aino", "Anna", "Anne", "Eeva", "Elina", "Emilia", "Hanna", "Heidi", "Helena",
            "Henna", "Jenni", "Johanna", "Katja", "Kaisa", "Laura", "Leena", "Liisa", "Maija",
            "Marjo", "Minna", "Noora", "Outi", "Päivi", "Riikka", "Sanna", "Satu", "Suvi",
            "Tiina", "Tuula", "Virpi", "Antti", "Eero", "Heikki", "Janne", "Jari", "Juha",
            "Jukka", "Kalle", "Markku", "Matti", "Mikko", "Olli", "Pekka", "Petri", "Sami",
            "Teemu", "Timo", "Tuomas", "Ville", "Ilkka", "Kirsi", "Merja", "Pirjo", "Raili"]
FI_LAST = ["Aaltonen", "Heikkinen", "Hiltunen", "Honkanen", "Hyvönen", "Jokinen", "Kallio",
           "Karjalainen", "Kauppinen", "Kettunen", "Kinnunen", "Koivisto", "Korhonen",
           "Laitinen", "Lehtonen", "Leinonen", "Mattila", "Miettinen", "Mäkinen", "Nieminen",
           "Nurmi", "Ojala", "Pitkänen", "Rantanen", "Räsänen", "Salminen", "Savolainen",
           "Tuominen", "Turunen", "Väisänen", "Virtanen", "Kuusiluoma", "Harjuvaara",
           "Lepistölä", "Rinnekangas", "Mäntylahti", "Huttunen", "Partanen", "Seppälä",
           "Vänskä", "Ylönen", "Pesonen"]
SV_FIRST = ["Anna", "Johanna", "Maria", "Sofia", "Camilla", "Lina", "Ulrika", "Malin",
            "Erik", "Mikael", "Henrik", "Fredrik", "Jonas", "Patrik", "Kristoffer", "Annika"]
SV_LAST = ["Lindqvist", "Sundström", "Holmberg", "Grönroos", "Nyström", "Blomqvist", "Åberg",
           "Westerlund", "Sjöberg", "Forsman", "Lindholm", "Ekman", "Backman", "Strandberg"]


# ---------------------------------------------------------------------------
# Generation
# ---------------------------------------------------------------------------

def parse_np(s):
    no_problem = s.startswith("!")
    forms = s.lstrip("!").split("|")
    assert len(forms) == 6, s
    return {c: (None if f == "-" else f) for c, f in zip(CASES, forms)}, no_problem


for _c in CONCEPTS.values():
    _c["fi_np_parsed"] = [parse_np(s) for s in _c["fi_np"]]


class Gen:
    def __init__(self, seed):
        self.r = random.Random(seed)
        self.used = set()  # templates used in the profile being written

    def ctx(self):
        r = self.r
        return {"n": r.randint(3, 28), "year": r.randint(1995, 2022),
                "place": r.choice(PLACES), "place_city": r.choice(PLACES),
                "extra": r.choice(FI_EXTRA), "city": r.choice(CITIES)}

    def fmt(self, s, **kw):
        c = self.ctx()
        c.update(kw)
        return s.format(**c)

    # --- Finnish -----------------------------------------------------------
    def fi_np_frame(self, cid):
        r = self.r
        c = CONCEPTS[cid]
        for _ in range(50):
            forms, no_problem = r.choice(c["fi_np_parsed"])
            case, tmpl, needs_problem = r.choice(FI_FRAMES)
            if forms[case] is None or tmpl in self.used:
                continue
            if needs_problem and (no_problem or not c["problem"]):
                continue
            self.used.add(tmpl)
            return self.fmt(tmpl, x=forms[case])
        raise RuntimeError(cid)

    def fi_mention(self, cid, used):
        r = self.r
        c = CONCEPTS[cid]
        for _ in range(20):
            if r.random() < 0.5:
                s = self.fi_np_frame(cid)
            else:
                s = self.fmt(r.choice(c["fi_s"]))
            if s not in used:
                return s
        return s

    def fi_multi(self, a, b):
        r = self.r
        for _ in range(50):
            case, tmpl = r.choice(FI_MULTI)
            fa, _ = r.choice(CONCEPTS[a]["fi_np_parsed"])
            fb, _ = r.choice(CONCEPTS[b]["fi_np_parsed"])
            if fa[case] and fb[case]:
                return self.fmt(tmpl, a=fa[case], b=fb[case])
        raise RuntimeError((a, b))

    # --- Swedish / English --------------------------------------------------
    def xx_mention(self, lang, cid):
        r = self.r
        c = CONCEPTS[cid]
        nps, sents = c[lang + "_np"], c[lang + "_s"]
        frames = [f for f in (SV_FRAMES if lang == "sv" else EN_FRAMES) if f not in self.used]
        if r.random() < 0.6:
            f = r.choice(frames)
            self.used.add(f)
            return self.fmt(f, x=r.choice(nps))
        return self.fmt(r.choice(sents))

    def xx_multi(self, lang, a, b):
        r = self.r
        frames = SV_MULTI if lang == "sv" else EN_MULTI
        return self.fmt(r.choice(frames), a=r.choice(CONCEPTS[a][lang + "_np"]),
                        b=r.choice(CONCEPTS[b][lang + "_np"]))

    # --- profile ------------------------------------------------------------
    def language(self):
        x = self.r.random()
        return "fi" if x < 0.80 else ("sv" if x < 0.92 else "en")

    def title(self, lang, leaves):
        r = self.r
        if lang == "fi":
            spec = CONCEPTS[leaves[0]]["titles"] if leaves else []
            if spec and r.random() < 0.3:
                return r.choice(spec)
            return r.choice(FI_TITLES)
        return r.choice(SV_TITLES if lang == "sv" else EN_TITLES)

    def org(self, lang, leaves):
        r = self.r
        if lang == "fi":
            spec = CONCEPTS[leaves[0]]["orgs"] if leaves else []
            if spec and r.random() < 0.25:
                return r.choice(spec)
            return r.choice(FI_ORGS)
        return r.choice(SV_ORGS if lang == "sv" else EN_ORGS)

    def name(self, lang):
        r = self.r
        if lang == "sv" or (lang == "en" and r.random() < 0.2):
            return f"{r.choice(SV_FIRST)} {r.choice(SV_LAST)}"
        return f"{r.choice(FI_FIRST)} {r.choice(FI_LAST)}"

    def describe(self, lang, leaves, title):
        r = self.r
        mentions = []
        order = list(leaves)
        r.shuffle(order)
        if len(order) >= 2 and r.random() < 0.3:
            a, b = order[0], order[1]
            mentions.append(self.fi_multi(a, b) if lang == "fi" else self.xx_multi(lang, a, b))
            order = order[2:]
        for cid in order:
            if lang == "fi":
                mentions.append(self.fi_mention(cid, mentions))
            else:
                mentions.append(self.xx_mention(lang, cid))
        if len(leaves) == 1 and r.random() < 0.4:
            extra = self.fi_mention(leaves[0], mentions) if lang == "fi" \
                else self.xx_mention(lang, leaves[0])
            if extra not in mentions:
                mentions.append(extra)
        if not leaves:
            pool = {"fi": FI_GENERIC, "sv": SV_GENERIC, "en": EN_GENERIC}[lang]
            mentions = r.sample(pool, r.randint(1, 2))

        filler_pool = {"fi": FI_FILLER, "sv": SV_FILLER, "en": EN_FILLER}[lang]
        intro_pool = {"fi": FI_INTRO, "sv": SV_INTRO, "en": EN_INTRO}[lang]
        total = r.randint(max(2, len(mentions)), min(5, len(mentions) + 3))
        body = list(mentions)
        intro = None
        if total > len(body) and r.random() < 0.6:
            a_title = ("an " if title[0].lower() in "aeiou" else "a ") + title
            intro = self.fmt(r.choice(intro_pool), title=title, a_title=a_title)
        need = total - len(body) - (1 if intro else 0)
        if need > 0:
            body += [self.fmt(s) for s in r.sample(filler_pool, need)]
        first = body[0]
        rest = body[1:]
        r.shuffle(rest)
        sents = ([intro] if intro else []) + [first] + rest
        return " ".join(sents)

    def profile(self, leaves, lang=None):
        self.used = set()
        lang = lang or self.language()
        title = self.title(lang, leaves)
        return {"name": self.name(lang), "title": title, "organisation": self.org(lang, leaves),
                "language": lang, "description": self.describe(lang, leaves, title),
                "concepts": labels_of(leaves)}

    def random_leaves(self):
        r = self.r
        x = r.random()
        k = 0 if x < 0.07 else 1 if x < 0.55 else 2 if x < 0.90 else 3
        ids = list(CONCEPTS)
        weights = [CONCEPTS[c]["weight"] for c in ids]
        leaves = []
        while len(leaves) < k:
            if leaves and r.random() < 0.55:
                aff = CONCEPTS[leaves[0]]["affinity"]
                c = r.choice(aff)
            else:
                c = r.choices(ids, weights)[0]
            if c not in leaves:
                leaves.append(c)
            if len(labels_of(leaves)) > 4:
                leaves.pop()
                break
        return leaves

    def forced_leaves(self, concepts):
        r = self.r
        leaves = []
        for c in concepts:
            leaf = r.choice(realisations(c))
            if leaf not in leaves:
                leaves.append(leaf)
        if r.random() < 0.2:
            extra = r.choice(list(CONCEPTS))
            if extra not in leaves and len(labels_of(leaves + [extra])) <= 4:
                leaves.append(extra)
        return leaves


# ---------------------------------------------------------------------------
# Queries (written by hand; judged by concept, in any profile language)
# ---------------------------------------------------------------------------

QUERIES = [
    # inflected: one inflected Finnish word
    ("huoltoriidoissa", "inflected", ["custody-dispute"]),
    ("päihteistä", "inflected", ["substance-abuse"]),
    ("syömishäiriöihin", "inflected", ["eating-disorders"]),
    ("psykooseista", "inflected", ["psychosis"]),
    ("lastensuojelulaitoksissa", "inflected", ["residential-care"]),
    ("sijaisperheissä", "inflected", ["foster-care"]),
    ("pakolaisperheiden", "inflected", ["immigrant-families"]),
    ("kiusaamisesta", "inflected", ["bullying"]),
    ("oppimisvaikeuksista", "inflected", ["learning-difficulties"]),
    # compound
    ("koulupoissaolot", "compound", ["school-absence"]),
    ("lähisuhdeväkivalta", "compound", ["domestic-violence"]),
    ("peliriippuvuus", "compound", ["gaming-addiction"]),
    ("nuorisorikollisuus", "compound", ["youth-crime"]),
    ("lastensuojeluilmoitus", "compound", ["child-protection-notification"]),
    ("koulukiusaaminen", "compound", ["bullying"]),
    ("perhehoito", "compound", ["foster-care"]),
    ("koulukoti", "compound", ["reform-school"]),
    ("kunniaväkivalta", "compound", ["honour-violence"]),
    ("hyväksikäyttöepäily", "compound", ["child-sexual-abuse"]),
    # compound written apart
    ("koulu poissaolot", "compound-split", ["school-absence"]),
    ("lähisuhde väkivalta", "compound-split", ["domestic-violence"]),
    ("peli riippuvuus", "compound-split", ["gaming-addiction"]),
    ("nuoriso rikollisuus", "compound-split", ["youth-crime"]),
    ("lastensuojelu ilmoitus", "compound-split", ["child-protection-notification"]),
    ("koulu kiusaaminen", "compound-split", ["bullying"]),
    ("syömis häiriöt", "compound-split", ["eating-disorders"]),
    ("huolto riidat", "compound-split", ["custody-dispute"]),
    # derived forms
    ("traumatisoituneet", "derived", ["trauma"]),
    ("itsetuhoiset", "derived", ["self-harm"]),
    ("kehitysvammainen", "derived", ["disability"]),
    ("autistinen", "derived", ["autism"]),
    ("radikalisoitunut", "derived", ["radicalisation"]),
    ("päihdeongelmainen", "derived", ["substance-abuse"]),
    ("psykoottinen", "derived", ["psychosis"]),
    ("asunnoton", "derived", ["youth-homelessness"]),
    ("jengiytyminen", "derived", ["gang-involvement"]),
    # two concepts together
    ("adhd ja päihteet", "multiword", ["adhd", "substance-abuse"]),
    ("huoltoriita ja lähisuhdeväkivalta", "multiword", ["custody-dispute", "domestic-violence"]),
    ("syömishäiriö itsetuhoisuus", "multiword", ["eating-disorders", "self-harm"]),
    ("autismi koulupoissaolot", "multiword", ["autism", "school-absence"]),
    ("pakolaisperheet trauma", "multiword", ["immigrant-families", "trauma"]),
    ("psykoosi ja päihteet", "multiword", ["psychosis", "substance-abuse"]),
    ("nuorisorikollisuus päihteet", "multiword", ["youth-crime", "substance-abuse"]),
    ("kunniaväkivalta maahanmuuttajat", "multiword", ["honour-violence", "immigrant-families"]),
    ("peliriippuvuus ja koulupoissaolot", "multiword", ["gaming-addiction", "school-absence"]),
    ("sijaisperhe trauma", "multiword", ["foster-care", "trauma"]),
    # synonyms and paraphrases
    ("huoltajuuskiista", "synonym", ["custody-dispute"]),
    ("perheväkivalta", "synonym", ["domestic-violence"]),
    ("kouluakäymättömyys", "synonym", ["school-absence"]),
    ("ääriajattelu", "synonym", ["radicalisation"]),
    ("kodittomat nuoret", "synonym", ["youth-homelessness"]),
    ("itsemurha-ajatukset", "synonym", ["self-harm"]),
    ("tarkkaavuushäiriö", "synonym", ["adhd"]),
    ("vanhempien psyykkinen sairastaminen", "synonym", ["parental-mental-health"]),
    ("alakuloiset nuoret", "synonym", ["youth-depression"]),
    ("nuorten huumekokeilut", "synonym", ["youth-substance-use"]),
    # typos
    ("paihdeongelma", "typo", ["substance-abuse"]),
    ("syomishairio", "typo", ["eating-disorders"]),
    ("lahisuhdevakivalta", "typo", ["domestic-violence"]),
    ("koulupoissolot", "typo", ["school-absence"]),
    ("autimsi", "typo", ["autism"]),
    ("pyskoosi", "typo", ["psychosis"]),
    ("itsetuhoisus", "typo", ["self-harm"]),
    ("radikalisotuminen", "typo", ["radicalisation"]),
    ("maahanmuuttajaperhet", "typo", ["immigrant-families"]),
    ("kiusaamien", "typo", ["bullying"]),
    # Swedish
    ("vårdnadstvist", "swedish", ["custody-dispute"]),
    ("våld i nära relationer", "swedish", ["domestic-violence"]),
    ("ätstörningar", "swedish", ["eating-disorders"]),
    ("missbruk", "swedish", ["substance-abuse"]),
    ("skolfrånvaro", "swedish", ["school-absence"]),
    ("självskadebeteende", "swedish", ["self-harm"]),
    ("familjehem", "swedish", ["foster-care"]),
    ("hedersrelaterat våld", "swedish", ["honour-violence"]),
    ("neuropsykiatriska funktionsnedsättningar", "swedish", ["neuropsychiatric"]),
    # English
    ("custody disputes", "english", ["custody-dispute"]),
    ("domestic violence", "english", ["domestic-violence"]),
    ("eating disorders", "english", ["eating-disorders"]),
    ("substance abuse", "english", ["substance-abuse"]),
    ("school refusal", "english", ["school-absence"]),
    ("self-harm", "english", ["self-harm"]),
    ("youth gangs", "english", ["gang-involvement"]),
    ("immigrant families", "english", ["immigrant-families"]),
    ("adolescent depression", "english", ["youth-depression"]),
    ("foster care", "english", ["foster-care"]),
    # natural-language questions
    ("kuka osaa auttaa kun nuori ei mene kouluun", "question", ["school-absence"]),
    ("mistä apua kun vanhemmat riitelevät lapsen huoltajuudesta", "question", ["custody-dispute"]),
    ("kenellä on kokemusta nuorista jotka viiltelevät", "question", ["self-harm"]),
    ("kuka voi konsultoida kun epäillään lapsen seksuaalista hyväksikäyttöä", "question",
     ["child-sexual-abuse"]),
    ("onko asiantuntijaa joka tuntee katujengejä", "question", ["gang-involvement"]),
    ("miten tukea lasta jonka äiti juo liikaa", "question", ["parental-substance-use"]),
    ("kuka osaa neuvoa kun nuori pelaa yöt läpi", "question", ["gaming-addiction"]),
    ("kuka tuntee lasten harvinaiset sairaudet", "question", ["rare-diseases"]),
    ("kuka tietää lasten toiminnallisista oireista", "question", ["functional-disorders"]),
    ("mistä löydän asiantuntijan masentuneen vanhemman lapsen tueksi", "question",
     ["parental-mental-health"]),
]

MIN_RELEVANT = 15
FORCED_PER_PAIR = 18

# ---------------------------------------------------------------------------
# Hand-written forbidden and must-find cases
# ---------------------------------------------------------------------------

FORBIDDEN = [
    {"q": "koulukoti",
     "profile": {"name": "Sari Lahtinen", "title": "ohjaaja", "organisation": "Turvakoti Majakka",
                 "language": "fi",
                 "description": "Työskentelen turvakodissa väkivaltaa paenneiden äitien ja lasten kanssa. Huolehdin siitä, että lasten koulunkäynti jatkuu turvakotijakson aikana.",
                 "concepts": ["domestic-violence"]},
     "why": "Only shares the parts koulu- and -koti; a shelter for domestic violence is not a reform school."},
    {"q": "harvinaiset sairaudet",
     "profile": {"name": "Pekka Honkanen", "title": "perhetyöntekijä", "organisation": "Suvantolan kunta",
                 "language": "fi",
                 "description": "Minulla on harvinaisen pitkä kokemus perhetyöstä. Olen tehnyt myös sairauslomasijaisuuksia lastensuojelun avohuollossa.",
                 "concepts": []},
     "why": "'harvinaisen' is an adverb of degree and 'sairaus' only appears in 'sairauslomasijaisuus'."},
    {"q": "toiminnalliset häiriöt",
     "profile": {"name": "Kaisa Mäkinen", "title": "erityisluokanopettaja", "organisation": "Tuulikylän koulu",
                 "language": "fi",
                 "description": "Käytän opetuksessa toiminnallisia menetelmiä ja liikuntaa. Luokassani häiriötilanteet ratkaistaan yhteisillä säännöillä.",
                 "concepts": []},
     "why": "Functional teaching methods and classroom disruptions are not functional (somatic) disorders."},
    {"q": "peliriippuvuus",
     "profile": {"name": "Janne Kettunen", "title": "nuorisotyöntekijä", "organisation": "Mäntyharjun nuorisopalvelut",
                 "language": "fi",
                 "description": "Ohjaan nuorten sählyjoukkuetta ja pelaamme turnauksissa ympäri Suomea. Kaikki pääsevät mukaan taustasta riippumatta.",
                 "concepts": []},
     "why": "Playing floorball and 'riippumatta' share word parts with gaming addiction but are unrelated."},
    {"q": "lastenkoti",
     "profile": {"name": "Liisa Hyvönen", "title": "perhetyöntekijä", "organisation": "Päiväkoti Kotikolo",
                 "language": "fi",
                 "description": "Teen kotikäyntejä lapsiperheisiin ja tuen vanhempia lasten kotiarjessa. Aiemmin työskentelin päiväkodissa.",
                 "concepts": []},
     "why": "Home visits and a day-care centre (päiväkoti) are not residential children's homes."},
    {"q": "kehitysvamma",
     "profile": {"name": "Tiina Nurmi", "title": "terveydenhoitaja", "organisation": "Saarijärven seudun neuvola",
                 "language": "fi",
                 "description": "Seuraan neuvolassa lasten kasvua ja kehitystä. Ohjaan vanhempia myös lasten tapaturmien ja vammojen ehkäisyssä kotona.",
                 "concepts": []},
     "why": "Normal development follow-up and accident injuries are not intellectual disability."},
    {"q": "seksuaalinen hyväksikäyttö",
     "profile": {"name": "Noora Partanen", "title": "kouluterveydenhoitaja", "organisation": "Pihlajarinteen yhtenäiskoulu",
                 "language": "fi",
                 "description": "Pidän yläkoululaisille seksuaaliterveyden oppitunteja ehkäisystä ja murrosiän muutoksista. Käytän hyväksi nuorten omia kysymyksiä tuntien suunnittelussa.",
                 "concepts": []},
     "why": "Sexual health education and the phrase 'käytän hyväksi' (make use of) are not about sexual abuse."},
    {"q": "trauma",
     "profile": {"name": "Markku Seppälä", "title": "lastenkirurgi", "organisation": "Koskenlaakson keskussairaala, lastenklinikka",
                 "language": "fi",
                 "description": "Hoidan lasten luunmurtumia ja muita tapaturmavammoja. Erikoisalani on lasten traumatologia ja päivystyskirurgia.",
                 "concepts": []},
     "why": "Traumatology in the surgical sense (physical injuries) is unrelated to psychological trauma."},
    {"q": "radikalisoituminen",
     "profile": {"name": "Ville Ylönen", "title": "kehittämispäällikkö", "organisation": "Perhetyö Kompassi Oy",
                 "language": "fi",
                 "description": "Kehitän radikaalisti uudenlaista, joustavaa perhetyötä. Teen äärimmäisen mielelläni yhteistyötä järjestöjen kanssa.",
                 "concepts": []},
     "why": "'radikaalisti' (radically) and 'äärimmäisen' (extremely) are not about radicalisation or extremism."},
    {"q": "syömishäiriö",
     "profile": {"name": "Hanna Leinonen", "title": "terveydenhoitaja", "organisation": "Kanervalan perhekeskus",
                 "language": "fi",
                 "description": "Seuraan vauvojen syömistä, kasvua ja unta. Ohjaan vanhempia, kun vauvalla on unihäiriöitä.",
                 "concepts": []},
     "why": "Infant feeding follow-up plus sleep disturbances share 'syöminen' and 'häiriö' but are not eating disorders."},
    {"q": "sijaisperhe",
     "profile": {"name": "Merja Turunen", "title": "varhaiskasvatuksen opettaja", "organisation": "Päiväkoti Kotikolo",
                 "language": "fi",
                 "description": "Olen työskennellyt pitkään sijaisena eri päiväkodeissa. Teen tiivistä yhteistyötä perheiden kanssa.",
                 "concepts": []},
     "why": "A substitute teacher (sijainen) working with families is not foster care."},
    {"q": "vårdnadstvist",
     "profile": {"name": "Malin Ekman", "title": "skolkurator", "organisation": "Strandvikens skola",
                 "language": "sv",
                 "description": "Jag samarbetar nära med vårdnadshavare. Jag hjälper elever att lösa tvister på skolgården.",
                 "concepts": []},
     "why": "Working with guardians and settling playground quarrels is not a custody dispute."},
]

MUST_FIND = [
    {"q": "huoltoriita",
     "profile": {"name": "Elina Räsänen", "title": "sosiaalityöntekijä", "organisation": "Harjulan perheneuvola",
                 "language": "fi",
                 "description": "Autan vanhempia, jotka ovat vuosia kiistelleet käräjäoikeudessa siitä, kumman luona lapsi asuu ja kuinka usein hän tapaa toista vanhempaansa.",
                 "concepts": ["custody-dispute"]},
     "why": "A custody dispute described without the word huoltoriita."},
    {"q": "lähisuhdeväkivalta",
     "profile": {"name": "Sofia Grönroos", "title": "socialarbetare", "organisation": "Västerviks familjecentral",
                 "language": "sv",
                 "description": "Jag arbetar på ett skyddshem med kvinnor som har utsatts för våld av sin partner och med deras barn.",
                 "concepts": ["domestic-violence"]},
     "why": "Domestic violence written in Swedish."},
    {"q": "koulupoissaolot",
     "profile": {"name": "Anne Koivisto", "title": "koulukuraattori", "organisation": "Rantakylän oppilashuolto",
                 "language": "fi",
                 "description": "Tuen nuoria, jotka eivät ole käyneet koulua kuukausiin, takaisin luokkaan pienin askelin.",
                 "concepts": ["school-absence"]},
     "why": "School absence described with a verb phrase."},
    {"q": "traumatisoitunut",
     "profile": {"name": "Daniel Korhonen", "title": "clinical psychologist", "organisation": "Northlake Child and Family Centre",
                 "language": "en",
                 "description": "I provide EMDR therapy for children with post-traumatic stress after frightening experiences.",
                 "concepts": ["trauma"]},
     "why": "Trauma written in English."},
    {"q": "päihteet",
     "profile": {"name": "Jukka Pesonen", "title": "sosiaaliohjaaja", "organisation": "Mäntyharjun nuorisopalvelut",
                 "language": "fi",
                 "description": "Teen työtä nuorten kanssa, joilla on huumeiden ja alkoholin ongelmakäyttöä.",
                 "concepts": ["youth-substance-use", "substance-abuse"]},
     "why": "Drugs and alcohol named instead of päihteet."},
    {"q": "syömishäiriöt",
     "profile": {"name": "Suvi Väisänen", "title": "psykologi", "organisation": "Syömishäiriöklinikka Tasapaino",
                 "language": "fi",
                 "description": "Hoidan anorektisia nuoria ja heidän perheitään perhepohjaisella hoidolla.",
                 "concepts": ["eating-disorders"]},
     "why": "A derived adjective (anorektinen) names a kind of eating disorder."},
    {"q": "autismi",
     "profile": {"name": "Olli Huttunen", "title": "erityisopettaja", "organisation": "Kotirinteen koulu",
                 "language": "fi",
                 "description": "Opetan autismikirjon oppilaiden pienryhmää ja tuen heidän siirtymiään yläkouluun.",
                 "concepts": ["autism", "neuropsychiatric"]},
     "why": "Autism written as the compound autismikirjo in the genitive."},
    {"q": "itsetuhoisuus",
     "profile": {"name": "Riikka Jokinen", "title": "psykiatrinen sairaanhoitaja", "organisation": "Kallioniemen nuorisopsykiatrian poliklinikka",
                 "language": "fi",
                 "description": "Työskentelen nuorten kanssa, jotka viiltelevät tai muuten satuttavat itseään.",
                 "concepts": ["self-harm"]},
     "why": "Self-harm described by the verbs viillellä and satuttaa itseään."},
    {"q": "koulukoti",
     "profile": {"name": "Timo Rinnekangas", "title": "erityisopettaja", "organisation": "Koskenlaakson kaupunki",
                 "language": "fi",
                 "description": "Opetan valtion koulukodeissa sijoitettuja nuoria ja suunnittelen heidän jatko-opintojaan.",
                 "concepts": ["reform-school", "residential-care"]},
     "why": "Reform school in the plural inessive."},
    {"q": "peliriippuvuus",
     "profile": {"name": "Henrik Åberg", "title": "familjeterapeut", "organisation": "Ekbackens familjerådgivning",
                 "language": "sv",
                 "description": "Jag hjälper familjer där tonåringen spelar datorspel hela nätterna och har slutat gå ut.",
                 "concepts": ["gaming-addiction"]},
     "why": "Problem gaming written in Swedish without the word beroende."},
    {"q": "ADHD",
     "profile": {"name": "Katja Lehtonen", "title": "perheterapeutti", "organisation": "Terapiakeskus Aalto",
                 "language": "fi",
                 "description": "Ohjaan ylivilkkaiden ja tarkkaamattomien lasten vanhempia, kun lapsella on todettu aktiivisuuden ja tarkkaavuuden häiriö.",
                 "concepts": ["adhd", "neuropsychiatric"]},
     "why": "ADHD written out in Finnish words."},
    {"q": "maahanmuuttajaperheet",
     "profile": {"name": "Heidi Lindholm", "title": "sosiaalityöntekijä", "organisation": "Järvenrannan perhekeskus",
                 "language": "fi",
                 "description": "Työskentelen pakolaisina Suomeen tulleiden perheiden kanssa ja tuen heidän kotoutumistaan.",
                 "concepts": ["immigrant-families"]},
     "why": "Immigrant families described as families who came as refugees."},
]


# ---------------------------------------------------------------------------

def relevant_count(profiles, concepts):
    s = set(concepts)
    return sum(1 for p in profiles if s <= set(p["concepts"]))


def main():
    for q, cat, rel in QUERIES:
        for c in rel:
            assert c in CONCEPTS, (q, c)
    g = Gen(SEED)
    profiles = []
    seen = set()

    def add(p):
        if p["description"] in seen:
            return False
        seen.add(p["description"])
        profiles.append(p)
        return True

    # Profiles about the multi-concept queries' combinations.
    for q, cat, rel in QUERIES:
        if len(rel) > 1:
            made = 0
            while made < FORCED_PER_PAIR:
                if add(g.profile(g.forced_leaves(rel))):
                    made += 1
    # The rest at random.
    while len(profiles) < N_PROFILES:
        add(g.profile(g.random_leaves()))
    # Top up any query below the minimum (adds profiles).
    for q, cat, rel in QUERIES:
        while relevant_count(profiles, rel) < MIN_RELEVANT + 2:
            add(g.profile(g.forced_leaves(rel)))

    g.r.shuffle(profiles)
    out_profiles = []
    for i, p in enumerate(profiles, 1):
        out_profiles.append({"id": f"o{i:04d}", **p})

    queries = [{"q": q, "category": cat, "relevant": rel} for q, cat, rel in QUERIES]

    os.makedirs(OUT, exist_ok=True)

    def dump(name, obj):
        with open(os.path.join(OUT, name), "w", encoding="utf-8") as f:
            json.dump(obj, f, ensure_ascii=False, indent=1)
            f.write("\n")

    dump("profiles.json", out_profiles)
    dump("queries.json", queries)
    dump("forbidden.json", FORBIDDEN)
    dump("must_find.json", MUST_FIND)

    # --- statistics -------------------------------------------------------
    langs = Counter(p["language"] for p in out_profiles)
    ccount = Counter(c for p in out_profiles for c in p["concepts"])
    ncon = Counter(len(p["concepts"]) for p in out_profiles)
    cats = Counter(q["category"] for q in queries)
    rel_counts = [(q["q"], q["category"], q["relevant"],
                   relevant_count(out_profiles, q["relevant"])) for q in queries]
    bad = [r for r in rel_counts if r[3] < MIN_RELEVANT]

    print(f"profiles: {len(out_profiles)}  languages: {dict(langs)}")
    print(f"concepts per profile: {dict(sorted(ncon.items()))}")
    print("profiles per concept:")
    for c in CONCEPTS:
        print(f"  {c:32s} {ccount[c]}")
    print(f"queries: {len(queries)}  per category: {dict(cats)}")
    for q, cat, rel, n in rel_counts:
        print(f"  {n:4d}  [{cat}] {q}  -> {'+'.join(rel)}")
    print(f"forbidden: {len(FORBIDDEN)}  must_find: {len(MUST_FIND)}")
    if bad:
        print("QUERIES BELOW MINIMUM:", bad, file=sys.stderr)
        sys.exit(1)
    for c, n in cats.items():
        assert n >= 6, (c, n)

    write_readme(out_profiles, queries, langs, ccount, cats, rel_counts, ncon)


def write_readme(profiles, queries, langs, ccount, cats, rel_counts, ncon):
    lines = []
    w = lines.append
    w("# Outside test collection for the expert search")
    w("")
    w("Written by a helper session that **did not see the search engine, its thesaurus "
      "or the first test collection** (`testdata/search/`). It read only the domain "
      "documents (`shared/seeds/`, `DOMAIN-FACTS.md`, `DESIGN.md`) and chose its own "
      "concepts and its own ways of writing about them, so that the collection measures "
      "the engine on text it was not designed around. The engine was never run while "
      "writing it.")
    w("")
    w("Generated, deterministically (fixed seed, standard library only), by")
    w("")
    w("    python3 scripts/search-collection/outside.py")
    w("")
    w("## Files")
    w("")
    w("- `profiles.json`: %d invented expert profiles `{id, name, title, organisation, "
      "language, description, concepts}`. `concepts` is the ground truth: what the "
      "profile is about as a human reader would judge it, whatever words it uses." % len(profiles))
    w("- `queries.json`: %d queries `{q, category, relevant}`. A profile is relevant "
      "when it has **all** concepts in `relevant`, in whatever language it is written." % len(queries))
    w("- `forbidden.json`: %d hand-written `{q, profile, why}` cases: a profile that "
      "must NOT be found by `q` (it only shares word parts or an unrelated sense)." % len(FORBIDDEN))
    w("- `must_find.json`: %d hand-written cases: a profile clearly about `q`, written "
      "in other words, forms or languages, that must be found." % len(MUST_FIND))
    w("")
    w("## Profiles per language")
    w("")
    for l in ("fi", "sv", "en"):
        w(f"- {l}: {langs[l]}")
    w("")
    w("Concepts per profile (with umbrella concepts, see below): " +
      ", ".join(f"{k}: {v}" for k, v in sorted(ncon.items())) + ".")
    w("")
    w("## Concepts (profiles having each)")
    w("")
    w("| concept | profiles | umbrella |")
    w("|---|---|---|")
    for c, d in CONCEPTS.items():
        w(f"| {c} | {ccount[c]} | {d['parent'] or ''} |")
    w("")
    w("Umbrella concepts: a profile about ADHD or autism is also about "
      "`neuropsychiatric`; a profile about a state reform school (koulukoti) is also "
      "about `residential-care`; one about gangs is also about `youth-crime`; one about "
      "a youth's or a parent's substance use is also about `substance-abuse`. The "
      "umbrella concepts also have profiles written in general words only.")
    w("")
    w("## Queries per category")
    w("")
    w("| category | queries |")
    w("|---|---|")
    for c in ("inflected", "compound", "compound-split", "derived", "multiword", "synonym",
              "typo", "swedish", "english", "question"):
        w(f"| {c} | {cats[c]} |")
    w("")
    w("Every query has at least %d relevant profiles (smallest: %d), so precision@10 "
      "can reach 1.0. Profiles about the multiword queries' concept pairs were added on "
      "purpose (%d per pair)." % (MIN_RELEVANT, min(r[3] for r in rel_counts), FORCED_PER_PAIR))
    w("")
    w("## How the text is written")
    w("")
    w("Each concept has hand-written Finnish noun phrases in six cases (nominative, "
      "genitive, elative, illative, inessive, partitive), including compounds, the same "
      "compounds written apart or hyphenated, abbreviations (ADHD, ASD, PTSD, LS-ilmoitus, "
      "nepsy) and colloquial words, plus free sentences with derived words and paraphrases "
      "(e.g. \"nuoret, jotka jäävät aamulla sänkyyn eivätkä lähde kouluun\"). Swedish and "
      "English have their own phrases and sentences. Descriptions (2-5 sentences) mix "
      "these with introductions and filler sentences, many of which are distractors that "
      "share word parts with other concepts without being about them (kotikäynnit, "
      "sijaisopettaja, harvinaisen monipuolinen, toiminnalliset menetelmät, yksilölliset "
      "erot, huoltajat, pelaan sählyä, äärimmäisen, radikaalisti ...). About 7 % of profiles "
      "are generic and about no concept.")
    w("")
    w("## Caveats")
    w("")
    w("- Relevance is judged strictly by the labels. Some neighbouring concepts overlap "
      "in reality (honour-related violence and domestic violence, child sexual abuse and "
      "trauma, post-separation violence and custody disputes); a profile is labelled "
      "only with what its text is about, so an engine returning a neighbour is counted "
      "as a miss.")
    w("- `residential-care` queries count reform-school profiles as relevant (a koulukoti "
      "is a child-protection institution), and `substance-abuse` queries count profiles "
      "about a youth's or a parent's substance use.")
    w("- Profiles are generated from phrase banks, so the same phrasing recurs across "
      "profiles; the variety is in the combinations, cases and frames, not unlimited.")
    w("- Some profiles use the exact wording of a query on purpose, as real writers do: "
      "the split compounds (\"koulu poissaolot\", \"peli riippuvuus\" ...) and several "
      "synonym-category words (huoltajuuskiista, perheväkivalta, kouluakäymättömyys, "
      "tarkkaavuushäiriö, ääriajattelu, itsemurha-ajatukset, nuorten huumekokeilut) occur "
      "literally in a minority of the relevant profiles; most relevant profiles use other words.")
    w("- The queries were written before and independently of any engine run; some "
      "(questions, synonyms, Swedish/English) need a thesaurus or cross-language "
      "matching to be answered at all.")
    w("")
    with open(os.path.join(OUT, "README.md"), "w", encoding="utf-8") as f:
        f.write("\n".join(lines))


if __name__ == "__main__":
    main()
