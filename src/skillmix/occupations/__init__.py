"""Occupations: job titles normalised to O*NET-SOC 2019 codes, with the posting's text.

``normalise_title("Sr. Mktg Coord. (Remote)")`` returns a :class:`TitleMatch`: the ranked
O*NET-SOC occupations, each with a score and the O*NET title it matched. The index covers
O*NET 29.2 occupation titles, alternate titles and reported titles, shipped compressed in
``data/`` (CC BY 4.0, see ``data/ATTRIBUTION.md``); it runs offline. See docs/occupations.md.
"""

from __future__ import annotations

from .clean import clean_title, title_variants
from .history import OccupationFit, RoleOccupation, occupation_fit, role_history
from .index import TitleIndex, load_onet_titles, major_groups, occupation_titles
from .normalise import NORMALISER_VERSION, TitleNormaliser, normalise_title
from .records import OccupationCandidate, TitleEntry, TitleMatch

__all__ = [
    "NORMALISER_VERSION",
    "OccupationCandidate",
    "OccupationFit",
    "RoleOccupation",
    "TitleEntry",
    "TitleIndex",
    "TitleMatch",
    "TitleNormaliser",
    "clean_title",
    "load_onet_titles",
    "major_groups",
    "normalise_title",
    "occupation_fit",
    "occupation_titles",
    "role_history",
    "title_variants",
]
