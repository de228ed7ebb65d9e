"""``python -m skillmix`` runs the CLI."""

from .cli.main import main

main()
