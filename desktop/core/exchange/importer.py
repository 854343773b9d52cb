"""Import with a preview: what each phrase of a file would do to the library, then do it.

``preview`` sorts every phrase into new / changed / identical / conflict and
decides, under the conflict policy, what happens to it.  ``apply`` re-checks the
plan inside the write transaction (the library may have changed since the
preview), takes a backup first, and writes everything or nothing.

A phrase matches a library phrase by id first, then by shortcut code.  Matched
and different is a *conflict* when the text (title or body) differs and
*changed* when only the category, code, tags or note do; the policy decides
both: skip (the default) keeps the library's, replace takes the file's, copy
keeps both and gives the copy a free code.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from typing import Any, NamedTuple

from desktop.core.base.errors import PackError, QuickReplyError
from desktop.core.base.memory import collector_paused, give_back_freed_memory
from desktop.core.base.messages import Message, message_of
from desktop.core.exchange.formats.base import ReadResult, RowError, clean_phrase
from desktop.core.exchange.packs import POLICIES, ImportReport, Pack, PackPhrase
from desktop.core.search.textnorm import forget_pinyin
from desktop.core.store.categories import forget_cleaned_paths
from desktop.core.store.library import Library
from desktop.core.store.validation import MAX_CODE

STATUSES = {
    "new": Message("新增"),
    "changed": Message("修改"),
    "identical": Message("相同"),
    "conflict": Message("冲突"),
}
ACTIONS = {
    "add": Message("新增"),
    "replace": Message("替换"),
    "copy": Message("新增副本"),
    "skip": Message("跳过"),
}
_LARGE = 5_000  # phrases: from here an import hands its memory back when done
POLICY_NAMES = {"skip": Message("跳过"), "replace": Message("替换"), "copy": Message("都保留")}


class _Known(NamedTuple):
    """A library phrase (or one this import will add) as far as matching needs it."""

    title: str
    body: str
    category: tuple[str, ...]
    code: str | None
    tags: tuple[str, ...]
    note: str
    category_id: int | None
    deleted: bool = False
    examples: tuple[str, ...] = ()
    accept: tuple[str, ...] = ()
    planned: str = ""  # label of the file row that adds it, for phrases not yet written


@dataclass
class PlanItem:
    phrase: PackPhrase
    label: str  # 第 3 行 / phrases[2]
    status: str  # a key of STATUSES
    action: str  # a key of ACTIONS
    target: str | None = None  # the library phrase it matched
    new_id: str | None = None  # the id an added phrase gets (None: a fresh one)
    code: str | None = None  # the code it is written with
    reason: str = ""

    @property
    def category(self) -> str:
        return "/".join(self.phrase.category)

    def to_dict(self) -> dict[str, Any]:
        return {
            "row": self.label,
            "title": self.phrase.title,
            "category": list(self.phrase.category),
            "status": self.status,
            "action": self.action,
            "existing": self.target,
            "code": self.code,
            "reason": self.reason,
        }


@dataclass
class ImportPlan:
    loaded: ReadResult
    policy: str
    items: list[PlanItem] = field(default_factory=list)
    categories: list[tuple[str, ...]] = field(default_factory=list)  # from the file's notes
    new_categories: list[tuple[str, ...]] = field(default_factory=list)  # not in the library yet
    notes: dict[tuple[str, ...], str] = field(default_factory=dict)  # notes to set

    @property
    def bad_rows(self) -> list[RowError]:
        return self.loaded.errors

    def counts(self) -> dict[str, int]:
        found = Counter(i.status for i in self.items)
        return {status: found[status] for status in STATUSES}

    def actions(self) -> dict[str, int]:
        found = Counter(i.action for i in self.items)
        return {action: found[action] for action in ACTIONS}

    def by_category(self) -> dict[str, dict[str, int]]:
        """Status counts per category, in the file's order."""
        table: dict[str, dict[str, int]] = {}
        for item in self.items:
            row = table.setdefault(item.category, dict.fromkeys(STATUSES, 0))
            row[item.status] += 1
        return table

    def conflicts(self) -> list[PlanItem]:
        return [i for i in self.items if i.status == "conflict"]

    def writes(self) -> bool:
        """Whether applying would change anything (no backup is needed otherwise)."""
        return bool(self.notes or self.new_categories) or any(
            i.action != "skip" for i in self.items
        )

    def signature(self) -> tuple[Any, ...]:
        decided = tuple((i.status, i.action, i.target, i.new_id, i.code) for i in self.items)
        return decided, tuple(self.notes.items())

    def to_dict(self) -> dict[str, Any]:
        return {
            "file": self.loaded.source,
            "policy": self.policy,
            "counts": self.counts(),
            "actions": self.actions(),
            "categories": [{"category": k, **v} for k, v in self.by_category().items()],
            "phrases": [i.to_dict() for i in self.items],
            "bad_rows": [e.to_dict() for e in self.bad_rows],
            "warnings": list(self.loaded.warnings),
        }


# ----- preview -----------------------------------------------------------------------
def _library_phrases(lib: Library) -> tuple[dict[Any, _Known], dict[str, Any]]:
    by_id: dict[Any, _Known] = {}
    by_code: dict[str, Any] = {}
    for p in lib.every_phrase():
        by_id[p.id] = _Known(
            p.title,
            p.body,
            p.category,
            p.code,
            p.tags,
            p.note,
            p.category_id,
            p.in_trash,
            p.examples,
            p.accept,
        )
        if p.code and not p.in_trash:
            by_code[p.code] = p.id
    return by_id, by_code


def free_code(code: str, taken: dict[str, Any]) -> str:
    """``th`` → ``th2`` (or the next number free), kept within the code length limit."""
    n = 2
    while True:
        suffix = str(n)
        candidate = code[: MAX_CODE - len(suffix)] + suffix
        if candidate not in taken:
            return candidate
        n += 1


def preview(lib: Library, source: ReadResult | Pack, policy: str = "skip") -> ImportPlan:
    """What importing ``source`` would do; writes nothing.

    A ``ReadResult`` from ``formats.read_any`` holds only clean phrases; a bare
    ``Pack`` is checked here and the first bad phrase is refused, naming it.
    """
    if policy not in POLICIES:
        raise PackError(Message("冲突处理方式只能是 {policies}", policies=" / ".join(POLICIES)))
    loaded = source if isinstance(source, ReadResult) else ReadResult(source)
    plan = ImportPlan(loaded, policy)
    planner = _Planner(lib, policy, loaded.fields)
    with collector_paused():  # the plan keeps all it makes: nothing for the collector
        for n, raw in enumerate(loaded.pack.phrases):
            label = loaded.label(n)
            try:
                item = raw if loaded.clean else clean_phrase(raw)
            except QuickReplyError as exc:
                raise PackError(
                    Message(
                        "{label}（{title}）：{problem}",
                        label=label,
                        title=str(raw.title)[:20],
                        problem=message_of(exc),
                    )
                ) from None
            plan.items.append(planner.decide(item, label, n))
    for path, note in loaded.pack.category_notes.items():
        plan.categories.append(path)
        cat = lib.tree.by_path.get(path)
        if cat is None:
            plan.new_categories.append(path)
        if note.strip() and not (cat and cat.note):
            plan.notes[path] = note.strip()
    return plan


class _Planner:
    """Decides phrase by phrase and records each effect, so later rows see earlier ones
    (a file that repeats a code or id conflicts with itself, not with the library)."""

    def __init__(self, lib: Library, policy: str, given: frozenset[str]) -> None:
        self.lib = lib
        self.policy = policy
        self.given = given
        self.by_id, self.by_code = _library_phrases(lib)
        # A sheet without 编号 or 快捷编码 imported twice: the same category, title
        # and body is the same phrase, not a new one.
        self.by_content: dict[tuple[Any, ...], Any] = {
            (k.category, k.title, k.body): key
            for key, k in self.by_id.items()
            if not k.deleted
        }
        self.read_only = lib.read_only_categories()

    def read_only_reason(self, *paths_or_ids: Any) -> str:
        if not self.read_only:  # no subscriptions: asked for every phrase of a file
            return ""
        tree = self.lib.tree
        for value in paths_or_ids:
            cat = tree.by_path.get(value) if isinstance(value, tuple) else tree.by_id.get(value)
            if cat is not None and cat.id in self.read_only:
                return Message("分类「{category}」来自订阅，是只读的", category="/".join(cat.path))
        return ""

    def decide(self, item: PackPhrase, label: str, n: int) -> PlanItem:
        existing = self.by_id.get(item.id) if item.id else None
        in_trash = existing is not None and existing.deleted
        key: Any = item.id if existing is not None and not in_trash else None
        if key is None and item.code and item.code in self.by_code:
            key = self.by_code[item.code]
        if key is None and not item.id:
            key = self.by_content.get((item.category, item.title, item.body))
        if key is None:
            return self._new(item, label, n, in_trash)
        old = self.by_id[key]
        kept = {
            f: getattr(old, f)
            for f in ("title", "category", "code", "tags", "note", "examples", "accept")
            if f not in self.given
        }
        if kept:  # the file has no column for these: the library's values stand
            item = replace(item, **kept)
        return self._matched(item, label, n, key, old)

    def _known(self, item: PackPhrase, label: str, **changes: Any) -> _Known:
        known = _Known(  # by position: made for every new phrase of a file
            item.title,
            item.body,
            item.category,
            item.code,
            item.tags,
            item.note,
            None,
            False,
            item.examples,
            item.accept,
            label,
        )
        return known._replace(**changes) if changes else known

    def _new(self, item: PackPhrase, label: str, n: int, in_trash: bool) -> PlanItem:
        blocked = self.read_only_reason(item.category)
        if blocked:
            return PlanItem(item, label, "new", "skip", reason=blocked)
        new_id = None if (in_trash or not item.id) else item.id
        self.by_id[new_id or ("row", n)] = self._known(item, label)
        if item.code:
            self.by_code[item.code] = new_id or ("row", n)
        self.by_content.setdefault((item.category, item.title, item.body), new_id or ("row", n))
        reason = Message("编号在回收站里已有，换新编号") if in_trash else ""
        return PlanItem(item, label, "new", "add", new_id=new_id, code=item.code, reason=reason)

    def _matched(self, item: PackPhrase, label: str, n: int, key: Any, old: _Known) -> PlanItem:
        target = key if isinstance(key, str) else None
        same_text = (old.title, old.body) == (item.title, item.body)
        same_rest = (old.category, old.code, old.tags, old.note, old.examples, old.accept) == (
            item.category,
            item.code,
            item.tags,
            item.note,
            item.examples,
            item.accept,
        )
        if same_text and same_rest:
            why = (
                Message("与{row}相同", row=old.planned)
                if old.planned
                else Message("与话术库里的相同")
            )
            return PlanItem(
                item, label, "identical", "skip", target=target, code=old.code, reason=why
            )
        status = "changed" if same_text else "conflict"
        reason: str
        if old.planned:
            reason = Message("文件里重复：与{row}的编号或快捷编码相同", row=old.planned)
        elif key == item.id and same_text:
            reason = Message("编号相同，分类、快捷编码、标签或备注不同")
        elif key == item.id:
            reason = Message("编号相同，文字不同")
        else:
            reason = Message("快捷编码 {code} 已被「{title}」使用", code=item.code, title=old.title)
        if self.policy == "skip" or (self.policy == "replace" and old.planned):
            return PlanItem(item, label, status, "skip", target=target, reason=reason)
        if self.policy == "replace":
            blocked = self.read_only_reason(old.category_id, item.category)
        else:
            blocked = self.read_only_reason(item.category)
        if blocked:
            return PlanItem(item, label, status, "skip", target=target, reason=blocked)
        code = item.code
        if self.policy == "replace":
            if code and self.by_code.get(code, key) != key:
                code = free_code(code, self.by_code)
                reason = Message(
                    "{reason}；快捷编码已被占用，改用 {code}", reason=reason, code=code
                )
            if old.code and self.by_code.get(old.code) == key:
                del self.by_code[old.code]
            if code:
                self.by_code[code] = key
            self.by_id[key] = self._known(item, "", code=code, category_id=old.category_id)
            return PlanItem(item, label, status, "replace", target=target, code=code, reason=reason)
        if code and code in self.by_code:
            code = free_code(code, self.by_code)
            reason = Message("{reason}；副本用快捷编码 {code}", reason=reason, code=code)
        self.by_id[("row", n)] = self._known(item, label, code=code)
        if code:
            self.by_code[code] = ("row", n)
        return PlanItem(item, label, status, "copy", target=target, code=code, reason=reason)


# ----- apply -------------------------------------------------------------------------
def _first_rows(errors: list[RowError]) -> str:
    """The first three rows' messages, one after the other."""
    shown = [e.message for e in errors[:3]]
    if len(errors) > 3:
        return Message(
            "{first}；{second}；{third}……", first=shown[0], second=shown[1], third=shown[2]
        )
    if len(errors) == 3:
        return Message(
            "{first}；{second}；{third}", first=shown[0], second=shown[1], third=shown[2]
        )
    if len(errors) == 2:
        return Message("{first}；{second}", first=shown[0], second=shown[1])
    return shown[0] if shown else ""


def bad_rows_message(errors: list[RowError]) -> str:
    return Message(
        "有 {count} 行无法导入（{rows}），话术库没有改动",
        count=len(errors),
        rows=_first_rows(errors),
    )


def apply(
    lib: Library, plan: ImportPlan, *, skip_bad_rows: bool = False, backup: bool = True
) -> ImportReport:
    """Write the plan in one transaction, after a backup (for a library on disk).

    Refuses when the file had bad rows the user has not agreed to leave out, or
    when the library changed since the preview so the plan no longer holds.
    """
    if plan.bad_rows and not skip_bad_rows:
        raise PackError(
            Message("{problem}；确认跳过这些行后再导入", problem=bad_rows_message(plan.bad_rows))
        )
    from desktop.core.store import backup as backups

    saved = None
    if backup and lib.path is not None and plan.writes():
        # Rotated only once the import succeeded: a run of failing imports must not
        # push the last good backups out with copies of an unchanged library.
        saved = backups.backup_now(lib, backups.BEFORE_IMPORT, rotate=False)
    try:
        with _large_work(len(plan.items)), lib.atomic():
            fresh = preview(lib, plan.loaded, plan.policy)
            if fresh.signature() != plan.signature():
                raise PackError(Message("话术库在预览之后有改动，请重新预览再导入"))
            report = _execute(lib, fresh)
            del fresh
    except BaseException:
        if saved is not None:  # nothing was written: the copy is the library as it is
            saved.unlink(missing_ok=True)
        raise
    if saved is not None:
        backups.rotate_backups(lib)
    report.backup = saved.name if saved else ""
    return report


def import_now(lib: Library, source: ReadResult | Pack, policy: str = "skip") -> ImportReport:
    """Preview and apply in one go, in one transaction, without a backup (seeding, tests).

    A phrase whose id, or else whose shortcut code, is already in the library is
    a conflict: ``skip`` leaves the library's phrase, ``replace`` overwrites it
    with the pack's, ``copy`` keeps both (the copy gets a new id and code).
    """
    size = len(source.pack.phrases if isinstance(source, ReadResult) else source.phrases)
    with _large_work(size), lib.atomic():
        return _execute(lib, preview(lib, source, policy))


@contextmanager
def _large_work(phrases: int) -> Iterator[None]:
    """Around the preview and writing of a large import: no garbage collection while
    it runs (see ``collector_paused``), and its memory handed back when it is over."""
    if phrases < _LARGE:
        yield
        return
    try:
        with collector_paused():
            yield
    finally:
        forget_pinyin()
        forget_cleaned_paths()
        give_back_freed_memory()


def _execute(lib: Library, plan: ImportPlan) -> ImportReport:
    report = ImportReport()
    for path in plan.categories:
        lib.ensure_category(path, note=plan.notes.get(path))
    # New phrases are collected and written together; before a replace, what is
    # waiting is written first, so every row lands as if written one by one.
    batch = lib.batch()
    for item in plan.items:
        p = item.phrase
        if item.action == "skip":
            report.skipped.append((p.title, item.reason))
            continue
        try:
            if item.action == "replace":
                assert item.target is not None
                batch.write()
                lib.update(
                    item.target,
                    title=p.title,
                    body=p.body,
                    category=p.category,
                    code=item.code,
                    tags=p.tags,
                    note=p.note,
                    examples=p.examples,
                    accept=p.accept,
                )
                report.replaced.append(item.target)
            else:
                report.added.append(
                    batch.add(
                        title=p.title,
                        body=p.body,
                        category=p.category,
                        code=item.code,
                        tags=p.tags,
                        note=p.note,
                        pinned=p.pinned,
                        examples=p.examples,
                        accept=p.accept,
                        phrase_id=item.new_id,
                        check_code=False,
                        # A new phrase is the file's, as ``clean_phrase`` left it; a
                        # copy may carry fields of the library's phrase instead.
                        cleaned=item.action == "add",
                    )
                )
        except QuickReplyError as exc:
            raise PackError(
                Message(
                    "{label}（{title}）：{problem}",
                    label=item.label,
                    title=p.title[:20],
                    problem=message_of(exc),
                )
            ) from None
    batch.write()
    return report
