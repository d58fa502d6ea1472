"""Browser fixtures: Debian's Chromium driven by Playwright, failing on console errors and on
any request that leaves the local server. Browser tests never skip: without a browser they
fail and say how to get one."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlparse

import pytest
from playwright.sync_api import Browser, ConsoleMessage, Page, Playwright, Request, sync_playwright

CHROMIUM = Path(os.environ.get("CHROMIUM", "/usr/bin/chromium"))
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-dev-shm-usage",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
]
LOCAL_HOSTS = {"127.0.0.1", "localhost"}


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Mark every test in this folder as a browser test."""
    for item in items:
        if "tests/browser" in item.nodeid.replace(os.sep, "/"):
            item.add_marker(pytest.mark.browser)


@pytest.fixture(scope="session")
def playwright() -> Iterator[Playwright]:
    with sync_playwright() as driver:
        yield driver


@pytest.fixture(scope="session")
def browser(playwright: Playwright) -> Iterator[Browser]:
    if not CHROMIUM.exists():
        pytest.fail(
            f"No browser: Chromium is not at {CHROMIUM}. Browser tests never skip. Run "
            "'make test' (it installs Debian's chromium package with apt-get), or install it "
            "yourself with 'apt-get install chromium', or set CHROMIUM to a Chromium binary.",
            pytrace=False,
        )
    instance = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
    yield instance
    instance.close()


class PageWatch:
    """What a page did that a test must not allow: console errors, outside requests."""

    def __init__(self) -> None:
        self.errors: list[str] = []
        self.outside: list[str] = []

    def on_console(self, message: ConsoleMessage) -> None:
        if message.type == "error":
            self.errors.append(f"console error: {message.text} ({message.location})")

    def on_page_error(self, error: Exception) -> None:
        self.errors.append(f"uncaught exception: {error}")

    def on_request(self, request: Request) -> None:
        url = urlparse(request.url)
        if url.scheme in ("http", "https", "ws", "wss") and url.hostname not in LOCAL_HOSTS:
            self.outside.append(request.url)


def open_page(browser: Browser, **context_options: object) -> tuple[Page, PageWatch]:
    """Open a page in a fresh context, watched for console errors and outside requests."""
    context = browser.new_context(**context_options)  # type: ignore[arg-type]
    watch = PageWatch()
    context.route(
        "**/*",
        lambda route: (
            route.abort()
            if (urlparse(route.request.url).hostname or "") not in LOCAL_HOSTS
            and urlparse(route.request.url).scheme in ("http", "https")
            else route.continue_()
        ),
    )
    page = context.new_page()
    page.on("console", watch.on_console)
    page.on("pageerror", watch.on_page_error)
    page.on("request", watch.on_request)
    return page, watch


@pytest.fixture
def page(browser: Browser) -> Iterator[Page]:
    """A fresh page; the test fails if it logs a console error or requests another host."""
    opened, watch = open_page(browser, viewport={"width": 1280, "height": 900})
    yield opened
    opened.context.close()
    problems = watch.errors + [f"request outside the site: {url}" for url in watch.outside]
    assert not problems, "\n".join(problems)
