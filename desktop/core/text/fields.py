"""Placeholder names other tools use, and the built-in fields they mean.

Packs and spreadsheets from other phrase tools write ``{店铺名称}``,
``{快递单号}`` or ``[商品名称]``; those render from the same values as
``{店铺名}``, ``{运单号}`` and ``{商品}``.  ``lint`` names the close match for
an unknown field, and an import can turn bracket placeholders into braces.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from desktop.core.text.buyer import FIELDS as BUYER_FIELDS

#: Fields computed when a phrase is used (rendering is in ``template``).
BUILTINS: tuple[str, ...] = ("今天", "明天", "时间", "星期", "问候", "发货日")
STORE_FIELDS = ("店铺名", "客服名", "发货截止时间", "不发货的星期")
KNOWN: tuple[str, ...] = (*BUYER_FIELDS, *STORE_FIELDS, *BUILTINS)

ALIASES: dict[str, str] = {
    "店铺名称": "店铺名",
    "店名": "店铺名",
    "店铺": "店铺名",
    "物流单号": "运单号",
    "快递单号": "运单号",
    "单号": "运单号",
    "运单编号": "运单号",
    "快递编号": "运单号",
    "产品名称": "商品",
    "商品名称": "商品",
    "宝贝名称": "商品",
    "产品名": "商品",
    "商品名": "商品",
    "宝贝": "商品",
    "客户昵称": "买家昵称",
    "顾客昵称": "买家昵称",
    "买家名称": "买家昵称",
    "买家名": "买家昵称",
    "客户名": "买家昵称",
    "旺旺名": "买家昵称",
    "旺旺昵称": "买家昵称",
    "昵称": "买家昵称",
    "订单编号": "订单号",
    "订单号码": "订单号",
    "物流公司": "快递公司",
    "快递": "快递公司",
    "客服名称": "客服名",
    "客服昵称": "客服名",
    "客服": "客服名",
}


def canonical(name: str) -> str:
    """The built-in field an alias stands for; any other name unchanged."""
    return ALIASES.get(name.strip(), name)


def did_you_mean(name: str, known: Iterable[str] = ()) -> str | None:
    """The known field closest to an unknown ``name``, when one is close enough."""
    names = list(dict.fromkeys((*KNOWN, *known)))
    if name in names or name in ALIASES:
        return None
    import difflib  # here: only a misspelt field name needs it

    close = difflib.get_close_matches(name, names, n=1, cutoff=0.5)
    if not close:
        close = [n for n in names if len(n) >= 2 and (n in name or name in n)][:1]
    return close[0] if close else None


# 【买家昵称】 / [商品名称] / [偏大/偏小/正常]
_BRACKETED = re.compile(r"【([^【】\[\]{}\n]{1,20})】|\[([^\[\]【】{}\n]{1,30})\]")
_OPTION_SPLIT = re.compile(r"[/／|｜]")


def convert_brackets(body: str) -> str:
    """``[名称]``/``【名称】`` of a known field or alias → ``{名称}``; ``[偏大/偏小/正常]``
    → ``{选项:偏大/偏小/正常}``.  Other brackets (【温馨提示】, [微笑]) stay as written."""
    count = 0

    def replace(m: re.Match[str]) -> str:
        nonlocal count
        inner = (m.group(1) or m.group(2)).strip()
        options = [o.strip() for o in _OPTION_SPLIT.split(inner)]
        if len(options) >= 2 and all(0 < len(o) <= 10 for o in options):
            count += 1
            name = "选项" if count == 1 else f"选项{count}"
            return "{" + name + ":" + "/".join(options) + "}"
        if inner in KNOWN or inner in ALIASES:
            return "{" + canonical(inner) + "}"
        return m.group(0)

    return _BRACKETED.sub(replace, body)
