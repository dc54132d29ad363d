//! Spreadsheet rows (CSV, XLSX) of expert profiles: the columns, the words
//! coordinators use in them, and checking a whole file before anything is
//! stored. A file with one bad row imports nothing; every problem names its
//! row (as the spreadsheet numbers it) and its column.

use super::{ExpertDetails, ExpertForm, Language};
use crate::region::{self, Sector};
use std::collections::HashMap;

/// The columns of an export, in order; imports accept these names and the
/// Finnish ones in [`COLUMN_ALIASES`], in any order and case.
pub const COLUMNS: &[&str] = &[
    "email",
    "name",
    "title",
    "organisation",
    "area",
    "regions",
    "sectors",
    "phenomena",
    "languages",
    "remote",
    "paused_until",
    "pause_note",
    "phone",
    "contact_note",
    "description_fi",
    "description_sv",
    "description_en",
    "listed_publicly",
    "publish_contact",
];

/// Columns an import must have. `phenomena` is optional, in the header
/// and in every row: a profile without phenomena is valid.
pub const REQUIRED: &[&str] = &["email", "name", "title", "area", "sectors", "languages"];

/// Finnish (and other) header names for the columns.
pub const COLUMN_ALIASES: &[(&str, &str)] = &[
    ("sähköposti", "email"),
    ("nimi", "name"),
    ("nimike", "title"),
    ("ammattinimike", "title"),
    ("organisaatio", "organisation"),
    ("organization", "organisation"),
    ("alue", "area"),
    ("yhteistyöalue", "area"),
    ("palvelualueet", "regions"),
    ("sektorit", "sectors"),
    ("ilmiöt", "phenomena"),
    ("kielet", "languages"),
    ("etä", "remote"),
    ("etäkonsultaatio", "remote"),
    ("tauko_asti", "paused_until"),
    ("tauon_syy", "pause_note"),
    ("puhelin", "phone"),
    ("yhteydenotto", "contact_note"),
    ("osaaminen", "description_fi"),
    ("kuvaus", "description_fi"),
    ("julkinen", "listed_publicly"),
    ("julkinen_yhteystieto", "publish_contact"),
];

/// A phenomenon as imports may name it: its code or any of its names.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TaxonomyEntry {
    pub code: String,
    /// Finnish first (exports use it), then the other languages.
    pub names: Vec<String>,
}

/// A whole sheet: the header row and the data rows, as text.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Table {
    pub headers: Vec<String>,
    pub rows: Vec<Vec<String>>,
}

/// One problem in a file. `row` is the spreadsheet's row number (the header
/// is row 1), 0 for the header itself.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RowProblem {
    pub row: usize,
    pub column: String,
    /// Message key, e.g. `field-required`, `import-unknown-column`.
    pub code: &'static str,
    /// The offending value, to show beside the message.
    pub value: String,
}

/// Largest number of data rows one file may carry.
pub const MAX_ROWS: usize = 20_000;

fn norm(s: &str) -> String {
    s.trim().to_lowercase().replace([' ', '-'], "_")
}

fn column_of(header: &str) -> Option<&'static str> {
    let h = norm(header);
    COLUMNS.iter().copied().find(|c| *c == h).or_else(|| {
        COLUMN_ALIASES
            .iter()
            .find(|(a, _)| norm(a) == h)
            .map(|(_, c)| *c)
    })
}

// --- formulas --------------------------------------------------------------------------

/// First characters that make a spreadsheet program read a cell as a formula
/// (OWASP's list for CSV injection): an exported cell starting with one could
/// run `=HYPERLINK(…)` or a DDE command on the coordinator's machine.
const FORMULA_START: [char; 6] = ['=', '+', '-', '@', '\t', '\r'];

fn starts_like_formula(cell: &str) -> bool {
    cell.starts_with(FORMULA_START)
}

/// A cell as exports write it: one that a spreadsheet would read as a
/// formula gets a leading `'`, as does one that already starts with `'`
/// before such a character, so that [`import_cell`] gives back exactly the
/// stored text.
pub fn export_cell(value: &str) -> String {
    if starts_like_formula(value) || is_quoted_formula(value) {
        format!("'{value}")
    } else {
        value.to_owned()
    }
}

/// `'` followed by a formula character or another `'`: what [`export_cell`]
/// wrote, whose first `'` an import removes.
fn is_quoted_formula(cell: &str) -> bool {
    cell.strip_prefix('\'')
        .is_some_and(|rest| starts_like_formula(rest) || rest.starts_with('\''))
}

/// A cell an import reads: the `'` of [`export_cell`] is removed, and a
/// cell that a spreadsheet would evaluate is refused (`None`), unless it
/// cannot call anything: a phone number (`+358 40 123 4567`), a (negative)
/// number, or whitespace before plain text.
pub fn import_cell(cell: &str) -> Option<&str> {
    if is_quoted_formula(cell) {
        return Some(&cell[1..]);
    }
    (!starts_like_formula(cell) || is_harmless(cell)).then_some(cell)
}

/// Digits, spaces and arithmetic signs only: no name, no call, no
/// reference a formula could reach anything with.
fn is_harmless(cell: &str) -> bool {
    let rest = cell.trim_start_matches(['\t', '\r', ' ']);
    match rest.chars().next() {
        None => true,
        Some('=' | '@') => false,
        Some('+' | '-') => rest.chars().all(|c| {
            c.is_ascii_digit() || matches!(c, ' ' | '+' | '-' | '(' | ')' | '.' | ',' | '/')
        }),
        Some(_) => true,
    }
}

/// Splits a list cell: `;`, `,`, `|` or new lines.
pub fn split_list(s: &str) -> Vec<&str> {
    s.split([';', ',', '|', '\n'])
        .map(str::trim)
        .filter(|v| !v.is_empty())
        .collect()
}

/// Yes/no as coordinators write it; `None` for anything else.
pub fn parse_bool(s: &str) -> Option<bool> {
    match s.trim().to_lowercase().as_str() {
        "" | "0" | "ei" | "no" | "nej" | "false" | "e" | "n" => Some(false),
        "1" | "kyllä" | "k" | "yes" | "y" | "ja" | "true" | "x" => Some(true),
        _ => None,
    }
}

fn sector_of(s: &str) -> Option<Sector> {
    let l = s.trim().to_lowercase();
    Sector::ALL
        .into_iter()
        .find(|x| x.as_str() == l || x.name_fi() == l)
        .or(match l.as_str() {
            "opetus" | "varhaiskasvatus" | "bildning" => Some(Sector::Education),
            "sosiaalipalvelut" | "socialt" | "social services" => Some(Sector::Social),
            "terveydenhuolto" | "hälsa" | "health care" => Some(Sector::Health),
            "järjestöt" | "organisation" | "förening" => Some(Sector::Ngo),
            "forskning" => Some(Sector::Research),
            _ => None,
        })
}

fn area_of(s: &str) -> Option<&'static str> {
    let l = s.trim().to_lowercase();
    // "Itä-Suomi" as people write it is the code "ita-suomi".
    let slug = l.replace('ä', "a").replace('ö', "o").replace(' ', "-");
    region::AREAS
        .iter()
        .find(|a| {
            a.code == l
                || a.code == slug
                || [a.name_fi, a.name_sv, a.name_en]
                    .iter()
                    .any(|n| n.to_lowercase() == l)
                || a.name_fi.to_lowercase().trim_end_matches(" yhteistyöalue") == l
        })
        .map(|a| a.code)
}

const LANGUAGE_NAMES: &[(&str, Language)] = &[
    ("suomi", Language::Finnish),
    ("finska", Language::Finnish),
    ("finnish", Language::Finnish),
    ("ruotsi", Language::Swedish),
    ("svenska", Language::Swedish),
    ("swedish", Language::Swedish),
    ("englanti", Language::English),
    ("engelska", Language::English),
    ("english", Language::English),
    ("saame", Language::Sami),
    ("pohjoissaame", Language::Sami),
    ("viittomakieli", Language::FinnishSignLanguage),
    ("suomalainen viittomakieli", Language::FinnishSignLanguage),
    ("venäjä", Language::Russian),
    ("viro", Language::Estonian),
    ("ukraina", Language::Ukrainian),
    ("arabia", Language::Arabic),
    ("somali", Language::Somali),
];

fn language_of(s: &str) -> Option<Language> {
    let l = s.trim().to_lowercase();
    l.parse::<Language>().ok().or_else(|| {
        LANGUAGE_NAMES
            .iter()
            .find(|(n, _)| *n == l)
            .map(|(_, x)| *x)
    })
}

fn phenomenon_of<'a>(s: &str, taxonomy: &'a [TaxonomyEntry]) -> Option<&'a str> {
    let l = s.trim().to_lowercase();
    taxonomy
        .iter()
        .find(|t| t.code == l || t.names.iter().any(|n| n.to_lowercase() == l))
        .map(|t| t.code.as_str())
}

/// Checks a whole sheet; every row becomes a profile or problems.
pub fn parse_table(
    table: &Table,
    taxonomy: &[TaxonomyEntry],
) -> Result<Vec<ExpertDetails>, Vec<RowProblem>> {
    let mut problems = Vec::new();
    let mut index: HashMap<&'static str, usize> = HashMap::new();
    for (i, h) in table.headers.iter().enumerate() {
        if h.trim().is_empty() {
            continue;
        }
        match column_of(h) {
            Some(c) if index.contains_key(c) => problems.push(RowProblem {
                row: 0,
                column: h.clone(),
                code: "import-duplicate-column",
                value: h.clone(),
            }),
            Some(c) => {
                index.insert(c, i);
            }
            None => problems.push(RowProblem {
                row: 0,
                column: h.clone(),
                code: "import-unknown-column",
                value: h.clone(),
            }),
        }
    }
    for c in REQUIRED {
        if !index.contains_key(c) {
            problems.push(RowProblem {
                row: 0,
                column: (*c).to_owned(),
                code: "import-missing-column",
                value: String::new(),
            });
        }
    }
    if table.rows.len() > MAX_ROWS {
        problems.push(RowProblem {
            row: 0,
            column: String::new(),
            code: "import-too-many-rows",
            value: table.rows.len().to_string(),
        });
    }
    if !problems.is_empty() {
        return Err(problems);
    }
    let codes: Vec<&str> = taxonomy.iter().map(|t| t.code.as_str()).collect();
    let mut seen: HashMap<String, usize> = HashMap::new();
    let mut out = Vec::new();
    for (i, raw) in table.rows.iter().enumerate() {
        let row_no = i + 2;
        if raw.iter().all(|c| c.trim().is_empty()) {
            continue;
        }
        // Formulas first: a refused cell is named once, as written.
        let mut row = Vec::with_capacity(raw.len());
        for (c, value) in raw.iter().enumerate() {
            // NUL and other control characters: never stored (see `text`).
            if !crate::text::is_clean(value) {
                if let Some((column, _)) = index.iter().find(|(_, i)| **i == c) {
                    problems.push(RowProblem {
                        row: row_no,
                        column: (*column).to_owned(),
                        code: "import-control-character",
                        value: value.chars().filter(|ch| !ch.is_control()).collect(),
                    });
                }
                row.push(String::new());
                continue;
            }
            match import_cell(value) {
                Some(v) => row.push(v.to_owned()),
                None => {
                    if let Some((column, _)) = index.iter().find(|(_, i)| **i == c) {
                        problems.push(RowProblem {
                            row: row_no,
                            column: (*column).to_owned(),
                            code: "import-formula",
                            value: value.clone(),
                        });
                    }
                    row.push(String::new());
                }
            }
        }
        let cell = |c: &str| -> &str {
            index
                .get(c)
                .and_then(|&i| row.get(i))
                .map(String::as_str)
                .unwrap_or("")
        };
        let mut bad = |column: &str, code: &'static str, value: &str| {
            problems.push(RowProblem {
                row: row_no,
                column: column.to_owned(),
                code,
                value: value.to_owned(),
            })
        };
        let mut list = |column: &'static str, f: &dyn Fn(&str) -> Option<String>| -> Vec<String> {
            let mut v = Vec::new();
            for item in split_list(cell(column)) {
                match f(item) {
                    Some(x) => v.push(x),
                    None => bad(column, "import-unknown-value", item),
                }
            }
            v
        };
        let regions = list("regions", &|s| area_of(s).map(str::to_owned));
        let sectors = list("sectors", &|s| sector_of(s).map(|x| x.as_str().to_owned()));
        let phenomena = list("phenomena", &|s| {
            phenomenon_of(s, taxonomy).map(str::to_owned)
        });
        let languages = list("languages", &|s| language_of(s).map(|l| l.key().to_owned()));
        let mut yes_no = |column: &'static str| -> String {
            match parse_bool(cell(column)) {
                Some(true) => "1".into(),
                Some(false) => String::new(),
                None => {
                    bad(column, "import-yes-no", cell(column));
                    String::new()
                }
            }
        };
        let remote = yes_no("remote");
        let listed_publicly = yes_no("listed_publicly");
        let publish_contact = yes_no("publish_contact");
        let area_cell = cell("area");
        let area = match area_of(area_cell) {
            Some(a) => a.to_owned(),
            None if area_cell.trim().is_empty() => String::new(),
            None => {
                bad("area", "import-unknown-value", area_cell);
                String::new()
            }
        };
        let form = ExpertForm {
            name: cell("name").into(),
            title: cell("title").into(),
            organisation: cell("organisation").into(),
            email: cell("email").into(),
            phone: cell("phone").into(),
            contact_note: cell("contact_note").into(),
            area,
            regions,
            sectors,
            phenomena,
            languages,
            remote,
            paused_until: cell("paused_until").into(),
            pause_note: cell("pause_note").into(),
            description_fi: cell("description_fi").into(),
            description_sv: cell("description_sv").into(),
            description_en: cell("description_en").into(),
            listed_publicly,
            publish_contact,
        };
        let already_bad = problems.iter().any(|p| p.row == row_no);
        match form.parse(&codes) {
            Ok(d) => {
                if let Some(first) = seen.get(&d.email) {
                    problems.push(RowProblem {
                        row: row_no,
                        column: "email".into(),
                        code: "import-duplicate-email",
                        value: format!("{} ({first})", d.email),
                    });
                } else if !already_bad {
                    seen.insert(d.email.clone(), row_no);
                    out.push(d);
                }
            }
            Err(p) => {
                for (field, code) in p {
                    // Unknown list items were named above with their value.
                    let named = problems
                        .iter()
                        .any(|x| x.row == row_no && x.column == field);
                    if !named {
                        problems.push(RowProblem {
                            row: row_no,
                            column: field.to_owned(),
                            code,
                            value: cell(field).to_owned(),
                        });
                    }
                }
            }
        }
    }
    if problems.is_empty() {
        Ok(out)
    } else {
        // Name columns as the file's header writes them.
        for p in &mut problems {
            if let Some(&i) = index.get(p.column.as_str())
                && let Some(h) = table.headers.get(i)
            {
                p.column = h.trim().to_owned();
            }
        }
        problems.sort_by_key(|p| p.row);
        Err(problems)
    }
}

/// One profile as an export row, in [`COLUMNS`] order, every cell through
/// [`export_cell`].
pub fn to_row(d: &ExpertDetails, taxonomy: &[TaxonomyEntry]) -> Vec<String> {
    plain_row(d, taxonomy)
        .iter()
        .map(|v| export_cell(v))
        .collect()
}

fn plain_row(d: &ExpertDetails, taxonomy: &[TaxonomyEntry]) -> Vec<String> {
    let yes = |b: bool| if b { "kyllä" } else { "ei" }.to_owned();
    let area_name = |code: &str| {
        region::area(code)
            .map(|a| a.name_fi.to_owned())
            .unwrap_or_else(|| code.to_owned())
    };
    vec![
        d.email.clone(),
        d.name.clone(),
        d.title.clone(),
        d.organisation.clone(),
        area_name(&d.area),
        d.regions
            .iter()
            .map(|r| area_name(r))
            .collect::<Vec<_>>()
            .join("; "),
        d.sectors
            .iter()
            .map(|s| s.name_fi())
            .collect::<Vec<_>>()
            .join("; "),
        d.phenomena
            .iter()
            .map(|c| {
                // The Finnish name reads best; the code when the name would
                // not survive the list separators.
                taxonomy
                    .iter()
                    .find(|t| &t.code == c)
                    .and_then(|t| t.names.first().cloned())
                    .filter(|n| split_list(n) == [n.as_str()])
                    .unwrap_or_else(|| c.clone())
            })
            .collect::<Vec<_>>()
            .join("; "),
        d.languages
            .iter()
            .map(|l| l.key())
            .collect::<Vec<_>>()
            .join("; "),
        yes(d.remote),
        d.paused_until
            .map(crate::groups::format_fi_date)
            .unwrap_or_default(),
        d.pause_note.clone(),
        d.phone.clone(),
        d.contact_note.clone(),
        d.description_fi.clone(),
        d.description_sv.clone(),
        d.description_en.clone(),
        yes(d.listed_publicly),
        yes(d.publish_contact),
    ]
}
