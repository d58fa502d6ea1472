"""The Markdown extension: blocks render, and every mistake in a page is reported by line."""

from __future__ import annotations

from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from markdown import Markdown

from quizbank.catalog import Catalog, load_catalog
from quizbank.markdown import QuizbankExtension
from quizbank.render import RenderContext

BANKS = Path(__file__).parents[1] / "fixtures" / "site" / "quizzes"


@pytest.fixture(scope="module")
def catalog() -> Catalog:
    loaded = load_catalog([BANKS])
    assert loaded.problems == []
    return loaded


def convert(text: str, catalog: Catalog) -> tuple[str, list[tuple[int, str]]]:
    """Convert Markdown with the extension; return the HTML and the problems by line."""
    problems: list[tuple[int, str]] = []
    extension = QuizbankExtension(catalog=catalog)
    extension.start_page(
        "", RenderContext(), lambda line, message: problems.append((line, message))
    )
    html = Markdown(extensions=["admonition", "pymdownx.superfences", extension]).convert(text)
    return html, problems


def test_a_quiz_block_renders_the_bank(catalog: Catalog) -> None:
    html, problems = convert("Intro.\n\n/// quiz | sample\n///\n\nAfter.", catalog)
    assert problems == []
    soup = BeautifulSoup(html, "html.parser")
    assert len(soup.select(".qb-quiz fieldset.qb-question")) == 6
    assert [p.get_text() for p in soup.find_all("p", recursive=False)] == ["Intro.", "After."]


def test_options_choose_questions(catalog: Catalog) -> None:
    html, problems = convert(
        "/// quiz | sample\nquestions: [sample-ordering, sample-single]\n"
        "shuffle: true\nintro: false\n///\n",
        catalog,
    )
    assert problems == []
    soup = BeautifulSoup(html, "html.parser")
    assert [f["data-qb-question"] for f in soup.select("fieldset")] == [
        "sample-ordering",
        "sample-single",
    ]
    assert soup.select_one(".qb-quiz")["data-qb-shuffle"] == "true"
    assert not soup.select(".qb-quiz__intro")


def test_a_self_assessment_block(catalog: Catalog) -> None:
    html, problems = convert("/// self-assessment | scored\n///\n", catalog)
    assert problems == []
    assert BeautifulSoup(html, "html.parser").select_one(".qb-self")["data-qb-rule"] == "total"


def test_blocks_inside_code_fences_are_left_as_code(catalog: Catalog) -> None:
    text = "```markdown\n/// quiz | no-such-bank\n///\n```\n\n~~~~\n/// quiz | x\n~~~~\n"
    html, problems = convert(text, catalog)
    assert problems == []
    assert "/// quiz | no-such-bank" in BeautifulSoup(html, "html.parser").get_text()
    assert "qb-quiz" not in html


def test_a_block_indented_inside_an_admonition(catalog: Catalog) -> None:
    html, problems = convert(
        '!!! note "Try it"\n\n    /// quiz | sample\n    questions: [sample-single]\n    ///\n',
        catalog,
    )
    assert problems == []
    soup = BeautifulSoup(html, "html.parser")
    assert soup.select_one(".admonition .qb-quiz fieldset")["data-qb-question"] == "sample-single"


@pytest.mark.parametrize(
    ("text", "line", "message"),
    [
        (
            "# Title\n\n/// quiz | nope\n///\n",
            3,
            "no bank has id 'nope' Banks are: sample, scored, typed, where-are-you-now",
        ),
        (
            "\n/// quiz | sampel\n///\n",
            2,
            "no bank has id 'sampel'; did you mean 'sample'? Banks are: sample, scored, "
            "typed, where-are-you-now",
        ),
        (
            "/// quiz | sample\nquestions: [sample-single, sample-singel]\n///\n",
            1,
            "question 'sample-singel' is not in bank 'sample'; did you mean 'sample-single'?",
        ),
        (
            "/// quiz | sample\nshufle: true\n///\n",
            1,
            "unknown option 'shufle' (did you mean 'shuffle'?); options are: questions, track, "
            "shuffle, intro, draw",
        ),
        (
            "/// quiz | sample\nshuffle: yes please\n///\n",
            1,
            "'shuffle' should be true or false, found 'yes please'",
        ),
        (
            "/// quiz | sample\ntrack: 9\n///\n",
            1,
            "no question in bank 'sample' is tagged with track 9",
        ),
        ("/// quiz\n///\n", 1, "'/// quiz' needs a bank id: write '/// quiz | <bank-id>'"),
        (
            "/// quiz | sample\n\nmore text\n",
            1,
            "'/// quiz' is never closed: end the block with a line '///'",
        ),
        (
            "/// quizz | sample\n///\n",
            1,
            "unknown block '/// quizz'; did you mean '/// quiz'? Blocks are: quiz, self-assessment, "
            "reflection, track-done, progress, review, record, journal, your-data, qualification-map, listen",
        ),
        (
            "/// quiz | scored\n///\n",
            1,
            "bank 'scored' is a self-assessment; write '/// self-assessment | scored'",
        ),
        (
            "/// self-assessment | sample\n///\n",
            1,
            "bank 'sample' is a quiz; write '/// quiz | sample'",
        ),
        (
            "/// quiz | sample\n- a list\n///\n",
            1,
            "the block's options should be 'key: value' lines, such as 'intro: false'",
        ),
        (
            "/// reflection | t01-x\n///\n",
            1,
            "the reflection has no prompt: write the question between '/// reflection | t01-x' "
            "and '///'",
        ),
        (
            "/// reflection | Bad Id\nWhy?\n///\n",
            1,
            "reflection id 'Bad Id' should be lower-case letters, digits and single hyphens, at "
            "most 64 characters, such as 't03-commitment'",
        ),
    ],
)
def test_page_problems_are_reported_with_their_line(
    catalog: Catalog, text: str, line: int, message: str
) -> None:
    html, problems = convert(text, catalog)
    assert problems == [(line, message)]
    soup = BeautifulSoup(html, "html.parser")
    assert soup.select_one(".qb-error"), "a visible notice takes the block's place"
    assert "///" not in soup.get_text().replace("'///'", "").split("could not be shown")[0]


def test_an_unclosed_block_leaves_the_rest_of_the_page_alone(catalog: Catalog) -> None:
    html, problems = convert("/// quiz | sample\n\nThe rest of the page.\n", catalog)
    assert len(problems) == 1
    assert "The rest of the page." in BeautifulSoup(html, "html.parser").get_text()


def test_every_problem_in_a_page_is_reported(catalog: Catalog) -> None:
    text = "/// quiz | nope\n///\n\ntext\n\n/// quiz | sample\nshufle: true\n///\n"
    _, problems = convert(text, catalog)
    assert [line for line, _ in problems] == [1, 6]


def test_a_question_appears_once_a_page(catalog: Catalog) -> None:
    _, problems = convert(
        "/// quiz | sample\n///\n\n/// quiz | sample\nquestions: [sample-single]\n///\n", catalog
    )
    assert problems == [
        (
            4,
            "question 'sample-single' is already on this page (line 1); a "
            "question can appear once a page",
        )
    ]


def test_reflection_ids_are_unique_across_pages(catalog: Catalog) -> None:
    problems: list[tuple[int, str]] = []
    extension = QuizbankExtension(catalog=catalog)
    extension.start_page(
        "", RenderContext(), lambda line, message: problems.append((line, message))
    )
    for page in ("docs/one.md", "docs/two.md"):
        extension.start_page(
            page, RenderContext(), lambda line, message: problems.append((line, message))
        )
        Markdown(extensions=[extension]).convert("/// reflection | t01-same\nWhy?\n///\n")
    assert problems == [
        (
            1,
            "reflection id 't01-same' is already used on docs/one.md; each "
            "reflection needs its own id, because saved answers key on it",
        )
    ]


def test_without_a_catalog_the_extension_reads_the_banks_folder(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.chdir(BANKS.parent)
    html = Markdown(extensions=["quizbank"]).convert("/// quiz | sample\n///\n")
    assert "qb-quiz" in html
