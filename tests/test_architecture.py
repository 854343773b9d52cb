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
        if isinstance(node, ast.Attribute) and node.attr in ("conn", "writing", "_conn", "_db")
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


LIBRARY_WINDOW = DESKTOP / "ui" / "library"
# Qt's QTextEdit.ExtraSelection is a plain value struct: its fields are set by
# assignment (there are no setters), so the editor's lint underlines may.
QT_STRUCT_FIELDS = {"format", "cursor"}


def foreign_assignments(path: Path) -> list[str]:
    """``other.attr = …`` (or ``setattr``) in a module: state set on someone else's object.

    Only ``self.attr = …`` is allowed; ``self.w.attr = …`` counts as foreign too.
    """
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Assign):
            targets = node.targets
        elif isinstance(node, (ast.AugAssign, ast.AnnAssign)):
            targets = [node.target]
        elif (
            isinstance(node, ast.Call)
            and isinstance(node.func, ast.Name)
            and node.func.id == "setattr"
        ):
            found.append(f"{path.name}:{node.lineno} setattr")
            continue
        else:
            continue
        for target in targets:
            for part in ast.walk(target):
                if (
                    isinstance(part, ast.Attribute)
                    and not (isinstance(part.value, ast.Name) and part.value.id == "self")
                    and part.attr not in QT_STRUCT_FIELDS
                ):
                    found.append(f"{path.name}:{node.lineno} {ast.unparse(part)}")
    return found


@pytest.mark.parametrize(
    "source",
    [
        "command.report = self.report",
        "self.w.edits = True",
        "a, self.model.browse = 1, True",
        "self.w.count += 1",
        "setattr(action, 'edits', False)",
    ],
)
def test_the_assignment_check_sees_foreign_state(tmp_path, source):
    module = tmp_path / "m.py"
    module.write_text(source, encoding="utf-8")
    assert foreign_assignments(module)


def test_the_assignment_check_lets_an_object_set_its_own_state(tmp_path):
    module = tmp_path / "m.py"
    module.write_text("self.report = report\nself.count += 1\nx = y.z\n", encoding="utf-8")
    assert foreign_assignments(module) == []


def test_no_library_window_module_sets_state_on_another_object():
    """The window, its operations and its parts talk through methods, not by
    writing each other's attributes (issue 12: one class split over three files)."""
    found = [
        use for path in sorted(LIBRARY_WINDOW.glob("*.py")) for use in foreign_assignments(path)
    ]
    assert found == []


def test_autostart_has_one_way_in():
    """The app and ``quickreply doctor`` both ask ``Platform.autostart``; only it
    picks the per-OS backend, so the do-nothing platform's answer holds everywhere."""
    callers = sorted(
        str(path.relative_to(ROOT))
        for path in DESKTOP.rglob("*.py")
        if path.name != "autostart.py" and "create_autostart(" in path.read_text(encoding="utf-8")
    )
    assert callers == ["desktop/platform/base.py"]
