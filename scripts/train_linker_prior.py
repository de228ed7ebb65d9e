"""Rebuild ``src/skillmix/link/data/prior_skillspan.csv``: how often job ads ask for each
ESCO concept, estimated from SkillSpan *train* spans.

    nice python scripts/train_linker_prior.py [--shared ../shared/data]

Every gold skill/knowledge span of ``benchmarks/skillspan/*_train.conll`` is linked with
the linker itself (no prior, fast static query encoder), and each concept is credited
1/rank for its top-3 places. The counts become a weak prior (``LinkerConfig.w_prior``)
that favours concepts job ads actually mention ("work in teams") over look-alikes
nobody asks for. No dev or test data is read.
"""

from __future__ import annotations

import argparse
import csv
import os
import time
from collections import Counter
from pathlib import Path

os.environ.setdefault("HF_HUB_OFFLINE", "1")

from skillmix.link.linker import EscoLinker, LinkerConfig  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "src" / "skillmix" / "link" / "data" / "prior_skillspan.csv"


def train_spans(path: Path) -> list[tuple[str, str]]:
    """(span, sentence) for every B/I run in either tag column."""
    out: list[tuple[str, str]] = []
    sent: list[list[str]] = []

    def flush() -> None:
        if not sent:
            return
        text = " ".join(r[0] for r in sent)
        for col in (1, 2):
            cur: list[str] = []
            for r in sent + [["", "O", "O"]]:
                tag = r[col] if len(r) > col else "O"
                if tag.startswith("B") or (tag == "O" and cur):
                    if cur:
                        out.append((" ".join(cur), text))
                    cur = [r[0]] if tag.startswith("B") else []
                elif tag.startswith("I"):
                    cur.append(r[0])
        sent.clear()

    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip():
            sent.append(line.split("\t"))
        else:
            flush()
    flush()
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--shared", type=Path, default=Path(os.environ.get("SKILLMIX_SHARED_DATA", ROOT.parent / "shared" / "data")))
    ap.add_argument("--out", type=Path, default=OUT)
    ap.add_argument("--query", default="static", choices=["static", "transformer"])
    args = ap.parse_args()
    t0 = time.perf_counter()
    linker = EscoLinker.load(query_encoder=args.query, config=LinkerConfig(w_prior=0.0))
    spans: list[tuple[str, str]] = []
    for f in sorted((args.shared / "benchmarks" / "skillspan").glob("*_train.conll")):
        spans.extend(train_spans(f))
    print(f"{len(spans)} train spans; linking...", flush=True)
    credit: Counter[str] = Counter()
    labels: dict[str, str] = {}
    for lo in range(0, len(spans), 256):
        part = spans[lo : lo + 256]
        ranked = linker.rank([s for s, _ in part], top_k=3)
        for rows in ranked:
            for rank, (uri, label, _score) in enumerate(rows, 1):
                credit[uri] += 1.0 / rank
                labels[uri] = label
    args.out.parent.mkdir(parents=True, exist_ok=True)
    with args.out.open("w", encoding="utf-8", newline="") as fh:
        w = csv.writer(fh)
        w.writerow(["conceptUri", "preferredLabel", "credit"])
        for uri, c in sorted(credit.items(), key=lambda kv: (-kv[1], kv[0])):
            w.writerow([uri, labels[uri], f"{c:.3f}"])
    print(f"wrote {args.out}: {len(credit)} concepts in {time.perf_counter() - t0:.0f}s")


if __name__ == "__main__":
    main()
