"""Partition planning: byte ranges of whole records that cover a corpus exactly once."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from skillmix.io import read_corpus
from skillmix.market.plan import describe_input, plan_partitions
from skillmix.market.worker import _row_offset, _shard, _source_row


def _read_all_via_partitions(path: Path, size: int, tmp: Path) -> list[tuple[int, str, str]]:
    cf = describe_input(0, path)
    out = []
    for spec in plan_partitions([cf], size):
        shard = _shard(spec, tmp)
        for p in read_corpus(shard, mapping=cf.mapping, on_error="raise"):
            out.append((_row_offset(spec) + _source_row(p.document.source), p.id, p.text))
        shard.unlink()
    return out


@pytest.mark.parametrize("name", ["c.csv", "c.jsonl"])
@pytest.mark.parametrize("size", [1, 7, 1000])
def test_plan_partitions_cover_every_record_once(corpus, tmp_path: Path, name: str, size: int) -> None:
    path = corpus(40, name=name)
    whole = [(i, p.id, p.text) for i, p in enumerate(read_corpus(path, on_error="raise"))]
    parts = _read_all_via_partitions(path, size, tmp_path / "shards")
    assert parts == whole
    specs = list(plan_partitions([describe_input(0, path)], size))
    assert sum(s.rows for s in specs) == 40
    assert all(a.end == b.start for a, b in zip(specs, specs[1:]))


_text = st.text(alphabet=st.sampled_from(list('ab ,"\n\r') + ["é"]), min_size=0, max_size=30)


@settings(max_examples=40, deadline=None)
@given(st.lists(st.tuples(_text, _text), min_size=1, max_size=25), st.integers(1, 6))
def test_plan_partitions_quoted_newlines_property(tmp_path_factory, cells, size) -> None:
    tmp = tmp_path_factory.mktemp("p")
    path = tmp / "q.csv"
    with path.open("w", encoding="utf-8", newline="") as fh:
        w = csv.writer(fh)
        w.writerow(["id", "title", "description"])
        for i, (title, desc) in enumerate(cells):
            w.writerow([f"r{i}", title, f"x{desc}"])
    cf = describe_input(0, path)
    specs = list(plan_partitions([cf], size))
    # csv's own count of records equals the planned count
    with path.open(encoding="utf-8", newline="") as fh:
        n = sum(1 for _ in csv.reader(fh)) - 1
    assert sum(s.rows for s in specs) == n == len(cells)
    ids = []
    for spec in specs:
        shard = _shard(spec, tmp / "s")
        with shard.open(encoding="utf-8", newline="") as fh:
            rows = list(csv.DictReader(fh))
        ids += [r["id"] for r in rows]
        assert len(rows) == spec.rows
    assert ids == [f"r{i}" for i in range(len(cells))]
