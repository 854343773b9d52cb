"""Frecency: uses that count less as they age.

A use at time t adds 2^((t - EPOCH) / HALF_LIFE).  Comparing those sums is the
same as comparing "uses, each halved every HALF_LIFE", at any moment, so the
ranking never needs recomputing as time passes.
"""

from __future__ import annotations

EPOCH = 1_704_067_200.0  # 2024-01-01 UTC; any fixed moment would do
HALF_LIFE = 14 * 86_400.0  # two weeks


def weight(used_at: float) -> float:
    return float(2.0 ** ((used_at - EPOCH) / HALF_LIFE))


class Frecency:
    """Per-phrase score and use count, kept in memory from the usage table."""

    def __init__(self) -> None:
        self.score: dict[str, float] = {}
        self.count: dict[str, int] = {}
        self.last: dict[str, float] = {}
        self._ranked: list[str] | None = None

    def add(self, phrase_id: str, used_at: float) -> None:
        self.score[phrase_id] = self.score.get(phrase_id, 0.0) + weight(used_at)
        self.count[phrase_id] = self.count.get(phrase_id, 0) + 1
        if used_at > self.last.get(phrase_id, float("-inf")):
            self.last[phrase_id] = used_at
        self._ranked = None

    def ranked(self) -> list[str]:
        """Used phrase ids, highest frecency first."""
        if self._ranked is None:
            self._ranked = sorted(self.score, key=lambda p: (-self.score[p], p))
        return self._ranked
