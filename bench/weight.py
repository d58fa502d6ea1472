"""Page weight: what each engine adds to a page's HTML, and what it publishes once for all.

Besides the 50-question page: quizbank's review page, which holds every scored question of
the course (hidden, for the script to show the ones due: the page must work from file://,
with no data file to fetch), and its page script, which only the review, record and data
pages load.

The course is built three ways in one run: plain (no engine, blocks deleted), with quizbank,
and with mkdocs-quiz. All three carry one added page, `bench-50.md`, showing the same 50 real
questions (single choice, multiple response, true/false: the types both engines have). The
weight an engine adds to a page is that page's HTML in the engine's build minus the same
page's HTML in the plain build, raw and gzipped (Python's gzip, level 9).
"""

from __future__ import annotations

import difflib
from pathlib import Path
from typing import Any

from .common import gz_size, mkdocs_build
from .mkdocsquiz import as_mkdocs_quiz, as_quizbank, real_questions
from .sites import copy_course, minimal_site, strip_blocks
from .synthetic import quiz_page

QUESTIONS = 50
QUIZ_PAGE = "bench-50/index.html"
REVIEW_PAGE = "review/index.html"
"""quizbank's review page: every scored question in the course, hidden until due."""
PAGE_SCRIPT = "quizbank-pages."
"""The start of the page script's name: loaded only by the pages that need it."""
QUESTIONS_SCRIPT = "quizbank-questions."
"""The start of the questions script's name: loaded only by pages with questions."""
QUIZLESS_PAGES = ("reference/legal-framework/index.html", "resources/learning-contract/index.html")
"""Pages with no block of the engine: the longest reference page and a printable template."""

_INTRO = (
    "# Fifty questions\n\nThe same fifty questions from the course's banks, to compare "
    "what each quiz engine adds to a page.\n"
)


def _build(workdir: Path, engine: str, questions: list[Any]) -> Path:
    """Build the course with one engine and the 50-question page; return the site folder."""
    source = workdir / f"src-{engine}"
    config = copy_course(source, engine=engine, extra_nav="  - Fifty questions: bench-50.md\n")
    page = _INTRO
    if engine == "quizbank":
        (source / "quizzes" / "bench-50.yml").write_text(
            as_quizbank("bench-50", questions), encoding="utf-8"
        )
        page += "\n/// quiz | bench-50\n///\n"
    elif engine == "mkdocs-quiz":
        page += "\n" + "\n".join(as_mkdocs_quiz(question) for question in questions)
    (source / "docs" / "bench-50.md").write_text(page, encoding="utf-8")
    site = workdir / f"site-{engine}"
    mkdocs_build(config, site)
    return site


def _sizes(data: bytes) -> dict[str, int]:
    return {"raw": len(data), "gzip": gz_size(data)}


def _added(engine_page: bytes, plain_page: bytes) -> dict[str, int]:
    """Return how many bytes a page gains, raw and gzipped."""
    return {
        "raw": len(engine_page) - len(plain_page),
        "gzip": gz_size(engine_page) - gz_size(plain_page),
    }


def _added_lines(engine_page: bytes, plain_page: bytes) -> list[str]:
    """Return the first lines a page gains, for the record (what exactly was added)."""
    before = plain_page.decode("utf-8").splitlines()
    after = engine_page.decode("utf-8").splitlines()
    return [
        line[1:].strip()[:200]
        for line in difflib.unified_diff(before, after, n=0, lineterm="")
        if line.startswith("+") and not line.startswith("+++") and line[1:].strip()
    ][:8]


def _assets(site: Path) -> dict[str, Any]:
    """Return the script and stylesheet every page loads, as published, raw and gzipped.

    The two scripts the core loads where they are needed (the questions script, the page
    script) are given on their own.
    """
    files = sorted((site / "assets" / "quizbank").glob("*"))
    each = {path.name: _sizes(path.read_bytes()) for path in files}
    loaded = (QUESTIONS_SCRIPT, PAGE_SCRIPT)
    shared = {name: size for name, size in each.items() if not name.startswith(loaded)}

    def one(prefix: str) -> dict[str, int] | None:
        return next((size for name, size in each.items() if name.startswith(prefix)), None)

    return {
        "files": shared,
        "raw": sum(size["raw"] for size in shared.values()),
        "gzip": sum(size["gzip"] for size in shared.values()),
        "questions_script": one(QUESTIONS_SCRIPT),
        "page_script": one(PAGE_SCRIPT),
    }


def per_question(workdir: Path, count: int = 100) -> dict[str, Any]:
    """Return the HTML a question adds to a page, raw and gzipped.

    A page of `count` questions of every type against the same page without its block,
    divided by `count`.
    """
    page = quiz_page(count)
    sizes = {}
    for name, pages in (
        ("with", page.pages),
        ("without", {name: strip_blocks(text) for name, text in page.pages.items()}),
    ):
        config = minimal_site(
            workdir / f"per-question-{name}", engine="quizbank", pages=pages, banks=page.banks
        )
        site = workdir / f"per-question-{name}-site"
        mkdocs_build(config, site)
        sizes[name] = (site / "index.html").read_bytes()
    added = _added(sizes["with"], sizes["without"])
    return {
        "questions": count,
        "raw": round(added["raw"] / count),
        "gzip": round(added["gzip"] / count),
        "page": _sizes(sizes["with"]),
    }


def run(workdir: Path) -> dict[str, Any]:
    """Build the three sites and measure; return the figures."""
    questions = real_questions(QUESTIONS)
    kinds: dict[str, int] = {}
    for question in questions:
        kinds[question.type] = kinds.get(question.type, 0) + 1
    sites = {
        engine: _build(workdir, engine, questions)
        for engine in ("plain", "quizbank", "mkdocs-quiz")
    }

    def page(engine: str, path: str) -> bytes:
        return (sites[engine] / path).read_bytes()

    result: dict[str, Any] = {
        "questions": QUESTIONS,
        "question_types": kinds,
        "gzip": "Python gzip, level 9",
        "engines": {},
    }
    for engine in ("quizbank", "mkdocs-quiz"):
        quizless = {
            path: _added(page(engine, path), page("plain", path)) for path in QUIZLESS_PAGES
        }
        result["engines"][engine] = {
            "quizless_page": quizless,
            "quizless_page_max": {
                key: max(size[key] for size in quizless.values()) for key in ("raw", "gzip")
            },
            "quizless_added_lines": _added_lines(
                page(engine, QUIZLESS_PAGES[0]), page("plain", QUIZLESS_PAGES[0])
            ),
            "quiz_page": _added(page(engine, QUIZ_PAGE), page("plain", QUIZ_PAGE)),
            "quiz_page_total": _sizes(page(engine, QUIZ_PAGE)),
            "assets": _assets(sites[engine])
            if engine == "quizbank"
            else {"files": {}, "raw": 0, "gzip": 0},
        }
    result["plain_quiz_page"] = _sizes(page("plain", QUIZ_PAGE))
    result["per_question"] = per_question(workdir)
    review = result["engines"]["quizbank"]
    review["review_page"] = _sizes(page("quizbank", REVIEW_PAGE))
    review["review_page_questions"] = page("quizbank", REVIEW_PAGE).count(b'class="qb-question"')
    result["search_index"] = {
        engine: _sizes(page(engine, "search/search_index.json")) for engine in sites
    }
    for figures in result["engines"].values():
        # What a learner downloads for a first visit to the quiz page: HTML and engine assets,
        # the questions script included (the core loads it there).
        assets = figures["assets"]
        quiz_assets = assets["gzip"] + (assets.get("questions_script") or {}).get("gzip", 0)
        figures["first_visit_gzip"] = figures["quiz_page_total"]["gzip"] + quiz_assets
        figures["engine_first_visit_gzip"] = figures["quiz_page"]["gzip"] + quiz_assets
    return result
