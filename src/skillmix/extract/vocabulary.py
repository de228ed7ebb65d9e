"""The compiled vocabulary: every surface form of the chosen taxonomies in one
Aho-Corasick automaton, built once and cached on disk.

Each key is ``" " + normalised form + " "`` and the text is scanned as
``" " + normalised text + " "`` (with sentence-final full stops read as spaces), so the
automaton only ever reports whole-word matches and no hit needs checking in Python.
Each key's value indexes :attr:`Vocabulary.entries`, a tuple of candidates
``(taxonomy_index, skill_id, exact_surface_or_None)``: ``exact_surface`` is set for
guarded forms that only count when the original text spells them exactly (short forms,
ambiguous words, the taxonomy's own ``case_sensitive`` list).

Inflections (:mod:`.morphology`): the last word of a form also matches in singular and
plural, and the first word of a multi-word form in every verb inflection ("creating
content" / "created content" / "creates content"); ESCO only inflects the verbs of its
skill (not knowledge) labels.
"""

from __future__ import annotations

import hashlib
import pickle
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Callable

import ahocorasick

from ..errors.extraction_codes import E010
from ..atomic import atomic_write
from ..taxonomy.model import Taxonomy
from .morphology import form_variants, hyphen_led
from .normal_form import normalise_form

__all__ = ["VOCABULARY_VERSION", "Vocabulary", "cache_dir"]

#: Bump when the way forms are generated changes, to invalidate disk caches.
VOCABULARY_VERSION = "7"

#: (taxonomy index, skill id, exact surface or None, label, area)
Candidate = tuple[int, str, "str | None", str, "str | None"]


def cache_dir() -> Path:
    """Where compiled vocabularies are cached: the root of
    :attr:`skillmix.config.Settings.cache_dir`."""
    from ..config import current_settings

    return current_settings().cache()


def _ambiguous_words() -> frozenset[str]:
    text = (resources.files("skillmix.extract") / "data" / "ambiguous.txt").read_text("utf-8")
    return frozenset(
        w.strip() for w in text.splitlines() if w.strip() and not w.startswith("#")
    )


#: never a skill on their own, whatever a big taxonomy says ("TO", "OR", "Make")
_FUNCTION_WORDS = frozenset(
    "a an the to or and of in on at by for with as is be are was it re do go so up us we "
    "me my no not if all any can may will make get set use new one two".split()
)

@dataclass(frozen=True, slots=True)
class Vocabulary:
    """A compiled automaton over several taxonomies, plus what each hit means."""

    automaton: "ahocorasick.Automaton"
    #: per key: (form length, skill candidates, context-cue families)
    entries: tuple[tuple[int, tuple[Candidate, ...], tuple[str, ...]], ...]
    taxonomies: tuple[tuple[str, str], ...]
    key: str
    keys: tuple[str, ...] = field(default=(), repr=False)
    #: evidence-phrase forms (``extra``) that are no builtin skill's own name: a
    #: coordination may not build on them (see ``engine``); kept here so that a cached
    #: start need not expand the phrases again
    phrase_only: frozenset[str] = field(default=frozenset(), repr=False)

    @classmethod
    def build(
        cls,
        taxonomies: tuple[Taxonomy, ...],
        key: str | None = None,
        cues: "dict[str, tuple[str, ...]] | None" = None,
        extra: "dict[str, tuple[str, ...]] | None" = None,
    ) -> "Vocabulary":
        """Compile ``taxonomies``; ``cues`` are context-cue phrases (phrase ->
        families); ``extra`` are evidence phrases of builtin skills (skill id ->
        normalised phrases), used when a taxonomy named ``builtin`` is among them."""
        ambiguous = _ambiguous_words()
        # key -> [(taxonomy index, exact-last flag, priority, skill id, exact, label, area)]
        table: dict[str, list[tuple]] = {}
        names: set[str] = set()  # the builtin skills' own names, normalised
        phrase_forms: set[str] = set()  # evidence-phrase forms
        for ti, tax in enumerate(taxonomies):
            curated = tax.name not in ("esco", "lightcast", "onet")
            verb_led = tax.name == "esco"
            for skill in tax:
                forced = set(skill.case_sensitive)
                for fi, form in enumerate(skill.surface_forms):
                    norm = normalise_form(form)
                    if tax.name == "builtin":
                        names.add(norm)
                    if not norm or len(norm) > 120:
                        continue
                    if norm in _FUNCTION_WORDS and form not in forced:
                        continue
                    exact: str | None = None
                    single = " " not in norm
                    if form in forced:
                        exact = " ".join(form.split())
                    elif not curated and single and (
                        norm in ambiguous or len(norm) <= 2 or (len(norm) <= 5 and form.isupper())
                        or (fi > 0 and tax.name == "lightcast" and form[:1].isupper())
                    ):
                        if form == form.lower():
                            continue  # a lower-case ambiguous form can't be told apart
                        exact = form.strip()
                    elif not curated and single and fi > 0:
                        continue  # one-word alternative labels of big taxonomies are noise
                    elif len(norm) <= 2:
                        exact = form.strip()
                    prio = 0 if fi == 0 else 1
                    table.setdefault(" " + norm + " ", []).append(
                        (ti, exact is None, prio, skill.id, exact, skill.label, skill.area)
                    )
                    if exact is None and len(norm) > 3:
                        led = ((verb_led and skill.kind != "knowledge") or curated) \
                            and not hyphen_led(form)
                        for v in form_variants(norm, verb_led=led and not single, lean=not curated):
                            table.setdefault(" " + v + " ", []).append(
                                (ti, True, prio + 2, skill.id, None, skill.label, skill.area)
                            )
        for ti, tax in enumerate(taxonomies):
            if tax.name != "builtin" or not extra:
                continue
            for sid, phrases in extra.items():
                if sid not in tax:
                    continue
                skill = tax.get(sid)
                for phrase in phrases:
                    phrase_forms.add(phrase)
                    if phrase and phrase not in _FUNCTION_WORDS:
                        table.setdefault(" " + phrase + " ", []).append(
                            (ti, True, 3, sid, None, skill.label, skill.area)
                        )
        for phrase, cue_fams in (cues or {}).items():
            table.setdefault(" " + phrase + " ", []).append((-1, False, 0, "", None, "", cue_fams))

        entries: list[tuple[int, tuple[Candidate, ...], tuple[str, ...]]] = []
        keys = sorted(table)
        for form_key in keys:
            bucket = table[form_key]
            bucket.sort()
            seen: set[tuple[int, str, str | None]] = set()
            cands: list[Candidate] = []
            fams: tuple[str, ...] = ()
            for ti, _, _, sid, exact, label, area in bucket:
                if ti < 0:
                    fams = area  # a context cue: its families ride in the last slot
                elif (ti, sid, exact) not in seen:
                    seen.add((ti, sid, exact))
                    cands.append((ti, sid, exact, label, area))
            entries.append((len(form_key) - 2, tuple(cands), fams))
        meta = tuple((t.name, t.version) for t in taxonomies)
        phrase_only = frozenset(phrase_forms - names) if "builtin" in (t.name for t in taxonomies) \
            else frozenset()
        return cls(_compile(keys), tuple(entries), meta, key or _cache_key(taxonomies, cues),
                   tuple(keys), phrase_only)

    # ------------------------------------------------------------------ disk cache

    @classmethod
    def load_or_build(
        cls,
        taxonomies: "tuple[Taxonomy, ...] | str",
        use_cache: bool = True,
        cues: "dict[str, tuple[str, ...]] | Callable[[], dict[str, tuple[str, ...]]] | None" = None,
        extra: "dict[str, tuple[str, ...]] | Callable[[], dict[str, tuple[str, ...]]] | None" = None,
        data_key: str | None = None,
    ) -> "Vocabulary":
        """The compiled vocabulary for ``taxonomies`` (loaded taxonomies, or a spec
        string such as ``"builtin+esco"``).

        The disk cache holds the sorted keys and their candidates; re-making the
        automaton from sorted keys is faster than unpickling a saved automaton. With a
        spec string and a fresh cache the taxonomy files are not even parsed.

        ``cues`` and ``extra`` may be functions, called only when the vocabulary has to
        be compiled; then ``data_key`` (a digest of the files they are made from) stands
        for them in the cache key, so a cached start never expands inflections.
        """
        if data_key is None:
            cues = cues() if callable(cues) else cues
            extra = extra() if callable(extra) else extra
            material: "str | tuple" = (repr(sorted((cues or {}).items())),
                                       repr(sorted((extra or {}).items())))
        else:
            material = data_key
        if isinstance(taxonomies, str):
            from ..taxonomy.registry import load_taxonomies, spec_sources

            key = _spec_key(spec_sources(taxonomies), material)
            loader = lambda: load_taxonomies(taxonomies)  # noqa: E731
        else:
            loaded = taxonomies
            key = _cache_key(loaded, material)
            loader = lambda: loaded  # noqa: E731
        if use_cache and key in _LOADED:
            return _LOADED[key]
        path = cache_dir() / f"vocab-{key}.pkl"
        if use_cache and path.exists():
            from ..cachefile import load_pickle

            state = load_pickle(path)  # None: missing, damaged or not ours alone
            if isinstance(state, tuple) and len(state) == 4:
                try:
                    keys, entries, meta, phrase_only = state
                    vocab = cls(_compile(keys), entries, meta, key, (), phrase_only)
                    _LOADED[key] = vocab
                    return vocab
                except (TypeError, ValueError):
                    pass  # a damaged cache is rebuilt below
        vocab = cls.build(loader(), key=key, cues=cues() if callable(cues) else cues,
                          extra=extra() if callable(extra) else extra)
        if use_cache:
            try:
                state = (list(vocab.keys), vocab.entries, vocab.taxonomies, vocab.phrase_only)

                def write(tmp: Path) -> None:
                    with tmp.open("wb") as fh:
                        pickle.dump(state, fh, protocol=pickle.HIGHEST_PROTOCOL)

                atomic_write(path, write)
                _LOADED[key] = vocab
            except OSError as err:
                raise E010(
                    f"cannot write the vocabulary cache ({err.strerror}).",
                    source=str(path.parent),
                    hint="Set $SKILLMIX_CACHE_DIR to a writable folder, or pass use_cache=False.",
                ) from None
        return vocab



#: vocabularies already loaded in this process, by cache key (they are immutable)
_LOADED: dict[str, Vocabulary] = {}


def _compile(keys: list[str]) -> "ahocorasick.Automaton":
    """An automaton whose value for ``keys[i]`` is ``i``."""
    automaton = ahocorasick.Automaton(ahocorasick.STORE_INTS)
    add = automaton.add_word
    for i, k in enumerate(keys):
        add(k, i)
    automaton.make_automaton()
    return automaton


def _spec_key(sources: list[tuple[str, tuple[str, int, int]]], material: "str | tuple" = "") -> str:
    h = hashlib.sha256(VOCABULARY_VERSION.encode())
    h.update(repr(material).encode())
    h.update("\n".join(sorted(_ambiguous_words())).encode())
    for kind, ident in sources:
        h.update(f"|{kind}|{ident}".encode())
    return h.hexdigest()[:20]


def _cache_key(taxonomies: tuple[Taxonomy, ...], material: object = "") -> str:
    h = hashlib.sha256(VOCABULARY_VERSION.encode())
    h.update(repr(material).encode())
    h.update("\n".join(sorted(_ambiguous_words())).encode())
    for t in taxonomies:
        h.update(f"|{t.name}|{t.version}|{len(t)}|{t.source}".encode())
        if t.source:
            try:
                st = Path(t.source).stat()
                h.update(f"{st.st_mtime_ns}|{st.st_size}".encode())
            except OSError:
                pass
        # user extensions change content without changing the file: hash ids and forms
        if not t.source or t.name not in ("esco", "lightcast", "onet"):
            for s in t:
                h.update(s.id.encode())
                h.update("\x1f".join(s.surface_forms).encode())
                h.update("\x1e".join(s.case_sensitive).encode())
    return h.hexdigest()[:20]
