use super::import::*;
use super::*;
use jiff::civil::date;
use proptest::prelude::*;

const CODES: &[&str] = &["custody-disputes", "domestic-violence", "substitute-care"];

fn taxonomy() -> Vec<TaxonomyEntry> {
    vec![
        TaxonomyEntry {
            code: "custody-disputes".into(),
            names: vec![
                "Vaativat huoltoriidat ja haastavat erot".into(),
                "Svåra vårdnadstvister".into(),
            ],
        },
        TaxonomyEntry {
            code: "domestic-violence".into(),
            names: vec!["Lähisuhdeväkivalta".into()],
        },
        TaxonomyEntry {
            code: "substitute-care".into(),
            names: vec!["Vaativa sijaishuolto".into()],
        },
    ]
}

fn form() -> ExpertForm {
    ExpertForm {
        name: "Sari Heikkinen".into(),
        title: "psykologi".into(),
        organisation: "Jyväskylän perheneuvola".into(),
        email: "Sari.Heikkinen@Example.fi ".into(),
        area: "ita-suomi".into(),
        sectors: vec!["social".into()],
        phenomena: vec!["custody-disputes".into()],
        languages: vec!["fi".into(), "sv".into()],
        remote: "1".into(),
        ..ExpertForm::default()
    }
}

#[test]
fn a_profile_is_checked_and_normalised() {
    let d = form().parse(CODES).unwrap();
    assert_eq!(d.email, "sari.heikkinen@example.fi");
    assert_eq!(
        d.regions,
        vec!["ita-suomi".to_owned()],
        "serves its own area by default"
    );
    assert!(d.remote);
    assert!(!d.listed_publicly);
    assert_eq!(d.to_form().parse(CODES).unwrap(), d);

    let bad = ExpertForm {
        name: "".into(),
        email: "ei-sahkoposti".into(),
        phone: "abc".into(),
        area: "narnia".into(),
        sectors: vec![],
        phenomena: vec!["astrology".into()],
        languages: vec!["klingon".into()],
        paused_until: "31.2.2026".into(),
        ..form()
    };
    let p = bad.parse(CODES).unwrap_err();
    for want in [
        ("name", "field-required"),
        ("email", "field-email-invalid"),
        ("phone", "field-phone-invalid"),
        ("area", "field-choose"),
        ("sectors", "field-choose-one"),
        ("phenomena", "field-choose"),
        ("languages", "field-choose"),
        ("paused_until", "field-date"),
    ] {
        assert!(p.contains(&want), "{want:?} in {p:?}");
    }
}

#[test]
fn a_paused_expert_is_available_again_after_the_date() {
    let mut f = form();
    f.paused_until = "31.12.2026".into();
    let d = f.parse(CODES).unwrap();
    assert!(!d.available_on(date(2026, 12, 2)));
    assert!(
        !d.available_on(date(2026, 12, 31)),
        "the last day of the pause"
    );
    assert!(d.available_on(date(2027, 1, 1)));
}

#[test]
fn emails_and_phones() {
    for ok in ["a@b.fi", "etu.suku@hyvinvointialue.fi"] {
        assert!(is_email(ok), "{ok}");
    }
    for bad in [
        "", "a", "a@b", "a@.fi", "a@b..fi", "a b@c.fi", "a@b.fi.", "<a@b.fi>", "a@b@c.fi",
    ] {
        assert!(!is_email(bad), "{bad}");
    }
    assert!(is_phone("+358 40 123 4567"));
    assert!(is_phone("(014) 266 0000"));
    assert!(!is_phone("123"));
    assert!(!is_phone("040-abc"));
}

fn table(headers: &[&str], rows: &[&[&str]]) -> Table {
    Table {
        headers: headers.iter().map(|s| s.to_string()).collect(),
        rows: rows
            .iter()
            .map(|r| r.iter().map(|s| s.to_string()).collect())
            .collect(),
    }
}

#[test]
fn a_sheet_in_the_coordinators_words_imports() {
    let t = table(
        &[
            "Sähköposti",
            "Nimi",
            "Nimike",
            "Alue",
            "Sektorit",
            "Ilmiöt",
            "Kielet",
            "Etä",
            "Tauko asti",
        ],
        &[
            &[
                "a@x.fi",
                "Aino",
                "psykologi",
                "Itä-Suomi",
                "sosiaali; terveys",
                "Lähisuhdeväkivalta, custody-disputes",
                "suomi; ruotsi",
                "kyllä",
                "",
            ],
            &["", "", "", "", "", "", "", "", ""],
            &[
                "b@x.fi",
                "Bo",
                "kurator",
                "Länsi-Suomen yhteistyöalue",
                "education",
                "svåra vårdnadstvister",
                "sv",
                "nej",
                "1.3.2027",
            ],
        ],
    );
    let rows = parse_table(&t, &taxonomy()).unwrap();
    assert_eq!(rows.len(), 2, "the empty row is skipped");
    assert_eq!(rows[0].sectors, vec![Sector::Social, Sector::Health]);
    assert_eq!(
        rows[0].phenomena,
        vec![
            "domestic-violence".to_owned(),
            "custody-disputes".to_owned()
        ]
    );
    assert_eq!(
        rows[0].languages,
        vec![Language::Finnish, Language::Swedish]
    );
    assert_eq!(rows[1].area, "lansi-suomi");
    assert_eq!(rows[1].paused_until, Some(date(2027, 3, 1)));
    assert!(!rows[1].remote);
}

#[test]
fn one_bad_row_names_its_row_and_field_and_nothing_comes_through() {
    let t = table(
        &[
            "email",
            "name",
            "title",
            "area",
            "sectors",
            "phenomena",
            "languages",
        ],
        &[
            &[
                "a@x.fi",
                "Aino",
                "psykologi",
                "ita-suomi",
                "social",
                "trauma?",
                "fi",
            ],
            &[
                "b@x.fi",
                "Bo",
                "kurator",
                "ita-suomi",
                "social",
                "custody-disputes",
                "fi",
            ],
            &[
                "c@x",
                "Cecilia",
                "",
                "ita-suomi",
                "social",
                "custody-disputes",
                "fi",
            ],
            &[
                "b@x.fi",
                "Bo again",
                "kurator",
                "ita-suomi",
                "social",
                "custody-disputes",
                "fi",
            ],
        ],
    );
    let p = parse_table(&t, &taxonomy()).unwrap_err();
    let got: Vec<(usize, &str, &str)> = p
        .iter()
        .map(|p| (p.row, p.column.as_str(), p.code))
        .collect();
    assert_eq!(
        got,
        vec![
            (2, "phenomena", "import-unknown-value"),
            (4, "title", "field-required"),
            (4, "email", "field-email-invalid"),
            (5, "email", "import-duplicate-email"),
        ]
    );
    assert_eq!(p[0].value, "trauma?");
}

#[test]
fn the_header_is_checked_first() {
    let t = table(&["email", "nimi", "name", "shoe size"], &[]);
    let p = parse_table(&t, &taxonomy()).unwrap_err();
    assert!(
        p.iter()
            .any(|p| p.code == "import-duplicate-column" && p.column == "name")
    );
    assert!(
        p.iter()
            .any(|p| p.code == "import-unknown-column" && p.column == "shoe size")
    );
    assert!(
        p.iter()
            .any(|p| p.code == "import-missing-column" && p.column == "languages")
    );
    assert!(p.iter().all(|p| p.row == 0));
}

#[test]
fn exported_cells_never_start_a_formula() {
    for (stored, exported) in [
        (
            "=HYPERLINK(\"http://evil.example\",\"x\")",
            "'=HYPERLINK(\"http://evil.example\",\"x\")",
        ),
        ("+358 40 123 4567", "'+358 40 123 4567"),
        ("-5", "'-5"),
        ("@SUM(1+1)", "'@SUM(1+1)"),
        ("\t=1+1", "'\t=1+1"),
        ("\r=1+1", "'\r=1+1"),
        ("'=1+1", "''=1+1"),
        ("''", "'''"),
        ("'Nuorten talo'", "'Nuorten talo'"),
        ("Aino = Eino", "Aino = Eino"),
        ("", ""),
    ] {
        assert_eq!(export_cell(stored), exported, "{stored:?}");
        assert_eq!(
            import_cell(exported),
            Some(stored),
            "{exported:?} imports back"
        );
    }
}

#[test]
fn imported_formulas_are_refused_unless_harmless() {
    for formula in [
        "=1+1",
        "=cmd|' /C calc'!A0",
        "@SUM(A1)",
        "+HYPERLINK(\"http://evil.example\")",
        "-2+3+cmd|' /C calc'!A0",
        "- perheterapia",
        "\t=1+1",
        "\r@A1",
    ] {
        assert_eq!(import_cell(formula), None, "{formula:?}");
    }
    for harmless in [
        "+358 40 123 4567",
        "+358 (0)40 123-4567",
        "-5",
        "-1,5",
        "-",
        "\tpsykologi",
        "Aino = Eino",
        "'Nuorten talo'",
    ] {
        assert_eq!(import_cell(harmless), Some(harmless), "{harmless:?}");
    }
}

#[test]
fn a_formula_in_a_sheet_names_its_row_and_column() {
    let t = table(
        &[
            "Sähköposti",
            "Nimi",
            "Nimike",
            "Alue",
            "Sektorit",
            "Ilmiöt",
            "Kielet",
            "Puhelin",
            "Osaaminen",
        ],
        &[
            &[
                "a@x.fi",
                "Aino",
                "psykologi",
                "ita-suomi",
                "social",
                "custody-disputes",
                "fi",
                "+358 40 123 4567",
                "-",
            ],
            &[
                "b@x.fi",
                "=HYPERLINK(\"http://evil.example\",\"Bo\")",
                "kurator",
                "ita-suomi",
                "social",
                "custody-disputes",
                "fi",
                "",
                "@SUM(1)",
            ],
            &[
                "c@x.fi",
                "Cecilia",
                "'=kuraattori",
                "ita-suomi",
                "social",
                "custody-disputes",
                "fi",
                "'+358 40 765 4321",
                "",
            ],
        ],
    );
    let p = parse_table(&t, &taxonomy()).unwrap_err();
    let got: Vec<(usize, &str, &str, &str)> = p
        .iter()
        .map(|p| (p.row, p.column.as_str(), p.code, p.value.as_str()))
        .collect();
    assert_eq!(
        got,
        vec![
            (
                3,
                "Nimi",
                "import-formula",
                "=HYPERLINK(\"http://evil.example\",\"Bo\")"
            ),
            (3, "Osaaminen", "import-formula", "@SUM(1)"),
        ],
        "a refused cell is named once, not also as a missing name"
    );
    let mut fixed = t.clone();
    fixed.rows.remove(1);
    let rows = parse_table(&fixed, &taxonomy()).unwrap();
    assert_eq!(
        rows[0].phone, "+358 40 123 4567",
        "a phone number is no formula"
    );
    assert_eq!(rows[0].description_fi, "-");
    assert_eq!(
        rows[1].title, "=kuraattori",
        "the export's quote is removed"
    );
    assert_eq!(rows[1].phone, "+358 40 765 4321");
}

fn arb_details() -> impl Strategy<Value = ExpertDetails> {
    // Values a spreadsheet would read as formulas included.
    let text = "(=|\\+|-|@|'|'=|''|'\\+)?[a-zA-ZäöåÄÖ0-9 .,;'\"<>&=+@-]{0,40}";
    (
        (
            "[A-ZÄÖ][a-zäö]{1,10} [A-ZÄÖ][a-zäö]{1,12}",
            "[a-zäö]{3,20}",
            text,
            "[a-z]{1,10}\\.[a-z]{1,10}@[a-z]{2,8}\\.fi",
        ),
        (
            0usize..5,
            proptest::collection::btree_set(0usize..5, 1..5),
            proptest::collection::btree_set(0usize..5, 1..4),
        ),
        (
            proptest::collection::btree_set(0usize..3, 1..3),
            proptest::collection::btree_set(0usize..10, 1..4),
        ),
        (
            any::<bool>(),
            proptest::option::of(0i32..2000),
            any::<bool>(),
            any::<bool>(),
        ),
        (text, text, "(\\+358 [0-9]{2} [0-9]{3} [0-9]{4})?"),
    )
        .prop_map(
            |(
                (name, title, org, email),
                (area, regions, sectors),
                (ph, langs),
                (remote, pause, listed, contact),
                (desc, note, phone),
            )| {
                let areas = crate::region::AREAS;
                ExpertDetails {
                    name,
                    title,
                    organisation: org.trim().to_owned(),
                    email,
                    phone,
                    contact_note: note.trim().to_owned(),
                    area: areas[area].code.to_owned(),
                    regions: regions
                        .into_iter()
                        .map(|i| areas[i].code.to_owned())
                        .collect(),
                    sectors: sectors.into_iter().map(|i| Sector::ALL[i]).collect(),
                    phenomena: ph.into_iter().map(|i| CODES[i].to_owned()).collect(),
                    languages: langs.into_iter().map(|i| Language::ALL[i]).collect(),
                    remote,
                    paused_until: pause.map(|d| {
                        date(2026, 1, 1)
                            .checked_add(jiff::Span::new().days(d))
                            .unwrap()
                    }),
                    pause_note: String::new(),
                    description_fi: desc.trim().to_owned(),
                    description_sv: String::new(),
                    description_en: String::new(),
                    listed_publicly: listed,
                    publish_contact: contact,
                }
            },
        )
}

proptest! {
    #[test]
    fn export_then_import_gives_the_same_profiles(rows in proptest::collection::vec(arb_details(), 1..6)) {
        let mut seen = std::collections::HashSet::new();
        let rows: Vec<ExpertDetails> = rows.into_iter().filter(|r| seen.insert(r.email.clone())).collect();
        let tax = taxonomy();
        let t = Table {
            headers: COLUMNS.iter().map(|s| s.to_string()).collect(),
            rows: rows.iter().map(|d| to_row(d, &tax)).collect(),
        };
        prop_assert_eq!(parse_table(&t, &tax).unwrap(), rows);
    }

    #[test]
    fn any_cells_are_answered_without_panicking(
        headers in proptest::collection::vec("\\PC{0,12}", 0..8),
        rows in proptest::collection::vec(proptest::collection::vec("\\PC{0,16}", 0..9), 0..5),
    ) {
        let _ = parse_table(&Table { headers, rows }, &taxonomy());
    }
}

#[test]
fn a_control_character_in_a_sheet_is_refused_by_row_and_column() {
    let headers = [
        "Sähköposti",
        "Nimi",
        "Nimike",
        "Alue",
        "Sektorit",
        "Ilmiöt",
        "Kielet",
    ];
    let row = |name: &'static str| -> [&'static str; 7] {
        [
            "a@x.fi",
            name,
            "psykologi",
            "ita-suomi",
            "social",
            "custody-disputes",
            "fi",
        ]
    };
    let t = table(&headers, &[&row("Ai\u{0}no"), &row("Ai\u{c}no")]);
    let p = parse_table(&t, &taxonomy()).unwrap_err();
    let got: Vec<(usize, &str, &str)> = p
        .iter()
        .map(|p| (p.row, p.column.as_str(), p.code))
        .collect();
    assert_eq!(
        got,
        vec![
            (2, "Nimi", "import-control-character"),
            (3, "Nimi", "import-control-character")
        ]
    );
    assert!(
        p.iter().all(|p| !p.value.contains('\u{0}')),
        "not echoed back"
    );
    let fine = table(&headers, &[&row("Aino")]);
    assert!(
        parse_table(&fine, &taxonomy()).is_ok(),
        "the same row without it is fine"
    );
}

#[test]
fn phenomena_are_optional_but_unknown_ones_are_refused() {
    let d = ExpertForm {
        phenomena: vec![],
        ..form()
    }
    .parse(CODES)
    .unwrap();
    assert!(
        d.phenomena.is_empty(),
        "a profile without phenomena is valid"
    );
    // Without the column, and with an empty cell.
    let rows = parse_table(
        &table(
            &["email", "name", "title", "area", "sectors", "languages"],
            &[&["a@x.fi", "Aino", "psykologi", "ita-suomi", "social", "fi"]],
        ),
        &taxonomy(),
    )
    .unwrap();
    assert!(rows[0].phenomena.is_empty());
    let header = [
        "email",
        "name",
        "title",
        "area",
        "sectors",
        "ilmiöt",
        "languages",
    ];
    let rows = parse_table(
        &table(
            &header,
            &[&[
                "a@x.fi",
                "Aino",
                "psykologi",
                "ita-suomi",
                "social",
                "",
                "fi",
            ]],
        ),
        &taxonomy(),
    )
    .unwrap();
    assert!(rows[0].phenomena.is_empty());
    let p = parse_table(
        &table(
            &header,
            &[
                &[
                    "a@x.fi",
                    "Aino",
                    "psykologi",
                    "ita-suomi",
                    "social",
                    "",
                    "fi",
                ],
                &[
                    "b@x.fi",
                    "Bo",
                    "kurator",
                    "ita-suomi",
                    "social",
                    "astrologi",
                    "fi",
                ],
            ],
        ),
        &taxonomy(),
    )
    .unwrap_err();
    let got: Vec<(usize, &str, &str, &str)> = p
        .iter()
        .map(|p| (p.row, p.column.as_str(), p.code, p.value.as_str()))
        .collect();
    assert_eq!(
        got,
        vec![(3, "ilmiöt", "import-unknown-value", "astrologi")],
        "row and column as the file writes them"
    );
}
