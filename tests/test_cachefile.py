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


def test_cachefile_ignores_a_pickle_others_could_have_written(tmp_path: Path) -> None:
    """Unpickling runs code: a file others can write, or one in a folder others can write
    (without the sticky bit), is ignored and built again."""
    folder = tmp_path / "cache"
    path = folder / "c.pkl"
    assert save_pickle(path, [1, 2])
    assert load_pickle(path) == [1, 2]
    path.chmod(0o666)
    assert load_pickle(path) is None
    path.chmod(0o600)
    folder.chmod(0o777)
    assert load_pickle(path) is None
    folder.chmod(0o1777)  # like /tmp: others cannot replace our file
    assert load_pickle(path) == [1, 2]
    folder.chmod(0o755)
    assert load_pickle(path) == [1, 2]


def test_cachefile_ignores_a_pickle_owned_by_someone_else(tmp_path: Path) -> None:
    import os

    import pytest

    if os.geteuid() != 0:
        pytest.skip("only root can give a file away")
    path = tmp_path / "c.pkl"
    save_pickle(path, [1])
    os.chown(path, 65534, 65534)
    assert load_pickle(path) is None
    os.chown(path, 0, 0)
    assert load_pickle(path) == [1]


def test_vocabulary_cache_written_by_someone_else_is_rebuilt(tmp_path: Path, monkeypatch) -> None:
    """The compiled vocabulary's pickle obeys the same rule: a world-writable one is never
    unpickled. The planted pickle would create a file if it were loaded."""
    import pickle

    from skillmix.extract import vocabulary

    cache = tmp_path / "cache"
    cache.mkdir()
    monkeypatch.setenv("SKILLMIX_CACHE_DIR", str(cache))
    vocabulary._LOADED.clear()
    first = vocabulary.Vocabulary.load_or_build("builtin")
    (cached,) = cache.glob("vocab-*.pkl")
    marker = tmp_path / "ran"

    class Planted:
        def __reduce__(self):
            return (open, (str(marker), "w"))

    cached.write_bytes(pickle.dumps(Planted()))
    cached.chmod(0o666)
    vocabulary._LOADED.clear()
    again = vocabulary.Vocabulary.load_or_build("builtin")
    assert not marker.exists()
    assert again.key == first.key and len(again.entries) == len(first.entries)
    cached.write_bytes(pickle.dumps(Planted()))
    cached.chmod(0o600)  # the same file, ours alone: it is read (and is no vocabulary)
    vocabulary._LOADED.clear()
    vocabulary.Vocabulary.load_or_build("builtin")
    assert marker.exists()


def test_cachefile_refuses_links_and_folders_of_other_users(tmp_path: Path) -> None:
    """The review's bypass: a folder owned by another account (mode 0755) lets that account
    swap our file for a link to its own pickle between a check and the read. Such a folder
    is refused, and a symbolic link is never followed; the checks are made on the opened
    file."""
    import os

    import pytest

    real = tmp_path / "real.pkl"
    save_pickle(real, [1])
    link = tmp_path / "link.pkl"
    link.symlink_to(real)
    assert load_pickle(real) == [1]
    assert load_pickle(link) is None
    hard = tmp_path / "hard.pkl"
    os.link(real, hard)  # a second name: could be another's link to our file
    assert load_pickle(hard) is None
    os.unlink(hard)
    if os.geteuid() != 0:
        pytest.skip("only root can give a folder away")
    theirs = tmp_path / "theirs"
    theirs.mkdir(mode=0o755)
    save_pickle(theirs / "c.pkl", [2])
    assert load_pickle(theirs / "c.pkl") == [2]
    os.chown(theirs, 65534, 65534)
    assert load_pickle(theirs / "c.pkl") is None
    theirs.chmod(0o1777)  # sticky, but its owner may still rename our file
    assert load_pickle(theirs / "c.pkl") is None
