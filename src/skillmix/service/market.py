"""Use case: market runs as background jobs: start (202 + job id), poll, read the report.

Why jobs: a market run reads a whole job-board export and can take minutes; the request
that starts it returns at once and the client polls. Runs execute one at a time in the
workspace's job thread, inline (``workers=0``) so a web server does not fork a process pool;
bigger runs belong to ``skillmix market`` on a cluster. Clients name a corpus the server
admin registered (``skillmix serve --corpus NAME=PATH``), never a path. Everything here
calls :mod:`skillmix.market`'s public functions.

What a client reads back names no server path: errors name the corpus (``corpus 'x'``) or
the run (``market run 'job_…'``), never the corpus file, the run folder or a partition in
it, and their advice is for a web or API client, not the command line's options; a report
leaves out the run folder (``run.out``). :func:`market_runs` and :func:`market_run` give
jobs that way, runs recorded before this included.
"""

from __future__ import annotations

import dataclasses
import re
import shutil
from pathlib import Path
from typing import TYPE_CHECKING, Any, Mapping

from ..errors import MissingExtraError, SkillmixError
from ..errors.market_codes import K110, K120, K121, K191, K192, K193, K195
from ..store import repo
from ..store.types import JobInfo
from .advice import client_hint, client_text

if TYPE_CHECKING:
    from .workspace import Workspace

__all__ = ["KIND", "delete_run", "market_report", "market_run", "market_runs",
           "report_html_path", "run_dir", "run_market_job", "start_market_run"]

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
        raise _for_client(err, f"corpus {corpus!r}", [path]) from None


def _for_client(err: SkillmixError, shown: str, paths: list[Path]) -> SkillmixError:
    """``err`` as a web or API client reads it: named by ``shown`` (the corpus, the run)
    instead of the server's file, ``paths`` (and anything under them: a run's partition
    files) put as ``shown`` in its message, and advice for a client where the library's
    names the command line's options (:func:`~skillmix.service.advice.client_hint`)."""
    out = type(err)(err.code, _hide_path(err.message, paths, shown), source=shown,
                    hint=client_hint(err.code, err.hint))
    out.http_status = err.http_status
    return out


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
    the client knows it, never by the server's path (the corpus's, the run folder's or a
    partition's in it)."""
    repo.start_job(ws.store, job_id)
    out = run_dir(ws, job_id)
    shown = f"corpus {name!r}" if name else corpus.name
    paths = [corpus, out]
    try:
        market = _market()
        summary = market.run_market([corpus], out, preset=preset, field_columns=columns,
                                    workers=0, on_error="collect",
                                    settings=market.RunSettings(taxonomy=ws.settings.taxonomy))
        report = market.build_report(out)
        market.write_report(report, out / "report")
        done = {k: v for k, v in summary.to_dict().items() if k != "out"}  # no server paths
        done["failures"] = [{k: _hide_path(v, paths, shown) for k, v in f.items()}
                            for f in done["failures"]]
        result: dict[str, Any] = {"summary": done, "report": _client_report(report).to_dict()}
    except SkillmixError as err:
        repo.finish_job(ws.store, job_id, error=_for_client(err, shown, paths).render())
        return
    except Exception as err:  # a bug: recorded on the job so the poller learns of it
        repo.finish_job(ws.store, job_id, error=_hide_path(
            f"[K199] market run failed: {type(err).__name__}: {err}", paths, shown))
        raise
    repo.finish_job(ws.store, job_id, result=result)


def _hide_path(text: Any, paths: list[Path], shown: str) -> Any:
    """``text`` with each of ``paths`` (as given or resolved), and any path under one,
    put as ``shown``."""
    if not isinstance(text, str):
        return text
    # the longer first: a relative path is part of its resolved one
    given = {str(q) for p in paths for q in (p, p.resolve())}
    for path in sorted(given, key=len, reverse=True):
        text = re.sub(re.escape(path) + r"(?:/[^\s:'\"]*)?", lambda _: shown, text)
    return text


def _client_report(report: Any) -> Any:
    """``report`` without the run folder's path (``run.out``)."""
    return dataclasses.replace(report, run={k: v for k, v in report.run.items() if k != "out"})


def _client_job(ws: "Workspace", job: JobInfo) -> JobInfo:
    """``job`` as a client reads it: no server path in its error or its report, and advice
    for a client in its error and its failed records, not the command line's
    (:func:`~skillmix.service.advice.client_text`): runs recorded before errors and
    reports were written that way included, whose rows are left as they are."""
    shown = f"market run {job.id!r}"
    paths = [run_dir(ws, job.id), *map(Path, (ws.settings.market_corpora or {}).values())]
    result = job.result
    if result and isinstance(result.get("report"), Mapping):
        report = dict(result["report"])
        report["run"] = {k: v for k, v in (report.get("run") or {}).items() if k != "out"}
        result = {**result, "report": report}
    summary = result.get("summary") if result else None
    if isinstance(summary, Mapping) and isinstance(summary.get("failures"), list):
        failures = [_client_failure(f) for f in summary["failures"]]
        result = {**(result or {}), "summary": {**summary, "failures": failures}}
    return dataclasses.replace(job, result=result,
                               error=client_text(_hide_path(job.error, paths, shown)))


def _client_failure(failure: Any) -> Any:
    """A failed record of a run's summary with its error's advice for a client."""
    if isinstance(failure, Mapping) and isinstance(failure.get("error"), str):
        return {**failure, "error": client_text(failure["error"])}
    return failure


def market_runs(ws: "Workspace", *, limit: int = 50) -> list[JobInfo]:
    """The market runs, newest first, as a client reads them (no server path)."""
    return [_client_job(ws, j) for j in repo.list_jobs(ws.store, KIND, limit=limit)]


def market_run(ws: "Workspace", job_id: str) -> JobInfo:
    """One market run as a client reads it (no server path)."""
    return _client_job(ws, repo.get_job(ws.store, job_id))


def market_report(ws: "Workspace", job_id: str):  # type: ignore[no-untyped-def]
    """The :class:`~skillmix.market.MarketReport` of a finished run."""
    job = repo.get_job(ws.store, job_id)
    if job.kind != KIND:
        raise K191(f"job {job_id!r} is not a market run.")
    if job.status != "done":
        raise K195(f"market run {job_id!r} is {job.status}, not done.",
                   hint="Poll GET /v1/market/runs/{id} until status is 'done'.")
    try:
        report = _market().build_report(run_dir(ws, job_id))
    except SkillmixError as err:  # its files are gone or broken: K110, K120, K121
        if err.code in (K110.code, K120.code, K121.code):  # "this folder" means nothing here
            err = type(err)(err.code, "its results are no longer readable on the server.",
                            hint=err.hint)
        raise _for_client(err, f"market run {job_id!r}", [run_dir(ws, job_id)]) from None
    return _client_report(report)


def report_html_path(ws: "Workspace", job_id: str) -> Path:
    market_report(ws, job_id)  # checks kind and status
    path = run_dir(ws, job_id) / "report" / "report.html"
    if not path.is_file():
        raise K193(f"market run {job_id!r} has no HTML report.")
    return path


def delete_run(ws: "Workspace", job_id: str) -> None:
    shutil.rmtree(run_dir(ws, job_id), ignore_errors=True)

