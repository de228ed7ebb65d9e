"""Batch policy shared by every stage that works on many inputs.

A batch never drops an input silently: each one ends as done, skipped or failed, and the
:class:`BatchReport` says how many and why. ``on_error`` chooses what a failure does:
``"raise"`` stops at the first one, ``"skip"`` records it as skipped and goes on,
``"collect"`` records it as failed (with its error) and goes on.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from typing import Callable, Iterable, Iterator, Literal, TypeVar

from .errors import SkillmixError
from .errors.config_codes import C010

__all__ = ["BatchFailure", "BatchReport", "OnError", "run_batch", "usable_cpus"]

OnError = Literal["raise", "skip", "collect"]
T = TypeVar("T")
R = TypeVar("R")


@dataclass(frozen=True, slots=True)
class BatchFailure:
    """One input that did not make it, with its coded error."""

    source: str
    code: str
    error: str


@dataclass(slots=True)
class BatchReport:
    """Counts and failures of a batch; filled in while the batch runs."""

    done: int = 0
    skipped: int = 0
    failed: int = 0
    failures: list[BatchFailure] = field(default_factory=list)

    @property
    def total(self) -> int:
        return self.done + self.skipped + self.failed

    def record(self, source: str, err: SkillmixError, on_error: OnError) -> None:
        self.failures.append(BatchFailure(source, err.code, err.render()))
        if on_error == "skip":
            self.skipped += 1
        else:
            self.failed += 1

    def summary(self) -> str:
        return f"{self.done} done, {self.skipped} skipped, {self.failed} failed"

    def to_dict(self) -> dict[str, object]:
        return {
            "done": self.done,
            "skipped": self.skipped,
            "failed": self.failed,
            "failures": [
                {"source": f.source, "code": f.code, "error": f.error} for f in self.failures
            ],
        }


def check_on_error(on_error: str) -> OnError:
    if on_error not in ("raise", "skip", "collect"):
        raise C010(
            f"on_error must be 'raise', 'skip' or 'collect', not {on_error!r}.",
        )
    return on_error  # type: ignore[return-value]


def run_batch(
    items: Iterable[T],
    work: Callable[[T], R],
    *,
    source: Callable[[T], str] = str,
    on_error: OnError = "collect",
    report: BatchReport | None = None,
) -> Iterator[R]:
    """Apply ``work`` to each item, yielding results and recording failures in ``report``.

    Only :class:`SkillmixError` is caught: any other exception is a bug and propagates.
    """
    check_on_error(on_error)
    rep = report if report is not None else BatchReport()
    for item in items:
        try:
            result = work(item)
        except SkillmixError as err:
            if on_error == "raise":
                raise
            rep.record(source(item), err, on_error)
            continue
        rep.done += 1
        yield result


def usable_cpus() -> int:
    """How many CPUs this process may run on (its affinity mask where the OS has one)."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except (AttributeError, OSError):  # pragma: no cover - not Linux
        return max(1, os.cpu_count() or 1)
