"""Pay extraction against job boards' structured pay fields, with a naive baseline.

1. **LinkedIn** (shared sample): postings with structured pay (min/max or med, period) whose
   text states it, i.e. the description shows the min, max or med figure after a "$" in any
   usual rendering (18, 18.00, 60,000, 60k). Range exactly right = low, high and period all
   equal the structured ones (a single figure must equal ``med_salary``, or min = max).
   Median absolute error of the annual mid-point (both sides annualised with the same
   2,080 h / 260 d / 52 wk convention). The fields are not always what the text says, so
   each of these postings' pay was also coded by reading its text
   (``bench/data/pay_linkedin_read.jsonl``) and the parser is scored against that too.
2. **Adzuna** (shared sample): ``SalaryRaw`` parsed as a pay field (``assume_pay``; the
   export drops currency symbols) against ``SalaryNormalized`` (Adzuna's annual mid-point).
   Adzuna annualises hours at 1,920 a year (40 h x 48 wk; e.g. "8.15 per hour" -> 15,648), so
   the figures use ``PaySettings(hours_per_year=1920, days_per_year=240, weeks_per_year=48)``;
   the default 2,080 convention is shown too. Exact = within 1 of the normalised figure.
   Even rows were read for errors while writing the rules; odd rows never were.

Baseline in the same run: the first one or two currency figures in the text joined by a dash,
period read from the size of the figure.

Usage:
    PYTHONPATH=src python bench/pay_eval.py [--json]
"""

from __future__ import annotations

import argparse
import csv
import json
import os
import re
import statistics
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("SKILLMIX_SHARED_DATA", ROOT.parent / "shared" / "data"))
csv.field_size_limit(sys.maxsize)

PERIOD = {"HOURLY": "hour", "YEARLY": "year", "MONTHLY": "month", "WEEKLY": "week", "DAILY": "day"}
_BASE = re.compile(r"[$£]\s?(\d[\d,]*(?:\.\d+)?)\s?([kK])?(?:\s*(?:-|–|to)\s*[$£]?\s?(\d[\d,]*(?:\.\d+)?)\s?([kK])?)?")


def _f(x: str) -> float | None:
    return float(x) if x not in ("", None) else None


def renders(v: float) -> list[str]:
    out = {f"{v:.2f}", f"{v:g}"}
    if v == int(v):
        out |= {f"{v:,.0f}", f"{v:.0f}", f"{v:,.2f}"}
        if v >= 1000 and v % 1000 == 0:
            out |= {f"{v / 1000:g}k", f"{v / 1000:g}K"}
    return sorted(out, key=len, reverse=True)


def states(text: str, v: float | None) -> bool:
    """The text shows ``v`` after a "$"; a comma right after the figure is punctuation, not
    a thousands mark ("$60,000 to $80,000, plus bonus")."""
    if v is None:
        return False
    return any(re.search(r"\$\s?" + re.escape(r) + r"(?!\d|,\d)", text) for r in renders(v))


def states_k_range(text: str, lo: float | None, hi: float | None) -> bool:
    """The text shows the range in the "$200-400k" form (no figure of it stands alone)."""
    if lo is None or hi is None or lo % 1000 or hi % 1000:
        return False
    return re.search(rf"\$\s?{lo / 1000:g}\s?(?:-|–|to)\s?\$?{hi / 1000:g}\s?[kK]\b", text) is not None


def read_truth() -> dict[str, dict]:
    """Pay coded by reading the LinkedIn texts (``bench/data/pay_linkedin_read.jsonl``)."""
    path = ROOT / "bench/data/pay_linkedin_read.jsonl"
    return {d["document"]: d for d in map(json.loads, path.open(encoding="utf-8"))}


def matches(p, truth: dict) -> bool:
    """The parsed pay equals what the text states (or one of the other pays it states);
    a text stating no pay is matched by finding none."""
    if truth["low"] is None:
        return p is None or p.low is None
    if p is None or p.low is None:
        return False
    got = (p.low, p.high if p.high is not None else p.low, p.period)
    return any(got == (lo, hi, period) for lo, hi, period in [(truth["low"], truth["high"], truth["period"]), *truth["also"]])


def baseline(text: str):
    from skillmix.pay.extract import _infer_period

    m = _BASE.search(text)
    if not m:
        return None
    lo = float(m.group(1).replace(",", "")) * (1000 if m.group(2) else 1)
    hi = float(m.group(3).replace(",", "")) * (1000 if m.group(4) else 1) if m.group(3) else None
    return lo, hi, _infer_period(hi or lo)


class _BaselinePay:
    """The baseline's (low, high, period) in the shape ``matches`` reads."""

    def __init__(self, low: float, high: float | None, period: str) -> None:
        self.low, self.high, self.period = low, high, period


def main() -> None:
    from skillmix.pay import PaySettings, posting_pay

    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--json", action="store_true")
    ap.add_argument("--errors", action="store_true", help="print the LinkedIn misses")
    args = ap.parse_args()
    us = PaySettings()
    report: dict[str, object] = {}

    rows = list(csv.DictReader((SHARED / "postings/linkedin_2024-04_sample.csv").open(encoding="utf-8")))
    items = []
    for r in rows:
        period = PERIOD.get(r["pay_period"])
        lo, hi, med = _f(r["min_salary"]), _f(r["max_salary"]), _f(r["med_salary"])
        if period is None or (lo is None and hi is None and med is None):
            continue
        text = r["description"] + "\n" + (r.get("skills_desc") or "")
        if states(text, lo) or states(text, hi) or states(text, med) or states_k_range(text, lo, hi):
            items.append((r, text, lo, hi, med, period))
    truth = read_truth()
    missing = [r["job_id"] for r, *_ in items if r["job_id"] not in truth]
    if missing:
        raise SystemExit(f"bench/data/pay_linkedin_read.jsonl lacks postings {missing}: code them by reading")
    ok = ok_base = ok_both = n_both = ok_read = ok_read_base = agree = ok_agree = 0
    errs, errs_base, misses = [], [], []
    for r, text, lo, hi, med, period in items:
        both = ((states(text, lo) and states(text, hi)) or states_k_range(text, lo, hi)) if lo is not None else states(text, med)
        gold_lo, gold_hi = (lo, hi) if lo is not None else (med, med)
        gold_mid = (gold_lo + gold_hi) / 2 * us.per_year(period)
        p = posting_pay(text)
        t = truth[r["job_id"]]
        ok_read += matches(p, t)
        fields_right = t["low"] is not None and (t["low"], t["high"], t["period"]) == (gold_lo, gold_hi, period)
        agree += fields_right
        ok_agree += fields_right and matches(p, t)
        if p is not None and p.low is not None:
            p_hi = p.high if p.high is not None else p.low
            right = p.low == gold_lo and p_hi == gold_hi and p.period == period
            ok += right
            ok_both += right and both
            errs.append(abs(p.annual_mid - gold_mid))
            if not right:
                misses.append((r["job_id"], (gold_lo, gold_hi, period), (p.low, p.high, p.period), p.surface))
        else:
            misses.append((r["job_id"], (gold_lo, gold_hi, period), None, None))
        n_both += both
        b = baseline(text)
        ok_read_base += matches(None if b is None else _BaselinePay(*b), t)
        if b:
            b_hi = b[1] if b[1] is not None else b[0]
            ok_base += b[0] == gold_lo and b_hi == gold_hi and b[2] == period
            errs_base.append(abs((b[0] + b_hi) / 2 * us.per_year(b[2]) - gold_mid))
    n = len(items)
    structured = sum(1 for r in rows if PERIOD.get(r["pay_period"]) and (r["min_salary"] or r["med_salary"]))
    no_struct = [r for r in rows if not (r["min_salary"] or r["max_salary"] or r["med_salary"])]
    found_no_struct = sum(1 for r in no_struct if (p := posting_pay(r["description"])) is not None and p.low is not None)
    report["linkedin"] = {
        "postings": len(rows), "with_structured_pay": structured, "text_states_pay": n,
        "skillmix": {"range_exact": ok / n, "found": len(errs) / n,
                     "median_abs_error_annual": statistics.median(errs) if errs else None},
        "baseline": {"range_exact": ok_base / n, "found": len(errs_base) / n,
                     "median_abs_error_annual": statistics.median(errs_base) if errs_base else None},
        "figure_found_without_structured_pay": f"{found_no_struct}/{len(no_struct)}",
        "text_states_both_ends": n_both, "skillmix_range_exact_when_both_stated": ok_both / n_both,
        "against_read_truth": {"skillmix": ok_read / n, "baseline": ok_read_base / n},
        "fields_agree_with_text": agree,
        "skillmix_range_exact_where_fields_agree_with_text": ok_agree / agree,
    }

    az = list(csv.DictReader((SHARED / "postings/adzuna_uk_2013_sample.csv").open(encoding="utf-8")))
    uk = PaySettings(hours_per_year=1920, days_per_year=240, weeks_per_year=48, default_currency="GBP")
    out: dict[str, object] = {"postings": len(az)}
    for name, cfg, rows_ in (("skillmix (1,920 h/yr, Adzuna's convention)", uk, az),
                             ("  even rows (read for errors)", uk, az[0::2]),
                             ("  odd rows (never read)", uk, az[1::2]),
                             ("skillmix (2,080 h/yr default)", us, az)):
        exact, errs, found = 0, [], 0
        for r in rows_:
            gold = float(r["SalaryNormalized"])
            p = posting_pay(r["SalaryRaw"], cfg, assume_pay=True)
            if p is None or p.low is None:
                continue
            found += 1
            errs.append(abs(p.annual_mid - gold))
            exact += abs(p.annual_mid - gold) <= 1
        out[name] = {"exact": exact / len(rows_), "found": found / len(rows_), "n": len(rows_),
                     "median_abs_error_annual": statistics.median(errs)}
    exact, errs = 0, []
    for r in az:
        b = baseline("£" + r["SalaryRaw"])
        if b:
            b_hi = b[1] if b[1] is not None else b[0]
            e = abs((b[0] + b_hi) / 2 * uk.per_year(b[2]) - float(r["SalaryNormalized"]))
            errs.append(e)
            exact += e <= 1
    out["baseline (1,920 h/yr)"] = {"exact": exact / len(az), "found": len(errs) / len(az),
                                    "median_abs_error_annual": statistics.median(errs)}
    report["adzuna"] = out

    if args.json:
        print(json.dumps(report, indent=2))
        return
    li = report["linkedin"]
    print(f"LinkedIn: {li['postings']} postings, {li['with_structured_pay']} with structured pay, "
          f"{li['text_states_pay']} whose text states it")
    for m in ("skillmix", "baseline"):
        s = li[m]
        print(f"  {m:40} range exact {s['range_exact']:.3f}  found {s['found']:.3f}  "
              f"median |annual error| {s['median_abs_error_annual']:.0f}")
    print(f"  when the text states both ends ({li['text_states_both_ends']} postings): skillmix range exact "
          f"{li['skillmix_range_exact_when_both_stated']:.3f}")
    print(f"  against the pay the text states, coded by reading: skillmix {li['against_read_truth']['skillmix']:.3f}, "
          f"baseline {li['against_read_truth']['baseline']:.3f}")
    print(f"  the structured fields equal what the text states in {li['fields_agree_with_text']} of {li['text_states_pay']}; "
          f"on those, skillmix range exact {li['skillmix_range_exact_where_fields_agree_with_text']:.3f}")
    print(f"  a figure found in postings without structured pay: {li['figure_found_without_structured_pay']}")
    print(f"Adzuna: {out['postings']} SalaryRaw strings vs SalaryNormalized")
    for name, s in out.items():
        if isinstance(s, dict):
            print(f"  {name:40} exact {s['exact']:.3f}  found {s['found']:.3f}  "
                  f"median |annual error| {s['median_abs_error_annual']:.0f}")
    if args.errors:
        for m in misses:
            print(m)


if __name__ == "__main__":
    main()
