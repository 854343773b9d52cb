"""``python -m desktop`` is the same as the ``quickreply`` command."""

from desktop.cli import main

main()
