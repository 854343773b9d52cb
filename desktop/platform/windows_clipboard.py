"""Is the clipboard safe to read right now?

Reading a format the owner renders on demand (a screenshot's PNG, say) sends it
a message and waits for the answer without a timeout: a hung owner hangs us,
and one holding the clipboard open makes Qt retry.  Asked before the agent's
clipboard is saved, so a paste never waits on another program; the price is
that the clipboard is then not restored.
"""

from __future__ import annotations

from typing import Any

HUNG_OWNER = "hung-owner"
HELD_OPEN = "held-open"


def blocker(user32: Any) -> str | None:
    """``"hung-owner"``, ``"held-open"`` or None when reading should be quick."""
    if user32.GetOpenClipboardWindow():
        return HELD_OPEN
    owner = user32.GetClipboardOwner()
    if owner and user32.IsHungAppWindow(owner):
        return HUNG_OWNER
    return None
