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
//! matches when any of its terms is in any text field; no word is
//! required, texts meeting more of the query (its topic first,
//! [`clause_weights`]) rank higher. The reasons shown with a hit are
//! computed by analysing the hit's own fields again and naming which query
//! words met which terms.

mod explain;
mod plan;
mod query;
mod rankings;

use super::kinds::{Kinds, KindsCollector};
use super::matching::{
    self, Concepts, MatchKind, Recognised, Slot, TextWords, WordForms, keys, recognition_keys,
};
use super::store::{self, Expert};
use super::syntax::{self, ParsedQuery, QueryTerm};
use crate::core::changes::Follower;
use crate::core::db::Db;
use crate::groups::store::Group;
use explain::Explaining;
use jiff::civil::Date;
use otalusta_analysis::{
    Analysis, Analyzer, FinnishAnalyzer, Language, MorphTokenizer, Morphology, OtherSenses,
    SnowballAnalyzer, TermKind, is_stop_word,
};
use otalusta_domain::ids::{ExpertId, GroupId};
use plan::{Named, Plan, PlannedTerm, QueryWord, akin_of, clause_weights, is_topic};
use sha2::{Digest as _, Sha256};
use std::collections::{HashMap, HashSet};
use std::ops::Bound;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex, RwLock};
use tantivy::collector::{Count, TopDocs};
use tantivy::query::{
    AllQuery, BooleanQuery, BoostQuery, ConstScoreQuery, DisjunctionMaxQuery, EmptyQuery,
    FuzzyTermQuery, Occur, PhraseQuery, Query, RangeQuery, TermQuery,
};
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
    ("place", TextLang::Fi, 1.0),
];

/// Which text fields a query word is looked for in. A word found only in
/// the name of an expert's employer ("Nuorten Ystävät") says little of what
/// they know: it finds them and ranks them, but counts as no clause of the
/// query met (`COVERAGE`), so "nuorten huumekokeilut" ranks who knows young
/// people's drug use above an addiction clinic with "Nuorten" in its name.
/// A group's `organisation` field (its organiser and area) counts; where it
/// meets (`place`, "Jyväskylä, Keski-Suomen sosiaalialan osaamiskeskus")
/// finds and ranks it like an employer's name.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Looked {
    /// What a text says its author knows (every field but the employer's
    /// name and the meeting place), and the phenomena the word names.
    Competence,
    /// The employer's name alone (a group's organiser and area).
    Employer,
    /// A group's meeting place alone.
    Place,
    /// Every text field, as written (what an excluded word must not meet).
    Exclusion,
}

impl Looked {
    fn has(self, field: &str) -> bool {
        match self {
            Looked::Competence => field != "organisation" && field != "place",
            Looked::Employer => field == "organisation",
            Looked::Place => field == "place",
            Looked::Exclusion => true,
        }
    }
}

/// What to score for the page `q` asks for: the first
/// [`rankings::WINDOW`] hits when the page is among them (the ranking is
/// kept), else the page itself (at most 100, never past [`MAX_RESULTS`]).
fn page_of(
    q: &SearchQuery,
) -> impl tantivy::collector::Collector<Fruit = Vec<(tantivy::Score, tantivy::DocAddress)>> {
    let (offset, limit) = match rankings::in_window(q) {
        true => (0, rankings::WINDOW),
        false => rankings::page_bounds(q),
    };
    TopDocs::with_limit(limit)
        .and_offset(offset)
        .order_by_score()
}

/// Which kind of thing a hit is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum HitKind {
    Expert(ExpertId),
    Group(GroupId),
}

/// Why a hit matched: a field, and which query words met what there.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Reason {
    /// `phenomena`, `concept`, `title`, `description`, `name`, `organisation`,
    /// `place` (a group's meeting place).
    pub field: &'static str,
    /// The phenomenon code, for `phenomena` and `concept`.
    pub detail: String,
    pub words: Vec<Matched>,
}

/// A query word and what it met.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Matched {
    /// As the user wrote it.
    pub asked: String,
    /// The text's word(s) it met, or the phenomenon's name or synonym.
    pub found: String,
    pub how: MatchKind,
}

impl Matched {
    fn new(asked: &str, found: String, how: MatchKind) -> Matched {
        Matched {
            asked: asked.to_owned(),
            found,
            how,
        }
    }
}

/// What a search did that the user should know (besides the hits).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Notice {
    /// From reading the query (limits, operators).
    Query(syntax::Notice),
    /// Words were given, none of them searchable.
    NothingToSearch,
    /// The page asked for is past the last one shown.
    PastLastPage { shown: usize },
}

impl From<syntax::Notice> for Notice {
    fn from(n: syntax::Notice) -> Notice {
        Notice::Query(n)
    }
}

/// The most hits a search pages through (tantivy collects offset + limit
/// documents, so deeper pages would cost more and more).
pub const MAX_RESULTS: usize = 10_000;

/// How near the words of a name must stand (tantivy's phrase slop): up to
/// two places apart in order ("lähisuhteissa tapahtuva väkivalta"), or the
/// two swapped side by side ("väkivalta lähisuhteissa"); a sentence break
/// counts as a place. Never anywhere in a text.
const NAME_SLOP: u32 = 2;

/// What one matched clause adds to a score: more than any text's relevance
/// score, so more matched clauses always rank first.
const COVERAGE: f32 = 1000.0;

#[derive(Debug, Clone)]
pub struct Hit {
    pub kind: HitKind,
    pub score: f32,
    pub reasons: Vec<Reason>,
}

#[derive(Debug, Clone, Default)]
pub struct Results {
    pub total: usize,
    pub hits: Vec<Hit>,
    pub notices: Vec<Notice>,
    /// Question and function words not searched for.
    pub ignored: Vec<String>,
    /// The query with its typos corrected, when some were.
    pub did_you_mean: Option<String>,
}

impl Results {
    /// The profiles among the hits, in order.
    pub fn expert_ids(&self) -> Vec<ExpertId> {
        self.hits
            .iter()
            .filter_map(|h| match h.kind {
                HitKind::Expert(id) => Some(id),
                HitKind::Group(_) => None,
            })
            .collect()
    }
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

impl SearchQuery {
    /// Whether the two differ only in the kinds and the page, so one
    /// scoring pass can answer both (see [`SearchIndex::search_many`]).
    fn shares_pass_with(&self, other: &SearchQuery) -> bool {
        self.text == other.text
            && self.phenomenon == other.phenomenon
            && self.sector == other.sector
            && self.area == other.area
            && self.language == other.language
            && self.remote_only == other.remote_only
            && self.include_paused == other.include_paused
            && self.public_only == other.public_only
            && (self.experts || self.groups)
            && self.offset < MAX_RESULTS
            && other.offset < MAX_RESULTS
    }
}

struct Fields {
    key: Field,
    /// What the document was made from, hashed (see [`SearchIndex::check`]).
    digest: Field,
    /// A profile's id, or a group's id negated: read from the column for
    /// each hit, so a hit whose explanation is kept needs no stored fields.
    reference: Field,
    kind: Field,
    text: Vec<(Field, &'static str, TextLang, f32)>,
    phenomenon: Field,
    /// Phenomena recognised in the text (see `matching::Concepts`).
    concept: Field,
    /// Each phenomenon recognised with the words close to it, `code|key`
    /// (see [`Recognition`]).
    concept_near: Field,
    sector: Field,
    region: Field,
    language: Field,
    remote: Field,
    listed: Field,
    paused_until: Field,
}

/// Names, synonyms and descriptions of each phenomenon, as the index
/// analyses them.
#[derive(Default)]
struct Taxonomy {
    /// code → (fi text, sv text, en text)
    texts: HashMap<String, [String; 3]>,
    /// code → those texts' words, analysed once here rather than for every
    /// hit when its reasons are written.
    slots: HashMap<String, [TextWords; 3]>,
    /// The names and synonyms, to recognise in free text.
    concepts: Concepts,
    /// Phenomenon id → code (the change feed names phenomena by id).
    codes: HashMap<i64, String>,
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
    /// Hits' text fields as words, for explaining them (see [`TextSlots`]).
    explained: TextSlots,
    /// Recent searches' first hits (see [`rankings`]).
    rankings: rankings::Rankings,
    /// Bumped at each load of the taxonomy: what a query's words name
    /// changed, so its rankings are scored again.
    taxonomy_version: AtomicU64,
    /// The threads a large index's search is scored on (see
    /// [`PARALLEL_FROM`]); `None` on one core.
    parallel: Option<tantivy::Executor>,
    /// From how many documents up the index is split and searched on
    /// `parallel` ([`PARALLEL_FROM`] but in tests).
    parallel_from: u32,
}

/// What explaining a hit reads from its document: its text fields' words
/// (by [`Fields::text`]), its phenomena and the phenomena recognised in it.
struct Explainable {
    texts: Vec<TextWords>,
    phenomena: Vec<String>,
    concepts: Vec<String>,
}

/// [`Explainable`]s of recent hits, by reference and digest (one version
/// of a document): every hit is explained from its text, and reading and
/// analysing the text again on every search cost more than the search.
struct TextSlots {
    recent: Mutex<lru::LruCache<(i64, i64), Arc<Explainable>>>,
}

/// Documents kept (a few kB each).
const EXPLAINED_KEPT: usize = 2048;

impl TextSlots {
    fn new() -> TextSlots {
        TextSlots {
            recent: Mutex::new(lru::LruCache::new(
                std::num::NonZeroUsize::new(EXPLAINED_KEPT).expect("not zero"),
            )),
        }
    }

    fn get(&self, reference: i64, digest: i64) -> Option<Arc<Explainable>> {
        self.recent
            .lock()
            .expect("explained lock")
            .get(&(reference, digest))
            .cloned()
    }

    fn put(&self, reference: i64, digest: i64, made: Explainable) -> Arc<Explainable> {
        let made = Arc::new(made);
        self.recent
            .lock()
            .expect("explained lock")
            .put((reference, digest), made.clone());
        made
    }
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

/// From this many documents up, the index is kept in one segment per
/// searching thread and a search scores them side by side: a query that
/// meets most of 100 000 profiles takes about half the time on two cores.
/// Below it, one thread (handing a small search to a pool costs more than
/// it saves).
const PARALLEL_FROM: u32 = 20_000;

/// At most this many threads score one search.
const MAX_SEARCH_THREADS: usize = 4;

/// How many threads score one search of a large index.
fn search_threads() -> usize {
    std::thread::available_parallelism()
        .map_or(1, |n| n.get())
        .min(MAX_SEARCH_THREADS)
}

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
    /// Words texts use in another sense (`thesaurus::OTHER_SENSES`), in
    /// each language's terms.
    senses: [Arc<OtherSenses>; 3],
}

impl TextAnalysis {
    /// Finnish through Voikko when it loads, else the fallback (logged).
    pub fn load() -> TextAnalysis {
        let analyzers: [Arc<dyn Analyzer>; 3] = [
            Arc::new(FinnishAnalyzer::load()),
            Arc::new(SnowballAnalyzer::new(Language::Swedish)),
            Arc::new(SnowballAnalyzer::new(Language::English)),
        ];
        let senses = analyzers
            .clone()
            .map(|a| Arc::new(OtherSenses::new(a.as_ref(), super::thesaurus::OTHER_SENSES)));
        TextAnalysis { analyzers, senses }
    }

    fn get(&self, l: TextLang) -> &Arc<dyn Analyzer> {
        &self.analyzers[l as usize]
    }

    /// The analyzer of one language (the knowledge bank searches with it).
    pub fn analyzer(&self, l: TextLang) -> &dyn Analyzer {
        self.get(l).as_ref()
    }

    /// Whether Finnish words get Voikko's base forms.
    pub fn has_morphology(&self) -> bool {
        matches!(self.get(TextLang::Fi).status(), Morphology::Voikko { .. })
    }

    /// The Finnish morphology in words, for the log.
    pub fn status(&self) -> String {
        self.get(TextLang::Fi).status().to_string()
    }

    /// The words of `text` as the index saw them.
    pub fn slots(&self, l: TextLang, text: &str) -> Vec<Slot> {
        matching::slots_in_sense(self.get(l).as_ref(), &self.senses[l as usize], text)
    }
}

impl SearchIndex {
    fn schema() -> (Schema, Fields) {
        let mut b = Schema::builder();
        let key = b.add_text_field("key", STRING | STORED);
        let digest = b.add_i64_field("digest", STORED | FAST);
        let reference = b.add_i64_field("reference", FAST);
        let kind = b.add_text_field("kind", STRING);
        let mut text = Vec::new();
        for (name, lang, weight) in TEXT_FIELDS {
            let mut opts = TextOptions::default().set_indexing_options(
                TextFieldIndexing::default()
                    .set_tokenizer(lang_tokenizer(*lang))
                    .set_index_option(IndexRecordOption::WithFreqsAndPositions),
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
            reference,
            kind,
            text,
            phenomenon: b.add_text_field("phenomenon", STRING | STORED),
            concept: b.add_text_field("concept", STRING | STORED),
            concept_near: b.add_text_field("concept_near", STRING),
            sector: b.add_text_field("sector", STRING),
            region: b.add_text_field("region", STRING),
            language: b.add_text_field("language", STRING),
            remote: b.add_text_field("remote", STRING),
            listed: b.add_text_field("listed", STRING),
            paused_until: b.add_i64_field("paused_until", INDEXED),
        };
        (b.build(), fields)
    }

    /// Builds the index from the database.
    pub async fn build(db: &Db, analysis: Arc<TextAnalysis>) -> anyhow::Result<Arc<SearchIndex>> {
        Self::build_parallel_from(db, analysis, PARALLEL_FROM).await
    }

    /// [`build`](Self::build), split for parallel search from
    /// `parallel_from` documents up: for tests that compare a split index
    /// with a whole one on a small collection.
    pub async fn build_parallel_from(
        db: &Db,
        analysis: Arc<TextAnalysis>,
        parallel_from: u32,
    ) -> anyhow::Result<Arc<SearchIndex>> {
        let (schema, fields) = Self::schema();
        let index = Index::create_in_ram(schema);
        for l in LANGS {
            index.tokenizers().register(
                lang_tokenizer(l),
                MorphTokenizer::new(analysis.get(l).clone())
                    .with_senses(analysis.senses[l as usize].clone()),
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
            explained: TextSlots::new(),
            rankings: rankings::Rankings::new(),
            taxonomy_version: AtomicU64::new(0),
            parallel: match search_threads() {
                1 => None,
                n => Some(tantivy::Executor::multi_thread(n, "search-")?),
            },
            parallel_from,
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
        // A large index in one segment per searching thread, of about equal
        // size: each chunk of documents committed and merged on its own.
        let chunks = if total >= u64::from(self.parallel_from) && self.parallel.is_some() {
            search_threads() as u64
        } else {
            1
        };
        let per_chunk = total.div_ceil(chunks).max(1);
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
                let added = n as u64 + 1;
                if added.is_multiple_of(per_chunk) && added < total {
                    self.commit_merged(&mut w)?;
                }
            }
            self.commit_merged(&mut w)?;
        }
        self.reader.reload()?;
        Ok(())
    }

    /// Commits, and merges the segments the commit made into one.
    fn commit_merged(&self, w: &mut IndexWriter) -> anyhow::Result<()> {
        let before = w.index().searchable_segment_ids()?;
        w.commit()?;
        let made: Vec<_> = w
            .index()
            .searchable_segment_ids()?
            .into_iter()
            .filter(|id| !before.contains(id))
            .collect();
        if made.len() > 1 {
            w.merge(&made).wait()?;
        }
        Ok(())
    }

    /// Commits, then, when there are more than `most` segments, merges all
    /// but the largest few (one fewer than the searching threads, so a
    /// large index stays in about one segment per thread) into one; under
    /// the writer lock, so no merge races a commit.
    fn commit(&self, w: &mut IndexWriter, most: usize) -> anyhow::Result<()> {
        w.commit()?;
        let mut segments = w.index().searchable_segment_metas()?;
        if segments.len() > most {
            segments.sort_by_key(|m| std::cmp::Reverse(m.num_docs()));
            let keep = if segments.iter().map(|m| m.num_docs()).sum::<u32>() >= self.parallel_from {
                search_threads() - 1
            } else {
                0
            };
            let merged: Vec<_> = segments.iter().skip(keep).map(|m| m.id()).collect();
            if merged.len() > 1 {
                w.merge(&merged).wait()?;
            }
        }
        Ok(())
    }

    /// Runs a search, on the searching threads when the index is large.
    fn collect<C: tantivy::collector::Collector>(
        &self,
        searcher: &tantivy::Searcher,
        query: &dyn Query,
        collector: &C,
    ) -> tantivy::Result<C::Fruit> {
        match &self.parallel {
            Some(pool)
                if searcher.num_docs() >= u64::from(self.parallel_from)
                    && searcher.segment_readers().len() > 1 =>
            {
                let scoring = if collector.requires_scoring() {
                    tantivy::query::EnableScoring::enabled_from_searcher(searcher)
                } else {
                    tantivy::query::EnableScoring::disabled_from_searcher(searcher)
                };
                searcher.search_with_executor(query, collector, pool, scoring)
            }
            _ => searcher.search(query, collector),
        }
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
    /// The text analysis the index was built with.
    pub fn analysis(&self) -> &Arc<TextAnalysis> {
        &self.analysis
    }

    pub fn morphology_ok(&self) -> bool {
        self.analysis.has_morphology()
    }

    /// How many searches' rankings are kept now (`search::rankings`).
    pub fn rankings_kept(&self) -> usize {
        self.rankings.len()
    }

    /// How many segments the index is in (one per searching thread for a
    /// large index, see [`PARALLEL_FROM`]).
    pub fn segments(&self) -> usize {
        self.reader.searcher().segment_readers().len()
    }

    pub fn documents(&self) -> u64 {
        self.reader.searcher().num_docs()
    }

    async fn load_taxonomy(&self, db: &Db) -> sqlx::Result<()> {
        let rows = crate::taxonomy::store::all(db).await?;
        let mut t = Taxonomy::default();
        let mut names: Vec<(String, String, usize)> = Vec::new();
        for p in rows {
            t.codes.insert(p.id, p.code.clone());
            let syn = &p.synonyms;
            t.texts.insert(
                p.code.clone(),
                [
                    format!("{}. {syn}. {}", p.name_fi, p.description_fi),
                    format!("{}. {syn}. {}", p.name_sv, p.description_sv),
                    format!("{}. {syn}. {}", p.name_en, p.description_en),
                ],
            );
            if p.active == 0 {
                continue;
            }
            // Names in their language; synonyms are in any language.
            for (name, lang) in [(&p.name_fi, 0), (&p.name_sv, 1), (&p.name_en, 2)] {
                names.push((p.code.clone(), name.clone(), lang));
            }
            for s in syn
                .split([',', ';', '\n'])
                .map(str::trim)
                .filter(|s| !s.is_empty())
            {
                for lang in 0..3 {
                    names.push((p.code.clone(), s.to_owned(), lang));
                }
            }
        }
        t.slots = t
            .texts
            .iter()
            .map(|(code, [fi, sv, en])| {
                (
                    code.clone(),
                    [
                        TextWords::new(self.analysis.slots(TextLang::Fi, fi)),
                        TextWords::new(self.analysis.slots(TextLang::Sv, sv)),
                        TextWords::new(self.analysis.slots(TextLang::En, en)),
                    ],
                )
            })
            .collect();
        for (id, ring) in super::thesaurus::RINGS {
            for w in ring.split(',').map(str::trim).filter(|w| !w.is_empty()) {
                for lang in 0..3 {
                    names.push((super::thesaurus::code(id), w.to_owned(), lang));
                }
            }
        }
        let analyzers = LANGS.map(|l| self.analysis.get(l).as_ref());
        t.concepts = Concepts::build(&names, &analyzers, super::thesaurus::PREFIX);
        for (narrow, broad) in super::thesaurus::BROADER {
            t.concepts.add_broader(
                &super::thesaurus::code(narrow),
                &super::thesaurus::code(broad),
            );
        }
        for (narrow, phenomenon) in super::thesaurus::UNDER_PHENOMENON {
            t.concepts
                .add_broader(&super::thesaurus::code(narrow), phenomenon);
        }
        for (id, spec) in super::thesaurus::APART {
            t.concepts.add_apart(
                &super::thesaurus::code(id),
                &super::thesaurus::apart_groups(spec),
                &analyzers,
                super::thesaurus::APART_REACH,
            );
        }
        *self.taxonomy.write().expect("taxonomy lock") = t;
        // After the write: a search that reads the new version plans with
        // the new taxonomy.
        self.taxonomy_version.fetch_add(1, Ordering::AcqRel);
        Ok(())
    }

    /// The phenomena named in a document's own texts (title, descriptions),
    /// sentence by sentence.
    fn recognised(&self, texts: &[(TextLang, &str)]) -> Recognition {
        let t = self.taxonomy.read().expect("taxonomy lock");
        let mut out = Recognition::default();
        for (l, text) in texts {
            for sentence in sentences(text) {
                let slots = self.analysis.slots(*l, sentence);
                let found = t.concepts.recognise(*l as usize, &slots);
                // Words that name a thing and a broader one at once (the
                // rings share them: "huoltoriita" is a separation's too)
                // name the broader as implied; not words that name the
                // broader thing outright inside a thing said apart
                // ("äidin alkoholismi" names substance use). An illness
                // named inside a thing said of whom that is no kind of it
                // is that person's, implied only ("vanhemman
                // psykoosisairaus"); not where another thing stands in the
                // same words ("vanhempien alkoholinkäytöstä sekä
                // skitsofreniasta": the drinking is the parents').
                // The illness' own broader thing in the same words
                // ("psykoosi" is also the most demanding psychiatric care's)
                // is the same thing, not another one beside it.
                let same_broader = |p: &Recognised, r: &Recognised| {
                    (p.first, p.last) == (r.first, r.last)
                        && t.concepts.is_broader(&r.code, &p.code)
                };
                let implied: Vec<bool> = found
                    .iter()
                    .map(|r| {
                        r.implied
                            || found.iter().any(|o| {
                                !o.apart
                                    && (o.first, o.last) == (r.first, r.last)
                                    && t.concepts.is_broader(&o.code, &r.code)
                            })
                            || found.iter().any(|o| {
                                let within =
                                    |p: &Recognised| o.first <= p.first && p.last <= o.last;
                                o.apart
                                    && !r.apart
                                    && within(r)
                                    && !t.concepts.is_broader(&o.code, &r.code)
                                    && t.concepts.apart_names(&o.code, &r.code)
                                    && !found.iter().any(|p| {
                                        !p.apart
                                            && !p.implied
                                            && p.code != r.code
                                            && within(p)
                                            && !same_broader(p, r)
                                    })
                            })
                    })
                    .collect();
                for (r, implied) in found.into_iter().zip(implied) {
                    let (from, to) = (slots[r.first].position, slots[r.last].position);
                    let close = slots[..r.first]
                        .iter()
                        .chain(&slots[r.last + 1..])
                        .filter(|s| {
                            s.position + NEAR_WORDS >= from && s.position <= to + NEAR_WORDS
                        })
                        .flat_map(|s| keys(&s.analysis))
                        .filter(|k| k.chars().count() > 1 && !is_stop_word(k));
                    out.near.extend(close.map(|k| format!("{}|{k}", r.code)));
                    // A name's words but a genitive modifying the next
                    // ("nuorten" of "nuorten asunnottomuus" is whose, not
                    // what); a name of words apart is made of everyday words.
                    let own = (r.first..=r.last).filter(|&i| {
                        i == r.last
                            || !otalusta_analysis::modifies_next(
                                &slots[i].analysis,
                                Some(&slots[i + 1].analysis),
                            )
                    });
                    if !r.apart {
                        for i in own {
                            let a = &slots[i].analysis;
                            out.near
                                .extend(recognition_keys(a).map(|k| format!("|{k}")));
                        }
                    }
                    let into = if implied {
                        &mut out.implied
                    } else {
                        &mut out.codes
                    };
                    if !into.contains(&r.code) {
                        into.push(r.code);
                    }
                }
            }
        }
        out.implied.retain(|c| !out.codes.contains(c));
        out.near.sort_unstable();
        out.near.dedup();
        out
    }

    /// Phenomena a profile's text is about (for the import's suggestions):
    /// those it names, then those it names a kind of (a text on foster
    /// care is one for "Vaativa sijaishuolto", whose synonyms list it).
    /// Each description is read in its language, as the index reads it.
    pub fn suggest_phenomena(&self, title: &str, descriptions: [&str; 3]) -> Vec<String> {
        let [fi, sv, en] = descriptions;
        let mut recognised =
            self.recognised(&[(TextLang::Fi, fi), (TextLang::Sv, sv), (TextLang::En, en)]);
        // The title's language is not known: each language reads it, and a
        // thing one reading sees as implied stays so there (the Finnish
        // reading sees "vanhemmalla on psykoosi" as the parent's; the
        // others see only the psychosis).
        let readings = LANGS.map(|l| self.recognised(&[(l, title)]));
        let implied_in_title: Vec<&String> = readings.iter().flat_map(|r| &r.implied).collect();
        for r in &readings {
            recognised.codes.extend(
                r.codes
                    .iter()
                    .filter(|c| !implied_in_title.contains(c))
                    .cloned(),
            );
            recognised.implied.extend(r.implied.iter().cloned());
        }
        // Only a kind the text names outright: a parent's psychosis is
        // implied too, and is no text on psychiatric care.
        let kinds: Vec<String> = {
            let t = self.taxonomy.read().expect("taxonomy lock");
            recognised
                .implied
                .into_iter()
                .filter(|x| recognised.codes.iter().any(|c| t.concepts.is_broader(c, x)))
                .collect()
        };
        let mut codes = recognised.codes;
        codes.extend(kinds);
        let mut seen = HashSet::new();
        codes.retain(|c| !c.starts_with(super::thesaurus::PREFIX) && seen.insert(c.clone()));
        codes
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
        doc.add_i64(f.reference, e.id.0);
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
        let recognised = self.recognised(&[
            (TextLang::Fi, &d.title),
            (TextLang::Sv, &d.title),
            (TextLang::En, &d.title),
            (TextLang::Fi, &d.description_fi),
            (TextLang::Sv, &d.description_sv),
            (TextLang::En, &d.description_en),
        ]);
        for c in recognised.codes {
            doc.add_text(f.concept, c);
        }
        for c in recognised.implied {
            doc.add_text(f.concept, implied(&c));
        }
        for near in recognised.near {
            doc.add_text(f.concept_near, near);
        }
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
        doc.add_i64(f.reference, -g.id.0);
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
        let area = otalusta_domain::region::area(&d.area)
            .map(|a| a.name_fi)
            .unwrap_or("");
        let organiser = d
            .organiser
            .as_deref()
            .and_then(otalusta_domain::region::organiser)
            .map(|o| o.name_fi)
            .unwrap_or("");
        doc.add_text(self.field("organisation"), format!("{organiser} {area}"));
        doc.add_text(self.field("place"), &d.place);
        let recognised = self.recognised(&[
            (TextLang::Fi, &d.name_fi),
            (TextLang::Sv, d.name("sv")),
            (TextLang::En, d.name("en")),
            (TextLang::Fi, &d.description_fi),
            (TextLang::Sv, &d.description_sv),
            (TextLang::En, &d.description_en),
        ]);
        for c in recognised.codes {
            doc.add_text(f.concept, c);
        }
        for c in recognised.implied {
            doc.add_text(f.concept, implied(&c));
        }
        for near in recognised.near {
            doc.add_text(f.concept_near, near);
        }
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
        Ok(self.apply_next(db).await?.0)
    }

    /// Applies the feed until nothing is left of it (or `rounds` batches
    /// were applied): for a write of thousands of rows that must be
    /// searchable when its page answers. Whether the feed was emptied.
    pub async fn catch_up_all(&self, db: &Db, rounds: usize) -> anyhow::Result<bool> {
        for _ in 0..rounds {
            if self.apply_next(db).await?.1 == 0 {
                return Ok(true);
            }
        }
        Ok(false)
    }

    /// One batch of the feed applied: (documents re-indexed, changes read).
    async fn apply_next(&self, db: &Db) -> anyhow::Result<(usize, usize)> {
        let _guard = self.catching_up.lock().await;
        let polled = self.follower.peek(db).await?;
        let read = polled.changes.len();
        // Other caches' topics (the places on meetings) change no document.
        if !polled
            .changes
            .iter()
            .any(|c| matches!(c.topic.as_str(), "expert" | "group" | "phenomenon"))
        {
            self.follower.advance(polled);
            return Ok((0, read));
        }
        // A phenomenon's new name changes the text of every document that
        // has it: those come with their own `expert`/`group` changes. Its
        // names and synonyms also decide which untagged texts name it.
        let changed: Vec<i64> = polled
            .changes
            .iter()
            .filter(|c| c.topic == "phenomenon")
            .filter_map(|c| c.object_id.parse().ok())
            .collect();
        // Each changed phenomenon's code and the patterns it is recognised
        // by, before and after: only a change of those re-reads texts.
        type Named = Vec<(String, Vec<(usize, Vec<HashSet<String>>)>)>;
        let named_by = |t: &Taxonomy| -> Named {
            changed
                .iter()
                .filter_map(|id| t.codes.get(id))
                .map(|code| {
                    let patterns = t
                        .concepts
                        .patterns_of(code)
                        .map(|(lang, words)| (lang, words.to_vec()))
                        .collect();
                    (code.clone(), patterns)
                })
                .collect()
        };
        let before = named_by(&self.taxonomy.read().expect("taxonomy lock"));
        self.load_taxonomy(db).await?;
        let after = named_by(&self.taxonomy.read().expect("taxonomy lock"));
        let mut codes: Vec<String> = before
            .iter()
            .filter(|(code, p)| !after.iter().any(|(c, q)| c == code && q == p))
            .chain(
                after
                    .iter()
                    .filter(|(code, _)| !before.iter().any(|(c, _)| c == code)),
            )
            .map(|(code, _)| code.clone())
            .collect();
        codes.sort();
        codes.dedup();
        let named = self.naming(&codes)?;
        let mut seen = HashSet::new();
        let mut keys = Vec::new();
        let mut expert_ids = Vec::new();
        let changed_keys = polled
            .changes
            .iter()
            .filter_map(|c| match c.topic.as_str() {
                "expert" => Some(format!("e{}", c.object_id)),
                "group" => Some(format!("g{}", c.object_id)),
                _ => None,
            });
        for key in changed_keys.chain(named) {
            let Ok(id) = key[1..].parse::<i64>() else {
                continue;
            };
            if seen.insert(key.clone()) {
                if key.starts_with('e') {
                    expert_ids.push(ExpertId(id));
                }
                keys.push(key);
            }
        }
        // Profiles a few hundred per query (an import changes thousands).
        let mut experts: HashMap<String, Expert> = HashMap::new();
        for chunk in expert_ids.chunks(500) {
            for e in store::get_many(db, chunk).await? {
                experts.insert(format!("e{}", e.id), e);
            }
        }
        let mut docs: Vec<(String, Option<TantivyDocument>)> = Vec::new();
        for key in keys {
            let doc = if key.starts_with('e') {
                experts.remove(&key).map(|e| self.expert_doc(&e))
            } else {
                self.current(db, &key).await?
            };
            docs.push((key, doc.map(|d| self.with_digest(d))));
        }
        let n = docs.len();
        self.write(docs)?;
        self.follower.advance(polled);
        Ok((n, read))
    }

    /// The documents whose recognised phenomena may change with these
    /// phenomena's names and synonyms: those recognised to name one now,
    /// and those whose title or description in a pattern's language holds
    /// a word of each of its words (a superset: each is made again from
    /// the database).
    fn naming(&self, codes: &[String]) -> anyhow::Result<Vec<String>> {
        if codes.is_empty() {
            return Ok(Vec::new());
        }
        let mut any: Vec<(Occur, Box<dyn Query>)> = Vec::new();
        {
            let t = self.taxonomy.read().expect("taxonomy lock");
            for code in codes {
                any.push((Occur::Should, self.term(self.fields.concept, code)));
                for (lang, words) in t.concepts.patterns_of(code) {
                    // The texts recognition reads (`recognised`).
                    for (field, name, l, _) in &self.fields.text {
                        if *l as usize != lang
                            || !(name.starts_with("title_") || name.starts_with("description_"))
                        {
                            continue;
                        }
                        // A text word has a key as itself or as what it
                        // derives from (`~trauma`).
                        let all = words
                            .iter()
                            .map(|keys| {
                                let word = keys
                                    .iter()
                                    .flat_map(|k| {
                                        [
                                            k.clone(),
                                            format!("{}{k}", otalusta_analysis::DERIVED_MARK),
                                        ]
                                    })
                                    .map(|k| (Occur::Should, self.term(*field, &k)))
                                    .collect();
                                (
                                    Occur::Must,
                                    Box::new(BooleanQuery::new(word)) as Box<dyn Query>,
                                )
                            })
                            .collect();
                        any.push((Occur::Should, Box::new(BooleanQuery::new(all))));
                    }
                }
            }
        }
        let searcher = self.reader.searcher();
        let found = searcher.search(
            &BooleanQuery::new(any),
            &tantivy::collector::DocSetCollector,
        )?;
        let mut keys = Vec::with_capacity(found.len());
        for addr in found {
            let d: TantivyDocument = searcher.doc(addr)?;
            if let Some(k) = d.get_first(self.fields.key).and_then(|v| v.as_str()) {
                keys.push(k.to_owned());
            }
        }
        Ok(keys)
    }

    fn term(&self, field: Field, value: &str) -> Box<dyn Query> {
        Box::new(TermQuery::new(
            Term::from_field_text(field, value),
            IndexRecordOption::Basic,
        ))
    }

    /// Runs a search; `today` decides who is paused.
    pub fn search(&self, q: &SearchQuery, today: Date) -> Results {
        self.search_many(std::slice::from_ref(q), today)
            .pop()
            .expect("one result per query")
    }

    /// Runs searches of one text (the page's channels and its experts)
    /// with the text planned once, on one view of the index.
    pub fn search_many(&self, queries: &[SearchQuery], today: Date) -> Vec<Results> {
        // Before planning: a ranking is kept under the taxonomy its plan
        // may have been made from or a newer one, never an older.
        let taxonomy = self.taxonomy_version.load(Ordering::Acquire);
        let searcher = self.reader.searcher();
        let at = |q: &SearchQuery| {
            rankings::Key::of(
                q,
                searcher.generation().generation_id(),
                taxonomy,
                day_number(today),
            )
        };
        if queries.len() > 1 && queries.iter().all(|q| q.shares_pass_with(&queries[0])) {
            let plan = self.plan(&queries[0].text, &searcher);
            let keys = queries.iter().map(at).collect();
            return self.run_shared(queries, keys, &plan, &searcher, today);
        }
        let mut plans: Vec<(&str, Plan)> = Vec::new();
        queries
            .iter()
            .map(|q| {
                let i = match plans.iter().position(|(t, _)| *t == q.text) {
                    Some(i) => i,
                    None => {
                        plans.push((&q.text, self.plan(&q.text, &searcher)));
                        plans.len() - 1
                    }
                };
                self.run(q, at(q), &plans[i].1, &searcher, today)
            })
            .collect()
    }

    fn run(
        &self,
        q: &SearchQuery,
        key: rankings::Key,
        plan: &Plan,
        searcher: &tantivy::Searcher,
        today: Date,
    ) -> Results {
        let (query, mut results) = match self.prepare(q, plan, searcher, today) {
            Ok(prepared) => prepared,
            Err(done) => return done,
        };
        // Past the last page shown: count only, and say so.
        if q.offset >= MAX_RESULTS {
            results.total = self.collect(searcher, &query, &Count).unwrap_or(0);
            if results.total > MAX_RESULTS {
                results
                    .notices
                    .push(Notice::PastLastPage { shown: MAX_RESULTS });
            }
            return results;
        }
        let (total, top) = match self.rankings.page(&key, q) {
            Some(kept) => kept,
            // Counted and ranked in one pass.
            None => match self.collect(searcher, &query, &(Count, page_of(q))) {
                Ok((total, top)) if rankings::in_window(q) => {
                    (total, self.rankings.keep(key, q, total, top))
                }
                Ok(r) => r,
                Err(e) => {
                    tracing::error!(error = %e, "search failed");
                    return results;
                }
            },
        };
        results.total = total;
        results.hits = self.hits(top, plan, searcher, &mut Explaining::default());
        results
    }

    /// Searches of one text and one set of filters that differ only in the
    /// kinds and the page (the page's channels and its experts): scored in
    /// one pass, each kept apart by its documents' kind.
    fn run_shared(
        &self,
        queries: &[SearchQuery],
        keys: Vec<rankings::Key>,
        plan: &Plan,
        searcher: &tantivy::Searcher,
        today: Date,
    ) -> Vec<Results> {
        let both = SearchQuery {
            experts: true,
            groups: true,
            ..queries[0].clone()
        };
        let (query, results) = match self.prepare(&both, plan, searcher, today) {
            Ok(prepared) => prepared,
            Err(done) => return vec![done; queries.len()],
        };
        let kept: Option<Vec<_>> = queries
            .iter()
            .zip(&keys)
            .map(|(q, key)| self.rankings.page(key, q))
            .collect();
        let pages = match kept {
            Some(pages) => pages,
            None => {
                let wants = queries
                    .iter()
                    .map(|q| {
                        let kinds = Kinds {
                            experts: q.experts,
                            groups: q.groups,
                        };
                        (kinds, (Count, page_of(q)))
                    })
                    .collect();
                let collector = KindsCollector::new(self.fields.kind, "group", wants);
                match self.collect(searcher, &query, &collector) {
                    Ok(fruits) => fruits
                        .into_iter()
                        .zip(queries.iter().zip(keys))
                        .map(|((total, top), (q, key))| match rankings::in_window(q) {
                            true => (total, self.rankings.keep(key, q, total, top)),
                            false => (total, top),
                        })
                        .collect(),
                    Err(e) => {
                        tracing::error!(error = %e, "search failed");
                        return vec![results; queries.len()];
                    }
                }
            }
        };
        let mut met = Explaining::default();
        pages
            .into_iter()
            .map(|(total, top)| Results {
                total,
                hits: self.hits(top, plan, searcher, &mut met),
                ..results.clone()
            })
            .collect()
    }

    /// The query to run for `q` and its results so far (notices), or the
    /// results when there is nothing to run.
    fn prepare(
        &self,
        q: &SearchQuery,
        plan: &Plan,
        searcher: &tantivy::Searcher,
        today: Date,
    ) -> Result<(BooleanQuery, Results), Results> {
        let f = &self.fields;
        let mut notices: Vec<Notice> = plan
            .parsed
            .notices
            .iter()
            .cloned()
            .map(Notice::from)
            .collect();
        let mut must: Vec<(Occur, Box<dyn Query>)> = Vec::new();
        let weights = clause_weights(&plan.clauses, plan.apart);
        let mut clauses: Vec<(Occur, Box<dyn Query>)> = plan
            .clauses
            .iter()
            .zip(&weights)
            .filter_map(|(c, w)| self.clause_query(searcher, c, *w))
            .map(|q| (Occur::Should, q))
            .collect();
        if !clauses.is_empty() {
            clauses.extend(
                self.near_topic_queries(&plan.clauses)
                    .into_iter()
                    .map(|q| (Occur::Should, q)),
            );
        }
        if !clauses.is_empty() {
            // An expert's employer, a group's meeting place: found,
            // ranked, but no clause's coverage.
            for c in &plan.clauses {
                for t in c {
                    if let PlannedTerm::Word(w) = t {
                        let employer = self.employer_query(searcher, w, query::DocKind::Expert);
                        let place = self.word_query(searcher, w, Looked::Place);
                        for q in [employer, place].into_iter().flatten() {
                            clauses.push((Occur::Should, q));
                        }
                    }
                }
            }
        }
        let asked = !q.text.trim().is_empty();
        if asked && clauses.is_empty() {
            // Words were asked for but none can be searched (stop words,
            // overlong, exclusions only): say so rather than list everyone.
            if notices.is_empty() {
                notices.push(Notice::NothingToSearch);
            }
            return Err(Results {
                notices,
                ignored: plan.ignored.clone(),
                ..Results::default()
            });
        }
        if !clauses.is_empty() {
            must.push((
                Occur::Must,
                Box::new(BooleanQuery::with_minimum_required_clauses(clauses, 1)),
            ));
        }
        for term in &plan.excluded {
            if let Some(x) = self.exclusion_query(searcher, term) {
                must.push((Occur::MustNot, x));
            }
        }
        match (q.experts, q.groups) {
            (true, false) => must.push(self.of_kind(query::DocKind::Expert)),
            (false, true) => {
                // A filter, not a score: the same scores as the page's one
                // pass over both kinds, whose rankings are kept alike.
                let (occur, group) = self.of_kind(query::DocKind::Group);
                must.push((occur, Box::new(ConstScoreQuery::new(group, 0.0))));
            }
            (false, false) => return Err(Results::default()),
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
            // Paused until today or later: few, so excluded rather than
            // every other profile intersected.
            must.push((
                Occur::MustNot,
                Box::new(RangeQuery::new(
                    Bound::Included(Term::from_field_i64(f.paused_until, day_number(today))),
                    Bound::Included(Term::from_field_i64(f.paused_until, i64::MAX)),
                )),
            ));
        }
        if !must.iter().any(|(o, _)| *o == Occur::Must) {
            must.push((Occur::Must, Box::new(AllQuery)));
        }
        let results = Results {
            notices,
            ignored: plan.ignored.clone(),
            did_you_mean: plan.did_you_mean.clone(),
            ..Results::default()
        };
        Ok((BooleanQuery::new(must), results))
    }

    /// The hits of `top`, each with its reasons.
    fn hits(
        &self,
        top: Vec<(tantivy::Score, tantivy::DocAddress)>,
        plan: &Plan,
        searcher: &tantivy::Searcher,
        met: &mut Explaining,
    ) -> Vec<Hit> {
        let mut hits = Vec::new();
        let mut columns = HashMap::new();
        for (score, addr) in top {
            let Some((reference, digest)) = self.reference(searcher, &mut columns, addr) else {
                continue;
            };
            let kind = match reference {
                id if id > 0 => HitKind::Expert(ExpertId(id)),
                id => HitKind::Group(GroupId(-id)),
            };
            let Some(explainable) = self.explainable(searcher, addr, reference, digest) else {
                continue;
            };
            hits.push(Hit {
                kind,
                score,
                reasons: self.reasons(&explainable, plan, met),
            });
        }
        hits
    }

    /// A hit's reference and digest, from their columns (opened once a
    /// segment).
    fn reference(
        &self,
        searcher: &tantivy::Searcher,
        columns: &mut HashMap<u32, Option<[tantivy::columnar::Column<i64>; 2]>>,
        addr: tantivy::DocAddress,
    ) -> Option<(i64, i64)> {
        let [reference, digest] = columns
            .entry(addr.segment_ord)
            .or_insert_with(|| {
                let fast = searcher.segment_reader(addr.segment_ord).fast_fields();
                Some([fast.i64("reference").ok()?, fast.i64("digest").ok()?])
            })
            .as_ref()?;
        Some((reference.first(addr.doc_id)?, digest.first(addr.doc_id)?))
    }

    /// What explaining a hit needs: kept per version of the document,
    /// else read from its stored fields.
    fn explainable(
        &self,
        searcher: &tantivy::Searcher,
        addr: tantivy::DocAddress,
        reference: i64,
        digest: i64,
    ) -> Option<Arc<Explainable>> {
        if let Some(kept) = self.explained.get(reference, digest) {
            return Some(kept);
        }
        let f = &self.fields;
        let doc = searcher.doc::<TantivyDocument>(addr).ok()?;
        let strings = |field: Field| -> Vec<String> {
            doc.get_all(field)
                .filter_map(|v| v.as_str().map(str::to_owned))
                .collect()
        };
        let made = Explainable {
            texts: f
                .text
                .iter()
                .map(|(field, _, lang, _)| {
                    let text = doc.get_first(*field).and_then(|v| v.as_str()).unwrap_or("");
                    TextWords::new(self.analysis.slots(*lang, text))
                })
                .collect(),
            phenomena: strings(f.phenomenon),
            concepts: strings(f.concept),
        };
        Some(self.explained.put(reference, digest, made))
    }
}

/// The phenomena recognised in a document's texts, and each with the
/// words close to where it was named ([`NEAR_WORDS`], `code|key`): a
/// query's other words met beside its topic ("nuorten päihdeongelmiin")
/// say more than the same words elsewhere in the text ("kokemus lasten,
/// nuorten ja perheiden kanssa … A-klinikalla"). And the words of each
/// name (`|key`, not a genitive saying whose): a query without a topic
/// meets its words used in the field's sense there.
#[derive(Default)]
struct Recognition {
    codes: Vec<String>,
    /// Named only as the broader thing of what the text names
    /// (`thesaurus::BROADER`): a text on custody disputes is about a
    /// separation without saying so, and ranks after texts that do.
    implied: Vec<String>,
    near: Vec<String>,
}

/// How a [`Recognition::implied`] code stands in the `concept` field.
fn implied(code: &str) -> String {
    format!("{code}^")
}

/// How many places apart a word and a phenomenon's name stand to be
/// close (in one sentence; a comma counts as a place). Measured on both
/// collections: the whole sentence is too wide ("Olen päihdetyöntekijä,
/// ja työssäni kohtaan lapsia ja nuoria").
const NEAR_WORDS: usize = 3;

/// A text's sentences (a list after a colon stays in its sentence).
fn sentences(text: &str) -> impl Iterator<Item = &str> {
    text.split(['.', '!', '?', ';', '\n'])
        .filter(|s| s.chars().any(char::is_alphanumeric))
}

/// Whether some text of `field` has the word `k`, on its own or as a part
/// of a compound.
fn has_word(searcher: &tantivy::Searcher, field: Field, k: &str) -> bool {
    [
        Term::from_field_text(field, k),
        Term::from_field_text(field, &otalusta_analysis::part(k)),
    ]
    .iter()
    .any(|t| searcher.doc_freq(t).is_ok_and(|n| n > 0))
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
