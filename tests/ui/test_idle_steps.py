"""Long jobs in short steps between events: the picker keeps answering meanwhile."""

from __future__ import annotations

import time
from itertools import pairwise

import pytest

from desktop.qt import QTimer
from desktop.ui.idle_steps import StepRunner

pytestmark = pytest.mark.gui


def slow_job(done: list[int], steps: int = 40, step_ms: float = 3):
    for i in range(steps):
        time.sleep(step_ms / 1000)
        done.append(i)
        yield None


def test_a_job_runs_to_the_end_while_timers_still_fire(qtbot):
    runner = StepRunner(budget_ms=6)
    done: list[int] = []
    ticks: list[float] = []
    timer = QTimer()
    timer.timeout.connect(lambda: ticks.append(time.perf_counter()))
    timer.start(10)
    runner.run(slow_job(done))
    qtbot.waitUntil(lambda: not runner.busy, timeout=5000)
    timer.stop()
    assert done == list(range(40))
    # 120 ms of work, yet the 10 ms timer kept firing in between: no long freeze.
    assert len(ticks) >= 5
    assert max(b - a for a, b in pairwise(ticks)) < 0.1


def test_a_failing_job_is_dropped_and_the_next_one_runs(qtbot, caplog):
    def broken():
        yield None
        raise RuntimeError("disk went away")

    runner = StepRunner()
    done: list[int] = []
    runner.run(broken())
    runner.run(slow_job(done, steps=3, step_ms=0))
    qtbot.waitUntil(lambda: not runner.busy, timeout=5000)
    assert done == [0, 1, 2]
    assert "background job failed" in caplog.text


def test_stopping_closes_the_jobs(qtbot):
    closed: list[bool] = []

    def job():
        try:
            while True:
                yield None
        finally:
            closed.append(True)

    runner = StepRunner()
    runner.run(job())
    qtbot.wait(20)
    runner.stop()
    assert closed == [True] and not runner.busy
