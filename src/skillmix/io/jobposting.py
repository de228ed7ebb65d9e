"""schema.org ``JobPosting`` (JSON-LD, standalone or inside an HTML page) to a posting.

The text starts with the title and company, then the description (HTML rendered to text),
then ``Responsibilities``, ``Qualifications``, ``Skills``... from the structured fields, each
under its own heading so section detection finds them. The structured fields themselves are
kept in ``metadata`` (``date_posted``, ``company``, ``location``, ``skills``...).
"""

from __future__ import annotations

from typing import Any, Iterable, Mapping

from .html import html_to_text
from .jsonresume import TextBuilder

__all__ = ["find_job_postings", "render_job_posting"]


def _types(obj: Mapping[str, Any]) -> set[str]:
    t = obj.get("@type")
    values = t if isinstance(t, list) else [t]
    return {str(v).rsplit("/", 1)[-1] for v in values if v}


def find_job_postings(data: Any, depth: int = 0) -> list[Mapping[str, Any]]:
    """Every ``JobPosting`` object in a JSON-LD value (lists and ``@graph`` included)."""
    if depth > 6:
        return []
    if isinstance(data, list):
        return [p for item in data[:200] for p in find_job_postings(item, depth + 1)]
    if isinstance(data, Mapping):
        if "JobPosting" in _types(data):
            return [data]
        if isinstance(data.get("@graph"), list):
            return find_job_postings(data["@graph"], depth + 1)
    return []


def _name(value: Any) -> str | None:
    if isinstance(value, str):
        return value.strip() or None
    if isinstance(value, Mapping):
        return _name(value.get("name")) or _name(value.get("legalName"))
    if isinstance(value, list) and value:
        return _name(value[0])
    return None


def _place(value: Any) -> str | None:
    if isinstance(value, list):
        names = [p for p in (_place(v) for v in value) if p]
        return "; ".join(names) or None
    if isinstance(value, str):
        return value.strip() or None
    if isinstance(value, Mapping):
        addr = value.get("address", value)
        if isinstance(addr, str):
            return addr
        if isinstance(addr, Mapping):
            parts = [addr.get(k) for k in ("addressLocality", "addressRegion", "addressCountry")]
            parts = [_name(p) for p in parts]
            return ", ".join(p for p in parts if p) or _name(value)
    return None


def _texts(value: Any) -> list[str]:
    if value is None:
        return []
    if isinstance(value, list):
        return [t for v in value for t in _texts(v)]
    if isinstance(value, Mapping):
        for key in ("description", "name", "credentialCategory", "value"):
            if value.get(key):
                return _texts(value[key])
        return []
    s = str(value).strip()
    if not s:
        return []
    return [html_to_text(s) if "<" in s and ">" in s else s]


def render_job_posting(obj: Mapping[str, Any]) -> tuple[str, dict[str, Any], str | None]:
    """Return ``(text, metadata, title)`` for one JobPosting object."""
    b = TextBuilder()
    title = _name(obj.get("title")) or _name(obj.get("name"))
    company = _name(obj.get("hiringOrganization"))
    location = _place(obj.get("jobLocation"))
    if not location and obj.get("jobLocationType"):
        location = str(obj.get("jobLocationType"))
    b.add(title)
    b.add(" - ".join(x for x in (company, location) if x))
    for text in _texts(obj.get("description")):
        b.blank()
        b.add(text)
    fields: Iterable[tuple[str, str, str]] = (
        ("responsibilities", "Responsibilities", "responsibilities"),
        ("requirements", "Qualifications", "qualifications"),
        ("requirements", "Experience Requirements", "experienceRequirements"),
        ("requirements", "Education Requirements", "educationRequirements"),
        ("requirements", "Skills", "skills"),
        ("benefits", "Benefits", "jobBenefits"),
    )
    for kind, heading, key in fields:
        items = _texts(obj.get(key))
        if not items:
            continue
        b.heading(kind, heading, boilerplate=kind == "benefits")
        for item in items:
            b.add(item if "\n" in item or len(items) == 1 else f"- {item}")
    text = b.text()
    meta: dict[str, Any] = {
        "format": "schema.org/JobPosting",
        "company": company,
        "location": location,
        "date_posted": _name(obj.get("datePosted")),
        "valid_through": _name(obj.get("validThrough")),
        "employment_type": obj.get("employmentType"),
        "skills": [s for s in _texts(obj.get("skills"))],
        "identifier": _name(obj.get("identifier")),
        "url": _name(obj.get("url")),
    }
    salary = obj.get("baseSalary")
    if isinstance(salary, Mapping):
        meta["salary"] = {k: v for k, v in salary.items() if not str(k).startswith("@")}
    return text, {k: v for k, v in meta.items() if v not in (None, [], "")}, title
