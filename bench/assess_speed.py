"""How fast are 1,000 extracted résumés scored against a profile?

Reads --sample real résumés from ``../shared/data/resumes/livecareer/`` (spread over the
categories), extracts them once, and cycles them to --n (default 1,000) inputs; reading and
extraction are not timed. Then, back to back in this process, it times:

* ``one-by-one`` (the baseline): ``assess(extraction, profile, document=doc)`` per résumé;
* ``assess_many``: the batch path (one score matrix, then a scorecard per résumé);
* ``assess_many detail=False``: scorecards without per-skill depth and gap questions;
* ``score_many``: the numbers only (fits and area coverage), from summaries made beforehand;
* ``summarise``: the evidence summaries alone, for reference.

Each is the best of --repeat runs, as wall time and as this process's CPU time; ratios
to the baseline use CPU time. The machine is shared by several engineers, so absolute
times are indicative only.

Usage::

    python bench/assess_speed.py [--n 1000] [--sample 120] [--profile NAME] [--repeat 3]
"""

from __future__ import annotations

import argparse
import sys
import time
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from skillmix.assess import assess, assess_many, load_profile, score_many, summarise  # noqa: E402
from skillmix.extract import get_extractor  # noqa: E402
from skillmix.batch import BatchReport  # noqa: E402
from skillmix.io import read_documents  # noqa: E402

TODAY = date(2026, 11, 1)


def sample_files(root: Path, k: int) -> list[Path]:
    cats = sorted(p for p in root.iterdir() if p.is_dir())
    per = max(1, k // max(1, len(cats)) + 1)
    files: list[Path] = []
    for cat in cats:
        files += sorted(cat.glob("*.pdf"))[:per]
    return files[:k]


def best_of(repeat: int, fn) -> tuple[float, float]:
    """Best wall time and best CPU time of this process over ``repeat`` runs (CPU time
    is steadier than wall time on a machine shared with other jobs)."""
    wall, cpu = [], []
    for _ in range(repeat):
        t0, c0 = time.perf_counter(), time.process_time()
        fn()
        wall.append(time.perf_counter() - t0)
        cpu.append(time.process_time() - c0)
    return min(wall), min(cpu)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--root", type=Path, default=ROOT.parent / "shared/data/resumes/livecareer")
    ap.add_argument("--n", type=int, default=1000)
    ap.add_argument("--sample", type=int, default=120)
    ap.add_argument("--profile", default="social-media-technologist")
    ap.add_argument("--repeat", type=int, default=3)
    args = ap.parse_args()

    ex = get_extractor("builtin")
    report = BatchReport()
    docs = list(read_documents(sample_files(args.root, args.sample), kind="resume",
                               sandbox=False, on_error="skip", report=report))
    base = [(ex.extract(d), d) for d in docs]
    pairs = [base[i % len(base)] for i in range(args.n)]
    mentions = sum(len(e.mentions) for e, _ in pairs) / len(pairs)
    profile = load_profile(args.profile)
    assess_many(pairs[:5], profile, today=TODAY)  # warm caches (taxonomy, compiled profile)

    t_one = best_of(args.repeat, lambda: [assess(e, profile, document=d, today=TODAY) for e, d in pairs])
    t_many = best_of(args.repeat, lambda: assess_many(pairs, profile, today=TODAY))
    t_lean = best_of(args.repeat, lambda: assess_many(pairs, profile, today=TODAY, detail=False))
    evs = [summarise(e, d, today=TODAY) for e, d in pairs]
    t_score = best_of(args.repeat, lambda: score_many(evs, profile))
    t_sum = best_of(args.repeat, lambda: [summarise(e, d, today=TODAY) for e, d in pairs])

    print(f"read {report.summary()}")
    print(f"{args.n} extracted résumés ({len(base)} distinct, {mentions:.0f} mentions each on "
          f"average), profile {profile.id}; best of {args.repeat}; shared machine")
    print(f"{'path':28} {'wall s':>7} {'cpu s':>7} {'cpu/résumé':>11} {'cpu vs one-by-one':>18}")
    for name, (w, c) in (("one-by-one assess (baseline)", t_one), ("assess_many", t_many),
                         ("assess_many detail=False", t_lean),
                         ("score_many (numbers only)", t_score), ("summarise only", t_sum)):
        print(f"{name:28} {w:7.3f} {c:7.3f} {c / args.n * 1e6:9.0f}µs {c / t_one[1]:17.2f}x")


if __name__ == "__main__":
    main()
