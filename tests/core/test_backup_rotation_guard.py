"""Issue 14, finding 2: failed imports must not push the last good backup out."""

from __future__ import annotations

import pytest

from desktop.core import Library, PackError
from desktop.core.exchange import importer
from desktop.core.exchange.packs import Pack, PackPhrase
from desktop.core.store import backup as backups


def a_pack(n: int) -> Pack:
    return Pack(phrases=[PackPhrase(("导入",), f"标题{n}", f"内容{n}")])


def test_ten_failed_imports_keep_the_good_backup_and_leave_no_copies(tmp_path, monkeypatch):
    with Library.open(tmp_path / "library.db") as lib:
        lib.set_setting("backups_keep", "3")
        good = backups.backup_now(lib, backups.MANUAL)

        def breaks(_lib, _plan):
            raise PackError("导入到一半出错")

        monkeypatch.setattr(importer, "_execute", breaks)
        for n in range(10):
            plan = importer.preview(lib, a_pack(n))
            with pytest.raises(PackError):
                importer.apply(lib, plan)
        assert [b.path for b in backups.list_backups(lib)] == [good]
        monkeypatch.undo()
        report = importer.apply(lib, importer.preview(lib, a_pack(99)))
        assert report.backup and good.exists()
