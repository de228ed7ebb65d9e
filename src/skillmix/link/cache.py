"""A text -> embedding store on disk, so label embeddings are computed once per machine.

Files live in ``$SKILLMIX_CACHE_DIR`` (else ``$XDG_CACHE_HOME/skillmix``, else
``~/.cache/skillmix``) under ``link/``: ``<model>.f16.npy`` (float16 rows) and
``<model>.texts.json`` (the text of each row). ``lookup`` encodes what is missing with the
encoder it is given, appends it and rewrites both files atomically. Delete the folder to
rebuild; nothing in it is needed for correctness.
"""

from __future__ import annotations

import json
import os
import tempfile
from pathlib import Path
from typing import Callable, Sequence

import numpy as np

from skillmix.errors import ConfigError

__all__ = ["EmbeddingStore", "default_cache_dir"]


def default_cache_dir() -> Path:
    env = os.environ.get("SKILLMIX_CACHE_DIR")
    if env:
        return Path(env) / "link"
    xdg = os.environ.get("XDG_CACHE_HOME")
    base = Path(xdg) if xdg else Path.home() / ".cache"
    return base / "skillmix" / "link"


def _atomic_write(path: Path, write: Callable[[Path], None]) -> None:
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=path.name, suffix=".tmp")
    os.close(fd)
    try:
        write(Path(tmp))
        os.chmod(tmp, 0o644)  # mkstemp makes 0600; a cache may be shared read-only
        os.replace(tmp, path)
    finally:
        if os.path.exists(tmp):
            os.unlink(tmp)


class EmbeddingStore:
    """Embeddings of texts for one model, kept in memory and (unless ``directory`` is
    ``False``) on disk."""

    def __init__(self, model_id: str, dim: int, directory: Path | str | None | bool = None) -> None:
        self.model_id = model_id
        self.dim = dim
        self.directory: Path | None
        if directory is False:
            self.directory = None
        else:
            self.directory = Path(directory) if directory not in (None, True) else default_cache_dir()
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
            _atomic_write(paths[0], lambda p: np.save(p.open("wb"), self._matrix))
            _atomic_write(paths[1], lambda p: p.write_text(json.dumps(texts), encoding="utf-8"))
        except OSError as exc:
            raise ConfigError(
                "C303", f"cannot write the embedding cache: {exc.strerror or exc}.",
                source=str(self.directory),
                hint="Set SKILLMIX_CACHE_DIR to a writable folder.",
            ) from exc

    def __len__(self) -> int:
        return len(self._rows)

    def lookup(self, texts: Sequence[str], encode: Callable[[list[str]], np.ndarray],
               *, chunk: int = 4096) -> np.ndarray:
        """Float32 embeddings of ``texts``, encoding and storing the ones not seen yet."""
        missing = list(dict.fromkeys(t for t in texts if t not in self._rows))
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
        idx = np.fromiter((self._rows[t] for t in texts), dtype=np.int64, count=len(texts))
        return self._matrix[idx].astype(np.float32)
