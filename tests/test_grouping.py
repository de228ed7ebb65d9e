"""Groups: joined items share a group, numbered in order of first appearance."""

from __future__ import annotations

from skillmix.grouping import Groups


def test_grouping_joins_are_transitive_and_order_free():
    g = Groups(6)
    g.join(4, 1)
    g.join(1, 3)
    g.join(5, 2)
    assert g.root(4) == 1 and g.root(3) == 1 and g.root(5) == 2
    assert g.members() == [[0], [1, 3, 4], [2, 5]]
    assert g.labels() == [0, 1, 2, 1, 1, 2]
    h = Groups(6)
    for a, b in [(3, 1), (2, 5), (1, 4)]:
        h.join(a, b)
    assert h.labels() == g.labels()


def test_grouping_untouched_items_stand_alone():
    assert Groups(3).labels() == [0, 1, 2]
    assert Groups(0).members() == []
