"""The CLI loads a command's module only when it runs: the map must know every command."""

import importlib
import pkgutil

import desktop.cli
from desktop.cli.base import COMMANDS, main


def test_every_command_is_in_the_map_with_the_module_that_defines_it():
    for info in pkgutil.iter_modules(desktop.cli.__path__):
        importlib.import_module(f"desktop.cli.{info.name}")
    assert set(main.commands) == set(COMMANDS)
    for name, command in main.commands.items():
        assert command.callback.__module__ == f"desktop.cli.{COMMANDS[name]}", name
