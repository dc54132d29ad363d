//! Haku: the search index of experts and consultation channels (tantivy).
//!
//! The index is derived data: every node builds it in memory from the
//! database at start and keeps it current from the outbox (the change feed
//! every write to a profile, group or phenomenon appends to; see
//! `core::changes`), woken by other nodes' commits and right after this
//! node's own writes. So any number of nodes serve one database and each
//! answers searches from memory. Every document carries a digest of what it
//! was made from, so [`SearchIndex::check`] can compare the index with the
//! database document by document and repair what differs (see
//! `experts::reconcile`).
//!
//! Text is analysed per language: Finnish through `otalusta-analysis`
//! (Voikko base forms and compound parts, so "huoltoriidoissa" finds
//! "huoltoriita"), Swedish and English with Snowball stemmers. A query word
//! matches when any of its terms is in any text field; all words must
//! match. The reasons shown with a hit are computed by analysing the hit's
//! own fields again and naming which query words met which terms.

use super::store::{self, Expert};
use crate::core::changes::Follower;
use crate::core::db::Db;
use crate::groups::store::Group;
use jiff::civil::Date;
use otalusta_analysis::{
    Analyzer, FinnishAnalyzer, Language, MorphTokenizer, Morphology, SnowballAnalyzer, TermKind,
    WordAnalysis, analyze_query, words,
};
use otalusta_domain::ids::{ExpertId, GroupId};
use sha2::{Digest as _, Sha256};
use std::collections::{HashMap, HashSet};
use std::ops::Bound;
use std::sync::{Arc, Mutex, RwLock};
use tantivy::collector::{Count, TopDocs};
use tantivy::query::{AllQuery, BooleanQuery, BoostQuery, Occur, Query, RangeQuery, TermQuery};
use tantivy::schema::{
    FAST, Field, INDEXED, IndexRecordOption, STORED, STRING, Schema, TextFieldIndexing,
    TextOptions, Value,
};
use tantivy::{Document, Index, IndexReader, IndexWriter, ReloadPolicy, TantivyDocument, Term};

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
    /// What the document was made from, hashed (see [`SearchIndex::check`]).
    digest: Field,
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
    schema: Schema,
    fields: Fields,
    analysis: Arc<TextAnalysis>,
    taxonomy: RwLock<Taxonomy>,
    /// Where the index stands in the change feed.
    follower: Follower,
    /// Held by whoever changes the index, so changes apply in feed order.
    catching_up: tokio::sync::Mutex<()>,
}

/// What the index is made from: every profile and group in the database.
struct Source {
    experts: Vec<Expert>,
    groups: Vec<Group>,
}

impl Source {
    async fn read(db: &Db) -> anyhow::Result<Source> {
        Ok(Source {
            experts: store::all(db, None).await?,
            groups: crate::groups::store::list(db).await?,
        })
    }

    fn len(&self) -> u64 {
        (self.experts.len() + self.groups.len()) as u64
    }

    /// Each document with its key, made as it is asked for.
    fn docs<'a>(
        &'a self,
        index: &'a SearchIndex,
    ) -> impl Iterator<Item = (String, TantivyDocument)> + 'a {
        let experts = self
            .experts
            .iter()
            .map(|e| (format!("e{}", e.id), index.expert_doc(e)));
        let groups = self
            .groups
            .iter()
            .map(|g| (format!("g{}", g.id), index.group_doc(g)));
        experts.chain(groups)
    }
}

/// The most segments kept before they are merged into one (merging is done
/// here, under the writer lock, never in the background: a background merge
/// racing a commit that dropped its segments is what tantivy warned about
/// as "couldn't find segment in SegmentManager").
const MAX_SEGMENTS: usize = 8;

/// What a comparison of the index with the database found.
#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct CheckReport {
    /// Documents the database gives (profiles and groups).
    pub database: u64,
    /// Documents in the index before repair.
    pub index: u64,
    /// In the database, not in the index.
    pub missing: u64,
    /// In both, made from different data.
    pub stale: u64,
    /// In the index, no longer in the database.
    pub extra: u64,
    /// Documents written or removed to make the index equal the database.
    pub repaired: u64,
}

impl CheckReport {
    pub fn differences(&self) -> u64 {
        self.missing + self.stale + self.extra
    }
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
        let digest = b.add_i64_field("digest", STORED);
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
            digest,
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
        writer.set_merge_policy(Box::new(tantivy::merge_policy::NoMergePolicy));
        let reader = index
            .reader_builder()
            .reload_policy(ReloadPolicy::Manual)
            .try_into()?;
        // Take the feed's position first: changes made while loading are
        // applied again afterwards (applying twice is harmless).
        let follower = Follower::start(db).await?;
        let this = Arc::new(SearchIndex {
            reader,
            writer: Mutex::new(writer),
            schema: index.schema(),
            fields,
            analysis,
            taxonomy: RwLock::new(Taxonomy::default()),
            follower,
            catching_up: tokio::sync::Mutex::new(()),
        });
        let _guard = this.catching_up.lock().await;
        this.load_taxonomy(db).await?;
        let source = Source::read(db).await?;
        let me = this.clone();
        tokio::task::spawn_blocking(move || me.fill(&source, false, &|_, _| {})).await??;
        drop(_guard);
        Ok(this)
    }

    /// Indexes every document of `source` (after emptying the index when
    /// `clear`), one at a time: a document is made and handed to the
    /// writer, never all of them held at once.
    fn fill(
        &self,
        source: &Source,
        clear: bool,
        progress: &(dyn Fn(u64, u64) + Sync),
    ) -> anyhow::Result<()> {
        let total = source.len();
        {
            let mut w = self.writer.lock().expect("index writer lock");
            if clear {
                w.delete_all_documents()?;
            }
            for (n, (_, doc)) in source.docs(self).enumerate() {
                if n % 1000 == 0 {
                    progress(n as u64, total);
                }
                w.add_document(self.with_digest(doc))?;
            }
            // A whole index is merged into one segment at once.
            self.commit(&mut w, 1)?;
        }
        self.reader.reload()?;
        Ok(())
    }

    /// Commits, then merges every segment into one when there are more
    /// than `most`; under the writer lock, so no merge races a commit.
    fn commit(&self, w: &mut IndexWriter, most: usize) -> anyhow::Result<()> {
        w.commit()?;
        let segments = w.index().searchable_segment_ids()?;
        if segments.len() > most {
            w.merge(&segments).wait()?;
        }
        Ok(())
    }

    /// The document `key` (`e12`, `g3`) as the database gives it now.
    async fn current(&self, db: &Db, key: &str) -> anyhow::Result<Option<TantivyDocument>> {
        let id = key[1..].parse::<i64>().unwrap_or(0);
        Ok(match &key[..1] {
            "e" => store::get(db, ExpertId(id))
                .await?
                .map(|e| self.expert_doc(&e)),
            "g" => crate::groups::store::get(db, GroupId(id))
                .await?
                .map(|g| self.group_doc(&g)),
            _ => None,
        })
    }

    /// Replaces (or with `None` removes) documents by key, commits, merges
    /// when the segments have grown many, and makes the result searchable.
    fn write(&self, docs: Vec<(String, Option<TantivyDocument>)>) -> anyhow::Result<()> {
        {
            let mut w = self.writer.lock().expect("index writer lock");
            for (key, doc) in docs {
                w.delete_term(Term::from_field_text(self.fields.key, &key));
                if let Some(doc) = doc {
                    w.add_document(doc)?;
                }
            }
            self.commit(&mut w, MAX_SEGMENTS)?;
        }
        self.reader.reload()?;
        Ok(())
    }

    /// Each indexed document's digest, by key.
    fn indexed(&self) -> anyhow::Result<HashMap<String, i64>> {
        let searcher = self.reader.searcher();
        let mut out = HashMap::new();
        for segment in searcher.segment_readers() {
            let store = segment.get_store_reader(64)?;
            for doc in segment.doc_ids_alive() {
                let d: TantivyDocument = store.get(doc)?;
                let key = d.get_first(self.fields.key).and_then(|v| v.as_str());
                let digest = d.get_first(self.fields.digest).and_then(|v| v.as_i64());
                if let (Some(k), Some(g)) = (key, digest) {
                    out.insert(k.to_owned(), g);
                }
            }
        }
        Ok(out)
    }

    /// Compares the index with the database document by document and
    /// repairs what differs; `progress(done, total)` is told along the way.
    /// Changes in the feed are applied before the comparison and again
    /// before each difference is read once more, so a write racing the
    /// check is the feed's to apply, not reported as drift.
    pub async fn check(
        &self,
        db: &Db,
        progress: &(dyn Fn(u64, u64) + Sync),
    ) -> anyhow::Result<CheckReport> {
        self.catch_up(db).await?;
        let guard = self.catching_up.lock().await;
        self.load_taxonomy(db).await?;
        let source = Source::read(db).await?;
        let mut indexed = self.indexed()?;
        let total = source.len();
        let mut report = CheckReport {
            database: total,
            index: indexed.len() as u64,
            ..CheckReport::default()
        };
        let mut suspects = Vec::new();
        for (n, (key, doc)) in source.docs(self).enumerate() {
            if n % 1000 == 0 {
                progress(n as u64, total);
            }
            match indexed.remove(&key) {
                Some(d) if d == self.digest_of(&doc) => {}
                _ => suspects.push(key),
            }
        }
        // What is left in the index has no source.
        suspects.extend(indexed.into_keys());
        if suspects.is_empty() {
            progress(total, total);
            return Ok(report);
        }
        // Apply what committed during the comparison, then read each
        // suspect again: only what still differs is drift.
        drop(guard);
        self.catch_up(db).await?;
        let _guard = self.catching_up.lock().await;
        let mut fixes = Vec::new();
        for key in suspects {
            let doc = self.current(db, &key).await?;
            let now = self.indexed_digest(&key)?;
            match (&doc, now) {
                (Some(d), Some(g)) if g == self.digest_of(d) => continue,
                (None, None) => continue,
                (Some(_), Some(_)) => report.stale += 1,
                (Some(_), None) => report.missing += 1,
                (None, Some(_)) => report.extra += 1,
            }
            fixes.push((key, doc.map(|d| self.with_digest(d))));
        }
        report.repaired = fixes.len() as u64;
        if !fixes.is_empty() {
            self.write(fixes)?;
        }
        progress(total, total);
        Ok(report)
    }

    /// Builds the whole index again from the database.
    pub async fn rebuild(
        &self,
        db: &Db,
        progress: &(dyn Fn(u64, u64) + Sync),
    ) -> anyhow::Result<u64> {
        let _guard = self.catching_up.lock().await;
        // Changes from here on are applied after the rebuild.
        let polled = self.follower.peek(db).await?;
        self.load_taxonomy(db).await?;
        let source = Source::read(db).await?;
        let total = source.len();
        self.fill(&source, true, progress)?;
        self.follower.advance(polled);
        progress(total, total);
        Ok(total)
    }

    /// The digest stored with the indexed document `key`, if it is there.
    fn indexed_digest(&self, key: &str) -> anyhow::Result<Option<i64>> {
        let searcher = self.reader.searcher();
        let top = searcher.search(
            &TermQuery::new(
                Term::from_field_text(self.fields.key, key),
                IndexRecordOption::Basic,
            ),
            &TopDocs::with_limit(1).order_by_score(),
        )?;
        let Some((_, addr)) = top.first() else {
            return Ok(None);
        };
        let d: TantivyDocument = searcher.doc(*addr)?;
        Ok(d.get_first(self.fields.digest).and_then(|v| v.as_i64()))
    }

    /// A hash of everything the document holds except its digest.
    fn digest_of(&self, doc: &TantivyDocument) -> i64 {
        let hash = Sha256::digest(doc.to_json(&self.schema).as_bytes());
        i64::from_be_bytes(hash[..8].try_into().expect("eight bytes"))
    }

    fn with_digest(&self, mut doc: TantivyDocument) -> TantivyDocument {
        let digest = self.digest_of(&doc);
        doc.add_i64(self.fields.digest, digest);
        doc
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
    /// the last call. Returns how many objects were re-indexed. The feed
    /// moves on only once they are in the index, so a failure here (the
    /// database gone mid-way) reads them again next time.
    pub async fn catch_up(&self, db: &Db) -> anyhow::Result<usize> {
        let _guard = self.catching_up.lock().await;
        let polled = self.follower.peek(db).await?;
        // Other caches' topics (the places on meetings) change no document.
        if !polled
            .changes
            .iter()
            .any(|c| matches!(c.topic.as_str(), "expert" | "group" | "phenomenon"))
        {
            self.follower.advance(polled);
            return Ok(0);
        }
        // A phenomenon's new name changes the text of every document that
        // has it: those come with their own `expert`/`group` changes.
        self.load_taxonomy(db).await?;
        let mut seen = HashSet::new();
        let mut docs: Vec<(String, Option<TantivyDocument>)> = Vec::new();
        for c in &polled.changes {
            let key = match c.topic.as_str() {
                "expert" => format!("e{}", c.object_id),
                "group" => format!("g{}", c.object_id),
                _ => continue,
            };
            if c.object_id.parse::<i64>().is_err() || !seen.insert(key.clone()) {
                continue;
            }
            let doc = self.current(db, &key).await?;
            docs.push((key, doc.map(|d| self.with_digest(d))));
        }
        let n = docs.len();
        self.write(docs)?;
        self.follower.advance(polled);
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
pub async fn follow(index: Arc<SearchIndex>, db: Db, mut wake: crate::core::changes::Wake) {
    loop {
        wake.wait(crate::core::changes::FOLLOW_EVERY).await;
        if let Err(e) = index.catch_up(&db).await {
            tracing::warn!(error = %e, "search index could not catch up");
        }
    }
}
