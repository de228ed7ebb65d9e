"""Pickled cache files: what is saved comes back, damage reads as None, and the garbage
collector is left as it was found."""

from __future__ import annotations

import gc
from pathlib import Path

from skillmix.cachefile import load_pickle, save_pickle


def test_cachefile_round_trip(tmp_path: Path) -> None:
    obj = {"a": (1, 2.5, "x"), "b": [frozenset({"y"})]}
    assert save_pickle(tmp_path / "sub" / "c.pkl", obj)
    assert load_pickle(tmp_path / "sub" / "c.pkl") == obj


def test_cachefile_missing_or_damaged_file_reads_as_none(tmp_path: Path) -> None:
    assert load_pickle(tmp_path / "none.pkl") is None
    path = tmp_path / "c.pkl"
    save_pickle(path, list(range(1000)))
    path.write_bytes(path.read_bytes()[:100])
    assert load_pickle(path) is None


def test_cachefile_leaves_the_collector_as_it_was(tmp_path: Path) -> None:
    path = tmp_path / "c.pkl"
    save_pickle(path, [1])
    assert gc.isenabled()
    load_pickle(path)
    load_pickle(tmp_path / "none.pkl")
    assert gc.isenabled()
    gc.disable()
    try:
        load_pickle(path)
        assert not gc.isenabled()
    finally:
        gc.enable()


def test_cachefile_unwritable_folder_is_false() -> None:
    assert save_pickle(Path("/dev/null/nowhere/c.pkl"), [1]) is False
