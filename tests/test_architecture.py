"""The house rules, checked: layers, no import circles, SQL only in the store.

The layer contracts live in pyproject.toml (``[tool.importlinter]``); these
tests run them, look for import circles anywhere in ``desktop``, and make sure
no module outside ``desktop/core/store`` reaches for the library's connection.
"""

from __future__ import annotations

import ast
from pathlib import Path

import grimp
import pytest
from importlinter import cli  # noqa: F401  (sets up import-linter's adapters)
from importlinter.application import use_cases

ROOT = Path(__file__).resolve().parents[1]
DESKTOP = ROOT / "desktop"
STORE = DESKTOP / "core" / "store"


def test_the_import_linter_contracts_are_kept(monkeypatch, capsys):
    monkeypatch.chdir(ROOT)  # the contracts are read from pyproject.toml here
    # The use case itself: the command-line wrapper reconfigures logging for the
    # whole process (switching off every logger the app has made so far).
    kept = use_cases.lint_imports(
        config_filename=str(ROOT / "pyproject.toml"), cache_dir=None, no_logo=True
    )
    out = capsys.readouterr().out
    assert kept, out
    assert "0 broken" in out


def import_circles(graph: grimp.ImportGraph) -> list[list[str]]:
    """Groups of modules that import each other, directly or round about (Tarjan)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    circles: list[list[str]] = []

    def visit(module: str) -> None:
        index[module] = low[module] = len(index)
        stack.append(module)
        on_stack.add(module)
        for imported in graph.find_modules_directly_imported_by(module):
            if imported not in index:
                visit(imported)
                low[module] = min(low[module], low[imported])
            elif imported in on_stack:
                low[module] = min(low[module], index[imported])
        if low[module] == index[module]:
            group = []
            while True:
                member = stack.pop()
                on_stack.discard(member)
                group.append(member)
                if member == module:
                    break
            if len(group) > 1:
                circles.append(sorted(group))

    for module in sorted(graph.modules):
        if module not in index:
            visit(module)
    return circles


def test_no_import_circles_anywhere_in_desktop():
    """Lazy and TYPE_CHECKING imports count too: a circle is a circle."""
    assert import_circles(grimp.build_graph("desktop")) == []


def test_the_circle_finder_finds_a_circle():
    graph = grimp.ImportGraph()
    for name in ("p.a", "p.b", "p.c"):
        graph.add_module(name)
    graph.add_import(importer="p.a", imported="p.b")
    graph.add_import(importer="p.b", imported="p.a")
    graph.add_import(importer="p.b", imported="p.c")
    assert import_circles(graph) == [["p.a", "p.b"]]


def connection_uses(path: Path) -> list[str]:
    """``something.conn`` / ``something.writing()`` in a module: the store's insides."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    return [
        f"{path.name}:{node.lineno} .{node.attr}"
        for node in ast.walk(tree)
        if isinstance(node, ast.Attribute) and node.attr in ("conn", "writing", "_conn")
    ]


@pytest.mark.parametrize(
    "source", ["lib.conn.execute('x')", "with self.library.writing():\n    pass"]
)
def test_the_connection_check_sees_both_ways_in(tmp_path, source):
    module = tmp_path / "m.py"
    module.write_text(source, encoding="utf-8")
    assert connection_uses(module)


def test_only_the_store_touches_the_connection():
    outside = [
        f"{path.parent.relative_to(ROOT)}/{use}"
        for path in sorted(DESKTOP.rglob("*.py"))
        if STORE not in path.parents
        for use in connection_uses(path)
    ]
    assert outside == []
