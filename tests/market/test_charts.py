"""The hand-written SVG charts: labels shown whole where space allows, a tooltip otherwise."""

from __future__ import annotations

import re

from lxml import etree

from skillmix.market.charts import bar_chart, heatmap

GROUP = "Business and Financial Operations Occupations (6)"


def _labels(svg: str) -> list[str]:
    root = etree.fromstring(svg.encode("utf-8"))
    ns = "{http://www.w3.org/2000/svg}"
    return ["".join(t.itertext()) for t in root.iter(f"{ns}text") if t.get("text-anchor") == "end"]


def test_charts_bar_labels_are_not_cut_where_space_allows() -> None:
    # a QA trial read "Business and Financial Operations…" on the occupation group chart
    svg = bar_chart([GROUP, "Sales and Related (3)"], [0.5, 0.2], "Share", percent=True)
    assert _labels(svg) == [GROUP, "Sales and Related (3)"]
    width = int(re.search(r'width="(\d+)"', svg).group(1))
    left = int(re.search(r'<text x="(\d+)" y="\d+" text-anchor="end"', svg).group(1))
    assert left >= len(GROUP) * 6 and width > left  # the margin grew with the label


def test_charts_an_overlong_label_is_cut_at_a_word_with_the_whole_in_a_tooltip() -> None:
    long = "Community and Social Service Occupations, " * 3 + "and more"
    svg = bar_chart([long], [1.0], "Share")
    root = etree.fromstring(svg.encode("utf-8"))
    ns = "{http://www.w3.org/2000/svg}"
    text = next(t for t in root.iter(f"{ns}text") if t.get("text-anchor") == "end")
    assert text.find(f"{ns}title").text == long  # the tooltip holds the whole label
    shown = (text.find(f"{ns}title").tail or "")
    assert shown.endswith("…") and long.startswith(shown[:-1]) and long[len(shown) - 1] in " ,"


def test_charts_heatmap_row_labels_whole() -> None:
    svg = heatmap([GROUP], ["Human insight"], {(GROUP, "Human insight"): 0.5}, "Mix")
    assert GROUP in _labels(svg)
