"""The ``quickreply`` command line (entry point ``desktop.cli:main``).

Each sibling module registers its commands on ``main``; ``base.COMMANDS`` says
which module to import when a command is run, so only that one is loaded.
"""

from desktop.cli.base import main

__all__ = ["main"]
