"""The handbook HTML: by category, every piece of phrase text escaped."""

from __future__ import annotations

from datetime import datetime
from html.parser import HTMLParser

import pytest

from desktop.core import ValidationError
from desktop.core.exchange import handbook


class Text(HTMLParser):
    """The document's visible text and its tags, as a browser would see them."""

    def __init__(self) -> None:
        super().__init__()
        self.tags: list[str] = []
        self.text: list[str] = []
        self.in_style = False

    def handle_starttag(self, tag, attrs):
        self.tags.append(tag)
        self.in_style = tag == "style"

    def handle_endtag(self, tag):
        self.in_style = False

    def handle_data(self, data):
        if not self.in_style:
            self.text.append(data)


def parsed(html: str) -> Text:
    t = Text()
    t.feed(html)
    return t


@pytest.fixture
def shop(lib):
    lib.add(
        "问好",
        "亲，在的～\n有什么可以帮您？",
        "售前/迎接",
        code="hy",
        note="买家进店时",
        tags=["开场"],
    )
    lib.add("退货", "七天无理由", "售后/退换货", code="th")
    lib.add("<b>粗体</b>", '<img src=x onerror="alert(1)"> & </style>', "售后", note="<i>备注</i>")
    lib.ensure_category("售后", note="收货以后 <script>")
    lib.ensure_category("空分类")
    return lib


def test_whole_library_by_category_with_notes_codes_and_bodies(shop):
    book = handbook.build(shop, now=datetime(2026, 3, 1))
    assert (book.phrases, book.categories) == (3, 4)  # 空分类 has nothing to show
    text = "".join(parsed(book.html).text)
    for piece in (
        "话术手册",
        "售前 › 迎接",
        "问好",
        "hy",
        "适用场景：买家进店时",
        "开场",
        "有什么可以帮您",
        "收货以后 <script>",
        "2026-03-01",
    ):
        assert piece in text
    assert "空分类" not in text
    assert text.index("售前") < text.index("问好") < text.index("售后") < text.index("退货")
    assert "亲，在的～<br>有什么可以帮您？" in book.html  # line breaks kept


def test_phrase_text_is_escaped_never_markup(shop):
    book = handbook.build(shop)
    tags = parsed(book.html).tags
    assert "b" not in tags and "img" not in tags and "script" not in tags and "i" not in tags
    assert tags.count("style") == 1
    text = "".join(parsed(book.html).text)
    assert "<b>粗体</b>" in text and '<img src=x onerror="alert(1)"> & </style>' in text
    assert "&lt;img src=x onerror=&quot;alert(1)&quot;&gt; &amp; &lt;/style&gt;" in book.html


def test_chosen_categories_include_their_subcategories(shop):
    book = handbook.build(shop, ["售后"], title="售后手册")
    text = "".join(parsed(book.html).text)
    assert book.phrases == 2 and "退货" in text and "问好" not in text and "售后手册" in text
    with pytest.raises(Exception, match="没有这个分类"):
        handbook.build(shop, ["不存在"])


def test_write_html_is_utf8_and_refuses_unwritable_places(shop, tmp_path):
    book = handbook.build(shop)
    target = tmp_path / "out" / "手册.html"
    handbook.write_html(book, target)
    assert target.read_text(encoding="utf-8") == book.html
    blocker = tmp_path / "file"
    blocker.write_text("x")
    with pytest.raises(ValidationError, match="写不了"):
        handbook.write_html(book, blocker / "手册.html")


def test_default_library_handbook_has_every_phrase(seeded):
    book = handbook.build(seeded)
    assert book.phrases == seeded.count()
    text = "".join(parsed(book.html).text)
    assert all(p.title in text for p in seeded.phrases())
