"""An error's advice as a web or API client can follow it.

Why: the library's hints are written for the command line or for Python, where the person
who met the error can pass another option (``--column``, ``--max-upload-mb``), run another
command (``skillmix taxonomy search``) or raise a limit (``ReadLimits``). The person at
the browser or the API client can do none of that; they need to hear what to do there:
upload a smaller file, pick a preset, ask the server's admin. :func:`for_client` puts that
advice in place of a hint that names the command line or Python, and every error leaving
the server passes it: the API's envelope (:mod:`skillmix.api.errors`, the body limit),
the UI's pages (:func:`skillmix.web.app.page`) and a market run's stored error
(:mod:`skillmix.service.market`). A hint that names neither is kept as it is.

:data:`CLIENT_HINTS` holds the advice per code; :data:`CLI_ONLY` the codes with
command-line advice that only the command line raises (their hint is dropped should one
reach a client, never shown). A test walks every code through the API and the UI and
checks that each code raised with command-line advice outside :mod:`skillmix.cli` is in
one or the other.

Two more kinds of advice go the same way. :func:`client_text` rewrites an error already
rendered and stored as text (a market run that failed before its advice was the client's
keeps the library's words in its row: ``Run `skillmix market run ...```), when it is shown;
the stored row is never changed. :data:`NOTES` is the advice a page gives that is no
error's (how to get a key, who registers a corpus), so no page tells its reader to run
``skillmix serve create-key``: that is for the server's admin, at the server.
"""

from __future__ import annotations

import re
from typing import TypeVar

from ..errors import SkillmixError
from ..errors.config_codes import C005, C041, C143, C400, C401, C420, C424, C425, C427
from ..errors.document_codes import D104, D105, D106, D115, D117, D119
from ..errors.extra_codes import X001, X002
from ..errors.fairness_codes import (F122, F124, F133, F150, F151, F152, F153, F154, F155,
                                     F156, F159)
from ..errors.market_codes import (K103, K110, K111, K112, K113, K114, K120, K121, K130,
                                  K131, K132)
from ..errors.match_codes import M020
from ..errors.profile_codes import P102, P110
from ..errors.taxonomy_codes import T001, T020, T301, T303

__all__ = ["CLIENT_HINTS", "CLI_ADVICE", "CLI_ONLY", "NOTES", "client_hint", "client_text",
           "for_client", "note"]

#: advice a client cannot follow: a command-line option (``--column``), a command
#: (``skillmix rank``, ``pip install``), or a Python name (``ReadLimits``,
#: ``field_columns=``, ``on_error=``, "from Python")
CLI_ADVICE = re.compile(r"--[a-z]|\bskillmix [a-z]|\bpip install\b|from Python|=NAME\b"
                        r"|\b(?:Read|Extract)Limits\b|\bfield_columns\b|\bon_error="
                        r"|\bthe same command\b")

_SMALLER = "Upload a shorter document: split it into parts, each within the limit above."
_NEW_RUN = "Start a new run on the corpus."
_LOG = ("The decision log was edited or damaged; ask the server's admin to check it "
        "(GET /v1/decisions/verify) and restore it from a backup.")

#: code -> advice for a web or API client, where the library's names the command line's
#: options or commands, or Python's names
CLIENT_HINTS: dict[str, str] = {
    C427.code: ("Upload each posting or résumé as a file of its own (PDF, DOCX, HTML, text "
                "or JSON)."),
    D104.code: _SMALLER,
    D105.code: "Re-save the file from its editor, or upload a shorter version of it.",
    D106.code: "Re-save the file from its editor, or upload a shorter version of it.",
    D115.code: ("Pick the preset of this export, or none to find the columns by their "
                "names, or name the columns (\"columns\" in the API; Column names on the "
                "market form)."),
    D117.code: _SMALLER,
    D119.code: _SMALLER,
    K103.code: ("Name the column that holds the description (and title, company, date... "
                "as needed), or pick a preset."),
    **{c.code: _NEW_RUN for c in (K110, K111, K112, K113, K114, K120, K121, K130, K132)},
    **{c.code: _LOG for c in (F150, F151, F152, F153, F154, F155, F156, F159)},
    P102.code: "Pick a profile the server lists (GET /v1/profiles; the Profiles page).",
    P110.code: ("Check the posting's text (its page marks the skills found), or choose a "
                "role profile instead (\"profile\" in the API)."),
    T001.code: "Use a taxonomy the server lists (GET /v1/taxonomies).",
    T020.code: "Search the taxonomy for its id (GET /v1/taxonomies/NAME/skills?q=TEXT).",
    T301.code: "The server's sentence model is damaged; ask its admin to reinstall it.",
    T303.code: "The server's ESCO data cannot be read; ask its admin to restore it.",
    X001.code: "The server lacks an optional package this needs; ask its admin to install it.",
    X002.code: "The server lacks the model weights this needs; ask its admin to install them.",
}

#: codes with advice for the command line that only the command line or a Python caller
#: meets: an output file (-o), option clashes, the server's own start-up options,
#: --weights, a saved index (--index), the fairness audit's input files, and a market
#: record refused under on_error='raise' (the server's runs collect them)
CLI_ONLY: frozenset[str] = frozenset(c.code for c in (
    C005, C041, C143, C400, C401, C420, C424, C425, F122, F124, F133, K131, M020))

_E = TypeVar("_E", bound=SkillmixError)


def client_hint(code: str, hint: str | None) -> str | None:
    """``hint`` when a client can follow it; else the advice :data:`CLIENT_HINTS` has for
    ``code``, or None where there is none (:data:`CLI_ONLY`)."""
    if not hint or not CLI_ADVICE.search(hint):
        return hint
    return CLIENT_HINTS.get(code)


def for_client(err: _E) -> _E:
    """``err`` with :func:`client_hint`'s advice; ``err`` itself when its hint stands.
    The copy keeps the class, code, message, source and HTTP status."""
    hint = client_hint(err.code, err.hint)
    if hint == err.hint:
        return err
    out = type(err)(err.code, err.message, source=err.source, hint=hint)
    out.http_status = err.http_status
    return out


#: a rendered error's code, ``[D115] ...``
_CODE = re.compile(r"\[([A-Z]\d{3})\] ")
#: where a sentence starts: after ``.``, ``!`` or ``?`` and white space
_SENTENCE = re.compile(r"(?<=[.!?])\s+(?=\S)")


def client_text(text: str | None) -> str | None:
    """A rendered error (``[CODE] source: message hint``, as a market run's row keeps it)
    with its advice for a client: from the first sentence after the message's first that
    names the command line or Python (:data:`CLI_ADVICE`) to the end, the hint, put as
    :func:`client_hint` would put it (:data:`CLIENT_HINTS`' advice for the code, or
    nothing). Text that names neither, or names them only in its first sentence (the
    message, which cannot be told apart from a hint there), is returned as it is."""
    if not text:
        return text
    code = _CODE.match(text)
    starts = [m.end() for m in _SENTENCE.finditer(text)]
    if code is None or not starts:
        return text
    found = next((m for m in CLI_ADVICE.finditer(text) if m.start() >= starts[0]), None)
    if found is None:
        return text
    cut = max(i for i in starts if i <= found.start())
    advice = CLIENT_HINTS.get(code.group(1))
    return text[:cut].rstrip() + (f" {advice}" if advice else "")


#: advice a page or an answer gives that is no error's, for the reader of the UI or the
#: API: topic -> what to do there, or whom to ask (never the command line's commands,
#: which the server's admin runs at the server)
NOTES: dict[str, str] = {
    "get_key": "No key yet? Ask the server's admin for one.",
    "no_corpus": ("Market runs read job-board exports the server's admin registers on the "
                  "server; ask them to add one."),
}


def note(topic: str) -> str:
    """:data:`NOTES`' advice on ``topic`` (a KeyError for a topic it lacks: a page's typo
    should fail its test, not show nothing)."""
    return NOTES[topic]
