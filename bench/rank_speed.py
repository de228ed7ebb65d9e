"""Ranking speed: N synthetic-but-realistic candidates ranked for one job.

    .venv/bin/python bench/rank_speed.py [--n 100000] [--repeat 15] [--resumes DIR]

1. **Skill distribution** of the real résumés: every LiveCareer PDF under ``--resumes`` is
   read once (parsed documents are cached, see ``skillmix.match.labelled``), extracted and
   summarised; the per-résumé skill features (skill, level, years, recency) and seniority
   range are cached as JSON beside the documents, per taxonomy version.
2. **Synthetic profiles**: each one starts from a real résumé drawn at random, keeps each
   of its skills with probability 0.7 and adds Poisson(2) skills drawn from its category's
   skill frequencies (levels and years drawn from what real résumés show for that skill)
   and keeps its résumé's seniority range;
   its text is its skills' labels plus words drawn from the real résumés' word frequencies,
   so BM25 has realistic work to do.
3. **Index**: ``Matcher.fit`` + ``Matcher.index`` time, memory (RSS growth and array
   bytes), ``save_index`` size, ``load_index`` time.
4. **Ranking**: each of the real postings of ``bench/data/ranking_relevance.json`` ranks the
   N candidates; median and p90 over ``--repeat`` runs per query, for the full score + top 10
   without explanations, with explanations (evidence + counterfactuals), and, as the
   baseline measured in the same process, BM25 scoring alone over the same N texts; the full
   score is also timed for the posting with its seniority left unread
   (``full_scores_level_unknown``), alternated with the full score, so the level
   component's own cost is an A/B in one process.

Timings are wall-clock on whatever machine runs this; on a shared machine they vary, so
compare the ratios, which come from the same run.
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import os
import random
import resource
import statistics
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from skillmix.match import MatchDocument, Matcher, SkillFeature, load_index, save_index  # noqa: E402
from skillmix.match.labelled import _cache_dir, read_labelled_folder  # noqa: E402
from skillmix.match.level import LevelReading  # noqa: E402
from skillmix.match.rank import score_all  # noqa: E402
from skillmix.match.bm25 import tokenize  # noqa: E402

DEFAULT_RESUMES = ROOT.parent / "shared" / "data" / "resumes" / "livecareer"
AS_OF = "2026-11-25"


def rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024.0


def distribution(resumes: Path) -> dict:
    """Per-résumé skill features of the real résumés, cached as JSON."""
    from datetime import date

    from skillmix.match import to_match_document

    from skillmix.taxonomy import load_taxonomy

    version = load_taxonomy("builtin").version
    cache = _cache_dir() / f"livecareer_skill_distribution.v2.{version}.json"
    if cache.is_file():
        return json.loads(cache.read_text("utf-8"))
    docs = read_labelled_folder(resumes)
    words: Counter[str] = Counter()
    out = []
    for d in docs:
        md = to_match_document(d.document, kind="resume", today=date.fromisoformat(AS_OF))
        out.append({"category": d.category,
                    "skills": [[f.skill_id, f.level, round(f.years, 2), f.recency_months]
                               for f in md.skills],
                    "level": None if md.level is None else [md.level.low, md.level.high, md.level.why]})
        words.update(tokenize(d.document.text))
    data = {"resumes": out, "words": words.most_common(5000)}
    cache.parent.mkdir(parents=True, exist_ok=True)
    cache.write_text(json.dumps(data), "utf-8")
    return data


def synthesize(data: dict, n: int, labels: dict[str, str], seed: int = 7) -> list[MatchDocument]:
    rng = random.Random(seed)
    res = data["resumes"]
    by_cat: dict[str, Counter[str]] = {}
    facts: dict[str, list[tuple[str, float, int | None]]] = {}
    for r in res:
        c = by_cat.setdefault(r["category"], Counter())
        for sid, level, years, rec in r["skills"]:
            c[sid] += 1
            facts.setdefault(sid, []).append((level, years, rec))
    cat_skills = {c: (list(cnt), list(cnt.values())) for c, cnt in by_cat.items()}
    vocab = [w for w, _ in data["words"]]
    freqs = [f for _, f in data["words"]]
    poisson = np.random.default_rng(seed).poisson(2.0, size=n)
    out = []
    for i in range(n):
        tpl = res[rng.randrange(len(res))]
        chosen: dict[str, tuple[str, float, int | None]] = {}
        for sid, level, years, rec in tpl["skills"]:
            if rng.random() < 0.7:
                chosen[sid] = (level, years, rec)
        skills, weights = cat_skills[tpl["category"]]
        k = int(poisson[i]) if skills else 0
        for sid in rng.choices(skills, weights, k=k) if k else []:
            chosen.setdefault(sid, rng.choice(facts[sid]))
        parts: list[str] = []
        feats = []
        pos = 0
        for sid, (level, years, rec) in chosen.items():
            label = labels.get(sid, sid)
            sent = f"Experience with {label}."
            start = pos + len("Experience with ")
            feats.append(SkillFeature(sid, level, float(years), rec, start, start + len(label),
                                      pos, pos + len(sent)))
            parts.append(sent)
            pos += len(sent) + 1
        filler = " ".join(rng.choices(vocab, freqs, k=60))
        text = " ".join(parts) + " " + filler
        lvl = tpl.get("level")
        out.append(MatchDocument(f"synthetic-{i:06d}", "resume", text, tuple(feats),
                                 title=f"{tpl['category'].title()} candidate {i}",
                                 level=LevelReading(*lvl) if lvl else None))
    return out


def timed(fn, repeat: int) -> list[float]:
    out = []
    for _ in range(repeat):
        t = time.perf_counter()
        fn()
        out.append((time.perf_counter() - t) * 1000.0)
    return out


def summary(ms: list[float]) -> dict[str, float]:
    ms = sorted(ms)
    return {"median_ms": round(statistics.median(ms), 2),
            "p90_ms": round(ms[int(0.9 * (len(ms) - 1))], 2)}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--n", type=int, default=100_000)
    ap.add_argument("--repeat", type=int, default=15)
    ap.add_argument("--resumes", type=Path, default=DEFAULT_RESUMES)
    ap.add_argument("--jobs", type=Path,
                    default=ROOT.parent / "shared" / "data" / "postings" / "linkedin_2024-04_sample.csv")
    args = ap.parse_args()

    from datetime import date

    from skillmix.io import read_corpus
    from skillmix.match import MatchParams, to_match_document
    from skillmix.taxonomy import load_taxonomy

    t = time.perf_counter()
    data = distribution(args.resumes)
    t_dist = time.perf_counter() - t
    labels = {s.id: s.label for s in load_taxonomy("builtin")}
    t = time.perf_counter()
    profiles = synthesize(data, args.n, labels)
    t_syn = time.perf_counter() - t
    nnz = sum(len(p.skills) for p in profiles)

    rel = json.loads((ROOT / "bench" / "data" / "ranking_relevance.json").read_text())["grades"]
    params = MatchParams.from_mapping({"as_of": AS_OF})
    jobs = [to_match_document(p, today=date.fromisoformat(AS_OF))
            for p in read_corpus(args.jobs) if p.id in rel]

    rss0 = rss_mb()
    t = time.perf_counter()
    matcher = Matcher(params).fit(profiles)
    t_fit = time.perf_counter() - t
    t = time.perf_counter()
    index = matcher.index(profiles)
    t_index = time.perf_counter() - t
    rss1 = rss_mb()
    arrays = sum(a.nbytes for a in (index.values.data, index.values.indices, index.values.indptr,
                                    index.level, index.years, index.recency, index.spans))
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "index"
        t = time.perf_counter()
        save_index(matcher, index, folder)
        t_save = time.perf_counter() - t
        disk = sum(f.stat().st_size for f in folder.rglob("*") if f.is_file())
        t = time.perf_counter()
        matcher, index = load_index(folder)
        t_load = time.perf_counter() - t

    runs: dict[str, list[float]] = {"bm25_only_scores": [], "full_scores": [],
                                    "full_scores_level_unknown": [],
                                    "rank_top10": [], "rank_top10_explained": []}
    for job in jobs:
        unread = dataclasses.replace(job, level=None)
        runs["bm25_only_scores"] += timed(lambda: index.text_index.scores(job.text), args.repeat)
        for _ in range(args.repeat):
            runs["full_scores"] += timed(lambda: score_all(matcher, job, index), 1)
            runs["full_scores_level_unknown"] += timed(lambda: score_all(matcher, unread, index), 1)
        runs["rank_top10"] += timed(lambda: matcher.rank(job, index, top=10, explain=False),
                                    args.repeat)
        runs["rank_top10_explained"] += timed(lambda: matcher.rank(job, index, top=10),
                                              args.repeat)
    base = statistics.median(runs["bm25_only_scores"])
    report = {
        "candidates": args.n, "skill_entries": nnz, "queries": len(jobs),
        "repeat_per_query": args.repeat, "cpu_count": os.cpu_count(),
        "distribution_s": round(t_dist, 2), "synthesis_s": round(t_syn, 2),
        "fit_s": round(t_fit, 2), "index_build_s": round(t_index, 2),
        "rss_growth_mb": round(rss1 - rss0, 1), "index_array_mb": round(arrays / 2**20, 1),
        "index_disk_mb": round(disk / 2**20, 1), "save_s": round(t_save, 2),
        "load_s": round(t_load, 2),
        "timings": {k: summary(v) for k, v in runs.items()},
        "ratio_vs_bm25_only": {k: round(statistics.median(v) / base, 2) for k, v in runs.items()},
    }
    print(json.dumps(report, indent=2))


if __name__ == "__main__":
    main()
