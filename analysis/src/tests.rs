//! Tests against the real libvoikko (they fail, not pass, without it), and
//! end to end through a tantivy index in RAM.

use std::sync::{Arc, OnceLock};

use tantivy::collector::TopDocs;
use tantivy::schema::{
    Field, IndexRecordOption, STORED, Schema, TextFieldIndexing, TextOptions, Value,
};
use tantivy::{Index, IndexWriter, TantivyDocument, doc};

use crate::*;

/// The analyzer with Voikko, shared by the tests (one handle, one cache).
fn voikko() -> Arc<dyn Analyzer> {
    static ANALYZER: OnceLock<Arc<dyn Analyzer>> = OnceLock::new();
    ANALYZER
        .get_or_init(|| match Voikko::load() {
            Ok(v) => Arc::new(FinnishAnalyzer::with_voikko(v)),
            Err(e) => panic!(
                "this test needs Voikko: {e}; install the Debian packages libvoikko1 and voikko-fi \
                 (apt-get install libvoikko1 voikko-fi)"
            ),
        })
        .clone()
}

fn fallback() -> Arc<dyn Analyzer> {
    Arc::new(FinnishAnalyzer::fallback("forced off in a test"))
}

fn bases(a: &dyn Analyzer, word: &str) -> Vec<String> {
    a.analyze_word(word)
        .of_kind(TermKind::BaseForm)
        .map(str::to_owned)
        .collect()
}

fn parts(a: &dyn Analyzer, word: &str) -> Vec<String> {
    a.analyze_word(word)
        .of_kind(TermKind::CompoundPart)
        .map(str::to_owned)
        .collect()
}

#[test]
fn voikko_loads_and_says_so() {
    let status = voikko().status();
    let Morphology::Voikko {
        version,
        dictionary,
    } = &status
    else {
        panic!("{status}")
    };
    assert!(!version.is_empty());
    assert!(dictionary.contains("suomi"), "{dictionary}");
    assert!(status.to_string().starts_with("voikko "), "{status}");
}

#[test]
fn voikko_base_forms_of_the_stack_notes_facts() {
    let v = voikko();
    let v = v.as_ref();
    for (word, base) in [
        ("huoltoriidoissa", "huoltoriita"),
        ("Huoltoriidat", "huoltoriita"),
        ("huoltoriita", "huoltoriita"),
        ("lähisuhdeväkivallasta", "lähisuhdeväkivalta"),
        ("sijaishuollossa", "sijaishuolto"),
        ("koulukodeissa", "koulukoti"),
        ("päihteitä", "päihde"),
        ("lastensuojelun", "lastensuojelu"),
        ("neuropsykiatrisia", "neuropsykiatrinen"),
        ("Helsingissä", "helsinki"),
        ("ADHD:n", "adhd"),
    ] {
        assert_eq!(bases(v, word), [base], "{word}");
    }
}

#[test]
fn voikko_compound_parts() {
    let v = voikko();
    let v = v.as_ref();
    assert_eq!(parts(v, "huoltoriidoissa"), ["huolto", "riita"]);
    assert_eq!(parts(v, "huoltoriidat"), ["huolto", "riita"]);
    assert_eq!(
        parts(v, "lähisuhdeväkivallasta"),
        ["lähi", "suhde", "väki", "valta"]
    );
    assert_eq!(parts(v, "sijaishuollossa"), ["sijais", "huolto"]);
    assert_eq!(parts(v, "koulukodeissa"), ["koulu", "koti"]);
    assert_eq!(parts(v, "lastensuojelun"), ["lapsi", "suojelu"]);
    assert_eq!(parts(v, "neuropsykiatrisia"), ["neuro", "psykiatrinen"]);
    assert!(parts(v, "päihteitä").is_empty(), "not a compound");
    assert!(
        parts(v, "vaativat").is_empty(),
        "a derivation, not a compound"
    );
    let a = v.analyze_word("huoltoriidoissa");
    assert_eq!(a.compounds, [["huolto", "riita"]]);
    assert_eq!(
        a.texts().collect::<Vec<_>>(),
        ["huoltoriita", "huolto", "riita"]
    );
}

#[test]
fn adjacent_words_are_paired_by_base_forms_as_a_compound_written_apart_is() {
    use tantivy::tokenizer::{TokenStream, Tokenizer};
    let mut tokenizer = crate::MorphTokenizer::new(voikko());
    let mut terms = |text: &str| {
        let mut stream = tokenizer.token_stream(text);
        let mut out = Vec::new();
        while stream.advance() {
            out.push((stream.token().position, stream.token().text.clone()));
        }
        out
    };
    let found = terms("päihteiden ongelmat. Huolto riidoissa");
    assert!(
        found.contains(&(1, "päihde_ongelma".to_owned())),
        "at the second word: {found:?}"
    );
    assert!(found.contains(&(4, "huolto_riita".to_owned())));
    assert!(
        !found.iter().any(|(_, t)| t == "ongelma_huolto"),
        "not across a sentence break: {found:?}"
    );
    // Apart from a compound's joined parts: "hoito koti" is no hoitokoti
    // read the other way round.
    assert!(
        !terms("koti hoito")
            .iter()
            .any(|(_, t)| t.contains(crate::PART_JOIN)),
        "pairs are not joined parts"
    );
    // A word the morphology does not know pairs with nothing.
    assert!(!terms("xyzzy perhe").iter().any(|(_, t)| t.contains('_')));
    // A genitive modifying the noun after it pairs only forward (no
    // perheväkivalta read backwards); before a postposition both ways.
    let found = terms("väkivalta perheen kunnian vuoksi");
    assert!(
        found.contains(&(1, "väkivalta~perhe".to_owned())),
        "{found:?}"
    );
    assert!(
        !found.iter().any(|(_, t)| t == "väkivalta_perhe"),
        "{found:?}"
    );
    let found = terms("ongelmia päihteiden kanssa");
    assert!(
        found.contains(&(1, "ongelma_päihde".to_owned())),
        "{found:?}"
    );
}

#[test]
fn the_index_marks_compound_parts_and_joins_adjacent_ones() {
    let v = voikko();
    assert_eq!(
        v.analyze_word("huoltoriidoissa").index_terms(),
        ["huoltoriita", "^huolto", "^riita", "huolto+riita"]
    );
    let a = v.analyze_word("lähisuhdeväkivallasta");
    let terms = a.index_terms();
    for t in [
        "lähisuhdeväkivalta",
        "^väki",
        "^valta",
        "väki+valta",
        "suhde+väki",
        "lähi+suhde+väki+valta",
    ] {
        assert!(terms.contains(&t.to_owned()), "{t} in {terms:?}");
    }
    assert!(!terms.contains(&"väki".to_owned()), "a part is marked");
    assert!(
        !terms.contains(&"lähi+väki".to_owned()),
        "only adjacent parts"
    );
    let parts = |p: &[&str]| p.iter().map(|s| s.to_string()).collect::<Vec<_>>();
    assert!(a.has_parts(&parts(&["väki", "valta"])));
    assert!(!a.has_parts(&parts(&["valta", "väki"])), "in order");
    assert!(!a.has_parts(&parts(&["lähi", "valta"])));
    assert!(!a.has_parts(&parts(&["valta"])), "a run of two or more");
    // Words that are not compounds are indexed as analysed.
    assert_eq!(v.analyze_word("päihteitä").index_terms(), ["päihde"]);
}

#[test]
fn voikko_keeps_every_reading_and_unknown_words() {
    let v = voikko();
    let v = v.as_ref();
    // Ambiguous words give all their base forms, unless the word is a
    // base form itself: then that is the reading (kuusi is not "your moon",
    // psykoosi not "your psycho", erotilanne not erotila + nne).
    assert_eq!(bases(v, "vaativat"), ["vaatia", "vaativa"]);
    assert_eq!(bases(v, "kuusi"), ["kuusi"]);
    assert_eq!(bases(v, "psykoosi"), ["psykoosi"]);
    assert_eq!(bases(v, "erotilanne"), ["erotilanne"]);
    // A compound of the word as written does not hide a simple word's
    // inflected form ("oppi + laita", "tunne + ilta").
    let mut pupils = bases(v, "oppilaita");
    pupils.sort();
    assert_eq!(pupils, ["oppilaita", "oppilas"]);
    assert!(bases(v, "tunneilta").contains(&"tunti".to_owned()));
    // A noun that is another noun's inflected form keeps that reading too
    // (lasta: a splint, and lapsi's partitive), a verb's does not.
    let mut child = bases(v, "lasta");
    child.sort();
    assert_eq!(child, ["lapsi", "lasta"]);
    assert_eq!(bases(v, "tunne"), ["tunne"]);
    // Numbers and unknown words: as written, plus the Snowball stem.
    assert_eq!(v.analyze_word("2024").texts().collect::<Vec<_>>(), ["2024"]);
    let a = v.analyze_word("Otalustoissa");
    assert_eq!(
        a.of_kind(TermKind::Word).collect::<Vec<_>>(),
        ["otalustoissa"]
    );
    assert_eq!(a.of_kind(TermKind::Stem).count(), 1);
    assert!(a.of_kind(TermKind::BaseForm).next().is_none());
    assert!(
        a.of_kind(TermKind::NGram).next().is_none(),
        "n-grams only without Voikko"
    );
}

#[test]
fn voikko_is_safe_from_many_threads() {
    let v = voikko();
    let words = [
        "huoltoriidoissa",
        "koulukodeissa",
        "päihteitä",
        "sijaishuollossa",
    ];
    std::thread::scope(|s| {
        for t in 0..4 {
            let v = v.clone();
            s.spawn(move || {
                for i in 0..200 {
                    let word = format!("{}{}", words[(t + i) % 4], ["", "kin", "han"][i % 3]);
                    assert!(!v.analyze_word(&word).terms.is_empty());
                }
            });
        }
    });
}

#[test]
fn query_explains_what_a_word_became() {
    let q = analyze_query(voikko().as_ref(), "Huoltoriidoissa kuusi 2024");
    let explained: Vec<String> = q.words.iter().map(|w| w.to_string()).collect();
    assert_eq!(
        explained,
        [
            "Huoltoriidoissa → huoltoriita (huolto + riita)",
            "kuusi → kuusi",
            "2024 → 2024"
        ]
    );
    assert_eq!(
        q.terms(),
        ["huoltoriita", "huolto", "riita", "kuusi", "2024"]
    );
    let f = analyze_query(fallback().as_ref(), "huoltoriidoissa");
    assert_eq!(
        f.words[0].to_string(),
        "huoltoriidoissa → huoltoriidoissa, huoltoriido + 23 n-grams"
    );
}

/// A tiny index of the three texts of the brief, in RAM.
struct TestIndex {
    index: Index,
    body: Field,
    analyzer: Arc<dyn Analyzer>,
}

const DOCS: [&str; 3] = [
    "Vaativat huoltoriidat ja haastavat erot",
    "Lähisuhdeväkivalta",
    "Vaativa sijaishuolto ja koulukodit",
];

impl TestIndex {
    fn new(analyzer: Arc<dyn Analyzer>) -> TestIndex {
        let mut schema = Schema::builder();
        let indexing = TextFieldIndexing::default()
            .set_tokenizer(FI_MORPH)
            .set_index_option(IndexRecordOption::WithFreqsAndPositions);
        let body = schema.add_text_field(
            "body",
            TextOptions::default().set_indexing_options(indexing) | STORED,
        );
        let index = Index::create_in_ram(schema.build());
        index
            .tokenizers()
            .register(FI_MORPH, MorphTokenizer::new(analyzer.clone()));
        let mut writer: IndexWriter = index.writer_with_num_threads(1, 15_000_000).unwrap();
        for text in DOCS {
            writer.add_document(doc!(body => text)).unwrap();
        }
        writer.commit().unwrap();
        TestIndex {
            index,
            body,
            analyzer,
        }
    }

    /// The texts found, best first.
    fn search(&self, query: &str) -> Vec<String> {
        let q = analyze_query(self.analyzer.as_ref(), query);
        let Some(q) = q.all_words(self.body) else {
            return Vec::new();
        };
        let searcher = self.index.reader().unwrap().searcher();
        let hits = searcher
            .search(&*q, &TopDocs::with_limit(10).order_by_score())
            .unwrap();
        hits.into_iter()
            .map(|(_, addr)| {
                let d: TantivyDocument = searcher.doc(addr).unwrap();
                d.get_first(self.body).unwrap().as_str().unwrap().to_owned()
            })
            .collect()
    }
}

#[test]
fn end_to_end_inflected_queries_find_the_right_text() {
    let ix = TestIndex::new(voikko());
    let [riidat, vakivalta, sijaishuolto] = DOCS;
    for (query, expected) in [
        ("huoltoriidoissa", &[riidat][..]),
        ("huoltoriita", &[riidat]),
        ("riidoista", &[riidat]),
        ("huolto riita", &[riidat]),
        ("eroista", &[riidat]),
        ("lähisuhdeväkivallasta", &[vakivalta]),
        ("väkivallan", &[vakivalta]),
        ("sijaishuollossa", &[sijaishuolto]),
        ("koulukodeissa", &[sijaishuolto]),
        ("koulukodin sijaishuolto", &[sijaishuolto]),
        ("Päihteitä", &[]),
    ] {
        assert_eq!(ix.search(query), expected, "query {query:?}");
    }
    // "vaativa" is in two texts; "huolto" is a part of two compounds.
    let mut both = ix.search("vaativissa");
    both.sort();
    assert_eq!(both, [sijaishuolto, riidat]);
    assert_eq!(ix.search("huollosta").len(), 2);
    // The parts of a compound meet in one word, not anywhere in the text:
    // "sijaishuolto ja koulukodit" has huolto and koti, no huoltokoti.
    assert!(
        voikko()
            .analyze_word("huoltokodissa")
            .has_parts(&["huolto".into(), "koti".into()])
    );
    assert_eq!(ix.search("huoltokodissa"), Vec::<String>::new());
}

#[test]
fn end_to_end_fallback_still_finds_huoltoriidoissa_by_ngrams() {
    let ix = TestIndex::new(fallback());
    let [riidat, vakivalta, sijaishuolto] = DOCS;
    assert_eq!(ix.search("huoltoriidoissa"), [riidat]);
    assert_eq!(ix.search("lähisuhdeväkivallasta"), [vakivalta]);
    assert_eq!(ix.search("sijaishuollossa"), [sijaishuolto]);
    assert_eq!(ix.search("koulukodeissa"), [sijaishuolto]);
    assert_eq!(ix.search("erot"), [riidat]);
}

#[test]
fn a_missing_library_is_an_error_and_handles_come_and_go() {
    let err = Voikko::load_from("libvoikko-does-not-exist.so.1", None).unwrap_err();
    assert!(matches!(err, VoikkoError::Library { .. }), "{err}");
    assert!(
        err.to_string().contains("libvoikko-does-not-exist.so.1"),
        "{err}"
    );
    // A second handle beside the shared one, terminated on drop.
    voikko();
    let other = Voikko::load().expect("Voikko loads again");
    assert_eq!(
        other.analyze("päihteitä")[0].baseform.as_deref(),
        Some("päihde")
    );
    assert_eq!(
        other.analyze("päihteitä")[0].class.as_deref(),
        Some("nimisana")
    );
    assert!(other.analyze("").is_empty());
    assert!(other.analyze("a\0b").is_empty());
    assert!(other.analyze(&"a".repeat(300)).is_empty());
    drop(other);
    assert_eq!(bases(voikko().as_ref(), "koulukodeissa"), ["koulukoti"]);
}

#[test]
fn voikko_links_derived_words_to_their_base() {
    let v = voikko();
    let derived = |w: &str| -> Vec<String> {
        v.analyze_word(w)
            .derived_from()
            .map(str::to_owned)
            .collect()
    };
    assert_eq!(derived("traumaattisia"), ["trauma"]);
    assert!(derived("traumatisoitunut").contains(&"trauma".to_owned()));
    assert!(derived("neuropsykiatrisista").contains(&"neuropsykiatri".to_owned()));
    assert!(derived("väkivaltaisuus").contains(&"väkivalta".to_owned()));
    assert!(derived("psykoottinen").contains(&"psykoosi".to_owned()));
    assert!(
        derived("trauma").is_empty(),
        "a base word derives from nothing"
    );
    assert!(
        derived("huoltoriidoissa").is_empty(),
        "a compound is not a derivation"
    );
    assert!(
        !derived("lastensuojelun")
            .iter()
            .any(|d| d == "lastensuojella"),
        "only words Voikko knows"
    );
}

#[test]
fn voikko_splits_compounds_into_two_words() {
    let v = voikko();
    let a = v.analyze_word("lastensuojeluilmoituksia");
    assert!(
        a.splits
            .contains(&("lastensuojelu".to_owned(), "ilmoitus".to_owned())),
        "{:?}",
        a.splits
    );
    assert!(
        a.splits
            .contains(&("lapsi".to_owned(), "suojeluilmoitus".to_owned()))
    );
    let a = v.analyze_word("päihdeongelmat");
    assert_eq!(a.splits, [("päihde".to_owned(), "ongelma".to_owned())]);
    assert!(v.analyze_word("päihteet").splits.is_empty());
}

#[test]
fn voikko_suggests_spellings() {
    let v = voikko();
    assert_eq!(
        v.suggest("paihteet").first().map(String::as_str),
        Some("päihteet")
    );
    assert!(
        v.suggest("lahisuhdevakivalta")
            .contains(&"lähisuhdeväkivalta".to_owned())
    );
    assert!(fallback().suggest("paihteet").is_empty());
}

/// Which words of `text` [`OtherSenses`] leaves as they are (`=`), reads
/// as a whole word (`w`) or drops (`-`).
fn readings(analyzer: &dyn Analyzer, rules: &[SenseRule<'_>], text: &str) -> String {
    let senses = OtherSenses::new(analyzer, rules);
    let mut all: Vec<_> = words(text)
        .map(|w| {
            let a = analyzer.analyze_word(&w.text);
            (w, a)
        })
        .collect();
    let before: Vec<_> = all.iter().map(|(_, a)| a.clone()).collect();
    senses.apply(text, &mut all);
    all.iter()
        .zip(before)
        .map(|((_, a), b)| match () {
            _ if *a == b => '=',
            _ if a.terms.is_empty() => '-',
            _ => 'w',
        })
        .collect()
}

#[test]
fn a_word_in_another_sense_is_read_apart_only_where_its_context_says_so() {
    let fi = voikko();
    let rules = [
        SenseRule {
            words: "jengi",
            context: "hyvä",
            scope: Scope::Before,
        },
        SenseRule {
            words: "jengi",
            context: "yhteishenki, toimisto",
            scope: Scope::Sentence,
        },
        SenseRule {
            words: "trauma",
            context: "kirurgia",
            scope: Scope::After,
        },
        SenseRule {
            words: "sijoitus",
            context: "rahasto",
            scope: Scope::Word,
        },
    ];
    let r = |text| readings(fi.as_ref(), &rules, text);
    // Right before it, then not across a comma, nor after it.
    assert_eq!(r("hyvä jengi"), "=-");
    assert_eq!(r("hyvä, jengi"), "==");
    assert_eq!(r("jengi hyvä"), "==");
    assert_eq!(r("trauma kirurgia"), "-=");
    assert_eq!(r("trauma, kirurgia"), "==");
    // Not a part of a compound written with a hyphen, nor a compound's
    // part by a word beside it: only its own other parts tell.
    assert_eq!(r("hyvä jengi-ilmiön tuntemus"), "====");
    assert_eq!(r("hyvä katujengien tuntemus"), "===");
    assert_eq!(r("sijoitus rahastoon"), "==");
    assert_eq!(r("sijoitusrahastoon"), "w");
    // Anywhere in the sentence, also across a comma, never past its end.
    assert_eq!(r("Meillä on jengi, ja yhteishenki"), "==-==");
    assert_eq!(r("Meillä on jengi. Yhteishenki on hyvä."), "======");
    assert_eq!(r("Meillä on jengi\nYhteishenki on hyvä"), "======");
    // Another word tells by what it is, not by a part of it.
    assert_eq!(r("jengi sosiaalitoimistossa"), "==");
    assert_eq!(r("jengi toimistossa"), "-=");
    // A compound's other part tells whatever the scope: the compound
    // stays as a word of its own; a compound naming the sense's word
    // without the context is left as it is.
    assert_eq!(r("traumakirurgiaan"), "w");
    assert_eq!(r("traumaterapiaan"), "=");
    assert_eq!(r("katujengit"), "=");
    // Words of another language meet nothing.
    let en = SnowballAnalyzer::new(Language::English);
    let rules = [
        SenseRule {
            words: "gang",
            context: "great",
            scope: Scope::Before,
        },
        SenseRule {
            words: "aftercare",
            context: "operation",
            scope: Scope::Sentence,
        },
        SenseRule {
            words: "gang",
            context: "of four",
            scope: Scope::After,
        },
    ];
    assert_eq!(readings(&en, &rules, "a great gang of colleagues"), "==-==");
    assert_eq!(readings(&en, &rules, "young people leaving gangs"), "====");
    // Several words, in order, right after it.
    assert_eq!(readings(&en, &rules, "the Gang of Four patterns"), "=-===");
    assert_eq!(readings(&en, &rules, "a gang of, four"), "====");
    assert_eq!(readings(&en, &rules, "a gang of youths"), "====");
    // A word telling another sense as written, not by its stem.
    assert_eq!(
        readings(&en, &rules, "aftercare after an operation"),
        "-==="
    );
    assert_eq!(
        readings(&en, &rules, "I operate an aftercare service"),
        "====="
    );
}

#[test]
fn suggestions_are_kept_and_stay_voikkos() {
    let v = Voikko::load().expect("Voikko");
    let straight = v.suggest("paihteet");
    assert!(
        straight.iter().any(|s| s == "päihteet"),
        "Voikko's own: {straight:?}"
    );
    let a = voikko();
    assert_eq!(a.suggest("paihteet"), straight, "asked first");
    assert_eq!(a.suggest("paihteet"), straight, "kept");
    assert!(fallback().suggest("paihteet").is_empty());
}
