"""``skillmix serve``: start the API and web UI; ``serve create-key`` and ``serve migrate``."""

from __future__ import annotations

import click

__all__ = ["serve"]


def _config(ctx: click.Context):  # type: ignore[no-untyped-def]
    return ctx.obj


@click.group(invoke_without_command=True)
@click.option("--db", default=None,
              help="Database URL or SQLite path [default: Settings.database_url "
                   "($SKILLMIX_DB_URL), else sqlite:///skillmix.sqlite].")
@click.option("--files-dir", default=None,
              help="Where uploaded files are kept [default: next to the SQLite file].")
@click.option("--host", default="127.0.0.1", show_default=True)
@click.option("--port", default=8000, show_default=True, type=int)
@click.option("--max-upload-mb", default=10.0, show_default=True, type=float,
              help="Largest upload accepted (413 beyond it).")
@click.option("--blind/--no-blind", default=True, show_default=True,
              help="Blind mode by default for scoring and ranking.")
@click.option("--taxonomy", default="builtin", show_default=True)
@click.option("--corpus", "corpora", multiple=True, metavar="NAME=PATH",
              help="A job-board export clients may start market runs on (repeatable).")
@click.option("--secure-cookies", is_flag=True, help="Mark session cookies Secure (behind HTTPS).")
@click.option("--workers", type=int, default=None,
              help="Server processes (uvicorn workers) [default: the CPU count].")
@click.pass_context
def serve(ctx: click.Context, db: str | None, files_dir: str | None, host: str, port: int,
          max_upload_mb: float, blind: bool, taxonomy: str, corpora: tuple[str, ...],
          secure_cookies: bool, workers: int | None) -> None:
    """Serve the REST API (/v1) and the web UI for hiring teams.

    Make the first key with `skillmix serve create-key NAME --scopes admin`.
    """
    from ..server.run import (ServeConfig, default_workers, parse_corpora, require_serve_extra,
                              run_server)

    require_serve_extra()
    ctx.obj = ServeConfig.from_settings(
        db=db, files_dir=files_dir, host=host, port=port, max_upload_mb=max_upload_mb,
        blind=blind, taxonomy=taxonomy, secure_cookies=secure_cookies,
        corpora=parse_corpora(corpora), workers=default_workers() if workers is None else workers)
    if ctx.invoked_subcommand is None:
        run_server(ctx.obj)


@serve.command("create-key")
@click.argument("user")
@click.option("--scopes", default="read,write", show_default=True,
              help="Comma-separated: read, write, admin.")
@click.option("--name", default="", help="What the key is for.")
@click.option("--expires-days", type=float, default=None,
              help="The key stops working after this many days [default: never].")
@click.pass_context
def create_key_cmd(ctx: click.Context, user: str, scopes: str, name: str,
                   expires_days: float | None) -> None:
    """Make an API key for USER and print it (it is shown only once)."""
    from ..store import Store, create_key

    cfg = _config(ctx)
    made = create_key(Store(cfg.db, files_dir=cfg.files_dir), user, scopes, name=name,
                      actor="cli", expires_days=expires_days)
    click.echo(made.token)
    click.echo(f"key {made.key.id} for {user}: scopes {','.join(sorted(made.key.scopes))}",
               err=True)


@serve.command("migrate")
@click.pass_context
def migrate_cmd(ctx: click.Context) -> None:
    """Create or upgrade the database schema, then exit."""
    from ..store import Store
    from ..store.migrate import current_revision

    cfg = _config(ctx)
    store = Store(cfg.db, files_dir=cfg.files_dir)
    click.echo(f"{store.display_url}: schema at revision {current_revision(store.engine)}")
