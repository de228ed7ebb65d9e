"""The same batch function gives the same tables inline, in a process pool and on Dask."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from skillmix.errors import MarketError
from skillmix.market import RunSettings, run_market


def _settings(**kw) -> RunSettings:
    return RunSettings(partition_size=kw.pop("partition_size", 25), **kw)


def test_pipeline_inline_finds_known_social_postings(corpus, truth, tmp_path: Path) -> None:
    path = corpus(100)
    s = run_market([path], tmp_path / "run", workers=0, settings=_settings())
    assert s.records == 100 and s.partitions == 4 and s.failed == 0
    from skillmix.market import query

    got = dict(query(tmp_path / "run", "SELECT id, requires_social FROM postings")[1])
    assert got == truth(100)
    assert s.requires_social == sum(truth(100).values())


def test_pipeline_local_pool_equals_inline(corpus, snapshot, tmp_path: Path) -> None:
    path = corpus(120)
    run_market([path], tmp_path / "a", workers=0, settings=_settings())
    run_market([path], tmp_path / "b", workers=2, settings=_settings())
    assert snapshot(tmp_path / "a") == snapshot(tmp_path / "b")


def test_pipeline_dask_local_cluster_equals_inline(corpus, snapshot, tmp_path: Path) -> None:
    distributed = pytest.importorskip("distributed")
    path = corpus(120)
    run_market([path], tmp_path / "a", workers=0, settings=_settings())
    t0 = time.perf_counter()
    with distributed.LocalCluster(n_workers=2, processes=True, threads_per_worker=1,
                                  dashboard_address=":0") as cluster:
        s = run_market([path], tmp_path / "d", engine="dask", scheduler=cluster.scheduler_address,
                       settings=_settings())
        assert len(cluster.scheduler_info["workers"]) == 2
    assert s.engine == "dask" and s.partitions == 5
    assert snapshot(tmp_path / "a") == snapshot(tmp_path / "d")
    assert time.perf_counter() - t0 < 120  # a hang would be a bug, not slowness


@pytest.mark.slow
def test_pipeline_dask_engine_starts_its_own_cluster(corpus, snapshot, tmp_path: Path) -> None:
    pytest.importorskip("distributed")
    path = corpus(60)
    run_market([path], tmp_path / "a", workers=0, settings=_settings())
    s = run_market([path], tmp_path / "d", engine="dask", workers=2, settings=_settings())
    assert s.workers == 2
    assert snapshot(tmp_path / "a") == snapshot(tmp_path / "d")


def test_pipeline_resume_redoes_only_missing_partitions(corpus, snapshot, tmp_path: Path) -> None:
    path = corpus(100)
    out = tmp_path / "run"
    run_market([path], out, workers=0, settings=_settings())
    before = snapshot(out)
    for n in (1, 3):  # lose two commits, leave a stray temp file
        (out / "_parts" / f"part-{n:06d}.json").unlink()
    (out / "postings" / ".part-000001.parquet.junk.tmp").write_bytes(b"garbage")
    s = run_market([path], out, workers=0, settings=_settings())
    assert s.resumed_partitions == 2 and s.partitions == 4
    assert snapshot(out) == before


def test_pipeline_resume_refuses_changed_options(corpus, tmp_path: Path) -> None:
    path = corpus(30)
    out = tmp_path / "run"
    run_market([path], out, workers=0, settings=_settings())
    with pytest.raises(MarketError) as err:
        run_market([path], out, workers=0, settings=_settings(partition_size=10))
    assert err.value.code == "K113"
    s = run_market([path], out, workers=0, settings=_settings(partition_size=10), restart=True)
    assert s.partitions == 3


def test_pipeline_resume_refuses_changed_corpus(corpus, rows, tmp_path: Path) -> None:
    path = corpus(30)
    out = tmp_path / "run"
    run_market([path], out, workers=0, settings=_settings())
    corpus(rows=rows(31))
    with pytest.raises(MarketError) as err:
        run_market([path], out, workers=0, settings=_settings())
    assert err.value.code == "K112"


def test_pipeline_bad_rows_are_counted_not_dropped(tmp_path: Path) -> None:
    path = tmp_path / "bad.jsonl"
    path.write_text('{"id": "1", "title": "A", "description": "Manage social media."}\n'
                    "{not json}\n"
                    '{"id": "3", "title": "C", "description": ""}\n', encoding="utf-8")
    s = run_market([path], tmp_path / "run", workers=0, preset="generic", settings=_settings())
    assert s.records == 3 and s.postings == 1 and s.failed == 2
    assert {f.source for f in s.failures} == {f"{path.resolve()}:2", f"{path.resolve()}:3"}
    with pytest.raises(MarketError):
        run_market([path], tmp_path / "run2", workers=0, preset="generic", settings=_settings(),
                   on_error="raise")


def test_pipeline_reads_every_corpus_format(corpus, tmp_path: Path) -> None:
    pq = pytest.importorskip("pyarrow.parquet")
    import pyarrow.csv as pacsv

    csv_path = corpus(40, name="c.csv")
    jsonl_path = corpus(40, name="c.jsonl")
    table = pacsv.read_csv(csv_path)
    parquet_path = tmp_path / "c.parquet"
    pq.write_table(table, parquet_path, row_group_size=7)
    s = run_market([csv_path, jsonl_path, parquet_path], tmp_path / "run", workers=0,
                   settings=_settings(partition_size=15, dedup=False))
    assert s.records == 120 and s.postings == 120 and s.failed == 0
    from skillmix.market import query

    per = dict(query(tmp_path / "run", "SELECT corpus, count(DISTINCT uid) FROM postings GROUP BY 1")[1])
    assert per == {"c.csv": 40, "c.jsonl": 40, "c.parquet": 40}


def test_pipeline_one_driver_per_folder(corpus, tmp_path: Path) -> None:
    from skillmix.market import MarketStore

    path = corpus(10)
    out = tmp_path / "run"
    with MarketStore(out).lock():
        with pytest.raises(MarketError) as err:
            run_market([path], out, workers=0, settings=_settings())
    assert err.value.code == "K114"
    assert run_market([path], out, workers=0, settings=_settings()).records == 10


@pytest.mark.parametrize("engine, workers", [("local", 1), ("local", 0), ("dask", 1)])
def test_pipeline_progress_counts_records_inside_a_partition(corpus, tmp_path: Path,
                                                             monkeypatch, engine, workers) -> None:
    # One partition of 3,000 records: progress must not jump from 0 to 100% (issue #15),
    # in a process pool, inline (--workers 0) and on Dask.
    from skillmix.market import pipeline

    if engine == "dask":
        pytest.importorskip("distributed")
    monkeypatch.setattr(pipeline, "TICK_SECONDS", 0.05)
    events = []
    s = run_market([corpus(3000)], tmp_path / "run", workers=workers, engine=engine,
                   settings=_settings(partition_size=3000, dedup=False), progress=events.append)
    assert s.records == 3000 and s.partitions == 1
    extract = [e.done for e in events if e.phase == "extract"]
    assert extract == sorted(extract)  # never goes back
    assert any(0 < d < 3000 for d in extract), extract
    assert extract[-1] == 3000


def test_pipeline_finished_run_leaves_no_progress_notes_a_failed_one_keeps_them(
        tmp_path: Path, monkeypatch) -> None:
    from skillmix.market import worker

    monkeypatch.setattr(worker, "PROGRESS_EVERY", 1)  # a note after every record
    path = tmp_path / "jobs.jsonl"
    path.write_text('{"id": "1", "title": "A", "description": "Manage social media."}\n'
                    '{"id": "2", "title": "B", "description": "Run our TikTok account."}\n'
                    "{not json}\n", encoding="utf-8")
    failed = tmp_path / "failed"
    with pytest.raises(MarketError):
        run_market([path], failed, workers=0, preset="generic", settings=_settings(),
                   on_error="raise")
    assert list((failed / "_tmp" / "progress").iterdir())  # kept: the run did not finish
    done = tmp_path / "done"
    s = run_market([path], done, workers=0, preset="generic", settings=_settings())
    assert s.postings == 2 and s.failed == 1
    assert not (done / "_tmp").exists()
    assert (done / ".lock").exists()  # left by design
    again = run_market([path], failed, workers=0, preset="generic", settings=_settings())
    assert again.postings == 2 and not (failed / "_tmp").exists()


def test_one_partition_runs_inline_without_a_pool(corpus, snapshot, tmp_path: Path,
                                                  monkeypatch) -> None:
    """A corpus under --partition-size gains nothing from a process pool but its start-up."""
    import skillmix.market.pipeline as pipeline

    path = corpus(20)
    run_market([path], tmp_path / "a", workers=0, settings=_settings())

    def no_pool(*_a, **_k):  # type: ignore[no-untyped-def]
        raise AssertionError("a process pool was started for one partition")

    monkeypatch.setattr(pipeline, "_run_local", no_pool)
    s = run_market([path], tmp_path / "b", workers=2, settings=_settings())
    assert s.partitions == 1 and snapshot(tmp_path / "a") == snapshot(tmp_path / "b")


def test_pipeline_resume_refuses_another_excerpt_cut(corpus, tmp_path: Path, monkeypatch) -> None:
    # a run begun before the evidence excerpt changed must not be finished with the new
    # cut: its ``evidence`` column would mix two
    from skillmix.market import worker

    path = corpus(30)
    out = tmp_path / "run"
    run_market([path], out, workers=0, settings=_settings())
    monkeypatch.setattr(worker, "EXCERPT_VERSION", "older")
    with pytest.raises(MarketError) as err:
        run_market([path], out, workers=0, settings=_settings())
    assert err.value.code == "K113"


def test_pipeline_refuses_a_corpus_with_no_records(tmp_path: Path) -> None:
    # a header and no rows: the run says so by name, not "no committed partitions" at the end
    empty = tmp_path / "empty.csv"
    empty.write_text("title,description\n", encoding="utf-8")
    with pytest.raises(MarketError) as err:
        run_market([empty], tmp_path / "run", workers=0, settings=_settings())
    assert err.value.code == "K104" and "empty.csv" in str(err.value)
