"""The engine in the browser, measured in Debian's Chromium with the Performance API.

How soon a page of 100 questions is interactive, when its DOMContentLoaded comes compared
with the same page without the block, and how long the 23-item self-assessment takes to
score once its history holds the 50 attempts it keeps.

"Interactive" is the first `quizbank:ready` performance mark, which `quizbank.js` sets when
its `init()` has finished setting up every block on the page (controls revealed, shuffling
done; the one click listener is attached before that, when the script runs). The figure is
that mark's time minus the navigation's `domContentLoadedEventStart`; it is negative when the
page is interactive before DOMContentLoaded (the script sets the blocks up as soon as it runs
at the end of the body). `init` alone (its own start mark to the ready mark) is beside it.

Every load is a fresh browser context (cold cache), and each figure is the median of the
repetitions. The same runs are repeated with the CPU slowed four times
(`Emulation.setCPUThrottlingRate`), a rough stand-in for a mid-range phone.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any
from urllib.parse import urlparse

from playwright.sync_api import Browser, Page, sync_playwright

from .common import median

CHROMIUM = Path(os.environ.get("CHROMIUM", "/usr/bin/chromium"))
ARGS = [  # as tests/browser/conftest.py launches it
    "--no-sandbox",
    "--disable-gpu",
    "--disable-dev-shm-usage",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
]
THROTTLE = 4
"""CPU slowdown for the phone-like runs."""

_READY = """() => {
  const nav = performance.getEntriesByType("navigation")[0];
  const ready = performance.getEntriesByName("quizbank:ready")[0];
  const start = performance.getEntriesByName("quizbank:init")[0];
  return {
    dcl: nav.domContentLoadedEventStart,
    ready: ready.startTime,
    init: ready.startTime - start.startTime,
    questions: document.querySelectorAll(".qb-question").length,
    visible: document.querySelectorAll(".qb-question__actions:not([hidden])").length
  };
}"""

_SCORE = """(reps) => {
  const block = document.querySelector(".qb-self");
  const items = block.querySelectorAll(".qb-item");
  items.forEach((item, i) => {
    const inputs = item.querySelectorAll(".qb-scale__input");
    inputs[(i * 7) % inputs.length].checked = true;
  });
  const button = block.querySelector('[data-qb-action="result"]');
  for (let i = 0; i < 20; i += 1) { window.quizbank.assess(block); }
  const assess = [];
  for (let r = 0; r < reps; r += 1) {  // 100 calls a sample: performance.now() is coarse
    const t = performance.now();
    for (let k = 0; k < 100; k += 1) { window.quizbank.assess(block); }
    assess.push((performance.now() - t) / 100);
  }
  for (let r = 0; r < 50; r += 1) { button.click(); }  // the history holds the 50 it keeps
  const rows = block.querySelectorAll(".qb-self__history tbody tr").length;
  const click = [];
  for (let r = 0; r < reps; r += 1) {
    const t = performance.now();
    button.click();
    void block.offsetHeight;  // the result laid out, as the learner sees it
    click.push(performance.now() - t);
  }
  return {
    items: items.length, assess: assess, click: click, rows: rows,
    result: block.querySelector(".qb-self__band").textContent
  };
}"""

_DCL = """() => performance.getEntriesByType("navigation")[0].domContentLoadedEventStart"""


@contextmanager
def chromium() -> Iterator[Browser]:
    """Launch Debian's Chromium through Playwright (never a downloaded browser)."""
    if not CHROMIUM.exists():
        raise RuntimeError(f"Chromium is not at {CHROMIUM}: run 'make browser' or set CHROMIUM")
    with sync_playwright() as driver:
        browser = driver.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
        try:
            yield browser
        finally:
            browser.close()


def _fresh_page(browser: Browser, throttle: int) -> Page:
    """Return a page in a fresh context that only ever reaches the local server."""
    context = browser.new_context(viewport={"width": 412, "height": 823})
    context.route(
        "**/*",
        lambda route: (
            route.continue_()
            if urlparse(route.request.url).hostname in ("127.0.0.1", "localhost")
            else route.abort()
        ),
    )
    page = context.new_page()
    if throttle > 1:
        context.new_cdp_session(page).send("Emulation.setCPUThrottlingRate", {"rate": throttle})
    return page


def _open(browser: Browser, url: str, throttle: int) -> Page:
    """Open a URL in a fresh page and wait until the engine has set up every block."""
    page = _fresh_page(browser, throttle)
    page.goto(url)
    page.wait_for_function("() => performance.getEntriesByName('quizbank:ready').length > 0")
    return page


def time_to_interactive(
    browser: Browser,
    url: str,
    repeat: int,
    throttle: int = 1,
) -> dict[str, Any]:
    """Return the median time from DOMContentLoaded to the `quizbank:ready` mark."""
    after_dcl: list[float] = []
    init: list[float] = []
    ready: list[float] = []
    dcl: list[float] = []
    questions = visible = 0
    for _ in range(repeat):
        page = _open(browser, url, throttle)
        figures = page.evaluate(_READY)
        page.context.close()
        after_dcl.append(figures["ready"] - figures["dcl"])
        ready.append(figures["ready"])
        dcl.append(figures["dcl"])
        init.append(figures["init"])
        questions, visible = figures["questions"], figures["visible"]
    if visible != questions:
        raise RuntimeError(f"only {visible} of {questions} questions became interactive")
    return {
        "questions": questions,
        "throttle": throttle,
        "repeat": repeat,
        "dcl_to_ready_ms": round(median(after_dcl), 2),
        "ready_ms": round(median(ready), 2),
        "dcl_ms": round(median(dcl), 2),
        "init_ms": round(median(init), 2),
        "samples_ms": [round(value, 2) for value in after_dcl],
    }


def time_to_dcl(browser: Browser, url: str, repeat: int, throttle: int = 1) -> dict[str, Any]:
    """Return the median time from navigation to DOMContentLoaded, over cold loads."""
    dcl: list[float] = []
    for _ in range(repeat):
        page = _fresh_page(browser, throttle)
        page.goto(url, wait_until="load")
        dcl.append(page.evaluate(_DCL))
        page.context.close()
    return {"throttle": throttle, "repeat": repeat, "dcl_ms": round(median(dcl), 2)}


def time_to_score(
    browser: Browser,
    url: str,
    repeat: int,
    throttle: int = 1,
) -> dict[str, Any]:
    """Rate every item of a self-assessment, then time its scoring, median of `repeat`."""
    page = _open(browser, url, throttle)
    # The result is drawn by the page script, which the self-assessment fetches as it is set
    # up: timed once it is here, as a learner's click mostly finds it.
    page.wait_for_function("() => !!window.quizbankPages")
    figures = page.evaluate(_SCORE, repeat)
    page.context.close()
    return {
        "items": figures["items"],
        "throttle": throttle,
        "repeat": repeat,
        "assess_ms": round(median(figures["assess"]), 3),
        "click_ms": round(median(figures["click"]), 3),
        # Throttling pauses the page every so often, so a median of short samples can miss
        # the pauses; the mean counts them.
        "assess_mean_ms": round(sum(figures["assess"]) / len(figures["assess"]), 3),
        "click_mean_ms": round(sum(figures["click"]) / len(figures["click"]), 3),
        "history_rows": figures["rows"],
        "result": " ".join(figures["result"].split()),
    }


def run(urls: dict[str, str], repeat: int, progress: Callable[[str], None]) -> dict[str, Any]:
    """Measure everything in one browser; return the figures.

    `urls` gives the page of 100 questions (`quiz`), the same with `shuffle: true`
    (`shuffled`), the same page without the block (`no_block`) and the course's
    self-assessment (`self`).
    """
    result: dict[str, Any] = {
        "interactive": {},
        "interactive_shuffled": {},
        "dcl_without_block": {},
        "scoring": {},
    }
    with chromium() as browser:
        result["chromium"] = browser.version
        quiz_url, shuffled_url, self_url = urls["quiz"], urls["shuffled"], urls["self"]
        for throttle in (1, THROTTLE):
            key = f"cpu_x{throttle}"
            result["interactive"][key] = time_to_interactive(browser, quiz_url, repeat, throttle)
            progress(f"interactive {key}: {result['interactive'][key]['dcl_to_ready_ms']} ms")
            result["dcl_without_block"][key] = time_to_dcl(
                browser, urls["no_block"], repeat, throttle
            )
            progress(
                f"DOMContentLoaded {key}: {result['interactive'][key]['dcl_ms']} ms with the "
                f"block, {result['dcl_without_block'][key]['dcl_ms']} ms without"
            )
            result["interactive_shuffled"][key] = time_to_interactive(
                browser, shuffled_url, repeat, throttle
            )
            result["scoring"][key] = time_to_score(browser, self_url, max(repeat, 50), throttle)
            progress(f"scoring {key}: {result['scoring'][key]['click_ms']} ms")
    return result
