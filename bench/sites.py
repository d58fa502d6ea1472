"""Copies of the course to build: as it is, plain (no engine), or with mkdocs-quiz.

"Plain" is the same pages with every block of the engine (`/// quiz`, `/// self-assessment`,
`/// reflection`, `/// progress` and the rest) deleted and the quizbank plugin taken out of
mkdocs.yml, so the build imports, loads and publishes nothing of the engine. Blocks inside
fenced code (the tutors' guide shows the syntax) are text, not blocks, and stay.
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path

from quizbank.markdown import BLOCKS

from .common import ROOT

_HEADER = re.compile(rf"^(?P<indent>[ ]*)///[ ]*(?:{'|'.join(map(re.escape, BLOCKS))})\b")
_FENCE = re.compile(r"^[ ]*(?P<fence>`{3,}|~{3,})")

QUIZBANK_PLUGIN = re.compile(r"^  - quizbank:\n(?: {6}.*\n)*", re.MULTILINE)
"""How the real mkdocs.yml lists the engine: its entry and every line indented under it (its
options and their comments). The variants replace all of it."""


def strip_blocks(markdown: str) -> str:
    """Return a page with every block of the engine deleted."""
    lines = markdown.split("\n")
    kept: list[str] = []
    fence: str | None = None
    index = 0
    while index < len(lines):
        line = lines[index]
        opened = _FENCE.match(line)
        if fence is not None:
            if opened and opened["fence"][0] == fence[0] and len(opened["fence"]) >= len(fence):
                fence = None
            kept.append(line)
        elif opened:
            fence = opened["fence"]
            kept.append(line)
        elif header := _HEADER.match(line):
            closing = header["indent"] + "///"
            end = index + 1
            while end < len(lines) and lines[end].rstrip() != closing:
                end += 1
            index = end + 1
            continue
        else:
            kept.append(line)
        index += 1
    return "\n".join(kept)


def copy_course(target: Path, *, engine: str, extra_nav: str = "") -> Path:
    """Copy the course's sources into `target` with the given engine; return its mkdocs.yml.

    `engine` is `quizbank` (the course as it is), `plain` (blocks deleted, no plugin) or
    `mkdocs-quiz` (blocks deleted, mkdocs-quiz instead of quizbank). `extra_nav` is appended
    to the nav, for pages a benchmark adds.
    """
    if target.exists():
        shutil.rmtree(target)
    shutil.copytree(ROOT / "docs", target / "docs")
    shutil.copytree(ROOT / "quizzes", target / "quizzes")
    shutil.copytree(ROOT / "hooks", target / "hooks")  # mkdocs.yml names the course's hook
    if engine != "quizbank":
        # The hook ends each track page with the engine's `/// track-done` block: not here.
        with (target / "hooks" / "track_pages.py").open("a", encoding="utf-8") as hook:
            hook.write("\n\ndef on_page_markdown(markdown, /, **kwargs):  # bench: no engine\n")
            hook.write("    return None\n")
    config = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    if not QUIZBANK_PLUGIN.search(config):
        raise RuntimeError(
            "mkdocs.yml no longer lists the plugin as bench/sites.py expects: "
            f"{QUIZBANK_PLUGIN.pattern!r}"
        )
    if engine != "quizbank":
        for page in (target / "docs").rglob("*.md"):
            page.write_text(strip_blocks(page.read_text(encoding="utf-8")), encoding="utf-8")
        replacement = "  - mkdocs_quiz\n" if engine == "mkdocs-quiz" else ""
        config = QUIZBANK_PLUGIN.sub(replacement, config, count=1)
    config = config.rstrip("\n") + "\n" + extra_nav
    (target / "mkdocs.yml").write_text(config, encoding="utf-8")
    return target / "mkdocs.yml"


def minimal_site(
    target: Path,
    *,
    engine: str,
    pages: dict[str, str],
    banks: dict[str, str],
    search: bool = True,
    lint: bool = True,
) -> Path:
    """Write a small Material site (the course's theme settings) and return its mkdocs.yml.

    `pages` maps a docs path to its Markdown, `banks` a bank file name to its YAML. `engine`
    is `quizbank`, `plain` or `mkdocs-quiz`; `search` false leaves out the search plugin, and
    `lint` false turns off the item-writing checks the build runs.
    """
    if target.exists():
        shutil.rmtree(target)
    (target / "docs").mkdir(parents=True)
    (target / "quizzes").mkdir()
    for name, text in pages.items():
        path = target / "docs" / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    for name, text in banks.items():
        (target / "quizzes" / name).write_text(text, encoding="utf-8")
    plugins = ("  - search\n" if search else "") + {
        "quizbank": "  - quizbank:\n      banks: quizzes\n"
        + ("" if lint else "      lint:\n        enabled: false\n"),
        "mkdocs-quiz": "  - mkdocs_quiz\n",
        "plain": "",
    }[engine]
    (target / "mkdocs.yml").write_text(
        "site_name: Benchmark\n"
        "site_url: http://127.0.0.1:8000/\n"
        "theme:\n  name: material\n  font: false\n  features:\n    - navigation.instant\n"
        f"plugins:{chr(10) + plugins if plugins else ' []' + chr(10)}"
        "markdown_extensions:\n  - admonition\n  - attr_list\n  - md_in_html\n"
        "  - tables\n  - pymdownx.details\n  - pymdownx.superfences\n",
        encoding="utf-8",
    )
    return target / "mkdocs.yml"
