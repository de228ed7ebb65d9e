"""The numpy page reader gives exactly the text of the glyph-by-glyph loop it replaced.

``reference_page_text`` below is the implementation before session 14, kept as the
definition of the behaviour: three pdfium calls a glyph (code point, generated flag, loose
box) and the spacing decided one glyph at a time. The shipped
:func:`skillmix.io.pdf._pdfium_page_text` is compared with it on generated PDFs whose glyphs
are each placed on their own (the résumé-builder output the spacing exists for) and on a
sample of the real LiveCareer résumés; ``bench/read_speed.py`` checks all of them.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from skillmix.io.pdf import _pdfium_page_text

from .conftest import pdf_document


def reference_page_text(page: object) -> str:
    import pypdfium2.raw as raw

    tp = page.get_textpage()  # type: ignore[attr-defined]
    try:
        n = tp.count_chars()
        rect = raw.FS_RECTF()
        chars = []
        for k in range(n):
            u = raw.FPDFText_GetUnicode(tp, k)
            raw.FPDFText_GetLooseCharBox(tp, k, rect)
            chars.append((u, raw.FPDFText_IsGenerated(tp, k), rect.left, rect.right, rect.bottom,
                          rect.top))
    finally:
        tp.close()
    advance: dict[tuple[int, float], float] = {}
    for a, b in zip(chars, chars[1:]):
        if a[1] or b[1] or a[0] in (10, 13, 32) or b[0] in (10, 13, 32):
            continue
        if abs(a[4] - b[4]) > 0.5:
            continue
        step = b[2] - a[2]
        if step <= 0:
            continue
        key = (a[0], round(a[5] - a[4], 1))
        if step < advance.get(key, 1e9):
            advance[key] = step
    out: list[str] = []
    prev = None
    for c in chars:
        u, generated, left, _right, bottom, _top = c
        if u == 0:
            continue
        if (prev is not None and not generated and u not in (10, 13, 32)
                and prev[0] not in (10, 13, 32) and abs(prev[4] - bottom) <= 0.5):
            height = prev[5] - prev[4]
            natural = min(advance.get((prev[0], round(height, 1)), 1e9), prev[3] - prev[2])
            if (left - prev[2]) - natural > 0.12 * height:
                out.append(" ")
        out.append(chr(u) if u < 0x110000 else "\ufffd")
        prev = c
    return "".join(out)


def glyph_pdf(lines: list[tuple[int, list[tuple[str, int]]]]) -> bytes:
    """One page; each line is ``(font size, [(word, gap after it), ...])``.

    Every glyph is drawn on its own (``BT x y Td (c) Tj ET``), half an em after the one
    before, and no space character is drawn: the gap after a word is extra room in
    thousandths of an em. The font claims a full em for every glyph, so pdfium sees touching
    glyphs and adds no spaces of its own (as on the résumé-builder PDFs the spacing rule is
    for). Each line is followed by its words glued together, so each glyph's natural
    advance at that size can be learned on the page."""
    ops = []
    y = 740
    drawn = []
    for size, words in lines:
        drawn += [(size, words), (size, [("".join(w for w, _ in words), 0)])]
    for size, words in drawn:
        x = 60.0
        for word, gap in words:
            for ch in word:
                safe = ch.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")
                ops.append(f"BT /F1 {size} Tf {x:.3f} {y} Td ({safe}) Tj ET")
                x += 0.5 * size
            x += gap * size / 1000
        y -= size + 8
    stream = "\n".join(ops).encode("latin-1")
    widths = " ".join(["1000"] * 95).encode()
    return pdf_document(stream, b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /FirstChar 32 "
                                b"/LastChar 126 /Widths [" + widths + b"] >>")


def both(data: bytes) -> list[tuple[str, str]]:
    import pypdfium2 as pdfium

    pdf = pdfium.PdfDocument(data)
    try:
        pairs = []
        for i in range(len(pdf)):
            page = pdf[i]
            try:
                pairs.append((reference_page_text(page), _pdfium_page_text(page)))
            finally:
                page.close()
        return pairs
    finally:
        pdf.close()


def test_glyph_placed_words_get_their_spaces_back() -> None:
    data = glyph_pdf([(11, [("Excellent", 300), ("communication", 300), ("skills", 0)]),
                      (14, [("Social", 280), ("Media", 280), ("Manager", 0)])])
    [(ref, new)] = both(data)
    assert new == ref
    assert "Excellent communication skills" in new
    assert "Social Media Manager" in new


def test_an_empty_page_reads_as_nothing(pdf_bytes) -> None:
    [(ref, new)] = both(pdf_bytes(rectangle=True))
    assert new == ref == ""


@pytest.mark.parametrize("size", [8, 11, 18])
def test_same_spacing_decision_at_every_gap_near_the_threshold(size: int) -> None:
    """A word gap swept across the 12%-of-height threshold, one thousandth of an em at a time."""
    flips = set()
    for gap in range(100, 200):
        [(ref, new)] = both(glyph_pdf([(size, [("Brand", gap), ("voice", 40), ("and", gap), ("tone", 0)])]))
        assert new == ref, gap
        flips.add(new.splitlines()[0])
    assert "Brandvoiceandtone" in flips  # the sweep starts below the threshold
    assert any(t.startswith("Brand voice") for t in flips)  # and crosses it


_words = st.lists(
    st.tuples(st.text(alphabet="abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789&(),.-/:'",
                      min_size=1, max_size=12),
                  st.one_of(st.integers(min_value=-30, max_value=400),
                            st.integers(min_value=120, max_value=170))),
    min_size=1, max_size=8)
_lines = st.lists(st.tuples(st.sampled_from([8, 9, 10, 11, 12, 14, 18]), _words), min_size=1, max_size=6)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_lines)
def test_same_text_as_the_glyph_loop_on_generated_pages(lines) -> None:
    for ref, new in both(glyph_pdf(lines)):
        assert new == ref


def test_same_text_as_the_glyph_loop_on_real_resumes(shared_data: Path) -> None:
    files = sorted((shared_data / "resumes" / "livecareer").glob("*/*.pdf"))[::25]
    assert len(files) >= 40
    pages = 0
    for path in files:
        for ref, new in both(path.read_bytes()):
            assert new == ref, path.name
            pages += 1
    assert pages >= len(files)


def test_the_text_layer_check_counts_what_isalnum_counts() -> None:
    """``read_pdf`` counts letters and digits with a pattern; it must agree with
    ``str.isalnum`` on every code point."""
    import sys

    from skillmix.io.pdf import _ALNUM

    assert [c for c in map(chr, range(sys.maxunicode + 1)) if bool(_ALNUM.match(c)) != c.isalnum()] == []
