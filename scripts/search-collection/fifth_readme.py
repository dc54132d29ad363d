# -*- coding: utf-8 -*-
"""README text of the fifth collection (rendered by fifth.py so that the
numbers in it always match the generated files)."""

HEAD = """# search-fifth — an independent test collection for expert search

A fifth, independently written relevance collection for the expert search of
the OT-keskus platform (competence and support centre for children, youth and
families with the most demanding needs).  {n_profiles} expert profiles, {n_queries}
queries in ten categories, {n_forbidden} "must not return" cases and
{n_mustfind} "must return" cases.

## How it was written

* **Not read**: anything of the engine or derived from it — `src/`, `tests/`,
  `examples/`, `benches/`, the other collections under `testdata/`, the other
  files under `scripts/` (only the `fifth*.py` files were created there),
  `README.md`, `ARCHITECTURE.md`, `BENCHMARKS.md`, git history.  The engine and
  cargo were not run.  Ground truth comes only from the concept tags below.
* **Read**: `/work/shared/DESIGN.md`, `/work/shared/DOMAIN-FACTS.md` and the
  five Finnish seed documents in `/work/shared/seeds/`.  They name the
  phenomena the centre works with: vaativat huoltoriidat and haastavat erot
  (TURVASSA, Haastavat erot -konsultaatioryhmä), lähisuhdeväkivalta, Barnahus
  (lapsiin kohdistuvien väkivaltaepäilyjen selvittäminen), lastensuojelun ja
  psykiatrian yhteisasiakkuudet (OT-seula), kompleksiset neuropsykiatriset
  tilanteet, harvinaiset sairaudet and toiminnalliset häiriöt (KYS working
  groups), vaativa sijaishuolto / integroitu laitoshoito, vaativa koulunkäynnin
  tuki, the statutory expert group MASTER, and the methods IPC, Cool Kids and
  MDFT.  Neighbouring phenomena (eating disorders, psychosis, self-harm,
  gangs, radicalisation, honour-related violence, homelessness, infant
  families, unaccompanied minors, gaming …) and all wording come from my own
  knowledge of Finnish, Finland-Swedish and English professional language in
  child welfare, social work, child psychiatry, schools and health care.
* Every sentence was written by hand, in a different voice from the seeds:
  inflected forms, compounds, hyphenated and split compounds
  (`lähisuhde-väkivallan`, `maahan muuttaneiden`), derived words
  (`traumatisoituneiden`, `autististen`, `masentuneiden`), field abbreviations
  (nepsy, HOJKS, MARAK/MARAC, EHJO, LSL, MASTER, Barnahus, IPC, MDFT, FBT,
  ARFID, PNES, EMDR, TF-CBT, CAARMS, DBT, ADOS-2), case vignettes
  ("Olen tavannut paljon 13–15-vuotiaita, jotka …") and lay descriptions that
  avoid the term.  There are no negated concept sentences ("I do not work
  with X").

## Generator

`scripts/search-collection/fifth.py` (logic, validation, output) with its data
files `fifth_concepts_a.py` … `fifth_concepts_d.py` (sentences per concept),
`fifth_queries.py` (queries, seeded pairs, forbidden and must-find specs),
`fifth_pool.py` (fillers, distractors, names, titles, organisations) and
`fifth_readme.py` (this text).  Python 3, standard library only, one
`random.Random({seed})`.  Running `python3 scripts/search-collection/fifth.py`
rewrites the five files of this directory byte for byte (JSON via
`json.dump(..., ensure_ascii=False, indent=1)`) and prints their SHA-256.

## How profiles are built

* Language by fixed quota: {langs}.
* A profile expresses 1–4 concepts (weights 20/40/30/10 %); umbrella
  concepts are drawn a little less often than narrow ones.  For each concept
  one hand-written sentence or fragment of the profile's language is taken;
  `{{age}}` and `{{yrs}}` slots get an age band or a number of years.  The
  profile's `concepts` is the set of the concepts it expresses, **closed
  upwards** over the hierarchy below.
* 1–3 fillers without any concept (training, places, languages, hobbies,
  availability).
* In {distractor_share:.0%} of the profiles a distractor sentence that shares a
  word part or another sense with a concept word ("Huoltovarmuuskeskus",
  "sijoitusneuvoja", "meidän jengi", "traumakirurgia", "Great Depression",
  "work placements", "ilmoittautumiset", "erotuomari", "fysiikan laitos",
  "perunakiusaus" …) — only when the profile lacks every concept the
  distractor could be confused with.
* Title and organisation are drawn independently of the concepts (realistic
  professions; wellbeing services counties, university hospitals,
  universities, social-work competence centres, NGOs, private practice).
* Three layouts: prose (sentences, fragments gathered as "Osaamisalueet: a;
  b."), a CV-style list ("Label:\\n- item"), or one semicolon chain.
* To give multi-concept queries enough relevant profiles, {combo_n} profiles
  are seeded for each of these pairs (an `a|b` alternative picks one):
{combos}
* The {n_forbidden} forbidden and {n_mustfind} must-find profiles are built
  from their specs (see below) and shuffled in with the rest; ids are
  `v0001`…`v{n_last:04d}` after the shuffle.

## Concepts ({n_concepts}) and hierarchy

`profiles` = how many profiles carry the concept after closure.

| concept | label | parent(s) | profiles |
|---|---|---|---|
{concept_rows}

### Links (child → parent) and why

{link_rows}

### Concepts left without a parent on purpose

{root_rows}

## Queries

Categories (exactly these ten): {per_category}.

* `inflected` — the usual term in a case form (`huoltoriidoissa`, `psykooseihin`).
* `compound` — a Finnish compound as one word (`lastensuojeluilmoitus`).
* `compound-split` — the same written as separate words (`lastensuojelu
  ilmoitus`, `koulu koti`); the script checks that the joined form occurs in
  the profiles.
* `derived` — a derived form (`traumatisoitunut`, `autistinen`, `masentunut`).
* `multiword` — phrases, most of them needing two concepts at once.
* `synonym` — another word than the usual name (`ylivilkkaus`, `kodittomuus`,
  `älyllinen toimintarajoite`, `lastenkoti`, `nepsy`, `avioero`).
* `typo` — one wrong, missing, swapped or extra letter in a word of 5+ letters
  (also `paihteet`, `lähisuhdevakivalta` without the dots); checked to be one
  edit from the intended word.
* `swedish`, `english` — the query in Swedish or English; each has at least
  six relevant profiles written in Finnish.
* `question` — a natural question ("kuka osaa auttaa kun …").

The relevant profiles of a query are **every profile whose `concepts` include
all of the query's `relevant` concepts**; every query has at least 12.

| q | category | relevant | relevant profiles (in Finnish) |
|---|---|---|---|
{query_rows}

## Files and formats

* `profiles.json` — array of `{{"id","name","title","organisation","language","description","concepts"}}`;
  `language` is `fi`, `sv` or `en`; `concepts` is a sorted list of concept ids,
  closed upwards.
* `queries.json` — array of `{{"q","category","relevant"}}`.
* `forbidden.json` — array of `{{"q","profile","why"}}`: `profile` is a full copy
  of a profile in `profiles.json` that must **not** be returned for `q`.  It
  shares only a word part, a homonym or another sense with the query and has
  none of the query's concepts (nor the related ones listed in the spec).  The
  shared part occurs in both the query and the description; the rest of the
  profile (other sentences, fillers, title, organisation) is kept free of it.
* `must_find.json` — array of `{{"q","profile","why"}}`: the profile has the
  query's concepts but says it in other words, another language or via a
  narrower concept.  Checked: the first five letters of each query word of 5+
  letters (lower-cased), plus a few extra stems per case, occur neither in the
  description nor in the title or organisation.
* `README.md` — this file.

## Validation done by the script

Concept sentence counts (≥ 8 fi, ≥ 4 sv, ≥ 4 en per concept), acyclic
hierarchy, closure of every profile, language quotas, unique ids, names and
descriptions, distractor placement rule, ten categories with 12–14 queries
each, ≥ 12 relevant profiles per query, ≥ 6 Finnish relevant profiles for
Swedish and English queries, typo distance, compound-split joined form,
forbidden profiles lacking all query concepts and containing the shared part,
must-find profiles having the query concepts and lacking the stems.
"""


def render(seed, concepts, parents, root_notes, counts, langs, per_category, n_forbidden,
           n_mustfind, distractor_share, n_profiles, combo_n, combos, queries, hits):
    total = sum(langs.values())
    langs_txt = ", ".join("%s %d (%d %%)" % (l, n, round(100 * n / total)) for l, n in langs.items())
    combo_txt = "\n".join("  * `%s` + `%s`" % c for c in combos)
    rows = []
    for c, d in concepts.items():
        ps = ", ".join(p for p, _ in parents.get(c, [])) or "—"
        rows.append("| `%s` | %s | %s | %d |" % (c, d["label"], ps, counts[c]))
    links = []
    for c, ps in parents.items():
        for p, why in ps:
            links.append("* `%s` → `%s`: %s" % (c, p, why))
    roots = ["* `%s`: %s" % (c, why) for c, why in root_notes.items()]
    qrows = []
    for q in queries:
        n, f = hits[q["q"]]
        qrows.append("| %s | %s | %s | %d (%d) |" % (q["q"], q["category"], ", ".join(q["relevant"]), n, f))
    per = ", ".join("%s %d" % kv for kv in per_category.items())
    return HEAD.format(
        n_profiles=n_profiles, n_queries=len(queries), n_forbidden=n_forbidden, n_mustfind=n_mustfind,
        seed=seed, langs=langs_txt, distractor_share=distractor_share, combo_n=combo_n,
        combos=combo_txt, n_last=n_profiles, n_concepts=len(concepts), concept_rows="\n".join(rows),
        link_rows="\n".join(links), root_rows="\n".join(roots), per_category=per,
        query_rows="\n".join(qrows))
