"""The one script and the one stylesheet, as the built site publishes them.

Shared by the MkDocs plugin (which publishes them under names that carry a content hash) and
`quizbank assets` (which writes them for site generators that do not run MkDocs plugins).
"""

from __future__ import annotations

import hashlib
from pathlib import Path

import rcssmin
import rjsmin

ASSETS_DIR = Path(__file__).parent / "assets"
ASSETS = ("quizbank.js", "quizbank.css")
"""The one script and the one stylesheet every page references."""


def asset_content(name: str) -> str:
    """Return an asset as it is published: minified, the readable source stays in the package."""
    source = (ASSETS_DIR / name).read_text(encoding="utf-8")
    return rjsmin.jsmin(source) if name.endswith(".js") else rcssmin.cssmin(source)


def asset_uri(name: str, content: str) -> str:
    """Return where an asset is published; its name carries a content hash, so it caches."""
    digest = hashlib.sha256(content.encode("utf-8")).hexdigest()[:10]
    stem, suffix = name.rsplit(".", 1)
    return f"assets/quizbank/{stem}.{digest}.{suffix}"


def write_assets(folder: Path) -> list[Path]:
    """Write the published script and stylesheet into a folder, under their plain names."""
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for name in ASSETS:
        path = folder / name
        path.write_text(asset_content(name), encoding="utf-8")
        written.append(path)
    return written
