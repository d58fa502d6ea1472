"""The MkDocs plugin: thin glue around the Markdown extension.

It loads and checks the banks once a build, hands them to the extension, tells the extension
which page it renders (for links to track pages and for problem reports), adds the one
script and the one stylesheet, and watches the banks under `mkdocs serve`.
"""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

import rcssmin
import rjsmin
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.livereload import LiveReloadServer
from mkdocs.plugins import BasePlugin, get_plugin_logger
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page

from . import model
from .catalog import Catalog, load_catalog
from .config import QuizbankConfig
from .markdown import QuizbankExtension
from .pages import split_front_matter
from .problems import format_problems
from .render import RenderContext
from .trackpage import Track, insert_after_title, read_track, render_footer, render_header

log = get_plugin_logger(__name__)

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


class QuizbankPlugin(BasePlugin[QuizbankConfig]):
    """Render the quizbank blocks (quizzes, self-assessments, reflections, records)."""

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig | None:
        """Load and check the banks, and register the extension and the assets."""
        if not self.config.enabled:
            return None
        root = Path(config.config_file_path or ".").parent
        self.docs_prefix = Path(os.path.relpath(config.docs_dir, root)).as_posix()
        self.bank_dir = root / self.config.banks
        if not self.bank_dir.is_dir():
            raise PluginError(f"quizbank: the banks folder {self.config.banks!r} does not exist "
                              f"(looked in {self.bank_dir}); set 'banks' under the plugin")
        self.catalog: Catalog = load_catalog([self.bank_dir], relative_to=root)
        if self.catalog.problems:
            raise PluginError("quizbank: the question banks have problems:\n"
                              + format_problems(self.catalog.problems))
        self.extension = QuizbankExtension()
        self.extension.catalog = self.catalog
        config.markdown_extensions.append(self.extension)  # type: ignore[arg-type]
        self.assets = {name: asset_content(name) for name in ASSETS}
        self.asset_uris = {name: asset_uri(name, self.assets[name]) for name in ASSETS}
        config.extra_css.append(self.asset_uris["quizbank.css"])
        config.extra_javascript.append(self.asset_uris["quizbank.js"])  # type: ignore[arg-type]
        self.tracks: dict[int, tuple[File, Track]] = {}
        return config

    def on_files(self, files: Files, /, *, config: MkDocsConfig) -> Files | None:
        """Publish the assets, and find the track pages (front matter `track: N`)."""
        if not self.config.enabled:
            return None
        for name, uri in self.asset_uris.items():
            files.append(File.generated(config, uri, content=self.assets[name]))
        for file in files.documentation_pages():
            meta, _, _ = split_front_matter(file.content_string)
            track = read_track(meta, file.name)
            if track is None:
                continue
            if track.number in self.tracks:
                log.warning(f"{self.docs_prefix}/{file.src_uri}: 'track: {track.number}' is "
                            f"also declared by {self.tracks[track.number][0].src_uri}")
            self.tracks[track.number] = (file, track)
        self._check_track_tags()
        return files

    def _check_track_tags(self) -> None:
        """Warn about questions tagged with a track that no page declares."""
        if not self.tracks:
            return
        for bank_id, bank in self.catalog.banks.items():
            entries = bank.questions if isinstance(bank, model.QuizBank) else bank.items()
            for entry in entries:
                if entry.track is not None and entry.track not in self.tracks:
                    log.warning(f"{self.catalog.paths[bank_id]}: question {entry.id!r} is tagged "
                                f"track {entry.track}, but no page has 'track: {entry.track}' "
                                f"in its front matter")

    def on_page_markdown(self, markdown: str, /, *, page: Page, config: MkDocsConfig,
                         files: Files) -> str | None:
        """Tell the extension which page it is about to render."""
        if not self.config.enabled:
            return None
        _, _, offset = split_front_matter(page.file.content_string)
        path = f"{self.docs_prefix}/{page.file.src_uri}"

        def track_link(number: int) -> tuple[str, str] | None:
            if number not in self.tracks:
                return None
            target, track = self.tracks[number]
            return target.url_relative_to(page.file), track.label

        def report(line: int, message: str) -> None:
            log.warning(f"{path}:{line + offset}:1: {message}")

        self.extension.context = RenderContext(track_link=track_link,
                                               page_track=self._track_of(page),
                                               track_count=len(self.tracks))
        self.extension.reporter = report
        self.extension.page = path
        return None

    def _track_of(self, page: Page) -> int | None:
        """Return the number of the track a page is, if it is one."""
        for number, (file, _) in self.tracks.items():
            if file is page.file:
                return number
        return None

    def on_page_content(self, html: str, /, *, page: Page, config: MkDocsConfig,
                        files: Files) -> str | None:
        """Give a track page its header, audio slot and links to the tracks either side."""
        if not self.config.enabled:
            return None
        number = self._track_of(page)
        if number is None:
            return None
        track = self.tracks[number][1]
        audio = files.get_file_from_path(track.audio_path)
        audio_href = audio.url_relative_to(page.file) if audio else None
        html = insert_after_title(html, render_header(track, len(self.tracks), audio_href))
        numbers = sorted(self.tracks)
        position = numbers.index(number)

        def neighbour(index: int) -> tuple[str, Track] | None:
            if not 0 <= index < len(numbers):
                return None
            file, other = self.tracks[numbers[index]]
            return file.url_relative_to(page.file), other

        return html + render_footer(track, neighbour(position - 1), neighbour(position + 1))

    def on_serve(self, server: LiveReloadServer, /, *, config: MkDocsConfig,
                 builder: object) -> LiveReloadServer | None:
        """Rebuild when a bank changes."""
        if self.config.enabled:
            server.watch(str(self.bank_dir))
        return server
