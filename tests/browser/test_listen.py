"""Listening: `/// listen` reads a page's key points aloud with the browser's speech synthesis.

Headless Chromium has no voices, so every test replaces `speechSynthesis` with a stub that
records what it is asked to say and speaks a sentence only when the test says it has ended.
The fixture's second track page has the block, reading its "Key points" section.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from playwright.sync_api import Browser, Locator, Page, expect

from tests.browser.conftest import open_page
from tests.browser.helpers import open_ready, watch_requests
from tests.browser.test_csp import record_violations, served_with_policy
from tests.conftest import FIXTURE_SITE, SiteServer

STUB = """
(() => {
  const said = [];
  let speaking = null;
  class Utterance extends EventTarget {
    constructor(text) {
      super();
      Object.assign(this, { text, rate: 1, voice: null, lang: "" });
    }
  }
  const voices = [
    { name: "Test English", lang: "en-GB", voiceURI: "test-en", default: true, localService: true },
    { name: "Test American", lang: "en-US", voiceURI: "test-us", default: false, localService: true },
    { name: "Test French", lang: "fr-FR", voiceURI: "test-fr", default: false, localService: true },
  ];
  const synth = Object.assign(new EventTarget(), {
    getVoices: () => voices,
    speak(utterance) {
      said.push({ text: utterance.text, rate: utterance.rate, voice: utterance.voice?.voiceURI });
      speaking = utterance;
      utterance.dispatchEvent(new Event("start"));
    },
    cancel() {
      said.push("cancel");
      const utterance = speaking;
      speaking = null;
      utterance?.dispatchEvent(Object.assign(new Event("error"), { error: "interrupted" }));
    },
    pause() { said.push("pause"); },
    resume() { said.push("resume"); },
  });
  Object.defineProperty(window, "speechSynthesis", { value: synth, configurable: true });
  window.SpeechSynthesisUtterance = Utterance;
  window.speech = {
    said,
    end() {
      const utterance = speaking;
      speaking = null;
      utterance?.dispatchEvent(new Event("end"));
    },
  };
})();
"""

NO_SPEECH = """
delete Window.prototype.speechSynthesis;
delete window.speechSynthesis;
"""

SENTENCES = [
    "Key points",
    "Listening is a skill.",
    "It takes practice!",
    "Do you listen well?",
    "Ask open questions.",
    "Wait for the answer.",
]


def said(page: Page) -> list[object]:
    return page.evaluate("() => window.speech.said.map(s => typeof s === 'string' ? s : s.text)")


def highlighted(page: Page) -> str:
    """The text of the range the page highlights as being read ("" when none)."""
    return str(
        page.evaluate(
            "() => { const h = CSS.highlights.get('qb-listen'); "
            "return h ? [...h][0].toString() : ''; }"
        )
    )


def start(block: Locator) -> None:
    """Press Listen, and wait until reading has started: the first press loads the page script,
    which reads (the panel's set-up waits until the learner reaches for it)."""
    block.get_by_role("button", name="Listen to this track").click()
    expect(block.locator(".qb-listen__status")).to_have_text("Reading aloud.")


def end(page: Page) -> None:
    """The stub voice finishes the sentence it is saying."""
    page.evaluate("() => window.speech.end()")


@pytest.fixture
def speaking(page: Page) -> Page:
    page.context.add_init_script(STUB)
    return page


def test_it_reads_the_key_points_sentence_by_sentence_highlighting_each(
    speaking: Page, served_fixture_site: SiteServer
) -> None:
    page = speaking
    open_ready(page, served_fixture_site.url + "tracks/02-two/")
    block = page.locator(".qb-listen")
    expect(block).to_be_visible()
    play = block.get_by_role("button", name="Listen to this track")
    expect(block.get_by_role("button", name="Stop")).to_be_hidden()
    play.click()
    expect(block.get_by_role("button", name="Pause")).to_be_visible()
    expect(block.locator(".qb-listen__status")).to_have_text("Reading aloud.")
    assert said(page) == SENTENCES[:1]
    assert highlighted(page) == "Key points"
    for count in range(2, len(SENTENCES) + 1):
        end(page)
        assert said(page) == SENTENCES[:count]
        assert highlighted(page) == SENTENCES[count - 1]
    # The paragraph or item being read is marked too; only what is under the heading is read.
    expect(page.locator(".qb-listen__reading")).to_have_text("Wait for the answer.")
    end(page)
    assert said(page) == [*SENTENCES, "cancel"]  # nothing is left waiting to be said
    expect(block.locator(".qb-listen__status")).to_have_text("Finished reading.")
    expect(block.get_by_role("button", name="Listen to this track")).to_be_visible()
    assert highlighted(page) == ""
    expect(page.locator(".qb-listen__reading")).to_have_count(0)


def test_pause_resumes_where_it_was_and_stop_starts_again(
    speaking: Page, served_fixture_site: SiteServer
) -> None:
    page = speaking
    open_ready(page, served_fixture_site.url + "tracks/02-two/")
    block = page.locator(".qb-listen")
    start(block)
    end(page)
    end(page)  # now saying the third sentence
    block.get_by_role("button", name="Pause").click()
    expect(block.locator(".qb-listen__status")).to_have_text("Paused.")
    assert said(page)[-1] == "cancel"
    assert highlighted(page) == "It takes practice!"  # where it stopped stays marked
    block.get_by_role("button", name="Resume").click()
    assert said(page)[-1] == "It takes practice!"  # the sentence again, from its start
    block.get_by_role("button", name="Stop").click()
    expect(block.locator(".qb-listen__status")).to_have_text("Stopped.")
    assert said(page)[-1] == "cancel"
    assert highlighted(page) == ""
    block.get_by_role("button", name="Listen to this track").click()
    assert said(page)[-1] == "Key points"


def test_speed_and_voice_apply_at_once(speaking: Page, served_fixture_site: SiteServer) -> None:
    page = speaking
    open_ready(page, served_fixture_site.url + "tracks/02-two/")
    block = page.locator(".qb-listen")
    voice = block.get_by_label("Voice")
    expect(voice).to_be_hidden()  # offered once the learner reaches for the panel
    block.hover()
    # The voices for the page's language, the browser's default chosen.
    expect(voice.locator("option")).to_have_text(["Test English (en-GB)", "Test American (en-US)"])
    expect(voice).to_have_value("test-en")
    start(block)
    block.get_by_label("Speed").select_option(label="Faster")
    voice.select_option("test-us")
    last = page.evaluate("() => window.speech.said.at(-1)")
    assert last == {"text": "Key points", "rate": 1.25, "voice": "test-us"}


def test_reading_stops_when_the_learner_leaves_the_page(
    speaking: Page, served_fixture_site: SiteServer
) -> None:
    page = speaking
    open_ready(page, served_fixture_site.url + "tracks/02-two/")
    page.wait_for_load_state("networkidle")  # instant navigation starts once it has the sitemap
    page.evaluate("() => { window.stillTheSameDocument = true; }")
    start(page.locator(".qb-listen"))
    page.locator(".md-nav").get_by_role("link", name="Plain", exact=True).first.click()
    page.wait_for_url("**/plain/")
    assert page.evaluate("() => window.stillTheSameDocument === true"), "not instant navigation"
    page.wait_for_function("() => window.speech.said.at(-1) === 'cancel'")
    assert highlighted(page) == ""

    # Leaving by a full page load: the page is hidden, and reading stops.
    open_ready(page, served_fixture_site.url + "tracks/02-two/")
    start(page.locator(".qb-listen"))
    page.evaluate("() => window.dispatchEvent(new PageTransitionEvent('pagehide'))")
    assert said(page)[-1] == "cancel"


def test_it_is_hidden_where_the_browser_cannot_speak(
    page: Page, served_fixture_site: SiteServer
) -> None:
    page.context.add_init_script(NO_SPEECH)
    open_ready(page, served_fixture_site.url + "tracks/02-two/")
    assert page.evaluate("() => !('speechSynthesis' in window)")
    expect(page.locator(".qb-listen")).to_be_hidden()


def test_it_reads_aloud_from_disk(browser: Browser, served_fixture_site: SiteServer) -> None:
    page, watch = open_page(browser)
    page.context.add_init_script(STUB)
    open_ready(page, (served_fixture_site.folder / "tracks" / "02-two" / "index.html").as_uri())
    start(page.locator(".qb-listen"))
    assert said(page) == SENTENCES[:1]
    page.context.close()
    assert not watch.errors


@pytest.fixture(scope="module")
def csp_site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[SiteServer]:
    yield from served_with_policy(
        FIXTURE_SITE / "mkdocs.yml", tmp_path_factory.mktemp("csp-listen") / "site"
    )


def test_it_reads_aloud_under_the_content_security_policy(page: Page, csp_site: SiteServer) -> None:
    page.context.add_init_script(STUB)
    violations = record_violations(page)
    open_ready(page, csp_site.url + "tracks/02-two/")
    block = page.locator(".qb-listen")
    start(block)
    end(page)
    assert highlighted(page) == "Listening is a skill."
    block.get_by_label("Speed").select_option(label="Slower")
    block.get_by_role("button", name="Stop").click()
    assert not violations


def test_the_page_script_comes_only_when_the_learner_reaches_for_the_panel(
    speaking: Page, served_fixture_site: SiteServer
) -> None:
    """A track page shows the panel at once but does not load the page script (which reads)
    for every visit: only once the pointer or the focus reaches the panel."""
    page = speaking
    requested = watch_requests(page)
    open_ready(page, served_fixture_site.url + "tracks/02-two/")
    page.wait_for_load_state("networkidle")
    expect(page.locator(".qb-listen")).to_be_visible()
    assert not [url for url in requested if "/quizbank-pages." in url]
    page.locator(".qb-listen").get_by_role("button", name="Listen to this track").focus()
    expect(page.locator(".qb-listen").get_by_label("Voice")).to_be_visible()
    assert [url for url in requested if "/quizbank-pages." in url]


def test_without_scripts_there_is_no_panel_and_with_them_nothing_moves(
    browser: Browser, speaking: Page, served_fixture_site: SiteServer
) -> None:
    """The panel is in the page from the first paint where scripts run, before the engine's
    script has done anything, so setting it up shifts nothing below it; where scripts do not
    run, it is not shown at all."""
    url = served_fixture_site.url + "tracks/02-two/"
    without, _ = open_page(browser, java_script_enabled=False)
    without.goto(url)
    expect(without.locator(".qb-listen")).to_be_hidden()
    without.context.close()
    # Scripts run, but the engine's never comes: the panel is there all the same.
    waiting, _ = open_page(browser, viewport={"width": 1280, "height": 900})
    waiting.route("**/assets/quizbank/quizbank.*.js", lambda route: route.abort())
    waiting.goto(url)
    expect(waiting.locator(".qb-listen")).to_be_visible()
    before = waiting.locator(".qb-listen").bounding_box()
    waiting.context.close()
    page = speaking
    open_ready(page, url)
    assert page.locator(".qb-listen").bounding_box() == before
