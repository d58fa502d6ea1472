"""Bank text to HTML: the shortcut for plain paragraphs renders exactly what Markdown would."""

from __future__ import annotations

import random
from pathlib import Path

import pytest

from quizbank import model, text
from quizbank.catalog import load_catalog

REPO = Path(__file__).parents[2]


def markdown(source: str) -> str:
    """Render with the converter itself, never the shortcut."""
    text._MARKDOWN.reset()
    return text._MARKDOWN.convert(source)


def bank_texts() -> list[str]:
    """Every piece of text in the course's banks and the fixture banks."""
    catalog = load_catalog([REPO / "quizzes", REPO / "tests" / "fixtures" / "site" / "quizzes"])
    found: list[str] = []
    for bank in catalog.banks.values():
        found += [value for value in _strings(bank.model_dump()) if value.strip()]
    assert isinstance(catalog.banks["where-are-you-now"], model.SelfAssessmentBank)
    return found


def _strings(value: object) -> list[str]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        return [s for item in value.values() for s in _strings(item)]
    if isinstance(value, list):
        return [s for item in value for s in _strings(item)]
    return []


def test_every_bank_text_renders_as_markdown_renders_it() -> None:
    texts = bank_texts()
    assert sum("\n" in t for t in texts) > 100  # the shortcut is exercised
    for source in texts:
        assert text.to_html(source) == markdown(source), source


@pytest.mark.parametrize(
    "source",
    [
        "First line\nsecond line",
        "One paragraph.\n\nAnother one,\nover two lines.",
        "Three\n\n\n\nblank lines",
        "A title\n===",
        "A title\n---",
        "Above a rule\n-- --\nbelow",
        "Two spaces make a break  \nhere",
        "Non-breaking\n\u00a0space first",
        "A tab\tinside\nand more",
        "1999. A year\nthat starts a line",
        "Ends with a colon:\n- a list",
        "Quote\n> this",
        "An ampersand & co\nnext",
    ],
)
def test_awkward_texts_render_as_markdown_renders_them(source: str) -> None:
    assert text.to_html(source) == markdown(source)


def test_random_texts_render_as_markdown_renders_them() -> None:
    pieces = [
        *"abc xyz XYZ.,;:'\"()?/-+=0123456789\n\n é—…%$@^{}",
        "1.",
        "2)",
        "-x",
        "+y",
        "=z",
        "==",
        "--",
        "\n-",
        "\n=",
        "\n1.",
        "\n+",
        "\n2)",
        "--\n",
        "==\n",
        "-- --\n",
        "1.5 ",
        "http://x.org/a?b=c ",
        "a@b.c",
        "  \n",
        "\u00a0",
        "\u2028",
        "\t",
        "*",
    ]
    rng = random.Random(2024)
    shortcut = 0
    while shortcut < 600:  # texts the shortcut renders; the others go through Markdown
        source = "".join(rng.choice(pieces) for _ in range(rng.randint(2, 40))).strip()
        if "\n" not in source:
            continue
        shortcut += not text._PLAIN_LINES.search(source)
        assert text.to_html(source) == markdown(source), repr(source)


@pytest.mark.parametrize(
    "source",
    [
        "Think about **rapport** in *your own*\nworkplace, and about the people there.",
        "(See `step-3` in the\n[guide](https://example.org/guide/3).)",
        "Keep the learner in charge.\n\nRemember the *three* stages: **agree**, **act**, **review**.",
        "a*b*c and a**b**c",
        "**a** *b* `c` [d](e)",
        "*a *b* c*",
        "**a*b**",
        "* not a list",
        "5 * 3 = 15",
        "*a\nb*",
        "` code `",
        "`a` `` b ``",
        "[text](javascript:alert(1))",
        "[text](https://x.org/a(b))",
        "[a [b] c](d)",
        "[text]",
        "**bold** and ***both***",
        "*em*.\n\n**strong**!",
        "x [a](b) y [c](d 'title')",
        "Ends with a star*",
    ],
)
def test_emphasis_code_and_links_render_as_markdown_renders_them(source: str) -> None:
    assert text.to_html(source) == markdown(source)


def test_random_inline_markdown_renders_as_markdown_renders_it() -> None:
    pieces = [
        *"abc xyz XYZ.,;:'\"()?/-+=0123456789\n\n é—…%$@^{}",
        "*",
        "**",
        "***",
        "`",
        "[",
        "]",
        "(",
        ")",
        "*word*",
        "**two words**",
        "`code`",
        "`co de`",
        "[label](https://example.org/x)",
        "[label](/page/)",
        "[label](mailto:a@b.c)",
        "[label](javascript:x)",
        "](",
        " *",
        "* ",
        "\n* ",
        "\n1. ",
        "  \n",
    ]
    rng = random.Random(16)
    simple = 0
    for _ in range(6000):
        source = "".join(rng.choice(pieces) for _ in range(rng.randint(1, 30))).strip()
        if not source:
            continue
        if not text._SIMPLE_INLINE.search(source):
            simple += text._simple_inline(source) is not None
        assert text.to_html(source) == markdown(source), repr(source)
    assert simple > 300  # the shortcut is exercised
