//! Ilmiöt: the shared taxonomy of phenomena and competences.
//!
//! These are the starting entries, taken from the source documents. The
//! database is the truth once seeded: coordinators rename, describe, add
//! synonyms and add entries; the seed only fills in codes that are missing,
//! so an edit is never overwritten at start.

/// One seeded phenomenon, with names and descriptions in fi/sv/en and the
/// words professionals use for it (synonyms help search find it).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SeedPhenomenon {
    /// Stable code, e.g. `"custody-disputes"`; never reused.
    pub code: &'static str,
    pub name_fi: &'static str,
    pub name_sv: &'static str,
    pub name_en: &'static str,
    pub description_fi: &'static str,
    pub description_sv: &'static str,
    pub description_en: &'static str,
    /// Other words for it, any language, comma-separated.
    pub synonyms: &'static str,
}

/// The taxonomy as the source documents name it.
pub const PHENOMENA: &[SeedPhenomenon] = &[
    SeedPhenomenon {
        code: "custody-disputes",
        name_fi: "Vaativat huoltoriidat ja haastavat erot",
        name_sv: "Svåra vårdnadstvister och separationer",
        name_en: "Demanding custody disputes and separations",
        description_fi: "Konfliktoituneet erotilanteet, huolto- ja tapaamisriidat, vaativa eroauttaminen ja riskinarviointi.",
        description_sv: "Konfliktfyllda separationer, tvister om vårdnad och umgänge, krävande separationsstöd och riskbedömning.",
        description_en: "High-conflict separations, custody and contact disputes, demanding separation support and risk assessment.",
        synonyms: "huoltoriita, huoltajuusriita, huoltajuuskiista, tapaamisriita, eroriita, haastava ero, vaativa eroauttaminen, konfliktoitunut ero, erotilanne, avioero, vanhempien ero, eroperhe, asumisero, olosuhdeselvitys, vårdnadstvist, umgängestvist, skilsmässa, separation, custody dispute, contact dispute, divorce, parental alienation",
    },
    SeedPhenomenon {
        code: "domestic-violence",
        name_fi: "Lähisuhdeväkivalta",
        name_sv: "Våld i nära relationer",
        name_en: "Domestic violence",
        description_fi: "Väkivalta perheessä ja lähisuhteissa, sen tunnistaminen, riskinarviointi ja tuki lapselle ja perheelle.",
        description_sv: "Våld i familjen och i nära relationer: att känna igen det, bedöma risker och stödja barnet och familjen.",
        description_en: "Violence in the family and close relationships: recognising it, assessing risk, and supporting the child and family.",
        synonyms: "perheväkivalta, parisuhdeväkivalta, väkivalta, kotiväkivalta, väkivaltainen parisuhde, familjevåld, våld, våld i nära relationer, partnervåld, family violence, violence, domestic abuse, intimate partner violence",
    },
    SeedPhenomenon {
        code: "violence-against-child",
        name_fi: "Lapseen kohdistuvan väkivallan epäily (Barnahus)",
        name_sv: "Misstänkt våld mot barn (Barnahus)",
        name_en: "Suspected violence against a child (Barnahus)",
        description_fi: "Lapsiin kohdistuvien väkivalta- ja seksuaalirikosepäilyjen selvittäminen sekä väkivaltaa kokeneen lapsen tuki ja hoito Barnahus-mallin mukaisesti.",
        description_sv: "Utredning av misstänkt våld och sexualbrott mot barn samt stöd och vård för barn som utsatts, enligt Barnahus-modellen.",
        description_en: "Investigating suspected violence and sexual offences against children, and supporting and treating children who experienced them, following the Barnahus model.",
        synonyms: "Barnahus, kaltoinkohtelu, pahoinpitely, lapsen pahoinpitely, kuritusväkivalta, seksuaalinen hyväksikäyttö, seksuaalirikos, väkivaltaepäily, barnmisshandel, sexuella övergrepp, child abuse, child maltreatment, sexual abuse",
    },
    SeedPhenomenon {
        code: "child-protection-psychiatry",
        name_fi: "Lastensuojelun ja psykiatrian yhteisasiakkuudet",
        name_sv: "Gemensamma klienter inom barnskydd och psykiatri",
        name_en: "Child protection and psychiatry joint clients",
        description_fi: "Lapset ja nuoret, jotka tarvitsevat samanaikaisesti lastensuojelun vaativia toimia ja lasten- tai nuorisopsykiatrian hoitoa.",
        description_sv: "Barn och unga som samtidigt behöver krävande barnskyddsåtgärder och barn- eller ungdomspsykiatrisk vård.",
        description_en: "Children and young people who need demanding child-protection measures and child or adolescent psychiatric care at the same time.",
        synonyms: "yhteisasiakkuus, lastenpsykiatria, nuorisopsykiatria, lastensuojelu, psykiatria, mielenterveys, mielenterveysongelma, psykiatrinen hoito, barnskydd, barnpsykiatri, ungdomspsykiatri, psykisk ohälsa, child protection, psychiatry, child psychiatry, mental health",
    },
    SeedPhenomenon {
        code: "neuropsychiatric",
        name_fi: "Kompleksiset neuropsykiatriset tilanteet",
        name_sv: "Komplexa neuropsykiatriska situationer",
        name_en: "Complex neuropsychiatric situations",
        description_fi: "Neuropsykiatriset häiriöt (esim. ADHD, autismikirjo) yhdessä muiden vaikeuksien kanssa, kun tavanomainen tuki ei riitä.",
        description_sv: "Neuropsykiatriska funktionsnedsättningar (t.ex. adhd, autism) tillsammans med andra svårigheter, när vanligt stöd inte räcker.",
        description_en: "Neuropsychiatric conditions (such as ADHD or autism) together with other difficulties, when ordinary support is not enough.",
        synonyms: "nepsy, ADHD, ADD, autismi, autismikirjo, Asperger, Tourette, neuropsykiatrinen, neuropsykiatri, neuropsykiatria, tarkkaavuuden häiriö, neuropsykiatrisk, autism, neuropsychiatric, neurodevelopmental",
    },
    SeedPhenomenon {
        code: "rare-diseases",
        name_fi: "Harvinaiset sairaudet",
        name_sv: "Sällsynta sjukdomar",
        name_en: "Rare diseases",
        description_fi: "Harvinaiset sairaudet ja oireyhtymät, joiden hoito ja tuki edellyttävät erityisosaamista ja eri alojen yhteistyötä.",
        description_sv: "Sällsynta sjukdomar och syndrom vars vård och stöd kräver specialkunnande och samarbete mellan olika områden.",
        description_en: "Rare diseases and syndromes whose care and support need special expertise and cooperation across fields.",
        synonyms: "harvinaissairaus, harvinainen sairaus, oireyhtymä, syndrooma, sällsynt sjukdom, sällsynt diagnos, rare disease, rare condition, syndrome",
    },
    SeedPhenomenon {
        code: "functional-disorders",
        name_fi: "Toiminnalliset häiriöt",
        name_sv: "Funktionella störningar",
        name_en: "Functional disorders",
        description_fi: "Toiminnalliset oireet ja häiriöt, joissa oireilu on todellista mutta elimellistä syytä ei löydy.",
        description_sv: "Funktionella symtom och störningar där besvären är verkliga men ingen organisk orsak hittas.",
        description_en: "Functional symptoms and disorders: real symptoms without an organic cause.",
        synonyms: "toiminnallinen oire, toiminnallinen häiriö, psykosomaattinen, somatisaatio, funktionell störning, psykosomatisk, functional disorder, functional symptom, psychosomatic",
    },
    SeedPhenomenon {
        code: "substitute-care",
        name_fi: "Vaativa sijaishuolto",
        name_sv: "Krävande vård utom hemmet",
        name_en: "Demanding substitute care",
        description_fi: "Kodin ulkopuolelle sijoitetut lapset ja nuoret, joiden hoito vaatii erityistä osaamista, kuten toiminnallisesti integroitu vaativan sijaishuollon laitos.",
        description_sv: "Barn och unga placerade utanför hemmet vars vård kräver särskilt kunnande, till exempel en funktionellt integrerad institution.",
        description_en: "Children and young people placed outside the home whose care needs special expertise, such as a functionally integrated institution.",
        synonyms: "sijoitus, sijaishuolto, huostaanotto, perhehoito, sijaisperhe, perhekoti, lastenkoti, lastensuojelulaitos, koulukoti, laitoshoito, integroitu laitoshoito, placering, familjehem, fosterhem, barnhem, vård utom hemmet, institution, foster care, foster family, residential care, children's home, out-of-home care",
    },
    SeedPhenomenon {
        code: "school-support",
        name_fi: "Vaativa koulunkäynnin tuki",
        name_sv: "Krävande stöd i skolgången",
        name_en: "Demanding school support",
        description_fi: "Koulunkäynnin ja oppimisen vaativa tuki, koulupoissaolot ja sijoitettujen lasten koulunkäynti.",
        description_sv: "Krävande stöd för skolgång och lärande, skolfrånvaro och skolgång för placerade barn.",
        description_en: "Demanding support for schooling and learning, school absence and the schooling of children in care.",
        synonyms: "erityisopetus, koulupoissaolo, koulukieltäytyminen, koulunkäynnin tuki, oppimisen tuki, erityinen tuki, koulupudokas, skolfrånvaro, specialundervisning, skolvägran, school absence, school refusal, special education",
    },
    SeedPhenomenon {
        code: "substance-use",
        name_fi: "Päihteiden käyttö",
        name_sv: "Missbruk av rusmedel",
        name_en: "Substance use",
        description_fi: "Nuorten päihteiden käyttö ja perheen päihdeongelmat, mukaan lukien näyttöön perustuvat menetelmät kuten MDFT.",
        description_sv: "Ungas användning av rusmedel och missbruk i familjen, bland annat evidensbaserade metoder som MDFT.",
        description_en: "Young people's substance use and substance problems in the family, including evidence-based methods such as MDFT.",
        synonyms: "päihde, päihteet, huumeet, alkoholi, päihdeongelma, päihdehoito, riippuvuus, MDFT, rusmedel, missbruk, droger, beroende, drugs, substance abuse, substance use, addiction, alcohol",
    },
    SeedPhenomenon {
        code: "trauma",
        name_fi: "Trauma ja traumaperäiset oireet",
        name_sv: "Trauma och traumarelaterade symtom",
        name_en: "Trauma and trauma-related symptoms",
        description_fi: "Traumaattiset kokemukset ja niiden seuraukset lapsen ja nuoren kehitykselle ja arjelle.",
        description_sv: "Traumatiska upplevelser och deras följder för barns och ungas utveckling och vardag.",
        description_en: "Traumatic experiences and their consequences for a child's development and everyday life.",
        synonyms: "trauma, traumatisoituminen, traumaattinen kokemus, PTSD, traumaperäinen stressihäiriö, kriisi, traumatiserad, kris, traumatic, post-traumatic, crisis",
    },
    SeedPhenomenon {
        code: "disability",
        name_fi: "Vammaisuus ja vaativat vammaispalvelut",
        name_sv: "Funktionsnedsättning och krävande funktionshinderservice",
        name_en: "Disability and demanding disability services",
        description_fi: "Vammaisten lasten ja nuorten vaativat palvelutarpeet ja niiden yhteensovittaminen.",
        description_sv: "Krävande servicebehov för barn och unga med funktionsnedsättning och samordningen av dem.",
        description_en: "Demanding service needs of disabled children and young people, and coordinating them.",
        synonyms: "vammaispalvelut, vammaisuus, vammainen lapsi, kehitysvamma, kehitysvammainen, funktionshinder, funktionsnedsättning, disability services, disability, disabled, intellectual disability",
    },
    // The OT-level service areas of the regions' plans that the entries
    // above do not already name, so that screening results and suggestions
    // speak the expert network's words.
    SeedPhenomenon {
        code: "demanding-psychiatric-care",
        name_fi: "Vaativin lasten- ja nuorisopsykiatrinen ja somaattinen hoito",
        name_sv: "Den mest krävande barn- och ungdomspsykiatriska och somatiska vården",
        name_en: "The most demanding child and adolescent psychiatric and somatic care",
        description_fi: "Osastohoitoa, moniammatillista arviota tai harvinaista osaamista vaativat psykiatriset ja somaattiset tilanteet, joihin oman alueen erikoissairaanhoito ei yksin riitä.",
        description_sv: "Psykiatriska och somatiska situationer som kräver avdelningsvård, multiprofessionell bedömning eller sällsynt kompetens, där den egna specialsjukvården inte räcker till ensam.",
        description_en: "Psychiatric and somatic situations needing inpatient care, multi-professional assessment or rare expertise that one's own specialised care cannot give alone.",
        synonyms: "vaativin psykiatrinen hoito, osastohoito, psykiatrinen osastohoito, nuorisopsykiatrinen osasto, syömishäiriö, psykoosi, itsetuhoisuus, ätstörning, psykos, självskadebeteende, inpatient psychiatric care, eating disorder, psychosis, self-harm",
    },
    SeedPhenomenon {
        code: "forensic-child-psychiatry",
        name_fi: "Lasten ja nuorten oikeuspsykiatria",
        name_sv: "Rättspsykiatri för barn och unga",
        name_en: "Forensic child and adolescent psychiatry",
        description_fi: "Rikoksiin syyllistyneiden tai vakavasti väkivaltaisesti käyttäytyvien lasten ja nuorten arviointi ja hoito sekä oikeuspsykiatriset tutkimukset.",
        description_sv: "Bedömning och vård av barn och unga som begått brott eller beter sig allvarligt våldsamt, och rättspsykiatriska undersökningar.",
        description_en: "Assessing and treating children and young people who have offended or behave seriously violently, and forensic psychiatric examinations.",
        synonyms: "oikeuspsykiatria, nuorisorikollisuus, rikoksen tehnyt nuori, vakava väkivaltaisuus, mielentilatutkimus, rättspsykiatri, ungdomsbrottslighet, forensic psychiatry, youth offending, young offender",
    },
    SeedPhenomenon {
        code: "school-homes",
        name_fi: "Koulukodit ja erityisen vaativa sijaishuolto",
        name_sv: "Skolhem och särskilt krävande vård utom hemmet",
        name_en: "School homes and especially demanding substitute care",
        description_fi: "Valtion koulukotien ja muun erityisen vaativan sijaishuollon tarve, sijoitusten yhteensovittaminen ja koulunkäynti sijaishuollossa.",
        description_sv: "Behov av statens skolhem och annan särskilt krävande vård utom hemmet, samordning av placeringar och skolgång under placeringen.",
        description_en: "The need for the state's school homes and other especially demanding substitute care, coordinating placements and schooling in care.",
        synonyms: "koulukoti, valtion koulukoti, erityisen vaativa sijaishuolto, erityinen huolenpito, skolhem, särskild omsorg, school home, secure residential care",
    },
    SeedPhenomenon {
        code: "adoption-counselling",
        name_fi: "Vaativa adoptioneuvonta",
        name_sv: "Krävande adoptionsrådgivning",
        name_en: "Demanding adoption counselling",
        description_fi: "Adoptiota harkitsevien ja adoptioperheiden vaativat tilanteet sekä adoptoitujen lasten ja nuorten tuki.",
        description_sv: "Krävande situationer för dem som överväger adoption och för adoptivfamiljer, och stöd för adopterade barn och unga.",
        description_en: "Demanding situations of those considering adoption and of adoptive families, and support for adopted children and young people.",
        synonyms: "adoptio, adoptioneuvonta, adoptioperhe, adoptoitu lapsi, adoptivfamilj, adoptionsrådgivning, adoption, adoptive family, adopted child",
    },
    SeedPhenomenon {
        code: "honour-violence",
        name_fi: "Maahanmuuttajalapset ja kunniaan liittyvä väkivalta",
        name_sv: "Barn med invandrarbakgrund och hedersrelaterat våld",
        name_en: "Migrant children and honour-related violence",
        description_fi: "Maahanmuuttajataustaisten lasten ja perheiden vaativat tilanteet, kunniaan liittyvä väkivalta, pakkoavioliitot ja silpominen.",
        description_sv: "Krävande situationer för barn och familjer med invandrarbakgrund, hedersrelaterat våld, tvångsäktenskap och könsstympning.",
        description_en: "Demanding situations of children and families with a migrant background, honour-related violence, forced marriage and genital mutilation.",
        synonyms: "kunniaväkivalta, kunniaan liittyvä väkivalta, pakkoavioliitto, tyttöjen silpominen, maahanmuuttajaperhe, turvapaikanhakija, ilman huoltajaa tullut, hedersvåld, tvångsäktenskap, könsstympning, honour violence, forced marriage, female genital mutilation, unaccompanied minor",
    },
];

/// A seeded phenomenon by code.
pub fn seed_phenomenon(code: &str) -> Option<&'static SeedPhenomenon> {
    PHENOMENA.iter().find(|p| p.code == code)
}

/// The synonyms as a list, trimmed, empty ones left out.
pub fn split_synonyms(s: &str) -> Vec<&str> {
    s.split([',', '\n', ';'])
        .map(str::trim)
        .filter(|w| !w.is_empty())
        .collect()
}

/// A phenomenon as its form posts it.
#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Deserialize)]
#[serde(default)]
pub struct PhenomenonForm {
    /// Only for a new entry; codes never change.
    pub code: String,
    pub name_fi: String,
    pub name_sv: String,
    pub name_en: String,
    pub description_fi: String,
    pub description_sv: String,
    pub description_en: String,
    pub synonyms: String,
    /// "1": offered in forms and filters.
    pub active: String,
}

/// A checked phenomenon.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PhenomenonDetails {
    pub code: String,
    pub name_fi: String,
    pub name_sv: String,
    pub name_en: String,
    pub description_fi: String,
    pub description_sv: String,
    pub description_en: String,
    /// Normalised: one per comma, trimmed.
    pub synonyms: String,
    pub active: bool,
}

/// A code: lower-case letters, digits and hyphens, 2–60 characters.
pub fn is_code(s: &str) -> bool {
    (2..=60).contains(&s.len())
        && s.bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
        && !s.starts_with('-')
        && !s.ends_with('-')
}

impl PhenomenonForm {
    pub fn parse(&self) -> Result<PhenomenonDetails, Vec<(&'static str, &'static str)>> {
        let mut p = Vec::new();
        let code = self.code.trim().to_owned();
        if !is_code(&code) {
            p.push(("code", "phenomenon-code-invalid"));
        }
        for (field, v, required) in [
            ("name_fi", &self.name_fi, true),
            ("name_sv", &self.name_sv, true),
            ("name_en", &self.name_en, true),
        ] {
            let v = v.trim();
            if required && v.is_empty() {
                p.push((field, "field-required"));
            } else if v.chars().count() > 200 || v.contains([';', '|', '\n']) {
                p.push((field, "phenomenon-name-invalid"));
            }
        }
        for (field, v) in [
            ("description_fi", &self.description_fi),
            ("description_sv", &self.description_sv),
            ("description_en", &self.description_en),
            ("synonyms", &self.synonyms),
        ] {
            if v.chars().count() > 2000 {
                p.push((field, "field-too-long"));
            }
        }
        if !p.is_empty() {
            return Err(p);
        }
        Ok(PhenomenonDetails {
            code,
            name_fi: self.name_fi.trim().to_owned(),
            name_sv: self.name_sv.trim().to_owned(),
            name_en: self.name_en.trim().to_owned(),
            description_fi: self.description_fi.trim().to_owned(),
            description_sv: self.description_sv.trim().to_owned(),
            description_en: self.description_en.trim().to_owned(),
            synonyms: split_synonyms(&self.synonyms).join(", "),
            active: self.active.trim() == "1",
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashSet;

    #[test]
    fn codes_are_unique_and_every_language_is_filled() {
        let mut seen = HashSet::new();
        for p in PHENOMENA {
            assert!(seen.insert(p.code), "duplicate {}", p.code);
            for s in [
                p.name_fi,
                p.name_sv,
                p.name_en,
                p.description_fi,
                p.description_sv,
                p.description_en,
            ] {
                assert!(!s.trim().is_empty(), "{} has an empty text", p.code);
            }
            assert!(!split_synonyms(p.synonyms).is_empty());
        }
        assert!(seed_phenomenon("custody-disputes").is_some());
    }

    #[test]
    fn a_phenomenon_form_is_checked() {
        let f = PhenomenonForm {
            code: "school-refusal".into(),
            name_fi: "Koulukieltäytyminen".into(),
            name_sv: "Skolvägran".into(),
            name_en: "School refusal".into(),
            synonyms: "koulupoissaolo;  kouluahdistus\n".into(),
            active: "1".into(),
            ..PhenomenonForm::default()
        };
        let d = f.parse().unwrap();
        assert_eq!(d.synonyms, "koulupoissaolo, kouluahdistus");
        assert!(d.active);
        let bad = PhenomenonForm {
            code: "Koulu kieltäytyminen".into(),
            name_sv: "".into(),
            name_en: "a;b".into(),
            ..f
        };
        let p = bad.parse().unwrap_err();
        assert!(p.contains(&("code", "phenomenon-code-invalid")));
        assert!(p.contains(&("name_sv", "field-required")));
        assert!(p.contains(&("name_en", "phenomenon-name-invalid")));
    }

    #[test]
    fn synonyms_split_on_commas_and_lines() {
        assert_eq!(
            split_synonyms(" huoltoriita,, eroriita\nero ; x "),
            vec!["huoltoriita", "eroriita", "ero", "x"]
        );
    }
}
