"""A run's figures as Markdown: every table, and a summary of the budgets.

`make bench` prints every table; `--readme` writes them into bench/README.md and the summary
into README.md.
"""

from __future__ import annotations

from typing import Any

from .budgets import Verdict, goals, verdicts

PARTS = ("weight", "build", "synthetic", "serve", "browser", "lighthouse")
"""Every part of the benchmarks, in the order they run."""


def _table(header: list[str], rows: list[list[str]]) -> list[str]:
    lines = ["| " + " | ".join(header) + " |", "|" + "|".join(" --- " for _ in header) + "|"]
    lines += ["| " + " | ".join(row) + " |" for row in rows]
    return [*lines, ""]


def _pair(sizes: dict[str, int] | None) -> str:
    if not sizes:
        return "–"
    return f"{sizes['raw']:,} / {sizes['gzip']:,}"


def _weight(weight: dict[str, Any]) -> list[str]:
    quizbank = weight["engines"]["quizbank"]
    alternative = weight["engines"]["mkdocs-quiz"]
    kinds = ", ".join(f"{count} {kind}" for kind, count in sorted(weight["question_types"].items()))
    rows = [
        [
            "HTML added to a page without quizzes (largest of legal framework, learning contract)",
            "–",
            _pair(quizbank["quizless_page_max"]),
            _pair(alternative["quizless_page_max"]),
        ],
        [
            f"HTML added to a page of {weight['questions']} questions",
            "–",
            _pair(quizbank["quiz_page"]),
            _pair(alternative["quiz_page"]),
        ],
        [
            "That page's whole HTML",
            _pair(weight["plain_quiz_page"]),
            _pair(quizbank["quiz_page_total"]),
            _pair(alternative["quiz_page_total"]),
        ],
        [
            "Shared assets, on every page, fetched once and cached (JS + CSS)",
            "–",
            _pair(quizbank["assets"]),
            "none: all inline",
        ],
        [
            "Questions script, fetched once by the pages with questions",
            "–",
            _pair(quizbank["assets"].get("questions_script")),
            "–",
        ],
        [
            "Page script, fetched once by the pages that need it (self-assessment report, "
            "review, record, journal, data, home, reading aloud)",
            "–",
            _pair(quizbank["assets"].get("page_script")),
            "–",
        ],
        [
            f"The review page's whole HTML ({quizbank.get('review_page_questions', '?')} "
            "questions, hidden until due)",
            "–",
            _pair(quizbank.get("review_page")),
            "–",
        ],
        [
            "First visit to that page: HTML + engine assets, gzipped",
            f"{weight['plain_quiz_page']['gzip']:,}",
            f"{quizbank['first_visit_gzip']:,}",
            f"{alternative['first_visit_gzip']:,}",
        ],
    ]
    if "per_question" in weight:
        question = weight["per_question"]
        rows.append(
            [
                f"HTML a question adds, on a page of {question['questions']} of every type "
                "(per question)",
                "–",
                f"{question['raw']:,} / {question['gzip']:,}",
                "–",
            ]
        )
    if "search_index" in weight:
        index = weight["search_index"]
        rows.append(
            [
                "Site search index (fetched when a learner searches)",
                _pair(index["plain"]),
                _pair(index["quizbank"]),
                _pair(index["mkdocs-quiz"]),
            ]
        )
    return [
        f"**Page weight**, bytes raw / gzipped ({weight['gzip']}); the same "
        f"{weight['questions']} questions from the course's banks ({kinds}) in each engine.",
        "",
        *_table(["Measure", "plain", "quizbank", "mkdocs-quiz 1.7.1"], rows),
    ]


def _build(build: dict[str, Any]) -> list[str]:
    rows = [
        [
            "Median wall time, s",
            f"{build['plain']['median_s']:.2f}",
            f"{build['course']['median_s']:.2f}",
            f"**{build['ratio']:.2f}**",
        ],
        [
            "Median CPU time, s",
            f"{build['plain']['median_cpu_s']:.2f}",
            f"{build['course']['median_cpu_s']:.2f}",
            f"{build['cpu_ratio']:.2f}",
        ],
        [
            "Peak memory, MB",
            f"{build['plain']['max_rss_mb']:.0f}",
            f"{build['course']['max_rss_mb']:.0f}",
            "",
        ],
    ]
    return [
        f"**Build time of the real course** (`mkdocs build --strict`, whole process, median "
        f"of {build['repeat']} interleaved runs; ratio of the medians, median ratio of the "
        f"pairs {build['ratio_of_pairs_median']:.2f}).",
        "",
        *_table(["", "same pages without blocks", "course", "ratio"], rows),
    ]


def _synthetic(synthetic: dict[str, Any]) -> list[str]:
    plain = synthetic["plain"]
    rows = [
        [
            "none (plain pages)",
            f"{plain['median_s']:.2f}",
            f"{plain['median_cpu_s']:.2f}",
            "–",
            "–",
            f"{plain['max_rss_mb']:.0f}",
        ]
    ]
    for size, data in synthetic["sizes"].items():
        rows.append(
            [
                f"{int(size):,}",
                f"{data['median_s']:.2f}",
                f"{data['median_cpu_s']:.2f}",
                f"{data['engine_cpu_s']:.2f}",
                f"{data['engine_cpu_ms_per_question']:.2f}",
                f"{data['max_rss_mb']:.0f}",
            ]
        )
    note = ""
    marginal = synthetic.get("marginal_cpu_ms_per_question")
    if marginal:
        sizes = [f"{int(size):,}" for size in synthetic["sizes"]]
        note = (
            f" CPU time per extra question: {marginal[0]:.2f} ms from {sizes[0]} to "
            f"{sizes[1]}, {marginal[-1]:.2f} ms from {sizes[-2]} to {sizes[-1]} (wall: "
            f"{synthetic['marginal_ms_per_question'][0]:.2f} and "
            f"{synthetic['marginal_ms_per_question'][-1]:.2f} ms)."
        )
    split = synthetic.get("without_search")
    if split:
        note += (
            f" Of the engine's {split['questions']:,}-question CPU time, Material's search "
            f"plugin indexing the questions takes {split['search_indexing_cpu_s']:.2f} s; "
            f"without the search plugin the engine's share is "
            f"{split['engine_cpu_s']:.2f} s (that build: "
            f"{split['quizbank']['median_s']:.2f} s wall, "
            f"{split['quizbank']['median_cpu_s']:.2f} s CPU)."
        )
    unlinted = synthetic.get("without_lint")
    if unlinted:
        note += (
            f" With the item-writing checks off (`lint: enabled: false`), the "
            f"{unlinted['questions']:,} questions build in "
            f"{unlinted['quizbank']['median_cpu_s']:.2f} s of CPU: the checks take "
            f"{unlinted['lint_cpu_s']:.2f} s."
        )
    return [
        f"**Synthetic banks** over {synthetic['pages']} pages (every type, text as the "
        f"course's authors write it; median of {synthetic['repeat']} interleaved runs; the "
        f"engine's share is the build minus the plain pages').{note}",
        "",
        *_table(
            [
                "Questions",
                "wall, s",
                "CPU, s",
                "engine CPU, s",
                "engine CPU ms / question",
                "peak memory, MB",
            ],
            rows,
        ),
    ]


def _browser(browser: dict[str, Any]) -> list[str]:
    rows = []
    for key in ("cpu_x1", "cpu_x4"):
        ready = browser["interactive"][key]
        shuffled = browser["interactive_shuffled"][key]
        scoring = browser["scoring"][key]
        without = browser.get("dcl_without_block", {}).get(key)
        dcl = f"{ready['dcl_ms']:.0f} / –"
        if without:
            moved = ready["dcl_ms"] - without["dcl_ms"]
            dcl = f"{ready['dcl_ms']:.0f} / {without['dcl_ms']:.0f} ({moved:+.0f})"
        rows.append(
            [
                key.replace("cpu_x", "×"),
                dcl,
                f"{ready['dcl_to_ready_ms']:+.1f}",
                f"{ready['init_ms']:.1f}",
                f"{shuffled['dcl_to_ready_ms']:+.1f}",
                f"{scoring['assess_ms']:.3f} ({scoring['assess_mean_ms']:.3f})",
                f"{scoring['click_ms']:.2f} ({scoring['click_mean_ms']:.2f})",
            ]
        )
    sample = browser["interactive"]["cpu_x1"]
    rows_kept = browser["scoring"]["cpu_x1"].get("history_rows", "–")
    return [
        f"**In the browser** (Chromium {browser['chromium']}, median of {sample['repeat']} "
        f"cold loads of a page of {sample['questions']} questions of every type, and of the "
        f"same page without its block; scoring median (mean) of "
        f"{browser['scoring']['cpu_x1']['repeat']}, with {rows_kept} attempts already in the "
        f"history). Times in ms; a negative time to ready means interactive before "
        f"DOMContentLoaded.",
        "",
        *_table(
            [
                "CPU",
                "DOMContentLoaded since navigation: with the block / without (difference)",
                "DOMContentLoaded → ready",
                "init()",
                "DCL → ready, shuffle: true",
                "assess(), 23 items",
                "“Show my result” click at 50 rows, laid out",
            ],
            rows,
        ),
    ]


def _serve(serve: dict[str, Any]) -> list[str]:
    rows = []
    for mode, label in (
        ("serve", "`mkdocs serve`"),
        ("dirty", "`mkdocs serve --dirty`"),
        ("plain", "`mkdocs serve`, the course without the engine"),
    ):
        for kind, edit in serve.get(mode, {}).items():
            rows.append(
                [
                    label,
                    f"{kind} edit",
                    f"{edit['shown']} of {edit['trials']}",
                    "–" if edit["median_s"] is None else f"{edit['median_s']:.2f}",
                    f"{edit['median_cpu_s']:.2f}",
                ]
            )
    return [
        f"**Edits under `mkdocs serve`** (a sentence added to `{serve['page']}`, or a word to "
        f"the text of a question it shows, in its bank; {serve['trials']} edits each, medians; "
        f"never shown within {serve['timeout_s']:.0f} s counts as not shown). No latency is "
        "below about 0.6 s: watchdog holds a file event 0.5 s and MkDocs waits 0.1 s more "
        "before it rebuilds; without `--dirty` every page is built again.",
        "",
        *_table(
            ["Server", "Edit", "shown", "seconds to visible", "rebuild CPU, s"],
            rows,
        ),
    ]


def _verdict_rows(rows: list[Verdict]) -> list[list[str]]:
    return [
        [
            v.name,
            v.budget,
            v.measured,
            "–" if v.met is None else ("met" if v.met else "**not met**"),
        ]
        for v in rows
    ]


def _audit(audit: dict[str, Any]) -> str:
    """Name an audit that cost points, with its value or the first element it found."""
    where = audit.get("where") or []
    detail = audit["value"] or (where[0].split(" > ")[-1] if where else audit["score"])
    return f"{audit['id']} ({detail})"


def _lighthouse(lighthouse: dict[str, Any]) -> list[str]:
    rows = []
    plain = lighthouse["sites"].get("plain", {"pages": {}})["pages"]
    for name, page in lighthouse["sites"]["quizbank"]["pages"].items():
        lost = "; ".join(
            _audit(audit) for audits in page["lost_points"].values() for audit in audits
        )
        metrics = page["metrics"]
        without = plain.get(name)
        rows.append(
            [
                f"{name} (`{page['url_path']}`)",
                f"{page['performance']} ({without['performance']})"
                if without
                else str(page["performance"]),
                f"{page['accessibility']} ({without['accessibility']})"
                if without
                else str(page["accessibility"]),
                f"{metrics['first-contentful-paint']} / "
                f"{metrics['largest-contentful-paint']} / "
                f"{metrics['total-blocking-time']} / {metrics['cumulative-layout-shift']}",
                lost or "none",
            ]
        )
    return [
        f"**Lighthouse {lighthouse['lighthouse']}** (mobile defaults: emulated phone, "
        f"simulated slow 4G; the run with the median performance of "
        f"{lighthouse['repeat']} a page; in brackets, the same page without the engine).",
        "",
        *_table(
            [
                "Page",
                "Performance",
                "Accessibility",
                "FCP / LCP / TBT / CLS",
                "Audits that cost points (course)",
            ],
            rows,
        ),
    ]


def _taken(meta: dict[str, Any]) -> str:
    """Say when and where a run was taken, and whether it was a partial or quick one."""
    start, end = meta["load_start"], meta["load_end"]
    line = (
        f"Taken {meta['date']} on {meta['machine']['cpu']}, {meta['machine']['cores']} "
        f"cores, Python {meta['machine']['python']}; load average (1/5/15 min) "
        f"{start[0]:.2f} / {start[1]:.2f} / {start[2]:.2f} at the start and "
        f"{end[0]:.2f} / {end[1]:.2f} / {end[2]:.2f} at the end."
    )
    parts = meta.get("parts", [])
    if set(parts) != set(PARTS):
        line += f" Only part of the benchmarks ran: {', '.join(parts)}."
    if meta.get("arguments", {}).get("quick"):
        line += " A quick run (one or two repetitions), to try the harness, not to quote."
    return line


def summary(figures: dict[str, Any]) -> str:
    """Return when the run was taken and the budgets, as Markdown (the README's summary)."""
    lines = [
        _taken(figures["meta"]),
        "",
        "**Goals** (issue 16: CPU-time medians of interleaved runs, ratios within this run)",
        "",
        *_table(["Goal", "goal", "measured", ""], _verdict_rows(goals(figures))),
        "",
        "**Standing budgets**",
        "",
        *_table(["Budget", "limit", "measured", ""], _verdict_rows(verdicts(figures))),
    ]
    return "\n".join(lines).rstrip("\n")


def markdown(figures: dict[str, Any]) -> str:
    """Return a run's figures and budgets as Markdown: the summary, then every table."""
    lines = [summary(figures), ""]
    for key, section in (
        ("weight", _weight),
        ("build", _build),
        ("synthetic", _synthetic),
        ("serve", _serve),
        ("browser", _browser),
        ("lighthouse", _lighthouse),
    ):
        if key in figures:
            lines += section(figures[key])
    return "\n".join(lines)
