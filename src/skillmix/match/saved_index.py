"""Saving and loading a fitted matcher with its index, so a ranking starts in milliseconds.

An index folder holds ``meta.json`` (format version, kind, parameters, taxonomy, ids,
titles, sources, the words behind each document's seniority), ``arrays.npz`` (the CSR
values and aligned per-entry facts, the learned rarity and neighbour graph, area weights,
text offsets, postings' example lists, each document's seniority range, and for résumés
the expanded evidence with the parameters it was made with), ``texts.bin`` (the texts
explanations quote, UTF-8, decoded one at a time) and ``bm25/`` (bm25s's own files). The expanded
evidence is the slow part to derive, so it is stored and reused when its parameters are
the ones in force; the other derived matrices are rebuilt on load. Nothing is pickled: an
index folder from elsewhere cannot run code when loaded. A folder whose ``format``
differs from :data:`FORMAT` is refused with ``M021``: rebuild it.
"""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path
from typing import Any, Sequence

import numpy as np
import scipy.sparse as sp

from ..errors.match_codes import M020, M021
from .index import MatchIndex, Matcher
from .params import MatchParams
from .bm25 import TextIndex

__all__ = ["FORMAT", "load_index", "save_index"]

#: bump when the folder layout or the meaning of a stored array changes. 5: the rarity
#: weights halve soft skills (``TRANSVERSAL_DEMAND``) and the neighbour graph links only
#: skills of the same field (``Taxonomy.same_field``); a version-4 index ranked without both
FORMAT = "skillmix-match-index/5"


class _Texts(Sequence[str]):
    """The index's texts as one UTF-8 buffer, decoded one at a time (only the results a
    ranking explains are ever decoded)."""

    def __init__(self, data: bytes, offsets: np.ndarray) -> None:
        self._data = data
        self._offsets = offsets

    def __len__(self) -> int:
        return int(self._offsets.size - 1)

    def __getitem__(self, i):  # type: ignore[no-untyped-def, override]
        if isinstance(i, slice):
            return [self[j] for j in range(*i.indices(len(self)))]
        if i < 0:
            i += len(self)
        if not 0 <= i < len(self):
            raise IndexError(i)
        return self._data[self._offsets[i]:self._offsets[i + 1]].decode("utf-8")


def save_index(matcher: Matcher, index: MatchIndex, folder: str | Path) -> Path:
    """Write ``matcher``'s learned state and ``index`` to ``folder`` (replaced if present)."""
    state = matcher.fitted_state()
    folder = Path(folder)
    tmp = folder.with_name(folder.name + ".tmp")
    if tmp.exists():
        shutil.rmtree(tmp)
    tmp.mkdir(parents=True)
    params = matcher.params.to_dict()
    if matcher.params.as_of is None:
        params["as_of"] = None
    meta = {
        "format": FORMAT, "kind": index.kind, "params": params,
        "taxonomy": matcher.taxonomy, "taxonomy_name": state["taxonomy_name"],
        "taxonomy_version": state["taxonomy_version"], "skill_ids": state["skill_ids"],
        "labels": state["labels"], "areas": state["areas"], "n_docs": state["n_docs"],
        "ids": index.ids, "titles": index.titles, "sources": index.sources,
        "seniority_why": index.seniority_why,
    }
    blobs = [t.encode("utf-8") for t in index.texts]
    offsets = np.zeros(len(blobs) + 1, dtype=np.int64)
    np.cumsum([len(b) for b in blobs], out=offsets[1:])
    (tmp / "texts.bin").write_bytes(b"".join(blobs))
    nb: sp.csr_matrix = state["neighbours"]  # type: ignore[assignment]
    expanded: dict[str, np.ndarray] = {}
    if index.kind == "resume" and "expanded" in index.derived:
        ex: sp.csc_matrix = index.derived["expanded"]  # type: ignore[assignment]
        expanded = {"exp_data": ex.data, "exp_indices": ex.indices, "exp_indptr": ex.indptr}
        meta["expanded_key"] = index.derived.get("expanded_key")
    (tmp / "meta.json").write_text(json.dumps(meta, ensure_ascii=False), "utf-8")
    arrays: dict[str, Any] = dict(
        data=index.values.data, indices=index.values.indices, indptr=index.values.indptr,
        level=index.level, years=index.years, recency=index.recency, spans=index.spans,
        profile_weights=index.profile_weights, idf=state["idf"], area_of=state["area_of"],
        nb_indices=nb.indices, nb_indptr=nb.indptr, text_offsets=offsets,
        alt_doc=index.alt_doc, alt_col=index.alt_col, alt_ptr=index.alt_ptr,
        alt_members=index.alt_members, seniority_low=index.seniority_low,
        seniority_high=index.seniority_high, **expanded,
    )
    np.savez(tmp / "arrays.npz", **arrays)
    index.text_index.save(tmp / "bm25")
    if folder.exists():
        shutil.rmtree(folder)
    os.replace(tmp, folder)
    return folder


def load_index(folder: str | Path) -> tuple[Matcher, MatchIndex]:
    """The fitted :class:`Matcher` and the :class:`MatchIndex` saved in ``folder``."""
    folder = Path(folder)
    meta_path = folder / "meta.json"
    if not meta_path.is_file():
        raise M020("not a skillmix match index (no meta.json).", source=str(folder),
                   hint="Build one with `skillmix rank ... --save-index DIR`.")
    meta = json.loads(meta_path.read_text("utf-8"))
    if meta.get("format") != FORMAT:
        raise M021(f"index format {meta.get('format')!r} is not {FORMAT!r}.",
                   source=str(folder), hint="Rebuild the index with this version.")
    arr = np.load(folder / "arrays.npz", allow_pickle=False)
    s = len(meta["skill_ids"])
    nb = sp.csr_matrix((np.ones(arr["nb_indices"].size), arr["nb_indices"], arr["nb_indptr"]),
                       shape=(s, s))
    matcher = Matcher(MatchParams.from_mapping(meta["params"]), taxonomy=meta["taxonomy"])
    matcher.restore({
        "taxonomy_name": meta["taxonomy_name"], "taxonomy_version": meta["taxonomy_version"],
        "skill_ids": meta["skill_ids"], "labels": meta["labels"], "areas": meta["areas"],
        "area_of": arr["area_of"], "n_docs": meta["n_docs"], "idf": arr["idf"], "neighbours": nb,
    })
    n = len(meta["ids"])
    values = sp.csr_matrix((arr["data"], arr["indices"], arr["indptr"]), shape=(n, s))
    texts = _Texts((folder / "texts.bin").read_bytes(), arr["text_offsets"])
    index = MatchIndex(
        kind=meta["kind"], ids=list(meta["ids"]), titles=list(meta["titles"]),
        sources=list(meta["sources"]), texts=texts, values=values, level=arr["level"],
        years=arr["years"], recency=arr["recency"], spans=arr["spans"],
        text_index=TextIndex.load(folder / "bm25"), profile_weights=arr["profile_weights"],
    )
    if "alt_doc" in arr.files:  # postings' example lists (absent from older folders)
        index.alt_doc, index.alt_col = arr["alt_doc"], arr["alt_col"]
        index.alt_ptr, index.alt_members = arr["alt_ptr"], arr["alt_members"]
    if "seniority_low" in arr.files:  # levels (absent from older folders: unknown)
        index.seniority_low, index.seniority_high = arr["seniority_low"], arr["seniority_high"]
        index.seniority_why = list(meta.get("seniority_why") or [])
    if "exp_data" in arr.files and meta.get("expanded_key"):
        # the saved expansion (the slow part of deriving) is reused when the parameters
        # it was made with are the ones in force; derive() recomputes it otherwise
        index.derived["expanded"] = sp.csc_matrix(
            (arr["exp_data"], arr["exp_indices"], arr["exp_indptr"]), shape=(n, s))
        index.derived["expanded_key"] = meta["expanded_key"]
    matcher.derive(index)
    return matcher, index
