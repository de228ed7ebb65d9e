"""Role profiles a request may name: the workspace's own (stored) and the built-in ones.

Why by name only: a profile arrives from a client; loading by name (built-in or stored in
the database, never a path a client sends) keeps the server's files out of reach, and a
stored profile's taxonomy must be one the server registered (``[P193]``).
"""

from __future__ import annotations

import re
import threading
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from ..errors.config_codes import C131
from ..errors.profile_codes import P101, P190, P191, P192, P193
from ..store import repo
from ..store.subjects import stored_profile

if TYPE_CHECKING:
    from sqlalchemy import Connection

    from .workspace import Workspace

__all__ = ["ProfileChoice", "builtin_profile", "check_taxonomy_spec", "profile_choices",
           "profile_digest", "resolve_profile", "save_profile_yaml"]

#: what a profile id may look like (a workspace profile's, or a built-in profile's name)
_PROFILE_ID = re.compile(r"[a-z0-9][a-z0-9-]{0,99}")
_LOCK = threading.Lock()
_BUILTIN: dict[str, Any] = {}
_DIGESTS: dict[int, tuple[Any, str]] = {}


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


def resolve_profile(ws: "Workspace", profile_id: str, *,  # type: ignore[no-untyped-def]
                    conn: "Connection | None" = None):
    """A workspace profile by id, else a built-in one by name; never a file path.

    ``conn``: read the workspace's profiles in the caller's transaction (a use case's read)
    instead of one of its own."""
    from ..assess import parse_profile

    if conn is None:
        with ws.store.connection() as own:
            return resolve_profile(ws, profile_id, conn=own)
    stored = stored_profile(conn, profile_id)
    if stored is not None:
        check_taxonomy_spec(ws, stored.get("taxonomy"), f"profile:{profile_id}")
        return parse_profile(dict(stored), source=f"profile:{profile_id}")
    return builtin_profile(profile_id)


def builtin_profile(profile_id: str):  # type: ignore[no-untyped-def]
    """A built-in profile by name (``[P190]`` when there is none), parsed once per process:
    the profiles are files of the installed package, which change only with it."""
    from ..assess import load_profile
    from ..errors import ProfileError

    found = _BUILTIN.get(profile_id)
    if found is not None:
        return found
    unknown = P190(f"no profile {profile_id!r} in this workspace.",
                   hint="List them with GET /v1/profiles.")
    if not _PROFILE_ID.fullmatch(profile_id or ""):
        raise unknown  # a name, never a path: a built-in profile is <name>.yaml in the package
    try:
        found = load_profile(profile_id)
    except ProfileError as err:
        if err.code == P101.code:  # no such built-in profile
            raise unknown from None
        raise
    with _LOCK:
        _BUILTIN[profile_id] = found
    return found


def profile_digest(prof: Any) -> str:
    """A SHA-256 of a profile's content (what a result's reuse key records of it), made
    once per profile object."""
    import hashlib
    import json

    key = id(prof)
    with _LOCK:
        hit = _DIGESTS.get(key)
        if hit is not None and hit[0] is prof:
            return hit[1]
    blob = json.dumps(prof.to_dict(), sort_keys=True, separators=(",", ":"), default=str)
    digest = hashlib.sha256(blob.encode()).hexdigest()
    with _LOCK:
        if len(_DIGESTS) > 256:
            _DIGESTS.clear()
        _DIGESTS[key] = (prof, digest)  # the profile is held, so its id is not reused
    return digest


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
    import yaml

    from ..assess import parse_profile

    if not _PROFILE_ID.fullmatch(profile_id or ""):
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
