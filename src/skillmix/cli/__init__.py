"""The ``skillmix`` command line: a thin shell over the library, one module per
command group. Commands are imported lazily so ``skillmix --help`` stays fast and a
missing optional extra only affects its own command."""
