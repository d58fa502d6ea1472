"""The benchmark's copies of the course are valid sites: the comparison builds must not fail on a
mkdocs.yml the course has changed since (nothing is timed here)."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from bench.sites import copy_course


class _Loader(yaml.SafeLoader):
    """Reads mkdocs.yml's own tags (`!ENV`) as plain values."""


_Loader.add_constructor("!ENV", lambda loader, node: None)


@pytest.mark.parametrize(
    ("engine", "plugin"),
    [("quizbank", "quizbank"), ("plain", None), ("mkdocs-quiz", "mkdocs_quiz")],
)
def test_each_copy_of_the_course_has_a_readable_config_with_its_engine(
    tmp_path: Path, engine: str, plugin: str | None
) -> None:
    config = yaml.load(copy_course(tmp_path / engine, engine=engine).read_text(), _Loader)
    names = [next(iter(entry)) if isinstance(entry, dict) else entry for entry in config["plugins"]]
    assert ("quizbank" in names) == (engine == "quizbank")
    assert ("mkdocs_quiz" in names) == (engine == "mkdocs-quiz")
    if plugin:
        assert plugin in names
    # The other plugins stay as the course has them.
    assert {"search", "privacy"} <= set(names)
