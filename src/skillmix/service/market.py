"""Use case: market runs as background jobs: start (202 + job id), poll, read the report.

Why jobs: a market run reads a whole job-board export and can take minutes; the request
that starts it returns at once and the client polls. Runs execute one at a time in the
workspace's job thread, inline (``workers=0``) so a web server does not fork a process pool;
bigger runs belong to ``skillmix market`` on a cluster. Clients name a corpus the server
admin registered (``skillmix serve --corpus NAME=PATH``), never a path. Everything here
calls :mod:`skillmix.market`'s public functions.
"""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import TYPE_CHECKING, Any, Mapping

from ..errors import MissingExtraError, SkillmixError
from ..errors.market_codes import K103, K191, K192, K193, K195
from ..store import repo
from ..store.types import JobInfo

if TYPE_CHECKING:
    from .workspace import Workspace

__all__ = ["KIND", "delete_run", "market_report", "report_html_path", "run_dir",
           "run_market_job", "start_market_run"]

KIND = "market"
#: queued or running market runs one key may have at a time
MAX_ACTIVE_PER_KEY = 2


def run_dir(ws: "Workspace", job_id: str) -> Path:
    return ws.store.files.root / "market" / job_id


def start_market_run(ws: "Workspace", corpus: str, *, preset: str | None = None,
                     columns: Mapping[str, str] | None = None, actor: str) -> JobInfo:
    """Queue a market run over a registered corpus; returns the queued job. ``columns``
    (field -> column) names what the preset or the column names do not.

    The corpus's header is checked here, by the run's own check, so an export the run
    could not read is refused now, not a failed job: a field unknown or named twice
    [C024], an unknown preset [C025], a named column the header lacks [D115], no column
    that reads as a description [K103]."""
    from ..io.column_names import check_field_columns

    path = ws.corpus_path(corpus)
    given = check_field_columns(columns or {})  # a bad name is a 400 now, not a failed job
    market = _market()  # fail now, not in the background, when the extra is missing
    _check_corpus(market, corpus, path, preset, given)
    if repo.active_jobs_by(ws.store, KIND, actor) >= MAX_ACTIVE_PER_KEY:

        err = K192(f"this key already has {MAX_ACTIVE_PER_KEY} market runs queued "
                   "or running.", hint="Wait for one to finish (GET /v1/market/runs).")
        err.http_status = 429
        raise err
    job = repo.create_job(ws.store, KIND, {"corpus": corpus, "preset": preset, "columns": given},
                          actor=actor)
    ws.submit(run_market_job, ws, job.id, path, preset, given, corpus)
    return job


def _check_corpus(market: Any, corpus: str, path: Path, preset: str | None,
                  columns: Mapping[str, str]) -> None:
    """What the run checks first (:func:`skillmix.market.describe_input`: the header
    against the preset and the columns), with the corpus named as the client knows it:
    the server's path stays on the server."""
    try:
        market.describe_input(0, path, preset=preset, field_columns=columns)
    except SkillmixError as err:
        hint = err.hint
        if err.code == K103.code:  # its hint names the command line's options
            hint = ("Name the column that holds the description (and title, company, "
                    "date... as needed), or pick a preset.")
        raise type(err)(err.code, err.message, source=f"corpus {corpus!r}", hint=hint) from None


def _market():  # type: ignore[no-untyped-def]
    try:
        import duckdb  # noqa: F401
        import pyarrow  # noqa: F401
    except ImportError as err:
        raise MissingExtraError.for_module(err.name or "duckdb", "market") from err
    from .. import market

    return market


def run_market_job(ws: "Workspace", job_id: str, corpus: Path, preset: str | None,
                   columns: Mapping[str, str] | None = None, name: str | None = None) -> None:
    """The job body: run the pipeline, build and write the report, record the outcome.
    What the client reads back (an error, the failures) names the corpus by ``name``, as
    the client knows it, never by the server's path."""
    repo.start_job(ws.store, job_id)
    out = run_dir(ws, job_id)
    shown = f"corpus {name!r}" if name else corpus.name
    try:
        market = _market()
        summary = market.run_market([corpus], out, preset=preset, field_columns=columns,
                                    workers=0, on_error="collect",
                                    settings=market.RunSettings(taxonomy=ws.settings.taxonomy))
        report = market.build_report(out)
        market.write_report(report, out / "report")
        done = {k: v for k, v in summary.to_dict().items() if k != "out"}  # no server paths
        done["failures"] = [{k: _hide_path(v, corpus, shown) for k, v in f.items()}
                            for f in done["failures"]]
        result: dict[str, Any] = {"summary": done, "report": report.to_dict()}
    except SkillmixError as err:
        repo.finish_job(ws.store, job_id, error=_hide_path(err.render(), corpus, shown))
        return
    except Exception as err:  # a bug: recorded on the job so the poller learns of it
        repo.finish_job(ws.store, job_id, error=_hide_path(
            f"[K199] market run failed: {type(err).__name__}: {err}", corpus, shown))
        raise
    repo.finish_job(ws.store, job_id, result=result)


def _hide_path(text: Any, path: Path, shown: str) -> Any:
    """``text`` with the corpus's server path (as given or resolved) put as ``shown``."""
    if not isinstance(text, str):
        return text
    # the longer first: a relative path is part of its resolved one
    for p in sorted({str(path.resolve()), str(path)}, key=len, reverse=True):
        text = text.replace(p, shown)
    return text


def market_report(ws: "Workspace", job_id: str):  # type: ignore[no-untyped-def]
    """The :class:`~skillmix.market.MarketReport` of a finished run."""
    job = repo.get_job(ws.store, job_id)
    if job.kind != KIND:
        raise K191(f"job {job_id!r} is not a market run.")
    if job.status != "done":
        raise K195(f"market run {job_id!r} is {job.status}, not done.",
                   hint="Poll GET /v1/market/runs/{id} until status is 'done'.")
    return _market().build_report(run_dir(ws, job_id))


def report_html_path(ws: "Workspace", job_id: str) -> Path:
    market_report(ws, job_id)  # checks kind and status
    path = run_dir(ws, job_id) / "report" / "report.html"
    if not path.is_file():
        raise K193(f"market run {job_id!r} has no HTML report.")
    return path


def delete_run(ws: "Workspace", job_id: str) -> None:
    shutil.rmtree(run_dir(ws, job_id), ignore_errors=True)

