"""Run the corpus pipeline: plan, process partitions on an engine, deduplicate, commit.

``run_market`` is the whole job, from a laptop to a cluster; only the engine changes:

* ``engine="local"`` (default): a process pool (``spawn``, so it behaves the same on every
  OS) with ``workers`` processes; ``workers=0`` runs inline in this process;
* ``engine="dask"``: a Dask ``distributed`` cluster at ``scheduler``, or a
  ``LocalCluster`` of ``workers`` single-threaded processes when no address is given.
  Workers must see the corpus files and the output folder at the same paths (a shared
  file system), since they read their slices and write their tables themselves.

At most ``2 x workers`` partitions are in flight, so the driver's memory does not grow
with the corpus. A run is resumable: the manifest fixes the partitions, committed ones
are skipped, and a killed run started again with the same arguments finishes the rest.
"""

from __future__ import annotations

import os
import shutil
import time
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any, Callable, Iterator, Literal, Mapping, Sequence

from ..batch import BatchFailure, OnError, check_on_error, usable_cpus
from ..errors import MissingExtraError, SkillmixError
from ..errors.config_codes import C081, C082, C083
from ..errors.market_codes import K104, K111, K112, K113, K130, K131, K132, K140
from ..io.corpus import CorpusMapping
from .plan import CorpusFile, PartitionSpec, describe_input, plan_partitions
from .run_folder import MarketStore, atomic_write_json, atomic_write_table
from .worker import (
    PartitionJob,
    PartitionResult,
    RunSettings,
    area_sides,
    process_partition,
    read_progress,
)

__all__ = ["Progress", "RunSummary", "run_market"]

Engine = Literal["local", "dask"]
MANIFEST_VERSION = 1


@dataclass(frozen=True, slots=True)
class Progress:
    """A progress event: ``phase`` is ``plan``, ``extract``, ``dedup`` or ``done``;
    ``done``/``total`` count corpus records (``total`` is None while unknown)."""

    phase: str
    done: int
    total: int | None


@dataclass(frozen=True, slots=True)
class RunSummary:
    """What a run did; also written as ``_SUCCESS.json`` in the run folder."""

    out: str
    engine: str
    workers: int
    partitions: int
    resumed_partitions: int
    records: int
    postings: int
    skipped: int
    failed: int
    mentions: int
    requires_social: int
    duplicates_exact: int
    duplicates_near: int
    seconds: float
    failures: tuple[BatchFailure, ...] = ()
    settings: Mapping[str, Any] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        d = asdict(self)
        d["failures"] = [asdict(f) for f in self.failures]
        return d


def default_workers() -> int:
    """One worker per CPU this process may use."""
    return usable_cpus()


def run_market(
    corpora: Sequence[str | Path],
    out: str | Path,
    *,
    preset: str | None = None,
    mapping: CorpusMapping | Mapping[str, Any] | None = None,
    field_columns: Mapping[str, str] | None = None,
    settings: RunSettings | None = None,
    engine: Engine = "local",
    workers: int | None = None,
    scheduler: str | None = None,
    restart: bool = False,
    on_error: OnError = "collect",
    progress: Callable[[Progress], None] | None = None,
) -> RunSummary:
    """Run (or resume) the market pipeline over ``corpora`` into folder ``out``.

    Each corpus's columns come from ``mapping``, else ``preset``, else its columns
    (a known export, or each field found by its column's name); ``field_columns``
    (field -> column) is put over that, as the command line's ``--column``."""
    check_on_error(on_error)
    if not corpora:
        raise C081("no corpus given.", hint="Pass one or more CSV/JSONL/Parquet files.")
    if engine not in ("local", "dask"):
        raise C082(f"engine must be 'local' or 'dask', not {engine!r}.")
    settings = settings or RunSettings()
    n_workers = default_workers() if workers is None else workers
    if n_workers < 0 or (engine == "dask" and n_workers < 1 and scheduler is None):
        raise C083(f"workers must be at least {1 if engine == 'dask' else 0}, not {n_workers}.")
    t0 = time.perf_counter()
    notify = progress or (lambda _p: None)
    store = MarketStore(out)
    store.root.mkdir(parents=True, exist_ok=True)
    inputs = [describe_input(i, p, preset=preset, mapping=mapping,
                             field_columns=field_columns) for i, p in enumerate(corpora)]
    with store.lock():
        return _run_locked(store, inputs, settings, engine, n_workers, scheduler, restart,
                           on_error, notify, t0)


def _run_locked(
    store: MarketStore, inputs: list[CorpusFile], settings: RunSettings, engine: str,
    n_workers: int, scheduler: str | None, restart: bool, on_error: OnError,
    notify: Callable[[Progress], None], t0: float,
) -> RunSummary:
    settings_dict = settings.to_dict()
    manifest = store.read_manifest()
    if manifest is not None and restart:
        store.clear()
        manifest = None
    if manifest is not None:
        specs = _check_manifest(store, manifest, inputs, settings_dict)
    else:
        if store.done() or store.success_path.exists():
            store.clear()
        notify(Progress("plan", 0, None))
        specs = list(plan_partitions(inputs, settings.partition_size))
        if not any(s.rows for s in specs):
            # a header and no rows: say so, not "no committed partitions" at the end
            raise K104("no record to read.", source=", ".join(str(cf.path) for cf in inputs),
                       hint="Check that each file has rows under its header (or lines, "
                            "for JSONL).")
        atomic_write_json(store.manifest_path, {
            "version": MANIFEST_VERSION,
            "inputs": [cf.to_dict() for cf in inputs],
            "settings": settings_dict,
            "partitions": [s.to_dict() for s in specs],
        })
    if store.success_path.exists():
        store.success_path.unlink()  # re-deciding duplicates below; the run is not complete
    shutil.rmtree(store.root / "_tmp", ignore_errors=True)
    total = sum(s.rows for s in specs)
    done_before = store.done()
    done_rows = sum(s.rows for s in specs if s.number in done_before)
    notify(Progress("extract", done_rows, total))
    by_index = {cf.index: cf for cf in inputs}
    sides = tuple(sorted(area_sides(settings.taxonomy).items())) if len(specs) > len(done_before) else ()
    jobs = [
        PartitionJob(spec=s, mapping=by_index[s.corpus].mapping,
                     corpus_name=Path(by_index[s.corpus].path).name, out=str(store.root),
                     settings=settings, area_sides=sides)
        for s in specs if s.number not in done_before
    ]
    if engine == "dask":
        results = _run_dask(jobs, n_workers, scheduler)
    elif n_workers == 0 or len(jobs) == 1:
        # one partition left (a corpus under --partition-size): a pool would only add a
        # process's start and imports (about 1.8 s of a 5 s run over 232 postings)
        results = _run_inline(jobs)
    else:
        results = _run_local(jobs, n_workers)
    finished: set[int] = set()
    for res in results:
        if res is None:  # a tick while partitions run: count the records they handled
            notify(Progress("extract", done_rows + read_progress(store.root, finished), total))
            continue
        finished.add(res.number)
        done_rows += res.rows
        notify(Progress("extract", done_rows, total))
        if on_error == "raise" and res.failures:
            f = res.failures[0]
            raise K131(f"a record could not be read: {f.error}", source=f.source,
                       hint="Fix the record or run with on_error='collect' or 'skip'.")
    results_all = [PartitionResult.from_dict(v) for _, v in sorted(store.done().items())]
    if len(results_all) != len(specs):
        raise K132(f"{len(specs) - len(results_all)} partitions did not commit.",
                   source=str(store.root), hint="Run the same command again to resume.")
    dup_exact = dup_near = 0
    if settings.dedup:
        notify(Progress("dedup", done_rows, total))
        from .dedup import find_duplicates

        con = store.connect(dedup=False)
        try:
            dups = find_duplicates(con, settings.dedup_settings)
        finally:
            con.close()
        atomic_write_table(store.duplicates_path, dups)
        kinds = dups.column("kind").to_pylist()
        dup_exact, dup_near = kinds.count("exact"), kinds.count("near")
    elif store.duplicates_path.exists():
        store.duplicates_path.unlink()
    con = store.connect()
    try:
        n_postings, n_social, n_mentions = con.execute(
            "SELECT count(*), count(*) FILTER (WHERE requires_social), "
            "(SELECT count(*) FROM mentions) FROM postings").fetchone()
    finally:
        con.close()
    failures = tuple(f for r in results_all for f in r.failures)
    n_failed = sum(r.failed for r in results_all)
    summary = RunSummary(
        out=str(store.root), engine=engine, workers=n_workers, partitions=len(specs),
        resumed_partitions=len(done_before), records=total,
        postings=n_postings,
        skipped=n_failed if on_error == "skip" else 0,
        failed=0 if on_error == "skip" else n_failed,
        mentions=n_mentions, requires_social=n_social,
        duplicates_exact=dup_exact, duplicates_near=dup_near,
        seconds=round(time.perf_counter() - t0, 3), failures=failures[:100],
        settings=settings_dict,
    )
    atomic_write_json(store.success_path, summary.to_dict())
    # the partitions' progress notes (and any shard a killed worker left) serve only a
    # run in progress; a resume starts from the markers in _parts and clears _tmp itself,
    # so a failed run keeps them and a finished one leaves its folder clean (.lock stays)
    shutil.rmtree(store.root / "_tmp", ignore_errors=True)
    notify(Progress("done", done_rows, total))
    return summary


def _check_manifest(
    store: MarketStore, manifest: Mapping[str, Any], inputs: list[CorpusFile],
    settings: Mapping[str, Any],
) -> list[PartitionSpec]:
    hint = "Resume with the same corpora and options, or pass --restart (or a new --out)."
    if manifest.get("version") != MANIFEST_VERSION:
        raise K111("the run folder was written by another version.",
                   source=str(store.root), hint=hint)
    before = [CorpusFile.from_dict(d) for d in manifest.get("inputs", [])]
    if [c.identity() for c in before] != [c.identity() for c in inputs]:
        raise K112("the corpora differ from the run being resumed "
                   "(paths, sizes or modification times changed).",
                   source=str(store.root), hint=hint)
    if dict(manifest.get("settings", {})) != _jsonish(settings):
        raise K113("the options differ from the run being resumed.",
                   source=str(store.root), hint=hint)
    return [PartitionSpec.from_dict(d) for d in manifest["partitions"]]


def _jsonish(obj: Any) -> Any:
    import json

    return json.loads(json.dumps(obj, default=str))


# --------------------------------------------------------------------------- engines


@dataclass(frozen=True, slots=True)
class _Failure:
    """A library error raised in a worker, carried back as plain fields (the error
    classes take keyword arguments, which pickling exceptions does not keep)."""

    kind: str
    code: str
    message: str
    source: str | None
    hint: str | None

    def reraise(self) -> None:
        from .. import errors

        cls = getattr(errors, self.kind, SkillmixError)
        raise cls(self.code, self.message, source=self.source, hint=self.hint)


def _call(job: PartitionJob) -> PartitionResult:
    out = _guarded(job)
    if isinstance(out, _Failure):
        out.reraise()
    return out  # type: ignore[return-value]


def _guarded(job: PartitionJob) -> PartitionResult | _Failure:
    """The task every engine runs: :func:`process_partition`, errors as values."""
    try:
        return process_partition(job)
    except SkillmixError as err:
        return _Failure(type(err).__name__, err.code, err.message, err.source, err.hint)


#: seconds between progress ticks while local workers run partitions
TICK_SECONDS = 0.5
#: seconds between a pool worker's checks that the driver still lives
PARENT_POLL_SECONDS = 1.0


def _exit_with_parent() -> None:
    """Pool worker initializer: a daemon thread that ends this worker as soon as the driver
    is gone. Ctrl-C reaches the whole process group and the pool shuts down, but a driver
    killed with SIGKILL (or by the out-of-memory killer) left its spawn workers to init,
    blocked on the task queue forever (about 180 MB each). The thread waits on the parent's
    sentinel (readable when the parent dies) and checks the parent's pid as well; a
    partition cut short is redone by the next run, as after any crash (its files are
    renamed into place and committed only when whole)."""
    import multiprocessing
    import threading
    from multiprocessing.connection import wait

    parent = multiprocessing.parent_process()
    ppid = os.getppid()

    def watch() -> None:
        sentinel = getattr(parent, "sentinel", None)
        while os.getppid() == ppid:
            if sentinel is not None:
                if wait([sentinel], timeout=PARENT_POLL_SECONDS):
                    break
            else:
                time.sleep(PARENT_POLL_SECONDS)
        os._exit(1)

    threading.Thread(target=watch, name="skillmix-parent-watch", daemon=True).start()


def _run_local(jobs: list[PartitionJob], workers: int) -> Iterator[PartitionResult | None]:
    """Partition results as they finish, and None every :data:`TICK_SECONDS` while none
    does (the caller then reads the partitions' progress notes)."""
    import multiprocessing
    from concurrent.futures import FIRST_COMPLETED, ProcessPoolExecutor, wait
    from concurrent.futures.process import BrokenProcessPool

    if not jobs:
        return
    pending = iter(jobs)
    ctx = multiprocessing.get_context("spawn")
    with ProcessPoolExecutor(max_workers=workers, mp_context=ctx, initializer=_exit_with_parent) as pool:
        inflight = set()
        for job in pending:
            inflight.add(pool.submit(_guarded, job))
            if len(inflight) >= 2 * workers:
                break
        while inflight:
            finished, inflight = wait(inflight, timeout=TICK_SECONDS, return_when=FIRST_COMPLETED)
            if not finished:
                yield None
                continue
            for fut in finished:
                try:
                    out = fut.result()
                except BrokenProcessPool:
                    raise K130("a worker process died (killed or out of memory).",
                               hint="Run the same command again to resume.") from None
                if isinstance(out, _Failure):
                    out.reraise()
                nxt = next(pending, None)
                if nxt is not None:
                    inflight.add(pool.submit(_guarded, nxt))
                yield out  # type: ignore[misc]


def _run_inline(jobs: list[PartitionJob]) -> Iterator[PartitionResult | None]:
    """The partitions one after the other, in this process, with ticks as in
    :func:`_run_local`: the partition runs in one helper thread so that this one can
    wake up and read its progress notes (a partition holds thousands of records)."""
    from concurrent.futures import ThreadPoolExecutor, wait

    if not jobs:
        return
    pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="skillmix-partition")
    try:
        for job in jobs:
            fut = pool.submit(_call, job)
            while not wait([fut], timeout=TICK_SECONDS).done:
                yield None
            yield fut.result()  # a partition's error is raised here, as inline
    finally:
        pool.shutdown(wait=True, cancel_futures=True)


def _run_dask(jobs: list[PartitionJob], workers: int, scheduler: str | None
              ) -> Iterator[PartitionResult | None]:
    try:
        from distributed import Client, LocalCluster, wait
    except ImportError:
        raise MissingExtraError.for_module("distributed", "dask") from None
    if not jobs:
        return
    cluster = None
    if scheduler:
        try:
            client = Client(scheduler, timeout="20s")
        except (OSError, TimeoutError) as exc:
            raise K140(f"cannot reach the Dask scheduler ({exc}).", source=scheduler,
                       hint="Check the address (tcp://HOST:8786) and that the scheduler runs.") from None
        n = max(1, len(client.scheduler_info().get("workers", {})) or workers)
    else:
        cluster = LocalCluster(n_workers=workers, threads_per_worker=1, processes=True,
                               dashboard_address=":0")
        client = Client(cluster)
        n = workers
    try:
        pending = iter(jobs)
        inflight = {client.submit(_guarded, j, pure=False) for _, j in zip(range(2 * n), pending)}
        while inflight:
            try:  # a tick every TICK_SECONDS while no partition finishes, as in _run_local
                finished, inflight = wait(inflight, timeout=TICK_SECONDS,
                                          return_when="FIRST_COMPLETED")
            except TimeoutError:
                yield None
                continue
            for fut in finished:
                out = fut.result()
                fut.release()
                if isinstance(out, _Failure):
                    out.reraise()
                nxt = next(pending, None)
                if nxt is not None:
                    inflight.add(client.submit(_guarded, nxt, pure=False))
                yield out
    finally:
        client.close()
        if cluster is not None:
            cluster.close()

