"""Draw the seeded, stratified sample of postings to hand-label for the market classifier.

Why stratified: postings that need social media skills are rare (about one in ten on
LinkedIn, far fewer in the 2013 Adzuna file, which is mostly nursing), so a plain random
sample of 600 would hold too few positives to measure recall. Each corpus is split into
three strata by a deliberately broad word test, and the strata are sampled at different
rates; every sampled posting records its stratum's weight (postings in the stratum /
postings sampled from it), so a prevalence estimate over the labels can be reweighted to
the corpus. The word test only chooses WHICH postings are read; it never decides a label.

Strata: ``social`` (a social/platform/influencer/community-manager word anywhere),
``marketing`` (else a marketing/PR/content word), ``rest``.

Round 2 (``--round2``): every posting of Remotive and Adzuna not yet sampled whose title or
text still names social media once the phrases that are other things ("social care",
"social needs", ...) are blanked (``NAMED`` after ``NOT_SOCIAL``) is added, so that part of
the corpus becomes a census: its rows (old and new) get weight 1, and the rest of round 1's
``social`` stratum is reweighted over what remains. Same rule: the words choose what is
read, never the label.

Held-out round (``--heldout DIR``, session 3): a fresh set drawn from the postings no label
covers yet, read blind and frozen before any model sees it, so that the shipped model (whose
features were refined while reading errors on the 659 development labels) gets a figure on
postings nobody tuned on. Every posting that names social media is already labelled, so the
draw leans on ``PRACTICE`` words (community, engagement, blog, creators, digital PR...: the
practices of the trade without the words) to keep positives possible, plus a plain random
sample of the rest. Written to ``data/labels/heldout_sample.jsonl``, with weights.

Agreement round (``--agreement DIR``, session 3): 60 of the 659 development labels, drawn by
sampling stratum and word test only (LinkedIn: 20 whose text has a ``SOCIAL`` word, 10 not;
Remotive/Adzuna: 15 ``social``/``named_r2``, 8 ``marketing``, 7 ``rest``), leaving out the 60 of
the earlier double pass and the 26 labels the reader had seen, for a blind re-labelling
(``pass3_batch_*.txt``). On LinkedIn it measures two different readers.

LinkedIn areas round (``--linkedin-areas DIR``, session 4): 20 LinkedIn postings, a plain seeded
random draw among those the agreement round left out, re-read blind to the stored labels and
to any model output, to find area labels that contradict the guide (``pass4_batch_*.txt``).

Usage:
    python scripts/sample_market_labels.py            # writes data/labels/market_sample.jsonl
    python scripts/sample_market_labels.py --linkedin-areas DIR   # the LinkedIn areas draw
    python scripts/sample_market_labels.py --agreement DIR   # the agreement draw, text to DIR
    python scripts/sample_market_labels.py --heldout DIR   # the held-out draw, text to DIR
    python scripts/sample_market_labels.py --round2 --dump DIR
        # appends round 2 to market_sample.jsonl and writes its postings for reading
    python scripts/sample_market_labels.py --dump DIR --batch-chars 90000
        # also writes the sampled postings as plain-text batches for reading (no classifier
        # output is shown: only title, company and text)
"""

from __future__ import annotations

import argparse
import json
import os
import random
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("SKILLMIX_SHARED_DATA", ROOT.parent / "shared" / "data"))
SEED = 18
SOCIAL = re.compile(r"social|facebook|twitter|linkedin|instagram|tiktok|youtube|pinterest|snapchat|"
                    r"influencer|community manag|hootsuite|sprout", re.I)
MARKETING = re.compile(r"marketing|brand|campaign|\bseo\b|public relations|\bPR\b|advertis|content|"
                       r"digital media|copywrit|communications", re.I)
NAMED = re.compile(r"\bsocial\b|facebook|twitter|linkedin|instagram|tiktok|youtube|pinterest|hootsuite|sprout|"
                   r"influencer|community manag", re.I)
NOT_SOCIAL = re.compile(r"social work\w*|social care|social service\w*|social security|social skill\w*|"
                        r"social impact|social activit\w*|social event\w*|social inclusion|social enterprise|"
                        r"social housing|social club|social interaction", re.I)
PRACTICE = re.compile(r"\bcommunit(y|ies)\b|\bengagement\b|\bforums?\b|\bblog|online presence|online reputation|"
                      r"digital (marketing|media|pr|content|channels?|campaigns?)|online (marketing|campaigns?|content|"
                      r"channels?)|e-?marketing|\bseo\b|content creat|\bcreators?\b|\bugc\b|user.generated|\bviral\b|"
                      r"podcast|wordpress|\bdiscord\b|\breddit\b|web 2\.0|networking sites?|brand ambassador|"
                      r"word.of.mouth|\bvlog|\bmemes?\b|\bhashtag|\bfollowers\b|public relations|\bpr\b", re.I)
#: held-out draw: corpus -> {stratum: how many (None = all)}; ``h_practice`` = a PRACTICE word
#: other than "community" alone, ``h_community`` = only "community" (mostly care work in Adzuna)
HELDOUT = {"remotive": {"h_practice": None, "h_community": None, "h_rest": 16},
           "adzuna": {"h_practice": None, "h_community": 10, "h_rest": 40}}
#: corpus -> (file, {stratum: how many to draw; None = all})
PLAN = {
    "remotive": ("remotive_2025-04.jsonl", {"social": None, "marketing": 40, "rest": 40}),
    "adzuna": ("adzuna_uk_2013_sample.csv", {"social": 110, "marketing": 60, "rest": 75}),
}


def stratum(title: str | None, text: str) -> str:
    t = f"{title or ''}\n{text}"
    if SOCIAL.search(t):
        return "social"
    if MARKETING.search(t):
        return "marketing"
    return "rest"


def draw() -> list[dict]:
    from skillmix.io import read_corpus

    rows: list[dict] = []
    for source, (fname, sizes) in PLAN.items():
        postings = list(read_corpus(SHARED / "postings" / fname, preset=source, on_error="raise"))
        by: dict[str, list] = {}
        for p in postings:
            by.setdefault(stratum(p.title, p.text), []).append(p)
        rng = random.Random(f"{SEED}:{source}")
        for name in ("social", "marketing", "rest"):
            pool = sorted(by.get(name, []), key=lambda p: p.id)
            k = len(pool) if sizes[name] is None else min(sizes[name], len(pool))
            chosen = rng.sample(pool, k)
            for p in chosen:
                rows.append({"source": source, "id": p.id, "stratum": name,
                             "stratum_size": len(pool), "sampled": k,
                             "weight": round(len(pool) / k, 6), "company": p.company or ""})
    # the linkedin file is labelled in full (a census: weight 1)
    for p in read_corpus(SHARED / "postings" / "linkedin_2024-04_sample.csv", preset="linkedin"):
        rows.append({"source": "linkedin", "id": p.id, "stratum": "census", "stratum_size": 232,
                     "sampled": 232, "weight": 1.0, "company": p.company or ""})
    return rows


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--out", default=str(ROOT / "data" / "labels" / "market_sample.jsonl"))
    ap.add_argument("--dump", help="folder for plain-text reading batches")
    ap.add_argument("--batch-chars", type=int, default=90000)
    ap.add_argument("--double", metavar="DIR", help="draw the 60 postings to label a second time "
                    "(30 social, 15 marketing, 15 rest stratum) and write them to DIR for reading")
    ap.add_argument("--agreement", metavar="DIR", help="draw the agreement sample (see above), text to DIR")
    ap.add_argument("--heldout", metavar="DIR", help="draw the held-out set (see above), text to DIR")
    ap.add_argument("--round2", action="store_true", help="add round 2 (see above) to the sample")
    ap.add_argument("--linkedin-areas", metavar="DIR", help="draw the LinkedIn areas re-read (see above), text to DIR")
    args = ap.parse_args()
    if args.linkedin_areas:
        linkedin_areas(Path(args.linkedin_areas))
        return
    if args.round2:
        round2(Path(args.out), Path(args.dump) if args.dump else None)
        return
    if args.double:
        double(Path(args.double))
        return
    if args.heldout:
        heldout(Path(args.heldout))
        return
    if args.agreement:
        agreement(Path(args.agreement))
        return
    rows = draw()
    Path(args.out).write_text("".join(json.dumps(r) + "\n" for r in rows), "utf-8")
    if args.dump:
        from skillmix.io import read_corpus

        texts = {}
        for source, (fname, _) in PLAN.items():
            for p in read_corpus(SHARED / "postings" / fname, preset=source):
                texts[(source, p.id)] = p
        # reading order: shuffled across strata so the stratum is not on show
        todo = [r for r in rows if r["source"] != "linkedin"]
        random.Random(f"{SEED}:order").shuffle(todo)
        out = Path(args.dump)
        out.mkdir(parents=True, exist_ok=True)
        batch, size, n = [], 0, 0
        for r in todo + [None]:
            if r is not None:
                p = texts[(r["source"], r["id"])]
                block = (f"===== {r['source']}:{r['id']} | {p.title} | {p.company}\n"
                         + " ".join(p.text.split()) + "\n")
            if r is None or (batch and size + len(block) > args.batch_chars):
                (out / f"batch_{n:02d}.txt").write_text("".join(batch), "utf-8")
                n, batch, size = n + 1, [], 0
            if r is not None:
                batch.append(block)
                size += len(block)


def names_social(title: str | None, text: str) -> bool:
    """Round 2's word test: social media is named once the other "social" phrases are blanked."""
    return NAMED.search(NOT_SOCIAL.sub(" ", f"{title or ''}\n{text}")) is not None


def round2(out: Path, dump: Path | None) -> None:
    """Add every unsampled posting that names social media; reweight round 1's social stratum."""
    from skillmix.io import read_corpus

    rows = [json.loads(x) for x in out.read_text("utf-8").splitlines() if x.strip()]
    if any(r["stratum"] == "named_r2" for r in rows):
        raise SystemExit(f"{out}: round 2 is already in the sample")
    have = {(r["source"], r["id"]) for r in rows}
    new, texts = [], {}
    for source, (fname, _) in PLAN.items():
        postings = list(read_corpus(SHARED / "postings" / fname, preset=source, on_error="raise"))
        named = {p.id for p in postings if names_social(p.title, p.text)}
        texts.update({(source, p.id): p for p in postings})
        social = [p for p in postings if stratum(p.title, p.text) == "social"]
        rest_pool = [p for p in social if p.id not in named]
        rest_drawn = [r for r in rows if r["source"] == source and r["stratum"] == "social" and r["id"] not in named]
        for r in rows:
            if r["source"] == source and r["stratum"] == "social":
                r["weight"] = 1.0 if r["id"] in named else round(len(rest_pool) / max(len(rest_drawn), 1), 6)
        todo = sorted((p for p in postings if p.id in named and (source, p.id) not in have), key=lambda p: p.id)
        for p in todo:
            new.append({"source": source, "id": p.id, "stratum": "named_r2", "stratum_size": len(todo),
                        "sampled": len(todo), "weight": 1.0, "company": p.company or ""})
    rows += new
    out.write_text("".join(json.dumps(r) + "\n" for r in rows), "utf-8")
    print(f"round 2: {len(new)} postings added")
    if dump is not None:
        order = list(new)
        random.Random(f"{SEED}:round2").shuffle(order)
        dump.mkdir(parents=True, exist_ok=True)
        (dump / "round2.txt").write_text("".join(
            f"===== {r['source']}:{r['id']} | {texts[(r['source'], r['id'])].title} | "
            f"{texts[(r['source'], r['id'])].company}\n" + texts[(r["source"], r["id"])].text + "\n" for r in order), "utf-8")


def heldout_stratum(title: str | None, text: str) -> str:
    """``h_practice``, ``h_community`` or ``h_rest`` (see ``HELDOUT``)."""
    words = {m.group(0).lower() for m in PRACTICE.finditer(f"{title or ''}\n{text}")}
    if words - {"community", "communities"}:
        return "h_practice"
    return "h_community" if words else "h_rest"


def heldout(folder: Path) -> None:
    """The held-out draw from the postings that have no label yet; reading batches to ``folder``."""
    from skillmix.io import read_corpus

    labelled = ROOT / "data" / "labels" / "market_labels.jsonl"
    have = {(o["source"], str(o["job_id"])) for o in map(json.loads, labelled.read_text("utf-8").splitlines())}
    rows, texts = [], {}
    for source, sizes in HELDOUT.items():
        postings = [p for p in read_corpus(SHARED / "postings" / PLAN[source][0], preset=source, on_error="raise")
                    if (source, p.id) not in have]
        texts.update({(source, p.id): p for p in postings})
        rng = random.Random(f"{SEED}:heldout:{source}")
        for name, k in sizes.items():
            pool = sorted((p for p in postings if heldout_stratum(p.title, p.text) == name), key=lambda p: p.id)
            k = len(pool) if k is None else min(k, len(pool))
            for p in rng.sample(pool, k):
                rows.append({"source": source, "id": p.id, "stratum": name, "stratum_size": len(pool),
                             "sampled": k, "weight": round(len(pool) / k, 6), "company": p.company or ""})
    (ROOT / "data" / "labels" / "heldout_sample.jsonl").write_text(
        "".join(json.dumps(r) + "\n" for r in rows), "utf-8")
    order = list(rows)
    random.Random(f"{SEED}:heldout:order").shuffle(order)
    folder.mkdir(parents=True, exist_ok=True)
    for n in range(0, len(order), 10):
        (folder / f"heldout_{n // 10:02d}.txt").write_text("".join(
            f"===== {r['source']}:{r['id']} | {texts[(r['source'], r['id'])].title} | "
            f"{texts[(r['source'], r['id'])].company}\n" + " ".join(texts[(r["source"], r["id"])].text.split()) + "\n"
            for r in order[n:n + 10]), "utf-8")
    print(f"held-out draw: {len(rows)} postings")


AGREEMENT = {"li_social": 20, "li_rest": 10, "ra_social": 15, "ra_marketing": 8, "ra_rest": 7}


def agreement(folder: Path) -> None:
    """The agreement sample (see the module doc); the reader's labels never choose."""
    from skillmix.io import read_corpus

    labels = ROOT / "data" / "labels"
    keys = [(o["source"], str(o["job_id"])) for o in map(json.loads, (labels / "market_labels.jsonl").read_text("utf-8").splitlines())]
    seen = set(keys[:5]) | {tuple(x.split("|")[0].split(":", 1)) for x in
                            (labels / "raw" / "pass1_batch_00.txt").read_text("utf-8").splitlines() if x.strip()}
    double_ = {(o["source"], o["id"]) for o in map(json.loads, (labels / "double_sample.jsonl").read_text("utf-8").splitlines())}
    strata = {(o["source"], o["id"]): o["stratum"] for o in map(json.loads, (labels / "market_sample.jsonl").read_text("utf-8").splitlines())}
    texts = {}
    for source, fname in (("linkedin", "linkedin_2024-04_sample.csv"), ("remotive", PLAN["remotive"][0]),
                          ("adzuna", PLAN["adzuna"][0])):
        texts.update({(source, p.id): p for p in read_corpus(SHARED / "postings" / fname, preset=source)})

    def group(k: tuple[str, str]) -> str:
        if k[0] == "linkedin":
            return "li_social" if stratum(texts[k].title, texts[k].text) == "social" else "li_rest"
        st = strata[k]
        return "ra_social" if st in ("social", "named_r2") else f"ra_{st}"

    pool = [k for k in keys if k not in seen and k not in double_]
    rng = random.Random(f"{SEED}:agreement")
    chosen = []
    for name, k in AGREEMENT.items():
        chosen += [(x, name) for x in rng.sample(sorted(x for x in pool if group(x) == name), k)]
    rng.shuffle(chosen)
    (labels / "agreement_sample.jsonl").write_text(
        "".join(json.dumps({"source": s, "id": i, "group": g}) + "\n" for (s, i), g in chosen), "utf-8")
    folder.mkdir(parents=True, exist_ok=True)
    for n in range(0, len(chosen), 10):
        (folder / f"agree_{n // 10:02d}.txt").write_text("".join(
            f"===== {s}:{i} | {texts[(s, i)].title} | {texts[(s, i)].company}\n" + " ".join(texts[(s, i)].text.split()) + "\n"
            for (s, i), _ in chosen[n:n + 10]), "utf-8")


def linkedin_areas(folder: Path, k: int = 20) -> None:
    """The LinkedIn areas draw (see the module doc): random, seeded, never by label or model."""
    from skillmix.io import read_corpus

    labels = ROOT / "data" / "labels"
    done = {(o["source"], o["id"]) for o in map(json.loads, (labels / "agreement_sample.jsonl").read_text("utf-8").splitlines())}
    texts = {("linkedin", p.id): p for p in read_corpus(SHARED / "postings" / "linkedin_2024-04_sample.csv",
                                                       preset="linkedin")}
    pool = sorted(x for x in texts if x not in done)
    chosen = random.Random(f"{SEED}:linkedin_areas").sample(pool, k)
    (labels / "linkedin_areas_sample.jsonl").write_text(
        "".join(json.dumps({"source": s, "id": i}) + "\n" for s, i in chosen), "utf-8")
    folder.mkdir(parents=True, exist_ok=True)
    for n in range(0, len(chosen), 5):
        (folder / f"li_areas_{n // 5:02d}.txt").write_text("".join(
            f"===== {s}:{i} | {texts[(s, i)].title} | {texts[(s, i)].company}\n" + " ".join(texts[(s, i)].text.split())
            + "\n" for s, i in chosen[n:n + 5]), "utf-8")


def double(folder: Path) -> None:
    """The double-labelling sample: chosen by sampling stratum (never by a label), seeded."""
    from skillmix.io import read_corpus

    rows = [json.loads(x) for x in (ROOT / "data" / "labels" / "market_sample.jsonl").read_text("utf-8").splitlines()]
    rows = [r for r in rows if r["source"] != "linkedin"]
    rng = random.Random(f"{SEED}:double")
    chosen = []
    for name, k in (("social", 30), ("marketing", 15), ("rest", 15)):
        pool = sorted((r for r in rows if r["stratum"] == name), key=lambda r: (r["source"], r["id"]))
        chosen += rng.sample(pool, k)
    rng.shuffle(chosen)
    (ROOT / "data" / "labels" / "double_sample.jsonl").write_text(
        "".join(json.dumps({"source": r["source"], "id": r["id"], "stratum": r["stratum"]}) + "\n" for r in chosen),
        "utf-8")
    texts = {}
    for source, (fname, _) in PLAN.items():
        for p in read_corpus(SHARED / "postings" / fname, preset=source):
            texts[(source, p.id)] = p
    folder.mkdir(parents=True, exist_ok=True)
    batch, n = [], 0
    for i, r in enumerate(chosen):
        p = texts[(r["source"], r["id"])]
        batch.append(f"===== {r['source']}:{r['id']} | {p.title} | {p.company}\n" + " ".join(p.text.split()) + "\n")
        if len(batch) == 15 or i == len(chosen) - 1:
            (folder / f"double_{n:02d}.txt").write_text("".join(batch), "utf-8")
            batch, n = [], n + 1


if __name__ == "__main__":
    main()
