"""Issue 14, finding 10: a crafted phrase and values cannot render hundreds of megabytes."""

from __future__ import annotations

import pytest

from desktop.core import Library, QuickReplyError
from desktop.core.text.template import render


def test_a_field_repeated_thousands_of_times_with_a_long_value_is_refused():
    body = "{订单号}" * 2000  # 10,000 characters, within the body limit
    with pytest.raises(QuickReplyError, match="太长"):
        render(body, {"订单号": "9" * 10_000})  # would be 20 million characters


def test_the_library_and_cli_path_refuse_it_too(tmp_path):
    with Library.open(tmp_path / "library.db") as lib:
        phrase = lib.add("放大器", "{买家昵称}" * 1500)
        with pytest.raises(QuickReplyError, match="太长"):
            lib.render(phrase.id, {"买家昵称": "长" * 5000})
        assert lib.render(phrase.id, {"买家昵称": "小王"}).text == "小王" * 1500
