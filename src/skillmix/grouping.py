"""Connected groups of items, for cross-validation folds that must not split a group.

Evaluations group what would leak between folds (a company's postings, texts that repeat
each other's boilerplate, a benchmark's consecutive sentences) by joining pairs of items;
:class:`Groups` keeps the joined sets (union-find with path halving). A group's root is
its smallest member, so the grouping does not depend on the order pairs are joined in.
"""

from __future__ import annotations

import random
from typing import Iterator, Sequence

__all__ = ["Groups", "group_resamples"]


class Groups:
    """Items ``0..n-1``, each in its own group until :meth:`join` merges two groups."""

    __slots__ = ("_parent",)

    def __init__(self, n: int) -> None:
        self._parent = list(range(n))

    def root(self, i: int) -> int:
        """The smallest member of ``i``'s group."""
        parent = self._parent
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    def join(self, a: int, b: int) -> None:
        """Merge the groups of ``a`` and ``b``."""
        ra, rb = self.root(a), self.root(b)
        if ra != rb:
            self._parent[max(ra, rb)] = min(ra, rb)

    def members(self) -> list[list[int]]:
        """Each group's members in order, groups in the order of their first member."""
        out: dict[int, list[int]] = {}
        for i in range(len(self._parent)):
            out.setdefault(self.root(i), []).append(i)
        return list(out.values())

    def labels(self) -> list[int]:
        """A group number per item, ``0, 1, ...`` in the order groups first appear."""
        numbers: dict[int, int] = {}
        return [numbers.setdefault(self.root(i), len(numbers)) for i in range(len(self._parent))]


def group_resamples(groups: Sequence[int], rounds: int, seed: int) -> Iterator[list[int]]:
    """Bootstrap resamples that keep groups whole: each round draws as many groups as there
    are, with replacement (``random.Random(seed)``), and yields the indices of their items,
    so an interval reflects how much the figure moves from one company to another."""
    by_group: dict[int, list[int]] = {}
    for i, g in enumerate(groups):
        by_group.setdefault(g, []).append(i)
    keys = sorted(by_group)
    rng = random.Random(seed)
    for _ in range(rounds):
        yield [i for g in (rng.choice(keys) for _ in keys) for i in by_group[g]]
