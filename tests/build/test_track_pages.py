"""The course's track-page hook (hooks/track_pages.py), on the small fixture site."""

from __future__ import annotations

from pathlib import Path

import pytest
from bs4 import BeautifulSoup, Tag

from tests.conftest import FIXTURE_SITE, ROOT, build_site, copy_site


def with_hook(tmp_path: Path) -> Path:
    """Copy the fixture site and give it the course's hook, as mkdocs.yml does."""
    source = copy_site(FIXTURE_SITE, tmp_path / "src")
    config = source / "mkdocs.yml"
    config.write_text(config.read_text() + f"hooks:\n  - {ROOT / 'hooks' / 'track_pages.py'}\n")
    return source


def article(site: Path, page: str) -> Tag:
    soup = BeautifulSoup((site / page).read_text(encoding="utf-8"), "html.parser")
    found = soup.select_one("article")
    assert found is not None
    return found


@pytest.fixture(scope="module")
def hooked_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    tmp_path = tmp_path_factory.mktemp("hooked")
    return build_site(with_hook(tmp_path) / "mkdocs.yml", tmp_path / "site")


def test_a_track_page_has_its_header_and_links(hooked_site: Path) -> None:
    page = article(hooked_site, "tracks/01-one/index.html")
    header = page.select_one(".qb-track")
    assert header.find_previous_sibling("h1")
    assert [li.get_text() for li in header.select(".qb-track__facts li")] == ["Track 1 of 2"]
    assert header.select_one(".qb-track__skip a")["href"] == "#qb-quiz-sample"
    # Without a recording the page offers to read its key points aloud, under the header.
    assert header.find_next_sibling(class_="qb-listen")["data-qb-section"] == "key-points"
    assert not page.select(".qb-track__no-audio, audio")
    links = {a["rel"][0]: a.get_text() for a in page.select(".qb-track-nav a[rel]")}
    assert links == {"next": "Next track Track 2: The second track"}


def test_the_done_button_is_added_once(tmp_path: Path) -> None:
    source = with_hook(tmp_path)
    page = source / "docs" / "tracks" / "02-two.md"
    page.write_text(page.read_text().replace("/// track-done\n///\n", ""))
    site = build_site(source / "mkdocs.yml", tmp_path / "site")
    for name in ("01-one", "02-two"):
        buttons = article(site, f"tracks/{name}/index.html").select("[data-qb-action=track-done]")
        assert len(buttons) == 1


def test_audio_appears_when_the_recording_is_present(tmp_path: Path) -> None:
    source = with_hook(tmp_path)
    (source / "docs" / "audio").mkdir()
    (source / "docs" / "audio" / "track-01.mp3").write_bytes(b"ID3 not really audio")
    page = source / "docs" / "tracks" / "01-one.md"
    page.write_text(
        page.read_text().replace(
            "track: 1\n", 'track: 1\ndisc: 2\nrunning_time: "6:23"\nunits: [G3, L12]\n'
        )
    )
    site = build_site(source / "mkdocs.yml", tmp_path / "site")
    found = article(site, "tracks/01-one/index.html")
    audio = found.select_one("audio[controls]")
    assert audio is not None
    assert (site / "tracks/01-one" / audio["src"]).resolve().read_bytes().startswith(b"ID3")
    facts = [li.get_text() for li in found.select(".qb-track__facts li")]
    assert facts == [
        "Track 1 of 2",
        "Disc 2",
        "Running time 6:23",
        "NVQ units (historical) G3, L12",
    ]
    assert not found.select(".qb-listen")
