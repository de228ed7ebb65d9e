"""The shipped occupation profiles are kept on disk and come back as the profiles parsed
from the file: cold, warm, and from a damaged file."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from skillmix.config import Settings, use_settings
from skillmix.occupations import profiles as profiles_module
from skillmix.occupations.profiles import OccupationProfiles


def _uncached() -> OccupationProfiles:
    """``OccupationProfiles.builtin`` without its per-process cache (the disk one stays)."""
    return OccupationProfiles.builtin.__func__.__wrapped__(OccupationProfiles)  # type: ignore[attr-defined]


def _same(a: OccupationProfiles, b: OccupationProfiles) -> bool:
    arrays = all(np.array_equal(getattr(a, f), getattr(b, f)) and getattr(a, f).dtype == getattr(b, f).dtype
                 for f in ("start", "occ", "weight"))
    return (arrays and a.codes == b.codes and list(a.terms.items()) == list(b.terms.items())
            and list(a.idf.items()) == list(b.idf.items()))


@pytest.fixture(scope="module")
def parsed() -> OccupationProfiles:
    data = profiles_module.resources.files("skillmix.occupations").joinpath("data/onet_profiles.tsv.gz").read_bytes()
    return OccupationProfiles.parse(data)


def test_profiles_cold_then_warm_are_the_parsed_profiles(tmp_path: Path, parsed, monkeypatch) -> None:
    with use_settings(Settings(cache_dir=tmp_path)):
        cold = _uncached()
        [kept] = tmp_path.glob("occupation-profiles-*.pkl")
        monkeypatch.setattr(OccupationProfiles, "parse", lambda *a: pytest.fail("parsed again"))
        warm = _uncached()
    assert _same(cold, parsed) and _same(warm, parsed)
    assert warm is not cold
    vec = parsed.vector("We are hiring a social media manager to run our campaigns and community.")
    assert warm.similarities(vec) == parsed.similarities(vec)


def test_profiles_from_a_damaged_file_are_parsed_again(tmp_path: Path, parsed) -> None:
    with use_settings(Settings(cache_dir=tmp_path)):
        _uncached()
        [kept] = tmp_path.glob("occupation-profiles-*.pkl")
        kept.write_bytes(kept.read_bytes()[:4000])
        assert _same(_uncached(), parsed)
    assert kept.stat().st_size > 1_000_000


def test_profiles_with_an_unwritable_cache_only_cost_time(parsed) -> None:
    with use_settings(Settings(cache_dir=Path("/dev/null/nowhere"))):
        assert _same(_uncached(), parsed)
