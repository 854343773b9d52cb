"""导出手册 as PDF and HTML, from the window and from the command line."""

from __future__ import annotations

import os
import subprocess
import unicodedata

import pytest
from pypdf import PdfReader

from desktop.core.exchange import handbook
from desktop.ui.library.handbook_pdf import fix_copy_text, pdf_font_family, render_pdf
from tests.clirun import entry_point

pytestmark = pytest.mark.gui


def raw_text(path) -> str:
    return "".join(page.extract_text() for page in PdfReader(str(path)).pages)


def pdf_text(path) -> str:
    """The PDF's text without layout whitespace, radicals read as the characters they draw.

    NFKC as a safety net: fonts such as Noto Sans CJK draw 手 and the Kangxi
    radical ⼿ with one glyph (see handbook_pdf), and the check is about words.
    """
    return unicodedata.normalize("NFKC", "".join(raw_text(path).split()))


def radicals(text: str) -> list[str]:
    return [c for c in text if 0x2E80 <= ord(c) <= 0x2FDF]


def test_window_exports_a_pdf_whose_text_holds_the_chinese_titles(window, tmp_path):
    target = tmp_path / "新人手册.pdf"
    assert window.ops.export_handbook(target, [], "新人手册")
    assert target.read_bytes().startswith(b"%PDF")
    text = pdf_text(target)
    for piece in (
        "新人手册",
        "问好",
        "退货说明",
        "退款进度",
        "售后",
        "收货以后的问题",
        "支持七天无理由退货",
        "<b>粗体</b><imgsrc=x>",
    ):  # phrase text printed as it is, never as markup
        assert piece in text, piece
    assert "已导出手册" in window.last_message


def test_window_exports_chosen_categories_as_html(window, tmp_path):
    target = tmp_path / "售后.html"
    assert window.ops.export_handbook(target, ["售后"], "售后手册")
    page = target.read_text(encoding="utf-8")
    assert "退款进度" in page and "问好" not in page and "售后手册" in page


def test_a_failed_export_is_a_message_not_a_crash(window, tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("x")
    assert not window.ops.export_handbook(blocker / "x.pdf", [])
    assert "写不了" in window.last_message


def test_the_whole_default_library_fits_and_copies_as_characters(qapp, seeded, tmp_path):
    target = tmp_path / "all.pdf"
    target.write_bytes(render_pdf(handbook.build(seeded)))
    assert target.stat().st_size < 2_000_000
    text = pdf_text(target)
    assert all("".join(p.title.split()) in text for p in seeded.phrases())
    assert pdf_font_family() != "" and radicals(raw_text(target)) == []


def test_copy_text_fix_keeps_every_byte_offset():
    cmap = (
        b"stream\nbegincmap\n1 beginbfchar\n<0012> <2F3F>\nendbfchar\n2 beginbfrange\n"
        b"<0000> <0000> <0000>\n<0001> <0003> [<2EC5> <8BDD> <2F7C>]\nendbfrange\nendcmap\n"
        b"<2F3F> outside a cmap stays\n"
    )
    fixed = fix_copy_text(cmap)
    assert len(fixed) == len(cmap)
    assert b"<0012> <624B>" in fixed and b"[<89C1> <8BDD> <8001>]" in fixed
    assert fixed.endswith(b"<2F3F> outside a cmap stays\n")


def test_cli_writes_pdf_and_html_without_a_display(tmp_path):
    cmd = entry_point()  # a process of its own: Qt must find no display at all
    env = {
        k: v
        for k, v in os.environ.items()
        if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QUICKREPLY_DB", "QT_QPA_PLATFORM")
    }
    db = tmp_path / "lib.db"

    def run(*args):
        return subprocess.run(
            cmd + ["--db", str(db), *args],
            check=False,
            capture_output=True,
            text=True,
            encoding="utf-8",
            env=env,
            timeout=120,
        )

    result = run("handbook", str(tmp_path / "h.pdf"), "--category", "售后", "--category", "催付")
    assert result.returncode == 0, result.stderr
    assert "已导出手册" in result.stdout
    text = pdf_text(tmp_path / "h.pdf")
    assert "七天无理由" in text and "催付" in text and "迎接问好" not in text
    result = run("handbook", str(tmp_path / "h.html"), "--json")
    assert result.returncode == 0, result.stderr
    assert '"phrases": 2' in result.stdout or '"phrases"' in result.stdout
    assert "迎接问好" in (tmp_path / "h.html").read_text(encoding="utf-8")
    result = run("handbook", str(tmp_path / "h.txt"))
    assert result.returncode == 1 and ".pdf" in result.stderr
    result = run("handbook", str(tmp_path / "x.pdf"), "--category", "没有")
    assert result.returncode == 1 and "没有这个分类" in result.stderr
