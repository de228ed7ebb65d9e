"""Atomic writes (``skillmix.atomic``): all or nothing under the real name."""

from __future__ import annotations

import stat

import pytest

from skillmix.atomic import atomic_write, atomic_write_bytes


def test_atomic_write_replaces_and_sets_mode(tmp_path) -> None:
    target = tmp_path / "deep" / "out.bin"
    atomic_write_bytes(target, b"one")
    atomic_write_bytes(target, b"two", mode=0o644)
    assert target.read_bytes() == b"two"
    assert stat.S_IMODE(target.stat().st_mode) == 0o644
    assert [p.name for p in target.parent.iterdir()] == ["out.bin"]


def test_failed_write_keeps_the_old_file_and_leaves_no_temporary(tmp_path) -> None:
    target = tmp_path / "out.bin"
    target.write_bytes(b"old")

    def half(tmp) -> None:
        tmp.write_bytes(b"half of it")
        raise RuntimeError("disk gone")

    with pytest.raises(RuntimeError, match="disk gone"):
        atomic_write(target, half)
    assert target.read_bytes() == b"old"
    assert [p.name for p in tmp_path.iterdir()] == ["out.bin"]


def test_replacing_renames_on_a_clean_exit_and_not_when_cancelled(tmp_path) -> None:
    from skillmix.atomic import replacing

    target = tmp_path / "out.jsonl"
    target.write_bytes(b"old")
    with replacing(target) as pending:
        pending.tmp.write_bytes(b"nothing worth keeping")
        pending.cancel()
    assert target.read_bytes() == b"old"
    assert [p.name for p in tmp_path.iterdir()] == ["out.jsonl"]
    with replacing(target, mode=0o640) as pending:
        pending.tmp.write_bytes(b"new")
    assert target.read_bytes() == b"new"
    assert stat.S_IMODE(target.stat().st_mode) == 0o640


def test_replacing_interrupted_keeps_the_old_file(tmp_path) -> None:
    from skillmix.atomic import replacing

    target = tmp_path / "out.jsonl"
    target.write_bytes(b"old")
    with pytest.raises(KeyboardInterrupt):
        with replacing(target) as pending:
            pending.tmp.write_bytes(b"half")
            raise KeyboardInterrupt
    assert target.read_bytes() == b"old"
    assert [p.name for p in tmp_path.iterdir()] == ["out.jsonl"]


@pytest.mark.filterwarnings("ignore::pytest.PytestUnraisableExceptionWarning")
def test_replacing_refuses_after_a_ctrl_c_a_finaliser_swallowed(tmp_path) -> None:
    """Python ignores a KeyboardInterrupt raised inside ``__del__``; the CLI's handler
    remembers it, so the output is not put in place and the old file stays."""
    import gc
    import os
    import signal
    import time

    import pytest

    from skillmix import interrupts
    from skillmix.atomic import replacing

    target = tmp_path / "out.txt"
    target.write_text("old", "utf-8")

    class Finalised:
        def __del__(self) -> None:
            os.kill(os.getpid(), signal.SIGINT)
            time.sleep(0.05)  # the handler runs here, inside the finaliser

    before = signal.getsignal(signal.SIGINT)
    interrupts.install()
    try:
        with pytest.raises(KeyboardInterrupt):
            with replacing(target) as pending:
                pending.tmp.write_text("new", "utf-8")
                obj = Finalised()
                del obj
                gc.collect()
                assert interrupts.requested()  # the run went on: the exception was lost
        assert target.read_text("utf-8") == "old"
        assert [p.name for p in tmp_path.iterdir()] == ["out.txt"]
    finally:
        signal.signal(signal.SIGINT, before)
        interrupts.reset()
    with replacing(target) as pending:  # once reset, files are replaced again
        pending.tmp.write_text("new", "utf-8")
    assert target.read_text("utf-8") == "new"


def test_an_earlier_interrupt_does_not_poison_later_cli_runs(tmp_path) -> None:
    """The review's finding: the flag outlived the command, so every later atomic write in
    the process raised KeyboardInterrupt and the next in-process ``main()`` exited 130."""
    import signal

    from skillmix import interrupts
    from skillmix.atomic import atomic_write_bytes
    from skillmix.cli.main import main

    before = signal.getsignal(signal.SIGINT)
    interrupts._requested = True  # as if a finaliser had swallowed a Ctrl-C in another run
    try:
        main(["--help"])
    except SystemExit as exc:
        assert exc.code in (0, None)
    assert not interrupts.requested()
    assert signal.getsignal(signal.SIGINT) is before
    atomic_write_bytes(tmp_path / "f.bin", b"x")
    assert (tmp_path / "f.bin").read_bytes() == b"x"
