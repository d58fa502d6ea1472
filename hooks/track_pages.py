"""The course's track pages: their header, the track-done button and the links between tracks.

A MkDocs hook (mkdocs.yml `hooks:`), because this furniture belongs to this course, not to the
quizbank engine. A track page declares itself in front matter::

    ---
    title: Developing a learning relationship
    track: 3
    disc: 1
    running_time: "11:28"
    units: [G3, L12, L14, L15, L16]
    ---

Under the title the page gets those facts, a link that skips to the track's quiz, and the
recording: an HTML5 player (no script needed) when the recording is at `audio/track-NN.mp3` in
the docs folder, otherwise the engine's `/// listen` block, which has the browser read the
track's key points aloud (the tutors' guide says where a recording goes). The page ends with the
engine's `/// track-done` block and links to the tracks either side. Zensical does not run
hooks: its build has none of this.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from html import escape
from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page
from mkdocs.utils.meta import get_data


@dataclass(frozen=True)
class Track:
    """What a track page's front matter says about it."""

    number: int
    title: str
    disc: int | None
    running_time: str | None
    units: tuple[str, ...]

    @property
    def label(self) -> str:
        """Return the track's name as links show it."""
        return f"Track {self.number}: {self.title}"

    @property
    def audio_path(self) -> str:
        """Return where the recording goes, relative to the docs folder."""
        return f"audio/track-{self.number:02d}.mp3"


_tracks: dict[int, tuple[File, Track]] = {}

_QUIZ = re.compile(r'<div class="qb-[a-z-]+" id="(qb-quiz-[a-z0-9-]+)"')
"""The first quiz on a page, as the quizbank engine renders it or its stand-in (same id)."""


def _whole(value: object) -> int | None:
    """Return a whole number from front matter, or None (true and false are not numbers)."""
    return value if isinstance(value, int) and not isinstance(value, bool) else None


def _read(meta: dict[str, Any], fallback: str) -> Track | None:
    """Return the track a page's front matter declares, or None for other pages."""
    number = _whole(meta.get("track"))
    if number is None:
        return None
    running = meta.get("running_time")
    if _whole(running) is not None:  # YAML reads an unquoted 11:28 as 688 seconds
        running = f"{running // 60}:{running % 60:02d}"
    units = meta.get("units") or []
    return Track(
        number=number,
        title=str(meta.get("title") or fallback),
        disc=_whole(meta.get("disc")),
        running_time=str(running) if running else None,
        units=tuple(map(str, units)) if isinstance(units, list) else (),
    )


def on_files(files: Files, /, *, config: MkDocsConfig) -> Files:
    """Find the track pages: those whose front matter says `track: N`."""
    _tracks.clear()
    for file in files.documentation_pages():
        _, meta = get_data(file.content_string)
        track = _read(meta, file.name)
        if track is not None:
            _tracks[track.number] = (file, track)
    return files


def _track_of(page: Page) -> Track | None:
    """Return the track a page is, if it is one."""
    return next((track for file, track in _tracks.values() if file is page.file), None)


LISTEN = """
/// listen
section: key-points
label: Listen to this track
///
"""
"""Without a recording, the browser reads the track's key points aloud."""


def on_page_markdown(
    markdown: str, /, *, page: Page, config: MkDocsConfig, files: Files
) -> str | None:
    """Add the engine's blocks a track page has.

    At its end, the button that marks it as done, unless it has one; under its title, when it
    has no recording, the offer to read its key points aloud.
    """
    track = _track_of(page)
    if track is None:
        return None
    if "/// track-done" not in markdown:
        markdown = markdown.rstrip() + "\n\n/// track-done\n///\n"
    if files.get_file_from_path(track.audio_path) is None and "/// listen" not in markdown:
        lines = markdown.split("\n")
        title = next((n for n, line in enumerate(lines) if line.startswith("# ")), -1)
        lines.insert(title + 1, LISTEN)
        markdown = "\n".join(lines)
    return markdown


def on_page_content(html: str, /, *, page: Page, config: MkDocsConfig, files: Files) -> str | None:
    """Give a track page its header under the title, and links to the tracks either side."""
    track = _track_of(page)
    if track is None:
        return None
    audio = files.get_file_from_path(track.audio_path)
    quiz = _QUIZ.search(html)
    header = _header(
        track,
        len(_tracks),
        audio.url_relative_to(page.file) if audio else None,
        quiz.group(1) if quiz else None,
    )
    end = html.find("</h1>")
    html = header + html if end < 0 else html[: end + 5] + header + html[end + 5 :]
    numbers = sorted(_tracks)
    position = numbers.index(track.number)
    links = []
    for index, rel, direction in (
        (position - 1, "prev", "Previous"),
        (position + 1, "next", "Next"),
    ):
        if 0 <= index < len(numbers):
            file, other = _tracks[numbers[index]]
            links.append(
                f'<a class="qb-track-nav__link qb-track-nav__link--{rel}" rel="{rel}" '
                f'href="{escape(file.url_relative_to(page.file))}">'
                f'<span class="qb-track-nav__direction">{direction} track</span> '
                f"{escape(other.label)}</a>"
            )
    if links:
        html += (
            f'<nav class="qb-track-nav" aria-label="Previous and next track">{"".join(links)}</nav>'
        )
    return html


def _header(track: Track, total: int, audio_href: str | None, quiz: str | None) -> str:
    """Render the facts of a track, a link to its quiz and its recording, under its title."""
    facts = [f"<li>Track {track.number} of {total}</li>"]
    if track.disc is not None:
        facts.append(f"<li>Disc {track.disc}</li>")
    minutes, _, seconds = (track.running_time or "").partition(":")
    timed = minutes.isdigit() and seconds.isdigit()
    if track.running_time:
        duration = f"PT{int(minutes)}M{int(seconds)}S" if timed else "PT0S"
        facts.append(
            f'<li>Running time <time datetime="{duration}">{escape(track.running_time)}</time></li>'
        )
    if track.units:
        units = escape(", ".join(track.units))
        facts.append(
            f'<li><abbr title="National Vocational Qualification">NVQ</abbr> units '
            f"(historical) {units}</li>"
        )
    skip = (
        f'<p class="qb-track__skip"><a href="#{escape(quiz)}">Skip to the quiz</a></p>'
        if quiz
        else ""
    )
    audio = ""
    if audio_href:
        href = escape(audio_href)
        audio = (
            '<div class="qb-track__audio">'
            f'<audio class="qb-track__player" controls preload="none" src="{href}">Your browser '
            f'cannot play this recording: <a href="{href}">download it (MP3)</a>.</audio></div>'
        )
    return (
        f'<div class="qb-track" data-qb-track="{track.number}">'
        f'<ul class="qb-track__facts" aria-label="About this track">{"".join(facts)}</ul>'
        f"{skip}{audio}</div>"
    )
