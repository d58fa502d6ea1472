"""The one script and the one stylesheet, as the built site publishes them.

Shared by the MkDocs plugin (which publishes them under names that carry a content hash) and
`quizbank assets` (which writes them for site generators that do not run MkDocs plugins).
They are published as they are committed in `assets/dist/`: esbuild builds them from the
sources in `assets/src/` (`npm run build`; `assets/src/README.md`), and a test fails when the
committed files are not what the sources build to.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

from .files import write_texts

DIST_DIR = Path(__file__).parent / "assets" / "dist"
"""The built assets: the script bundled and minified, the stylesheet minified."""
ASSETS = ("quizbank.js", "quizbank.css")
"""The one script and the one stylesheet every page references."""


def asset_content(name: str) -> str:
    """Return an asset as it is published: the built file, as committed."""
    return (DIST_DIR / name).read_text(encoding="utf-8")


def asset_uri(name: str, content: str) -> str:
    """Return where an asset is published; its name carries a content hash, so it caches."""
    digest = hashlib.sha256(content.encode("utf-8")).hexdigest()[:10]
    stem, suffix = name.rsplit(".", 1)
    return f"assets/quizbank/{stem}.{digest}.{suffix}"


def write_assets(folder: Path) -> list[Path]:
    """Write the published script and stylesheet into a folder, under their plain names."""
    return write_texts(folder, ASSETS, asset_content)
