"""Does the shipped market model call any *unlabelled* shared posting positive?

The market labels cover every shared posting that names social media (see docs/market.md);
the rest of the corpora are unlabelled. If the model flagged some of them, those would be
the first postings to read for an untuned estimate of its precision. This script runs the
shipped model, the keyword baseline and the rule classifier over every shared posting that
no label file in ``data/labels/`` (nor the shared LinkedIn labels) names, and prints how
many each flags, the model's highest probabilities, and how many unlabelled postings name
a platform or a social-media-adjacent word at all.

    python bench/market_unlabelled.py [--postings ../shared/data/postings] [--top 10]
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from skillmix.io import read_corpus  # noqa: E402
from skillmix.market.evaluate import keyword_verdict  # noqa: E402
from skillmix.market.learned import MarketModel  # noqa: E402
from skillmix.market.training import SOURCES, featurise, load_labelled_postings, predict  # noqa: E402

#: words a reader would look for before calling a posting negative without reading it
_ADJACENT = re.compile(r"facebook|twitter|linked ?in|instagram|youtube|tiktok|pinterest|\bblog|"
                       r"online communit|social network|social channel|community manag|tweet|"
                       r"influencer|digital marketing|\bseo\b", re.IGNORECASE)


def _labelled(postings: Path) -> set[str]:
    keys = set()
    files = [*sorted((ROOT / "data" / "labels").glob("*.jsonl")),
             postings / "linkedin_2024-04_sample_labels.jsonl"]
    for f in files:
        if not f.exists():
            continue
        for line in f.read_text("utf-8").splitlines():
            if line.strip():
                o = json.loads(line)
                if "job_id" in o or "id" in o:
                    keys.add(f"{o.get('source', 'linkedin')}:{o.get('job_id', o.get('id'))}")
    return keys


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--postings", type=Path, default=ROOT.parent / "shared/data/postings")
    ap.add_argument("--top", type=int, default=10)
    args = ap.parse_args()
    labelled = _labelled(args.postings)
    rows = []
    for source, (fname, preset) in sorted(SOURCES.items()):
        path = args.postings / fname
        if not path.exists():
            continue
        for p in read_corpus(path, preset=preset, on_error="skip"):
            if f"{source}:{p.id}" not in labelled:
                rows.append({"source": source, "job_id": p.id, "requires_social_media": False})
    if not rows:
        print("no unlabelled posting")
        return
    with tempfile.NamedTemporaryFile("w", suffix=".jsonl", delete=False) as fh:
        fh.write("\n".join(json.dumps(r) for r in rows) + "\n")
    items = load_labelled_postings(fh.name, args.postings)
    Path(fh.name).unlink()
    feats, rule_verdicts = featurise(items)
    model = MarketModel.load(None)
    learned = [predict(model, f) for f in feats]
    keyword = [keyword_verdict(lp.posting.title, lp.posting.text) for lp in items]
    adjacent = sum(1 for lp in items if _ADJACENT.search(f"{lp.posting.title}\n{lp.posting.text}"))
    by_source: dict[str, int] = {}
    for lp in items:
        by_source[lp.source] = by_source.get(lp.source, 0) + 1
    print(f"unlabelled postings: {len(items)} {by_source} (model {model.version})")
    print(f"flagged: learned {sum(v.requires for v in learned)}, keyword "
          f"{sum(v.requires for v in keyword)}, rules {sum(v.requires for v in rule_verdicts)}")
    print(f"naming a platform or an adjacent word: {adjacent}")
    top = sorted(zip(learned, items), key=lambda t: -t[0].score)[:args.top]
    for v, lp in top:
        print(f"  {v.score:.2e}  {lp.key}  {lp.posting.title[:70]}")


if __name__ == "__main__":
    main()
