"""The files folder's sweep removes only documents' files a crash left (the shard layout
:meth:`FileStore.rel_for` makes), never what others keep in the folder (market runs)."""

from __future__ import annotations

from pathlib import Path

from skillmix.store.files import FileStore


def test_files_sweep_leaves_files_outside_the_shards_alone(tmp_path: Path) -> None:
    files = FileStore(tmp_path / "files")
    kept = files.put("doc_kept", b"a committed document", ".txt")
    lost = files.put("doc_lost", b"a document whose row never committed", ".txt")
    staged = files.stage("doc_half", b"half an upload", ".pdf")
    run = files.root / "market" / "job_0123456789abcdef"
    outputs = [run / "postings" / "part-000000.parquet", run / "report" / "report.html",
               run / "manifest.json", files.root / "market" / "ab"]
    for p in outputs:
        p.parent.mkdir(parents=True, exist_ok=True)
        p.write_bytes(b"market output")

    assert [p.relative_to(files.root).as_posix() for p in files.document_files()] == [
        f"{staged}.part", f"{kept}", f"{lost}"]
    counts = files.sweep(lambda rels: {r for r in rels if r == kept})
    assert counts == {"published": 0, "removed": 2}
    assert files.get(kept) == b"a committed document"
    assert all(p.read_bytes() == b"market output" for p in outputs)
    assert not (files.root / lost).exists()
    assert not (files.root / f"{staged}.part").exists()
