"""The ``quickreply`` command line (entry point ``desktop.cli:main``)."""

from desktop.cli import backup, config, doctor, handbook, keys, packs, phrases, stats, subscribe  # noqa: F401  (each registers its commands)
from desktop.cli.base import main

__all__ = ["main"]
