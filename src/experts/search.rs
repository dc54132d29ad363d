//! Haku: the search index of experts and consultation channels (tantivy).
//!
//! The index is derived data: every node builds it in memory from the
//! database at start and keeps it current from the outbox (the change feed
//! every write to a profile, group or phenomenon appends to), polled every
//! few seconds and right after this node's own writes. So any number of
//! nodes serve one database and each answers searches from memory.
//!
//! Text is analysed per language: Finnish through `otalusta-analysis`
//! (Voikko base forms and compound parts, so "huoltoriidoissa" finds
//! "huoltoriita"), Swedish and English with Snowball stemmers. A query word
//! matches when any of its terms is in any text field; all words must
//! match. The reasons shown with a hit are computed by analysing the hit's
//! own fields again and naming which query words met which terms.

use super::store::{self, Expert};
use crate::core::db::Db;
use crate::groups::store::Group;
use jiff::civil::Date;
use otalusta_analysis::{
    Analyzer, FinnishAnalyzer, Language, MorphTokenizer, Morphology, SnowballAnalyzer, TermKind,
    WordAnalysis, analyze_query, words,
};
use otalusta_domain::ids::{ExpertId, GroupId};
use std::collections::{HashMap, HashSet};
use std::ops::Bound;
use std::sync::atomic::{AtomicI64, Ordering};
use std::sync::{Arc, Mutex, RwLock};
use tantivy::collector::{Count, TopDocs};
use tantivy::query::{AllQuery, BooleanQuery, BoostQuery, Occur, Query, RangeQuery, TermQuery};
use tantivy::schema::{
    FAST, Field, INDEXED, IndexRecordOption, STORED, STRING, Schema, TextFieldIndexing,
    TextOptions, Value,
};
use tantivy::{Index, IndexReader, IndexWriter, ReloadPolicy, TantivyDocument, Term};

/// The text fields, each analysed in one language, with the weight a match
/// in it carries.
const TEXT_FIELDS: &[(&str, TextLang, f32)] = &[
    ("phenomena_fi", TextLang::Fi, 3.0),
    ("phenomena_sv", TextLang::Sv, 3.0),
    ("phenomena_en", TextLang::En, 3.0),
    ("title_fi", TextLang::Fi, 2.0),
    ("title_sv", TextLang::Sv, 2.0),
    ("title_en", TextLang::En, 2.0),
    ("description_fi", TextLang::Fi, 1.0),
    ("description_sv", TextLang::Sv, 1.0),
    ("description_en", TextLang::En, 1.0),
    ("name", TextLang::Fi, 1.5),
    ("organisation", TextLang::Fi, 1.0),
];

/// Which kind of thing a hit is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum HitKind {
    Expert(ExpertId),
    Group(GroupId),
}

/// Why a hit matched: a field, and which query words met which terms.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Reason {
    /// `phenomena`, `title`, `description`, `name`, `organisation`.
    pub field: &'static str,
    /// The phenomenon code, for `phenomena`.
    pub detail: String,
    /// (query word, the term it matched).
    pub words: Vec<(String, String)>,
}

#[derive(Debug, Clone)]
pub struct Hit {
    pub kind: HitKind,
    pub score: f32,
    pub reasons: Vec<Reason>,
}

#[derive(Debug, Default)]
pub struct Results {
    pub total: usize,
    pub hits: Vec<Hit>,
}

/// What to look for.
#[derive(Debug, Clone, Default)]
pub struct SearchQuery {
    pub text: String,
    pub phenomenon: Option<String>,
    pub sector: Option<String>,
    pub area: Option<String>,
    pub language: Option<String>,
    pub remote_only: bool,
    /// Paused experts too (they are not offered for new consultations).
    pub include_paused: bool,
    pub experts: bool,
    pub groups: bool,
    /// Only what is published in the public directory.
    pub public_only: bool,
    pub offset: usize,
    pub limit: usize,
}

struct Fields {
    key: Field,
    kind: Field,
    text: Vec<(Field, &'static str, TextLang, f32)>,
    phenomenon: Field,
    sector: Field,
    region: Field,
    language: Field,
    remote: Field,
    listed: Field,
    paused_until: Field,
}

/// Names and synonyms of each phenomenon, as the index analyses them.
#[derive(Default)]
struct Taxonomy {
    /// code → (fi text, sv text, en text)
    texts: HashMap<String, [String; 3]>,
    /// code → the index terms of those texts, analysed once here rather
    /// than for every hit when its reasons are written.
    terms: HashMap<String, [HashSet<String>; 3]>,
}

pub struct SearchIndex {
    reader: IndexReader,
    writer: Mutex<IndexWriter>,
    fields: Fields,
    analysis: Arc<TextAnalysis>,
    taxonomy: RwLock<Taxonomy>,
    /// The last outbox entry applied.
    applied: AtomicI64,
    catching_up: tokio::sync::Mutex<()>,
}

/// Days since 1970-01-01, for the paused-until range.
fn day_number(d: Date) -> i64 {
    Date::constant(1970, 1, 1)
        .until(d)
        .map_or(0, |s| i64::from(s.get_days()))
}

/// The language a text field is analysed in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TextLang {
    Fi = 0,
    Sv = 1,
    En = 2,
}

const LANGS: [TextLang; 3] = [TextLang::Fi, TextLang::Sv, TextLang::En];

fn lang_tokenizer(l: TextLang) -> &'static str {
    match l {
        TextLang::Fi => otalusta_analysis::FI_MORPH,
        TextLang::Sv => otalusta_analysis::SV_SNOWBALL,
        TextLang::En => otalusta_analysis::EN_SNOWBALL,
    }
}

/// The three analyzers: Finnish morphology, Swedish and English stems.
pub struct TextAnalysis {
    analyzers: [Arc<dyn Analyzer>; 3],
}

impl TextAnalysis {
    /// Finnish through Voikko when it loads, else the fallback (logged).
    pub fn load() -> TextAnalysis {
        TextAnalysis {
            analyzers: [
                Arc::new(FinnishAnalyzer::load()),
                Arc::new(SnowballAnalyzer::new(Language::Swedish)),
                Arc::new(SnowballAnalyzer::new(Language::English)),
            ],
        }
    }

    fn get(&self, l: TextLang) -> &Arc<dyn Analyzer> {
        &self.analyzers[l as usize]
    }

    /// Whether Finnish words get Voikko's base forms.
    pub fn has_morphology(&self) -> bool {
        matches!(self.get(TextLang::Fi).status(), Morphology::Voikko { .. })
    }

    /// The Finnish morphology in words, for the log.
    pub fn status(&self) -> String {
        self.get(TextLang::Fi).status().to_string()
    }

    /// Every index term of `text`.
    fn term_set(&self, l: TextLang, text: &str) -> HashSet<String> {
        let a = self.get(l);
        words(text)
            .flat_map(|w| {
                a.analyze_word(&w.text)
                    .texts()
                    .map(str::to_owned)
                    .collect::<Vec<_>>()
            })
            .collect()
    }
}

/// The term a query word met in a field's terms: a base form (or the word,
/// its stem), all parts of a compound, or enough n-grams.
fn met(word: &WordAnalysis, terms: &HashSet<String>) -> Option<String> {
    let a = &word.analysis;
    if let Some(t) = a
        .terms
        .iter()
        .filter(|t| matches!(t.kind, TermKind::Word | TermKind::BaseForm | TermKind::Stem))
        .find(|t| terms.contains(&t.text))
    {
        return Some(t.text.clone());
    }
    if let Some(parts) = a
        .compounds
        .iter()
        .find(|parts| parts.iter().all(|p| terms.contains(p)))
    {
        return Some(parts.join(" + "));
    }
    let grams: Vec<&str> = a.of_kind(TermKind::NGram).collect();
    let hits = grams.iter().filter(|g| terms.contains(**g)).count();
    (!grams.is_empty()
        && hits as f32 >= (grams.len() as f32 * otalusta_analysis::NGRAM_MIN_SHARE).ceil())
    .then(|| word.word.text.to_lowercase())
}

impl SearchIndex {
    fn schema() -> (Schema, Fields) {
        let mut b = Schema::builder();
        let key = b.add_text_field("key", STRING | STORED);
        let kind = b.add_text_field("kind", STRING);
        let mut text = Vec::new();
        for (name, lang, weight) in TEXT_FIELDS {
            let mut opts = TextOptions::default().set_indexing_options(
                TextFieldIndexing::default()
                    .set_tokenizer(lang_tokenizer(*lang))
                    .set_index_option(IndexRecordOption::WithFreqs),
            );
            // Only what `reasons` reads back is stored: the phenomena's
            // texts come from the taxonomy (by the stored codes), and
            // storing them would keep every name and synonym once per
            // profile in memory.
            if !name.starts_with("phenomena_") {
                opts = opts.set_stored();
            }
            text.push((b.add_text_field(name, opts), *name, *lang, *weight));
        }
        let fields = Fields {
            key,
            kind,
            text,
            phenomenon: b.add_text_field("phenomenon", STRING | STORED),
            sector: b.add_text_field("sector", STRING),
            region: b.add_text_field("region", STRING),
            language: b.add_text_field("language", STRING),
            remote: b.add_text_field("remote", STRING),
            listed: b.add_text_field("listed", STRING),
            paused_until: b.add_i64_field("paused_until", INDEXED | FAST),
        };
        (b.build(), fields)
    }

    /// Builds the index from the database.
    pub async fn build(db: &Db, analysis: Arc<TextAnalysis>) -> anyhow::Result<Arc<SearchIndex>> {
        let (schema, fields) = Self::schema();
        let index = Index::create_in_ram(schema);
        for l in LANGS {
            index.tokenizers().register(
                lang_tokenizer(l),
                MorphTokenizer::new(analysis.get(l).clone()),
            );
        }
        let writer = index.writer_with_num_threads(1, 20_000_000)?;
        let reader = index
            .reader_builder()
            .reload_policy(ReloadPolicy::Manual)
            .try_into()?;
        let this = Arc::new(SearchIndex {
            reader,
            writer: Mutex::new(writer),
            fields,
            analysis,
            taxonomy: RwLock::new(Taxonomy::default()),
            applied: AtomicI64::new(0),
            catching_up: tokio::sync::Mutex::new(()),
        });
        let _guard = this.catching_up.lock().await;
        // Read the feed's position first: changes made while loading are
        // applied again afterwards (applying twice is harmless).
        let (last,): (Option<i64>,) = sqlx::query_as("SELECT MAX(id) FROM outbox")
            .fetch_one(db.pool())
            .await?;
        this.load_taxonomy(db).await?;
        let experts = store::all(db, None).await?;
        let groups = crate::groups::store::list(db).await?;
        let me = this.clone();
        tokio::task::spawn_blocking(move || -> anyhow::Result<()> {
            let mut w = me.writer.lock().expect("index writer lock");
            for e in &experts {
                w.add_document(me.expert_doc(e))?;
            }
            for g in &groups {
                w.add_document(me.group_doc(g))?;
            }
            w.commit()?;
            Ok(())
        })
        .await??;
        this.reader.reload()?;
        this.applied.store(last.unwrap_or(0), Ordering::SeqCst);
        drop(_guard);
        Ok(this)
    }

    /// Whether Finnish words are analysed by Voikko (not the fallback).
    pub fn morphology_ok(&self) -> bool {
        self.analysis.has_morphology()
    }

    pub fn documents(&self) -> u64 {
        self.reader.searcher().num_docs()
    }

    async fn load_taxonomy(&self, db: &Db) -> sqlx::Result<()> {
        let rows = crate::taxonomy::store::all(db).await?;
        let mut t = Taxonomy::default();
        for p in rows {
            let syn = &p.synonyms;
            t.texts.insert(
                p.code.clone(),
                [
                    format!("{} {syn}", p.name_fi),
                    format!("{} {syn}", p.name_sv),
                    format!("{} {syn}", p.name_en),
                ],
            );
        }
        t.terms = t
            .texts
            .iter()
            .map(|(code, texts)| {
                let [fi, sv, en] = texts;
                (
                    code.clone(),
                    [
                        self.analysis.term_set(TextLang::Fi, fi),
                        self.analysis.term_set(TextLang::Sv, sv),
                        self.analysis.term_set(TextLang::En, en),
                    ],
                )
            })
            .collect();
        *self.taxonomy.write().expect("taxonomy lock") = t;
        Ok(())
    }

    fn phenomena_text(&self, codes: &[String]) -> [String; 3] {
        let t = self.taxonomy.read().expect("taxonomy lock");
        let mut out = [String::new(), String::new(), String::new()];
        for c in codes {
            if let Some(texts) = t.texts.get(c) {
                for (o, s) in out.iter_mut().zip(texts) {
                    o.push_str(s);
                    o.push_str(". ");
                }
            }
        }
        out
    }

    fn field(&self, name: &str) -> Field {
        self.fields
            .text
            .iter()
            .find(|(_, n, _, _)| *n == name)
            .map(|(f, ..)| *f)
            .expect("a text field of the schema")
    }

    fn expert_doc(&self, e: &Expert) -> TantivyDocument {
        let f = &self.fields;
        let d = &e.details;
        let mut doc = TantivyDocument::default();
        doc.add_text(f.key, format!("e{}", e.id));
        doc.add_text(f.kind, "expert");
        let [ph_fi, ph_sv, ph_en] = self.phenomena_text(&d.phenomena);
        doc.add_text(self.field("phenomena_fi"), ph_fi);
        doc.add_text(self.field("phenomena_sv"), ph_sv);
        doc.add_text(self.field("phenomena_en"), ph_en);
        for l in ["fi", "sv", "en"] {
            doc.add_text(self.field(&format!("title_{l}")), &d.title);
        }
        doc.add_text(self.field("description_fi"), &d.description_fi);
        doc.add_text(self.field("description_sv"), &d.description_sv);
        doc.add_text(self.field("description_en"), &d.description_en);
        doc.add_text(self.field("name"), &d.name);
        doc.add_text(self.field("organisation"), &d.organisation);
        for p in &d.phenomena {
            doc.add_text(f.phenomenon, p);
        }
        for s in &d.sectors {
            doc.add_text(f.sector, s.as_str());
        }
        for r in &d.regions {
            doc.add_text(f.region, r);
        }
        for l in &d.languages {
            doc.add_text(f.language, l.key());
        }
        doc.add_text(f.remote, if d.remote { "1" } else { "0" });
        doc.add_text(f.listed, if d.listed_publicly { "1" } else { "0" });
        doc.add_i64(f.paused_until, d.paused_until.map_or(0, day_number));
        doc
    }

    fn group_doc(&self, g: &Group) -> TantivyDocument {
        let f = &self.fields;
        let d = &g.details;
        let mut doc = TantivyDocument::default();
        doc.add_text(f.key, format!("g{}", g.id));
        doc.add_text(f.kind, "group");
        let [ph_fi, ph_sv, ph_en] = self.phenomena_text(&d.phenomena);
        doc.add_text(self.field("phenomena_fi"), ph_fi);
        doc.add_text(self.field("phenomena_sv"), ph_sv);
        doc.add_text(self.field("phenomena_en"), ph_en);
        doc.add_text(self.field("title_fi"), &d.name_fi);
        doc.add_text(self.field("title_sv"), d.name("sv"));
        doc.add_text(self.field("title_en"), d.name("en"));
        doc.add_text(self.field("description_fi"), &d.description_fi);
        doc.add_text(self.field("description_sv"), &d.description_sv);
        doc.add_text(self.field("description_en"), &d.description_en);
        let place = otalusta_domain::region::area(&d.area)
            .map(|a| a.name_fi)
            .unwrap_or("");
        let organiser = d
            .organiser
            .as_deref()
            .and_then(otalusta_domain::region::organiser)
            .map(|o| o.name_fi)
            .unwrap_or("");
        doc.add_text(self.field("organisation"), format!("{organiser} {place}"));
        for p in &d.phenomena {
            doc.add_text(f.phenomenon, p);
        }
        // Who may ask: no limit means everyone.
        let sectors: Vec<&str> = if d.eligibility.sectors.is_empty() {
            otalusta_domain::region::Sector::ALL
                .iter()
                .map(|s| s.as_str())
                .collect()
        } else {
            d.eligibility.sectors.iter().map(|s| s.as_str()).collect()
        };
        for s in sectors {
            doc.add_text(f.sector, s);
        }
        let areas: Vec<&str> = if d.eligibility.areas.is_empty() {
            otalusta_domain::region::AREAS
                .iter()
                .map(|a| a.code)
                .collect()
        } else {
            d.eligibility.areas.iter().map(String::as_str).collect()
        };
        for a in areas {
            doc.add_text(f.region, a);
        }
        doc.add_text(f.language, "fi");
        doc.add_text(f.remote, if d.mode.has_video() { "1" } else { "0" });
        doc.add_text(f.listed, "1");
        doc.add_i64(f.paused_until, 0);
        doc
    }

    /// Applies the changes other nodes (and this one) have written since
    /// the last call. Returns how many objects were re-indexed.
    pub async fn catch_up(&self, db: &Db) -> anyhow::Result<usize> {
        let _guard = self.catching_up.lock().await;
        let since = self.applied.load(Ordering::SeqCst);
        let rows: Vec<(i64, String, String)> = sqlx::query_as(
            "SELECT id, topic, object_id FROM outbox WHERE id > $1 ORDER BY id LIMIT 5000",
        )
        .bind(since)
        .fetch_all(db.pool())
        .await?;
        let Some(last) = rows.last().map(|r| r.0) else {
            return Ok(0);
        };
        // Other caches' topics (the places on meetings) change no document.
        if !rows
            .iter()
            .any(|(_, topic, _)| matches!(topic.as_str(), "expert" | "group" | "phenomenon"))
        {
            self.applied.store(last, Ordering::SeqCst);
            return Ok(0);
        }
        self.load_taxonomy(db).await?;
        let mut seen = HashSet::new();
        let mut docs: Vec<(String, Option<TantivyDocument>)> = Vec::new();
        for (_, topic, object) in rows {
            let Ok(id) = object.parse::<i64>() else {
                continue;
            };
            if !seen.insert((topic.clone(), id)) {
                continue;
            }
            match topic.as_str() {
                "expert" => {
                    let e = store::get(db, ExpertId(id)).await?;
                    docs.push((format!("e{id}"), e.map(|e| self.expert_doc(&e))));
                }
                "group" => {
                    let g = crate::groups::store::get(db, GroupId(id)).await?;
                    docs.push((format!("g{id}"), g.map(|g| self.group_doc(&g))));
                }
                _ => {}
            }
        }
        let n = docs.len();
        {
            let mut w = self.writer.lock().expect("index writer lock");
            for (key, doc) in docs {
                w.delete_term(Term::from_field_text(self.fields.key, &key));
                if let Some(doc) = doc {
                    w.add_document(doc)?;
                }
            }
            w.commit()?;
        }
        self.reader.reload()?;
        self.applied.store(last, Ordering::SeqCst);
        Ok(n)
    }

    fn term(&self, field: Field, value: &str) -> Box<dyn Query> {
        Box::new(TermQuery::new(
            Term::from_field_text(field, value),
            IndexRecordOption::Basic,
        ))
    }

    /// Runs a search; `today` decides who is paused.
    pub fn search(&self, q: &SearchQuery, today: Date) -> Results {
        let f = &self.fields;
        let mut must: Vec<(Occur, Box<dyn Query>)> = Vec::new();
        let words = self.query_words(&q.text);
        for per_lang in &words {
            // The word in any form in any field; the better fields weigh more.
            let mut any: Vec<(Occur, Box<dyn Query>)> = Vec::new();
            for (field, _, lang, weight) in &f.text {
                if let Some(wq) = per_lang[*lang as usize].query(*field) {
                    any.push((Occur::Should, Box::new(BoostQuery::new(wq, *weight))));
                }
            }
            if !any.is_empty() {
                must.push((Occur::Must, Box::new(BooleanQuery::new(any))));
            }
        }
        match (q.experts, q.groups) {
            (true, false) => must.push((Occur::Must, self.term(f.kind, "expert"))),
            (false, true) => must.push((Occur::Must, self.term(f.kind, "group"))),
            (false, false) => return Results::default(),
            (true, true) => {}
        }
        for (field, value) in [
            (f.phenomenon, &q.phenomenon),
            (f.sector, &q.sector),
            (f.region, &q.area),
            (f.language, &q.language),
        ] {
            if let Some(v) = value {
                must.push((Occur::Must, self.term(field, v)));
            }
        }
        if q.remote_only {
            must.push((Occur::Must, self.term(f.remote, "1")));
        }
        if q.public_only {
            must.push((Occur::Must, self.term(f.listed, "1")));
        }
        if !q.include_paused {
            must.push((
                Occur::Must,
                Box::new(RangeQuery::new(
                    Bound::Included(Term::from_field_i64(f.paused_until, i64::MIN)),
                    Bound::Excluded(Term::from_field_i64(f.paused_until, day_number(today))),
                )),
            ));
        }
        if words.is_empty() {
            must.push((Occur::Must, Box::new(AllQuery)));
        }
        let query = BooleanQuery::new(must);
        let searcher = self.reader.searcher();
        let limit = q.limit.clamp(1, 100);
        let collector = (
            Count,
            TopDocs::with_limit(limit)
                .and_offset(q.offset.min(10_000))
                .order_by_score(),
        );
        let (total, top) = match searcher.search(&query, &collector) {
            Ok(r) => r,
            Err(e) => {
                tracing::error!(error = %e, "search failed");
                return Results::default();
            }
        };
        let mut hits = Vec::new();
        for (score, addr) in top {
            let Ok(doc) = searcher.doc::<TantivyDocument>(addr) else {
                continue;
            };
            let Some(key) = doc
                .get_first(f.key)
                .and_then(|v| v.as_str())
                .map(str::to_owned)
            else {
                continue;
            };
            let Ok(id) = key[1..].parse::<i64>() else {
                continue;
            };
            let kind = if key.starts_with('e') {
                HitKind::Expert(ExpertId(id))
            } else {
                HitKind::Group(GroupId(id))
            };
            hits.push(Hit {
                kind,
                score,
                reasons: self.reasons(&doc, &words),
            });
        }
        Results { total, hits }
    }

    /// The query's words (at most 12), each analysed in fi, sv and en.
    fn query_words(&self, text: &str) -> Vec<[WordAnalysis; 3]> {
        let [fi, sv, en] = LANGS.map(|l| analyze_query(self.analysis.get(l).as_ref(), text).words);
        fi.into_iter()
            .zip(sv)
            .zip(en)
            .map(|((a, b), c)| [a, b, c])
            .take(12)
            .collect()
    }

    /// Which query words met which terms in the document's fields.
    fn reasons(&self, doc: &TantivyDocument, words: &[[WordAnalysis; 3]]) -> Vec<Reason> {
        if words.is_empty() {
            return Vec::new();
        }
        let f = &self.fields;
        let mut reasons: Vec<Reason> = Vec::new();
        let mut push = |field: &'static str, detail: String, word: &str, term: &str| {
            let r = match reasons
                .iter_mut()
                .find(|r| r.field == field && r.detail == detail)
            {
                Some(r) => r,
                None => {
                    reasons.push(Reason {
                        field,
                        detail,
                        words: Vec::new(),
                    });
                    reasons.last_mut().expect("just pushed")
                }
            };
            let pair = (word.to_owned(), term.to_owned());
            if !r.words.contains(&pair) {
                r.words.push(pair);
            }
        };
        // Phenomena: name the phenomenon whose names or synonyms matched.
        let codes: Vec<String> = doc
            .get_all(f.phenomenon)
            .filter_map(|v| v.as_str().map(str::to_owned))
            .collect();
        let taxonomy = self.taxonomy.read().expect("taxonomy lock");
        for code in &codes {
            let Some(term_sets) = taxonomy.terms.get(code) else {
                continue;
            };
            for (i, terms) in term_sets.iter().enumerate() {
                for per_lang in words {
                    if let Some(t) = met(&per_lang[i], terms) {
                        push("phenomena", code.clone(), &per_lang[i].word.text, &t);
                    }
                }
            }
        }
        drop(taxonomy);
        for (field, name, lang, _) in &f.text {
            let label = match *name {
                n if n.starts_with("title") => "title",
                n if n.starts_with("description") => "description",
                "name" => "name",
                "organisation" => "organisation",
                _ => continue,
            };
            let Some(text) = doc.get_first(*field).and_then(|v| v.as_str()) else {
                continue;
            };
            if text.is_empty() {
                continue;
            }
            let terms = self.analysis.term_set(*lang, text);
            for per_lang in words {
                let w = &per_lang[*lang as usize];
                if let Some(t) = met(w, &terms) {
                    push(label, String::new(), &w.word.text, &t);
                }
            }
        }
        reasons
    }
}

/// Keeps the index current from the outbox until the task is dropped.
pub async fn follow(index: Arc<SearchIndex>, db: Db) {
    let mut tick = tokio::time::interval(std::time::Duration::from_secs(2));
    loop {
        tick.tick().await;
        if let Err(e) = index.catch_up(&db).await {
            tracing::warn!(error = %e, "search index could not catch up");
        }
    }
}
