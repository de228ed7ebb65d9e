"""One error tree for the whole library.

Every failure a user can cause or meet is a :class:`SkillmixError` with a stable code
(``[D102]``) and a message that says what was expected, what arrived and what to do.
The library raises these and never prints or exits; the CLI and the REST API translate
them into messages and status codes at the edge (see ``skillmix.cli`` and ``skillmix.api``).

Code prefixes: ``C`` config, ``D`` documents, ``T`` taxonomy, ``E`` extraction,
``P`` profiles, ``M`` matching, ``K`` market, ``S`` store, ``A`` auth/API, ``F`` fairness,
``X`` optional extras missing. Each code is defined once, as an :class:`ErrorCode` in the
catalog module of its domain (``config_codes``, ``document_codes``...); a raise site calls
it (``raise C001(f"no such file: {path}.", hint="Check the path.")``), so the code, its
error class and its documented meaning cannot drift apart. ``docs/errors.md`` is generated
from the catalog (:mod:`skillmix.errors.catalog`).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Generic, TypeVar

__all__ = [
    "BadRequestError",
    "ConfigError",
    "DocumentError",
    "ErrorCode",
    "ExtractionError",
    "FairnessError",
    "ForbiddenError",
    "MarketError",
    "MatchError",
    "MissingExtraError",
    "NotFoundError",
    "PayloadTooLargeError",
    "PermissionDeniedError",
    "ProfileError",
    "SkillmixError",
    "StoreError",
    "TaxonomyError",
    "UnprocessableError",
    "human_bytes",
]


class SkillmixError(Exception):
    """Root of every error skillmix raises on purpose.

    ``code`` is stable and documented; ``source`` names the file, record or setting at
    fault (may be ``None``); ``hint`` says what to do. ``str(err)`` renders all three as
    one line: ``[D102] resume.pdf: PDF has no extractable text. Run OCR first.``
    """

    code: str = "X000"
    #: HTTP status the REST API answers with for this kind of error.
    http_status: int = 400

    def __init__(
        self,
        code: str,
        message: str,
        *,
        source: str | None = None,
        hint: str | None = None,
    ) -> None:
        self.code = code
        self.message = message
        self.source = source
        self.hint = hint
        super().__init__(self.render())

    def render(self) -> str:
        where = f"{self.source}: " if self.source else ""
        tail = f" {self.hint}" if self.hint else ""
        return f"[{self.code}] {where}{self.message}{tail}"

    def to_dict(self) -> dict[str, object]:
        """The fields of the API's error envelope (without ``ok``/``status``)."""
        return {"code": self.code, "error": self.render()}


class ConfigError(SkillmixError):
    """A setting, option or argument is invalid."""


class DocumentError(SkillmixError):
    """A document could not be read: unsupported, broken, hostile or over a limit."""

    http_status = 422


class TaxonomyError(SkillmixError):
    """A taxonomy is unknown, malformed or missing an entry."""


class ExtractionError(SkillmixError):
    """Extraction could not run on an input."""


class ProfileError(SkillmixError):
    """A role profile is unknown or invalid."""


class MatchError(SkillmixError):
    """Ranking could not run (empty index, unfitted ranker...)."""


class MarketError(SkillmixError):
    """A market run failed or its output folder is not usable."""


class UnprocessableError(ConfigError):
    """A request's arguments are well formed but cannot be acted on together: an empty list
    where at least one item is needed, a candidate a run did not include. Why a class of its
    own: the API answers 422 (the request named things that exist, or sent the right shape,
    yet asks for something that cannot be), not 400 (malformed) or 404 (no such thing)."""

    http_status = 422


class BadRequestError(ConfigError):
    """An HTTP request is malformed (wrong content type, missing part...)."""


class PayloadTooLargeError(DocumentError):
    """An upload or request body went over its size limit."""

    http_status = 413

    @classmethod
    def for_limit(cls, limit: int) -> "PayloadTooLargeError":
        """An upload over ``limit`` bytes: the limit as the upload form states it
        ("10 MB"), its bytes, and what to do there (only the server raises it, so its advice
        is for a web or API client, not the command line's ``--max-upload-mb``)."""
        from .api_codes import A413

        return cls(A413.code, f"the upload is larger than the limit of {human_bytes(limit)} "
                              f"({limit} bytes).",
                   hint=f"Upload a smaller file ({human_bytes(limit)} at most), or ask the "
                        "server's admin to raise the upload limit.")


def human_bytes(n: int) -> str:
    """``10 MB`` for 10,485,760 bytes (MB as ``--max-upload-mb`` counts them, 1024 x 1024),
    ``2.5 MB``, ``64 KB``: a size limit as a person reads it in a message."""
    for unit, size in (("MB", 1024 * 1024), ("KB", 1024)):
        if n >= size:
            return f"{n / size:.1f}".removesuffix(".0") + f" {unit}"
    return f"{n} bytes"


class StoreError(SkillmixError):
    """Persistence failed: database unreachable, migration missing..."""

    http_status = 500


class NotFoundError(SkillmixError):
    """A requested object does not exist."""

    http_status = 404


class PermissionDeniedError(SkillmixError):
    """Missing, wrong or under-scoped credentials."""

    http_status = 401


class ForbiddenError(PermissionDeniedError):
    """The credentials are valid but lack the permission (scope) the action needs."""

    http_status = 403


class FairnessError(SkillmixError):
    """An audit could not be computed from the given inputs."""


class MissingExtraError(SkillmixError):
    """An optional dependency is not installed; the hint names the extra to install."""

    @classmethod
    def for_module(cls, module: str, extra: str) -> "MissingExtraError":
        from .extra_codes import X001

        return cls(
            X001.code,
            f"this feature needs the optional package '{module}', which is not installed.",
            hint=f"Install it with: pip install 'skillmix[{extra}]'",
        )


_E = TypeVar("_E", bound=SkillmixError)


@dataclass(frozen=True, slots=True)
class ErrorCode(Generic[_E]):
    """One catalog entry: a stable code, the error class it raises, what it means and
    (optionally) what to do.

    Calling it builds the error: ``C001("no such file: x.", hint="Check the path.")``. The
    raise site keeps its specific message (which file, which value); ``summary`` is the
    general meaning the documentation lists, and ``hint`` the usual advice (used by
    readers that compose standard wording, see :func:`skillmix.io.codes.doc_error`).
    """

    code: str
    kind: type[_E]
    summary: str
    hint: str = ""

    def __call__(self, message: str, *, source: str | None = None,
                 hint: str | None = None) -> _E:
        return self.kind(self.code, message, source=source, hint=hint)

    def __str__(self) -> str:
        return self.code
