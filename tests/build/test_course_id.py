"""The course's id: declared by the plugin's `course_id` (or taken from `site_name`), carried
by the data page alone, and the same in every build of the course (site, file share, Zensical),
so a learner's exported file moves between them."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from bs4 import BeautifulSoup

from tests.build.test_broken_sites import mkdocs_build
from tests.build.test_offline_config import plugins_of
from tests.conftest import FIXTURE_SITE, ROOT, build_site, copy_site


def carriers(site: Path) -> dict[str, list[str]]:
    """Return each built page that carries a course id, with the ids it carries."""
    found = {}
    for page in sorted(site.rglob("*.html")):
        soup = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
        ids = [tag["data-qb-course"] for tag in soup.select("[data-qb-course]")]
        if ids:
            found[page.relative_to(site).as_posix()] = ids
    return found


def test_the_id_comes_from_the_site_name_and_only_the_data_page_carries_it(
    fixture_site: Path,
) -> None:
    assert carriers(fixture_site) == {"your-data/index.html": ["fixture-course"]}


def test_a_declared_id_is_the_one_the_data_page_carries(tmp_path: Path) -> None:
    site = build_site(
        FIXTURE_SITE / "mkdocs.yml",
        tmp_path / "site",
        plugins=["search", {"quizbank": {"course_id": "my-course-2"}}],
    )
    assert carriers(site) == {"your-data/index.html": ["my-course-2"]}


@pytest.mark.parametrize("value", ["My Course", "my_course", "-course", "a--b", "x" * 65, "'"])
def test_a_bad_id_is_one_clear_line(tmp_path: Path, value: str) -> None:
    site = copy_site(FIXTURE_SITE, tmp_path / "src")
    config = site / "mkdocs.yml"
    config.write_text(
        config.read_text(encoding="utf-8").replace(
            "  - quizbank\n",
            f"  - quizbank:\n      course_id: {yaml.safe_dump(value).split(chr(10))[0]}\n",
        ),
        encoding="utf-8",
    )
    result = mkdocs_build(site)
    output = result.stdout + result.stderr
    assert result.returncode != 0
    assert f"mkdocs.yml:29:7: {value!r} should be lower-case letters, digits and single" in output


def test_every_build_of_the_course_declares_the_same_id() -> None:
    site = plugins_of("mkdocs.yml")["quizbank"]["course_id"]
    assert site
    assert plugins_of("mkdocs.offline.yml")["quizbank"]["course_id"] == site
    assert plugins_of("mkdocs.scorm.yml")["quizbank"]["course_id"] == site
    zensical = yaml.safe_load((ROOT / "mkdocs.zensical.yml").read_text(encoding="utf-8"))
    extensions = [
        entry["quizbank.markdown"]
        for entry in zensical["markdown_extensions"]
        if isinstance(entry, dict) and "quizbank.markdown" in entry
    ]
    assert extensions == [{"banks": "quizzes", "course_id": site}]
