"""Named taxonomies and the spec strings that select them.

A spec names one or more taxonomies joined by ``+``:

* ``builtin`` — the social-media-tech taxonomy shipped with skillmix (the default);
* ``esco`` / ``onet`` — shipped copies (CC BY 4.0), or ``esco:PATH`` / ``onet:PATH``;
* ``lightcast:PATH`` — Lightcast Open Skills from the user's file (or the path in
  ``$SKILLMIX_LIGHTCAST``), since its licence does not let us ship it;
* a path to a YAML file — a user's taxonomy, which may ``extends:`` any name above.

``load_taxonomies("builtin+esco")`` returns them in order; earlier ones win when two
match the same words. Loaded taxonomies are cached per process, keyed by file identity.
"""

from __future__ import annotations

import threading
from functools import lru_cache
from importlib import resources
from pathlib import Path

from ..errors.taxonomy_codes import T001, T011, T012, T013, T014
from .model import Taxonomy
from .standard import load_esco, load_lightcast, load_onet
from .yaml_file import load_yaml_taxonomy, read_yaml

__all__ = [
    "DEFAULT_TAXONOMY",
    "available_taxonomies",
    "data_path",
    "load_taxonomies",
    "load_taxonomy",
]

DEFAULT_TAXONOMY = "builtin"
#: the YAML files whose ``extends:`` are being loaded in this thread (cycle detection)
_LOADING = threading.local()

_NAMES = {
    "builtin": "the social-media-tech taxonomy shipped with skillmix",
    "esco": "ESCO v1.1 skills (shipped, CC BY 4.0); esco:PATH for your own export",
    "onet": "O*NET 29.2 Technology Skills (shipped, CC BY 4.0); onet:PATH",
    "lightcast": "Lightcast Open Skills: lightcast:PATH or $SKILLMIX_LIGHTCAST",
}


def data_path(name: str) -> Path:
    """Path of a data file shipped in ``skillmix/taxonomy/data``."""
    return Path(str(resources.files("skillmix.taxonomy") / "data" / name))


def available_taxonomies() -> dict[str, str]:
    """Registered names and what each holds."""
    return dict(_NAMES)


def _identity(path: Path) -> tuple[str, int, int]:
    try:
        st = path.stat()
    except OSError as err:
        raise T001(
            f"cannot read taxonomy file ({err.strerror}).", source=str(path),
            hint="Check the path, or run `skillmix taxonomy list` for the built-in names.",
        ) from None
    return (str(path.resolve()), st.st_mtime_ns, st.st_size)


@lru_cache(maxsize=16)
def _load_cached(kind: str, ident: tuple[str, int, int]) -> Taxonomy:
    path = Path(ident[0])
    if kind == "builtin":
        return _kept_builtin(path)
    if kind == "esco":
        return load_esco(path)
    if kind == "onet":
        return load_onet(path)
    if kind == "lightcast":
        return load_lightcast(path)
    data = read_yaml(path)
    base_name = data.get("extends")
    if not base_name:
        return load_yaml_taxonomy(path)
    chain = _LOADING.__dict__.setdefault("chain", [])
    if str(path) in chain or len(chain) >= 16:
        raise T014("the taxonomy extends itself (directly or through others).",
                   source=str(path), hint="Make 'extends:' name a different taxonomy.")
    chain.append(str(path))
    try:
        base = load_taxonomy(str(base_name))
    finally:
        chain.pop()
    return load_yaml_taxonomy(path, base=base)


def _kept_builtin(path: Path) -> Taxonomy:
    """The builtin taxonomy, kept pickled in the settings' cache folder between runs.

    Parsing ``builtin.yaml`` into its 671 skills takes about 50 ms, paid by every command
    that assesses or ranks and by every server process, for a file that changes only with
    skillmix; the pickle loads in about 3 ms (:mod:`skillmix.cachefile`). Its name carries
    a digest of the file, its path (the taxonomy's ``source``), the modules that make the
    records and the Python version, so an edited file or parser is never served from an
    old pickle; a damaged one is parsed again."""
    import hashlib
    import sys

    from ..cachefile import load_pickle, save_pickle
    from ..config import current_settings

    h = hashlib.sha256(f"{sys.version_info[:2]}|{path}".encode())
    try:
        h.update(path.read_bytes())
    except OSError:
        return load_yaml_taxonomy(path)  # which says what is wrong with the file (T001)
    pkg = Path(__file__).resolve().parents[1]
    for name in ("taxonomy/yaml_file.py", "taxonomy/model.py", "records.py", "yamlio.py"):
        h.update((pkg / name).read_bytes())
    kept = current_settings().cache() / f"taxonomy-builtin-{h.hexdigest()[:16]}.pkl"
    loaded = load_pickle(kept)
    if isinstance(loaded, Taxonomy):
        return loaded
    taxonomy = load_yaml_taxonomy(path)
    save_pickle(kept, taxonomy)
    return taxonomy


def _resolve(spec: str) -> tuple[str, Path]:
    name, _, arg = spec.partition(":")
    name = name.strip().lower()
    if name in ("builtin", "esco", "onet", "lightcast") and not (
        name == "builtin" and arg
    ):
        if arg:
            return name, Path(arg).expanduser()
        if name == "builtin":
            return name, data_path("builtin.yaml")
        if name == "esco":
            return name, data_path("esco_skills_en.csv.gz")
        if name == "onet":
            return name, data_path("onet_technology_skills.txt.gz")
        from ..config import current_settings

        lightcast = current_settings().lightcast_file
        if lightcast is not None:
            return name, lightcast
        raise T011(
            "Lightcast Open Skills are not shipped with skillmix (licence).",
            source="lightcast",
            hint="Pass lightcast:PATH to your open_skills.csv or set $SKILLMIX_LIGHTCAST.",
        )
    path = Path(spec).expanduser()
    if path.suffix.lower() in (".yaml", ".yml"):
        return "yaml", path
    raise T012(
        f"unknown taxonomy {spec!r}.",
        hint=f"Use one of {', '.join(_NAMES)}, NAME:PATH, or a path to a .yaml file.",
    )


def load_taxonomy(spec: str = DEFAULT_TAXONOMY) -> Taxonomy:
    """One taxonomy by name, ``NAME:PATH`` or YAML path (see module docs)."""
    kind, path = _resolve(spec)
    return _load_cached(kind, _identity(path))


def load_taxonomies(spec: str = DEFAULT_TAXONOMY) -> tuple[Taxonomy, ...]:
    """Several taxonomies from a ``+``-joined spec, in priority order."""
    parts = [p for p in (s.strip() for s in spec.split("+")) if p]
    if not parts:
        raise T012("empty taxonomy spec.", hint="Try 'builtin'.")
    out = tuple(load_taxonomy(p) for p in parts)
    names = [t.name for t in out]
    if len(set(names)) != len(names):
        raise T013(
            f"taxonomy spec {spec!r} names the same taxonomy twice ({names})."
        )
    return out


def spec_sources(spec: str, _depth: int = 0) -> list[tuple[str, tuple[str, int, int]]]:
    """The files a spec reads, with their identities (for cache keys): a user YAML file
    that ``extends`` another taxonomy brings that taxonomy's files too, so a changed base
    invalidates caches built on the extension."""
    out = []
    for part in (s.strip() for s in spec.split("+")):
        if part:
            kind, path = _resolve(part)
            out.append((kind, _identity(path)))
            if kind == "yaml":
                base = read_yaml(path).get("extends")
                if base:
                    if _depth >= 16:
                        raise T014("the taxonomy extends itself (directly or "
                                   "through others).", source=str(path),
                                   hint="Make 'extends:' name a different taxonomy.")
                    out.extend(spec_sources(str(base), _depth + 1))
    return out
