"""How long a user waits for a folder of PDF résumés, on two source trees (A/B).

Reading PDFs is most of the time of ``skillmix rank --job POSTING RESUMES...`` (and of
``extract`` or ``assess`` on a folder): each file is parsed in a sandboxed worker process.
This times, on tree A and tree B in turn (A, B, B, A, ...), each in a fresh process with
the tree's ``src`` first on ``sys.path``:

* ``read``: ``read_documents`` over the PDFs (tree B also with ``workers=1``, which
  separates the faster page text from the parallel workers);
* ``rank``: ``skillmix rank --job`` the demo posting over the same PDFs, end to end.

For each it prints the median wall time, the CPU time of the process and its children, B's
speed-up as A's wall time over B's (median, and the range over the pairs), and whether both
trees produced the same output: a digest of every document's ``to_dict()`` for ``read``,
of the ranking's JSON lines for ``rank``.

    python bench/read_ab.py --a START/src [--b src] [--limit N] [--pairs 2]

The PDFs are the LiveCareer résumés in ``../shared/data/resumes/livecareer`` (1,274 files,
one without a text layer).
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import statistics
import sys
import tempfile
from pathlib import Path

from ab_trees import CLI, compile_trees, timed

ROOT = Path(__file__).resolve().parents[1]
POSTING = ROOT / "src" / "skillmix" / "demo" / "posting.html"

_READ = """
import hashlib, json, sys
sys.path.insert(0, sys.argv[1])
from skillmix.io import read_documents
files = open(sys.argv[2]).read().split("\\n")
kw = {} if sys.argv[3] == "default" else {"workers": int(sys.argv[3])}
h = hashlib.sha256()
n = 0
for doc in read_documents(files, kind="resume", **kw):
    h.update(json.dumps(doc.to_dict(), sort_keys=True).encode())
    n += 1
print(n, h.hexdigest()[:12])
"""

def run(argv: list[str], out: Path | None = None) -> tuple[float, float, str]:
    """Wall seconds, CPU seconds (the process and its own children) and an output digest."""
    wall, cpu, done = timed([sys.executable, *argv])
    digest = (hashlib.sha256(out.read_bytes()).hexdigest()[:12] if out is not None
              else done.stdout.decode().strip())
    return wall, cpu, digest


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--a", type=Path, required=True, help="baseline tree's src")
    ap.add_argument("--b", type=Path, default=ROOT / "src", help="tree to compare's src")
    ap.add_argument("--resumes", type=Path, default=ROOT.parent / "shared/data/resumes/livecareer")
    ap.add_argument("--limit", type=int, default=0, help="use the first N PDFs (0: all)")
    ap.add_argument("--pairs", type=int, default=2)
    args = ap.parse_args()
    compile_trees(args.a, args.b)
    pdfs = sorted(args.resumes.glob("*/*.pdf"))
    if not pdfs:
        raise SystemExit(f"no PDFs under {args.resumes}")
    if args.limit:
        pdfs = pdfs[: args.limit]
    tmp = Path(tempfile.mkdtemp(prefix="skillmix-read-ab-"))
    listing = tmp / "files.txt"
    listing.write_text("\n".join(map(str, pdfs)))
    ranked = tmp / "ranked.jsonl"

    def read(src: Path, workers: str) -> tuple[float, float, str]:
        return run(["-c", _READ, str(src), str(listing), workers])

    def rank(src: Path) -> tuple[float, float, str]:
        return run(["-c", CLI, str(src), "rank", "--job", str(POSTING), *map(str, pdfs), "--top", "20",
                    "--jsonl", "-o", str(ranked), "--quiet"], out=ranked)

    cases = {
        "read (B: default workers)": (lambda: read(args.a, "default"), lambda: read(args.b, "default")),
        "read (B: one worker)": (lambda: read(args.a, "default"), lambda: read(args.b, "1")),
        "rank --job (end to end)": (lambda: rank(args.a), lambda: rank(args.b)),
    }
    run(["-c", CLI, str(args.a), "--help"]), run(["-c", CLI, str(args.b), "--help"])  # warm caches
    report: dict[str, object] = {"pdfs": len(pdfs), "cpus": len(os.sched_getaffinity(0))}
    for name, (fa, fb) in cases.items():
        a_runs, b_runs = [], []
        for i in range(args.pairs):
            for which in (("a", "b") if i % 2 == 0 else ("b", "a")):
                (a_runs if which == "a" else b_runs).append(fa() if which == "a" else fb())
        a_wall = [r[0] for r in a_runs]
        b_wall = [r[0] for r in b_runs]
        ratios = [a / b for a, b in zip(a_wall, b_wall)]
        report[name] = {
            "a_s": round(statistics.median(a_wall), 2), "b_s": round(statistics.median(b_wall), 2),
            "a_cpu_s": round(statistics.median(r[1] for r in a_runs), 2),
            "b_cpu_s": round(statistics.median(r[1] for r in b_runs), 2),
            "x": round(statistics.median(a_wall) / statistics.median(b_wall), 2),
            "x_range": [round(min(ratios), 2), round(max(ratios), 2)],
            "same_output": len({r[2] for r in a_runs + b_runs}) == 1,
            "digests": sorted({r[2] for r in a_runs + b_runs}),
        }
    report["load_1min"] = round(os.getloadavg()[0], 2)
    print(json.dumps(report, indent=2, ensure_ascii=False))


if __name__ == "__main__":
    main()
