"""How close does a blind reader come to the expert readers, and what does that say about
the blind gold sets' precision estimate?

The blind gold sets (``bench/data/gold_fresh14`` ... ``gold_fresh19``) were read by readers
told to match the shared gold's experts, so the extractor's precision against them estimates
its precision against the experts on unseen documents only as well as those readers stand in
for the experts. ``bench/data/reader_check/gold.jsonl`` holds 12 shared-gold documents (8
résumés, 4 postings, drawn with seed 2026; ``selection.json``) annotated by such a reader
under the same brief, blind to the experts' lines for them. This script scores, per kind:

* the reader against the experts (how much they agree, and who credits more);
* the extractor against the experts and against the reader on the same documents (the
  extractor's rules were read from the shared gold's errors, so both are fits);
* of the extractor's credits the reader left out, how many the experts credit (``q``).

and prints the extractor's precision against the experts implied for the blind sets by
two readings: ``P_R + (1 - P_R) * q`` (q measured here, where the extractor is fitted, so
an upper end) and a model that only uses the reader's agreement with the experts (the
reader's precision and recall against them, the extractor's recall against the reader on
the blind sets, and the share ``rho`` of the experts' extra credits the extractor finds).
``rho`` is measured here, where the extractor is fitted to the experts, so the model is
also run at ``RHO_UNSEEN`` (0.4), an assumed lower value for unseen documents (a
judgement, not a measurement).

    python bench/reader_check.py [--reader FILE] [--gold DIR] [--blind-p 0.738 --blind-r 0.846]
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from skillmix.extract import get_extractor  # noqa: E402
from skillmix.extract.evaluate import credited_skills  # noqa: E402
from skillmix.io import read_document  # noqa: E402


#: an assumed share of the experts' extra credits the extractor finds on unseen documents
RHO_UNSEEN = 0.4


def _skills(path: Path) -> dict[str, set[str]]:
    return {o["doc"]: {s["id"] for s in o["skills"]}
            for o in map(json.loads, path.read_text("utf-8").splitlines()) if o}


def _pr(a: dict[str, set[str]], b: dict[str, set[str]], docs: list[str]) -> tuple[float, float]:
    """Precision and recall of ``a`` scored against ``b`` over ``docs``."""
    tp = sum(len(a[d] & b[d]) for d in docs)
    na, nb = sum(len(a[d]) for d in docs), sum(len(b[d]) for d in docs)
    return (tp / na if na else 0.0), (tp / nb if nb else 0.0)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--reader", type=Path, default=ROOT / "bench/data/reader_check/gold.jsonl")
    ap.add_argument("--gold", type=Path, default=ROOT.parent / "shared/data/gold")
    ap.add_argument("--blind-p", type=float, default=0.738,
                    help="extractor precision against the blind résumé readers (pooled)")
    ap.add_argument("--blind-r", type=float, default=0.846,
                    help="extractor recall against the blind résumé readers (pooled)")
    args = ap.parse_args()
    if not (args.gold / "gold.jsonl").exists():
        raise SystemExit(f"no expert gold at {args.gold}")
    reader = _skills(args.reader)
    experts = _skills(args.gold / "gold.jsonl")
    ex = get_extractor("builtin")
    found: dict[str, set[str]] = {}
    for doc in reader:
        kind = "resume" if doc.startswith("resume") else "posting"
        d = read_document(args.gold / "docs" / f"{doc}.txt", kind=kind, sandbox=False)
        found[doc] = set(credited_skills(ex.extract(d)))
    for kind in ("resume", "posting"):
        docs = sorted(d for d in reader if d.startswith(kind))
        rp, rr = _pr(reader, experts, docs)
        ep, er = _pr(found, experts, docs)
        xp, xr = _pr(found, reader, docs)
        left = sum(len(found[d] - reader[d]) for d in docs)
        left_e = sum(len((found[d] - reader[d]) & experts[d]) for d in docs)
        extra = sum(len(experts[d] - reader[d]) for d in docs)
        extra_c = sum(len((experts[d] - reader[d]) & found[d]) for d in docs)
        print(f"{kind}s ({len(docs)}): reader {sum(len(reader[d]) for d in docs)} credits, "
              f"experts {sum(len(experts[d]) for d in docs)}, extractor "
              f"{sum(len(found[d]) for d in docs)}")
        print(f"  reader vs experts:           P {rp:.3f} R {rr:.3f}")
        print(f"  extractor vs experts (fit):  P {ep:.3f} R {er:.3f}")
        print(f"  extractor vs reader (fit):   P {xp:.3f} R {xr:.3f}")
        q = left_e / left if left else 0.0
        rho = extra_c / extra if extra else 0.0
        print(f"  extractor credits the reader left out: {left}, the experts credit {left_e} "
              f"(q = {q:.2f}); expert credits the reader left out: {extra}, the extractor "
              f"finds {extra_c} (rho = {rho:.2f})")
        if kind == "resume":
            p_r, r_r = args.blind_p, args.blind_r
            upper = p_r + (1 - p_r) * q
            # in units of the experts' credits: the reader holds rr/rp of them, the extractor
            # finds r_r of the reader's, a share rp of those are the experts' too, plus rho of
            # the experts' credits the reader left out
            reader_n = rr / rp
            hit_r = r_r * reader_n
            size = hit_r / p_r
            lows = []
            for rh in (RHO_UNSEEN, rho):
                hit_e = hit_r * rp + rh * (1 - rr)
                lows.append((rh, hit_e / size, hit_e))
            print(f"  implied for the blind résumé sets (P {p_r:.3f} / R {r_r:.3f} against "
                  f"their readers): P against experts {upper:.3f} with q above (an upper end);")
            for rh, p_e, r_e in lows:
                print(f"    agreement model, rho {rh:.2f}: P {p_e:.3f}, R {r_e:.3f}")


if __name__ == "__main__":
    main()
