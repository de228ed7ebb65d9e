"""Groups: joined items share a group, numbered in order of first appearance."""

from __future__ import annotations

from skillmix.grouping import Groups, group_resamples


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


def test_group_resamples_keep_groups_whole_and_repeat_with_the_seed():
    groups = [0, 0, 1, 2, 2, 2]
    rounds = list(group_resamples(groups, 20, seed=5))
    assert len(rounds) == 20
    for idx in rounds:
        # three groups drawn each round, each with all of its items
        assert sum(1 for i in idx if groups[i] == 2) % 3 == 0
        assert sum(1 for i in idx if groups[i] == 0) % 2 == 0
        assert len({groups[i] for i in idx}) <= 3
    assert rounds == list(group_resamples(groups, 20, seed=5))
    assert rounds != list(group_resamples(groups, 20, seed=6))
