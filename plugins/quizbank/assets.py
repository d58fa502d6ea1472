"""The script and the stylesheet every page references, and the two scripts the first loads.

Every page references the script and the stylesheet, as the built site publishes them. What
only some pages need is in two more scripts that the first loads, from beside itself, on a
page that needs them: the questions script (quizzes, self-assessments, the review queue) and
the page script (the self-assessment's report, the review page, the course record, the
journal, the data page, the home page's progress, reading aloud). Every other page is spared
their weight. Shared by the MkDocs plugin (which publishes them under names that carry a
content hash) and `quizbank assets` (which writes them for site generators that do not run
MkDocs plugins). They are published as they are committed in `assets/dist/`: esbuild builds
them from the sources in `assets/src/` (`npm run build`; `assets/src/README.md`), and a test
fails when the committed files are not what the sources build to.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

from .files import write_texts

DIST_DIR = Path(__file__).parent / "assets" / "dist"
"""The built assets: the script bundled and minified, the stylesheet minified."""
ASSETS = ("quizbank.js", "quizbank.css")
"""The one script and the one stylesheet every page references."""
LOADED = ("quizbank-questions.js", "quizbank-pages.js")
"""The scripts `quizbank.js` loads on the pages that need them: its name with a suffix added."""
PUBLISHED = (*ASSETS, *LOADED)
"""Everything published under `assets/quizbank/`."""


def asset_content(name: str) -> str:
    """Return an asset as it is published: the built file, as committed."""
    return (DIST_DIR / name).read_text(encoding="utf-8")


def asset_uri(name: str, content: str) -> str:
    """Return where an asset is published; its name carries a content hash, so it caches."""
    digest = hashlib.sha256(content.encode("utf-8")).hexdigest()[:10]
    stem, suffix = name.rsplit(".", 1)
    return f"assets/quizbank/{stem}.{digest}.{suffix}"


def published_uris(contents: dict[str, str]) -> dict[str, str]:
    """Return where each published asset goes, given their contents.

    The scripts carry one hash, of them all: `quizbank.js` finds the others by its own name,
    and a change to any gives all new names.
    """
    scripts = "".join(contents[name] for name in ("quizbank.js", *LOADED))
    return {
        name: asset_uri(name, scripts if name.endswith(".js") else content)
        for name, content in contents.items()
    }


def write_assets(folder: Path) -> list[Path]:
    """Write the published scripts and stylesheet into a folder, under their plain names."""
    return write_texts(folder, PUBLISHED, asset_content)
