"""Entry point: the command group, lazy command loading, and the error boundary.

Every :class:`~skillmix.errors.SkillmixError` is printed as one line on stderr (no
traceback) and exits with status 1; usage errors exit with 2, as click does. An import of
a module that an optional extra installs (:mod:`skillmix.extras`) failing is printed as
that extra's install hint, also with status 1. Anything else (a bug, or an input not
guarded yet) is one ``[X500]`` line and status 1 too; ``SKILLMIX_DEBUG=1`` shows its
traceback.
"""

from __future__ import annotations

import importlib
import importlib.util
import os
import sys

import click

from .. import interrupts
from ..errors import SkillmixError

__all__ = ["COMMANDS", "cli", "main"]

#: command name -> "module:attribute" under skillmix.cli; add a line to add a command.
COMMANDS: dict[str, str] = {
    "assess": "assess:assess",
    "audit": "audit:audit",
    "decisions": "decisions:decisions_group",
    "demo": "demo:demo",
    "eval": "eval:eval_group",
    "extract": "extract:extract",
    "market": "market:market_group",
    "rank": "rank:rank",
    "serve": "serve:serve",
    "taxonomy": "taxonomy:taxonomy_group",
    "titles": "titles:titles",
}


class LazyGroup(click.Group):
    """A group whose subcommands are imported only when used."""

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted(name for name in COMMANDS if _available(name))

    def get_command(self, ctx: click.Context, name: str) -> click.Command | None:
        target = COMMANDS.get(name)
        if target is None or not _available(name):
            return None
        module, attr = target.split(":")
        mod = importlib.import_module(f"skillmix.cli.{module}")
        return getattr(mod, attr)


def _available(name: str) -> bool:
    module = COMMANDS[name].split(":")[0]
    return importlib.util.find_spec(f"skillmix.cli.{module}") is not None


@click.group(cls=LazyGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="skillmix")
@click.option("--config", "config_file", type=click.Path(dir_okay=False), default=None,
              help="Settings file (TOML): cache, shared data, database and files paths. "
                   "Default: $SKILLMIX_CONFIG.")
def cli(config_file: str | None = None) -> None:
    """skillmix: skills-first hiring of social media tech talent.

    Extract skills from postings and résumés, assess candidates against role profiles,
    rank both ways, and map the job market.
    """
    if config_file is not None:
        from ..config import Settings, use_settings

        use_settings(Settings.load(config_file))


def main(argv: list[str] | None = None) -> None:
    """Run the CLI, turning library errors into one-line messages."""
    previous = interrupts.install()
    try:
        _run(argv)
    finally:
        interrupts.restore(previous)


def _run(argv: list[str] | None) -> None:
    try:
        cli.main(args=argv, prog_name="skillmix", standalone_mode=False)
        if interrupts.requested():  # raised inside a finaliser and swallowed there
            raise KeyboardInterrupt
    except SkillmixError as err:
        click.echo(f"error: {err.render()}", err=True)
        sys.exit(1)
    except click.exceptions.Abort:
        click.echo("aborted", err=True)
        sys.exit(130)
    except click.ClickException as err:
        err.show()
        sys.exit(err.exit_code)
    except click.exceptions.Exit as err:
        sys.exit(err.exit_code)
    except BrokenPipeError:
        sys.exit(0)
    except KeyboardInterrupt:
        click.echo("aborted", err=True)
        sys.exit(130)
    except Exception as err:  # noqa: BLE001 - the last boundary: one coded line, never a traceback
        from ..extras import extra_for_module

        extra = extra_for_module(err.name) if isinstance(err, ImportError) else None
        if extra is not None:
            from ..errors import MissingExtraError

            hint = MissingExtraError.for_module(err.name or extra, extra)  # type: ignore[attr-defined]
            click.echo(f"error: {hint.render()}", err=True)
            sys.exit(1)
        if os.environ.get("SKILLMIX_DEBUG"):
            raise
        from ..errors.extra_codes import X500

        what = (str(err).splitlines() or [""])[0][:200]
        click.echo(f"error: [{X500}] unexpected {type(err).__name__}"
                   f"{': ' + what if what else ''}. This is a bug in skillmix or an input it "
                   "does not guard against yet; rerun with SKILLMIX_DEBUG=1 for the traceback "
                   "and report it.", err=True)
        sys.exit(1)


if __name__ == "__main__":  # `python -m skillmix.cli.main`, as well as `python -m skillmix`
    main()
