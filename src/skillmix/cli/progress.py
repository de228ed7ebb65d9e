"""Progress on stderr for commands over many documents, counted in documents.

Shown only when it helps a person watching: never with ``--quiet``, never when stderr is
not a terminal (a pipe, a log file, CI), and only from one second into the run, so quick
commands print nothing extra. Standard output is never touched, so ``--jsonl`` and
``--csv`` stay clean for the next program in a pipe.
"""

from __future__ import annotations

import sys
import time
from contextlib import contextmanager
from typing import IO, Any, Callable, Iterator

__all__ = ["progress", "progress_enabled", "rate_column"]

#: Seconds a command must have run before the bar appears.
DELAY = 1.0


def progress_enabled(quiet: bool, stream: IO[str] | None = None) -> bool:
    """Whether to show progress: not ``quiet`` and ``stream`` (stderr) is a terminal."""
    if quiet:
        return False
    s = stream if stream is not None else sys.stderr
    try:
        return bool(s.isatty())
    except (AttributeError, ValueError):
        return False


def rate_column(unit: str) -> Any:
    """A rich progress column for the rate, ``1,234 {unit}/s`` (blank until one is known)."""
    from rich.progress import TextColumn
    from rich.text import Text

    class Rate(TextColumn):
        def __init__(self) -> None:
            super().__init__("")

        def render(self, task: Any) -> Any:
            speed = task.finished_speed or task.speed
            return Text(f"{speed:,.0f} {unit}/s" if speed else "", style="progress.data.speed")

    return Rate()


@contextmanager
def progress(quiet: bool, description: str, *, total: int | None = None,
             unit: str = "documents", stream: IO[str] | None = None,
             delay: float = DELAY) -> Iterator[Callable[[int], None]]:
    """Yield ``advance(n=1)``; a rich bar with count, rate and elapsed time runs on
    ``stream`` (stderr) while the block runs, when :func:`progress_enabled` allows."""
    if not progress_enabled(quiet, stream):
        def ignore(n: int = 1) -> None:
            return None

        yield ignore
        return
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

    count: Any = MofNCompleteColumn() if total else TextColumn(f"{{task.completed:,.0f}} {unit}")
    console = Console(file=stream if stream is not None else sys.stderr, force_terminal=True)
    bar = Progress(TextColumn("{task.description}"), BarColumn(), count, rate_column(unit),
                   TimeElapsedColumn(), console=console, transient=True)
    task = bar.add_task(description, total=total)
    started = time.monotonic()
    shown = False

    def advance(n: int = 1) -> None:
        nonlocal shown
        bar.advance(task, n)
        if not shown and time.monotonic() - started >= delay:
            shown = True
            bar.start()

    try:
        yield advance
    finally:
        if shown:
            bar.stop()
