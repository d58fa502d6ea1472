"""The qualification map: coverage worked out from tags, and gaps shown in words."""

from __future__ import annotations

from pathlib import Path

import pytest
from bs4 import BeautifulSoup, Tag
from markdown import Markdown

from quizbank.catalog import Catalog, load_catalog
from quizbank.coverage import compute_coverage
from quizbank.markdown import QuizbankExtension
from quizbank.render import RenderContext
from quizbank.render_coverage import render_qualification_map

BANKS = Path(__file__).parents[1] / "fixtures" / "lms" / "quizzes"


@pytest.fixture(scope="module")
def catalog() -> Catalog:
    loaded = load_catalog([BANKS])
    assert loaded.problems == []
    return loaded


def _rows(html: str, caption: str) -> dict[str, list[str]]:
    """Return a table's body rows by their header's code, as the text of each cell."""
    soup = BeautifulSoup(html, "html.parser")
    table = next(t for t in soup.select("table") if caption in t.caption.get_text())
    rows: dict[str, list[str]] = {}
    for row in table.select("tbody tr"):
        code = row.select_one(".qb-map__code")
        assert isinstance(code, Tag)
        rows[code.get_text()] = [cell.get_text(" ", strip=True) for cell in row.select("td")]
    return rows


def test_units_are_counted_by_track_and_statements_apart(catalog: Catalog) -> None:
    coverage = compute_coverage(catalog)
    assert coverage.tracks == [1, 2]
    assert coverage.per_track == {1: 4, 2: 3}
    assert coverage.untracked == 3
    units = {unit.id: unit for unit in coverage.units}
    assert list(units) == ["G3", "L12", "L16"]
    assert units["G3"].by_track == {1: 3, None: 1}
    assert units["G3"].statements == 1
    assert units["L12"].by_track == {1: 1, 2: 1}
    assert units["L16"].total == 0
    assert coverage.unit_gaps == ["L16"]


def test_an_outcome_nothing_covers_is_a_gap_and_a_group_is_not(catalog: Catalog) -> None:
    coverage = compute_coverage(catalog)
    rows = {row.id: row for row in coverage.outcomes}
    assert rows["PQ3-1"].is_group
    assert [entry.id for entry in rows["PQ3-1"].questions] == ["et-true-false"]
    assert [entry.id for entry in rows["PQ3-1.1"].questions] == ["et-single"]
    assert rows["PQ3-2.1"].questions == []
    assert coverage.outcome_gaps == ["PQ3-2.1"]


def test_a_track_page_with_no_questions_is_a_gap(catalog: Catalog) -> None:
    coverage = compute_coverage(catalog, tracks=[1, 2, 3])
    assert coverage.tracks == [1, 2, 3]
    assert coverage.per_track[3] == 0
    html = render_qualification_map(coverage, RenderContext())
    summary = BeautifulSoup(html, "html.parser").select_one(".qb-map__summary").get_text()
    assert "tracks with no questions: 3" in summary


def test_gaps_are_marked_in_words(catalog: Catalog) -> None:
    html = render_qualification_map(compute_coverage(catalog), RenderContext())
    units = _rows(html, "Units by track")
    assert units["G3"] == ["3", "gap", "1", "4", "1"]
    assert units["L16"] == ["gap", "gap", "0", "gap", "0"]
    outcomes = _rows(html, "Outcomes")
    assert outcomes["PQ3-2.1"] == [
        "An outcome no question covers, on purpose",
        "gap : no quiz question covers this outcome",
    ]
    assert outcomes["PQ3-1.1"] == [
        "Tell mentoring from coaching",
        "1 (track 1): every-type : et-single",
    ]
    summary = BeautifulSoup(html, "html.parser").select_one(".qb-map__summary").get_text()
    assert summary == (
        "Quiz questions cover 2 of 3 units and 1 of 2 outcomes. Gaps: units L16; "
        "outcomes PQ3-2.1; 3 unit-and-track cells with no question."
    )
    soup = BeautifulSoup(html, "html.parser")
    for cell in soup.select(".qb-map__gap"):
        assert "gap" in cell.get_text()


def test_track_columns_link_to_their_pages(catalog: Catalog) -> None:
    context = RenderContext(track_link=lambda n: (f"../tracks/{n:02d}/", f"Track {n}: T{n}"))
    html = render_qualification_map(compute_coverage(catalog), context)
    links = BeautifulSoup(html, "html.parser").select("thead a")
    assert [(a["href"], a.get_text()) for a in links] == [
        ("../tracks/01/", "Track 1"),
        ("../tracks/02/", "Track 2"),
    ]


def test_bank_text_in_titles_is_escaped(tmp_path: Path) -> None:
    (tmp_path / "_qualifications.yml").write_text(
        "format: 1\nunits:\n  - id: U1\n    title: '<script>x</script> **bold**'\n"
    )
    (tmp_path / "bank.yml").write_text(
        "format: 1\nkind: quiz\nid: b\ntitle: B\nquestions:\n"
        "  - {id: q, type: true-false, text: t, answer: true, units: [U1]}\n"
    )
    catalog = load_catalog([tmp_path])
    assert catalog.problems == []
    html = render_qualification_map(compute_coverage(catalog), RenderContext())
    assert "<script>" not in html
    assert "&lt;script&gt;x&lt;/script&gt; <strong>bold</strong>" in html


def convert(text: str, catalog: Catalog) -> tuple[str, list[tuple[int, str]]]:
    problems: list[tuple[int, str]] = []
    extension = QuizbankExtension(catalog=catalog)
    extension.start_page(
        "", RenderContext(), lambda line, message: problems.append((line, message))
    )
    return Markdown(extensions=[extension]).convert(text), problems


def test_the_block_renders_the_map(catalog: Catalog) -> None:
    html, problems = convert("# Map\n\n/// qualification-map\n///\n\nAfter.", catalog)
    assert problems == []
    soup = BeautifulSoup(html, "html.parser")
    assert len(soup.select(".qb-map table")) == 2
    assert soup.find_all("p")[-1].get_text() == "After."


@pytest.mark.parametrize(
    ("text", "message"),
    [
        (
            "/// qualification-map | every-type\n///\n",
            "'/// qualification-map' takes no argument: write '/// qualification-map' alone",
        ),
        (
            "/// qualification-map\ntrack: 1\n///\n",
            "'/// qualification-map' takes no options: leave nothing between '/// qualification-map' "
            "and '///'",
        ),
        (
            "/// qualification-map\n\nText.\n",
            "'/// qualification-map' is never closed: end the block with a line '///'",
        ),
        (
            "/// qualification_map\n///\n",
            "unknown block '/// qualification_map'; did you mean "
            "'/// qualification-map'? Blocks are: quiz, self-assessment, "
            "reflection, track-done, progress, review, record, journal, your-data, "
            "qualification-map, listen",
        ),
    ],
)
def test_mistakes_in_the_block_are_reported_by_line(
    catalog: Catalog, text: str, message: str
) -> None:
    html, problems = convert("Intro.\n\n" + text, catalog)
    assert (3, message) in problems
    assert "could not be shown" in html
    assert "qualification" not in BeautifulSoup(html, "html.parser").find("p").get_text()


def test_a_unit_a_track_does_not_declare_is_not_a_gap_there(catalog: Catalog) -> None:
    undeclared = compute_coverage(catalog, tracks=[1, 2])
    declared = compute_coverage(catalog, tracks=[1, 2], track_units=[(1, ["G3"]), (2, ["G3"])])
    assert declared.cell_gaps() < undeclared.cell_gaps()
    assert not declared.expects("L12", 1)
    assert declared.expects("G3", 1)
    assert compute_coverage(catalog, tracks=[1], track_units=[(1, [])]).expects("L12", 1)
    html = render_qualification_map(declared, RenderContext())
    rows = _rows(html, "Units by track")
    assert rows["L12"][:2] == ["1", "1"], "questions a track does not declare still count"
    assert rows["L16"][:2] == ["– not part of this track", "– not part of this track"]
    assert rows["G3"][1] == "gap", "a unit the track declares with no question is a gap"
