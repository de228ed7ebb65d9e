"""The vectorised scoring gives exactly what the plain loops gave (same numbers, same
order), so that making a market run faster changes none of its tables."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from skillmix.occupations.normalise import _best_of, _top
from skillmix.occupations.profiles import OccupationProfiles


def _loop(inv: dict[str, list[tuple[int, float]]], codes: list[str], vec: dict[str, float]) -> dict[str, float]:
    acc: dict[int, float] = {}
    for t, q in vec.items():
        for i, w in inv[t]:
            acc[i] = acc.get(i, 0.0) + q * w
    return {codes[i]: s for i, s in acc.items()}


_WEIGHTS = st.floats(min_value=-1, max_value=1, allow_nan=False, width=64)


@settings(max_examples=200, deadline=None)
@given(st.data())
def test_similarities_equal_the_loop(data: st.DataObject) -> None:
    n = data.draw(st.integers(1, 12))
    codes = [f"{i:02d}-0000.00" for i in range(n)]
    terms = data.draw(st.lists(st.sampled_from("abcdefgh"), min_size=1, max_size=8, unique=True))
    inv = {t: data.draw(st.lists(st.tuples(st.integers(0, n - 1), _WEIGHTS), min_size=1, max_size=6))
           for t in terms}
    profiles = OccupationProfiles.from_index(codes, inv)
    asked = data.draw(st.lists(st.sampled_from(terms), unique=True))
    vec = {t: data.draw(_WEIGHTS) for t in asked}
    got = profiles.similarities(vec)
    assert list(got.items()) == list(_loop(inv, codes, vec).items())


def test_the_shipped_profiles_score_a_posting_as_the_loop_did() -> None:
    profiles = OccupationProfiles.builtin()
    inv: dict[str, list[tuple[int, float]]] = {}
    for t, k in profiles.terms.items():
        lo, hi = int(profiles.start[k]), int(profiles.start[k + 1])
        inv[t] = list(zip(profiles.occ[lo:hi].tolist(), profiles.weight[lo:hi].tolist()))
    vec = profiles.vector("Manage our social media accounts, write content and report on "
                          "engagement; registered nurse experience a plus")
    assert vec
    assert list(profiles.similarities(vec).items()) == list(_loop(inv, list(profiles.codes), vec).items())


@settings(max_examples=300, deadline=None)
@given(st.dictionaries(st.text("0123456789-", min_size=1, max_size=4),
                       st.sampled_from([0.0, 0.1, 0.25, 0.5, 0.9]), min_size=1, max_size=30),
       st.integers(1, 10))
def test_best_and_top_equal_max_and_sorted(sims: dict[str, float], n: int) -> None:
    assert _best_of(sims) == max(sims.items(), key=lambda kv: (kv[1], kv[0]))
    assert _top(sims, n) == sorted(sims.items(), key=lambda kv: -kv[1])[:n]
