"""Fixtures for the market tests: small synthetic corpora whose truth is known.

Postings are generated from a few templates (social media duties, incidental "follow us"
mentions, social work, plain engineering) with a unique reference line each, so the
tests know which postings require social media skills, and exact or near copies can be
added on purpose. Nothing here reads ../shared/data.
"""

from __future__ import annotations

import csv
import json
import random
from pathlib import Path
from typing import Callable

import pytest

TEMPLATES = {
    "social_hidden": (
        "Marketing Coordinator",
        "About the role\nYou will join our marketing team.\nResponsibilities:\n"
        "Manage our social media channels and create content for Instagram and TikTok.\n"
        "Report on engagement and plan the content calendar.\nRequirements:\n"
        "3+ years of social media marketing experience.\nExperience with Python is a plus.",
        True,
    ),
    "social_title": (
        "Social Media Manager",
        "Responsibilities:\nLead our paid social campaigns on Facebook and LinkedIn.\n"
        "Requirements:\nExperience with social listening tools and Google Analytics.",
        True,
    ),
    "incidental": (
        "Software Engineer",
        "We build cloud software for retailers.\nRequirements:\nExperience with Python, "
        "AWS and Kubernetes.\nFollow us on LinkedIn and Twitter for news.",
        False,
    ),
    "social_work": (
        "Social Worker",
        "Provide social care support to adults in the community.\nRequirements:\n"
        "A social work degree and a driving licence.",
        False,
    ),
    "accounting": (
        "Staff Accountant",
        "Requirements:\nCPA preferred. Experience with month-end close and Excel.",
        False,
    ),
}

WORDS = ("alpha bravo charlie delta echo foxtrot golf hotel india juliet kilo lima mike "
         "november oscar papa quebec romeo sierra tango uniform victor whiskey xray").split()


def make_rows(n: int, seed: int = 7) -> list[dict[str, str]]:
    rng = random.Random(seed)
    names = sorted(TEMPLATES)
    rows = []
    for i in range(n):
        kind = names[i % len(names)]
        title, body, _ = TEMPLATES[kind]
        ref = " ".join(rng.choice(WORDS) for _ in range(12))
        month = 1 + (i * 7) % 6
        rows.append({
            "id": f"job-{i:06d}",
            "title": title,
            "description": f"{body}\nReference {i}: {ref}.",
            "company": f"Company {i % 13}",
            "location": "Remote",
            "date": f"2024-{month:02d}-{1 + i % 27:02d}",
            "kind": kind,
        })
    return rows


def write_corpus(rows: list[dict[str, str]], path: Path) -> Path:
    cols = ["id", "title", "description", "company", "location", "date"]
    if path.suffix == ".jsonl":
        with path.open("w", encoding="utf-8") as fh:
            for r in rows:
                fh.write(json.dumps({c: r[c] for c in cols}) + "\n")
    else:
        with path.open("w", encoding="utf-8", newline="") as fh:
            w = csv.writer(fh)
            w.writerow(cols)
            for r in rows:
                w.writerow([r[c] for c in cols])
    return path


@pytest.fixture
def corpus(tmp_path: Path) -> Callable[..., Path]:
    """``corpus(n, name="c.csv", rows=None)`` writes a synthetic corpus and returns its path."""

    def make(n: int = 60, name: str = "corpus.csv", rows: list[dict[str, str]] | None = None) -> Path:
        return write_corpus(rows if rows is not None else make_rows(n), tmp_path / name)

    return make


@pytest.fixture
def truth() -> Callable[[int], dict[str, bool]]:
    """``truth(n)``: posting id -> requires social media skills, for ``make_rows(n)``."""

    def get(n: int) -> dict[str, bool]:
        return {r["id"]: TEMPLATES[r["kind"]][2] for r in make_rows(n)}

    return get


@pytest.fixture
def rows() -> Callable[..., list[dict[str, str]]]:
    return make_rows


def table_rows(run_dir: Path, sql: str) -> list[tuple]:
    from skillmix.market import query

    return query(run_dir, sql)[1]


@pytest.fixture
def snapshot() -> Callable[[Path], dict[str, list[tuple]]]:
    """The content of a run's tables, sorted, for comparing two runs."""

    def snap(run_dir: Path) -> dict[str, list[tuple]]:
        return {
            "postings": table_rows(run_dir, "SELECT * EXCLUDE (corpus) FROM postings_all ORDER BY uid"),
            "mentions": table_rows(run_dir, "SELECT * FROM mentions_all ORDER BY uid, start, skill_id"),
            "duplicates": table_rows(run_dir, "SELECT * FROM duplicates ORDER BY uid"),
        }

    return snap
