"""Track pages as the engine knows them: a page whose front matter says `track: N`.

Questions are tagged with the track that teaches them, and link back to its page; the
learner marks tracks as done. What a track page shows besides its blocks (a header, links to
other tracks) is the course's own business, not the engine's.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class Track:
    """What a track page's front matter says that the engine uses."""

    number: int
    title: str
    units: tuple[str, ...] = ()
    """The units the track teaches: a unit it does not list is not a gap in it."""

    @property
    def label(self) -> str:
        """Return the track's name as links show it."""
        return f"Track {self.number}: {self.title}"


def read_track(meta: dict[str, Any], fallback_title: str) -> Track | None:
    """Return the track a page's front matter declares, or None for other pages."""
    number = meta.get("track")
    if not isinstance(number, int) or isinstance(number, bool):
        return None
    units = meta.get("units") or []
    return Track(
        number=number,
        title=str(meta.get("title") or fallback_title),
        units=tuple(str(unit) for unit in units) if isinstance(units, list) else (),
    )
