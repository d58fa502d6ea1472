"""The Content-Security-Policy each build writes to `.hosting/`, with its server snippets."""

from __future__ import annotations

import base64
import hashlib
import json
import re
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from quizbank.csp import HASHED_FOLDERS
from tests.build.test_broken_sites import mkdocs_build
from tests.conftest import FIXTURE_SITE, build_site, copy_site


def inline_script_hashes(site: Path) -> set[str]:
    """Hash every inline script of every page, read independently of the plugin."""
    hashes = set()
    for page in site.rglob("*.html"):
        soup = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
        for script in soup.find_all("script", src=False):
            if script.get("type", "text/javascript") in ("text/javascript", "module"):
                digest = hashlib.sha256(script.string.encode("utf-8")).digest()
                hashes.add(f"'sha256-{base64.b64encode(digest).decode()}'")
    return hashes


def policy_of(site: Path) -> dict[str, list[str]]:
    text = (site / ".hosting" / "csp.txt").read_text(encoding="utf-8")
    assert text.endswith("\n")
    assert text.count("\n") == 1
    return {name: values for name, *values in (part.split() for part in text.split(";"))}


def test_the_policy_allows_every_inline_script_of_the_real_site_by_hash(real_site: Path) -> None:
    policy = policy_of(real_site)
    hashes = inline_script_hashes(real_site)
    assert len(hashes) >= 5  # __md_scope at four depths (404 page included), the palette
    assert policy["script-src"] == ["'self'", *sorted(hashes)]
    text = (real_site / ".hosting" / "csp.txt").read_text(encoding="utf-8")
    assert "unsafe" not in text
    assert policy["style-src"] == ["'self'"]
    assert policy["frame-ancestors"] == ["'self'"]


def test_the_server_snippets_carry_the_same_policy(real_site: Path) -> None:
    policy = (real_site / ".hosting" / "csp.txt").read_text(encoding="utf-8").strip()
    hosting = real_site / ".hosting"
    assert f'add_header Content-Security-Policy "{policy}" always;' in (
        hosting / "nginx.conf"
    ).read_text(encoding="utf-8")
    assert f'Header always set Content-Security-Policy "{policy}"' in (
        hosting / "apache.conf"
    ).read_text(encoding="utf-8")
    assert f'value="{policy}"' in (hosting / "iis-web.config").read_text(encoding="utf-8")


def test_the_folders_iis_caches_for_a_year_hold_only_files_named_by_content(
    real_site: Path,
) -> None:
    for folder in HASHED_FOLDERS:
        files = [p for p in (real_site / folder).iterdir() if p.suffix in (".js", ".css")]
        assert files, folder
        for path in files:
            assert re.search(r"\.[0-9a-f]{8,}\.(min\.)?(css|js)$", path.name), path


def test_the_hosting_folder_is_no_page(real_site: Path) -> None:
    assert ".hosting" not in (real_site / "sitemap.xml").read_text(encoding="utf-8")
    index = json.loads((real_site / "search" / "search_index.json").read_text(encoding="utf-8"))
    assert not [doc for doc in index["docs"] if ".hosting" in doc["location"]]
    assert not list((real_site / ".hosting").glob("*.html"))


def test_the_policy_can_be_turned_off(tmp_path: Path) -> None:
    site = build_site(
        FIXTURE_SITE / "mkdocs.yml",
        tmp_path / "site",
        plugins=["search", {"quizbank": {"csp": False}}],
    )
    assert not (site / ".hosting").exists()


def test_frame_ancestors_can_let_an_lms_frame_the_course(tmp_path: Path) -> None:
    ancestors = ["'self'", "https://lms.example.org"]
    site = build_site(
        FIXTURE_SITE / "mkdocs.yml",
        tmp_path / "site",
        plugins=["search", {"quizbank": {"csp_frame_ancestors": ancestors}}],
    )
    assert policy_of(site)["frame-ancestors"] == ancestors


@pytest.mark.parametrize(
    ("option", "says"),
    [
        (
            "csp_frame_ancestors: [self]",
            "mkdocs.yml:29:7: 'self' needs single quotes",
        ),
        (
            'csp_frame_ancestors: ["https://lms.example.org\\n"]',
            "mkdocs.yml:29:7: 'https://lms.example.org\\n' holds a line break",
        ),
        (
            'csp_frame_ancestors: ["https://lms.example.org/$host"]',
            "mkdocs.yml:29:7: 'https://lms.example.org/$host' is not an allowed source",
        ),
        (
            "csp_dir: ../outside",
            "quizbank: csp_dir '../outside' should be a folder inside the built",
        ),
    ],
)
def test_a_bad_option_is_one_clear_line(tmp_path: Path, option: str, says: str) -> None:
    site = copy_site(FIXTURE_SITE, tmp_path / "src")
    config = site / "mkdocs.yml"
    config.write_text(
        config.read_text(encoding="utf-8").replace(
            "  - quizbank\n", f"  - quizbank:\n      {option}\n"
        ),
        encoding="utf-8",
    )
    result = mkdocs_build(site)
    output = result.stdout + result.stderr
    assert result.returncode != 0
    assert says in output, output
    assert "Traceback" not in output


def test_a_page_that_is_not_utf8_is_named(tmp_path: Path) -> None:
    site = copy_site(FIXTURE_SITE, tmp_path / "src")
    (site / "docs" / "legacy.html").write_bytes(b"<p>caf\xe9</p>")
    result = mkdocs_build(site)
    assert result.returncode != 0
    assert "legacy.html: not UTF-8 (byte 6)" in result.stdout + result.stderr


@pytest.mark.parametrize(
    ("content", "named"),
    [
        ('<p style="color: red">Red</p>', 'a style attribute on <p>: style="color: red"'),
        ('<button onclick="alert(1)">Go</button>', "an inline event handler on <button>"),
        ("<style>p { color: red }</style>", "a <style> element"),
    ],
)
def test_inline_code_the_policy_would_block_fails_the_strict_build(
    tmp_path: Path, content: str, named: str
) -> None:
    site = copy_site(FIXTURE_SITE, tmp_path / "src")
    page = site / "docs" / "plain.md"
    page.write_text(page.read_text(encoding="utf-8") + f"\n{content}\n", encoding="utf-8")
    result = mkdocs_build(site)
    output = result.stdout + result.stderr
    assert result.returncode != 0
    assert (
        "docs/plain.md (plain/index.html): the Content-Security-Policy would block " + named
        in output
    ), output
    assert "Traceback" not in output


def test_the_hosting_guide_names_the_files_the_build_writes(real_site: Path) -> None:
    guide = (Path(__file__).parents[2] / "docs" / "tutors" / "hosting.md").read_text(
        encoding="utf-8"
    )
    for path in sorted((real_site / ".hosting").iterdir()):
        assert f"`{path.name}`" in guide, path.name
    for folder in HASHED_FOLDERS:
        assert f"`{folder}`" in guide, folder
