"""The parsed-folder cache: reused while the reader is the same, keyed apart when it is
not, and the caches of another reader for the same folder are removed when a new one is
written (they could never be read again)."""

from __future__ import annotations

from pathlib import Path

from skillmix.match.labelled import _cache_file, read_labelled_folder


def _folder(root: Path) -> Path:
    for cat, name, text in (("DIGITAL-MEDIA", "a.txt", "Managed social media accounts for a retailer."),
                            ("CHEF", "b.txt", "Prepared meals and managed the kitchen staff.")):
        (root / cat).mkdir(parents=True, exist_ok=True)
        (root / cat / name).write_text(text, "utf-8")
    return root


def test_labelled_cache_is_reused_and_stale_ones_are_pruned(tmp_path: Path, monkeypatch) -> None:
    root = _folder(tmp_path / "cv")
    cache = tmp_path / "cache"
    first = read_labelled_folder(root, cache=cache)
    assert sorted(d.category for d in first) == ["CHEF", "DIGITAL-MEDIA"]
    (made,) = cache.glob("docs-*.pkl")
    assert made == _cache_file(root, "resume", cache)
    # another reader's cache of the same folder, and another folder's cache
    folder = made.name.split("-")[1]
    stale = cache / f"docs-{folder}-deadbeef.v1.pkl"
    stale.write_bytes(b"old")
    other = cache / "docs-0123456789abcdef-deadbeef.v1.pkl"
    other.write_bytes(b"other")
    calls = []
    import skillmix.io as io_pkg

    real = io_pkg.read_documents
    monkeypatch.setattr(io_pkg, "read_documents", lambda *a, **k: calls.append(1) or real(*a, **k))
    again = read_labelled_folder(root, cache=cache)
    assert [d.document.text for d in again] == [d.document.text for d in first] and not calls
    (root / "CHEF" / "c.txt").write_text("Ran the pastry section.", "utf-8")
    read_labelled_folder(root, cache=cache)
    assert calls and not stale.exists() and other.exists() and made.exists()


def test_labelled_cache_key_follows_the_reader(tmp_path: Path, monkeypatch) -> None:
    import skillmix.io.version as version

    root = _folder(tmp_path / "cv")
    before = _cache_file(root, "resume", tmp_path)
    monkeypatch.setattr(version, "reader_sha", lambda root=None: "another reader")
    after = _cache_file(root, "resume", tmp_path)
    assert before != after and before.name.split("-")[1] == after.name.split("-")[1]
