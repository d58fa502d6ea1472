"""A real `mkdocs build --strict` of the fixture course, read back with BeautifulSoup."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from bs4 import BeautifulSoup, Tag

from tests.conftest import FIXTURE_SITE, build_site


def soup_of(site: Path, page: str) -> BeautifulSoup:
    return BeautifulSoup((site / page).read_text(encoding="utf-8"), "html.parser")


def article(soup: BeautifulSoup) -> Tag:
    found = soup.select_one("article")
    assert found is not None
    return found


def test_every_control_has_a_label_and_every_question_a_legend(fixture_site: Path) -> None:
    soup = soup_of(fixture_site, "quiz/index.html")
    controls = article(soup).select("input, select, textarea")
    assert len(controls) >= 15
    for control in controls:  # inside its label, or named by one
        assert control.find_parent("label") or soup.find("label", attrs={"for": control["id"]})
    for fieldset in article(soup).select("fieldset"):
        assert fieldset.find("legend", recursive=False), fieldset["id"]


def test_answers_and_explanations_are_in_the_markup_for_readers_without_script(
    fixture_site: Path,
) -> None:
    soup = soup_of(fixture_site, "quiz/index.html")
    for question in article(soup).select("fieldset.qb-question"):
        details = question.select_one("details.qb-answer")
        assert details is not None
        assert details.summary.get_text() == "Answer and explanation"
        assert details.select_one(".qb-answer__key")
    single = article(soup).select_one("#qb-sample-single details.qb-answer")
    assert "GROW stands for Goal, Reality, Options and Will." in single.get_text()
    assert "Growth is a result of coaching" in single.get_text()


PAGES_WITH_BLOCKS = [
    "index.html",
    "quiz/index.html",
    "self/index.html",
    "tracks/01-one/index.html",
    "journal/index.html",
    "your-data/index.html",
]


@pytest.mark.parametrize("page", PAGES_WITH_BLOCKS)
def test_controls_that_need_script_are_hidden_in_the_markup(fixture_site: Path, page: str) -> None:
    controls = article(soup_of(fixture_site, page)).select("button, input[type=file]")
    assert controls or page == "index.html"
    for control in controls:
        assert control.find_parent(attrs={"hidden": True}) or control.has_attr("hidden"), control


@pytest.mark.parametrize(
    ("page", "block"),
    [
        ("index.html", ".qb-progress"),
        ("journal/index.html", ".qb-journal"),
        ("your-data/index.html", ".qb-data"),
    ],
)
def test_record_blocks_say_what_they_need_without_script(
    fixture_site: Path, page: str, block: str
) -> None:
    found = article(soup_of(fixture_site, page)).select_one(block)
    assert "needs JavaScript" in found.select_one(".qb-note").get_text()
    assert found.select_one(".qb-panel").has_attr("hidden")


def test_the_progress_block_counts_the_track_pages(fixture_site: Path) -> None:
    progress = article(soup_of(fixture_site, "index.html")).select_one(".qb-progress")
    assert progress["data-qb-tracks"] == "2"


@pytest.mark.parametrize("page", PAGES_WITH_BLOCKS)
def test_no_inline_script_or_style_from_our_code(fixture_site: Path, page: str) -> None:
    ours = soup_of(fixture_site, page)
    plain = soup_of(fixture_site, "plain/index.html")
    inline = [script.get_text() for script in ours.select("script:not([src])")]
    # Material's own inline scripts only (their paths depend on the page's depth).
    assert len(inline) == len(plain.select("script:not([src])"))
    assert not any("qb-" in text or "quizbank" in text for text in inline)
    assert not article(ours).select("[style], style, script")


def test_one_script_and_one_stylesheet_shared_and_named_by_content(fixture_site: Path) -> None:
    for page in ("index.html", "quiz/index.html", "tracks/01-one/index.html"):
        soup = soup_of(fixture_site, page)
        scripts = [s["src"] for s in soup.select("script[src]") if "quizbank" in s["src"]]
        sheets = [
            link["href"]
            for link in soup.select("link[rel=stylesheet]")
            if "quizbank" in link["href"]
        ]
        assert len(scripts) == 1
        assert len(sheets) == 1
        assert re.search(r"assets/quizbank/quizbank\.[0-9a-f]{10}\.js$", scripts[0])
        assert re.search(r"assets/quizbank/quizbank\.[0-9a-f]{10}\.css$", sheets[0])
        assert (fixture_site / page).parent.joinpath(scripts[0]).resolve().exists()


def test_a_page_without_a_quiz_carries_nothing_but_the_two_references(
    fixture_site: Path, tmp_path: Path
) -> None:
    without = build_site(
        FIXTURE_SITE / "mkdocs.yml",
        tmp_path / "without",
        plugins=["search", {"quizbank": {"enabled": False}}],
    )
    with_plugin = (fixture_site / "plain/index.html").read_text(encoding="utf-8")
    references = re.findall(
        r'\s*<(?:link|script)[^>]*quizbank\.[0-9a-f]{10}\.(?:css|js)"[^>]*>'
        r"(?:</script>)?",
        with_plugin,
    )
    assert len(references) == 2
    stripped = with_plugin
    for reference in references:
        stripped = stripped.replace(reference, "")

    def squash(html: str) -> str:
        return re.sub(r"\s+", " ", html)

    assert squash(stripped) == squash((without / "plain/index.html").read_text(encoding="utf-8"))


def test_quiz_syntax_inside_a_code_block_stays_code(fixture_site: Path) -> None:
    soup = soup_of(fixture_site, "plain/index.html")
    assert "/// quiz | sample" in article(soup).select_one("pre").get_text()
    assert not article(soup).select(".qb-quiz")


def test_questions_link_back_to_the_track_that_teaches_them(fixture_site: Path) -> None:
    soup = soup_of(fixture_site, "quiz/index.html")
    link = article(soup).select_one("#qb-sample-single .qb-answer__tags a")
    assert link.get_text() == "Track 1: The first track"
    assert (fixture_site / "quiz" / link["href"] / "index.html").resolve().exists()


def test_a_track_page_has_its_done_button(fixture_site: Path) -> None:
    soup = soup_of(fixture_site, "tracks/01-one/index.html")
    assert article(soup).select_one("button[data-qb-action=track-done]")["data-qb-track"] == "1"


def test_self_assessment_blocks_render_every_item(fixture_site: Path) -> None:
    soup = soup_of(fixture_site, "self/index.html")
    blocks = article(soup).select(".qb-self")
    assert [b["data-qb-bank"] for b in blocks] == ["where-are-you-now", "scored"]
    assert len(blocks[0].select("fieldset.qb-item")) == 23
    assert len(blocks[0].select(".qb-band")) == 3


@pytest.mark.parametrize("page", PAGES_WITH_BLOCKS)
def test_element_ids_are_unique(fixture_site: Path, page: str) -> None:
    ids = [element["id"] for element in soup_of(fixture_site, page).select("[id]")]
    assert len(ids) == len(set(ids))


def test_answer_keys_stay_out_of_the_search_index(fixture_site: Path) -> None:
    index = (fixture_site / "search" / "search_index.json").read_text(encoding="utf-8")
    assert "In the GROW model, what does" in index, "questions can be found"
    assert "GROW stands for Goal, Reality, Options and Will." not in index
    assert "Growth is a result of coaching" not in index
