"""Where skillmix keeps and finds things: one :class:`Settings` for cache, data and store paths.

Why one object: the cache folder used to be looked up in three modules, the database URL
and the files folder in the store, and shared data by a path relative to the working
folder. :class:`Settings` reads them in one fixed order (defaults, then a settings file,
then the environment, then explicit overrides such as the CLI's options), so every part
of the library agrees, and a test, a script or a server can pass its own.

The file is TOML, named by ``$SKILLMIX_CONFIG`` or passed to :meth:`Settings.load`::

    cache_dir = "/var/cache/skillmix"
    shared_data_dir = "/srv/skillmix/data"
    database_url = "postgresql://skillmix@db/skillmix"
    files_dir = "/srv/skillmix/files"

The environment variables are listed in :data:`ENVIRONMENT`. Library code reads
:func:`current_settings`; the CLI's ``--config FILE`` installs a file's settings for the
run with :func:`use_settings`.
"""

from __future__ import annotations

import dataclasses
import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Mapping

from .errors.config_codes import C003, C004

__all__ = ["ENVIRONMENT", "Settings", "current_settings", "use_settings"]

#: setting -> the environment variable that sets it
ENVIRONMENT: dict[str, str] = {
    "cache_dir": "SKILLMIX_CACHE_DIR",
    "shared_data_dir": "SKILLMIX_SHARED_DATA",
    "database_url": "SKILLMIX_DB_URL",
    "files_dir": "SKILLMIX_FILES_DIR",
    "lightcast_file": "SKILLMIX_LIGHTCAST",
}
#: the environment variable that names the settings file
CONFIG_ENV = "SKILLMIX_CONFIG"


def _user_cache(environ: Mapping[str, str]) -> Path:
    base = environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "skillmix"


@dataclass(frozen=True, slots=True)
class Settings:
    """Paths and locations, each with its source order (see the module docs).

    ``cache_dir``: compiled vocabularies, embeddings and parsed documents (each part in
    its own subfolder, :meth:`cache`); default ``$XDG_CACHE_HOME/skillmix`` or
    ``~/.cache/skillmix``. ``shared_data_dir``: an optional folder of benchmarks and
    corpora (``None``: none; the library never guesses one). ``database_url`` and
    ``files_dir``: the store's database and uploaded files (``None``: the store's defaults).
    ``lightcast_file``: a Lightcast Open Skills export for the ``lightcast`` taxonomy.
    """

    cache_dir: Path
    shared_data_dir: Path | None = None
    database_url: str | None = None
    files_dir: Path | None = None
    lightcast_file: Path | None = None

    def cache(self, part: str = "") -> Path:
        """The cache folder of one part (``"link"``, ``"match"``), or the root."""
        return self.cache_dir / part if part else self.cache_dir

    @classmethod
    def load(cls, file: str | os.PathLike[str] | None = None, *,
             environ: Mapping[str, str] | None = None, **overrides: Any) -> "Settings":
        """Defaults, then ``file`` (else ``$SKILLMIX_CONFIG``), then the environment, then
        ``overrides`` (``None`` values are ignored, so CLI options can pass through).

        Raises [C003] for a file that cannot be read and [C004] for an unknown setting.
        """
        env = os.environ if environ is None else environ
        values: dict[str, Any] = {}
        path = file if file is not None else env.get(CONFIG_ENV) or None
        if path is not None:
            values.update(_read_file(Path(path)))
        for name, var in ENVIRONMENT.items():
            if env.get(var):
                values[name] = env[var]
        unknown = sorted(set(overrides) - set(ENVIRONMENT))
        if unknown:
            raise C004(f"unknown setting(s) {unknown}.",
                       hint=f"Known: {', '.join(ENVIRONMENT)}.")
        values.update({k: v for k, v in overrides.items() if v is not None})
        cache = values.pop("cache_dir", None)
        out: dict[str, Any] = {"cache_dir": Path(cache).expanduser() if cache
                               else _user_cache(env)}
        for name, value in values.items():
            out[name] = value if name == "database_url" else Path(value).expanduser()
        return cls(**out)

    def to_dict(self) -> dict[str, str | None]:
        return {f.name: None if getattr(self, f.name) is None else str(getattr(self, f.name))
                for f in dataclasses.fields(self)}


_FILE_CACHE: dict[tuple[str, int], dict[str, Any]] = {}


def _read_file(path: Path) -> dict[str, Any]:
    import tomllib

    try:
        stamp = (str(path.resolve()), path.stat().st_mtime_ns)
        hit = _FILE_CACHE.get(stamp)
        if hit is None:
            hit = tomllib.loads(path.read_text(encoding="utf-8"))
            _FILE_CACHE.clear()
            _FILE_CACHE[stamp] = hit
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as err:
        raise C003(f"cannot read the settings file ({err}).", source=str(path),
                   hint="Pass a TOML file, or unset $SKILLMIX_CONFIG.") from None
    unknown = sorted(set(hit) - set(ENVIRONMENT))
    if unknown:
        raise C004(f"unknown setting(s) {unknown}.", source=str(path),
                   hint=f"Known: {', '.join(ENVIRONMENT)}.")
    return dict(hit)


_active: Settings | None = None


class _Scope:
    """What :func:`use_settings` returns: already in effect; ``with`` restores the old."""

    def __init__(self, previous: Settings | None) -> None:
        self._previous = previous

    def __enter__(self) -> "_Scope":
        return self

    def __exit__(self, *exc: object) -> None:
        global _active
        _active = self._previous


def use_settings(settings: Settings | None) -> _Scope:
    """Make ``settings`` what :func:`current_settings` returns (``None``: back to the file
    and environment). Use as a call for the whole process, or as ``with`` for a block."""
    global _active
    previous, _active = _active, settings
    return _Scope(previous)


def current_settings() -> Settings:
    """The settings in effect: those installed by :func:`use_settings`, else read now
    from ``$SKILLMIX_CONFIG`` and the environment (cheap; the file is parsed once)."""
    return _active if _active is not None else Settings.load()
