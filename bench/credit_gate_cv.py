"""Could a learned gate over the extractor's credits raise precision on unseen documents?

A probe, not a shipped model. On the blind gold sets, the extractor credits about a quarter
more skills than the readers (résumé precision ~0.74 at recall ~0.85). If false credits
looked different from true ones (pattern-only evidence, one mention, a summary line, a
generic soft skill, a skill that is often wrong), a small classifier over each
(document, credited skill) could drop them. This script tests that honestly:

- candidates: every skill the extractor credits in every gold set, with features of its
  mentions (how many, which extractor, usage, sections, role, requirement, surface form,
  skill kind and area, document density, first position) and, optionally, the skill's
  smoothed precision in the training folds (target encoding, computed out of fold);
- leave-one-set-out over the six blind sets read to the experts' density (gold_fresh14 to
  gold_fresh19): the gate is fitted on the other sets (the expert-like ones, or all), scored
  on the held-out set; recall counts the gold skills the extractor never credited as misses;
- a per-skill drop rule (drop a skill whose training precision is below tau) as the
  simplest gate.

    python bench/credit_gate_cv.py            # about a minute on 2 cores
    python bench/credit_gate_cv.py --context  # the words around each mention (about 6 min)
    python bench/credit_gate_cv.py --semantic # the evidence line against other sets' credits

The finding (session 11): every gate trades recall for precision at about one for one, so
F1 barely moves; nothing here is worth shipping. The printout is the evidence.

``--context`` (session 12) asks whether what a reader sees, the words around each mention,
separates them where the structure did not: a sparse logistic regression over the skill
id, the layers, usage, section and requirement, and per mention the three words on either
side, the first word of its line and every word of the line, left out one blind set at a
time over every expert-density set on disk (gold_fresh14 onwards), trained on the
expert-like sets or on all. It trades the same way: over gold_fresh14-27 (7,927 credited
pairs in all sets), résumé F1 0.772 without a gate and 0.767-0.778 with one, postings
0.762 and 0.723-0.763, every setting buying precision with as much recall.

``--semantic`` (session 16) asks whether the *meaning* of the evidence line separates them:
each credited pair's evidence lines, embedded with the shipped static encoder, are compared
with the lines of the same skill's true and false credits in the other sets (the best
cosine to a true credit minus the best to a false one, and the share of true credits among
the five nearest), next to the skill's out-of-fold precision, its mention count and whether
only duty patterns found it; a logistic regression over those, left out one expert-density
set at a time. The meaning helps a little more than the words did, and not enough: see
the printout (résumé AUC and F1 with and without the two semantic features). One leak
favours the gate, so its small gain is if anything an overestimate: a training row's
nearest-credit features were computed with every other set in the pool, the held-out one
included.
"""

from __future__ import annotations

import argparse
import collections
import re
import sys
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "bench"))

from gold_sets import expert_density_sets, gold_sets  # noqa: E402

from skillmix.extract import Extractor  # noqa: E402
from skillmix.extract.evaluate import credits_per_document  # noqa: E402
from skillmix.taxonomy import load_taxonomy  # noqa: E402

BLIND = [f"gold_fresh{n}" for n in (14, 15, 16, 17, 18, 19)]
EXPERT_LIKE = ["gold", *BLIND]
SECTIONS = ["experience", "skills", "summary", "responsibilities", None, "requirements",
            "education", "company", "certifications", "projects", "preferred", "other"]
KINDS = ["skill", "tool", "platform", "knowledge"]


def gold_documents() -> tuple[list[tuple], collections.Counter]:
    """Every document of every gold set as (set name, gold record, document, counting
    mentions by skill, the readers' credits), and the readers' credits the extractor never
    found, per (set, kind): what both gates start from."""
    ex = Extractor("builtin")
    docs, misses = [], collections.Counter()
    for gs in gold_sets():
        if not (gs / "gold.jsonl").exists():
            continue
        for g, doc, by in credits_per_document(ex.extract, gs):
            gold = set(g.credited)
            misses[(gs.name, g.kind)] += len(gold - set(by))
            docs.append((gs.name, g, doc, by, gold))
    return docs, misses


def candidates():
    """(features, truth, set, kind, skill) per credited skill, and misses per (set, kind)."""
    skills = load_taxonomy("builtin").skills
    areas = sorted({s.area for s in skills.values() if s.area})
    docs, misses = gold_documents()
    rows = []
    for name, g, doc, by, gold in docs:
        length = max(1, len(doc.text))
        for sid, ms in by.items():
            s = skills[sid]
            f = [g.kind == "posting", len(ms), np.log1p(len(ms)),
                 len({m.surface.lower() for m in ms}), len({m.sentence_start for m in ms}),
                 any(m.extractor == "lexical" for m in ms),
                 all(m.extractor == "pattern" for m in ms),
                 any(m.usage == "professional" for m in ms),
                 any(m.role is not None for m in ms)]
            f += [any(m.section == sec for m in ms) for sec in SECTIONS]
            f += [s.area == a for a in areas] + [s.kind == k for k in KINDS]
            f += [any(m.surface.lower() == s.label.lower() for m in ms),
                  max(len(m.surface) for m in ms),
                  any(m.surface.isupper() and len(m.surface) <= 5 for m in ms),
                  any(m.requirement == "required" for m in ms),
                  any(m.requirement == "preferred" for m in ms),
                  any(m.years is not None for m in ms), any(m.group is not None for m in ms),
                  len(by), np.log(length), min(m.start for m in ms) / length]
            rows.append((f, sid in gold, name, g.kind, sid))
    return rows, misses


def _encoder(idx, skills, y, a=5.0):
    """A skill's smoothed precision over the rows ``idx`` (the prior for unseen skills)."""
    prior = y[idx].mean()
    c: dict[str, list[int]] = collections.defaultdict(lambda: [0, 0])
    for i in idx:
        c[skills[i]][0] += int(y[i])
        c[skills[i]][1] += 1
    return lambda sk: (c[sk][0] + a * prior) / (c[sk][1] + a) if sk in c else prior


def _score(res):
    out = []
    for k in ("resume", "posting"):
        tp, fp, fn = res[(k, "tp")], res[(k, "fp")], res[(k, "fn")]
        p, r = tp / max(1, tp + fp), tp / max(1, tp + fn)
        out.append(f"{k} P {p:.3f} R {r:.3f} F1 {2 * p * r / max(1e-9, p + r):.3f}")
    return "; ".join(out)


TOKEN = re.compile(r"[a-z][a-z+#.'-]*|\d+")


def context_features(text: str, ms: list, sid: str, kind: str) -> dict[str, float]:
    """What a reader sees around one credited skill's mentions, as sparse features."""
    f: dict[str, float] = {"kind=" + kind: 1, "sid=" + sid: 1, "sid_kind=" + sid + kind: 1,
                           "n_mentions": float(np.log1p(len(ms)))}
    for m in ms:
        for key in (f"ex={m.extractor}", f"usage={m.usage}", f"sec={m.section}",
                    f"req={m.requirement}", f"role={m.role is not None}",
                    f"surface={m.surface.lower()}"):
            f[key] = 1
        ls = text.rfind("\n", 0, m.start) + 1
        le = text.find("\n", m.end)
        le = len(text) if le < 0 else le
        left = TOKEN.findall(text[max(ls, m.start - 60):m.start].lower())
        right = TOKEN.findall(text[m.end:min(le, m.end + 60)].lower())
        line = TOKEN.findall(text[ls:le].lower())
        for i, w in enumerate(reversed(left[-3:])):
            f[f"L{i}={w}"] = 1
        for i, w in enumerate(right[:3]):
            f[f"R{i}={w}"] = 1
        if line:
            f["first=" + line[0]] = 1
        for w in line:
            f["word=" + w] = 1
    return f


def context_gate() -> None:
    """The context-word gate, left out one expert-density blind set at a time."""
    from sklearn.feature_extraction import DictVectorizer
    from sklearn.linear_model import LogisticRegression

    names = [gs.name for gs in expert_density_sets()]
    docs, misses = gold_documents()
    feats, y, sets, kinds = [], [], [], []
    for name, g, doc, by, gold in docs:
        for sid, ms in by.items():
            feats.append(context_features(doc.text, ms, sid, g.kind))
            y.append(sid in gold)
            sets.append(name)
            kinds.append(g.kind)
    Y, S, K = np.array(y), np.array(sets), np.array(kinds)

    def run(train_sets: list[str], c: float, thr: float) -> str:
        res: collections.Counter = collections.Counter()
        for held in names:
            tr = np.where(np.isin(S, train_sets) & (S != held))[0]
            te = np.where(S == held)[0]
            dv = DictVectorizer()
            model = LogisticRegression(C=c, max_iter=3000)
            model.fit(dv.fit_transform([feats[i] for i in tr]), Y[tr])
            keep = model.predict_proba(dv.transform([feats[i] for i in te]))[:, 1] >= thr
            for k in ("resume", "posting"):
                mk = K[te] == k
                res[(k, "tp")] += int((keep & Y[te] & mk).sum())
                res[(k, "fp")] += int((keep & ~Y[te] & mk).sum())
                res[(k, "fn")] += int((~keep & Y[te] & mk).sum()) + misses[(held, k)]
        return _score(res)

    print(f"{len(Y)} credited (document, skill) pairs; held out in turn: {', '.join(names)}")
    print(f"{'no gate':44s} {run(['gold', *names], 1.0, 0.0)}")
    for label, train in (("expert-like sets", ["gold", *names]), ("all sets", sorted(set(sets)))):
        for c in (0.1, 0.3, 1.0):
            for thr in (0.3, 0.4, 0.5):
                print(f"{f'context gate, {label}, C {c}, p>={thr}':44s} {run(train, c, thr)}")


def _evidence_line(text: str, m) -> str:
    start = text.rfind("\n", 0, m.start) + 1
    end = text.find("\n", m.end)
    return text[start:len(text) if end < 0 else end].strip()[:300]


def semantic_gate() -> None:
    """The evidence-line gate, left out one expert-density blind set at a time."""
    from sklearn.linear_model import LogisticRegression
    from sklearn.metrics import roc_auc_score

    from skillmix.link.static import StaticEncoder

    names = [gs.name for gs in expert_density_sets()]
    docs, misses = gold_documents()
    rows = []  # (set, kind, skill, truth, evidence lines, mentions, pattern only)
    for name, g, doc, by, gold in docs:
        if name in names:
            for sid, ms in by.items():
                lines = list(dict.fromkeys(_evidence_line(doc.text, m) for m in ms))
                rows.append((name, g.kind, sid, sid in gold, lines, len(ms),
                             all(m.extractor == "pattern" for m in ms)))
    texts = sorted({t for r in rows for t in r[4]})
    emb = StaticEncoder.load().encode(texts)
    emb /= np.maximum(np.linalg.norm(emb, axis=1, keepdims=True), 1e-9)
    at = {t: i for i, t in enumerate(texts)}
    vecs = [emb[[at[t] for t in r[4]]] for r in rows]
    y = np.array([r[3] for r in rows])
    sets = np.array([r[0] for r in rows])
    kinds = np.array([r[1] for r in rows])
    feats = np.zeros((len(rows), 5))
    for held in names:
        train = np.where(sets != held)[0]
        by_skill: dict[str, list[int]] = collections.defaultdict(list)
        for j in train:
            by_skill[rows[j][2]].append(j)
        prior_all = y[train].mean()
        for i in np.where(sets == held)[0]:
            near = by_skill[rows[i][2]]
            sims = [(float((vecs[i] @ vecs[j].T).max()), bool(y[j])) for j in near]
            prior = (sum(t for _, t in sims) + 2 * prior_all) / (len(sims) + 2)
            best_true = max((s for s, t in sims if t), default=0.0)
            best_false = max((s for s, t in sims if not t), default=0.0)
            top = sorted(sims, reverse=True)[:5]
            knn = (sum(t for _, t in top) + prior_all) / (len(top) + 1)
            feats[i] = [np.log(prior / (1 - prior)), np.log(rows[i][5]), rows[i][6],
                        best_true - best_false, knn]
    print(f"{len(rows)} credited (document, skill) pairs; held out in turn: {', '.join(names)}")
    for label, cols in (("skill prior, mentions, pattern only", [0, 1, 2]),
                        ("+ evidence-line meaning", [0, 1, 2, 3, 4])):
        p = np.zeros(len(rows))
        for held in names:
            te = sets == held
            model = LogisticRegression(max_iter=2000).fit(feats[~te][:, cols], y[~te])
            p[te] = model.predict_proba(feats[te][:, cols])[:, 1]
        aucs = ", ".join(f"{k} AUC {roc_auc_score(y[kinds == k], p[kinds == k]):.3f}"
                         for k in ("resume", "posting"))
        print(f"{label}: {aucs}")
        for thr in (0.0, 0.3, 0.4, 0.5):
            res: collections.Counter = collections.Counter()
            for k in ("resume", "posting"):
                keep, mk = p >= thr, kinds == k
                res[(k, "tp")] = int((keep & y & mk).sum())
                res[(k, "fp")] = int((keep & ~y & mk).sum())
                res[(k, "fn")] = int((~keep & y & mk).sum()) + sum(misses[(h, k)] for h in names)
            print(f"  {'no gate' if thr == 0 else f'p>={thr}':10s} {_score(res)}")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--context", action="store_true",
                    help="the context-word gate over every expert-density blind set")
    ap.add_argument("--semantic", action="store_true",
                    help="the evidence-line meaning gate over every expert-density blind set")
    args = ap.parse_args()
    if args.context:
        context_gate()
        return
    if args.semantic:
        semantic_gate()
        return
    from sklearn.linear_model import LogisticRegression
    from sklearn.pipeline import make_pipeline
    from sklearn.preprocessing import StandardScaler

    rows, misses = candidates()
    X = np.array([r[0] for r in rows], float)
    y = np.array([r[1] for r in rows])
    sets = np.array([r[2] for r in rows])
    kinds = np.array([r[3] for r in rows])
    skills = np.array([r[4] for r in rows])

    def tally(held, keep, te_idx, res):
        for k in ("resume", "posting"):
            mk = kinds[te_idx] == k
            res[(k, "tp")] += int((keep & y[te_idx] & mk).sum())
            res[(k, "fp")] += int((keep & ~y[te_idx] & mk).sum())
            res[(k, "fn")] += int((~keep & y[te_idx] & mk).sum()) + misses[(held, k)]

    def gate(train_sets, thr, encode):
        res: collections.Counter = collections.Counter()
        for held in BLIND:
            tr = np.where(np.isin(sets, train_sets) & (sets != held))[0]
            te_idx = np.where(sets == held)[0]
            Xtr, Xte = X[tr], X[te_idx]
            if encode:  # target encoding, out of fold for the training rows
                enc = np.zeros(len(tr))
                for s2 in np.unique(sets[tr]):
                    inner = tr[sets[tr] != s2]
                    f = _encoder(inner, skills, y)
                    enc[sets[tr] == s2] = [f(sk) for sk in skills[tr][sets[tr] == s2]]
                f = _encoder(tr, skills, y)
                Xtr = np.c_[Xtr, enc]
                Xte = np.c_[Xte, [f(sk) for sk in skills[te_idx]]]
            model = make_pipeline(StandardScaler(), LogisticRegression(C=0.3, max_iter=2000))
            model.fit(Xtr, y[tr])
            tally(held, model.predict_proba(Xte)[:, 1] >= thr, te_idx, res)
        return _score(res)

    def drop_rule(train_sets, tau):
        res: collections.Counter = collections.Counter()
        for held in BLIND:
            tr = np.where(np.isin(sets, train_sets) & (sets != held))[0]
            te_idx = np.where(sets == held)[0]
            f = _encoder(tr, skills, y, a=2.0)
            tally(held, np.array([f(sk) >= tau for sk in skills[te_idx]]), te_idx, res)
        return _score(res)

    everything = sorted(set(sets))
    print(f"{len(rows)} credited (document, skill) pairs in {len(everything)} gold sets; "
          f"held out in turn: {', '.join(BLIND)}")
    print(f"{'no gate':44s} {drop_rule(EXPERT_LIKE, 0.0)}")
    for name, train in (("expert-like sets", EXPERT_LIKE), ("all sets", everything)):
        for encode in (False, True):
            for thr in (0.3, 0.4, 0.5):
                label = f"LR gate, {name}, {'+skill prior' if encode else 'features'}, p>={thr}"
                print(f"{label:44s} {gate(train, thr, encode)}")
        for tau in (0.3, 0.4, 0.5):
            print(f"{f'per-skill drop, {name}, tau {tau}':44s} {drop_rule(train, tau)}")


if __name__ == "__main__":
    main()
