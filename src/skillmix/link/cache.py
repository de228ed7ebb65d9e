"""A text -> embedding store on disk, so label embeddings are computed once per machine.

Files live in ``$SKILLMIX_CACHE_DIR`` (else ``$XDG_CACHE_HOME/skillmix``, else
``~/.cache/skillmix``) under ``link/``: ``<model>.f16.npy`` (float16 rows) and
``<model>.texts.json`` (the text of each row). ``lookup`` encodes what is missing with the
encoder it is given, appends it and rewrites both files atomically. Delete the folder to
rebuild; nothing in it is needed for correctness.

Before encoding, ``lookup`` consults a read-only *seed*: the MiniLM embeddings of every
label and description of the ESCO copy shipped with skillmix
(``data/esco_embeddings.npz``, int8 rows with a per-row scale, built by
``scripts/build_esco_embeddings.py``). Embedding those ~110k texts takes about 8 minutes
of a 2-core CPU; with the seed a fresh install loads the full linker in seconds. Seed rows
are not copied into the cache; only texts found in neither are encoded and stored.
"""

from __future__ import annotations

import json
import zipfile
from importlib import resources
from pathlib import Path
from typing import Callable, Sequence

import numpy as np

from skillmix.errors.config_codes import C303, C307
from skillmix.atomic import atomic_write

__all__ = ["EmbeddingStore", "Seed", "default_cache_dir", "default_seed_path"]


def default_cache_dir() -> Path:
    """``link/`` under :attr:`skillmix.config.Settings.cache_dir`."""
    from skillmix.config import current_settings

    return current_settings().cache("link")


SEED_FILE = "esco_embeddings.npz"


def default_seed_path() -> Path:
    return Path(str(resources.files("skillmix.link").joinpath("data", SEED_FILE)))


class Seed:
    """Read-only embeddings shipped with the package: ``texts`` and int8 rows."""

    def __init__(self, model_id: str, texts: Sequence[str], q: np.ndarray, scale: np.ndarray) -> None:
        self.model_id = model_id
        self.rows = {t: i for i, t in enumerate(texts)}
        self._q = q
        self._scale = scale

    @classmethod
    def load(cls, path: Path) -> "Seed | None":
        """The seed at ``path``, or None when it is absent or unreadable (the store then
        encodes everything, as without a seed)."""
        try:
            with np.load(path) as data:
                model_id = str(data["model_id"])
                texts = bytes(data["texts"]).decode("utf-8").split("\n")
                q, scale = data["q"], data["scale"]
        except (OSError, KeyError, ValueError, UnicodeDecodeError, zipfile.BadZipFile):
            return None
        if q.shape[0] != len(texts) or scale.shape != (len(texts),):
            return None
        return cls(model_id, texts, q, scale)

    def get(self, texts: Sequence[str]) -> np.ndarray:
        idx = np.fromiter((self.rows[t] for t in texts), dtype=np.int64, count=len(texts))
        return self._q[idx].astype(np.float32) * self._scale[idx, None]

    @staticmethod
    def save(path: Path, model_id: str, texts: Sequence[str], matrix: np.ndarray) -> None:
        """Write a seed: per-row symmetric int8 quantisation of ``matrix``."""
        if any("\n" in t for t in texts):
            raise C307("seed texts must not contain newlines.", source=str(path))
        from skillmix.link.static import quantise

        q, scale = quantise(np.asarray(matrix, dtype=np.float32))
        blob = np.frombuffer("\n".join(texts).encode("utf-8"), dtype=np.uint8)

        def write(tmp: Path) -> None:
            with tmp.open("wb") as fh:
                np.savez_compressed(fh, model_id=np.array(model_id), texts=blob, q=q,
                                    scale=scale.astype(np.float32))

        atomic_write(path, write, mode=0o644)


_SEEDS: dict[Path, "Seed | None"] = {}


def _shipped_seed(model_id: str) -> "Seed | None":
    path = default_seed_path()
    if path not in _SEEDS:
        _SEEDS[path] = Seed.load(path) if path.is_file() else None
    seed = _SEEDS[path]
    return seed if seed is not None and seed.model_id == model_id else None


class EmbeddingStore:
    """Embeddings of texts for one model, kept in memory and (unless ``directory`` is
    ``False``) on disk; ``seed=False`` ignores the shipped seed."""

    def __init__(self, model_id: str, dim: int, directory: Path | str | None | bool = None,
                 *, seed: bool = True) -> None:
        self.model_id = model_id
        self.dim = dim
        self._use_seed = seed
        self.directory: Path | None
        if directory is False:
            self.directory = None
        else:
            self.directory = (Path(directory) if directory is not None and directory is not True
                              else default_cache_dir())
        self._rows: dict[str, int] = {}
        self._matrix = np.zeros((0, dim), dtype=np.float16)
        self._load()

    @property
    def _paths(self) -> tuple[Path, Path] | None:
        if self.directory is None:
            return None
        return (self.directory / f"{self.model_id}.f16.npy", self.directory / f"{self.model_id}.texts.json")

    def _load(self) -> None:
        paths = self._paths
        if paths is None or not (paths[0].is_file() and paths[1].is_file()):
            return
        try:
            matrix = np.load(paths[0])
            texts = json.loads(paths[1].read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return  # a broken cache is rebuilt, never trusted
        if matrix.shape != (len(texts), self.dim):
            return
        self._matrix = matrix
        self._rows = {t: i for i, t in enumerate(texts)}

    def _save(self) -> None:
        paths = self._paths
        if paths is None:
            return
        try:
            self.directory.mkdir(parents=True, exist_ok=True)  # type: ignore[union-attr]
            texts = [""] * len(self._rows)
            for t, i in self._rows.items():
                texts[i] = t
            # 0644: mkstemp makes 0600, and a cache may be shared read-only
            atomic_write(paths[0], self._write_matrix, mode=0o644)
            payload = json.dumps(texts)
            atomic_write(paths[1], lambda p: _write_text(p, payload), mode=0o644)
        except OSError as exc:
            raise C303(
                f"cannot write the embedding cache: {exc.strerror or exc}.",
                source=str(self.directory),
                hint="Set SKILLMIX_CACHE_DIR to a writable folder.",
            ) from exc

    def _write_matrix(self, tmp: Path) -> None:
        with tmp.open("wb") as fh:  # a file object: np.save would add ".npy" to a path
            np.save(fh, self._matrix)

    def __len__(self) -> int:
        return len(self._rows)

    def lookup(self, texts: Sequence[str], encode: Callable[[list[str]], np.ndarray],
               *, chunk: int = 4096) -> np.ndarray:
        """Float32 embeddings of ``texts``: from the cache, else the seed, else encoded
        (and stored)."""
        missing = list(dict.fromkeys(t for t in texts if t not in self._rows))
        seed = _shipped_seed(self.model_id) if missing and self._use_seed else None
        if seed is not None:
            missing = [t for t in missing if t not in seed.rows]
        if missing:
            parts = [self._matrix]
            base = len(self._rows)
            for lo in range(0, len(missing), chunk):
                part = missing[lo : lo + chunk]
                parts.append(encode(part).astype(np.float16))
                for j, t in enumerate(part):
                    self._rows[t] = base + lo + j
            self._matrix = np.concatenate(parts)
            self._save()
        if seed is None:
            idx = np.fromiter((self._rows[t] for t in texts), dtype=np.int64, count=len(texts))
            return self._matrix[idx].astype(np.float32)
        out = np.empty((len(texts), self.dim), dtype=np.float32)
        own = [i for i, t in enumerate(texts) if t in self._rows]
        if own:
            out[own] = self._matrix[[self._rows[texts[i]] for i in own]]
        rest = [i for i, t in enumerate(texts) if t not in self._rows]
        if rest:
            out[rest] = seed.get([texts[i] for i in rest])
        return out


def _write_text(path: Path, text: str) -> None:
    path.write_text(text, encoding="utf-8")
