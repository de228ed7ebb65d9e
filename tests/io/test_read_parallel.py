"""Reading with several sandbox workers gives what one worker gives, in the same order.

``read_documents`` lends each chunk of ``BATCH_SIZE`` files to one of several workers;
these tests check the order, the batch report and the error policy against one worker, and
that a consumer that stops early leaves no worker running.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from skillmix.batch import BatchReport
from skillmix.errors import SkillmixError
from skillmix.io import read_documents
from skillmix.io.sandbox import BATCH_SIZE


@pytest.fixture
def mixed_batch(tmp_path: Path, build) -> list[Path]:
    """Three chunks and a bit: PDFs, DOCX, text, a truncated PDF and a missing file."""
    files: list[Path] = []
    for i in range(3 * BATCH_SIZE + 5):
        if i % 7 == 3:
            path = tmp_path / f"{i:03d}.docx"
            path.write_bytes(build.docx([f"Résumé {i}", "# Experience", f"Managed {i} social accounts."]))
        elif i % 5 == 1:
            path = tmp_path / f"{i:03d}.txt"
            path.write_text(f"Posting {i}\nRequirements\n- {i} years of SEO\n", encoding="utf-8")
        else:
            path = tmp_path / f"{i:03d}.pdf"
            path.write_bytes(build.pdf([f"Candidate {i}", "Experience", f"Led a team of {i % 9 + 2}."]))
        files.append(path)
    files[40].write_bytes(build.pdf(["truncated"])[:120])  # second chunk: a broken PDF
    files.insert(70, tmp_path / "missing.pdf")  # third chunk: a file that is not there
    return files


def _read(files: list[Path], workers: int) -> tuple[list[dict], BatchReport]:
    report = BatchReport()
    docs = [d.to_dict() for d in read_documents(files, workers=workers, report=report)]
    return docs, report


def test_several_workers_read_what_one_reads_in_the_same_order(mixed_batch) -> None:
    one, rep1 = _read(mixed_batch, 1)
    three, rep3 = _read(mixed_batch, 3)
    assert three == one
    assert [d["source"] for d in three] == [str(p) for p in mixed_batch
                                            if p.name != "missing.pdf" and p != mixed_batch[40]]
    assert (rep3.done, rep3.failed) == (rep1.done, rep1.failed) == (len(mixed_batch) - 2, 2)
    assert [(f.source, f.code) for f in rep3.failures] == [(f.source, f.code) for f in rep1.failures]
    assert [f.source for f in rep3.failures] == [str(mixed_batch[40]), str(mixed_batch[70])]


def test_raise_stops_at_the_first_failure_in_input_order(mixed_batch) -> None:
    seen = []
    with pytest.raises(SkillmixError) as info:
        for doc in read_documents(mixed_batch, workers=3, on_error="raise"):
            seen.append(doc.source)
    assert info.value.source == str(mixed_batch[40])
    assert seen == [str(p) for p in mixed_batch[:40]]


def _sandbox_children() -> list[int]:
    me = str(os.getpid())
    pids = []
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            stat = Path(f"/proc/{entry}/stat").read_text()
            cmd = Path(f"/proc/{entry}/cmdline").read_bytes()
        except OSError:
            continue
        if stat.rsplit(")", 1)[1].split()[1] == me and b"sandbox_worker" in cmd:
            pids.append(int(entry))
    return pids


@pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="needs /proc (Linux)")
def test_stopping_early_leaves_no_worker_running(mixed_batch) -> None:
    before = set(_sandbox_children())
    docs = read_documents(mixed_batch, workers=3)
    first = [next(docs) for _ in range(3)]
    assert len(set(_sandbox_children()) - before) >= 2  # a second worker was reading ahead
    docs.close()
    assert [d.source for d in first] == [str(p) for p in mixed_batch[:3]]
    assert set(_sandbox_children()) - before == set()


@pytest.mark.parametrize("workers", [0, -1, 1.5])
def test_a_bad_worker_count_is_a_coded_error(mixed_batch, workers) -> None:
    with pytest.raises(SkillmixError) as info:
        list(read_documents(mixed_batch[:2], workers=workers))
    assert info.value.code == "C027"
