#!/usr/bin/env python3
# -*- coding: utf-8 -*-
"""Generator of the fifth independent search collection (testdata/search-fifth).

Standard library only, fixed seed, deterministic: running it again rewrites the
output files byte for byte.  Data lives beside this file:
  fifth_concepts_a..d.py  concept sentences (fi/sv/en)
  fifth_queries.py        queries, combos, forbidden and must-find specs
  fifth_pool.py           fillers, distractors, names, titles, organisations
  fifth_readme.py         README text
Usage: python3 fifth.py [--out DIR]
"""
import hashlib
import json
import os
import random
import re
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
if HERE not in sys.path:
    sys.path.insert(0, HERE)

import fifth_concepts_a  # noqa: E402
import fifth_concepts_b  # noqa: E402
import fifth_concepts_c  # noqa: E402
import fifth_concepts_d  # noqa: E402
import fifth_pool as P  # noqa: E402
import fifth_queries as Q  # noqa: E402
import fifth_readme  # noqa: E402

SEED = 20261206
N_PROFILES = 1500
LANG_QUOTA = {"fi": 1050, "sv": 270, "en": 180}
COMBO_N = 14
DISTRACTOR_P = 0.33
CATEGORIES = ["inflected", "compound", "compound-split", "derived", "multiword",
              "synonym", "typo", "swedish", "english", "question"]
AGES = ["13–15", "12–14", "14–17", "7–12", "10–13", "15–17", "9–12"]
OUT_DIR = os.path.normpath(os.path.join(HERE, "..", "..", "testdata", "search-fifth"))

CONCEPTS = {}
for _mod in (fifth_concepts_a, fifth_concepts_b, fifth_concepts_c, fifth_concepts_d):
    for _k, _v in _mod.CONCEPTS.items():
        assert _k not in CONCEPTS, _k
        CONCEPTS[_k] = _v

# child -> [(parent, reason)]
PARENTS = {
    "substitute_care": [("child_protection", "Substitute care (sijaishuolto) is a child-welfare measure under the Child Welfare Act; every placement is a child-protection matter.")],
    "foster_care": [("substitute_care", "Family care (perhehoito, sijaisperhe) is one form of substitute care for a child placed outside the home.")],
    "residential_care": [("substitute_care", "Children's homes, youth homes, reform schools and EHJO periods are institutional substitute care.")],
    "taking_into_care": [("child_protection", "Taking into care (huostaanotto) is a child-protection decision (LSL chapter 9).")],
    "aftercare": [("child_protection", "Aftercare (jälkihuolto) is a statutory child-protection service that continues after a placement ends.")],
    "joint_client": [("child_protection", "A joint client is by definition a client of child protection ..."),
                     ("mental_disorder", "... who is at the same time in psychiatric care for mental health problems.")],
    "depression": [("mental_disorder", "Depression is a mental (mood) disorder.")],
    "anxiety": [("mental_disorder", "Anxiety disorders, phobias and OCD are mental disorders.")],
    "eating_disorder": [("mental_disorder", "Eating disorders are psychiatric disorders treated in mental health services.")],
    "psychosis": [("mental_disorder", "Psychoses are severe mental disorders.")],
    "adhd": [("neuropsychiatric", "ADHD is a neuropsychiatric (neurodevelopmental) condition; Finnish practice calls it 'nepsy'.")],
    "autism": [("neuropsychiatric", "The autism spectrum is a neuropsychiatric (neurodevelopmental) condition.")],
    "youth_substance_use": [("substance_use", "Young people's drug and alcohol use is substance use.")],
    "parental_substance_use": [("substance_use", "A parent's drinking or drug use is substance use, seen from the child's side.")],
    "child_sexual_abuse": [("violence_against_child", "Sexual abuse of a child is a form of violence against children (sexual violence).")],
    "barnahus": [("violence_against_child", "Barnahus work is the investigation of suspected violence against a child, so it is expertise in violence against children.")],
    "honour_violence": [("domestic_violence", "Honour-related violence is exercised by family and kin; Finnish guidance treats it as a form of violence in close relationships.")],
    "custody_dispute": [("separation", "Custody and contact disputes arise between separating or separated parents; the seeds group them under 'haastavat erot'.")],
    "gang": [("youth_crime", "Gang involvement of young people means offending in groups, a part of youth crime.")],
    "unaccompanied_minor": [("migrant_background", "A minor who came to Finland without a guardian has a migrant (asylum) background.")],
}
# roots one might expect elsewhere: why they stand alone
ROOT_NOTES = {
    "self_harm": "Kept apart from mental_disorder: self-harm is a behaviour met across many conditions and also without any diagnosis.",
    "neuropsychiatric": "Kept apart from mental_disorder: Finnish services treat 'nepsy' separately (neurology, disability and habilitation services), so a 'mielenterveyshäiriö' query should not pull every ADHD coach.",
    "intellectual_disability": "A disability, served by disability services; not a mental disorder and not a neuropsychiatric condition in this taxonomy.",
    "gaming_addiction": "A behavioural addiction: no substance, so not under substance_use.",
    "trauma": "Trauma follows many kinds of events (violence, accidents, flight); sentences speak of trauma only, so no parent.",
    "violence_against_child": "Violence by anyone against a child; domestic_violence here means violence between adults in close relationships, so neither is under the other.",
    "domestic_violence": "Violence between partners or other adult family members; see violence_against_child.",
    "school_absence": "Absence is not a form of school support; the two are separate needs (often co-occurring, which a multiword query tests).",
    "bullying": "Peer violence at school or online; not placed under violence_against_child, which here means maltreatment by adults.",
    "rare_disease": "Somatic; stands alone.",
    "functional_symptoms": "Functional disorders are treated in somatic and psychiatric care alike; kept alone so that neither umbrella claims them.",
}
UMBRELLAS = sorted({p for ps in PARENTS.values() for p, _ in ps})


def ancestors(c):
    out = set()
    todo = [c]
    while todo:
        x = todo.pop()
        for p, _ in PARENTS.get(x, []):
            if p not in out:
                out.add(p)
                todo.append(p)
    return out


def closure(cs):
    out = set()
    for c in cs:
        out.add(c)
        out |= ancestors(c)
    return out


def is_sentence(s):
    return s.rstrip().endswith((".", "!", "?"))


def cap(s):
    return s[0].upper() + s[1:] if s and s[0].islower() else s


def strip_end(s):
    return s[:-1] if s.endswith(".") else s


def clean(text, avoid):
    low = text.lower()
    return not any(a in low for a in avoid)


def fill(rng, s):
    if "{age}" in s:
        s = s.replace("{age}", rng.choice(AGES))
    if "{yrs}" in s:
        s = s.replace("{yrs}", str(rng.randint(3, 25)))
    return s


def assemble(rng, lang, core, other):
    """core = concept sentences/fragments, other = fillers and distractor."""
    core, other = list(core), list(other)
    rng.shuffle(core)
    rng.shuffle(other)
    items = core + other
    if other and rng.random() < 0.3:
        items.remove(other[0])
        items.insert(0, other[0])
    style = rng.choices(["prose", "list", "semi"], [0.5, 0.25, 0.25])[0]
    label = rng.choice(P.LIST_LABELS[lang])
    if style == "prose":
        sents = [cap(s) for s in items if is_sentence(s)]
        frags = [s for s in items if not is_sentence(s)]
        parts = [" ".join(sents)] if sents else []
        if frags:
            block = label + ": " + "; ".join(frags) + "."
            if parts and rng.random() < 0.5:
                parts.insert(0, block)
            else:
                parts.append(block)
        return " ".join(parts)
    if style == "list":
        listed = core + [s for s in other if not is_sentence(s)]
        prose = [cap(s) for s in other if is_sentence(s)]
        if len(listed) > 2 and rng.random() < 0.4:
            sents = [s for s in core if is_sentence(s)]
            if sents:
                listed.remove(sents[0])
                prose.insert(0, cap(sents[0]))
        text = label + ":\n" + "\n".join("- " + cap(strip_end(s)) for s in listed)
        if not prose:
            return text
        k = rng.randint(0, len(prose))
        before, after = prose[:k], prose[k:]
        out = ([" ".join(before)] if before else []) + [text] + ([" ".join(after)] if after else [])
        return "\n".join(out)
    return cap("; ".join(strip_end(s) for s in items)) + "."


class Builder:
    def __init__(self):
        self.rng = random.Random(SEED)
        self.names = set()
        self.descriptions = set()
        self.meta = {}  # id(profile) -> dict(distractor=(text, tags))

    def name(self, lang):
        rng = self.rng
        for _ in range(1000):
            nl = lang
            if lang == "en" and rng.random() < 0.5:
                nl = "fi"
            if lang == "sv" and rng.random() < 0.15:
                nl = "fi"
            first = P.FIRST[nl]
            if nl in P.DOUBLE_FIRST and rng.random() < 0.08:
                first = P.DOUBLE_FIRST[nl]
            n = rng.choice(first) + " " + rng.choice(P.LAST[nl])
            if n not in self.names:
                self.names.add(n)
                return n
        raise RuntimeError("names exhausted")

    def random_concepts(self, k, exclude=(), lang=None, avoid=()):
        rng = self.rng
        ids = [c for c in CONCEPTS
               if not (closure([c]) & set(exclude))
               and (lang is None or any(clean(s, avoid) for s in CONCEPTS[c][lang]))]
        weights = [0.6 if c in UMBRELLAS else 1.0 for c in ids]
        out = []
        while len(out) < k:
            c = rng.choices(ids, weights)[0]
            if c not in out:
                out.append(c)
        return out

    def profile(self, lang, concepts, extra=(), distractor=None, avoid=(), random_distractor=True):
        rng = self.rng
        for _attempt in range(50):
            items, tagged = [], set()
            for c in concepts:
                pool = [s for s in CONCEPTS[c][lang] if clean(s, avoid)]
                assert pool, (c, lang, avoid)
                items.append(fill(rng, rng.choice(pool)))
                tagged.add(c)
            for text, cs in extra:
                items.append(text)
                tagged |= set(cs)
            closed = closure(tagged)
            fl = [s for s in P.FILLERS[lang] if clean(s, avoid)]
            others = [fill(rng, s) for s in rng.sample(fl, rng.choice([1, 1, 2, 2, 3]))]
            dis = None
            if distractor is not None:
                dis = distractor
            elif random_distractor and rng.random() < DISTRACTOR_P:
                cands = [(t, tags) for (dl, t, tags) in P.DISTRACTORS
                         if dl == lang and not (set(tags) & closed) and clean(t, avoid)]
                if cands:
                    dis = rng.choice(cands)
            if dis is not None:
                assert not (set(dis[1]) & closed), (dis, closed)
                others.append(dis[0])
            desc = assemble(rng, lang, items, others)
            if desc in self.descriptions:
                continue
            titles = [t for t in P.TITLES[lang] if clean(t, avoid)]
            orgs = [o for o in P.ORGS[lang] if clean(o, avoid)]
            prof = {
                "id": None,
                "name": self.name(lang),
                "title": rng.choice(titles),
                "organisation": rng.choice(orgs),
                "language": lang,
                "description": desc,
                "concepts": sorted(closed),
            }
            self.descriptions.add(desc)
            self.meta[id(prof)] = {"distractor": dis}
            return prof
        raise RuntimeError("could not build a unique profile")


def stems_of(q, extra=()):
    words = re.findall(r"\w+", q.lower())
    return [w[:5] for w in words if len(w) >= 5] + [e.lower() for e in extra]


def damerau1(a, b):
    """True when a and b differ by exactly one insertion, deletion,
    substitution or adjacent transposition."""
    if a == b:
        return False
    la, lb = len(a), len(b)
    if abs(la - lb) > 1:
        return False
    i = 0
    while i < min(la, lb) and a[i] == b[i]:
        i += 1
    if la == lb:
        if a[i + 1:] == b[i + 1:]:
            return True
        return i + 1 < la and a[i] == b[i + 1] and a[i + 1] == b[i] and a[i + 2:] == b[i + 2:]
    if la > lb:
        return a[i + 1:] == b[i:]
    return b[i + 1:] == a[i:]


def build():
    B = Builder()
    rng = B.rng
    specials, combos, forbidden, mustfind = [], [], [], []

    pool = []
    for lang, n in LANG_QUOTA.items():
        pool += [lang] * n
    for spec in Q.FORBIDDEN:
        pool.remove(spec[2])
    for spec in Q.MUST_FIND:
        pool.remove(spec[2])
    rng.shuffle(pool)

    # forbidden: distractor + unrelated concepts, avoiding the shared part elsewhere
    for q, qc, lang, text, excl, shared, why in Q.FORBIDDEN:
        assert all(closure([c]) & set(excl) for c in qc), (q, qc, excl)
        avoid = [shared.lower()]
        cs = B.random_concepts(rng.choice([1, 2]), exclude=set(excl) | set(qc), lang=lang, avoid=avoid)
        prof = B.profile(lang, cs, distractor=(text, excl), avoid=avoid)
        forbidden.append((q, qc, prof, shared, text, excl, why))
        specials.append(prof)

    # must-find: the concept said in other words; stems kept out of the whole profile
    for q, qc, lang, text, tcs, extra, why in Q.MUST_FIND:
        stems = stems_of(q, extra)
        assert clean(text, stems), (q, text)
        cs = B.random_concepts(rng.choice([0, 1, 1, 2]), exclude=closure(tcs) | set(qc), lang=lang, avoid=stems)
        prof = B.profile(lang, cs, extra=[(text, tcs)], avoid=stems, random_distractor=False)
        mustfind.append((q, qc, prof, stems, why))
        specials.append(prof)

    # seeded pairs for multi-concept queries
    for combo in Q.COMBOS:
        for _ in range(COMBO_N):
            lang = pool.pop()
            cs = [rng.choice(alt.split("|")) for alt in combo]
            if rng.random() < 0.3:
                cs += [c for c in B.random_concepts(1, exclude=closure(cs)) if c not in cs]
            combos.append(B.profile(lang, cs))

    rest = []
    while len(specials) + len(combos) + len(rest) < N_PROFILES:
        lang = pool.pop()
        k = rng.choices([1, 2, 3, 4], [0.2, 0.4, 0.3, 0.1])[0]
        rest.append(B.profile(lang, B.random_concepts(k)))
    assert not pool, len(pool)

    profiles = specials + combos + rest
    rng.shuffle(profiles)
    for i, p in enumerate(profiles, 1):
        p["id"] = "v%04d" % i
    return B, profiles, forbidden, mustfind


def validate(B, profiles, forbidden, mustfind):
    info = {}
    # concepts and sentence counts
    for c, d in CONCEPTS.items():
        assert re.fullmatch(r"[a-z][a-z_]*", c), c
        assert len(d["fi"]) >= 8 and len(d["sv"]) >= 4 and len(d["en"]) >= 4, c
        assert d.get("label"), c
        for lang in ("fi", "sv", "en"):
            assert len(set(d[lang])) == len(d[lang]), (c, lang)
    for c, ps in PARENTS.items():
        assert c in CONCEPTS and all(p in CONCEPTS for p, _ in ps), c
        assert c not in ancestors(c), c
    # profiles
    assert len(profiles) == N_PROFILES
    assert [p["id"] for p in profiles] == ["v%04d" % i for i in range(1, N_PROFILES + 1)]
    langs = {l: sum(1 for p in profiles if p["language"] == l) for l in LANG_QUOTA}
    assert langs == LANG_QUOTA, langs
    assert len({p["description"] for p in profiles}) == N_PROFILES
    assert len({p["name"] for p in profiles}) == N_PROFILES
    nd = 0
    for p in profiles:
        assert list(p) == ["id", "name", "title", "organisation", "language", "description", "concepts"]
        assert p["concepts"] and p["concepts"] == sorted(closure(p["concepts"])), p["id"]
        dis = B.meta[id(p)]["distractor"]
        if dis:
            nd += 1
            assert strip_end(dis[0]) in p["description"] and not (set(dis[1]) & set(p["concepts"])), p["id"]
    info["distractor_share"] = nd / len(profiles)
    assert 0.25 <= info["distractor_share"] <= 0.42, info["distractor_share"]
    # queries
    qs = []
    seen = set()
    for spec in Q.QUERIES:
        q, cat, rel = spec[0], spec[1], spec[2]
        assert cat in CATEGORIES, cat
        assert q not in seen, q
        seen.add(q)
        assert rel and all(c in CONCEPTS for c in rel), q
        hits = [p for p in profiles if set(rel) <= set(p["concepts"])]
        fi_hits = sum(1 for p in hits if p["language"] == "fi")
        assert len(hits) >= 12, (q, len(hits))
        if cat in ("swedish", "english"):
            assert fi_hits >= 6, (q, fi_hits)
        if cat == "typo":
            assert damerau1(q, spec[3]), (q, spec[3])
            assert any(len(w) >= 5 for w in spec[3].split())
        if cat == "compound-split":
            joined = q.replace(" ", "")
            assert " " in q
            pre = joined[:max(5, len(joined) - 3)]
            assert any(pre in p["description"].lower() for p in profiles), q
        if cat == "question":
            assert q.split()[0] in ("kuka", "kenelle", "mistä", "miten", "onko", "kenen"), q
        qs.append({"q": q, "category": cat, "relevant": list(rel)})
        info.setdefault("hits", {})[q] = (len(hits), fi_hits)
    per = {c: sum(1 for x in qs if x["category"] == c) for c in CATEGORIES}
    assert all(12 <= n <= 14 for n in per.values()), per
    info["per_category"] = per
    # forbidden
    byid = {p["id"]: p for p in profiles}
    fout = []
    for q, qc, prof, shared, text, excl, why in forbidden:
        assert byid[prof["id"]] is prof
        assert not (set(qc) & set(prof["concepts"])), (q, prof["id"])
        assert not (set(excl) & set(prof["concepts"])), (q, prof["id"])
        assert shared in q.lower() and shared in prof["description"].lower(), (q, shared)
        assert strip_end(text) in prof["description"]
        fout.append({"q": q, "profile": dict(prof), "why": why})
    # must-find
    mout = []
    for q, qc, prof, stems, why in mustfind:
        assert byid[prof["id"]] is prof
        assert set(qc) <= set(prof["concepts"]), (q, prof["id"])
        for field in ("description", "title", "organisation"):
            low = prof[field].lower()
            assert not any(s in low for s in stems), (q, field, [s for s in stems if s in low])
        mout.append({"q": q, "profile": dict(prof), "why": why})
    return qs, fout, mout, info, langs


def write_json(path, data):
    with open(path, "w", encoding="utf-8", newline="\n") as f:
        json.dump(data, f, ensure_ascii=False, indent=1)
        f.write("\n")


def main(argv):
    out = OUT_DIR
    if len(argv) > 2 and argv[1] == "--out":
        out = os.path.abspath(argv[2])
    B, profiles, forbidden, mustfind = build()
    qs, fout, mout, info, langs = validate(B, profiles, forbidden, mustfind)
    os.makedirs(out, exist_ok=True)
    write_json(os.path.join(out, "profiles.json"), profiles)
    write_json(os.path.join(out, "queries.json"), qs)
    write_json(os.path.join(out, "forbidden.json"), fout)
    write_json(os.path.join(out, "must_find.json"), mout)
    counts = {c: sum(1 for p in profiles if c in p["concepts"]) for c in CONCEPTS}
    readme = fifth_readme.render(
        seed=SEED, concepts=CONCEPTS, parents=PARENTS, root_notes=ROOT_NOTES, counts=counts,
        langs=langs, per_category=info["per_category"], n_forbidden=len(fout), n_mustfind=len(mout),
        distractor_share=info["distractor_share"], n_profiles=len(profiles), combo_n=COMBO_N,
        combos=Q.COMBOS, queries=qs, hits=info["hits"])
    with open(os.path.join(out, "README.md"), "w", encoding="utf-8", newline="\n") as f:
        f.write(readme)
    for name in ("profiles.json", "queries.json", "forbidden.json", "must_find.json", "README.md"):
        with open(os.path.join(out, name), "rb") as f:
            print(hashlib.sha256(f.read()).hexdigest(), name)
    print("profiles", len(profiles), langs, "distractors %.3f" % info["distractor_share"])
    print("queries", len(qs), info["per_category"])
    print("forbidden", len(fout), "must_find", len(mout), "concepts", len(CONCEPTS))
    low = sorted(info["hits"].items(), key=lambda kv: kv[1][0])[:8]
    print("fewest relevant:", ", ".join("%s=%d(fi %d)" % (q, n, f) for q, (n, f) in low))


if __name__ == "__main__":
    main(sys.argv)
