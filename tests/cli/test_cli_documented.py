"""Every ``quickreply`` command is in the README's command table, and the table names no
command that doesn't exist (as sqlite-utils checks its own docs)."""

from __future__ import annotations

import re
from pathlib import Path

import click

from desktop.cli import main

README = Path(__file__).resolve().parents[2] / "README.md"


def commands(group: click.Group, prefix: tuple[str, ...] = ()) -> set[str]:
    """Every command, asked the way ``--help`` asks (the CLI loads its commands lazily)."""
    ctx = click.Context(group)
    found: set[str] = set()
    for name in group.list_commands(ctx):
        command = group.get_command(ctx, name)
        if command is None or command.hidden:
            continue
        path = (*prefix, name)
        if isinstance(command, click.Group):
            found |= commands(command, path)
            if command.invoke_without_command:  # ``drill`` runs a round, ``drill results`` lists
                found.add(" ".join(path))
        else:
            found.add(" ".join(path))
    return found


def documented() -> set[str]:
    """Command names from the first column of the table under "## Command line"."""
    text = README.read_text(encoding="utf-8")
    section = text.split("## Command line", 1)[1].split("\n## ", 1)[0]
    names: set[str] = set()
    for line in section.splitlines():
        if not line.startswith("| `"):
            continue
        first_cell = line.split(" | ")[0]
        for usage in re.findall(r"`([^`]+)`", first_cell):
            words = []
            for word in usage.split():
                if not re.fullmatch(r"[a-z][a-z-]*", word):
                    break  # QUERY, REF, [--option], NAME|ID: arguments begin
                words.append(word)
            names.add(" ".join(words))
    return names


def test_every_command_is_in_the_readme():
    missing = commands(main) - documented()
    assert not missing, f"add these to README.md, Command line: {sorted(missing)}"


def test_the_readme_names_only_real_commands():
    assert documented() - commands(main) == set()


def test_the_check_reads_the_table_as_written():
    """The parser itself: usage lines become command names, arguments are dropped."""
    names = documented()
    assert {"search", "backup list", "backup restore", "keys sign", "trash"} <= names
    assert not any(name.isupper() or "--" in name for name in names)
