"""The third held-out sample of posting titles (``bench/data/titles_fresh2_coded.jsonl``).

149 Remotive and Adzuna postings drawn by ``bench/titles_fresh2_draw.py`` (seed 2027) and
coded by reading before any system output on them was seen. Meant to be run once at the end
of a round of changes, its errors unread: it is the estimate for titles nobody tuned on.
Printed beside the char n-gram baseline of ``titles_eval.py`` in the same run, per source
and in all, with a 95% Wilson interval for the all-postings figures.

Usage:
    PYTHONPATH=src python bench/titles_fresh2_eval.py [--json]

The same as ``titles_fresh3_eval.py --sample titles_fresh2_coded.jsonl``: that script scores
any coded sample (this sample's errors were read in the fresh3 round: development data now).
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from titles_fresh3_eval import main  # noqa: E402

if __name__ == "__main__":
    main(["--sample", "titles_fresh2_coded.jsonl", *sys.argv[1:]])
