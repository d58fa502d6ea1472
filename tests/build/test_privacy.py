"""Nothing from outside: the built course loads nothing from another host.

Material's privacy plugin, with fetching off, is the guard: an outside script, style sheet,
image or font is a warning, so `mkdocs build --strict` fails and names it. What it does not
look at (audio, video, frames) the quizbank plugin reports, as the policy would block it.
The built pages, style sheets and scripts are then read back, independently of both.
"""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from bs4 import BeautifulSoup
from mkdocs.config import load_config

from tests.build.test_broken_sites import mkdocs_build
from tests.conftest import FIXTURE_SITE, ROOT, copy_site

OUTSIDE = "https://cdn.example.org"

LOADING_RELS = {
    "stylesheet",
    "preload",
    "modulepreload",
    "prefetch",
    "icon",
    "apple-touch-icon",
    "mask-icon",
    "manifest",
}
LOADING_ATTRIBUTES = {
    "script": ["src"],
    "img": ["src", "srcset"],
    "source": ["src", "srcset"],
    "audio": ["src"],
    "video": ["src", "poster"],
    "track": ["src"],
    "iframe": ["src"],
    "embed": ["src"],
    "object": ["data"],
    "input": ["src"],
    "image": ["href", "xlink:href"],
}
CSS_URL = re.compile(r"""url\(\s*['"]?([^'")\s]+)|@import\s+['"]([^'"]+)""")
JS_URL = re.compile(r"""["'`]((?:https?:)?//[^"'`\s]+)["'`]""")

MATERIAL_CONDITIONAL = {
    "https://unpkg.com/mermaid@11/dist/mermaid.min.js": "only for a page with a Mermaid diagram; the course has none (checked below)",
    "https://unpkg.com/resize-observer-polyfill": "only in a browser without ResizeObserver (none since 2020); the policy blocks it",
    "https://api.github.com/users/${e}": "only with repo_url set; the course has none",
    "https://api.github.com/repos/${e}/${t}": "only with repo_url set; the course has none",
    "https://${e}/api/v4/projects/${encodeURIComponent(t)}": "only with a GitLab repo_url set; the course has none",
}
"""URLs in Material's own script that it fetches only in cases this course never meets."""


def is_elsewhere(url: str) -> bool:
    parts = urlsplit(url.strip())
    return bool(parts.netloc) and parts.scheme in ("", "http", "https")


def loads_in_html(html: str) -> list[str]:
    """Return every URL a page makes the browser fetch, as written."""
    soup = BeautifulSoup(html, "html.parser")
    found = []
    for tag, names in LOADING_ATTRIBUTES.items():
        for element in soup.find_all(tag):
            for name in names:
                value = element.get(name)
                if not value:
                    continue
                found.extend(
                    part.split()[0] for part in value.split(",") if part.strip()
                ) if name == "srcset" else found.append(value)
    for link in soup.find_all("link", href=True):
        if LOADING_RELS & {rel.lower() for rel in link.get("rel", [])}:
            found.append(link["href"])
    for element in soup.find_all(style=True):
        found.extend(next(u for u in match if u) for match in CSS_URL.findall(element["style"]))
    for style in soup.find_all("style"):
        found.extend(next(u for u in match if u) for match in CSS_URL.findall(style.get_text()))
    return found


def elsewhere_in(site: Path) -> dict[str, list[str]]:
    """Return, by file, what the built site would fetch from another host."""
    found: dict[str, list[str]] = {}
    for path in sorted(site.rglob("*")):
        text = path.read_text(encoding="utf-8") if path.suffix in (".html", ".css", ".js") else ""
        if path.suffix == ".html":
            urls = loads_in_html(text)
        elif path.suffix == ".css":
            urls = [next(u for u in match if u) for match in CSS_URL.findall(text)]
        elif path.suffix == ".js":
            urls = [url for url in JS_URL.findall(text) if url not in MATERIAL_CONDITIONAL]
        else:
            continue
        outside = [url for url in urls if is_elsewhere(url)]
        if outside:
            found[path.relative_to(site).as_posix()] = outside
    return found


def test_the_real_site_loads_nothing_from_another_host(real_site: Path) -> None:
    assert elsewhere_in(real_site) == {}


def test_material_fetches_nothing_from_elsewhere_for_this_course(real_site: Path) -> None:
    """The conditions under which Material's script would fetch from elsewhere never hold."""
    config = load_config(str(ROOT / "mkdocs.yml"))
    assert config.repo_url is None
    for page in real_site.rglob("*.html"):
        soup = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
        assert not soup.select(".mermaid"), page
    bundle = next((real_site / "assets" / "javascripts").glob("bundle.*.min.js"))
    assert set(JS_URL.findall(bundle.read_text(encoding="utf-8"))) <= set(MATERIAL_CONDITIONAL)


def test_the_scan_finds_what_it_looks_for() -> None:
    page = (
        f'<script src="{OUTSIDE}/a.js"></script><link rel="stylesheet" href="//f.example/c">'
        f'<img srcset="a.png 1x, {OUTSIDE}/b.png 2x"><a href="{OUTSIDE}/page">a link</a>'
        f'<link rel="canonical" href="{OUTSIDE}/x/"><div style="background: url({OUTSIDE}'
        f'/bg.png)"></div><audio src="local.mp3"></audio>'
    )
    assert [url for url in loads_in_html(page) if is_elsewhere(url)] == [
        f"{OUTSIDE}/a.js",
        f"{OUTSIDE}/b.png",
        "//f.example/c",
        f"{OUTSIDE}/bg.png",
    ]


@pytest.mark.parametrize(
    "config", ["mkdocs.yml", "mkdocs.offline.yml", "tests/fixtures/site/mkdocs.yml"]
)
def test_the_guard_is_on_and_fetches_nothing(config: str) -> None:
    loaded = load_config(str(ROOT / config))
    privacy = loaded.plugins["material/privacy"]
    assert privacy.config.enabled
    assert privacy.config.assets
    assert privacy.config.assets_fetch is False
    assert loaded.theme["font"] is False


def test_the_fixture_site_builds_clean(tmp_path: Path) -> None:
    result = mkdocs_build(copy_site(FIXTURE_SITE, tmp_path / "src"))
    output = result.stdout + result.stderr
    assert result.returncode == 0, output
    assert "WARNING" not in output


@pytest.mark.parametrize(
    ("where", "content", "named"),
    [
        ("docs/plain.md", f"\n![Logo]({OUTSIDE}/logo.png)\n", f"{OUTSIDE}/logo.png"),
        (
            "docs/plain.md",
            f'\n<script src="{OUTSIDE}/tracker.js"></script>\n',
            f"{OUTSIDE}/tracker.js",
        ),
        (
            "docs/plain.md",
            f'\n<link rel="stylesheet" href="{OUTSIDE}/style.css">\n',
            f"{OUTSIDE}/style.css",
        ),
        (
            "docs/plain.md",
            f'\n<audio controls src="{OUTSIDE}/track.mp3"></audio>\n',
            f"{OUTSIDE}/track.mp3",
        ),
        ("docs/plain.md", f'\n<iframe src="{OUTSIDE}/embed/1"></iframe>\n', f"{OUTSIDE}/embed/1"),
        ("mkdocs.yml", f"extra_css:\n  - {OUTSIDE}/fonts.css\n", f"{OUTSIDE}/fonts.css"),
        (
            "mkdocs.yml",
            f"extra_javascript:\n  - {OUTSIDE}/analytics.js\n",
            f"{OUTSIDE}/analytics.js",
        ),
        (
            "docs/extra.css",
            f"@font-face {{ src: url({OUTSIDE}/font.woff2); }}\n",
            f"{OUTSIDE}/font.woff2",
        ),
    ],
)
def test_an_outside_asset_fails_the_strict_build_and_is_named(
    tmp_path: Path, where: str, content: str, named: str
) -> None:
    site = copy_site(FIXTURE_SITE, tmp_path / "src")
    target = site / where
    target.write_text(
        (target.read_text(encoding="utf-8") if target.exists() else "") + content, encoding="utf-8"
    )
    if where.endswith(".css"):
        config = site / "mkdocs.yml"
        config.write_text(
            config.read_text(encoding="utf-8") + "extra_css:\n  - extra.css\n", encoding="utf-8"
        )
    result = mkdocs_build(site)
    output = result.stdout + result.stderr
    assert result.returncode != 0, output
    assert named in output, output
    assert "Traceback" not in output
