"""Fixtures shared by every test: the repository's paths, building sites, serving them.

`make test` runs the suite under pytest-xdist: each worker is a pytest session of its own, so
a session fixture is made once a worker, in that worker's own temporary folder
(tmp_path_factory gives each worker one), and never shared between workers.
"""

from __future__ import annotations

import functools
import http.server
import os
import shutil
import sys
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from mkdocs.commands.build import build
from mkdocs.config import load_config

ROOT = Path(__file__).resolve().parents[1]
FIXTURE_SITE = ROOT / "tests" / "fixtures" / "site"

os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")


def build_site(config_file: Path, site_dir: Path, **overrides: object) -> Path:
    """Build a site with `mkdocs build --strict` semantics; raise if it warns or fails."""
    config = load_config(str(config_file), site_dir=str(site_dir), strict=True, **overrides)
    build(config)
    return site_dir


def copy_site(source: Path, target: Path) -> Path:
    """Copy a site's sources (config, docs, banks) so a test can change them."""
    shutil.copytree(source, target, ignore=shutil.ignore_patterns("site"))
    return target


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    """Serve files without logging each request."""

    def log_message(self, format: str, *args: object) -> None:
        return

    def end_headers(self) -> None:
        for name, value in getattr(self.server, "extra_headers", {}).items():
            self.send_header(name, value)
        super().end_headers()


class _QuietServer(http.server.ThreadingHTTPServer):
    """A threading server that says nothing when a browser drops a connection mid-reply
    (a test closing its page while a file is still being sent); other errors are printed."""

    def handle_error(self, request: object, client_address: object) -> None:
        if isinstance(sys.exc_info()[1], ConnectionError):
            return
        super().handle_error(request, client_address)  # type: ignore[arg-type]


class SiteServer:
    """A static file server on a free local port, for one folder."""

    def __init__(self, folder: Path, headers: dict[str, str] | None = None) -> None:
        folder.mkdir(parents=True, exist_ok=True)
        handler = functools.partial(_QuietHandler, directory=str(folder))
        self.httpd = _QuietServer(("127.0.0.1", 0), handler)
        self.httpd.extra_headers = {} if headers is None else headers  # type: ignore[attr-defined]
        self.folder = folder
        self.url = f"http://127.0.0.1:{self.httpd.server_address[1]}/"
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)
        self.thread.start()

    def close(self) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()


@pytest.fixture(scope="session")
def fixture_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The fixture course, built once."""
    return build_site(FIXTURE_SITE / "mkdocs.yml", tmp_path_factory.mktemp("fixture") / "site")


@pytest.fixture(scope="session")
def real_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The real course, built once."""
    return build_site(ROOT / "mkdocs.yml", tmp_path_factory.mktemp("real") / "site")


def _served(
    config_file: Path, tmp_path_factory: pytest.TempPathFactory, name: str
) -> Iterator[SiteServer]:
    """Serve a site built with site_url set to where it is served (instant navigation)."""
    server = SiteServer(tmp_path_factory.mktemp(name) / "site")
    build_site(config_file, server.folder, site_url=server.url)
    yield server
    server.close()


@pytest.fixture(scope="session")
def served_fixture_site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[SiteServer]:
    """The fixture course, served on a local port."""
    yield from _served(FIXTURE_SITE / "mkdocs.yml", tmp_path_factory, "served-fixture")


@pytest.fixture(scope="session")
def served_real_site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[SiteServer]:
    """The real course, served on a local port."""
    yield from _served(ROOT / "mkdocs.yml", tmp_path_factory, "served-real")


class EditableSite:
    """A copy of the fixture course's sources, built and served from one folder: edit the
    sources and rebuild, and the same origin (the same localStorage) serves the new pages."""

    def __init__(self, source: Path, server: SiteServer) -> None:
        self.source = source
        self.server = server
        self.url = server.url

    def build(self) -> None:
        build_site(self.source / "mkdocs.yml", self.server.folder, site_url=self.url)

    def edit(self, path: str, old: str, new: str) -> None:
        """Replace text in a source file (failing if it is not there), then rebuild."""
        file = self.source / path
        text = file.read_text(encoding="utf-8")
        assert old in text, f"{old!r} is not in {path}"
        file.write_text(text.replace(old, new, 1), encoding="utf-8")
        self.build()


@pytest.fixture
def editable_site(tmp_path: Path) -> Iterator[EditableSite]:
    """A fresh copy of the fixture course, built and served for one test."""
    site = EditableSite(copy_site(FIXTURE_SITE, tmp_path / "src"), SiteServer(tmp_path / "site"))
    site.build()
    yield site
    site.server.close()
