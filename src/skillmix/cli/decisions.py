"""``skillmix decisions verify``: check a decision log end to end, one coded line per finding."""

from __future__ import annotations

import json

import click

from ..errors.fairness_codes import F157, F159

__all__ = ["decisions_group"]


@click.group("decisions")
def decisions_group() -> None:
    """The decision log of scoring and ranking runs and reviewer overrides."""


@decisions_group.command("verify")
@click.option("--db", default=None,
              help="The server's database [default: Settings.database_url ($SKILLMIX_DB_URL), "
                   "else sqlite:///skillmix.sqlite].")
@click.option("--files-dir", default=None,
              help="The server's files folder (its log head and key sit beside it).")
@click.option("--log", "log_path", type=click.Path(dir_okay=False), default=None,
              help="Verify a JSONL decision log file instead of a server's database.")
@click.option("--json", "as_json", is_flag=True, help="Print the result as JSON.")
def verify(db: str | None, files_dir: str | None, log_path: str | None, as_json: bool) -> None:
    """Check the hash chain, signatures, positions and head of a decision log.

    Prints one coded line per finding ([F150]-[F156]) and exits 1 when there is any.
    """
    from ..fairness.log import DecisionLog

    if log_path is not None:
        from pathlib import Path

        if not Path(log_path).is_file():
            raise F157("no decision log at this path.", source=log_path,
                       hint="Pass the JSONL file the log was written to.")
        log = DecisionLog(log_path)
    else:
        from pathlib import Path

        from sqlalchemy.engine import make_url

        from ..store import Store
        from ..store.db import is_sqlite, normalise_url
        from ..store.decisions import DbLogSink, store_anchor

        url = normalise_url(db)
        where = make_url(url).database if is_sqlite(url) else None
        if where and where != ":memory:" and not Path(where).is_file():
            # checking must not create: opening a missing SQLite file makes an empty one
            # (and a new signing key beside it), and then fails on the missing table
            raise F157("no database at this path.", source=where,
                       hint="Pass --db with the workspace's database (or set SKILLMIX_DB_URL).")
        store = Store(db, files_dir=files_dir, migrate=False)
        log = DecisionLog(DbLogSink(store), anchor=store_anchor(store))
    count, findings = log.check()
    if as_json:
        click.echo(json.dumps({"ok": not findings, "entries": count,
                               "findings": [{"code": f.code, "entry": f.entry,
                                             "message": f.render()} for f in findings]}))
    else:
        for f in findings:
            click.echo(f.render())
    if findings:
        raise F159(f"{len(findings)} finding(s) in a decision log of "
                   f"{count} entries.",
                   hint="Restore the log (and its head) from a backup.")
    if not as_json:
        click.echo(f"ok: {count} entries verified"
                   + (" (signed, head anchored)" if log.anchor is not None else ""))
