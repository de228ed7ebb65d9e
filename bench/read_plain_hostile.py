"""Is reading plain text and Markdown in the calling process linear on hostile input?

``read_documents`` parses small UTF-8 text and Markdown files in process
(:func:`skillmix.io.reader.parse_plain`), where nothing can stop a regular expression that
takes quadratic time. This script builds adversarial texts out of the characters the
readers' patterns care about (brackets, parentheses, ``#``, ``*``, ``_``, bullets, digits
and dates, colons, spaces, tabs, one endless line or a million short ones) at 256 KB and
at 1 MB (the in-process cap), parses each with ``parse_plain`` (as text with the kind
guessed, as a résumé, and as a Markdown posting) and prints the time of both sizes and
their ratio: about 4 is linear, about 16 quadratic. It exits 1 when a ratio passes 8.
CPU seconds, best of two (about ten minutes)::

    python bench/read_plain_hostile.py
"""

from __future__ import annotations

import sys
import time

from skillmix.errors import SkillmixError
from skillmix.io.reader import IN_PROCESS_MAX_BYTES, parse_plain

UNITS = {
    "[": "[", "[](": "[](", "](": "](", "[x](": "[x](", "![": "![", "(": "(", ")": ")",
    "#": "#", "# x\n": "# x\n", "*": "*", "**": "**", "__": "__", "* ": "* ", "\t* ": "\t* ",
    " ": " ", "\t": "\t", "\n": "\n", "-": "-", "- ": "- ", "•": "•", "1.": "1.", "1) ": "1) ",
    ":": ":", "a:": "a:", "A": "A", "Aa": "Aa", "AB ": "AB ", "aB": "aB", "a.": "a.",
    "0": "0", "2020 - ": "2020 - ", "Jan 2020 – ": "Jan 2020 – ", "05/2020-": "05/2020-",
    "x@": "x@", "+1 (": "+1 (", "@a.": "@a.", "EEO ": "EEO ", "equal opportunity ": "equal opportunity ",
    "Experience\n": "Experience\n", "Manager at ": "Manager at ", "Responsibilities": "Responsibilities",
    "About UsBetsy": "About UsBetsy", "é": "é", "\u00c3\u00a9": "\u00c3\u00a9", "\u200b": "\u200b",
    "\u00a0": "\u00a0", "x\n\n\n": "x\n\n\n", "| ": "| ", ". ": ". ", "years ": "years ",
    # the mojibake repair's context rules look back for an open quote or the word before
    "aâ€ and ": "a\u00e2\u20ac and ", "â€œaâ€ and ": "\u00e2\u20ac\u0153a\u00e2\u20ac and ",
    " Âa": " \u00c2a", "Ð¡": "\u00d0\u00a1", "Ã¢â‚¬Â¢": "\u00c3\u00a2\u00e2\u201a\u00ac\u00c2\u00a2",
}


def cpu_seconds(text: str, name: str, kind: str | None) -> float:
    data = text.encode("utf-8")[:IN_PROCESS_MAX_BYTES]
    best = float("inf")
    for _ in range(2):
        t = time.process_time()
        try:
            parse_plain(data, name, kind=kind)  # type: ignore[arg-type]
        except SkillmixError:
            pass
        best = min(best, time.process_time() - t)
    return best


def main() -> int:
    worst = 0.0
    bad = []
    for label, unit in UNITS.items():
        for name, kind in (("x.txt", None), ("x.txt", "resume"), ("x.md", "posting")):
            small = cpu_seconds(unit * (IN_PROCESS_MAX_BYTES // 4 // len(unit.encode())), name, kind)
            big = cpu_seconds(unit * (IN_PROCESS_MAX_BYTES // len(unit.encode())), name, kind)
            ratio = big / max(small, 0.01)
            worst = max(worst, big)
            if ratio > 8:
                bad.append((label, name, kind, small, big, ratio))
            print(f"{label!r:24s} {name:6s} {kind or 'guess':8s} 256 KB {small:6.3f}s  "
                  f"1 MB {big:6.3f}s  x{ratio:4.1f}", flush=True)
    print(f"slowest 1 MB parse: {worst:.2f} s CPU")
    for b in bad:
        print("NOT LINEAR:", b)
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
