"""What the A/B scripts share: bytecode for both trees, and timing one child process.

Where ``$PYTHONDONTWRITEBYTECODE`` is set (this project's machine sets it), a tree checked
out for a comparison never gets its ``__pycache__``, so every process started from it
compiles the whole package again (about 50 ms a command), while the working tree keeps
whatever bytecode it was given once. That alone made one-file commands look 15% faster on
the working tree in sessions 12 and 13. ``compileall`` writes bytecode whatever the
variable says, and an unchanged tree is skipped in a few milliseconds.
"""

from __future__ import annotations

import resource
import subprocess
import sys
import time
from pathlib import Path
from typing import Mapping, Sequence

#: ``python -c CLI SRC ARG...`` runs ``skillmix ARG...`` with the package from tree SRC
CLI = ("import sys; sys.path.insert(0, sys.argv[1]); sys.argv = ['skillmix', *sys.argv[2:]];"
       "from skillmix.cli.main import main; main()")
#: ``python -c MARKET_RUN ARG...`` runs ``skillmix market run ARG...`` (the tree comes from
#: ``$PYTHONPATH``, which the market's own worker processes inherit)
MARKET_RUN = ("import sys; from skillmix.cli.main import main; "
              "sys.argv = ['skillmix', 'market', 'run', *sys.argv[1:]]; main()")


def compile_trees(*srcs: Path) -> None:
    for src in srcs:
        subprocess.run([sys.executable, "-m", "compileall", "-q", str(src)], check=True,
                       stdout=subprocess.DEVNULL)


def timed(cmd: Sequence[str], env: Mapping[str, str] | None = None
          ) -> tuple[float, float, subprocess.CompletedProcess[bytes]]:
    """Run ``cmd`` to its end: wall seconds, CPU seconds of it and the processes it waited
    for (its workers), and the finished process with its output. A failure stops the
    script with the command and the end of its stderr."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    t0 = time.perf_counter()
    done = subprocess.run(list(cmd), env=None if env is None else dict(env), capture_output=True,
                          check=False)
    wall = time.perf_counter() - t0
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if done.returncode != 0:
        raise SystemExit(f"{' '.join(map(str, cmd))[:200]}... failed ({done.returncode}): "
                         f"{done.stderr.decode(errors='replace')[-400:]}")
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return wall, cpu, done
