"""The furniture of a track page, from its front matter: header, audio slot, track links.

A track page declares itself in front matter::

    ---
    title: Developing a learning relationship
    track: 3
    disc: 1
    running_time: "11:28"
    units: [G3, L12, L14, L15, L16]
    ---

The header shows those facts. When the recording is at `audio/track-NN.mp3` in the docs
folder, the page gets an HTML5 player (no script needed); otherwise it says the recording is
not included and how long it runs. Links to the previous and next tracks close the page.
"""

from __future__ import annotations

from dataclasses import dataclass
from html import escape
from typing import Any

from .render import NOTICE


@dataclass(frozen=True)
class Track:
    """What a track page's front matter says about it."""

    number: int
    title: str
    disc: int | None = None
    running_time: str | None = None
    units: tuple[str, ...] = ()

    @property
    def label(self) -> str:
        """Return the track's name as links show it."""
        return f"Track {self.number}: {self.title}"

    @property
    def audio_path(self) -> str:
        """Return where the recording goes, relative to the docs folder."""
        return f"audio/track-{self.number:02d}.mp3"


def read_track(meta: dict[str, Any], fallback_title: str) -> Track | None:
    """Return the track a page's front matter declares, or None for other pages."""
    number = meta.get("track")
    if not isinstance(number, int) or isinstance(number, bool):
        return None
    disc = meta.get("disc")
    units = meta.get("units") or []
    return Track(
        number=number,
        title=str(meta.get("title") or fallback_title),
        disc=disc if isinstance(disc, int) and not isinstance(disc, bool) else None,
        running_time=_running_time(meta.get("running_time")),
        units=tuple(str(unit) for unit in units) if isinstance(units, list) else (),
    )


def _running_time(value: object) -> str | None:
    """Return a running time as m:ss. YAML reads an unquoted 11:28 as 688 seconds."""
    if isinstance(value, int) and not isinstance(value, bool):
        return f"{value // 60}:{value % 60:02d}"
    return str(value) if value else None


def spoken_time(running_time: str) -> str:
    """Return a running time in words, such as '11 minutes 28 seconds'."""
    minutes, _, seconds = running_time.partition(":")
    if not (minutes.isdigit() and seconds.isdigit()):
        return running_time
    return f"{int(minutes)} minutes {int(seconds)} seconds"


def render_header(track: Track, total: int, audio_href: str | None) -> str:
    """Render the facts of a track and its audio slot, shown under the page title."""
    facts = [f"<li>Track {track.number} of {total}</li>"]
    if track.disc is not None:
        facts.append(f"<li>Disc {track.disc}</li>")
    if track.running_time:
        facts.append(
            f'<li>Running time <time datetime="PT{_iso(track.running_time)}">'
            f"{escape(track.running_time)}</time></li>"
        )
    if track.units:
        facts.append(f"<li>Units {escape(', '.join(track.units))}</li>")
    if audio_href:
        audio = (
            f'<audio class="qb-track__player" controls preload="none" '
            f'src="{escape(audio_href)}">Your browser cannot play this recording: '
            f'<a href="{escape(audio_href)}">download it (MP3)</a>.</audio>'
        )
    else:
        length = (
            f" It runs for {escape(spoken_time(track.running_time))}." if track.running_time else ""
        )
        audio = (
            f'<p class="qb-track__no-audio">The recording of this track is not included '
            f"with this copy of the course.{length} Everything it covers is on this page; "
            f"if your tutor has the recording, they can add it as "
            f"<code>{escape(track.audio_path)}</code>.</p>"
        )
    return (
        f'<div class="qb-track" data-qb-track="{track.number}">'
        f'<ul class="qb-track__facts" aria-label="About this track">{"".join(facts)}</ul>'
        f'<div class="qb-track__audio">{audio}</div></div>'
    )


def _iso(running_time: str) -> str:
    """Return a running time as an ISO 8601 duration body, such as 11M28S."""
    minutes, _, seconds = running_time.partition(":")
    if minutes.isdigit() and seconds.isdigit():
        return f"{int(minutes)}M{int(seconds)}S"
    return "0S"


def render_footer(
    track: Track, previous: tuple[str, Track] | None, following: tuple[str, Track] | None
) -> str:
    """Render the mark-as-done control and the links to the previous and next tracks."""
    links = []
    if previous:
        links.append(
            f'<a class="qb-track-nav__link qb-track-nav__link--prev" rel="prev" '
            f'href="{escape(previous[0])}"><span class="qb-track-nav__direction">'
            f"Previous track</span> {escape(previous[1].label)}</a>"
        )
    if following:
        links.append(
            f'<a class="qb-track-nav__link qb-track-nav__link--next" rel="next" '
            f'href="{escape(following[0])}"><span class="qb-track-nav__direction">'
            f"Next track</span> {escape(following[1].label)}</a>"
        )
    done = (
        f'<div class="qb-track-done" hidden>{NOTICE}<button type="button" class="qb-button" '
        f'data-qb-action="track-done" data-qb-track="{track.number}" aria-pressed="false">'
        f"Mark track {track.number} as done</button>"
        f'<p class="qb-track-done__status" aria-live="polite"></p></div>'
    )
    nav = (
        f'<nav class="qb-track-nav" aria-label="Previous and next track">{"".join(links)}</nav>'
        if links
        else ""
    )
    return done + nav


def insert_after_title(html: str, addition: str) -> str:
    """Insert HTML right after the page's first heading, or at the top if it has none."""
    end = html.find("</h1>")
    if end < 0:
        return addition + html
    end += len("</h1>")
    return html[:end] + addition + html[end:]
