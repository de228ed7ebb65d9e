"""The extraction engine: a document's text in, evidence-backed skill mentions out.

One :class:`Extractor` holds a compiled vocabulary (see :mod:`.vocabulary`) and is
reused for every document. For each document it

1. normalizes the text without moving any character (:mod:`.normalize`);
2. runs the automaton once and keeps whole-word hits whose guards pass (exact spelling
   for short and ambiguous forms);
3. resolves overlaps, longest first (so "social media marketing" beats "social media");
4. applies the context rules (:mod:`.context`) and the document's structure: section,
   requirement level, years, negation, professional vs consumer use, enclosing role;
   mentions in boilerplate sections (EEO, benefits) are dropped.
"""

from __future__ import annotations

import re
from typing import Iterable, Iterator, Sequence

from ..batch import BatchReport, OnError, check_on_error, run_batch
from ..errors import ExtractionError
from ..records import Document, Extraction, Posting, Resume, SkillMention, content_id
from ..taxonomy.model import Taxonomy
from ..taxonomy.registry import DEFAULT_TAXONOMY
from .context import ContextRules, cue_phrases
from .semantic import SemanticFallback
from .normalize import normalize
from .vocabulary import Vocabulary

__all__ = ["EXTRACTOR_VERSION", "Extractor"]

EXTRACTOR_VERSION = "1.0"

_FINAL_DOT = re.compile(r"\.(?= |$)")

_SECTION_REQUIREMENT = {
    "requirements": "required",
    "responsibilities": "required",
    "preferred": "preferred",
}

Input = Document | Posting | Resume | str


def as_document(item: Input, kind: str | None = None) -> Document:
    """The :class:`Document` inside ``item``; plain text becomes one (with sections
    detected by :func:`skillmix.io.detect_sections`)."""
    if isinstance(item, Document):
        return item
    if isinstance(item, (Posting, Resume)):
        return item.document
    if isinstance(item, str):
        from ..io import detect_sections, parse_roles

        k = kind or "unknown"
        sections = detect_sections(item, k)
        roles = parse_roles(item, sections) if k == "resume" else ()
        return Document(
            id=content_id(item), text=item, source="<text>", media_type="text/plain",
            kind=k, sections=sections, roles=roles,  # type: ignore[arg-type]
        )
    raise ExtractionError(
        "E001",
        f"cannot extract from a {type(item).__name__}; expected a Document, Posting, "
        "Resume or str.",
    )


_SENTENCE_START = frozenset("\n.!?:;\u2022*-\u2013\u2014>|")


def _guard_ok(text: str, start: int, end: int) -> bool:
    """Extra checks for exact-spelling forms ("Go", "R", "Excel"): capitalization proves
    nothing at the start of a sentence ("Go digital!", "Excel in a fast pace") unless the
    word stands alone as a list item, and a one-letter form must not be part of an
    abbreviation ("A/R", "R-value", "J. R. Smith")."""
    form = text[start:end]
    if end - start == 1:
        before = text[start - 1] if start else " "
        after = text[end] if end < len(text) else " "
        if before in "/-.'&" or after in "/-'&" or (after == "." and end + 1 < len(text)
                                                   and text[end + 1].isalpha()):
            return False
    if form[:1].isupper() and (len(form) == 1 or form[1:].islower()) and " " not in form:
        p = start - 1
        while p >= 0 and text[p] in " \t":
            p -= 1
        if p < 0 or text[p] in _SENTENCE_START:
            # sentence-initial: keep it only as a list item ("- Excel, Word" or alone on
            # its line), where a sentence would not start with the plain word
            q = end
            while q < len(text) and text[q] in " \t":
                q += 1
            return q >= len(text) or text[q] in ",;/|\n)"
    return True


class Extractor:
    """Lexical skill extraction with context, over one or more taxonomies.

    ``taxonomy`` is a spec such as ``"builtin"`` or ``"builtin+esco"`` (see
    :func:`skillmix.taxonomy.load_taxonomies`) or a tuple of loaded taxonomies.
    ``context=False`` skips the context rules (faster; every mention is "mentioned").
    """

    name = "lexical"

    def __init__(
        self,
        taxonomy: str | Taxonomy | Sequence[Taxonomy] = DEFAULT_TAXONOMY,
        *,
        context: bool = True,
        skip_boilerplate: bool = True,
        use_cache: bool = True,
        semantic: "SemanticFallback | bool" = False,
    ) -> None:
        source: str | tuple[Taxonomy, ...]
        if isinstance(taxonomy, str):
            source = taxonomy
        elif isinstance(taxonomy, Taxonomy):
            source = (taxonomy,)
        else:
            source = tuple(taxonomy)
        self.context = context
        self.skip_boilerplate = skip_boilerplate
        if semantic is True:
            semantic = SemanticFallback()
        self.semantic: SemanticFallback | None = semantic or None
        self.vocabulary = Vocabulary.load_or_build(
            source, use_cache=use_cache, cues=cue_phrases()
        )
        self._tax_meta = self.vocabulary.taxonomies
        self.taxonomy_label = "+".join(n for n, _ in self._tax_meta)
        self.taxonomy_version = "+".join(v for _, v in self._tax_meta)

    # ------------------------------------------------------------------ matching

    def _hits(
        self, text: str, norm: str
    ) -> tuple[list[tuple[int, int, tuple]], list[tuple[int, int, str]]]:
        """Guard-passing, non-overlapping skill hits (start, end, candidate) and the
        context cues (start, end, family), both in text order, from one scan."""
        entries = self.vocabulary.entries
        hits: list[tuple[int, int, tuple]] = []
        cues: list[tuple[int, int, str]] = []
        add_hit = hits.append
        scan = " " + _FINAL_DOT.sub(" ", norm) + " "
        for pend, idx in self.vocabulary.automaton.iter(scan):
            # the key " form " ends at padded index `pend` (its trailing space), so in
            # text coordinates the form is [pend - 1 - len(form), pend - 1)
            form_len, cands, fams = entries[idx]
            end = pend - 1
            start = end - form_len
            if cands:
                if cands[0][2] is None:  # the usual case: no spelling guard
                    add_hit((start, end, cands[0]))
                else:
                    for cand in cands:
                        exact = cand[2]
                        if exact is None or (text[start:end] == exact
                                             and _guard_ok(text, start, end)):
                            add_hit((start, end, cand))
                            break
            if fams:
                for fam in fams:
                    cues.append((start, end, fam))
        if len(hits) > 1:
            hits.sort(key=lambda h: (h[0] - h[1], h[0]))
            taken = bytearray(len(norm) + 1)
            chosen = []
            for start, end, cand in hits:
                if taken.find(1, start, end) == -1:
                    taken[start:end] = b"\x01" * (end - start)
                    chosen.append((start, end, cand))
            chosen.sort(key=lambda h: h[0])
            hits = chosen
        if len(cues) > 1:
            cues.sort()
        return hits, cues

    # ------------------------------------------------------------------ public API

    def extract(self, item: Input, *, kind: str | None = None) -> Extraction:
        """All skill mentions in one document."""
        doc = as_document(item, kind)
        text = doc.text
        norm = normalize(text)
        hits, cues = self._hits(text, norm)
        rules = ContextRules(text, cues) if self.context or self.semantic else None
        found: list[tuple[int, int, str, str, str | None, int, str, float]] = []
        for start, end, (ti, sid, _, label, area) in hits:
            found.append((start, end, sid, label, area, ti, self.name, 1.0))
        if self.semantic is not None and rules is not None:
            found.extend(self._semantic(doc, hits, rules))
            found.sort(key=lambda f: f[0])
        mentions: list[SkillMention] = []
        is_resume = doc.kind == "resume"
        sections = doc.sections
        for start, end, sid, label, area, ti, extractor, confidence in found:
            section = None
            if sections:
                section = doc.section_at(start)
                if section is not None and section.boilerplate and self.skip_boilerplate:
                    continue
            sec_kind = section.kind if section is not None else None
            if ti >= 0:
                tax_name, tax_version = self._tax_meta[ti]
                version = EXTRACTOR_VERSION
            else:
                tax_name, tax_version = "esco", "1.1"
                version = self.semantic.version if self.semantic else EXTRACTOR_VERSION
            if rules is not None and self.context:
                sent = rules.sentence(start)
                s_start, s_end = sent.start, sent.end
                if is_resume:
                    requirement = "mentioned"
                else:
                    requirement = rules.requirement(
                        sent, _SECTION_REQUIREMENT.get(sec_kind or "", "mentioned")
                    )
                years = rules.years(sent, start, end)
                negated = rules.negated(sent, start, end)
                usage = rules.usage(sent, start, end, is_resume)
            else:
                s_start, s_end = start, end
                requirement, years, negated, usage = "mentioned", None, False, "unspecified"
            mentions.append(
                SkillMention(
                    skill_id=sid, label=label, taxonomy=tax_name,
                    taxonomy_version=tax_version, start=start, end=end,
                    surface=text[start:end], sentence_start=s_start,
                    sentence_end=s_end, area=area, section=sec_kind,
                    requirement=requirement, years=years, negated=negated,  # type: ignore[arg-type]
                    usage=usage,  # type: ignore[arg-type]
                    role=doc.role_at(start) if doc.roles else None,
                    extractor=extractor, extractor_version=version, confidence=confidence,
                )
            )
        return Extraction(
            document_id=doc.id, source=doc.source, kind=doc.kind,
            taxonomy=self.taxonomy_label, taxonomy_version=self.taxonomy_version,
            extractor_version=EXTRACTOR_VERSION, mentions=tuple(mentions),
        )

    def _semantic(
        self, doc: Document, hits: list[tuple[int, int, tuple]], rules: ContextRules
    ) -> list[tuple[int, int, str, str, str | None, int, str, float]]:
        """Semantic spans in the sentences with no lexical hit (outside boilerplate)."""
        assert self.semantic is not None
        with_hits = {rules.sentence(h[0]).start for h in hits}
        empty: list[tuple[int, int]] = []
        for i, start in enumerate(rules.starts):
            end = rules.starts[i + 1] if i + 1 < len(rules.starts) else len(doc.text)
            if start in with_hits or not doc.text[start:end].strip():
                continue
            section = doc.section_at(start) if doc.sections else None
            if section is not None and section.boilerplate:
                continue
            empty.append((start, end))
        return [(s.start, s.end, s.skill_id, s.label, None, -1, self.semantic.name, s.score)
                for s in self.semantic.spans(doc.text, empty)]

    def pipe(
        self,
        items: Iterable[Input],
        *,
        on_error: OnError = "collect",
        report: BatchReport | None = None,
    ) -> Iterator[Extraction]:
        """Extract from many documents; failures are recorded in ``report``."""
        check_on_error(on_error)
        yield from run_batch(
            items, self.extract, source=_source_of, on_error=on_error, report=report
        )


def _source_of(item: Input) -> str:
    if isinstance(item, Document):
        return item.source
    if isinstance(item, (Posting, Resume)):
        return item.document.source
    return "<text>"
