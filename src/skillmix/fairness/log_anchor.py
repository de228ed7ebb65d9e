"""The decision log's anchor: a server secret that signs entries and a head kept apart.

Why: a hash chain alone shows an edit in the middle, but not a log whose chain was
recomputed after the edit, nor one cut short at either end, nor one forged from nothing:
anyone can compute SHA-256. The anchor adds what an editor of the log does not have.

* Every entry carries ``mac`` = HMAC-SHA256(secret, entry hash): recomputing the chain or
  forging entries needs the secret.
* The head (entry count and last hash, with its own MAC) is written to a separate file
  after every append: removing the last entries, or all of them, shows as a head that the
  log does not reach. With several processes appending, each moves the head forward under
  a file lock and never back (:meth:`LogAnchor.advance`); the head may lag the log by the
  appends committed but not yet anchored, so a check asks that the log reach the head and
  agree with it there. The head is written without an fsync (the entries themselves are as
durable as the database or log file makes them) and in place (one write of a fixed size,
no rename): a crash can lose the newest head, which only widens that lag, or, rarely, tear
it, which a check reports (F155) until the next append rewrites it.

The secret comes from ``$SKILLMIX_LOG_SECRET`` when set (keep it out of the log's folder
for the strongest guarantee), else from a key file created once with mode 0600.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import os
import secrets
from dataclasses import dataclass
from pathlib import Path

from ..errors import FairnessError
from ..errors.fairness_codes import F145, F155
from ..atomic import atomic_write_bytes

__all__ = ["LogAnchor", "LogHead"]

SECRET_ENV = "SKILLMIX_LOG_SECRET"
#: the head file's size when written in place (JSON, then spaces)
_HEAD_BYTES = 320


@dataclass(frozen=True, slots=True)
class LogHead:
    """How many entries the log had at its last append, and the last entry's hash."""

    count: int
    hash: str


def _load_secret(key_path: Path) -> bytes:
    env = os.environ.get(SECRET_ENV)
    if env:
        return env.encode("utf-8")
    try:
        return key_path.read_bytes().strip()
    except FileNotFoundError:
        pass
    key_path.parent.mkdir(parents=True, exist_ok=True)
    secret = secrets.token_hex(32).encode()
    # written whole under a temporary name, then linked into place: a process starting at
    # the same moment finds no key or the complete one, never an empty file
    tmp = key_path.with_name(f".{key_path.name}.{os.getpid()}.{secrets.token_hex(4)}")
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(secret)
            fh.flush()
            os.fsync(fh.fileno())
        try:
            os.link(tmp, key_path)
        except FileExistsError:  # another process made it first
            return key_path.read_bytes().strip()
    finally:
        os.unlink(tmp)
    return secret


class LogAnchor:
    """Signs entry hashes and keeps the head file. ``secret``: the HMAC key;
    ``head_path``: where the head is written."""

    def __init__(self, secret: bytes, head_path: Path) -> None:
        if len(secret) < 16:
            raise F145("the decision-log secret is shorter than 16 bytes.",
                       hint=f"Set ${SECRET_ENV} to a long random string.")
        self._secret = secret
        self.head_path = Path(head_path)

    @classmethod
    def beside(cls, base: str | os.PathLike[str]) -> "LogAnchor":
        """An anchor with its files next to ``base``: ``<base>.head`` and, unless
        ``$SKILLMIX_LOG_SECRET`` is set, ``<base>.key``."""
        base = Path(base)
        return cls(_load_secret(base.with_name(base.name + ".key")),
                   base.with_name(base.name + ".head"))

    def sign(self, digest: str) -> str:
        return hmac.new(self._secret, digest.encode(), hashlib.sha256).hexdigest()

    def signs(self, digest: str, mac: object) -> bool:
        return isinstance(mac, str) and hmac.compare_digest(self.sign(digest), mac)

    def record(self, count: int, digest: str, *, durable: bool = True) -> None:
        """Write the head after an append (atomically, mode 0600). ``durable=False`` skips
        the fsync: a crash may then lose the newest head, which leaves it lagging the log,
        which a check accepts (see the module docstring)."""
        body = {"count": count, "hash": digest, "mac": self.sign(f"{count}:{digest}")}
        data = json.dumps(body).encode()
        if durable:
            atomic_write_bytes(self.head_path, data, mode=0o600)
            return
        # in place, padded to a fixed size, in one write: a rename per append cost ~4 ms on
        # ext4 (it flushes the file it replaces); a head torn by a crash reads as F155
        # until the next append rewrites it
        fd = os.open(self.head_path, os.O_RDWR | os.O_CREAT, 0o600)
        try:
            os.pwrite(fd, data.ljust(_HEAD_BYTES), 0)
        finally:
            os.close(fd)

    def advance(self, count: int, digest: str) -> None:
        """:meth:`record` unless the head already records ``count`` or a later entry
        (read and written under an exclusive lock on ``<head>.lock``)."""
        lock = self.head_path.with_name(self.head_path.name + ".lock")
        lock.parent.mkdir(parents=True, exist_ok=True)
        fd = os.open(lock, os.O_RDWR | os.O_CREAT, 0o600)
        try:
            try:
                import fcntl

                fcntl.flock(fd, fcntl.LOCK_EX)
            except (ImportError, OSError):  # pragma: no cover - non-POSIX
                pass
            try:
                current = self.head()
            except FairnessError:
                current = None  # a damaged head is replaced, as a single writer always did
            if current is None or count > current.count:
                self.record(count, digest, durable=False)
        finally:
            os.close(fd)

    def head(self) -> LogHead | None:
        """The recorded head, ``None`` if none was written; ``[F155]`` if it is not one
        this secret signed."""
        try:
            raw = json.loads(self.head_path.read_bytes())
        except FileNotFoundError:
            return None
        except (OSError, ValueError):
            raw = None
        if (not isinstance(raw, dict) or not isinstance(raw.get("count"), int)
                or isinstance(raw.get("count"), bool) or not isinstance(raw.get("hash"), str)
                or not self.signs(f"{raw['count']}:{raw['hash']}", raw.get("mac"))):
            raise F155("the decision log's head record is not valid or not "
                       "signed by this server's secret.",
                       source=str(self.head_path),
                       hint="The head was edited or the secret changed; restore both "
                            "from a backup.")
        return LogHead(count=raw["count"], hash=raw["hash"])
