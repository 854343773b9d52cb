"""Any sequence of library edits, undone step by step, gives back the library exactly.

Hypothesis drives the real undo commands of the library window on a real
``QUndoStack``: phrases added, edited, deleted, moved, pinned and tagged,
categories created, renamed, annotated, moved and deleted, in any order and
interleaved with undo and redo.  After every undo the library must equal what
it was before that step, after every redo what it was after it, and a refused
step must change nothing.  "The library" is what the agent sees: every
category (id, parent, name, position, note) and every phrase outside the trash
with all its fields and its position.  Undoing an add moves the new phrase to
回收站 on purpose, so the trash is not compared, nor an otherwise empty root
未分类: a trashed phrase whose category is deleted (undoing "new category"
after undoing an add into it) is kept restorable there, by the store's rule.
"""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, settings
from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, invariant, precondition, rule

from desktop.core import Library, QuickReplyError
from desktop.qt import QtGui
from desktop.ui.library import commands as cmd

pytestmark = pytest.mark.gui

names = st.sampled_from(["售后", "售前", "物流", "退换货", "催付", "新分类"])
titles = st.sampled_from(["发货时间", "退货地址", "问好", "运费险", "  空格  ", "催付提醒"])
bodies = st.sampled_from(["亲，您好", "{买家昵称|亲}，已发货", "第一行\n第二行", "好的"])
codes = st.sampled_from([None, "", "fh", "th", "wh", "cf"])
tag_names = st.sampled_from(["退货", "物流", "新人"])
picks = st.lists(st.integers(0, 50), min_size=1, max_size=3, unique=True)


def snapshot(lib: Library) -> tuple[object, ...]:
    live = lib.phrases()
    phrases = sorted(
        (p.id, p.category_id, p.title, p.body, p.code, p.tags, p.note, p.pinned, p.position)
        for p in live
    )
    homes = {p.category_id for p in live} | {c.parent_id for c in lib.categories()}
    kept = [
        c
        for c in lib.categories()
        if not (c.path == ("未分类",) and c.id not in homes)  # see the module docstring
    ]
    order = {
        c.id: rank  # the place among the siblings compared, not the raw position number
        for parent in {c.parent_id for c in kept}
        for rank, c in enumerate(sorted((c for c in kept if c.parent_id == parent),
                                        key=lambda c: c.position))
    }
    categories = sorted((c.id, c.parent_id, c.name, order[c.id], c.note) for c in kept)
    return tuple(categories), tuple(phrases)


class UndoMachine(RuleBasedStateMachine):
    def __init__(self) -> None:
        super().__init__()
        self.lib = Library.memory()
        self.lib.ensure_category("售后/退换货", note="收货以后")
        self.lib.add("问好", "亲，您好", "售前", code="wh", tags=["新人"])
        self.lib.add("退货", "七天无理由", "售后/退换货", code="th")
        self.lib.add("发货", "48 小时内发货", "售前", pinned=True)
        self.stack = QtGui.QUndoStack()
        self.history = [snapshot(self.lib)]  # history[i]: the library at stack index i
        self.problems: list[str] = []

    def teardown(self) -> None:
        self.stack.clear()
        self.lib.close()

    # ----- helpers -------------------------------------------------------------------
    def _phrase_ids(self, chosen: list[int]) -> list[str]:
        # Ordered by what a phrase is, not by its random id, so that the same
        # steps pick the same phrases on every run (Hypothesis replays them).
        ordered = sorted(
            self.lib.phrases(),
            key=lambda p: (p.category_id, p.position, p.title, p.body, p.code or "", p.tags,
                           p.note, p.pinned),
        )  # fmt: skip
        live = [p.id for p in ordered]
        if not live:
            return []
        return [live[i] for i in sorted({i % len(live) for i in chosen})]  # in that order too

    def _category_id(self, i: int) -> int:
        ids = sorted(c.id for c in self.lib.categories())
        return ids[i % len(ids)]

    def _run(self, command: cmd.LibraryCommand) -> None:
        command.report = self.problems.append
        before = snapshot(self.lib)
        try:
            command.run_first()
        except QuickReplyError:
            assert snapshot(self.lib) == before, "a refused step changed the library"
            return
        self.stack.push(command)
        del self.history[self.stack.index() :]
        self.history.append(snapshot(self.lib))

    # ----- phrases -------------------------------------------------------------------
    @rule(i=st.integers(0, 50), title=titles, body=bodies, code=codes)
    def add_phrase(self, i: int, title: str, body: str, code: str | None) -> None:
        path = next(c.path for c in self.lib.categories() if c.id == self._category_id(i))
        self._run(cmd.AddPhrase(self.lib, path, {"title": title, "body": body, "code": code}))

    @precondition(lambda self: self.lib.phrases())
    @rule(chosen=picks, title=titles, body=bodies, code=codes, note=st.sampled_from(["", "备注"]))
    def edit_phrase(self, chosen: list[int], title: str, body: str, code: str | None, note: str) -> None:
        phrase = self.lib.get(self._phrase_ids(chosen)[0])
        old = {"title": phrase.title, "body": phrase.body, "code": phrase.code, "note": phrase.note}
        new = {"title": title, "body": body, "code": code, "note": note}
        self._run(cmd.EditPhrase(self.lib, phrase.id, old, new))

    @precondition(lambda self: self.lib.phrases())
    @rule(chosen=picks)
    def delete_phrases(self, chosen: list[int]) -> None:
        self._run(cmd.DeletePhrases(self.lib, self._phrase_ids(chosen)))

    @precondition(lambda self: self.lib.phrases())
    @rule(chosen=picks, to=st.integers(0, 50), index=st.none() | st.integers(0, 5))
    def move_phrases(self, chosen: list[int], to: int, index: int | None) -> None:
        ids = self._phrase_ids(chosen)
        self._run(cmd.MovePhrases(self.lib, ids, self._category_id(to), index))

    @precondition(lambda self: self.lib.phrases())
    @rule(chosen=picks, flag=st.booleans())
    def pin(self, chosen: list[int], flag: bool) -> None:
        self._run(cmd.SetPinned(self.lib, self._phrase_ids(chosen), flag))

    @precondition(lambda self: self.lib.phrases())
    @rule(chosen=picks, tag=tag_names, add=st.booleans())
    def tag(self, chosen: list[int], tag: str, add: bool) -> None:
        self._run(cmd.ChangeTag(self.lib, self._phrase_ids(chosen), tag, add=add))

    # ----- categories ----------------------------------------------------------------
    @rule(parent=st.none() | st.integers(0, 50), name=names, index=st.none() | st.integers(0, 4))
    def create_category(self, parent: int | None, name: str, index: int | None) -> None:
        parent_id = None if parent is None else self._category_id(parent)
        self._run(cmd.CreateCategory(self.lib, parent_id, name, index))

    @rule(i=st.integers(0, 50), name=names)
    def rename_category(self, i: int, name: str) -> None:
        self._run(cmd.RenameCategory(self.lib, self._category_id(i), name))

    @rule(i=st.integers(0, 50), note=st.sampled_from(["", "新人先看这里", "退货流程"]))
    def note_category(self, i: int, note: str) -> None:
        self._run(cmd.CategoryNote(self.lib, self._category_id(i), note))

    @rule(i=st.integers(0, 50), parent=st.none() | st.integers(0, 50), index=st.integers(0, 4))
    def move_category(self, i: int, parent: int | None, index: int) -> None:
        parent_id = None if parent is None else self._category_id(parent)
        self._run(cmd.MoveCategory(self.lib, self._category_id(i), parent_id, index))

    @rule(i=st.integers(0, 50), trash_phrases=st.booleans())
    def delete_category(self, i: int, trash_phrases: bool) -> None:
        self._run(cmd.DeleteCategory(self.lib, self._category_id(i), trash_phrases=trash_phrases))

    # ----- undo and redo -------------------------------------------------------------
    @precondition(lambda self: self.stack.canUndo())
    @rule()
    def undo(self) -> None:
        self.stack.undo()
        assert snapshot(self.lib) == self.history[self.stack.index()]

    @precondition(lambda self: self.stack.canRedo())
    @rule()
    def redo(self) -> None:
        self.stack.redo()
        assert snapshot(self.lib) == self.history[self.stack.index()]

    @precondition(lambda self: self.stack.canUndo())
    @rule()
    def undo_everything(self) -> None:
        while self.stack.canUndo():
            self.stack.undo()
        assert snapshot(self.lib) == self.history[0]

    @invariant()
    def no_undo_step_failed(self) -> None:
        assert self.problems == []


def test_any_sequence_of_edits_is_undone_exactly(qapp):
    machine = UndoMachine.TestCase
    machine.settings = settings(
        max_examples=60,
        stateful_step_count=25,
        deadline=None,
        suppress_health_check=[HealthCheck.too_slow],
    )
    machine("runTest").runTest()
