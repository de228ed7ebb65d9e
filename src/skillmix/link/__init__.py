"""Semantic linking of free text to ESCO skills (the ``semantic`` extra).

:class:`EscoLinker` ranks ESCO concepts for texts by fusing MiniLM embeddings of every
label and description with lexical evidence; :mod:`skillmix.link.evaluate` scores it on
the Decorte et al. benchmark; :func:`propose_spans` finds skill-like spans. Importing
this package loads no model; the model package is needed only when a linker is built.
See ``docs/linking.md``.
"""

from __future__ import annotations

from skillmix.link.esco import EscoConcept, LabelSpace, load_esco
from skillmix.link.evaluate import evaluate_rankings, read_benchmark
from skillmix.link.linker import EscoLinker, LinkerConfig, Ranked
from skillmix.link.spans import ProposedSpan, propose_spans, propose_spans_many

__all__ = [
    "EscoConcept",
    "EscoLinker",
    "LabelSpace",
    "LinkerConfig",
    "ProposedSpan",
    "Ranked",
    "evaluate_rankings",
    "load_esco",
    "propose_spans",
    "propose_spans_many",
    "read_benchmark",
]
