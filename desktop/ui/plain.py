"""Showing data (phrase text, category names, sources) as plain text in tooltips.

``QToolTip`` guesses whether a string is rich text, so a phrase that happens to
contain ``<b>`` or ``<img …>`` would be rendered.  Escaping it inside a
``pre-wrap`` paragraph makes the guess harmless and keeps line breaks.
"""

from __future__ import annotations


def plain_tooltip(text: str) -> str:
    import html  # here: it brings the entity table (0.7 MB), wanted only on hover

    return "<p style='white-space:pre-wrap'>" + html.escape(text, quote=False) + "</p>"
