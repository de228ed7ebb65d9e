"""Assessments and rankings for stored candidates, through the assess, match and fairness
libraries' public functions (no scoring logic lives here).

Why this module: the server must (1) load profiles only by name (built-in or stored in the
database, never a path a client sends), (2) run blind mode by default—résumés are masked by
:func:`skillmix.fairness.redact` before extraction and scoring see them—and (3) record a
decision for every scoring or ranking call. Scores are stored as JSON (``to_dict``) with
the candidate/document mapping, so the UI and API read them back without re-running.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Mapping

from ..errors import ConfigError, NotFoundError, ProfileError
from ..records import Document, Extraction, Posting, Resume
from . import repo
from .decisions import decision_log, keyed_input, pseudonym
from .derived import blind_version
from .types import StoredResult

if TYPE_CHECKING:
    from .workspace import Workspace

__all__ = ["ProfileChoice", "assess_candidate", "candidate_of", "check_taxonomy_spec",
           "profile_choices", "rank_posting", "resolve_profile", "save_profile_yaml"]


@dataclass(frozen=True, slots=True)
class ProfileChoice:
    """A profile a user may pick: built-in or stored in this workspace."""

    id: str
    label: str
    origin: str


def profile_choices(ws: "Workspace") -> list[ProfileChoice]:
    from ..assess import available_profiles

    out = [ProfileChoice(p.id, p.name, "workspace") for p in repo.list_profiles(ws.store)]
    taken = {c.id for c in out}
    out += [ProfileChoice(i, label, "builtin") for i, label in available_profiles().items()
            if i not in taken]
    return out


def resolve_profile(ws: "Workspace", profile_id: str):  # type: ignore[no-untyped-def]
    """A workspace profile by id, else a built-in one by name; never a file path."""
    from ..assess import available_profiles, load_profile, parse_profile

    stored = repo.get_profile(ws.store, profile_id)
    if stored is not None:
        check_taxonomy_spec(ws, stored.data.get("taxonomy"), f"profile:{profile_id}")
        return parse_profile(dict(stored.data), source=f"profile:{profile_id}")
    if profile_id not in available_profiles():
        raise ProfileError("P190", f"no profile {profile_id!r} in this workspace.",
                           hint="List them with GET /v1/profiles.")
    return load_profile(profile_id)


def check_taxonomy_spec(ws: "Workspace", spec: Any, source: str) -> None:
    """Refuse (``[P193]``) a profile's taxonomy spec unless every ``+``-part is a name the
    server registered (:meth:`Workspace.registered_taxonomies`): no path a client sends
    ever reaches the file system, so no error can quote a server file."""
    text = "builtin" if spec is None else str(spec)
    allowed = ws.registered_taxonomies()
    parts = [p.strip() for p in text.split("+")]
    if not text.strip() or any(p not in allowed for p in parts):
        shown = text if len(text) <= 80 else text[:77] + "..."
        raise ProfileError("P193", f"taxonomy {shown!r} is not registered on this server.",
                           source=source,
                           hint=f"Name one of: {', '.join(sorted(allowed))} (joined by '+').")


def save_profile_yaml(ws: "Workspace", profile_id: str, text: str, *, actor: str):  # type: ignore[no-untyped-def]
    """Validate a profile (YAML or JSON text) with the assess library and store it."""
    import re

    import yaml

    from ..assess import parse_profile

    if not re.fullmatch(r"[a-z0-9][a-z0-9-]{0,99}", profile_id or ""):
        raise ConfigError("C131", f"profile id {profile_id!r} is not valid.",
                          hint="Use lower-case letters, digits and hyphens (up to 100).")
    try:
        raw = yaml.safe_load(text)
    except yaml.YAMLError as err:
        raise ProfileError("P191", f"the profile is not valid YAML: {err}.",
                           source=f"profile:{profile_id}") from None
    except RecursionError:  # the YAML parser recurses once per nesting level
        raise ProfileError("P191", "the profile is nested too deeply to be a profile.",
                           source=f"profile:{profile_id}",
                           hint="A profile is a mapping a few levels deep.") from None
    if not isinstance(raw, dict):
        raise ProfileError("P192", "a profile must be a mapping of fields.",
                           source=f"profile:{profile_id}")
    raw = {**raw, "id": profile_id}
    check_taxonomy_spec(ws, raw.get("taxonomy"), f"profile:{profile_id}")
    prof = parse_profile(raw, source=f"profile:{profile_id}")
    return repo.put_profile(ws.store, profile_id, prof.label, prof.to_dict(), actor=actor)


def _subject(ws: "Workspace", candidate_id: str, blind: bool) -> tuple[Document, Extraction, dict[str, Any], str | None]:
    """The résumé scoring sees (masked in blind mode), its extraction, how it was made,
    and the candidate's name."""
    name, stored = repo.latest_resume(ws.store, candidate_id)
    if stored is None:
        raise NotFoundError("S140", f"candidate {candidate_id!r} has no résumé.",
                            hint="Upload one with POST /v1/documents (kind=resume).")
    doc = stored.document
    if blind:
        from dataclasses import replace

        from ..fairness.labels import neutral_label

        doc, ext, counts = blind_version(ws, doc, name)
        # The file name can carry the candidate's name: blind results show a neutral label.
        label = neutral_label(candidate_id)
        doc, ext = doc.replace(source=label), replace(ext, source=label)
        return doc, ext, {"blind": True, "redactions": counts, "label": label}, name
    try:
        ext = repo.get_extraction(ws.store, stored.id)
    except NotFoundError:
        ext = ws.extractor.extract(doc)
    from ..fairness.labels import candidate_label

    return doc, ext, {"blind": False, "label": candidate_label(
        candidate_id, name=name, source=doc.source, blind=False)}, name


def _posting(ws: "Workspace", posting_id: str) -> tuple[Posting, Extraction]:
    """A stored posting as a :class:`Posting` with its newest document's extraction."""
    info = repo.get_posting(ws.store, posting_id)
    docs = repo.posting_documents(ws.store, posting_id)
    if not docs:
        raise NotFoundError("S141", f"posting {posting_id!r} has no document.")
    stored, ext = docs[-1]
    posting = Posting(document=stored.document, id=posting_id, title=info.title,
                      company=info.company, location=info.location)
    return posting, ext if ext is not None else ws.extractor.extract(stored.document)


def assess_candidate(ws: "Workspace", candidate_id: str, *, profile: str | None = None,
                     posting_id: str | None = None, blind: bool | None = None,
                     actor: str) -> StoredResult:
    """Score a stored candidate against a profile, or against the profile the assess
    library derives from a stored posting; store the scorecard, log the decision."""
    from ..assess import DEFAULT_PROFILE, assess, profile_from_posting

    blind = ws.settings.blind if blind is None else blind
    if posting_id:
        posting, pext = _posting(ws, posting_id)
        prof = profile_from_posting(pext, posting, taxonomy=ws.settings.taxonomy)
        target = f"posting:{posting_id}"
    else:
        prof = resolve_profile(ws, profile or DEFAULT_PROFILE)
        target = f"profile:{prof.id}"
    doc, ext, how, _ = _subject(ws, candidate_id, blind)
    card = assess((ext, doc), prof)
    data = {"scorecard": card.to_dict(), **how}
    entry = decision_log(ws).record_run(
        "scoring", inputs=[keyed_input(ws.store, candidate_id, doc.text)],
        outputs={"candidate": pseudonym(ws.store, candidate_id), "fit": card.fit,
                 "red_flags": [f.rule for f in card.red_flags]},
        taxonomy=card.taxonomy, taxonomy_version=card.taxonomy_version, profile=prof.id,
        profile_version=prof.version, config=dict(card.parameters), blind=blind, actor=actor)
    data["decision"] = entry.id
    return repo.save_scorecard(ws.store, candidate_id, target, data, actor=actor,
                               detail={"blind": blind, "fit": round(card.fit, 2)})


def rank_posting(ws: "Workspace", posting_id: str, *, candidate_ids: list[str] | None = None,
                 top: int = 20, blind: bool | None = None, profile: str | None = None,
                 actor: str) -> StoredResult:
    """Rank stored candidates (all, or ``candidate_ids``) for a stored posting."""
    from ..match import profile_area_weights, rank_candidates, to_match_document

    blind = ws.settings.blind if blind is None else blind
    if top < 1 or top > 1000:
        raise ConfigError("C130", f"top must be between 1 and 1000, not {top}.")
    posting, pext = _posting(ws, posting_id)
    explicit = candidate_ids is not None
    if candidate_ids is None:
        candidate_ids = [c.id for c in repo.list_candidates(ws.store, limit=100_000)]
    pool = []
    owners: dict[str, str] = {}
    labels: dict[str, str] = {}
    for cid in dict.fromkeys(candidate_ids):
        try:
            doc, ext, how, known = _subject(ws, cid, blind)
        except NotFoundError:
            if explicit:
                raise
            continue  # listed candidates without a résumé are not rankable
        owners[doc.id] = cid
        labels[doc.id] = how["label"]
        name = None if blind else known
        pool.append(to_match_document(Resume(document=doc, id=doc.id, name=name), ext,
                                      kind="resume", taxonomy=ws.settings.taxonomy))
    if not pool:
        raise NotFoundError("S142", "there are no candidates with a résumé to rank.",
                            hint="Upload résumés first.")
    weights = profile_area_weights(resolve_profile(ws, profile)) if profile else None
    query = to_match_document(posting, pext, kind="posting", taxonomy=ws.settings.taxonomy,
                              area_weights=weights)
    ranking = rank_candidates(query, pool, top=top, taxonomy=ws.settings.taxonomy,
                              area_weights=weights)
    data = {"ranking": ranking.to_dict(), "candidates": owners, "labels": labels, "blind": blind,
            "posting_id": posting_id, "profile": profile, "pool": len(pool)}
    inputs: list[Any] = [posting.document]
    inputs += [keyed_input(ws.store, owners[d.id], d.text) for d in pool]
    entry = decision_log(ws).record_run(
        "ranking", inputs=inputs,
        outputs=[{"rank": m.rank, "candidate": pseudonym(ws.store, owners[m.id]),
                  "score": m.score} for m in ranking.results if m.id in owners],
        taxonomy=ranking.taxonomy, taxonomy_version=ranking.taxonomy_version,
        profile=profile, config={"posting": posting_id, "top": top, "pool": len(pool),
                                 **dict(ranking.parameters)},
        blind=blind, actor=actor)
    data["decision"] = entry.id
    return repo.save_ranking(ws.store, posting_id, data, set(owners.values()), actor=actor,
                             detail={"blind": blind, "top": top})


def candidate_of(data: Mapping[str, Any], doc_id: str) -> str | None:
    return dict(data.get("candidates") or {}).get(doc_id)

