"""The same course under Zensical, the successor to Material for MkDocs.

Zensical runs in its own virtual environment (.venv-zensical, made by `make zensical-venv`)
so its dependencies cannot disturb the site's pinned ones. It ignores MkDocs plugins: the
quiz blocks come from the quizbank Markdown extension alone, and the script and stylesheet
from `quizbank assets`. The course is copied to a temporary folder first, because Zensical
builds only inside the project folder and keeps a cache there.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from quizbank import model
from quizbank.assets import asset_content
from quizbank.catalog import load_catalog
from tests.build.test_privacy import is_elsewhere, loads_in_html
from tests.conftest import ROOT

VENV = Path(os.environ.get("ZENSICAL_VENV", ROOT / ".venv-zensical"))
ZENSICAL_VERSION = "0.0.73"
BLOCK = re.compile(r"^/// (quiz|self-assessment) \| ([\w-]+)", re.MULTILINE)
FENCE = re.compile(r"^(`{3,}|~{3,})")


def run(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        list(args),
        cwd=cwd,
        capture_output=True,
        text=True,
        check=False,
        env={**os.environ, "NO_COLOR": "1"},
    )


@pytest.fixture(scope="module")
def zensical_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Build the course with Zensical, as `make zensical` does, in a copy of the project."""
    zensical = VENV / "bin" / "zensical"
    if not zensical.exists():
        pytest.fail(
            f"No Zensical: {zensical} is missing. Run 'make zensical-venv' (make test "
            "does), or set ZENSICAL_VENV to a virtual environment with "
            "requirements/zensical.txt and quizbank installed.",
            pytrace=False,
        )
    project = tmp_path_factory.mktemp("zensical") / "course"
    project.mkdir()
    for name in ("mkdocs.yml", "mkdocs.zensical.yml"):
        shutil.copy(ROOT / name, project / name)
    for name in ("docs", "quizzes"):
        shutil.copytree(ROOT / name, project / name)
    assets = run(
        str(VENV / "bin" / "python"), "-m", "quizbank", "assets", "build/zensical", cwd=project
    )
    assert assets.returncode == 0, assets.stdout + assets.stderr
    built = run(str(zensical), "build", "--clean", "-f", "mkdocs.zensical.yml", cwd=project)
    output = built.stdout + built.stderr
    assert built.returncode == 0, output
    assert "Traceback" not in output
    return project / "site-zensical"


def blocks_in_source() -> dict[str, list[tuple[str, str]]]:
    """Return the quiz and self-assessment blocks of each page, outside code fences."""
    found = {}
    for page in sorted((ROOT / "docs").rglob("*.md")):
        fence, kept = None, []
        for line in page.read_text(encoding="utf-8").splitlines():
            opened = FENCE.match(line)
            if fence is None and opened:
                fence = opened.group(1)
            elif fence is not None and line.strip().startswith(fence):
                fence = None
            elif fence is None:
                kept.append(line)
        blocks = BLOCK.findall("\n".join(kept))
        if blocks:
            source = page.relative_to(ROOT / "docs").with_suffix("")
            folder = source.parent if source.name == "index" else source
            found[(folder / "index.html").as_posix()] = blocks
    return found


def test_the_pinned_zensical_is_the_one_tested() -> None:
    pins = (ROOT / "requirements" / "zensical.txt").read_text(encoding="utf-8")
    assert f"zensical=={ZENSICAL_VERSION}\n" in pins
    version = run(str(VENV / "bin" / "zensical"), "--version", cwd=ROOT)
    assert ZENSICAL_VERSION in version.stdout, version.stdout + version.stderr


def test_every_quiz_and_self_assessment_is_rendered(zensical_site: Path) -> None:
    catalog = load_catalog([ROOT / "quizzes"])
    pages = blocks_in_source()
    assert len(pages) >= 20
    for page, blocks in pages.items():
        soup = BeautifulSoup((zensical_site / page).read_text(encoding="utf-8"), "html.parser")
        article = soup.select_one("article")
        assert article is not None, page
        assert "///" not in article.get_text(), page
        for kind, bank_id in blocks:
            bank = catalog.banks[bank_id]
            if kind == "quiz":
                assert isinstance(bank, model.QuizBank)
                block = article.select_one(f".qb-quiz[data-qb-bank='{bank_id}']")
                assert block is not None, (page, bank_id)
                assert block.select("fieldset.qb-question"), (page, bank_id)
            else:
                assert isinstance(bank, model.SelfAssessmentBank)
                block = article.select_one(f".qb-self[data-qb-bank='{bank_id}']")
                assert block is not None, (page, bank_id)
                assert len(block.select("fieldset.qb-item")) == len(bank.items())
        for control in article.select(".qb-quiz input, .qb-quiz select, .qb-self input"):
            assert control.find_parent("label") or article.find(
                "label", attrs={"for": control["id"]}
            ), (page, control)
        for fieldset in article.select(".qb-quiz fieldset, .qb-self fieldset"):
            assert fieldset.find("legend", recursive=False), (page, fieldset.get("id"))


def test_the_script_and_stylesheet_are_referenced_and_published(zensical_site: Path) -> None:
    for name in ("quizbank.js", "quizbank.css"):
        published = zensical_site / "assets" / "quizbank" / name
        assert published.read_text(encoding="utf-8") == asset_content(name)
    for page in ("index.html", "practice/grow-model/index.html", "self-assessment/index.html"):
        soup = BeautifulSoup((zensical_site / page).read_text(encoding="utf-8"), "html.parser")
        scripts = [s["src"] for s in soup.select("script[src]") if "quizbank" in s["src"]]
        sheets = [s["href"] for s in soup.select("link[rel=stylesheet]") if "quizbank" in s["href"]]
        assert len(scripts) == 1, page
        assert len(sheets) == 1, page
        for reference in scripts + sheets:
            assert (zensical_site / page).parent.joinpath(reference).resolve().is_file()


def test_the_zensical_pages_load_nothing_from_another_host(zensical_site: Path) -> None:
    for page in zensical_site.rglob("*.html"):
        outside = [
            url for url in loads_in_html(page.read_text(encoding="utf-8")) if is_elsewhere(url)
        ]
        assert outside == [], page
