"""The qualification map page, built by `mkdocs build --strict` in the fixture and real sites."""

from __future__ import annotations

from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from tests.conftest import ROOT, build_site

LMS_FIXTURE = ROOT / "tests" / "fixtures" / "lms"


@pytest.fixture(scope="module")
def lms_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_site(LMS_FIXTURE / "mkdocs.yml", tmp_path_factory.mktemp("lms") / "site")


def test_the_map_links_each_track_to_its_page_and_shows_the_gaps(lms_site: Path) -> None:
    page = lms_site / "map" / "index.html"
    soup = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
    tables = soup.select("article .qb-map table")
    assert len(tables) == 2
    links = tables[0].select("thead a")
    assert [(a.get_text(), a["title"]) for a in links] == [
        ("Track 1", "Track 1: The first track"),
        ("Track 2", "Track 2: The second track"),
    ]
    for link in links:
        assert (page.parent / link["href"] / "index.html").resolve().exists()
    rows = {
        row.th.get_text(" ", strip=True): [td.get_text(" ", strip=True) for td in row.select("td")]
        for row in tables[1].select("tbody tr")
    }
    assert rows["PQ3-2.1"][1] == "gap : no quiz question covers this outcome"
    assert "Gaps: units L16; outcomes PQ3-2.1" in soup.select_one(".qb-map__summary").get_text()


def test_the_real_course_has_its_map_for_tutors(real_site: Path) -> None:
    soup = BeautifulSoup(
        (real_site / "tutors" / "qualification-map" / "index.html").read_text(encoding="utf-8"),
        "html.parser",
    )
    assert soup.select_one("article .qb-map .qb-map__summary") is not None
    assert not soup.select("article .qb-error")
