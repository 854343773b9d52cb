"""The ``quickreply`` command line (entry point ``desktop.cli:main``)."""

from desktop.cli import config, packs, phrases  # noqa: F401  (each registers its commands)
from desktop.cli.base import main

__all__ = ["main"]
