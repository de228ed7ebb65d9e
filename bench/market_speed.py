"""Market pipeline throughput: one core, Dask 1 vs 2 workers, peak memory as the corpus grows.

Builds a corpus by replicating the shared postings (LinkedIn CSV, Remotive JSONL, Adzuna
CSV, in their real proportions) to N rows with unique ids, then runs ``run_market`` on it
in a fresh subprocess per configuration (so each peak RSS is its own) with deduplication
off (replicas are duplicates by construction). Deduplication's own throughput is measured
separately on the real postings. Every rate is also printed as a ratio against a baseline
measured in the same process: the engine alone (read_corpus + extract, inline) on the
real postings.

Usage:
    python bench/market_speed.py                      # 20k for the engine comparison, 100k and 1M for time and memory
    python bench/market_speed.py --compare 20000 --scale 100000 1000000
    python bench/market_speed.py --compare 5000 --scale   # quick

The machine is shared: run baseline and candidates back to back, read ratios, not absolutes.
"""

from __future__ import annotations

import argparse
import csv
import json
import os
import resource
import subprocess
import sys
import time
from pathlib import Path

SHARED = Path(os.environ.get("SKILLMIX_SHARED_DATA", Path(__file__).resolve().parents[1].parent / "shared" / "data"))
SOURCES = [("linkedin_2024-04_sample.csv", "job_id"), ("remotive_2025-04.jsonl", "id"),
           ("adzuna_uk_2013_sample.csv", "Id")]
CACHE = Path(os.environ.get("SKILLMIX_BENCH_DIR", "/tmp/skillmix-bench"))


def _load_sources() -> list[tuple[str, str, list[str] | None, list[object]]]:
    """(file name, id column, CSV header, rows) of each shared corpus."""
    out = []
    csv.field_size_limit(sys.maxsize)
    for name, id_col in SOURCES:
        path = SHARED / "postings" / name
        if name.endswith(".jsonl"):
            rows = [json.loads(line) for line in path.open(encoding="utf-8") if line.strip()]
            out.append((name, id_col, None, rows))
        else:
            with path.open(encoding="utf-8", newline="") as fh:
                reader = csv.reader(fh)
                header = next(reader)
                out.append((name, id_col, header, list(reader)))
    return out


def build_replica(n: int) -> list[Path]:
    """Replicate the shared postings to ``n`` rows (cached under $SKILLMIX_BENCH_DIR)."""
    folder = CACHE / f"replica-{n}"
    done = folder / "_done"
    files = [folder / name for name, _ in SOURCES]
    if done.exists():
        return files
    folder.mkdir(parents=True, exist_ok=True)
    sources = _load_sources()
    real = sum(len(rows) for *_, rows in sources)
    for (_name, id_col, header, rows), path in zip(sources, files):
        share = round(n * len(rows) / real) if path != files[-1] else n - sum(
            round(n * len(r) / real) for *_, r in sources[:-1])
        with path.open("w", encoding="utf-8", newline="") as fh:
            if header is None:
                for k in range(share):
                    row = dict(rows[k % len(rows)])  # type: ignore[arg-type]
                    row[id_col] = f"{row[id_col]}-r{k // len(rows)}"
                    fh.write(json.dumps(row) + "\n")
            else:
                w = csv.writer(fh)
                w.writerow(header)
                col = header.index(id_col)
                for k in range(share):
                    row = list(rows[k % len(rows)])  # type: ignore[arg-type]
                    row[col] = f"{row[col]}-r{k // len(rows)}"
                    w.writerow(row)
    done.write_text("ok")
    return files


class _Sampler:
    """Peak resident memory of this process and of its descendants (the workers), sampled
    every 0.2 s with psutil. ``ru_maxrss`` is no use here: Linux keeps it across exec, so a
    child would report its parent's peak."""

    def __init__(self) -> None:
        import threading

        import psutil

        self.me = psutil.Process()
        self.worker_peak = 0
        self.tree_peak = 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def _run(self) -> None:
        import psutil

        while not self._stop.wait(0.2):
            total = self.me.memory_info().rss
            for kid in self.me.children(recursive=True):
                try:
                    rss = kid.memory_info().rss
                except psutil.Error:
                    continue
                total += rss
                self.worker_peak = max(self.worker_peak, rss)
            self.tree_peak = max(self.tree_peak, total)

    def __enter__(self) -> "_Sampler":
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._thread.join()

    @staticmethod
    def self_peak_mb() -> float:
        with open("/proc/self/status", encoding="ascii") as fh:
            for line in fh:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) / 1024
        return float("nan")


def child(args: argparse.Namespace) -> None:
    """One measured run (in its own process): prints a JSON line."""
    from skillmix.market import RunSettings, run_market

    files = build_replica(args.rows)
    out = CACHE / f"run-{args.engine}-{args.workers}-{args.rows}"
    t0 = time.perf_counter()
    last = [t0]

    def progress(p: object) -> None:  # a line a minute on stderr, for long runs
        now = time.perf_counter()
        if now - last[0] >= 60 or p.phase != "extract":  # type: ignore[attr-defined]
            last[0] = now
            print(json.dumps({"phase": p.phase, "done": p.done, "total": p.total,  # type: ignore[attr-defined]
                              "seconds": round(now - t0, 1),
                              "driver_peak_rss_mb": round(sampler.self_peak_mb()),
                              "worker_peak_rss_mb": round(sampler.worker_peak / 2**20),
                              "tree_peak_rss_mb": round(sampler.tree_peak / 2**20)}),
                  file=sys.stderr, flush=True)

    with _Sampler() as sampler:
        s = run_market(files, out, engine=args.engine, workers=args.workers, restart=args.restart,
                       settings=RunSettings(dedup=False, partition_size=args.partition_size),
                       progress=progress)
    wall = time.perf_counter() - t0
    r_self = resource.getrusage(resource.RUSAGE_SELF)
    r_kids = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = r_self.ru_utime + r_self.ru_stime + r_kids.ru_utime + r_kids.ru_stime
    print(json.dumps({"engine": args.engine, "workers": args.workers, "rows": args.rows,
                      "postings": s.postings, "seconds": round(wall, 1),
                      "rate": round(s.records / wall, 1), "cpu_seconds": round(cpu, 1),
                      "rate_per_cpu_s": round(s.records / cpu, 1),
                      "driver_peak_rss_mb": round(sampler.self_peak_mb()),
                      "worker_peak_rss_mb": round(sampler.worker_peak / 2**20),
                      "tree_peak_rss_mb": round(sampler.tree_peak / 2**20)}))


def baseline() -> float:
    """The engine alone, inline: read_corpus + extract on the real postings (postings/s)."""
    from skillmix.extract import get_extractor
    from skillmix.io import read_corpus
    from skillmix.market import market_taxonomy_spec

    ex = get_extractor(market_taxonomy_spec())
    posts = [p for name, _ in SOURCES for p in read_corpus(SHARED / "postings" / name)]
    t0 = time.perf_counter()
    for name, _ in SOURCES:
        for p in read_corpus(SHARED / "postings" / name):
            ex.extract(p)
    return len(posts) / (time.perf_counter() - t0)


def dedup_rate() -> dict[str, float]:
    """Deduplication on the real postings: fingerprints per second and the global pass."""
    from skillmix.io import read_corpus
    from skillmix.market import DedupSettings, RunSettings, run_market
    from skillmix.market.dedup import fingerprint

    posts = [p for name, _ in SOURCES for p in read_corpus(SHARED / "postings" / name)]
    st = DedupSettings()
    t0 = time.perf_counter()
    for p in posts:
        fingerprint(p.title, p.text, st)
    fp = len(posts) / (time.perf_counter() - t0)
    files = [SHARED / "postings" / name for name, _ in SOURCES]
    t0 = time.perf_counter()
    on = run_market(files, CACHE / "dedup-on", workers=0, restart=True, settings=RunSettings(dedup=True))
    t_on = time.perf_counter() - t0
    t0 = time.perf_counter()
    run_market(files, CACHE / "dedup-off", workers=0, restart=True, settings=RunSettings(dedup=False))
    t_off = time.perf_counter() - t0
    return {"postings": len(posts), "fingerprints_per_s": round(fp, 1),
            "run_with_dedup_s": round(t_on, 2), "run_without_dedup_s": round(t_off, 2),
            "dedup_cost_ratio": round(t_on / t_off, 3),
            "duplicates_exact": on.duplicates_exact, "duplicates_near": on.duplicates_near}


def run_child(engine: str, workers: int, rows: int, partition_size: int) -> dict[str, object]:
    cmd = [sys.executable, __file__, "--child", "--engine", engine, "--workers", str(workers),
           "--rows", str(rows), "--partition-size", str(partition_size)]
    out = subprocess.run(cmd, check=True, capture_output=True, text=True)
    return json.loads(out.stdout.strip().splitlines()[-1])


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--child", action="store_true", help=argparse.SUPPRESS)
    ap.add_argument("--engine", default="local")
    ap.add_argument("--workers", type=int, default=1)
    ap.add_argument("--rows", type=int, default=20000)
    ap.add_argument("--partition-size", type=int, default=5000)
    ap.add_argument("--no-restart", dest="restart", action="store_false",
                    help="with --child: resume a previous run of the same configuration")
    ap.add_argument("--compare", type=int, default=20000, help="rows for the engine comparison")
    ap.add_argument("--compare-partition-size", type=int, default=500,
                    help="partition size for the comparison (several partitions per worker)")
    ap.add_argument("--scale", type=int, nargs="*", default=[100000, 1000000],
                    help="rows for the time and memory runs (Dask, 2 workers)")
    args = ap.parse_args()
    if args.child:
        child(args)
        return
    print(f"machine: {os.cpu_count()} CPUs, load average {os.getloadavg()[0]:.1f} (shared)")
    base = baseline()
    print(f"baseline (engine alone, inline, real postings): {base:,.0f} postings/s "
          f"(wall; the machine is shared)")
    d = dedup_rate()
    print(f"dedup on the {d['postings']} real postings: {d['fingerprints_per_s']:,.0f} fingerprints/s "
          f"({d['fingerprints_per_s'] / base:.2f}x baseline); run with dedup {d['run_with_dedup_s']}s vs "
          f"without {d['run_without_dedup_s']}s (x{d['dedup_cost_ratio']}); "
          f"{d['duplicates_exact']} exact + {d['duplicates_near']} near duplicates")
    n = args.compare
    build_replica(n)
    results = {}
    for engine, workers in (("local", 1), ("dask", 1), ("dask", 2)):
        r = run_child(engine, workers, n, args.compare_partition_size)
        results[(engine, workers)] = r
        print(f"{engine:5s} x{workers} on {n:,} rows: {r['rate']:,.0f} postings/s "
              f"({r['rate'] / base:.2f}x baseline), {r['seconds']}s wall, "
              f"{r['rate_per_cpu_s']:,.0f} postings per CPU-second, peak RSS driver "
              f"{r['driver_peak_rss_mb']} MB / worker {r['worker_peak_rss_mb']} MB / "
              f"all processes {r['tree_peak_rss_mb']} MB")
    speedup = results[("dask", 2)]["rate"] / results[("dask", 1)]["rate"]
    print(f"Dask 2 workers / 1 worker: {speedup:.2f}x (target >= 1.7x)")
    for rows in args.scale:
        build_replica(rows)
        r = run_child("dask", 2, rows, args.partition_size)
        eta_1m = 1_000_000 / r["rate"] / 60
        idle_2core = 1_000_000 / (2 * r["rate_per_cpu_s"]) / 60
        print(f"dask  x2 on {rows:,} rows: {r['rate']:,.0f} postings/s, {r['seconds']}s wall "
              f"(1M at this rate: {eta_1m:.1f} min; from CPU time on 2 idle cores: "
              f"{idle_2core:.1f} min; target <= 15), peak RSS driver "
              f"{r['driver_peak_rss_mb']} MB / worker {r['worker_peak_rss_mb']} MB / "
              f"all processes {r['tree_peak_rss_mb']} MB")


if __name__ == "__main__":
    main()
