"""Rank ESCO skills for free text: dense embeddings fused with lexical evidence.

For each text the linker computes, for every concept of its :class:`LabelSpace`:

``label``   cosine between the text's embedding and the concept's preferred label
            (``sentence_alts``: moved ``alt_mix`` of the way towards its best label);
``desc``    cosine with the embedding of the concept's description;
``bm25``    BM25 of the text's words against the concept's label words (squashed to 0..1);
``phrase``  1 when one of the concept's labels occurs word for word in the text;
``window``  (on a shortlist) max cosine between any short word window of the text
            (contextual token vectors mean-pooled, so no extra encoding) and the
            concept's labels: it finds the skill a long sentence mentions in passing;
``prior``   (off by default) how often SkillSpan-train spans link to the concept.

The final score is a weighted sum (:class:`LinkerConfig`; :data:`STATIC_CONFIG` for the
static encoder). Label and description embeddings of the shipped ESCO come with the
package; any other text is embedded once per machine and cached (:mod:`skillmix.link.cache`).
"""

from __future__ import annotations

import csv
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, replace
from importlib import resources
from pathlib import Path
from typing import Protocol, Sequence

import numpy as np

from skillmix.errors.config_codes import C304, C305, C306
from skillmix.link._blas import blas_threads
from skillmix.link.cache import EmbeddingStore
from skillmix.link.encoder import MiniLMEncoder, TokenBatch
from skillmix.link.esco import EscoConcept, LabelSpace, load_esco
from skillmix.link.lexical import STOPWORDS, LexicalIndex
from skillmix.link.static import StaticEncoder

__all__ = ["EscoLinker", "LinkerConfig", "QueryEncoder", "Ranked", "STATIC_CONFIG"]

#: (ESCO URI, label, score); the URI is "" for a label-space entry ESCO does not know.
Ranked = tuple[str, str, float]


class QueryEncoder(Protocol):
    """What the linker needs of a query encoder (:class:`MiniLMEncoder`,
    :class:`~skillmix.link.static.StaticEncoder`)."""

    dim: int

    def encode_tokens(self, texts: Sequence[str]) -> tuple[np.ndarray, list[TokenBatch]]: ...


_PUNCT_WORDS = frozenset(".,;:!?()[]{}\"'`*•-–—/|<>")


@dataclass(frozen=True, slots=True)
class LinkerConfig:
    """Weights of each channel and the shortlist the window channel rescores."""

    w_label: float = 0.3
    w_desc: float = 0.15
    w_bm25: float = 0.2
    w_phrase: float = 0.2
    w_window: float = 1.0
    bm25_half: float = 8.0
    #: a concept's label similarity = pref + alt_mix * (best of all its labels - pref)
    alt_mix: float = 0.5
    #: weight of how often SkillSpan-train job ads ask for a concept (0 turns it off)
    w_prior: float = 0.0
    #: compare whole texts with alternative labels too (else preferred labels only; the
    #: window channel still sees every label of the shortlist). Off is ~4x cheaper.
    sentence_alts: bool = False
    #: OpenBLAS threads while scoring (1 is fastest for these small products on a
    #: shared CPU; None leaves numpy's setting alone)
    blas_threads: int | None = 1
    #: mix this much of the whole text's embedding into every window (context for
    #: context-free static windows)
    window_context: float = 0.0
    #: threads ranking batches in parallel (each with ``blas_threads`` BLAS threads)
    workers: int = 2
    shortlist: int = 100
    max_window: int = 5
    batch_size: int = 64

    def __post_init__(self) -> None:
        for name in ("shortlist", "max_window", "batch_size", "workers"):
            value = getattr(self, name)
            if not isinstance(value, int) or value < 1:
                raise C306(
                    f"LinkerConfig.{name} must be a positive integer, got {value!r}."
                )
        if not 0.0 <= self.alt_mix <= 1.0:
            raise C306(f"LinkerConfig.alt_mix must be in [0, 1], got {self.alt_mix!r}.")

    def with_(self, **changes: object) -> "LinkerConfig":
        return replace(self, **changes)  # type: ignore[arg-type]  # checked in __post_init__


#: Weights for the static query encoder. Its student embeds sentences: trained to rank
#: like the whole accurate linker, it carries more weight than MiniLM's sentence vector
#: does (0.3), and it has learnt what BM25 over label words told the teacher, so that
#: channel is off (grouped CV: RP@5 +0.1 ± 0.2, better in 5 of 25 folds and worse in
#: none; one knob fewer and ~15% faster). Its windows are context-free, so a shortlist
#: of 50 loses nothing (dev) and halves the window channel's cost.
STATIC_CONFIG = LinkerConfig(w_label=1.5, w_bm25=0.0, w_window=0.75, shortlist=50)


PRIOR_FILE = "prior_skillspan.csv"


def load_prior(uris: Sequence[str], labels: Sequence[str], path: Path | None = None) -> np.ndarray:
    """Per concept, log(1 + credit) / log(1 + max credit) from the shipped prior file
    (matched by URI, else by label); zeros when the file is absent."""
    p = path or Path(str(resources.files("skillmix.link").joinpath("data", PRIOR_FILE)))
    out = np.zeros(len(uris), dtype=np.float32)
    if not p.is_file():
        return out
    by_uri: dict[str, float] = {}
    by_label: dict[str, float] = {}
    with p.open(encoding="utf-8", newline="") as fh:
        for row in csv.DictReader(fh):
            c = float(row["credit"])
            by_uri[row["conceptUri"]] = c
            by_label[row["preferredLabel"]] = c
    for i, (u, lab) in enumerate(zip(uris, labels)):
        out[i] = by_uri.get(u, by_label.get(lab, 0.0)) if u else by_label.get(lab, 0.0)
    top = float(out.max())
    return np.log1p(out) / np.log1p(top) if top > 0 else out


def _label_agg(sims: np.ndarray, starts: np.ndarray, alt_mix: float) -> np.ndarray:
    """Per concept: its preferred label's similarity, moved ``alt_mix`` of the way to the
    best similarity over all its labels (alternative labels are many and noisy)."""
    pref = sims[:, starts]
    best = np.maximum.reduceat(sims, starts, axis=1)
    return pref + alt_mix * (best - pref)


class EscoLinker:
    """Ranks a label space (ESCO skills by default) for texts; build once, reuse.

    Use :meth:`load` for the usual construction. ``rank`` is batched; ``link_span``
    ranks for one extracted span, using its sentence as context.
    """

    def __init__(
        self,
        space: LabelSpace,
        encoder: MiniLMEncoder | None = None,
        *,
        query_encoder: QueryEncoder | None = None,
        config: LinkerConfig | None = None,
        cache_dir: Path | str | None | bool = None,
    ) -> None:
        self.space = space
        self.config = config or LinkerConfig()
        self._encoder = encoder
        store = EmbeddingStore(MiniLMEncoder.model_id, 384 if encoder is None else encoder.dim, cache_dir)
        texts: list[str] = []
        starts: list[int] = []
        owner: list[int] = []
        for i, c in enumerate(space.concepts):
            starts.append(len(texts))
            for t in c.texts:
                texts.append(t)
                owner.append(i)
        self._label_texts = texts
        self._starts = np.asarray(starts, dtype=np.int64)
        self._owner = np.asarray(owner, dtype=np.int64)
        self._ends = np.append(self._starts[1:], len(texts))
        self._label_emb = store.lookup(texts, self._encode_labels)
        self._pref_emb = np.ascontiguousarray(self._label_emb[self._starts])
        descs = [c.description.replace("\n", " ").strip() for c in space.concepts]
        have = [i for i, d in enumerate(descs) if d]
        self._desc_emb = np.zeros((len(descs), store.dim), dtype=np.float32)
        if have:
            self._desc_emb[have] = store.lookup([descs[i] for i in have], self._encode_labels)
        self.lexical = LexicalIndex([c.texts for c in space.concepts])
        self._uris = [c.uri for c in space.concepts]
        self._labels = [c.label for c in space.concepts]
        self._prior = load_prior(self._uris, self._labels)
        self._dense: tuple[tuple[float, float], np.ndarray] | None = None
        self._lowered: list[frozenset[str]] | None = None
        self.query_encoder: QueryEncoder = query_encoder or self.encoder

    @property
    def lowered_texts(self) -> list[frozenset[str]]:
        """Each concept's labels, lower-cased (built on first use)."""
        if self._lowered is None:
            self._lowered = [frozenset(t.lower() for t in c.texts) for c in self.space.concepts]
        return self._lowered

    @property
    def encoder(self) -> MiniLMEncoder:
        """The transformer that embeds labels (loaded on first need)."""
        if self._encoder is None:
            self._encoder = MiniLMEncoder()
        return self._encoder

    def _encode_labels(self, texts: list[str]) -> np.ndarray:
        return self.encoder.encode(texts)

    # ------------------------------------------------------------------ construction
    @classmethod
    def load(
        cls,
        *,
        esco: str | Path | Sequence[EscoConcept] | None = None,
        labels: str | Path | Sequence[str] | None = None,
        config: LinkerConfig | None = None,
        cache_dir: Path | str | None | bool = None,
        encoder: MiniLMEncoder | None = None,
        query_encoder: "QueryEncoder | str | None" = "static",
    ) -> "EscoLinker":
        """A linker over ESCO (the shipped copy unless ``esco`` is given), ranking every
        concept, or only ``labels`` (a list, or a file with one preferred label a line).

        ``query_encoder`` embeds the texts to rank: ``"static"`` (default; word-piece
        tables, ~1,000 sentences/s on 2 cores, as accurate as the transformer on the
        benchmark's dev splits), ``"transformer"`` or ``None`` (MiniLM, the label
        encoder, on every text), or any :class:`QueryEncoder`. Without ``config``, a
        static encoder gets :data:`STATIC_CONFIG`, others :class:`LinkerConfig`'s defaults.

        Over the shipped ESCO this takes a few seconds (its label embeddings ship with
        skillmix); labels it lacks are embedded by MiniLM on first use and cached.
        """
        concepts = list(esco) if isinstance(esco, Sequence) and not isinstance(esco, str) else load_esco(esco)
        if labels is None:
            space = LabelSpace.from_esco(concepts)
        elif isinstance(labels, (str, Path)):
            space = LabelSpace.from_label_file(labels, concepts)
        else:
            space = LabelSpace.from_labels(labels, concepts)
        if query_encoder == "static":
            query_encoder = StaticEncoder.load()
        if isinstance(query_encoder, StaticEncoder) and config is None:
            config = STATIC_CONFIG
        if query_encoder is None or query_encoder == "transformer":
            query_encoder = encoder or MiniLMEncoder()
            encoder = query_encoder
        elif isinstance(query_encoder, str):
            raise C305(
                f"unknown query encoder {query_encoder!r}.",
                hint="Use 'static' (fast) or 'transformer' (MiniLM on every text).",
            )
        return cls(space, encoder, query_encoder=query_encoder, config=config, cache_dir=cache_dir)

    # ------------------------------------------------------------------ channels
    def _window_parts(self, tb: TokenBatch) -> tuple[np.ndarray, np.ndarray, np.ndarray] | None:
        """``(cum, lo, hi)``: prefix sums of the text's word vectors (row 0 zeros; a word
        vector is the sum of its pieces' vectors) and the word windows ``[lo, hi)`` of
        1..max_window words that neither start nor end with a stop word or punctuation;
        None when there is no such window. Window ``w`` is ``cum[hi[w]] - cum[lo[w]]``."""
        if not len(tb.word_ids):
            return None
        # pieces of a word are consecutive
        firsts = np.flatnonzero(np.r_[True, tb.word_ids[1:] != tb.word_ids[:-1]])
        nw = len(firsts)
        sums = np.add.reduceat(tb.vectors, firsts, axis=0)
        bad = np.fromiter(
            (tb.words[i].lower() in STOPWORDS or tb.words[i] in _PUNCT_WORDS for i in tb.word_ids[firsts]),
            dtype=bool, count=nw,
        )
        width = self.config.max_window
        lo = np.repeat(np.arange(nw), width)
        hi = lo + np.tile(np.arange(1, width + 1), nw)
        keep = (hi <= nw) & ~bad[lo] & ~bad[np.minimum(hi, nw) - 1]
        if not keep.any():
            return None
        cum = np.concatenate([np.zeros((1, sums.shape[1]), np.float32), np.cumsum(sums, 0, dtype=np.float32)])
        return cum, lo[keep], hi[keep]

    def _windows(self, tb: TokenBatch) -> np.ndarray:
        """Normalised mean-pooled token vectors of the text's word windows (see
        :meth:`_window_parts`)."""
        parts = self._window_parts(tb)
        if parts is None:
            return np.zeros((0, self._label_emb.shape[1]), dtype=np.float32)
        cum, lo, hi = parts
        vec = cum[hi] - cum[lo]
        return vec / np.maximum(np.linalg.norm(vec, axis=1, keepdims=True), 1e-12)

    def channels(self, texts: Sequence[str]) -> dict[str, np.ndarray]:
        """Every channel's ``(len(texts), n_concepts)`` scores (window: NaN off-shortlist)."""
        cfg = self.config
        sent, tokens = self.query_encoder.encode_tokens(list(texts))
        if cfg.sentence_alts:
            label = _label_agg(sent @ self._label_emb.T, self._starts, cfg.alt_mix)
        else:
            label = sent @ self._pref_emb.T
        desc = sent @ self._desc_emb.T
        raw = self.lexical.bm25(texts)
        bm25 = raw / (raw + cfg.bm25_half)
        phrase = np.zeros_like(label)
        for r, t in enumerate(texts):
            for c, _i, _j, _n in self.lexical.phrases(t):
                phrase[r, c] = 1.0
        prior = np.broadcast_to(self._prior, label.shape)
        base = (cfg.w_label * label + cfg.w_desc * desc + cfg.w_bm25 * bm25 + cfg.w_phrase * phrase
                + cfg.w_prior * prior)
        window = np.full_like(label, np.nan)
        k = min(cfg.shortlist, base.shape[1])
        shortlists = np.argpartition(-base, k - 1, axis=1)[:, :k]
        for r, tb in enumerate(tokens):
            win = self._window_channel(sent[r], tb, shortlists[r])
            if win is not None:
                window[r, shortlists[r]] = win
        return {"label": label, "desc": desc, "bm25": bm25, "phrase": phrase, "window": window,
                "prior": prior}

    def _window_channel(self, sent: np.ndarray, tb: TokenBatch, short: np.ndarray) -> np.ndarray | None:
        """The window channel of one text on the concepts ``short`` (None: no windows)."""
        cfg = self.config
        win = self._windows(tb)
        if not len(win):
            return None
        lens = self._ends[short] - self._starts[short]
        local = np.concatenate([[0], np.cumsum(lens)[:-1]])
        cols = np.arange(int(lens.sum())) + np.repeat(self._starts[short] - local, lens)
        if cfg.window_context:
            win = win + cfg.window_context * sent
            win /= np.maximum(np.linalg.norm(win, axis=1, keepdims=True), 1e-12)
        sims = (win @ self._label_emb[cols].T).max(0)
        pref = sims[local]
        best = np.maximum.reduceat(sims, local)
        return pref + cfg.alt_mix * (best - pref)

    def label_rows(self, concepts: Sequence[int] | np.ndarray,
                   ) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """Every label (preferred and alternative) of ``concepts``: the rows, the concept
        each row belongs to, and the rows' embeddings (what span proposals compare with)."""
        rows = np.concatenate([np.arange(self._starts[c], self._end(c)) for c in concepts])
        return rows, self._owner[rows], self._label_emb[rows]

    def concept(self, c: int) -> tuple[str, str]:
        """The URI and the preferred label of concept number ``c``."""
        return self._uris[c], self._labels[c]

    def _end(self, c: int) -> int:
        return int(self._ends[c])

    def _dense_matrix(self) -> np.ndarray:
        """``w_label`` x preferred-label plus ``w_desc`` x description embeddings, so the
        two dense sentence channels cost one product; rebuilt when the weights change."""
        cfg = self.config
        key = (cfg.w_label, cfg.w_desc)
        cached = self._dense
        if cached is None or cached[0] != key:
            m = np.ascontiguousarray(cfg.w_label * self._pref_emb + cfg.w_desc * self._desc_emb,
                                     dtype=np.float32)
            cached = self._dense = (key, m)
        return cached[1]

    def score(self, texts: Sequence[str]) -> np.ndarray:
        """Final scores, ``(len(texts), n_concepts)``; higher is better.

        The same sum as ``fuse(channels(texts))``, computed without materialising each
        channel: one product for the dense channels, BM25 and phrases added only where
        they are non-zero, windows only on the shortlist (the fast path for ranking)."""
        cfg = self.config
        if cfg.sentence_alts:
            with blas_threads(cfg.blas_threads):
                return self.fuse(self.channels(texts))
        with blas_threads(cfg.blas_threads):
            return self._score(list(texts))[0]

    def _score(self, texts: list[str], depth: int = 0) -> tuple[np.ndarray, np.ndarray | None]:
        """Scores and, when ``depth`` > 0, per text the indices holding its ``depth`` best
        scores (unordered): the ``depth`` best by the pre-window sum, a superset of the
        shortlist, is the only place the final top ``depth`` can be, since window scores
        lift every shortlisted concept above the rest. One partial sort serves both."""
        cfg = self.config
        sent, tokens = self.query_encoder.encode_tokens(texts)
        base = sent @ self._dense_matrix().T
        if cfg.w_prior:
            base += cfg.w_prior * self._prior
        for r, t in enumerate(texts):
            key = self.lexical.key(t)
            if cfg.w_bm25:
                ids, raw = self.lexical.bm25_sparse(key)
                base[r, ids] += cfg.w_bm25 * (raw / (raw + cfg.bm25_half))
            if cfg.w_phrase:
                found = {c for c, _i, _j, _n in self.lexical.phrases(key)}
                if found:
                    base[r, list(found)] += cfg.w_phrase
        n = base.shape[1]
        k = min(cfg.shortlist, n) if cfg.w_window else 0
        kk = min(max(k, depth), n)
        cand = np.argpartition(-base, kk - 1, axis=1)[:, :kk] if kk else None
        if not k or cand is None:
            return base, cand
        if kk > k:
            sub = np.argpartition(-np.take_along_axis(base, cand, 1), k - 1, axis=1)[:, :k]
            shortlists = np.take_along_axis(cand, sub, 1)
        else:
            shortlists = cand
        for r, tb in enumerate(tokens):
            short = shortlists[r]
            win = self._window_channel(sent[r], tb, short)
            if win is not None:
                # off-shortlist concepts rank after every shortlisted one
                base[r, short] += cfg.w_window * win + 100.0
        return base, (cand if depth else None)

    def fuse(self, ch: dict[str, np.ndarray], config: LinkerConfig | None = None) -> np.ndarray:
        cfg = config or self.config
        base = (cfg.w_label * ch["label"] + cfg.w_desc * ch["desc"] + cfg.w_bm25 * ch["bm25"]
                + cfg.w_phrase * ch["phrase"] + cfg.w_prior * ch["prior"])
        if cfg.w_window == 0:
            return base
        win = ch["window"]
        on = ~np.isnan(win)
        # off-shortlist concepts rank after every shortlisted one
        return np.where(on, base + cfg.w_window * np.nan_to_num(win) + 100.0, base)

    # ------------------------------------------------------------------ public
    def rank(self, texts: Sequence[str], top_k: int = 10) -> list[list[Ranked]]:
        """The ``top_k`` concepts for each text, best first, as (uri, label, score)."""
        if top_k < 1:
            raise C304(f"top_k must be at least 1, got {top_k}.")
        k = min(top_k, len(self._labels))
        n = len(texts)
        parts = max(self.config.workers, -(-n // self.config.batch_size)) if n else 0
        bounds = [(n * i // parts, n * (i + 1) // parts) for i in range(parts)]
        chunks = [list(texts[lo:hi]) for lo, hi in bounds if hi > lo]
        # set BLAS threads once here: the setting is process-wide, so worker threads
        # must not each set and restore it
        with blas_threads(self.config.blas_threads):
            if self.config.workers > 1 and len(chunks) > 1:
                # numpy releases the GIL in its kernels: a second thread uses the second core
                with ThreadPoolExecutor(max_workers=self.config.workers) as pool:
                    done = list(pool.map(lambda c: self._rank_chunk(c, k), chunks))
            else:
                done = [self._rank_chunk(c, k) for c in chunks]
        return [row for part in done for row in part]

    def _rank_chunk(self, texts: list[str], k: int) -> list[list[Ranked]]:
        if self.config.sentence_alts:
            scores = self.score(texts)
            top = np.argpartition(-scores, k - 1, axis=1)[:, :k]
        else:
            with blas_threads(self.config.blas_threads):
                scores, top = self._score(texts, depth=k)
            assert top is not None
        out: list[list[Ranked]] = []
        for r in range(scores.shape[0]):
            idx = top[r][np.argsort(-scores[r, top[r]], kind="stable")][:k]
            out.append([(self._uris[i], self._labels[i], float(scores[r, i])) for i in idx])
        return out

    def rank_labels(self, texts: Sequence[str], top_k: int = 100) -> list[list[str]]:
        """Only the labels, best first (what the benchmark scores)."""
        return [[lab for _u, lab, _s in row] for row in self.rank(texts, top_k)]

    def link_span(self, span: str, sentence: str | None = None, top_k: int = 5) -> list[Ranked]:
        """Concepts for one extracted ``span``; with its ``sentence``, concepts the span
        and its context agree on rank first (span scores weigh twice the sentence's)."""
        return self.link_spans([(span, sentence)], top_k)[0]

    def link_spans(
        self, spans: Sequence[tuple[str, str | None]], top_k: int = 5
    ) -> list[list[Ranked]]:
        """:meth:`link_span` for many ``(span, sentence)`` pairs in one batched pass."""
        if top_k < 1:
            raise C304(f"top_k must be at least 1, got {top_k}.")
        texts = list(dict.fromkeys(t for pair in spans for t in pair if t))
        row = {t: i for i, t in enumerate(texts)}
        out: list[list[Ranked]] = []
        if not texts:
            return [[] for _ in spans]
        with blas_threads(self.config.blas_threads):
            scores = np.concatenate(
                [self.score(texts[lo : lo + self.config.batch_size])
                 for lo in range(0, len(texts), self.config.batch_size)]
            )
        k = min(top_k, scores.shape[1])
        for span, sentence in spans:
            if not span:
                out.append([])
                continue
            fused = scores[row[span]]
            if sentence and sentence.strip() != span.strip():
                fused = (2.0 * fused + scores[row[sentence]]) / 3.0
            top = np.argpartition(-fused, k - 1)[:k]
            top = top[np.argsort(-fused[top], kind="stable")]
            out.append([(self._uris[i], self._labels[i], float(fused[i])) for i in top])
        return out
