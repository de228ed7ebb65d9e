"""The demo as a story a person reads in one screen (``skillmix demo``).

The article's argument in four steps, on the bundled samples: what the posting's skill
mix is; how a professional candidate and a consumer-only one (the "intern" mistake) score
against the role, and why; how they rank for the posting, with one reason each; and where
to go next. Every candidate is named by its file name, every skill by its label, and every
score a person reads is on one 0-100 scale, formatted as ``skillmix assess`` and
``skillmix rank`` format it.
"""

from __future__ import annotations

from ..records import Match, Scorecard
from . import DemoResult

__all__ = ["demo_story", "name_of", "score_100"]

_WIDTH = 110


def name_of(source: str) -> str:
    """A document's file name (how every table names a candidate)."""
    return source.replace("\\", "/").rsplit("/", 1)[-1] or source


def score_100(value: float) -> str:
    """A 0-1 ranking score on the 0-100 scale, as ``skillmix rank`` prints it."""
    return f"{100 * value:.1f}"


def _clip(text: str, width: int = _WIDTH) -> str:
    """One line of at most ``width`` characters (line breaks become spaces)."""
    text = " ".join(text.splitlines()).replace("\t", " ")
    return text if len(text) <= width else text[: width - 1] + "…"


def _area_labels(cards: list[Scorecard]) -> dict[str, str]:
    return {a.area: a.label for c in cards for a in c.areas}


def _skill_mix(result: DemoResult, labels: dict[str, str]) -> list[str]:
    posting, ext = result.extractions[0]
    seen: dict[str, list[str]] = {}
    for m in ext.mentions:
        if m.negated or m.area is None:
            continue
        names = seen.setdefault(m.area, [])
        if m.label not in names:
            names.append(m.label)
    total = sum(len(v) for v in seen.values())
    out = [f"1. What the posting asks for ({name_of(posting.source)}): {total} skills in "
           f"{len(seen)} areas"]
    for area, names in sorted(seen.items(), key=lambda kv: -len(kv[1])):
        shown = ", ".join(names[:5]) + (f", +{len(names) - 5} more" if len(names) > 5 else "")
        out.append(_clip(f"   {labels.get(area, area)} ({len(names)}): {shown}"))
    return out


def _why_low(card: Scorecard) -> list[str]:
    order = {"high": 0, "medium": 1, "low": 2}
    flags = sorted(card.red_flags, key=lambda f: order[f.severity])
    if not flags:
        return []
    flag = flags[0]
    out = [_clip(f"   Why {name_of(card.source)} scores low: {flag.message}", 2 * _WIDTH)]
    quotes = [e.sentence or e.surface for e in flag.evidence[:2]]
    if quotes:
        out.append(_clip("     evidence: " + " / ".join(f'"{q.strip()}"' for q in quotes)))
    if flag.question:
        out.append(_clip(f"     ask them: {flag.question}", 2 * _WIDTH))
    return out


def _assessment(cards: list[Scorecard]) -> list[str]:
    if not cards:
        return []
    out = [f"2. Two candidates against the role profile '{cards[0].profile}' (fit 0-100)"]
    width = max(len(name_of(c.source)) for c in cards)
    for c in cards:
        mix = ("not enough evidence on either side to weigh the mix" if c.balance.leans == "none" else
               f"{100 * c.balance.tech_share:.0f}% technology, {c.balance.leans}")
        focus = f"; {c.focus.label.lower()} x{c.focus.factor:.2f}" if c.focus is not None else ""
        out.append(f"   {name_of(c.source):<{width}}  fit {c.fit:5.1f}   {mix}{focus}; "
                   f"{c.total_years:.1f} years of dated experience")
    low = min(cards, key=lambda c: c.fit)
    return out + _why_low(low)


def _reason(m: Match) -> str:
    found = [s for s in m.skills if s.kind != "missing" and s.candidate_evidence is not None]
    if found:
        best = max(found, key=lambda s: s.credit * s.demand)
        ev = best.candidate_evidence
        assert ev is not None
        how = "" if best.kind == "exact" else f" (near: {best.via})" if best.via else " (near)"
        quote = " ".join((ev.sentence or ev.surface).split())
        return f'best evidence for {best.label}{how}: "{quote}"'
    missing = [s.label for s in m.skills if s.kind == "missing"]
    if missing:
        return "none of the posting's skills shown; missing " + ", ".join(missing[:4])
    return "no skill of the posting found"


def _ranking(result: DemoResult, names: dict[str, str]) -> list[str]:
    if result.ranking is None:
        return []
    out = ["3. Ranked for the posting (score 0-100), with one reason each"]
    width = max((len(names.get(m.id, m.id)) for m in result.ranking.results), default=0)
    for m in result.ranking.results:
        out.append(_clip(f"   {m.rank}. {names.get(m.id, m.id):<{width}}  {score_100(m.score):>5}  "
                         f"{_reason(m)}", 2 * _WIDTH))
    return out


def demo_story(result: DemoResult) -> list[str]:
    """The demo's lines (under 40), from what :func:`~skillmix.demo.run_demo` found."""
    cards = list(result.scorecards)
    labels = _area_labels(cards)
    names: dict[str, str] = {doc.id: name_of(doc.source) for doc, _ in result.extractions[1:]}
    lines: list[str] = [
        "skillmix demo: a social media technologist posting and two fictional candidates",
        "",
        *_skill_mix(result, labels),
        "",
        *_assessment(cards),
        "",
        *_ranking(result, names),
        *[f"   {note}" for note in result.notes],
        "",
        "4. Next, on your own files",
        "   skillmix extract POSTINGS... --jsonl -o skills.jsonl   skills with evidence, a line each",
        "   skillmix assess RESUMES... --markdown cards/            a scorecard per résumé",
        "   skillmix rank --job POSTING RESUMES...                 ranking with explanations",
        "   Guides: docs/extract.md, docs/assess.md, docs/match.md",
    ]
    return lines
