"""The run folder: partitioned Parquet tables, commit markers, manifest, DuckDB views.

Layout of ``OUT``::

    manifest.json              inputs (with size/mtime), settings, partitions
    postings/part-000042.parquet
    mentions/part-000042.parquet
    signatures/part-000042.parquet   (when deduplicating)
    _parts/part-000042.json    commit marker: the partition is complete
    duplicates.parquet         written after the last partition
    _SUCCESS.json              the run's summary; the run is complete

Every file is written to a temporary name in its own folder and renamed into place
(``os.replace`` is atomic on POSIX), and a partition counts as done only once its marker
exists, which is written last. A run killed at any moment therefore leaves complete
partitions, at most some orphan data files of an unfinished partition (rewritten, with
the same content, when the run resumes), and never a half-written file under a real name.
Queries read only the files of committed partitions.
"""

from __future__ import annotations

import json
from contextlib import contextmanager
from pathlib import Path
from typing import Any, Iterable, Iterator

from ..errors import MissingExtraError
from ..errors.market_codes import K110, K114, K120, K121
from ..atomic import atomic_write, atomic_write_bytes

__all__ = ["MarketStore", "atomic_write_bytes", "atomic_write_json", "atomic_write_table"]

TABLES = ("postings", "mentions", "signatures")


def atomic_write_json(path: Path, obj: Any) -> None:
    atomic_write_bytes(path, json.dumps(obj, indent=1, sort_keys=True, default=str).encode("utf-8"))


def atomic_write_table(path: Path, table: Any) -> None:
    """Write a pyarrow Table as Parquet under a temporary name, then rename it."""
    import pyarrow.parquet as pq

    atomic_write(path, lambda tmp: pq.write_table(table, str(tmp), compression="zstd"))


class MarketStore:
    """One run folder (see module docs); cheap to create, touches nothing until used."""

    def __init__(self, root: str | Path) -> None:
        self.root = Path(root)

    # ------------------------------------------------------------------ paths
    @property
    def manifest_path(self) -> Path:
        return self.root / "manifest.json"

    @property
    def success_path(self) -> Path:
        return self.root / "_SUCCESS.json"

    @property
    def duplicates_path(self) -> Path:
        return self.root / "duplicates.parquet"

    def part_file(self, table: str, number: int) -> Path:
        return self.root / table / f"part-{number:06d}.parquet"

    def marker(self, number: int) -> Path:
        return self.root / "_parts" / f"part-{number:06d}.json"

    @contextmanager
    def lock(self) -> Iterator[None]:
        """Hold the folder's run lock (``.lock``, an OS advisory lock that the kernel
        releases when the process dies, even by SIGKILL): two drivers never write one run."""
        import fcntl

        self.root.mkdir(parents=True, exist_ok=True)
        fh = open(self.root / ".lock", "a+b")
        try:
            try:
                fcntl.flock(fh.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
            except OSError:
                raise K114("another run is using this folder.", source=str(self.root),
                           hint="Wait for it to finish, or use another --out.") from None
            yield
        finally:
            fh.close()

    # ------------------------------------------------------------------ state
    def read_manifest(self) -> dict[str, Any] | None:
        try:
            return json.loads(self.manifest_path.read_text("utf-8"))
        except FileNotFoundError:
            return None
        except (OSError, ValueError) as exc:
            raise K110(f"unreadable run manifest ({exc}).",
                       source=str(self.manifest_path),
                       hint="Start again with --restart or a new --out.") from None

    def done(self) -> dict[int, dict[str, Any]]:
        """Committed partitions: number -> marker contents."""
        out: dict[int, dict[str, Any]] = {}
        folder = self.root / "_parts"
        if not folder.is_dir():
            return out
        for p in folder.glob("part-*.json"):
            try:
                out[int(p.stem.split("-")[1])] = json.loads(p.read_text("utf-8"))
            except (OSError, ValueError, IndexError):
                continue  # a marker is written atomically; an unreadable one is not a commit
        return out

    def summary(self) -> dict[str, Any]:
        try:
            return json.loads(self.success_path.read_text("utf-8"))
        except FileNotFoundError:
            raise K120("this folder holds no finished market run.",
                       source=str(self.root),
                       hint="Run `skillmix market run CORPUS --out DIR` first (or resume it).") from None

    def clear(self) -> None:
        """Remove a previous run's files (only the files a run writes)."""
        for name in (*TABLES, "_parts"):
            folder = self.root / name
            if folder.is_dir():
                for p in folder.iterdir():
                    if p.name.startswith(("part-", ".part-")):
                        p.unlink()
        for p in (self.manifest_path, self.success_path, self.duplicates_path):
            if p.exists():
                p.unlink()

    # ------------------------------------------------------------------ queries
    def files(self, table: str, numbers: Iterable[int] | None = None) -> list[str]:
        nums = sorted(self.done()) if numbers is None else sorted(numbers)
        out = []
        for n in nums:
            p = self.part_file(table, n)
            if p.exists():
                out.append(str(p))
        return out

    def connect(self, *, dedup: bool = True) -> Any:
        """An in-memory DuckDB connection with views over the committed partitions:
        ``postings_all``, ``mentions_all``, ``signatures_all`` (every posting read),
        ``duplicates`` and the deduplicated ``postings`` and ``mentions``."""
        try:
            import duckdb
        except ImportError:  # pragma: no cover - the market extra
            raise MissingExtraError.for_module("duckdb", "market") from None
        con = duckdb.connect()
        done = sorted(self.done())
        for table in TABLES:
            files = self.files(table, done)
            if files:
                listing = ", ".join("'" + f.replace("'", "''") + "'" for f in files)
                con.execute(f"CREATE VIEW {table}_all AS SELECT * FROM read_parquet([{listing}])")
        if not self.files("postings", done):
            raise K121("the run folder has no committed partitions.",
                       source=str(self.root), hint="Run or resume `skillmix market run`.")
        if dedup and self.duplicates_path.exists():
            path = str(self.duplicates_path).replace("'", "''")
            con.execute(f"CREATE VIEW duplicates AS SELECT * FROM read_parquet('{path}')")
        else:
            con.execute("CREATE VIEW duplicates AS SELECT NULL::BIGINT AS uid, NULL::BIGINT AS "
                        "duplicate_of, NULL::VARCHAR AS kind, NULL::FLOAT AS similarity WHERE false")
        con.execute("CREATE VIEW postings AS SELECT * FROM postings_all ANTI JOIN duplicates USING (uid)")
        if self.files("mentions", done):
            con.execute("CREATE VIEW mentions AS SELECT m.* FROM mentions_all m SEMI JOIN postings p USING (uid)")
        return con
