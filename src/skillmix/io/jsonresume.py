"""Structured résumés: JSON Resume 1.x (and its pre-1.0 field names) and, best effort,
HR Open LER-RS / Recruiting JSON.

The text is rendered with one heading per section so section detection and extraction
see the same shape as a PDF résumé; roles are built from ``work[]`` directly, each with the
exact span of its lines in the rendered text.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Iterable, Mapping

from ..records import Role, Section
from .dates import parse_date, parse_timestamp
from .text import clean_text

__all__ = ["TextBuilder", "is_json_resume", "is_ler_rs", "render_json_resume", "render_ler_rs"]


@dataclass
class TextBuilder:
    """Appends cleaned lines and remembers where sections and roles fall."""

    lines: list[str] = field(default_factory=list)
    size: int = 0
    sections: list[Section] = field(default_factory=list)
    roles: list[Role] = field(default_factory=list)
    _open: tuple[str, str, int] | None = None

    def add(self, text: Any) -> tuple[int, int]:
        """Append ``text`` (cleaned; may hold several lines); return its span."""
        value = clean_text(str(text)) if text is not None else ""
        if not value:
            return self.size, self.size
        start = self.size + (1 if self.lines else 0)
        self.lines.append(value)
        self.size = start + len(value)
        return start, self.size

    def blank(self) -> None:
        if self.lines and self.lines[-1] != "":
            self.lines.append("")
            self.size += 1

    def heading(self, kind: str, title: str, *, boilerplate: bool = False) -> None:
        self.close_section()
        self.blank()
        start, _ = self.add(title)
        self._open = (kind, title, start, boilerplate)  # type: ignore[assignment]

    def close_section(self) -> None:
        if self._open is not None:
            kind, title, start, boilerplate = self._open  # type: ignore[misc]
            if self.size > start + len(title):
                self.sections.append(Section(kind, title, start, self.size, boilerplate))
            self._open = None

    def text(self) -> str:
        self.close_section()
        return "\n".join(self.lines)


def _s(obj: Mapping[str, Any], *keys: str) -> str | None:
    for key in keys:
        value = obj.get(key)
        if isinstance(value, str) and value.strip():
            return value.strip()
        if isinstance(value, Mapping):
            name = value.get("name")
            if isinstance(name, str) and name.strip():
                return name.strip()
    return None


def _items(obj: Mapping[str, Any], *keys: str) -> list[Any]:
    for key in keys:
        value = obj.get(key)
        if isinstance(value, list):
            return value
    return []


def _dicts(values: Iterable[Any]) -> list[Mapping[str, Any]]:
    return [v for v in values if isinstance(v, Mapping)]


def is_json_resume(data: Any) -> bool:
    return isinstance(data, Mapping) and (
        isinstance(data.get("basics"), Mapping)
        or isinstance(data.get("work"), list)
        or "jsonresume" in str(data.get("$schema", "")).lower()
    )


def _role(builder: TextBuilder, title: str | None, employer: str | None, start_s: Any, end_s: Any, lines: list[str]) -> None:
    start = parse_date(start_s) if isinstance(start_s, str) else None
    end_raw = end_s.strip() if isinstance(end_s, str) else ""
    current = not end_raw or end_raw.lower() in ("present", "current", "now")
    end = None if current else parse_date(end_raw)
    when = " - ".join(x for x in (str(start_s or "").strip(), end_raw or ("Present" if start_s else "")) if x)
    head = ", ".join(x for x in (title, employer) if x)
    span_start, _ = builder.add(f"{head} ({when})" if when else head)
    for line in lines:
        builder.add(line)
    builder.roles.append(
        Role(title or "", employer, start, end, bool(current and start), span_start, builder.size)
    )


def _named_keywords(b: TextBuilder, title: str, entries: list[Mapping[str, Any]]) -> None:
    """A section of ``name: keyword, keyword`` lines (JSON Resume's skills and interests)."""
    if not entries:
        return
    b.heading("skills", title)
    for entry in entries:
        words = [k for k in _items(entry, "keywords") if isinstance(k, str)]
        head = _s(entry, "name")
        b.add(f"{head}: {', '.join(words)}" if head and words else head or ", ".join(words))


def render_json_resume(data: Mapping[str, Any]) -> tuple[str, dict[str, Any], tuple[Section, ...], tuple[Role, ...], str | None]:
    """Return ``(text, metadata, sections, roles, name)``."""
    b = TextBuilder()
    basics = data.get("basics") if isinstance(data.get("basics"), Mapping) else {}
    assert isinstance(basics, Mapping)
    name = _s(basics, "name")
    label = _s(basics, "label")
    b.heading("contact", "Contact")
    for line in (name, label, _s(basics, "email"), _s(basics, "phone"), _s(basics, "url", "website")):
        b.add(line)
    loc = basics.get("location")
    if isinstance(loc, Mapping):
        b.add(", ".join(str(loc[k]) for k in ("city", "region", "countryCode") if loc.get(k)))
    for prof in _dicts(_items(basics, "profiles")):
        b.add(" ".join(x for x in (_s(prof, "network"), _s(prof, "username"), _s(prof, "url")) if x))
    summary = _s(basics, "summary", "bio")
    if summary:
        b.heading("summary", "Summary")
        b.add(summary)
    work = _dicts(_items(data, "work")) + _dicts(_items(data, "volunteer"))
    if work:
        b.heading("experience", "Experience")
        for job in work:
            lines = [x for x in (_s(job, "summary", "description"),) if x]
            lines += [f"- {h}" for h in _items(job, "highlights") if isinstance(h, str)]
            _role(b, _s(job, "position", "title"), _s(job, "name", "company", "organization"),
                  job.get("startDate"), job.get("endDate"), lines)
    projects = _dicts(_items(data, "projects"))
    if projects:
        b.heading("projects", "Projects")
        for proj in projects:
            b.add(_s(proj, "name"))
            b.add(_s(proj, "description", "summary"))
            for h in _items(proj, "highlights", "keywords"):
                if isinstance(h, str):
                    b.add(f"- {h}")
    _named_keywords(b, "Skills", _dicts(_items(data, "skills")))
    edu = _dicts(_items(data, "education"))
    if edu:
        b.heading("education", "Education")
        for e in edu:
            line = ", ".join(x for x in (_s(e, "studyType"), _s(e, "area"), _s(e, "institution")) if x)
            when = " - ".join(x for x in (_s(e, "startDate"), _s(e, "endDate")) if x)
            b.add(f"{line} ({when})" if when else line)
            for c in _items(e, "courses"):
                if isinstance(c, str):
                    b.add(f"- {c}")
    certs = _dicts(_items(data, "certificates")) + _dicts(_items(data, "awards"))
    if certs:
        b.heading("certifications", "Certifications")
        for c in certs:
            b.add(", ".join(x for x in (_s(c, "name", "title"), _s(c, "issuer", "awarder"), _s(c, "date")) if x))
    # "interests" are pastimes: under an "Interests" heading, as a PDF writes them, a
    # platform there reads as a consumer's familiarity ("Twitch streaming, Reddit"), which
    # the "intern" check needs to see (it was dropped: a new-user trial)
    _named_keywords(b, "Interests", _dicts(_items(data, "interests")))
    langs = _dicts(_items(data, "languages"))
    if langs:
        b.heading("skills", "Languages")
        b.add(", ".join(x for x in (_s(lang, "language", "name") for lang in langs) if x))
    text = b.text()
    meta = {"format": "json-resume", "label": label}
    # JSON Resume's meta.lastModified: the day the résumé was written bounds "Current"
    stamp = data.get("meta")
    day = parse_timestamp(stamp.get("lastModified")) if isinstance(stamp, Mapping) else None
    if day is not None:
        meta["written"] = day.isoformat()
    return text, meta, tuple(b.sections), tuple(b.roles), name


# --------------------------------------------------------------------- HR Open LER-RS


def is_ler_rs(data: Any) -> bool:
    blob = str(list(data.keys()) if isinstance(data, Mapping) else "").lower()
    return any(k in blob for k in ("ler", "employmenthistor", "positionhistor", "person", "candidate"))


def _walk(obj: Any, depth: int = 0) -> Iterable[Mapping[str, Any]]:
    if depth > 12:
        return
    if isinstance(obj, Mapping):
        yield obj
        for v in obj.values():
            yield from _walk(v, depth + 1)
    elif isinstance(obj, list):
        for v in obj[:1000]:
            yield from _walk(v, depth + 1)


def _textish(value: Any) -> list[str]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, list):
        return [x for v in value for x in _textish(v)]
    if isinstance(value, Mapping):
        for key in ("value", "text", "description", "name"):
            if isinstance(value.get(key), str):
                return [value[key]]
    return []


def render_ler_rs(data: Mapping[str, Any]) -> tuple[str, dict[str, Any], tuple[Section, ...], tuple[Role, ...], str | None]:
    """Best effort over HR Open résumé JSON: positions, education, skills, by key names."""
    b = TextBuilder()
    name = None
    positions = []
    schools = []
    skills: list[str] = []
    for node in _walk(data):
        keys = {k.lower(): k for k in node}
        if name is None and "formattedname" in keys:
            name = _s(node, keys["formattedname"])
        if name is None and isinstance(node.get("name"), Mapping) and "formattedName" in node["name"]:
            name = node["name"]["formattedName"]
        for key in ("positionhistories", "positionhistory", "positions"):
            if key in keys and isinstance(node[keys[key]], list):
                org = _s(node, "organization", "employer", "name", "organizationName")
                for pos in _dicts(node[keys[key]]):
                    positions.append((org, pos))
        for key in ("educationandlearnings", "education", "educationhistories"):
            if key in keys and isinstance(node[keys[key]], list):
                schools.extend(_dicts(node[keys[key]]))
        for key in ("competencies", "skills", "qualifications"):
            if key in keys and isinstance(node[keys[key]], list):
                for item in node[keys[key]]:
                    skills.extend(_textish(item.get("name") if isinstance(item, Mapping) and "name" in item else item))
    if name:
        b.heading("contact", "Contact")
        b.add(name)
    if positions:
        b.heading("experience", "Experience")
        for org, pos in positions:
            lines = _textish(pos.get("descriptions") or pos.get("description") or [])
            end = pos.get("end") or pos.get("endDate")
            if pos.get("current") is True or (isinstance(pos.get("current"), str) and pos["current"].lower() == "true"):
                end = None
            _role(b, _s(pos, "title", "positionTitle", "jobTitle"), _s(pos, "organization", "employer") or org,
                  _date_str(pos.get("start") or pos.get("startDate")), _date_str(end), lines)
    if schools:
        b.heading("education", "Education")
        for s in schools:
            b.add(", ".join(x for x in (_s(s, "educationLevelCodes", "degree", "title"), _s(s, "institution", "school", "organization", "name")) if x))
    if skills:
        b.heading("skills", "Skills")
        b.add(", ".join(dict.fromkeys(x.strip() for x in skills if x.strip())))
    return b.text(), {"format": "ler-rs"}, tuple(b.sections), tuple(b.roles), name


def _date_str(value: Any) -> str | None:
    if isinstance(value, Mapping):
        for key in ("date", "value", "dateTime", "year"):
            if value.get(key):
                return str(value[key])
        return None
    return str(value) if value else None
