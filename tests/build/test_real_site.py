"""The real course, built with `mkdocs build --strict` and read back with BeautifulSoup."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from bs4 import BeautifulSoup, Tag

from quizbank import model
from quizbank.catalog import load_catalog
from quizbank.types import QUESTION_TYPES
from quizbank.types.choice import MultipleResponse, SingleChoice
from quizbank.types.true_false import TrueFalse
from tests.conftest import ROOT

TRACKS = [  # number, title, disc, running time, units: as the audio course lists them
    (1, "Introduction", 1, "6:23", "G3, L12, L14, L15, L16"),
    (2, "Coaching or mentoring?", 1, "12:20", "L12, L14, L15, L16"),
    (3, "Developing a learning relationship", 1, "11:28", "G3, L12, L14, L15, L16"),
    (4, "Interpersonal skills", 1, "16:16", "G3, L12, L14, L15, L16"),
    (5, "Engaging the learner", 1, "14:56", "G3, L12, L14, L15, L16"),
    (6, "Coaching", 2, "11:28", "G3, L12"),
    (7, "Mentoring", 2, "12:23", "G3, L14"),
    (8, "Providing advice and support", 2, "10:27", "G3, L15"),
    (9, "Monitoring and review", 2, "12:40", "G3, L16"),
    (10, "Self evaluation and development", 2, "13:45", "G3"),
]


def track_dir(number: int) -> str:
    return next(p.stem for p in (ROOT / "docs" / "tracks").glob(f"{number:02d}-*.md"))


def article(site: Path, page: str) -> Tag:
    soup = BeautifulSoup((site / page).read_text(encoding="utf-8"), "html.parser")
    found = soup.select_one("article")
    assert found is not None
    return found


@pytest.mark.parametrize(("number", "title", "disc", "running", "units"), TRACKS)
def test_each_track_page_has_what_a_learner_needs(
    real_site: Path, number: int, title: str, disc: int, running: str, units: str
) -> None:
    page = article(real_site, f"tracks/{track_dir(number)}/index.html")
    assert page.h1.get_text(strip=True).rstrip("¶") == title
    facts = [li.get_text() for li in page.select(".qb-track__facts li")]
    assert facts == [
        f"Track {number} of 10",
        f"Disc {disc}",
        f"Running time {running}",
        f"NVQ units (historical) {units}",
    ]
    # No recording: the key points are read aloud instead, and the quiz is a skip away.
    listen = page.select_one(".qb-listen")
    assert listen["data-qb-section"] == "key-points"
    assert page.select_one("#key-points").name == "h2"
    assert "not included" not in page.get_text()
    skip = page.select_one(".qb-track__skip a")
    assert page.select_one(skip["href"]).get("class") == ["qb-quiz"]
    headings = [h.get_text(strip=True).rstrip("¶") for h in page.select("h2")]
    assert "Key points" in headings
    assert len(page.select(".qb-reflection textarea")) >= 2
    assert 4 <= len(page.select(".qb-quiz fieldset.qb-question")) <= 10
    links = {a["rel"][0]: a.get_text() for a in page.select(".qb-track-nav a[rel]")}
    if number > 1:
        assert links["prev"].endswith(f"Track {number - 1}: {TRACKS[number - 2][1]}")
    if number < 10:
        assert links["next"].endswith(f"Track {number + 1}: {TRACKS[number][1]}")
    assert set(links) == (
        {"prev"} if number == 10 else {"next"} if number == 1 else {"prev", "next"}
    )


def test_the_home_page_lists_every_track_with_its_running_time(real_site: Path) -> None:
    rows = article(real_site, "index.html").select("table tr")[1:]
    listed = [
        (
            int(r.select("td")[0].get_text()),
            r.select("td")[1].get_text(),
            r.select("td")[2].get_text(),
        )
        for r in rows
    ]
    assert listed == [(number, title, running) for number, title, _, running, _ in TRACKS]
    hrefs = [r.select_one("a")["href"] for r in rows]
    assert all((real_site / href / "index.html").exists() for href in hrefs)


def test_where_are_you_now_has_its_skills_qualities_and_three_bands(real_site: Path) -> None:
    block = article(real_site, "self-assessment/index.html").select_one(".qb-self")
    sections = block.select("fieldset.qb-section")
    assert [len(s.select("fieldset.qb-item")) for s in sections] == [15, 8]
    assert [s.legend.get_text() for s in sections] == ["Do you …", "Are you …"]
    assert [b["data-qb-when"] for b in block.select(".qb-band")] == [
        "usually",
        "sometimes",
        "rarely",
    ]
    labels = {label.get_text() for label in block.select(".qb-scale__label")}
    assert labels == {"Usually", "Sometimes", "Rarely"}


def test_no_page_shows_block_syntax_or_carries_inline_script_or_style(real_site: Path) -> None:
    for html in real_site.rglob("*.html"):
        if html.name == "404.html":
            continue
        page = article(real_site, str(html.relative_to(real_site)))
        text = page.get_text()
        assert not re.search(r"^\s*///", text, re.MULTILINE) or page.select("pre, code"), html
        assert not page.select("script, style, [style]"), html
        assert not page.select(".qb-error"), html


def test_the_banks_hold_enough_questions_and_cover_every_proqual_criterion() -> None:
    catalog = load_catalog([ROOT / "quizzes"])
    assert catalog.problems == []
    quizzes = [b for b in catalog.banks.values() if isinstance(b, model.QuizBank)]
    assert len(catalog.banks) >= 10
    assert sum(len(b.questions) for b in quizzes) >= 150
    assert {q.type for b in quizzes for q in b.questions} == set(QUESTION_TYPES)
    assert catalog.qualifications is not None
    covered = {o for b in quizzes for q in b.questions for o in q.outcomes}
    wanted = {o.id for o in catalog.qualifications.outcomes}
    assert wanted - covered == set()
    assert all(q.track is not None and q.units for b in quizzes for q in b.questions)


def test_every_wrong_option_says_why() -> None:
    catalog = load_catalog([ROOT / "quizzes"])
    missing = []
    for bank in catalog.banks.values():
        if not isinstance(bank, model.QuizBank):
            continue
        for question in bank.questions:
            if isinstance(question, SingleChoice | MultipleResponse):
                right = set(question.correct_indices())
                missing += [
                    f"{question.id}: option {i + 1}"
                    for i, option in enumerate(question.option_list())
                    if i not in right and not option.feedback
                ]
            elif isinstance(question, TrueFalse):
                wrong = question.false_feedback if question.answer else question.true_feedback
                if not wrong:
                    missing.append(f"{question.id}: the wrong answer")
    assert missing == []
