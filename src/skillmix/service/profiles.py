"""Role profiles a request may name: the workspace's own (stored) and the built-in ones.

Why by name only: a profile arrives from a client; loading by name (built-in or stored in
the database, never a path a client sends) keeps the server's files out of reach, and a
stored profile's taxonomy must be one the server registered (``[P193]``).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from ..errors.config_codes import C131
from ..errors.profile_codes import P190, P191, P192, P193
from ..store import repo

if TYPE_CHECKING:
    from .workspace import Workspace

__all__ = ["ProfileChoice", "check_taxonomy_spec", "profile_choices", "resolve_profile",
           "save_profile_yaml"]


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
        raise P190(f"no profile {profile_id!r} in this workspace.",
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
        raise P193(f"taxonomy {shown!r} is not registered on this server.",
                   source=source,
                   hint=f"Name one of: {', '.join(sorted(allowed))} (joined by '+').")


def save_profile_yaml(ws: "Workspace", profile_id: str, text: str, *, actor: str):  # type: ignore[no-untyped-def]
    """Validate a profile (YAML or JSON text) with the assess library and store it."""
    import re

    import yaml

    from ..assess import parse_profile

    if not re.fullmatch(r"[a-z0-9][a-z0-9-]{0,99}", profile_id or ""):
        raise C131(f"profile id {profile_id!r} is not valid.",
                   hint="Use lower-case letters, digits and hyphens (up to 100).")
    try:
        raw = yaml.safe_load(text)
    except yaml.YAMLError as err:
        raise P191(f"the profile is not valid YAML: {err}.",
                   source=f"profile:{profile_id}") from None
    except RecursionError:  # the YAML parser recurses once per nesting level
        raise P191("the profile is nested too deeply to be a profile.",
                   source=f"profile:{profile_id}",
                   hint="A profile is a mapping a few levels deep.") from None
    if not isinstance(raw, dict):
        raise P192("a profile must be a mapping of fields.",
                   source=f"profile:{profile_id}")
    raw = {**raw, "id": profile_id}
    check_taxonomy_spec(ws, raw.get("taxonomy"), f"profile:{profile_id}")
    prof = parse_profile(raw, source=f"profile:{profile_id}")
    return repo.put_profile(ws.store, profile_id, prof.label, prof.to_dict(), actor=actor)
