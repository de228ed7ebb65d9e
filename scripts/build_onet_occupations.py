"""Build the O*NET occupation data that skillmix.occupations ships (run from the repo root).

    python scripts/build_onet_occupations.py ../shared/data/taxonomies/onet

Writes, under src/skillmix/occupations/data/:
  onet_titles.tsv.gz    code, kind, title: every Occupation Data title, Alternate Title,
                        Short Title and Sample of Reported Titles row (O*NET 29.2)
  onet_profiles.tsv.gz  code, then "term:weight" pairs: the top tf-idf terms (raw counts
                        times idf) of each occupation's description, task statements,
                        technology examples and alternate/reported titles, for reading a
                        posting's text (skillmix.occupations.profiles)
Run it again to get byte-identical files from the same inputs.
"""

from __future__ import annotations

import csv
import gzip
import io
import math
import sys
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from skillmix.occupations.profiles import text_terms  # noqa: E402

TOP_TERMS = 150


def read(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f, delimiter="\t", quoting=csv.QUOTE_NONE))


def write_gz(path: Path, lines: list[str]) -> None:
    buf = io.BytesIO()
    with gzip.GzipFile(fileobj=buf, mode="wb", mtime=0, compresslevel=9) as g:
        g.write("\n".join(lines).encode("utf-8") + b"\n")
    path.write_bytes(buf.getvalue())


def main(src: Path) -> None:
    out = ROOT / "src/skillmix/occupations/data"
    occ = read(src / "Occupation Data.txt")
    titles: list[str] = [f"{r['O*NET-SOC Code']}\toccupation\t{r['Title']}" for r in occ]
    for r in read(src / "Alternate Titles.txt"):
        titles.append(f"{r['O*NET-SOC Code']}\talternate\t{r['Alternate Title']}")
        if r["Short Title"] and r["Short Title"] != "n/a":
            titles.append(f"{r['O*NET-SOC Code']}\tshort\t{r['Short Title']}")
    for r in read(src / "Sample of Reported Titles.txt"):
        titles.append(f"{r['O*NET-SOC Code']}\treported\t{r['Reported Job Title']}")
    write_gz(out / "onet_titles.tsv.gz", ["code\tkind\ttitle"] + titles)

    docs: dict[str, Counter[str]] = defaultdict(Counter)
    for r in occ:
        docs[r["O*NET-SOC Code"]].update(text_terms(r["Title"] + ". " + r["Description"]))
    for r in read(src / "Task Statements.txt"):
        docs[r["O*NET-SOC Code"]].update(text_terms(r["Task"]))
    # technology examples name products ("Microsoft Excel", "Intuit QuickBooks software");
    # words found in the examples of over a third of occupations ("software", "microsoft")
    # would otherwise wash out of every profile, so only the rest is kept from them
    tech: dict[str, Counter[str]] = defaultdict(Counter)
    for r in read(src / "Technology Skills.txt"):
        tech[r["O*NET-SOC Code"]].update(text_terms(r["Example"]))
    tech_df: Counter[str] = Counter()
    for c in tech.values():
        tech_df.update(c.keys())
    for code, c in tech.items():
        docs[code].update({t: k for t, k in c.items() if tech_df[t] <= len(occ) / 3})
    for e in titles[len(occ):]:
        code, _, title = e.split("\t", 2)
        docs[code].update(text_terms(title))
    df: Counter[str] = Counter()
    for c in docs.values():
        df.update(c.keys())
    n = len(docs)
    lines = ["code\tterms"]
    for code in sorted(docs):
        w = {t: k * math.log(n / df[t]) for t, k in docs[code].items() if df[t] < n}
        top = sorted(w.items(), key=lambda kv: (-kv[1], kv[0]))[:TOP_TERMS]
        norm = math.sqrt(sum(v * v for _, v in top)) or 1.0
        lines.append(code + "\t" + " ".join(f"{t}:{v / norm:.3f}" for t, v in top))
    write_gz(out / "onet_profiles.tsv.gz", lines)
    for name in ("onet_titles.tsv.gz", "onet_profiles.tsv.gz"):
        print(name, (out / name).stat().st_size, "bytes")


if __name__ == "__main__":
    main(Path(sys.argv[1] if len(sys.argv) > 1 else "../shared/data/taxonomies/onet"))
