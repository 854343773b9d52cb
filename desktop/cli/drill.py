"""``quickreply drill``: the response drill in a terminal, and the results a lead collects.

A round reads one answer a line: a shortcut code, or search words whose top
result is taken (as the picker would show it first).  An empty line skips the
question.  The terminal cannot stop a slow answer, so the time limit is
graded afterwards: a late right answer is right but not within the limit.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

import click

from desktop.cli.base import emit, json_option, library_of, main
from desktop.core.store.models import Phrase
from desktop.core.training import drill as drills
from desktop.core.training.results import DrillResults, default_trainee, summarize, write_csv


def pick(lib, text: str) -> Phrase | None:
    """The phrase an answer names: its exact shortcut code, else the top search result."""
    text = text.strip()
    if not text:
        return None
    by_code = lib.find_by_code(text)
    if by_code is not None:
        return by_code
    found = lib.search(text, limit=1)
    return found[0] if found else None


def _percent(x: float) -> str:
    return f"{round(x * 100)}%"


@main.group(invoke_without_command=True)
@click.option("--category", "categories", multiple=True, help="只练这个分类（可写多次；默认全部）")
@click.option("--rounds", type=click.IntRange(1, drills.MAX_ROUNDS), default=drills.DEFAULT_ROUNDS,
              show_default=True, help="题数")  # fmt: skip
@click.option("--seed", type=int, help="出题顺序的种子（同一个种子，同样的题目顺序）")
@click.option("--seconds", type=click.IntRange(5, 120), help="每题时限（默认用设置里的 drill_seconds）")
@click.option("--name", help="学员名字（默认用设置里的 drill_name，或系统用户名）")
@click.option("--window", is_flag=True, help="在桌面程序里打开练习窗口（快回没在运行时先启动它）")
@click.pass_context
def drill(ctx: click.Context, categories: tuple[str, ...], rounds: int, seed: int | None,
          seconds: int | None, name: str | None, window: bool) -> None:  # fmt: skip
    """应答练习：出买家常问，输入快捷编码或搜索词回答，记录对错和用时。"""
    if ctx.invoked_subcommand is not None:
        return
    if window:
        from desktop.launcher import launch

        ctx.exit(launch(ctx.find_root().obj.get("db"), request="drill:" + (categories[0] if categories else "")))
    lib = library_of(ctx)
    trainee = name or default_trainee(lib)
    limit = float(seconds or int(lib.setting("drill_seconds")))
    round_ = drills.draw(drills.library_questions(lib, list(categories)), rounds, seed)
    store = DrillResults(lib)
    interactive = sys.stdin.isatty()
    click.echo(f"应答练习：{len(round_)} 题，每题 {limit:g} 秒；输入快捷编码或搜索词，回车确认，空行跳过")
    answers = []
    for n, q in enumerate(round_, 1):
        click.echo(f"\n第 {n}/{len(round_)} 题  买家：{q.text}")
        start = time.monotonic()
        line = sys.stdin.readline() if not interactive else click.prompt("回答", default="",
                                                                           show_default=False)  # fmt: skip
        if line == "" and not interactive:  # end of input: the round stops here
            break
        elapsed = time.monotonic() - start
        picked = pick(lib, line)
        answer = drills.grade(q, picked, elapsed, limit)
        answers.append(answer)
        store.add_answer(trainee, answer)
        mark = "✓ 正确" if answer.correct else "✗ 不对"
        late = "" if answer.in_time or picked is None else "（超时）"
        if picked is not None:
            chosen = f"你选了「{picked.title}」，"
        else:
            chosen = f"没找到「{line.strip()}」，" if line.strip() else "没有回答，"
        click.echo(f"{mark}  {chosen}用时 {answer.seconds:.1f} 秒{late}")
        if not answer.correct:
            click.echo(f"   应选：{q.expected}")
    if not answers:
        return
    right = sum(a.correct for a in answers)
    click.echo(f"\n{trainee}：答对 {right}/{len(answers)}，"
               f"限时内 {sum(a.in_time for a in answers)}/{len(answers)}")  # fmt: skip
    missed = list(dict.fromkeys(a.question.expected for a in answers if not a.correct))
    if missed:
        click.echo("要记住的话术：" + "；".join(missed))


@drill.command("results")
@click.option("--name", help="只看这个学员（默认全部）")
@click.option("--csv", "csv_file", type=click.Path(dir_okay=False, path_type=Path),
              help="导出为 CSV（UTF-8 带 BOM，Excel 可直接打开），交给组长汇总")  # fmt: skip
@json_option
@click.pass_context
def results(ctx: click.Context, name: str | None, csv_file: Path | None, as_json: bool) -> None:
    """练习成绩：正确率、中位用时、限时内比例、薄弱分类、每天的进步、打字速度。"""
    lib = library_of(ctx)
    rows = DrillResults(lib).rows(name)
    if csv_file is not None:
        write_csv(rows, csv_file)
        click.echo(f"已导出 {len(rows)} 条练习记录到 {csv_file}", err=True)
    s = summarize(rows)
    if as_json:
        emit({
            "trainee": name, "answers": s.answers, "correct": s.correct,
            "accuracy": round(s.accuracy, 4), "median_seconds": s.median_seconds,
            "within_limit": round(s.within_limit, 4),
            "weakest": [{"category": w.category, "answers": w.answers,
                         "accuracy": round(w.accuracy, 4)} for w in s.weakest],
            "days": [d.__dict__ for d in s.days],
            "typed": s.typed, "per_minute": s.per_minute, "typing_accuracy": s.typing_accuracy,
            "missed": list(s.missed),
        })  # fmt: skip
        return
    if not rows:
        click.echo("还没有练习记录（quickreply drill 开始练习）")
        return
    who = name or "全部学员"
    if s.answers:
        median = f"{s.median_seconds:.1f} 秒" if s.median_seconds is not None else "—"
        click.echo(f"{who}：应答 {s.answers} 题，正确率 {_percent(s.accuracy)}，"
                   f"中位用时 {median}，限时内 {_percent(s.within_limit)}")  # fmt: skip
        if s.weakest:
            click.echo("薄弱分类：" + "；".join(
                f"{w.category} {_percent(w.accuracy)}（{w.answers} 题）" for w in s.weakest))  # fmt: skip
        if s.missed:
            click.echo("常错的话术：" + "；".join(s.missed[:5]))
    if s.per_minute is not None:
        acc = _percent(s.typing_accuracy) if s.typing_accuracy is not None else "—"
        click.echo(f"打字：{s.typed} 段，{s.per_minute:.0f} 汉字/分钟，准确率 {acc}")
    click.echo("\n每天：")
    for d in s.days:
        parts = [d.day]
        if d.accuracy is not None:
            parts.append(f"应答 {d.answers} 题 正确率 {_percent(d.accuracy)} 中位 {d.median_seconds:.1f} 秒")
        if d.per_minute is not None:
            parts.append(f"打字 {d.per_minute:.0f} 汉字/分钟")
        click.echo("  " + "  ".join(parts))
